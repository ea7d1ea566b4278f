//! Money in tables, in the model's one [`MoneyStyle`]: a right-aligned cell, a column head
//! with the unit ("Net cost (£000)"), the caption's note on the unit and negatives, and the
//! footnote a total needs when its rounded parts do not add up to it.

use yew::prelude::*;

use crate::model::{Money, MoneyStyle};

/// A right-aligned cell with `amount` in `style`. A view function, not a component: tables
/// hold many, and a component costs wasm and time at every first draw.
pub fn money_cell(amount: Money, style: MoneyStyle) -> Html {
    html! {
        <td class="pb-table__cell pb-table__cell--numeric">{ style.figure(amount) }</td>
    }
}

/// A numeric column's head with the unit: "Net cost (£000)".
pub fn money_head(style: MoneyStyle, label: &str) -> Html {
    html! {
        <th scope="col" class="pb-table__header pb-table__header--numeric">{ style.head(label) }</th>
    }
}

/// The caption's second line: the unit and how negatives are shown.
pub fn style_note(style: MoneyStyle) -> Html {
    html! { <span class="pb-table__caption-note">{ style.note() }</span> }
}

/// Under a table: one rounding footnote for the columns whose rounded parts do not add up to
/// their total (`columns` pairs a column's name with its parts and total), or nothing.
pub fn rounding_footnote(style: MoneyStyle, columns: &[(&str, Vec<Money>, Money)]) -> Html {
    match style.rounding_note(columns) {
        Some(note) => html! {
            <div class="pb-table__footnote"><p class="pb-note">{ note }</p></div>
        },
        None => html! {},
    }
}
