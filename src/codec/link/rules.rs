//! How the values inside items are written: enums by position, money and percentages as
//! exact decimals, amount rules, outturns and risk shares. docs/link-format.md has the tables.

use super::wire::{BodyError, Read, Reader, Writer};
use crate::model::{
    AmountRule, FinancialYear, ForecastEntry, FundingStream, Money, Obligation, Outturn, PartnerId,
    PartnerKind, PartnerShare, Percent, PoolType, RingFence, RiskShare, Split, TierBearer,
    TierLimit, UnderspendTreatment, YearAmount,
};

/// An enum as its position in `all`: the tables in docs/link-format.md.
pub(super) fn write_choice<T: PartialEq>(w: &mut Writer, value: &T, all: &[T]) {
    w.count(all.iter().position(|v| v == value).unwrap_or(0));
}

pub(super) fn read_choice<T: Copy>(r: &mut Reader, all: &[T], what: &'static str) -> Read<T> {
    let index: usize = r.number(what)?;
    all.get(index).copied().ok_or(BodyError::Malformed(what))
}

// The tables are part of the format: written out here, not taken from the model's `ALL` lists,
// so reordering a menu can never change what old links mean. Append new variants; never
// reorder. The test below fails if the model gains a variant a table lacks.
pub(super) const PARTNER_KINDS: [PartnerKind; 6] = [
    PartnerKind::Council,
    PartnerKind::IntegratedCareBoard,
    PartnerKind::NhsTrust,
    PartnerKind::PublicHealth,
    PartnerKind::VoluntarySector,
    PartnerKind::Other,
];
pub(super) const POOL_TYPES: [PoolType; 3] = [
    PoolType::Pooled,
    PoolType::Aligned,
    PoolType::LeadCommissioner,
];
pub(super) const STREAMS: [FundingStream; 6] = [
    FundingStream::NhsMinimum,
    FundingStream::BetterCareGrant,
    FundingStream::DisabledFacilitiesGrant,
    FundingStream::DischargeFund,
    FundingStream::AdditionalVoluntary,
    FundingStream::Other,
];
pub(super) const FORECAST_ENTRIES: [ForecastEntry; 2] =
    [ForecastEntry::Variance, ForecastEntry::Spend];
pub(super) const OBLIGATIONS: [Obligation; 2] = [Obligation::Mandatory, Obligation::Voluntary];
pub(super) const UNDERSPENDS: [UnderspendTreatment; 3] = [
    UnderspendTreatment::ReturnedProRata,
    UnderspendTreatment::CarriedForward,
    UnderspendTreatment::HeldAsContingency,
];
pub(super) const RING_FENCES: [RingFence; 2] =
    [RingFence::AdultSocialCare, RingFence::OutOfHospital];
pub(super) const TIER_BEARERS: [TierBearer; 2] = [TierBearer::Host, TierBearer::Commissioner];

pub(super) fn write_money(w: &mut Writer, money: Money) {
    w.decimal(money.as_decimal());
}

pub(super) fn read_money(r: &mut Reader, what: &'static str) -> Read<Money> {
    Ok(Money::from(r.decimal(what)?))
}

pub(super) fn read_percent(r: &mut Reader, what: &'static str) -> Read<Percent> {
    Ok(Percent::new(r.decimal(what)?))
}

pub(super) fn write_rule(w: &mut Writer, rule: &AmountRule, start: u16) {
    match rule {
        AmountRule::Fixed { amount } => {
            w.number(0u8);
            write_money(w, *amount);
        }
        AmountRule::Uplift { base, uplift } => {
            w.number(1u8);
            write_money(w, *base);
            w.decimal(uplift.as_decimal());
        }
        AmountRule::PerYear { amounts } => {
            w.number(2u8);
            w.count(amounts.len());
            for entry in amounts {
                w.year(entry.year.0, start);
                write_money(w, entry.amount);
            }
        }
        AmountRule::PercentOfBaseline { percent } => {
            w.number(3u8);
            w.decimal(percent.as_decimal());
        }
    }
}

pub(super) fn read_rule(r: &mut Reader, start: u16) -> Read<AmountRule> {
    let what = "an amount rule";
    Ok(match r.number::<u8>(what)? {
        0 => AmountRule::Fixed {
            amount: read_money(r, what)?,
        },
        1 => AmountRule::Uplift {
            base: read_money(r, what)?,
            uplift: read_percent(r, what)?,
        },
        2 => {
            let count = r.count(what)?;
            let mut amounts = Vec::new();
            for _ in 0..count {
                amounts.push(YearAmount {
                    year: FinancialYear(r.year(start, what)?),
                    amount: read_money(r, what)?,
                });
            }
            AmountRule::PerYear { amounts }
        }
        3 => AmountRule::PercentOfBaseline {
            percent: read_percent(r, what)?,
        },
        _ => return Err(BodyError::Malformed(what)),
    })
}

/// Risk shares and splits share one numbering: 0 no sharing, 1 pro rata, 2 fixed percentages,
/// 3 host bears (both), then 4 tiered and 5 ordered steps (risk shares only).
pub(super) fn write_risk_share(w: &mut Writer, rule: &RiskShare) {
    match rule {
        RiskShare::NoSharing => write_split(w, &Split::NoSharing),
        RiskShare::ProRata { capped } => write_split(w, &Split::ProRata { capped: *capped }),
        RiskShare::FixedPercentages { shares } => {
            w.number(2u8);
            write_shares(w, shares);
        }
        RiskShare::HostBears => write_split(w, &Split::HostBears),
        RiskShare::Tiered {
            limit,
            bearer,
            rest,
        } => {
            w.number(4u8);
            match limit {
                TierLimit::Amount { amount } => {
                    w.number(0u8);
                    write_money(w, *amount);
                }
                TierLimit::PercentOfPlanned { percent } => {
                    w.number(1u8);
                    w.decimal(percent.as_decimal());
                }
            }
            write_choice(w, bearer, &TIER_BEARERS);
            write_split(w, rest);
        }
        RiskShare::OrderedSteps { then } => {
            w.number(5u8);
            write_split(w, then);
        }
    }
}

fn write_split(w: &mut Writer, split: &Split) {
    match split {
        Split::NoSharing => w.number(0u8),
        Split::ProRata { capped } => {
            w.number(1u8);
            w.number(u8::from(*capped));
        }
        Split::FixedPercentages { shares } => {
            w.number(2u8);
            write_shares(w, shares);
        }
        Split::HostBears => w.number(3u8),
    }
}

fn write_shares(w: &mut Writer, shares: &[PartnerShare]) {
    w.count(shares.len());
    for share in shares {
        w.number(share.partner.0);
        w.decimal(share.percent.as_decimal());
    }
}

pub(super) fn read_risk_share(r: &mut Reader) -> Read<RiskShare> {
    let what = "a risk share";
    let kind: u8 = r.number(what)?;
    Ok(match kind {
        0..=3 => match read_split_body(r, kind)? {
            Split::NoSharing => RiskShare::NoSharing,
            Split::ProRata { capped } => RiskShare::ProRata { capped },
            Split::FixedPercentages { shares } => RiskShare::FixedPercentages { shares },
            Split::HostBears => RiskShare::HostBears,
        },
        4 => {
            let limit = match r.number::<u8>(what)? {
                0 => TierLimit::Amount {
                    amount: read_money(r, what)?,
                },
                1 => TierLimit::PercentOfPlanned {
                    percent: read_percent(r, what)?,
                },
                _ => return Err(BodyError::Malformed(what)),
            };
            RiskShare::Tiered {
                limit,
                bearer: read_choice(r, &TIER_BEARERS, what)?,
                rest: read_split(r)?,
            }
        }
        5 => RiskShare::OrderedSteps {
            then: read_split(r)?,
        },
        _ => return Err(BodyError::Malformed(what)),
    })
}

fn read_split(r: &mut Reader) -> Read<Split> {
    let kind = r.number("a risk share")?;
    read_split_body(r, kind)
}

fn read_split_body(r: &mut Reader, kind: u8) -> Read<Split> {
    let what = "a risk share";
    Ok(match kind {
        0 => Split::NoSharing,
        1 => Split::ProRata {
            capped: r.flag(what)?,
        },
        2 => {
            let count = r.count(what)?;
            let mut shares = Vec::new();
            for _ in 0..count {
                shares.push(PartnerShare {
                    partner: PartnerId(r.number(what)?),
                    percent: read_percent(r, what)?,
                });
            }
            Split::FixedPercentages { shares }
        }
        3 => Split::HostBears,
        _ => return Err(BodyError::Malformed(what)),
    })
}

pub(super) fn write_outturn(w: &mut Writer, outturn: Outturn) {
    match outturn {
        Outturn::AsPlanned => w.number(0u8),
        Outturn::VariancePercent { percent } => {
            w.number(1u8);
            w.decimal(percent.as_decimal());
        }
        Outturn::VarianceAmount { amount } => {
            w.number(2u8);
            write_money(w, amount);
        }
        Outturn::Spend { amount } => {
            w.number(3u8);
            write_money(w, amount);
        }
    }
}

pub(super) fn read_outturn(r: &mut Reader) -> Read<Outturn> {
    let what = "a spending line's forecast";
    Ok(match r.number::<u8>(what)? {
        0 => Outturn::AsPlanned,
        1 => Outturn::VariancePercent {
            percent: read_percent(r, what)?,
        },
        2 => Outturn::VarianceAmount {
            amount: read_money(r, what)?,
        },
        3 => Outturn::Spend {
            amount: read_money(r, what)?,
        },
        _ => return Err(BodyError::Malformed(what)),
    })
}

// A new variant of an enum without an `ALL` list fails to compile here, pointing at its table.
const _: fn(Obligation) -> usize = |o| match o {
    Obligation::Mandatory | Obligation::Voluntary => 0,
};
const _: fn(UnderspendTreatment) -> usize = |u| match u {
    UnderspendTreatment::ReturnedProRata
    | UnderspendTreatment::CarriedForward
    | UnderspendTreatment::HeldAsContingency => 0,
};
const _: fn(RingFence) -> usize = |f| match f {
    RingFence::AdultSocialCare | RingFence::OutOfHospital => 0,
};
const _: fn(TierBearer) -> usize = |b| match b {
    TierBearer::Host | TierBearer::Commissioner => 0,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_hold_every_variant() {
        assert!(PartnerKind::ALL.iter().all(|k| PARTNER_KINDS.contains(k)));
        assert!(PoolType::ALL.iter().all(|t| POOL_TYPES.contains(t)));
        assert!(FundingStream::ALL.iter().all(|s| STREAMS.contains(s)));
    }
}
