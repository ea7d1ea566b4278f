//! Turning what someone typed into a model change, in one place: parse the text; if it is
//! valid, clear the field's error and apply the edit; if not, record the error (the model keeps
//! its last valid value and keeps computing). Also the field ids shared with `validate`.

use yew::prelude::*;

use super::state::{Action, EditorState, FieldError};
use crate::model::edit::Edit;
use crate::model::{
    format_money, limits, validate_scenario, FieldPath, Money, MoneyStyle, Percent,
};

pub type Editor = UseReducerHandle<EditorState>;

/// The reducer's dispatcher: compared by pointer and the same on every render, so a component
/// given it (and not the whole `Editor`) re-renders only when its own data changes.
pub type Dispatcher = UseReducerDispatcher<EditorState>;

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
    problem_at(editor, path).or_else(|| {
        Some(AttrValue::from(format!(
            "The {kind} chosen here is not one of the {kind}s"
        )))
    })
}

/// What a select shows for an item the model does not hold: "Missing partner (id 99)".
pub fn missing_label(kind: &str, id: u32) -> AttrValue {
    AttrValue::from(format!("Missing {kind} (id {id})"))
}

/// A commit callback for any field: `parse` turns text into an edit or a message that
/// completes the sentence "<label> …".
pub fn commit<F>(editor: &Editor, dom_id: String, label: String, parse: F) -> Callback<String>
where
    F: Fn(&str) -> Result<Edit, String> + 'static,
{
    commit_action(editor, dom_id, label, move |text| {
        parse(text).map(Action::Edit)
    })
}

/// Like `commit`, for fields that change something other than the open scenario.
pub fn commit_action<F>(
    editor: &Editor,
    dom_id: String,
    label: String,
    parse: F,
) -> Callback<String>
where
    F: Fn(&str) -> Result<Action, String> + 'static,
{
    dispatch_commit(&editor.dispatcher(), dom_id, label, parse)
}

/// `commit_action` for a component that holds only the dispatcher.
pub fn dispatch_commit<F>(
    dispatcher: &Dispatcher,
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
            dispatcher.dispatch(Action::FieldValid(dom_id.clone()));
            dispatcher.dispatch(action);
        }
        Err(message) => dispatcher.dispatch(Action::FieldInvalid(FieldError {
            field: dom_id.clone(),
            label: label.clone(),
            message,
        })),
    })
}

/// A money field's commit: accepts "£1,250,000.50", "1250000", "(220)" and "−220".
pub fn money_commit<F>(editor: &Editor, dom_id: String, label: String, edit: F) -> Callback<String>
where
    F: Fn(Money) -> Edit + 'static,
{
    commit(editor, dom_id, label, move |text| {
        Money::parse(text).map(&edit).map_err(|e| e.to_string())
    })
}

/// A percentage field's commit: accepts "5.66", "5.66%" and "−1.5".
pub fn percent_commit<F>(
    editor: &Editor,
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
pub fn name_commit<F>(editor: &Editor, dom_id: String, label: String, edit: F) -> Callback<String>
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

/// An amount as it appears in a money field beside its `£` prefix: "1,250,000.50".
pub fn money_text(amount: Money) -> AttrValue {
    AttrValue::from(format_money(amount, MoneyStyle::EXACT).replacen('£', "", 1))
}

/// A percentage as it appears in a field beside its `%` suffix: "5.66".
pub fn percent_text(percent: Percent) -> AttrValue {
    AttrValue::from(percent.as_decimal().normalize().to_string())
}

/// An optional amount: blank means none.
pub fn optional_money(text: &str) -> Result<Option<Money>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Money::parse(text).map(Some).map_err(|e| e.to_string())
}

/// A button's click handler that dispatches `action`.
pub fn on_click(editor: &Editor, action: Action) -> Callback<MouseEvent> {
    let editor = editor.clone();
    Callback::from(move |_: MouseEvent| editor.dispatch(action.clone()))
}
