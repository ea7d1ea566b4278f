//! The scheme grid, server-side rendered and called natively: every cell is named by its
//! column and its scheme, a year a scheme does not run says so in words, forecasts are read as
//! the model says they are typed, and the forecast switch is one undoable step.

mod common;

use pooled_budgets::app::components::scheme_grid::{parse_forecast, SchemeGrid};
use pooled_budgets::app::state::{Action, EditorState};
use pooled_budgets::model::{
    small_model, FinancialYear, ForecastEntry, Model, Money, MoneyUnit, Outturn,
};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
struct HarnessProps {
    model: Model,
}

#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let editor = use_reducer(|| EditorState::new(props.model.clone()));
    html! { <SchemeGrid editor={editor} on_paste_block={Callback::noop()} /> }
}

async fn render(model: Model) -> String {
    yew::LocalServerRenderer::<Harness>::with_props(HarnessProps { model })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn each_cell_is_named_by_its_column_and_scheme_and_each_row_has_a_header() {
    let model = small_model();
    let line = model.scenarios[0].lines[0].name.clone();
    let rows = model.scenarios[0].lines.len();
    let html = render(model).await;
    common::assert_every_control_labelled(&html);
    assert_eq!(html.matches(r#"<th scope="row""#).count(), rows);
    assert!(html.contains(&format!(r#"aria-label="Budget 2025/26, {line}""#)));
    assert!(html.contains(&format!(r#"aria-label="Scheme name, {line}""#)));
    assert!(
        html.contains(">Forecast over/underspend 2025/26</th>"),
        "{html}"
    );
    assert!(html.contains(">Variance 2025/26</th>"));
}

#[tokio::test]
async fn a_year_the_scheme_does_not_run_says_so_and_has_no_cell_to_type_in() {
    let mut model = small_model();
    let start = model.scenarios[0].horizon.start;
    model.scenarios[0].lines[0].first_year = Some(FinancialYear::starting(start.start_year() + 1));
    let line = model.scenarios[0].lines[0].name.clone();
    let html = render(model).await;
    assert!(html.contains("Not running"));
    assert!(!html.contains(&format!(r#"aria-label="Budget {start}, {line}""#)));
}

#[test]
fn forecast_spend_is_read_as_spend_and_never_negative() {
    let spend = parse_forecast("£1,050,000", ForecastEntry::Spend, MoneyUnit::Pounds);
    assert_eq!(
        spend,
        Ok(Outturn::Spend {
            amount: Money::pounds(1_050_000)
        })
    );
    let negative = parse_forecast("−20,000", ForecastEntry::Spend, MoneyUnit::Pounds);
    assert!(negative.is_err_and(|e| e.starts_with("cannot be negative; to type an underspend")));
    assert!(parse_forecast("5%", ForecastEntry::Spend, MoneyUnit::Pounds).is_err());
    assert_eq!(
        parse_forecast("  ", ForecastEntry::Spend, MoneyUnit::Pounds),
        Ok(Outturn::AsPlanned)
    );
}

#[test]
fn a_variance_may_be_an_amount_or_a_percentage_either_side_of_plan() {
    assert_eq!(
        parse_forecast("(20,000)", ForecastEntry::Variance, MoneyUnit::Pounds),
        Ok(Outturn::VarianceAmount {
            amount: Money::pounds(-20_000)
        })
    );
    assert!(matches!(
        parse_forecast("5%", ForecastEntry::Variance, MoneyUnit::Pounds),
        Ok(Outturn::VariancePercent { .. })
    ));
    assert!(parse_forecast("TBC", ForecastEntry::Variance, MoneyUnit::Pounds).is_err());
    // In a model shown in £000: a bare figure is thousands, one written with £ is pounds.
    let k = MoneyUnit::Thousands;
    assert_eq!(
        parse_forecast("1,250", ForecastEntry::Spend, k),
        Ok(Outturn::Spend {
            amount: Money::pounds(1_250_000)
        })
    );
    assert_eq!(
        parse_forecast("£1,050,000", ForecastEntry::Spend, k),
        Ok(Outturn::Spend {
            amount: Money::pounds(1_050_000)
        })
    );
    assert_eq!(
        parse_forecast("(20)", ForecastEntry::Variance, k),
        Ok(Outturn::VarianceAmount {
            amount: Money::pounds(-20_000)
        })
    );
}

#[test]
fn the_forecast_switch_is_one_undoable_step() {
    let state = EditorState::new(small_model());
    assert_eq!(state.model.forecast_entry, ForecastEntry::Variance);
    let state = state.reduce(Action::ForecastEntry(ForecastEntry::Spend));
    assert_eq!(state.model.forecast_entry, ForecastEntry::Spend);
    assert!(state.can_undo());
    let state = state.reduce(Action::Undo);
    assert_eq!(state.model.forecast_entry, ForecastEntry::Variance);
}
