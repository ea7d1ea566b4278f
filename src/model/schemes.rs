//! Schemes (spending lines) as rows of a table: the columns the scheme grid shows and that
//! paste, CSV import and the schemes CSV export use, in one order.

use super::scenario::Scenario;
use super::spend::LineId;
use super::year::FinancialYear;

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
    /// The grid's columns for `scenario`, left to right: the scheme's details, then each year's
    /// budget, then each year's forecast (the order a planning template's expenditure sheet
    /// uses, so a block copied from one pastes into the other).
    pub fn all(scenario: &Scenario) -> Vec<SchemeColumn> {
        let mut columns = vec![
            SchemeColumn::Reference,
            SchemeColumn::Name,
            SchemeColumn::Pool,
            SchemeColumn::Commissioner,
            SchemeColumn::Provider,
            SchemeColumn::Stream,
            SchemeColumn::RingFence,
            SchemeColumn::Savings,
        ];
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

/// The HTML id of one scheme's cell in the grid ("scheme-12-budget-2025"), so the checklist
/// and error summary can link to it.
pub fn cell_id(line: LineId, column: SchemeColumn) -> String {
    let slug = match column {
        SchemeColumn::Reference => "reference".to_string(),
        SchemeColumn::Name => "name".to_string(),
        SchemeColumn::Pool => "pool".to_string(),
        SchemeColumn::Commissioner => "commissioner".to_string(),
        SchemeColumn::Provider => "provider".to_string(),
        SchemeColumn::Stream => "stream".to_string(),
        SchemeColumn::RingFence => "ring-fence".to_string(),
        SchemeColumn::Savings => "savings".to_string(),
        SchemeColumn::Budget(year) => format!("budget-{}", year.start_year()),
        SchemeColumn::Forecast(year) => format!("forecast-{}", year.start_year()),
    };
    format!("scheme-{}-{slug}", line.0)
}
