//! The example models are complete (no validation problems), compute, and have the shape the
//! benchmarks and share-link tests rely on.

use pooled_budgets::model::{
    compute, large_model, reference_model, small_model, validate, Model, Money,
};

fn assert_valid(model: &Model) {
    let problems = validate(model);
    assert!(
        problems.is_empty(),
        "{} has problems: {problems:#?}",
        model.name
    );
}

fn every_pool_year_balances(model: &Model) {
    for scenario in &model.scenarios {
        let results = compute(scenario).unwrap_or_else(|e| panic!("{}: {e}", scenario.name));
        for pool in &results.pools {
            for year in &pool.years {
                // Everything partners pay, plus money already in the pool, is spent, set aside,
                // carried forward or held: not a penny appears or disappears.
                let paid = Money::checked_sum(year.net_cost.iter().copied()).unwrap();
                let came_in = paid
                    .checked_add(year.carried_in)
                    .and_then(|m| m.checked_add(year.reserve.drawn))
                    .unwrap();
                let went_out = year
                    .forecast_spend
                    .checked_add(year.reserve.set_aside)
                    .and_then(|m| m.checked_add(year.underspend.carried_forward))
                    .and_then(|m| m.checked_add(year.underspend.held_as_contingency))
                    .unwrap();
                assert_eq!(
                    came_in, went_out,
                    "{} {} {}",
                    scenario.name, pool.name, year.year
                );
            }
        }
    }
}

#[test]
fn small_model_is_valid_and_balances() {
    let model = small_model();
    assert_valid(&model);
    let scenario = &model.scenarios[0];
    assert_eq!(
        (
            scenario.partners.len(),
            scenario.pools.len(),
            scenario.lines.len()
        ),
        (3, 1, 5)
    );
    assert_eq!(scenario.horizon.years, 3);
    every_pool_year_balances(&model);
}

#[test]
fn reference_model_is_valid_and_balances() {
    let model = reference_model();
    assert_valid(&model);
    assert_eq!(model.scenarios.len(), 3);
    for scenario in &model.scenarios {
        assert_eq!(
            (
                scenario.partners.len(),
                scenario.pools.len(),
                scenario.lines.len()
            ),
            (8, 3, 30)
        );
        assert_eq!(scenario.horizon.years, 5);
    }
    assert_eq!(
        model.scenarios[0].partners[0].name,
        "London Borough of Hackney"
    );
    every_pool_year_balances(&model);
}

#[test]
fn large_model_is_valid_and_balances() {
    let model = large_model();
    assert_valid(&model);
    assert_eq!(model.scenarios.len(), 10);
    for scenario in &model.scenarios {
        assert_eq!(
            (
                scenario.partners.len(),
                scenario.pools.len(),
                scenario.lines.len()
            ),
            (20, 10, 200)
        );
        assert_eq!(scenario.horizon.years, 10);
    }
    every_pool_year_balances(&model);
}

#[test]
fn fixtures_are_the_same_every_time() {
    assert_eq!(reference_model(), reference_model());
    assert_eq!(large_model(), large_model());
}
