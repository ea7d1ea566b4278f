//! The Yew user interface: a thin layer that renders the model's results and turns what people
//! do into model changes (`state::Action`). Browser APIs go through `crate::platform`.

pub mod bidi;
pub mod charts;
pub mod components;
pub mod fields;
mod history;
pub mod persistence;
pub mod state;

pub use components::app::App;
