//! Turning what someone typed into a model change, in one place: parse the text; if it is
//! valid, clear the field's error and apply the edit; if not, record the error (the model keeps
//! its last valid value and keeps computing). Also the field ids shared with `validate`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Deref;
use std::rc::Rc;

use yew::html::IntoPropValue;
use yew::prelude::*;

use super::state::{Action, EditorState, FieldError};
use crate::model::edit::Edit;
use crate::model::CowRc;
use crate::model::{
    compute_reusing, entry_text, limits, validate_scenario, ComputedFrom, FieldPath, Money,
    MoneyUnit, Percent, Problem, Results, Scenario,
};

pub type Editor = UseReducerHandle<EditorState>;

/// The reducer's dispatcher: compared by pointer and the same on every render, so a component
/// given it (and not the whole `Editor`) re-renders only when its own data changes.
pub type Dispatcher = UseReducerDispatcher<EditorState>;

/// Invalid fields by DOM id, as the editor state keeps them.
pub type FieldErrors = BTreeMap<String, FieldError>;

/// What a component needs to change the model: it sends actions, and reads the state as it is
/// when an event needs more than the component shows (a removal asks what depends on the item).
/// Equal to itself for the editor's whole life, so passing it never makes a component draw
/// again — unlike the `Editor` handle, whose equality compares the whole state, which changes
/// on every action (docs/benchmarks.md, measure 4).
#[derive(Clone)]
pub struct EditorDispatcher {
    send: UseReducerDispatcher<EditorState>,
    latest: Rc<RefCell<Option<Editor>>>,
}

impl PartialEq for EditorDispatcher {
    fn eq(&self, other: &Self) -> bool {
        self.send == other.send && Rc::ptr_eq(&self.latest, &other.latest)
    }
}

impl EditorDispatcher {
    /// A dispatcher of its own for `editor` (not stable: see `use_dispatcher`).
    pub fn of(editor: &Editor) -> EditorDispatcher {
        EditorDispatcher {
            send: editor.dispatcher(),
            latest: Rc::new(RefCell::new(Some(editor.clone()))),
        }
    }

    pub fn dispatch(&self, action: Action) {
        self.send.dispatch(action);
    }

    /// The state's invalid fields as they are now.
    pub fn field_errors_now(&self) -> Shared<FieldErrors> {
        let latest = self.latest.borrow();
        Shared::new(
            latest
                .as_ref()
                .map(|editor| editor.field_errors.clone())
                .unwrap_or_default(),
        )
    }

    /// `f` of the editor's state as it is now (for an event that needs more than the component
    /// shows, such as the whole model for a download).
    pub fn with_state<R>(&self, f: impl FnOnce(&EditorState) -> R) -> Option<R> {
        let latest = self.latest.borrow();
        latest.as_ref().map(|editor| f(editor))
    }

    /// `f` of the open scenario as it is now.
    pub fn with_scenario<R>(&self, f: impl FnOnce(&Scenario) -> R) -> Option<R> {
        let latest = self.latest.borrow();
        latest.as_ref().and_then(|editor| editor.scenario().map(f))
    }
}

/// A callback that is the same on every render and calls the newest `callback` given: a parent's
/// closure made afresh each render then does not redraw a child with narrow props.
#[hook]
pub fn use_stable_callback<IN: 'static>(callback: Callback<IN>) -> Callback<IN> {
    let newest = use_mut_ref(|| callback.clone());
    *newest.borrow_mut() = callback;
    (*use_memo((), move |()| {
        Callback::from(move |value: IN| {
            let callback = newest.borrow().clone();
            callback.emit(value)
        })
    }))
    .clone()
}

/// The editor's stable dispatcher: the same value on every render of the calling component.
#[hook]
pub fn use_dispatcher(editor: &Editor) -> EditorDispatcher {
    let latest = use_mut_ref(|| None::<Editor>);
    *latest.borrow_mut() = Some(editor.clone());
    let send = editor.dispatcher();
    EditorDispatcher { send, latest }
}

impl IntoPropValue<EditorDispatcher> for Editor {
    fn into_prop_value(self) -> EditorDispatcher {
        EditorDispatcher::of(&self)
    }
}

/// Anything that sends the editor's actions: the handle or the stable dispatcher.
pub trait Dispatch: Clone + 'static {
    fn send(&self, action: Action);
}

impl Dispatch for Editor {
    fn send(&self, action: Action) {
        self.dispatch(action);
    }
}

impl Dispatch for EditorDispatcher {
    fn send(&self, action: Action) {
        self.dispatch(action);
    }
}

impl Dispatch for Dispatcher {
    fn send(&self, action: Action) {
        self.dispatch(action);
    }
}

/// A value shared behind an `Rc` and compared by pointer: props holding it compare in O(1).
/// `use_shared` keeps the pointer while the value stays equal.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }

    /// The shared value's `Rc`.
    pub fn rc(&self) -> Rc<T> {
        Rc::clone(&self.0)
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(value: Rc<T>) -> Shared<T> {
        Shared(value)
    }
}

/// `value`, shared: the same pointer as last render while it is equal (compared, not copied),
/// and a new copy when it changed.
#[hook]
pub fn use_shared<T: PartialEq + Clone + 'static>(value: &T) -> Shared<T> {
    let last = use_mut_ref(|| Shared::new(value.clone()));
    let changed = **last.borrow() != *value;
    if changed {
        *last.borrow_mut() = Shared::new(value.clone());
    }
    let shared = last.borrow().clone();
    shared
}

/// The open option as the modeller shares it with the components that show it (a context): one
/// copy for all of them per change to the model.
#[derive(Clone, PartialEq)]
pub struct OpenScenario(pub Shared<Option<CowRc<Scenario>>>);

/// The open option, shared: the same pointer until the model changes (known from its version,
/// not by comparing it), then one new copy. From the modeller's context where it gives one.
#[hook]
pub fn use_open_scenario(editor: &Editor) -> Shared<Option<CowRc<Scenario>>> {
    type Key = (u32, u64, crate::model::ScenarioId);
    let provided = use_context::<OpenScenario>();
    let last = use_mut_ref(|| None::<(Key, Shared<Option<CowRc<Scenario>>>)>);
    if let Some(OpenScenario(shared)) = provided {
        return shared;
    }
    let key = (editor.generation, editor.model_version, editor.open);
    let mut last = last.borrow_mut();
    match &*last {
        Some((kept, shared)) if *kept == key => shared.clone(),
        _ => {
            let shared = Shared::new(editor.scenario_shared().cloned());
            *last = Some((key, shared.clone()));
            shared
        }
    }
}

/// The open option's results, or why it cannot be computed.
pub type Computed = Result<Rc<Results>, String>;

/// The last option computed: the option, its results, and what they were worked out from.
type LastComputed = (CowRc<Scenario>, Rc<Computed>, Option<ComputedFrom>);

thread_local! {
    /// The last option computed and its results. The results panel and the checklist both need
    /// the open option's results after each edit; this computes them once for both (the
    /// option is held, so its pointer cannot be reused while it is the key), and the next
    /// computation reuses the pools the edit did not touch (`compute_reusing`).
    static LAST_COMPUTED: RefCell<Option<LastComputed>> = const { RefCell::new(None) };
}

/// The results of `scenario`, computed once however many components ask for the same option.
pub fn open_results(scenario: &Option<CowRc<Scenario>>) -> Rc<Computed> {
    let Some(scenario) = scenario else {
        return Rc::new(Err("There is no option to compute.".to_string()));
    };
    LAST_COMPUTED.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((kept, computed, _)) = &*last {
            if CowRc::same(kept, scenario) {
                return Rc::clone(computed);
            }
        }
        let before = last.as_ref().and_then(|(_, computed, from)| {
            let results = computed.as_ref().as_ref().ok()?;
            Some((&**results, from.as_ref()?))
        });
        let (computed, from) = match compute_reusing(scenario, before) {
            Ok((results, from)) => (Ok(Rc::new(results)), Some(from)),
            Err(e) => (Err(e.to_string()), None),
        };
        let computed = Rc::new(computed);
        *last = Some((scenario.clone(), Rc::clone(&computed), from));
        computed
    })
}

/// `make(value)`, computed again only when `value` changed (compared, not copied).
#[hook]
pub fn use_derived<T, R>(value: &T, make: impl FnOnce(&T) -> R) -> Shared<R>
where
    T: PartialEq + Clone + 'static,
    R: 'static,
{
    let key = use_shared(value);
    let last = use_mut_ref(|| None::<(Shared<T>, Shared<R>)>);
    let mut last = last.borrow_mut();
    match &*last {
        Some((k, derived)) if *k == key => derived.clone(),
        _ => {
            let derived = Shared::new(make(value));
            *last = Some((key, derived.clone()));
            derived
        }
    }
}

/// `value` as it was when the browser was last idle after a paint: `None` until then, and after
/// a change the previous value until then. For what sits below the figures or the field being
/// edited (the results' charts, the contributions' year-by-year table): the frame that shows an
/// edit's results, or a cold load's first figures, does not wait for it (docs/benchmarks.md, 2
/// and 4). `T`'s comparison should be cheap (`Shared`, ids). Natively (server-side rendered
/// tests) there is no later frame, so it is `value` at once.
#[hook]
pub fn use_when_idle<T: Clone + PartialEq + 'static>(value: T) -> Option<T> {
    let initial = (!cfg!(target_arch = "wasm32")).then(|| value.clone());
    let shown = use_state(|| initial);
    // The newest value waiting to be shown: a callback that finds it taken has been overtaken.
    let waiting = use_mut_ref(|| None::<T>);
    if shown.as_ref() != Some(&value) {
        let first = waiting.borrow().is_none();
        *waiting.borrow_mut() = Some(value);
        if first {
            let shown = shown.setter();
            let waiting = waiting.clone();
            crate::platform::after_paint_when_idle(move || {
                if let Some(value) = waiting.borrow_mut().take() {
                    shown.set(Some(value));
                }
            });
        }
    }
    (*shown).clone()
}

/// The error shown beside the field with this DOM id, from the state's invalid fields.
pub fn error_in(errors: &FieldErrors, dom_id: &str) -> Option<AttrValue> {
    errors.get(dom_id).map(|e| AttrValue::from(e.sentence()))
}

/// Validation's words about the field at `path`, from problems already found.
pub fn problem_in(problems: &[Problem], path: &FieldPath) -> Option<AttrValue> {
    problems
        .iter()
        .find(|p| &p.path == path)
        .map(|p| AttrValue::from(p.message.clone()))
}

/// `reference_error` from problems already found.
pub fn reference_error_in(
    problems: &[Problem],
    path: &FieldPath,
    kind: &str,
    held: bool,
) -> Option<AttrValue> {
    if held {
        return None;
    }
    problem_in(problems, path).or_else(|| {
        Some(AttrValue::from(format!(
            "The {kind} chosen here is not one of the {kind}s"
        )))
    })
}

/// The path of a field in the open scenario, matching the paths `validate` reports.
pub fn scenario_path(scenario_index: usize) -> FieldPath {
    FieldPath::scenario(scenario_index)
}

/// The error shown beside the field with this DOM id, if its text is invalid.
pub fn error_for(editor: &Editor, dom_id: &str) -> Option<AttrValue> {
    editor
        .field_errors
        .get(dom_id)
        .map(|e| AttrValue::from(e.sentence()))
}

/// Validation's words about the field at `path` in the open scenario. It validates the whole
/// option, so it is asked only about a field known to be wrong (see `reference_error`).
pub fn problem_at(editor: &Editor, path: &FieldPath) -> Option<AttrValue> {
    let scenario = editor.scenario()?;
    validate_scenario(scenario, editor.scenario_index())
        .into_iter()
        .find(|p| &p.path == path)
        .map(|p| AttrValue::from(p.message))
}

/// The error beside a select of partners or pools whose chosen `kind` ("partner") the model
/// does not hold (`held` false): validation's words, or plain ones if it has none for `path`.
pub fn reference_error(
    editor: &Editor,
    path: &FieldPath,
    kind: &str,
    held: bool,
) -> Option<AttrValue> {
    if held {
        return None;
    }
    let problems = editor
        .scenario()
        .map(|scenario| validate_scenario(scenario, editor.scenario_index()))
        .unwrap_or_default();
    reference_error_in(&problems, path, kind, held)
}

/// What a select shows for an item the model does not hold: "Missing partner (id 99)".
pub fn missing_label(kind: &str, id: u32) -> AttrValue {
    AttrValue::from(format!("Missing {kind} (id {id})"))
}

/// A commit callback for any field: `parse` turns text into an edit or a message that
/// completes the sentence "<label> …".
pub fn commit<D: Dispatch, F>(
    editor: &D,
    dom_id: String,
    label: String,
    parse: F,
) -> Callback<String>
where
    F: Fn(&str) -> Result<Edit, String> + 'static,
{
    commit_action(editor, dom_id, label, move |text| {
        parse(text).map(Action::Edit)
    })
}

/// Like `commit`, for fields that change something other than the open scenario.
pub fn commit_action<D: Dispatch, F>(
    editor: &D,
    dom_id: String,
    label: String,
    parse: F,
) -> Callback<String>
where
    F: Fn(&str) -> Result<Action, String> + 'static,
{
    dispatch_commit(editor, dom_id, label, parse)
}

/// `commit_action` for a component that holds only the dispatcher.
pub fn dispatch_commit<D: Dispatch, F>(
    dispatcher: &D,
    dom_id: String,
    label: String,
    parse: F,
) -> Callback<String>
where
    F: Fn(&str) -> Result<Action, String> + 'static,
{
    let dispatcher = dispatcher.clone();
    Callback::from(move |text: String| match parse(&text) {
        Ok(action) => {
            dispatcher.send(Action::FieldValid(dom_id.clone()));
            dispatcher.send(action);
        }
        Err(message) => dispatcher.send(Action::FieldInvalid(FieldError {
            field: dom_id.clone(),
            label: label.clone(),
            message,
        })),
    })
}

/// A money field's commit, reading what is typed in `unit`, the model's unit
/// ([`Money::parse_entered`]): in pounds "£1,250,000.50", "1250000", "(220)" and "−220"; in
/// £000 "1,250" is £1,250,000 and "£1,250,000" (written with £) is pounds.
pub fn money_commit<D: Dispatch, F>(
    editor: &D,
    dom_id: String,
    label: String,
    unit: MoneyUnit,
    edit: F,
) -> Callback<String>
where
    F: Fn(Money) -> Edit + 'static,
{
    commit(editor, dom_id, label, move |text| {
        Money::parse_entered(text, unit)
            .map(&edit)
            .map_err(|e| e.to_string())
    })
}

/// A percentage field's commit: accepts "5.66", "5.66%" and "−1.5".
pub fn percent_commit<D: Dispatch, F>(
    editor: &D,
    dom_id: String,
    label: String,
    edit: F,
) -> Callback<String>
where
    F: Fn(Percent) -> Edit + 'static,
{
    commit(editor, dom_id, label, move |text| {
        Percent::parse(text).map(&edit).map_err(|e| e.to_string())
    })
}

/// A name field's commit. Names are stored as typed (trimmed); an empty one is reported by
/// validation in the checklist rather than refused, so nothing typed is ever thrown away. A name
/// over the length limit is refused (the field keeps the text, with the message), because a
/// model holding it could not be opened again from a link or file.
pub fn name_commit<D: Dispatch, F>(
    editor: &D,
    dom_id: String,
    label: String,
    edit: F,
) -> Callback<String>
where
    F: Fn(String) -> Edit + 'static,
{
    commit(editor, dom_id, label, move |text| name_edit(text, &edit))
}

/// What `name_commit` does with typed text, apart from the UI: the edit, or why not.
pub fn name_edit(text: &str, edit: impl Fn(String) -> Edit) -> Result<Edit, String> {
    let name = text.trim();
    match limits::name_too_long(name) {
        Some(message) => Err(message),
        None => Ok(edit(name.to_string())),
    }
}

/// An amount as it appears in a money field beside its unit (`unit.symbol()`, "£" or "£000"):
/// "1,250,000.50" in pounds, "1,250" in £000 ([`entry_text`]: exact, so it reads back the same).
pub fn money_text(amount: Money, unit: MoneyUnit) -> AttrValue {
    AttrValue::from(entry_text(amount, unit))
}

/// A percentage as it appears in a field beside its `%` suffix: "5.66".
pub fn percent_text(percent: Percent) -> AttrValue {
    AttrValue::from(percent.as_decimal().normalize().to_string())
}

/// An optional amount read in `unit` as [`money_commit`] reads it: blank means none.
pub fn optional_money(text: &str, unit: MoneyUnit) -> Result<Option<Money>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Money::parse_entered(text, unit)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// A button's click handler that dispatches `action`.
pub fn on_click<D: Dispatch>(editor: &D, action: Action) -> Callback<MouseEvent> {
    let editor = editor.clone();
    Callback::from(move |_: MouseEvent| editor.send(action.clone()))
}

/// The browser tests' deliberate panic: with `pooled-budgets.test-panic` set to "render" in the
/// browser's storage, the component calling this panics as it draws, so the tests can see the
/// loader's message for a trap (docs/maintainers.md, "When the app panics"). Read once.
#[hook]
pub fn use_test_panic() {
    use crate::codec::library::TEST_PANIC_KEY;
    if *use_memo((), |_| {
        crate::platform::storage::read(TEST_PANIC_KEY)
            .ok()
            .flatten()
            .as_deref()
            == Some("render")
    }) {
        panic!("a deliberate panic for the browser tests ({TEST_PANIC_KEY} is set)");
    }
}
