//! Saved models (codec::saved): read back what was written, and refuse what is not a model or
//! comes from a newer version with a message that says so.

use pooled_budgets::codec::saved::{decode, encode, ReadError};
use pooled_budgets::model::{large_model, reference_model, SCHEMA_VERSION};

#[test]
fn saved_models_read_back_unchanged() {
    for model in [reference_model(), large_model()] {
        assert_eq!(decode(&encode(&model)), Ok(model));
    }
}

#[test]
fn a_newer_format_is_refused_by_its_version() {
    let newer = SCHEMA_VERSION + 1;
    let text = format!("{{\"schema_version\": {newer}, \"something_new\": [1, 2]}}");
    assert_eq!(decode(&text), Err(ReadError::Newer(newer)));
    assert!(ReadError::Newer(newer)
        .to_string()
        .contains("made by a newer version"));
}

#[test]
fn text_that_is_not_a_model_is_refused_with_the_reason() {
    let detail = |text: &str| match decode(text) {
        Err(error) => error.detail(),
        other => panic!("{text:?} gave {other:?}"),
    };
    assert_eq!(decode("{\"name\": \"x\"}"), Err(ReadError::NoVersion));
    assert_eq!(decode("[1, 2]"), Err(ReadError::NoVersion));
    assert!(matches!(
        decode("{\"schema_version\": 1"),
        Err(ReadError::Syntax { line: 1, .. })
    ));
    assert!(detail("{\"schema_version\": 1, \"name\": 7}").contains("invalid type"));
    assert!(detail("{\"schema_version\": 1, \"name\": 7}").ends_with("at name"));
    assert!(detail("not json").starts_with("it is not valid JSON: expected"));
}
