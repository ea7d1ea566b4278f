//! The schemes CSV: one row per scheme of an option, a column per year for budget and forecast,
//! written by the same Excel-safe rules as the other exports (`codec::csv`), and read back by
//! `model::schemes::plan_import` with the schemes exactly as they were.

use super::csv::{money, text, unguarded, year};
use super::table::{self, Table, TableError};
use crate::model::schemes::{SchemeColumn, SchemeField};
use crate::model::{FinancialYear, Outturn, Percent, Scenario, SpendLine};

/// The schemes of `scenario` as CSV text, starting with a byte order mark for Excel. Columns:
/// Reference, Scheme name, Pool, Commissioner, Provider, Funding source, Ring-fence, Savings %,
/// Budget and Forecast spend for each year of the horizon, Variance for each year if any
/// forecast was typed as one, Start year, End year, Notes. A blank budget or forecast is none.
pub fn schemes_csv(scenario: &Scenario) -> String {
    let years: Vec<FinancialYear> = scenario.horizon.years().collect();
    let variances = scenario.lines.iter().any(|line| {
        line.forecast.iter().any(|f| {
            matches!(
                f.outturn,
                Outturn::VarianceAmount { .. } | Outturn::VariancePercent { .. }
            )
        })
    });
    let mut fields: Vec<SchemeField> = SchemeColumn::all(scenario)
        .into_iter()
        .filter(|c| !matches!(c, SchemeColumn::Forecast(_)))
        .map(SchemeField::Column)
        .collect();
    fields.extend(years.iter().map(|y| SchemeField::ForecastSpend(*y)));
    if variances {
        fields.extend(years.iter().map(|y| SchemeField::Variance(*y)));
    }
    fields.extend([
        SchemeField::FirstYear,
        SchemeField::LastYear,
        SchemeField::Notes,
    ]);
    let mut out = String::from("\u{FEFF}");
    let header: Vec<String> = fields.iter().map(|f| text(&f.heading())).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for line in &scenario.lines {
        let row: Vec<String> = fields.iter().map(|f| cell(scenario, line, *f)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A schemes CSV (or any CSV or tab-separated file) as a table for `plan_import`, with the
/// guards [`text`] put in front of formula characters taken off again.
pub fn read_schemes_csv(file: &str) -> Result<Table, TableError> {
    let table = table::parse(file)?;
    Ok(Table::from_rows(
        table
            .into_rows()
            .into_iter()
            .map(|row| row.iter().map(|c| unguarded(c).to_string()).collect())
            .collect(),
    ))
}

fn cell(scenario: &Scenario, line: &SpendLine, field: SchemeField) -> String {
    let typed = |year: FinancialYear| {
        line.forecast
            .iter()
            .find(|f| f.year == year)
            .map(|f| f.outturn)
    };
    match field {
        SchemeField::Column(column) => match column {
            SchemeColumn::Reference => text(&line.reference),
            SchemeColumn::Name => text(&line.name),
            SchemeColumn::Pool => text(scenario.pool(line.pool).map_or("", |p| p.name.as_str())),
            SchemeColumn::Commissioner => text(
                scenario
                    .partner(line.commissioner)
                    .map_or("", |p| p.name.as_str()),
            ),
            SchemeColumn::Provider => text(&line.provider),
            SchemeColumn::Stream => text(line.stream.map_or("", |s| s.label())),
            SchemeColumn::RingFence => text(line.ring_fence.map_or("", |r| r.label())),
            SchemeColumn::Savings => points(line.savings),
            SchemeColumn::Budget(year) => line
                .budget
                .iter()
                .find(|entry| entry.year == year)
                .map_or_else(String::new, |entry| money(entry.amount)),
            // The export writes spend and variance in their own columns (below).
            SchemeColumn::Forecast(_) => String::new(),
        },
        SchemeField::ForecastSpend(year) => match typed(year) {
            Some(Outturn::Spend { amount }) => money(amount),
            _ => String::new(),
        },
        SchemeField::Variance(year) => match typed(year) {
            Some(Outturn::VarianceAmount { amount }) => money(amount),
            Some(Outturn::VariancePercent { percent }) => format!("{}%", points(percent)),
            _ => String::new(),
        },
        SchemeField::FirstYear => line.first_year.map_or_else(String::new, year),
        SchemeField::LastYear => line.last_year.map_or_else(String::new, year),
        SchemeField::Notes => text(&line.notes),
    }
}

/// A percentage as its exact points, "5.66": the export must read back to the same value.
fn points(percent: Percent) -> String {
    percent.as_decimal().normalize().to_string()
}
