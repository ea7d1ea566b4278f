//! Drawing numbers: a seeded generator and the two three-point distributions. Everything here
//! is bit-for-bit the same on every target: xoshiro256++ (integer arithmetic only) and libm's
//! pure-Rust `log`, `cos` and `sqrt` rather than the platform's, so a seed gives the same draws
//! natively and in the browser.

use crate::model::saved_names::saved_names;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// How likely values between low and high are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// Three-point (PERT): a smooth hump, most weight near "most likely", thin tails; the mean
    /// is (low + 4 × likely + high) ÷ 6. The usual choice for estimates people give as three
    /// numbers.
    #[default]
    Pert,
    /// Triangular: straight lines from low up to likely and down to high; more weight in the
    /// tails than PERT, so a more cautious view.
    Triangular,
}

saved_names!(Shape {
    Pert => "pert",
    Triangular => "triangular",
});

impl Shape {
    pub fn is_pert(&self) -> bool {
        *self == Shape::Pert
    }

    pub fn label(self) -> &'static str {
        match self {
            Shape::Pert => "Three-point (PERT)",
            Shape::Triangular => "Triangular",
        }
    }
}

/// The stream of random numbers for one simulation.
pub struct Draws {
    rng: Xoshiro256PlusPlus,
}

impl Draws {
    pub fn new(seed: u64) -> Draws {
        Draws {
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// Uniform in [0, 1): the top 53 bits of the next number.
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in (0, 1]: never zero, for logarithms.
    fn uniform_open(&mut self) -> f64 {
        ((self.rng.next_u64() >> 11) + 1) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A standard normal draw (Box–Muller; one of the pair is used, which keeps the stream
    /// simple to reproduce).
    fn normal(&mut self) -> f64 {
        let radius = libm::sqrt(-2.0 * libm::log(self.uniform_open()));
        radius * libm::cos(core::f64::consts::TAU * self.uniform())
    }

    /// A Gamma(shape, 1) draw for shape ≥ 1 (Marsaglia and Tsang, 2000).
    fn gamma(&mut self, shape: f64) -> f64 {
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / libm::sqrt(9.0 * d);
        loop {
            let x = self.normal();
            let v = 1.0 + c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = self.uniform_open();
            if u < 1.0 - 0.0331 * x * x * x * x
                || libm::log(u) < 0.5 * x * x + d * (1.0 - v + libm::log(v))
            {
                return d * v;
            }
        }
    }

    /// One value from `low` to `high`, most likely `likely` (low ≤ likely ≤ high, checked by
    /// the caller). With low = high it is exactly that value, whatever the shape.
    pub fn three_point(&mut self, shape: Shape, low: f64, likely: f64, high: f64) -> f64 {
        let width = high - low;
        if width <= 0.0 {
            return low;
        }
        match shape {
            Shape::Triangular => {
                let u = self.uniform();
                let split = (likely - low) / width;
                let value = if u < split {
                    low + libm::sqrt(u * width * (likely - low))
                } else {
                    high - libm::sqrt((1.0 - u) * width * (high - likely))
                };
                value.clamp(low, high)
            }
            Shape::Pert => {
                let alpha = 1.0 + 4.0 * (likely - low) / width;
                let beta = 1.0 + 4.0 * (high - likely) / width;
                let a = self.gamma(alpha);
                let b = self.gamma(beta);
                (low + width * a / (a + b)).clamp(low, high)
            }
        }
    }
}

/// The exact quantile of a triangular distribution (for tests and the help's worked example).
pub fn triangular_quantile(low: f64, likely: f64, high: f64, p: f64) -> f64 {
    let width = high - low;
    let split = (likely - low) / width;
    if p < split {
        low + libm::sqrt(p * width * (likely - low))
    } else {
        high - libm::sqrt((1.0 - p) * width * (high - likely))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = Draws::new(42);
        let mut b = Draws::new(42);
        for _ in 0..1000 {
            assert_eq!(
                a.three_point(Shape::Pert, 0.0, 3.0, 10.0).to_bits(),
                b.three_point(Shape::Pert, 0.0, 3.0, 10.0).to_bits()
            );
        }
        assert_ne!(Draws::new(1).uniform(), Draws::new(2).uniform());
    }

    /// The first numbers of seed 1, written down: if they ever change (another generator, a
    /// changed algorithm), every saved simulation's figures change, and this fails.
    #[test]
    fn the_stream_for_a_seed_is_fixed() {
        let mut draws = Draws::new(1);
        let first: Vec<u64> = (0..3).map(|_| draws.rng.next_u64()).collect();
        assert_eq!(first, FIRST_OF_SEED_1);
    }

    const FIRST_OF_SEED_1: [u64; 3] = [
        14_971_601_782_005_023_387,
        13_781_649_495_232_077_965,
        1_847_458_086_238_483_744,
    ];

    #[test]
    fn pert_mean_is_the_weighted_mean() {
        let mut draws = Draws::new(7);
        let n = 40_000;
        let sum: f64 = (0..n)
            .map(|_| draws.three_point(Shape::Pert, 0.0, 2.0, 10.0))
            .sum();
        let mean = sum / f64::from(n);
        // (0 + 4 × 2 + 10) ÷ 6 = 3.
        assert!((mean - 3.0).abs() < 0.03, "{mean}");
    }

    #[test]
    fn values_stay_within_the_range() {
        let mut draws = Draws::new(3);
        for shape in [Shape::Pert, Shape::Triangular] {
            for _ in 0..10_000 {
                let v = draws.three_point(shape, -5.0, -5.0, 5.0);
                assert!((-5.0..=5.0).contains(&v), "{v}");
            }
        }
    }
}
