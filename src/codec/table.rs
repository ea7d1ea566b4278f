//! Tables of text as spreadsheets hand them over: tab separated on the clipboard (Excel,
//! LibreOffice, Google Sheets) and comma separated in CSV files, with RFC 4180 quoting. Only
//! the cells' text is read here; what a cell means is `model::schemes`'s business.

use core::fmt;

use crate::model::limits::group;

/// The most rows one paste or file may hold: ten times a large plan, small enough to preview.
pub const MAX_ROWS: usize = 2_000;
/// The most cells in one row.
pub const MAX_COLUMNS: usize = 100;
/// The most text read at all (4 MiB), checked before any parsing, so a huge paste cannot hang
/// the page or fill its memory.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

/// What separates cells in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Tab,
    Comma,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Tab => b'\t',
            Delimiter::Comma => b',',
        }
    }

    /// Tab if the first row has a tab outside quotes, else comma. Spreadsheets put tabs on the
    /// clipboard; a CSV file's first row (its header) has commas.
    pub fn detect(text: &str) -> Delimiter {
        let mut quoted = false;
        for byte in strip_bom(text).bytes() {
            match byte {
                b'"' => quoted = !quoted,
                b'\t' if !quoted => return Delimiter::Tab,
                b'\r' | b'\n' if !quoted => break,
                _ => {}
            }
        }
        Delimiter::Comma
    }
}

/// Rows of cells, every row as wide as the widest (short rows are padded with blank cells).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    rows: Vec<Vec<String>>,
    width: usize,
}

impl Table {
    /// A table of the given rows, padded to the widest.
    pub fn from_rows(mut rows: Vec<Vec<String>>) -> Table {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for row in &mut rows {
            row.resize(width, String::new());
        }
        Table { rows, width }
    }

    pub fn rows(&self) -> &[Vec<String>] {
        &self.rows
    }

    pub fn into_rows(self) -> Vec<Vec<String>> {
        self.rows
    }

    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Cells in each row.
    pub fn width(&self) -> usize {
        self.width
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The text of one cell; blank outside the table.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .map_or("", String::as_str)
    }

    /// One cell only: the grid treats it as an ordinary paste into the focused field.
    pub fn is_single_cell(&self) -> bool {
        self.rows.len() == 1 && self.width == 1
    }
}

/// Why text was not read as a table. Nothing is read when this is returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    /// More than [`MAX_BYTES`] of text; holds its length in bytes.
    TooLarge(usize),
    /// More than [`MAX_ROWS`] rows.
    TooManyRows,
    /// A row (1-based) with more than [`MAX_COLUMNS`] cells.
    TooManyColumns { row: usize },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::TooLarge(bytes) => write!(
                f,
                "This is {} MB of text; the modeller reads at most {} MB at a time. \
                 Copy or save fewer rows and try again.",
                megabytes(*bytes),
                megabytes(MAX_BYTES)
            ),
            TableError::TooManyRows => write!(
                f,
                "This has more than {} rows; the modeller reads at most {} at a time. \
                 Copy or save fewer rows and try again.",
                group(MAX_ROWS),
                group(MAX_ROWS)
            ),
            TableError::TooManyColumns { row } => write!(
                f,
                "Row {row} has more than {MAX_COLUMNS} cells; the modeller reads at most \
                 {MAX_COLUMNS} columns. Copy or save fewer columns and try again."
            ),
        }
    }
}

impl std::error::Error for TableError {}

/// Reads a table, choosing the delimiter with [`Delimiter::detect`]: for files.
pub fn parse(text: &str) -> Result<Table, TableError> {
    parse_with(text, Delimiter::detect(text))
}

/// Reads text the clipboard held as `text/plain`. Always tab separated: a single column copied
/// from Excel ("£1,250,000") has no tabs, and its commas are thousands separators.
pub fn parse_clipboard(text: &str) -> Result<Table, TableError> {
    parse_with(text, Delimiter::Tab)
}

/// Reads a table with cells separated by `delimiter`. Rows end with CRLF, LF or CR; a final
/// line end and blank lines at the end add no rows; a leading UTF-8 byte order mark is skipped.
/// A cell starting with `"` is quoted: it may hold delimiters and line breaks, and `""` in it
/// is one quote. A quote anywhere else, or one never closed, is read as itself, as the
/// spreadsheets do.
pub fn parse_with(text: &str, delimiter: Delimiter) -> Result<Table, TableError> {
    if text.len() > MAX_BYTES {
        return Err(TableError::TooLarge(text.len()));
    }
    let mut reader = Reader {
        text: strip_bom(text),
        at: 0,
        delimiter: delimiter.byte(),
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    // Blank lines are counted, not stored, until a row follows them: trailing ones add nothing.
    let mut blank_lines = 0usize;
    while !reader.done() {
        let row = reader.row(rows.len().saturating_add(blank_lines).saturating_add(1))?;
        if row.len() == 1 && row.first().is_some_and(String::is_empty) {
            blank_lines = blank_lines.saturating_add(1);
            continue;
        }
        if rows.len().saturating_add(blank_lines) >= MAX_ROWS {
            return Err(TableError::TooManyRows);
        }
        rows.extend(std::iter::repeat_n(vec![String::new()], blank_lines));
        blank_lines = 0;
        rows.push(row);
    }
    Ok(Table::from_rows(rows))
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// A cursor over the text. Delimiters, quotes and line ends are ASCII, so byte positions found
/// by scanning for them are always character boundaries.
struct Reader<'a> {
    text: &'a str,
    at: usize,
    delimiter: u8,
}

impl Reader<'_> {
    fn done(&self) -> bool {
        self.at >= self.text.len()
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// One row, consuming its line end. `number` (1-based) names it in an error.
    fn row(&mut self, number: usize) -> Result<Vec<String>, TableError> {
        let mut cells = Vec::new();
        loop {
            if cells.len() >= MAX_COLUMNS {
                return Err(TableError::TooManyColumns { row: number });
            }
            cells.push(self.cell());
            match self.peek() {
                Some(byte) if byte == self.delimiter => self.at += 1,
                Some(b'\r') => {
                    self.at += 1;
                    if self.peek() == Some(b'\n') {
                        self.at += 1;
                    }
                    return Ok(cells);
                }
                Some(b'\n') => {
                    self.at += 1;
                    return Ok(cells);
                }
                _ => return Ok(cells),
            }
        }
    }

    /// One cell, stopping at (not consuming) the delimiter or line end after it.
    fn cell(&mut self) -> String {
        let mut cell = String::new();
        if self.peek() == Some(b'"') {
            if let Some(end) = self.closing_quote(self.at + 1) {
                cell = self.text[self.at + 1..end].replace("\"\"", "\"");
                self.at = end + 1;
            }
        }
        // Unquoted text, or anything between a closing quote and the delimiter.
        let rest = &self.text.as_bytes()[self.at..];
        let length = rest
            .iter()
            .position(|b| *b == self.delimiter || *b == b'\r' || *b == b'\n')
            .unwrap_or(rest.len());
        cell.push_str(&self.text[self.at..self.at + length]);
        self.at += length;
        cell
    }

    /// The position of the quote closing a quoted cell whose text starts at `from`: the first
    /// quote not doubled. `None` if there is none.
    fn closing_quote(&self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            if bytes.get(at) == Some(&b'"') {
                if bytes.get(at + 1) == Some(&b'"') {
                    at += 2;
                    continue;
                }
                return Some(at);
            }
            at += 1;
        }
        None
    }
}

fn megabytes(bytes: usize) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}
