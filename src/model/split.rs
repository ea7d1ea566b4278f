//! Splitting an amount by weights so the parts always add back exactly to the whole
//! (largest-remainder method, in pence).

use core::fmt;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

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
pub fn split(total: Money, weights: &[Decimal]) -> Result<Vec<Money>, SplitError> {
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

    let negative = total.is_negative();
    Ok(whole
        .into_iter()
        .map(|part_pence| {
            let pounds = pence_to_pounds(part_pence);
            Money::from_decimal(if negative { -pounds } else { pounds })
        })
        .collect())
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
