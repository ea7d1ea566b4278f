//! The one marker beside a field or grid cell that a linked option sets itself (issue #15): a ◆
//! and the words "changed from base: £1,200,000.00 → £1,350,000.00" (never colour alone), read
//! with the field through its `aria-describedby`, and a "Use the base's value" button named for
//! the field it resets (by hidden words inside it, not `aria-label`, so the button is never
//! taken for the field's own label). Text fields, selects, risk-share rules, grid cells and the "Changes in
//! this option" panel all draw it from here.

use yew::prelude::*;

use crate::app::fields::Dispatcher;
use crate::app::state::Action;
use crate::model::edit::ModelEdit;
use crate::model::linked::Override;
use crate::model::ScenarioId;

/// What a linked option changes in one field: the override, its words, and who can drop it.
#[derive(Clone, PartialEq)]
pub struct FieldChange {
    pub option: ScenarioId,
    pub what: Override,
    /// "changed from base: … → …", or what the override is about when no value differs.
    pub text: AttrValue,
    pub dispatcher: Dispatcher,
}

impl FieldChange {
    /// This change's "Use the base's value": drops the override (undoable like any edit).
    pub fn use_base(&self) -> Callback<MouseEvent> {
        let (dispatcher, option, what) = (self.dispatcher.clone(), self.option, self.what.clone());
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::Options(ModelEdit::UseBase(option, what.clone())))
        })
    }
}

/// The id of the marker beside the field with DOM id `field_id`, for its `aria-describedby`.
pub fn changed_id(field_id: &str) -> String {
    format!("{field_id}-changed")
}

/// `aria-describedby` for a field with this hint and error, and this change marker, if any.
pub fn described_with_change(
    described: Option<String>,
    field_id: &str,
    change: Option<&FieldChange>,
) -> Option<String> {
    match (described, change) {
        (Some(ids), Some(_)) => Some(format!("{ids} {}", changed_id(field_id))),
        (None, Some(_)) => Some(changed_id(field_id)),
        (ids, None) => ids,
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MarkSize {
    /// Under a field: the words shown in full, and the button in words.
    #[default]
    Field,
    /// In a grid cell: "◆ changed" shown, the words read out (and in the tooltip), and a short
    /// "Use base" button.
    Cell,
}

/// The marker beside the field with DOM id `field_id`; `field` is the field's name, for the
/// button's name ("Use the base's value for Host"). A view function, not a component: the
/// fields and cells that draw it are components already (issue #18).
pub fn changed_mark(field_id: &str, field: &str, change: &FieldChange, size: MarkSize) -> Html {
    let id = changed_id(field_id);
    let text = &change.text;
    let onclick = change.use_base();
    let field = field.to_string();
    match size {
        MarkSize::Field => html! {
            <div class="pb-changed">
                <p class="pb-changed__text" id={id}>
                    <span class="pb-changed-mark" aria-hidden="true">{ "◆ " }</span>
                    { text.clone() }
                </p>
                <button type="button" class="pb-button pb-button--secondary pb-button--small" {onclick}>
                    { "Use the base's value" }
                    <span class="pb-visually-hidden">{ " for " }{ field }</span>
                </button>
            </div>
        },
        MarkSize::Cell => html! {
            <span class="pb-grid__changed">
                <span id={id}>
                    <span aria-hidden="true">{ "◆ changed" }</span>
                    <span class="pb-visually-hidden">{ text.clone() }</span>
                </span>
                <button type="button" class="pb-button pb-button--secondary pb-grid__use-base"
                    title={text.clone()} {onclick}>
                    { "Use base" }
                    <span class="pb-visually-hidden">{ " value for " }{ field }</span>
                </button>
            </span>
        },
    }
}

/// After a card's title, when a linked option sets any of its fields: " (◆ changed from base)",
/// so a changed card is found without reading every field.
pub fn legend_mark(changed: bool) -> Html {
    if changed {
        html! { { " (◆ changed from base)" } }
    } else {
        html! {}
    }
}
