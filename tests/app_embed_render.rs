//! Server-side rendered: the read-only view an intranet article embeds shows a shared model's
//! results with nothing to edit, and a broken link says what to do.

mod common;

use pooled_budgets::app::components::shared_model::{SharedModel, SharedModelProps};

async fn render(fragment: &str) -> String {
    let props = SharedModelProps {
        fragment: fragment.to_string(),
    };
    yew::LocalServerRenderer::<SharedModel>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn a_shared_model_shows_its_chosen_option_read_only() {
    let link = include_str!("golden/link-v1-reference.txt").trim();
    let html = common::without_name_isolation(&render(link).await);
    assert!(html.contains("<h1>City and Hackney pooled budgets 2025/26 to 2029/30</h1>"));
    assert!(html.contains("A shared model, read-only."));
    // The link chose option B, and its results are on screen.
    assert!(
        html.contains("Option B: pro rata, 2025/26 to 2029/30."),
        "{html}"
    );
    assert!(html.contains("What each partner pays, 2025/26 to 2029/30"));
    // The only controls: the list of options to show, the button that compares them, and the
    // charts' "Show as a table". Nothing can be edited or saved.
    assert_eq!(html.matches("<select").count(), 1);
    let compare = html
        .matches(">Compare options side by side</button>")
        .count();
    let tables = html.matches(">Show as a table</button>").count();
    assert_eq!(compare, 1);
    assert_eq!(html.matches("<button").count(), compare + tables);
    assert!(!html.contains("<input") && !html.contains("<textarea"));
}

#[tokio::test]
async fn a_model_with_one_option_has_no_option_list() {
    let link = include_str!("golden/link-v1-small.txt").trim();
    let html = render(link).await;
    assert!(html.contains("<h1>Small example</h1>"), "{html}");
    assert!(!html.contains("<select"));
}

#[tokio::test]
async fn a_broken_link_is_explained_with_what_to_do() {
    let html = render("m1.AAAAAAAA").await;
    assert!(html.contains("This model cannot be shown"));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("Ask whoever published this page to make a new link"));
    assert!(!html.contains("Results"));
}
