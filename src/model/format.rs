//! How money and percentages are shown to people: £ with thousands separators, £000 columns,
//! £m summaries, and negatives with a true minus sign or in brackets.

use rust_decimal::Decimal;

use super::money::{round_half_away_from_zero, Money, Percent};

/// The unit amounts are shown in. With `Thousands` the "£000" belongs in the column heading,
/// so the figures themselves carry no £.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MoneyUnit {
    #[default]
    Pounds,
    Thousands,
    Millions,
}

/// How a negative amount is shown. Finance reports use brackets; a true minus sign (U+2212)
/// reads more reliably with screen readers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NegativeStyle {
    #[default]
    Minus,
    Brackets,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyStyle {
    pub unit: MoneyUnit,
    pub negative: NegativeStyle,
    /// Show pence with `Pounds` ("£1,234.50" rather than "£1,235"). Ignored for other units.
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

impl Default for MoneyStyle {
    fn default() -> Self {
        MoneyStyle::EXACT
    }
}

pub const MINUS_SIGN: char = '\u{2212}';

/// Formats `amount` in `style`: "£1,234,567.89", "£1.23m", "1,235" (£000), "−£220,336" or
/// "(£220,336)". Rounding to the unit uses the model's one rule (half away from zero).
pub fn format_money(amount: Money, style: MoneyStyle) -> String {
    let size = amount.abs().as_decimal();
    let (value, places, prefix, suffix) = match style.unit {
        MoneyUnit::Pounds => (size, if style.pence { 2 } else { 0 }, "£", ""),
        MoneyUnit::Thousands => (size / Decimal::ONE_THOUSAND, 0, "", ""),
        MoneyUnit::Millions => (size / Decimal::from(1_000_000), 2, "£", "m"),
    };
    let rounded = round_half_away_from_zero(value, places);
    let body = format!("{prefix}{}{suffix}", group_thousands(rounded, places));
    // An amount that rounds to zero is shown without a sign: "−0" in a report looks like an error.
    if !amount.is_negative() || rounded.is_zero() {
        return body;
    }
    match style.negative {
        NegativeStyle::Minus => format!("{MINUS_SIGN}{body}"),
        NegativeStyle::Brackets => format!("({body})"),
    }
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
