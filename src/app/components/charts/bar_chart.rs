//! The SVG of a bar chart: gridlines and value axis labels, the bars in their series' fills,
//! a zero line drawn over them, amounts at the bar ends and category labels below. Its name
//! and description come from the figure's title and text.

use yew::prelude::*;

use super::series_patterns::{pattern_fill, series_patterns};
use crate::app::charts::data::ChartData;
use crate::app::charts::layout::{layout, Arrangement, Label, VIEW_HEIGHT, VIEW_WIDTH};
use crate::model::decimals;

/// A coordinate to a tenth of a unit, plenty at any screen size.
fn at(value: f64) -> String {
    decimals(value, 1)
}

fn text(label: &Label, class: &'static str) -> Html {
    let lines = label.lines.iter().enumerate().map(|(i, line)| {
        html! { <tspan x={at(label.x)} dy={if i == 0 { "0" } else { "1.2em" }}>{ line }</tspan> }
    });
    html! {
        <text class={class} x={at(label.x)} y={at(label.y)} text-anchor="middle">{ for lines }</text>
    }
}

/// The chart's SVG, named by the element `labelled_by` and described by `described_by`. A view
/// function rather than a component: only `ChartFrame` draws it, and each component costs wasm.
pub fn bar_chart(
    chart_id: &str,
    data: &ChartData,
    arrangement: Arrangement,
    labelled_by: &str,
    described_by: &str,
) -> Html {
    let chart = layout(data, arrangement);
    let plot = chart.plot;
    let ticks = chart.ticks.iter().map(|tick| {
        html! {
            <>
                <line class="pb-chart__gridline" x1={at(plot.left)} x2={at(plot.right)} y1={at(tick.y)} y2={at(tick.y)} />
                <text class="pb-chart__tick" x={at(plot.left - 8.0)} y={at(tick.y + 4.0)} text-anchor="end">{ &tick.label }</text>
            </>
        }
    });
    let bars = chart.bars.iter().map(|bar| {
        html! {
            <rect
                class="pb-chart__bar"
                x={at(bar.x)} y={at(bar.y)} width={at(bar.width)} height={at(bar.height)}
                fill={pattern_fill(chart_id, bar.fill)}
            />
        }
    });
    html! {
        <div class="pb-chart__plot">
            <svg
                class="pb-chart__svg"
                viewBox={format!("0 0 {} {}", decimals(VIEW_WIDTH, 0), decimals(VIEW_HEIGHT, 0))}
                role="img"
                aria-labelledby={labelled_by.to_string()}
                aria-describedby={described_by.to_string()}
                focusable="false"
            >
                { series_patterns(chart_id, data.fills().iter().flatten().count()) }
                <text class="pb-chart__tick pb-chart__axis-title" x={at(plot.left - 8.0)} y={at(plot.top - 14.0)} text-anchor="end">{ chart.axis_title }</text>
                <g>{ for ticks }</g>
                <g>{ for bars }</g>
                <line class="pb-chart__zero" x1={at(plot.left)} x2={at(plot.right)} y1={at(chart.zero_y)} y2={at(chart.zero_y)} />
                <g>{ for chart.value_labels.iter().map(|l| text(l, "pb-chart__value")) }</g>
                <g>{ for chart.category_labels.iter().map(|l| text(l, "pb-chart__category")) }</g>
            </svg>
        </div>
    }
}
