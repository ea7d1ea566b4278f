//! The app inside a host page's iframe (`?embed=1`, or framed): no page header or footer, a
//! compact layout, and a link that opens the full app in a new tab. With a share link in the
//! address it shows that model read-only; without one, the modeller itself.
//!
//! [`Viewer`] is the same read-only view on its own page, `view.html`, built as its own, much
//! smaller wasm (`src/viewer.rs`): what a host embeds to show a shared model
//! (docs/embedding.md). It holds none of the modeller, so without a link it says so.

use yew::prelude::*;

use super::shared_model::SharedModel;
use super::workspace::Workspace;
use crate::app::fields::use_test_panic;
use crate::platform;

#[function_component(EmbedView)]
pub fn embed_view() -> Html {
    use_effect_with((), |_| platform::embed::start());
    let link = use_memo((), |_| platform::address::fragment());
    html! {
        <main class="pb-main pb-embed" id="main">
            { full_app_link(platform::address::base_address(), link.as_deref()) }
            if let Some(fragment) = &*link {
                <SharedModel fragment={fragment.clone()} />
            } else {
                <Workspace />
            }
        </main>
    }
}

/// `view.html`: a shared model, read-only, and nothing else (no modeller, no storage).
#[function_component(Viewer)]
pub fn viewer() -> Html {
    use_test_panic();
    use_effect_with((), |_| platform::embed::start());
    let link = use_memo((), |_| platform::address::fragment());
    let app = platform::address::app_address();
    html! {
        <main class="pb-main pb-embed" id="main">
            { full_app_link(app, link.as_deref()) }
            if let Some(fragment) = &*link {
                <SharedModel fragment={fragment.clone()} />
            } else {
                <h1>{ "There is no model to show" }</h1>
                <div class="pb-notice pb-notice--warning" role="alert">
                    <p>{ "This page shows a model shared by link, and its address has no link \
                          after the “#”. Ask whoever published this page to make a link with \
                          “Make a link to this model” in the modeller, and put it after \
                          view.html# in the address." }</p>
                </div>
            }
        </main>
    }
}

/// The link that opens the full app (`app`, the modeller's address) in a new tab, with the
/// shared model when there is one.
fn full_app_link(app: String, fragment: Option<&str>) -> Html {
    let (href, label) = match fragment {
        Some(fragment) => (
            format!("{app}#{fragment}"),
            "Open this model in the full app",
        ),
        None => (app, "Open the full app"),
    };
    html! {
        <p class="pb-embed__full-app">
            <a {href} target="_blank" rel="noopener">
                { label }
                <span class="pb-visually-hidden">{ " (opens in a new tab)" }</span>
            </a>
        </p>
    }
}
