//! Comparing two to six options side by side against the base: one `Comparison` per option,
//! and the rows of the comparison tables (per partner or per pool, for all years or one).

use super::compare::{compare, Change, Comparison, PartnerComparison, PartnerYearComparison};
use super::compute::ComputeError;
use super::money::Money;
use super::partner::PartnerId;
use super::pool::PoolId;
use super::scenario::{Model, ScenarioId};
use super::year::FinancialYear;

/// At most this many options (the base included) are compared at once: more does not fit
/// beside each other on a screen or an A4 page.
pub const MAX_COMPARED: usize = 6;

/// Which partner figure a comparison table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    NetCost,
    Contributions,
    GapShare,
    VarianceShare,
    UnallocatedShare,
}

impl Figure {
    pub const ALL: [Figure; 5] = [
        Figure::NetCost,
        Figure::Contributions,
        Figure::GapShare,
        Figure::VarianceShare,
        Figure::UnallocatedShare,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Figure::NetCost => "net_cost",
            Figure::Contributions => "contributions",
            Figure::GapShare => "gap_share",
            Figure::VarianceShare => "variance_share",
            Figure::UnallocatedShare => "unallocated_share",
        }
    }

    pub fn from_key(key: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.key() == key)
    }

    fn of_total(self, p: &PartnerComparison) -> Change {
        match self {
            Figure::NetCost => p.net_cost,
            Figure::Contributions => p.contributions,
            Figure::GapShare => p.gap_share,
            Figure::VarianceShare => p.variance_share,
            Figure::UnallocatedShare => p.unallocated_share,
        }
    }

    fn of_year(self, y: &PartnerYearComparison) -> Change {
        match self {
            Figure::NetCost => y.net_cost,
            Figure::Contributions => y.contributions,
            Figure::GapShare => y.gap_share,
            Figure::VarianceShare => y.variance_share,
            Figure::UnallocatedShare => y.unallocated_share,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Figure::NetCost => "Net cost",
            Figure::Contributions => "Contributions",
            Figure::GapShare => "Share of funding gap",
            Figure::VarianceShare => "Share of variance",
            Figure::UnallocatedShare => "Share of unallocated income",
        }
    }
}

/// The years a table covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    AllYears,
    Year(FinancialYear),
}

/// The options compared, the base first, and how each other option differs from it.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionsComparison {
    pub base: ScenarioId,
    pub base_name: String,
    /// Every other option compared, in the model's order, with its comparison to the base.
    pub others: Vec<(ScenarioId, String, Comparison)>,
    /// Every year any of the options covers.
    pub years: Vec<FinancialYear>,
}

/// One line of a comparison table: the base's figure, then each other option's figure and its
/// difference from the base.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    pub base: Money,
    pub others: Vec<Change>,
}

impl Row {
    /// Nothing in the base or any option: such partners are left out of the tables.
    pub fn is_empty(&self) -> bool {
        self.base.is_zero() && self.others.iter().all(|c| c.other.is_zero())
    }
}

/// A pool's income, forecast spend, variance and balance in each option.
#[derive(Clone, Debug, PartialEq)]
pub struct PoolRows {
    pub pool: PoolId,
    pub name: String,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CompareError {
    NothingToCompare,
    TooMany,
    Compute(String, ComputeError),
}

impl std::fmt::Display for CompareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompareError::NothingToCompare => f.write_str(
                "Choose at least one option besides the base to compare. To make one, use \
                 \"Copy this option\" under Options.",
            ),
            CompareError::TooMany => write!(
                f,
                "Choose at most {MAX_COMPARED} options, the base included, so they fit side by side."
            ),
            CompareError::Compute(name, why) => write!(f, "{name} cannot be computed: {why}"),
        }
    }
}

/// Compares the `chosen` options (the base is always included) against the model's base.
pub fn compare_options(
    model: &Model,
    chosen: &[ScenarioId],
) -> Result<OptionsComparison, CompareError> {
    let base = model
        .scenarios
        .iter()
        .find(|s| s.id == model.base_scenario)
        .or_else(|| model.scenarios.first())
        .ok_or(CompareError::NothingToCompare)?;
    let others: Vec<_> = model
        .scenarios
        .iter()
        .filter(|s| s.id != base.id && chosen.contains(&s.id))
        .collect();
    if others.is_empty() {
        return Err(CompareError::NothingToCompare);
    }
    if others.len() + 1 > MAX_COMPARED {
        return Err(CompareError::TooMany);
    }
    let mut compared = Vec::with_capacity(others.len());
    for other in others {
        let comparison =
            compare(base, other).map_err(|e| CompareError::Compute(other.name.clone(), e))?;
        compared.push((other.id, other.name.clone(), comparison));
    }
    let mut years: Vec<FinancialYear> = compared
        .iter()
        .flat_map(|(_, _, c)| c.years.iter().map(|y| y.year))
        .collect();
    super::order::sort_by_key(&mut years, |y| u64::from(y.0));
    years.dedup();
    Ok(OptionsComparison {
        base: base.id,
        base_name: base.name.clone(),
        others: compared,
        years,
    })
}

impl OptionsComparison {
    /// One row per partner (any option's), then "All partners".
    pub fn partner_rows(&self, figure: Figure, period: Period) -> Result<Vec<Row>, ComputeError> {
        let mut ids: Vec<(PartnerId, String)> = Vec::new();
        for (_, _, comparison) in &self.others {
            for partner in &comparison.partners {
                if !ids.iter().any(|(id, _)| *id == partner.partner) {
                    ids.push((partner.partner, partner.name.clone()));
                }
            }
        }
        let mut rows = Vec::with_capacity(ids.len() + 1);
        for (id, name) in ids {
            let changes: Vec<Change> = self
                .others
                .iter()
                .map(|(_, _, comparison)| {
                    let partner = comparison.partners.iter().find(|p| p.partner == id);
                    partner.map_or(Change::none(), |p| match period {
                        Period::AllYears => figure.of_total(p),
                        Period::Year(year) => p
                            .by_year
                            .iter()
                            .find(|y| y.year == year)
                            .map_or(Change::none(), |y| figure.of_year(y)),
                    })
                })
                .collect();
            rows.push(row(name, changes));
        }
        let total = total_row("All partners", &rows)?;
        rows.push(total);
        Ok(rows)
    }

    /// For each pool: income, forecast spend and variance over the period, and the balance at
    /// its end.
    pub fn pool_rows(&self, period: Period) -> Result<Vec<PoolRows>, ComputeError> {
        let mut pools: Vec<(PoolId, String)> = Vec::new();
        for (_, _, comparison) in &self.others {
            for pool in &comparison.pools {
                if !pools.iter().any(|(id, _)| *id == pool.pool) {
                    pools.push((pool.pool, pool.name.clone()));
                }
            }
        }
        let last_year = match period {
            Period::AllYears => self.years.last().copied(),
            Period::Year(year) => Some(year),
        };
        let balance_label = match last_year {
            Some(year) => format!("Balance at the end of {year}"),
            None => "Balance".to_string(),
        };
        let mut tables = Vec::with_capacity(pools.len());
        for (id, name) in pools {
            let figure = |field: fn(&super::compare::PoolYearComparison) -> Change,
                          label: &str,
                          closing: bool|
             -> Result<Row, ComputeError> {
                let changes = self
                    .others
                    .iter()
                    .map(|(_, _, comparison)| {
                        let years = comparison
                            .pools
                            .iter()
                            .find(|p| p.pool == id)
                            .map(|p| p.by_year.as_slice())
                            .unwrap_or_default();
                        let in_period = years.iter().filter(|y| match period {
                            Period::AllYears if closing => Some(y.year) == last_year,
                            Period::AllYears => true,
                            Period::Year(year) => y.year == year,
                        });
                        sum_changes(in_period.map(field))
                    })
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(too_large)?;
                Ok(row(label.to_string(), changes))
            };
            // The plan's position shows only where some option has one.
            let position = [
                figure(|y| y.funding_gap, "Funding gap", false)?,
                figure(|y| y.unallocated_income, "Unallocated income", false)?,
            ]
            .into_iter()
            .filter(|row| !row.is_empty());
            tables.push(PoolRows {
                pool: id,
                name,
                rows: std::iter::once(figure(|y| y.income, "Income", false)?)
                    .chain(position)
                    .chain([
                        figure(|y| y.forecast_spend, "Forecast spend", false)?,
                        figure(
                            |y| y.variance,
                            "Variance (an underspend is negative)",
                            false,
                        )?,
                        figure(|y| y.balance, &balance_label, true)?,
                    ])
                    .collect(),
            });
        }
        Ok(tables)
    }

    /// Every option's inputs that differ from the base, in words, by option name.
    pub fn input_changes(&self) -> Vec<(&str, &[String])> {
        self.others
            .iter()
            .map(|(_, name, comparison)| (name.as_str(), comparison.input_changes.as_slice()))
            .collect()
    }
}

fn row(label: String, others: Vec<Change>) -> Row {
    // Every comparison shares the one base, so any of them gives the base's figure.
    let base = others.first().map_or(Money::ZERO, |c| c.base);
    Row {
        label,
        base,
        others,
    }
}

fn total_row(label: &str, rows: &[Row]) -> Result<Row, ComputeError> {
    let columns = rows.first().map_or(0, |r| r.others.len());
    let changes = (0..columns)
        .map(|i| sum_changes(rows.iter().filter_map(|r| r.others.get(i).copied())))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(too_large)?;
    Ok(row(label.to_string(), changes))
}

fn sum_changes(changes: impl Iterator<Item = Change>) -> Option<Change> {
    let (mut base, mut other) = (Money::ZERO, Money::ZERO);
    for change in changes {
        base = base.checked_add(change.base)?;
        other = other.checked_add(change.other)?;
    }
    Change::between(base, other)
}

fn too_large() -> ComputeError {
    ComputeError::TooLarge("The comparison's totals".to_string())
}
