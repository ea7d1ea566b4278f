//! Server-side rendered chart tests: each chart is a figure with a title that names its SVG, a
//! sentence describing it, a legend, and a table of the same figures behind a button.

use std::rc::Rc;

use pooled_budgets::app::components::charts::balance_chart::{BalanceChart, BalanceChartProps};
use pooled_budgets::app::components::charts::contributions_chart::{
    ContributionsChart, ContributionsChartProps,
};
use pooled_budgets::model::{compute, format_money, templates, MoneyStyle, Results};
use yew::{BaseComponent, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The Better Care Fund template's three options, computed.
fn options() -> Vec<Rc<Results>> {
    let template = templates::all()
        .into_iter()
        .next()
        .expect("templates exist");
    template
        .model
        .scenarios
        .iter()
        .map(|s| Rc::new(compute(s).expect("the template computes")))
        .collect()
}

fn exact(amount: pooled_budgets::model::Money) -> String {
    format_money(amount, MoneyStyle::EXACT)
}

/// The figure is labelled by its title and described by its sentence, and the table's button
/// controls the (hidden) table.
fn assert_accessible_frame(html: &str, id: &str) {
    assert!(html.contains(&format!(r#"id="{id}-title""#)), "{html}");
    assert!(html.contains(r#"role="img""#));
    assert!(html.contains(&format!(r#"aria-labelledby="{id}-title""#)));
    assert!(html.contains(&format!(r#"aria-describedby="{id}-description""#)));
    assert!(html.contains(&format!(r#"aria-controls="{id}-table""#)));
    assert!(html.contains(r#"aria-expanded="false""#));
    assert!(html.contains(">Show as a table</button>"));
    assert!(html.contains(&format!(r#"id="{id}-table""#)));
    assert!(html.contains("<caption"));
    assert!(
        !html.contains("style="),
        "no inline styles under a strict CSP"
    );
    let headers = html.matches("<th ").count();
    assert!(headers > 0);
    assert_eq!(
        headers,
        html.matches(r#"<th scope="#).count(),
        "every <th> has a scope"
    );
}

#[tokio::test]
async fn contributions_chart_has_title_description_legend_and_exact_table() {
    let results = Rc::clone(&options()[0]);
    let html = render::<ContributionsChart>(ContributionsChartProps {
        style: MoneyStyle::EXACT,
        results: Rc::clone(&results),
        id: "c".into(),
    })
    .await;
    assert_accessible_frame(&html, "c");
    assert!(
        html.contains(">Contributions by partner, 2025/26 to 2029/30</h3>"),
        "{html}"
    );
    assert!(
        html.contains("Contributions from all partners rise from £"),
        "{html}"
    );
    // One bar segment per partner per year with money in it, each filled with its pattern, and
    // a legend swatch for each partner that contributes; the others are named as not drawn.
    let segments = results
        .partner_totals
        .iter()
        .flat_map(|t| &t.by_year)
        .filter(|y| !y.contributions.is_zero())
        .count();
    let contributing = results
        .partner_totals
        .iter()
        .filter(|t| !t.contributions.is_zero())
        .count();
    assert!(
        contributing < results.partners.len(),
        "the template has partners who pay nothing"
    );
    assert_eq!(
        html.matches(r#"fill="url(#c-fill-"#).count(),
        segments + contributing
    );
    assert!(html.contains("Nothing to draw (all amounts zero): "));
    // The legend and the table name every partner; the table has each year's exact figure.
    for partner in &results.partners {
        assert!(
            html.matches(partner.name.as_str()).count() >= 2,
            "{}",
            partner.name
        );
    }
    let first = &results.partner_totals[0].by_year[0];
    assert!(html.contains(&format!(">{}</td>", exact(first.contributions))));
    assert!(html.contains(">Total (£)</th>"));
}

#[tokio::test]
async fn balance_chart_explains_the_sign_and_shows_each_pool_year() {
    let results = Rc::clone(&options()[0]);
    let html = render::<BalanceChart>(BalanceChartProps {
        style: MoneyStyle::EXACT,
        results: Rc::clone(&results),
        id: "b".into(),
    })
    .await;
    assert_accessible_frame(&html, "b");
    assert!(html.contains(">Balance of each pool by year, 2025/26 to 2029/30</h3>"));
    assert!(html.contains(
        "Above the zero line is money left over after forecast spending; below it is a shortfall."
    ));
    let pool = &results.pools[0];
    assert!(html.contains(&pool.name));
    for year in &pool.years {
        assert!(
            html.contains(&format!(">{}</td>", exact(year.balance))),
            "{}",
            year.year
        );
    }
    assert!(html.contains("pb-chart__zero"), "a zero line");
}

#[tokio::test]
async fn a_chart_of_nothing_says_so_rather_than_drawing_empty_bars() {
    let mut results = (*options()[0]).clone();
    for totals in &mut results.partner_totals {
        for year in &mut totals.by_year {
            year.contributions = pooled_budgets::model::Money::ZERO;
        }
    }
    let html = render::<ContributionsChart>(ContributionsChartProps {
        style: MoneyStyle::EXACT,
        results: Rc::new(results),
        id: "z".into(),
    })
    .await;
    assert!(html.contains("No partner contributes anything in these years."));
    assert!(!html.contains(r#"class="pb-chart__bar" x="#), "no bars");
    assert!(html.contains(">0</text>"), "the axis still shows zero");
    assert!(html.contains(">£</text>"), "under its unit, said once");
}
