//! The simulation's results as bytes, from the simulation's worker (which writes them) to the
//! page (which reads them): every option's [`SimulationResults`], exact (amounts as rust_decimal's
//! own 16-byte form), in a compact form that needs no JSON machinery in either wasm and reads
//! in a fraction of a millisecond. The two ends are always the same release, so there is no
//! version to negotiate beyond the first byte, which guards against a stale cached worker.
//!
//! Layout (numbers little-endian): the format byte; the number of options (u32); per option
//! its name, then `draws` (u32), `seed` (u64), the shape (u8: 0 PERT, 1 triangular), the years
//! (u32 count, u16 each), the partners and the pools. A string is its length (u32) and UTF-8;
//! an amount or percentage 16 bytes; a spread its lowest, P10, P50, P90, highest and mean.

use rust_decimal::Decimal;

use crate::model::uncertainty::{
    PartnerSpread, PoolSpread, Shape, SimulationResults, Spread, YearSpread,
};
use crate::model::{FinancialYear, Money, PartnerId, Percent, PoolId};

/// The first byte of every message this version writes.
const FORMAT: u8 = 1;

/// Every option's results, by option name, as bytes.
pub fn encode_results(runs: &[(String, SimulationResults)]) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.u8(FORMAT);
    w.list(runs, |w, (name, results)| {
        w.string(name);
        w.u32(results.draws);
        w.u64(results.seed);
        w.u8(match results.shape {
            Shape::Pert => 0,
            Shape::Triangular => 1,
        });
        w.list(&results.years, |w, year| w.u16(year.0));
        w.list(&results.partners, |w, p| {
            w.u32(p.partner.0);
            w.string(&p.name);
            w.string(&p.short_name);
            w.spread(&p.variance_share);
            w.spread(&p.net_cost);
            w.list(&p.by_year, |w, y| {
                w.u16(y.year.0);
                w.spread(&y.variance_share);
                w.spread(&y.net_cost);
            });
            w.decimal(p.threshold.as_decimal());
            w.u8(u8::from(p.threshold_typed));
            w.decimal(p.chance_over_threshold.as_decimal());
            w.list(&p.net_cost_draws, |w, draw| w.decimal(draw.as_decimal()));
        });
        w.list(&results.pools, |w, p| {
            w.u32(p.pool.0);
            w.string(&p.name);
            w.spread(&p.variance);
            w.list(&p.by_year, |w, (year, spread)| {
                w.u16(year.0);
                w.spread(spread);
            });
            match p.chance_reserve_used_up {
                Some(chance) => {
                    w.u8(1);
                    w.decimal(chance.as_decimal());
                }
                None => w.u8(0),
            }
        });
    });
    w.0
}

/// Reads what [`encode_results`] wrote; `None` if the bytes are not such a message (cut off,
/// or from another version of the worker).
pub fn decode_results(bytes: &[u8]) -> Option<Vec<(String, SimulationResults)>> {
    let mut r = Reader(bytes);
    if r.u8()? != FORMAT {
        return None;
    }
    let runs = r.list(|r| {
        let name = r.string()?;
        let draws = r.u32()?;
        let seed = r.u64()?;
        let shape = match r.u8()? {
            0 => Shape::Pert,
            1 => Shape::Triangular,
            _ => return None,
        };
        let years = r.list(|r| r.u16().map(FinancialYear))?;
        let partners = r.list(|r| {
            Some(PartnerSpread {
                partner: PartnerId(r.u32()?),
                name: r.string()?,
                short_name: r.string()?,
                variance_share: r.spread()?,
                net_cost: r.spread()?,
                by_year: r.list(|r| {
                    Some(YearSpread {
                        year: FinancialYear(r.u16()?),
                        variance_share: r.spread()?,
                        net_cost: r.spread()?,
                    })
                })?,
                threshold: r.money()?,
                threshold_typed: r.flag()?,
                chance_over_threshold: Percent::new(r.decimal()?),
                net_cost_draws: r.list(Reader::money)?,
            })
        })?;
        let pools = r.list(|r| {
            Some(PoolSpread {
                pool: PoolId(r.u32()?),
                name: r.string()?,
                variance: r.spread()?,
                by_year: r.list(|r| Some((FinancialYear(r.u16()?), r.spread()?)))?,
                chance_reserve_used_up: match r.flag()? {
                    true => Some(Percent::new(r.decimal()?)),
                    false => None,
                },
            })
        })?;
        Some((
            name,
            SimulationResults {
                draws,
                seed,
                shape,
                years,
                partners,
                pools,
            },
        ))
    })?;
    r.0.is_empty().then_some(runs)
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, value: u8) {
        self.0.push(value);
    }

    fn u16(&mut self, value: u16) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn u32(&mut self, value: u32) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn u64(&mut self, value: u64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    /// A length: lists and strings in results are far below 2^32 entries.
    fn count(&mut self, count: usize) {
        self.u32(u32::try_from(count).unwrap_or(u32::MAX));
    }

    fn string(&mut self, text: &str) {
        self.count(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn decimal(&mut self, value: Decimal) {
        self.0.extend_from_slice(&value.serialize());
    }

    fn spread(&mut self, s: &Spread) {
        for amount in [s.lowest, s.p10, s.p50, s.p90, s.highest, s.mean] {
            self.decimal(amount.as_decimal());
        }
    }

    /// The count, then each item.
    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.count(items.len());
        for item in items {
            each(self, item);
        }
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_first_chunk::<N>()?;
        self.0 = rest;
        Some(*head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|[b]| b)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn u16(&mut self) -> Option<u16> {
        self.take().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }

    fn string(&mut self) -> Option<String> {
        let len = usize::try_from(self.u32()?).ok()?;
        if len > self.0.len() {
            return None;
        }
        let (text, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(text.to_vec()).ok()
    }

    fn decimal(&mut self) -> Option<Decimal> {
        let bytes = self.take::<16>()?;
        // rust_decimal's flags word: only the sign bit and a scale of at most 28 are valid.
        let flags = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        if flags & !0x801F_0000 != 0 || (flags >> 16) & 0xFF > 28 {
            return None;
        }
        Some(Decimal::deserialize(bytes))
    }

    fn money(&mut self) -> Option<Money> {
        self.decimal().map(Money::from_decimal)
    }

    fn spread(&mut self) -> Option<Spread> {
        Some(Spread {
            lowest: self.money()?,
            p10: self.money()?,
            p50: self.money()?,
            p90: self.money()?,
            highest: self.money()?,
            mean: self.money()?,
        })
    }

    /// A count, then that many entries; a count larger than the bytes left (every entry takes
    /// at least one byte) is refused before anything is allocated.
    fn list<T>(&mut self, mut entry: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = usize::try_from(self.u32()?).ok()?;
        if count > self.0.len() {
            return None;
        }
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            out.push(entry(self)?);
        }
        Some(out)
    }
}
