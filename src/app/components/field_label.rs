//! A field's label and optional hint, shared by every kind of field. The hint's id is
//! `<field id>-hint`, for the field's `aria-describedby`.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldLabelProps {
    /// The id of the field the label is for.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

#[function_component(FieldLabel)]
pub fn field_label(props: &FieldLabelProps) -> Html {
    html! {
        <>
            <label class="pb-field__label" for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <div class="pb-field__hint" id={hint_id(&props.id)}>{ hint }</div>
            }
        </>
    }
}

pub fn hint_id(field_id: &str) -> String {
    format!("{field_id}-hint")
}
