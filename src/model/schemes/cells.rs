//! Reading one cell of a pasted or imported table with the app's own parsers, so "£1,234.50",
//! "1,234", "(1,000)" and "−" mean here what they mean typed into a field.

use crate::model::{FinancialYear, Money, MoneyUnit, Percent};

/// What a cell held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellRead<T> {
    /// Nothing, or a dash as spreadsheets show for nothing ("-", "−", "–", "£ -").
    Blank,
    Value(T),
    /// Text that is not a value of this kind ("TBC"); holds why, completing "<label> …".
    Unreadable(String),
}

impl<T> CellRead<T> {
    /// The value, `None` for a blank or unreadable cell.
    pub fn value(self) -> Option<T> {
        match self {
            CellRead::Value(value) => Some(value),
            CellRead::Blank | CellRead::Unreadable(_) => None,
        }
    }
}

/// True for a cell with nothing in it, or only a dash: Excel's accounting format shows a zero
/// as "£ -", and finance tables use a dash for "none".
fn is_blank(text: &str) -> bool {
    let rest: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '£')
        .collect();
    matches!(
        rest.as_str(),
        "" | "-" | "\u{2212}" | "\u{2013}" | "\u{2014}"
    )
}

/// Money written in `unit` (£000 multiplies by 1,000 exactly), by [`Money::parse_in`].
pub fn read_money(text: &str, unit: MoneyUnit) -> CellRead<Money> {
    if is_blank(text) {
        return CellRead::Blank;
    }
    match Money::parse_in(text, unit) {
        Ok(amount) => CellRead::Value(amount),
        Err(error) => CellRead::Unreadable(error.to_string()),
    }
}

/// A percentage, by [`Percent::parse`]: "5.66%", "5.66", "(1.5%)".
pub fn read_percent(text: &str) -> CellRead<Percent> {
    if is_blank(text) {
        return CellRead::Blank;
    }
    match Percent::parse(text) {
        Ok(percent) => CellRead::Value(percent),
        Err(error) => CellRead::Unreadable(error.to_string()),
    }
}

/// A financial year, by [`FinancialYear::parse`] ("2025/26", "2025-26", "2025"), also as
/// written in the app's CSV exports ("FY 2025/26").
pub fn read_year(text: &str) -> CellRead<FinancialYear> {
    if is_blank(text) {
        return CellRead::Blank;
    }
    let trimmed = text.trim();
    let bare = trimmed
        .strip_prefix("FY")
        .or_else(|| trimmed.strip_prefix("fy"))
        .unwrap_or(trimmed);
    match FinancialYear::parse(bare) {
        Ok(year) => CellRead::Value(year),
        Err(error) => CellRead::Unreadable(error.to_string()),
    }
}
