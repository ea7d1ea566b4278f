//! Validation of the rules inside a scenario: amount rules, forecast outturns and risk shares.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::contribution::AmountRule;
use super::format::format_percent;
use super::partner::Partner;
use super::risk::{total_percent, PartnerShare, RiskShare, TierLimit};
use super::scenario::Scenario;
use super::spend::{Outturn, YearForecast};
use super::validate::{Checker, FieldPath};
use super::year::{FinancialYear, Horizon};

/// `label` names what the rule belongs to, e.g. "contribution 'ICB minimum'".
pub(crate) fn check_amount_rule(
    check: &mut Checker,
    rule: &AmountRule,
    horizon: Horizon,
    payer: Option<&Partner>,
    path: &FieldPath,
    label: &str,
) {
    match rule {
        AmountRule::Fixed { amount } => check.amount(
            *amount,
            path.field("amount"),
            &format!("The amount of {label}"),
        ),
        AmountRule::Uplift { base, uplift } => {
            check.amount(
                *base,
                path.field("base"),
                &format!("The base amount of {label}"),
            );
            check.percent(
                *uplift,
                -100,
                100,
                path.field("uplift"),
                &format!("The uplift of {label}"),
            );
        }
        AmountRule::PerYear { amounts } => {
            let mut seen = HashSet::new();
            for (i, entry) in amounts.iter().enumerate() {
                let entry_path = path.item("amount", i);
                check.amount(
                    entry.amount,
                    entry_path.field("amount"),
                    &format!("The {} amount of {label}", entry.year),
                );
                year_in_horizon(
                    check,
                    entry.year,
                    horizon,
                    entry_path.field("year"),
                    &format!("{label} has an amount"),
                );
                if !seen.insert(entry.year) {
                    check.problem(
                        entry_path.field("year"),
                        format!("{} is listed twice for {label}", entry.year),
                    );
                }
            }
            let missing: Vec<String> = horizon
                .years()
                .filter(|y| !seen.contains(y))
                .map(|y| y.to_string())
                .collect();
            if !missing.is_empty() {
                check.problem(
                    path.field("amounts"),
                    format!(
                        "{} has no amount for {}",
                        capitalise(label),
                        in_words(&missing)
                    ),
                );
            }
        }
        AmountRule::PercentOfBaseline { percent } => {
            check.percent(
                *percent,
                0,
                100,
                path.field("percent"),
                &format!("The percentage for {label}"),
            );
            if let Some(partner) = payer {
                if partner.baseline_budget.is_none() {
                    check.problem(
                        path.field("percent"),
                        format!(
                            "{} is a percentage of {}'s baseline budget, but {} has no baseline budget",
                            capitalise(label),
                            partner.label(),
                            partner.label()
                        ),
                    );
                }
            }
        }
    }
}

pub(crate) fn check_outturns(
    check: &mut Checker,
    forecast: &[YearForecast],
    horizon: Horizon,
    path: &FieldPath,
    label: &str,
) {
    let mut seen = HashSet::new();
    for (i, entry) in forecast.iter().enumerate() {
        let entry_path = path.item("year", i);
        year_in_horizon(
            check,
            entry.year,
            horizon,
            entry_path.field("year"),
            &format!("The forecast for {label} is"),
        );
        if !seen.insert(entry.year) {
            check.problem(
                entry_path.field("year"),
                format!("The forecast for {label} lists {} twice", entry.year),
            );
        }
        match entry.outturn {
            Outturn::AsPlanned => {}
            Outturn::VariancePercent { percent } => check.percent(
                percent,
                -100,
                1000,
                entry_path.field("outturn").field("percent"),
                &format!("The {} variance for {label}", entry.year),
            ),
            Outturn::VarianceAmount { amount } => check.limit(
                amount,
                entry_path.field("outturn").field("amount"),
                &format!("The {} variance for {label}", entry.year),
            ),
            Outturn::Spend { amount } => check.amount(
                amount,
                entry_path.field("outturn").field("amount"),
                &format!("The {} forecast spend for {label}", entry.year),
            ),
        }
    }
}

/// `label` names the pool or line the rule is for, e.g. "pool 'Better Care Fund'".
pub(crate) fn check_risk_share(
    check: &mut Checker,
    rule: &RiskShare,
    scenario: &Scenario,
    path: &FieldPath,
    label: &str,
) {
    if let RiskShare::Tiered { limit, .. } = rule {
        match limit {
            TierLimit::Amount { amount } => {
                check.amount(
                    *amount,
                    path.field("limit").field("amount"),
                    &format!("The first tier for {label}"),
                );
            }
            TierLimit::PercentOfPlanned { percent } => {
                check.percent(
                    *percent,
                    0,
                    100,
                    path.field("limit").field("percent"),
                    &format!("The first tier for {label}"),
                );
            }
        }
    }
    let shares_path = match rule {
        RiskShare::Tiered { .. } => path.field("rest").field("shares"),
        RiskShare::OrderedSteps { .. } => path.field("then").field("shares"),
        _ => path.field("shares"),
    };
    if let Some(shares) = rule.fixed_shares() {
        check_fixed_shares(check, shares, scenario, &shares_path, label);
    }
}

fn check_fixed_shares(
    check: &mut Checker,
    shares: &[PartnerShare],
    scenario: &Scenario,
    path: &FieldPath,
    label: &str,
) {
    if shares.is_empty() {
        check.problem(
            path.clone(),
            format!("Add the partners and percentages for {label}"),
        );
        return;
    }
    let mut seen = HashSet::new();
    for (i, share) in shares.iter().enumerate() {
        let share_path = path.item("share", i);
        match scenario.partner(share.partner) {
            None => check.problem(
                share_path.field("partner"),
                format!("A fixed percentage for {label} is for a partner that is not one of the partners"),
            ),
            Some(partner) if !seen.insert(share.partner) => check.problem(
                share_path.field("partner"),
                format!(
                    "{} is listed more than once in the fixed percentages for {label}; list each \
                     partner once, with its whole share, and remove the other entries",
                    crate::model::user_text::isolate(partner.label())
                ),
            ),
            Some(_) => {}
        }
        check.percent(
            share.percent,
            0,
            100,
            share_path.field("percent"),
            &format!("Each fixed percentage for {label}"),
        );
    }
    match total_percent(shares) {
        Some(total) if total.as_decimal() == Decimal::ONE_HUNDRED => {}
        Some(total) => check.problem(
            path.clone(),
            format!(
                "Fixed percentages for {label} total {}; they must total 100%",
                format_percent(total)
            ),
        ),
        None => check.problem(
            path.clone(),
            format!(
                "Fixed percentages for {label} add up to more than the modeller can hold; each \
                 must be between 0% and 100%, and together they must total 100%"
            ),
        ),
    }
}

fn year_in_horizon(
    check: &mut Checker,
    year: FinancialYear,
    horizon: Horizon,
    path: FieldPath,
    what: &str,
) {
    if !horizon.contains(year) {
        check.problem(
            path,
            format!(
                "{} for {year}, which is outside the plan ({horizon})",
                capitalise(what)
            ),
        );
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "2025/26", "2025/26 and 2026/27", "2025/26, 2026/27 and 2027/28".
fn in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
