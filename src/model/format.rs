//! How money and percentages are shown to people: £ with thousands separators, £000 columns,
//! £m summaries, and negatives with a true minus sign or in brackets. One formatter,
//! [`MoneyStyle`], serves every table, chart label and axis, sentence and the board paper:
//! build it from the model's choices with [`MoneyStyle::report`] (or `Model::money_style`).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::{round_half_away_from_zero, Money, Percent};
use crate::model::saved_names::saved_names;

/// The unit amounts are shown in. With `Thousands` the "£000" belongs in the column heading,
/// so the figures themselves carry no £.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MoneyUnit {
    #[default]
    Pounds,
    Thousands,
    Millions,
}

saved_names!(MoneyUnit {
    Pounds => "pounds",
    Thousands => "thousands",
    Millions => "millions",
});

impl MoneyUnit {
    pub fn is_default(&self) -> bool {
        *self == MoneyUnit::Pounds
    }

    /// What goes in a column head: "£", "£000", "£m".
    pub fn symbol(self) -> &'static str {
        match self {
            MoneyUnit::Pounds => "£",
            MoneyUnit::Thousands => "£000",
            MoneyUnit::Millions => "£m",
        }
    }

    /// For a choice: "pounds and pence", "thousands of pounds (£000)", "millions of pounds (£m)".
    pub fn label(self) -> &'static str {
        match self {
            MoneyUnit::Pounds => "Pounds and pence (£)",
            MoneyUnit::Thousands => "Thousands of pounds (£000)",
            MoneyUnit::Millions => "Millions of pounds (£m)",
        }
    }

    /// How a money field's label says what it reads: "in pounds", "in £000", "in £m".
    pub fn entry_words(self) -> &'static str {
        match self {
            MoneyUnit::Pounds => "in pounds",
            MoneyUnit::Thousands => "in £000",
            MoneyUnit::Millions => "in £m",
        }
    }
}

/// How a negative amount is shown. Finance reports use brackets; a true minus sign (U+2212)
/// reads more reliably with screen readers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum NegativeStyle {
    #[default]
    Minus,
    Brackets,
}

saved_names!(NegativeStyle {
    Minus => "minus",
    Brackets => "brackets",
});

impl NegativeStyle {
    pub fn is_default(&self) -> bool {
        *self == NegativeStyle::Minus
    }

    pub fn label(self) -> &'static str {
        match self {
            NegativeStyle::Minus => "Minus sign, like −1,250",
            NegativeStyle::Brackets => "Brackets, like (1,250)",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MoneyStyle {
    pub unit: MoneyUnit,
    pub negative: NegativeStyle,
    /// The finer figure: pence with `Pounds` ("£1,234.50" rather than "£1,235"), and two places
    /// rather than one with `Millions` ("1.23" rather than "1.2"). Ignored for `Thousands`.
    pub pence: bool,
}

impl MoneyStyle {
    /// "£1,234,567.89", "−£220,336.00".
    pub const EXACT: MoneyStyle = MoneyStyle {
        unit: MoneyUnit::Pounds,
        negative: NegativeStyle::Minus,
        pence: true,
    };
    /// "1,235" and "(220)" for a table headed £000.
    pub const THOUSANDS_REPORT: MoneyStyle = MoneyStyle {
        unit: MoneyUnit::Thousands,
        negative: NegativeStyle::Brackets,
        pence: false,
    };
}

impl MoneyStyle {
    /// The style of every table, chart and board paper for a model's choice of unit and
    /// negatives: pounds exact to the penny, £000 whole thousands, £m to one decimal place.
    pub fn report(unit: MoneyUnit, negative: NegativeStyle) -> MoneyStyle {
        MoneyStyle {
            unit,
            negative,
            pence: unit == MoneyUnit::Pounds,
        }
    }

    /// A figure in a table column whose head carries the unit ([`MoneyStyle::head`]):
    /// "£1,234.50" in pounds, "1,235" in £000, "1.2" in £m. The same as [`format_money`].
    pub fn figure(self, amount: Money) -> String {
        format_money(amount, self)
    }

    /// An amount standing alone, in a sentence: "£1,234.50", "£1,235k", "£1.2m" (with the same
    /// rounding and negatives as [`MoneyStyle::figure`]); "£0" for an amount that rounds to
    /// nothing, never "£0k".
    pub fn amount(self, amount: Money) -> String {
        render(amount, self, self.places(), Mark::Inline)
    }

    /// The style of a chart: the model's unit, or in pounds the one that suits `largest` (£000
    /// from £1,000, £m from £1m, then to two places of a million); whole pounds and whole £000.
    /// A chart's axis ticks and bar labels are bare figures in that unit ([`MoneyStyle::tick`],
    /// [`MoneyStyle::bar_label`]) and its axis title says the unit once
    /// ([`MoneyStyle::axis_title`]), as a board paper's tables do: "1,500" under "£000", never
    /// "£1,500k". Sentences about the chart use [`MoneyStyle::amount`] of the same style.
    pub fn for_chart(self, largest: Money) -> MoneyStyle {
        let unit = match self.unit {
            MoneyUnit::Pounds if largest.abs() >= Money::pounds(1_000_000) => MoneyUnit::Millions,
            MoneyUnit::Pounds if largest.abs() >= Money::pounds(1_000) => MoneyUnit::Thousands,
            unit => unit,
        };
        MoneyStyle {
            unit,
            negative: self.negative,
            pence: self.unit == MoneyUnit::Pounds && unit == MoneyUnit::Millions,
        }
    }

    /// A chart's value axis title, the one place its unit is written: "£000", "£m", "£".
    pub fn axis_title(self) -> &'static str {
        self.unit.symbol()
    }

    /// An axis tick, a bare figure in the chart's unit with just enough decimal places (up to
    /// two) to tell multiples of `step` apart: "0", "250", "1.5", "(200)".
    pub fn tick(self, value: Money, step: Money) -> String {
        if value.is_zero() {
            return "0".to_string();
        }
        let step = step.abs().as_decimal() / self.scale();
        let places = (0..2u32)
            .find(|&places| {
                let shifted = step * Decimal::from(10_u32.pow(places));
                shifted == shifted.trunc()
            })
            .unwrap_or(2);
        render(value, self, places, Mark::Bare)
    }

    /// The amount written at a bar's end: a bare figure in the chart's unit, rounded as the
    /// tables are: "1,142", "(353)", "0".
    pub fn bar_label(self, amount: Money) -> String {
        render(amount, self, self.places(), Mark::Bare)
    }

    /// A column head with the unit: "Net cost (£000)", "Net cost (£m)", "Net cost (£)".
    pub fn head(self, label: &str) -> String {
        format!("{label} ({})", self.unit.symbol())
    }

    /// One sentence for a caption: the unit, how negatives are shown, and how totals are
    /// rounded: "Amounts in £000. Negative amounts are in brackets, like (1,250)."
    pub fn note(self) -> String {
        let unit = match self.unit {
            MoneyUnit::Pounds => "Amounts in pounds.",
            MoneyUnit::Thousands => {
                "Amounts in £000 (thousands of pounds), rounded to the nearest £1,000."
            }
            MoneyUnit::Millions => {
                "Amounts in £m (millions of pounds), rounded to the nearest £100,000."
            }
        };
        let negatives = match self.negative {
            NegativeStyle::Minus => "Negative amounts have a minus sign, like −1,250.",
            NegativeStyle::Brackets => "Negative amounts are in brackets, like (1,250).",
        };
        format!("{unit} {negatives}")
    }

    /// The footnote a table needs when the rounded parts of some of its totals do not add up to
    /// the rounded total: one sentence for the whole table, naming each such column with what
    /// its rounded figures add up to ("‘Option A (base)’ adds up to 230,050, not 230,051"). `columns` pairs
    /// a column's name with its parts and total. The rule: every figure, totals included, is the
    /// exact amount rounded once (half away from zero), so a total is never the sum of rounded
    /// parts. `None` when every column agrees (always in pounds and pence).
    pub fn rounding_note(self, columns: &[(&str, Vec<Money>, Money)]) -> Option<String> {
        let differing: Vec<String> = columns
            .iter()
            .filter_map(|(column, parts, total)| {
                let sum = self.rounded_sum_if_different(parts, *total)?;
                Some(format!(
                    "‘{column}’ adds up to {}, not {}",
                    self.figure(sum),
                    self.figure(*total)
                ))
            })
            .collect();
        (!differing.is_empty()).then(|| {
            format!(
                "Totals are worked out from the exact amounts and then rounded, so the rounded figures above a total may not add up to it exactly (here: {}).",
                differing.join("; ")
            )
        })
    }

    /// What the rounded `parts` add up to, as an amount, when that is not the rounded `total`.
    fn rounded_sum_if_different(self, parts: &[Money], total: Money) -> Option<Money> {
        let sum = parts.iter().try_fold(Decimal::ZERO, |sum, part| {
            sum.checked_add(self.rounded(*part))
        })?;
        (sum != self.rounded(total)).then(|| Money::from_decimal(sum * self.scale()))
    }

    /// The amount in the unit, rounded as shown.
    fn rounded(self, amount: Money) -> Decimal {
        round_half_away_from_zero(amount.as_decimal() / self.scale(), self.places())
    }

    fn scale(self) -> Decimal {
        match self.unit {
            MoneyUnit::Pounds => Decimal::ONE,
            MoneyUnit::Thousands => Decimal::ONE_THOUSAND,
            MoneyUnit::Millions => Decimal::from(1_000_000),
        }
    }

    fn places(self) -> u32 {
        match (self.unit, self.pence) {
            (MoneyUnit::Pounds, true) | (MoneyUnit::Millions, true) => 2,
            (MoneyUnit::Millions, false) => 1,
            _ => 0,
        }
    }
}

/// The model's choice of how money is shown, kept with the model (schema 3, link part
/// tag 1): the unit of every table, chart and board paper, and how negatives are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MoneyDisplay {
    #[serde(default, skip_serializing_if = "MoneyUnit::is_default")]
    pub unit: MoneyUnit,
    #[serde(default, skip_serializing_if = "NegativeStyle::is_default")]
    pub negatives: NegativeStyle,
}

impl MoneyDisplay {
    pub fn is_default(&self) -> bool {
        *self == MoneyDisplay::default()
    }

    pub fn style(self) -> MoneyStyle {
        MoneyStyle::report(self.unit, self.negatives)
    }
}

impl Default for MoneyStyle {
    fn default() -> Self {
        MoneyStyle::EXACT
    }
}

pub const MINUS_SIGN: char = '\u{2212}';

/// Formats `amount` in `style` as a table figure (the unit in the column head): "£1,234,567.89",
/// "1,235" (£000), "1.2" (£m), "−£220,336" or "(£220,336)". Rounding to the unit uses the
/// model's one rule (half away from zero).
pub fn format_money(amount: Money, style: MoneyStyle) -> String {
    render(amount, style, style.places(), Mark::Figure)
}

/// How much of the unit an amount carries itself.
#[derive(Clone, Copy, PartialEq)]
enum Mark {
    /// In a table whose head has the unit: "£" in pounds only ("£1,234.50", "1,235").
    Figure,
    /// On a chart, whose axis title has the unit: never a "£" ("1,235", "400").
    Bare,
    /// Standing alone in a sentence: "£" and "k"/"m" ("£1,235k"), "£0" for nothing.
    Inline,
}

/// The one place an amount becomes text: rounded once to `places` in the unit, grouped in
/// thousands, marked with as much of the unit as `mark` says, then the negative style.
fn render(amount: Money, style: MoneyStyle, places: u32, mark: Mark) -> String {
    let rounded = round_half_away_from_zero(amount.abs().as_decimal() / style.scale(), places);
    let (prefix, suffix) = match (style.unit, mark) {
        (_, Mark::Bare) => ("", ""),
        (MoneyUnit::Pounds, _) => ("£", ""),
        (_, Mark::Figure) => ("", ""),
        // "£0k" reads as an error in a sentence: nothing is "£0" in any unit.
        (_, Mark::Inline) if rounded.is_zero() => return "£0".to_string(),
        (MoneyUnit::Thousands, Mark::Inline) => ("£", "k"),
        (MoneyUnit::Millions, Mark::Inline) => ("£", "m"),
    };
    let body = format!("{prefix}{}{suffix}", group_thousands(rounded, places));
    // An amount that rounds to zero is shown without a sign: "−0" in a report looks like an error.
    match (amount.is_negative() && !rounded.is_zero(), style.negative) {
        (false, _) => body,
        (true, NegativeStyle::Minus) => format!("{MINUS_SIGN}{body}"),
        (true, NegativeStyle::Brackets) => format!("({body})"),
    }
}

/// An amount as a money field shows it, in the unit the field reads
/// ([`Money::parse_entered`]): "1,250,000.00" in pounds; "1,250" or "1,234.56789" in £000, exact,
/// so reading the text back gives the same amount to the penny; a true minus sign.
pub fn entry_text(amount: Money, unit: MoneyUnit) -> String {
    let style = MoneyStyle::report(unit, NegativeStyle::Minus);
    if unit == MoneyUnit::Pounds {
        return format_money(amount, style).replacen('£', "", 1);
    }
    let value = (amount.abs().as_decimal() / style.scale()).normalize();
    let body = group_thousands(value, value.scale());
    if amount.is_negative() {
        format!("{MINUS_SIGN}{body}")
    } else {
        body
    }
}

/// The note for a table with a percentage column: what "n/a" means, said once in its caption.
pub const PERCENT_NOT_SHOWN: &str = "n/a: no percentage where the base is zero or under 1% of the largest figure in the table, where it would mean nothing.";

/// `amount` as a percentage of `base`, unless the base is zero or negligible: under 1% of
/// `largest`, the largest figure (by size) in the same table. Such percentages ("+117,278,294%")
/// mean nothing, so tables show "n/a" and say why once ([`PERCENT_NOT_SHOWN`]).
pub fn meaningful_percent(amount: Money, base: Money, largest: Money) -> Option<Percent> {
    let size = base.abs();
    let floor = largest
        .abs()
        .checked_percent(Percent::from_hundredths(100))?;
    if size.is_zero() || size < floor {
        return None;
    }
    amount.percent_of(size)
}

/// A computed percentage as a board paper shows it: one decimal place under 10% ("0.5%",
/// "−1.5%"), whole percents from 10% ("491%"), and "under 0.1%" for a change too small to
/// show (never "0.0%"), rounded half away from zero. Percentages someone typed (a risk share,
/// an uplift) keep [`format_percent`], which shows them as typed.
pub fn format_report_percent(percent: Percent) -> String {
    let value = percent.as_decimal();
    let size = value.abs();
    let tenths = round_half_away_from_zero(size, 1);
    let (rounded, places) = if tenths < Decimal::TEN {
        (tenths, 1)
    } else {
        (round_half_away_from_zero(size, 0), 0)
    };
    if !size.is_zero() && rounded.is_zero() {
        return "under 0.1%".to_string();
    }
    let sign = if value.is_sign_negative() && !rounded.is_zero() {
        MINUS_SIGN.to_string()
    } else {
        String::new()
    };
    format!("{sign}{}%", group_thousands(rounded, places))
}

/// "5.66%", "3.9%", "−1.5%".
pub fn format_percent(percent: Percent) -> String {
    let text = percent.to_string();
    match text.strip_prefix('-') {
        Some(rest) => format!("{MINUS_SIGN}{rest}"),
        None => text,
    }
}

/// Digits of a non-negative value with a comma every three places in the whole part.
fn group_thousands(value: Decimal, places: u32) -> String {
    let text = value.to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole.to_string(), Some(fraction.to_string())),
        None => (text, None),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3 + 4);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if places > 0 {
        if let Some(fraction) = fraction {
            grouped.push('.');
            grouped.push_str(&fraction);
        }
    }
    grouped
}

/// `value` rounded to `places` decimals (at most 2), for SVG attributes, sizes and pixels:
/// "292.0", "-3.25". Digits come from integer formatting: Rust's float formatting would add
/// about 20 KiB of wasm, so no `f64` is formatted with `{}` or `to_string` in the page
/// (docs/benchmarks.md, issue #18).
pub fn decimals(value: f64, places: usize) -> String {
    let places = places.min(2);
    let factor: u64 = [1, 10, 100][places];
    let scaled = (value.abs() * factor as f64).round();
    // Beyond 2^53 an f64 has no fractional digits to show; such values never reach a chart.
    let units = if scaled.is_finite() && scaled < 9.0e15 {
        scaled as u64
    } else {
        0
    };
    let sign = if value < 0.0 && units != 0 { "-" } else { "" };
    let (whole, fraction) = (units / factor, units % factor);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:0places$}")
    }
}
