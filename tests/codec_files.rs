//! Model files and CSV exports: a file with problems is refused or listed problem by problem,
//! each naming its field; CSV is what Excel needs (BOM, CRLF, quoting, no formulas, years as
//! text, plain numbers).

use pooled_budgets::codec::csv;
use pooled_budgets::codec::model_file::{self, FileProblem, Opened, MAX_FILE_BYTES};
use pooled_budgets::model::{
    compute, reference_model, small_model, FinancialYear, Model, Money, Percent, SCHEMA_VERSION,
};
use serde_json::{json, Value};

fn reference_file() -> Value {
    serde_json::to_value(reference_model()).unwrap()
}

fn open(value: &Value) -> Opened {
    model_file::decode(value.to_string().as_bytes())
}

/// The problems of a file that must be refused; fails the test if it opens.
fn refused(opened: Opened) -> Vec<FileProblem> {
    match opened {
        Opened::Refused(problems) => problems,
        other => panic!("expected the file to be refused, got {other:?}"),
    }
}

#[test]
fn a_saved_file_opens_as_the_same_model() {
    let model = reference_model();
    let file = model_file::encode(&model);
    assert!(
        file.contains(&format!("\n  \"schema_version\": {SCHEMA_VERSION}\n")),
        "indented for people: {file}"
    );
    assert_eq!(
        model_file::decode(file.as_bytes()),
        Opened::Model(model.clone())
    );
    // Some editors add a byte order mark when they save.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), file.as_bytes()].concat();
    assert_eq!(model_file::decode(&with_bom), Opened::Model(model));
}

#[test]
fn a_syntax_error_gives_its_line_and_column() {
    let text = "{\n  \"schema_version\": 1,\n  \"name\": \"Broken\",\n}";
    let problems = refused(model_file::decode(text.as_bytes()));
    assert_eq!(problems.len(), 1);
    let message = &problems[0].message;
    assert!(message.contains("not valid JSON"), "{message}");
    assert!(message.contains("line 4, column 1"), "{message}");
}

/// The one problem of a file that must be refused.
fn the_problem(file: &Value) -> FileProblem {
    let mut problems = refused(open(file));
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems.remove(0)
}

fn name_at(file: &Value, list: &str, position: usize) -> String {
    file["scenarios"][0][list][position]["name"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_missing_field_names_the_item_and_the_field() {
    let mut file = reference_file();
    let option = file["scenarios"][0]["name"].as_str().unwrap().to_string();
    let partner = name_at(&file, "partners", 1);
    file["scenarios"][0]["partners"][1]
        .as_object_mut()
        .unwrap()
        .remove("short_name");
    let problem = the_problem(&file);
    assert_eq!(
        problem.field,
        format!("option ‘{option}’ › partner ‘{partner}’")
    );
    assert_eq!(
        problem.json_path.as_deref(),
        Some("scenarios[0].partners[1]")
    );
    assert!(
        problem.message.contains("‘short_name’ is missing"),
        "{problem:?}"
    );
}

#[test]
fn an_amount_written_as_a_number_names_its_field() {
    let mut file = reference_file();
    let option = file["scenarios"][0]["name"].as_str().unwrap().to_string();
    let line = name_at(&file, "lines", 2);
    file["scenarios"][0]["lines"][2]["budget"][1]["amount"] = json!(1250000.5);
    let problem = the_problem(&file);
    assert_eq!(
        problem.field,
        format!("option ‘{option}’ › spending line ‘{line}’ › budget 2026/27 › amount")
    );
    assert_eq!(
        problem.json_path.as_deref(),
        Some("scenarios[0].lines[2].budget[1].amount")
    );
    let expected = "floating point ‘1250000.5’, but the format expects an amount or percentage written as text in quotes, like \"1250000.00\"";
    assert!(problem.message.contains(expected), "{problem:?}");
}

#[test]
fn an_unknown_choice_names_its_field() {
    let mut file = reference_file();
    file["scenarios"][0]["partners"][0]["kind"] = json!("parish");
    let problem = the_problem(&file);
    assert_eq!(
        problem.json_path.as_deref(),
        Some("scenarios[0].partners[0].kind")
    );
    assert!(problem.message.contains("‘parish’"), "{problem:?}");
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_that_reason() {
    let mut file = reference_file();
    file["schema_version"] = json!(SCHEMA_VERSION + 1);
    let problems = refused(open(&file));
    assert_eq!(problems[0].field, "format version");
    assert!(problems[0]
        .message
        .contains("newer version of the modeller"));
    let newer = format!("format {}", SCHEMA_VERSION + 1);
    assert!(problems[0].message.contains(&newer));
}

#[test]
fn json_that_is_not_a_model_is_refused() {
    for text in ["[1, 2, 3]", "{\"name\": \"No version\"}"] {
        let problems = refused(model_file::decode(text.as_bytes()));
        assert_eq!(
            problems[0].json_path.as_deref(),
            Some("schema_version"),
            "{text}"
        );
        assert!(problems[0].message.contains("no schema_version"), "{text}");
    }
}

#[test]
fn a_schema_version_that_is_not_a_whole_number_is_called_that_not_missing() {
    for (text, found) in [
        ("{\"schema_version\": 1.0}", "is 1.0;"),
        ("{\"schema_version\": 1.5}", "is 1.5;"),
        ("{\"schema_version\": -1}", "is -1;"),
        ("{\"schema_version\": \"1\"}", "is not a number;"),
    ] {
        let problems = refused(model_file::decode(text.as_bytes()));
        assert_eq!(problems.len(), 1, "{text}");
        assert_eq!(problems[0].json_path.as_deref(), Some("schema_version"));
        let message = &problems[0].message;
        assert!(message.contains(found), "{text}: {message}");
        assert!(
            message.contains("must be a whole number, like 1"),
            "{message}"
        );
        assert!(!message.contains("no schema_version"), "{message}");
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn a_utf16_file_with_its_byte_order_mark_opens() {
    let model = reference_model();
    let text = model_file::encode(&model);
    for big_endian in [false, true] {
        let bytes = utf16(&text, big_endian);
        assert_eq!(model_file::decode(&bytes), Opened::Model(model.clone()));
    }
    // A byte short: damaged, and said so, with what to do.
    let mut cut = utf16(&text, false);
    cut.pop();
    let problems = refused(model_file::decode(&cut));
    assert!(problems[0]
        .message
        .contains("marked as UTF-16 text but is damaged"));
    assert!(problems[0].message.contains("save it as UTF-8"));
}

#[test]
fn a_model_over_the_size_limits_is_refused_with_which_limit() {
    let mut model = reference_model();
    let line = model.scenarios[0].lines[0].clone();
    model.scenarios[0].lines = (1..=201)
        .map(|id| {
            let mut copy = line.clone();
            copy.id.0 = id;
            copy
        })
        .collect();
    let problems = refused(model_file::decode(model_file::encode(&model).as_bytes()));
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.starts_with(
            "Option 1 has 201 spending lines; the modeller supports at most 200 spending lines in one option."
        ),
        "{}",
        problems[0].message
    );
    let mut long_name = reference_model();
    long_name.scenarios[0].partners[0].name = "x".repeat(4000);
    let problems = refused(model_file::decode(
        model_file::encode(&long_name).as_bytes(),
    ));
    assert!(
        problems[0]
            .message
            .starts_with("A name in option 1 has 4,000 characters; names may have at most 200."),
        "{}",
        problems[0].message
    );
}

#[test]
fn empty_binary_and_oversized_files_are_refused_before_reading() {
    let empty = refused(model_file::decode(b"  \n"));
    assert!(empty[0].message.contains("The file is empty"));
    let binary = refused(model_file::decode(&[0x50, 0x4B, 0x03, 0x04, 0xFF, 0xFE]));
    assert!(binary[0].message.contains("not a text file"));
    let huge = vec![b' '; MAX_FILE_BYTES + 1];
    let too_large = refused(model_file::decode(&huge));
    assert!(
        too_large[0].message.contains("The file is 5.0 MB"),
        "{too_large:?}"
    );
    assert!(too_large[0].message.contains("up to 5 MB"));
}

#[test]
fn a_model_that_fails_validation_lists_every_problem_with_its_field_in_words() {
    let mut model = small_model();
    model.name = String::new();
    model.scenarios[0].partners[1].short_name = " ".to_string();
    model.scenarios[0].lines[0].budget[0].amount = Money::pounds(-5);
    let Opened::Incomplete(opened, problems) =
        model_file::decode(model_file::encode(&model).as_bytes())
    else {
        panic!("an invalid model still opens, with its problems listed");
    };
    assert_eq!(opened, model);
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    let option = "option ‘Better Care Fund 2025/26 to 2027/28’";
    assert_eq!(
        fields,
        vec![
            "name".to_string(),
            format!(
                "{option} › partner ‘NHS North East London Integrated Care Board’ › short name"
            ),
            format!("{option} › spending line ‘Reablement’ › budget › year 2025/26 › amount"),
        ]
    );
    assert!(problems
        .iter()
        .all(|p| !p.message.is_empty() && p.json_path.is_none()));
}

#[test]
fn file_names_keep_the_model_name_without_characters_file_systems_refuse() {
    assert_eq!(
        model_file::file_name("Hackney / City: BCF 2025/26", "json"),
        "Hackney - City- BCF 2025-26.json"
    );
    assert_eq!(model_file::file_name("  ..\\  ", "csv"), "Model.csv");
    assert_eq!(
        model_file::file_name("Café <plan>", "json"),
        "Café -plan.json"
    );
}

#[test]
fn csv_text_is_quoted_per_rfc_4180_and_never_runs_as_a_formula() {
    assert_eq!(csv::text("Plain"), "Plain");
    assert_eq!(csv::text("Health, care"), "\"Health, care\"");
    assert_eq!(csv::text("The \"big\" pool"), "\"The \"\"big\"\" pool\"");
    assert_eq!(csv::text("Two\nlines"), "\"Two\nlines\"");
    assert_eq!(csv::text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv::text("+44 trust"), "'+44 trust");
    assert_eq!(csv::text("-ICB"), "'-ICB");
    assert_eq!(csv::text("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv::text("Trust = NHS"), "Trust = NHS");
}

#[test]
fn csv_numbers_are_plain_and_years_are_text() {
    assert_eq!(csv::money(Money::from_pence(-123_456_789)), "-1234567.89");
    assert_eq!(csv::money(Money::pounds(5)), "5.00");
    assert_eq!(csv::money(Money::ZERO.negate()), "0.00");
    assert_eq!(csv::percent(Some(Percent::from_hundredths(-566))), "-5.66");
    assert_eq!(
        csv::percent(Some(Percent::new("33.3333333".parse().unwrap()))),
        "33.33"
    );
    assert_eq!(csv::percent(None), "");
    assert_eq!(csv::year(FinancialYear(2011)), "FY 2011/12");
}

fn lines(bytes: &[u8]) -> Vec<String> {
    let text =
        std::str::from_utf8(bytes.strip_prefix(csv::BOM).expect("starts with a BOM")).unwrap();
    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "every line ends CRLF"
    );
    text.trim_end_matches("\r\n")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn results_csvs_have_a_header_and_a_row_per_partner_or_pool_per_year() {
    let model = small_model();
    let results = compute(&model.scenarios[0]).unwrap();
    let partners = lines(&csv::partner_results(&results));
    assert_eq!(
        partners[0],
        "Option,Financial year,Partner,Short name,Contributions,Funding gap share,Variance share,Unallocated income share,Net cost"
    );
    assert_eq!(partners.len(), 1 + 3 * 3);
    assert!(partners[1].starts_with(
        "Better Care Fund 2025/26 to 2027/28,FY 2025/26,London Borough of Hackney,LBH,10500000.00,"
    ));
    let pools = lines(&csv::pool_results(&results));
    assert_eq!(
        pools[0],
        "Option,Financial year,Pool,Income,Planned spend,Funding gap,Unallocated income,Forecast spend,Variance,Balance"
    );
    assert_eq!(pools.len(), 1 + 3);
    assert!(
        pools[3].starts_with("Better Care Fund 2025/26 to 2027/28,FY 2027/28,Better Care Fund,")
    );
}

#[test]
fn the_comparison_csv_has_a_row_per_partner_per_option_against_the_base() {
    let model: Model = reference_model();
    let rows = lines(&csv::comparison(&model).unwrap());
    assert_eq!(
        rows[0],
        "Option,Base option,Partner,Base net cost,Option net cost,Difference,Difference (%)"
    );
    let base = model.scenario(model.base_scenario).unwrap();
    let others = model.scenarios.len() - 1;
    assert!(others >= 1);
    assert_eq!(rows.len(), 1 + others * base.partners.len());
    for row in &rows[1..] {
        let cells: Vec<&str> = row.split(',').collect();
        let [base_cost, option_cost, difference] = [
            cells[cells.len() - 4],
            cells[cells.len() - 3],
            cells[cells.len() - 2],
        ]
        .map(|c| c.parse::<rust_decimal::Decimal>().unwrap());
        assert_eq!(option_cost - base_cost, difference, "{row}");
    }
}

/// "Difference (%)" follows the screen's rule: empty where the base is zero or under 1% of the
/// largest figure compared (the partners and their totals), as the screen says "n/a".
#[test]
fn the_comparison_csv_leaves_out_a_percentage_on_a_negligible_base_as_the_screen_does() {
    let model = pooled_budgets::model::templates::all().remove(0).model;
    let rows = lines(&csv::comparison(&model).unwrap());
    let row = |option: &str, partner: &str| -> Vec<String> {
        rows.iter()
            .find(|r| r.starts_with(&format!("{option},")) && r.contains(&format!(",{partner},")))
            .unwrap_or_else(|| panic!("{option} / {partner} in {rows:?}"))
            .split(',')
            .map(str::to_string)
            .collect()
    };
    // Homerton's £1,979k against the £230,051k total: under 1%, so no percentage (the screen
    // shows "more (n/a)"), while its £21k difference keeps its full precision.
    let homerton = row(
        "Option B: pro rata",
        "Homerton Healthcare NHS Foundation Trust",
    );
    assert_eq!(
        homerton.last().map(String::as_str),
        Some(""),
        "{homerton:?}"
    );
    let difference: rust_decimal::Decimal = homerton[homerton.len() - 2].parse().unwrap();
    assert!(
        difference > rust_decimal::Decimal::from(20_000),
        "{homerton:?}"
    );
    // LBH's £76,529k base is well above it: the percentage, as points to two places.
    let hackney = row("Option B: pro rata", "London Borough of Hackney");
    assert_eq!(
        hackney.last().map(String::as_str),
        Some("-0.46"),
        "{hackney:?}"
    );
}

/// How money is shown is kept in the file, and a model that keeps the defaults (pounds, minus
/// sign) writes the same JSON as before the setting existed.
#[test]
fn the_money_display_is_kept_in_the_file_and_left_out_when_default() {
    let mut model = reference_model();
    assert!(!model_file::encode(&model).contains("money_display"));
    model.money_display = pooled_budgets::model::MoneyDisplay {
        unit: pooled_budgets::model::MoneyUnit::Thousands,
        negatives: pooled_budgets::model::NegativeStyle::Brackets,
    };
    let file = model_file::encode(&model);
    let value: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(
        value["money_display"],
        json!({ "unit": "thousands", "negatives": "brackets" })
    );
    assert_eq!(model_file::decode(file.as_bytes()), Opened::Model(model));
}

/// The first object in `value` whose `kind` is `kind`, as a JSON pointer.
fn first_of_kind(value: &Value, kind: &str, at: String) -> Option<String> {
    match value {
        Value::Object(map) if map.get("kind") == Some(&json!(kind)) => Some(at),
        Value::Object(map) => map
            .iter()
            .find_map(|(key, v)| first_of_kind(v, kind, format!("{at}/{key}"))),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| first_of_kind(v, kind, format!("{at}/{i}"))),
        _ => None,
    }
}

#[test]
fn a_tagged_rule_reads_with_its_kind_anywhere_and_unknown_fields_ignored() {
    // The model's `kind`-tagged rules are read by hand (src/model/tagged.rs), not by serde's
    // buffered tagged-enum decoder; the format must be exactly the same.
    let model = reference_model();
    let text = model_file::encode(&model);
    // `model_file::encode` writes `kind` first; move it after the fields and add a stray field.
    let moved = text
        .replace(
            "\"kind\": \"uplift\",\n",
            "\"stray\": [1, {\"a\": null}],\n",
        )
        .replace("\"uplift\": \"", "\"kind\": \"uplift\", \"uplift\": \"");
    assert_ne!(moved, text, "the reference model has an uplift rule");
    assert_eq!(model_file::decode(moved.as_bytes()), Opened::Model(model));
}

#[test]
fn a_tagged_rule_missing_a_field_or_with_an_unknown_kind_says_so() {
    let file = reference_file();
    let at = first_of_kind(&file, "uplift", String::new()).expect("an uplift rule");
    let mut missing = file.clone();
    missing
        .pointer_mut(&at)
        .and_then(Value::as_object_mut)
        .unwrap()
        .remove("uplift");
    let problem = the_problem(&missing);
    assert!(
        problem.message.contains("‘uplift’ is missing"),
        "{problem:?}"
    );
    // Placed at the rule itself, not at the item holding it.
    let pointer = |path: &str| {
        path.replace('[', ".")
            .replace(']', "")
            .split('.')
            .map(|step| format!("/{step}"))
            .collect::<String>()
    };
    assert_eq!(problem.json_path.as_deref().map(pointer), Some(at.clone()));

    let mut unknown = file;
    unknown.pointer_mut(&at).unwrap()["kind"] = json!("doubling");
    let problem = the_problem(&unknown);
    assert!(
        problem
            .message
            .contains("not one of the values the format allows: ‘doubling’"),
        "{problem:?}"
    );
    assert!(problem.message.contains("‘per_year’"), "{problem:?}");
}
