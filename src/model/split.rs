//! Splitting an amount by weights so the parts always add back exactly to the whole
//! (largest-remainder method, in pence).

use core::fmt;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::limits::MAX_PARTNERS;
use super::money::Money;

/// Why an amount could not be split. Callers fall back to the pool's host bearing the whole
/// amount, so no penny is lost (see `docs/model-format.md`, "Fallbacks").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    NoWeights,
    NegativeWeight,
    ZeroTotalWeight,
    TooLarge,
}

impl fmt::Display for SplitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SplitError::NoWeights => "there is nobody to share it between",
            SplitError::NegativeWeight => "a share is negative",
            SplitError::ZeroTotalWeight => "the shares add up to nothing",
            SplitError::TooLarge => "the amount is too large to share",
        })
    }
}

/// Splits `total` in proportion to `weights` (any non-negative numbers: contributions,
/// percentages). Each part gets the whole pence of its exact share; the pence left over go one
/// each to the parts with the largest fractions, ties to the lower index. A negative total (an
/// underspend) is split as its size and negated, so the rule is symmetric. Parts with zero
/// weight always get zero.
///
/// The rule is defined by [`split_decimal`], in `Decimal` arithmetic. Almost every split is
/// worked out in integers instead ([`whole_parts_exact`]), several times faster, whenever that
/// provably gives the same pennies; otherwise, and for every error, `split_decimal` does it.
pub fn split(total: Money, weights: &[Decimal]) -> Result<Vec<Money>, SplitError> {
    match whole_parts_exact(total, weights) {
        Some(whole) => Ok(in_pounds(whole, total.is_negative())),
        None => split_decimal(total, weights),
    }
}

/// The split in `Decimal` arithmetic: each share is `pence × weight ÷ total weight` as a
/// `Decimal` (rounded at 28 significant digits when it does not terminate), and the leftover
/// pence go in the order of those decimals' fractions.
fn split_decimal(total: Money, weights: &[Decimal]) -> Result<Vec<Money>, SplitError> {
    if weights.is_empty() {
        return Err(SplitError::NoWeights);
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(SplitError::NegativeWeight);
    }
    let weight_total = weights
        .iter()
        .try_fold(Decimal::ZERO, |sum, w| sum.checked_add(*w))
        .ok_or(SplitError::TooLarge)?;
    if weight_total.is_zero() {
        return Err(SplitError::ZeroTotalWeight);
    }
    let pence = whole_pence(total).ok_or(SplitError::TooLarge)?;

    let mut whole = Vec::with_capacity(weights.len());
    let mut fraction = Vec::with_capacity(weights.len());
    for weight in weights {
        if weight.is_zero() {
            // Most partners pay nothing into a given pool; skip the division for them.
            whole.push(Decimal::ZERO);
            fraction.push(Decimal::ZERO);
            continue;
        }
        let exact = exact_share(pence, *weight, weight_total).ok_or(SplitError::TooLarge)?;
        let floor = exact.floor();
        whole.push(floor);
        fraction.push(exact.checked_sub(floor).ok_or(SplitError::TooLarge)?);
    }
    let allocated = whole
        .iter()
        .try_fold(Decimal::ZERO, |sum, part| sum.checked_add(*part))
        .ok_or(SplitError::TooLarge)?;
    let leftover = pence
        .checked_sub(allocated)
        .and_then(|left| left.to_i64())
        .ok_or(SplitError::TooLarge)?;

    let mut order: Vec<usize> = (0..weights.len())
        .filter(|&i| weights.get(i).is_some_and(|w| !w.is_zero()))
        .collect();
    order.sort_by(|&a, &b| fraction[b].cmp(&fraction[a]).then(a.cmp(&b)));
    hand_out_leftover(&mut whole, &order, leftover).ok_or(SplitError::TooLarge)?;

    Ok(in_pounds(whole, total.is_negative()))
}

/// The parts in whole pence (whole numbers, as `floor` and the pence handed out leave them) as
/// money, negated for a negative total. Most parts are zero (a partner paying nothing into the
/// pool); the zero, digit for digit `Decimal::ZERO`, is turned into money once.
fn in_pounds(whole: Vec<Decimal>, negative: bool) -> Vec<Money> {
    let in_pounds = |part_pence: Decimal| {
        let pounds = pence_to_pounds(part_pence);
        Money::from_decimal(if negative { -pounds } else { pounds })
    };
    let zero = in_pounds(Decimal::ZERO);
    whole
        .into_iter()
        .map(|part_pence| {
            if part_pence.is_zero() && part_pence.scale() == 0 && part_pence.is_sign_positive() {
                zero
            } else {
                in_pounds(part_pence)
            }
        })
        .collect()
}

/// One more than the largest `Decimal` mantissa (2^96).
const MANTISSA_LIMIT: u128 = 1 << 96;

/// The whole parts [`split_decimal`] gives, in pence (whole numbers at scale 0, as it leaves
/// them), worked out in integers; `None` whenever that cannot be shown to give the same, and
/// for every input `split_decimal` refuses.
///
/// With the weights as integers `m_i` at their largest scale and `M` their sum, part `i`'s
/// exact share is `pence × m_i ÷ M`: a whole part `q_i` and a remainder `r_i` (0 ≤ r_i < M),
/// all over the same `M`, so remainders compare exactly. `split_decimal` computes each share as
/// a `Decimal`: exactly (the product fits a `Decimal`, which is checked here, and the sum of
/// the weights is exact, as `M` fits), then divided, which is exact or correctly rounded with
/// at least 28 − D decimal places, D being the digits of the share's whole part (rust_decimal
/// keeps dividing until the remainder is zero, the scale is 28 or the mantissa is within a
/// digit of 2^96 > 7.9 × 10^27). So each decimal share is off the exact one by less than
/// 10^(D − 28) ≤ 1 ÷ (10 × `precision`), with D taken as the digits of the whole amount.
///
/// - Its floor is `q_i` unless `r_i` is within that of `M` (the share just below a whole
///   number): then `None`.
/// - The leftover pence go to the parts with the largest remainders (ties to the lower index).
///   The decimals order two parts as their remainders do when these are further apart than
///   twice the error, and tie (so the lower index comes first again) when the two are equal
///   and either both exact (the fraction terminates within 27 − D places, so the division
///   ends with no remainder) or worked out from the same weight, digit for digit. Any pair
///   across the cut-off that is neither: `None`.
fn whole_parts_exact(total: Money, weights: &[Decimal]) -> Option<Vec<Decimal>> {
    let pence = whole_pence(total)?.mantissa().unsigned_abs();
    let digits = pence.checked_ilog10().map_or(0, |log| log + 1);
    // Decimal places every share keeps, less one for a margin; at least one.
    let places = 27u32.checked_sub(digits).filter(|places| *places >= 1)?;
    let precision = 10u128.checked_pow(places)?;
    let scale = weights.iter().map(Decimal::scale).max()?;
    // Each weight as a whole number at `scale`.
    let scaled = |weight: &Decimal| {
        let mantissa = weight.mantissa().unsigned_abs();
        match scale.checked_sub(weight.scale())? {
            0 => Some(mantissa),
            places => mantissa.checked_mul(10u128.checked_pow(places)?),
        }
    };
    let mut weight_total = 0u128;
    for weight in weights {
        if weight.is_sign_negative() && !weight.is_zero() {
            return None;
        }
        weight_total = weight_total.checked_add(scaled(weight)?)?;
    }
    if weight_total == 0 || weight_total >= MANTISSA_LIMIT {
        return None;
    }
    // Whether a difference of remainders `d` is more than the decimals' error in both parts
    // (`d ÷ M` > 2 ÷ `precision`); too large to multiply is far more.
    let twice_total = weight_total.checked_mul(2)?;
    let apart = |d: u128| d.checked_mul(precision).is_none_or(|x| x > twice_total);

    let mut whole = Vec::with_capacity(weights.len());
    // Remainder and position of each part with a weight.
    // (On the stack for as many partners as a model may have.)
    let mut on_stack = [(0u128, 0usize); MAX_PARTNERS];
    let mut on_heap = Vec::new();
    let room: &mut [(u128, usize)] = if weights.len() <= on_stack.len() {
        &mut on_stack
    } else {
        on_heap.resize(weights.len(), (0, 0));
        &mut on_heap
    };
    let mut count = 0usize;
    let mut allocated = 0u128;
    for (at, weight) in weights.iter().enumerate() {
        if weight.is_zero() {
            whole.push(Decimal::ZERO);
            continue;
        }
        // `pence × weight` as `split_decimal` multiplies it: exact only if it fits.
        if weight.mantissa().unsigned_abs().checked_mul(pence)? >= MANTISSA_LIMIT {
            return None;
        }
        let (quotient, remainder) = div_rem(pence.checked_mul(scaled(weight)?)?, weight_total);
        // The share just below a whole number, within the decimal's error of it: its decimal
        // might round up to the whole number.
        let short_of_next = weight_total - remainder;
        if remainder != 0
            && short_of_next
                .checked_mul(precision)
                .is_some_and(|x| x <= weight_total)
        {
            return None;
        }
        allocated = allocated.checked_add(quotient)?;
        whole.push(Decimal::try_from_i128_with_scale(i128::try_from(quotient).ok()?, 0).ok()?);
        *room.get_mut(count)? = (remainder, at);
        count += 1;
    }
    let parts = room.get_mut(..count)?;
    // The remainders add up to `leftover × M`, each below `M`: fewer pence than parts.
    let leftover = usize::try_from(pence.checked_sub(allocated)?).ok()?;
    if leftover > 0 {
        if leftover >= parts.len() {
            return None;
        }
        parts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let (given, rest) = parts.split_at(leftover);
        let (lowest_in, highest_out) = (given.last()?.0, rest.first()?.0);
        if !apart(lowest_in - highest_out) {
            let same_decimal = |a: &(u128, usize), b: &(u128, usize)| {
                a.0 == b.0
                    && (weights.get(a.1).map(Decimal::serialize)
                        == weights.get(b.1).map(Decimal::serialize)
                        || terminates(a.0, weight_total, places)
                            && terminates(b.0, weight_total, places))
            };
            for a in given.iter().rev() {
                if apart(a.0 - highest_out) {
                    break;
                }
                for b in rest {
                    if apart(lowest_in - b.0) {
                        break;
                    }
                    if !apart(a.0 - b.0) && !same_decimal(a, b) {
                        return None;
                    }
                }
            }
        }
        for &(_, at) in given {
            let part = whole.get_mut(at)?;
            *part = part.checked_add(Decimal::ONE)?;
        }
    }
    Some(whole)
}

/// `n ÷ d` and `n mod d` (`d` > 0), in 64 bits when both fit, which is much quicker.
fn div_rem(n: u128, d: u128) -> (u128, u128) {
    match (u64::try_from(n), u64::try_from(d)) {
        (Ok(n), Ok(d)) => ((n / d).into(), (n % d).into()),
        _ => {
            let quotient = n / d;
            (quotient, n - quotient * d)
        }
    }
}

/// Whether `r ÷ m` (`m` > 0) is a decimal fraction of at most `places` places.
fn terminates(r: u128, m: u128, places: u32) -> bool {
    let mut denominator = m / gcd(r, m);
    let twos = denominator.trailing_zeros();
    denominator >>= twos;
    let mut fives = 0;
    while denominator % 5 == 0 {
        denominator /= 5;
        fives += 1;
    }
    denominator == 1 && twos.max(fives) <= places
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The size of `total` in whole pence, as a whole number (scale 0). Money is held to the penny,
/// so that is its mantissa, taken as is; the general way (× 100, truncated) gives the same.
fn whole_pence(total: Money) -> Option<Decimal> {
    let amount = total.abs().as_decimal();
    if amount.scale() == 2 {
        if let Ok(pence) = Decimal::try_from_i128_with_scale(amount.mantissa(), 0) {
            return Some(pence);
        }
    }
    Some(amount.checked_mul(Decimal::ONE_HUNDRED)?.trunc())
}

/// A whole number of pence as pounds: `pence ÷ 100`. A nonzero whole number (scale 0, as
/// `floor` and the pence handed out leave it) is moved two places without a division, which
/// gives the same decimal, digit for digit and in scale; anything else is divided.
fn pence_to_pounds(pence: Decimal) -> Decimal {
    if pence.scale() == 0 && !pence.is_zero() {
        if let Ok(pounds) = Decimal::try_from_i128_with_scale(pence.mantissa(), 2) {
            return pounds;
        }
    }
    pence / Decimal::ONE_HUNDRED
}

/// `pence × weight ÷ total`, multiplying first (exact for any amount under the money limit) and
/// dividing first only if the product would overflow.
fn exact_share(pence: Decimal, weight: Decimal, weight_total: Decimal) -> Option<Decimal> {
    pence
        .checked_mul(weight)
        .and_then(|product| product.checked_div(weight_total))
        .or_else(|| weight.checked_div(weight_total)?.checked_mul(pence))
}

/// Gives (or, if decimal precision overshot, takes back) single pence in `order`, cycling if
/// there are more pence than parts. Only pathological weights ever need more than one pass.
/// `None` if a part would pass what a `Decimal` holds.
fn hand_out_leftover(whole: &mut [Decimal], order: &[usize], leftover: i64) -> Option<()> {
    if order.is_empty() {
        return Some(());
    }
    let step = if leftover >= 0 {
        Decimal::ONE
    } else {
        Decimal::NEGATIVE_ONE
    };
    let mut remaining = leftover.unsigned_abs();
    let mut cursor = 0usize;
    let mut idle_passes = 0usize;
    while remaining > 0 && idle_passes <= order.len() {
        let position = if leftover >= 0 {
            order.get(cursor % order.len())
        } else {
            order.get(order.len() - 1 - cursor % order.len())
        };
        if let Some(part) = position.and_then(|&i| whole.get_mut(i)) {
            if leftover >= 0 || part.is_sign_positive() && !part.is_zero() {
                *part = part.checked_add(step)?;
                remaining -= 1;
                idle_passes = 0;
            } else {
                idle_passes += 1;
            }
        }
        cursor += 1;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The two shortcuts give the decimal the general way gives, bit for bit (value, scale
        /// and sign), for any amount in pence.
        #[test]
        fn the_shortcuts_are_the_general_way(pence in any::<i64>()) {
            let total = Money::from_pence(pence);
            let general = total
                .abs()
                .as_decimal()
                .checked_mul(Decimal::ONE_HUNDRED)
                .map(|p| p.trunc());
            prop_assert_eq!(whole_pence(total).map(|p| p.serialize()), general.map(|p| p.serialize()));
            let part = Decimal::from(pence);
            let divided = part / Decimal::ONE_HUNDRED;
            let moved = pence_to_pounds(part);
            for (moved, divided) in [(moved, divided), (-moved, -divided)] {
                prop_assert_eq!(
                    Money::from_decimal(moved).as_decimal().serialize(),
                    Money::from_decimal(divided).as_decimal().serialize()
                );
            }
        }
    }

    /// `split` (the integer path where it applies) and `split_decimal` agree on every part,
    /// digit for digit (value, scale and sign), and on every error.
    fn same_as_decimal(total: Money, weights: &[Decimal]) -> Result<(), TestCaseError> {
        let serialized = |parts: Result<Vec<Money>, SplitError>| {
            parts.map(|parts| {
                parts
                    .iter()
                    .map(|part| part.as_decimal().serialize())
                    .collect::<Vec<_>>()
            })
        };
        prop_assert_eq!(
            serialized(split(total, weights)),
            serialized(split_decimal(total, weights)),
            "total {}, weights {:?}",
            total,
            weights
        );
        Ok(())
    }

    /// Amounts of every size: pennies, pool-sized, at and past the money limit, and beyond an
    /// i64 of pence; either sign, and zero.
    fn any_total() -> impl Strategy<Value = Money> {
        prop_oneof![
            3 => (-10_000i64..10_000).prop_map(Money::from_pence),
            3 => (-100_000_000_000_000i64..100_000_000_000_000).prop_map(Money::from_pence),
            1 => any::<i64>().prop_map(Money::from_pence),
            1 => Just(Money::ZERO),
            1 => (0u32..3, any::<bool>()).prop_map(|(step, negative)| {
                let pence = 100_000_000_000_000i64 + i64::from(step) - 1;
                Money::from_pence(if negative { -pence } else { pence })
            }),
            1 => (any::<u128>(), 0u32..97, any::<bool>()).prop_map(|(bits, width, negative)| {
                let mantissa = bits >> (128 - width.max(1));
                let amount = Decimal::try_from_i128_with_scale(mantissa as i128, 2)
                    .unwrap_or(Decimal::MAX);
                Money::from_decimal(if negative { -amount } else { amount })
            }),
        ]
    }

    /// A weight as the engine makes them (contributions in pounds and pence, percentages) and
    /// as it might: zeros (often), small whole numbers that tie, decimals of any scale, huge
    /// mantissas.
    fn any_weight() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            6 => Just(Decimal::ZERO),
            1 => Just(Decimal::new(0, 2)),
            1 => Just(-Decimal::ZERO),
            3 => (1i64..5).prop_map(Decimal::from),
            2 => prop::sample::select(vec![
                Decimal::new(3333, 2),
                Decimal::new(5, 1),
                Decimal::new(50, 0),
                Decimal::new(5000, 2),
                Decimal::new(3334, 2),
                Decimal::new(1, 3),
                Decimal::new(100, 0),
                Decimal::new(125, 1),
            ]),
            3 => (1i64..100_000_000_000_000).prop_map(|pence| Decimal::new(pence, 2)),
            2 => (1i64..100_000).prop_map(|pence| Decimal::new(pence * 1_000, 2)),
            2 => (any::<i64>(), 0u32..12).prop_map(|(m, scale)| Decimal::new(m.saturating_abs(), scale)),
            1 => (any::<u128>(), 0u32..29).prop_map(|(bits, scale)| {
                Decimal::try_from_i128_with_scale((bits >> 32) as i128, scale).unwrap_or(Decimal::MAX)
            }),
            1 => (1i64..1_000).prop_map(|m| Decimal::new(-m, 2)),
        ]
    }

    /// Weights that are all alike but for zeros: every share ties.
    fn tied_weights() -> impl Strategy<Value = Vec<Decimal>> {
        (
            prop_oneof![
                (1i64..10).prop_map(Decimal::from),
                (1i64..1_000_000_000_000).prop_map(|pence| Decimal::new(pence, 2)),
                (1i64..10_000, 0u32..8).prop_map(|(m, scale)| Decimal::new(m, scale)),
            ],
            prop::collection::vec(any::<bool>(), 1..25),
        )
            .prop_map(|(weight, present)| {
                present
                    .into_iter()
                    .map(|p| if p { weight } else { Decimal::ZERO })
                    .collect()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn the_integer_path_is_the_decimal_path(
            total in any_total(),
            weights in prop::collection::vec(any_weight(), 0..25),
        ) {
            same_as_decimal(total, &weights)?;
        }

        #[test]
        fn ties_are_settled_alike(total in any_total(), weights in tied_weights()) {
            same_as_decimal(total, &weights)?;
        }

        /// Percentages as people type them: two places, adding up to about 100.
        #[test]
        fn percentages_are_split_alike(
            total in any_total(),
            hundredths in prop::collection::vec(0i64..10_001, 1..25),
        ) {
            let weights: Vec<Decimal> = hundredths.iter().map(|h| Decimal::new(*h, 2)).collect();
            same_as_decimal(total, &weights)?;
        }

        /// Contributions in pounds and pence, as pro rata splits them, with many partners
        /// contributing nothing.
        #[test]
        fn contributions_are_split_alike(
            total in any_total(),
            pence in prop::collection::vec(
                prop_oneof![2 => Just(0i64), 3 => 0i64..1_000_000_000_000], 1..25
            ),
        ) {
            let weights: Vec<Decimal> = pence.iter().map(|p| Decimal::new(*p, 2)).collect();
            same_as_decimal(total, &weights)?;
        }
    }

    /// The integer path is taken for the splits the engine makes (else it would not be faster).
    #[test]
    fn the_integer_path_takes_everyday_splits() {
        let cases: [(i64, Vec<Decimal>); 5] = [
            (100, weights(&[1, 1, 1])),
            (1, vec![Decimal::new(5000, 2), Decimal::new(5000, 2)]),
            (
                1_234_567,
                vec![
                    Decimal::new(3333, 2),
                    Decimal::new(3333, 2),
                    Decimal::new(3334, 2),
                ],
            ),
            (
                9_876_543,
                vec![
                    Decimal::new(125_000_000, 2),
                    Decimal::ZERO,
                    Decimal::new(200_000_000, 2),
                ],
            ),
            (
                -7,
                vec![Decimal::new(5, 1), Decimal::new(25, 2), Decimal::ONE],
            ),
        ];
        takes_the_integer_path(&cases);
    }

    /// Each case is split by the integer path, with the decimal path's pennies.
    fn takes_the_integer_path(cases: &[(i64, Vec<Decimal>)]) {
        for (pence, weights) in cases {
            let total = Money::from_pence(*pence);
            assert!(
                whole_parts_exact(total, weights).is_some(),
                "{total} {weights:?}"
            );
            assert_eq!(split(total, weights), split_decimal(total, weights));
        }
    }

    /// An exact tie at the cut-off whose decimals differ: 9p by 25 : 1 : 1 is 8⅓p, ⅓p and ⅓p.
    /// Exactly, the two thirds tie and the spare penny would go to the first part; as decimals,
    /// 8.333…3 keeps one 3 fewer than 0.333…3 (28 significant digits), so the second part's
    /// fraction is the larger and the penny has always gone to it. The integer path declines
    /// and the decimal path decides, as it always has.
    #[test]
    fn near_ties_fall_back_to_decimal() {
        let total = Money::from_pence(9);
        let thirds = weights(&[25, 1, 1]);
        assert_eq!(whole_parts_exact(total, &thirds), None);
        let expected = [8, 1, 0].map(Money::from_pence).to_vec();
        assert_eq!(split(total, &thirds), Ok(expected.clone()));
        assert_eq!(split_decimal(total, &thirds), Ok(expected));
        // The same the other way round: the larger part at the higher index.
        let fifteenths = weights(&[1, 1, 13]);
        let total = Money::from_pence(10);
        assert_eq!(whole_parts_exact(total, &fifteenths), None);
        assert_eq!(
            split(total, &fifteenths),
            Ok([1, 0, 9].map(Money::from_pence).to_vec())
        );
    }

    /// Exact ties whose decimals are exact too (halves, quarters) or come from the same weight
    /// (thirds of equal weights) tie as decimals as well: the integer path takes them.
    #[test]
    fn true_ties_take_the_integer_path() {
        let cases: [(i64, Vec<Decimal>); 3] = [
            (1, vec![Decimal::new(5000, 2), Decimal::new(5000, 2)]),
            (
                3,
                vec![Decimal::new(25, 2), Decimal::new(75, 2), Decimal::ONE],
            ),
            (200, weights(&[7, 7, 7])),
        ];
        takes_the_integer_path(&cases);
        let parts = split(
            Money::from_pence(3),
            &[Decimal::ONE, Decimal::from(5), Decimal::ONE],
        );
        // 3/7, 15/7 = 2 1/7 and 3/7: the two 3/7 tie (same weight), the first gets the penny.
        assert_eq!(parts, Ok([1, 2, 0].map(Money::from_pence).to_vec()));
    }

    fn weights(values: &[i64]) -> Vec<Decimal> {
        values.iter().map(|v| Decimal::from(*v)).collect()
    }

    #[test]
    fn thirds_give_the_spare_penny_to_the_first() {
        // £1.00 in three equal parts: 33p each, one penny left, ties go to the lower index.
        let parts = split(Money::pounds(1), &weights(&[1, 1, 1])).unwrap_or_default();
        assert_eq!(
            parts,
            vec![
                Money::from_pence(34),
                Money::from_pence(33),
                Money::from_pence(33)
            ]
        );
    }

    #[test]
    fn negative_totals_split_symmetrically() {
        let parts = split(Money::pounds(-1), &weights(&[1, 1, 1])).unwrap_or_default();
        assert_eq!(
            parts,
            vec![
                Money::from_pence(-34),
                Money::from_pence(-33),
                Money::from_pence(-33)
            ]
        );
    }

    #[test]
    fn zero_weights_are_refused() {
        assert_eq!(
            split(Money::pounds(1), &weights(&[0, 0])),
            Err(SplitError::ZeroTotalWeight)
        );
        assert_eq!(split(Money::pounds(1), &[]), Err(SplitError::NoWeights));
    }
}
