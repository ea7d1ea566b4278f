//! "Changes in this option": what a linked option changes in its base (issue #15), each in
//! words with "Use the base's value" to drop it, so a person sees at once what is this
//! option's own and what follows the base.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::bidi::name;
use crate::app::fields::{Dispatcher, EditorDispatcher};
use crate::app::state::Action;
use crate::model::edit::ModelEdit;
use crate::model::linked::{ItemRef, Override};
use crate::model::{describe_overrides, Model, ScenarioId};

#[derive(Properties, PartialEq)]
pub struct ChangesPanelProps {
    pub dispatcher: Dispatcher,
    pub option: ScenarioId,
    pub base_name: AttrValue,
    /// Each override and its sentence.
    pub changes: Rc<Vec<(Override, String)>>,
}

/// The panel for the open option of `model`, or nothing when it is independent.
pub fn linked_changes(model: &Model, open: ScenarioId, dispatcher: &Dispatcher) -> Html {
    let Some(option) = model.scenario(open) else {
        return html! {};
    };
    let Some(link) = &option.link else {
        return html! {};
    };
    let Some(base) = model.scenario(link.based_on) else {
        return html! {};
    };
    let changes = Rc::new(describe_overrides(base, option));
    html! {
        <ChangesPanel dispatcher={dispatcher.clone()} option={open}
            base_name={AttrValue::from(base.name.clone())} {changes} />
    }
}

#[function_component(ChangesPanel)]
pub fn changes_panel(props: &ChangesPanelProps) -> Html {
    let count = props.changes.len();
    let summary = match count {
        0 => "It changes nothing yet: every figure follows its base. Change a figure here to set this option's own.".to_string(),
        1 => "It changes one thing; everything else follows its base.".to_string(),
        n => format!("It changes {n} things; everything else follows its base."),
    };
    let option = props.option;
    html! {
        <section class="pb-section pb-changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading" class="pb-section__title">{ "Changes in this option" }</h2>
            <p class="pb-section__lede">
                { "Based on ‘" }{ name(&props.base_name) }{ "’. " }{ summary }
                { " What it changes is marked ◆ in the schemes grid and on the cards." }
            </p>
            if count > 0 {
                <ul class="pb-changes__list">
                    { for props.changes.iter().enumerate().map(|(at, (what, text))| {
                        let text_id = format!("change-{at}");
                        html! {
                            <li class="pb-changes__item" key={at}>
                                <span id={text_id.clone()}>
                                    <span class="pb-changed-mark" aria-hidden="true">{ "◆ " }</span>
                                    { text.clone() }
                                </span>
                                <button type="button" class="pb-button pb-button--secondary pb-button--small"
                                    aria-describedby={text_id}
                                    onclick={use_base(&props.dispatcher, option, what)}>
                                    { "Use the base's value" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

fn use_base(dispatcher: &Dispatcher, option: ScenarioId, what: &Override) -> Callback<MouseEvent> {
    let (dispatcher, what) = (dispatcher.clone(), what.clone());
    Callback::from(move |_: MouseEvent| {
        dispatcher.dispatch(Action::Options(ModelEdit::UseBase(option, what.clone())))
    })
}

/// Overrides with their sentences.
pub type Notes = Rc<Vec<(Override, String)>>;

/// What a linked option changes in one item (a pool, a contribution…), shown in that item's
/// card: each change in words, marked, with "Use the base's value".
#[derive(Properties, PartialEq)]
pub struct ChangedNotesProps {
    pub dispatcher: EditorDispatcher,
    pub option: ScenarioId,
    pub notes: Rc<Vec<(Override, String)>>,
}

#[function_component(ChangedNotes)]
pub fn changed_notes(props: &ChangedNotesProps) -> Html {
    let option = props.option;
    html! {
        <ul class="pb-changes__list pb-changed-notes">
            { for props.notes.iter().enumerate().map(|(at, (what, text))| {
                let (dispatcher, what) = (props.dispatcher.clone(), what.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    dispatcher.dispatch(Action::Options(ModelEdit::UseBase(option, what.clone())))
                });
                html! {
                    <li class="pb-changes__item" key={at}>
                        <span>
                            <span class="pb-changed-mark" aria-hidden="true">{ "◆ " }</span>
                            { "Changed from base: " }{ text.clone() }
                        </span>
                        <button type="button" class="pb-button pb-button--secondary pb-button--small"
                            aria-label={format!("Use the base's value: {text}")} {onclick}>
                            { "Use the base's value" }
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// The open option's overrides, in words, by the item they are about (none if independent).
pub fn notes_by_item(model: &Model, open: ScenarioId) -> Vec<(ItemRef, Notes)> {
    let Some(option) = model.scenario(open) else {
        return Vec::new();
    };
    let Some(base) = option
        .link
        .as_ref()
        .and_then(|l| model.scenario(l.based_on))
    else {
        return Vec::new();
    };
    let mut by_item: Vec<(ItemRef, Vec<(Override, String)>)> = Vec::new();
    for (what, text) in describe_overrides(base, option) {
        let item = match &what {
            Override::Field(item, _) => *item,
            _ => continue,
        };
        match by_item.iter_mut().find(|(i, _)| *i == item) {
            Some((_, notes)) => notes.push((what, text)),
            None => by_item.push((item, vec![(what, text)])),
        }
    }
    by_item
        .into_iter()
        .map(|(item, notes)| (item, Rc::new(notes)))
        .collect()
}
