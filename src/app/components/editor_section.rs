//! One part of the editor: a heading, a line saying what it holds, its items, and the button
//! that adds another.

use yew::prelude::*;

use crate::app::fields::{on_click, EditorDispatcher};
use crate::app::state::Action;
use crate::model::edit::Edit;

#[derive(Properties, PartialEq)]
pub struct EditorSectionProps {
    /// Prefix of the heading's id: "partners" gives "partners-heading".
    pub id: AttrValue,
    pub title: AttrValue,
    pub lede: AttrValue,
    pub editor: EditorDispatcher,
    /// The button that adds an item: its words and the edit it makes.
    pub add_label: AttrValue,
    pub add: Edit,
    /// Shown after the add button (the contributions grid).
    #[prop_or_default]
    pub after: Html,
    pub children: Html,
}

#[function_component(EditorSection)]
pub fn editor_section(props: &EditorSectionProps) -> Html {
    let heading_id = format!("{}-heading", props.id);
    html! {
        <section class="pb-section" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pb-section__title">{ &props.title }</h2>
            <p class="pb-section__lede">{ &props.lede }</p>
            { props.children.clone() }
            <button type="button" class="pb-button pb-button--secondary"
                onclick={on_click(&props.editor, Action::Edit(props.add.clone()))}>{ &props.add_label }</button>
            { props.after.clone() }
        </section>
    }
}
