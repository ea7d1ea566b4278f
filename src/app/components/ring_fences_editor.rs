//! Ring-fenced minimums: spend on tagged lines that a pool must reach each year, set as a share
//! of one funding stream (a minimum for adult social care out of the NHS minimum contribution)
//! or as an amount.

use yew::prelude::*;

use super::changed_mark::{legend_mark, FieldChange};
use super::changes_panel::link_notes;
use super::editor_section::{editor_section, Section};
use super::select_field::SelectField;
use super::text_field::{FieldWidth, TextField};
use crate::app::fields::{
    error_for, missing_label, money_commit, money_text, on_click, percent_commit, percent_text,
    reference_error, scenario_path, Editor, EditorDispatcher,
};
use crate::app::state::Action;
use crate::model::edit::{Edit, RingFenceField};
use crate::model::linked::{FenceKey, ItemRef, Linkable};
use crate::model::{
    AmountRule, FundingStream, MinimumRule, Money, Percent, PoolId, RingFence,
    RingFenceRequirement, Scenario,
};

#[derive(Properties, PartialEq)]
pub struct RingFencesEditorProps {
    pub editor: Editor,
}

#[function_component(RingFencesEditor)]
pub fn ring_fences_editor(props: &RingFencesEditorProps) -> Html {
    let editor = &props.editor;
    let Some(scenario) = editor.scenario() else {
        return html! {};
    };
    // In a linked option, a minimum set here rather than taken from the base (a ring-fence is
    // known by its pool and kind, so its minimum is the one field an option can set).
    let notes = link_notes(&editor.model, editor.open);
    let reducer = editor.dispatcher();
    let changed = |key: FenceKey| {
        notes
            .as_ref()
            .and_then(|n| n.field(ItemRef::RingFence(key), "minimum", &reducer))
    };
    html! {
        { editor_section(Section { id: "ring-fences", title: "Ring-fenced minimums", editor: &EditorDispatcher::of(editor),
            lede: "Minimum spend on lines tagged for adult social care or NHS out-of-hospital services. The results say whether each is met, year by year.",
            add_label: "Add a ring-fenced minimum", add: Edit::AddRingFence },
            html! { { for scenario.ring_fences.iter().zip(RingFenceRequirement::keys(&scenario.ring_fences)).enumerate()
                .map(|(i, (rule, key))| card(editor, scenario, i, rule, changed(key))) } },
            Html::default()) }
    }
}

fn card(
    editor: &Editor,
    scenario: &Scenario,
    i: usize,
    rule: &RingFenceRequirement,
    changed: Option<FieldChange>,
) -> Html {
    let path = scenario_path(editor.scenario_index()).item("ring_fence", i);
    let unit = editor.model.money_display.unit;
    let set = |field: fn(&str, &RingFenceRequirement) -> Option<RingFenceField>| {
        let (editor, rule) = (editor.clone(), rule.clone());
        Callback::from(move |value: String| {
            if let Some(field) = field(&value, &rule) {
                editor.dispatch(Action::Edit(Edit::RingFence(i, field)));
            }
        })
    };
    let remove = on_click(editor, Action::Edit(Edit::RemoveRingFence(i)));
    let pools: Vec<(String, String)> = scenario
        .pools
        .iter()
        .map(|p| (p.id.0.to_string(), p.name.clone()))
        .collect();
    let kind = match rule.ring_fence {
        RingFence::AdultSocialCare => "adult_social_care",
        RingFence::OutOfHospital => "out_of_hospital",
    };
    let (how, fields) = match &rule.minimum {
        MinimumRule::ShareOfStream { stream, percent } => {
            let (stream, percent) = (*stream, *percent);
            let percent_id = path.field("minimum").field("percent").to_dom_id();
            (
                "share",
                html! {
                    <>
                        <SelectField id={path.field("minimum").field("stream").to_dom_id()} label="Of which funding stream"
                            options={FundingStream::ALL.iter().map(|s| (s.index().to_string(), s.label().to_string())).collect::<Vec<_>>()}
                            selected={stream.index().to_string()}
                            on_change={set(|v, rule| {
                                let stream = *v.parse::<usize>().ok().and_then(|i| FundingStream::ALL.get(i))?;
                                let percent = match rule.minimum {
                                    MinimumRule::ShareOfStream { percent, .. } => percent,
                                    MinimumRule::Amount { .. } => Percent::ZERO,
                                };
                                Some(RingFenceField::Minimum(MinimumRule::ShareOfStream { stream, percent }))
                            })} />
                        <TextField id={percent_id.clone()} label="Minimum share, in per cent" value={percent_text(percent)}
                            suffix="%" width={FieldWidth::Short} inputmode="decimal" error={error_for(editor, &percent_id)}
                            on_commit={percent_commit(editor, percent_id.clone(), format!("Minimum share for ring-fence {}", i + 1),
                                move |percent| Edit::RingFence(i, RingFenceField::Minimum(MinimumRule::ShareOfStream { stream, percent })))} />
                    </>
                },
            )
        }
        MinimumRule::Amount {
            rule: AmountRule::Fixed { amount },
        } => {
            let amount_id = path.field("minimum").field("amount").to_dom_id();
            (
                "amount",
                html! {
                    <TextField id={amount_id.clone()} label={format!("Minimum each year, {}", unit.entry_words())} value={money_text(*amount, unit)}
                        prefix={unit.symbol()} width={FieldWidth::Amount} inputmode="decimal" error={error_for(editor, &amount_id)}
                        on_commit={money_commit(editor, amount_id.clone(), format!("Minimum for ring-fence {}", i + 1), unit,
                            move |amount| Edit::RingFence(i, RingFenceField::Minimum(MinimumRule::Amount { rule: AmountRule::Fixed { amount } })))} />
                },
            )
        }
        MinimumRule::Amount { rule } => (
            "other",
            html! { <p class="pb-note">{ format!("Minimum: {}", rule.describe()) }</p> },
        ),
    };
    let mut how_options = vec![
        (
            "share".to_string(),
            "A share of a funding stream".to_string(),
        ),
        (
            "amount".to_string(),
            "The same amount each year".to_string(),
        ),
    ];
    if how == "other" {
        how_options.push((
            "other".to_string(),
            "Another rule, shown beside (from the template or a file)".to_string(),
        ));
    }
    let label = format!("Ring-fenced minimum {}: {}", i + 1, rule.ring_fence.label());
    html! {
        <fieldset class="pb-card" key={i}>
            <legend class="pb-card__title">{ label.clone() }
                { legend_mark(changed.is_some()) }</legend>
            <div class="pb-card__fields">
                <SelectField id={path.field("pool").to_dom_id()} label="In pool" options={pools}
                    selected={rule.pool.0.to_string()} missing_label={missing_label("pool", rule.pool.0)}
                    error={reference_error(editor, &path.field("pool"), "pool", scenario.pool(rule.pool).is_some())}
                    on_change={set(|v, _| v.parse().ok().map(|n| RingFenceField::Pool(PoolId(n))))} />
                <SelectField id={path.field("ring_fence").to_dom_id()} label="Minimum for"
                    options={vec![("adult_social_care".to_string(), RingFence::AdultSocialCare.label().to_string()),
                                  ("out_of_hospital".to_string(), RingFence::OutOfHospital.label().to_string())]}
                    selected={kind}
                    on_change={set(|v, _| Some(RingFenceField::Kind(if v == "out_of_hospital" { RingFence::OutOfHospital } else { RingFence::AdultSocialCare })))} />
                <SelectField id={path.field("minimum").field("kind").to_dom_id()} label="How the minimum is set"
                    options={how_options} selected={how} changed={changed.clone()}
                    on_change={set(|v, _| match v {
                        "share" => Some(RingFenceField::Minimum(MinimumRule::ShareOfStream { stream: FundingStream::NhsMinimum, percent: Percent::ZERO })),
                        "amount" => Some(RingFenceField::Minimum(MinimumRule::Amount { rule: AmountRule::Fixed { amount: Money::ZERO } })),
                        _ => None,
                    })} />
                { fields }
            </div>
            <button type="button" class="pb-button pb-button--warning pb-button--small" onclick={remove}>
                { "Remove" }<span class="pb-visually-hidden">{ format!(" {label}") }</span>
            </button>
        </fieldset>
    }
}
