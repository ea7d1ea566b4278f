//! A list written as edits to the same list in the first scenario: runs copied unchanged, items
//! replaced, inserted or skipped. Options usually differ in a rule or two, so a second scenario
//! costs a few bytes instead of a second copy of everything.
//!
//! Each edit is a varint `count << 2 | kind` (kind 0 copy, 1 replace, 2 insert, 3 skip) with
//! `count ≥ 1`; replaced and inserted items follow it in full; a 0 ends the list. Items of the
//! base not reached when the list ends are dropped.

use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::limits::{self, Limited};

const COPY: usize = 0;
const REPLACE: usize = 1;
const INSERT: usize = 2;
const SKIP: usize = 3;

/// More edits than this and the list is written in full instead: scattered one-item edits
/// break up the columns, which then compress worse than a whole list that repeats the first
/// scenario's (deflate finds the repeat). Chosen by measurement; see docs/link-format.md.
const MAX_EDITS: usize = 4;

/// One edit: `kind`, and the `count` items it covers (from `first` in the new list, for
/// replace and insert).
struct Edit {
    kind: usize,
    first: usize,
    count: usize,
}

/// Writes `items` as edits to `base`. `same_item` says whether two entries are the same thing
/// changed (same id), which makes a replacement rather than an insertion. `write_items` writes
/// the run of items a replacement or insertion carries.
pub(super) fn write_list<T: PartialEq>(
    writer: &mut Writer,
    base: &[T],
    items: &[T],
    same_item: impl Fn(&T, &T) -> bool,
    write_items: impl Fn(&mut Writer, &[T]),
) {
    let mut edits = edits(base, items, same_item);
    if edits.len() > MAX_EDITS && !items.is_empty() {
        edits = vec![Edit {
            kind: INSERT,
            first: 0,
            count: items.len(),
        }];
    }
    for edit in edits {
        writer.count(edit.count << 2 | edit.kind);
        if edit.kind == REPLACE || edit.kind == INSERT {
            let end = edit.first + edit.count;
            write_items(writer, items.get(edit.first..end).unwrap_or_default());
        }
    }
    writer.count(0);
}

/// Greedy: copy while equal; skip ahead in the base to an equal item; otherwise write the item.
fn edits<T: PartialEq>(base: &[T], items: &[T], same_item: impl Fn(&T, &T) -> bool) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut push = |kind: usize, first: usize, count: usize| match edits.last_mut() {
        Some(last) if last.kind == kind && (kind == SKIP || last.first + last.count == first) => {
            last.count += count
        }
        _ => edits.push(Edit { kind, first, count }),
    };
    let (mut cursor, mut index) = (0, 0);
    while let Some(item) = items.get(index) {
        let rest = base.get(cursor..).unwrap_or_default();
        match rest.iter().position(|b| b == item) {
            Some(0) => {
                push(COPY, index, 1);
                cursor += 1;
                index += 1;
            }
            Some(ahead) => {
                push(SKIP, index, ahead);
                cursor += ahead;
            }
            None if rest.first().is_some_and(|b| same_item(b, item)) => {
                push(REPLACE, index, 1);
                cursor += 1;
                index += 1;
            }
            None => {
                push(INSERT, index, 1);
                index += 1;
            }
        }
    }
    edits
}

/// The most items one list may hold (`model::limits`), and whose list it is, for the message.
pub(super) struct ListLimit {
    pub what: Limited,
    /// The option's position in the model.
    pub option: usize,
}

/// Reads a list written by [`write_list`] against the same `base`. Copied items are counted
/// against the reader's budget with `weight` (items, text bytes), so a few bytes of edits cannot
/// expand into an unbounded model; and a list longer than `limit` is refused as soon as a run
/// would take it over, before its items are read or copied.
pub(super) fn read_list<T: Clone>(
    reader: &mut Reader,
    base: &[T],
    what: &'static str,
    limit: ListLimit,
    read_items: impl Fn(&mut Reader, usize) -> Read<Vec<T>>,
    weight: impl Fn(&T) -> (usize, usize),
) -> Read<Vec<T>> {
    let mut items = Vec::new();
    let mut cursor = 0usize;
    loop {
        let edit: usize = reader.number(what)?;
        let (count, kind) = (edit >> 2, edit & 3);
        if count == 0 {
            return match kind {
                COPY => Ok(items),
                _ => Err(BodyError::Malformed(what)),
            };
        }
        let end = cursor
            .checked_add(count)
            .ok_or(BodyError::Malformed(what))?;
        if matches!(kind, COPY | REPLACE | INSERT) {
            limits::at_most(
                limit.what,
                items.len().saturating_add(count),
                Some(limit.option),
            )
            .map_err(BodyError::OverLimit)?;
        }
        match kind {
            COPY => {
                let copied = base.get(cursor..end).ok_or(BodyError::Malformed(what))?;
                for item in copied {
                    let (entries, text) = weight(item);
                    reader.spend(1 + entries, text)?;
                    items.push(item.clone());
                }
                cursor = end;
            }
            REPLACE | INSERT => {
                if kind == REPLACE {
                    base.get(cursor..end).ok_or(BodyError::Malformed(what))?;
                    cursor = end;
                }
                reader.spend(count, 0)?;
                items.extend(read_items(reader, count)?);
            }
            _ => {
                base.get(cursor..end).ok_or(BodyError::Malformed(what))?;
                cursor = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::limits::LimitError;

    fn round_trip(base: &[(u32, char)], items: &[(u32, char)]) -> usize {
        let mut writer = Writer::default();
        let write = |w: &mut Writer, items: &[(u32, char)]| {
            for item in items {
                w.number(item.0);
                w.string(&item.1.to_string());
            }
        };
        write_list(&mut writer, base, items, |a, b| a.0 == b.0, write);
        let body = writer.finish();
        let Ok(mut reader) = Reader::new(&body) else {
            panic!("no text length")
        };
        let read = |r: &mut Reader, count: usize| -> Read<Vec<(u32, char)>> {
            let mut items = Vec::new();
            for _ in 0..count {
                let id = r.number("id")?;
                let text = r.string("text")?;
                items.push((id, text.chars().next().unwrap_or('?')));
            }
            Ok(items)
        };
        let decoded = read_list(&mut reader, base, "list", lines(), read, |_| (0, 1));
        assert_eq!(decoded.as_deref(), Ok(items));
        assert!(reader.is_at_end());
        body.len()
    }

    fn lines() -> ListLimit {
        ListLimit {
            what: Limited::Lines,
            option: 0,
        }
    }

    #[test]
    fn edits_round_trip() {
        let base = [(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')];
        assert_eq!(round_trip(&base, &base), 3);
        assert_eq!(round_trip(&[], &base), 3 + 4 * 3);
        round_trip(&base, &[(1, 'a'), (2, 'x'), (3, 'c'), (4, 'd')]);
        round_trip(&base, &[(4, 'd'), (3, 'c'), (9, 'z'), (1, 'a')]);
        round_trip(&base, &[(2, 'b')]);
        round_trip(&base, &[]);
        round_trip(&[], &[]);
    }

    /// Reads a list of `count` items, all copied from `base` or all inserted.
    fn read_run(base: &[u8], count: usize, kind: usize, text: usize) -> Read<Vec<u8>> {
        let mut writer = Writer::default();
        writer.count(count << 2 | kind);
        writer.count(0);
        let body = writer.finish();
        let Ok(mut reader) = Reader::new(&body) else {
            panic!("no text length")
        };
        let read = |_: &mut Reader, count: usize| -> Read<Vec<u8>> { Ok(vec![0; count]) };
        read_list(&mut reader, base, "list", lines(), read, |_| (0, text))
    }

    #[test]
    fn copies_count_against_the_budget() {
        let copied = read_run(&[0u8; 150], 150, COPY, 60_000);
        assert_eq!(copied, Err(BodyError::TooLarge));
    }

    #[test]
    fn a_list_over_its_limit_is_refused_before_it_is_read() {
        let max = crate::model::limits::MAX_LINES;
        let over = LimitError {
            what: Limited::Lines,
            count: max + 1,
            option: Some(0),
        };
        // Inserted items that are not in the body at all: refused on the count alone.
        assert_eq!(
            read_run(&[], max + 1, INSERT, 0),
            Err(BodyError::OverLimit(over))
        );
        assert_eq!(
            read_run(&vec![0u8; max + 1], max + 1, COPY, 0),
            Err(BodyError::OverLimit(over))
        );
        assert_eq!(
            read_run(&vec![0u8; max], max, COPY, 0).map(|v| v.len()),
            Ok(max)
        );
    }
}
