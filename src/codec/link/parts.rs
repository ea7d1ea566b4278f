//! A link's optional parts (link format 3 on): settings that most models leave as they are,
//! each written only when the model has it, behind a tag, after the options. A feature that
//! adds to the model adds one entry to [`PARTS`]; a model without any part costs one byte.
//! docs/link-format.md lists the tags.

use super::part_uncertainty;
use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::{Model, MoneyUnit, NegativeStyle, PaperField};

/// One optional part: its tag, whether a model has it, and how it is written and read.
pub(super) struct Part {
    /// Written as a varint; tags are written in increasing order, each at most once.
    pub tag: u32,
    pub present: fn(&Model) -> bool,
    pub write: fn(&mut Writer, &Model),
    /// Reads the part into a model whose options are already read.
    pub read: fn(&mut Reader, &mut Model) -> Read<()>,
}

/// Every part this version knows, in increasing tag order.
const PARTS: &[Part] = &[
    Part {
        tag: 1,
        present: |m| !m.money_display.is_default(),
        write: write_money_display,
        read: read_money_display,
    },
    Part {
        tag: 2,
        present: |m| !m.paper.is_default(),
        write: write_paper,
        read: read_paper,
    },
    Part {
        tag: 3,
        present: super::linked_part::present,
        write: super::linked_part::write,
        read: super::linked_part::read,
    },
    Part {
        tag: 4,
        present: part_uncertainty::present,
        write: part_uncertainty::write,
        read: part_uncertainty::read,
    },
];

/// Tag 1, how money is shown: one varint, `unit + 3 × negatives`, each as its position in
/// `MoneyUnit::ALL` and `NegativeStyle::ALL`.
fn write_money_display(w: &mut Writer, model: &Model) {
    let display = model.money_display;
    let unit = MoneyUnit::ALL.iter().position(|u| *u == display.unit);
    let negatives = NegativeStyle::ALL
        .iter()
        .position(|n| *n == display.negatives);
    let units = MoneyUnit::ALL.len();
    w.count(unit.unwrap_or(0) + units * negatives.unwrap_or(0));
}

fn read_money_display(r: &mut Reader, model: &mut Model) -> Read<()> {
    const WHAT: &str = "how money is shown";
    let value: usize = r.number(WHAT)?;
    let units = MoneyUnit::ALL.len();
    let unit = MoneyUnit::ALL.get(value % units);
    let negatives = NegativeStyle::ALL.get(value / units);
    let (Some(unit), Some(negatives)) = (unit, negatives) else {
        return Err(BodyError::Malformed(WHAT));
    };
    model.money_display.unit = *unit;
    model.money_display.negatives = *negatives;
    Ok(())
}

/// Tag 2: the board paper's title block, as three strings.
fn write_paper(w: &mut Writer, model: &Model) {
    for field in PaperField::ALL {
        w.string(field.get(&model.paper));
    }
}

fn read_paper(r: &mut Reader, model: &mut Model) -> Read<()> {
    for field in PaperField::ALL {
        let value = r.string("the board paper's title block")?;
        field.set(&mut model.paper, value);
    }
    Ok(())
}

/// The count of parts present, then each one's tag and content.
pub(super) fn write_parts(w: &mut Writer, model: &Model) {
    let present: Vec<&Part> = PARTS.iter().filter(|p| (p.present)(model)).collect();
    w.count(present.len());
    for part in present {
        w.number(part.tag);
        (part.write)(w, model);
    }
}

/// Reads what [`write_parts`] wrote. A tag this version does not know means a newer version
/// made the link.
pub(super) fn read_parts(r: &mut Reader, model: &mut Model) -> Read<()> {
    let count = r.count("the number of optional parts")?;
    let mut last: Option<u32> = None;
    for _ in 0..count {
        let tag: u32 = r.number("an optional part's tag")?;
        if last.is_some_and(|last| tag <= last) {
            return Err(BodyError::Malformed("the optional parts' order"));
        }
        last = Some(tag);
        let part = PARTS
            .iter()
            .find(|p| p.tag == tag)
            .ok_or(BodyError::UnknownPart(tag))?;
        (part.read)(r, model)?;
    }
    Ok(())
}
