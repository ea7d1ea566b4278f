//! Names inside the app's own words, isolated for bidirectional text (see `model::user_text`):
//! a name is shown in a `<bdi>`, which takes its direction from its own text and cannot reorder
//! the words around it.

use yew::prelude::*;

use crate::model::user_text::isolated_parts;

/// A name, isolated.
pub fn name(text: &str) -> Html {
    html! { <bdi class="pb-name">{ text }</bdi> }
}

/// A sentence built as text, each name marked by `model::user_text::isolate` shown as a `<bdi>`.
pub fn message(text: &str) -> Html {
    isolated_parts(text)
        .into_iter()
        .map(|(is_name, part)| {
            if is_name {
                name(part)
            } else {
                html! { { part } }
            }
        })
        .collect()
}
