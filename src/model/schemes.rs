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

use super::spend::LineId;

/// The HTML id of one scheme's cell in the grid ("scheme-12-budget-2025"), so the checklist
/// and error summary can link to it.
pub fn cell_id(line: LineId, column: SchemeColumn) -> String {
    let slug = match column {
        SchemeColumn::Reference => "reference".to_string(),
        SchemeColumn::Name => "name".to_string(),
        SchemeColumn::Pool => "pool".to_string(),
        SchemeColumn::Commissioner => "commissioner".to_string(),
        SchemeColumn::Provider => "provider".to_string(),
        SchemeColumn::Stream => "stream".to_string(),
        SchemeColumn::RingFence => "ring-fence".to_string(),
        SchemeColumn::Savings => "savings".to_string(),
        SchemeColumn::Budget(year) => format!("budget-{}", year.start_year()),
        SchemeColumn::Forecast(year) => format!("forecast-{}", year.start_year()),
    };
    format!("scheme-{}-{slug}", line.0)
}
