//! Duplicate ids and references: validate names each with what to do, repair_duplicate_ids
//! renumbers repeated ids (the first holder keeps its id and everything that refers to it),
//! and after repair an edit addressed by id reaches the item the person sees. Also the size
//! limits, on opening and when adding.

use pooled_budgets::app::fields::name_edit;
use pooled_budgets::model::edit::{apply, apply_to_model, Edit, EditError, LineField, ModelEdit};
use pooled_budgets::model::limits::{self, Limited, MAX_LINES, MAX_NAME_CHARS, MAX_OPTIONS};
use pooled_budgets::model::{
    compute, large_model, reference_model, repair_duplicate_ids, small_model, templates, validate,
    LineId, Money, PartnerShare, Percent, RiskShare, ScenarioId,
};

fn messages(model: &pooled_budgets::model::Model) -> Vec<String> {
    // Without the marks that isolate names for bidirectional text (model::user_text).
    validate(model)
        .into_iter()
        .map(|p| pooled_budgets::model::user_text::plain(&p.message))
        .collect()
}

/// The small model with its second line given the first line's id, its second partner the
/// first partner's id, and a second option with the first's id.
fn with_duplicates() -> pooled_budgets::model::Model {
    let mut model = small_model();
    let mut copy = model.scenarios[0].clone();
    copy.name = "Option B".to_string();
    model.scenarios.push(copy);
    let first = &mut model.scenarios[0];
    let line_id = first.lines[0].id;
    first.lines[1].id = line_id;
    let contribution_id = first.contributions[0].id;
    first.contributions[1].id = contribution_id;
    model
}

#[test]
fn validate_names_duplicate_ids_and_says_what_to_do() {
    let model = with_duplicates();
    let problems = validate(&model);
    let about = |path: &str| {
        problems
            .iter()
            .find(|p| p.path.as_str() == path)
            .map(|p| p.message.clone())
            .unwrap_or_else(|| panic!("nothing about {path}: {problems:#?}"))
    };
    assert_eq!(
        about("scenario.1.id"),
        "Option 2 has id 1, the same as an earlier option; each option needs its own id. In a \
         model file, give it an id no other option has (opening the model in the modeller \
         renumbers it for you)"
    );
    assert!(about("scenario.0.line.1.id").starts_with(
        "Spending line 2 has id 1, the same as an earlier spending line; each spending line needs its own id."
    ));
    assert!(about("scenario.0.contribution.1.id").starts_with("Contribution 2 has id 1"));
}

#[test]
fn validate_names_a_partner_listed_twice_and_a_ring_fence_set_twice() {
    let mut model = reference_model();
    let scenario = &mut model.scenarios[0];
    let host = scenario.pools[0].host;
    scenario.pools[0].risk_share = RiskShare::FixedPercentages {
        shares: vec![
            PartnerShare {
                partner: host,
                percent: Percent::from_hundredths(5000),
            },
            PartnerShare {
                partner: host,
                percent: Percent::from_hundredths(5000),
            },
        ],
    };
    let fence = scenario.ring_fences[0].clone();
    scenario.ring_fences.push(fence);
    let found = messages(&model);
    assert!(
        found.iter().any(|m| m.ends_with(
            "is listed more than once in the fixed percentages for 'Better Care Fund'; list each \
             partner once, with its whole share, and remove the other entries"
        )),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|m| m.contains("is set more than once for pool")
                && m.ends_with("keep one and remove the others")),
        "{found:#?}"
    );
}

#[test]
fn repair_renumbers_later_holders_and_says_so() {
    let mut model = with_duplicates();
    let results_before: Vec<_> = model.scenarios.iter().map(|s| compute(s)).collect();
    let notices = repair_duplicate_ids(&mut model);
    assert_eq!(
        notices,
        [
            "Option 2 (‘Option B’) had the same id, 1, as an earlier option; it is now id 2.",
            "In option ‘Better Care Fund 2025/26 to 2027/28’, contribution 2 (‘Better Care \
             Grant’) had the same id, 1, as an earlier contribution; it is now id 5.",
            "In option ‘Better Care Fund 2025/26 to 2027/28’, spending line 2 (‘Carers' \
             support’) had the same id, 1, as an earlier spending line; it is now id 6.",
        ]
    );
    // Nothing else to repair, and validate no longer reports duplicates.
    assert!(repair_duplicate_ids(&mut model).is_empty());
    assert!(
        messages(&model)
            .iter()
            .all(|m| !m.contains("the same as an earlier")),
        "{:#?}",
        messages(&model)
    );
    // References kept the first holder, so the figures are the same.
    let results_after: Vec<_> = model.scenarios.iter().map(|s| compute(s)).collect();
    for (before, after) in results_before.iter().zip(&results_after) {
        let totals = |r: &Result<pooled_budgets::model::Results, _>| {
            r.as_ref().ok().map(|r| r.partner_totals.clone())
        };
        assert_eq!(totals(before), totals(after));
    }
}

#[test]
fn after_repair_an_edit_by_id_reaches_the_item_shown() {
    let mut model = with_duplicates();
    // Before repair, an edit to the second line's id changes the first line.
    let second_id = model.scenarios[0].lines[1].id;
    let mut unrepaired = model.scenarios[0].clone();
    let edit = Edit::Line(
        second_id,
        LineField::Budget(
            pooled_budgets::model::FinancialYear(2025),
            Money::pounds(42),
        ),
    );
    assert_eq!(apply(&mut unrepaired, &edit), Ok(()));
    assert_eq!(
        unrepaired.lines[0].budget_in(pooled_budgets::model::FinancialYear(2025)),
        Money::pounds(42)
    );

    repair_duplicate_ids(&mut model);
    let scenario = &mut model.scenarios[0];
    let (first_before, second_id) = (scenario.lines[0].clone(), scenario.lines[1].id);
    let edit = Edit::Line(
        second_id,
        LineField::Budget(
            pooled_budgets::model::FinancialYear(2025),
            Money::pounds(42),
        ),
    );
    assert_eq!(apply(scenario, &edit), Ok(()));
    assert_eq!(
        scenario.lines[1].budget_in(pooled_budgets::model::FinancialYear(2025)),
        Money::pounds(42)
    );
    assert_eq!(scenario.lines[0], first_before);
}

#[test]
fn repair_gives_ids_unused_in_any_option_even_at_the_top_of_the_range() {
    let mut model = small_model();
    let first = &mut model.scenarios[0];
    first.lines[0].id = LineId(u32::MAX);
    first.lines[1].id = LineId(u32::MAX);
    let notices = repair_duplicate_ids(&mut model);
    assert_eq!(notices.len(), 1);
    let ids: Vec<u32> = model.scenarios[0].lines.iter().map(|l| l.id.0).collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    // A new line after that gets a fresh id too, not u32::MAX again.
    let scenario = &mut model.scenarios[0];
    assert_eq!(apply(scenario, &Edit::AddLine), Ok(()));
    let last = scenario.lines.last().map(|l| l.id);
    assert_eq!(
        scenario.lines.iter().filter(|l| Some(l.id) == last).count(),
        1
    );
}

#[test]
fn every_example_model_is_within_the_limits() {
    let mut examples = vec![small_model(), reference_model(), large_model()];
    examples.extend(templates::all().into_iter().map(|t| t.model));
    examples.push(templates::blank());
    for model in &examples {
        assert_eq!(limits::check(model), Ok(()), "{}", model.name);
    }
}

#[test]
fn the_model_at_the_limits_is_at_them_and_computes() {
    use pooled_budgets::model::fixtures::limits_model;
    let model = limits_model();
    assert_eq!(limits::check(&model), Ok(()));
    assert_eq!(model.scenarios.len(), limits::MAX_OPTIONS);
    for scenario in &model.scenarios {
        assert_eq!(scenario.lines.len(), limits::MAX_LINES);
        assert_eq!(scenario.partners.len(), limits::MAX_PARTNERS);
        assert_eq!(scenario.pools.len(), limits::MAX_POOLS);
        assert_eq!(scenario.contributions.len(), limits::MAX_CONTRIBUTIONS);
        assert!(
            pooled_budgets::model::compute(scenario).is_ok(),
            "{}",
            scenario.name
        );
    }
    let mut over = model.clone();
    let extra = over.scenarios[0].clone();
    over.scenarios.push(extra);
    assert!(limits::check(&over).is_err());
}

#[test]
fn limits_say_which_the_count_and_what_to_do() {
    let mut model = small_model();
    model.name = "n".repeat(MAX_NAME_CHARS + 1);
    let error = limits::check(&model).err();
    assert_eq!(
        error.map(|e| e.to_string()),
        Some(
            "The model's name has 201 characters; names may have at most 200. Shorten it, in \
             the file or in the copy of the modeller it came from, and open it again."
                .to_string()
        )
    );
    let mut model = small_model();
    let scenario = model.scenarios[0].clone();
    model.scenarios = vec![scenario; MAX_OPTIONS + 1];
    assert_eq!(
        limits::check(&model).map_err(|e| e.to_string()),
        Err(
            "This model has 13 options; the modeller supports at most 12 options in one model. \
             Split it into smaller models, or remove some, and open it again."
                .to_string()
        )
    );
}

#[test]
fn adds_stop_at_the_limits_and_say_why() {
    let mut scenario = small_model().scenarios[0].clone();
    let line = scenario.lines[0].clone();
    scenario.lines = (0..MAX_LINES as u32)
        .map(|id| {
            let mut copy = line.clone();
            copy.id = LineId(id + 1);
            copy
        })
        .collect();
    let before = scenario.clone();
    assert_eq!(
        apply(&mut scenario, &Edit::AddLine),
        Err(EditError::Full(Limited::Lines))
    );
    assert_eq!(scenario, before);
    assert_eq!(
        EditError::Full(Limited::Lines).to_string(),
        "An option can hold at most 200 spending lines."
    );

    let mut model = small_model();
    while model.scenarios.len() < MAX_OPTIONS {
        let id = model.scenarios[0].id;
        assert!(apply_to_model(&mut model, &ModelEdit::Duplicate(id)).is_ok());
    }
    let id = model.scenarios[0].id;
    assert_eq!(
        apply_to_model(&mut model, &ModelEdit::Duplicate(id)),
        Err(EditError::Full(Limited::Options))
    );
    assert_eq!(
        apply_to_model(&mut model, &ModelEdit::AddBlank(id)),
        Err(EditError::Full(Limited::Options))
    );
    assert_eq!(limits::check(&model), Ok(()));
}

#[test]
fn a_copy_of_an_option_with_the_longest_name_stays_within_the_limit() {
    let mut model = small_model();
    model.scenarios[0].name = "o".repeat(MAX_NAME_CHARS);
    let Ok(copy) = apply_to_model(&mut model, &ModelEdit::Duplicate(ScenarioId(1))) else {
        panic!("no copy")
    };
    let name = model.scenario(copy).map(|s| s.name.chars().count());
    assert_eq!(name, Some(MAX_NAME_CHARS));
    assert_eq!(limits::check(&model), Ok(()));
}

#[test]
fn a_name_field_refuses_a_name_over_the_limit() {
    let rename = |text: &str| name_edit(text, Edit::Rename);
    assert_eq!(
        rename(&format!("  {}  ", "a".repeat(MAX_NAME_CHARS))),
        Ok(Edit::Rename("a".repeat(MAX_NAME_CHARS)))
    );
    assert_eq!(
        rename(&"a".repeat(4000)),
        Err("must be at most 200 characters; this has 4,000".to_string())
    );
}

#[test]
fn has_duplicate_ids_says_whether_repair_has_anything_to_do() {
    use pooled_budgets::model::has_duplicate_ids;
    // Each kind of repeat on its own, and none.
    let mut cases: Vec<(&str, pooled_budgets::model::Model)> = Vec::new();
    let mut options = small_model();
    let copy = options.scenarios[0].clone();
    options.scenarios.push(copy);
    cases.push(("two options with one id", options));
    for kind in ["partners", "pools", "contributions", "lines"] {
        let mut model = reference_model();
        let option = &mut model.scenarios[0];
        match kind {
            "partners" => option.partners[1].id = option.partners[0].id,
            "pools" => option.pools[1].id = option.pools[0].id,
            "contributions" => option.contributions[1].id = option.contributions[0].id,
            _ => option.lines[1].id = option.lines[0].id,
        }
        cases.push((kind, model));
    }
    for (what, mut model) in cases {
        assert!(has_duplicate_ids(&model), "{what}");
        assert!(!repair_duplicate_ids(&mut model).is_empty(), "{what}");
        assert!(!has_duplicate_ids(&model), "{what}, after repair");
    }
    for mut model in [small_model(), reference_model(), large_model()] {
        assert!(!has_duplicate_ids(&model));
        let before = model.clone();
        assert!(repair_duplicate_ids(&mut model).is_empty());
        assert_eq!(model, before);
    }
}
