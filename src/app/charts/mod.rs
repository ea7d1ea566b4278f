//! The pure part of the charts: what each chart plots, where its bars, ticks and labels go,
//! and the sentence that describes it. No Yew here, so all of it is tested natively; the
//! components in `app/components/charts/` only draw what this produces.

pub mod data;
pub mod describe;
pub mod layout;
pub mod scale;
