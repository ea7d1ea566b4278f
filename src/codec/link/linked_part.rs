//! Optional part 3: options linked to their base (`model::linked`). A linked option's lists are
//! written empty among the options; this part then gives its base and its overrides, each
//! changed item as a run of items whose fields not overridden are left blank (a few bytes),
//! followed by which fields it sets. The reader fills each linked option from its base, in
//! chain order. docs/link-format.md, "Optional parts", lays it out.

use super::items::{
    read_contributions, read_lines, read_partners, read_pools, read_ring_fences,
    write_contributions, write_lines, write_partners, write_pools, write_ring_fences,
};
use super::rules::{read_choice, write_choice, RING_FENCES};
use super::wire::{BodyError, Read, Reader, Writer};
use crate::codec::link::LINK_VERSION;
use crate::model::linked::{self, Changed, Changes, FenceKey, Field, Link, Linkable, Overrides};
use crate::model::{
    AmountRule, Contribution, ContributionId, FinancialYear, FundingStream, Horizon, LineId,
    MinimumRule, Model, Money, Obligation, Partner, PartnerId, PartnerKind, Percent, Pool, PoolId,
    RingFenceRequirement, RiskShare, ScenarioId, SpendLine,
};

pub(super) fn present(model: &Model) -> bool {
    model.scenarios.iter().any(|s| s.link.is_some())
}

pub(super) fn write(w: &mut Writer, model: &Model) {
    let linked: Vec<(usize, &Link, Horizon)> = model
        .scenarios
        .iter()
        .enumerate()
        .filter_map(|(at, s)| s.link.as_ref().map(|l| (at, l, s.horizon)))
        .collect();
    w.count(linked.len());
    for (at, link, horizon) in linked {
        w.count(at);
        w.number(link.based_on.0);
        write_overrides(w, &link.overrides, horizon);
    }
}

pub(super) fn read(r: &mut Reader, model: &mut Model) -> Read<()> {
    let what = "the linked options";
    let count = r.count(what)?;
    for _ in 0..count {
        let at = r.count(what)?;
        let based_on = ScenarioId(r.number(what)?);
        let scenario = model
            .scenarios
            .get_mut(at)
            .ok_or(BodyError::Malformed(what))?;
        let overrides = read_overrides(r, scenario.horizon)?;
        scenario.link = Some(Link {
            based_on,
            overrides,
        });
    }
    linked::materialise(model).map_err(|_| BodyError::Malformed(what))
}

/// The model as the options part of a link writes it: linked options' lists empty.
pub(super) fn options_as_written(model: &Model) -> Model {
    linked::saved_form(model)
}

/// How one kind of item is written in this part: its runs (as the options write them), its
/// key, and a blank item that a changed item's fields are set on.
trait PartItem: Linkable {
    fn write_run(w: &mut Writer, items: &[Self], horizon: Horizon);
    fn read_run(r: &mut Reader, count: usize, horizon: Horizon) -> Read<Vec<Self>>;
    fn write_key(w: &mut Writer, key: &Self::Key);
    fn read_key(r: &mut Reader) -> Read<Self::Key>;
    /// An item with this key and every other field at its cheapest to write.
    fn blank(key: &Self::Key) -> Self;
}

impl PartItem for Partner {
    fn write_run(w: &mut Writer, items: &[Self], _: Horizon) {
        write_partners(w, items)
    }
    fn read_run(r: &mut Reader, count: usize, _: Horizon) -> Read<Vec<Self>> {
        read_partners(r, count)
    }
    fn write_key(w: &mut Writer, key: &PartnerId) {
        w.number(key.0)
    }
    fn read_key(r: &mut Reader) -> Read<PartnerId> {
        Ok(PartnerId(r.number("a partner's id")?))
    }
    fn blank(key: &PartnerId) -> Self {
        Partner::new(key.0, "", "", PartnerKind::Other)
    }
}

impl PartItem for Pool {
    fn write_run(w: &mut Writer, items: &[Self], _: Horizon) {
        write_pools(w, items)
    }
    fn read_run(r: &mut Reader, count: usize, _: Horizon) -> Read<Vec<Self>> {
        read_pools(r, count)
    }
    fn write_key(w: &mut Writer, key: &PoolId) {
        w.number(key.0)
    }
    fn read_key(r: &mut Reader) -> Read<PoolId> {
        Ok(PoolId(r.number("a pool's id")?))
    }
    fn blank(key: &PoolId) -> Self {
        Pool::new(key.0, "", PartnerId(0), RiskShare::HostBears)
    }
}

impl PartItem for Contribution {
    fn write_run(w: &mut Writer, items: &[Self], horizon: Horizon) {
        write_contributions(w, items, horizon.start.0)
    }
    fn read_run(r: &mut Reader, count: usize, horizon: Horizon) -> Read<Vec<Self>> {
        read_contributions(r, count, horizon.start.0)
    }
    fn write_key(w: &mut Writer, key: &ContributionId) {
        w.number(key.0)
    }
    fn read_key(r: &mut Reader) -> Read<ContributionId> {
        Ok(ContributionId(r.number("a contribution's id")?))
    }
    fn blank(key: &ContributionId) -> Self {
        Contribution {
            id: *key,
            name: String::new(),
            partner: PartnerId(0),
            pool: PoolId(0),
            stream: FundingStream::Other,
            obligation: Obligation::Voluntary,
            rule: AmountRule::Fixed {
                amount: Money::ZERO,
            },
        }
    }
}

impl PartItem for SpendLine {
    fn write_run(w: &mut Writer, items: &[Self], horizon: Horizon) {
        write_lines(w, items, horizon)
    }
    fn read_run(r: &mut Reader, count: usize, horizon: Horizon) -> Read<Vec<Self>> {
        read_lines(r, count, horizon, LINK_VERSION)
    }
    fn write_key(w: &mut Writer, key: &LineId) {
        w.number(key.0)
    }
    fn read_key(r: &mut Reader) -> Read<LineId> {
        Ok(LineId(r.number("a spending line's id")?))
    }
    fn blank(key: &LineId) -> Self {
        let mut line = SpendLine::new(
            key.0,
            "",
            PoolId(0),
            PartnerId(0),
            Money::ZERO,
            Horizon::new(FinancialYear(0), 0),
        );
        line.budget.clear();
        line
    }
}

impl PartItem for RingFenceRequirement {
    fn write_run(w: &mut Writer, items: &[Self], horizon: Horizon) {
        write_ring_fences(w, items, horizon.start.0)
    }
    fn read_run(r: &mut Reader, count: usize, horizon: Horizon) -> Read<Vec<Self>> {
        read_ring_fences(r, count, horizon.start.0)
    }
    fn write_key(w: &mut Writer, key: &FenceKey) {
        w.number(key.pool.0);
        write_choice(w, &key.ring_fence, &RING_FENCES);
        w.number(key.nth);
    }
    fn read_key(r: &mut Reader) -> Read<FenceKey> {
        let what = "a ring-fence";
        Ok(FenceKey {
            pool: PoolId(r.number(what)?),
            ring_fence: read_choice(r, &RING_FENCES, what)?,
            nth: r.number(what)?,
        })
    }
    fn blank(key: &FenceKey) -> Self {
        RingFenceRequirement {
            pool: key.pool,
            ring_fence: key.ring_fence,
            minimum: MinimumRule::ShareOfStream {
                stream: FundingStream::Other,
                percent: Percent::ZERO,
            },
        }
    }
}

/// Which of an option's overrides follow, one bit each, so what it does not change costs
/// nothing: bit 0 its own years, bits 1–5 changes to partners, pools, contributions, lines,
/// ring-fences.
fn write_overrides(w: &mut Writer, overrides: &Overrides, horizon: Horizon) {
    let o = overrides;
    let mask = [
        o.horizon.is_some(),
        !o.partners.is_empty(),
        !o.pools.is_empty(),
        !o.contributions.is_empty(),
        !o.lines.is_empty(),
        !o.ring_fences.is_empty(),
    ];
    w.number(bits(&mask));
    if let Some(own) = o.horizon {
        w.number(own.start.0);
        w.number(own.years);
    }
    let [_, partners, pools, contributions, lines, fences] = mask;
    partners.then(|| write_changes(w, &o.partners, horizon));
    pools.then(|| write_changes(w, &o.pools, horizon));
    contributions.then(|| write_changes(w, &o.contributions, horizon));
    lines.then(|| write_changes(w, &o.lines, horizon));
    fences.then(|| write_changes(w, &o.ring_fences, horizon));
}

fn bits(flags: &[bool]) -> u8 {
    flags
        .iter()
        .enumerate()
        .fold(0, |mask, (at, on)| mask | (u8::from(*on) << at))
}

fn read_overrides(r: &mut Reader, horizon: Horizon) -> Read<Overrides> {
    let what = "a linked option's changes";
    let mask: u8 = r.number(what)?;
    if mask >= 1 << 6 {
        return Err(BodyError::Malformed(what));
    }
    let on = |bit: u8| mask & (1 << bit) != 0;
    let own = if on(0) {
        Some(Horizon::new(
            FinancialYear(r.number(what)?),
            r.number(what)?,
        ))
    } else {
        None
    };
    Ok(Overrides {
        horizon: own,
        partners: read_changes_if(r, on(1), horizon)?,
        pools: read_changes_if(r, on(2), horizon)?,
        contributions: read_changes_if(r, on(3), horizon)?,
        lines: read_changes_if(r, on(4), horizon)?,
        ring_fences: read_changes_if(r, on(5), horizon)?,
    })
}

fn read_changes_if<T: PartItem>(r: &mut Reader, on: bool, horizon: Horizon) -> Read<Changes<T>> {
    if on {
        read_changes(r, horizon)
    } else {
        Ok(Changes::default())
    }
}

/// A field's number: its place in `FIELDS`, then `CELLS`; a cell's year follows it.
fn field_number<T: Linkable>(field: &Field) -> usize {
    let name = field.name.as_str();
    T::FIELDS
        .iter()
        .chain(T::CELLS)
        .position(|f| *f == name)
        .unwrap_or(usize::MAX)
}

/// Each list: a mask (bit 0 changed items, 1 added, 2 removed, 3 an order), then what it says:
/// changed items (count, keys, the blank-but-for-their-fields run, then each item's field
/// count, field numbers, and for a cell a flag then its year, none for the whole list), added
/// items (count, keys and a run), removed keys (count, keys), the order (count, keys).
fn write_changes<T: PartItem>(w: &mut Writer, changes: &Changes<T>, horizon: Horizon) {
    let mask = [
        !changes.changed.is_empty(),
        !changes.added.is_empty(),
        !changes.removed.is_empty(),
        changes.order.is_some(),
    ];
    w.number(bits(&mask));
    if mask[0] {
        write_changed(w, changes, horizon);
    }
    if mask[1] {
        w.count(changes.added.len());
        changes.added.iter().for_each(|c| T::write_key(w, &c.key));
        let added: Vec<T> = changes.added.iter().map(|c| c.item.clone()).collect();
        T::write_run(w, &added, horizon);
    }
    if mask[2] {
        w.count(changes.removed.len());
        changes.removed.iter().for_each(|k| T::write_key(w, k));
    }
    if let Some(order) = &changes.order {
        w.count(order.len());
        order.iter().for_each(|k| T::write_key(w, k));
    }
}

fn write_changed<T: PartItem>(w: &mut Writer, changes: &Changes<T>, horizon: Horizon) {
    w.count(changes.changed.len());
    changes.changed.iter().for_each(|c| T::write_key(w, &c.key));
    let sparse: Vec<T> = changes
        .changed
        .iter()
        .map(|c| {
            let mut item = T::blank(&c.key);
            for field in &c.fields {
                item.take(&c.item, field);
            }
            item
        })
        .collect();
    T::write_run(w, &sparse, horizon);
    for changed in &changes.changed {
        w.count(changed.fields.len());
        for field in &changed.fields {
            w.count(field_number::<T>(field));
            if T::CELLS.contains(&field.name.as_str()) {
                match field.year {
                    None => w.number(0u8),
                    Some(year) => {
                        w.number(1u8);
                        w.year(year.0, horizon.start.0);
                    }
                }
            }
        }
    }
}

fn read_keys<T: PartItem>(r: &mut Reader, what: &'static str) -> Read<Vec<T::Key>> {
    let count = r.count(what)?;
    r.spend(count, 0)?;
    (0..count).map(|_| T::read_key(r)).collect()
}

fn read_changes<T: PartItem>(r: &mut Reader, horizon: Horizon) -> Read<Changes<T>> {
    let what = "a linked option's changes";
    let mask: u8 = r.number(what)?;
    if mask >= 1 << 4 {
        return Err(BodyError::Malformed(what));
    }
    let on = |bit: u8| mask & (1 << bit) != 0;
    let changed = if on(0) {
        read_changed(r, horizon)?
    } else {
        Vec::new()
    };
    let added = if on(1) {
        let keys = read_keys::<T>(r, what)?;
        let items = T::read_run(r, keys.len(), horizon)?;
        keys.into_iter()
            .zip(items)
            .map(|(key, item)| Changed {
                key,
                fields: Vec::new(),
                item,
            })
            .collect()
    } else {
        Vec::new()
    };
    let removed = if on(2) {
        read_keys::<T>(r, what)?
    } else {
        Vec::new()
    };
    let order = if on(3) {
        Some(read_keys::<T>(r, what)?)
    } else {
        None
    };
    Ok(Changes {
        changed,
        added,
        removed,
        order,
    })
}

fn read_changed<T: PartItem>(r: &mut Reader, horizon: Horizon) -> Read<Vec<Changed<T>>> {
    let what = "a linked option's changes";
    let keys = read_keys::<T>(r, what)?;
    let items = T::read_run(r, keys.len(), horizon)?;
    let mut changed = Vec::with_capacity(keys.len());
    for (key, item) in keys.into_iter().zip(items) {
        let count = r.count(what)?;
        r.spend(count, 0)?;
        let mut fields = Vec::with_capacity(count);
        for _ in 0..count {
            let number = r.count(what)?;
            let name = *T::FIELDS
                .iter()
                .chain(T::CELLS)
                .nth(number)
                .ok_or(BodyError::Malformed(what))?;
            let year = if T::CELLS.contains(&name) && r.flag(what)? {
                Some(FinancialYear(r.year(horizon.start.0, what)?))
            } else {
                None
            };
            fields.push(Field {
                name: name.to_string(),
                year,
            });
        }
        changed.push(Changed { key, fields, item });
    }
    Ok(changed)
}
