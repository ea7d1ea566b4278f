//! One cell of the scheme grid: a labelled text input or select with spreadsheet keys. Arrow
//! keys move between cells (Left and Right only at the text's start or end while typing), typing
//! replaces the cell's text, Enter or F2 starts editing, Enter again keeps the text and moves
//! down, Escape puts the kept value back, Tab keeps it and moves right (the browser's own), and
//! Alt+Enter opens the row's details. What is typed is handed over on Enter or on leaving the
//! cell, like `TextField`; a block of cells pasted is handed to `on_paste_block`.

use yew::prelude::*;

use crate::app::components::changed_mark::{
    changed_mark, described_with_change, FieldChange, MarkSize,
};
use crate::app::components::field_label::{error_id, field_error};
use crate::platform::cells;

/// Where a key asks the grid to go from a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    Left,
    Right,
    /// The row's details (Alt+Enter).
    Details,
}

/// The step an arrow key (or Alt+Enter) asks for, whatever the cell is doing.
fn step_of(event: &KeyboardEvent) -> Option<Step> {
    match event.key().as_str() {
        "ArrowUp" => Some(Step::Up),
        "ArrowDown" => Some(Step::Down),
        "ArrowLeft" => Some(Step::Left),
        "ArrowRight" => Some(Step::Right),
        "Enter" if event.alt_key() => Some(Step::Details),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct GridInputProps {
    pub id: AttrValue,
    /// The accessible name: the column's heading and the scheme's name.
    pub label: AttrValue,
    /// The model's value, as text to edit.
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Amounts and percentages: right-aligned, a decimal keyboard on phones.
    #[prop_or_default]
    pub numeric: bool,
    pub on_commit: Callback<String>,
    /// Escape: the typed text is dropped, so is its error.
    pub on_cancel: Callback<()>,
    pub on_step: Callback<Step>,
    pub on_paste_block: Callback<String>,
    /// In a linked option, a cell set here rather than taken from the base: its words
    /// ("changed from base: £1,200,000.00 → £1,350,000.00"), shown by a marker and read out,
    /// and "Use base" to drop it.
    #[prop_or_default]
    pub changed: Option<FieldChange>,
}

#[function_component(GridInput)]
pub fn grid_input(props: &GridInputProps) -> Html {
    let text = use_state(|| props.value.to_string());
    {
        let text = text.clone();
        use_effect_with(props.value.clone(), move |value| {
            text.set(value.to_string())
        });
    }
    // Whether the person is typing in the cell (Left and Right then move the caret), as opposed
    // to having arrived in it. Not state: changing it draws nothing.
    let editing_flag = use_mut_ref(|| false);
    let commit_if_changed = {
        let (value, error, on_commit) = (
            props.value.clone(),
            props.error.is_some(),
            props.on_commit.clone(),
        );
        move |typed: &str| {
            if typed != value.as_str() || error {
                on_commit.emit(typed.to_string());
            }
        }
    };
    let on_input = {
        let (text, editing) = (text.clone(), editing_flag.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                *editing.borrow_mut() = true;
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
    let on_keydown = {
        let (text, editing) = (text.clone(), editing_flag.clone());
        let (value, on_step, on_cancel) = (
            props.value.clone(),
            props.on_step.clone(),
            props.on_cancel.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let typing = *editing.borrow();
            let key = e.key();
            match step_of(&e) {
                Some(step @ (Step::Left | Step::Right)) if typing => {
                    let (at_start, at_end) = cells::caret_at_edges(&e);
                    if (step == Step::Left && at_start) || (step == Step::Right && at_end) {
                        e.prevent_default();
                        on_step.emit(step);
                    }
                }
                Some(step) => {
                    e.prevent_default();
                    on_step.emit(step);
                }
                None if key == "Enter" && typing => {
                    e.prevent_default();
                    *editing.borrow_mut() = false;
                    commit_if_changed(&text);
                    on_step.emit(Step::Down);
                }
                None if key == "Enter" || key == "F2" => {
                    e.prevent_default();
                    *editing.borrow_mut() = true;
                    cells::caret_to_end(&e);
                }
                None if key == "Escape" && (typing || *text != value.as_str()) => {
                    e.prevent_default();
                    e.stop_propagation();
                    *editing.borrow_mut() = false;
                    cells::restore_text(&e, &value);
                    text.set(value.to_string());
                    on_cancel.emit(());
                }
                None => {}
            }
        })
    };
    let on_focus = {
        let editing = editing_flag.clone();
        Callback::from(move |_: FocusEvent| *editing.borrow_mut() = false)
    };
    // A click puts the caret where the person clicked: that is editing.
    let on_click = {
        let editing = editing_flag.clone();
        Callback::from(move |_: MouseEvent| *editing.borrow_mut() = true)
    };
    let on_paste = {
        let on_paste_block = props.on_paste_block.clone();
        Callback::from(move |e: Event| {
            if let Some(block) = cells::pasted_block(&e) {
                on_paste_block.emit(block);
            }
        })
    };
    let class = classes!(
        "pb-grid__input",
        props.numeric.then_some("pb-grid__input--numeric"),
        props.error.is_some().then_some("pb-grid__input--error"),
        props.changed.is_some().then_some("pb-grid__input--changed"),
    );
    let described_by = described_with_change(
        props.error.is_some().then(|| error_id(&props.id)),
        &props.id,
        props.changed.as_ref(),
    );
    html! {
        <>
            <input
                {class}
                id={props.id.clone()}
                type="text"
                spellcheck="false"
                autocomplete="off"
                inputmode={props.numeric.then_some("decimal")}
                aria-label={props.label.clone()}
                aria-describedby={described_by}
                aria-invalid={props.error.is_some().then_some("true")}
                title={props.changed.as_ref().map(|c| c.text.clone())}
                value={(*text).clone()}
                data-committed={props.value.clone()}
                oninput={on_input}
                onchange={on_change}
                onkeydown={on_keydown}
                onfocus={on_focus}
                onclick={on_click}
                onpaste={on_paste}
            />
            if let Some(change) = &props.changed {
                { changed_mark(&props.id, &props.label, change, MarkSize::Cell) }
            }
            if let Some(error) = &props.error {
                { field_error(&props.id, error) }
            }
        </>
    }
}

/// A select cell. Arrow keys move between cells (Alt+Down, Space or typing a letter choose),
/// so moving along a row never changes a value by accident.
#[allow(clippy::too_many_arguments)]
pub fn grid_select(
    id: String,
    label: String,
    options: &[(String, String)],
    selected: &str,
    missing_label: Option<String>,
    error: Option<AttrValue>,
    changed: Option<FieldChange>,
    on_change: Callback<String>,
    on_step: Callback<Step>,
    on_paste_block: Callback<String>,
) -> Html {
    let on_change = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            on_change.emit(select.value());
        }
    });
    let on_keydown = Callback::from(move |e: KeyboardEvent| {
        if e.alt_key() && e.key() == "ArrowDown" {
            return;
        }
        if let Some(step) = step_of(&e) {
            e.prevent_default();
            on_step.emit(step);
        }
    });
    let on_paste = Callback::from(move |e: Event| {
        if let Some(block) = cells::pasted_block(&e) {
            on_paste_block.emit(block);
        }
    });
    let held = options.iter().any(|(value, _)| value == selected);
    let class = classes!(
        "pb-grid__select",
        error.is_some().then_some("pb-grid__input--error")
    );
    html! {
        <>
            <select {class} id={id.clone()} aria-label={label.clone()}
                aria-describedby={described_with_change(error.is_some().then(|| error_id(&id)), &id, changed.as_ref())}
                aria-invalid={error.is_some().then_some("true")}
                onchange={on_change} onkeydown={on_keydown} onpaste={on_paste}>
                if !held {
                    <option value={selected.to_string()} selected=true>
                        { missing_label.unwrap_or_else(|| format!("Not one of these ({selected})")) }
                    </option>
                }
                { for options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={selected == value}>{ label }</option>
                }) }
            </select>
            if let Some(change) = changed {
                { changed_mark(&id, &label, &change, MarkSize::Cell) }
            }
            if let Some(error) = &error {
                { field_error(&id, error) }
            }
        </>
    }
}
