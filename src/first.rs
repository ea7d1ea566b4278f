//! The first wasm of a plain visit to the modeller (docs/maintainers.md, "The first screen"):
//! it draws the figures of the model the modeller is about to open, then loader.js starts the
//! modeller, which takes the page over. It only reads storage. Whenever the start is not a
//! plain one (`persistence::peek` says which), it draws nothing and the page keeps saying
//! "Loading…" until the modeller starts.

fn main() {
    use pooled_budgets::app::components::first_screen::{FirstScreen, FirstScreenProps};
    use pooled_budgets::app::persistence::{self, Browser};
    use pooled_budgets::codec::library::TAB_OPEN_KEY;
    use pooled_budgets::platform;

    let tab_open = platform::storage::tab_read(TAB_OPEN_KEY).and_then(|t| t.parse().ok());
    if let Some(model) = persistence::peek(&Browser, tab_open, platform::now_ms()) {
        platform::mount_with::<FirstScreen>(FirstScreenProps {
            model: std::rc::Rc::new(model),
        });
    }
}
