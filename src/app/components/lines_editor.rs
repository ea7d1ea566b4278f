//! Spending lines: the schemes and services each pool pays for, their budgets, growth and
//! integration savings, and the forecast over- or underspend in each year.

use yew::prelude::*;

use super::editor_section::EditorSection;
use super::item_actions::ItemActions;
use super::risk_share_field::RiskShareField;
use super::select_field::SelectField;
use super::text_field::{FieldWidth, TextField};
use crate::app::bidi;
use crate::app::fields::{
    commit, error_for, missing_label, money_commit, money_text, name_commit, percent_commit,
    percent_text, reference_error, scenario_path, Editor,
};
use crate::app::state::Action;
use crate::model::edit::{Edit, Item, LineField};
use crate::model::user_text::isolate;
use crate::model::{
    format_money, FieldPath, Money, MoneyStyle, Outturn, PartnerId, Percent, PoolId, RingFence,
    RiskShare, Scenario, SpendLine,
};

#[derive(Properties, PartialEq)]
pub struct LinesEditorProps {
    pub editor: Editor,
}

#[function_component(LinesEditor)]
pub fn lines_editor(props: &LinesEditorProps) -> Html {
    let editor = &props.editor;
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let root = scenario_path(editor.scenario_index());
    html! {
        <EditorSection id="lines" title="Spending lines" editor={editor.clone()}
            lede="The schemes and services each pool pays for, and how each is forecast to turn out."
            add_label="Add a spending line" add={Edit::AddLine}>
            { for scenario.lines.iter().enumerate().map(|(i, line)| line_card(editor, scenario, &root.item("line", i), i, line)) }
        </EditorSection>
    }
}

fn line_card(
    editor: &Editor,
    scenario: &Scenario,
    path: &FieldPath,
    i: usize,
    line: &SpendLine,
) -> Html {
    let id = line.id;
    let field_id = |f: &str| path.field(f).to_dom_id();
    let (name_id, savings_id) = (field_id("name"), field_id("savings"));
    let choose = |f: fn(&str) -> Option<LineField>| {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Some(field) = f(&value) {
                editor.dispatch(Action::Edit(Edit::Line(id, field)));
            }
        })
    };
    let pools: Vec<(String, String)> = scenario
        .pools
        .iter()
        .map(|p| (p.id.0.to_string(), p.name.clone()))
        .collect();
    let partners: Vec<(String, String)> = scenario
        .partners
        .iter()
        .map(|p| (p.id.0.to_string(), p.full_label().to_string()))
        .collect();
    let ring_fence = match line.ring_fence {
        None => "none",
        Some(RingFence::AdultSocialCare) => "adult_social_care",
        Some(RingFence::OutOfHospital) => "out_of_hospital",
    };
    let name = &line.name;
    html! {
        <fieldset class="pb-card" key={line.id.0}>
            <legend class="pb-card__title">{ format!("Spending line {}: ", i + 1) }{ bidi::name(name) }</legend>
            <div class="pb-card__fields">
                <TextField id={name_id.clone()} label="Name" value={AttrValue::from(name.clone())}
                    error={error_for(editor, &name_id)}
                    on_commit={name_commit(editor, name_id.clone(), format!("Name of spending line {}", i + 1),
                        move |name| Edit::Line(id, LineField::Name(name)))} />
                <SelectField id={field_id("pool")} label="Paid from pool" options={pools}
                    selected={line.pool.0.to_string()} missing_label={missing_label("pool", line.pool.0)}
                    error={reference_error(editor, &path.field("pool"), "pool", scenario.pool(line.pool).is_some())}
                    on_change={choose(|v| v.parse().ok().map(|n| LineField::Pool(PoolId(n))))} />
                <SelectField id={field_id("commissioner")} label="Commissioned by" options={partners}
                    selected={line.commissioner.0.to_string()} missing_label={missing_label("partner", line.commissioner.0)}
                    error={reference_error(editor, &path.field("commissioner"), "partner", scenario.partner(line.commissioner).is_some())}
                    on_change={choose(|v| v.parse().ok().map(|n| LineField::Commissioner(PartnerId(n))))} />
                <TextField id={savings_id.clone()} label="Integration savings, in per cent"
                    hint="Saved each year by removing duplication"
                    value={percent_text(line.savings)} suffix="%" width={FieldWidth::Short} inputmode="decimal"
                    error={error_for(editor, &savings_id)}
                    on_commit={percent_commit(editor, savings_id.clone(), format!("Integration savings for {}", isolate(name)),
                        move |p| Edit::Line(id, LineField::Savings(p)))} />
                <SelectField id={field_id("ring_fence")} label="Counts towards a ring-fenced minimum"
                    options={vec![
                        ("none".to_string(), "No".to_string()),
                        ("adult_social_care".to_string(), "Adult social care minimum".to_string()),
                        ("out_of_hospital".to_string(), "NHS out-of-hospital services minimum".to_string()),
                    ]}
                    selected={ring_fence}
                    on_change={choose(|v| Some(LineField::RingFence(match v {
                        "adult_social_care" => Some(RingFence::AdultSocialCare),
                        "out_of_hospital" => Some(RingFence::OutOfHospital),
                        _ => None,
                    })))} />
            </div>
            { line_risk_share(editor, scenario, path, line) }
            <fieldset class="pb-card__years">
                <legend class="pb-card__subtitle">{ "Budget for " }{ bidi::name(name) }{ ", in pounds" }</legend>
                { for scenario.horizon.years().map(|year| {
                    let dom_id = path.field("budget").item("year", year.start_year().into()).to_dom_id();
                    html! {
                        <TextField id={dom_id.clone()} label={format!("{year}")} value={money_text(line.budget_in(year))}
                            prefix="£" width={FieldWidth::Amount} inputmode="decimal" error={error_for(editor, &dom_id)}
                            on_commit={money_commit(editor, dom_id.clone(), format!("Budget for {} in {year}", isolate(name)),
                                move |m| Edit::Line(id, LineField::Budget(year, m)))} />
                    }
                }) }
            </fieldset>
            <fieldset class="pb-card__years">
                <legend class="pb-card__subtitle">{ "Forecast over- or underspend on " }{ bidi::name(name) }</legend>
                <p class="pb-field__hint">{ "A percentage of planned spend (5%) or an amount (£60,000); a minus sign for an underspend; blank if on plan." }</p>
                { for scenario.horizon.years().map(|year| {
                    let outturn = line.forecast.iter().find(|f| f.year == year).map(|f| f.outturn).unwrap_or_default();
                    let dom_id = path.field("forecast").item("year", year.start_year().into()).to_dom_id();
                    html! {
                        <TextField id={dom_id.clone()} label={format!("{year}")} value={outturn_text(&outturn)}
                            width={FieldWidth::Amount} error={error_for(editor, &dom_id)}
                            on_commit={commit(editor, dom_id.clone(), format!("Forecast for {} in {year}", isolate(name)),
                                move |text| parse_outturn(text).map(|o| Edit::Line(id, LineField::Forecast(year, o))))} />
                    }
                }) }
            </fieldset>
            <ItemActions item={Item::Line(id)} name={AttrValue::from(name.clone())} editor={editor.clone()} />
        </fieldset>
    }
}

fn outturn_text(outturn: &Outturn) -> AttrValue {
    match outturn {
        Outturn::AsPlanned => AttrValue::default(),
        Outturn::VariancePercent { percent } => format!("{}%", percent_text(*percent)).into(),
        Outturn::VarianceAmount { amount } => format_money(*amount, MoneyStyle::EXACT).into(),
        Outturn::Spend { amount } => {
            format!("spend {}", format_money(*amount, MoneyStyle::EXACT)).into()
        }
    }
}

/// "" is on plan, "5%" a percentage of planned spend, anything else an amount in pounds.
pub fn parse_outturn(text: &str) -> Result<Outturn, String> {
    let text = text.trim();
    if text.is_empty() {
        Ok(Outturn::AsPlanned)
    } else if text.ends_with('%') {
        Percent::parse(text)
            .map(|percent| Outturn::VariancePercent { percent })
            .map_err(|e| e.to_string())
    } else {
        Money::parse(text)
            .map(|amount| Outturn::VarianceAmount { amount })
            .map_err(|e| e.to_string())
    }
}

/// A line normally follows its pool's risk share; it can have its own (say, a fixed-share
/// line whose variance does not change what the other partners pay).
fn line_risk_share(
    editor: &Editor,
    scenario: &Scenario,
    path: &FieldPath,
    line: &SpendLine,
) -> Html {
    let id = line.id;
    let pool_rule = scenario
        .pool(line.pool)
        .map(|p| p.risk_share.clone())
        .unwrap_or(RiskShare::ProRata { capped: false });
    let on_choice = {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            let rule = (value == "own").then(|| pool_rule.clone());
            editor.dispatch(Action::Edit(Edit::Line(id, LineField::RiskShare(rule))));
        })
    };
    html! {
        <>
            <SelectField id={path.field("risk_share").field("source").to_dom_id()} label="Who carries this line's overspend"
                options={vec![("pool".to_string(), "As the pool's rule says".to_string()),
                              ("own".to_string(), "This line has its own rule".to_string())]}
                selected={if line.risk_share.is_some() { "own" } else { "pool" }} on_change={on_choice} />
            if let Some(rule) = &line.risk_share {
                <RiskShareField path={path.field("risk_share")} label={format!("This line's rule for {}", isolate(&line.name))}
                    rule={rule.clone()} partners={scenario.partners.clone()} editor={editor.clone()}
                    to_edit={Callback::from(move |rule| Edit::Line(id, LineField::RiskShare(Some(rule))))} />
            }
        </>
    }
}
