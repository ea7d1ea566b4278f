//! The page footer: where the data lives, and the accessibility statement.

use yew::prelude::*;

pub fn page_footer() -> Html {
    html! {
        <footer class="pb-footer">
            <div class="pb-footer__inner">
                <p>{ "Everything you enter stays in this browser. No server receives your figures." }</p>
                <p>
                    <a href="?page=accessibility">{ "Accessibility statement" }</a>
                    { " · " }
                    <a href="?page=help">{ "Help" }</a>
                </p>
            </div>
        </footer>
    }
}
