//! All editor state in one place: the model being edited, which scenario is open, undo and
//! redo history, and the fields whose typed text is not (yet) valid. State changes only through
//! `Action`s, applied by `reduce` — a plain function the native tests call directly.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use super::history::Snapshot;
use crate::model::edit::{apply, apply_to_model, Edit, EditError, ModelEdit};
use crate::model::linked;
use crate::model::uncertainty::Uncertainty;
use crate::model::{CowRc, ForecastEntry, Model, MoneyDisplay, PaperField, Scenario, ScenarioId};

/// How many steps back undo can go. Each step is a snapshot of the model that shares every
/// option and item unchanged since its neighbour (`super::history`), so a step costs about
/// what the edit changed.
pub const UNDO_LIMIT: usize = 100;

/// Text in a field that does not parse, kept so the person sees what they typed and why it
/// is wrong. The model keeps its last valid value meanwhile, and keeps computing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The DOM id of the input, so the error summary can link to it.
    pub field: String,
    /// The field's label, used to start the message: "Base budget for Reablement".
    pub label: String,
    /// "must be a number, like 1250000 or 1,250,000.50".
    pub message: String,
}

impl FieldError {
    /// The sentence shown in the error summary and beside the field.
    pub fn sentence(&self) -> String {
        format!("{} {}", self.label, self.message)
    }
}

#[derive(Clone, Debug)]
pub struct EditorState {
    pub model: Model,
    /// The scenario being edited.
    pub open: ScenarioId,
    /// Shared, not copied, when Yew clones the state (it does on every action, because the
    /// components hold the old state): a deep copy of 100 large models per edit was most of
    /// an edit's time (docs/benchmarks.md). Compared by pointer first, for the same reason.
    undo: Vec<Rc<Snapshot>>,
    redo: Vec<Rc<Snapshot>>,
    /// Invalid fields by DOM id.
    pub field_errors: BTreeMap<String, FieldError>,
    /// Why the last action could not be done, in words; cleared by the next successful one.
    pub notice: Option<String>,
    /// How many other models have been opened in this editor (`Load`, `Replace`): what a
    /// component keeps from earlier states, like the last results that computed, belongs to
    /// the model only while this is unchanged.
    pub generation: u32,
    /// How many times the model has changed within this generation (an edit, undo, redo): a
    /// cheap way to tell that it changed without comparing or copying it (autosave).
    pub model_version: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A change to the open scenario.
    Edit(Edit),
    /// Start again from another model (a template, a file): undoable like any edit.
    Replace(Model),
    /// Open another saved model: a fresh start, with its own (empty) history.
    Load(Model),
    /// Rename the whole model (what the list of saved models shows).
    RenameModel(String),
    /// How forecasts are typed from now on (spend in the year, or over/underspend); undoable.
    ForecastEntry(ForecastEntry),
    /// One line of the board paper's title block, as typed (trimmed); undoable.
    Paper(PaperField, String),
    /// New ranges or simulation settings (model::uncertainty); undoable.
    Uncertainty(Uncertainty),
    /// How money is shown (pounds, £000 or £m; minus sign or brackets); kept with the model,
    /// undoable.
    MoneyDisplay(MoneyDisplay),
    /// Copy, remove, reorder an option or make it the base; opens the option it returns.
    Options(ModelEdit),
    Open(ScenarioId),
    Undo,
    Redo,
    FieldInvalid(FieldError),
    /// The field with this DOM id holds valid text again (or is gone).
    FieldValid(String),
}

impl EditorState {
    pub fn new(model: Model) -> EditorState {
        let open = model.base_scenario;
        EditorState {
            model,
            open,
            undo: Vec::new(),
            redo: Vec::new(),
            field_errors: BTreeMap::new(),
            notice: None,
            generation: 0,
            model_version: 0,
        }
    }

    /// The open scenario; falls back to the first if the open id is stale.
    pub fn scenario(&self) -> Option<&Scenario> {
        self.scenario_shared().map(|s| &**s)
    }

    /// The open scenario as the model shares it (copying it shares it).
    pub fn scenario_shared(&self) -> Option<&CowRc<Scenario>> {
        self.model.scenario_or_first(self.open)
    }

    /// Position of the open scenario in the model, for field paths.
    pub fn scenario_index(&self) -> usize {
        self.model
            .scenarios
            .iter()
            .position(|s| s.id == self.open)
            .unwrap_or(0)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies one action. Pure: the same state and action always give the same result.
    pub fn reduce(mut self, action: Action) -> EditorState {
        match action {
            Action::Edit(edit) => match self.edited(&edit) {
                Ok(model) => self.commit(model),
                Err(error) => self.notice = Some(error.to_string()),
            },
            Action::Replace(model) => {
                let open = model.base_scenario;
                self.field_errors.clear();
                self.commit(model);
                self.open = open;
                self.generation = self.generation.wrapping_add(1);
            }
            Action::Load(model) => {
                return EditorState {
                    generation: self.generation.wrapping_add(1),
                    ..EditorState::new(model)
                }
            }
            Action::RenameModel(name) => {
                let mut model = self.model.clone();
                model.name = name;
                self.commit(model);
            }
            Action::ForecastEntry(entry) => {
                let mut model = self.model.clone();
                model.forecast_entry = entry;
                self.commit(model);
            }
            Action::Paper(field, value) => {
                let mut model = self.model.clone();
                field.set(&mut model.paper, value);
                self.commit(model);
            }
            Action::Uncertainty(uncertainty) => {
                let mut model = self.model.clone();
                model.uncertainty = uncertainty;
                self.commit(model);
            }
            Action::MoneyDisplay(display) => {
                let mut model = self.model.clone();
                model.money_display = display;
                self.commit(model);
            }
            Action::Options(edit) => {
                let mut model = self.model.clone();
                match apply_to_model(&mut model, &edit) {
                    Ok(open) => {
                        self.commit(model);
                        self.open = open;
                        self.field_errors.clear();
                    }
                    Err(error) => self.notice = Some(error.to_string()),
                }
            }
            Action::Open(id) => {
                if self.model.scenario(id).is_some() {
                    self.open = id;
                    self.field_errors.clear();
                }
            }
            Action::Undo => {
                if let Some(previous) = self.undo.pop() {
                    let current = self.restore(&previous);
                    self.redo.push(Rc::new(current));
                }
            }
            Action::Redo => {
                if let Some(next) = self.redo.pop() {
                    let current = self.restore(&next);
                    self.undo.push(Rc::new(current));
                }
            }
            Action::FieldInvalid(error) => {
                self.field_errors.insert(error.field.clone(), error);
            }
            Action::FieldValid(field) => {
                self.field_errors.remove(&field);
            }
        }
        self
    }

    /// The model with `edit` applied to the open scenario, or why it cannot be. In a linked
    /// option the edit becomes an override; every option based on the edited one follows.
    fn edited(&self, edit: &Edit) -> Result<Model, EditError> {
        let mut model = self.model.clone();
        let index = self.scenario_index();
        let scenario = model
            .scenarios
            .get_mut(index)
            .ok_or(EditError::Missing("scenario"))?;
        apply(scenario, edit)?;
        let id = scenario.id;
        linked::after_edit(&mut model, id);
        Ok(model)
    }

    fn commit(&mut self, model: Model) {
        let previous = std::mem::replace(&mut self.model, model);
        self.record(&previous);
    }

    /// Records `previous` (the model before the one now held) as the step undo goes back to.
    fn record(&mut self, previous: &Model) {
        self.notice = None;
        if *previous == self.model {
            return;
        }
        self.model_version = self.model_version.wrapping_add(1);
        let snapshot = Snapshot::of(previous, self.open, self.undo.last().map(|s| &**s));
        self.undo.push(Rc::new(snapshot));
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Puts `snapshot` back and returns the state it replaces, to redo (or undo) later. Both
    /// directions open the option the change was made in, so the person sees it happen. The
    /// fields then show the restored values, so typed-but-invalid text no longer applies.
    fn restore(&mut self, snapshot: &Snapshot) -> Snapshot {
        self.open = snapshot.open;
        let replaced = std::mem::replace(&mut self.model, snapshot.model());
        self.model_version = self.model_version.wrapping_add(1);
        let current = Snapshot::of(&replaced, snapshot.open, Some(snapshot));
        self.field_errors.clear();
        self.notice = None;
        if self.model.scenario(self.open).is_none() {
            self.open = self.model.base_scenario;
        }
        current
    }
}

/// Equal states hold equal models, options, errors and history. Yew compares the state every
/// component was given with the new one, after every action, so history is compared snapshot
/// by snapshot and by pointer first: consecutive states share nearly all of it, and comparing
/// 100 models in full for each component made an edit's time grow with its history.
impl PartialEq for EditorState {
    fn eq(&self, other: &Self) -> bool {
        let same_history = |a: &[Rc<Snapshot>], b: &[Rc<Snapshot>]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y) || x == y)
        };
        // Destructured so that a new field cannot be left out of the comparison.
        let EditorState {
            model,
            open,
            undo,
            redo,
            field_errors,
            notice,
            generation,
            model_version,
        } = self;
        *open == other.open
            && *generation == other.generation
            && *model_version == other.model_version
            && *notice == other.notice
            && *field_errors == other.field_errors
            && *model == other.model
            && same_history(undo, &other.undo)
            && same_history(redo, &other.redo)
    }
}

impl Reducible for EditorState {
    type Action = Action;

    /// Yew hands over a state the components still share, so cloning it would copy the model.
    /// An edit instead builds the edited model (one copy) around the shared rest; an action that
    /// changes nothing returns the same state, which Yew then does not draw again.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::FieldValid(field) = &action {
            if !self.field_errors.contains_key(field) {
                return self;
            }
        }
        let shared = match Rc::try_unwrap(self) {
            Ok(state) => return Rc::new(state.reduce(action)),
            Err(shared) => shared,
        };
        match action {
            Action::Edit(edit) => match shared.edited(&edit) {
                Ok(model) => {
                    let mut next = shared.around(model);
                    next.record(&shared.model);
                    Rc::new(next)
                }
                Err(error) => {
                    let mut next = shared.around(shared.model.clone());
                    next.notice = Some(error.to_string());
                    Rc::new(next)
                }
            },
            action => Rc::new(EditorState::clone(&shared).reduce(action)),
        }
    }
}

impl EditorState {
    /// This state holding `model` instead of its own, everything else shared or copied.
    fn around(&self, model: Model) -> EditorState {
        EditorState {
            model,
            open: self.open,
            undo: self.undo.clone(),
            redo: self.redo.clone(),
            field_errors: self.field_errors.clone(),
            notice: self.notice.clone(),
            generation: self.generation,
            model_version: self.model_version,
        }
    }
}
