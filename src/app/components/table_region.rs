//! A wide table's scrolling box. It can take keyboard focus so people who do not use a mouse
//! can scroll it too, and it is a named region so screen readers announce what it holds.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TableRegionProps {
    /// What the table shows; usually its caption.
    pub label: AttrValue,
    pub children: Html,
}

#[function_component(TableRegion)]
pub fn table_region(props: &TableRegionProps) -> Html {
    html! {
        <div class="pb-table-wrap" role="region" aria-label={props.label.clone()} tabindex="0">
            { props.children.clone() }
        </div>
    }
}
