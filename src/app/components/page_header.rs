//! The page header: skip link, service name, and the link to help, which sits in the same
//! place on every screen.

use yew::prelude::*;

pub fn page_header() -> Html {
    html! {
        <>
            <a class="pb-skip-link" href="#main">{ "Skip to main content" }</a>
            <header class="pb-header">
                <div class="pb-header__inner">
                    <p class="pb-header__title"><a href="./">{ "Pooled budget modeller" }</a></p>
                    <nav class="pb-header__nav" aria-label="Help and information">
                        <a href="?page=help">{ "Help" }</a>
                    </nav>
                </div>
            </header>
        </>
    }
}
