//! The items of a scenario's lists, written column by column: for a run of lines, every id,
//! then every name, then every pool, and so on. Like values sit together, so ids that count up
//! become runs of zeros and the same growth rate repeats, which deflate codes in a few bits.

use super::rules::{
    read_choice, read_money, read_outturn, read_percent, read_risk_share, read_rule, write_choice,
    write_money, write_outturn, write_risk_share, write_rule, OBLIGATIONS, PARTNER_KINDS,
    POOL_TYPES, RING_FENCES, STREAMS, UNDERSPENDS,
};
use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::{
    AmountRule, Contribution, ContributionId, FinancialYear, FundingStream, Horizon, MinimumRule,
    Money, Obligation, Partner, PartnerId, PartnerKind, Percent, Pool, PoolId, RingFence,
    RingFenceRequirement, RiskShare, SpendLine, YearAmount, YearForecast,
};

// Every field of every item is written above and read below. Adding a field to the model fails
// to compile here, as a reminder to add it to the format (with a new link version if old
// readers would misread it).
const _: fn(&Partner) = |p| {
    let Partner {
        id: _,
        name: _,
        short_name: _,
        kind: _,
        baseline_budget: _,
        baseline_growth: _,
    } = p;
};
const _: fn(&Pool) = |p| {
    let Pool {
        id: _,
        name: _,
        pool_type: _,
        host: _,
        risk_share: _,
        underspend: _,
        reserve,
    } = p;
    let crate::model::ContingencyReserve {
        opening: _,
        set_aside_per_year: _,
    } = reserve;
};
const _: fn(&Contribution) = |c| {
    let Contribution {
        id: _,
        name: _,
        partner: _,
        pool: _,
        stream: _,
        obligation: _,
        rule: _,
    } = c;
};
const _: fn(&SpendLine) = |l| {
    let SpendLine {
        id: _,
        name: _,
        pool: _,
        commissioner: _,
        reference: _,
        provider: _,
        stream: _,
        budget: _,
        first_year: _,
        last_year: _,
        savings: _,
        ring_fence: _,
        forecast: _,
        risk_share: _,
        notes: _,
    } = l;
};
const _: fn(&RingFenceRequirement) = |f| {
    let RingFenceRequirement {
        pool: _,
        ring_fence: _,
        minimum: _,
    } = f;
};

/// Ids as the difference from one more than the previous id (zigzagged), so 1, 2, 3 is 0, 0, 0.
fn write_ids(w: &mut Writer, ids: impl Iterator<Item = u32>) {
    let mut next = 1i64;
    for id in ids {
        let delta = i64::from(id) - next;
        w.number(((delta << 1) ^ (delta >> 63)) as u64);
        next = i64::from(id) + 1;
    }
}

fn read_ids(r: &mut Reader, count: usize, what: &'static str) -> Read<Vec<u32>> {
    let mut next = 1i64;
    let mut ids = Vec::with_capacity(count);
    for _ in 0..count {
        let zigzag: u64 = r.number(what)?;
        let delta = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
        let id = u32::try_from(next + delta).map_err(|_| BodyError::Malformed(what))?;
        ids.push(id);
        next = i64::from(id) + 1;
    }
    Ok(ids)
}

pub(super) fn write_partners(w: &mut Writer, partners: &[Partner]) {
    write_ids(w, partners.iter().map(|p| p.id.0));
    partners.iter().for_each(|p| w.string(&p.name));
    partners.iter().for_each(|p| w.string(&p.short_name));
    partners
        .iter()
        .for_each(|p| write_choice(w, &p.kind, &PARTNER_KINDS));
    for p in partners {
        match p.baseline_budget {
            None => w.number(0u8),
            Some(budget) => {
                w.number(1u8);
                write_money(w, budget);
            }
        }
    }
    partners
        .iter()
        .for_each(|p| w.decimal(p.baseline_growth.as_decimal()));
}

pub(super) fn read_partners(r: &mut Reader, count: usize) -> Read<Vec<Partner>> {
    let ids = read_ids(r, count, "a partner's id")?;
    let mut partners: Vec<Partner> = ids
        .into_iter()
        .map(|id| Partner::new(id, "", "", PartnerKind::Other))
        .collect();
    for p in &mut partners {
        p.name = r.string("a partner's name")?;
    }
    for p in &mut partners {
        p.short_name = r.string("a partner's short name")?;
    }
    for p in &mut partners {
        p.kind = read_choice(r, &PARTNER_KINDS, "a partner's kind")?;
    }
    for p in &mut partners {
        if r.flag("a partner's baseline budget")? {
            p.baseline_budget = Some(read_money(r, "a partner's baseline budget")?);
        }
    }
    for p in &mut partners {
        p.baseline_growth = read_percent(r, "a partner's baseline growth")?;
    }
    Ok(partners)
}

pub(super) fn write_pools(w: &mut Writer, pools: &[Pool]) {
    write_ids(w, pools.iter().map(|p| p.id.0));
    pools.iter().for_each(|p| w.string(&p.name));
    pools
        .iter()
        .for_each(|p| write_choice(w, &p.pool_type, &POOL_TYPES));
    pools.iter().for_each(|p| w.number(p.host.0));
    pools
        .iter()
        .for_each(|p| write_risk_share(w, &p.risk_share));
    pools
        .iter()
        .for_each(|p| write_choice(w, &p.underspend, &UNDERSPENDS));
    pools.iter().for_each(|p| write_money(w, p.reserve.opening));
    pools
        .iter()
        .for_each(|p| write_money(w, p.reserve.set_aside_per_year));
}

pub(super) fn read_pools(r: &mut Reader, count: usize) -> Read<Vec<Pool>> {
    let ids = read_ids(r, count, "a pool's id")?;
    let mut pools: Vec<Pool> = ids
        .into_iter()
        .map(|id| Pool::new(id, "", PartnerId(0), RiskShare::NoSharing))
        .collect();
    for p in &mut pools {
        p.name = r.string("a pool's name")?;
    }
    for p in &mut pools {
        p.pool_type = read_choice(r, &POOL_TYPES, "a pool's type")?;
    }
    for p in &mut pools {
        p.host = PartnerId(r.number("a pool's host")?);
    }
    for p in &mut pools {
        p.risk_share = read_risk_share(r)?;
    }
    for p in &mut pools {
        p.underspend = read_choice(r, &UNDERSPENDS, "a pool's underspend treatment")?;
    }
    for p in &mut pools {
        p.reserve.opening = read_money(r, "a pool's opening reserve")?;
    }
    for p in &mut pools {
        p.reserve.set_aside_per_year = read_money(r, "a pool's reserve set aside")?;
    }
    Ok(pools)
}

pub(super) fn write_contributions(w: &mut Writer, contributions: &[Contribution], start: u16) {
    write_ids(w, contributions.iter().map(|c| c.id.0));
    contributions.iter().for_each(|c| w.string(&c.name));
    contributions.iter().for_each(|c| w.number(c.partner.0));
    contributions.iter().for_each(|c| w.number(c.pool.0));
    contributions
        .iter()
        .for_each(|c| write_choice(w, &c.stream, &STREAMS));
    contributions
        .iter()
        .for_each(|c| write_choice(w, &c.obligation, &OBLIGATIONS));
    contributions
        .iter()
        .for_each(|c| write_rule(w, &c.rule, start));
}

pub(super) fn read_contributions(
    r: &mut Reader,
    count: usize,
    start: u16,
) -> Read<Vec<Contribution>> {
    let ids = read_ids(r, count, "a contribution's id")?;
    let mut contributions: Vec<Contribution> = ids
        .into_iter()
        .map(|id| Contribution {
            id: ContributionId(id),
            name: String::new(),
            partner: PartnerId(0),
            pool: PoolId(0),
            stream: FundingStream::Other,
            obligation: Obligation::Mandatory,
            rule: AmountRule::Fixed {
                amount: Money::ZERO,
            },
        })
        .collect();
    for c in &mut contributions {
        c.name = r.string("a contribution's name")?;
    }
    for c in &mut contributions {
        c.partner = PartnerId(r.number("a contribution's partner")?);
    }
    for c in &mut contributions {
        c.pool = PoolId(r.number("a contribution's pool")?);
    }
    for c in &mut contributions {
        c.stream = read_choice(r, &STREAMS, "a contribution's funding stream")?;
    }
    for c in &mut contributions {
        c.obligation = read_choice(r, &OBLIGATIONS, "a contribution's obligation")?;
    }
    for c in &mut contributions {
        c.rule = read_rule(r, start)?;
    }
    Ok(contributions)
}

/// A line's budget as first year plus growth, when that is exactly what it is: every year of
/// the horizon listed in order, each the previous grown by one rate and rounded to the penny
/// (every line of a version 1 model, and every row filled with "first year plus growth").
/// The rate is found from the first two years to 2 decimal places; anything else is written
/// year by year.
fn as_grown(line: &SpendLine, horizon: Horizon) -> Option<(Money, Percent)> {
    let first = line.budget.first()?.amount;
    let growth = match line.budget.get(1) {
        None => Percent::ZERO,
        Some(second) if first.is_zero() => {
            if !second.amount.is_zero() {
                return None;
            }
            Percent::ZERO
        }
        Some(second) => {
            let (a, b) = (first.as_decimal(), second.amount.as_decimal());
            let rate = b
                .checked_sub(a)?
                .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?
                .checked_div(a)?
                .round_dp(2);
            Percent::new(rate)
        }
    };
    let grown = SpendLine::grown_budget(first, growth, horizon).ok()?;
    (grown == line.budget).then_some((first, growth))
}

pub(super) fn write_lines(w: &mut Writer, lines: &[SpendLine], horizon: Horizon) {
    let start = horizon.start.0;
    write_ids(w, lines.iter().map(|l| l.id.0));
    lines.iter().for_each(|l| w.string(&l.name));
    lines.iter().for_each(|l| w.string(&l.reference));
    lines.iter().for_each(|l| w.number(l.pool.0));
    lines.iter().for_each(|l| w.number(l.commissioner.0));
    lines.iter().for_each(|l| w.string(&l.provider));
    for line in lines {
        match line.stream {
            None => w.number(0u8),
            Some(stream) => w.count(1 + STREAMS.iter().position(|s| *s == stream).unwrap_or(0)),
        }
    }
    let grown: Vec<Option<(Money, Percent)>> = lines.iter().map(|l| as_grown(l, horizon)).collect();
    grown.iter().for_each(|g| w.number(u8::from(g.is_some())));
    grown
        .iter()
        .flatten()
        .for_each(|(first, _)| write_money(w, *first));
    grown
        .iter()
        .flatten()
        .for_each(|(_, growth)| w.decimal(growth.as_decimal()));
    let listed = || {
        lines
            .iter()
            .zip(&grown)
            .filter(|(_, g)| g.is_none())
            .map(|(l, _)| l)
    };
    listed().for_each(|l| w.count(l.budget.len()));
    listed()
        .flat_map(|l| &l.budget)
        .for_each(|entry| w.year(entry.year.0, start));
    listed()
        .flat_map(|l| &l.budget)
        .for_each(|entry| write_money(w, entry.amount));
    for line in lines {
        for year in [line.first_year, line.last_year] {
            match year {
                None => w.number(0u8),
                Some(year) => {
                    w.number(1u8);
                    w.year(year.0, start);
                }
            }
        }
    }
    lines.iter().for_each(|l| w.decimal(l.savings.as_decimal()));
    for line in lines {
        match line.ring_fence {
            None => w.number(0u8),
            Some(fence) => w.count(1 + RING_FENCES.iter().position(|f| *f == fence).unwrap_or(0)),
        }
    }
    lines.iter().for_each(|l| w.count(l.forecast.len()));
    for entry in lines.iter().flat_map(|l| &l.forecast) {
        w.year(entry.year.0, start);
        write_outturn(w, entry.outturn);
    }
    for line in lines {
        match &line.risk_share {
            None => w.number(0u8),
            Some(rule) => {
                w.number(1u8);
                write_risk_share(w, rule);
            }
        }
    }
    lines.iter().for_each(|l| w.string(&l.notes));
}

/// Reads `count` lines of a link of format `version` (1: a first-year budget and growth, turned
/// into a budget per year of `horizon` exactly as version 1 computed it).
pub(super) fn read_lines(
    r: &mut Reader,
    count: usize,
    horizon: Horizon,
    version: u32,
) -> Read<Vec<SpendLine>> {
    let start = horizon.start.0;
    // A longer horizon is refused by validation; never grow budgets over years it will not keep.
    let horizon = Horizon::new(
        horizon.start,
        horizon.years.min(crate::model::MAX_HORIZON_YEARS),
    );
    let ids = read_ids(r, count, "a spending line's id")?;
    let mut lines: Vec<SpendLine> = ids
        .into_iter()
        .map(|id| {
            let mut line = SpendLine::new(id, "", PoolId(0), PartnerId(0), Money::ZERO, horizon);
            line.budget.clear();
            line
        })
        .collect();
    for l in &mut lines {
        l.name = r.string("a spending line's name")?;
    }
    if version >= 2 {
        for l in &mut lines {
            l.reference = r.string("a spending line's reference")?;
        }
    }
    for l in &mut lines {
        l.pool = PoolId(r.number("a spending line's pool")?);
    }
    for l in &mut lines {
        l.commissioner = PartnerId(r.number("a spending line's commissioner")?);
    }
    let too_large = BodyError::Malformed("a spending line's budget grown over the years");
    if version < 2 {
        let mut firsts = Vec::with_capacity(count);
        for _ in 0..count {
            firsts.push(read_money(r, "a spending line's budget")?);
        }
        for (l, first) in lines.iter_mut().zip(firsts) {
            let growth = read_percent(r, "a spending line's growth")?;
            l.budget = SpendLine::grown_budget(first, growth, horizon).map_err(|_| too_large)?;
        }
    } else {
        for l in &mut lines {
            l.provider = r.string("a spending line's provider")?;
        }
        for l in &mut lines {
            let what = "a spending line's funding source";
            l.stream = match r.number::<usize>(what)? {
                0 => None,
                n => Some(*STREAMS.get(n - 1).ok_or(BodyError::Malformed(what))?),
            };
        }
        read_budgets(r, &mut lines, horizon)?;
        for l in &mut lines {
            let what = "a spending line's first or last year";
            let mut years = [None, None];
            for slot in &mut years {
                if r.flag(what)? {
                    *slot = Some(FinancialYear(r.year(start, what)?));
                }
            }
            [l.first_year, l.last_year] = years;
        }
    }
    for l in &mut lines {
        l.savings = read_percent(r, "a spending line's savings")?;
    }
    for l in &mut lines {
        let what = "a spending line's ring-fence";
        l.ring_fence = match r.number::<usize>(what)? {
            0 => None,
            n => Some(read_fence(n - 1, what)?),
        };
    }
    let mut forecast_lengths = Vec::with_capacity(count);
    for _ in 0..count {
        forecast_lengths.push(r.count("a spending line's forecast")?);
    }
    for (l, len) in lines.iter_mut().zip(forecast_lengths) {
        for _ in 0..len {
            let year = FinancialYear(r.year(start, "a spending line's forecast")?);
            let outturn = read_outturn(r)?;
            l.forecast.push(YearForecast { year, outturn });
        }
    }
    for l in &mut lines {
        if r.flag("a spending line's risk share")? {
            l.risk_share = Some(read_risk_share(r)?);
        }
    }
    if version >= 2 {
        for l in &mut lines {
            l.notes = r.string("a spending line's notes")?;
        }
    }
    Ok(lines)
}

/// The budget columns of version 2: which lines are first year plus growth, their first years
/// and rates, then the other lines' entries (how many, their years, their amounts).
fn read_budgets(r: &mut Reader, lines: &mut [SpendLine], horizon: Horizon) -> Read<()> {
    let what = "a spending line's budget";
    let mut grown = Vec::with_capacity(lines.len());
    for _ in 0..lines.len() {
        grown.push(r.flag(what)?);
    }
    let mut firsts = Vec::new();
    for _ in grown.iter().filter(|g| **g) {
        firsts.push(read_money(r, what)?);
    }
    let mut firsts = firsts.into_iter();
    for (l, _) in lines.iter_mut().zip(&grown).filter(|(_, g)| **g) {
        let growth = read_percent(r, "a spending line's growth")?;
        let first = firsts.next().ok_or(BodyError::Malformed(what))?;
        l.budget = SpendLine::grown_budget(first, growth, horizon)
            .map_err(|_| BodyError::Malformed("a spending line's budget grown over the years"))?;
    }
    let mut counts = Vec::new();
    for _ in grown.iter().filter(|g| !**g) {
        let n = r.count(what)?;
        r.spend(n, 0)?;
        counts.push(n);
    }
    let mut years = Vec::new();
    for n in &counts {
        for _ in 0..*n {
            years.push(FinancialYear(r.year(horizon.start.0, what)?));
        }
    }
    let mut years = years.into_iter();
    for ((l, _), n) in lines
        .iter_mut()
        .zip(&grown)
        .filter(|(_, g)| !**g)
        .zip(counts)
    {
        for _ in 0..n {
            let year = years.next().ok_or(BodyError::Malformed(what))?;
            let amount = read_money(r, what)?;
            l.budget.push(YearAmount { year, amount });
        }
    }
    Ok(())
}

fn read_fence(index: usize, what: &'static str) -> Read<RingFence> {
    RING_FENCES
        .get(index)
        .copied()
        .ok_or(BodyError::Malformed(what))
}

pub(super) fn write_ring_fences(w: &mut Writer, fences: &[RingFenceRequirement], start: u16) {
    fences.iter().for_each(|f| w.number(f.pool.0));
    fences
        .iter()
        .for_each(|f| write_choice(w, &f.ring_fence, &RING_FENCES));
    for fence in fences {
        match &fence.minimum {
            MinimumRule::Amount { rule } => {
                w.number(0u8);
                write_rule(w, rule, start);
            }
            MinimumRule::ShareOfStream { stream, percent } => {
                w.number(1u8);
                write_choice(w, stream, &STREAMS);
                w.decimal(percent.as_decimal());
            }
        }
    }
}

pub(super) fn read_ring_fences(
    r: &mut Reader,
    count: usize,
    start: u16,
) -> Read<Vec<RingFenceRequirement>> {
    let what = "a ring-fence";
    let mut fences = Vec::with_capacity(count);
    for _ in 0..count {
        fences.push(RingFenceRequirement {
            pool: PoolId(r.number(what)?),
            ring_fence: RingFence::AdultSocialCare,
            minimum: MinimumRule::ShareOfStream {
                stream: FundingStream::Other,
                percent: crate::model::Percent::ZERO,
            },
        });
    }
    for f in &mut fences {
        f.ring_fence = read_choice(r, &RING_FENCES, what)?;
    }
    for f in &mut fences {
        f.minimum = match r.number::<u8>(what)? {
            0 => MinimumRule::Amount {
                rule: read_rule(r, start)?,
            },
            1 => MinimumRule::ShareOfStream {
                stream: read_choice(r, &STREAMS, what)?,
                percent: read_percent(r, what)?,
            },
            _ => return Err(BodyError::Malformed(what)),
        };
    }
    Ok(fences)
}
