//! The Yew user interface: a thin layer that renders the model's results and turns what people
//! do into model changes. Browser APIs go through `crate::platform`.

pub mod components;

pub use components::app::App;
