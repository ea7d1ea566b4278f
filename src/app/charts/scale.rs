//! The value axis of a chart of money: "nice" tick steps (1, 2, 2.5 or 5 × a power of ten) that
//! always include zero, the mapping from pounds to SVG units, and compact labels like "£1.5m".
//! Pixels are display only, so amounts become `f64` here; tables keep the exact `Money`.

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

use crate::model::Money;

/// At most this many ticks, whatever the data (a guard against degenerate ranges).
const MAX_TICKS: usize = 20;

/// An amount as a plain number of pounds, for drawing only. Zero if it cannot be represented.
pub fn pounds(amount: Money) -> f64 {
    amount.as_decimal().to_f64().unwrap_or(0.0)
}

/// A drawn value (a tick) back as money, to the penny, for its label. Zero if not finite.
pub fn money(value: f64) -> Money {
    Decimal::from_f64(value).map_or(Money::ZERO, Money::from_decimal)
}

/// A value axis from `min` to `max` (both multiples of `step`, zero between or at an end).
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Axis {
    /// An axis covering `low..=high` and zero, with about `target` ticks. Non-finite values count
    /// as zero; an all-zero range gives the axis £0 to £1 so that zero still has a place.
    pub fn covering(low: f64, high: f64, target: usize) -> Axis {
        let finite = |v: f64| if v.is_finite() { v } else { 0.0 };
        let low = finite(low).min(0.0);
        let high = finite(high).max(0.0);
        let span = high - low;
        if span <= 0.0 || !span.is_finite() {
            return Axis {
                min: 0.0,
                max: 1.0,
                step: 1.0,
            };
        }
        let mut step = nice_step(span / target.max(1) as f64);
        // Rounding both ends outward can need one more step than planned; widen until it fits.
        // Bounded, so a step that overflows near `f64::MAX` cannot loop forever.
        for _ in 0..64 {
            if (high / step).ceil() - (low / step).floor() <= MAX_TICKS as f64 - 1.0 {
                break;
            }
            step = nice_step(step * 1.5);
        }
        Axis {
            min: (low / step).floor() * step,
            max: (high / step).ceil() * step,
            step,
        }
    }

    /// The tick values from `min` to `max`, computed by multiplication so they do not drift.
    pub fn ticks(&self) -> Vec<f64> {
        let count = ((self.max - self.min) / self.step).round();
        let count = if count.is_finite() && count >= 0.0 {
            (count as usize).min(MAX_TICKS)
        } else {
            0
        };
        (0..=count)
            .map(|i| clean(self.min + self.step * i as f64))
            .collect()
    }

    /// Where `value` falls between `bottom` (at `min`) and `top` (at `max`) in SVG units.
    pub fn position(&self, value: f64, bottom: f64, top: f64) -> f64 {
        let span = self.max - self.min;
        if span <= 0.0 || !value.is_finite() {
            return bottom;
        }
        // Not `f64::clamp`: its panic message would pull float formatting into the wasm.
        let clamped = value.max(self.min).min(self.max);
        bottom - (clamped - self.min) / span * (bottom - top)
    }
}

/// 1, 2, 2.5 or 5 times a power of ten: the smallest such step at least `rough`.
fn nice_step(rough: f64) -> f64 {
    if rough <= 0.0 || !rough.is_finite() {
        return 1.0;
    }
    if rough < 1.0 {
        return 1.0;
    }
    // The power of ten at or below `rough`, by multiplication: no `log10`/`powf` in the wasm.
    let mut power = 1.0;
    while power * 10.0 <= rough {
        power *= 10.0;
    }
    let fraction = rough / power;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|n| fraction <= n * (1.0 + 1e-9))
        .unwrap_or(10.0);
    // Steps below a pound would show pence on the axis; money axes step in whole pounds.
    nice * power
}

/// Removes floating-point dust (0.30000000000000004 → 0.3) and negative zero.
fn clean(value: f64) -> f64 {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::MoneyStyle;

    /// The labels a chart in pounds gives the axis (layout.rs does the same).
    fn labels(axis: &Axis) -> Vec<String> {
        let largest = money(axis.min.abs().max(axis.max.abs()));
        let style = MoneyStyle::EXACT.for_chart(largest);
        let step = money(axis.step);
        axis.ticks()
            .iter()
            .map(|&t| style.tick(money(t), step))
            .collect()
    }

    #[test]
    fn a_money_range_gets_round_steps_from_zero() {
        let axis = Axis::covering(0.0, 12_340_000.0, 5);
        assert_eq!(axis.step, 2_500_000.0);
        assert_eq!(axis.min, 0.0);
        assert_eq!(axis.max, 12_500_000.0);
        assert_eq!(labels(&axis), ["0", "2.5", "5.0", "7.5", "10.0", "12.5"]);
    }

    #[test]
    fn an_axis_always_includes_zero_even_when_every_value_is_far_above_it() {
        let axis = Axis::covering(900_000.0, 1_000_000.0, 5);
        assert_eq!(axis.min, 0.0);
        assert!(axis.max >= 1_000_000.0);
        assert_eq!(axis.ticks().first(), Some(&0.0));
    }

    #[test]
    fn negative_values_get_ticks_below_zero_with_a_true_minus_sign() {
        let axis = Axis::covering(-220_336.0, 480_000.0, 6);
        assert_eq!(axis.step, 200_000.0);
        assert_eq!(axis.min, -400_000.0);
        assert_eq!(axis.max, 600_000.0);
        assert_eq!(labels(&axis), ["−400", "−200", "0", "200", "400", "600"]);
    }

    #[test]
    fn all_negative_values_put_zero_at_the_top() {
        let axis = Axis::covering(-3_000.0, -1_000.0, 4);
        assert_eq!(axis.max, 0.0);
        assert_eq!(axis.min, -3_000.0);
        assert_eq!(axis.position(0.0, 300.0, 20.0), 20.0);
    }

    #[test]
    fn zero_data_still_gives_an_axis_with_zero_at_the_bottom() {
        let axis = Axis::covering(0.0, 0.0, 5);
        assert_eq!(axis.ticks(), [0.0, 1.0]);
        assert_eq!(axis.position(0.0, 300.0, 20.0), 300.0);
        let nonsense = Axis::covering(f64::NAN, f64::INFINITY, 5);
        assert_eq!(nonsense, axis);
    }

    #[test]
    fn small_amounts_step_in_whole_pounds() {
        let axis = Axis::covering(0.0, 3.0, 10);
        assert_eq!(axis.step, 1.0);
        assert_eq!(labels(&axis), ["0", "1", "2", "3"]);
    }

    #[test]
    fn ticks_never_exceed_the_cap() {
        let axis = Axis::covering(-1e12, 1e12, 1_000);
        assert!(axis.ticks().len() <= MAX_TICKS + 1);
        assert!(axis.min <= -1e12 && axis.max >= 1e12);
    }

    #[test]
    fn absurd_ranges_still_return() {
        let axis = Axis::covering(0.0, 1e300, 5);
        assert!(axis.max >= 1e300);
        let huge = Axis::covering(-f64::MAX, f64::MAX, 5);
        assert!(huge.ticks().len() <= MAX_TICKS + 1);
    }

    #[test]
    fn positions_map_linearly_and_clamp_outside_the_axis() {
        let axis = Axis::covering(-100.0, 100.0, 4);
        assert_eq!(axis.position(axis.min, 300.0, 0.0), 300.0);
        assert_eq!(axis.position(axis.max, 300.0, 0.0), 0.0);
        assert_eq!(axis.position(0.0, 300.0, 0.0), 150.0);
        assert_eq!(axis.position(1e9, 300.0, 0.0), 0.0);
    }

    #[test]
    fn amounts_convert_to_pounds_for_drawing() {
        assert_eq!(pounds(Money::from_pence(-123_456)), -1234.56);
    }
}
