//! validate: every problem, with a path to its field and a sentence a finance lead understands.

use pooled_budgets::model::{
    reference_model, validate, AmountRule, FinancialYear, Money, PartnerId, PartnerShare, Percent,
    Problem, RiskShare, YearAmount, FIRST_START_YEAR, LAST_START_YEAR,
};

fn messages(problems: &[Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

/// Whether a problem at `path` reads `message`, names written without their isolate marks.
fn has(problems: &[Problem], path: &str, message: &str) -> bool {
    problems.iter().any(|p| {
        p.path.as_str() == path && p.message.replace(['\u{2068}', '\u{2069}'], "") == message
    })
}

#[test]
fn reports_each_problem_with_its_field() {
    let mut model = reference_model();
    let scenario = &mut model.scenarios[0];
    scenario.partners[3].name = "  ".to_string();
    scenario.pools[0].host = PartnerId(99);
    scenario.pools[0].risk_share = RiskShare::FixedPercentages {
        shares: vec![
            PartnerShare {
                partner: PartnerId(1),
                percent: Percent::from_hundredths(5000),
            },
            PartnerShare {
                partner: PartnerId(2),
                percent: Percent::from_hundredths(4000),
            },
        ],
    };
    scenario.lines[0].budget[0].amount = Money::pounds(-5);
    scenario.contributions[2].rule = AmountRule::PerYear {
        amounts: vec![YearAmount {
            year: FinancialYear(2031),
            amount: Money::pounds(1),
        }],
    };
    scenario.horizon.years = 5;
    model.scenarios[2].horizon.years = 11;
    let problems = validate(&model);
    let found = messages(&problems);
    assert!(
        has(
            &problems,
            "scenario.0.partner.3.name",
            "Partner 4 needs a name"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.0.pool.0.host",
            "Host of pool 'Better Care Fund' is not one of the partners"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.0.pool.0.risk_share.shares",
            "Fixed percentages for 'Better Care Fund' total 90%; they must total 100%"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.0.line.0.budget.year.0.amount",
            "The 2025/26 budget of 'Reablement' must not be negative"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.0.contribution.2.rule.amount.0.year",
            "Contribution 'Disabled Facilities Grant' has an amount for 2031/32, which is outside the plan (2025/26 to 2029/30)"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.2.horizon.years",
            "The plan must cover 1 to 10 years; it covers 11"
        ),
        "{found:#?}"
    );
    let dom = problems
        .iter()
        .find(|p| p.path.as_str() == "scenario.0.partner.3.name")
        .unwrap();
    assert_eq!(dom.path.to_dom_id(), "scenario-0-partner-3-name");
}

#[test]
fn reports_model_level_problems() {
    let mut model = reference_model();
    model.name.clear();
    model.schema_version = 99;
    model.base_scenario = pooled_budgets::model::ScenarioId(42);
    let problems = validate(&model);
    assert!(has(&problems, "name", "The model needs a name"));
    assert!(has(
        &problems,
        "base_scenario",
        "The base scenario is not one of the scenarios"
    ));
    assert!(problems.iter().any(|p| p.path.as_str() == "schema_version"));
}

#[test]
fn reports_dangling_references_and_missing_years() {
    let mut model = reference_model();
    let scenario = &mut model.scenarios[1];
    scenario.lines[4].commissioner = PartnerId(77);
    scenario.contributions[0].partner = PartnerId(77);
    scenario.contributions[2].rule = AmountRule::PerYear {
        amounts: Vec::new(),
    };
    let problems = validate(&model);
    let found = messages(&problems);
    assert!(
        has(
            &problems,
            "scenario.1.line.4.commissioner",
            "The commissioner of 'Integrated independence team' is not one of the partners"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.1.contribution.0.partner",
            "The partner paying contribution 'NHS minimum contribution' is not one of the partners"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            &problems,
            "scenario.1.contribution.2.rule.amounts",
            "Contribution 'Disabled Facilities Grant' has no amount for 2025/26, 2026/27, 2027/28, 2028/29 and 2029/30"
        ),
        "{found:#?}"
    );
}

#[test]
fn names_in_problems_are_isolated_for_bidirectional_text() {
    let mut model = reference_model();
    model.scenarios[0].pools[0].name = "\u{202E}Reversed".to_string();
    model.scenarios[0].pools[0].host = PartnerId(99);
    let problems = validate(&model);
    let host = problems
        .iter()
        .find(|p| p.path.as_str() == "scenario.0.pool.0.host")
        .map(|p| p.message.as_str());
    assert_eq!(
        host,
        Some("Host of pool '\u{2068}\u{202E}Reversed\u{2069}' is not one of the partners")
    );
}

#[test]
fn the_first_year_may_be_any_from_2000_to_2090() {
    for (year, fine) in [
        (1999, false),
        (2000, true),
        (2045, true),
        (2090, true),
        (2091, false),
    ] {
        let mut model = reference_model();
        model.scenarios[0].horizon.start = FinancialYear(year);
        let problems = validate(&model);
        let start = problems
            .iter()
            .any(|p| p.path.as_str() == "scenario.0.horizon.start");
        assert_eq!(!start, fine, "{year}: {problems:#?}");
    }
    assert_eq!((FIRST_START_YEAR, LAST_START_YEAR), (2000, 2090));
}

/// A variance may be negative (an underspend), so one beyond the limit below zero is told both
/// bounds: "less than £1,000,000,000,000" would already be true of it.
#[test]
fn a_variance_beyond_the_limit_either_way_is_told_both_bounds_when_negative() {
    use pooled_budgets::model::Outturn;
    let mut model = reference_model();
    let year = model.scenarios[0].horizon.start;
    let line = &mut model.scenarios[0].lines[0];
    line.set_forecast(
        year,
        Outturn::VarianceAmount {
            amount: Money::pounds(-2_000_000_000_000),
        },
    );
    let problems = validate(&model);
    let variance = problems
        .iter()
        .find(|p| p.path.as_str().ends_with("outturn.amount"))
        .unwrap_or_else(|| panic!("no problem with the variance: {:#?}", messages(&problems)));
    assert_eq!(
        variance.message.replace(['\u{2068}', '\u{2069}'], ""),
        "The 2025/26 variance for 'Reablement' must be between −£1,000,000,000,000 and £1,000,000,000,000"
    );
    model.scenarios[0].lines[0].set_forecast(
        year,
        Outturn::VarianceAmount {
            amount: Money::pounds(2_000_000_000_000),
        },
    );
    let problems = validate(&model);
    assert!(
        problems.iter().any(|p| p
            .message
            .replace(['\u{2068}', '\u{2069}'], "")
            .ends_with("must be less than £1,000,000,000,000")),
        "{:#?}",
        messages(&problems)
    );
}
