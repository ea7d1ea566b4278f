//! The board paper's title block: what a finance lead types once and keeps with the model (its
//! status, who prepared it, its date). The model's name and the options compared come from the
//! model itself.

use serde::{Deserialize, Serialize};

/// What a template's paper says, so nobody takes its figures for real ones.
pub const ILLUSTRATIVE: &str = "Illustrative figures: not for decision";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardPaper {
    /// Version or status: "Draft for discussion", "Final, v2".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub status: String,
    /// A person, team or role: "Head of Finance, Integrated Commissioning".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prepared_by: String,
    /// As it should be printed: "27 November 2026". Blank prints the day it is printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl BoardPaper {
    /// Nothing typed: the model's file and link leave the paper out.
    pub fn is_default(&self) -> bool {
        *self == BoardPaper::default()
    }
}

/// Which line of the title block a typed value is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperField {
    Status,
    PreparedBy,
    Date,
}

impl PaperField {
    pub const ALL: [PaperField; 3] = [PaperField::Status, PaperField::PreparedBy, PaperField::Date];

    pub fn label(self) -> &'static str {
        match self {
            PaperField::Status => "Version or status",
            PaperField::PreparedBy => "Prepared by",
            PaperField::Date => "Date",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PaperField::Status => "status",
            PaperField::PreparedBy => "prepared-by",
            PaperField::Date => "date",
        }
    }

    pub fn get(self, paper: &BoardPaper) -> &str {
        match self {
            PaperField::Status => &paper.status,
            PaperField::PreparedBy => &paper.prepared_by,
            PaperField::Date => &paper.date,
        }
    }

    pub fn set(self, paper: &mut BoardPaper, value: String) {
        match self {
            PaperField::Status => paper.status = value,
            PaperField::PreparedBy => paper.prepared_by = value,
            PaperField::Date => paper.date = value,
        }
    }
}
