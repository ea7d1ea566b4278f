//! Filling one row's cells into its scheme: each field read with the app's own parsers, names
//! found among the option's pools and partners, and every cell that cannot be used reported.

use super::cells::{read_money, read_percent, read_year, CellRead};
use super::columns::{SchemeColumn, SchemeField};
use super::names;
use super::plan::{Planner, UnreadableCell};
use crate::model::limits::{group, MAX_DESCRIPTION_CHARS, MAX_NAME_CHARS};
use crate::model::{FinancialYear, ForecastEntry, Money, Outturn, Percent, SpendLine};

/// Filling one row's cells into its scheme.
pub(super) struct CellPlan<'p, 'a> {
    pub(super) planner: &'p mut Planner<'a>,
    pub(super) number: usize,
    pub(super) is_new: bool,
    pub(super) pool_given: bool,
    pub(super) commissioner_given: bool,
    /// Years this row has given a forecast for: a file may have a spend column and a variance
    /// column for the same year, and the blank one must not clear the other.
    pub(super) forecasts: Vec<FinancialYear>,
}

impl CellPlan<'_, '_> {
    fn unreadable(&mut self, field: SchemeField, text: &str, reason: String, outcome: &str) {
        self.planner.plan.unreadable.push(UnreadableCell {
            row: self.number,
            column: field.heading(),
            text: shortened(text.trim()),
            reason,
            outcome: outcome.to_string(),
        });
    }

    /// A money cell's amount: blank or unreadable (reported, "left blank") is `None`.
    fn money(&mut self, field: SchemeField, text: &str) -> Option<Money> {
        // In the model's unit (not chosen or stated), a figure written with "£" is in pounds.
        let unit = if self.planner.pounds_when_marked {
            Money::entered_unit(text, self.planner.unit)
        } else {
            self.planner.unit
        };
        match read_money(text, unit) {
            CellRead::Value(amount) => Some(amount),
            CellRead::Blank => None,
            CellRead::Unreadable(reason) => {
                self.unreadable(field, text, reason, "left blank");
                None
            }
        }
    }

    pub(super) fn fill(&mut self, line: &mut SpendLine, field: SchemeField, text: &str) {
        let unchanged = if self.is_new {
            "left blank"
        } else {
            "left as it was"
        };
        match field {
            SchemeField::Column(SchemeColumn::Reference) => {
                if let Some(value) = self.text(field, text, MAX_NAME_CHARS, unchanged) {
                    line.reference = value;
                }
            }
            SchemeField::Column(SchemeColumn::Name) => {
                if text.trim().is_empty() {
                    return;
                }
                if let Some(value) = self.text(field, text, MAX_NAME_CHARS, unchanged) {
                    line.name = value;
                }
            }
            SchemeField::Column(SchemeColumn::Provider) => {
                if let Some(value) = self.text(field, text, MAX_NAME_CHARS, unchanged) {
                    line.provider = value;
                }
            }
            SchemeField::Notes => {
                if let Some(value) = self.text(field, text, MAX_DESCRIPTION_CHARS, unchanged) {
                    line.notes = value;
                }
            }
            SchemeField::Column(SchemeColumn::Pool) => self.pool(line, field, text),
            SchemeField::Column(SchemeColumn::Commissioner) => self.commissioner(line, field, text),
            SchemeField::Column(SchemeColumn::Stream) => {
                if text.trim().is_empty() {
                    line.stream = None;
                } else if let Some(stream) = names::stream(text) {
                    line.stream = Some(stream);
                } else {
                    let reason = "must be one of the funding streams, like NHS minimum \
                                  contribution, iBCF or DFG"
                        .to_string();
                    self.unreadable(field, text, reason, unchanged);
                }
            }
            SchemeField::Column(SchemeColumn::RingFence) => match names::ring_fence(text) {
                Some(fence) => line.ring_fence = fence,
                None => {
                    let reason = "must be Adult social care minimum, NHS out-of-hospital \
                                  services minimum, or blank"
                        .to_string();
                    self.unreadable(field, text, reason, unchanged);
                }
            },
            SchemeField::Column(SchemeColumn::Savings) => {
                line.savings = match read_percent(text) {
                    CellRead::Value(percent) => percent,
                    CellRead::Blank => Percent::ZERO,
                    CellRead::Unreadable(reason) => {
                        self.unreadable(field, text, reason, "left blank");
                        Percent::ZERO
                    }
                };
            }
            SchemeField::Column(SchemeColumn::Budget(year)) => match self.money(field, text) {
                Some(amount) => line.set_budget(year, amount),
                // A blank has no budget; an existing budget that year becomes zero.
                None => {
                    if line.budget.iter().any(|entry| entry.year == year) {
                        line.set_budget(year, Money::ZERO);
                    }
                }
            },
            SchemeField::Column(SchemeColumn::Forecast(year)) => {
                match self.planner.forecast_entry {
                    ForecastEntry::Spend => self.spend(line, field, year, text),
                    ForecastEntry::Variance => self.variance(line, field, year, text),
                }
            }
            SchemeField::ForecastSpend(year) => self.spend(line, field, year, text),
            SchemeField::Variance(year) => self.variance(line, field, year, text),
            SchemeField::FirstYear => line.first_year = self.year(field, text),
            SchemeField::LastYear => line.last_year = self.year(field, text),
        }
    }

    /// Text for a text field, trimmed; `None` (reported) if longer than `limit` characters.
    fn text(
        &mut self,
        field: SchemeField,
        text: &str,
        limit: usize,
        unchanged: &str,
    ) -> Option<String> {
        // A cell wrapped onto several lines in the workbook ("Carers' breaks⏎(respite)") is one
        // line in a single-line field: each run of line breaks becomes a space. Notes keep them.
        let joined;
        let value = if matches!(field, SchemeField::Notes) {
            text.trim()
        } else {
            joined = text
                .split(['\r', '\n'])
                .map(str::trim)
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            joined.as_str()
        };
        let count = value.chars().count();
        if count > limit {
            let reason = format!(
                "must be at most {} characters; this has {}",
                group(limit),
                group(count)
            );
            self.unreadable(field, text, reason, unchanged);
            return None;
        }
        Some(value.to_string())
    }

    fn pool(&mut self, line: &mut SpendLine, field: SchemeField, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        match names::pool(self.planner.scenario, text) {
            Some(pool) => {
                line.pool = pool;
                self.pool_given = true;
            }
            None => {
                let outcome = match (self.is_new, self.planner.scenario.pools.first()) {
                    (true, Some(first)) => format!("paid from ‘{}’, the first pool", first.name),
                    _ => "left as it was".to_string(),
                };
                let reason = "must be the name of one of this option's pools".to_string();
                self.unreadable(field, text, reason, &outcome);
            }
        }
    }

    fn commissioner(&mut self, line: &mut SpendLine, field: SchemeField, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        match names::partner(self.planner.scenario, text) {
            Some(partner) => {
                line.commissioner = partner;
                self.commissioner_given = true;
            }
            None => {
                let outcome = if self.is_new {
                    "commissioned by the pool's host"
                } else {
                    "left as it was"
                };
                let reason =
                    "must be the name or short name of one of this option's partners".to_string();
                self.unreadable(field, text, reason, outcome);
            }
        }
    }

    fn spend(&mut self, line: &mut SpendLine, field: SchemeField, year: FinancialYear, text: &str) {
        let outturn = match self.money(field, text) {
            Some(amount) if amount.is_negative() => {
                let reason = "must be the forecast spend in the year, which cannot be negative; \
                              type an underspend with the forecast switch on over/underspend"
                    .to_string();
                self.unreadable(field, text, reason, "left blank");
                Outturn::AsPlanned
            }
            Some(amount) => Outturn::Spend { amount },
            None => Outturn::AsPlanned,
        };
        self.forecast(line, year, outturn);
    }

    /// An over (+) or under (−) spend, as an amount or, ending in %, a percentage of plan.
    fn variance(
        &mut self,
        line: &mut SpendLine,
        field: SchemeField,
        year: FinancialYear,
        text: &str,
    ) {
        let outturn = if text.trim().ends_with('%') {
            match read_percent(text) {
                CellRead::Value(percent) => Outturn::VariancePercent { percent },
                CellRead::Blank => Outturn::AsPlanned,
                CellRead::Unreadable(reason) => {
                    self.unreadable(field, text, reason, "left blank");
                    Outturn::AsPlanned
                }
            }
        } else {
            match self.money(field, text) {
                Some(amount) => Outturn::VarianceAmount { amount },
                None => Outturn::AsPlanned,
            }
        };
        self.forecast(line, year, outturn);
    }

    fn forecast(&mut self, line: &mut SpendLine, year: FinancialYear, outturn: Outturn) {
        if outturn == Outturn::AsPlanned && self.forecasts.contains(&year) {
            return;
        }
        if outturn != Outturn::AsPlanned {
            self.forecasts.push(year);
        }
        line.set_forecast(year, outturn);
    }

    fn year(&mut self, field: SchemeField, text: &str) -> Option<FinancialYear> {
        match read_year(text) {
            CellRead::Value(year) => Some(year),
            CellRead::Blank => None,
            CellRead::Unreadable(reason) => {
                self.unreadable(field, text, reason, "left blank");
                None
            }
        }
    }
}

/// At most 60 characters of a cell, for the preview.
fn shortened(text: &str) -> String {
    const MOST: usize = 60;
    if text.chars().count() <= MOST {
        return text.to_string();
    }
    let mut short: String = text.chars().take(MOST - 1).collect();
    short.push('…');
    short
}
