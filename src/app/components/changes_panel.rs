//! "Changes in this option": what a linked option changes in its base (issue #15), each in
//! words with "Use the base's value" to drop it, so a person sees at once what is this
//! option's own and what follows the base.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::changed_mark::FieldChange;
use super::scheme_grid::{ChangedCells, ChangedRow};
use crate::app::bidi::name;
use crate::app::fields::Dispatcher;
use crate::model::linked::{ItemRef, Override};
use crate::model::{changed_cells, describe_overrides, CowRc, LineId, Model, Scenario, ScenarioId};

#[derive(Properties, PartialEq)]
pub struct ChangesPanelProps {
    pub dispatcher: Dispatcher,
    pub option: ScenarioId,
    pub base_name: AttrValue,
    /// Each override and its sentence.
    pub changes: Rc<Vec<(Override, String)>>,
}

/// The panel for the open option of `model`, or nothing when it is independent.
pub fn linked_changes(model: &Model, open: ScenarioId, dispatcher: &Dispatcher) -> Html {
    let Some(notes) = link_notes(model, open) else {
        return html! {};
    };
    html! {
        <ChangesPanel dispatcher={dispatcher.clone()} option={open}
            base_name={AttrValue::from(notes.base_name.clone())} changes={notes.all.clone()} />
    }
}

#[function_component(ChangesPanel)]
pub fn changes_panel(props: &ChangesPanelProps) -> Html {
    let count = props.changes.len();
    let summary = match count {
        0 => "It changes nothing yet: every figure follows its base. Change a figure here to set this option's own.".to_string(),
        1 => "It changes one thing; everything else follows its base.".to_string(),
        n => format!("It changes {n} things; everything else follows its base."),
    };
    let option = props.option;
    html! {
        <section class="pb-section pb-changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading" class="pb-section__title">{ "Changes in this option" }</h2>
            <p class="pb-section__lede">
                { "Based on ‘" }{ name(&props.base_name) }{ "’. " }{ summary }
                { " What it changes is marked ◆ beside each field and grid cell, with a button to use the base's value there." }
            </p>
            if count > 0 {
                <ul class="pb-changes__list">
                    { for props.changes.iter().enumerate().map(|(at, (what, text))| {
                        let text_id = format!("change-{at}");
                        html! {
                            <li class="pb-changes__item" key={at}>
                                <span id={text_id.clone()}>
                                    <span class="pb-changed-mark" aria-hidden="true">{ "◆ " }</span>
                                    { text.clone() }
                                </span>
                                <button type="button" class="pb-button pb-button--secondary pb-button--small"
                                    aria-describedby={text_id}
                                    onclick={use_base(&props.dispatcher, option, what)}>
                                    { "Use the base's value" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

fn use_base(dispatcher: &Dispatcher, option: ScenarioId, what: &Override) -> Callback<MouseEvent> {
    FieldChange {
        option,
        what: what.clone(),
        text: AttrValue::default(),
        dispatcher: dispatcher.clone(),
    }
    .use_base()
}

/// A linked option's overrides, in words, as the editor shows them: the whole list (the
/// panel), by item and field (the markers beside fields), and the scheme grid's cells.
pub struct LinkNotes {
    pub option: ScenarioId,
    pub base_name: String,
    /// Each override and its sentence.
    pub all: Rc<Vec<(Override, String)>>,
    /// The scheme grid's changed cells, row by row.
    pub cells: Vec<(LineId, ChangedCells)>,
}

impl LinkNotes {
    /// The marker for `field` (a saved field name: `host`, `baseline_budget`) of `item`, if this
    /// option sets it.
    pub fn field(
        &self,
        item: ItemRef,
        field: &str,
        dispatcher: &Dispatcher,
    ) -> Option<FieldChange> {
        self.all.iter().find_map(|(what, text)| match what {
            Override::Field(of, f) if *of == item && f.name == field && f.year.is_none() => {
                Some(self.change(what, text, dispatcher))
            }
            _ => None,
        })
    }

    /// The marker for the plan's years, if this option sets its own.
    pub fn horizon(&self, dispatcher: &Dispatcher) -> Option<FieldChange> {
        self.all
            .iter()
            .find(|(what, _)| *what == Override::Horizon)
            .map(|(what, text)| self.change(what, text, dispatcher))
    }

    /// The markers of `item`'s fields, by saved field name (for a card drawn with narrow props).
    pub fn item(&self, item: ItemRef, dispatcher: &Dispatcher) -> Option<ItemChanges> {
        let changes: Vec<(String, FieldChange)> = self
            .all
            .iter()
            .filter_map(|(what, text)| match what {
                Override::Field(of, f) if *of == item && f.year.is_none() => {
                    Some((f.name.clone(), self.change(what, text, dispatcher)))
                }
                _ => None,
            })
            .collect();
        (!changes.is_empty()).then(|| ItemChanges(Rc::new(changes)))
    }

    fn change(&self, what: &Override, text: &str, dispatcher: &Dispatcher) -> FieldChange {
        FieldChange {
            option: self.option,
            what: what.clone(),
            text: AttrValue::from(format!("Changed from base: {text}")),
            dispatcher: dispatcher.clone(),
        }
    }
}

/// What a linked option sets itself in one item (a partner, a pool…), field by field.
#[derive(Clone, PartialEq)]
pub struct ItemChanges(Rc<Vec<(String, FieldChange)>>);

impl ItemChanges {
    /// The marker for this saved field name, if the option sets it.
    pub fn of(changes: &Option<ItemChanges>, field: &str) -> Option<FieldChange> {
        changes
            .as_ref()?
            .0
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, change)| change.clone())
    }
}

/// The base and the option the notes are for, and the notes.
type Kept = (CowRc<Scenario>, CowRc<Scenario>, Rc<LinkNotes>);

thread_local! {
    /// The last notes worked out, with the base and option they are for: every section of the
    /// editor asks for them in the same draw, and an edit elsewhere (another option, the
    /// results) leaves both unchanged. Holding the two options here also keeps their `CowRc`s
    /// shared, so any change to either makes a new one, which is how a stale entry is told.
    static LAST: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// The open option's overrides in words, or none when it is independent; worked out once per
/// change to the option or its base, not on every draw (docs/benchmarks.md).
pub fn link_notes(model: &Model, open: ScenarioId) -> Option<Rc<LinkNotes>> {
    let find = |id: ScenarioId| model.scenarios.iter().find(|s| s.id == id);
    let option = find(open)?;
    let base = find(option.link.as_ref()?.based_on)?;
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((b, o, notes)) = &*last {
            if CowRc::same(b, base) && CowRc::same(o, option) {
                return Some(notes.clone());
            }
        }
        let notes = Rc::new(LinkNotes {
            option: open,
            base_name: base.name.clone(),
            all: Rc::new(describe_overrides(base, option)),
            cells: changed_cells(base, option)
                .into_iter()
                .map(|(line, cells)| {
                    let cells = cells
                        .into_iter()
                        .map(|(column, field, text)| {
                            (column, Override::Field(ItemRef::Line(line), field), text)
                        })
                        .collect();
                    (
                        line,
                        Rc::new(ChangedRow {
                            option: open,
                            cells,
                        }),
                    )
                })
                .collect(),
        });
        *last = Some((base.clone(), option.clone(), notes.clone()));
        Some(notes)
    })
}
