//! `validate(model)`: every problem with a model, each with the path of the field it is about
//! and a sentence a finance lead understands. Rules about amounts and risk share are in
//! `validate_rules.rs`.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::format::format_money;
use super::format::MoneyStyle;
use super::money::{Money, Percent, MONEY_LIMIT};
use super::scenario::{Model, Scenario, SCHEMA_VERSION};
use super::user_text::isolate;
use super::validate_rules::{check_amount_rule, check_outturns, check_risk_share};
use super::year::{FinancialYear, FIRST_START_YEAR, LAST_START_YEAR, MAX_HORIZON_YEARS};

/// Where a problem is: dot-separated field names and positions, e.g.
/// "scenario.0.partner.3.name". Positions count from 0 in the order items are listed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FieldPath(String);

impl FieldPath {
    /// The path of the scenario at `position` in the model: `scenario.0`.
    pub fn scenario(position: usize) -> FieldPath {
        FieldPath(format!("scenario.{position}"))
    }

    /// What option `position` is based on (issue #15): the editor shows it in the options bar,
    /// not among the option's fields.
    pub fn based_on(position: usize) -> FieldPath {
        FieldPath::scenario(position).field("based_on")
    }

    /// The option whose "based on" this path is, if it is one.
    pub fn based_on_of(&self) -> Option<usize> {
        self.0
            .strip_prefix("scenario.")?
            .strip_suffix(".based_on")?
            .parse()
            .ok()
    }

    pub fn root(field: &str) -> FieldPath {
        FieldPath(field.to_string())
    }

    /// This path with `field` added: `scenario.0` → `scenario.0.name`.
    pub fn field(&self, field: &str) -> FieldPath {
        FieldPath(format!("{}.{field}", self.0))
    }

    /// This path with a list item added: `scenario.0` → `scenario.0.partner.3`.
    pub fn item(&self, list: &str, position: usize) -> FieldPath {
        FieldPath(format!("{}.{list}.{position}", self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A valid HTML id for the field's input: "scenario-0-partner-3-name".
    pub fn to_dom_id(&self) -> String {
        self.0.replace(['.', '_'], "-")
    }
}

impl core::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: FieldPath,
    pub message: String,
}

/// Collects problems; the small checks every part of the model shares.
#[derive(Default)]
pub(crate) struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn problem(&mut self, path: FieldPath, message: String) {
        self.problems.push(Problem { path, message });
    }

    pub fn name(&mut self, name: &str, path: FieldPath, message: impl FnOnce() -> String) {
        if name.trim().is_empty() {
            self.problem(path, message());
        }
    }

    /// An amount a user typed: not negative, under the £1 trillion limit.
    pub fn amount(&mut self, amount: Money, path: FieldPath, what: &str) {
        if amount.is_negative() {
            self.problem(path, format!("{what} must not be negative"));
        } else {
            self.limit(amount, path, what);
        }
    }

    /// An amount that may be negative (a variance) but not absurdly large.
    pub fn limit(&mut self, amount: Money, path: FieldPath, what: &str) {
        if amount.abs() > MONEY_LIMIT {
            let limit = format_money(
                MONEY_LIMIT,
                MoneyStyle {
                    pence: false,
                    ..MoneyStyle::EXACT
                },
            );
            // Below −£1 trillion is "less than £1 trillion" too: say both bounds then.
            let message = if amount.is_negative() {
                format!("{what} must be between −{limit} and {limit}")
            } else {
                format!("{what} must be less than {limit}")
            };
            self.problem(path, message);
        }
    }

    /// A percentage between `low` and `high` inclusive, given in whole percent.
    pub fn percent(&mut self, percent: Percent, low: i64, high: i64, path: FieldPath, what: &str) {
        let value = percent.as_decimal();
        if value < low.into() || value > high.into() {
            let (low, high) = (
                Percent::from_hundredths(low * 100),
                Percent::from_hundredths(high * 100),
            );
            let (low, high) = (
                super::format::format_percent(low),
                super::format::format_percent(high),
            );
            self.problem(path, format!("{what} must be between {low} and {high}"));
        }
    }

    /// Reports each id after its first use. `kind` names one item: "spending line".
    pub fn unique_ids(
        &mut self,
        ids: impl Iterator<Item = u32>,
        path: impl Fn(usize) -> FieldPath,
        kind: &str,
    ) {
        let mut seen = HashSet::new();
        for (position, id) in ids.enumerate() {
            if !seen.insert(id) {
                self.problem(
                    path(position),
                    format!(
                        "{} {} has id {id}, the same as an earlier {kind}; each {kind} needs its \
                         own id. In a model file, give it an id no other {kind} has (opening the \
                         model in the modeller renumbers it for you)",
                        capitalised(kind),
                        position.saturating_add(1)
                    ),
                );
            }
        }
    }
}

/// Every problem in `model`; an empty list means it is complete and consistent.
pub fn validate(model: &Model) -> Vec<Problem> {
    let mut problems = validate_model_fields(model);
    for (position, scenario) in model.scenarios.iter().enumerate() {
        problems.extend(validate_scenario(scenario, position));
    }
    problems
}

/// The problems of the model as a whole (format version, name, base, scenario ids), without
/// looking inside any scenario: with `validate_scenario`, what an editor of one option needs.
pub fn validate_model_fields(model: &Model) -> Vec<Problem> {
    let mut check = Checker::default();
    if model.schema_version != SCHEMA_VERSION {
        check.problem(
            FieldPath::root("schema_version"),
            format!(
                "This file is in format version {}; this app reads version {SCHEMA_VERSION}",
                model.schema_version
            ),
        );
    }
    check.name(&model.name, FieldPath::root("name"), || {
        "The model needs a name".to_string()
    });
    if model.scenarios.is_empty() {
        check.problem(
            FieldPath::root("scenarios"),
            "Add at least one scenario".to_string(),
        );
    } else if model.base().is_none() {
        check.problem(
            FieldPath::root("base_scenario"),
            "The base scenario is not one of the scenarios".to_string(),
        );
    }
    check.unique_ids(
        model.scenarios.iter().map(|s| s.id.0),
        |i| FieldPath::scenario(i).field("id"),
        "option",
    );
    if let Some((at, problem)) = super::linked::chain_problem_at(model) {
        check.problem(FieldPath::based_on(at), problem.to_string());
    }
    check.problems
}

/// Every problem in one scenario; `position` is its place in the model, used in paths.
pub fn validate_scenario(scenario: &Scenario, position: usize) -> Vec<Problem> {
    let mut check = Checker::default();
    let root = FieldPath::scenario(position);
    check.name(&scenario.name, root.field("name"), || {
        format!("Scenario {} needs a name", position + 1)
    });
    let horizon = scenario.horizon;
    if horizon.years == 0 || horizon.years > MAX_HORIZON_YEARS {
        check.problem(
            root.field("horizon").field("years"),
            format!(
                "The plan must cover 1 to {MAX_HORIZON_YEARS} years; it covers {}",
                horizon.years
            ),
        );
    }
    if !(FIRST_START_YEAR..=LAST_START_YEAR).contains(&horizon.start.0) {
        check.problem(
            root.field("horizon").field("start"),
            format!(
                "The first financial year must be between {} and {}",
                FinancialYear(FIRST_START_YEAR),
                FinancialYear(LAST_START_YEAR)
            ),
        );
    }
    check_partners(&mut check, scenario, &root);
    check_pools(&mut check, scenario, &root);
    check_contributions(&mut check, scenario, &root);
    check_lines(&mut check, scenario, &root);
    check_ring_fences(&mut check, scenario, &root);
    check.problems
}

fn check_partners(check: &mut Checker, scenario: &Scenario, root: &FieldPath) {
    if scenario.partners.is_empty() {
        check.problem(
            root.field("partners"),
            "Add at least one partner".to_string(),
        );
    }
    for (i, partner) in scenario.partners.iter().enumerate() {
        let path = root.item("partner", i);
        check.name(&partner.name, path.field("name"), || {
            format!("Partner {} needs a name", i + 1)
        });
        let label = display_name(&partner.name, "Partner", i);
        check.name(&partner.short_name, path.field("short_name"), || {
            format!("{label} needs a short name for tables")
        });
        if let Some(baseline) = partner.baseline_budget {
            check.amount(
                baseline,
                path.field("baseline_budget"),
                &format!("The baseline budget of {label}"),
            );
        }
        check.percent(
            partner.baseline_growth,
            -100,
            100,
            path.field("baseline_growth"),
            &format!("The baseline growth of {label}"),
        );
    }
    check.unique_ids(
        scenario.partners.iter().map(|p| p.id.0),
        |i| root.item("partner", i).field("id"),
        "partner",
    );
}

fn check_pools(check: &mut Checker, scenario: &Scenario, root: &FieldPath) {
    for (i, pool) in scenario.pools.iter().enumerate() {
        let path = root.item("pool", i);
        check.name(&pool.name, path.field("name"), || {
            format!("Pool {} needs a name", i + 1)
        });
        let label = display_name(&pool.name, "Pool", i);
        if scenario.partner(pool.host).is_none() {
            check.problem(
                path.field("host"),
                format!("Host of pool {label} is not one of the partners"),
            );
        }
        check_risk_share(
            check,
            &pool.risk_share,
            scenario,
            &path.field("risk_share"),
            &label,
        );
        check.amount(
            pool.reserve.opening,
            path.field("reserve").field("opening"),
            &format!("The opening reserve of {label}"),
        );
        check.amount(
            pool.reserve.set_aside_per_year,
            path.field("reserve").field("set_aside_per_year"),
            &format!("The yearly contingency set aside in {label}"),
        );
        let funded = scenario.contributions.iter().any(|c| c.pool == pool.id);
        if !funded {
            check.problem(
                path.field("name"),
                format!("Nobody contributes to pool {label}; add a contribution"),
            );
        }
    }
    check.unique_ids(
        scenario.pools.iter().map(|p| p.id.0),
        |i| root.item("pool", i).field("id"),
        "pool",
    );
}

fn check_contributions(check: &mut Checker, scenario: &Scenario, root: &FieldPath) {
    for (i, contribution) in scenario.contributions.iter().enumerate() {
        let path = root.item("contribution", i);
        check.name(&contribution.name, path.field("name"), || {
            format!("Contribution {} needs a name", i + 1)
        });
        let label = format!(
            "contribution {}",
            display_name(&contribution.name, "", i).trim_start()
        );
        let payer = scenario.partner(contribution.partner);
        if payer.is_none() {
            check.problem(
                path.field("partner"),
                format!("The partner paying {label} is not one of the partners"),
            );
        }
        if scenario.pool(contribution.pool).is_none() {
            check.problem(
                path.field("pool"),
                format!("The pool {label} is paid into is not one of the pools"),
            );
        }
        check_amount_rule(
            check,
            &contribution.rule,
            scenario.horizon,
            payer,
            &path.field("rule"),
            &label,
        );
    }
    check.unique_ids(
        scenario.contributions.iter().map(|c| c.id.0),
        |i| root.item("contribution", i).field("id"),
        "contribution",
    );
}

fn check_lines(check: &mut Checker, scenario: &Scenario, root: &FieldPath) {
    for (i, line) in scenario.lines.iter().enumerate() {
        let path = root.item("line", i);
        check.name(&line.name, path.field("name"), || {
            format!("Spending line {} needs a name", i + 1)
        });
        let label = display_name(&line.name, "Spending line", i);
        if scenario.pool(line.pool).is_none() {
            check.problem(
                path.field("pool"),
                format!("The pool for {label} is not one of the pools"),
            );
        }
        if scenario.partner(line.commissioner).is_none() {
            check.problem(
                path.field("commissioner"),
                format!("The commissioner of {label} is not one of the partners"),
            );
        }
        let budget_path = path.field("budget");
        let mut seen = HashSet::new();
        for (i, entry) in line.budget.iter().enumerate() {
            let entry_path = budget_path.item("year", i);
            if !seen.insert(entry.year) {
                check.problem(
                    entry_path.field("year"),
                    format!("The budget of {label} lists {} twice", entry.year),
                );
            }
            check.amount(
                entry.amount,
                entry_path.field("amount"),
                &format!("The {} budget of {label}", entry.year),
            );
        }
        if let (Some(first), Some(last)) = (line.first_year, line.last_year) {
            if last < first {
                check.problem(
                    path.field("last_year"),
                    format!("{label} ends ({last}) before it starts ({first}); put the last year on or after the first"),
                );
            }
        }
        check.percent(
            line.savings,
            0,
            100,
            path.field("savings"),
            &format!("Integration savings for {label}"),
        );
        check_outturns(
            check,
            &line.forecast,
            scenario.horizon,
            &path.field("forecast"),
            &label,
        );
        check_forecast_spend(check, line, scenario, &path.field("forecast"), &label);
        if let Some(rule) = &line.risk_share {
            check_risk_share(check, rule, scenario, &path.field("risk_share"), &label);
        }
    }
    check.unique_ids(
        scenario.lines.iter().map(|l| l.id.0),
        |i| root.item("line", i).field("id"),
        "spending line",
    );
}

fn check_ring_fences(check: &mut Checker, scenario: &Scenario, root: &FieldPath) {
    let mut seen = HashSet::new();
    for (i, requirement) in scenario.ring_fences.iter().enumerate() {
        let path = root.item("ring_fence", i);
        let pool = scenario.pool(requirement.pool);
        let label = format!("the {}", requirement.ring_fence.label().to_lowercase());
        match pool {
            None => check.problem(
                path.field("pool"),
                format!("The pool for {label} is not one of the pools"),
            ),
            Some(pool) if !seen.insert((requirement.pool, requirement.ring_fence)) => check
                .problem(
                    path.field("pool"),
                    format!(
                        "{} is set more than once for pool {}; keep one and remove the others",
                        capitalised(&label),
                        display_name(&pool.name, "Pool", 0)
                    ),
                ),
            Some(_) => {}
        }
        match &requirement.minimum {
            super::spend::MinimumRule::Amount { rule } => {
                let host = pool.and_then(|p| scenario.partner(p.host));
                check_amount_rule(
                    check,
                    rule,
                    scenario.horizon,
                    host,
                    &path.field("minimum"),
                    &label,
                );
            }
            super::spend::MinimumRule::ShareOfStream { percent, .. } => {
                check.percent(
                    *percent,
                    0,
                    100,
                    path.field("minimum").field("percent"),
                    &format!("The percentage for {label}"),
                );
            }
        }
    }
}

/// "Spending line" from "spending line".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "'Reablement'" in quotes (isolated for bidirectional text, see `user_text`), or "Spending
/// line 3" when the name is still empty.
pub(crate) fn display_name(name: &str, kind: &str, position: usize) -> String {
    if name.trim().is_empty() {
        format!("{kind} {}", position + 1)
    } else {
        format!("'{}'", isolate(name.trim()))
    }
}

/// An over- or underspend may not take the year's forecast spend below zero: an underspend
/// larger than the plan is a typing slip (the spend itself typed with a minus sign, say).
fn check_forecast_spend(
    check: &mut Checker,
    line: &super::spend::SpendLine,
    scenario: &Scenario,
    path: &FieldPath,
    label: &str,
) {
    let Ok(plans) = line.plan(scenario.horizon) else {
        return;
    };
    for (i, entry) in line.forecast.iter().enumerate() {
        let field = match entry.outturn {
            super::spend::Outturn::VarianceAmount { .. } => "amount",
            super::spend::Outturn::VariancePercent { .. } => "percent",
            _ => continue,
        };
        let Some(plan) = scenario
            .horizon
            .index_of(entry.year)
            .and_then(|at| plans.get(at))
        else {
            continue;
        };
        // A negative budget is already reported; its forecast would only repeat it.
        if plan.planned.is_negative() {
            continue;
        }
        if entry
            .outturn
            .forecast(plan.planned)
            .is_some_and(|spend| spend.is_negative())
        {
            check.problem(
                path.item("year", i).field("outturn").field(field),
                format!(
                    "The {} forecast for {label} is an underspend larger than its planned spend of {}, which would make the spend negative; type an underspend of at most that, or the forecast spend itself",
                    entry.year,
                    format_money(plan.planned, MoneyStyle::EXACT)
                ),
            );
        }
    }
}
