//! Server-side rendered component tests: the app shell and the example results render with the
//! landmarks, captions and header scopes that screen readers rely on.

use pooled_budgets::app::App;

async fn render_app() -> String {
    yew::LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn the_shell_has_a_skip_link_and_landmarks() {
    let html = render_app().await;
    assert!(html.contains(r##"<a class="pb-skip-link" href="#main">Skip to main content</a>"##));
    assert!(html.contains("<header"), "no header landmark");
    assert!(html.contains(r#"<main class="pb-main" id="main""#), "no main landmark");
    assert!(html.contains("<footer"), "no footer landmark");
    assert_eq!(html.matches("<h1>").count(), 1, "exactly one h1");
}

#[tokio::test]
async fn the_example_shows_each_partners_net_cost_with_captions_and_scopes() {
    let html = render_app().await;
    assert!(html.contains("What each partner pays, 2025/26 to 2029/30"), "{html}");
    assert!(html.contains("London Borough of Hackney"));
    assert!(html.contains("All partners"));
    assert!(html.contains(": income and spending by year</caption>"));
    // Every header cell says what it heads.
    let headers = html.matches("<th ").count();
    let scoped = html.matches(r#"<th scope="#).count();
    assert!(headers > 0);
    assert_eq!(headers, scoped, "every <th> has a scope");
    // Money is shown to the penny with a pound sign and thousands separators.
    assert!(html.contains("pb-table__cell--numeric\">£"));
}
