//! Readers for the model's `kind`-tagged enums (`{"kind": "uplift", "base": …, "uplift": …}`)
//! that do not go through serde's buffered `Content` path.
//!
//! serde's derived `#[serde(tag = "kind")]` decoder first copies the whole object into a
//! buffer, then decodes each variant from the buffer: a second decoder for every variant's
//! fields, which cost the wasm tens of KiB (docs/benchmarks.md, issue #18). Here each enum reads
//! its object once into a plain struct holding every variant's fields as options, then builds
//! the variant its `kind` names. The JSON is exactly the derived format's: the same field names,
//! any field order, unknown fields ignored, and the same messages for a missing field or an
//! unknown kind (`missing field `amount``, `unknown variant `x`, expected one of …`), so
//! `codec::model_file` words them as before. Writing still uses the derived `Serialize`.

use serde::Deserialize;

use super::contribution::{AmountRule, FundingStream, YearAmount};
use super::money::{Money, Percent};
use super::risk::{PartnerShare, RiskShare, Split, TierBearer, TierLimit};
use super::spend::{MinimumRule, Outturn};

/// `value`, or serde's "missing field" message for `name`.
fn field<T>(value: Option<T>, name: &'static str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{name}`"))
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum AmountRuleKind {
    Fixed,
    Uplift,
    PerYear,
    PercentOfBaseline,
}

#[derive(Deserialize)]
pub(super) struct AmountRuleFields {
    kind: AmountRuleKind,
    amount: Option<Money>,
    base: Option<Money>,
    uplift: Option<Percent>,
    amounts: Option<Vec<YearAmount>>,
    percent: Option<Percent>,
}

impl TryFrom<AmountRuleFields> for AmountRule {
    type Error = String;
    fn try_from(f: AmountRuleFields) -> Result<Self, String> {
        Ok(match f.kind {
            AmountRuleKind::Fixed => AmountRule::Fixed {
                amount: field(f.amount, "amount")?,
            },
            AmountRuleKind::Uplift => AmountRule::Uplift {
                base: field(f.base, "base")?,
                uplift: field(f.uplift, "uplift")?,
            },
            AmountRuleKind::PerYear => AmountRule::PerYear {
                amounts: field(f.amounts, "amounts")?,
            },
            AmountRuleKind::PercentOfBaseline => AmountRule::PercentOfBaseline {
                percent: field(f.percent, "percent")?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum RiskShareKind {
    NoSharing,
    ProRata,
    FixedPercentages,
    HostBears,
    Tiered,
    OrderedSteps,
}

#[derive(Deserialize)]
pub(super) struct RiskShareFields {
    kind: RiskShareKind,
    capped: Option<bool>,
    shares: Option<Vec<PartnerShare>>,
    limit: Option<TierLimit>,
    bearer: Option<TierBearer>,
    rest: Option<Split>,
    then: Option<Split>,
}

impl TryFrom<RiskShareFields> for RiskShare {
    type Error = String;
    fn try_from(f: RiskShareFields) -> Result<Self, String> {
        Ok(match f.kind {
            RiskShareKind::NoSharing => RiskShare::NoSharing,
            RiskShareKind::ProRata => RiskShare::ProRata {
                capped: field(f.capped, "capped")?,
            },
            RiskShareKind::FixedPercentages => RiskShare::FixedPercentages {
                shares: field(f.shares, "shares")?,
            },
            RiskShareKind::HostBears => RiskShare::HostBears,
            RiskShareKind::Tiered => RiskShare::Tiered {
                limit: field(f.limit, "limit")?,
                bearer: field(f.bearer, "bearer")?,
                rest: field(f.rest, "rest")?,
            },
            RiskShareKind::OrderedSteps => RiskShare::OrderedSteps {
                then: field(f.then, "then")?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum SplitKind {
    NoSharing,
    ProRata,
    FixedPercentages,
    HostBears,
}

#[derive(Deserialize)]
pub(super) struct SplitFields {
    kind: SplitKind,
    capped: Option<bool>,
    shares: Option<Vec<PartnerShare>>,
}

impl TryFrom<SplitFields> for Split {
    type Error = String;
    fn try_from(f: SplitFields) -> Result<Self, String> {
        Ok(match f.kind {
            SplitKind::NoSharing => Split::NoSharing,
            SplitKind::ProRata => Split::ProRata {
                capped: field(f.capped, "capped")?,
            },
            SplitKind::FixedPercentages => Split::FixedPercentages {
                shares: field(f.shares, "shares")?,
            },
            SplitKind::HostBears => Split::HostBears,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TierLimitKind {
    Amount,
    PercentOfPlanned,
}

#[derive(Deserialize)]
pub(super) struct TierLimitFields {
    kind: TierLimitKind,
    amount: Option<Money>,
    percent: Option<Percent>,
}

impl TryFrom<TierLimitFields> for TierLimit {
    type Error = String;
    fn try_from(f: TierLimitFields) -> Result<Self, String> {
        Ok(match f.kind {
            TierLimitKind::Amount => TierLimit::Amount {
                amount: field(f.amount, "amount")?,
            },
            TierLimitKind::PercentOfPlanned => TierLimit::PercentOfPlanned {
                percent: field(f.percent, "percent")?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum OutturnKind {
    AsPlanned,
    VariancePercent,
    VarianceAmount,
    Spend,
}

#[derive(Deserialize)]
pub(super) struct OutturnFields {
    kind: OutturnKind,
    percent: Option<Percent>,
    amount: Option<Money>,
}

impl TryFrom<OutturnFields> for Outturn {
    type Error = String;
    fn try_from(f: OutturnFields) -> Result<Self, String> {
        Ok(match f.kind {
            OutturnKind::AsPlanned => Outturn::AsPlanned,
            OutturnKind::VariancePercent => Outturn::VariancePercent {
                percent: field(f.percent, "percent")?,
            },
            OutturnKind::VarianceAmount => Outturn::VarianceAmount {
                amount: field(f.amount, "amount")?,
            },
            OutturnKind::Spend => Outturn::Spend {
                amount: field(f.amount, "amount")?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum MinimumRuleKind {
    Amount,
    ShareOfStream,
}

#[derive(Deserialize)]
pub(super) struct MinimumRuleFields {
    kind: MinimumRuleKind,
    rule: Option<AmountRule>,
    stream: Option<FundingStream>,
    percent: Option<Percent>,
}

impl TryFrom<MinimumRuleFields> for MinimumRule {
    type Error = String;
    fn try_from(f: MinimumRuleFields) -> Result<Self, String> {
        Ok(match f.kind {
            MinimumRuleKind::Amount => MinimumRule::Amount {
                rule: field(f.rule, "rule")?,
            },
            MinimumRuleKind::ShareOfStream => MinimumRule::ShareOfStream {
                stream: field(f.stream, "stream")?,
                percent: field(f.percent, "percent")?,
            },
        })
    }
}
