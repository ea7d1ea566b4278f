//! The board paper's title block: what a finance lead types once and keeps with the model (its
//! status, who prepared it, its date). The model's name and the options compared come from the
//! model itself.

use serde::{Deserialize, Serialize};

/// What a template's paper says, so nobody takes its figures for real ones.
pub const ILLUSTRATIVE: &str = "Illustrative figures: not for decision";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPaper {
    /// Version or status: "Draft for discussion", "Final, v2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
    /// A person, team or role: "Head of Finance, Integrated Commissioning".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prepared_by: String,
    /// As it should be printed: "27 November 2026". Blank prints the day it is printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl BoardPaper {
    /// Nothing typed: the model's file and link leave the paper out.
    pub fn is_default(&self) -> bool {
        *self == BoardPaper::default()
    }
}

/// Which line of the title block a typed value is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperField {
    Status,
    PreparedBy,
    Date,
}

impl PaperField {
    pub const ALL: [PaperField; 3] = [PaperField::Status, PaperField::PreparedBy, PaperField::Date];

    pub fn label(self) -> &'static str {
        match self {
            PaperField::Status => "Version or status",
            PaperField::PreparedBy => "Prepared by",
            PaperField::Date => "Date",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PaperField::Status => "status",
            PaperField::PreparedBy => "prepared-by",
            PaperField::Date => "date",
        }
    }

    pub fn get(self, paper: &BoardPaper) -> &str {
        match self {
            PaperField::Status => &paper.status,
            PaperField::PreparedBy => &paper.prepared_by,
            PaperField::Date => &paper.date,
        }
    }

    pub fn set(self, paper: &mut BoardPaper, value: String) {
        match self {
            PaperField::Status => paper.status = value,
            PaperField::PreparedBy => paper.prepared_by = value,
            PaperField::Date => paper.date = value,
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A day counted from 1 January 1970 as a board paper writes it: "27 November 2026". The
/// civil-from-days conversion of the proleptic Gregorian calendar (H. Hinnant's algorithm).
pub fn long_date(days_since_1970: i64) -> String {
    let z = days_since_1970 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    let name = usize::try_from(month - 1)
        .ok()
        .and_then(|m| MONTHS.get(m))
        .copied()
        .unwrap_or("");
    format!("{day} {name} {year}")
}

#[cfg(test)]
mod tests {
    use super::long_date;

    #[test]
    fn days_since_1970_read_as_a_date() {
        assert_eq!(long_date(0), "1 January 1970");
        assert_eq!(long_date(-1), "31 December 1969");
        assert_eq!(long_date(11_016), "29 February 2000");
        assert_eq!(long_date(20_419), "27 November 2025");
    }
}
