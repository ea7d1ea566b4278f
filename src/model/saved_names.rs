//! The model's unit enums (`"pooled"`, `"lead_commissioner"`, …) as their saved names, through
//! one reader and one writer shared by all of them.
//!
//! serde's derived code for a unit enum is a visitor of its own (about 1 KB of wasm each, eleven
//! of them; docs/benchmarks.md, issue #18). Here each enum only lists its variants with their
//! names; reading finds the name in that list. The JSON is the derived format's: each value is
//! its snake_case name as a string, and an unknown name gets serde's own message (`unknown
//! variant `x`, expected one of `a`, `b``), which `codec::model_file` words for people.

use std::fmt;

use serde::de::{Error, Visitor};
use serde::Deserializer;

/// Reads a name from `names`; its place in the list.
pub(crate) fn read<'de, D: Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    deserializer.deserialize_str(Names(names))
}

struct Names(&'static [&'static str]);

impl Visitor<'_> for Names {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("one of the names ")?;
        for (at, name) in self.0.iter().enumerate() {
            if at > 0 {
                f.write_str(", ")?;
            }
            write!(f, "`{name}`")?;
        }
        Ok(())
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<usize, E> {
        self.0
            .iter()
            .position(|name| *name == text)
            .ok_or_else(|| E::unknown_variant(text, self.0))
    }
}

/// Serialize and Deserialize for a unit enum as its saved names:
/// `saved_names!(PoolType { Pooled => "pooled", Aligned => "aligned" });`
macro_rules! saved_names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Each variant's saved name, in the order of the variants.
            pub const SAVED_NAMES: &'static [&'static str] = &[$($name),+];
            /// Every variant, in the order of [`Self::SAVED_NAMES`] (also the order of its
            /// choices in a select, and of its codes in a link).
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The name this value is saved as (also the value of its choice in a select).
            pub fn saved_name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }

            /// The value saved as `name`, if any.
            pub fn from_saved_name(name: &str) -> Option<$ty> {
                let at = $ty::SAVED_NAMES.iter().position(|saved| *saved == name)?;
                $ty::ALL.get(at).copied()
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.saved_name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let at = $crate::model::saved_names::read(deserializer, $ty::SAVED_NAMES)?;
                $ty::ALL.get(at).copied().ok_or_else(|| {
                    <D::Error as serde::de::Error>::unknown_variant("", $ty::SAVED_NAMES)
                })
            }
        }
    };
}
pub(crate) use saved_names;

#[cfg(test)]
mod tests {
    use crate::model::uncertainty::Shape;
    use crate::model::{
        ForecastEntry, FundingStream, MoneyUnit, NegativeStyle, Obligation, PartnerKind, PoolType,
        RingFence, TierBearer, UnderspendTreatment,
    };
    use serde::de::DeserializeOwned;
    use serde::Serialize;

    /// Every variant writes its name as a JSON string and reads back as itself; each name is
    /// the variant's own in snake_case (the derived format's names).
    fn round_trip<T>(values: &[T], names: &[&str])
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Copy,
    {
        assert_eq!(values.len(), names.len());
        for (value, name) in values.iter().zip(names) {
            let text = serde_json::to_string(value).expect("writes");
            assert_eq!(text, format!("\"{name}\""));
            let back: T = serde_json::from_str(&text).expect("reads");
            assert_eq!(back, *value);
            let debug = format!("{value:?}");
            let snake: String = debug
                .chars()
                .enumerate()
                .flat_map(|(at, c)| {
                    let lower = c.to_ascii_lowercase();
                    if c.is_ascii_uppercase() && at > 0 {
                        vec!['_', lower]
                    } else {
                        vec![lower]
                    }
                })
                .collect();
            assert_eq!(snake, *name, "{debug}");
        }
    }

    #[test]
    fn every_unit_enum_keeps_its_saved_names() {
        round_trip(PoolType::ALL, PoolType::SAVED_NAMES);
        round_trip(FundingStream::ALL, FundingStream::SAVED_NAMES);
        round_trip(Obligation::ALL, Obligation::SAVED_NAMES);
        round_trip(MoneyUnit::ALL, MoneyUnit::SAVED_NAMES);
        round_trip(NegativeStyle::ALL, NegativeStyle::SAVED_NAMES);
        round_trip(PartnerKind::ALL, PartnerKind::SAVED_NAMES);
        round_trip(TierBearer::ALL, TierBearer::SAVED_NAMES);
        round_trip(UnderspendTreatment::ALL, UnderspendTreatment::SAVED_NAMES);
        round_trip(ForecastEntry::ALL, ForecastEntry::SAVED_NAMES);
        round_trip(RingFence::ALL, RingFence::SAVED_NAMES);
        round_trip(Shape::ALL, Shape::SAVED_NAMES);
        assert_eq!(
            PoolType::ALL,
            &[
                PoolType::Pooled,
                PoolType::Aligned,
                PoolType::LeadCommissioner
            ]
        );
    }

    #[test]
    fn a_name_the_format_lacks_gets_serdes_message() {
        let error = serde_json::from_str::<PoolType>("\"shared\"").expect_err("refused");
        assert_eq!(
            error.to_string(),
            "unknown variant `shared`, expected one of `pooled`, `aligned`, `lead_commissioner` \
             at line 1 column 8"
        );
        let error = serde_json::from_str::<PoolType>("5").expect_err("refused");
        assert_eq!(
            error.to_string(),
            "invalid type: integer `5`, expected one of the names `pooled`, `aligned`, \
             `lead_commissioner` at line 1 column 1"
        );
        // A name with escapes still reads (serde_json hands the visitor the unescaped text).
        let kind: PoolType = serde_json::from_str("\"pool\\u0065d\"").expect("reads");
        assert_eq!(kind, PoolType::Pooled);
        assert_eq!(
            PoolType::from_saved_name("lead_commissioner"),
            Some(PoolType::LeadCommissioner)
        );
        assert_eq!(PoolType::from_saved_name("Pooled"), None);
    }
}
