//! The editor's reducer, called natively: edits land in the open scenario and are undoable,
//! history behaves as a finance lead expects, typed-but-invalid fields are tracked outside
//! history, and a risk-share change made through the reducer moves the right money.

use std::rc::Rc;

use pooled_budgets::app::state::{Action, EditorState, FieldError, UNDO_LIMIT};
use pooled_budgets::model::edit::{
    ContributionField, Direction, Edit, Item, LineField, PartnerField, PoolField,
};
use pooled_budgets::model::templates;
use pooled_budgets::model::{
    compute, reference_model, small_model, validate, AmountRule, ContributionId, FinancialYear,
    Horizon, LineId, Model, Money, Outturn, PartnerId, PartnerShare, Percent, PoolId, PoolYear,
    RiskShare, Scenario, ScenarioId, SCHEMA_VERSION,
};
use yew::Reducible;

fn reduce_all(state: EditorState, actions: impl IntoIterator<Item = Action>) -> EditorState {
    actions.into_iter().fold(state, EditorState::reduce)
}

fn rename(name: &str) -> Action {
    Action::Edit(Edit::Rename(name.to_string()))
}

fn open_name(state: &EditorState) -> &str {
    state.scenario().map_or("", |s| s.name.as_str())
}

fn field_error(field: &str) -> FieldError {
    FieldError {
        field: field.to_string(),
        label: "Base budget for Reablement".to_string(),
        message: "must be a number, like 1250000 or 1,250,000.50".to_string(),
    }
}

fn pounds(amount: i64) -> Money {
    Money::pounds(amount)
}

fn fifty_fifty(a: PartnerId, b: PartnerId) -> RiskShare {
    let half = Percent::from_hundredths(5_000);
    RiskShare::FixedPercentages {
        shares: vec![
            PartnerShare {
                partner: a,
                percent: half,
            },
            PartnerShare {
                partner: b,
                percent: half,
            },
        ],
    }
}

// ---- Edits and history ----------------------------------------------------------------------

#[test]
fn an_edit_changes_the_open_scenario_and_can_be_undone() {
    let original = reference_model();
    let state = EditorState::new(original.clone());
    assert_eq!(state.open, ScenarioId(1));
    assert!(!state.can_undo() && !state.can_redo());

    let state = state.reduce(rename("Option A: agreed at board"));
    assert_eq!(open_name(&state), "Option A: agreed at board");
    assert_eq!(state.model.scenarios[1..], original.scenarios[1..]);
    assert!(state.can_undo());

    let state = state.reduce(Action::Undo);
    assert_eq!(state.model, original);
    assert!(!state.can_undo());
    assert!(state.can_redo());
}

#[test]
fn undo_then_redo_restores_exactly() {
    let state = EditorState::new(reference_model());
    let edited = reduce_all(
        state.clone(),
        [
            Action::Edit(Edit::AddPartner),
            Action::Edit(Edit::Line(
                LineId(3),
                LineField::Budget(FinancialYear(2025), pounds(3_000_000)),
            )),
            Action::Edit(Edit::Remove(Item::Pool(PoolId(2)))),
        ],
    );
    let undone = reduce_all(edited.clone(), [Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(undone.model, state.model);
    assert!(!undone.can_undo());
    let redone = reduce_all(undone, [Action::Redo, Action::Redo, Action::Redo]);
    assert_eq!(redone.model, edited.model);
    assert!(!redone.can_redo());
    // One step back is exactly the state before the last edit.
    let one_back = edited.clone().reduce(Action::Undo);
    assert!(one_back
        .scenario()
        .is_some_and(|s| s.pool(PoolId(2)).is_some()));
    assert_eq!(one_back.scenario().unwrap().partners.len(), 9);
}

#[test]
fn a_new_edit_after_undo_clears_redo() {
    let state = reduce_all(
        EditorState::new(small_model()),
        [rename("First"), rename("Second"), Action::Undo],
    );
    assert!(state.can_redo());
    let state = state.reduce(rename("Third"));
    assert!(!state.can_redo());
    let state = state.reduce(Action::Redo);
    assert_eq!(open_name(&state), "Third", "redo has nothing to bring back");
    let state = state.reduce(Action::Undo);
    assert_eq!(open_name(&state), "First");
}

#[test]
fn an_edit_that_changes_nothing_adds_no_history() {
    let model = small_model();
    let same_name = model.scenarios[0].name.clone();
    let state = reduce_all(
        EditorState::new(model.clone()),
        [
            Action::Edit(Edit::Rename(same_name)),
            Action::Edit(Edit::Move(Item::Line(LineId(1)), Direction::Up)),
            Action::Edit(Edit::Line(
                LineId(2),
                LineField::Forecast(FinancialYear(2025), Outturn::AsPlanned),
            )),
        ],
    );
    assert_eq!(state.model, model);
    assert!(!state.can_undo());
}

#[test]
fn a_failed_edit_says_why_and_changes_nothing() {
    let before = EditorState::new(small_model()).reduce(rename("Draft"));
    let after = before
        .clone()
        .reduce(Action::Edit(Edit::Remove(Item::Line(LineId(99)))));
    assert_eq!(
        after.notice.as_deref(),
        Some("That spending line no longer exists.")
    );
    assert_eq!(after.model, before.model);
    // History is untouched: one undo still goes back past "Draft" and nothing more.
    let undone = after.clone().reduce(Action::Undo);
    assert_eq!(undone.model, small_model());
    assert!(!undone.can_undo());

    // The next successful edit clears the notice.
    let fixed = after.reduce(rename("Final"));
    assert_eq!(fixed.notice, None);
}

#[test]
fn an_add_with_nothing_to_attach_to_tells_the_person_what_to_add() {
    let mut model = small_model();
    model.scenarios[0].partners.clear();
    model.scenarios[0].pools.clear();
    model.scenarios[0].contributions.clear();
    model.scenarios[0].lines.clear();
    let state = EditorState::new(model.clone()).reduce(Action::Edit(Edit::AddLine));
    assert_eq!(state.notice.as_deref(), Some("Add a pool first."));
    assert_eq!(state.model, model);
    assert!(!state.can_undo());
}

#[test]
fn history_is_capped_at_the_undo_limit() {
    let extra = 5;
    let mut state = EditorState::new(small_model());
    for step in 0..UNDO_LIMIT + extra {
        state = state.reduce(rename(&format!("Step {step}")));
    }
    let mut undos = 0;
    while state.can_undo() {
        state = state.reduce(Action::Undo);
        undos += 1;
    }
    assert_eq!(undos, UNDO_LIMIT);
    // The oldest steps fell off: the furthest back is the result of the sixth rename.
    assert_eq!(open_name(&state), format!("Step {}", extra - 1));
    // And all of it can be redone.
    let mut redos = 0;
    while state.can_redo() {
        state = state.reduce(Action::Redo);
        redos += 1;
    }
    assert_eq!(redos, UNDO_LIMIT);
    assert_eq!(
        open_name(&state),
        format!("Step {}", UNDO_LIMIT + extra - 1)
    );
}

#[test]
fn undo_and_redo_with_no_history_do_nothing() {
    let state = EditorState::new(small_model());
    assert_eq!(state.clone().reduce(Action::Undo), state);
    assert_eq!(state.clone().reduce(Action::Redo), state);
}

// ---- Replace and open -----------------------------------------------------------------------

#[test]
fn replace_opens_the_new_models_base_and_can_be_undone() {
    let old = reference_model();
    let new = small_model();
    let state = reduce_all(
        EditorState::new(old.clone()),
        [
            Action::Open(ScenarioId(3)),
            Action::FieldInvalid(field_error("scenario-2-line-0-base_budget")),
            Action::Replace(new.clone()),
        ],
    );
    assert_eq!(state.model, new);
    assert_eq!(state.open, new.base_scenario);
    assert!(state.field_errors.is_empty(), "old fields no longer exist");
    assert!(state.can_undo());

    let state = state.reduce(Action::Undo);
    assert_eq!(state.model, old);
    assert!(state.model.scenario(state.open).is_some());
}

#[test]
fn open_switches_scenario_and_edits_apply_to_that_one_only() {
    let original = reference_model();
    let state = reduce_all(
        EditorState::new(original.clone()),
        [
            Action::Open(ScenarioId(2)),
            Action::Edit(Edit::Pool(
                PoolId(1),
                PoolField::RiskShare(RiskShare::HostBears),
            )),
            Action::Edit(Edit::Rename("Option B: host bears after all".to_string())),
        ],
    );
    assert_eq!(state.open, ScenarioId(2));
    assert_eq!(state.scenario_index(), 1);
    assert_eq!(open_name(&state), "Option B: host bears after all");
    let option_b = state.model.scenario(ScenarioId(2)).unwrap();
    assert_eq!(option_b.pools[0].risk_share, RiskShare::HostBears);
    assert_eq!(state.model.scenarios[0], original.scenarios[0]);
    assert_eq!(state.model.scenarios[2], original.scenarios[2]);
    // Opening is not an edit: there is nothing to undo after opening alone.
    let opened = EditorState::new(original).reduce(Action::Open(ScenarioId(2)));
    assert!(!opened.can_undo());
}

#[test]
fn opening_a_scenario_that_does_not_exist_keeps_the_current_one() {
    let state = EditorState::new(reference_model()).reduce(Action::Open(ScenarioId(2)));
    let state = state.reduce(Action::Open(ScenarioId(42)));
    assert_eq!(state.open, ScenarioId(2));
}

// ---- Field errors ---------------------------------------------------------------------------

#[test]
fn field_errors_come_and_go_outside_history() {
    let state = EditorState::new(small_model());
    let error = field_error("scenario-0-line-0-base_budget");
    assert_eq!(
        error.sentence(),
        "Base budget for Reablement must be a number, like 1250000 or 1,250,000.50"
    );
    let state = reduce_all(
        state,
        [
            Action::FieldInvalid(error.clone()),
            Action::FieldInvalid(field_error("scenario-0-line-1-growth")),
        ],
    );
    assert_eq!(state.field_errors.len(), 2);
    assert_eq!(
        state.field_errors.get("scenario-0-line-0-base_budget"),
        Some(&error)
    );
    assert!(!state.can_undo(), "typing is not an undoable step");

    let state = state.reduce(Action::FieldValid("scenario-0-line-1-growth".to_string()));
    assert_eq!(
        state.field_errors.keys().collect::<Vec<_>>(),
        ["scenario-0-line-0-base_budget"]
    );
    assert!(!state.can_undo());
    assert_eq!(state.model, small_model());
}

#[test]
fn undo_clears_field_errors_and_undoes_the_edit_not_the_typing() {
    let state = reduce_all(
        EditorState::new(small_model()),
        [
            rename("Edited"),
            Action::FieldInvalid(field_error("scenario-0-line-0-base_budget")),
            Action::Undo,
        ],
    );
    assert!(state.field_errors.is_empty());
    assert_eq!(state.model, small_model());
}

#[test]
fn the_yew_reducible_gives_the_same_state_as_the_plain_reducer() {
    let state = EditorState::new(small_model());
    let action = Action::Edit(Edit::AddPartner);
    let plain = state.clone().reduce(action.clone());
    let via_yew = Reducible::reduce(Rc::new(state), action);
    assert_eq!(*via_yew, plain);
}

// ---- Worked examples ------------------------------------------------------------------------

/// A scenario with nothing in it, for building a pool step by step through the reducer.
fn blank_model() -> Model {
    Model {
        schema_version: SCHEMA_VERSION,
        name: "Two-partner example".to_string(),
        scenarios: vec![Scenario::empty(
            ScenarioId(1),
            "Option A: 50:50",
            Horizon::new(FinancialYear(2025), 1),
        )
        .into()],
        base_scenario: ScenarioId(1),
        forecast_entry: pooled_budgets::model::ForecastEntry::Variance,
        paper: Default::default(),
        uncertainty: Default::default(),
        money_display: Default::default(),
    }
}

#[test]
fn new_ranges_are_one_undoable_step() {
    use pooled_budgets::model::uncertainty::Uncertainty;
    let state = EditorState::new(blank_model());
    let ranges = Uncertainty {
        seed: 2026,
        ..Uncertainty::default()
    };
    let state = state.reduce(Action::Uncertainty(ranges.clone()));
    assert_eq!(state.model.uncertainty, ranges);
    assert!(state.can_undo());
    let state = state.reduce(Action::Undo);
    assert_eq!(state.model.uncertainty, Uncertainty::default());
    let state = state.reduce(Action::Redo);
    assert_eq!(state.model.uncertainty.seed, 2026);
}

fn first_pool_year(state: &EditorState) -> PoolYear {
    let results = compute(state.scenario().unwrap()).expect("computes");
    results.pools[0].years[0].clone()
}

#[test]
fn a_fifty_fifty_rule_built_through_the_editor_splits_an_overspend_in_half() {
    // Hand calculation, 2025/26 only:
    //   Council pays £1,000,000 and the ICB £500,000: income £1,500,000.
    //   One line, planned £1,500,000 (no growth, no savings): the plan spends exactly the
    //   income, so there is no unallocated income and no underspend to return.
    //   Forecast overspend £600,000 → forecast spend £2,100,000, variance +£600,000.
    //   50:50 → Council £300,000, ICB £300,000.
    //   Net cost = contribution + share → Council £1,300,000, ICB £800,000.
    //   (Pro rata, the default for a new pool, would have been 2:1 → £400,000 / £200,000.)
    let council = PartnerId(1);
    let icb = PartnerId(2);
    let line = LineId(1);
    let state = reduce_all(
        EditorState::new(blank_model()),
        [
            Action::Edit(Edit::AddPartner),
            Action::Edit(Edit::AddPartner),
            Action::Edit(Edit::Partner(council, PartnerField::Name("Council".into()))),
            Action::Edit(Edit::Partner(
                icb,
                PartnerField::Name("Integrated care board".into()),
            )),
            Action::Edit(Edit::AddPool),
            Action::Edit(Edit::AddContribution),
            Action::Edit(Edit::AddContribution),
            Action::Edit(Edit::Contribution(
                ContributionId(1),
                ContributionField::Rule(AmountRule::Fixed {
                    amount: pounds(1_000_000),
                }),
            )),
            Action::Edit(Edit::Contribution(
                ContributionId(2),
                ContributionField::Partner(icb),
            )),
            Action::Edit(Edit::Contribution(
                ContributionId(2),
                ContributionField::Rule(AmountRule::Fixed {
                    amount: pounds(500_000),
                }),
            )),
            Action::Edit(Edit::AddLine),
            Action::Edit(Edit::Line(
                line,
                LineField::Budget(FinancialYear(2025), pounds(1_500_000)),
            )),
            Action::Edit(Edit::Line(
                line,
                LineField::Forecast(
                    FinancialYear(2025),
                    Outturn::VarianceAmount {
                        amount: pounds(600_000),
                    },
                ),
            )),
        ],
    );
    assert_eq!(state.notice, None, "every step was accepted");
    let pro_rata = first_pool_year(&state);
    assert_eq!(pro_rata.variance, pounds(600_000));
    assert_eq!(pro_rata.variance_shares, [pounds(400_000), pounds(200_000)]);

    let state = state.reduce(Action::Edit(Edit::Pool(
        PoolId(1),
        PoolField::RiskShare(fifty_fifty(council, icb)),
    )));
    assert_eq!(validate(&state.model), Vec::new(), "a clean model");
    let year = first_pool_year(&state);
    assert_eq!(year.income, pounds(1_500_000));
    assert_eq!(year.planned_spend, pounds(1_500_000));
    assert_eq!(year.forecast_spend, pounds(2_100_000));
    assert_eq!(year.underspend.total, Money::ZERO);
    assert_eq!(year.variance_shares, [pounds(300_000), pounds(300_000)]);
    assert_eq!(year.net_cost, [pounds(1_300_000), pounds(800_000)]);

    // Undoing the rule change puts the pro rata split back.
    let undone = state.reduce(Action::Undo);
    assert_eq!(
        first_pool_year(&undone).variance_shares,
        pro_rata.variance_shares
    );
}

#[test]
fn bcf_template_with_a_fifty_fifty_rule_splits_a_new_overspend_in_half() {
    // Start from the Better Care Fund template's pro rata option and agree 50:50 between the
    // council (LBH) and the ICB. Then forecast a £600,000 overspend on Reablement in 2028/29, a
    // year with no other forecast variance. Hand calculation:
    //   - the £600,000 is an overspend in the pool's group, shared 50:50 →
    //     LBH +£300,000, ICB +£300,000, every other partner +£0;
    //   - planned spend and income do not change, so the underspend returned to each partner
    //     (unspent income, pro rata to contributions) is the same as before;
    //   - so each partner's variance share and net cost rise by exactly those amounts.
    let template = templates::all().into_iter().next().expect("a BCF template");
    assert!(template.title.contains("Better Care Fund"));
    let lbh = PartnerId(1);
    let icb = PartnerId(2);
    let year = FinancialYear(2028);
    let state = reduce_all(
        EditorState::new(template.model),
        [
            Action::Open(ScenarioId(2)),
            Action::Edit(Edit::Pool(
                PoolId(1),
                PoolField::RiskShare(fifty_fifty(lbh, icb)),
            )),
        ],
    );
    assert_eq!(state.notice, None);
    let scenario = state.scenario().unwrap();
    let at = scenario
        .horizon
        .index_of(year)
        .expect("2028/29 is in the plan");
    let before = compute(scenario).expect("computes");
    let before_year = &before.pools[0].years[at];
    assert_eq!(
        before_year.settlements[0].overspend,
        Money::ZERO,
        "no overspend in 2028/29 before the forecast"
    );

    let state = state.reduce(Action::Edit(Edit::Line(
        LineId(1),
        LineField::Forecast(
            year,
            Outturn::VarianceAmount {
                amount: pounds(600_000),
            },
        ),
    )));
    let after = compute(state.scenario().unwrap()).expect("computes");
    let after_year = &after.pools[0].years[at];
    assert_eq!(
        after_year.variance,
        before_year.variance.checked_add(pounds(600_000)).unwrap()
    );

    let mut expected_rise = vec![Money::ZERO; after.partners.len()];
    expected_rise[after.partner_index(lbh).unwrap()] = pounds(300_000);
    expected_rise[after.partner_index(icb).unwrap()] = pounds(300_000);
    assert_eq!(after_year.settlements[0].shares, expected_rise);
    let rise = |a: &[Money], b: &[Money]| -> Vec<Money> {
        a.iter()
            .zip(b)
            .map(|(a, b)| a.checked_sub(*b).unwrap())
            .collect()
    };
    assert_eq!(
        rise(&after_year.variance_shares, &before_year.variance_shares),
        expected_rise
    );
    assert_eq!(
        rise(&after_year.net_cost, &before_year.net_cost),
        expected_rise
    );
    assert_eq!(
        after_year.underspend.returned,
        before_year.underspend.returned
    );
    // Only the open option changed; Options A and C are as the template has them.
    let template = &templates::all()[0].model;
    for other in [ScenarioId(1), ScenarioId(3)] {
        assert_eq!(state.model.scenario(other), template.scenario(other));
    }
}

#[test]
fn undo_goes_back_to_the_option_the_change_was_made_in() {
    // Edit option B, switch to option A, undo: the person is taken back to B to see it undone.
    let model = templates::all().remove(0).model;
    let (a, b) = (model.scenarios[0].id, model.scenarios[1].id);
    let state = reduce_all(
        EditorState::new(model),
        [
            Action::Open(b),
            rename("Option B, revised"),
            Action::Open(a),
        ],
    );
    assert_eq!(state.open, a);
    let undone = state.reduce(Action::Undo);
    assert_eq!(undone.open, b);
    assert_eq!(open_name(&undone), "Option B: pro rata");
    let redone = undone.reduce(Action::Redo);
    assert_eq!(open_name(&redone), "Option B, revised");
}

#[test]
fn copying_an_option_opens_the_copy_and_undo_removes_it() {
    use pooled_budgets::model::edit::ModelEdit;
    let model = templates::all().remove(0).model;
    let state = EditorState::new(model);
    let open = state.open;
    let state = state.reduce(Action::Options(ModelEdit::Duplicate(open)));
    assert_eq!(state.model.scenarios.len(), 4);
    assert_eq!(open_name(&state), "Option A: as agreed (2)");
    let undone = state.reduce(Action::Undo);
    assert_eq!(undone.model.scenarios.len(), 3);
    assert_eq!(undone.open, open);
}

#[test]
fn load_opens_another_model_with_its_own_empty_history() {
    let state = reduce_all(
        EditorState::new(templates::all().remove(0).model),
        [rename("Edited"), Action::FieldInvalid(field_error("x"))],
    );
    assert!(state.can_undo());
    let other = templates::all().remove(1).model;
    let loaded = state.reduce(Action::Load(other.clone()));
    assert_eq!(loaded.model, other);
    assert_eq!(loaded.open, other.base_scenario);
    assert!(!loaded.can_undo() && !loaded.can_redo());
    assert!(loaded.field_errors.is_empty());
}

#[test]
fn renaming_the_model_is_undoable() {
    let state = EditorState::new(templates::all().remove(0).model);
    let original = state.model.name.clone();
    let renamed = state.reduce(Action::RenameModel("BCF options for the board".into()));
    assert_eq!(renamed.model.name, "BCF options for the board");
    assert_eq!(renamed.reduce(Action::Undo).model.name, original);
}

#[test]
fn states_are_equal_when_their_history_is_equal_shared_or_not() {
    let edits = || [rename("A"), rename("B"), Action::Undo];
    let one = reduce_all(EditorState::new(small_model()), edits());
    let other = reduce_all(EditorState::new(small_model()), edits());
    // Built apart, so no snapshot is shared: equal by content.
    assert_eq!(one, other);
    // The next state shares the history it did not change (Yew compares these after every action).
    let next = one.clone().reduce(Action::FieldValid("none".to_string()));
    assert_eq!(next, one);
    // Same model and option, different history (nothing to redo): not equal.
    let no_redo = reduce_all(EditorState::new(small_model()), [rename("A")]);
    assert_eq!(no_redo.model, one.model);
    assert_ne!(no_redo, one);
}

#[test]
fn opening_another_model_starts_a_new_generation_and_an_edit_does_not() {
    let state = EditorState::new(small_model());
    let edited = state.clone().reduce(rename("Option A"));
    assert_eq!(edited.generation, state.generation);
    let loaded = edited.clone().reduce(Action::Load(reference_model()));
    assert_ne!(loaded.generation, edited.generation);
    let replaced = loaded.clone().reduce(Action::Replace(small_model()));
    assert_ne!(replaced.generation, loaded.generation);
}

#[test]
fn the_reducer_yew_calls_with_a_shared_state_gives_what_reduce_gives() {
    // Yew hands the reducer a state the components still hold; edits then take another path
    // (the edited model built around the shared rest), which must end in the same states.
    let actions = [
        Action::Edit(Edit::Line(
            LineId(3),
            LineField::Budget(FinancialYear(2025), pounds(3_000_000)),
        )),
        Action::FieldValid("scenario-1-name".to_string()),
        Action::FieldInvalid(field_error("scenario-1-line-0-budget")),
        Action::Edit(Edit::AddPartner),
        Action::FieldValid("scenario-1-line-0-budget".to_string()),
        Action::Edit(Edit::Remove(Item::Pool(PoolId(99)))),
        rename("Option A"),
        rename("Option A"),
        Action::Undo,
        Action::Undo,
        Action::Redo,
        Action::Edit(Edit::Remove(Item::Pool(PoolId(2)))),
        Action::Undo,
        Action::Undo,
        Action::Undo,
        Action::Redo,
    ];
    let mut plain = EditorState::new(reference_model());
    let mut shared = Rc::new(plain.clone());
    for action in actions {
        let held_by_a_component = Rc::clone(&shared);
        shared = Reducible::reduce(Rc::clone(&held_by_a_component), action.clone());
        plain = plain.reduce(action);
        assert_eq!(*shared, plain);
        assert_eq!(shared.notice, plain.notice);
        assert_eq!(shared.can_undo(), plain.can_undo());
        assert_eq!(shared.can_redo(), plain.can_redo());
    }
}
