//! Pooled budget scenario modeller: how partner organisations pool money for shared health and
//! care services, and who carries an over- or underspend.
//!
//! `model` is the pure domain (no browser imports, tested natively); `app` is the Yew UI that
//! renders it; `platform` is the only code that touches browser APIs.

pub mod app;
pub mod codec;
pub mod model;
pub mod platform;
