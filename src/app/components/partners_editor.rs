//! The partners: who takes part, with a name, a short name for tables, and what kind of body
//! each is. A partner's baseline budget is only needed for "percentage of baseline" contributions.

use yew::prelude::*;

use super::changed_mark::legend_mark;
use super::changes_panel::{link_notes, ItemChanges};
use super::editor_section::{editor_section, Section};
use super::item_actions::ItemActions;
use super::select_field::SelectField;
use super::text_field::{FieldWidth, TextField};
use crate::app::bidi::name;
use crate::app::fields::{
    commit, error_in, money_text, name_commit, optional_money, percent_commit, percent_text,
    scenario_path, use_dispatcher, use_shared, Editor, EditorDispatcher, FieldErrors, Shared,
};
use crate::app::state::Action;
use crate::model::edit::{Edit, Item, PartnerField};
use crate::model::linked::ItemRef;
use crate::model::MoneyUnit;
use crate::model::{FieldPath, Partner, PartnerKind};

#[derive(Properties, PartialEq)]
pub struct PartnersEditorProps {
    pub editor: Editor,
}

#[function_component(PartnersEditor)]
pub fn partners_editor(props: &PartnersEditorProps) -> Html {
    let editor = &props.editor;
    let dispatcher = use_dispatcher(editor);
    let errors = use_shared(&editor.field_errors);
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    let root = scenario_path(editor.scenario_index());
    let notes = link_notes(&editor.model, editor.open);
    let reducer = editor.dispatcher();
    html! {
        { editor_section(Section { id: "partners", title: "Partners", editor: &dispatcher,
            lede: "The organisations that put money into the pools.",
            add_label: "Add a partner", add: Edit::AddPartner },
            html! { { for scenario.partners.iter().enumerate().map(|(i, partner)| {
                let changed = notes.as_ref().and_then(|n| n.item(ItemRef::Partner(partner.id), &reducer));
                html! {
                    <PartnerCard key={partner.id.0} index={i} path={root.item("partner", i)} partner={partner.clone()}
                        errors={errors.clone()} editor={dispatcher.clone()} unit={editor.model.money_display.unit} {changed} />
                }
            }) } }, Html::default()) }
    }
}

#[derive(Properties, PartialEq)]
struct PartnerCardProps {
    index: usize,
    path: FieldPath,
    partner: Partner,
    errors: Shared<FieldErrors>,
    editor: EditorDispatcher,
    /// In a linked option, what it changes in this partner, field by field.
    changed: Option<ItemChanges>,
    /// The model's unit, which money fields show and read.
    unit: MoneyUnit,
}

/// One partner's card: drawn again only when the partner, its place or the errors change.
#[function_component(PartnerCard)]
fn partner_card(props: &PartnerCardProps) -> Html {
    let (editor, path, i, partner) = (&props.editor, &props.path, props.index, &props.partner);
    let errors = &props.errors;
    let name_id = path.field("name").to_dom_id();
    let short_id = path.field("short_name").to_dom_id();
    let kind_id = path.field("kind").to_dom_id();
    let baseline_id = path.field("baseline_budget").to_dom_id();
    let unit = props.unit;
    let growth_id = path.field("baseline_growth").to_dom_id();
    let id = partner.id;
    let change = |field: &str| ItemChanges::of(&props.changed, field);
    let kind_change = {
        let editor = editor.clone();
        Callback::from(move |value: String| {
            if let Some(kind) = kind_from(&value) {
                editor.dispatch(Action::Edit(Edit::Partner(id, PartnerField::Kind(kind))));
            }
        })
    };
    html! {
        <fieldset class="pb-card">
            <legend class="pb-card__title">{ format!("Partner {}: ", i + 1) }{ name(partner.full_label()) }
                { legend_mark(props.changed.is_some()) }</legend>
            <div class="pb-card__fields">
                <TextField id={name_id.clone()} label="Name"
                    value={AttrValue::from(partner.name.clone())}
                    error={error_in(errors, &name_id)} changed={change("name")}
                    on_commit={name_commit(editor, name_id.clone(), format!("Name of partner {}", i + 1),
                        move |name| Edit::Partner(id, PartnerField::Name(name)))} />
                <TextField id={short_id.clone()} label="Short name" hint="Used in narrow tables, like ICB"
                    value={AttrValue::from(partner.short_name.clone())} width={FieldWidth::Amount}
                    error={error_in(errors, &short_id)} changed={change("short_name")}
                    on_commit={name_commit(editor, short_id.clone(), format!("Short name of partner {}", i + 1),
                        move |name| Edit::Partner(id, PartnerField::ShortName(name)))} />
                <SelectField id={kind_id} label="Kind of organisation"
                    options={kind_options()} selected={kind_value(partner.kind)} on_change={kind_change}
                    changed={change("kind")} />
                <TextField id={baseline_id.clone()} label={format!("Baseline budget a year, {} (optional)", unit.entry_words())}
                    hint="Only needed for contributions set as a percentage of this partner's budget"
                    value={partner.baseline_budget.map(|m| money_text(m, unit)).unwrap_or_default()} prefix={unit.symbol()}
                    width={FieldWidth::Amount} inputmode="decimal" error={error_in(errors, &baseline_id)}
                    changed={change("baseline_budget")}
                    on_commit={commit(editor, baseline_id.clone(), format!("Baseline budget for {}", partner.full_label()),
                        move |text| optional_money(text, unit).map(|m| Edit::Partner(id, PartnerField::BaselineBudget(m))))} />
                <TextField id={growth_id.clone()} label="Baseline budget growth a year, in per cent"
                    value={percent_text(partner.baseline_growth)} suffix="%" width={FieldWidth::Short}
                    inputmode="decimal" error={error_in(errors, &growth_id)} changed={change("baseline_growth")}
                    on_commit={percent_commit(editor, growth_id.clone(), format!("Baseline growth for {}", partner.full_label()),
                        move |p| Edit::Partner(id, PartnerField::BaselineGrowth(p)))} />
            </div>
            <ItemActions item={Item::Partner(id)} name={AttrValue::from(partner.full_label().to_string())} editor={editor.clone()} />
        </fieldset>
    }
}

fn kind_value(kind: PartnerKind) -> AttrValue {
    AttrValue::from(format!(
        "{}",
        PartnerKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(5)
    ))
}

fn kind_from(value: &str) -> Option<PartnerKind> {
    value
        .parse::<usize>()
        .ok()
        .and_then(|i| PartnerKind::ALL.get(i))
        .copied()
}

fn kind_options() -> Vec<(String, String)> {
    PartnerKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| (i.to_string(), k.label().to_string()))
        .collect()
}
