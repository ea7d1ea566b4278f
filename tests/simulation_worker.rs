//! What the page and the simulation's worker say to each other (src/worker.rs): the model
//! goes as a link body, every option is simulated in turn with progress, and the results come
//! back as bytes that read back to exactly what the engine computed. A run split between
//! workers gives the same bytes as one worker's run.

use pooled_budgets::codec::link::{link_body, model_from_body};
use pooled_budgets::codec::simulation_part::{decode_part, encode_part};
use pooled_budgets::codec::simulation_wire::{decode_results, encode_results};
use pooled_budgets::model::fixtures::{large_model, reference_model, with_ranges_on_every_line};
use pooled_budgets::model::uncertainty::{
    merge_shares, simulate_every_option, simulate_share, LineRange, PartFailure, PartOutcome,
    PoolDriver, Shape, Share, Simulation, SimulationResults, Threshold,
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

/// The run split `of` ways as the workers do it: each part's draws through their bytes, then
/// merged; the results' bytes, or the problem. Checks each part's progress on the way.
fn split(model: &Model, of: u32) -> Result<Vec<u8>, String> {
    let mut settled = 0;
    let parts: Vec<PartOutcome> = (0..of)
        .map(|part| {
            let share = Share::new(part, of).expect("a part");
            let mut reports = Vec::new();
            let outcome = simulate_share(model, share, |done, total| reports.push((done, total)));
            if outcome.is_ok() {
                let (done, total) = reports.last().copied().expect("progress");
                assert_eq!(done, total, "part {part} of {of} reports its last draw");
                settled += total;
            }
            let bytes = encode_part(&outcome);
            let read = decode_part(&bytes).expect("a part's bytes read back");
            assert_eq!(read, outcome);
            read
        })
        .collect();
    let merged = merge_shares(model, parts).map(|runs| encode_results(&runs))?;
    let draws = u64::from(model.uncertainty.draws) * model.scenarios.len() as u64;
    assert_eq!(settled, draws, "the parts settle every draw once");
    Ok(merged)
}

fn whole(model: &Model) -> Result<Vec<u8>, String> {
    simulate_every_option(model, |_, _| {}).map(|runs| encode_results(&runs))
}

#[test]
fn a_run_split_between_workers_gives_the_bytes_of_one_run() {
    let mut triangular = ranged();
    triangular.uncertainty.shape = Shape::Triangular;
    triangular.uncertainty.draws = 1_003;
    let mut odd = ranged();
    odd.uncertainty.draws = 1_001;
    odd.uncertainty.seed = 4;
    for model in [ranged(), triangular, odd] {
        let one = whole(&model).expect("it simulates");
        for of in 1..=4 {
            assert!(split(&model, of) == Ok(one.clone()), "{of} parts");
        }
    }
}

#[test]
fn the_large_model_split_in_two_gives_the_bytes_of_one_run() {
    let mut model = with_ranges_on_every_line(large_model());
    model.uncertainty.draws = 1_000;
    model.scenarios.truncate(1);
    model.base_scenario = model.scenarios[0].id;
    let one = whole(&model).expect("it simulates");
    assert!(split(&model, 2) == Ok(one), "two parts");
}

#[test]
fn a_split_run_reports_the_problem_one_run_meets_first() {
    let mut model = ranged();
    model.uncertainty.ranges[0].low = Outturn::VariancePercent {
        percent: Percent::from_hundredths(3_000),
    };
    let problem = whole(&model).expect_err("out of order");
    for of in 1..=4 {
        assert_eq!(split(&model, of), Err(problem.clone()));
    }
    // Of parts that stopped at different draws, the earliest option and draw is the one a
    // single run meets first, whichever part met it.
    let model = ranged();
    let stopped = |option, draw, message: &str| {
        Err(PartFailure {
            option,
            draw,
            message: message.to_string(),
        })
    };
    let finished = simulate_share(&model, Share::new(2, 3).expect("a part"), |_, _| {});
    let parts = vec![
        stopped(1, 4, "later option"),
        stopped(0, 902, "first"),
        finished,
    ];
    assert_eq!(merge_shares(&model, parts), Err("first".to_string()));
    let parts = vec![stopped(0, 903, "later draw"), stopped(0, 902, "first")];
    assert_eq!(merge_shares(&model, parts), Err("first".to_string()));
}

#[test]
fn parts_that_are_not_a_split_of_the_run_are_refused() {
    let model = ranged();
    let part = |k, of| simulate_share(&model, Share::new(k, of).expect("a part"), |_, _| {});
    // A part missing, or parts of two different splits.
    for parts in [vec![part(0, 2)], vec![part(0, 2), part(1, 3)], vec![]] {
        let merged = merge_shares(&model, parts);
        assert!(merged.is_err(), "{merged:?}");
    }
    // Bytes that are cut off or not a part's are refused, not misread.
    let bytes = encode_part(&part(1, 2));
    for cut in (0..bytes.len()).step_by(4_099).chain([bytes.len() - 1]) {
        assert_eq!(decode_part(&bytes[..cut]), None, "cut at {cut}");
    }
    assert_eq!(decode_part(&encode_results(&[])), None);
    assert_eq!(decode_results(&bytes), None);
}
