//! The comparison view rendered on the server side: every option's column, differences with a
//! sign and a word, captions and header scopes, and labelled controls for the stress test.

mod common;

use pooled_budgets::app::components::compare_view::CompareView;
use pooled_budgets::app::state::EditorState;
use pooled_budgets::model::{templates, MoneyDisplay, MoneyUnit, NegativeStyle};
use yew::prelude::*;

#[function_component(Harness)]
fn harness() -> Html {
    let editor = use_reducer(|| EditorState::new(templates::all().remove(0).model));
    html! { <CompareView editor={editor} on_close={Callback::noop()} /> }
}

async fn render() -> String {
    yew::LocalServerRenderer::<Harness>::new()
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn the_template_s_options_sit_side_by_side_against_the_base() {
    let html = common::without_name_isolation(&render().await);
    assert!(html.contains("Compare options: Better Care Fund"), "{html}");
    assert!(html.contains("Option A: as agreed (base)"));
    // Two options beside the base, in the partner table and the one pool's table.
    assert_eq!(html.matches("Difference from base (£)</th>").count(), 4);
    assert!(html.contains("Net cost by partner, 2025/26 to 2029/30<span"));
    assert!(html.contains("Amounts in pounds."));
    // Differences read by sign and word, not colour alone.
    assert!(html.contains("more (+") || html.contains("less (\u{2212}"));
    assert!(html.contains("no change"));
    // The stress test starts at a 5% overspend on every line.
    assert!(html.contains("+5% (overspend)"));
    assert!(html.contains("under each risk-share pattern<span"));
    // The title block: the model, the options compared and the template's status.
    assert!(html.contains("Options compared"), "{html}");
    assert!(html.contains("Option A: as agreed (base), Option B: pro rata, Option C: host bears"));
    assert!(html.contains("Illustrative figures: not for decision"));
    // The chart plots the differences, with each option's description of its largest one.
    assert!(html.contains("Difference from the base (Option A: as agreed) in net cost by partner"));
    assert!(html.contains("Under Option B: pro rata the largest change is"));
    // The assumptions and the differences year by year, a table per option.
    assert!(html.contains("Assumptions: each option, and what differs from the base"));
    assert!(
        html.contains("Option C: host bears: difference from the base in net cost, by year<span")
    );
    let headers = html.matches("<th ").count();
    let scoped = html.matches(r#"<th scope="#).count();
    assert_eq!(headers, scoped, "every <th> has a scope");
}

#[function_component(InThousands)]
fn in_thousands() -> Html {
    let editor = use_reducer(|| {
        let mut model = templates::all().remove(0).model;
        model.money_display = MoneyDisplay {
            unit: MoneyUnit::Thousands,
            negatives: NegativeStyle::Brackets,
        };
        EditorState::new(model)
    });
    html! { <CompareView editor={editor} on_close={Callback::noop()} /> }
}

/// The board paper is this view printed: in £000 every amount column says so, no figure keeps
/// its pence, and each caption says how negatives are shown.
#[tokio::test]
async fn in_thousands_every_money_column_is_headed_in_thousands() {
    let html = yew::LocalServerRenderer::<InThousands>::new()
        .hydratable(false)
        .render()
        .await;
    let html = common::without_name_isolation(&html);
    let numeric_heads: Vec<&str> = html
        .split("pb-table__header--numeric\">")
        .skip(1)
        .map(|rest| rest.split("</th>").next().unwrap_or(""))
        .collect();
    assert!(numeric_heads.len() > 10, "{html}");
    for head in &numeric_heads {
        assert!(head.contains("(£000)"), "{head}");
    }
    let cells: Vec<&str> = html
        .split("pb-table__cell--numeric\">")
        .skip(1)
        .map(|rest| rest.split("</td>").next().unwrap_or(""))
        .collect();
    assert!(cells.len() > 20);
    for cell in &cells {
        assert!(!cell.contains('£'), "a £000 figure carries no £: {cell}");
        assert!(!cell.contains('.'), "a £000 figure has no pence: {cell}");
    }
    assert!(html.contains("Amounts in £000"));
    assert!(html.contains("Negative amounts are in brackets, like (1,250)."));
}

#[tokio::test]
async fn every_control_has_a_label() {
    let html = render().await;
    common::assert_every_control_labelled(&html);
}

#[function_component(ManyOptions)]
fn many_options() -> Html {
    let editor = use_reducer(|| {
        let mut model = templates::all().remove(0).model;
        for id in 4..=8 {
            let mut copy = model.scenarios[0].clone();
            copy.id = pooled_budgets::model::ScenarioId(id);
            copy.name = format!("Option {id}");
            model.scenarios.push(copy);
        }
        model.base_scenario = pooled_budgets::model::ScenarioId(8);
        EditorState::new(model)
    });
    html! { <CompareView editor={editor} on_close={Callback::noop()} /> }
}

#[tokio::test]
async fn with_more_than_six_options_the_base_and_the_first_five_others_are_compared() {
    let html = yew::LocalServerRenderer::<ManyOptions>::new()
        .hydratable(false)
        .render()
        .await;
    let html = common::without_name_isolation(&html);
    assert!(!html.contains("Choose at most"), "{html}");
    assert!(html.contains("Option 8 (base)"));
    // Six ticked: the base (the last option) and the first five others.
    assert_eq!(html.matches(" checked").count(), 6, "{html}");
}
