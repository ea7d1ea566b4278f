//! Versioned formats a model travels in: the browser's autosave, share links, model files and
//! CSV exports. Pure: no browser APIs.

pub mod csv;
pub mod embed_config;
mod json_path;
pub mod library;
pub mod link;
pub mod model_file;
pub mod saved;
pub mod schemes_csv;
pub mod simulation_csv;
pub mod simulation_part;
pub mod simulation_wire;
pub mod table;
