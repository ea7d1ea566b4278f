//! Benchmarks for the budget engine: compute one scenario of the small, reference and large
//! example models, validate the large model, and compare two reference options.
//! Run with `make bench` (`cargo bench --bench compute`). Target: large compute under 1 ms.
//! Also 500 draws of the simulation (a tenth of the default 5,000) of the reference and large
//! models with a range on every line, the figures `make bench` times in the browser.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use pooled_budgets::model::fixtures::with_ranges_on_every_line;
use pooled_budgets::model::uncertainty::Simulation;
use pooled_budgets::model::{
    compare, compute, large_model, reference_model, small_model, validate,
};

fn compute_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("compute");
    for (name, model) in [
        ("small", small_model()),
        ("reference", reference_model()),
        ("large", large_model()),
    ] {
        let scenario = model
            .base()
            .cloned()
            .unwrap_or_else(|| pooled_budgets::model::Scenario::clone(&model.scenarios[0]));
        group.bench_function(name, |b| b.iter(|| compute(black_box(&scenario))));
    }
    group.finish();
}

fn validate_bench(c: &mut Criterion) {
    let model = large_model();
    c.bench_function("validate/large", |b| b.iter(|| validate(black_box(&model))));
}

fn compare_bench(c: &mut Criterion) {
    let model = reference_model();
    let (base, other) = (&model.scenarios[0], &model.scenarios[1]);
    c.bench_function("compare/reference", |b| {
        b.iter(|| compare(black_box(base), black_box(other)))
    });
}

/// 500 draws, from a simulation prepared outside the timing; the default 5,000 take ten times as
/// long.
fn simulation_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulation");
    group.sample_size(10);
    for (name, model) in [
        ("reference-500-draws", reference_model()),
        ("large-500-draws", large_model()),
    ] {
        let model = with_ranges_on_every_line(model);
        group.bench_function(name, |b| {
            b.iter_batched(
                || Simulation::new(&model, model.base_scenario).expect("the simulation starts"),
                |mut simulation| {
                    simulation.run(500).expect("the draws settle");
                    simulation
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn quick() -> Criterion {
    Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = quick();
    targets = compute_benches, validate_bench, compare_bench, simulation_benches
}
criterion_main!(benches);
