//! A labelled drop-down list. Options are (value, label) pairs; the value is what
//! `on_change` receives.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub label_hidden: bool,
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
    let hint_id = format!("{}-hint", props.id);
    let label_class = if props.label_hidden {
        "pb-field__label pb-visually-hidden"
    } else {
        "pb-field__label"
    };
    html! {
        <div class="pb-field">
            <label class={label_class} for={props.id.clone()}>{ &props.label }</label>
            if let Some(hint) = &props.hint {
                <div class="pb-field__hint" id={hint_id.clone()}>{ hint }</div>
            }
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
