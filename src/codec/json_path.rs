//! Where in a JSON text serde_json stopped: the path (`scenarios[0].partners[1].kind`) of the
//! value at a line and column it reported.
//!
//! A model file's shape problem (a missing field, a wrong type) is placed by its path. serde_json
//! gives only a line and column, so this walks the text up to that point. (The alternative,
//! `serde_path_to_error`, wraps every field of every model type in a tracking decoder and cost
//! the wasm tens of KiB: docs/benchmarks.md, issue #18.)
//!
//! serde_json places an error either where a value starts (a wrong type, seen from its first
//! byte, which it has then read) or where a value has just been read in full (a bad amount's
//! closing quote, a missing field's closing brace). So the answer is the last value that
//! started or finished by that point; separators and whitespace do not change it.

use super::saved::PathStep;

/// One open container: an object (with the key of its current member) or a list (with the
/// position of its current item).
enum Open {
    Object(Option<String>),
    List(usize),
}

/// The path of the value in `text` at serde_json's `line` (from 1) and `column` (bytes read on
/// that line). Empty where the position is unknown (line 0) or at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> Vec<PathStep> {
    if line == 0 {
        return Vec::new();
    }
    let start_of_line = text
        .match_indices('\n')
        .nth(line.saturating_sub(2))
        .map_or(0, |(at, _)| at + 1);
    let end = if line == 1 {
        column
    } else {
        start_of_line + column
    }
    .min(text.len());
    Walk::default().run(&text.as_bytes()[..end])
}

#[derive(Default)]
struct Walk {
    open: Vec<Open>,
    answer: Vec<PathStep>,
}

impl Walk {
    /// The path of the value the innermost container is at.
    fn here(&self) -> Vec<PathStep> {
        let mut path = Vec::with_capacity(self.open.len());
        for open in &self.open {
            match open {
                Open::Object(Some(key)) => path.push(PathStep::Key(key.clone())),
                Open::Object(None) => break,
                Open::List(at) => path.push(PathStep::Position(*at)),
            }
        }
        path
    }

    /// Whether the next string is a member's key (not a value).
    fn expecting_key(&self) -> bool {
        matches!(self.open.last(), Some(Open::Object(None)))
    }

    fn run(mut self, bytes: &[u8]) -> Vec<PathStep> {
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'{' | b'[' => {
                    self.answer = self.here();
                    self.open.push(if bytes[i] == b'{' {
                        Open::Object(None)
                    } else {
                        Open::List(0)
                    });
                    i += 1;
                }
                b'}' | b']' => {
                    self.open.pop();
                    self.answer = self.here();
                    i += 1;
                }
                b',' => {
                    match self.open.last_mut() {
                        Some(Open::Object(key)) => *key = None,
                        Some(Open::List(at)) => *at += 1,
                        None => {}
                    }
                    i += 1;
                }
                b'"' => {
                    let (text, next) = string_at(bytes, i);
                    if self.expecting_key() {
                        if let Some(Open::Object(key)) = self.open.last_mut() {
                            *key = Some(text);
                        }
                    } else {
                        self.answer = self.here();
                    }
                    i = next;
                }
                b':' => {
                    self.answer = self.here();
                    i += 1;
                }
                b' ' | b'\t' | b'\n' | b'\r' => i += 1,
                // A number, true, false or null: the answer is its path, from its first byte.
                _ => {
                    self.answer = self.here();
                    while i < bytes.len() && !b",]} \t\n\r".contains(&bytes[i]) {
                        i += 1;
                    }
                }
            }
        }
        self.answer
    }
}

/// The string starting at `bytes[start]` (a quote), unescaped as far as a key needs (`\"` and
/// `\\`; model keys are plain), and the index after its closing quote (or the end).
fn string_at(bytes: &[u8], start: usize) -> (String, usize) {
    let mut text = Vec::new();
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (String::from_utf8_lossy(&text).into_owned(), i + 1),
            b'\\' if i + 1 < bytes.len() => {
                text.push(bytes[i + 1]);
                i += 2;
            }
            byte => {
                text.push(byte);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&text).into_owned(), i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(path: &[PathStep]) -> String {
        path.iter()
            .map(|step| match step {
                PathStep::Key(key) => format!(".{key}"),
                PathStep::Position(at) => format!("[{at}]"),
            })
            .collect()
    }

    /// The path serde_json's own error gives for `text` read as `T`.
    fn path_of_error<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let error = serde_json::from_str::<T>(text).expect_err("the text is refused");
        shown(&path_at(text, error.line(), error.column()))
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        amount: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct File {
        title: String,
        items: Vec<Item>,
        last: Option<Item>,
    }

    #[test]
    fn a_wrong_type_is_placed_at_its_field() {
        let text = r#"{"title": "a \"}[", "items": [{"name": "x", "amount": 1}, {"name": "y", "amount": "two"}], "last": null}"#;
        assert_eq!(path_of_error::<File>(text), ".items[1].amount");
        let text =
            "{\n \"title\": \"t\",\n \"items\": [\n  {\"amount\": 12345, \"name\": 5}\n ]\n}";
        assert_eq!(path_of_error::<File>(text), ".items[0].name");
    }

    #[test]
    fn a_missing_field_is_placed_at_its_object_even_when_it_ends_its_parent() {
        let text = r#"{"title": "t", "items": [{"name": "x", "amount": 1}, {"name": "y"}]}"#;
        assert_eq!(path_of_error::<File>(text), ".items[1]");
        let text = "{\"title\": \"t\", \"items\": [], \"last\": {\"amount\": 3}\n}";
        assert_eq!(path_of_error::<File>(text), ".last");
        assert_eq!(path_of_error::<File>(r#"{"items": []}"#), "");
    }

    #[test]
    fn an_unknown_position_or_the_top_level_gives_no_path() {
        assert!(path_at("{}", 0, 0).is_empty());
        assert!(path_at("[1, 2]", 9, 99).is_empty());
    }
}
