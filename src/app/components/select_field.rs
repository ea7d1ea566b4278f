//! A labelled drop-down list. Options are (value, label) pairs; the value is what
//! `on_change` receives. A value the list does not hold (a contribution paid by a partner that
//! is not in the model) is shown as it is, selected, under `missing_label`, never silently as
//! the first option; the error beside the field says what is wrong.

use yew::prelude::*;

use super::changed_mark::{changed_mark, described_with_change, FieldChange, MarkSize};
use super::field_label::{described_by, field_error, field_label};

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub options: Vec<(String, String)>,
    pub selected: AttrValue,
    /// What to call `selected` when it is not one of `options`: "Missing partner (id 99)".
    #[prop_or_default]
    pub missing_label: Option<AttrValue>,
    /// The error shown beside the field: validation's words about its value.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub on_change: Callback<String>,
    /// In a linked option, what it changes here: shown and read with the field, with "Use the
    /// base's value".
    #[prop_or_default]
    pub changed: Option<FieldChange>,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let on_change = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                on_change.emit(select.value());
            }
        })
    };
    // Once a person has chosen in a select, browsers stop following the options' `selected`
    // attributes, so another value from the model (another option opened, an undo, a linked
    // option following its base) would not show: the select's value is set after each draw.
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.selected.clone(), move |selected| {
            if let Some(select) = node.cast::<web_sys::HtmlSelectElement>() {
                if select.value() != selected.as_str() {
                    select.set_value(selected);
                }
            }
        });
    }
    let selected = props.selected.as_str();
    let held = props.options.iter().any(|(value, _)| value == selected);
    let missing_label = props
        .missing_label
        .clone()
        .unwrap_or_else(|| AttrValue::from(format!("Not one of these ({selected})")));
    let (group_class, select_class) = match props.error {
        Some(_) => ("pb-field pb-field--error", "pb-select pb-select--error"),
        None => ("pb-field", "pb-select"),
    };
    html! {
        <div class={group_class}>
            { field_label(&props.id, &props.label, props.hint.as_ref()) }
            if let Some(error) = &props.error {
                { field_error(&props.id, error) }
            }
            <select
                ref={node}
                class={select_class}
                id={props.id.clone()}
                aria-describedby={described_with_change(
                    described_by(&props.id, props.hint.is_some(), props.error.is_some()),
                    &props.id,
                    props.changed.as_ref(),
                )}
                aria-invalid={props.error.is_some().then_some("true")}
                onchange={on_change}
            >
                if !held {
                    <option value={props.selected.clone()} selected=true>{ missing_label }</option>
                }
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={selected == value}>{ label }</option>
                }) }
            </select>
            if let Some(change) = &props.changed {
                { changed_mark(&props.id, &props.label, change, MarkSize::Field) }
            }
        </div>
    }
}
