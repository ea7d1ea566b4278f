//! Model files: the whole model as a `.json` file in the format of docs/model-format.md (the
//! same JSON as the browser's autosave, indented), and reading one back. Reading says what is
//! wrong and where, in words, so a file can be put right; it never half-opens a file.

use std::borrow::Cow;

use serde_json::Value;

use super::saved::{self, json_path, PathStep, ReadError};
use crate::model::{limits, validate, FieldPath, Model, SCHEMA_VERSION};

/// The largest file the modeller opens: the reference model is about 60 KB as a file, the large
/// benchmark model about 1.5 MB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// One thing wrong with a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    /// The field it is about, in words ("option ‘Option A’ › partner 2 › short name"); empty
    /// when it is about the whole file.
    pub field: String,
    /// The field's JSON path (`scenarios[0].partners[1]`), for someone editing the file by hand.
    pub json_path: Option<String>,
    /// What is wrong and what to do, in a sentence.
    pub message: String,
}

impl FileProblem {
    /// A problem with the file as a whole, not one field.
    pub fn whole_file(message: String) -> FileProblem {
        FileProblem {
            field: String::new(),
            json_path: None,
            message,
        }
    }
}

/// What reading a file found.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// A model with nothing wrong.
    Model(Model),
    /// A model that can be opened, but `validate` lists these problems (as the checklist would).
    Incomplete(Model, Vec<FileProblem>),
    /// Not a model this version can open: why.
    Refused(Vec<FileProblem>),
}

/// The file's contents for `model`.
pub fn encode(model: &Model) -> String {
    saved::encode_pretty(model)
}

/// A file name for the model: its name with characters that file systems refuse (and
/// anything unusual) replaced, then `.extension`. "Model" when nothing is left.
pub fn file_name(model_name: &str, extension: &str) -> String {
    let mut name = String::new();
    for c in model_name.trim().chars() {
        let keep = c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '(' | ')' | '&' | ',');
        let c = if keep { c } else { '-' };
        if !(c == '-' && name.ends_with('-')) && name.chars().count() < 80 {
            name.push(c);
        }
    }
    let name = name.trim_matches(['-', ' ', '.']);
    let name = if name.is_empty() { "Model" } else { name };
    format!("{name}.{extension}")
}

/// Reads a model file's bytes.
pub fn decode(bytes: &[u8]) -> Opened {
    if bytes.len() > MAX_FILE_BYTES {
        return refuse_size(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    }
    let text = match text_of(bytes) {
        Ok(text) => text,
        Err(message) => return refused(message),
    };
    let text = text.as_ref();
    if text.chars().all(char::is_whitespace) {
        return refused(
            "The file is empty. Choose a model file saved from the modeller (a .json file)."
                .to_string(),
        );
    }
    let model = match saved::decode(text) {
        Ok(model) => model,
        Err(error) => return Opened::Refused(vec![problem_of(error, text)]),
    };
    if let Err(limit) = limits::check(&model) {
        return refused(limit.to_string());
    }
    let problems = validate(&model);
    if problems.is_empty() {
        return Opened::Model(model);
    }
    // Through the text, not `to_value`, so the model's serialisation is compiled in once.
    let value = serde_json::from_str(&saved::encode(&model)).unwrap_or(Value::Null);
    let problems = problems
        .into_iter()
        .map(|p| FileProblem {
            field: in_words(&value, &steps_of(&p.path)),
            json_path: None,
            message: p.message,
        })
        .collect();
    Opened::Incomplete(model, problems)
}

/// The file's text: UTF-8 (with or without a byte order mark), or UTF-16 with its byte order
/// mark (FF FE little-endian, FE FF big-endian), which Windows tools such as Notepad and
/// PowerShell's `>` may save. `Err` says why not.
pub fn text_of(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let units = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16_units(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16_units(rest, u16::from_be_bytes),
        _ => {
            let utf8 = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            return std::str::from_utf8(utf8).map(Cow::Borrowed).map_err(|_| {
                "The file is not a text file, so it is not a model file. Choose the .json file saved with ‘Download model file’.".to_string()
            });
        }
    };
    units
        .and_then(|units| char::decode_utf16(units).collect::<Result<String, _>>().ok())
        .map(Cow::Owned)
        .ok_or_else(|| {
            "The file is marked as UTF-16 text but is damaged, so it cannot be read. Open it in a text editor, save it as UTF-8, and open it again.".to_string()
        })
}

/// UTF-16 code units from pairs of bytes; `None` if a byte is left over.
fn utf16_units(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<Vec<u16>> {
    let pairs = bytes.chunks_exact(2);
    pairs.remainder().is_empty().then(|| {
        pairs
            .map(|pair| {
                unit([
                    pair.first().copied().unwrap_or(0),
                    pair.get(1).copied().unwrap_or(0),
                ])
            })
            .collect()
    })
}

/// A file of `size` bytes, over [`MAX_FILE_BYTES`], refused unread.
pub fn refuse_size(size: u64) -> Opened {
    refused(format!(
        "The file is {} MB. The modeller opens model files of up to {} MB: check that this is a model file saved from the modeller.",
        megabytes(size),
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

fn refused(message: String) -> Opened {
    Opened::Refused(vec![FileProblem::whole_file(message)])
}

fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

fn problem_of(error: ReadError, text: &str) -> FileProblem {
    match error {
        ReadError::Syntax {
            line,
            column,
            detail,
        } => FileProblem::whole_file(format!(
            "The file is not valid JSON: {detail} at line {line}, column {column}. If you edited it by hand, check that line for a missing comma, quote or bracket."
        )),
        ReadError::NoVersion => FileProblem {
            field: "format version".to_string(),
            json_path: Some("schema_version".to_string()),
            message: "The file has no schema_version, so it is not a model file saved from the modeller. Choose the .json file saved with ‘Download model file’.".to_string(),
        },
        ReadError::VersionNotWhole(found) => FileProblem {
            field: "format version".to_string(),
            json_path: Some("schema_version".to_string()),
            message: format!("The file's schema_version is {found}; it must be a whole number, like 1 (written without a decimal point or quotes). Put it right in the file and open it again."),
        },
        ReadError::Newer(version) => FileProblem {
            field: "format version".to_string(),
            json_path: Some("schema_version".to_string()),
            message: format!(
                "The file was made by a newer version of the modeller (format {version}; this version opens up to format {SCHEMA_VERSION}). Open it in the newest version of the modeller."
            ),
        },
        ReadError::Shape { path, detail } => {
            let value = serde_json::from_str(text).unwrap_or(Value::Null);
            FileProblem {
                field: in_words(&value, &path),
                json_path: (!path.is_empty()).then(|| json_path(&path)),
                message: format!("{}. Put it right in the file and open it again.", shape_sentence(&detail)),
            }
        }
    }
}

/// serde's message as a sentence a person can act on.
fn shape_sentence(detail: &str) -> String {
    let detail = quoted(detail);
    if let Some(field) = detail
        .strip_prefix("missing field ‘")
        .and_then(|rest| rest.strip_suffix('’'))
    {
        return format!("The field ‘{field}’ is missing");
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = if expected.contains("Decimal") {
            "an amount or percentage written as text in quotes, like \"1250000.00\""
        } else {
            expected
        };
        return format!("This is {found}, but the format expects {expected}");
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        return format!("This is not one of the values the format allows: {rest}");
    }
    let mut sentence = detail.clone();
    if let Some(first) = sentence.get(..1) {
        sentence.replace_range(..1, &first.to_uppercase());
    }
    sentence
}

/// serde's `backticks` as quotation marks.
fn quoted(detail: &str) -> String {
    let mut text = String::with_capacity(detail.len());
    let mut open = false;
    for c in detail.chars() {
        if c == '`' {
            text.push(if open { '’' } else { '‘' });
            open = !open;
        } else {
            text.push(c);
        }
    }
    text
}

/// `validate`'s path as JSON steps. Its list names are singular (`scenario.0.partner.1`);
/// `in_words` finds the plural key in the JSON itself.
fn steps_of(path: &FieldPath) -> Vec<PathStep> {
    path.as_str()
        .split('.')
        .map(|part| match part.parse::<usize>() {
            Ok(position) => PathStep::Position(position),
            Err(_) => PathStep::Key(part.to_string()),
        })
        .collect()
}

/// A field's place in words, naming items by their names where the JSON has them:
/// "option ‘Option A’ › partner ‘LBH’ › short name".
pub fn in_words(value: &Value, steps: &[PathStep]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut here = Some(value);
    let mut list_key: Option<&str> = None;
    for step in steps {
        match step {
            PathStep::Key(key) => {
                if let Some(field) = list_key.take() {
                    words.push(field_words(field));
                }
                // `validate` names a list's items (`budget.year.0`) where the JSON has the
                // list itself: stay on the list.
                here = here.and_then(|v| {
                    v.get(key.as_str())
                        .or_else(|| v.get(format!("{key}s").as_str()))
                        .or_else(|| v.is_array().then_some(v))
                });
                list_key = Some(key.as_str());
            }
            PathStep::Position(position) => {
                here = here.and_then(|v| v.get(*position));
                let name = here
                    .and_then(|v| v.get("name"))
                    .and_then(Value::as_str)
                    .filter(|name| !name.trim().is_empty());
                let noun = item_noun(list_key.take().unwrap_or("item"));
                // A year's entry (a budget, a forecast, an amount) is named by its year.
                let year = here
                    .and_then(|v| v.get("year"))
                    .and_then(Value::as_str)
                    .and_then(|y| crate::model::FinancialYear::parse(y).ok());
                words.push(match (name, year) {
                    (Some(name), _) => format!("{noun} ‘{name}’"),
                    (None, Some(year)) => format!("{noun} {year}"),
                    (None, None) => format!("{noun} {}", position.saturating_add(1)),
                });
            }
        }
    }
    if let Some(field) = list_key {
        words.push(field_words(field));
    }
    words.join(" › ")
}

/// A field's key in words: `base_budget` → "base budget".
fn field_words(key: &str) -> String {
    match key {
        "scenarios" => "options".to_string(),
        "base_scenario" => "base option".to_string(),
        "schema_version" => "format version".to_string(),
        "lines" => "spending lines".to_string(),
        other => other.replace('_', " "),
    }
}

/// What one item of the list under `key` is called: `ring_fences` → "ring-fence".
fn item_noun(key: &str) -> String {
    match key {
        "scenario" | "scenarios" => "option".to_string(),
        "line" | "lines" => "spending line".to_string(),
        "ring_fence" | "ring_fences" => "ring-fence".to_string(),
        "partners" | "pools" | "contributions" | "amounts" | "shares" => {
            key.trim_end_matches('s').to_string()
        }
        other => other.replace('_', " "),
    }
}
