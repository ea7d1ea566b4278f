//! The examples in docs/model-format.md are true: the model is valid, and its CSV export is the
//! one shown; saved models read back unchanged.

use pooled_budgets::codec::csv;
use pooled_budgets::model::{compute, reference_model, validate, Model, SCHEMA_VERSION};

/// The first block of code in `language` in docs/model-format.md.
fn documented(language: &str) -> String {
    let doc = include_str!("../docs/model-format.md");
    let fence = format!("```{language}\n");
    let start = doc.find(&fence).map(|i| i + fence.len()).unwrap();
    let end = doc[start..].find("```").unwrap() + start;
    doc[start..end].to_string()
}

fn documented_example() -> String {
    documented("json")
}

#[test]
fn documented_example_is_valid_and_computes() {
    let model: Model = serde_json::from_str(&documented_example()).unwrap();
    assert_eq!(model.schema_version, SCHEMA_VERSION);
    assert_eq!(validate(&model), vec![]);
    let results = compute(&model.scenarios[0]).unwrap();
    // NHS minimum 1,000,000 then 1,056,600; plus 500,000 and the DFG per year.
    assert_eq!(results.pools[0].years[1].income.to_string(), "1766600.00");
}

/// The same example as schema version 1 wrote it (a first-year budget and growth per line),
/// kept as it was: read as any saved model is read, it migrates to the example above and
/// exports the same CSV to the penny.
#[test]
fn the_version_1_example_migrates_to_the_same_model_and_figures() {
    let v1 = include_str!("golden/model-v1-documented.json");
    assert!(v1.contains("\"base_budget\": \"1100000.00\", \"growth\": \"3\""));
    let migrated = pooled_budgets::codec::saved::decode(v1).unwrap();
    let mut current: Model = serde_json::from_str(&documented_example()).unwrap();
    // The version 2 example adds a reference, provider and funding source to the first line.
    let line = &mut current.scenarios[0].lines[0];
    (line.reference, line.provider, line.stream) = (String::new(), String::new(), None);
    assert_eq!(migrated, current);
    let exported = csv::partner_results(&compute(&migrated.scenarios[0]).unwrap());
    let expected = format!("\u{feff}{}", documented("csv").replace('\n', "\r\n"));
    assert_eq!(String::from_utf8(exported).unwrap(), expected);
}

#[test]
fn reference_model_round_trips_through_json() {
    let model = reference_model();
    let json = serde_json::to_string_pretty(&model).unwrap();
    assert!(json.contains("\"uplift\": \"5.66\""));
    assert!(json.contains("\"start\": \"2025/26\""));
    let back: Model = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}

#[test]
fn documented_example_exports_the_documented_csv_to_the_penny() {
    let model: Model = serde_json::from_str(&documented_example()).unwrap();
    let results = compute(&model.scenarios[0]).unwrap();
    let exported = csv::partner_results(&results);
    let text = String::from_utf8(exported).unwrap();
    let expected = format!("\u{feff}{}", documented("csv").replace('\n', "\r\n"));
    assert_eq!(text, expected);
    // Worked by hand in the doc: 2025/26, LBH pays half the 53,900 overspend and gets back
    // 700/1,700 of the 22,000 the plan leaves unspent (9,058.82), apart from its variance share.
    assert!(text.contains(
        ",FY 2025/26,London Borough of Hackney,LBH,700000.00,0.00,26950.00,-9058.82,717891.18\r\n"
    ));
}

/// A model file of schema version 2 (the snapshot saved beside a golden version 2 link) opens
/// as version 5: nothing it holds changes, the new settings take their defaults, and every
/// figure is the same.
#[test]
fn a_version_2_file_opens_as_version_5_with_the_same_figures() {
    let snapshot: serde_json::Value =
        serde_json::from_str(include_str!("golden/link-v2-schemes.json")).unwrap();
    let text = snapshot["model"].to_string();
    assert!(text.contains("\"schema_version\":2"), "{text}");
    let opened = pooled_budgets::codec::saved::decode(&text).unwrap();
    assert_eq!(opened.schema_version, SCHEMA_VERSION);
    assert_eq!(validate(&opened), vec![]);
    assert!(opened.money_display.is_default() && opened.paper.is_default());
    assert!(opened.uncertainty.is_default());
    assert!(opened.scenarios.iter().all(|s| s.link.is_none()));
    let as_read: Model = serde_json::from_str(&text).unwrap();
    for (a, b) in opened.scenarios.iter().zip(&as_read.scenarios) {
        assert_eq!(compute(a), compute(b));
    }
}

#[test]
fn decimals_round_half_away_from_zero_with_integer_digits() {
    use pooled_budgets::model::decimals;
    assert_eq!(decimals(292.0, 1), "292.0");
    assert_eq!(decimals(186.35, 1), "186.4");
    assert_eq!(decimals(-3.25, 2), "-3.25");
    assert_eq!(decimals(-0.04, 1), "0.0");
    assert_eq!(decimals(0.05, 2), "0.05");
    assert_eq!(decimals(7.5, 0), "8");
    assert_eq!(decimals(f64::NAN, 1), "0.0");
    assert_eq!(decimals(640.0, 0), "640");
}
