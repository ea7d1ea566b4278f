//! Reading tables as spreadsheets put them on the clipboard and in CSV files, and reading their
//! cells and headings as scheme fields.

use pooled_budgets::codec::table::{
    parse, parse_clipboard, parse_with, Delimiter, Table, TableError, MAX_BYTES, MAX_COLUMNS,
    MAX_ROWS,
};
use pooled_budgets::model::schemes::{
    match_heading, read_header, read_money, read_percent, read_year, CellRead, ColumnMatch,
    SchemeColumn, SchemeField,
};
use pooled_budgets::model::{FinancialYear, Money, MoneyUnit, Percent};

fn rows(table: &Table) -> Vec<Vec<&str>> {
    table
        .rows()
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect()
}

fn pounds(p: i64) -> CellRead<Money> {
    CellRead::Value(Money::pounds(p))
}

#[test]
fn reads_excel_clipboard_with_crlf_and_a_trailing_line_end() {
    let text = "Reablement\tHomerton\t£1,250,000\r\nCarers\tAge UK\t(1,000)\r\n";
    let table = parse_clipboard(text).unwrap();
    assert_eq!(
        rows(&table),
        [
            ["Reablement", "Homerton", "£1,250,000"],
            ["Carers", "Age UK", "(1,000)"]
        ]
    );
    assert_eq!(table.width(), 3);
    assert_eq!(parse(text).unwrap(), table, "tab detected");
}

#[test]
fn quoted_cells_hold_tabs_line_breaks_and_doubled_quotes() {
    let text = "\"Home first\nphase 2\"\t\"a\tb\"\t\"the \"\"Hub\"\"\"\nx\t\"\"\ty\n";
    let table = parse_clipboard(text).unwrap();
    assert_eq!(
        rows(&table),
        [
            ["Home first\nphase 2", "a\tb", "the \"Hub\""],
            ["x", "", "y"]
        ]
    );
    // CRLF inside a quoted cell is kept as it was.
    let table = parse_clipboard("\"a\r\nb\"\tc\r\n").unwrap();
    assert_eq!(rows(&table), [["a\r\nb", "c"]]);
}

#[test]
fn a_quote_not_at_the_start_or_never_closed_is_text() {
    let table = parse_clipboard("5\" screen\tok\n\"open\tx\n").unwrap();
    assert_eq!(rows(&table), [["5\" screen", "ok"], ["\"open", "x"]]);
}

#[test]
fn lf_and_cr_only_rows_and_no_final_line_end() {
    assert_eq!(
        rows(&parse_clipboard("a\tb\nc\td").unwrap()),
        [["a", "b"], ["c", "d"]]
    );
    assert_eq!(
        rows(&parse_clipboard("a\tb\rc\td\r").unwrap()),
        [["a", "b"], ["c", "d"]]
    );
}

#[test]
fn ragged_rows_are_padded_with_blanks() {
    let table = parse_clipboard("a\tb\tc\nd\n\te\n").unwrap();
    assert_eq!(
        rows(&table),
        [["a", "b", "c"], ["d", "", ""], ["", "e", ""]]
    );
    assert_eq!(table.cell(1, 2), "");
    assert_eq!(table.cell(9, 9), "");
}

#[test]
fn blank_lines_inside_are_rows_and_at_the_end_are_not() {
    let table = parse_clipboard("a\n\nb\n\n\n").unwrap();
    assert_eq!(rows(&table), [["a"], [""], ["b"]]);
    assert!(parse_clipboard("").unwrap().is_empty());
    assert!(parse_clipboard("\r\n").unwrap().is_empty());
}

#[test]
fn csv_files_with_a_byte_order_mark_and_commas() {
    let text = "\u{FEFF}Scheme name,Budget 2025/26\r\n\"Carers, breaks\",\"1,250\"\r\n";
    assert_eq!(Delimiter::detect(text), Delimiter::Comma);
    let table = parse(text).unwrap();
    assert_eq!(
        rows(&table),
        [
            ["Scheme name", "Budget 2025/26"],
            ["Carers, breaks", "1,250"]
        ]
    );
}

#[test]
fn detection_ignores_a_tab_inside_quotes_on_the_first_line() {
    assert_eq!(Delimiter::detect("\"a\tb\",c\n"), Delimiter::Comma);
    assert_eq!(Delimiter::detect("\"a,b\"\tc\n"), Delimiter::Tab);
    // A tab on a later line does not count.
    assert_eq!(Delimiter::detect("a,b\nc\td"), Delimiter::Comma);
}

#[test]
fn a_single_column_from_the_clipboard_keeps_its_thousands_commas() {
    let table = parse_clipboard("£1,250,000\r\n£2,000\r\n").unwrap();
    assert_eq!(rows(&table), [["£1,250,000"], ["£2,000"]]);
    assert!(parse_clipboard("£1,250\r\n").unwrap().is_single_cell());
    assert_eq!(
        rows(&parse_with("a;b", Delimiter::Comma).unwrap()),
        [["a;b"]]
    );
}

#[test]
fn limits_are_reported_not_hung_on() {
    let many = "x\n".repeat(MAX_ROWS + 1);
    assert_eq!(parse_clipboard(&many), Err(TableError::TooManyRows));
    assert_eq!(
        parse_clipboard(&"x\n".repeat(MAX_ROWS))
            .unwrap()
            .row_count(),
        MAX_ROWS
    );
    // Blank lines at the end do not count against the limit.
    let padded = format!("{}{}", "x\n".repeat(MAX_ROWS), "\n".repeat(10));
    assert_eq!(parse_clipboard(&padded).unwrap().row_count(), MAX_ROWS);
    let wide = "x\t".repeat(MAX_COLUMNS);
    assert_eq!(
        parse_clipboard(&format!("a\n{wide}\n")),
        Err(TableError::TooManyColumns { row: 2 })
    );
    let huge = "x".repeat(MAX_BYTES + 1);
    assert_eq!(
        parse_clipboard(&huge),
        Err(TableError::TooLarge(MAX_BYTES + 1))
    );
    assert_eq!(
        TableError::TooManyRows.to_string(),
        "This has more than 2,000 rows; the modeller reads at most 2,000 at a time. \
         Copy or save fewer rows and try again."
    );
    assert!(TableError::TooLarge(MAX_BYTES + 1)
        .to_string()
        .starts_with("This is 4.0 MB"));
}

#[test]
fn money_cells_read_as_typed_into_a_field() {
    let unit = MoneyUnit::Pounds;
    assert_eq!(
        read_money("£1,234.50", unit),
        CellRead::Value(Money::from_pence(123_450))
    );
    assert_eq!(read_money(" 1,234 ", unit), pounds(1_234));
    assert_eq!(read_money("(1,000)", unit), pounds(-1_000));
    assert_eq!(read_money("−220,336", unit), pounds(-220_336));
    assert_eq!(read_money("-£3", unit), pounds(-3));
    for blank in ["", "  ", "-", "−", "–", " £ -   ", "£-"] {
        assert_eq!(read_money(blank, unit), CellRead::Blank, "{blank:?}");
    }
    for unreadable in ["TBC", "1.2m", "1,25", "n/a", "12.345"] {
        assert!(
            matches!(read_money(unreadable, unit), CellRead::Unreadable(_)),
            "{unreadable}"
        );
    }
    assert_eq!(
        read_money("TBC", unit),
        CellRead::Unreadable("must be a number, like 1250000 or 1,250,000.50".to_string())
    );
}

#[test]
fn figures_in_thousands_scale_exactly() {
    let k = MoneyUnit::Thousands;
    assert_eq!(read_money("1,250", k), pounds(1_250_000));
    assert_eq!(read_money("1,250.5", k), pounds(1_250_500));
    assert_eq!(read_money("0.001", k), pounds(1));
    assert_eq!(
        read_money("(220.33601)", k),
        CellRead::Value(Money::from_pence(-22_033_601))
    );
    // Exactly: 0.1 + 0.2 in thousands is £300.00, not 300.00000000000006.
    assert_eq!(read_money("0.3", k), pounds(300));
    assert!(matches!(read_money("0.000001", k), CellRead::Unreadable(_)));
    assert_eq!(read_money("-", k), CellRead::Blank);
    assert_eq!(read_money("1.5", MoneyUnit::Millions), pounds(1_500_000));
    // The £1 trillion limit applies after scaling.
    assert!(matches!(
        read_money("2,000,000,000", k),
        CellRead::Unreadable(_)
    ));
    assert_eq!(
        Money::parse_in("1,250", MoneyUnit::Pounds),
        Ok(Money::pounds(1_250))
    );
}

#[test]
fn percentages_and_years() {
    assert_eq!(
        read_percent("5.66%"),
        CellRead::Value(Percent::from_hundredths(566))
    );
    assert_eq!(
        read_percent("2"),
        CellRead::Value(Percent::from_hundredths(200))
    );
    assert_eq!(read_percent("−"), CellRead::Blank);
    assert!(matches!(read_percent("TBC"), CellRead::Unreadable(_)));
    assert_eq!(read_year("2025/26"), CellRead::Value(FinancialYear(2025)));
    assert_eq!(
        read_year("FY 2026/27"),
        CellRead::Value(FinancialYear(2026))
    );
    assert_eq!(read_year(""), CellRead::Blank);
    assert!(matches!(read_year("next year"), CellRead::Unreadable(_)));
}

fn field(heading: &str) -> ColumnMatch {
    match_heading(heading).0
}

fn column(c: SchemeColumn) -> ColumnMatch {
    ColumnMatch::Field(SchemeField::Column(c))
}

#[test]
fn headings_match_ignoring_case_spaces_and_punctuation() {
    let y = FinancialYear(2025);
    for heading in [
        "Scheme ID",
        "scheme ref",
        "Reference",
        "REF.",
        "Scheme reference",
    ] {
        assert_eq!(field(heading), column(SchemeColumn::Reference), "{heading}");
    }
    for heading in ["Scheme Name", "name", " Scheme  name "] {
        assert_eq!(field(heading), column(SchemeColumn::Name), "{heading}");
    }
    assert_eq!(field("Commissioner"), column(SchemeColumn::Commissioner));
    assert_eq!(field("Provider"), column(SchemeColumn::Provider));
    for heading in ["Source of Funding", "Funding source", "Stream"] {
        assert_eq!(field(heading), column(SchemeColumn::Stream), "{heading}");
    }
    assert_eq!(field("Pool"), column(SchemeColumn::Pool));
    assert_eq!(field("Ring-fence"), column(SchemeColumn::RingFence));
    assert_eq!(field("Savings %"), column(SchemeColumn::Savings));
    for heading in [
        "Budget 2025/26",
        "Expenditure 2025/26",
        "2025-26",
        "2025/26 budget",
        "Expenditure for 2025-26 (£)",
        "FY 2025/26",
    ] {
        assert_eq!(field(heading), column(SchemeColumn::Budget(y)), "{heading}");
    }
    assert_eq!(field("Forecast 2025/26"), column(SchemeColumn::Forecast(y)));
    assert_eq!(
        field("Forecast spend 2025/26"),
        ColumnMatch::Field(SchemeField::ForecastSpend(y))
    );
    assert_eq!(
        field("Variance 2025/26"),
        ColumnMatch::Field(SchemeField::Variance(y))
    );
    assert_eq!(field("Notes"), ColumnMatch::Field(SchemeField::Notes));
    assert_eq!(
        field("Start year"),
        ColumnMatch::Field(SchemeField::FirstYear)
    );
    assert_eq!(field("End Year"), ColumnMatch::Field(SchemeField::LastYear));
    assert_eq!(field("Scheme Type"), ColumnMatch::NotKept);
    assert_eq!(field("New/Existing"), ColumnMatch::NotKept);
    assert_eq!(field("Colour"), ColumnMatch::Unknown);
    assert_eq!(field("Budget 2025/27"), ColumnMatch::Unknown);
    assert_eq!(
        match_heading("Expenditure 2025/26 (£000)"),
        (column(SchemeColumn::Budget(y)), Some(MoneyUnit::Thousands))
    );
}

#[test]
fn a_header_row_is_recognised_and_its_ignored_columns_listed() {
    let cells = |texts: &[&str]| texts.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    let header = read_header(&cells(&[
        "Scheme ID",
        "Scheme Name",
        "Scheme Type",
        "Colour",
        "Expenditure 2025/26 (£000)",
        "Name",
        "",
    ]))
    .unwrap();
    assert_eq!(header.unit, Some(MoneyUnit::Thousands));
    assert_eq!(header.ignored(), ["Scheme Type", "Colour", "Name"]);
    assert_eq!(
        header.columns[5],
        ColumnMatch::Repeated(SchemeField::Column(SchemeColumn::Name))
    );
    assert_eq!(
        header.fields()[4],
        Some(SchemeField::Column(SchemeColumn::Budget(FinancialYear(
            2025
        ))))
    );
    // Data rows are not headers, even with a year or a pool called "Pool" in them.
    assert!(read_header(&cells(&["Reablement", "Homerton", "£1,250,000"])).is_none());
    assert!(read_header(&cells(&["S1", "Carers", "Pool", "2025/26", "1,000"])).is_none());
    assert!(read_header(&cells(&["2025/26", "2026/27"])).is_none());
    assert!(read_header(&cells(&["", ""])).is_none());
}
