//! One part's draws, from a worker that settled a share of a split run to the worker that
//! merges them (docs/uncertainty.md, "Where it runs"): exact (every figure in whole pence) and
//! compact. Both ends are the same release. Apart from `simulation_wire`, whose reader the
//! page's wasm holds: only the workers read this one.
//!
//! Layout (numbers little-endian): the format byte; then 0 and, per option (u32 count), its
//! count of draws (u32), its series (u32 count, then count × draws i64), its pools' reserve
//! counts (u32 count, u32 each); or 1 and where the part stopped (option u32, draw u32, the
//! message as u32 length and UTF-8).

use crate::model::uncertainty::{PartFailure, PartOutcome, PartRecord};

/// The first byte: never a results message's (`simulation_wire` starts with 1).
const FORMAT: u8 = 0x81;

/// Far more series than any model within the size limits has.
const MOST_SERIES: usize = 1 << 20;

/// One part's draws, or where it stopped, as bytes.
pub fn encode_part(outcome: &PartOutcome) -> Vec<u8> {
    let mut out = vec![FORMAT];
    let u32 = |out: &mut Vec<u8>, value: usize| {
        out.extend_from_slice(&u32::try_from(value).unwrap_or(u32::MAX).to_le_bytes());
    };
    match outcome {
        Ok(records) => {
            out.push(0);
            u32(&mut out, records.len());
            for record in records {
                let count = record.count as usize;
                u32(&mut out, count);
                u32(&mut out, record.series.len());
                out.reserve(record.series.len() * count * 8);
                for series in &record.series {
                    // Always `count` long; padded so the bytes stay readable if not.
                    let padding = count.saturating_sub(series.len());
                    for value in series.iter().take(count).chain(vec![&0; padding]) {
                        out.extend_from_slice(&value.to_le_bytes());
                    }
                }
                u32(&mut out, record.reserve_used_up.len());
                for used_up in &record.reserve_used_up {
                    u32(&mut out, *used_up as usize);
                }
            }
        }
        Err(failure) => {
            out.push(1);
            u32(&mut out, failure.option as usize);
            u32(&mut out, failure.draw as usize);
            u32(&mut out, failure.message.len());
            out.extend_from_slice(failure.message.as_bytes());
        }
    }
    out
}

/// Reads what [`encode_part`] wrote; `None` if the bytes are not such a message.
pub fn decode_part(bytes: &[u8]) -> Option<PartOutcome> {
    let mut r = Bytes(bytes);
    if r.take::<1>()? != [FORMAT] {
        return None;
    }
    let outcome = match r.take::<1>()? {
        [0] => {
            let options = r.count(4)?;
            let mut records = Vec::with_capacity(options);
            for _ in 0..options {
                let count = r.u32()?;
                let series_count = r.u32()? as usize;
                let values = series_count.checked_mul(count as usize)?;
                if series_count > MOST_SERIES || values.checked_mul(8)? > r.0.len() {
                    return None;
                }
                let mut series = Vec::with_capacity(series_count);
                for _ in 0..series_count {
                    let draws = (0..count)
                        .map(|_| r.take().map(i64::from_le_bytes))
                        .collect::<Option<Vec<i64>>>()?;
                    series.push(draws);
                }
                let pools = r.count(4)?;
                let reserve_used_up = (0..pools).map(|_| r.u32()).collect::<Option<_>>()?;
                records.push(PartRecord {
                    count,
                    series,
                    reserve_used_up,
                });
            }
            Ok(records)
        }
        [1] => {
            let option = r.u32()?;
            let draw = r.u32()?;
            let length = r.count(1)?;
            let (text, rest) = r.0.split_at(length);
            r.0 = rest;
            Err(PartFailure {
                option,
                draw,
                message: String::from_utf8(text.to_vec()).ok()?,
            })
        }
        _ => return None,
    };
    r.0.is_empty().then_some(outcome)
}

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }

    /// A count of entries of at least `size` bytes each, refused if the bytes left cannot
    /// hold them (before anything is allocated).
    fn count(&mut self, size: usize) -> Option<usize> {
        let count = self.u32()? as usize;
        (count.checked_mul(size)? <= self.0.len()).then_some(count)
    }
}
