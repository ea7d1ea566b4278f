//! What each partner puts in, its share of any funding gap, of the forecast over- or
//! underspend and of any unallocated income, and its net cost, across the whole horizon.

use std::rc::Rc;

use yew::prelude::*;

use super::money_cell::{money_cell, money_head, rounding_footnote, style_note};
use super::table_region::table_region;
use crate::app::bidi::name;
use crate::model::{Money, MoneyStyle, PartnerTotals, Results};

#[derive(Properties)]
pub struct PartnerSummaryProps {
    pub results: Rc<Results>,
    pub style: MoneyStyle,
}

crate::results_props_eq!(PartnerSummaryProps, style);

/// A column of the partner table: its head and its figure.
struct Column {
    head: &'static str,
    pick: fn(&PartnerTotals) -> Money,
    /// Shown only when some partner has a figure in it.
    optional: bool,
}

/// The partner table's columns in order; the funding gap and unallocated income are optional.
const COLUMNS: [Column; 5] = [
    column("Contributions", |t| t.contributions, false),
    column("Share of funding gap", |t| t.gap_share, true),
    column("Share of variance", |t| t.variance_share, false),
    column("Share of unallocated income", |t| t.unallocated_share, true),
    column("Net cost", |t| t.net_cost, false),
];

const fn column(head: &'static str, pick: fn(&PartnerTotals) -> Money, optional: bool) -> Column {
    Column {
        head,
        pick,
        optional,
    }
}

#[function_component(PartnerSummary)]
pub fn partner_summary(props: &PartnerSummaryProps) -> Html {
    let (results, style) = (&props.results, props.style);
    let span = year_span(results);
    // The funding gap and unallocated income columns show only when some partner has one.
    let any = |pick: fn(&PartnerTotals) -> Money| {
        results.partner_totals.iter().any(|t| !pick(t).is_zero())
    };
    let columns: Vec<&Column> = COLUMNS
        .iter()
        .filter(|c| !c.optional || any(c.pick))
        .collect();
    let rows = results
        .partners
        .iter()
        .zip(&results.partner_totals)
        .map(|(partner, totals)| {
            html! {
                <tr class="pb-table__row" key={partner.id.0}>
                    <th scope="row" class="pb-table__header">{ name(&partner.name) }</th>
                    { for columns.iter().map(|c| money_cell((c.pick)(totals), style)) }
                </tr>
            }
        });
    let totals: Option<Vec<(&str, Vec<Money>, Money)>> = columns
        .iter()
        .map(|c| {
            let parts: Vec<Money> = results.partner_totals.iter().map(c.pick).collect();
            Money::checked_sum(parts.iter().copied()).map(|total| (c.head, parts, total))
        })
        .collect();
    let (total_row, footnote) = match totals {
        Some(totals) => (
            html! {
                <tr class="pb-table__row pb-table__row--total">
                    <th scope="row" class="pb-table__header">{ "All partners" }</th>
                    { for totals.iter().map(|(_, _, total)| money_cell(*total, style)) }
                </tr>
            },
            rounding_footnote(style, &totals),
        ),
        None => (html! {}, html! {}),
    };
    let caption = format!("What each partner pays, {span}");
    html! {
        { table_region(caption.clone(), html! { <>
            <table class="pb-table">
                <caption class="pb-table__caption">{ caption }{ style_note(style) }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ "Partner" }</th>
                        { for columns.iter().map(|c| money_head(style, c.head)) }
                    </tr>
                </thead>
                <tbody>{ for rows }{ total_row }</tbody>
            </table>
            { footnote }
        </> }) }
    }
}

/// "2025/26 to 2029/30", or the single year.
pub fn year_span(results: &Results) -> String {
    crate::model::year_span(&results.years)
}
