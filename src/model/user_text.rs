//! Names people type, placed inside the app's own sentences. A name is isolated for
//! bidirectional text, so one that starts with U+202E (right-to-left override), or is written in
//! Arabic or Hebrew, cannot reorder the words around it.

/// U+2068 FIRST STRONG ISOLATE: starts an isolate whose direction comes from its own text.
pub const ISOLATE_START: char = '\u{2068}';
/// U+2069 POP DIRECTIONAL ISOLATE: ends it, and any embedding or override opened inside.
pub const ISOLATE_END: char = '\u{2069}';

/// `name` between the isolate marks, for a sentence built as text (a notice, a problem). The UI
/// shows each marked part as a `<bdi>` (`app::bidi::message`); as plain text the marks
/// isolate it just the same. Isolate marks inside the name are dropped, so the pair always
/// matches.
pub fn isolate(name: &str) -> String {
    let mut text = String::with_capacity(name.len() + 6);
    text.push(ISOLATE_START);
    text.extend(name.chars().filter(|c| !is_isolate_mark(*c)));
    text.push(ISOLATE_END);
    text
}

/// `text` in parts, each with whether it is an isolated name. An unmatched start runs to the end.
pub fn isolated_parts(text: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once(ISOLATE_START) {
        if !before.is_empty() {
            parts.push((false, before));
        }
        let (name, after) = after.split_once(ISOLATE_END).unwrap_or((after, ""));
        parts.push((true, name));
        rest = after;
    }
    if !rest.is_empty() {
        parts.push((false, rest));
    }
    parts
}

/// `text` without its isolate marks: for an attribute, such as an `aria-label`, where the marks
/// would be read out or matched as part of the name.
pub fn plain(text: &str) -> String {
    text.chars().filter(|c| !is_isolate_mark(*c)).collect()
}

/// The isolate marks: LRI, RLI, FSI and PDI.
fn is_isolate_mark(c: char) -> bool {
    matches!(c, '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_isolated_and_splits_back_out() {
        let name = "\u{202E}Pool\u{2069}\u{2066}";
        let message = format!("Opened ‘{}’ from the file.", isolate(name));
        assert_eq!(
            isolated_parts(&message),
            [
                (false, "Opened ‘"),
                (true, "\u{202E}Pool"),
                (false, "’ from the file.")
            ]
        );
        assert_eq!(isolated_parts("No names"), [(false, "No names")]);
        assert_eq!(isolated_parts("\u{2068}cut"), [(true, "cut")]);
    }
}
