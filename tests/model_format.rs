//! The example in docs/model-format.md is a valid model, and saved models read back unchanged.

use pooled_budgets::model::{compute, reference_model, validate, Model, SCHEMA_VERSION};

fn documented_example() -> String {
    let doc = include_str!("../docs/model-format.md");
    let start = doc.find("```json").map(|i| i + "```json".len()).unwrap();
    let end = doc[start..].find("```").unwrap() + start;
    doc[start..end].to_string()
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

#[test]
fn reference_model_round_trips_through_json() {
    let model = reference_model();
    let json = serde_json::to_string_pretty(&model).unwrap();
    assert!(json.contains("\"uplift\": \"5.66\""));
    assert!(json.contains("\"start\": \"2025/26\""));
    let back: Model = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}
