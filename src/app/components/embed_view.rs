//! The app inside a host page's iframe (`?embed=1`, or framed): no page header or footer, a
//! compact layout, and a link that opens the full app in a new tab. With a share link in the
//! address it shows that model read-only; without one, the modeller itself.

use yew::prelude::*;

use super::shared_model::SharedModel;
use super::workspace::Workspace;
use crate::platform;

#[function_component(EmbedView)]
pub fn embed_view() -> Html {
    use_effect_with((), |_| platform::embed::start());
    let link = use_memo((), |_| platform::address::fragment());
    let full_app = match &*link {
        Some(fragment) => format!("{}#{fragment}", platform::address::base_address()),
        None => platform::address::base_address(),
    };
    let full_app_label = if link.is_some() {
        "Open this model in the full app"
    } else {
        "Open the full app"
    };
    html! {
        <main class="pb-main pb-embed" id="main">
            <p class="pb-embed__full-app">
                <a href={full_app} target="_blank" rel="noopener">
                    { full_app_label }
                    <span class="pb-visually-hidden">{ " (opens in a new tab)" }</span>
                </a>
            </p>
            if let Some(fragment) = &*link {
                <SharedModel fragment={fragment.clone()} />
            } else {
                <Workspace />
            }
        </main>
    }
}
