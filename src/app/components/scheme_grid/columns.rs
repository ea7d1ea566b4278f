//! The grid's columns as drawn (the shared `SchemeColumn` order, with each year's variance shown
//! beside its forecast), their headings, and the DOM id of every cell — the same ids `validate`
//! and the field errors use, so the checklist's and error summary's links reach the cells.

use crate::model::schemes::SchemeColumn;
use crate::model::MoneyUnit;
use crate::model::{FieldPath, FinancialYear, ForecastEntry};

/// One column of the grid: a cell people type in, or a year's variance, shown only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridColumn {
    Typed(SchemeColumn),
    Variance(FinancialYear),
}

/// The scheme's details, then each shown year's budget, then each shown year's forecast and
/// variance: `SchemeColumn::all`'s order, so a block pasted from the left lands as it reads.
pub fn grid_columns(years: &[FinancialYear]) -> Vec<GridColumn> {
    let mut columns: Vec<GridColumn> = SchemeColumn::DETAILS
        .into_iter()
        .map(GridColumn::Typed)
        .collect();
    columns.extend(
        years
            .iter()
            .map(|&year| GridColumn::Typed(SchemeColumn::Budget(year))),
    );
    for &year in years {
        columns.push(GridColumn::Typed(SchemeColumn::Forecast(year)));
        columns.push(GridColumn::Variance(year));
    }
    columns
}

/// The columns a person can type in, left to right (arrow keys move along these).
pub fn typed_columns(years: &[FinancialYear]) -> Vec<SchemeColumn> {
    grid_columns(years)
        .into_iter()
        .filter_map(|column| match column {
            GridColumn::Typed(column) => Some(column),
            GridColumn::Variance(_) => None,
        })
        .collect()
}

/// The column's heading; a forecast says how it is typed ("Forecast spend 2025/26"), and a
/// column of amounts its unit when the model's is not pounds ("Budget 2025/26 (£000)"): the
/// unit its cells show and read.
pub fn heading(column: GridColumn, entry: ForecastEntry, unit: MoneyUnit) -> String {
    let text = plain_heading(column, entry);
    match column {
        GridColumn::Typed(SchemeColumn::Budget(_) | SchemeColumn::Forecast(_))
            if unit != MoneyUnit::Pounds =>
        {
            format!("{text} ({})", unit.symbol())
        }
        _ => text,
    }
}

fn plain_heading(column: GridColumn, entry: ForecastEntry) -> String {
    match column {
        GridColumn::Typed(SchemeColumn::Forecast(year)) => match entry {
            ForecastEntry::Spend => format!("Forecast spend {year}"),
            ForecastEntry::Variance => format!("Forecast over/underspend {year}"),
        },
        GridColumn::Typed(column) => column.heading(),
        GridColumn::Variance(year) => format!("Variance {year}"),
    }
}

/// The id of the column's heading cell (`th`).
pub fn heading_id(column: GridColumn) -> String {
    let key = match column {
        GridColumn::Typed(column) => column_key(column),
        GridColumn::Variance(year) => format!("variance-{}", year.start_year()),
    };
    format!("scheme-grid-col-{key}")
}

fn column_key(column: SchemeColumn) -> String {
    match column {
        SchemeColumn::Reference => "reference".into(),
        SchemeColumn::Name => "name".into(),
        SchemeColumn::Pool => "pool".into(),
        SchemeColumn::Commissioner => "commissioner".into(),
        SchemeColumn::Provider => "provider".into(),
        SchemeColumn::Stream => "stream".into(),
        SchemeColumn::RingFence => "ring-fence".into(),
        SchemeColumn::Savings => "savings".into(),
        SchemeColumn::Budget(year) => format!("budget-{}", year.start_year()),
        SchemeColumn::Forecast(year) => format!("forecast-{}", year.start_year()),
    }
}

/// The path of row `row`'s scheme in option `scenario_index`.
pub fn row_path(scenario_index: usize, row: usize) -> FieldPath {
    FieldPath::scenario(scenario_index).item("line", row)
}

/// The DOM id of the cell in row `row` and `column`: "scenario-0-line-3-budget-year-2025".
pub fn cell_id(scenario_index: usize, row: usize, column: SchemeColumn) -> String {
    let path = row_path(scenario_index, row);
    let path = match column {
        SchemeColumn::Reference => path.field("reference"),
        SchemeColumn::Name => path.field("name"),
        SchemeColumn::Pool => path.field("pool"),
        SchemeColumn::Commissioner => path.field("commissioner"),
        SchemeColumn::Provider => path.field("provider"),
        SchemeColumn::Stream => path.field("stream"),
        SchemeColumn::RingFence => path.field("ring_fence"),
        SchemeColumn::Savings => path.field("savings"),
        SchemeColumn::Budget(year) => path.field("budget").item("year", year.start_year().into()),
        SchemeColumn::Forecast(year) => path
            .field("forecast")
            .item("year", year.start_year().into()),
    };
    path.to_dom_id()
}

/// The id of row `row`'s "Details" button.
pub fn details_button_id(scenario_index: usize, row: usize) -> String {
    row_path(scenario_index, row).field("details").to_dom_id()
}

/// The start of every DOM id in row `row`, to pick out the row's field errors.
pub fn row_prefix(scenario_index: usize, row: usize) -> String {
    format!("{}-", row_path(scenario_index, row).to_dom_id())
}

/// The option and row a grid cell's DOM id names (`cell_id`, `details_button_id`):
/// "scenario-0-line-3-budget-year-2025" is (0, 3). None for any other id.
pub fn cell_row(id: &str) -> Option<(usize, usize)> {
    let mut parts = id.strip_prefix("scenario-")?.splitn(4, '-');
    let scenario = parts.next()?.parse().ok()?;
    (parts.next()? == "line").then_some(())?;
    let row = parts.next()?.parse().ok()?;
    parts.next().filter(|field| !field.is_empty())?;
    Some((scenario, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_id_names_its_option_and_row() {
        let year = FinancialYear::starting(2025);
        for column in [
            SchemeColumn::Name,
            SchemeColumn::Budget(year),
            SchemeColumn::Forecast(year),
        ] {
            assert_eq!(cell_row(&cell_id(2, 137, column)), Some((2, 137)));
        }
        assert_eq!(cell_row(&details_button_id(0, 4)), Some((0, 4)));
        for other in [
            "scenario-0-name",
            "scenario-0-line-3",
            "scenario-0-partner-1-name",
            "model-name",
            "scenario-x-line-1-name",
        ] {
            assert_eq!(cell_row(other), None, "{other}");
        }
    }
}
