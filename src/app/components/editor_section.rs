//! One part of the editor: a heading, a line saying what it holds, its items, and the button
//! that adds another.

use yew::prelude::*;

use crate::app::fields::{on_click, EditorDispatcher};
use crate::app::state::Action;
use crate::model::edit::Edit;

/// What a section says and the item its button adds. A view function, not a component: its
/// holders draw it again only when their items change, and a component would compare every
/// card it holds first (and cost its own copy of Yew's lifecycle code, issue #18).
pub struct Section<'a> {
    /// Prefix of the heading's id: "partners" gives "partners-heading".
    pub id: &'static str,
    pub title: &'static str,
    pub lede: &'static str,
    pub editor: &'a EditorDispatcher,
    /// The button that adds an item: its words and the edit it makes.
    pub add_label: &'static str,
    pub add: Edit,
}

/// The section with its `items`, and `after` after the add button (the contributions grid).
pub fn editor_section(section: Section<'_>, items: Html, after: Html) -> Html {
    let heading_id = format!("{}-heading", section.id);
    html! {
        <section class="pb-section" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id} class="pb-section__title">{ section.title }</h2>
            <p class="pb-section__lede">{ section.lede }</p>
            { items }
            <button type="button" class="pb-button pb-button--secondary"
                onclick={on_click(section.editor, Action::Edit(section.add))}>{ section.add_label }</button>
            { after }
        </section>
    }
}
