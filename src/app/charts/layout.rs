//! Where everything in a bar chart goes, in SVG units of a fixed view box (the SVG scales to
//! its container): bars stacked or side by side within each category, the value axis with its
//! zero line, category labels, and the amounts written on or above the bars.

use super::data::ChartData;
use super::scale::{money, pounds, Axis};

pub const VIEW_WIDTH: f64 = 720.0;
pub const VIEW_HEIGHT: f64 = 340.0;
/// Room for the value axis labels on the left and two lines of category labels below.
const PLOT: Plot = Plot {
    left: 72.0,
    right: VIEW_WIDTH - 12.0,
    top: 32.0,
    bottom: VIEW_HEIGHT - 48.0,
};
const TARGET_TICKS: usize = 6;
/// Roughly the width of one character of 13-unit text, for fitting labels (generous, since
/// capitals are wider), and the gap kept between neighbouring labels.
const CHAR_WIDTH: f64 = 7.5;
const LABEL_GAP: f64 = 8.0;
/// Bars narrower than this carry no amount label (the legend and table still give it).
const MIN_LABELLED_BAR: f64 = 44.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arrangement {
    /// One bar per category, the series stacked (negatives stack downwards from zero).
    Stacked,
    /// One bar per series, side by side within each category.
    Grouped,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub category: usize,
    pub series: usize,
    /// Which fill the bar's series has (`ChartData::fills`).
    pub fill: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub y: f64,
    pub label: String,
}

/// Text placed at `x`, `y` (its baseline, centred on `x`).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub lines: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub plot: Plot,
    /// The value axis's unit, written once above its ticks: "£000".
    pub axis_title: &'static str,
    pub ticks: Vec<Tick>,
    pub zero_y: f64,
    pub bars: Vec<Bar>,
    pub category_labels: Vec<Label>,
    pub value_labels: Vec<Label>,
}

pub fn layout(data: &ChartData, arrangement: Arrangement) -> Layout {
    let plot = PLOT;
    let (low, high) = extent(data, arrangement);
    // Headroom so an amount written beyond the longest bar stays inside the plot.
    let headroom = (high - low) * 0.1;
    let low = if low < 0.0 { low - headroom } else { low };
    let high = if high > 0.0 { high + headroom } else { high };
    let axis = Axis::covering(low, high, TARGET_TICKS);
    let y = |value: f64| axis.position(value, plot.bottom, plot.top);
    let style = data.chart_style();
    let ticks = axis
        .ticks()
        .into_iter()
        .map(|value| Tick {
            y: y(value),
            label: style.tick(money(value), money(axis.step)),
        })
        .collect();
    let band = (plot.right - plot.left) / data.categories.len().max(1) as f64;
    let centre = |category: usize| plot.left + band * (category as f64 + 0.5);
    let category_labels = data
        .categories
        .iter()
        .enumerate()
        .map(|(c, category)| Label {
            x: centre(c),
            y: plot.bottom + 18.0,
            lines: wrap(&category.label, ((band - LABEL_GAP) / CHAR_WIDTH) as usize),
        })
        .collect();
    let (mut bars, value_labels) = match arrangement {
        Arrangement::Stacked => stacked(data, band, &centre, &y),
        Arrangement::Grouped => grouped(data, band, &centre, &y),
    };
    let fills = data.fills();
    for bar in &mut bars {
        bar.fill = fills.get(bar.series).copied().flatten().unwrap_or(0);
    }
    Layout {
        plot,
        axis_title: style.axis_title(),
        ticks,
        zero_y: y(0.0),
        bars,
        category_labels,
        value_labels,
    }
}

/// The lowest and highest values the bars reach.
fn extent(data: &ChartData, arrangement: Arrangement) -> (f64, f64) {
    let values: Vec<(f64, f64)> = match arrangement {
        Arrangement::Stacked => (0..data.categories.len())
            .map(|c| stack_sums(data, c))
            .collect(),
        Arrangement::Grouped => data
            .cells()
            .map(|(_, _, amount)| (pounds(amount), pounds(amount)))
            .collect(),
    };
    values
        .into_iter()
        .fold((0.0, 0.0), |(low, high), (down, up)| {
            (low.min(down), high.max(up))
        })
}

/// The sum of a category's negative amounts and of its positive ones.
fn stack_sums(data: &ChartData, category: usize) -> (f64, f64) {
    (0..data.series.len())
        .map(|s| pounds(data.amount(category, s)))
        .fold((0.0, 0.0), |(down, up), v| {
            if v < 0.0 {
                (down + v, up)
            } else {
                (down, up + v)
            }
        })
}

/// A bar from `from` to `to` (values), drawn between `x` and `x + width`.
fn bar(
    category: usize,
    series: usize,
    x: f64,
    width: f64,
    from: f64,
    to: f64,
    y: &dyn Fn(f64) -> f64,
) -> Bar {
    let (a, b) = (y(from), y(to));
    Bar {
        category,
        series,
        fill: 0,
        x,
        y: a.min(b),
        width,
        height: (a - b).abs(),
    }
}

fn stacked(
    data: &ChartData,
    band: f64,
    centre: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
) -> (Vec<Bar>, Vec<Label>) {
    let width = band * 0.6;
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for c in 0..data.categories.len() {
        let x = centre(c) - width / 2.0;
        let (mut down, mut up) = (0.0, 0.0);
        for s in 0..data.series.len() {
            let value = pounds(data.amount(c, s));
            if value == 0.0 {
                continue;
            }
            let base = if value < 0.0 { &mut down } else { &mut up };
            bars.push(bar(c, s, x, width, *base, *base + value, y));
            *base += value;
        }
        if width >= MIN_LABELLED_BAR && (up != 0.0 || down != 0.0) {
            let total = data.category_total(c).unwrap_or(money(up + down));
            labels.push(end_label(
                centre(c),
                data.bar_label(total),
                if total.is_negative() { down } else { up },
                y,
            ));
        }
    }
    (bars, labels)
}

fn grouped(
    data: &ChartData,
    band: f64,
    centre: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
) -> (Vec<Bar>, Vec<Label>) {
    let count = data.series.len().max(1) as f64;
    let width = (band * 0.8 / count).min(band * 0.5);
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (c, s, amount) in data.cells() {
        let value = pounds(amount);
        let x = centre(c) - width * count / 2.0 + width * s as f64;
        if value != 0.0 {
            bars.push(bar(c, s, x, width, 0.0, value, y));
        }
        if width >= MIN_LABELLED_BAR {
            labels.push(end_label(x + width / 2.0, data.bar_label(amount), value, y));
        }
    }
    (bars, labels)
}

/// An amount written just beyond the end of its bar: above it, or below a negative one.
fn end_label(x: f64, text: String, end: f64, y: &dyn Fn(f64) -> f64) -> Label {
    let at = y(end);
    Label {
        x,
        y: if end < 0.0 { at + 14.0 } else { at - 4.0 },
        lines: vec![text],
    }
}

/// Up to two lines of at most `width` characters, the second shortened with "…" if need be.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(4);
    if text.chars().count() <= width {
        return vec![text.to_string()];
    }
    let mut first = String::new();
    let mut rest = text;
    for (at, _) in text.match_indices(' ') {
        if text[..at].chars().count() > width {
            break;
        }
        first = text[..at].to_string();
        rest = text[at + 1..].trim_start();
    }
    if first.is_empty() {
        rest = text;
    }
    let shorten = |line: &str| {
        if line.chars().count() <= width {
            line.to_string()
        } else {
            let kept: String = line.chars().take(width - 1).collect();
            format!("{}…", kept.trim_end())
        }
    };
    if first.is_empty() {
        vec![shorten(rest)]
    } else {
        vec![first, shorten(rest)]
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::Category;
    use super::*;
    use crate::model::Money;

    fn data(amounts: &[&[i64]]) -> ChartData {
        let series = amounts.first().map_or(0, |row| row.len());
        ChartData {
            category_heading: "Financial year".into(),
            categories: (0..amounts.len())
                .map(|c| Category {
                    label: format!("{}/{}", 2025 + c, 26 + c),
                    name: format!("{}/{}", 2025 + c, 26 + c),
                })
                .collect(),
            series: (0..series).map(|s| format!("Partner {s}")).collect(),
            amounts: amounts
                .iter()
                .map(|row| row.iter().map(|&p| Money::pounds(p)).collect())
                .collect(),
            style: crate::model::MoneyStyle::EXACT,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn stacked_segments_sit_on_each_other_and_reach_the_category_total() {
        let chart = layout(&data(&[&[300, 100], &[200, 200]]), Arrangement::Stacked);
        assert_eq!(chart.bars.len(), 4);
        let (first, second) = (&chart.bars[0], &chart.bars[1]);
        assert!(
            close(first.y + first.height, chart.zero_y),
            "starts on zero"
        );
        assert!(
            close(second.y + second.height, first.y),
            "second sits on the first"
        );
        assert!(
            close(first.height, second.height * 3.0),
            "heights in proportion"
        );
        // Both categories total 400, so both stacks reach the same height.
        assert!(close(chart.bars[1].y, chart.bars[3].y));
        assert_eq!(chart.value_labels[0].lines, ["400"]);
        // Bare figures: the unit is said once, above the axis.
        assert_eq!(chart.axis_title, "£");
    }

    #[test]
    fn grouped_bars_go_below_the_zero_line_for_negative_amounts() {
        let chart = layout(&data(&[&[500, -250]]), Arrangement::Grouped);
        let (up, down) = (&chart.bars[0], &chart.bars[1]);
        assert!(close(up.y + up.height, chart.zero_y));
        assert!(close(down.y, chart.zero_y));
        assert!(close(up.height, down.height * 2.0));
        assert!(
            up.x + up.width <= down.x + 1e-9,
            "side by side, in series order"
        );
        assert!(chart
            .ticks
            .iter()
            .any(|t| t.label == "0" && close(t.y, chart.zero_y)));
        assert!(chart.ticks.iter().any(|t| t.label.starts_with('−')));
        // The negative amount is written below its bar.
        assert!(chart.value_labels[1].y > down.y + down.height);
        assert_eq!(chart.value_labels[1].lines, ["−250"]);
    }

    #[test]
    fn negative_amounts_in_a_stack_hang_below_zero() {
        let chart = layout(&data(&[&[400, -100, 200]]), Arrangement::Stacked);
        let negative = chart.bars.iter().find(|b| b.series == 1).unwrap();
        let third = chart.bars.iter().find(|b| b.series == 2).unwrap();
        assert!(close(negative.y, chart.zero_y));
        let first = &chart.bars[0];
        assert!(
            close(third.y + third.height, first.y),
            "positives stack on positives"
        );
        assert_eq!(chart.value_labels[0].lines, ["500"], "the net total");
    }

    #[test]
    fn in_thousands_the_axis_and_bars_carry_bare_thousands_under_one_unit_title() {
        // The read-through's defect: "£1,500k", "£0k" and "(£1,000k)" on a board paper in £000.
        let style = crate::model::MoneyStyle::report(
            crate::model::MoneyUnit::Thousands,
            crate::model::NegativeStyle::Brackets,
        );
        let chart = layout(
            &data(&[&[-353_000, 1_142_000], &[21_000, 0]]).shown_in(style),
            Arrangement::Grouped,
        );
        assert_eq!(chart.axis_title, "£000");
        let ticks: Vec<&str> = chart.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(
            ticks.contains(&"0") && ticks.contains(&"1,000"),
            "{ticks:?}"
        );
        assert!(ticks.iter().any(|t| t.starts_with('(')), "{ticks:?}");
        let bars: Vec<&str> = chart
            .value_labels
            .iter()
            .flat_map(|l| l.lines.iter().map(String::as_str))
            .collect();
        assert_eq!(bars, ["(353)", "1,142", "21", "0"]);
        for label in ticks.iter().chain(&bars) {
            assert!(!label.contains(['£', 'k', 'm']), "{label}");
        }
        // In £m likewise: "1.5" under "£m".
        let millions = crate::model::MoneyStyle::report(
            crate::model::MoneyUnit::Millions,
            crate::model::NegativeStyle::Minus,
        );
        let chart = layout(
            &data(&[&[1_500_000, -250_000]]).shown_in(millions),
            Arrangement::Grouped,
        );
        assert_eq!(chart.axis_title, "£m");
        let bars: Vec<&str> = chart
            .value_labels
            .iter()
            .flat_map(|l| l.lines.iter().map(String::as_str))
            .collect();
        assert_eq!(bars, ["1.5", "\u{2212}0.3"]);
    }

    #[test]
    fn fills_skip_series_with_nothing_to_draw() {
        let chart = layout(&data(&[&[0, 100, 0, 50]]), Arrangement::Stacked);
        let fills: Vec<(usize, usize)> = chart.bars.iter().map(|b| (b.series, b.fill)).collect();
        assert_eq!(fills, [(1, 0), (3, 1)]);
    }

    #[test]
    fn zero_data_draws_no_bars_but_keeps_the_axis() {
        let chart = layout(&data(&[&[0, 0], &[0, 0]]), Arrangement::Stacked);
        assert!(chart.bars.is_empty());
        assert!(chart.value_labels.is_empty());
        assert_eq!(chart.ticks.first().map(|t| t.label.as_str()), Some("0"));
        assert!(close(chart.zero_y, chart.plot.bottom));
        let empty = layout(&data(&[]), Arrangement::Grouped);
        assert!(empty.bars.is_empty() && empty.category_labels.is_empty());
    }

    #[test]
    fn a_single_year_gets_one_centred_bar() {
        let chart = layout(&data(&[&[1_000_000]]), Arrangement::Grouped);
        let bar = &chart.bars[0];
        let middle = (chart.plot.left + chart.plot.right) / 2.0;
        assert!(close(bar.x + bar.width / 2.0, middle));
        assert!(bar.width <= (chart.plot.right - chart.plot.left) / 2.0);
        assert!(bar.y >= chart.plot.top, "the bar stays inside the plot");
    }

    #[test]
    fn every_bar_stays_inside_the_plot_with_eight_series_and_ten_categories() {
        let row: Vec<i64> = (0..8).map(|s| (s - 3) * 123_457).collect();
        let rows: Vec<&[i64]> = (0..10).map(|_| row.as_slice()).collect();
        for arrangement in [Arrangement::Stacked, Arrangement::Grouped] {
            let chart = layout(&data(&rows), arrangement);
            for bar in &chart.bars {
                assert!(
                    bar.x >= chart.plot.left - 1e-9 && bar.x + bar.width <= chart.plot.right + 1e-9
                );
                assert!(
                    bar.y >= chart.plot.top - 1e-9
                        && bar.y + bar.height <= chart.plot.bottom + 1e-9
                );
            }
        }
    }

    #[test]
    fn long_labels_wrap_onto_two_lines_and_then_shorten() {
        assert_eq!(
            wrap("NHS North East London", 12),
            ["NHS North", "East London"]
        );
        assert_eq!(wrap("Council", 12), ["Council"]);
        assert_eq!(
            wrap("Hackney Council Adult Social Care", 10),
            ["Hackney", "Council A…"]
        );
        assert_eq!(wrap("Supercalifragilistic", 8), ["Superca…"]);
    }
}
