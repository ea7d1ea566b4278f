//! The saved form of a model: JSON carrying `schema_version` (the format of
//! docs/model-format.md), used for the browser's autosave and for model files. Reading never
//! discards data: older versions are migrated, and text that cannot be read is reported (with
//! where, so a file's problems can be listed) so the caller can keep it aside.

use core::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::json_path;
use crate::model::linked;
use crate::model::{Horizon, Model, Money, Percent, SpendLine, MAX_HORIZON_YEARS, SCHEMA_VERSION};

/// Where the browser keeps the model being worked on.
pub const STORAGE_KEY: &str = "pooled-budgets.model";
/// Where unreadable saved text is moved before anything new is saved.
pub const UNREADABLE_KEY: &str = "pooled-budgets.unreadable";

/// A linked option is written with only its overrides (`model::linked::saved_form`).
pub fn encode(model: &Model) -> String {
    serde_json::to_string(&linked::saved_form(model)).unwrap_or_default()
}

/// `use_text` of `encode(model)`, written into a buffer kept for the next call. Autosave writes a
/// large model's megabyte or two of JSON again and again; a fresh string each time (grown by
/// doubling) needed fresh memory whenever the space freed last time had been reused meanwhile,
/// and wasm memory never shrinks (docs/benchmarks.md, 6).
pub fn with_encoded<R>(model: &Model, use_text: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            let text = match serde_json::to_writer(&mut *buffer, model) {
                // serde_json writes UTF-8.
                Ok(()) => std::str::from_utf8(&buffer).unwrap_or_default(),
                Err(_) => "",
            };
            use_text(text)
        }
        // Called again from within `use_text`: no buffer to share.
        Err(_) => use_text(&encode(model)),
    })
}

/// The same JSON, indented, for a file someone may read or edit by hand. Indented through a
/// `Value` (keys then in alphabetical order): printing the model itself with the pretty
/// printer would compile a second copy of all its serialisation code into the wasm.
pub fn encode_pretty(model: &Model) -> String {
    serde_json::from_str::<Value>(&encode(model))
        .and_then(|value| serde_json::to_string_pretty(&value))
        .unwrap_or_default()
}

/// One step of the way to a field in the JSON: an object's key or a list's position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathStep {
    Key(String),
    Position(usize),
}

/// Why saved text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON: what the parser found, and where (counting from 1).
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// JSON, but not an object with a `schema_version`.
    NoVersion,
    /// `schema_version` is there but is not a whole number: what it is instead ("1.0").
    VersionNotWhole(String),
    /// Made by a newer version of the tool.
    Newer(u32),
    /// JSON, but a field is missing or has the wrong type: the first one found, and where.
    Shape { path: Vec<PathStep>, detail: String },
}

/// The JSON path of `steps` as people write it: `scenarios[0].partners[2].name`.
pub fn json_path(steps: &[PathStep]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            PathStep::Key(key) if text.is_empty() => text.push_str(key),
            PathStep::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            PathStep::Position(position) => text.push_str(&format!("[{position}]")),
        }
    }
    text
}

impl ReadError {
    /// What is wrong, without saying where the text came from.
    pub fn detail(&self) -> String {
        match self {
            ReadError::Syntax {
                line,
                column,
                detail,
            } => format!("it is not valid JSON: {detail} at line {line}, column {column}"),
            ReadError::NoVersion => "it has no schema_version".to_string(),
            ReadError::VersionNotWhole(found) => {
                format!("its schema_version is {found}; it must be a whole number, like 1")
            }
            ReadError::Newer(version) => format!("it is in format {version}"),
            ReadError::Shape { path, detail } if path.is_empty() => detail.clone(),
            ReadError::Shape { path, detail } => format!("{detail} at {}", json_path(path)),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Newer(version) => write!(
                f,
                "The saved model was made by a newer version of this tool (format {version}; this one reads up to {SCHEMA_VERSION}). Open it with the newer version."
            ),
            other => write!(
                f,
                "The saved model could not be read ({}). It has been kept aside, not deleted.",
                other.detail()
            ),
        }
    }
}

/// The format version alone, read before the model so that a newer format is refused with a
/// clear message rather than whatever field it changed. Read as any JSON number, so that
/// `1.0` or `-1` is reported as what it is rather than as missing.
#[derive(Deserialize)]
struct Version {
    schema_version: Option<serde_json::Number>,
}

pub fn decode(text: &str) -> Result<Model, ReadError> {
    let syntax = |e: serde_json::Error| ReadError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: without_position(&e),
    };
    // A model is a JSON object (serde would read a struct from a list too).
    if !text.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) => ReadError::NoVersion,
            Err(e) => syntax(e),
        });
    }
    // The version alone first; text that is not JSON fails here, with where.
    let version = match serde_json::from_str::<Version>(text) {
        Ok(found) => found.schema_version,
        // JSON, but a schema_version that is not a number (a string, a list…).
        Err(e) if e.is_data() => {
            return Err(ReadError::VersionNotWhole("not a number".to_string()))
        }
        Err(e) => return Err(syntax(e)),
    }
    .ok_or(ReadError::NoVersion)?;
    let version = match version.as_u64() {
        Some(whole) => u32::try_from(whole).unwrap_or(u32::MAX),
        None => return Err(ReadError::VersionNotWhole(version.to_string())),
    };
    if version > SCHEMA_VERSION {
        return Err(ReadError::Newer(version));
    }
    if version < 2 {
        let migrated = from_version_1(text)?;
        return decode_current(&migrated);
    }
    Ok(from_recent(decode_current(text)?))
}

/// 2 → 3 → 4 → 5 (docs/model-format.md, "Migrations"): each version only added optional
/// fields, which an older file lacks and reads as their defaults, so what is left is the
/// version number.
fn from_recent(mut model: Model) -> Model {
    model.schema_version = SCHEMA_VERSION;
    model
}

/// As `decode`, for text saved in format 2 or later only, and without saying what is wrong:
/// `None` for anything else. For the first screen (`src/first.rs`), which leaves every other
/// case to the modeller and so carries neither format 1's migration nor the error messages.
/// Linked options are filled in from their bases (`linked::fill`), their overrides kept as read.
pub fn decode_recent(text: &str) -> Option<Model> {
    let version = serde_json::from_str::<Version>(text)
        .ok()?
        .schema_version?
        .as_u64()?;
    if !(2..=u64::from(SCHEMA_VERSION)).contains(&version) || !text.trim_start().starts_with('{') {
        return None;
    }
    let mut model: Model = serde_json::from_str(text).ok()?;
    linked::fill(&mut model).ok()?;
    Some(from_recent(model))
}

/// Reads text already in the current format. Straight from the text, not through a `Value`,
/// which keeps a second copy of every model type's decoder out of the wasm. Linked options
/// are then filled in from their bases; links that cannot be followed (a loop, a missing
/// base) are refused with what to do.
fn decode_current(text: &str) -> Result<Model, ReadError> {
    let mut model: Model = serde_json::from_str(text).map_err(|e| ReadError::Shape {
        path: json_path::path_at(text, e.line(), e.column()),
        detail: without_position(&e),
    })?;
    linked::materialise(&mut model).map_err(|problem| ReadError::Shape {
        path: Vec::new(),
        detail: problem.to_string(),
    })?;
    Ok(model)
}

/// Version 1 → 2 (docs/model-format.md, "Migrations"): each line's `base_budget` and `growth`
/// become its `budget`, one amount per year of its option's horizon, compounded and rounded to
/// the penny each year exactly as version 1 computed it, so the figures are the same. Done on
/// a `Value` and written back to text, so the one decoder above reads the result.
fn from_version_1(text: &str) -> Result<String, ReadError> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| ReadError::Syntax {
        line: e.line(),
        column: e.column(),
        detail: without_position(&e),
    })?;
    let shape = |path: Vec<PathStep>, detail: String| ReadError::Shape { path, detail };
    let key = |k: &str| PathStep::Key(k.to_string());
    if let Some(scenarios) = value.get_mut("scenarios").and_then(Value::as_array_mut) {
        for (s_at, scenario) in scenarios.iter_mut().enumerate() {
            let here = |more: &[PathStep]| {
                let mut path = vec![key("scenarios"), PathStep::Position(s_at)];
                path.extend_from_slice(more);
                path
            };
            let Some(horizon) = scenario.get("horizon").cloned() else {
                continue;
            };
            let mut horizon: Horizon = serde_json::from_value(horizon)
                .map_err(|e| shape(here(&[key("horizon")]), without_position(&e)))?;
            // A longer horizon is refused by validation; never compound for years it would not
            // keep (a crafted file could ask for billions).
            horizon.years = horizon.years.min(MAX_HORIZON_YEARS);
            let Some(lines) = scenario.get_mut("lines").and_then(Value::as_array_mut) else {
                continue;
            };
            for (l_at, line) in lines.iter_mut().enumerate() {
                let Some(fields) = line.as_object_mut() else {
                    continue;
                };
                let at = |field: &str| here(&[key("lines"), PathStep::Position(l_at), key(field)]);
                let Some(first) = fields.remove("base_budget") else {
                    return Err(shape(
                        at("base_budget"),
                        "missing field `base_budget`".to_string(),
                    ));
                };
                let first: Money = serde_json::from_value(first)
                    .map_err(|e| shape(at("base_budget"), without_position(&e)))?;
                let growth: Percent = match fields.remove("growth") {
                    Some(growth) => serde_json::from_value(growth)
                        .map_err(|e| shape(at("growth"), without_position(&e)))?,
                    None => Percent::ZERO,
                };
                let budget = SpendLine::grown_budget(first, growth, horizon).map_err(|_| {
                    shape(
                        at("growth"),
                        "the budget grown over the plan's years is too large".to_string(),
                    )
                })?;
                let budget = serde_json::to_value(budget)
                    .map_err(|e| shape(at("base_budget"), without_position(&e)))?;
                fields.insert("budget".to_string(), budget);
            }
        }
    }
    if let Some(fields) = value.as_object_mut() {
        fields.insert("schema_version".to_string(), Value::from(SCHEMA_VERSION));
    }
    serde_json::to_string(&value).map_err(|e| ReadError::Syntax {
        line: 1,
        column: 1,
        detail: e.to_string(),
    })
}

/// serde_json's message without its own " at line 1 column 5": a syntax error keeps its
/// position apart, and a shape error is placed by its path instead.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}
