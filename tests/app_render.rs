//! Server-side rendered component tests: the app shell and the example results render with the
//! landmarks, captions and header scopes that screen readers rely on.

mod common;

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
    // Attribute order in rendered HTML is not fixed, so look for the parts.
    assert!(html.contains(">Skip to main content</a>"), "no skip link");
    assert!(
        html.contains(r##"href="#main""##),
        "skip link does not target #main"
    );
    assert!(html.contains("<header"), "no header landmark");
    assert!(html.contains("<main "), "no main landmark");
    assert!(
        html.contains(r#"id="main""#),
        "main has no id for the skip link"
    );
    assert!(html.contains("<footer"), "no footer landmark");
    assert_eq!(html.matches("<h1>").count(), 1, "exactly one h1");
}

#[tokio::test]
async fn a_fresh_start_opens_the_better_care_fund_template_with_live_results() {
    let html = render_app().await;
    assert!(html.contains("Better Care Fund"), "{html}");
    assert!(html.contains(">Partners</h2>"));
    assert!(html.contains(">Contributions</h2>"));
    assert!(html.contains(">Schemes</h2>"));
    assert!(html.contains("What each partner pays, 2025/26 to 2029/30"));
    assert!(html.contains("All partners"));
    assert!(html.contains(": income and spending by year<span"));
    // Every header cell says what it heads.
    let headers = html.matches("<th ").count();
    let scoped = html.matches(r#"<th scope="#).count();
    assert!(headers > 0);
    assert_eq!(headers, scoped, "every <th> has a scope");
    // Money is shown to the penny with a pound sign and thousands separators.
    assert!(
        html.contains("pb-table__cell pb-table__cell--numeric\">£"),
        "{html}"
    );
}

#[tokio::test]
async fn every_input_and_select_has_a_label() {
    let html = render_app().await;
    common::assert_every_control_labelled(&html);
}

#[tokio::test]
async fn the_first_screen_shows_the_modellers_partner_table_with_nothing_to_edit() {
    use pooled_budgets::app::components::first_screen::{FirstScreen, FirstScreenProps};
    let props = FirstScreenProps {
        model: std::rc::Rc::new(pooled_budgets::app::persistence::starter()),
    };
    let first = yew::LocalServerRenderer::<FirstScreen>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let app = render_app().await;
    let partner_table = |html: &str| {
        let start = html
            .find("What each partner pays, ")
            .expect("a partner table");
        let end = html[start..].find("</table>").expect("the table's end");
        html[start..start + end].to_string()
    };
    // The same figures, drawn by the same code, as the modeller's first frame.
    assert_eq!(partner_table(&first), partner_table(&app));
    assert!(first.contains("Open model: </span><strong>"), "{first}");
    assert!(first.contains(">Loading the editor…</p>"));
    assert!(first.contains(r#"aria-busy="true""#));
    assert_eq!(first.matches("<h1>").count(), 1);
    // Nothing to use but links until the modeller takes over: undo and redo are there, disabled.
    for control in ["<input", "<select", "<textarea"] {
        assert!(!first.contains(control), "{control} on the first screen");
    }
    let buttons: Vec<&str> = first.split("<button").skip(1).collect();
    assert_eq!(buttons.len(), 2, "{first}");
    assert!(buttons
        .iter()
        .all(|b| b[..b.find('>').unwrap_or(0)].contains("disabled")));
}
