//! compare: numeric differences per partner, pool and year, and the changed inputs in words.

use pooled_budgets::model::{compare, reference_model, AmountRule, Money, Percent};

#[test]
fn describes_changed_inputs_in_words() {
    let model = reference_model();
    let base = &model.scenarios[0];
    let mut other = base.clone();
    other.contributions[0].rule = AmountRule::Uplift {
        base: Money::pounds(24_600_000),
        uplift: Percent::from_hundredths(390),
    };
    let comparison = compare(base, &other).unwrap();
    assert_eq!(
        comparison.input_changes,
        vec!["NHS minimum contribution uplift: 5.66% → 3.9%".to_string()]
    );

    // The ICB pays less from 2026/27 on; nobody else's contributions change.
    let icb = comparison
        .partners
        .iter()
        .find(|p| p.partner.0 == 2)
        .unwrap();
    assert!(icb.contributions.amount.is_negative());
    assert_eq!(icb.by_year[0].net_cost.amount, Money::ZERO);
    let city = comparison
        .partners
        .iter()
        .find(|p| p.partner.0 == 6)
        .unwrap();
    assert_eq!(city.contributions.amount, Money::ZERO);
}

#[test]
fn compares_the_reference_options() {
    let model = reference_model();
    let comparison = compare(&model.scenarios[0], &model.scenarios[1]).unwrap();
    assert_eq!(
        comparison.input_changes,
        vec![
            "Better Care Fund risk share: fixed percentages (LBH 50%, NEL ICB 50%) → pro rata to contributions"
                .to_string()
        ]
    );
    // Same inputs apart from the risk share: income and spend are unchanged, but who pays moves.
    for pool in &comparison.pools {
        for year in &pool.by_year {
            assert!(year.income.is_zero() && year.forecast_spend.is_zero());
        }
    }
    let total_change =
        Money::checked_sum(comparison.partners.iter().map(|p| p.net_cost.amount)).unwrap();
    assert_eq!(total_change, Money::ZERO);
    assert!(comparison.partners.iter().any(|p| !p.net_cost.is_zero()));
    assert_eq!(comparison.years.len(), 5);
}

#[test]
fn percent_change_is_none_against_a_zero_base() {
    let change = pooled_budgets::model::Change::between(Money::ZERO, Money::pounds(10)).unwrap();
    assert_eq!(change.percent, None);
    let change =
        pooled_budgets::model::Change::between(Money::pounds(200), Money::pounds(150)).unwrap();
    assert_eq!(change.percent, Some(Percent::from_hundredths(-2500)));
}
