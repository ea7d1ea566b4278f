//! Contributions: who pays how much into which pool, from which funding stream, and the rule
//! that sets the amount each year — with a grid of the amounts every rule produces.

use yew::prelude::*;

use super::editor_section::EditorSection;
use super::item_actions::ItemActions;
use super::money_cell::MoneyCell;
use super::select_field::SelectField;
use super::table_region::TableRegion;
use super::text_field::{FieldWidth, TextField};
use crate::app::bidi::name;
use crate::app::fields::{
    error_for, missing_label, money_commit, money_text, name_commit, percent_commit, percent_text,
    reference_error, scenario_path, Editor,
};
use crate::app::state::Action;
use crate::model::edit::{ContributionField, Edit, Item};
use crate::model::user_text::isolate;
use crate::model::{
    AmountRule, Contribution, FieldPath, FundingStream, Money, Obligation, Percent, Scenario,
    YearAmount,
};

pub const RULES: [(&str, &str, &str); 4] = [
    (
        "fixed",
        "The same amount every year (flat cash)",
        "For example, a grant held at £2,640,000 a year.",
    ),
    (
        "uplift",
        "A first-year amount, uplifted by a percentage each year",
        "For example, £10,000,000 uplifted 5.66% a year: £10,566,000 the next year.",
    ),
    (
        "per_year",
        "An amount typed in for each year",
        "For example, a discharge fund agreed year by year.",
    ),
    (
        "percent_of_baseline",
        "A percentage of the partner's baseline budget",
        "For example, 2% of a £50,000,000 baseline is £1,000,000.",
    ),
];

#[derive(Properties, PartialEq)]
pub struct ContributionsEditorProps {
    pub editor: Editor,
}

#[function_component(ContributionsEditor)]
pub fn contributions_editor(props: &ContributionsEditorProps) -> Html {
    let editor = &props.editor;
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let root = scenario_path(editor.scenario_index());
    html! {
        <EditorSection id="contributions" title="Contributions" editor={editor.clone()}
            lede="What each partner pays into each pool, and how the amount changes from year to year."
            add_label="Add a contribution" add={Edit::AddContribution} after={amounts_grid(scenario)}>
            { for scenario.contributions.iter().enumerate().map(|(i, c)| contribution_card(editor, scenario, &root.item("contribution", i), i, c)) }
        </EditorSection>
    }
}

fn contribution_card(
    editor: &Editor,
    scenario: &Scenario,
    path: &FieldPath,
    i: usize,
    c: &Contribution,
) -> Html {
    let id = c.id;
    let name_id = path.field("name").to_dom_id();
    let choose = |f: fn(&str, &Scenario) -> Option<ContributionField>| {
        let editor = editor.clone();
        let scenario = scenario.clone();
        Callback::from(move |value: String| {
            if let Some(field) = f(&value, &scenario) {
                editor.dispatch(Action::Edit(Edit::Contribution(id, field)));
            }
        })
    };
    let partners: Vec<(String, String)> = scenario
        .partners
        .iter()
        .map(|p| (p.id.0.to_string(), p.full_label().to_string()))
        .collect();
    let pools: Vec<(String, String)> = scenario
        .pools
        .iter()
        .map(|p| (p.id.0.to_string(), p.name.clone()))
        .collect();
    let streams: Vec<(String, String)> = FundingStream::ALL
        .iter()
        .map(|s| (s.index().to_string(), s.label().to_string()))
        .collect();
    let rule_value = rule_kind(&c.rule);
    let rule_hint = RULES
        .iter()
        .find(|(k, ..)| *k == rule_value)
        .map_or("", |(_, _, hint)| *hint);
    html! {
        <fieldset class="pb-card" key={c.id.0}>
            <legend class="pb-card__title">{ format!("Contribution {}: ", i + 1) }{ name(&c.name) }</legend>
            <div class="pb-card__fields">
                <TextField id={name_id.clone()} label="Name" value={AttrValue::from(c.name.clone())}
                    error={error_for(editor, &name_id)}
                    on_commit={name_commit(editor, name_id.clone(), format!("Name of contribution {}", i + 1),
                        move |name| Edit::Contribution(id, ContributionField::Name(name)))} />
                <SelectField id={path.field("partner").to_dom_id()} label="Paid by" options={partners}
                    selected={c.partner.0.to_string()} missing_label={missing_label("partner", c.partner.0)}
                    error={reference_error(editor, &path.field("partner"), "partner", scenario.partner(c.partner).is_some())}
                    on_change={choose(|v, _| v.parse().ok().map(|n| ContributionField::Partner(crate::model::PartnerId(n))))} />
                <SelectField id={path.field("pool").to_dom_id()} label="Into pool" options={pools}
                    selected={c.pool.0.to_string()} missing_label={missing_label("pool", c.pool.0)}
                    error={reference_error(editor, &path.field("pool"), "pool", scenario.pool(c.pool).is_some())}
                    on_change={choose(|v, _| v.parse().ok().map(|n| ContributionField::Pool(crate::model::PoolId(n))))} />
                <SelectField id={path.field("stream").to_dom_id()} label="Funding stream" options={streams}
                    selected={c.stream.index().to_string()}
                    on_change={choose(|v, _| v.parse::<usize>().ok().and_then(|i| FundingStream::ALL.get(i)).map(|s| ContributionField::Stream(*s)))} />
                <SelectField id={path.field("obligation").to_dom_id()} label="Mandatory or voluntary"
                    options={vec![("mandatory".to_string(), "Mandatory".to_string()), ("voluntary".to_string(), "Voluntary".to_string())]}
                    selected={if c.obligation == Obligation::Mandatory { "mandatory" } else { "voluntary" }}
                    on_change={choose(|v, _| Some(ContributionField::Obligation(if v == "mandatory" { Obligation::Mandatory } else { Obligation::Voluntary })))} />
                <SelectField id={path.field("rule").field("kind").to_dom_id()} label="How the amount is set"
                    hint={AttrValue::from(rule_hint)}
                    options={RULES.iter().map(|(k, l, _)| (k.to_string(), l.to_string())).collect::<Vec<_>>()}
                    selected={rule_value}
                    on_change={{
                        let (editor, scenario, current) = (editor.clone(), scenario.clone(), c.clone());
                        Callback::from(move |kind: String| {
                            let rule = rule_of_kind(&kind, &current, &scenario);
                            editor.dispatch(Action::Edit(Edit::Contribution(id, ContributionField::Rule(rule))));
                        })
                    }} />
                { rule_fields(editor, scenario, path, c) }
            </div>
            <ItemActions item={Item::Contribution(id)} name={AttrValue::from(c.name.clone())} editor={editor.clone()} />
        </fieldset>
    }
}

fn rule_fields(editor: &Editor, scenario: &Scenario, path: &FieldPath, c: &Contribution) -> Html {
    let id = c.id;
    let rule_path = path.field("rule");
    let money_field = |field: &str,
                       label: String,
                       value: Money,
                       make: Box<dyn Fn(Money) -> AmountRule>| {
        let dom_id = rule_path.field(field).to_dom_id();
        html! {
            <TextField id={dom_id.clone()} label={format!("{label}, in pounds")} value={money_text(value)}
                prefix="£" width={FieldWidth::Amount} inputmode="decimal" error={error_for(editor, &dom_id)}
                on_commit={money_commit(editor, dom_id.clone(), format!("{label} for {}", isolate(&c.name)),
                    move |m| Edit::Contribution(id, ContributionField::Rule(make(m))))} />
        }
    };
    let percent_field = |field: &str,
                         label: String,
                         value: Percent,
                         make: Box<dyn Fn(Percent) -> AmountRule>| {
        let dom_id = rule_path.field(field).to_dom_id();
        html! {
            <TextField id={dom_id.clone()} label={format!("{label}, in per cent")} value={percent_text(value)}
                suffix="%" width={FieldWidth::Short} inputmode="decimal" error={error_for(editor, &dom_id)}
                on_commit={percent_commit(editor, dom_id.clone(), format!("{label} for {}", isolate(&c.name)),
                    move |p| Edit::Contribution(id, ContributionField::Rule(make(p))))} />
        }
    };
    match &c.rule {
        AmountRule::Fixed { amount } => money_field(
            "amount",
            "Amount each year".into(),
            *amount,
            Box::new(|amount| AmountRule::Fixed { amount }),
        ),
        AmountRule::Uplift { base, uplift } => {
            let (base, uplift) = (*base, *uplift);
            html! {
                <>
                    { money_field("base", format!("Amount in {}", scenario.horizon.start), base,
                        Box::new(move |base| AmountRule::Uplift { base, uplift })) }
                    { percent_field("uplift", "Uplift each year".into(), uplift,
                        Box::new(move |uplift| AmountRule::Uplift { base, uplift })) }
                </>
            }
        }
        AmountRule::PerYear { amounts } => html! {
            <div class="pb-card__years">
                { for scenario.horizon.years().map(|year| {
                    let amounts = amounts.clone();
                    let value = amounts.iter().find(|a| a.year == year).map_or(Money::ZERO, |a| a.amount);
                    money_field(&format!("amount-{}", year.start_year()), format!("Amount in {year}"), value,
                        Box::new(move |amount| {
                            let mut amounts: Vec<YearAmount> = amounts.iter().filter(|a| a.year != year).copied().collect();
                            amounts.push(YearAmount { year, amount });
                            amounts.sort_by_key(|a| a.year);
                            AmountRule::PerYear { amounts }
                        }))
                }) }
            </div>
        },
        AmountRule::PercentOfBaseline { percent } => percent_field(
            "percent",
            "Share of the partner's baseline budget".into(),
            *percent,
            Box::new(|percent| AmountRule::PercentOfBaseline { percent }),
        ),
    }
}

/// Every contribution's amount in every year: the partner × year grid.
fn amounts_grid(scenario: &Scenario) -> Html {
    if scenario.contributions.is_empty() {
        return html! {};
    }
    let years: Vec<_> = scenario.horizon.years().collect();
    html! {
        <TableRegion label="Contributions each year, in pounds">
            <table class="pb-table">
                <caption class="pb-table__caption">{ "Contributions each year, in pounds" }</caption>
                <thead>
                    <tr class="pb-table__row">
                        <th scope="col" class="pb-table__header">{ "Contribution" }</th>
                        <th scope="col" class="pb-table__header">{ "Rule" }</th>
                        { for years.iter().map(|y| html! {
                            <th scope="col" class="pb-table__header pb-table__header--numeric">{ y.to_string() }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for scenario.contributions.iter().map(|c| {
                        let partner = scenario.partner(c.partner);
                        let amounts = c.rule.amounts(scenario.horizon, partner).unwrap_or_default();
                        html! {
                            <tr class="pb-table__row" key={c.id.0}>
                                <th scope="row" class="pb-table__header">
                                    { name(partner.map_or("Unknown partner", |p| p.full_label())) }{ ": " }{ name(&c.name) }
                                </th>
                                <td class="pb-table__cell">{ c.rule.describe() }</td>
                                { for amounts.iter().map(|a| html! { <MoneyCell amount={*a} /> }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </TableRegion>
    }
}

fn rule_kind(rule: &AmountRule) -> &'static str {
    match rule {
        AmountRule::Fixed { .. } => "fixed",
        AmountRule::Uplift { .. } => "uplift",
        AmountRule::PerYear { .. } => "per_year",
        AmountRule::PercentOfBaseline { .. } => "percent_of_baseline",
    }
}

/// The contribution's amounts under a rule of another kind, carried across so nothing needs
/// retyping: flat cash and uplift start from the first year's amount, per-year keeps every
/// year's amount. A percentage of baseline cannot be derived from amounts, so it starts at 0%.
fn rule_of_kind(kind: &str, current: &Contribution, scenario: &Scenario) -> AmountRule {
    let amounts = current
        .rule
        .amounts(scenario.horizon, scenario.partner(current.partner))
        .unwrap_or_default();
    let first = amounts.first().copied().unwrap_or(Money::ZERO);
    match kind {
        "uplift" => AmountRule::Uplift {
            base: first,
            uplift: Percent::ZERO,
        },
        "per_year" => AmountRule::PerYear {
            amounts: scenario
                .horizon
                .years()
                .zip(amounts.iter().copied().chain(std::iter::repeat(first)))
                .map(|(year, amount)| YearAmount { year, amount })
                .collect(),
        },
        "percent_of_baseline" => AmountRule::PercentOfBaseline {
            percent: Percent::ZERO,
        },
        _ => AmountRule::Fixed { amount: first },
    }
}
