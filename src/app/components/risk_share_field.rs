//! Choosing who carries an overspend: the six patterns real agreements use, each explained in
//! plain words with a small worked example beside where it is chosen, and the figures each needs.

use yew::prelude::*;

use super::changed_mark::FieldChange;
use super::select_field::SelectField;
use super::text_field::{FieldWidth, TextField};
use crate::app::fields::{
    commit, error_in, money_text, percent_text, EditorDispatcher, FieldErrors, Shared,
};
use crate::model::edit::Edit;
use crate::model::user_text::isolate;
use crate::model::MoneyUnit;
use crate::model::{
    FieldPath, Money, Partner, PartnerShare, Percent, RiskPattern, RiskShare, Split, TierBearer,
    TierLimit,
};

#[derive(Properties, PartialEq)]
pub struct RiskShareFieldProps {
    /// Where the rule sits: `scenario.0.pool.1.risk_share`.
    pub path: FieldPath,
    pub label: AttrValue,
    pub rule: RiskShare,
    pub partners: Vec<Partner>,
    pub editor: EditorDispatcher,
    /// The state's invalid fields; read from the editor as it is now when not given.
    #[prop_or_default]
    pub errors: Option<Shared<FieldErrors>>,
    /// Builds the edit that stores a new rule.
    pub to_edit: Callback<RiskShare, Edit>,
    /// In a linked option, a rule set here rather than taken from the base (marked on the
    /// choice of pattern).
    #[prop_or_default]
    pub changed: Option<FieldChange>,
}

#[function_component(RiskShareField)]
pub fn risk_share_field(props: &RiskShareFieldProps) -> Html {
    let choice_id = props.path.field("kind").to_dom_id();
    let editor = props.editor.clone();
    let on_choice = {
        let (editor, to_edit, rule, partners) = (
            editor.clone(),
            props.to_edit.clone(),
            props.rule.clone(),
            props.partners.clone(),
        );
        Callback::from(move |value: String| {
            if let Some(pattern) = RiskPattern::from_key(&value) {
                let new_rule = pattern.rule(&rule, &partners);
                editor.dispatch(crate::app::state::Action::Edit(to_edit.emit(new_rule)));
            }
        })
    };
    let (explanation, example) = explain(RiskPattern::of(&props.rule));
    html! {
        <div class="pb-rule">
            <SelectField id={choice_id} label={props.label.clone()}
                options={options(&RiskPattern::ALL, RiskPattern::label)} selected={RiskPattern::of(&props.rule).key()} on_change={on_choice}
                changed={props.changed.clone()} />
            <div class="pb-rule__help">
                <p>{ explanation }</p>
                <p class="pb-rule__example"><strong>{ "For example: " }</strong>{ example }</p>
            </div>
            { parameters(props) }
        </div>
    }
}

fn errors(props: &RiskShareFieldProps) -> Shared<FieldErrors> {
    props
        .errors
        .clone()
        .unwrap_or_else(|| props.editor.field_errors_now())
}

fn parameters(props: &RiskShareFieldProps) -> Html {
    let rule = props.rule.clone();
    match &props.rule {
        RiskShare::FixedPercentages { shares } => {
            let store = move |shares: Vec<PartnerShare>| RiskShare::FixedPercentages { shares };
            shares_fields(props, shares, &props.path.field("shares"), store)
        }
        RiskShare::Tiered {
            limit,
            bearer,
            rest,
        } => {
            // The same path validate reports the limit's problems at, so the checklist's links
            // reach this field.
            let limit_kind = match limit {
                TierLimit::Amount { .. } => "amount",
                TierLimit::PercentOfPlanned { .. } => "percent",
            };
            let limit_id = props.path.field("limit").field(limit_kind).to_dom_id();
            let (limit_text, limit_label, prefix, suffix) = match limit {
                TierLimit::Amount { amount } => (
                    money_text(*amount, MoneyUnit::Pounds),
                    "First part, in pounds",
                    Some(AttrValue::from("£")),
                    None,
                ),
                TierLimit::PercentOfPlanned { percent } => (
                    percent_text(*percent),
                    "First part, in per cent of planned spend",
                    None,
                    Some(AttrValue::from("%")),
                ),
            };
            let limit_commit = {
                let (rule, to_edit) = (rule.clone(), props.to_edit.clone());
                commit(
                    &props.editor,
                    limit_id.clone(),
                    limit_label.to_string(),
                    move |text| {
                        let limit = parse_limit(text)?;
                        Ok(to_edit.emit(with_tier(&rule, Some(limit), None, None)))
                    },
                )
            };
            let bearer_id = props.path.field("bearer").to_dom_id();
            let on_bearer = rule_callback(props, move |rule, value| {
                let bearer = if value == "host" {
                    TierBearer::Host
                } else {
                    TierBearer::Commissioner
                };
                with_tier(rule, None, Some(bearer), None)
            });
            let bearer_value = match bearer {
                TierBearer::Host => "host",
                TierBearer::Commissioner => "commissioner",
            };
            html! {
                <div class="pb-rule__parameters">
                    <TextField id={limit_id.clone()} label={limit_label}
                        hint="Type an amount like 250,000, or a percentage like 2%"
                        value={limit_text} prefix={prefix} suffix={suffix} width={FieldWidth::Amount}
                        inputmode="decimal" error={error_in(&errors(props), &limit_id)} on_commit={limit_commit} />
                    <SelectField id={bearer_id} label="Who carries the first part"
                        options={vec![("host".to_string(), "The host".to_string()),
                                      ("commissioner".to_string(), "The commissioner of the overspent line".to_string())]}
                        selected={bearer_value} on_change={on_bearer} />
                    { split_fields(props, rest, "rest", "How the rest is shared", move |rule, split| with_tier(rule, None, None, Some(split))) }
                </div>
            }
        }
        RiskShare::OrderedSteps { then } => html! {
            <div class="pb-rule__parameters">
                { split_fields(props, then, "then", "After netting off and the reserve, the rest is shared", |_, split| RiskShare::OrderedSteps { then: split }) }
            </div>
        },
        _ => html! {},
    }
}

/// The sub-rule used by tiered and ordered-steps rules; `key` is its field in the model
/// ("rest" or "then"), which validate's paths use too.
fn split_fields(
    props: &RiskShareFieldProps,
    split: &Split,
    key: &str,
    label: &str,
    store: fn(&RiskShare, Split) -> RiskShare,
) -> Html {
    let path = props.path.field(key);
    let id = path.field("kind").to_dom_id();
    let partners = props.partners.clone();
    let current = split.clone();
    let on_choice = rule_callback(props, move |rule, value| {
        let pattern = RiskPattern::from_key(value).unwrap_or(RiskPattern::ProRata);
        store(rule, pattern.split(&current, &partners))
    });
    let shares = match split {
        Split::FixedPercentages { shares } => {
            let rule = props.rule.clone();
            shares_fields(props, shares, &path.field("shares"), move |shares| {
                store(&rule, Split::FixedPercentages { shares })
            })
        }
        _ => html! {},
    };
    html! {
        <>
            <SelectField id={id} label={label.to_string()} options={options(&RiskPattern::SPLITS, RiskPattern::split_label)}
                selected={RiskPattern::of_split(split).key()} on_change={on_choice} />
            { shares }
        </>
    }
}

/// One percentage field per partner, and the running total. `path` is where validate reports
/// the shares' problems (`….shares`, each share's percentage at `….shares.share[i].percent`), so
/// the checklist and error summary link to these fields; the total problem links to the group.
fn shares_fields<F>(
    props: &RiskShareFieldProps,
    shares: &[PartnerShare],
    path: &FieldPath,
    store: F,
) -> Html
where
    F: Fn(Vec<PartnerShare>) -> RiskShare + Clone + 'static,
{
    // Checked: a crafted model's percentages can add up to more than a Decimal holds.
    let total = crate::model::total_percent(shares).map(Percent::as_decimal);
    let fields = props.partners.iter().map(|partner| {
        let position = shares.iter().position(|s| s.partner == partner.id);
        let percent = position
            .and_then(|i| shares.get(i))
            .map_or(Percent::ZERO, |s| s.percent);
        let id = match position {
            Some(i) => path.item("share", i).field("percent").to_dom_id(),
            None => format!("{}-partner-{}", path.to_dom_id(), partner.id.0),
        };
        let on_commit = {
            let (shares, store, to_edit, partner_id) = (
                shares.to_vec(),
                store.clone(),
                props.to_edit.clone(),
                partner.id,
            );
            commit(
                &props.editor,
                id.clone(),
                format!("Share for {}", isolate(partner.full_label())),
                move |text| {
                    let percent = Percent::parse(text).map_err(|e| e.to_string())?;
                    let mut shares = shares.clone();
                    match shares.iter_mut().find(|s| s.partner == partner_id) {
                        Some(share) => share.percent = percent,
                        None => shares.push(PartnerShare {
                            partner: partner_id,
                            percent,
                        }),
                    }
                    Ok(to_edit.emit(store(shares)))
                },
            )
        };
        html! {
            <TextField id={id.clone()} label={format!("Share for {}, in per cent", isolate(partner.full_label()))}
                value={percent_text(percent)} suffix="%" width={FieldWidth::Short} inputmode="decimal"
                error={error_in(&errors(props), &id)} on_commit={on_commit} />
        }
    });
    let adds_up = total == Some(rust_decimal::Decimal::ONE_HUNDRED);
    let total_class = if adds_up {
        "pb-rule__total"
    } else {
        "pb-rule__total pb-rule__total--wrong"
    };
    let total_text = match total {
        Some(total) => format!("Total: {}%", total.normalize()),
        None => "Total: too large to add up".to_string(),
    };
    html! {
        <div class="pb-rule__shares" id={path.to_dom_id()} tabindex="-1">
            { for fields }
            <p class={total_class} aria-live="polite">
                { total_text }
                if !adds_up { { " — the shares must total 100%" } }
            </p>
        </div>
    }
}

/// A select callback that replaces the rule with `change(current rule, chosen value)`.
fn rule_callback<F>(props: &RiskShareFieldProps, change: F) -> Callback<String>
where
    F: Fn(&RiskShare, &str) -> RiskShare + 'static,
{
    let (editor, to_edit, rule) = (
        props.editor.clone(),
        props.to_edit.clone(),
        props.rule.clone(),
    );
    Callback::from(move |value: String| {
        editor.dispatch(crate::app::state::Action::Edit(
            to_edit.emit(change(&rule, &value)),
        ));
    })
}

fn options(
    patterns: &[RiskPattern],
    label: fn(RiskPattern) -> &'static str,
) -> Vec<(String, String)> {
    patterns
        .iter()
        .map(|p| (p.key().to_string(), label(*p).to_string()))
        .collect()
}

fn with_tier(
    rule: &RiskShare,
    limit: Option<TierLimit>,
    bearer: Option<TierBearer>,
    rest: Option<Split>,
) -> RiskShare {
    match rule {
        RiskShare::Tiered {
            limit: l,
            bearer: b,
            rest: r,
        } => RiskShare::Tiered {
            limit: limit.unwrap_or(*l),
            bearer: bearer.unwrap_or(*b),
            rest: rest.unwrap_or_else(|| r.clone()),
        },
        other => other.clone(),
    }
}

/// "2%" is a share of planned spend; anything else is an amount in pounds.
fn parse_limit(text: &str) -> Result<TierLimit, String> {
    if text.trim_end().ends_with('%') {
        Percent::parse(text)
            .map(|percent| TierLimit::PercentOfPlanned { percent })
            .map_err(|e| e.to_string())
    } else {
        Money::parse(text)
            .map(|amount| TierLimit::Amount { amount })
            .map_err(|e| e.to_string())
    }
}

/// What each pattern means, and a small worked example.
pub fn explain(pattern: RiskPattern) -> (&'static str, &'static str) {
    match pattern {
        RiskPattern::NoSharing => (
            "Each partner carries the over- or underspend on the spending lines it commissions.",
            "the council commissions reablement, which overspends by £60,000: the council pays all £60,000.",
        ),
        RiskPattern::ProRata => (
            "The variance is split in proportion to what each partner put into the pool that year.",
            "the council put in £3m and the ICB £1m; a £400,000 overspend costs the council £300,000 and the ICB £100,000.",
        ),
        RiskPattern::ProRataCapped => (
            "Split in proportion to contributions, but no partner pays more than it put in; any excess passes to the others, then to the host.",
            "a partner that put in £50,000 never pays more than £50,000 of an overspend.",
        ),
        RiskPattern::Fixed => (
            "The variance is split by agreed percentages, whatever each partner put in. They must total 100%.",
            "50:50 between the council and the ICB: a £600,000 overspend costs each £300,000.",
        ),
        RiskPattern::Host => (
            "The partner that hosts the pool carries all of the variance.",
            "the council hosts the pool; a £200,000 overspend costs the council £200,000.",
        ),
        RiskPattern::Tiered => (
            "The first part of an overspend (an amount, or a percentage of planned spend) falls on the host or the commissioner; the rest is shared by a second rule.",
            "first £250,000 on the host, the rest 50:50: a £450,000 overspend costs the host £350,000 and the other partner £100,000.",
        ),
        RiskPattern::Steps => (
            "First, overspends are netted off against underspends elsewhere in the pool; then the contingency reserve is used; what remains is shared by a second rule.",
            "reablement overspends by £300,000 and carers' support underspends by £100,000; a £50,000 reserve covers more; the last £150,000 is shared.",
        ),
    }
}
