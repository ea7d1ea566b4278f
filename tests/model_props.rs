//! Property tests: splits always add up; compute is deterministic and never panics, whatever the
//! model (valid or not); serde, autosave and model-file round trips are exact; no penny appears
//! or disappears.

use pooled_budgets::codec::{model_file, saved};
use pooled_budgets::model::round_half_away_from_zero;
use pooled_budgets::model::{
    compare, compute, compute_reusing, reference_model, split, validate, AmountRule,
    ContingencyReserve, Contribution, ContributionId, FinancialYear, FundingStream, Horizon,
    MinimumRule, Model, Money, Obligation, Outturn, Partner, PartnerId, PartnerKind, PartnerShare,
    Percent, Pool, PoolId, PoolType, Results, RingFence, RingFenceRequirement, RiskShare, Scenario,
    ScenarioId, SpendLine, Split, TierBearer, TierLimit, UnderspendTreatment, YearAmount,
    YearForecast, SCHEMA_VERSION,
};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

#[path = "pipeline/mutate.rs"]
mod mutate;
mod pipeline;

/// Turns a list of random numbers into model inputs, so one simple strategy can produce any
/// shape of model, including nonsense: dangling ids, empty names, absurd amounts and horizons.
struct Genes<'a> {
    values: &'a [u64],
    at: usize,
}

impl Genes<'_> {
    fn next(&mut self) -> u64 {
        let value = if self.values.is_empty() {
            0
        } else {
            self.values[self.at % self.values.len()]
        };
        self.at += 1;
        value.rotate_left((self.at % 64) as u32)
            ^ (self.at as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Clone>(&mut self, options: &[T]) -> T {
        options[self.below(options.len() as u64) as usize].clone()
    }

    fn money(&mut self) -> Money {
        let raw = self.next();
        let sign = if raw % 7 == 0 { -1 } else { 1 };
        match self.below(5) {
            0 => Money::ZERO,
            1 | 2 => Money::from_pence(sign * (raw % 100_000_000_000) as i64),
            3 => Money::pounds(sign * (raw % 2_000_000_000_000) as i64),
            _ => Money::from_decimal(Decimal::MAX / Decimal::from(1 + raw % 1000)),
        }
    }

    fn percent(&mut self) -> Percent {
        match self.below(6) {
            0 => Percent::ZERO,
            1 => Percent::from_hundredths(10_000),
            2 => Percent::new(
                Decimal::from(self.next() % 1_000_000_000_000_000_000)
                    * Decimal::from(1_000_000_000),
            ),
            _ => Percent::from_hundredths((self.below(40_000) as i64) - 12_000),
        }
    }

    fn year(&mut self) -> FinancialYear {
        FinancialYear(if self.below(8) == 0 {
            self.next() as u16
        } else {
            2023 + self.below(14) as u16
        })
    }

    fn name(&mut self) -> String {
        self.pick(&["", "  ", "Better Care Fund", "ICB", "Reablement", "£ & < >"])
            .to_string()
    }

    fn shares(&mut self) -> Vec<PartnerShare> {
        (0..self.below(4))
            .map(|_| PartnerShare {
                partner: PartnerId(self.below(6) as u32),
                percent: self.percent(),
            })
            .collect()
    }

    fn split(&mut self) -> Split {
        match self.below(4) {
            0 => Split::NoSharing,
            1 => Split::ProRata {
                capped: self.below(2) == 0,
            },
            2 => Split::FixedPercentages {
                shares: self.shares(),
            },
            _ => Split::HostBears,
        }
    }

    fn risk_share(&mut self) -> RiskShare {
        match self.below(6) {
            0 => RiskShare::NoSharing,
            1 => RiskShare::ProRata {
                capped: self.below(2) == 0,
            },
            2 => RiskShare::FixedPercentages {
                shares: self.shares(),
            },
            3 => RiskShare::HostBears,
            4 => RiskShare::Tiered {
                limit: if self.below(2) == 0 {
                    TierLimit::Amount {
                        amount: self.money(),
                    }
                } else {
                    TierLimit::PercentOfPlanned {
                        percent: self.percent(),
                    }
                },
                bearer: self.pick(&[TierBearer::Host, TierBearer::Commissioner]),
                rest: self.split(),
            },
            _ => RiskShare::OrderedSteps { then: self.split() },
        }
    }

    fn amount_rule(&mut self) -> AmountRule {
        match self.below(4) {
            0 => AmountRule::Fixed {
                amount: self.money(),
            },
            1 => AmountRule::Uplift {
                base: self.money(),
                uplift: self.percent(),
            },
            2 => AmountRule::PerYear {
                amounts: (0..self.below(6))
                    .map(|_| YearAmount {
                        year: self.year(),
                        amount: self.money(),
                    })
                    .collect(),
            },
            _ => AmountRule::PercentOfBaseline {
                percent: self.percent(),
            },
        }
    }

    fn scenario(&mut self, id: u32) -> Scenario {
        let horizon = Horizon::new(
            self.year(),
            if self.below(10) == 0 {
                self.next() as u32
            } else {
                self.below(12) as u32
            },
        );
        let partners = (0..self.below(5))
            .map(|_| {
                let mut partner = Partner::new(
                    self.below(6) as u32,
                    &self.name(),
                    &self.name(),
                    PartnerKind::Council,
                );
                if self.below(2) == 0 {
                    partner.baseline_budget = Some(self.money());
                    partner.baseline_growth = self.percent();
                }
                partner
            })
            .collect();
        let pools = (0..self.below(4))
            .map(|_| {
                let mut pool = Pool::new(
                    self.below(5) as u32,
                    &self.name(),
                    PartnerId(self.below(6) as u32),
                    self.risk_share(),
                );
                pool.pool_type = self.pick(&[
                    PoolType::Pooled,
                    PoolType::Aligned,
                    PoolType::LeadCommissioner,
                ]);
                pool.underspend = self.pick(&[
                    UnderspendTreatment::ReturnedProRata,
                    UnderspendTreatment::CarriedForward,
                    UnderspendTreatment::HeldAsContingency,
                ]);
                pool.reserve = ContingencyReserve {
                    opening: self.money(),
                    set_aside_per_year: self.money(),
                };
                pool
            })
            .collect();
        let contributions = (0..self.below(7))
            .map(|i| Contribution {
                id: ContributionId(i as u32),
                name: self.name(),
                partner: PartnerId(self.below(6) as u32),
                pool: PoolId(self.below(5) as u32),
                stream: self.pick(FundingStream::ALL),
                obligation: self.pick(&[Obligation::Mandatory, Obligation::Voluntary]),
                rule: self.amount_rule(),
            })
            .collect();
        let lines = (0..self.below(8))
            .map(|i| {
                let mut line = SpendLine::new(
                    i as u32,
                    &self.name(),
                    PoolId(self.below(5) as u32),
                    PartnerId(self.below(6) as u32),
                    Money::ZERO,
                    horizon,
                );
                let (first, growth) = (self.money(), self.percent());
                line.budget = SpendLine::grown_budget(first, growth, horizon).unwrap_or_default();
                line.savings = self.percent();
                line.ring_fence = self.pick(&[
                    None,
                    Some(RingFence::AdultSocialCare),
                    Some(RingFence::OutOfHospital),
                ]);
                line.forecast = (0..self.below(4))
                    .map(|_| YearForecast {
                        year: self.year(),
                        outturn: match self.below(3) {
                            0 => Outturn::AsPlanned,
                            1 => Outturn::VariancePercent {
                                percent: self.percent(),
                            },
                            _ => Outturn::VarianceAmount {
                                amount: self.money(),
                            },
                        },
                    })
                    .collect();
                if self.below(3) == 0 {
                    line.risk_share = Some(self.risk_share());
                }
                line
            })
            .collect();
        let ring_fences = (0..self.below(3))
            .map(|_| RingFenceRequirement {
                pool: PoolId(self.below(5) as u32),
                ring_fence: self.pick(&[RingFence::AdultSocialCare, RingFence::OutOfHospital]),
                minimum: if self.below(2) == 0 {
                    MinimumRule::Amount {
                        rule: self.amount_rule(),
                    }
                } else {
                    MinimumRule::ShareOfStream {
                        stream: self.pick(FundingStream::ALL),
                        percent: self.percent(),
                    }
                },
            })
            .collect();
        Scenario {
            id: ScenarioId(id),
            name: self.name(),
            description: String::new(),
            horizon,
            partners,
            pools,
            contributions,
            lines,
            ring_fences,
            link: None,
        }
    }

    fn model(&mut self) -> Model {
        Model {
            schema_version: if self.below(5) == 0 {
                7
            } else {
                SCHEMA_VERSION
            },
            forecast_entry: self.pick(&[
                pooled_budgets::model::ForecastEntry::Variance,
                pooled_budgets::model::ForecastEntry::Spend,
            ]),
            money_display: pooled_budgets::model::MoneyDisplay {
                unit: self.pick(pooled_budgets::model::MoneyUnit::ALL),
                negatives: self.pick(pooled_budgets::model::NegativeStyle::ALL),
            },
            name: self.name(),
            scenarios: (0..self.below(3) + 1)
                .map(|i| self.scenario(i as u32).into())
                .collect(),
            base_scenario: ScenarioId(self.below(3) as u32),
            paper: Default::default(),
            uncertainty: self.uncertainty(),
        }
    }

    /// Ranges on random line ids (some not in any option), drivers on random pools, with the
    /// same extreme figures as the rest.
    fn uncertainty(&mut self) -> pooled_budgets::model::uncertainty::Uncertainty {
        use pooled_budgets::model::uncertainty::{LineRange, PoolDriver, Shape, Uncertainty};
        use pooled_budgets::model::{LineId, Outturn, PoolId};
        let outturn = |g: &mut Self| match g.below(4) {
            0 => Outturn::AsPlanned,
            1 => Outturn::VariancePercent {
                percent: g.percent(),
            },
            2 => Outturn::VarianceAmount { amount: g.money() },
            _ => Outturn::Spend { amount: g.money() },
        };
        let ranges = (0..self.below(4))
            .map(|_| LineRange {
                line: LineId(self.below(6) as u32),
                year: (self.below(2) == 0).then(|| self.year()),
                low: outturn(self),
                likely: outturn(self),
                high: outturn(self),
            })
            .collect();
        let drivers = (0..self.below(2))
            .map(|_| PoolDriver {
                pool: PoolId(self.below(4) as u32),
                low: self.percent(),
                likely: self.percent(),
                high: self.percent(),
            })
            .collect();
        Uncertainty {
            shape: self.pick(&[Shape::Pert, Shape::Triangular]),
            draws: self.pick(&[1_000, 5_000, 0, 20_001]),
            seed: self.next(),
            ranges,
            drivers,
            thresholds: Vec::new(),
        }
    }
}

/// Everything partners pay plus money already in the pool is spent, set aside, carried
/// forward or held; every partner's net cost is its contribution plus its gap, variance and
/// unallocated shares; the funding gap and unallocated income match the plan (src/model/reconcile.rs).
fn assert_nothing_lost(results: &Results) {
    assert_eq!(results.reconcile(), Ok(()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_rounding_rule_is_half_away_from_zero(
        mantissa in any::<i64>(),
        scale in 0u32..16,
        places in 0u32..4,
    ) {
        let value = Decimal::new(mantissa, scale);
        let mut expected = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
        expected.rescale(places);
        prop_assert_eq!(round_half_away_from_zero(value, places), expected);
    }

    #[test]
    fn fast_growth_and_percentages_match_decimal_arithmetic(
        pence in -100_000_000_000_000i64..100_000_000_000_000,
        hundredths in -10_000i64..10_000,
    ) {
        let amount = Money::from_pence(pence);
        let rate = Percent::from_hundredths(hundredths);
        let fraction = rate.as_decimal() / Decimal::ONE_HUNDRED;
        let grown = Money::from_decimal(amount.as_decimal() * (Decimal::ONE + fraction));
        prop_assert_eq!(amount.checked_grow(rate), Some(grown));
        let part = Money::from_decimal(amount.as_decimal() * fraction);
        prop_assert_eq!(amount.checked_percent(rate), Some(part));
    }

    #[test]
    fn splits_always_add_up_exactly(
        pence in -100_000_000_000_000i64..100_000_000_000_000,
        weights in prop::collection::vec(0u64..1_000_000_000_000, 1..20),
    ) {
        let total = Money::from_pence(pence);
        let weights: Vec<Decimal> = weights.into_iter().map(Decimal::from).collect();
        match split(total, &weights) {
            Ok(parts) => {
                prop_assert_eq!(parts.len(), weights.len());
                prop_assert_eq!(Money::checked_sum(parts.iter().copied()), Some(total));
                for (part, weight) in parts.iter().zip(&weights) {
                    // Every part has the sign of the whole (or is zero).
                    prop_assert!(part.is_zero() || part.is_negative() == (pence < 0));
                    if weight.is_zero() {
                        prop_assert!(part.is_zero());
                    }
                }
            }
            Err(_) => prop_assert!(weights.iter().all(|w| w.is_zero())),
        }
    }

    #[test]
    fn no_model_makes_validate_compute_or_compare_panic(genes in prop::collection::vec(any::<u64>(), 0..300)) {
        let model = Genes { values: &genes, at: 0 }.model();
        let _ = validate(&model);
        for scenario in &model.scenarios {
            if let Ok(results) = compute(scenario) {
                assert_nothing_lost(&results);
            }
        }
        if let [first, second, ..] = model.scenarios.as_slice() {
            let _ = compare(first, second);
        }
    }

    #[test]
    fn compute_is_deterministic(genes in prop::collection::vec(any::<u64>(), 0..300)) {
        let model = Genes { values: &genes, at: 0 }.model();
        for scenario in &model.scenarios {
            prop_assert_eq!(compute(scenario), compute(scenario));
        }
    }

    #[test]
    fn serde_round_trip_is_identity(genes in prop::collection::vec(any::<u64>(), 0..300)) {
        let model = Genes { values: &genes, at: 0 }.model();
        let json = serde_json::to_string(&model).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: Model = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
        prop_assert_eq!(&back, &model);
        // The autosave and the model file, through their own readers (version check, migration).
        if model.schema_version > SCHEMA_VERSION {
            prop_assert_eq!(saved::decode(&saved::encode(&model)), Err(saved::ReadError::Newer(model.schema_version)));
            let refused = model_file::decode(model_file::encode(&model).as_bytes());
            prop_assert!(matches!(refused, model_file::Opened::Refused(p) if p[0].message.contains("newer version")));
            return Ok(());
        }
        prop_assert_eq!(saved::decode(&saved::encode(&model)), Ok(model.clone()));
        let file = model_file::encode(&model);
        match model_file::decode(file.as_bytes()) {
            // Random models are often invalid: such a file still opens, with its problems listed.
            model_file::Opened::Model(back) => {
                prop_assert!(validate(&model).is_empty());
                prop_assert_eq!(back, model);
            }
            model_file::Opened::Incomplete(back, problems) => {
                prop_assert_eq!(problems.len(), validate(&model).len());
                prop_assert_eq!(back, model);
            }
            model_file::Opened::Refused(problems) => {
                return Err(TestCaseError::fail(format!("{problems:?}: {file}")));
            }
        }
    }

    #[test]
    fn valid_variations_of_the_reference_model_compute_and_balance(
        genes in prop::collection::vec(any::<u64>(), 1..100),
    ) {
        let mut genes = Genes { values: &genes, at: 0 };
        let mut model = reference_model();
        for scenario in &mut model.scenarios {
            for pool in &mut scenario.pools {
                pool.underspend = genes.pick(&[
                    UnderspendTreatment::ReturnedProRata,
                    UnderspendTreatment::CarriedForward,
                    UnderspendTreatment::HeldAsContingency,
                ]);
            }
            for line in &mut scenario.lines {
                line.forecast = vec![YearForecast {
                    year: FinancialYear(2025 + genes.below(5) as u16),
                    // Underspends up to £300,000: the smallest line plans £400,000, and an underspend
                    // larger than the plan (a negative spend) is refused by validation.
                    outturn: Outturn::VarianceAmount { amount: Money::pounds(genes.below(1_300_000) as i64 - 300_000) },
                }];
            }
        }
        prop_assert!(validate(&model).is_empty());
        for scenario in &model.scenarios {
            let results = compute(scenario).map_err(|e| TestCaseError::fail(e.to_string()))?;
            assert_nothing_lost(&results);
        }
        let file = model_file::encode(&model);
        prop_assert_eq!(model_file::decode(file.as_bytes()), model_file::Opened::Model(model));
    }
}

/// Two options of one random model (ids made unique within each list), the second made from
/// the first by taking a random share of items and fields from an unrelated random option, so
/// both near copies and wholly different options occur.
fn base_and_option(genes: &[u64]) -> (Scenario, Scenario) {
    let mut g = Genes {
        values: genes,
        at: 0,
    };
    let mut model = Model {
        scenarios: vec![g.scenario(1).into(), g.scenario(2).into()],
        ..g.model()
    };
    pooled_budgets::model::repair_duplicate_ids(&mut model);
    let (base, other) = (
        Scenario::clone(&model.scenarios[0]),
        Scenario::clone(&model.scenarios[1]),
    );
    let mut option = base.clone();
    option.id = other.id;
    match g.below(4) {
        0 => {
            option = Scenario {
                id: other.id,
                ..other
            }
        }
        1 => {
            option.pools = other.pools.clone();
            option.horizon = other.horizon;
        }
        2 => {
            for (line, from) in option.lines.iter_mut().zip(&other.lines) {
                if g.below(2) == 0 {
                    line.budget = from.budget.clone();
                    line.forecast = from.forecast.clone();
                }
                if g.below(3) == 0 {
                    line.risk_share = from.risk_share.clone();
                }
            }
            if g.below(2) == 0 {
                option.lines.reverse();
            }
        }
        _ => {
            option.partners.truncate(g.below(4) as usize);
            option
                .contributions
                .extend(other.contributions.iter().cloned());
            option.ring_fences.extend(other.ring_fences.iter().cloned());
        }
    }
    let mut pair = Model {
        scenarios: vec![base.into(), option.into()],
        ..model
    };
    pooled_budgets::model::repair_duplicate_ids(&mut pair);
    let option = Scenario::clone(&pair.scenarios.pop().unwrap_or_else(|| unreachable!()));
    let base = Scenario::clone(&pair.scenarios.pop().unwrap_or_else(|| unreachable!()));
    (base, option)
}

proptest! {
    /// Issue #15: an option is its base plus its differences, exactly; computed as a linked
    /// option it gives what the same figures give entered as an independent option; and a
    /// model holding it linked is saved with only the overrides and read back the same.
    #[test]
    fn resolving_the_differences_gives_the_option_back(genes in prop::collection::vec(any::<u64>(), 0..300)) {
        use pooled_budgets::model::linked::{differences, resolve, Link};
        let (base, option) = base_and_option(&genes);
        let overrides = differences(&base, &option);
        let resolved = Scenario {
            id: option.id,
            name: option.name.clone(),
            description: option.description.clone(),
            ..resolve(&base, &overrides)
        };
        prop_assert_eq!(&resolved, &option);
        prop_assert_eq!(compute(&resolved), compute(&option));
        let mut model = Model {
            schema_version: SCHEMA_VERSION,
            name: "Linked".to_string(),
            scenarios: vec![base.clone().into(), option.clone().into()],
            base_scenario: base.id,
            forecast_entry: Default::default(),
            paper: Default::default(),
            uncertainty: Default::default(),
            money_display: Default::default(),
        };
        model.scenarios[1].link = Some(Link { based_on: base.id, overrides });
        let text = saved::encode(&model);
        let stored: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(stored["scenarios"][1].get("lines").is_none_or(|l| l.as_array().is_some_and(|a| a.is_empty())));
        prop_assert_eq!(saved::decode(&text), Ok(model));
    }
}

proptest! {
    // Each case runs the whole pipeline (up to six options, each computed and stressed), so fewer
    // cases than above keep this to a few seconds in a debug build.
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    /// Example models with duplicate ids and references, huge and negative figures, missing
    /// references, empty lists and long horizons, through everything the app does with a model:
    /// nothing panics, repair leaves no duplicate id, and a model validate accepts computes
    /// (tests/pipeline/mod.rs asserts those).
    #[test]
    fn changed_example_models_never_panic_and_valid_ones_compute(
        bytes in prop::collection::vec(any::<u8>(), 0..160),
    ) {
        let model = mutate::mutated(&bytes, false);
        pipeline::run(&model);
    }

    /// The random models above, through the same pipeline.
    #[test]
    fn random_models_never_panic_in_any_step(genes in prop::collection::vec(any::<u64>(), 0..300)) {
        let model = Genes { values: &genes, at: 0 }.model();
        pipeline::run(&model);
    }
}

/// Models the byte-driven changes cannot miss: every fixture with its first two lines, partners
/// and pools given one id, and a partner listed twice at the largest percentage.
#[test]
fn every_example_with_duplicates_and_huge_shares_survives_the_pipeline() {
    for with_large in [false, true] {
        let model = mutate::mutated(&[7, 0, 0], with_large);
        pipeline::run(&model);
    }
    let mut model = reference_model();
    for scenario in &mut model.scenarios {
        if let [first, second, ..] = scenario.lines.as_mut_slice() {
            second.id = first.id;
        }
        if let [first, second, ..] = scenario.partners.as_mut_slice() {
            second.id = first.id;
        }
        if let [first, second, ..] = scenario.pools.as_mut_slice() {
            second.id = first.id;
        }
        for pool in &mut scenario.pools {
            pool.risk_share = RiskShare::FixedPercentages {
                shares: vec![
                    PartnerShare {
                        partner: pool.host,
                        percent: Percent::new(Decimal::MAX)
                    };
                    2
                ],
            };
        }
    }
    let outcome = pipeline::run(&model);
    assert_eq!(outcome.over_limit, None);
    assert!(outcome
        .problems
        .iter()
        .any(|p| p.contains("the same as an earlier")));
    assert!(!outcome.repairs.is_empty());
    assert!(
        outcome.compute_errors.iter().all(Option::is_some),
        "{:?}",
        outcome.compute_errors
    );
}

/// `scenario` changed in one place chosen by `gene`: a contribution, a line, a pool's rule, a
/// partner's baseline, a name, or something removed; or not at all.
fn edited(scenario: &Scenario, gene: u64) -> Scenario {
    let mut edited = scenario.clone();
    let pick = |n: usize| (gene as usize / 16) % n.max(1);
    match gene % 8 {
        0 => {
            if let Some(c) = edited
                .contributions
                .get_mut(pick(scenario.contributions.len()))
            {
                c.rule = AmountRule::Fixed {
                    amount: Money::from_pence(gene as i64 % 10_000_000_000),
                };
            }
        }
        1 => {
            if let Some(line) = edited.lines.get_mut(pick(scenario.lines.len())) {
                line.savings = Percent::from_hundredths((gene % 5_000) as i64);
            }
        }
        2 => {
            if let Some(pool) = edited.pools.get_mut(pick(scenario.pools.len())) {
                pool.risk_share = RiskShare::HostBears;
            }
        }
        3 => {
            if let Some(partner) = edited.partners.get_mut(pick(scenario.partners.len())) {
                partner.baseline_budget = Some(Money::from_pence(gene as i64 % 1_000_000_000_000));
            }
        }
        4 if !edited.lines.is_empty() => {
            edited.lines.remove(pick(scenario.lines.len()));
        }
        5 if !edited.contributions.is_empty() => {
            edited
                .contributions
                .remove(pick(scenario.contributions.len()));
        }
        6 => {
            if let Some(line) = edited.lines.get_mut(pick(scenario.lines.len())) {
                line.name = format!("Renamed {gene}");
            }
        }
        _ => {}
    }
    edited
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// After any edit, results that reuse the unchanged pools of the last computation are
    /// exactly those computed afresh (the results panel computes this way on every edit).
    #[test]
    fn reusing_unchanged_pools_gives_the_figures_of_computing_afresh(
        genes in prop::collection::vec(any::<u64>(), 0..300),
        edits in prop::collection::vec(any::<u64>(), 1..6),
    ) {
        // Random models (often ones that cannot be computed) and the reference model's options.
        let random = Genes { values: &genes, at: 0 }.model();
        let reference = reference_model();
        for scenario in random.scenarios.iter().chain(&reference.scenarios) {
            let mut last = compute_reusing(scenario, None).ok();
            let mut current = (**scenario).clone();
            for gene in &edits {
                current = edited(&current, *gene);
                let reused = compute_reusing(&current, last.as_ref().map(|(r, f)| (r, f)));
                let afresh = compute(&current);
                prop_assert_eq!(reused.as_ref().map(|(r, _)| r), afresh.as_ref());
                last = reused.ok();
            }
        }
    }
}

/// The large model: each pool's first contribution changed in turn, one edit after another,
/// reusing the last computation each time, gives exactly the figures of computing afresh.
#[test]
fn reusing_pools_in_the_large_model_gives_the_figures_of_computing_afresh() {
    let model = pooled_budgets::model::large_model();
    let mut scenario = (**model.scenarios.first().expect("an option")).clone();
    let mut last = compute_reusing(&scenario, None).expect("the large model computes");
    for pool in scenario.pools.clone() {
        let at = scenario
            .contributions
            .iter()
            .position(|c| c.pool == pool.id)
            .expect("a contribution");
        scenario.contributions[at].rule = AmountRule::Fixed {
            amount: Money::from_pence(123_456_789),
        };
        let reused = compute_reusing(&scenario, Some((&last.0, &last.1))).expect("computes");
        assert_eq!(Ok(&reused.0), compute(&scenario).as_ref());
        last = reused;
    }
}
