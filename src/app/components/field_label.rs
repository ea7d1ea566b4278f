//! A field's label, optional hint and error, shared by every kind of field. The hint's id is
//! `<field id>-hint` and the error's `<field id>-error`, for the field's `aria-describedby`.

use yew::prelude::*;

use crate::app::bidi::message;

/// The label for the field with DOM id `id`, and its hint if any. A view function, not a
/// component: the fields that draw it are components already (issue #18).
pub fn field_label(id: &AttrValue, label: &str, hint: Option<&AttrValue>) -> Html {
    html! {
        <>
            <label class="pb-field__label" for={id.clone()}>{ message(label) }</label>
            if let Some(hint) = hint {
                <div class="pb-field__hint" id={hint_id(id)}>{ hint.clone() }</div>
            }
        </>
    }
}

pub fn hint_id(field_id: &str) -> String {
    format!("{field_id}-hint")
}

pub fn error_id(field_id: &str) -> String {
    format!("{field_id}-error")
}

/// The error shown beside a field (the same words as in the error summary or checklist).
pub fn field_error(field_id: &str, error: &str) -> Html {
    html! {
        <p class="pb-field__error" id={error_id(field_id)}>
            <span class="pb-visually-hidden">{ "Error: " }</span>{ message(error) }
        </p>
    }
}

/// `aria-describedby` for a field with this hint and error, if either.
pub fn described_by(field_id: &str, hint: bool, error: bool) -> Option<String> {
    let ids = [
        hint.then(|| hint_id(field_id)),
        error.then(|| error_id(field_id)),
    ];
    let ids: Vec<String> = ids.into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}
