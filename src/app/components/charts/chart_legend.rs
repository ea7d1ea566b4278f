//! Which fill is which series: a swatch drawn with the chart's own pattern beside each name.
//! Series with nothing to draw are named after the list rather than given a swatch.

use yew::prelude::*;

use super::series_patterns::pattern_fill;
use crate::app::charts::data::ChartData;

/// `label` says what the series are: "Partners", "Options", "Pools".
pub fn chart_legend(chart_id: &str, data: &ChartData, label: &str) -> Html {
    let fills = data.fills();
    let drawn = data
        .series
        .iter()
        .zip(&fills)
        .filter_map(|(name, fill)| fill.map(|fill| (name, fill)))
        .map(|(name, fill)| {
            html! {
                <li class="pb-chart__legend-item">
                    <svg class="pb-chart__swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
                        <rect class="pb-chart__bar" x="1" y="1" width="18" height="18" fill={pattern_fill(chart_id, fill)} />
                    </svg>
                    { name }
                </li>
            }
        });
    let not_drawn: Vec<&str> = data
        .series
        .iter()
        .zip(&fills)
        .filter(|(_, fill)| fill.is_none())
        .map(|(name, _)| name.as_str())
        .collect();
    html! {
        <div class="pb-chart__legend">
            <p class="pb-chart__legend-label">{ label.to_string() }</p>
            <ul class="pb-chart__legend-list">{ for drawn }</ul>
            if !not_drawn.is_empty() {
                <p class="pb-chart__legend-note">{ format!("Nothing to draw (all amounts zero): {}.", not_drawn.join("; ")) }</p>
            }
        </div>
    }
}
