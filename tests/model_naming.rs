//! Names the modeller makes up: copies ("Option A (2)"), models from links ("… (from link)"),
//! partners' short names from their initials, and what a new contribution is.

use pooled_budgets::model::edit::{apply, apply_to_model, Edit, ModelEdit, PartnerField};
use pooled_budgets::model::naming::{copy_name, from_link_name, initials};
use pooled_budgets::model::{templates, FundingStream, Obligation};

fn none_taken(_: &str) -> bool {
    false
}

#[test]
fn a_copy_is_numbered_not_called_copy_of_copy_of() {
    assert_eq!(copy_name("Option A", none_taken), "Option A (2)");
    let taken = ["Option A", "Option A (2)", "Option A (3)"];
    let is_taken = |n: &str| taken.contains(&n);
    assert_eq!(copy_name("Option A", is_taken), "Option A (4)");
    // A copy of a copy is numbered from the original's name.
    assert_eq!(copy_name("Option A (2)", is_taken), "Option A (4)");
    // Brackets that are not a number are part of the name.
    assert_eq!(
        copy_name("Option A (draft)", none_taken),
        "Option A (draft) (2)"
    );
}

#[test]
fn copying_an_option_three_times_numbers_each_copy() {
    let mut model = templates::all().remove(0).model;
    let first = model.scenarios[0].id;
    for _ in 0..2 {
        let copy = apply_to_model(&mut model, &ModelEdit::Duplicate(first)).unwrap();
        apply_to_model(&mut model, &ModelEdit::Duplicate(copy)).unwrap();
    }
    let mut names: Vec<&str> = model.scenarios.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Option A: as agreed",
            "Option A: as agreed (2)",
            "Option A: as agreed (3)",
            "Option A: as agreed (4)",
            "Option A: as agreed (5)",
            "Option B: pro rata",
            "Option C: host bears"
        ]
    );
}

#[test]
fn a_long_name_is_shortened_so_its_copy_fits_the_limit() {
    let long = "x".repeat(pooled_budgets::model::limits::MAX_NAME_CHARS);
    let copy = copy_name(&long, none_taken);
    assert!(copy.ends_with(" (2)"));
    assert_eq!(copy.chars().count(), long.chars().count());
}

#[test]
fn a_link_name_is_marked_only_when_taken() {
    assert_eq!(
        from_link_name("Better Care Fund", none_taken),
        "Better Care Fund"
    );
    let taken = |n: &str| n == "Better Care Fund";
    assert_eq!(
        from_link_name("Better Care Fund", taken),
        "Better Care Fund (from link)"
    );
    let both = |n: &str| n == "Better Care Fund" || n == "Better Care Fund (from link)";
    assert_eq!(
        from_link_name("Better Care Fund", both),
        "Better Care Fund (from link) (2)"
    );
}

#[test]
fn initials_skip_small_words_and_keep_acronyms_whole() {
    assert_eq!(initials("London Borough of Hackney"), "LBH");
    assert_eq!(initials("NHS North East London"), "NHS NEL");
    assert_eq!(
        initials("Homerton Healthcare NHS Foundation Trust"),
        "HH NHS FT"
    );
    assert_eq!(initials("the council & the trust"), "CT");
    assert_eq!(initials("  "), "");
}

#[test]
fn a_new_partner_gets_its_initials_until_a_short_name_is_typed() {
    let model = templates::all().remove(0).model;
    let mut scenario = model.scenarios[0].clone();
    apply(&mut scenario, &Edit::AddPartner).unwrap();
    let partner = scenario.partners.last().unwrap().id;
    let rename = |scenario: &mut pooled_budgets::model::Scenario, name: &str| {
        let field = PartnerField::Name(name.to_string());
        apply(scenario, &Edit::Partner(partner, field)).unwrap();
    };
    rename(&mut scenario, "Hackney Council for Voluntary Service");
    let short = |s: &pooled_budgets::model::Scenario| s.partners.last().unwrap().short_name.clone();
    assert_eq!(short(&scenario), "HCVS");
    // Renamed again, the made-up short name follows.
    rename(&mut scenario, "Hackney Community Voluntary Service");
    assert_eq!(short(&scenario), "HCVS");
    rename(&mut scenario, "Age UK East London");
    assert_eq!(short(&scenario), "A UK EL");
    // A short name typed in is kept whatever the name becomes.
    let field = PartnerField::ShortName("Age UK".to_string());
    apply(&mut scenario, &Edit::Partner(partner, field)).unwrap();
    rename(&mut scenario, "Age UK East London and City");
    assert_eq!(short(&scenario), "Age UK");
}

#[test]
fn a_new_contribution_to_a_better_care_fund_pool_is_additional_voluntary() {
    let model = templates::all().remove(0).model;
    let mut scenario = model.scenarios[0].clone();
    apply(&mut scenario, &Edit::AddContribution).unwrap();
    let added = scenario.contributions.last().unwrap();
    assert_eq!(added.stream, FundingStream::AdditionalVoluntary);
    assert_eq!(added.obligation, Obligation::Voluntary);
    // A pool with no national stream in it: a voluntary contribution of another kind.
    let mut plain = model.scenarios[0].clone();
    plain.contributions.clear();
    apply(&mut plain, &Edit::AddContribution).unwrap();
    let added = plain.contributions.last().unwrap();
    assert_eq!(added.stream, FundingStream::Other);
    assert_eq!(added.obligation, Obligation::Voluntary);
}
