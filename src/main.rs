//! Mounts the app. Everything else lives in the library.

fn main() {
    pooled_budgets::platform::mount::<pooled_budgets::app::App>();
}
