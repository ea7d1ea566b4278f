//! Server-side rendered: what the editor and results show for a model they cannot fully
//! follow (a partner or pool that is not there, a plan outside the usual years), and names
//! isolated for bidirectional text.

mod common;

use pooled_budgets::app::components::contributions_editor::ContributionsEditor;
use pooled_budgets::app::components::plan_editor::PlanEditor;
use pooled_budgets::app::components::pools_editor::PoolsEditor;
use pooled_budgets::app::components::results_panel::ResultsPanel;
use pooled_budgets::app::components::ring_fences_editor::RingFencesEditor;
use pooled_budgets::app::components::scheme_grid::SchemeGrid;
use pooled_budgets::app::fields::Shared;
use pooled_budgets::app::state::EditorState;
use pooled_budgets::model::{
    reference_model, small_model, FinancialYear, Model, PartnerId, PoolId,
};
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Plan,
    Pools,
    Contributions,
    Lines,
    RingFences,
    Results,
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    model: Model,
    part: Part,
}

#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let editor = use_reducer(|| EditorState::new(props.model.clone()));
    match props.part {
        Part::Plan => {
            let scenario = editor.scenario().cloned().unwrap_or_else(|| {
                panic!("the model has no option to plan");
            });
            html! {
                <PlanEditor scenario_index={editor.scenario_index()}
                    name={AttrValue::from(scenario.name.clone())} horizon={scenario.horizon}
                    errors={Shared::new(editor.field_errors.clone())} editor={editor} />
            }
        }
        Part::Pools => html! { <PoolsEditor editor={editor} /> },
        Part::Contributions => html! { <ContributionsEditor editor={editor} /> },
        Part::Lines => html! { <SchemeGrid editor={editor} on_paste_block={Callback::noop()} /> },
        Part::RingFences => html! { <RingFencesEditor editor={editor} /> },
        Part::Results => html! { <ResultsPanel editor={editor} /> },
    }
}

async fn render(model: Model, part: Part) -> String {
    yew::LocalServerRenderer::<Harness>::with_props(HarnessProps { model, part })
        .hydratable(false)
        .render()
        .await
}

/// The `<select>` with this id, up to its end.
fn select<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!(r#"id="{id}""#))
        .unwrap_or_else(|| panic!("no field {id}"));
    let start = html[..at].rfind("<select").unwrap_or(at);
    let end = html[at..].find("</select>").map_or(html.len(), |e| at + e);
    &html[start..end]
}

/// The error paragraph beside the field with this id, as text.
fn error_beside(html: &str, id: &str) -> Option<String> {
    let at = html.find(&format!(r#"id="{id}-error""#))?;
    let end = html[at..].find("</p>").map(|e| at + e)?;
    let text = common::without_name_isolation(&html[at..end]);
    Some(text.rsplit('>').next().unwrap_or_default().to_string())
}

#[tokio::test]
async fn a_contribution_paid_by_a_missing_partner_shows_that_with_the_error() {
    let mut model = small_model();
    model.scenarios[0].contributions[0].partner = PartnerId(99);
    let html = render(model, Part::Contributions).await;
    let id = "scenario-0-contribution-0-partner";
    let partner = select(&html, id);
    assert!(
        partner
            .contains(r#"<option value="99" selected="selected">Missing partner (id 99)</option>"#),
        "{partner}"
    );
    assert_eq!(partner.matches(" selected=").count(), 1, "{partner}");
    assert!(partner.contains(r#"aria-invalid="true""#), "{partner}");
    assert!(partner.contains(&format!(r#"aria-describedby="{id}-error""#)));
    let error = error_beside(&html, id).unwrap_or_default();
    assert!(
        error.starts_with("The partner paying contribution '")
            && error.ends_with("' is not one of the partners"),
        "{error}"
    );
    // The other selects of a sound contribution have no error.
    assert!(error_beside(&html, "scenario-0-contribution-1-partner").is_none());
}

#[tokio::test]
async fn a_line_a_pool_and_a_ring_fence_name_what_is_missing() {
    let mut model = reference_model();
    let scenario = &mut model.scenarios[0];
    scenario.lines[0].pool = PoolId(77);
    scenario.lines[0].commissioner = PartnerId(88);
    scenario.pools[0].host = PartnerId(66);
    scenario.ring_fences[0].pool = PoolId(55);
    let lines = render(model.clone(), Part::Lines).await;
    for (id, label) in [
        ("scenario-0-line-0-pool", "Missing pool (id 77)"),
        ("scenario-0-line-0-commissioner", "Missing partner (id 88)"),
    ] {
        assert!(
            select(&lines, id).contains(&format!(" selected=\"selected\">{label}</option>")),
            "{id}"
        );
        assert!(
            error_beside(&lines, id).is_some_and(|e| e.contains("is not one of the")),
            "{id}"
        );
    }
    let pools = render(model.clone(), Part::Pools).await;
    let host = "scenario-0-pool-0-host";
    assert!(
        select(&pools, host).contains(" selected=\"selected\">Missing partner (id 66)</option>")
    );
    assert!(error_beside(&pools, host).is_some_and(|e| e.ends_with("is not one of the partners")));
    let fences = render(model, Part::RingFences).await;
    let pool = "scenario-0-ring-fence-0-pool";
    assert!(select(&fences, pool).contains(" selected=\"selected\">Missing pool (id 55)</option>"));
    assert!(error_beside(&fences, pool).is_some_and(|e| e.ends_with("is not one of the pools")));
}

#[tokio::test]
async fn the_year_lists_offer_every_year_validation_allows_and_the_plan_s_own() {
    let start = "scenario-0-horizon-start";
    let years = "scenario-0-horizon-years";
    let mut model = small_model();
    model.scenarios[0].horizon.start = FinancialYear(2045);
    let html = render(model.clone(), Part::Plan).await;
    let list = select(&html, start);
    assert!(
        list.contains(r#"<option value="2045" selected="selected">2045/46</option>"#),
        "{list}"
    );
    assert_eq!(list.matches("<option").count(), 91, "2000/01 to 2090/91");
    assert!(list.contains(">2000/01</option>") && list.contains(">2090/91</option>"));
    assert!(error_beside(&html, start).is_none());

    model.scenarios[0].horizon.start = FinancialYear(1999);
    model.scenarios[0].horizon.years = 12;
    let html = render(model, Part::Plan).await;
    let list = select(&html, start);
    assert!(
        list.contains(r#"<option value="1999" selected="selected">1999/00</option>"#),
        "{list}"
    );
    assert_eq!(list.matches("<option").count(), 92);
    assert_eq!(
        error_beside(&html, start).as_deref(),
        Some("The first financial year must be between 2000/01 and 2090/91")
    );
    let list = select(&html, years);
    assert!(
        list.contains(r#"<option value="12" selected="selected">12</option>"#),
        "{list}"
    );
    assert_eq!(
        error_beside(&html, years).as_deref(),
        Some("The plan must cover 1 to 10 years; it covers 12")
    );
}

#[tokio::test]
async fn an_option_that_cannot_be_computed_shows_no_figures_and_says_why() {
    let mut model = small_model();
    model.scenarios[0].pools[0].host = PartnerId(99);
    let html = render(model, Part::Results).await;
    assert!(html.contains("This option cannot be computed: "), "{html}");
    assert!(!html.contains("from before your last change"));
    assert!(!html.contains("<table"), "no figures: {html}");
}

#[tokio::test]
async fn names_are_isolated_where_the_app_s_own_words_follow_them() {
    let reversed = "\u{202E}Reversed pool";
    let mut model = small_model();
    model.scenarios[0].pools[0].name = reversed.to_string();
    let isolated = format!(r#"<bdi class="pb-name">{reversed}</bdi>"#);
    let results = render(model.clone(), Part::Results).await;
    assert!(
        results.contains(&format!("{isolated}: income and spending by year<span")),
        "{results}"
    );
    let pools = render(model.clone(), Part::Pools).await;
    assert!(
        pools.contains(&format!("Pool 1: {isolated}</legend>")),
        "{pools}"
    );
    // A validation problem quoting the name isolates it too (the pool's host is missing).
    model.scenarios[0].pools[0].host = PartnerId(99);
    let pools = render(model, Part::Pools).await;
    assert!(
        pools.contains(&format!(
            "Host of pool '{isolated}' is not one of the partners"
        )),
        "{pools}"
    );
}

/// The checklist and error summary link to `validate`'s field paths: every problem with a fixed
/// percentage, a tier's first part or a share total must land on a field (or the group of
/// shares) with that id in the pools editor.
#[tokio::test]
async fn risk_share_problems_link_to_the_fields_that_hold_them() {
    use pooled_budgets::model::{
        validate, Money, PartnerShare, Percent, RiskShare, Split, TierBearer, TierLimit,
    };
    let mut fixed = small_model();
    fixed.scenarios[0].pools[0].risk_share = RiskShare::FixedPercentages {
        shares: vec![
            PartnerShare {
                partner: PartnerId(1),
                percent: Percent::from_hundredths(15_000),
            },
            PartnerShare {
                partner: PartnerId(2),
                percent: Percent::from_hundredths(1_000),
            },
        ],
    };
    let mut tiered = small_model();
    tiered.scenarios[0].pools[0].risk_share = RiskShare::Tiered {
        limit: TierLimit::Amount {
            amount: Money::pounds(-5),
        },
        bearer: TierBearer::Host,
        rest: Split::FixedPercentages {
            shares: vec![PartnerShare {
                partner: PartnerId(1),
                percent: Percent::from_hundredths(-100),
            }],
        },
    };
    for model in [fixed, tiered] {
        let ids: Vec<String> = validate(&model)
            .into_iter()
            .filter(|p| p.path.to_dom_id().contains("risk"))
            .map(|p| p.path.to_dom_id())
            .collect();
        assert!(ids.len() >= 2, "too few risk-share problems: {ids:?}");
        let html = render(model, Part::Pools).await;
        for id in ids {
            assert!(
                html.contains(&format!(r#"id="{id}""#)),
                "no element with id {id}"
            );
        }
    }
}
