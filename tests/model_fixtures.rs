//! The example models are complete (no validation problems), compute, and have the shape the
//! benchmarks and share-link tests rely on.

use pooled_budgets::model::{compute, large_model, reference_model, small_model, validate, Model};

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
        // Not a penny appears or disappears, and the funding gap and unallocated income are
        // apart from the variance (src/model/reconcile.rs).
        assert_eq!(results.reconcile(), Ok(()), "{}", scenario.name);
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
