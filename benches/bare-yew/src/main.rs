//! A bare Yew page: one function component rendering a heading and a one-row results table, in
//! the same place and with the same selector (`.pb-results table`) the load benchmark waits for
//! in the app.

use yew::prelude::*;

#[function_component(Bare)]
fn bare() -> Html {
    html! {
        <main>
            <h1>{ "Bare Yew page" }</h1>
            <section class="pb-results">
                <table>
                    <caption>{ "Results" }</caption>
                    <tr><th scope="row">{ "Total" }</th><td>{ "£0.00" }</td></tr>
                </table>
            </section>
        </main>
    }
}

fn main() {
    if let Some(root) = app_root() {
        root.set_inner_html("");
        yew::Renderer::<Bare>::with_root(root).render();
    }
}

/// `#app`, as in the app's index.html.
fn app_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}
