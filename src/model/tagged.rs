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

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::contribution::{AmountRule, FundingStream, YearAmount};
use super::money::{Money, Percent};
use super::risk::{PartnerShare, RiskShare, Split, TierBearer, TierLimit};
use super::spend::{MinimumRule, Outturn};

/// Reads `F` (an enum's fields) from a JSON object and builds the variant. The variant's
/// problems are reported from inside the object's own reading, as a derived struct reports a
/// missing field, so serde_json places them at the object's end and `codec::json_path` finds
/// the object (not its parent).
struct Tagged<F, T>(PhantomData<(F, T)>);

impl<'de, F, T> Visitor<'de> for Tagged<F, T>
where
    F: Deserialize<'de> + TryInto<T, Error = String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a kind")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        F::deserialize(MapAccessDeserializer::new(map))?
            .try_into()
            .map_err(A::Error::custom)
    }
}

macro_rules! read_with {
    ($($enum:ty => $fields:ty),* $(,)?) => {$(
        impl<'de> Deserialize<'de> for $enum {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_map(Tagged::<$fields, $enum>(PhantomData))
            }
        }
    )*};
}

read_with! {
    AmountRule => AmountRuleFields,
    RiskShare => RiskShareFields,
    Split => SplitFields,
    TierLimit => TierLimitFields,
    Outturn => OutturnFields,
    MinimumRule => MinimumRuleFields,
}

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
struct AmountRuleFields {
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
struct RiskShareFields {
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
struct SplitFields {
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
struct TierLimitFields {
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
struct OutturnFields {
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
struct MinimumRuleFields {
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
