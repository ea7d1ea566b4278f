//! A wide table's scrolling box. It can take keyboard focus so people who do not use a mouse
//! can scroll it too, and it is a named region so screen readers announce what it holds.

use yew::prelude::*;

#[derive(Properties)]
pub struct TableRegionProps {
    /// What the table shows; usually its caption.
    pub label: AttrValue,
    pub children: Html,
}

/// Never equal: a table is drawn again whenever the component holding it is, which (with narrow
/// props) is when its figures changed. Comparing the old and new tables first would walk a
/// 200-line table twice per edit, once to find the difference and once to draw it.
impl PartialEq for TableRegionProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

#[function_component(TableRegion)]
pub fn table_region(props: &TableRegionProps) -> Html {
    html! {
        <div class="pb-table-wrap" role="region" aria-label={props.label.clone()} tabindex="0">
            { props.children.clone() }
        </div>
    }
}
