//! Which fill is which series: a swatch drawn with the chart's own pattern beside each name.

use yew::prelude::*;

use super::series_patterns::pattern_fill;

#[derive(Properties, PartialEq)]
pub struct ChartLegendProps {
    pub chart_id: AttrValue,
    pub series: Vec<String>,
    /// Says what the series are: "Partners", "Options", "Pools".
    pub label: AttrValue,
}

#[function_component(ChartLegend)]
pub fn chart_legend(props: &ChartLegendProps) -> Html {
    let items = props.series.iter().enumerate().map(|(series, name)| {
        html! {
            <li class="pb-chart__legend-item">
                <svg class="pb-chart__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                    <rect class="pb-chart__bar" x="1" y="1" width="18" height="18" fill={pattern_fill(&props.chart_id, series)} />
                </svg>
                { name }
            </li>
        }
    });
    html! {
        <div class="pb-chart__legend">
            <p class="pb-chart__legend-label">{ props.label.clone() }</p>
            <ul class="pb-chart__legend-list">{ for items }</ul>
        </div>
    }
}
