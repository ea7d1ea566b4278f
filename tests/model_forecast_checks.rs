//! Forecasts typed as spend or as variance: the variance is right either way, a large or
//! suspicious variance is a warning, and a negative spend is refused.

use pooled_budgets::model::forecast_checks::{forecast_warnings, WarningKind};
use pooled_budgets::model::user_text::plain;
use pooled_budgets::model::{
    compute, small_model, validate_scenario, FinancialYear, LineId, Money, Outturn, Percent,
    Scenario, YearForecast,
};

/// The small model's "Home adaptations (DFG)": £2,500,000 planned each year, no savings.
fn with_forecast(outturn: Outturn) -> Scenario {
    let mut scenario = Scenario::clone(&small_model().scenarios[0]);
    for line in &mut scenario.lines {
        line.forecast.clear();
    }
    let line = scenario
        .lines
        .iter_mut()
        .find(|l| l.id == LineId(3))
        .expect("line 3");
    line.forecast = vec![YearForecast {
        year: FinancialYear(2025),
        outturn,
    }];
    scenario
}

fn line_variance(scenario: &Scenario) -> Money {
    let results = compute(scenario).expect("computes");
    let year = &results.pools[0].years[0];
    let at = results.pools[0]
        .lines
        .iter()
        .position(|l| l.id == LineId(3))
        .expect("line heading");
    year.lines[at].variance
}

#[test]
fn an_outturn_typed_as_spend_gives_the_variance_against_plan() {
    let spend = with_forecast(Outturn::Spend {
        amount: Money::pounds(2_750_000),
    });
    assert_eq!(line_variance(&spend), Money::pounds(250_000));
    let variance = with_forecast(Outturn::VarianceAmount {
        amount: Money::pounds(250_000),
    });
    assert_eq!(line_variance(&variance), Money::pounds(250_000));
    assert!(forecast_warnings(&spend).is_empty());
    assert!(validate_scenario(&spend, 0).is_empty());
}

#[test]
fn a_variance_above_a_quarter_of_plan_is_a_warning_not_an_error() {
    let scenario = with_forecast(Outturn::VariancePercent {
        percent: Percent::from_hundredths(50_000),
    });
    let warnings = forecast_warnings(&scenario);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].kind, WarningKind::LargeVariance);
    assert_eq!(
        plain(&warnings[0].message),
        "The 2025/26 forecast for Home adaptations (DFG) is an overspend of £12,500,000.00 (500% of planned spend of £2,500,000.00); check it is right."
    );
    assert!(validate_scenario(&scenario, 0).is_empty());
    // 25% exactly is not above a quarter.
    let quarter = with_forecast(Outturn::VarianceAmount {
        amount: Money::pounds(-625_000),
    });
    assert!(forecast_warnings(&quarter).is_empty());
}

#[test]
fn a_variance_close_to_the_plan_asks_whether_the_spend_was_typed() {
    // The outturn (£2,600,000) typed while forecasts are read as over/underspends.
    let scenario = with_forecast(Outturn::VarianceAmount {
        amount: Money::pounds(2_600_000),
    });
    let warnings = forecast_warnings(&scenario);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        warnings[0].kind,
        WarningKind::LooksLikeSpend(Money::pounds(2_600_000))
    );
    assert!(plain(&warnings[0].message).contains("Was £2,600,000.00 the forecast spend"));
    // 79% of plan is a large variance, not a likely slip.
    let below = with_forecast(Outturn::VarianceAmount {
        amount: Money::pounds(1_975_000),
    });
    assert_eq!(
        forecast_warnings(&below)[0].kind,
        WarningKind::LargeVariance
    );
}

#[test]
fn a_negative_forecast_spend_is_refused_with_a_message() {
    let typed = with_forecast(Outturn::Spend {
        amount: Money::pounds(-1_500_000),
    });
    let problems = validate_scenario(&typed, 0);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        plain(&problems[0].message)
            .contains("forecast spend for 'Home adaptations (DFG)' must not be negative"),
        "{problems:?}"
    );
    // An underspend larger than the plan (−£3,000,000 on £2,500,000) makes the spend negative.
    let under = with_forecast(Outturn::VarianceAmount {
        amount: Money::pounds(-3_000_000),
    });
    let problems = validate_scenario(&under, 0);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].path.as_str(),
        "scenario.0.line.2.forecast.year.0.outturn.amount"
    );
    assert!(plain(&problems[0].message)
        .contains("underspend larger than its planned spend of £2,500,000.00"));
}
