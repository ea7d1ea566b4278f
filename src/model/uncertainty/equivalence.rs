//! The draws' settle path against the whole engine: for random options with ranges (every risk
//! share, reserves, carried-forward underspend, funding gaps and unallocated income, lines with
//! rules of their own, schemes that start or stop within the horizon, shared drivers), each
//! draw's figures from [`DrawSettler`](super::super::settle::DrawSettler) are exactly those
//! `compute` gives for the same working scenario, so the two can never drift apart. And a run
//! split between workers ([`Share`](super::super::Share)) and merged records exactly what one
//! run records, draw for draw.

use proptest::prelude::*;

use super::super::settle::DrawSettler;
use super::super::{LineRange, PoolDriver, Shape, Share, Uncertainty};
use super::Simulation;
use crate::model::compute;
use crate::model::contribution::{
    AmountRule, Contribution, ContributionId, FundingStream, Obligation,
};
use crate::model::fixtures::reference_model;
use crate::model::money::{Money, Percent};
use crate::model::partner::{Partner, PartnerId, PartnerKind};
use crate::model::pool::{ContingencyReserve, Pool, PoolId};
use crate::model::risk::{
    PartnerShare, RiskShare, Split, TierBearer, TierLimit, UnderspendTreatment,
};
use crate::model::scenario::{Model, Scenario, ScenarioId};
use crate::model::spend::{Outturn, SpendLine, YearForecast};
use crate::model::year::{FinancialYear, Horizon};

/// Random numbers turned into model inputs, within what a plan could hold (no overflow).
struct Genes<'a> {
    values: &'a [u64],
    at: usize,
}

impl Genes<'_> {
    fn next(&mut self) -> u64 {
        let value = self
            .values
            .get(self.at % self.values.len().max(1))
            .copied()
            .unwrap_or(0);
        self.at += 1;
        value.rotate_left((self.at % 64) as u32)
            ^ (self.at as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pounds(&mut self, most: u64) -> Money {
        Money::from_pence((self.below(most * 100 + 1)) as i64)
    }

    fn percent(&mut self, low: i64, high: i64) -> Percent {
        Percent::from_hundredths(low + self.below((high - low + 1) as u64) as i64)
    }

    fn partner(&mut self, partners: u32) -> PartnerId {
        PartnerId(1 + self.below(u64::from(partners)) as u32)
    }

    fn split(&mut self, partners: u32) -> Split {
        match self.below(4) {
            0 => Split::NoSharing,
            1 => Split::ProRata {
                capped: self.below(2) == 0,
            },
            2 => Split::FixedPercentages {
                shares: (1..=partners)
                    .map(|p| PartnerShare {
                        partner: PartnerId(p),
                        percent: self.percent(0, 10_000),
                    })
                    .collect(),
            },
            _ => Split::HostBears,
        }
    }

    fn risk_share(&mut self, partners: u32) -> RiskShare {
        match self.below(6) {
            0 => RiskShare::NoSharing,
            1 => RiskShare::ProRata {
                capped: self.below(2) == 0,
            },
            2 => RiskShare::FixedPercentages {
                shares: (1..=partners)
                    .map(|p| PartnerShare {
                        partner: PartnerId(p),
                        percent: self.percent(0, 10_000),
                    })
                    .collect(),
            },
            3 => RiskShare::HostBears,
            4 => RiskShare::Tiered {
                limit: if self.below(2) == 0 {
                    TierLimit::Amount {
                        amount: self.pounds(200_000),
                    }
                } else {
                    TierLimit::PercentOfPlanned {
                        percent: self.percent(0, 2_000),
                    }
                },
                bearer: if self.below(2) == 0 {
                    TierBearer::Host
                } else {
                    TierBearer::Commissioner
                },
                rest: self.split(partners),
            },
            _ => RiskShare::OrderedSteps {
                then: self.split(partners),
            },
        }
    }

    fn outturn(&mut self) -> Outturn {
        match self.below(4) {
            0 => Outturn::AsPlanned,
            1 => Outturn::VariancePercent {
                percent: self.percent(-3_000, 3_000),
            },
            2 => Outturn::VarianceAmount {
                amount: Money::from_pence(self.below(40_000_000) as i64 - 20_000_000),
            },
            _ => Outturn::Spend {
                amount: self.pounds(2_000_000),
            },
        }
    }

    fn model(&mut self) -> Model {
        let horizon = Horizon::new(FinancialYear(2025), 1 + self.below(5) as u32);
        let years: Vec<FinancialYear> = horizon.years().collect();
        let partners = 1 + self.below(4) as u32;
        let pools = 1 + self.below(3) as u32;
        let mut scenario = Scenario::empty(ScenarioId(1), "Random", horizon);
        scenario.partners = (1..=partners)
            .map(|p| {
                Partner::new(
                    p,
                    &format!("Partner {p}"),
                    &format!("P{p}"),
                    PartnerKind::Council,
                )
            })
            .collect();
        scenario.pools = (1..=pools)
            .map(|p| {
                let host = self.partner(partners);
                let mut pool = Pool::new(p, &format!("Pool {p}"), host, self.risk_share(partners));
                pool.underspend = match self.below(3) {
                    0 => UnderspendTreatment::ReturnedProRata,
                    1 => UnderspendTreatment::CarriedForward,
                    _ => UnderspendTreatment::HeldAsContingency,
                };
                if self.below(2) == 0 {
                    pool.reserve = ContingencyReserve {
                        opening: self.pounds(300_000),
                        set_aside_per_year: self.pounds(100_000),
                    };
                }
                pool
            })
            .collect();
        scenario.contributions = (0..self.below(2 * u64::from(pools * partners) + 1))
            .map(|c| Contribution {
                id: ContributionId(c as u32),
                name: format!("Contribution {c}"),
                partner: self.partner(partners),
                pool: PoolId(1 + self.below(u64::from(pools)) as u32),
                stream: FundingStream::ALL[self.below(FundingStream::ALL.len() as u64) as usize],
                obligation: Obligation::Mandatory,
                rule: AmountRule::Uplift {
                    base: self.pounds(3_000_000),
                    uplift: self.percent(-500, 800),
                },
            })
            .collect();
        scenario.lines = (0..1 + self.below(8))
            .map(|l| {
                let mut line = SpendLine::new(
                    l as u32,
                    &format!("Line {l}"),
                    PoolId(1 + self.below(u64::from(pools)) as u32),
                    self.partner(partners),
                    Money::ZERO,
                    horizon,
                );
                for year in &years {
                    let budget = self.pounds(2_000_000);
                    line.set_budget(*year, budget);
                }
                line.savings = if self.below(3) == 0 {
                    self.percent(0, 1_500)
                } else {
                    Percent::ZERO
                };
                if self.below(4) == 0 {
                    line.first_year = Some(years[self.below(years.len() as u64) as usize]);
                }
                if self.below(4) == 0 {
                    line.last_year = Some(years[self.below(years.len() as u64) as usize]);
                }
                line.forecast = Vec::new();
                for year in &years {
                    if self.below(2) == 0 {
                        let outturn = self.outturn();
                        line.forecast.push(YearForecast {
                            year: *year,
                            outturn,
                        });
                    }
                }
                if self.below(3) == 0 {
                    line.risk_share = Some(self.risk_share(partners));
                }
                line
            })
            .collect();
        let mut ranges = Vec::new();
        for line in &scenario.lines {
            if self.below(3) == 0 {
                continue;
            }
            let low = self.percent(-4_000, 0);
            let likely = self.percent(0, 1_000);
            let high = self.percent(1_000, 5_000);
            let year = (self.below(3) == 0).then(|| years[self.below(years.len() as u64) as usize]);
            let as_percent = |percent| Outturn::VariancePercent { percent };
            ranges.push(LineRange {
                line: line.id,
                year,
                low: as_percent(low),
                likely: as_percent(likely),
                high: as_percent(high),
            });
        }
        let mut drivers = Vec::new();
        for pool in 1..=pools {
            if self.below(3) == 0 {
                drivers.push(PoolDriver {
                    pool: PoolId(pool),
                    low: self.percent(-2_000, 0),
                    likely: self.percent(0, 500),
                    high: self.percent(500, 3_000),
                });
            }
        }
        let mut model = reference_model();
        model.scenarios = vec![scenario.into()];
        model.base_scenario = ScenarioId(1);
        model.uncertainty = Uncertainty {
            shape: if self.below(2) == 0 {
                Shape::Pert
            } else {
                Shape::Triangular
            },
            draws: 1_000,
            seed: self.next(),
            ranges,
            drivers,
            thresholds: Vec::new(),
        };
        model
    }
}

/// Runs `draws` draws of `model`'s option and checks each against `compute`; how many were
/// checked (zero if the model has nothing to simulate).
fn check_draws(model: &Model, draws: u32) -> Result<u32, TestCaseError> {
    let Ok(mut simulation) = Simulation::new(model, model.base_scenario) else {
        return Ok(0);
    };
    for _ in 0..draws {
        let drawn = simulation.run(1);
        let full = compute(&simulation.working);
        match (drawn, full) {
            (Ok(()), Ok(results)) => {
                let lean = simulation.settler.settle().cloned();
                prop_assert_eq!(lean, Ok(DrawSettler::figures_of(&results)));
            }
            (Err(error), Err(_)) => {
                let settled = matches!(error, super::SimulationError::Compute { .. });
                prop_assert!(settled, "{}", error);
                return Ok(draws);
            }
            (drawn, full) => {
                return Err(TestCaseError::fail(format!(
                    "the draw gave {drawn:?}, compute {:?}",
                    full.map(|_| "results")
                )))
            }
        }
    }
    Ok(draws)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_draw_settles_as_compute_does(genes in prop::collection::vec(any::<u64>(), 1..120)) {
        let model = Genes { values: &genes, at: 0 }.model();
        check_draws(&model, 25)?;
    }
}

/// The benchmarks' models, where every pool is drawn, and the reference model with a range on
/// one line only, where the other pools are settled once and added again in every draw.
#[test]
fn the_example_models_settle_as_compute_does() {
    use crate::model::fixtures::{large_model, with_ranges_on_every_line};
    let mut one_range = with_ranges_on_every_line(reference_model());
    one_range.uncertainty.ranges.truncate(1);
    for model in [
        with_ranges_on_every_line(reference_model()),
        with_ranges_on_every_line(large_model()),
        one_range,
    ] {
        assert!(matches!(check_draws(&model, 20), Ok(20)));
    }
}

/// Runs `model`'s option for `draws` draws (below the least the page allows, so that a part can
/// have none) whole and split `of` ways; whether the merged record and results are the whole
/// run's, draw for draw (true too if the option cannot be simulated or a draw fails alike).
fn check_split(model: &Model, draws: u32, of: u32) -> Result<(), TestCaseError> {
    let start = |share| {
        Simulation::for_share(model, model.base_scenario, share).map(|mut simulation| {
            simulation.total = draws;
            simulation
        })
    };
    let Ok(mut whole) = start(Share::WHOLE) else {
        return Ok(());
    };
    let whole_run = whole.run(draws);
    let mut parts = Vec::new();
    for part in 0..of {
        let share = Share::new(part, of).ok_or_else(|| TestCaseError::fail("no such part"))?;
        let mut simulation = start(share).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(simulation.total(), share.count(draws));
        match (simulation.run(draws), &whole_run) {
            (Ok(()), _) => {
                prop_assert!(simulation.is_done());
                prop_assert_eq!(simulation.done(), share.count(draws));
                parts.push(simulation.record());
            }
            // A part fails only at a draw where the whole run failed first or at that draw.
            (Err(error), Err(first)) => {
                prop_assert!(
                    simulation.drawn() >= whole.drawn(),
                    "{} after {}",
                    error,
                    first
                );
                return Ok(());
            }
            (Err(error), Ok(())) => return Err(TestCaseError::fail(error.to_string())),
        }
    }
    if whole_run.is_err() {
        // Only when the failing draw is another part's and every part finished... which cannot
        // be: the part that owns it fails there.
        return Err(TestCaseError::fail("every part finished a run that fails"));
    }
    let mut merged = start(Share::WHOLE).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(merged.merge(&parts), Some(()));
    prop_assert!(merged.is_done());
    prop_assert_eq!(merged.done(), draws);
    prop_assert_eq!(merged.results(), whole.results());
    prop_assert_eq!(merged.record(), whole.record());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_split_run_merges_into_the_whole_run(
        genes in prop::collection::vec(any::<u64>(), 1..120),
        draws in 0u32..14,
        of in 1u32..=4,
    ) {
        let model = Genes { values: &genes, at: 0 }.model();
        check_split(&model, draws, of)?;
    }
}

/// The benchmarks' models and the reference model, PERT and triangular, split every way, with
/// draws that divide evenly, that do not, and fewer than the parts.
#[test]
fn the_example_models_split_and_merge_into_the_whole_run() {
    use crate::model::fixtures::{large_model, with_ranges_on_every_line};
    let mut triangular = with_ranges_on_every_line(reference_model());
    triangular.uncertainty.shape = Shape::Triangular;
    triangular.uncertainty.seed = 12_345;
    let large = with_ranges_on_every_line(large_model());
    for model in [with_ranges_on_every_line(reference_model()), triangular] {
        for of in 1..=4 {
            for draws in [0, 1, 3, 12, 37] {
                assert!(
                    check_split(&model, draws, of).is_ok(),
                    "{of} parts, {draws} draws"
                );
            }
        }
    }
    for of in 2..=4 {
        assert!(
            check_split(&large, 7, of).is_ok(),
            "large model, {of} parts"
        );
    }
}
