//! A labelled text input in the GOV.UK pattern: label above, optional hint, the error beside
//! the field, and an optional `£` prefix or `%` suffix shown next to it. Used for names, money
//! and percentages alike — never `type="number"`.
//!
//! What the person types is kept in the field until they leave it or press Enter (the change
//! event); only then is it handed to `on_commit`, which parses it and either updates the model
//! or records an error. The field shows the model's value again whenever that value changes
//! (after a valid commit, an undo, or a template), so it never shows stale text.

use yew::prelude::*;

use super::changed_mark::{changed_mark, described_with_change, FieldChange, MarkSize};
use super::field_label::{described_by, field_error, field_label};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldWidth {
    /// Names: fills its column.
    #[default]
    Full,
    /// Money: about 14 characters.
    Amount,
    /// Percentages: about 6 characters.
    Short,
}

impl FieldWidth {
    fn class(self) -> &'static str {
        match self {
            FieldWidth::Full => "pb-input",
            FieldWidth::Amount => "pb-input pb-input--amount",
            FieldWidth::Short => "pb-input pb-input--short",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The model's current value, as text to edit.
    pub value: AttrValue,
    #[prop_or_default]
    pub prefix: Option<AttrValue>,
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// The error to show beside the field (the same words as in the error summary).
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub width: FieldWidth,
    /// `inputmode` for on-screen keyboards: "decimal" for amounts.
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    pub on_commit: Callback<String>,
    /// In a linked option, what it changes here: shown and read with the field, with "Use the
    /// base's value".
    #[prop_or_default]
    pub changed: Option<FieldChange>,
}

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let text = use_state(|| props.value.to_string());
    {
        let text = text.clone();
        use_effect_with(props.value.clone(), move |value| {
            text.set(value.to_string())
        });
    }
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                text.set(input.value());
            }
        })
    };
    let on_change = {
        let on_commit = props.on_commit.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                on_commit.emit(input.value());
            }
        })
    };
    let described_by = described_with_change(
        described_by(&props.id, props.hint.is_some(), props.error.is_some()),
        &props.id,
        props.changed.as_ref(),
    );
    let group_class = if props.error.is_some() {
        "pb-field pb-field--error"
    } else {
        "pb-field"
    };
    let input_class = if props.error.is_some() {
        format!("{} pb-input--error", props.width.class())
    } else {
        props.width.class().to_string()
    };
    html! {
        <div class={group_class}>
            { field_label(&props.id, &props.label, props.hint.as_ref()) }
            if let Some(error) = &props.error {
                { field_error(&props.id, error) }
            }
            <div class="pb-field__wrapper">
                if let Some(prefix) = &props.prefix {
                    <span class="pb-field__prefix" aria-hidden="true">{ prefix }</span>
                }
                <input
                    class={input_class}
                    id={props.id.clone()}
                    type="text"
                    spellcheck="false"
                    autocomplete="off"
                    inputmode={props.inputmode.clone()}
                    aria-describedby={described_by}
                    aria-invalid={props.error.is_some().then_some("true")}
                    value={(*text).clone()}
                    data-committed={props.value.clone()}
                    oninput={on_input}
                    onchange={on_change}
                />
                if let Some(suffix) = &props.suffix {
                    <span class="pb-field__suffix" aria-hidden="true">{ suffix }</span>
                }
            </div>
            if let Some(change) = &props.changed {
                { changed_mark(&props.id, &props.label, change, MarkSize::Field) }
            }
        </div>
    }
}
