//! The pools: each one's name, how it is run, which partner hosts it, who carries an
//! overspend, and what happens to an underspend.

use yew::prelude::*;

use super::changed_mark::legend_mark;
use super::changes_panel::{link_notes, ItemChanges};
use super::editor_section::{editor_section, Section};
use super::item_actions::ItemActions;
use super::risk_share_field::RiskShareField;
use super::select_field::SelectField;
use super::text_field::{FieldWidth, TextField};
use crate::app::bidi::name;
use crate::app::fields::{
    error_in, missing_label, money_commit, money_text, name_commit, reference_error_in,
    scenario_path, use_derived, use_dispatcher, use_shared, Editor, EditorDispatcher, FieldErrors,
    Shared,
};
use crate::app::state::Action;
use crate::model::edit::{Edit, Item, PoolField};
use crate::model::linked::ItemRef;
use crate::model::user_text::isolate;
use crate::model::MoneyUnit;
use crate::model::{validate_scenario, FieldPath, Partner, Pool, PoolType, UnderspendTreatment};

#[derive(Properties, PartialEq)]
pub struct PoolsEditorProps {
    pub editor: Editor,
}

const POOL_TYPES: [(PoolType, &str); 3] = [
    (PoolType::Pooled, "pooled"),
    (PoolType::Aligned, "aligned"),
    (PoolType::LeadCommissioner, "lead"),
];

pub const UNDERSPEND: [(UnderspendTreatment, &str, &str, &str); 3] = [
    (
        UnderspendTreatment::ReturnedProRata,
        "returned",
        "Returned to partners pro rata",
        "An underspend is paid back in proportion to what each partner put in.",
    ),
    (
        UnderspendTreatment::CarriedForward,
        "carried",
        "Carried forward into next year's pool",
        "An underspend is added to next year's income; in the last year it is returned pro rata.",
    ),
    (
        UnderspendTreatment::HeldAsContingency,
        "contingency",
        "Held as a contingency reserve",
        "An underspend is kept in the pool's reserve, which ordered-steps rules can draw on later.",
    ),
];

#[function_component(PoolsEditor)]
pub fn pools_editor(props: &PoolsEditorProps) -> Html {
    let editor = &props.editor;
    let dispatcher = use_dispatcher(editor);
    let errors = use_shared(&editor.field_errors);
    let none = Vec::new();
    let partners = use_shared(editor.scenario().map_or(&none, |s| &s.partners));
    let partner_options = use_derived(&*partners, |partners| {
        partners
            .iter()
            .map(|p| (p.id.0.to_string(), p.full_label().to_string()))
            .collect::<Vec<(String, String)>>()
    });
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let index = editor.scenario_index();
    let root = scenario_path(index);
    // Validation's words are needed only for a pool whose host is not one of the partners.
    let any_missing = scenario
        .pools
        .iter()
        .any(|p| scenario.partner(p.host).is_none());
    let problems = if any_missing {
        validate_scenario(scenario, index)
    } else {
        Vec::new()
    };
    let notes = link_notes(&editor.model, editor.open);
    let reducer = editor.dispatcher();
    html! {
        { editor_section(Section { id: "pools", title: "Pools", editor: &dispatcher,
            lede: "Each pool is a shared budget, hosted by one partner, with its own rule for who carries an over- or underspend.",
            add_label: "Add a pool", add: Edit::AddPool },
            html! { { for scenario.pools.iter().enumerate().map(|(i, pool)| {
                let path = root.item("pool", i);
                let changed = notes.as_ref().and_then(|n| n.item(ItemRef::Pool(pool.id), &reducer));
                html! {
                    <PoolCard key={pool.id.0} index={i} path={path.clone()} pool={pool.clone()}
                        host_error={reference_error_in(&problems, &path.field("host"), "partner", scenario.partner(pool.host).is_some())}
                        partners={partners.clone()} partner_options={partner_options.clone()}
                        errors={errors.clone()} editor={dispatcher.clone()} unit={editor.model.money_display.unit} {changed} />
                }
            }) } }, Html::default()) }
    }
}

#[derive(Properties, PartialEq)]
struct PoolCardProps {
    index: usize,
    path: FieldPath,
    pool: Pool,
    host_error: Option<AttrValue>,
    partners: Shared<Vec<Partner>>,
    partner_options: Shared<Vec<(String, String)>>,
    errors: Shared<FieldErrors>,
    editor: EditorDispatcher,
    /// The model's unit, which money fields show and read.
    unit: MoneyUnit,
    /// In a linked option, what it changes in this pool, field by field.
    changed: Option<ItemChanges>,
}

/// One pool's card: drawn again only when the pool, its place, the partners or the errors change.
#[function_component(PoolCard)]
fn pool_card(props: &PoolCardProps) -> Html {
    let (editor, path, i, pool) = (&props.editor, &props.path, props.index, &props.pool);
    let errors = &props.errors;
    let name_id = path.field("name").to_dom_id();
    let opening_id = path.field("reserve").field("opening").to_dom_id();
    let set_aside_id = path
        .field("reserve")
        .field("set_aside_per_year")
        .to_dom_id();
    let id = pool.id;
    let change = |field: &str| ItemChanges::of(&props.changed, field);
    let select = |f: fn(&str) -> Option<PoolField>| {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Some(field) = f(&value) {
                editor.dispatch(Action::Edit(Edit::Pool(id, field)));
            }
        })
    };
    let type_value = POOL_TYPES
        .iter()
        .find(|(t, _)| *t == pool.pool_type)
        .map_or("pooled", |(_, v)| v);
    let (underspend_value, underspend_help) = UNDERSPEND
        .iter()
        .find(|(t, ..)| *t == pool.underspend)
        .map_or(("returned", ""), |(_, v, _, help)| (*v, *help));
    html! {
        <fieldset class="pb-card">
            <legend class="pb-card__title">{ format!("Pool {}: ", i + 1) }{ name(&pool.name) }
                { legend_mark(props.changed.is_some()) }</legend>
            <div class="pb-card__fields">
                <TextField id={name_id.clone()} label="Name" value={AttrValue::from(pool.name.clone())}
                    error={error_in(errors, &name_id)} changed={change("name")}
                    on_commit={name_commit(editor, name_id.clone(), format!("Name of pool {}", i + 1),
                        move |name| Edit::Pool(id, PoolField::Name(name)))} />
                <SelectField id={path.field("pool_type").to_dom_id()} label="How the pool is run"
                    options={POOL_TYPES.iter().map(|(t, v)| (v.to_string(), t.label().to_string())).collect::<Vec<_>>()}
                    selected={type_value} changed={change("pool_type")}
                    on_change={select(|v| POOL_TYPES.iter().find(|(_, k)| *k == v).map(|(t, _)| PoolField::Type(*t)))} />
                <SelectField id={path.field("host").to_dom_id()} label="Host (lead commissioner)"
                    options={(*props.partner_options).clone()} selected={pool.host.0.to_string()}
                    missing_label={missing_label("partner", pool.host.0)}
                    error={props.host_error.clone()} changed={change("host")}
                    on_change={{
                        let editor = editor.clone();
                        Callback::from(move |v: String| {
                            if let Ok(n) = v.parse::<u32>() {
                                editor.dispatch(Action::Edit(Edit::Pool(id, PoolField::Host(crate::model::PartnerId(n)))));
                            }
                        })
                    }} />
            </div>
            <RiskShareField path={path.field("risk_share")} label="Who carries an overspend"
                rule={pool.risk_share.clone()} partners={(*props.partners).clone()} errors={Some(errors.clone())} editor={editor.clone()}
                changed={change("risk_share")}
                to_edit={Callback::from(move |rule| Edit::Pool(id, PoolField::RiskShare(rule)))} />
            <SelectField id={path.field("underspend").to_dom_id()} label="What happens to an underspend"
                hint={AttrValue::from(underspend_help)}
                options={UNDERSPEND.iter().map(|(_, v, l, _)| (v.to_string(), l.to_string())).collect::<Vec<_>>()}
                selected={underspend_value} changed={change("underspend")}
                on_change={select(|v| UNDERSPEND.iter().find(|(_, k, ..)| *k == v).map(|(t, ..)| PoolField::Underspend(*t)))} />
            <div class="pb-card__fields">
                <TextField id={opening_id.clone()} label={format!("Contingency reserve at the start, {}", props.unit.entry_words())}
                    hint="Ordered-steps rules use the reserve before sharing an overspend"
                    value={money_text(pool.reserve.opening, props.unit)} prefix={props.unit.symbol()} width={FieldWidth::Amount}
                    inputmode="decimal" error={error_in(errors, &opening_id)} changed={change("reserve")}
                    on_commit={money_commit(editor, opening_id.clone(), format!("Opening reserve for {}", isolate(&pool.name)), props.unit,
                        move |m| Edit::Pool(id, PoolField::ReserveOpening(m)))} />
                <TextField id={set_aside_id.clone()} label={format!("Set aside for contingency each year, {}", props.unit.entry_words())}
                    value={money_text(pool.reserve.set_aside_per_year, props.unit)} prefix={props.unit.symbol()} width={FieldWidth::Amount}
                    inputmode="decimal" error={error_in(errors, &set_aside_id)}
                    on_commit={money_commit(editor, set_aside_id.clone(), format!("Yearly set-aside for {}", isolate(&pool.name)), props.unit,
                        move |m| Edit::Pool(id, PoolField::ReserveSetAside(m)))} />
            </div>
            <ItemActions item={Item::Pool(id)} name={AttrValue::from(pool.name.clone())} editor={editor.clone()} />
        </fieldset>
    }
}
