//! One component per file.

/// `PartialEq` for the props of a component that shows an option's results: the results are
/// compared by pointer (they are computed once per change to the option, so a new pointer is new
/// figures, and comparing every figure would cost as much as drawing them), the other fields by
/// value.
#[macro_export]
macro_rules! results_props_eq {
    ($props:ty, $($field:ident),*) => {
        impl PartialEq for $props {
            fn eq(&self, other: &Self) -> bool {
                std::rc::Rc::ptr_eq(&self.results, &other.results) $(&& self.$field == other.$field)*
            }
        }
    };
}

pub mod accessibility_page;
pub mod app;
pub mod changed_mark;
pub mod changes_panel;
pub mod charts;
pub mod checklist;
pub mod compare_view;
pub mod contributions_editor;
pub mod editor_section;
pub mod embed_view;
pub mod error_summary;
pub mod field_label;
pub mod files_panel;
pub mod first_screen;
pub mod help_page;
pub mod item_actions;
pub mod models_panel;
pub mod money_cell;
pub mod money_display_field;
pub mod options_bar;
pub mod page_footer;
pub mod page_header;
pub mod paper_title;
pub mod partner_summary;
pub mod partners_editor;
pub mod plan_editor;
pub mod pool_summary;
pub mod pools_editor;
pub mod ranges_editor;
pub mod recovery_page;
pub mod results_panel;
pub mod ring_fence_checks;
pub mod ring_fences_editor;
pub mod risk_share_field;
pub mod scheme_grid;
pub mod scheme_transfer;
pub mod select_field;
pub mod share_panel;
pub mod shared_model;
pub mod stress_test;
pub mod table_region;
pub mod text_field;
pub mod toolbar;
pub mod uncertainty_panel;
pub mod unsaved_question;
pub mod workspace;
