//! A wide table's scrolling box. It can take keyboard focus so people who do not use a mouse
//! can scroll it too, and it is a named region so screen readers announce what it holds.

use yew::prelude::*;

/// `table` in its scrolling box, named `label` (usually the table's caption). A view function,
/// not a component: it was drawn again whenever its holder was, so a component only cost wasm.
pub fn table_region(label: impl Into<AttrValue>, table: Html) -> Html {
    html! {
        <div class="pb-table-wrap" role="region" aria-label={label.into()} tabindex="0">
            { table }
        </div>
    }
}
