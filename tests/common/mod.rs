//! Checks shared by the server-rendered component tests.

// Each test file uses some of these.
#![allow(dead_code)]

/// Every `<input>` and `<select>` in `html` has an id, and a `<label for>` that names it or
/// (the scheme grid's cells, named by their column and scheme) a non-empty `aria-label`.
pub fn assert_every_control_labelled(html: &str) {
    for control in ["<input", "<select"] {
        for (at, _) in html.match_indices(control) {
            let tag_end = html[at..].find('>').map_or(html.len(), |e| at + e);
            let tag = &html[at..tag_end];
            let id = tag
                .split("id=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_else(|| panic!("control without an id: {tag}"));
            let aria_label = tag
                .split("aria-label=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .is_some_and(|label| !label.trim().is_empty());
            assert!(
                aria_label || html.contains(&format!("for=\"{id}\"")),
                "no label for {id}"
            );
        }
    }
}

/// `html` with the `<bdi>` around each name taken out, to look for sentences that quote a name.
pub fn without_name_isolation(html: &str) -> String {
    html.replace(r#"<bdi class="pb-name">"#, "")
        .replace("</bdi>", "")
}
