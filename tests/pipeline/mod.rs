//! Everything the app does with a model it opens, in the order it does it: validate, the limits,
//! repairing duplicate ids, compute, the results panel's charts, compare, options side by side
//! (its tables and chart) and the stress test. Shared by the property test, the crafted-link
//! regressions and the whole-model fuzz target (fuzz/fuzz_targets/model_whole.rs), so all three
//! cover the same paths. Panics only on a broken promise: a panic elsewhere is the bug found.

use std::rc::Rc;

use pooled_budgets::app::charts::layout::{layout, Arrangement};
use pooled_budgets::app::charts::{data, describe};
use pooled_budgets::model::{
    compare, compare_options, compute, limits, repair_duplicate_ids, stress, validate, Figure,
    Model, Percent, Period, Results, StressScope,
};

/// What the run found, for tests that expect a particular outcome.
#[derive(Debug, Default)]
pub struct Outcome {
    /// `validate`'s messages.
    pub problems: Vec<String>,
    /// The limit the model is over, in words.
    pub over_limit: Option<String>,
    /// `repair_duplicate_ids`'s notices.
    pub repairs: Vec<String>,
    /// Each option's compute error, in words (`None` where it computed).
    pub compute_errors: Vec<Option<String>>,
}

/// Options computed, compared and stressed; a fuzzer's model may list thousands.
const MOST_OPTIONS: usize = 6;

pub fn run(model: &Model) -> Outcome {
    // Without the marks that isolate names for bidirectional text (model::user_text).
    let problems: Vec<String> = validate(model)
        .into_iter()
        .map(|p| pooled_budgets::model::user_text::plain(&p.message))
        .collect();
    let over_limit = limits::check(model).err().map(|e| e.to_string());

    let mut repaired = model.clone();
    let repairs = repair_duplicate_ids(&mut repaired);
    assert!(
        repair_duplicate_ids(&mut repaired.clone()).is_empty(),
        "a repaired model needed repairing again"
    );
    for problem in validate(&repaired) {
        assert!(
            !problem.message.contains("the same as an earlier"),
            "a duplicate id survived repair: {}",
            problem.message
        );
    }

    let mut compute_errors = Vec::new();
    let mut computed: Vec<Rc<Results>> = Vec::new();
    for scenario in repaired.scenarios.iter().take(MOST_OPTIONS) {
        match compute(scenario) {
            Ok(results) => {
                charts(&results);
                computed.push(Rc::new(results));
                compute_errors.push(None);
            }
            Err(e) => compute_errors.push(Some(e.to_string())),
        }
    }
    // The stress test at its ends (each run computes eight times): every line of the first
    // option 20% over, and one pool of the last option 10% under.
    if let Some(first) = repaired.scenarios.first() {
        let _ = stress(first, StressScope::AllPools, Percent::from_hundredths(2000));
    }
    if let Some(last) = repaired.scenarios.iter().take(MOST_OPTIONS).next_back() {
        if let Some(pool) = last.pools.last() {
            let _ = stress(
                last,
                StressScope::Pool(pool.id),
                Percent::from_hundredths(-1000),
            );
        }
    }
    // The simulation of the first option, a few draws, whatever its ranges.
    if let Some(first) = repaired.scenarios.first() {
        if let Ok(mut simulation) =
            pooled_budgets::model::uncertainty::Simulation::new(&repaired, first.id)
        {
            let _ = simulation.run(25);
            let _ = simulation.results();
        }
    }

    if let [first, others @ ..] = repaired.scenarios.as_slice() {
        for other in others.iter().take(MOST_OPTIONS) {
            let _ = compare(first, other);
        }
    }
    let chosen: Vec<_> = repaired
        .scenarios
        .iter()
        .take(MOST_OPTIONS)
        .map(|s| s.id)
        .collect();
    if let Ok(side_by_side) = compare_options(&repaired, &chosen) {
        for figure in Figure::ALL {
            if let Ok(rows) = side_by_side.partner_rows(figure, Period::AllYears) {
                let options: Vec<String> =
                    side_by_side.others.iter().map(|o| o.1.clone()).collect();
                let differences = data::differences(&rows, &options, str::to_string);
                let _ = describe::differences(&differences, &side_by_side.base_name);
                let _ = layout(&differences, Arrangement::Grouped);
            }
            for year in side_by_side.years.iter().take(2) {
                let _ = side_by_side.partner_rows(figure, Period::Year(*year));
            }
        }
        let _ = side_by_side.pool_rows(Period::AllYears);
        let _ = side_by_side.input_changes();
    }

    // The promise validation makes: a model it accepts (within the limits) computes.
    if problems.is_empty() && over_limit.is_none() {
        for (scenario, error) in repaired.scenarios.iter().zip(&compute_errors) {
            assert!(
                error.is_none(),
                "option '{}' passed validation but did not compute: {error:?}",
                scenario.name
            );
        }
    }
    Outcome {
        problems,
        over_limit,
        repairs,
        compute_errors,
    }
}

/// The results panel's charts: their data, sentences, layouts and table totals.
fn charts(results: &Results) {
    for (chart, arrangement) in [
        (data::contributions(results), Arrangement::Stacked),
        (data::balances(results), Arrangement::Grouped),
    ] {
        let _ = describe::contributions(&chart);
        let _ = describe::balances(&chart);
        let _ = layout(&chart, arrangement);
        let _ = chart.total();
        for category in 0..chart.categories.len() {
            let _ = chart.category_total(category);
        }
        for series in 0..chart.series.len() {
            let _ = chart.series_total(series);
        }
    }
}
