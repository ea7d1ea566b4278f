//! CSV exports for spreadsheets: the open option's results (by partner and by pool) and a
//! comparison of every option with the base. Written for Excel, which most finance teams open
//! them in (docs/model-format.md, "CSV exports"): UTF-8 with a byte order mark so "£" and
//! accented names survive, CRLF line ends, RFC 4180 quoting, amounts as plain numbers, years as
//! text Excel cannot mistake for a date, and names that cannot run as formulas.

use crate::model::{
    compare, meaningful_percent, round_half_away_from_zero, ComputeError, FinancialYear, Model,
    Money, Percent, Results,
};

/// The UTF-8 byte order mark: without it Excel reads the file as the PC's local code page.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A table: a header row, then rows of already-written cells.
pub(crate) struct Table {
    header: &'static [&'static str],
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(header: &'static [&'static str]) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub(crate) fn bytes(&self) -> Vec<u8> {
        let mut out = String::new();
        let header = self.header.iter().map(|h| text(h)).collect::<Vec<_>>();
        for row in std::iter::once(&header).chain(&self.rows) {
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(out.as_bytes());
        bytes
    }
}

/// What a cell may start with that gets a guarding `'`: the four that start a formula, a tab
/// or carriage return (Excel skips them before looking), and `'` itself, so that [`unguarded`]
/// gives back exactly what was written.
const GUARDED: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A name or label. One starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which
/// Excel skips before looking) would run as a formula in Excel, so it gets a leading `'`,
/// which Excel shows and never runs. Quoted when it holds a comma, quote or line break.
pub fn text(value: &str) -> String {
    let guarded = if value.starts_with(GUARDED) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A cell as [`text`] was given it: without the `'` it put in front of a formula character.
pub fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(GUARDED) => rest,
        _ => cell,
    }
}

/// An amount as a plain number: `-1234.50`, no £, no thousands separators.
pub fn money(amount: Money) -> String {
    if amount.is_zero() {
        "0.00".to_string()
    } else {
        format!("{:.2}", amount.as_decimal())
    }
}

/// A percentage as a plain number of points to two places (`5.66` for 5.66%); empty when there
/// is none (a difference from a base of zero).
pub fn percent(value: Option<Percent>) -> String {
    value.map_or_else(String::new, |p| {
        let points = round_half_away_from_zero(p.as_decimal(), 2);
        if points.is_zero() {
            "0.00".to_string()
        } else {
            format!("{points:.2}")
        }
    })
}

/// A financial year as `FY 2025/26`. A bare `2011/12` becomes the date December 2011 when
/// Excel opens the file, and `="2025/26"` shows as a formula in every other tool; with the
/// prefix it stays text everywhere and still sorts in year order.
pub fn year(year: FinancialYear) -> String {
    format!("FY {year}")
}

/// The open option's results per partner per year, across all pools.
pub fn partner_results(results: &Results) -> Vec<u8> {
    let mut table = Table::new(&[
        "Option",
        "Financial year",
        "Partner",
        "Short name",
        "Contributions",
        "Funding gap share",
        "Variance share",
        "Unallocated income share",
        "Net cost",
    ]);
    for year_index in 0..results.years.len() {
        for (partner, totals) in results.partners.iter().zip(&results.partner_totals) {
            if let Some(y) = totals.by_year.get(year_index) {
                table.rows.push(vec![
                    text(&results.scenario_name),
                    year(y.year),
                    text(&partner.name),
                    text(&partner.short_name),
                    money(y.contributions),
                    money(y.gap_share),
                    money(y.variance_share),
                    money(y.unallocated_share),
                    money(y.net_cost),
                ]);
            }
        }
    }
    table.bytes()
}

/// The open option's results per pool per year.
pub fn pool_results(results: &Results) -> Vec<u8> {
    let mut table = Table::new(&[
        "Option",
        "Financial year",
        "Pool",
        "Income",
        "Planned spend",
        "Funding gap",
        "Unallocated income",
        "Forecast spend",
        "Variance",
        "Balance",
    ]);
    for year_index in 0..results.years.len() {
        for pool in &results.pools {
            if let Some(y) = pool.years.get(year_index) {
                table.rows.push(vec![
                    text(&results.scenario_name),
                    year(y.year),
                    text(&pool.name),
                    money(y.income),
                    money(y.planned_spend),
                    money(y.funding_gap),
                    money(y.unallocated_income),
                    money(y.forecast_spend),
                    money(y.variance),
                    money(y.balance),
                ]);
            }
        }
    }
    table.bytes()
}

/// Every option other than the base against the base: each partner's net cost over the whole
/// plan in both, and the difference as an amount and a percentage of the base.
pub fn comparison(model: &Model) -> Result<Vec<u8>, ComputeError> {
    let mut table = Table::new(&[
        "Option",
        "Base option",
        "Partner",
        "Base net cost",
        "Option net cost",
        "Difference",
        "Difference (%)",
    ]);
    let base = model
        .scenario(model.base_scenario)
        .or_else(|| model.scenarios.first().map(|s| &**s));
    let Some(base) = base else {
        return Ok(table.bytes());
    };
    let mut compared = Vec::new();
    for other in model.scenarios.iter().filter(|s| s.id != base.id) {
        let comparison = compare(base, other).map_err(|e| match e {
            ComputeError::TooLarge(what) => {
                ComputeError::TooLarge(format!("{what} (option ‘{}’)", other.name))
            }
            other_error => other_error,
        })?;
        compared.push((other, comparison));
    }
    // The percentage follows the screen's rule (`meaningful_percent`): none where the base is
    // zero or under 1% of the largest figure compared, which is over every option's partners
    // and their totals, as in the comparison's "Net cost by partner" table.
    let mut largest = Money::ZERO;
    for (_, comparison) in &compared {
        let changes = || comparison.partners.iter().map(|p| p.net_cost);
        let totals = [
            Money::checked_sum(changes().map(|c| c.base)),
            Money::checked_sum(changes().map(|c| c.other)),
        ];
        let biggest = changes()
            .map(|c| c.largest())
            .chain(totals.into_iter().flatten().map(Money::abs))
            .max()
            .unwrap_or(Money::ZERO);
        largest = largest.max(biggest);
    }
    for (other, comparison) in &compared {
        for partner in &comparison.partners {
            let change = partner.net_cost;
            table.rows.push(vec![
                text(&other.name),
                text(&base.name),
                text(&partner.name),
                money(change.base),
                money(change.other),
                money(change.amount),
                percent(meaningful_percent(change.amount, change.base, largest)),
            ]);
        }
    }
    Ok(table.bytes())
}
