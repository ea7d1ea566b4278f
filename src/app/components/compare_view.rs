//! Options side by side: what each partner pays and what each pool holds in every chosen
//! option, against the base, with the difference as an amount, a percentage and a word; a
//! chart of the differences; each option's description and the inputs that differ, in words;
//! the differences year by year; and the stress test. Printed, with its title block, it is the
//! board paper (styles/print.css).

use std::rc::Rc;

use yew::prelude::*;

use super::charts::chart_frame::ChartFrame;
use super::money_cell::{money_cell, rounding_footnote, style_note};
use super::money_display_field::money_display_field;
use super::paper_title::PaperTitle;
use super::select_field::SelectField;
use super::stress_test::StressTest;
use super::table_region::table_region;
use super::uncertainty_panel::UncertaintyPanel;
use crate::app::bidi::{message, name};
use crate::app::charts::{data, describe, layout::Arrangement};
use crate::app::fields::Editor;
use crate::model::user_text::{isolate, plain};
use crate::model::{
    compare_options, meaningful_percent, year_span, Change, Figure, Model, Money, MoneyStyle,
    NegativeStyle, OptionsComparison, Period, Row, ScenarioId, MAX_COMPARED, PERCENT_NOT_SHOWN,
};
use crate::platform;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub editor: Editor,
    /// Back to the editor (or, read-only, to the results).
    pub on_close: Callback<()>,
    #[prop_or(AttrValue::Static("Back to editing"))]
    pub close_label: AttrValue,
    /// A shared model shown read-only: its title block is shown, not edited.
    #[prop_or_default]
    pub read_only: bool,
    /// The unit and negatives control; a shared, read-only model shows them as published.
    #[prop_or(true)]
    pub money_control: bool,
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let model = &props.editor.model;
    // The base and the first five others, wherever the base is in the list.
    let chosen = use_state(|| {
        let others = model.scenarios.iter().map(|s| s.id);
        let others = others.filter(|id| *id != model.base_scenario);
        std::iter::once(model.base_scenario)
            .chain(others.take(MAX_COMPARED - 1))
            .collect::<Vec<_>>()
    });
    let figure = use_state(|| Figure::NetCost);
    let period = use_state(|| Period::AllYears);
    use_effect_with((), |_| platform::focus("compare-heading"));

    let compared = use_memo((model.clone(), (*chosen).clone()), |(model, chosen)| {
        compare_options(model, chosen).map_err(|e| e.to_string())
    });
    let on_print = Callback::from(|_: MouseEvent| platform::print());
    let on_close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let on_figure = {
        let figure = figure.clone();
        Callback::from(move |key: String| {
            if let Some(f) = Figure::from_key(&key) {
                figure.set(f);
            }
        })
    };
    let on_period = {
        let period = period.clone();
        Callback::from(move |key: String| {
            period.set(
                crate::model::FinancialYear::parse(&key).map_or(Period::AllYears, Period::Year),
            );
        })
    };
    let base = model.base_scenario;
    let choices = model.scenarios.iter().map(|s| {
        let id = format!("compare-option-{}", s.id.0);
        let is_chosen = chosen.contains(&s.id);
        let full = chosen.len() >= MAX_COMPARED && !is_chosen;
        let toggle = {
            let (chosen, option) = (chosen.clone(), s.id);
            Callback::from(move |_: Event| {
                let mut next = (*chosen).clone();
                match next.iter().position(|c| *c == option) {
                    Some(i) => {
                        next.remove(i);
                    }
                    None => next.push(option),
                }
                chosen.set(next);
            })
        };
        let label = if s.id == base {
            html! { <>{ name(&s.name) }{ " (base)" }</> }
        } else {
            name(&s.name)
        };
        html! {
            <div class="pb-checkbox" key={s.id.0}>
                <input type="checkbox" class="pb-checkbox__input" id={id.clone()}
                    checked={is_chosen || s.id == base} disabled={s.id == base || full} onchange={toggle} />
                <label class="pb-checkbox__label" for={id}>{ label }</label>
            </div>
        }
    });
    let years: Vec<_> = match &*compared {
        Ok(c) => c.years.clone(),
        Err(_) => Vec::new(),
    };
    let span = year_span(&years);
    let mut periods = vec![("all".to_string(), format!("All years, {span}"))];
    periods.extend(years.iter().map(|y| (y.to_string(), y.to_string())));
    let period_key = match *period {
        Period::AllYears => "all".to_string(),
        Period::Year(y) => y.to_string(),
    };
    let period_text = match *period {
        Period::AllYears => span.clone(),
        Period::Year(y) => y.to_string(),
    };
    let figures: Vec<(String, String)> = Figure::ALL
        .iter()
        .map(|f| (f.key().to_string(), f.label().to_string()))
        .collect();

    html! {
        <section class="pb-compare" aria-labelledby="compare-heading">
            <div class="pb-compare__bar">
                <h1 id="compare-heading" class="pb-compare__title" tabindex="-1">
                    { "Compare options: " }{ name(&model.name) }
                </h1>
                <div class="pb-compare__actions">
                    <button type="button" class="pb-button pb-button--secondary" onclick={on_print}>{ "Print board paper" }</button>
                    <button type="button" class="pb-button" id="compare-close" onclick={on_close}>{ props.close_label.clone() }</button>
                </div>
            </div>
            <PaperTitle editor={props.editor.clone()} compared={compared_names(model, &chosen)} read_only={props.read_only} />
            <p class="pb-note">
                { "Each option against the base. A difference shows its sign and says which way it goes; \
                   a positive variance is a forecast overspend, a negative one an underspend or money returned. \
                   A funding gap or unallocated income is the plan's, not a variance, and is shown apart." }
            </p>
            <div class="pb-compare__controls">
                <fieldset class="pb-fieldset pb-compare__choices">
                    <legend class="pb-fieldset__legend">{ format!("Options to compare: the base and up to {} more", MAX_COMPARED - 1) }</legend>
                    { for choices }
                </fieldset>
                <SelectField id="compare-figure" label="Partner figure" options={figures}
                    selected={figure.key()} on_change={on_figure} />
                <SelectField id="compare-period" label="Years" options={periods}
                    selected={period_key} on_change={on_period} />
                if props.money_control {
                    { money_display_field("compare-money", model.money_display, &props.editor.dispatcher()) }
                }
            </div>
            { match &*compared {
                Ok(comparison) => tables(model, comparison, *figure, *period, &period_text, model.money_style()),
                Err(message) => html! {
                    <div class="pb-notice" role="status"><p>{ message }</p></div>
                },
            } }
            <StressTest editor={props.editor.clone()} />
            <UncertaintyPanel editor={props.editor.clone()} />
        </section>
    }
}

fn tables(
    model: &Model,
    comparison: &OptionsComparison,
    figure: Figure,
    period: Period,
    span: &str,
    style: MoneyStyle,
) -> Html {
    let partners = comparison.partner_rows(figure, period);
    let pools = comparison.pool_rows(period);
    let (partners, pools) = match (partners, pools) {
        (Ok(partners), Ok(pools)) => (partners, pools),
        (Err(e), _) | (_, Err(e)) => {
            return html! { <div class="pb-notice pb-notice--warning" role="alert"><p>{ e.to_string() }</p></div> }
        }
    };
    let caption = format!("{} by partner, {span}", figure.label());
    let left_out = partners.iter().filter(|r| r.is_empty()).count();
    let partners: Vec<Row> = partners.into_iter().filter(|r| !r.is_empty()).collect();
    html! {
        <>
            { table(comparison, &caption, "Partner", &partners, ("more", "less"), style) }
            if left_out > 0 {
                <p class="pb-note">{ format!("{left_out} partners with nothing in any of these options are not shown.") }</p>
            }
            { difference_chart(model, comparison, figure, span, &partners, style) }
            <div class="pb-compare__pools">
                { for pools.iter().map(|pool| {
                    let caption = format!("{}, {span}", isolate(&pool.name));
                    html! { <div key={pool.pool.0}>{ table(comparison, &caption, "Figure", &pool.rows, ("more", "less"), style) }</div> }
                }) }
            </div>
            { assumptions(model, comparison) }
            if period == Period::AllYears && comparison.years.len() > 1 {
                { year_tables(comparison, figure, &partners, style) }
            }
        </>
    }
}

/// The names of the options compared, the base first, for the title block.
fn compared_names(model: &Model, chosen: &[ScenarioId]) -> Vec<AttrValue> {
    let base = model.base_scenario;
    let others = model
        .scenarios
        .iter()
        .map(|s| &**s)
        .filter(|s| s.id != base && chosen.contains(&s.id));
    model
        .base()
        .into_iter()
        .chain(others)
        .map(|s| AttrValue::from(s.name.clone()))
        .collect()
}

/// Each option's difference from the base for each partner, as diverging bars around zero:
/// the same figure and years as the table above it, and the same amounts.
fn difference_chart(
    model: &Model,
    comparison: &OptionsComparison,
    figure: Figure,
    span: &str,
    partners: &[Row],
    style: MoneyStyle,
) -> Html {
    let rows = match partners.split_last() {
        Some((last, rest)) if last.label == "All partners" => rest,
        _ => partners,
    };
    let options: Vec<String> = comparison
        .others
        .iter()
        .map(|(_, name, _)| name.clone())
        .collect();
    let short = |full: &str| {
        model
            .scenarios
            .iter()
            .flat_map(|s| s.partners.iter())
            .find(|p| p.name == full)
            .map_or_else(|| full.to_string(), |p| p.label().to_string())
    };
    let chart = Rc::new(data::differences(rows, &options, short).shown_in(style));
    let base = &comparison.base_name;
    let title = format!(
        "Difference from the base ({base}) in {} by partner, {span}",
        figure.label().to_lowercase()
    );
    html! {
        <ChartFrame
            id="pb-chart-differences"
            {title}
            description={describe::differences(&chart, base)}
            data={chart}
            arrangement={Arrangement::Grouped}
            legend_label="Options"
            total_row={AttrValue::Static("All partners")}
        />
    }
}

/// The assumptions: each option's own description, then the inputs where it differs from the
/// base.
fn assumptions(model: &Model, comparison: &OptionsComparison) -> Html {
    let description = |id| {
        model
            .scenario(id)
            .map(|s| s.description.trim().to_string())
            .filter(|d| !d.is_empty())
    };
    let others = comparison.others.iter().zip(comparison.input_changes());
    html! {
        <section class="pb-compare__changes" aria-labelledby="input-changes-heading">
            <h3 id="input-changes-heading">{ "Assumptions: each option, and what differs from the base" }</h3>
            // A paper prints no placeholder: a base without a description has no entry here (the
            // options below say what differs from it), and an option without one shows only that.
            if let Some(text) = description(comparison.base) {
                <div class="pb-compare__change-list">
                    <h4>{ name(&comparison.base_name) }{ " (base)" }</h4>
                    <p>{ message(&text) }</p>
                </div>
            }
            { for others.map(|((id, _, _), (option, changes))| html! {
                <div class="pb-compare__change-list">
                    <h4>{ name(option) }</h4>
                    if let Some(text) = description(*id) {
                        <p>{ message(&text) }</p>
                    }
                    if changes.is_empty() {
                        <p>{ "No inputs differ from the base." }</p>
                    } else {
                        <ul>{ for changes.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
                    }
                </div>
            }) }
        </section>
    }
}

/// For each option, each partner's difference from the base in every year: when the money
/// moves, not only how much.
fn year_tables(
    comparison: &OptionsComparison,
    figure: Figure,
    partners: &[Row],
    style: MoneyStyle,
) -> Html {
    let by_year: Vec<Vec<Row>> = comparison
        .years
        .iter()
        .filter_map(|year| comparison.partner_rows(figure, Period::Year(*year)).ok())
        .collect();
    let cell = |year: &[Row], label: &str, option: usize| {
        let amount = year
            .iter()
            .find(|r| r.label == label)
            .and_then(|r| r.others.get(option))
            .map_or_else(
                || Change::none().signed_amount_in(style),
                |c| c.signed_amount_in(style),
            );
        html! { <td class="pb-table__cell pb-table__cell--numeric">{ amount }</td> }
    };
    let figure_words = figure.label().to_lowercase();
    html! {
        <section class="pb-compare__years" aria-labelledby="years-heading">
            <h3 id="years-heading">{ format!("{} year by year: the difference from the base", figure.label()) }</h3>
            <p class="pb-note">{ match style.negative {
                NegativeStyle::Minus => "A plus sign (+) is more than under the base, a minus sign (−) less.",
                NegativeStyle::Brackets => "A plus sign (+) is more than under the base; an amount in brackets, like (179), is less.",
            } }</p>
            { for comparison.others.iter().enumerate().map(|(i, (_, option, _))| {
                let caption = format!("{}: difference from the base in {figure_words}, by year", isolate(option));
                let caption_note = style_note(style);
                html! {
                    { table_region(plain(&caption), html! { <>
                        <table class="pb-table pb-compare__table pb-compare__table--years">
                            <caption class="pb-table__caption">{ message(&caption) }{ caption_note }</caption>
                            <thead>
                                <tr class="pb-table__row">
                                    <th scope="col" class="pb-table__header">{ "Partner" }</th>
                                    { for comparison.years.iter().map(|y| html! {
                                        <th scope="col" class="pb-table__header pb-table__header--numeric">{ style.head(&y.to_string()) }</th>
                                    }) }
                                </tr>
                            </thead>
                            <tbody>
                                { for partners.iter().map(|row| {
                                    let class = if row.label == "All partners" { "pb-table__row pb-table__row--total" } else { "pb-table__row" };
                                    html! {
                                        <tr class={class}>
                                            <th scope="row" class="pb-table__header">{ name(&row.label) }</th>
                                            { for by_year.iter().map(|year| cell(year, &row.label, i)) }
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </> }) }
                }
            }) }
        </section>
    }
}

/// A comparison table: one row per partner or figure, the base's column, then each option's
/// figure and its difference from the base.
fn table(
    comparison: &OptionsComparison,
    caption: &str,
    first: &str,
    rows: &[Row],
    words: (&str, &str),
    style: MoneyStyle,
) -> Html {
    let header = |text: String| {
        html! { <th scope="col" class="pb-table__header pb-table__header--numeric">{ message(&style.head(&text)) }</th> }
    };
    let change_header = |name: &str| {
        html! {
            <th scope="col" class="pb-table__header pb-table__header--numeric">
                <span class="pb-visually-hidden">{ format!("{name}: ") }</span>{ style.head("Difference from base") }
            </th>
        }
    };
    // More than two options beside the base: on paper each difference keeps its words on a
    // second line, so the columns stay narrow enough for the page.
    let wide = comparison.others.len() > 2;
    // Percentages on a base under 1% of the table's largest figure say "n/a" (the caption says why).
    let largest = rows
        .iter()
        .flat_map(|row| row.others.iter().map(Change::largest))
        .max()
        .unwrap_or(Money::ZERO);
    let any_not_shown = rows.iter().flat_map(|row| &row.others).any(|change| {
        !change.is_zero() && meaningful_percent(change.amount, change.base, largest).is_none()
    });
    let footnote = total_footnote(comparison, rows, style);
    let body = rows.iter().enumerate().map(|(i, row)| {
        let total = i + 1 == rows.len() && row.label == "All partners";
        let class = if total {
            "pb-table__row pb-table__row--total"
        } else {
            "pb-table__row"
        };
        // The balance goes up or down; everything else is more or less.
        let words = if row.label.starts_with("Balance") {
            ("higher", "lower")
        } else {
            words
        };
        html! {
            <tr class={class}>
                <th scope="row" class="pb-table__header">{ name(&row.label) }</th>
                { money(row.base, style) }
                { for row.others.iter().map(|change| html! {
                    <>{ money(change.other, style) }{ difference(change, words, style, largest) }</>
                }) }
            </tr>
        }
    });
    html! {
        { table_region(plain(caption), html! { <>
            <table class={classes!("pb-table", "pb-compare__table", wide.then_some("pb-compare__table--wide"))}>
                <caption class="pb-table__caption">
                    { message(caption) }{ style_note(style) }
                    if any_not_shown { <span class="pb-table__caption-note">{ PERCENT_NOT_SHOWN }</span> }
                </caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ first }</th>
                        { header(format!("{} (base)", isolate(&comparison.base_name))) }
                        { for comparison.others.iter().map(|(_, name, _)| html! {
                            <>{ header(isolate(name)) }{ change_header(name) }</>
                        }) }
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
            { footnote }
        </> }) }
    }
}

/// Under a table ending in an "All partners" row: the rounding footnote for each column whose
/// rounded figures do not add up to its rounded total.
fn total_footnote(comparison: &OptionsComparison, rows: &[Row], style: MoneyStyle) -> Html {
    let Some((total, parts)) = rows.split_last() else {
        return html! {};
    };
    if total.label != "All partners" {
        return html! {};
    }
    let mut columns = vec![(
        format!("{} (base)", comparison.base_name),
        parts.iter().map(|r| r.base).collect::<Vec<_>>(),
        total.base,
    )];
    for (i, (_, name, _)) in comparison.others.iter().enumerate() {
        let column = |pick: fn(&Change) -> Money| -> Vec<Money> {
            parts
                .iter()
                .map(|r| r.others.get(i).map_or(Money::ZERO, pick))
                .collect()
        };
        if let Some(change) = total.others.get(i) {
            columns.push((name.clone(), column(|c| c.other), change.other));
            let difference = format!("{name}: difference from base");
            columns.push((difference, column(|c| c.amount), change.amount));
        }
    }
    let columns: Vec<(&str, Vec<Money>, Money)> = columns
        .iter()
        .map(|(name, parts, total)| (name.as_str(), parts.clone(), *total))
        .collect();
    rounding_footnote(style, &columns)
}

fn money(amount: Money, style: MoneyStyle) -> Html {
    money_cell(amount, style)
}

/// A difference from the base: the signed amount, then the direction in words (with an arrow
/// for sighted readers), never colour alone. The percentage is "n/a" where the base is under
/// 1% of `largest`, the table's largest figure.
pub fn difference(
    change: &Change,
    (more, less): (&str, &str),
    style: MoneyStyle,
    largest: Money,
) -> Html {
    let arrow = if change.amount.is_positive() {
        "▲ "
    } else if change.amount.is_negative() {
        "▼ "
    } else {
        ""
    };
    html! {
        <td class="pb-table__cell pb-table__cell--numeric pb-change">
            <span class="pb-change__amount">{ change.signed_amount_in(style) }</span>
            <span class="pb-change__words"><span aria-hidden="true">{ arrow }</span>{ change.direction_in_table(more, less, largest) }</span>
        </td>
    }
}
