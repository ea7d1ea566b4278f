//! Schemes (spending lines) as rows of a table: the columns the scheme grid shows and that
//! paste, CSV import and the schemes CSV export use, in one order; what their headings may be
//! called; how a cell's text is read; and turning a pasted or imported table into one change to
//! an option, with a preview of what it will do.

mod cells;
mod columns;
mod fill;
mod names;
mod plan;

pub use cells::{read_money, read_percent, read_year, CellRead};
pub use columns::{match_heading, read_header, ColumnMatch, Header, SchemeColumn, SchemeField};
pub use plan::{plan_import, plan_paste, PasteOptions, PastePlan, UnreadableCell};
