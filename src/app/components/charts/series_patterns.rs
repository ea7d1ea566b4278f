//! The fill for each series: a colour (set in styles/charts.css, so print and forced colours can
//! change it) with a distinct pattern on top, so series differ even without colour. Eight
//! patterns; a ninth series drawn starts again with the first.

use yew::prelude::*;

/// How many distinct fills there are.
pub const SERIES_FILLS: usize = 8;

/// The marks on each fill in an 8×8 tile: lines (stroked) or dots (filled).
const MARKS: [Option<(&str, bool)>; SERIES_FILLS] = [
    None,
    Some(("M-2,2l4,-4M0,8l8,-8M6,10l4,-4", false)),
    Some(("M1,1h2.5v2.5h-2.5zM5,5h2.5v2.5h-2.5z", true)),
    Some(("M0,4h8", false)),
    Some(("M0,0l8,8M8,0l-8,8", false)),
    Some(("M-2,6l4,4M0,0l8,8M6,-2l4,4", false)),
    Some(("M4,0v8", false)),
    Some(("M0,4h8M4,0v8", false)),
];

/// A `fill` attribute value naming fill number `fill` of the chart `chart_id`.
pub fn pattern_fill(chart_id: &str, fill: usize) -> String {
    format!("url(#{chart_id}-fill-{})", fill % SERIES_FILLS)
}

/// `<defs>` with the first `count` fills (at most eight). A view function rather than a
/// component: it is only ever drawn inside a chart, and each component costs wasm bytes.
pub fn series_patterns(chart_id: &str, count: usize) -> Html {
    let patterns = MARKS.iter().take(count).enumerate().map(|(fill, marks)| {
        let marks = marks.map(|(d, dots)| {
            let kind = if dots {
                "pb-chart__mark--dot"
            } else {
                "pb-chart__mark--line"
            };
            html! { <path class={classes!("pb-chart__mark", kind)} d={d} /> }
        });
        html! {
            <pattern
                id={format!("{chart_id}-fill-{fill}")}
                class={format!("pb-chart__pattern pb-chart__pattern--{fill}")}
                width="8" height="8" patternUnits="userSpaceOnUse"
            >
                <rect class="pb-chart__fill" width="8" height="8" />
                { for marks }
            </pattern>
        }
    });
    html! { <defs>{ for patterns }</defs> }
}
