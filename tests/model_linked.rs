//! Options linked to their base (issue #15), through the editor's reducer as a person uses
//! them: a copy follows corrections to its base while keeping what it changes; "Use the base's
//! value" drops an override; undo restores each step; a base with dependents is not deleted
//! silently; chains resolve in order; loops are refused; older models read as they were.

use pooled_budgets::app::state::{Action, EditorState};
use pooled_budgets::codec::saved;
use pooled_budgets::model::edit::{Edit, LineField, ModelEdit, PoolField};
use pooled_budgets::model::linked::{
    self, differences, overrides_list, Field, ItemRef, Link, Override, Overrides,
};
use pooled_budgets::model::{
    compute, reference_model, FinancialYear, LineId, Model, Money, PoolId, RiskShare, Scenario,
    ScenarioId,
};

const A: ScenarioId = ScenarioId(1);
const BCF: PoolId = PoolId(1);
const Y2025: FinancialYear = FinancialYear(2025);

fn reduce_all(state: EditorState, actions: impl IntoIterator<Item = Action>) -> EditorState {
    actions.into_iter().fold(state, EditorState::reduce)
}

fn option(state: &EditorState, id: ScenarioId) -> &Scenario {
    state.model.scenario(id).expect("the option is there")
}

fn first_line(scenario: &Scenario) -> LineId {
    scenario.lines[0].id
}

fn budget(scenario: &Scenario, line: LineId) -> Option<Money> {
    scenario
        .lines
        .iter()
        .find(|l| l.id == line)
        .and_then(|l| l.budget.iter().find(|b| b.year == Y2025))
        .map(|b| b.amount)
}

fn bcf_rule(scenario: &Scenario) -> RiskShare {
    scenario.pool(BCF).expect("BCF").risk_share.clone()
}

/// The reference model with only option A, copied: (state with the copy open, the copy's id).
fn copied() -> (EditorState, ScenarioId) {
    let mut model = reference_model();
    model.scenarios.truncate(1);
    let state = EditorState::new(model).reduce(Action::Options(ModelEdit::Duplicate(A)));
    let copy = state.open;
    (state, copy)
}

fn assert_only_the_rule_is_overridden(linked: &Scenario) {
    let overrides = &linked.link.as_ref().expect("linked").overrides;
    assert_eq!(
        overrides_list(overrides),
        vec![Override::Field(
            ItemRef::Pool(BCF),
            Field::whole("risk_share")
        )]
    );
}

#[test]
fn a_copy_is_linked_with_no_overrides() {
    let (state, copy) = copied();
    assert_ne!(copy, A);
    let link = option(&state, copy).link.as_ref().expect("linked");
    assert_eq!(link.based_on, A);
    assert!(link.overrides.is_empty());
    assert_eq!(option(&state, copy).lines, option(&state, A).lines);
}

#[test]
fn a_copy_follows_a_correction_to_its_base_and_keeps_its_own_rule() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let corrected = Money::pounds(1_350_000);
    let state = reduce_all(
        state,
        [
            Action::Edit(Edit::Pool(BCF, PoolField::RiskShare(RiskShare::HostBears))),
            Action::Open(A),
            Action::Edit(Edit::Line(line, LineField::Budget(Y2025, corrected))),
        ],
    );
    let (base, linked) = (option(&state, A), option(&state, copy));
    assert_eq!(budget(base, line), Some(corrected));
    assert_eq!(budget(linked, line), Some(corrected), "the copy follows");
    assert_eq!(bcf_rule(linked), RiskShare::HostBears, "its rule stays");
    assert_ne!(bcf_rule(base), RiskShare::HostBears);
    assert_only_the_rule_is_overridden(linked);
    // The results follow too: the copy computes as its figures entered independently would.
    let mut independent = linked.clone();
    independent.link = None;
    assert_eq!(compute(linked), compute(&independent));

    // Undo goes back one step at a time: the correction (in both), then the rule.
    let state = state.reduce(Action::Undo);
    assert_ne!(budget(option(&state, copy), line), Some(corrected));
    assert_eq!(bcf_rule(option(&state, copy)), RiskShare::HostBears);
    let state = state.reduce(Action::Undo);
    assert_eq!(bcf_rule(option(&state, copy)), bcf_rule(option(&state, A)));
    assert!(option(&state, copy)
        .link
        .as_ref()
        .is_some_and(|l| l.overrides.is_empty()));
    let state = reduce_all(state, [Action::Redo, Action::Redo]);
    assert_eq!(budget(option(&state, copy), line), Some(corrected));
    assert_eq!(bcf_rule(option(&state, copy)), RiskShare::HostBears);
}

#[test]
fn a_field_changed_in_the_copy_no_longer_follows_the_base() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let state = reduce_all(
        state,
        [
            Action::Edit(Edit::Line(
                line,
                LineField::Budget(Y2025, Money::pounds(900)),
            )),
            Action::Open(A),
            // The base takes the same figure, then another: the copy's override stays.
            Action::Edit(Edit::Line(
                line,
                LineField::Budget(Y2025, Money::pounds(900)),
            )),
            Action::Edit(Edit::Line(
                line,
                LineField::Budget(Y2025, Money::pounds(1000)),
            )),
        ],
    );
    assert_eq!(budget(option(&state, copy), line), Some(Money::pounds(900)));
    let cell = Override::Field(ItemRef::Line(line), Field::cell("budget", Y2025));
    let state = state.reduce(Action::Options(ModelEdit::UseBase(copy, cell.clone())));
    assert_eq!(
        budget(option(&state, copy), line),
        Some(Money::pounds(1000))
    );
    assert!(!overrides_list(
        &option(&state, copy)
            .link
            .as_ref()
            .expect("linked")
            .overrides
    )
    .contains(&cell));
    let state = state.reduce(Action::Undo);
    assert_eq!(budget(option(&state, copy), line), Some(Money::pounds(900)));
}

#[test]
fn use_the_base_value_drops_a_rule_override() {
    let (state, copy) = copied();
    let rule = Override::Field(ItemRef::Pool(BCF), Field::whole("risk_share"));
    let state = reduce_all(
        state,
        [
            Action::Edit(Edit::Pool(BCF, PoolField::RiskShare(RiskShare::HostBears))),
            Action::Options(ModelEdit::UseBase(copy, rule)),
        ],
    );
    assert_eq!(bcf_rule(option(&state, copy)), bcf_rule(option(&state, A)));
    assert_eq!(state.notice, None);
}

#[test]
fn a_base_with_dependents_is_not_deleted_without_freeing_them() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let state = state.reduce(Action::Options(ModelEdit::Remove(A)));
    assert!(state.model.scenario(A).is_some());
    let notice = state.notice.clone().expect("says why");
    assert!(notice.contains("based on this option"), "{notice}");
    assert!(notice.contains("independent"), "{notice}");

    let before = option(&state, copy).lines.clone();
    let state = state.reduce(Action::Options(ModelEdit::RemoveFreeing(A)));
    assert!(state.model.scenario(A).is_none());
    let freed = option(&state, copy);
    assert!(freed.link.is_none());
    assert_eq!(freed.lines, before, "it keeps every figure it had");
    assert!(budget(freed, line).is_some());
    let state = state.reduce(Action::Undo);
    assert!(state.model.scenario(A).is_some());
    assert!(option(&state, copy).link.is_some());
}

#[test]
fn make_independent_keeps_the_figures_and_stops_following() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let state = reduce_all(
        state,
        [
            Action::Options(ModelEdit::MakeIndependent(copy)),
            Action::Open(A),
            Action::Edit(Edit::Line(line, LineField::Budget(Y2025, Money::pounds(7)))),
        ],
    );
    assert!(option(&state, copy).link.is_none());
    assert_ne!(budget(option(&state, copy), line), Some(Money::pounds(7)));
}

#[test]
fn link_to_computes_the_differences_and_keeps_the_figures() {
    let model = reference_model();
    let before = model.scenarios[1].clone();
    let state =
        EditorState::new(model).reduce(Action::Options(ModelEdit::LinkTo(ScenarioId(2), A)));
    let linked = option(&state, ScenarioId(2));
    assert_only_the_rule_is_overridden(linked);
    assert_eq!(linked.lines, before.lines);
    assert_eq!(linked.pools, before.pools);
}

#[test]
fn chains_resolve_in_order() {
    // A ← B ← C: a correction to A reaches C through B; B's change reaches C; C keeps its own.
    let mut model = reference_model();
    let line = first_line(&model.scenarios[0]);
    linked::link_to(&mut model, ScenarioId(2), A).expect("B on A");
    linked::link_to(&mut model, ScenarioId(3), ScenarioId(2)).expect("C on B");
    let c_underspend = model.scenarios[2].pool(BCF).expect("BCF").underspend;
    let state = reduce_all(
        EditorState::new(model),
        [
            Action::Edit(Edit::Line(line, LineField::Budget(Y2025, Money::pounds(5)))),
            Action::Open(ScenarioId(2)),
            Action::Edit(Edit::Pool(
                BCF,
                PoolField::ReserveOpening(Money::pounds(42)),
            )),
        ],
    );
    let c = option(&state, ScenarioId(3));
    assert_eq!(budget(c, line), Some(Money::pounds(5)));
    assert_eq!(c.pool(BCF).expect("BCF").reserve.opening, Money::pounds(42));
    assert_eq!(c.pool(BCF).expect("BCF").underspend, c_underspend);
    assert_eq!(bcf_rule(c), RiskShare::HostBears);
    // Saved with only overrides, read back resolved in order.
    let text = saved::encode(&state.model);
    assert_eq!(saved::decode(&text), Ok(state.model.clone()));
}

#[test]
fn loops_are_refused_with_what_to_do() {
    let mut model = reference_model();
    linked::link_to(&mut model, ScenarioId(2), A).expect("B on A");
    let refused = EditorState::new(model.clone())
        .reduce(Action::Options(ModelEdit::LinkTo(A, ScenarioId(2))));
    let notice = refused.notice.clone().expect("refused");
    assert!(
        notice.contains("loop") && notice.contains("independent"),
        "{notice}"
    );
    assert!(refused.model.scenarios[0].link.is_none());
    assert_eq!(
        linked::link_to(&mut model, A, A).map_err(|p| p.to_string().contains("loop")),
        Err(true)
    );

    // A file whose options are based on each other is refused, saying how to fix it.
    model.scenarios[0].link = Some(Link {
        based_on: ScenarioId(2),
        overrides: Overrides::default(),
    });
    let problems = pooled_budgets::model::validate(&model);
    // Reported on the first option in the loop's "based on", which the editor can go to (the
    // options bar), not on a `link` no field shows.
    let problem = problems
        .iter()
        .find(|p| p.message.contains("loop"))
        .expect("a loop");
    assert_eq!(problem.path, pooled_budgets::model::FieldPath::based_on(0));
    assert_eq!(problem.path.based_on_of(), Some(0));
    assert_eq!(problem.path.to_dom_id(), "scenario-0-based-on");
    let error = saved::decode(&saved::encode(&model)).expect_err("refused");
    assert!(
        error.to_string().contains("Make one of them independent"),
        "{error}"
    );
}

#[test]
fn a_base_that_is_missing_is_refused() {
    let mut model = reference_model();
    model.scenarios[1].link = Some(Link {
        based_on: ScenarioId(9),
        overrides: Overrides::default(),
    });
    let error = saved::decode(&saved::encode(&model)).expect_err("refused");
    assert!(error.to_string().contains("not in the model"), "{error}");
}

#[test]
fn models_without_links_are_saved_and_read_exactly_as_before() {
    let model = reference_model();
    let text = saved::encode(&model);
    assert!(!text.contains("\"link\""));
    let back = saved::decode(&text).expect("reads");
    assert!(back.scenarios.iter().all(|s| s.link.is_none()));
    assert_eq!(back, model);
}

#[test]
fn a_linked_option_is_saved_as_its_overrides_only() {
    let mut model: Model = reference_model();
    linked::link_to(&mut model, ScenarioId(2), A).expect("B on A");
    let text = saved::encode(&model);
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let b = &value["scenarios"][1];
    assert!(b.get("lines").is_none_or(|l| l == &serde_json::json!([])));
    assert_eq!(b["link"]["based_on"], 1);
    assert_eq!(
        b["link"]["overrides"]["pools"]["changed"][0]["fields"],
        serde_json::json!(["risk_share"])
    );
    assert!(text.len() < saved::encode(&reference_model()).len());
    assert_eq!(saved::decode(&text), Ok(model));
}

#[test]
fn differences_of_equal_options_are_empty() {
    let model = reference_model();
    assert!(differences(&model.scenarios[0], &model.scenarios[0]).is_empty());
    assert_eq!(
        differences(&model.scenarios[0], &model.scenarios[2]).count(),
        2
    );
}

#[test]
fn removing_an_item_in_the_base_removes_it_from_its_copies() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let state = reduce_all(
        state,
        [
            Action::Open(A),
            Action::Edit(Edit::Remove(pooled_budgets::model::edit::Item::Line(line))),
        ],
    );
    assert!(option(&state, copy).lines.iter().all(|l| l.id != line));
}

#[test]
fn what_differs_from_the_base_lists_the_overrides_in_words() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let state = reduce_all(
        state,
        [
            Action::Edit(Edit::Pool(BCF, PoolField::RiskShare(RiskShare::HostBears))),
            Action::Edit(Edit::Line(
                line,
                LineField::Budget(Y2025, Money::pounds(1_350_000)),
            )),
        ],
    );
    let (base, linked) = (option(&state, A), option(&state, copy));
    let words = pooled_budgets::model::describe_overrides(base, linked);
    assert_eq!(words.len(), 2);
    assert!(
        words
            .iter()
            .any(|(_, t)| t.contains("risk share") && t.contains("→")),
        "{words:?}"
    );
    assert!(
        words.iter().any(|(_, t)| t.contains("£1,350,000.00")),
        "{words:?}"
    );
    let cells = pooled_budgets::model::changed_cells(base, linked);
    let was = budget(base, line).expect("a budget");
    assert_eq!(
        cells,
        vec![(
            line,
            vec![(
                pooled_budgets::model::schemes::SchemeColumn::Budget(Y2025),
                pooled_budgets::model::linked::Field::cell("budget", Y2025),
                format!(
                    "changed from base: {} → £1,350,000.00",
                    pooled_budgets::model::format_money(
                        was,
                        pooled_budgets::model::MoneyStyle::EXACT
                    )
                )
            )]
        )]
    );
    // The comparison against the base lists the same sentences.
    let comparison = pooled_budgets::model::compare(base, linked).expect("compares");
    assert_eq!(
        comparison.input_changes,
        words.into_iter().map(|(_, t)| t).collect::<Vec<_>>()
    );
}

#[test]
fn a_select_cell_set_in_the_copy_is_described_too() {
    let (state, copy) = copied();
    let line = first_line(option(&state, A));
    let state = state.reduce(Action::Edit(Edit::Line(line, LineField::RingFence(None))));
    let cells = pooled_budgets::model::changed_cells(option(&state, A), option(&state, copy));
    let (_, row) = cells.iter().find(|(l, _)| *l == line).expect("the line");
    let (column, field, text) = &row[0];
    assert_eq!(
        *field,
        pooled_budgets::model::linked::Field::whole("ring_fence")
    );
    assert_eq!(
        *column,
        pooled_budgets::model::schemes::SchemeColumn::RingFence
    );
    assert!(
        text.starts_with("changed from base: ") && text.ends_with("→ none"),
        "{text}"
    );
}

#[test]
fn each_override_in_words_is_a_sentence_of_what_differs() {
    // Option C of the reference model differs from A in two pool fields; change more in it
    // (a partner, a contribution, a scheme's cell and notes, a ring-fence), link it to A: the
    // overrides' sentences are exactly the differences in words, one or more each.
    let mut model = reference_model();
    let c = &mut model.scenarios[2];
    c.partners[0].baseline_growth = pooled_budgets::model::Percent::from_hundredths(250);
    c.contributions[1].name.push_str(" (revised)");
    c.lines[3].set_budget(Y2025, Money::pounds(4321));
    c.lines[3].notes = "Revised at month 6".to_string();
    if let Some(fence) = c.ring_fences.get_mut(1) {
        fence.minimum = pooled_budgets::model::MinimumRule::ShareOfStream {
            stream: pooled_budgets::model::FundingStream::NhsMinimum,
            percent: pooled_budgets::model::Percent::from_hundredths(1000),
        };
    }
    let expected = pooled_budgets::model::compare(&model.scenarios[0], &model.scenarios[2])
        .expect("compares")
        .input_changes;
    linked::link_to(&mut model, ScenarioId(3), A).expect("links");
    let words = pooled_budgets::model::describe_overrides(&model.scenarios[0], &model.scenarios[2]);
    assert_eq!(words.len(), 7, "{words:?}");
    let mut listed: Vec<String> = words
        .iter()
        .flat_map(|(_, t)| t.split("; ").map(str::to_string))
        .collect();
    let mut expected = expected;
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected);
}

#[test]
fn repairing_duplicate_ids_keeps_a_linked_option_following_its_base_with_no_stale_override() {
    // A hand-edited file: the base repeats a scheme's id, and the option based on it "adds" a
    // scheme under an id the base already has (an override that now names another item).
    let b = ScenarioId(2);
    let mut model = reference_model();
    linked::link_to(&mut model, b, A).expect("B on A");
    let base = model.scenario(A).expect("A").clone();
    let (twin, clashing) = (base.lines[0].id, base.lines[2].id);
    let mut added = base.lines[2].clone();
    added.name = "Added in B".to_string();
    let slot = model
        .scenarios
        .iter_mut()
        .position(|s| s.id == A)
        .expect("A");
    let mut edited: Scenario = (*model.scenarios[slot]).clone();
    edited.lines[1].id = twin;
    model.scenarios[slot] = edited.into();
    let at_b = model.scenarios.iter().position(|s| s.id == b).expect("B");
    let mut option_b: Scenario = (*model.scenarios[at_b]).clone();
    option_b
        .link
        .as_mut()
        .expect("linked")
        .overrides
        .lines
        .added
        .push(linked::Changed {
            key: clashing,
            fields: Vec::new(),
            item: added,
        });
    model.scenarios[at_b] = option_b.into();
    let mut model = saved::decode(&saved::encode(&model)).expect("reads, as a file would");
    let repairs = pooled_budgets::model::repair_duplicate_ids(&mut model);
    assert!(!repairs.is_empty());

    let (a_now, b_now) = (
        model.scenario(A).expect("A").clone(),
        model.scenario(b).expect("B").clone(),
    );
    // The base's second holder of the id and the option's copy of it got the same new id.
    let renumbered = a_now.lines[1].id;
    assert_ne!(renumbered, twin);
    assert!(b_now.lines.iter().any(|l| l.id == renumbered));
    // Every override names an item the option has, and none of its lines is "added": the
    // clashing one is now a change to the base's scheme of that id, named as such.
    let overrides = &b_now.link.as_ref().expect("linked").overrides;
    for what in overrides_list(overrides) {
        if let Override::Field(ItemRef::Line(id), _) | Override::Added(ItemRef::Line(id)) = what {
            assert!(b_now.lines.iter().any(|l| l.id == id), "{what:?}");
        }
    }
    assert!(overrides.lines.added.is_empty(), "{:?}", overrides.lines);
    assert!(overrides.lines.removed.is_empty(), "{:?}", overrides.lines);
    assert_eq!(
        overrides.lines.changed.len(),
        1,
        "{:?}",
        overrides
            .lines
            .changed
            .iter()
            .map(|c| (c.key, &c.fields))
            .collect::<Vec<_>>()
    );
    assert_eq!(overrides.lines.changed[0].key, clashing);
    // Saved and read again, the option is exactly what the person saw after the repair.
    let back = saved::decode(&saved::encode(&model)).expect("reads");
    assert_eq!(back.scenario(b), model.scenario(b));
    // And a correction to the renumbered scheme in the base still reaches the option.
    let state = EditorState::new(model).reduce(Action::Edit(Edit::Line(
        renumbered,
        LineField::Budget(Y2025, Money::pounds(777_000)),
    )));
    assert_eq!(
        budget(option(&state, b), renumbered),
        Some(Money::pounds(777_000))
    );
}

#[test]
fn a_changed_obligation_is_described_in_words() {
    // The release wasm prints nothing for `{:?}` (docs/maintainers.md), so the words come from
    // the obligation's own label.
    let model = reference_model();
    let base = model.scenarios[0].clone();
    let mut option = base.clone();
    let was = option.contributions[0].obligation;
    let now = match was {
        pooled_budgets::model::Obligation::Mandatory => {
            pooled_budgets::model::Obligation::Voluntary
        }
        pooled_budgets::model::Obligation::Voluntary => {
            pooled_budgets::model::Obligation::Mandatory
        }
    };
    option.contributions[0].obligation = now;
    let words = pooled_budgets::model::compare(&base, &option)
        .expect("compares")
        .input_changes;
    let expected = format!("obligation: {} → {}", was.label(), now.label());
    assert!(words.iter().any(|t| t.contains(&expected)), "{words:?}");
    assert!(["mandatory", "voluntary"].contains(&now.label()));
}
