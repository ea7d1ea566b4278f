//! The starter templates a finance lead begins from: they are what the menu says they are,
//! they are clean (no validation problems) and they compute, each with three options to compare.

use std::collections::BTreeSet;

use pooled_budgets::model::linked::link_to;
use pooled_budgets::model::templates::{self, Template, TITLES};
use pooled_budgets::model::{
    compute, validate, AmountRule, FinancialYear, FundingStream, PartnerKind, Scenario,
};

fn template(title_contains: &str) -> Template {
    templates::all()
        .into_iter()
        .find(|t| t.title.contains(title_contains))
        .unwrap_or_else(|| panic!("no template titled with {title_contains:?}"))
}

fn base(t: &Template) -> &Scenario {
    t.model
        .base()
        .unwrap_or_else(|| panic!("{} has no base scenario", t.title))
}

#[test]
fn there_are_bcf_children_and_locality_templates_with_illustrative_figures() {
    let all = templates::all();
    assert!(all.len() >= 3, "only {} templates", all.len());
    for wanted in ["Better Care Fund", "0-19", "locality"] {
        assert!(
            all.iter().any(|t| t.title.contains(wanted)),
            "no {wanted} template"
        );
    }
    for t in &all {
        assert!(
            t.title.contains("(illustrative figures)"),
            "{:?} must say its figures are illustrative",
            t.title
        );
    }
    // The first, which the app opens when there is nothing saved, is the BCF.
    assert!(all[0].title.starts_with("Better Care Fund"));
}

#[test]
fn titles_match_the_templates_in_order() {
    let titles: Vec<&str> = templates::all().iter().map(|t| t.title).collect();
    assert_eq!(titles, TITLES);
}

#[test]
fn a_first_visit_opens_the_first_template_built_alone() {
    let first = templates::first().expect("the first template");
    let listed = templates::all().into_iter().next().expect("a template");
    assert_eq!(first, listed.model);
    assert_eq!(first.name, "Better Care Fund");
}

#[test]
fn every_templates_options_are_linked_as_comparing_them_would_link_them() {
    // The templates build their options' links directly; `link_to` compares the options.
    let mut linked = 0;
    for t in templates::all() {
        let mut unlinked = t.model.clone();
        for option in &mut unlinked.scenarios {
            option.link = None;
        }
        let mut compared = unlinked.clone();
        for option in &t.model.scenarios {
            if let Some(link) = &option.link {
                link_to(&mut compared, option.id, link.based_on).expect("a base to link to");
            }
        }
        assert_eq!(t.model, compared, "{}", t.title);
        if t.model.scenarios.iter().skip(1).all(|o| o.link.is_some()) {
            linked += 1;
        }
    }
    // The three single-pool templates have options B and C based on A; the fourth's options
    // stand alone (the reference model's).
    assert_eq!(linked, 3);
}

#[test]
fn every_template_is_valid_and_computes() {
    for t in templates::all() {
        assert_eq!(validate(&t.model), Vec::new(), "{}", t.title);
        for scenario in &t.model.scenarios {
            let results = compute(scenario)
                .unwrap_or_else(|e| panic!("{} / {}: {e}", t.title, scenario.name));
            assert_eq!(results.years.len(), scenario.horizon.years as usize);
            assert!(!results.pools.is_empty(), "{}", t.title);
        }
    }
}

#[test]
fn every_template_has_three_named_options_and_one_base() {
    for t in templates::all() {
        let scenarios = &t.model.scenarios;
        assert_eq!(scenarios.len(), 3, "{}", t.title);
        let names: BTreeSet<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names.len(), 3, "{}: option names repeat", t.title);
        assert!(names.iter().all(|n| !n.trim().is_empty()));
        let ids: BTreeSet<_> = scenarios.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), 3, "{}: option ids repeat", t.title);
        let bases = scenarios
            .iter()
            .filter(|s| s.id == t.model.base_scenario)
            .count();
        assert_eq!(bases, 1, "{}: exactly one base", t.title);
        assert!(!t.model.name.trim().is_empty());
    }
}

#[test]
fn the_options_really_differ_in_how_risk_is_shared() {
    for t in templates::all() {
        let rules: Vec<_> = t
            .model
            .scenarios
            .iter()
            .map(|s| {
                s.pools
                    .iter()
                    .map(|p| (p.risk_share.clone(), p.underspend))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (i, a) in rules.iter().enumerate() {
            for b in &rules[i + 1..] {
                assert_ne!(a, b, "{}: two options share the same rules", t.title);
            }
        }
    }
}

#[test]
fn single_pool_templates_hold_one_pool_and_only_the_partners_it_involves() {
    for wanted in ["Better Care Fund", "0-19", "locality"] {
        let t = template(wanted);
        for s in &t.model.scenarios {
            assert_eq!(s.pools.len(), 1, "{}", t.title);
            let pool = &s.pools[0];
            assert!(s.contributions.iter().all(|c| c.pool == pool.id));
            assert!(s.lines.iter().all(|l| l.pool == pool.id));
            for partner in &s.partners {
                let involved = pool.host == partner.id
                    || s.contributions.iter().any(|c| c.partner == partner.id)
                    || s.lines.iter().any(|l| l.commissioner == partner.id)
                    || pool
                        .risk_share
                        .fixed_shares()
                        .is_some_and(|sh| sh.iter().any(|x| x.partner == partner.id));
                assert!(
                    involved,
                    "{}: {} has nothing to do with the pool",
                    t.title, partner.name
                );
            }
        }
    }
}

#[test]
fn the_children_template_runs_five_years_from_2022_hosted_by_an_nhs_trust() {
    let t = template("0-19");
    for s in &t.model.scenarios {
        assert_eq!(s.horizon.start, FinancialYear(2022), "{}", s.name);
        assert_eq!(s.horizon.years, 5, "{}", s.name);
        let host = s.partner(s.pools[0].host).expect("the host is a partner");
        assert_eq!(host.kind, PartnerKind::NhsTrust, "{}", s.name);
        // Forecasts moved with the start year: none fall outside the plan.
        for line in &s.lines {
            for f in &line.forecast {
                assert!(s.horizon.contains(f.year), "{} {}", line.name, f.year);
            }
        }
    }
    let results = compute(base(&t)).unwrap();
    let years: Vec<String> = results.years.iter().map(ToString::to_string).collect();
    assert_eq!(
        years,
        ["2022/23", "2023/24", "2024/25", "2025/26", "2026/27"]
    );
}

#[test]
fn the_bcf_template_has_an_uplifted_nhs_minimum_contribution() {
    let t = template("Better Care Fund");
    for s in &t.model.scenarios {
        let nhs_minimum: Vec<_> = s
            .contributions
            .iter()
            .filter(|c| c.stream == FundingStream::NhsMinimum)
            .collect();
        assert_eq!(nhs_minimum.len(), 1, "{}", s.name);
        match &nhs_minimum[0].rule {
            AmountRule::Uplift { base, uplift } => {
                assert!(base.is_positive());
                assert!(
                    !uplift.is_negative() && !uplift.as_decimal().is_zero(),
                    "the NHS minimum rises each year"
                );
            }
            other => panic!("NHS minimum should be uplifted, not {other:?}"),
        }
    }
    // The uplift shows in the results: the NHS minimum income grows every year.
    let results = compute(base(&t)).unwrap();
    let nhs: Vec<_> = results.pools[0]
        .years
        .iter()
        .map(|y| {
            y.income_by_stream
                .iter()
                .find(|s| s.stream == FundingStream::NhsMinimum)
                .map(|s| s.amount)
                .expect("NHS minimum income each year")
        })
        .collect();
    assert!(nhs.windows(2).all(|w| w[1] > w[0]), "{nhs:?}");
}
