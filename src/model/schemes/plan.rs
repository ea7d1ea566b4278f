//! Turning a pasted block or an imported table into one change to an option (a batch of edits,
//! one undo step), with the preview that says what it will do before anything changes.

use core::fmt;
use std::collections::HashSet;

use super::columns::{read_header, Header, SchemeColumn, SchemeField};
use super::fill::CellPlan;
use super::names;
use crate::model::edit::{self, Edit, EditError, LineField};
use crate::model::limits::{group, MAX_LINES};
use crate::model::repair::fresh_id;
use crate::model::{
    FinancialYear, ForecastEntry, LineId, Money, MoneyUnit, Outturn, Scenario, SpendLine,
};

/// How to read the figures in a table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PasteOptions {
    /// The unit the figures are in ("Figures are in £000"); `None`: as a heading says ("Budget
    /// 2025/26 (£000)"), else pounds.
    pub unit: Option<MoneyUnit>,
    /// The unit the model shows amounts in, which bare figures are read in when neither `unit`
    /// nor a heading says; then a figure written with "£" is in pounds
    /// ([`Money::parse_entered`]).
    pub model_unit: MoneyUnit,
    /// How a Forecast column's figures are read: as spend, or as over/underspend.
    pub forecast_entry: ForecastEntry,
}

/// A cell whose text could not be used, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableCell {
    /// The row as the person sees it: the grid's row, or the file's line (its header is row 1).
    pub row: usize,
    /// The column's label: "Budget 2026/27".
    pub column: String,
    /// The cell's text, shortened if long.
    pub text: String,
    /// Why it could not be read, completing "<column> …".
    pub reason: String,
    /// What happens instead: "left blank", "left as it was".
    pub outcome: String,
}

/// "row 7, Budget 2026/27: ‘TBC’ — left blank".
impl fmt::Display for UnreadableCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}, {}: ‘{}’ — {}",
            self.row, self.column, self.text, self.outcome
        )
    }
}

/// What a paste or import will do. Nothing changes until the editor applies [`PastePlan::edit`]
/// (one undo step); dropping the plan changes nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PastePlan {
    /// Rows of the table that fill a scheme (blank rows below the last scheme are skipped).
    pub rows: usize,
    pub new_schemes: usize,
    /// Existing schemes whose figures or settings will change.
    pub changed_schemes: usize,
    pub unreadable: Vec<UnreadableCell>,
    /// Headings of the table's columns that will not be read, with why where it helps.
    pub ignored_columns: Vec<String>,
    /// Anything else worth saying before accepting (defaults used, a header row skipped).
    pub notes: Vec<String>,
    /// Why nothing can be applied (too many schemes, no pool); the edit is then `None`.
    pub refused: Option<String>,
    /// The unit the figures were read in.
    pub unit: MoneyUnit,
    edits: Vec<Edit>,
}

impl PastePlan {
    /// "42 rows: 40 new schemes, 2 changed; 3 cells could not be read", or why not.
    pub fn summary(&self) -> String {
        if let Some(refused) = &self.refused {
            return refused.clone();
        }
        let mut text = format!(
            "{}: {}, {} changed",
            counted(self.rows, "row", "rows"),
            counted(self.new_schemes, "new scheme", "new schemes"),
            group(self.changed_schemes)
        );
        if !self.unreadable.is_empty() {
            let cells = counted(self.unreadable.len(), "cell", "cells");
            text.push_str(&format!("; {cells} could not be read"));
        }
        text
    }

    /// The whole change as one edit (a batch: all of it or none), `None` if refused or if it
    /// changes nothing.
    pub fn edit(&self) -> Option<Edit> {
        (self.refused.is_none() && !self.edits.is_empty()).then(|| Edit::Batch(self.edits.clone()))
    }

    /// The option with the change made; `scenario` itself is untouched.
    pub fn apply(&self, scenario: &Scenario) -> Result<Scenario, EditError> {
        let mut changed = scenario.clone();
        if let Some(edit) = self.edit() {
            edit::apply(&mut changed, &edit)?;
        }
        Ok(changed)
    }
}

fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{} {}", group(count), if count == 1 { one } else { many })
}

/// A block pasted into the scheme grid with its focus on row `anchor_row`, column `anchor_col`
/// (from 0) of `columns`: fills cells rightwards and down, changing the schemes in those rows
/// and adding a scheme for each row below the last. A first row of headings is skipped.
pub fn plan_paste(
    scenario: &Scenario,
    anchor_row: usize,
    anchor_col: usize,
    table: &[Vec<String>],
    columns: &[SchemeColumn],
    options: PasteOptions,
) -> PastePlan {
    let header = table.first().and_then(|row| read_header(row));
    let mut planner = Planner::new(scenario, options, header.as_ref());
    let rows = match header {
        Some(_) => {
            planner
                .plan
                .notes
                .push("The first row was taken as column headings and not pasted.".to_string());
            table.get(1..).unwrap_or_default()
        }
        None => table,
    };
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let fields: Vec<Option<SchemeField>> = (0..width)
        .map(|j| {
            anchor_col
                .checked_add(j)
                .and_then(|at| columns.get(at))
                .map(|c| SchemeField::Column(*c))
        })
        .collect();
    let beyond = fields.iter().filter(|f| f.is_none()).count();
    if beyond > 0 {
        planner.plan.notes.push(format!(
            "{} beyond the grid's last column {} not pasted.",
            counted(beyond, "column", "columns"),
            if beyond == 1 { "was" } else { "were" }
        ));
    }
    for (offset, cells) in rows.iter().enumerate() {
        let at = anchor_row.saturating_add(offset);
        let target = if at < scenario.lines.len() {
            Target::Existing(at)
        } else {
            Target::Create
        };
        planner.row(at.saturating_add(1), cells, &fields, target);
    }
    planner.finish()
}

/// A table whose first row holds headings (a schemes CSV, or a sheet laid out like the
/// planning template), its columns matched by name. Each row updates the scheme with its
/// reference (or, without one, its name), or adds a new scheme.
pub fn plan_import(scenario: &Scenario, table: &[Vec<String>], options: PasteOptions) -> PastePlan {
    let Some((first, rows)) = table.split_first() else {
        return PastePlan {
            refused: Some("The file has no rows.".to_string()),
            ..PastePlan::default()
        };
    };
    let Some(header) = read_header(first) else {
        return PastePlan {
            refused: Some(
                "The first row has no column headings the modeller knows (like Scheme name, \
                 Pool or Budget 2025/26), so the columns cannot be matched. Add a row of \
                 headings at the top and try again."
                    .to_string(),
            ),
            ..PastePlan::default()
        };
    };
    let mut planner = Planner::new(scenario, options, Some(&header));
    planner.plan.ignored_columns = header.ignored();
    let mut fields = header.fields();
    for (field, heading) in fields.iter_mut().zip(&header.headings) {
        if let Some(year) = field.and_then(year_of) {
            if !scenario.horizon.contains(year) {
                *field = None;
                planner.plan.ignored_columns.push(format!(
                    "{} (outside this option's years, {})",
                    heading.trim(),
                    scenario.horizon
                ));
            }
        }
    }
    let column_of = |wanted: SchemeColumn| {
        fields
            .iter()
            .position(|f| *f == Some(SchemeField::Column(wanted)))
    };
    let (reference_at, name_at) = (
        column_of(SchemeColumn::Reference),
        column_of(SchemeColumn::Name),
    );
    for (offset, cells) in rows.iter().enumerate() {
        let cell = |at: Option<usize>| {
            at.and_then(|at| cells.get(at))
                .map(|text| names::key(text))
                .filter(|key| !key.is_empty())
        };
        let target = match (cell(reference_at), cell(name_at)) {
            (Some(reference), _) => planner.find(|line| names::key(&line.reference) == reference),
            (None, Some(name)) => planner.find(|line| names::key(&line.name) == name),
            (None, None) => Target::Create,
        };
        planner.row(offset.saturating_add(2), cells, &fields, target);
    }
    planner.finish()
}

fn year_of(field: SchemeField) -> Option<FinancialYear> {
    match field {
        SchemeField::Column(SchemeColumn::Budget(year) | SchemeColumn::Forecast(year))
        | SchemeField::ForecastSpend(year)
        | SchemeField::Variance(year) => Some(year),
        _ => None,
    }
}

/// Which scheme a row fills.
#[derive(Clone, Copy)]
enum Target {
    /// The option's line at this position.
    Existing(usize),
    /// A scheme an earlier row of this table added.
    Added(usize),
    Create,
}

/// How a pool or commissioner was chosen for a new scheme without one in the table.
#[derive(Default)]
struct Defaults {
    pool: usize,
    commissioner: usize,
}

pub(super) struct Planner<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) unit: MoneyUnit,
    /// The unit is the model's, not chosen or stated: a figure written with "£" is in pounds.
    pub(super) pounds_when_marked: bool,
    pub(super) forecast_entry: ForecastEntry,
    pub(super) plan: PastePlan,
    /// Working copies of the existing lines the table changes, by position.
    updated: Vec<Option<SpendLine>>,
    added: Vec<SpendLine>,
    used_ids: HashSet<u32>,
    defaults: Defaults,
}

impl<'a> Planner<'a> {
    fn new(scenario: &'a Scenario, options: PasteOptions, header: Option<&Header>) -> Planner<'a> {
        let stated = header.and_then(|h| h.unit);
        let unit = options.unit.or(stated).unwrap_or(options.model_unit);
        let pounds_when_marked = options.unit.is_none() && stated.is_none();
        let mut plan = PastePlan {
            unit,
            ..PastePlan::default()
        };
        if options.unit.is_none() && stated.is_some() {
            plan.notes.push(format!(
                "Figures were read in {}, as the column headings say.",
                unit_name(unit)
            ));
        } else if pounds_when_marked && unit != MoneyUnit::Pounds {
            plan.notes.push(format!(
                "Figures were read in {}, the unit this model shows amounts in: 1,250 is {}. A figure written with £, like £1,250,000, is read in pounds.",
                unit_name(unit),
                crate::model::format_money(
                    Money::parse_in("1250", unit).unwrap_or_default(),
                    crate::model::MoneyStyle::EXACT
                )
            ));
        }
        Planner {
            scenario,
            unit,
            pounds_when_marked,
            forecast_entry: options.forecast_entry,
            plan,
            updated: vec![None; scenario.lines.len()],
            added: Vec::new(),
            used_ids: scenario.lines.iter().map(|l| l.id.0).collect(),
            defaults: Defaults::default(),
        }
    }

    /// The scheme, existing or added by an earlier row, that `matches`; else a new one.
    fn find(&self, matches: impl Fn(&SpendLine) -> bool) -> Target {
        if let Some(at) = self.scenario.lines.iter().position(&matches) {
            return Target::Existing(at);
        }
        match self.added.iter().position(&matches) {
            Some(at) => Target::Added(at),
            None => Target::Create,
        }
    }

    /// Fills one scheme from one row; `number` names the row in messages.
    fn row(
        &mut self,
        number: usize,
        cells: &[String],
        fields: &[Option<SchemeField>],
        target: Target,
    ) {
        let filled: Vec<(SchemeField, &str)> = fields
            .iter()
            .zip(cells)
            .filter_map(|(field, text)| field.map(|f| (f, text.as_str())))
            .collect();
        let is_new = !matches!(target, Target::Existing(_));
        if matches!(target, Target::Create) && filled.iter().all(|(_, t)| t.trim().is_empty()) {
            return;
        }
        let mut line = match target {
            Target::Existing(at) => {
                let current = self.updated.get(at).cloned().flatten();
                match current.or_else(|| self.scenario.lines.get(at).cloned()) {
                    Some(line) => line,
                    None => return,
                }
            }
            Target::Added(at) => match self.added.get(at) {
                Some(line) => line.clone(),
                None => return,
            },
            Target::Create => match self.new_line() {
                Some(line) => line,
                None => return,
            },
        };
        self.plan.rows += 1;
        let mut cell = CellPlan {
            planner: self,
            number,
            is_new,
            pool_given: false,
            commissioner_given: false,
            forecasts: Vec::new(),
        };
        for (field, text) in filled {
            cell.fill(&mut line, field, text);
        }
        let (pool_given, commissioner_given) = (cell.pool_given, cell.commissioner_given);
        if matches!(target, Target::Create) {
            if !pool_given {
                self.defaults.pool += 1;
            }
            if !commissioner_given {
                self.defaults.commissioner += 1;
                if let Some(pool) = self.scenario.pool(line.pool) {
                    line.commissioner = pool.host;
                }
            }
        }
        match target {
            Target::Existing(at) => {
                if let Some(slot) = self.updated.get_mut(at) {
                    *slot = Some(line);
                }
            }
            Target::Added(at) => {
                if let Some(slot) = self.added.get_mut(at) {
                    *slot = line;
                }
            }
            Target::Create => self.added.push(line),
        }
    }

    /// A new scheme as the editor's "Add a spending line" makes it: in the first pool,
    /// commissioned by its host. `None` (and the plan refused) if the option has no pool.
    fn new_line(&mut self) -> Option<SpendLine> {
        let Some(pool) = self.scenario.pools.first() else {
            self.plan.refused = Some(
                "Add a pool first: each new scheme is paid from one, and this option has none."
                    .to_string(),
            );
            return None;
        };
        let id = fresh_id(&self.used_ids);
        self.used_ids.insert(id);
        let number = self.scenario.lines.len() + self.added.len() + 1;
        let mut line = SpendLine::new(
            id,
            &format!("Spending line {number}"),
            pool.id,
            pool.host,
            Money::ZERO,
            self.scenario.horizon,
        );
        line.budget.clear();
        Some(line)
    }

    fn finish(mut self) -> PastePlan {
        let mut edits = Vec::new();
        for (before, after) in self.scenario.lines.iter().zip(&self.updated) {
            if let Some(after) = after {
                let changes = line_edits(before, after);
                if !changes.is_empty() {
                    self.plan.changed_schemes += 1;
                    edits.extend(changes);
                }
            }
        }
        self.plan.new_schemes = self.added.len();
        let total = self.scenario.lines.len().saturating_add(self.added.len());
        if total > MAX_LINES && self.plan.refused.is_none() {
            self.plan.refused = Some(format!(
                "This would add {} to the {} already in this option; an option can hold at most \
                 {} spending lines. Paste or import fewer rows.",
                counted(self.added.len(), "scheme", "schemes"),
                group(self.scenario.lines.len()),
                group(MAX_LINES)
            ));
        }
        self.default_notes();
        edits.extend(
            self.added
                .into_iter()
                .map(|line| Edit::InsertLine(Box::new(line))),
        );
        if self.plan.refused.is_none() && !edits.is_empty() {
            // A dry run, so a plan that is offered can always be applied.
            let mut trial = self.scenario.clone();
            if let Err(error) = edit::apply(&mut trial, &Edit::Batch(edits.clone())) {
                self.plan.refused = Some(error.to_string());
            }
        }
        if self.plan.refused.is_none() {
            self.plan.edits = edits;
        }
        self.plan
    }

    fn default_notes(&mut self) {
        let Some(pool) = self.scenario.pools.first() else {
            return;
        };
        let schemes = |n: usize| {
            if n == 1 {
                "1 new scheme has".to_string()
            } else {
                format!("{} new schemes have", group(n))
            }
        };
        if self.defaults.pool > 0 {
            self.plan.notes.push(format!(
                "{} no pool that the modeller recognises: paid from ‘{}’, the first pool.",
                schemes(self.defaults.pool),
                pool.name
            ));
        }
        if self.defaults.commissioner > 0 {
            self.plan.notes.push(format!(
                "{} no commissioner that the modeller recognises: commissioned by their pool's host.",
                schemes(self.defaults.commissioner)
            ));
        }
    }
}

fn unit_name(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Pounds => "pounds",
        MoneyUnit::Thousands => "£000",
        MoneyUnit::Millions => "£m",
    }
}

/// The entry typed for `year`, ignoring whether the scheme runs then.
fn typed_outturn(line: &SpendLine, year: FinancialYear) -> Outturn {
    line.forecast
        .iter()
        .find(|f| f.year == year)
        .map_or(Outturn::AsPlanned, |f| f.outturn)
}

/// The edits that turn `before` into `after` (the same line, filled from a row).
fn line_edits(before: &SpendLine, after: &SpendLine) -> Vec<Edit> {
    let mut fields = Vec::new();
    if before.name != after.name {
        fields.push(LineField::Name(after.name.clone()));
    }
    if before.reference != after.reference {
        fields.push(LineField::Reference(after.reference.clone()));
    }
    if before.pool != after.pool {
        fields.push(LineField::Pool(after.pool));
    }
    if before.commissioner != after.commissioner {
        fields.push(LineField::Commissioner(after.commissioner));
    }
    if before.provider != after.provider {
        fields.push(LineField::Provider(after.provider.clone()));
    }
    if before.stream != after.stream {
        fields.push(LineField::Stream(after.stream));
    }
    if before.ring_fence != after.ring_fence {
        fields.push(LineField::RingFence(after.ring_fence));
    }
    if before.savings != after.savings {
        fields.push(LineField::Savings(after.savings));
    }
    for entry in &after.budget {
        let old = before.budget.iter().find(|e| e.year == entry.year);
        if old.map(|e| e.amount) != Some(entry.amount) {
            fields.push(LineField::Budget(entry.year, entry.amount));
        }
    }
    let years: Vec<FinancialYear> = before
        .forecast
        .iter()
        .chain(&after.forecast)
        .map(|f| f.year)
        .collect();
    let mut seen = HashSet::new();
    for year in years {
        if seen.insert(year) && typed_outturn(before, year) != typed_outturn(after, year) {
            fields.push(LineField::Forecast(year, typed_outturn(after, year)));
        }
    }
    if before.first_year != after.first_year {
        fields.push(LineField::FirstYear(after.first_year));
    }
    if before.last_year != after.last_year {
        fields.push(LineField::LastYear(after.last_year));
    }
    if before.notes != after.notes {
        fields.push(LineField::Notes(after.notes.clone()));
    }
    let id: LineId = before.id;
    fields
        .into_iter()
        .map(|field| Edit::Line(id, field))
        .collect()
}
