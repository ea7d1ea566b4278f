//! The embed config file: which host pages the app talks to.

use pooled_budgets::codec::embed_config::{decode, normalise_origin, origin_of};

#[test]
fn origins_are_written_the_way_browsers_report_them() {
    let (config, problems) =
        decode(r#"{"hostOrigins": ["https://Intranet.Example.gov.uk/", "http://10.0.0.5:8080"]}"#)
            .unwrap();
    assert!(problems.is_empty());
    assert!(config.trusts("https://intranet.example.gov.uk"));
    assert!(config.trusts("http://10.0.0.5:8080"));
    assert!(!config.trusts("http://10.0.0.5"));
    assert!(!config.trusts("https://evil.example"));
}

#[test]
fn a_bad_entry_is_named_and_the_good_ones_still_count() {
    let (config, problems) = decode(
        r#"{"hostOrigins": ["*", "https://a.example/page.html", "ftp://a.example", "https://b.example"]}"#,
    )
    .unwrap();
    assert_eq!(config.host_origins, ["https://b.example"]);
    assert_eq!(problems.len(), 3);
    assert!(problems[0].contains("‘*’ is not an origin"));
    assert!(problems[1].contains("https://a.example/page.html"));
}

#[test]
fn an_empty_or_default_file_trusts_no_one() {
    let (config, problems) = decode(r#"{"hostOrigins": []}"#).unwrap();
    assert!(config.host_origins.is_empty() && problems.is_empty());
    let (config, _) = decode("{}").unwrap();
    assert!(!config.trusts("null"));
}

#[test]
fn a_file_that_is_not_the_format_says_what_it_should_look_like() {
    let error = decode(r#"{"hostOrigin": "https://a.example"}"#).unwrap_err();
    assert!(error.contains("hostOrigins"), "{error}");
    assert!(decode("not json")
        .unwrap_err()
        .contains("could not be read"));
}

#[test]
fn a_referrer_gives_its_origin() {
    assert_eq!(
        origin_of("https://intranet.example.gov.uk/news/board-paper?x=1#top").as_deref(),
        Some("https://intranet.example.gov.uk")
    );
    assert_eq!(
        origin_of("http://127.0.0.1:4186").as_deref(),
        Some("http://127.0.0.1:4186")
    );
    assert_eq!(origin_of(""), None);
    assert_eq!(normalise_origin("https://"), None);
    assert_eq!(normalise_origin("https://user@a.example"), None);
}
