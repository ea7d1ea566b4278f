//! The stress test: "what if every line overspends by 5%?" Every spending line of a scenario,
//! or of one pool, is forecast at the same percentage over (or under) plan in every year. The
//! result is each partner's share of the variance in those pools, as forecast and under the
//! stress, by the scenario's own rules and by each risk-share pattern in turn.

use super::compare::Change;
use super::compute::{compute, ComputeError};
use super::money::{Money, Percent};
use super::partner::{Partner, PartnerId};
use super::pool::PoolId;
use super::results::{PoolYear, Results};
use super::risk_pattern::RiskPattern;
use super::scenario::Scenario;
use super::spend::{Outturn, YearForecast};

/// The stress test runs from a 10% underspend to a 20% overspend.
pub const STRESS_MIN_PERCENT: i64 = -10;
pub const STRESS_MAX_PERCENT: i64 = 20;

/// Which lines the stress applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StressScope {
    AllPools,
    Pool(PoolId),
}

/// One partner's share of the variance in the stressed pools over the whole horizon (positive:
/// it pays towards an overspend; negative: money comes back to it).
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerExposure {
    pub partner: PartnerId,
    pub name: String,
    /// Contributions to the stressed pools over the horizon.
    pub contributions: Money,
    /// As forecast (`as_forecast`) and under the stress (`other`), by the scenario's own rules.
    pub exposure: Change,
    /// Under the stress, by each pattern of `StressResult::patterns`, in that order.
    pub by_pattern: Vec<Money>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StressResult {
    pub variance: Percent,
    /// "every line", "every line of the Better Care Fund".
    pub scope: String,
    /// The stressed pools' total variance over the horizon, as forecast and under the stress.
    pub total_variance: Change,
    pub partners: Vec<PartnerExposure>,
    /// The patterns compared, in the order of `PartnerExposure::by_pattern`.
    pub patterns: Vec<RiskPattern>,
    /// The pattern every stressed pool uses now, when they share one and no line has its own rule.
    pub current: Option<RiskPattern>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StressError {
    OutOfRange(Percent),
    NoSuchPool,
    Compute(ComputeError),
}

impl std::fmt::Display for StressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StressError::OutOfRange(p) => write!(
                f,
                "The stress test runs from {STRESS_MIN_PERCENT}% to +{STRESS_MAX_PERCENT}%, not {p}%."
            ),
            StressError::NoSuchPool => {
                f.write_str("That pool is no longer in this option; choose another.")
            }
            StressError::Compute(e) => write!(f, "{e}"),
        }
    }
}

impl From<ComputeError> for StressError {
    fn from(e: ComputeError) -> Self {
        StressError::Compute(e)
    }
}

/// Applies `variance` to every line in `scope` of `scenario`, in every year, and reports each
/// partner's exposure by the scenario's rules and by every risk-share pattern. For a pattern,
/// the stressed pools' own rule and their lines' own rules are all replaced by that pattern
/// (keeping the scenario's fixed shares or tier where it has them).
pub fn stress(
    scenario: &Scenario,
    scope: StressScope,
    variance: Percent,
) -> Result<StressResult, StressError> {
    let range = Percent::from_hundredths(STRESS_MIN_PERCENT * 100)
        ..=Percent::from_hundredths(STRESS_MAX_PERCENT * 100);
    if !range.contains(&variance) {
        return Err(StressError::OutOfRange(variance));
    }
    let in_scope = |pool: PoolId| match scope {
        StressScope::AllPools => true,
        StressScope::Pool(p) => p == pool,
    };
    let scope_text = match scope {
        StressScope::AllPools => "every line".to_string(),
        StressScope::Pool(id) => {
            let pool = scenario.pools.iter().find(|p| p.id == id);
            format!(
                "every line of {}",
                pool.ok_or(StressError::NoSuchPool)?.name
            )
        }
    };

    let mut stressed = scenario.clone();
    for line in stressed.lines.iter_mut().filter(|l| in_scope(l.pool)) {
        line.forecast = scenario
            .horizon
            .years()
            .map(|year| YearForecast {
                year,
                outturn: Outturn::VariancePercent { percent: variance },
            })
            .collect();
    }

    let as_forecast = compute(scenario)?;
    let under_stress = compute(&stressed)?;
    let patterns = RiskPattern::ALL.to_vec();
    let mut by_pattern = Vec::with_capacity(patterns.len());
    for pattern in &patterns {
        let mut alternative = stressed.clone();
        let rule_partners = partners_in_scope(&alternative, &in_scope);
        for pool in alternative.pools.iter_mut().filter(|p| in_scope(p.id)) {
            pool.risk_share = pattern.rule(&pool.risk_share, &rule_partners);
        }
        for line in alternative.lines.iter_mut().filter(|l| in_scope(l.pool)) {
            line.risk_share = None;
        }
        by_pattern.push(compute(&alternative)?);
    }

    let too_large = || ComputeError::TooLarge("The stress test's totals".to_string());
    let mut partners = Vec::with_capacity(under_stress.partners.len());
    for (index, heading) in under_stress.partners.iter().enumerate() {
        let exposure_in = |results: &Results| exposure(results, index, &in_scope);
        let before = exposure_in(&as_forecast).ok_or_else(too_large)?;
        let after = exposure_in(&under_stress).ok_or_else(too_large)?;
        partners.push(PartnerExposure {
            partner: heading.id,
            name: heading.name.clone(),
            contributions: contributions(&under_stress, index, &in_scope).ok_or_else(too_large)?,
            exposure: Change::between(before, after).ok_or_else(too_large)?,
            by_pattern: by_pattern
                .iter()
                .map(exposure_in)
                .collect::<Option<_>>()
                .ok_or_else(too_large)?,
        });
    }
    let total_variance = |results: &Results| {
        Money::checked_sum(
            results
                .pools
                .iter()
                .filter(|p| in_scope(p.pool))
                .flat_map(|p| p.years.iter().map(|y| y.variance)),
        )
    };
    let total_variance = Change::between(
        total_variance(&as_forecast).ok_or_else(too_large)?,
        total_variance(&under_stress).ok_or_else(too_large)?,
    )
    .ok_or_else(too_large)?;

    Ok(StressResult {
        variance,
        scope: scope_text,
        total_variance,
        partners,
        patterns,
        current: current_pattern(scenario, &in_scope),
    })
}

/// A partner's share of the variance in the pools in scope, over every year.
fn exposure(results: &Results, partner: usize, in_scope: &dyn Fn(PoolId) -> bool) -> Option<Money> {
    partner_sum(results, partner, in_scope, |y| &y.variance_shares)
}

/// What a partner put into the pools in scope, over every year.
fn contributions(
    results: &Results,
    partner: usize,
    in_scope: &dyn Fn(PoolId) -> bool,
) -> Option<Money> {
    partner_sum(results, partner, in_scope, |y| &y.income_by_partner)
}

/// One partner's figure (from a per-partner list of each pool year) summed over the pools in
/// scope and every year.
fn partner_sum(
    results: &Results,
    partner: usize,
    in_scope: &dyn Fn(PoolId) -> bool,
    figures: fn(&PoolYear) -> &Vec<Money>,
) -> Option<Money> {
    Money::checked_sum(
        results
            .pools
            .iter()
            .filter(|p| in_scope(p.pool))
            .flat_map(|p| p.years.iter())
            .map(|y| figures(y).get(partner).copied().unwrap_or(Money::ZERO)),
    )
}

/// The partners that contribute to a pool in scope: a new fixed-percentage rule is split
/// equally between them, not between partners with nothing in the pool.
fn partners_in_scope(scenario: &Scenario, in_scope: &dyn Fn(PoolId) -> bool) -> Vec<Partner> {
    scenario
        .partners
        .iter()
        .filter(|partner| {
            scenario
                .contributions
                .iter()
                .any(|c| c.partner == partner.id && in_scope(c.pool))
        })
        .cloned()
        .collect()
}

fn current_pattern(scenario: &Scenario, in_scope: &dyn Fn(PoolId) -> bool) -> Option<RiskPattern> {
    if scenario
        .lines
        .iter()
        .any(|l| in_scope(l.pool) && l.risk_share.is_some())
    {
        return None;
    }
    let mut patterns = scenario
        .pools
        .iter()
        .filter(|p| in_scope(p.id))
        .map(|p| RiskPattern::of(&p.risk_share));
    let first = patterns.next()?;
    patterns.all(|p| p == first).then_some(first)
}
