//! What the page and the simulation's worker say to each other (src/worker.rs): the model
//! goes as a link body, every option is simulated in turn with progress, and the results come
//! back as bytes that read back to exactly what the engine computed.

use pooled_budgets::codec::link::{link_body, model_from_body};
use pooled_budgets::codec::simulation_wire::{decode_results, encode_results};
use pooled_budgets::model::fixtures::reference_model;
use pooled_budgets::model::uncertainty::{
    simulate_every_option, LineRange, PoolDriver, Simulation, SimulationResults, Threshold,
};
use pooled_budgets::model::{Model, Money, Outturn, Percent};

/// The reference model with a range on every line of every option, a shared driver on its
/// first pool and one typed threshold.
fn ranged() -> Model {
    let mut model = reference_model();
    let mut ranges = Vec::new();
    for option in &model.scenarios {
        for line in &option.lines {
            if ranges.iter().any(|r: &LineRange| r.line == line.id) {
                continue;
            }
            ranges.push(LineRange {
                line: line.id,
                year: None,
                low: Outturn::VariancePercent {
                    percent: Percent::from_hundredths(-500),
                },
                likely: Outturn::VariancePercent {
                    percent: Percent::from_hundredths(100),
                },
                high: Outturn::VariancePercent {
                    percent: Percent::from_hundredths(1_500),
                },
            });
        }
    }
    model.uncertainty.ranges = ranges;
    let pool = model.scenarios[0].pools[0].id;
    model.uncertainty.drivers = vec![PoolDriver {
        pool,
        low: Percent::from_hundredths(-200),
        likely: Percent::ZERO,
        high: Percent::from_hundredths(600),
    }];
    let partner = model.scenarios[0].partners[0].id;
    model.uncertainty.thresholds = vec![Threshold {
        partner,
        amount: Money::pounds(1_234_567),
    }];
    model.uncertainty.draws = 1_000;
    model.uncertainty.seed = 99;
    model
}

/// Each option simulated on its own, as the page did before the worker.
fn one_by_one(model: &Model) -> Vec<(String, SimulationResults)> {
    model
        .scenarios
        .iter()
        .map(|option| {
            let mut simulation = Simulation::new(model, option.id).expect("it starts");
            while !simulation.is_done() {
                simulation.run(97).expect("every draw settles");
            }
            (option.name.clone(), simulation.results())
        })
        .collect()
}

#[test]
fn the_model_reaches_the_worker_exactly() {
    let model = ranged();
    let (read, selected) = model_from_body(&link_body(&model, model.base_scenario))
        .expect("the worker reads the page's body");
    assert_eq!(read, model);
    assert_eq!(selected, model.base_scenario);
}

#[test]
fn every_option_gives_what_each_gives_alone_with_progress_up_to_the_total() {
    let model = ranged();
    assert!(
        model.scenarios.len() > 1,
        "the reference model has options to compare"
    );
    let mut reports = Vec::new();
    let runs = simulate_every_option(&model, |done, total| reports.push((done, total)))
        .expect("the reference model simulates");
    assert_eq!(runs, one_by_one(&model));
    let total = 1_000 * model.scenarios.len() as u64;
    assert!(reports.iter().all(|(_, t)| *t == total));
    assert!(
        reports.windows(2).all(|w| w[0].0 <= w[1].0),
        "progress never goes back"
    );
    assert_eq!(reports.first(), Some(&(0, total)));
    assert_eq!(reports.last(), Some(&(total, total)));
    // Often enough for a smooth bar: at least one report per 25 draws.
    assert!(reports.len() as u64 >= total / 25);
}

#[test]
fn a_problem_in_any_option_is_reported_before_any_draw_with_its_name() {
    let mut model = ranged();
    model.uncertainty.ranges[0].low = Outturn::VariancePercent {
        percent: Percent::from_hundredths(3_000),
    };
    let mut reports = 0;
    let error = simulate_every_option(&model, |_, _| reports += 1).expect_err("out of order");
    assert_eq!(reports, 0);
    assert!(
        error.starts_with(&format!("{}: ", model.scenarios[0].name)),
        "{error}"
    );
    assert!(error.contains("Put the three in order"), "{error}");
    let mut none = ranged();
    none.uncertainty.ranges.clear();
    none.uncertainty.drivers.clear();
    let error = simulate_every_option(&none, |_, _| {}).expect_err("nothing to simulate");
    assert!(error.contains("No forecast has a range yet"), "{error}");
}

#[test]
fn results_read_back_exactly_from_their_bytes() {
    let model = ranged();
    let runs = simulate_every_option(&model, |_, _| {}).expect("it simulates");
    // Something in every optional part: a typed threshold, a reserve, every draw's figure.
    assert!(runs[0].1.partners.iter().any(|p| p.threshold_typed));
    assert!(runs[0]
        .1
        .partners
        .iter()
        .all(|p| p.net_cost_draws.len() == 1_000));
    let bytes = encode_results(&runs);
    assert_eq!(decode_results(&bytes), Some(runs.clone()));
    // Partner and pool names in any script survive.
    let mut renamed = runs;
    renamed[0].1.partners[0].name = "Bwrdd Iechyd — ʻŌlelo 北".to_string();
    renamed[0].1.pools[0].chance_reserve_used_up = Some(Percent::from_hundredths(1_234));
    assert_eq!(decode_results(&encode_results(&renamed)), Some(renamed));
}

#[test]
fn bytes_that_are_cut_off_changed_or_from_another_release_are_refused_not_misread() {
    let model = ranged();
    let runs = simulate_every_option(&model, |_, _| {}).expect("it simulates");
    let bytes = encode_results(&runs[..1]);
    for cut in (0..bytes.len()).step_by(37).chain([bytes.len() - 1]) {
        assert_eq!(decode_results(&bytes[..cut]), None, "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode_results(&longer), None);
    let mut other_release = bytes.clone();
    other_release[0] = 2;
    assert_eq!(decode_results(&other_release), None);
    // A count far beyond the bytes there are is refused before anything is allocated.
    let mut huge = vec![1];
    huge.extend(u32::MAX.to_le_bytes());
    assert_eq!(decode_results(&huge), None);
    assert_eq!(
        decode_results(&encode_results(&[])).map(|r| r.len()),
        Some(0)
    );
}
