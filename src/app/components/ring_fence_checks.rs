//! Whether each ring-fenced minimum is met, year by year, and by how much it falls short.
//! Met or not is said in words, never by colour alone.

use yew::prelude::*;

use super::money_cell::{money_cell, money_head, style_note};
use super::table_region::table_region;
use crate::app::bidi::name;
use crate::model::{MoneyStyle, Results};

/// A view function, not a component: the results panel draws it with the pools' tables when
/// the results change (issue #18).
pub fn ring_fence_checks(results: &Results, style: MoneyStyle) -> Html {
    if results.ring_fences.is_empty() {
        return html! {};
    }
    let pool_name = |id| {
        results
            .pools
            .iter()
            .find(|p| p.pool == id)
            .map_or("Unknown pool", |p| p.name.as_str())
    };
    html! {
        { table_region("Ring-fenced minimums", html! { <>
            <table class="pb-table">
                <caption class="pb-table__caption">{ "Ring-fenced minimums" }{ style_note(style) }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ "Minimum" }</th>
                        <th scope="col" class="pb-table__header">{ "Year" }</th>
                        { money_head(style, "Required") }
                        { money_head(style, "Planned") }
                        <th scope="col" class="pb-table__header">{ "Met?" }</th>
                        { money_head(style, "Shortfall") }
                    </tr>
                </thead>
                <tbody>
                    { for results.ring_fences.iter().map(|check| html! {
                        <tr class="pb-table__row">
                            <th scope="row" class="pb-table__header">{ name(pool_name(check.pool)) }{ format!(": {}", check.ring_fence.label()) }</th>
                            <td class="pb-table__cell">{ check.year.to_string() }</td>
                            { money_cell(check.required, style) }
                            { money_cell(check.planned, style) }
                            <td class="pb-table__cell">{ if check.met { "Met" } else { "Not met" } }</td>
                            { money_cell(check.shortfall, style) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </> }) }
    }
}
