//! Financial years (1 April – 31 March, written `2025/26`) and the planning horizon a scenario
//! covers.

use core::fmt;
use serde::{Deserialize, Serialize};

/// The longest plan the model accepts. Plans usually cover 1 to 5 years.
pub const MAX_HORIZON_YEARS: u32 = 10;

/// The first financial years a plan may start in: 2000/01 to 2090/91. `validate` holds plans to
/// these, and the editor offers exactly these.
pub const FIRST_START_YEAR: u16 = 2000;
pub const LAST_START_YEAR: u16 = 2090;

/// A financial year, named by the calendar year it starts in: `FinancialYear(2025)` is 2025/26.
/// Serialised as the text "2025/26".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FinancialYear(pub u16);

impl FinancialYear {
    pub fn starting(calendar_year: u16) -> FinancialYear {
        FinancialYear(calendar_year)
    }

    pub fn start_year(self) -> u16 {
        self.0
    }

    /// The year `offset` years later; saturates rather than wrapping on absurd input.
    pub fn plus(self, offset: u32) -> FinancialYear {
        let offset = u16::try_from(offset).unwrap_or(u16::MAX);
        FinancialYear(self.0.saturating_add(offset))
    }

    /// Reads "2025/26", "2025-26", "2025/2026" or "2025". The second part, if given, must be the
    /// following year.
    pub fn parse(text: &str) -> Result<FinancialYear, YearParseError> {
        let text = text.trim();
        let (first, second) = match text.split_once(['/', '-']) {
            Some((first, second)) => (first.trim(), Some(second.trim())),
            None => (text, None),
        };
        // Four digits in practice; any u16 is accepted so every stored year reads back.
        if first.is_empty() || first.len() > 5 {
            return Err(YearParseError);
        }
        let start: u16 = first.parse().map_err(|_| YearParseError)?;
        if let Some(second) = second {
            let end: u32 = second.parse().map_err(|_| YearParseError)?;
            // In u32: 65535/36, which Display writes for the last u16, reads back.
            let expected = u32::from(start) + 1;
            let matches = match second.len() {
                2 => end == expected % 100,
                4 => end == expected,
                _ => false,
            };
            if !matches {
                return Err(YearParseError);
            }
        }
        Ok(FinancialYear(start))
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = (u32::from(self.0) + 1) % 100;
        write!(f, "{}/{:02}", self.0, end)
    }
}

impl TryFrom<String> for FinancialYear {
    type Error = YearParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        FinancialYear::parse(&text)
    }
}

impl From<FinancialYear> for String {
    fn from(year: FinancialYear) -> Self {
        year.to_string()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearParseError;

impl fmt::Display for YearParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("must be a financial year, like 2025/26")
    }
}

/// The years a scenario plans for: `years` consecutive financial years from `start`.
/// Valid horizons have 1 to [`MAX_HORIZON_YEARS`] years; `validate` says so otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Horizon {
    pub start: FinancialYear,
    pub years: u32,
}

impl Horizon {
    pub fn new(start: FinancialYear, years: u32) -> Horizon {
        Horizon { start, years }
    }

    /// The years in order; empty for a zero-year horizon, and never more than the maximum so a
    /// mistyped horizon cannot make the app loop for ever.
    pub fn years(self) -> impl Iterator<Item = FinancialYear> {
        (0..self.years.min(MAX_HORIZON_YEARS)).map(move |offset| self.start.plus(offset))
    }

    /// Position of `year` in the horizon, if it is inside it.
    pub fn index_of(self, year: FinancialYear) -> Option<usize> {
        let offset = year.0.checked_sub(self.start.0)?;
        (u32::from(offset) < self.years).then_some(usize::from(offset))
    }

    pub fn contains(self, year: FinancialYear) -> bool {
        self.index_of(year).is_some()
    }

    pub fn last(self) -> Option<FinancialYear> {
        self.years
            .checked_sub(1)
            .map(|offset| self.start.plus(offset))
    }
}

impl fmt::Display for Horizon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.last() {
            Some(last) if self.years > 1 => write!(f, "{} to {}", self.start, last),
            _ => write!(f, "{}", self.start),
        }
    }
}

/// "2025/26 to 2029/30", the single year, or "no years".
pub fn year_span(years: &[FinancialYear]) -> String {
    match (years.first(), years.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(only), _) => only.to_string(),
        _ => String::from("no years"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_financial_years() {
        assert_eq!(FinancialYear(2025).to_string(), "2025/26");
        assert_eq!(FinancialYear(2099).to_string(), "2099/00");
        assert_eq!(FinancialYear::parse("2025/26"), Ok(FinancialYear(2025)));
        assert_eq!(FinancialYear::parse("2025-2026"), Ok(FinancialYear(2025)));
        assert_eq!(FinancialYear::parse("2025/27"), Err(YearParseError));
        // Every stored year reads back, the last one included (the property test found it).
        for year in [0, 9999, 49551, u16::MAX] {
            let text = FinancialYear(year).to_string();
            assert_eq!(
                FinancialYear::parse(&text),
                Ok(FinancialYear(year)),
                "{text}"
            );
        }
    }

    #[test]
    fn horizon_lists_its_years() {
        let horizon = Horizon::new(FinancialYear(2025), 3);
        let years: Vec<String> = horizon.years().map(|y| y.to_string()).collect();
        assert_eq!(years, ["2025/26", "2026/27", "2027/28"]);
        assert_eq!(horizon.index_of(FinancialYear(2027)), Some(2));
        assert_eq!(horizon.index_of(FinancialYear(2028)), None);
        assert_eq!(horizon.to_string(), "2025/26 to 2027/28");
    }
}
