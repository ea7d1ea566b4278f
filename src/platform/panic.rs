//! A panic in wasm stops the whole app. Instead of leaving a frozen screen, show a plain
//! message that says what happened and what to do, log the detail for whoever debugs it, and
//! note the crash so the next load opens the recovery page instead of the same model again.

use crate::codec::library::CRASHED_KEY;

const MESSAGE_ID: &str = "pb-crash";

/// Installs the hook through Yew: Yew's renderer replaces any hook set with
/// `std::panic::set_hook` by its own, which only logs, and the page would freeze silently.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("pooled-budgets: {info}").into());
        let _ = super::storage::write(CRASHED_KEY, "1");
        show_crash_message();
    }));
}

fn show_crash_message() {
    let document = gloo::utils::document();
    if document.get_element_by_id(MESSAGE_ID).is_some() {
        return;
    }
    let Ok(section) = document.create_element("section") else {
        return;
    };
    section.set_id(MESSAGE_ID);
    section.set_class_name("pb-crash");
    let _ = section.set_attribute("role", "alert");
    section.set_inner_html(
        "<h2>Something went wrong — your work is saved</h2>\
         <p>The modeller hit a problem it could not recover from. Everything you entered up to \
         your last change is saved in this browser.</p>\
         <p>Reload the page to carry on: it will open a recovery page listing your saved models, \
         where you can download, open read-only or delete the one that caused the problem. If it \
         happens again, please report it using the contact details in the accessibility \
         statement, saying what you did just before.</p>",
    );
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&section);
    }
}
