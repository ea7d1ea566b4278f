//! A panic in wasm stops the whole app. Instead of leaving a frozen screen, show a plain
//! message that says what happened and what to do, and log the detail for whoever debugs it.

use std::panic;

const MESSAGE_ID: &str = "pb-crash";

pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("pooled-budgets: {info}").into());
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
         <p>Reload the page to carry on. If it happens again, please report it using the \
         contact details in the accessibility statement, saying what you did just before.</p>",
    );
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&section);
    }
}
