//! Share links: how long they are and how fast they are made and opened, for the small,
//! reference and large example models. Prints a table of link lengths beside JSON + base64 of
//! the same model (docs/link-format.md records it), then times encode and decode.
//! Run with `cargo bench --bench links`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use miniz_oxide::deflate::compress_to_vec;
use pooled_budgets::codec::link::{
    decode_link, encode_link, encode_scenario_link, encode_with, link_body, Approach,
};
use pooled_budgets::model::{large_model, reference_model, small_model, Model};

fn fixtures() -> [(&'static str, Model); 3] {
    [
        ("small", small_model()),
        ("reference", reference_model()),
        ("large", large_model()),
    ]
}

/// Characters of unpadded base64 for `bytes` bytes.
fn base64_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

fn print_lengths() {
    println!("\nShare link length in characters after '#' (reference must be <= 1000)");
    let json = |m: &Model| serde_json::to_string(m).unwrap_or_default().into_bytes();
    let mut rows = vec![
        (
            "JSON + base64".to_string(),
            fixtures().map(|(_, m)| base64_len(json(&m).len())),
        ),
        (
            "JSON + deflate + base64".to_string(),
            fixtures().map(|(_, m)| base64_len(compress_to_vec(&json(&m), 10).len())),
        ),
    ];
    for approach in Approach::ALL {
        let marker = if approach == Approach::CHOSEN {
            " (chosen)"
        } else {
            ""
        };
        rows.push((
            format!("{}{marker}", approach.label()),
            fixtures().map(|(_, m)| encode_with(&m, m.base_scenario, approach).len()),
        ));
    }
    rows.push((
        "chosen, base scenario only".to_string(),
        fixtures().map(|(_, m)| encode_scenario_link(&m, m.base_scenario).len()),
    ));
    rows.push((
        "(uncompressed body, bytes)".to_string(),
        fixtures().map(|(_, m)| link_body(&m, m.base_scenario).len()),
    ));
    println!(
        "{:<64} {:>8} {:>10} {:>8}",
        "approach", "small", "reference", "large"
    );
    for (label, [small, reference, large]) in &rows {
        println!("{label:<64} {small:>8} {reference:>10} {large:>8}");
    }
    println!();
    write_lengths(&rows);
}

/// Saves the table for `make bench`'s report (scripts/bench.mjs): `[[label, [small,
/// reference, large]], ...]`. A bench that cannot write it still prints the table above.
fn write_lengths(rows: &[(String, [usize; 3])]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    let written = serde_json::to_string(rows)
        .map_err(std::io::Error::other)
        .and_then(|json| {
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("link-lengths.json"), json)
        });
    if let Err(error) = written {
        eprintln!(
            "could not save the link lengths in {}: {error}",
            dir.display()
        );
    }
}

fn link_benches(c: &mut Criterion) {
    print_lengths();
    let mut group = c.benchmark_group("link");
    for (name, model) in fixtures() {
        let link = encode_link(&model, model.base_scenario);
        group.bench_function(format!("encode/{name}"), |b| {
            b.iter(|| encode_link(black_box(&model), model.base_scenario))
        });
        group.bench_function(format!("decode/{name}"), |b| {
            b.iter(|| decode_link(black_box(&link)))
        });
    }
    group.finish();
}

fn quick() -> Criterion {
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = quick();
    targets = link_benches
}
criterion_main!(benches);
