//! One component per file.

pub mod app;
pub mod money_cell;
pub mod page_footer;
pub mod page_header;
pub mod partner_summary;
pub mod pool_summary;
