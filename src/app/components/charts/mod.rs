//! Charts drawn as SVG by Yew, from the pure geometry in `app::charts`: no charting library.
//! Each chart is a figure with a title, a sentence describing it, a legend, and its data in a
//! table one click away. Bars are told apart by pattern as well as colour, so they read in
//! greyscale and on paper.

pub mod balance_chart;
pub mod bar_chart;
pub mod chart_frame;
pub mod chart_legend;
pub mod chart_table;
pub mod contributions_chart;
pub mod results_charts;
pub mod series_patterns;
