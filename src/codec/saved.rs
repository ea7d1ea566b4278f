//! The saved form of a model: JSON carrying `schema_version` (the format of
//! docs/model-format.md). Reading never discards data: older versions are migrated, and text
//! that cannot be read is reported so the caller can keep it aside rather than overwrite it.

use serde::Deserialize;

use crate::model::{Model, SCHEMA_VERSION};

/// Where the browser keeps the model being worked on.
pub const STORAGE_KEY: &str = "pooled-budgets.model";
/// Where unreadable saved text is moved before anything new is saved.
pub const UNREADABLE_KEY: &str = "pooled-budgets.unreadable";

pub fn encode(model: &Model) -> String {
    serde_json::to_string(model).unwrap_or_default()
}

/// Why saved text could not be read, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    NotAModel(String),
    Newer(u32),
}

impl core::fmt::Display for ReadError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ReadError::NotAModel(detail) => write!(
                f,
                "The saved model could not be read ({detail}). It has been kept aside, not deleted."
            ),
            ReadError::Newer(version) => write!(
                f,
                "The saved model was made by a newer version of this tool (format {version}; this one reads up to {SCHEMA_VERSION}). Open it with the newer version."
            ),
        }
    }
}

/// The format version alone, read before the model so that a newer format is refused with a
/// clear message rather than whatever field it changed.
#[derive(Deserialize)]
struct Version {
    schema_version: Option<u64>,
}

pub fn decode(text: &str) -> Result<Model, ReadError> {
    let not_a_model = |e: serde_json::Error| ReadError::NotAModel(e.to_string());
    let version = serde_json::from_str::<Version>(text)
        .map_err(not_a_model)?
        .schema_version
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| ReadError::NotAModel("it has no schema_version".into()))?;
    if version > SCHEMA_VERSION {
        return Err(ReadError::Newer(version));
    }
    // Version 1 is the first, so there is nothing to migrate yet. A future version adds a
    // step for older text here (read into `serde_json::Value`, changed, then into `Model`),
    // with a golden file under tests/ that proves it. Reading straight from the text, not
    // through a `Value`, keeps a second copy of every model type's decoder out of the wasm.
    serde_json::from_str(text).map_err(not_a_model)
}
