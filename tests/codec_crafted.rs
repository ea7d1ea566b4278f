//! Crafted share links that once crashed the app on every load (issue #12), kept as
//! regressions under tests/golden/crafted-*.txt: each decodes, and every step the app takes
//! with it (validate, repair, compute, charts, compare, options side by side, stress) ends in
//! a clear error or validation problem, never a panic.

mod pipeline;

use pooled_budgets::codec::link::{decode_link, encode_link};
use pooled_budgets::model::{
    compute, small_model, total_percent, validate, Model, PartnerId, PartnerShare, Percent,
    RiskShare,
};
use rust_decimal::Decimal;

/// 50000000000000000000000000000%: two of these add up to more than a `Decimal` holds.
fn huge_percent() -> Percent {
    Percent::new(Decimal::from_i128_with_scale(
        50_000_000_000_000_000_000_000_000_000,
        0,
    ))
}

/// The small model with its pool's risk share set to fixed percentages: `partners`, each at
/// the huge percentage.
fn with_huge_shares(partners: &[u32]) -> Model {
    let mut model = small_model();
    for scenario in &mut model.scenarios {
        for pool in &mut scenario.pools {
            pool.risk_share = RiskShare::FixedPercentages {
                shares: partners
                    .iter()
                    .map(|id| PartnerShare {
                        partner: PartnerId(*id),
                        percent: huge_percent(),
                    })
                    .collect(),
            };
        }
    }
    model
}

/// The ~300-character link whose fixed percentages list one partner twice at
/// 50000000000000000000000000000% ("Addition overflowed" in settle.rs).
fn one_partner_twice() -> Model {
    with_huge_shares(&[1, 1])
}

/// Two partners at 50000000000000000000000000000% each: the editor's running total of the
/// shares overflowed (risk_share_field.rs).
fn two_partners_huge() -> Model {
    with_huge_shares(&[1, 2])
}

fn crafted() -> [(&'static str, Model); 2] {
    [
        ("crafted-one-partner-twice", one_partner_twice()),
        ("crafted-huge-share-total", two_partners_huge()),
    ]
}

fn golden_path(stem: &str) -> String {
    format!("{}/tests/golden/{stem}.txt", env!("CARGO_MANIFEST_DIR"))
}

fn read_link(stem: &str) -> String {
    std::fs::read_to_string(golden_path(stem)).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

/// Writes the crafted links (run once, by hand, after changing what they hold):
/// `cargo test --test codec_crafted write_crafted_links -- --ignored`.
#[test]
#[ignore]
fn write_crafted_links() {
    for (stem, model) in crafted() {
        let selected = model.base_scenario;
        std::fs::write(golden_path(stem), encode_link(&model, selected) + "\n")
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
    }
}

#[test]
fn crafted_links_decode_to_the_models_they_were_made_from() {
    for (stem, model) in crafted() {
        let link = read_link(stem);
        assert!(link.trim().len() < 400, "{stem} is {} long", link.len());
        let decoded = decode_link(&link).map(|(model, _)| model);
        assert_eq!(decoded, Ok(model), "{stem}");
    }
}

#[test]
fn a_partner_listed_twice_at_a_huge_percentage_is_an_error_not_a_panic() {
    let Ok((model, _)) = decode_link(&read_link("crafted-one-partner-twice")) else {
        panic!("the crafted link did not decode")
    };
    let outcome = pipeline::run(&model);
    // Within the limits, and no ids to repair: a duplicate reference is not a duplicate id.
    assert_eq!(outcome.over_limit, None);
    assert!(outcome.repairs.is_empty(), "{:?}", outcome.repairs);
    assert!(
        outcome
            .problems
            .iter()
            .any(|p| p.contains("is listed more than once in the fixed percentages")),
        "{:#?}",
        outcome.problems
    );
    assert!(
        outcome
            .problems
            .iter()
            .any(|p| p.contains("add up to more than the modeller can hold")),
        "{:#?}",
        outcome.problems
    );
    assert_eq!(
        outcome.compute_errors,
        vec![Some(
            "The fixed percentages of the risk share of pool 'Better Care Fund' is too large to compute"
                .to_string()
        )]
    );
}

#[test]
fn a_share_total_too_large_to_add_up_is_reported_and_computes_by_the_fallback() {
    let Ok((model, _)) = decode_link(&read_link("crafted-huge-share-total")) else {
        panic!("the crafted link did not decode")
    };
    let outcome = pipeline::run(&model);
    let shares = model.scenarios[0].pools[0].risk_share.fixed_shares();
    // The editor's running total: "too large to add up", not a panic.
    assert_eq!(shares.map(total_percent), Some(None));
    assert!(outcome
        .problems
        .iter()
        .any(|p| p.contains("add up to more than the modeller can hold")));
    assert!(outcome
        .problems
        .iter()
        .any(|p| p
            .contains("Each fixed percentage for 'Better Care Fund' must be between 0% and 100%")));
    // Weights too large to split fall back to the host bearing the overspend (as documented).
    assert_eq!(outcome.compute_errors, vec![None]);
    assert!(compute(&model.scenarios[0]).is_ok());
    assert!(!validate(&model).is_empty());
}

/// Links that froze the tab on every load before the size limits: 10,000 lines (68 KB as the
/// issue found it) and 45,000 lines, under the decoder's item cap. Each line here is a copy of
/// the small model's first without its name, so the links compress to a few kilobytes and stay
/// under the decoder's cap on inflated size: the size limits are what refuse them.
fn too_many_lines(count: u32) -> Model {
    let mut model = small_model();
    let line = model.scenarios[0].lines[0].clone();
    model.scenarios[0].lines = (1..=count)
        .map(|id| {
            let mut copy = line.clone();
            copy.id.0 = id;
            copy.name = String::new();
            copy
        })
        .collect();
    model
}

const TOO_MANY: [(&str, u32); 2] = [
    ("crafted-10000-lines", 10_000),
    ("crafted-45000-lines", 45_000),
];

/// Writes the too-many-lines links (the browser tests open them):
/// `cargo test --test codec_crafted write_too_many_lines_links -- --ignored`.
#[test]
#[ignore]
fn write_too_many_lines_links() {
    for (stem, count) in TOO_MANY {
        let model = too_many_lines(count);
        std::fs::write(
            golden_path(stem),
            encode_link(&model, model.base_scenario) + "\n",
        )
        .unwrap_or_else(|e| panic!("{stem}: {e}"));
    }
}

#[test]
fn links_with_too_many_lines_are_refused_by_the_limit() {
    for (stem, count) in TOO_MANY {
        // The golden link (written in link format 1, and kept so) is refused by the limit;
        // today's link of the same model is refused too, by the limit or, as each line now
        // carries a budget per year, by the decoder's cap on items.
        let today = encode_link(&too_many_lines(count), pooled_budgets::model::ScenarioId(1));
        let tag = format!("m{}.", pooled_budgets::codec::link::LINK_VERSION);
        assert!(today.starts_with(&tag), "{stem}: {}", &today[..3]);
        if count > 10_000 {
            assert_eq!(
                decode_link(&today).map(|_| ()),
                Err(pooled_budgets::codec::link::LinkError::TooLarge)
            );
        }
        let links = if count > 10_000 {
            vec![read_link(stem)]
        } else {
            vec![read_link(stem), today]
        };
        for link in links {
            match decode_link(&link) {
                Err(pooled_budgets::codec::link::LinkError::OverLimit(limit)) => {
                    assert_eq!(limit.count, count as usize, "{stem}")
                }
                other => panic!(
                    "{stem} was not refused by the limit: {:?}",
                    other.map(|_| ())
                ),
            }
        }
    }
}
