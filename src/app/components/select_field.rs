//! A labelled drop-down list. Options are (value, label) pairs; the value is what
//! `on_change` receives.

use yew::prelude::*;

use super::field_label::{hint_id, FieldLabel};

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub options: Vec<(String, String)>,
    pub selected: AttrValue,
    pub on_change: Callback<String>,
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
    let hint_id = hint_id(&props.id);
    html! {
        <div class="pb-field">
            <FieldLabel id={props.id.clone()} label={props.label.clone()} hint={props.hint.clone()} />
            <select
                class="pb-select"
                id={props.id.clone()}
                aria-describedby={props.hint.as_ref().map(|_| hint_id.clone())}
                onchange={on_change}
            >
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={props.selected.as_str() == value}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
