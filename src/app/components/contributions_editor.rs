//! Contributions: who pays how much into which pool, from which funding stream, and the rule
//! that sets the amount each year — with a grid of the amounts every rule produces.

use yew::prelude::*;

use super::changed_mark::legend_mark;
use super::changes_panel::{link_notes, ItemChanges};
use super::editor_section::{editor_section, Section};
use super::item_actions::ItemActions;
use super::money_cell::money_cell;
use super::select_field::SelectField;
use super::table_region::table_region;
use super::text_field::{FieldWidth, TextField};
use crate::app::bidi::name;
use crate::app::fields::{
    error_in, missing_label, money_commit, money_text, name_commit, percent_commit, percent_text,
    reference_error_in, scenario_path, use_derived, use_dispatcher, use_shared, use_when_idle,
    Editor, EditorDispatcher, FieldErrors, Shared,
};
use crate::app::state::Action;
use crate::model::edit::{ContributionField, Edit, Item};
use crate::model::linked::ItemRef;
use crate::model::order;
use crate::model::user_text::isolate;
use crate::model::MoneyUnit;
use crate::model::{
    validate_scenario, AmountRule, Contribution, FieldPath, FundingStream, Horizon, Money,
    Obligation, Partner, Percent, Pool, YearAmount,
};

/// A select's choices: (value, label).
type Choices = Vec<(String, String)>;

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
    let dispatcher = use_dispatcher(editor);
    let index = editor.scenario_index();
    let none: (Vec<Partner>, Vec<Pool>, Vec<Contribution>) = Default::default();
    let scenario = editor.scenario();
    // Shared, so a card whose own contribution did not change is not drawn again.
    let partners = use_shared(scenario.map_or(&none.0, |s| &s.partners));
    let pools = use_shared(scenario.map_or(&none.1, |s| &s.pools));
    let contributions = use_shared(scenario.map_or(&none.2, |s| &s.contributions));
    let errors = use_shared(&editor.field_errors);
    let partner_choices = use_derived(&*partners, |partners| {
        partners
            .iter()
            .map(|p| (p.id.0.to_string(), p.full_label().to_string()))
            .collect::<Choices>()
    });
    let pool_choices = use_derived(&*pools, |pools| {
        pools
            .iter()
            .map(|p| (p.id.0.to_string(), p.name.clone()))
            .collect::<Choices>()
    });
    // The year-by-year table under the cards follows once the edit's results are painted.
    let grid = use_when_idle((
        contributions.clone(),
        partners.clone(),
        scenario.map(|s| s.horizon),
    ));
    let Some(scenario) = scenario else {
        return html! {};
    };
    let root = scenario_path(index);
    // Validation's words are needed only for a card that names a partner or pool not there.
    let any_missing = scenario
        .contributions
        .iter()
        .any(|c| scenario.partner(c.partner).is_none() || scenario.pool(c.pool).is_none());
    let problems = if any_missing {
        validate_scenario(scenario, index)
    } else {
        Vec::new()
    };
    let notes = link_notes(&editor.model, editor.open);
    let reducer = editor.dispatcher();
    html! {
        { editor_section(Section { id: "contributions", title: "Contributions", editor: &dispatcher,
            lede: "What each partner pays into each pool, and how the amount changes from year to year.",
            add_label: "Add a contribution", add: Edit::AddContribution },
            html! { { for scenario.contributions.iter().enumerate().map(|(i, c)| {
                let path = root.item("contribution", i);
                let changed = notes.as_ref().and_then(|n| n.item(ItemRef::Contribution(c.id), &reducer));
                html! {
                    <ContributionCard key={c.id.0} index={i} path={path.clone()} contribution={c.clone()}
                        horizon={scenario.horizon} payer={scenario.partner(c.partner).cloned()}
                        partner_error={reference_error_in(&problems, &path.field("partner"), "partner", scenario.partner(c.partner).is_some())}
                        pool_error={reference_error_in(&problems, &path.field("pool"), "pool", scenario.pool(c.pool).is_some())}
                        partners={partner_choices.clone()} pools={pool_choices.clone()}
                        errors={errors.clone()} editor={dispatcher.clone()} unit={editor.model.money_display.unit} {changed} />
                }
            }) } },
            html! { if let Some((contributions, partners, Some(horizon))) = grid { <AmountsGrid {contributions} {partners} {horizon} /> } }) }
    }
}

#[derive(Properties, PartialEq)]
struct ContributionCardProps {
    index: usize,
    path: FieldPath,
    contribution: Contribution,
    horizon: Horizon,
    /// The partner paying, whose baseline a change of rule may start from.
    payer: Option<Partner>,
    partner_error: Option<AttrValue>,
    pool_error: Option<AttrValue>,
    partners: Shared<Choices>,
    pools: Shared<Choices>,
    errors: Shared<FieldErrors>,
    editor: EditorDispatcher,
    /// In a linked option, what it changes in this contribution, field by field.
    changed: Option<ItemChanges>,
    /// The model's unit, which money fields show and read.
    unit: MoneyUnit,
}

#[function_component(ContributionCard)]
fn contribution_card(props: &ContributionCardProps) -> Html {
    let (editor, path, i, c) = (&props.editor, &props.path, props.index, &props.contribution);
    let id = c.id;
    let change = |field: &str| ItemChanges::of(&props.changed, field);
    let name_id = path.field("name").to_dom_id();
    let choose = |f: fn(&str) -> Option<ContributionField>| {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Some(field) = f(&value) {
                editor.dispatch(Action::Edit(Edit::Contribution(id, field)));
            }
        })
    };
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
        <fieldset class="pb-card">
            <legend class="pb-card__title">{ format!("Contribution {}: ", i + 1) }{ name(&c.name) }
                { legend_mark(props.changed.is_some()) }</legend>
            <div class="pb-card__fields">
                <TextField id={name_id.clone()} label="Name" value={AttrValue::from(c.name.clone())}
                    error={error_in(&props.errors, &name_id)} changed={change("name")}
                    on_commit={name_commit(editor, name_id.clone(), format!("Name of contribution {}", i + 1),
                        move |name| Edit::Contribution(id, ContributionField::Name(name)))} />
                <SelectField id={path.field("partner").to_dom_id()} label="Paid by" options={(*props.partners).clone()}
                    selected={c.partner.0.to_string()} missing_label={missing_label("partner", c.partner.0)}
                    error={props.partner_error.clone()} changed={change("partner")}
                    on_change={choose(|v| v.parse().ok().map(|n| ContributionField::Partner(crate::model::PartnerId(n))))} />
                <SelectField id={path.field("pool").to_dom_id()} label="Into pool" options={(*props.pools).clone()}
                    selected={c.pool.0.to_string()} missing_label={missing_label("pool", c.pool.0)}
                    error={props.pool_error.clone()} changed={change("pool")}
                    on_change={choose(|v| v.parse().ok().map(|n| ContributionField::Pool(crate::model::PoolId(n))))} />
                <SelectField id={path.field("stream").to_dom_id()} label="Funding stream" options={streams}
                    selected={c.stream.index().to_string()} changed={change("stream")}
                    on_change={choose(|v| v.parse::<usize>().ok().and_then(|i| FundingStream::ALL.get(i)).map(|s| ContributionField::Stream(*s)))} />
                <SelectField id={path.field("obligation").to_dom_id()} label="Mandatory or voluntary"
                    options={vec![("mandatory".to_string(), "Mandatory".to_string()), ("voluntary".to_string(), "Voluntary".to_string())]}
                    selected={c.obligation.label()}
                    changed={change("obligation")}
                    on_change={choose(|v| Some(ContributionField::Obligation(if v == "mandatory" { Obligation::Mandatory } else { Obligation::Voluntary })))} />
                <SelectField id={path.field("rule").field("kind").to_dom_id()} label="How the amount is set"
                    hint={AttrValue::from(rule_hint)}
                    options={RULES.iter().map(|(k, l, _)| (k.to_string(), l.to_string())).collect::<Vec<_>>()}
                    selected={rule_value} changed={change("rule")}
                    on_change={{
                        let (editor, horizon, payer, current) = (editor.clone(), props.horizon, props.payer.clone(), c.clone());
                        Callback::from(move |kind: String| {
                            let rule = rule_of_kind(&kind, &current, horizon, payer.as_ref());
                            editor.dispatch(Action::Edit(Edit::Contribution(id, ContributionField::Rule(rule))));
                        })
                    }} />
                { rule_fields(props) }
            </div>
            <ItemActions item={Item::Contribution(id)} name={AttrValue::from(c.name.clone())} editor={editor.clone()} />
        </fieldset>
    }
}

fn rule_fields(props: &ContributionCardProps) -> Html {
    let (editor, path, c, errors) = (
        &props.editor,
        &props.path,
        &props.contribution,
        &props.errors,
    );
    let horizon = props.horizon;
    let unit = props.unit;
    let id = c.id;
    let rule_path = path.field("rule");
    let money_field = |field: &str,
                       label: String,
                       value: Money,
                       make: Box<dyn Fn(Money) -> AmountRule>| {
        let dom_id = rule_path.field(field).to_dom_id();
        html! {
            <TextField id={dom_id.clone()} label={format!("{label}, {}", unit.entry_words())} value={money_text(value, unit)}
                prefix={unit.symbol()} width={FieldWidth::Amount} inputmode="decimal" error={error_in(errors, &dom_id)}
                on_commit={money_commit(editor, dom_id.clone(), format!("{label} for {}", isolate(&c.name)), unit,
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
                suffix="%" width={FieldWidth::Short} inputmode="decimal" error={error_in(errors, &dom_id)}
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
                    { money_field("base", format!("Amount in {}", horizon.start), base,
                        Box::new(move |base| AmountRule::Uplift { base, uplift })) }
                    { percent_field("uplift", "Uplift each year".into(), uplift,
                        Box::new(move |uplift| AmountRule::Uplift { base, uplift })) }
                </>
            }
        }
        AmountRule::PerYear { amounts } => html! {
            <div class="pb-card__years">
                { for horizon.years().map(|year| {
                    let amounts = amounts.clone();
                    let value = amounts.iter().find(|a| a.year == year).map_or(Money::ZERO, |a| a.amount);
                    money_field(&format!("amount-{}", year.start_year()), format!("Amount in {year}"), value,
                        Box::new(move |amount| {
                            let mut amounts: Vec<YearAmount> = amounts.iter().filter(|a| a.year != year).copied().collect();
                            amounts.push(YearAmount { year, amount });
                            order::sort_by_key(&mut amounts, |a| u64::from(a.year.0));
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

#[derive(Properties, PartialEq)]
struct AmountsGridProps {
    contributions: Shared<Vec<Contribution>>,
    partners: Shared<Vec<Partner>>,
    horizon: Horizon,
}

/// Every contribution's amount in every year: the partner × year grid.
#[function_component(AmountsGrid)]
fn amounts_grid(props: &AmountsGridProps) -> Html {
    if props.contributions.is_empty() {
        return html! {};
    }
    let horizon = props.horizon;
    let partner = |id| props.partners.iter().find(|p: &&Partner| p.id == id);
    let years: Vec<_> = horizon.years().collect();
    html! {
        { table_region("Contributions each year, in pounds", html! { <>
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
                    { for props.contributions.iter().map(|c| {
                        let partner = partner(c.partner);
                        let amounts = c.rule.amounts(horizon, partner).unwrap_or_default();
                        html! {
                            <tr class="pb-table__row" key={c.id.0}>
                                <th scope="row" class="pb-table__header">
                                    { name(partner.map_or("Unknown partner", |p| p.full_label())) }{ ": " }{ name(&c.name) }
                                </th>
                                <td class="pb-table__cell">{ c.rule.describe() }</td>
                                { for amounts.iter().map(|a| money_cell(*a, crate::model::MoneyStyle::EXACT)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </> }) }
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
fn rule_of_kind(
    kind: &str,
    current: &Contribution,
    horizon: Horizon,
    payer: Option<&Partner>,
) -> AmountRule {
    let amounts = current.rule.amounts(horizon, payer).unwrap_or_default();
    let first = amounts.first().copied().unwrap_or(Money::ZERO);
    match kind {
        "uplift" => AmountRule::Uplift {
            base: first,
            uplift: Percent::ZERO,
        },
        "per_year" => AmountRule::PerYear {
            amounts: horizon
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
