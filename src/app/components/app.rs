//! The app: the page chrome around one of three pages (the modeller, help, the accessibility
//! statement). The modeller itself is `workspace.rs`.

use yew::prelude::*;

use super::accessibility_page::accessibility_page;
use super::embed_view::EmbedView;
use super::help_page::help_page;
use super::page_footer::page_footer;
use super::page_header::page_header;
use super::workspace::Workspace;
use crate::platform;

#[function_component(App)]
pub fn app() -> Html {
    // Inside a host page's iframe: no page chrome (src/app/components/embed_view.rs).
    if *use_memo((), |_| platform::embed::requested()) {
        return html! { <EmbedView /> };
    }
    let page = use_memo((), |_| platform::requested_page());
    let content = match page.as_deref() {
        Some("help") => help_page(),
        Some("accessibility") => accessibility_page(),
        // `?page=recovery` opens the recovery page on purpose (to download a saved model that
        // will not open); any other value, or none, the modeller.
        _ => html! { <Workspace /> },
    };
    html! {
        <>
            { page_header() }
            <main class="pb-main" id="main" tabindex="-1">{ content }</main>
            { page_footer() }
        </>
    }
}
