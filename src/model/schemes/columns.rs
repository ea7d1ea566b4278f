//! The columns of a scheme table and the headings they go by: the modeller's own (its schemes
//! CSV) and those of the national Better Care Fund planning template's expenditure sheet.

use crate::model::{FinancialYear, MoneyUnit, Scenario};

/// One column of the scheme grid and of the schemes CSV. Budget and forecast columns repeat for
/// each year of the option's horizon.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SchemeColumn {
    Reference,
    Name,
    Pool,
    Commissioner,
    Provider,
    /// The funding stream ("source of funding").
    Stream,
    RingFence,
    Savings,
    /// The gross budget in a year.
    Budget(FinancialYear),
    /// The forecast in a year, typed as the model's `forecast_entry` says (spend or variance).
    Forecast(FinancialYear),
}

impl SchemeColumn {
    /// The scheme's own details, left to right, before the columns of each year.
    pub const DETAILS: [SchemeColumn; 8] = [
        SchemeColumn::Reference,
        SchemeColumn::Name,
        SchemeColumn::Pool,
        SchemeColumn::Commissioner,
        SchemeColumn::Provider,
        SchemeColumn::Stream,
        SchemeColumn::RingFence,
        SchemeColumn::Savings,
    ];

    /// The grid's columns for `scenario`, left to right: the scheme's details, then each year's
    /// budget, then each year's forecast (the order a planning template's expenditure sheet
    /// uses, so a block copied from one pastes into the other).
    pub fn all(scenario: &Scenario) -> Vec<SchemeColumn> {
        let mut columns = SchemeColumn::DETAILS.to_vec();
        columns.extend(scenario.horizon.years().map(SchemeColumn::Budget));
        columns.extend(scenario.horizon.years().map(SchemeColumn::Forecast));
        columns
    }

    /// The column's heading, as the grid and the CSV show it ("Budget 2025/26").
    pub fn heading(self) -> String {
        match self {
            SchemeColumn::Reference => "Reference".to_string(),
            SchemeColumn::Name => "Scheme name".to_string(),
            SchemeColumn::Pool => "Pool".to_string(),
            SchemeColumn::Commissioner => "Commissioner".to_string(),
            SchemeColumn::Provider => "Provider".to_string(),
            SchemeColumn::Stream => "Funding source".to_string(),
            SchemeColumn::RingFence => "Ring-fence".to_string(),
            SchemeColumn::Savings => "Savings %".to_string(),
            SchemeColumn::Budget(year) => format!("Budget {year}"),
            SchemeColumn::Forecast(year) => format!("Forecast {year}"),
        }
    }
}

/// Everything a table may set on a scheme: the grid's columns and the rarer settings a file
/// may carry too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SchemeField {
    Column(SchemeColumn),
    /// Forecast spend in the year, whatever the forecast entry setting ("Forecast spend 2025/26",
    /// "Outturn 2025/26").
    ForecastSpend(FinancialYear),
    /// Over (positive) or under (negative) spend in the year ("Variance 2025/26").
    Variance(FinancialYear),
    FirstYear,
    LastYear,
    Notes,
}

impl SchemeField {
    /// The heading the modeller writes for this field in its schemes CSV, and names it by in a
    /// preview ("row 7, Budget 2026/27: …").
    pub fn heading(self) -> String {
        match self {
            SchemeField::Column(column) => column.heading(),
            SchemeField::ForecastSpend(year) => format!("Forecast spend {year}"),
            SchemeField::Variance(year) => format!("Variance {year}"),
            SchemeField::FirstYear => "Start year".to_string(),
            SchemeField::LastYear => "End year".to_string(),
            SchemeField::Notes => "Notes".to_string(),
        }
    }
}

impl From<SchemeColumn> for SchemeField {
    fn from(column: SchemeColumn) -> Self {
        SchemeField::Column(column)
    }
}

/// What a heading was taken to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnMatch {
    Field(SchemeField),
    /// A column of the planning template the modeller keeps nothing for (scheme type, new or
    /// existing, description, area of spend): ignored.
    NotKept,
    /// A second column for a field already matched: ignored, the first one is read.
    Repeated(SchemeField),
    /// A heading the modeller does not know: ignored.
    Unknown,
}

/// A header row: what each column is, and the unit its money headings give ("£000").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub headings: Vec<String>,
    pub columns: Vec<ColumnMatch>,
    /// Set when a heading says its figures are in £000 or £m.
    pub unit: Option<MoneyUnit>,
}

impl Header {
    /// The column each field is read from.
    pub fn fields(&self) -> Vec<Option<SchemeField>> {
        self.columns
            .iter()
            .map(|c| match c {
                ColumnMatch::Field(field) => Some(*field),
                _ => None,
            })
            .collect()
    }

    /// The headings of columns that will be ignored, for the preview; blank headings left out.
    pub fn ignored(&self) -> Vec<String> {
        self.headings
            .iter()
            .zip(&self.columns)
            .filter(|(heading, c)| {
                !matches!(c, ColumnMatch::Field(_)) && !heading.trim().is_empty()
            })
            .map(|(heading, _)| heading.trim().to_string())
            .collect()
    }
}

/// `Some` if `row` reads as a header: at least half of its non-blank cells are headings the
/// modeller knows, at least one of them other than a bare year (a data row's start year
/// "2025/26" is not a heading).
pub fn read_header(row: &[String]) -> Option<Header> {
    let mut columns: Vec<ColumnMatch> = Vec::with_capacity(row.len());
    let mut unit = None;
    let (mut filled, mut known, mut named) = (0usize, 0usize, 0usize);
    for heading in row {
        let (found, heading_unit) = match_heading(heading);
        unit = unit.or(heading_unit);
        if !heading.trim().is_empty() {
            filled += 1;
        }
        if found != ColumnMatch::Unknown {
            known += 1;
            if !is_bare_year(heading) {
                named += 1;
            }
        }
        let found = match found {
            ColumnMatch::Field(field) if columns.contains(&ColumnMatch::Field(field)) => {
                ColumnMatch::Repeated(field)
            }
            other => other,
        };
        columns.push(found);
    }
    (named > 0 && known * 2 >= filled).then(|| Header {
        headings: row.to_vec(),
        columns,
        unit,
    })
}

/// What one heading names, matched ignoring case, spaces and punctuation, and the unit it gives
/// for its figures, if any ("Expenditure 2025/26 (£000)").
pub fn match_heading(heading: &str) -> (ColumnMatch, Option<MoneyUnit>) {
    let (unit, rest) = take_unit(heading);
    let (year, rest) = take_year(&rest);
    let words: Vec<String> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let found = match year {
        Some(year) => year_field(&words, year),
        None => named_field(&words.concat()),
    };
    (found, unit)
}

fn named_field(key: &str) -> ColumnMatch {
    let field = |column| ColumnMatch::Field(SchemeField::Column(column));
    match key {
        "reference" | "ref" | "schemeid" | "schemeref" | "schemereference" | "id" => {
            field(SchemeColumn::Reference)
        }
        "name" | "schemename" | "scheme" | "schemeorservice" => field(SchemeColumn::Name),
        "pool" | "poolname" => field(SchemeColumn::Pool),
        "commissioner" | "leadcommissioner" => field(SchemeColumn::Commissioner),
        "provider" => field(SchemeColumn::Provider),
        "sourceoffunding" | "fundingsource" | "stream" | "fundingstream" => {
            field(SchemeColumn::Stream)
        }
        "ringfence" | "ringfenced" => field(SchemeColumn::RingFence),
        "savings" | "saving" | "savingspercent" | "integrationsavings" => {
            field(SchemeColumn::Savings)
        }
        "startyear" | "firstyear" => ColumnMatch::Field(SchemeField::FirstYear),
        "endyear" | "lastyear" => ColumnMatch::Field(SchemeField::LastYear),
        "notes" | "note" | "comments" => ColumnMatch::Field(SchemeField::Notes),
        "schemetype"
        | "subtype"
        | "schemesubtype"
        | "newexisting"
        | "neworexisting"
        | "newexistingscheme"
        | "neworexistingscheme"
        | "description"
        | "briefdescription"
        | "briefdescriptionofscheme"
        | "areaofspend" => ColumnMatch::NotKept,
        _ => ColumnMatch::Unknown,
    }
}

/// A heading with a year in it: "Budget 2025/26", "Expenditure for 2025-26", "2025/26 budget",
/// "Forecast spend 2025/26", "Variance 2025/26", or the year alone (a budget).
fn year_field(words: &[String], year: FinancialYear) -> ColumnMatch {
    let key: String = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "for" | "in" | "fy"))
        .map(String::as_str)
        .collect();
    let field = match key.as_str() {
        "" | "budget" | "grossbudget" | "expenditure" | "plannedexpenditure" | "plannedspend"
        | "plan" => SchemeField::Column(SchemeColumn::Budget(year)),
        "forecast" => SchemeField::Column(SchemeColumn::Forecast(year)),
        "forecastspend"
        | "forecastoutturn"
        | "outturn"
        | "forecastexpenditure"
        | "projectedoutturn" => SchemeField::ForecastSpend(year),
        "variance" | "forecastvariance" | "overunderspend" => SchemeField::Variance(year),
        _ => return ColumnMatch::Unknown,
    };
    ColumnMatch::Field(field)
}

/// Takes "£000", "£'000", "£k" or "£m" out of a heading, with the unit it names.
fn take_unit(heading: &str) -> (Option<MoneyUnit>, String) {
    let lower = heading.to_lowercase();
    for (mark, unit) in [
        ("£'000", MoneyUnit::Thousands),
        ("£000", MoneyUnit::Thousands),
        ("£k", MoneyUnit::Thousands),
        ("£m", MoneyUnit::Millions),
    ] {
        if lower.contains(mark) {
            return (Some(unit), lower.replacen(mark, " ", 1));
        }
    }
    (None, lower)
}

/// Takes the first financial year ("2025/26", "2025-26", "2025/2026", "2025") out of `text`.
fn take_year(text: &str) -> (Option<FinancialYear>, String) {
    let chars: Vec<char> = text.chars().collect();
    let digits_from = |at: usize| {
        chars.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|c| c.is_ascii_digit()).count()
        })
    };
    let mut at = 0;
    while at < chars.len() {
        let run = digits_from(at);
        if run == 0 {
            at += 1;
            continue;
        }
        if run == 4 {
            let mut end = at + 4;
            if matches!(chars.get(end), Some('/' | '-')) {
                let second = digits_from(end + 1);
                if second == 2 || second == 4 {
                    end += 1 + second;
                }
            }
            let token: String = chars.get(at..end).unwrap_or_default().iter().collect();
            if let Ok(year) = FinancialYear::parse(&token) {
                let rest: String = chars
                    .get(..at)
                    .unwrap_or_default()
                    .iter()
                    .chain(chars.get(end..).unwrap_or_default())
                    .collect();
                return (Some(year), rest);
            }
        }
        at += run;
    }
    (None, text.to_string())
}

fn is_bare_year(heading: &str) -> bool {
    let (year, rest) = take_year(heading);
    year.is_some() && rest.chars().all(|c| !c.is_alphanumeric())
}
