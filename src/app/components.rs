//! One component per file.

pub mod accessibility_page;
pub mod app;
pub mod checklist;
pub mod contributions_editor;
pub mod editor_section;
pub mod error_summary;
pub mod help_page;
pub mod item_actions;
pub mod lines_editor;
pub mod models_panel;
pub mod money_cell;
pub mod page_footer;
pub mod page_header;
pub mod partner_summary;
pub mod partners_editor;
pub mod plan_editor;
pub mod pool_summary;
pub mod pools_editor;
pub mod results_panel;
pub mod ring_fence_checks;
pub mod ring_fences_editor;
pub mod risk_share_field;
pub mod select_field;
pub mod table_region;
pub mod text_field;
pub mod toolbar;
