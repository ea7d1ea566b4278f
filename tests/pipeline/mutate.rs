//! An example model changed by a list of bytes, read as edits that duplicate ids and
//! references, set figures up to `Decimal`'s limits (negative too), drop items, empty lists,
//! point references at missing items and stretch horizons. The whole-model fuzz target and the
//! property test (tests/model_props.rs) make their models this way.

use pooled_budgets::model::{
    large_model, reference_model, small_model, templates, AmountRule, FinancialYear, Horizon,
    Model, Money, Outturn, PartnerId, PartnerShare, Percent, PoolId, RiskShare, ScenarioId, Split,
    TierBearer, TierLimit, YearAmount, YearForecast,
};
use rust_decimal::Decimal;

/// Reads the fuzz bytes as small numbers; zero once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }

    fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    /// Any decimal, weighted towards the edges: zero, ±small, ±£1 trillion, ±`Decimal::MAX`.
    fn decimal(&mut self) -> Decimal {
        let negative = self.byte() % 3 == 0;
        let value = match self.below(6) {
            0 => Decimal::ZERO,
            1 => Decimal::from(self.u32()),
            2 => Decimal::new(i64::from(self.u32()), u32::from(self.byte() % 29)),
            3 => Decimal::from(1_000_000_000_000_i64) + Decimal::from(self.byte()),
            4 => Decimal::MAX,
            _ => Decimal::from_i128_with_scale(
                50_000_000_000_000_000_000_000_000_000,
                u32::from(self.byte() % 29),
            ),
        };
        if negative {
            -value
        } else {
            value
        }
    }

    fn money(&mut self) -> Money {
        Money::from_decimal(self.decimal())
    }

    fn percent(&mut self) -> Percent {
        Percent::new(self.decimal())
    }

    /// An id near the small ones examples use, or anywhere.
    fn id(&mut self) -> u32 {
        match self.below(4) {
            0 => self.u32(),
            _ => u32::from(self.byte() % 24),
        }
    }

    fn shares(&mut self) -> Vec<PartnerShare> {
        (0..self.below(5))
            .map(|_| PartnerShare {
                partner: PartnerId(self.id()),
                percent: self.percent(),
            })
            .collect()
    }

    fn split(&mut self) -> Split {
        match self.below(4) {
            0 => Split::NoSharing,
            1 => Split::ProRata {
                capped: self.byte() % 2 == 0,
            },
            2 => Split::FixedPercentages {
                shares: self.shares(),
            },
            _ => Split::HostBears,
        }
    }

    fn risk_share(&mut self) -> RiskShare {
        match self.below(4) {
            0 => RiskShare::FixedPercentages {
                shares: self.shares(),
            },
            1 => RiskShare::Tiered {
                limit: if self.byte() % 2 == 0 {
                    TierLimit::Amount {
                        amount: self.money(),
                    }
                } else {
                    TierLimit::PercentOfPlanned {
                        percent: self.percent(),
                    }
                },
                bearer: if self.byte() % 2 == 0 {
                    TierBearer::Host
                } else {
                    TierBearer::Commissioner
                },
                rest: self.split(),
            },
            2 => RiskShare::OrderedSteps { then: self.split() },
            _ => self.split().as_risk_share(),
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
                amounts: (0..self.below(12))
                    .map(|_| YearAmount {
                        year: FinancialYear(2020 + self.byte() as u16 % 20),
                        amount: self.money(),
                    })
                    .collect(),
            },
            _ => AmountRule::PercentOfBaseline {
                percent: self.percent(),
            },
        }
    }
}

/// An example model (the large one only `with_large`: through the whole pipeline it takes
/// seconds in a debug or fuzzing build) changed by `bytes`, one edit per few bytes.
pub fn mutated(bytes: &[u8], with_large: bool) -> Model {
    let mut bytes = Bytes(bytes);
    let mut model = match bytes.below(8) {
        7 if with_large => large_model(),
        0..=2 => small_model(),
        3 => templates::blank(),
        4 | 5 => {
            let all = templates::all();
            let at = bytes.below(all.len());
            all.into_iter()
                .nth(at)
                .map_or_else(reference_model, |t| t.model)
        }
        _ => reference_model(),
    };
    while !bytes.0.is_empty() {
        edit(&mut model, &mut bytes);
    }
    model
}

fn edit(model: &mut Model, b: &mut Bytes) {
    let kind = b.below(24);
    if kind == 20 {
        if let Some(copy) = model.scenarios.get(b.below(model.scenarios.len())).cloned() {
            model.scenarios.push(copy);
        }
        return;
    }
    if kind == 21 {
        model.base_scenario = ScenarioId(b.id());
        return;
    }
    let option = b.below(model.scenarios.len());
    let Some(s) = model.scenarios.get_mut(option) else {
        return;
    };
    match kind {
        // Duplicate an item, id and all.
        0 => {
            if let Some(p) = s.partners.get(b.below(s.partners.len())).cloned() {
                s.partners.push(p);
            }
        }
        1 => {
            if let Some(p) = s.pools.get(b.below(s.pools.len())).cloned() {
                s.pools.push(p);
            }
        }
        2 => {
            if let Some(c) = s.contributions.get(b.below(s.contributions.len())).cloned() {
                s.contributions.push(c);
            }
        }
        3 => {
            if let Some(l) = s.lines.get(b.below(s.lines.len())).cloned() {
                s.lines.push(l);
            }
        }
        // Give an item another id (often one already taken), or point a reference anywhere.
        4 => {
            let id = b.id();
            let at = b.below(s.lines.len());
            if let Some(l) = s.lines.get_mut(at) {
                l.id.0 = id;
            }
        }
        5 => {
            let id = b.id();
            let at = b.below(s.partners.len());
            if let Some(p) = s.partners.get_mut(at) {
                p.id.0 = id;
            }
        }
        6 => {
            let (id, at) = (b.id(), b.below(s.pools.len()));
            if let Some(p) = s.pools.get_mut(at) {
                p.id.0 = id;
            }
        }
        7 => {
            let (partner, pool, at) = (b.id(), b.id(), b.below(s.contributions.len()));
            if let Some(c) = s.contributions.get_mut(at) {
                c.partner = PartnerId(partner);
                c.pool = PoolId(pool);
            }
        }
        8 => {
            let (partner, at) = (b.id(), b.below(s.pools.len()));
            if let Some(p) = s.pools.get_mut(at) {
                p.host = PartnerId(partner);
            }
        }
        // Figures: rules, amounts and percentages up to Decimal's limits.
        9 => {
            let rule = b.risk_share();
            let at = b.below(s.pools.len());
            if let Some(p) = s.pools.get_mut(at) {
                p.risk_share = rule;
            }
        }
        10 => {
            let rule = (b.byte() % 2 == 0).then(|| b.risk_share());
            let at = b.below(s.lines.len());
            if let Some(l) = s.lines.get_mut(at) {
                l.risk_share = rule;
            }
        }
        11 => {
            let (base, growth, savings) = (b.money(), b.percent(), b.percent());
            let at = b.below(s.lines.len());
            let horizon = s.horizon;
            if let Some(l) = s.lines.get_mut(at) {
                l.budget = pooled_budgets::model::SpendLine::grown_budget(base, growth, horizon)
                    .unwrap_or_default();
                l.savings = savings;
            }
        }
        12 => {
            let rule = b.amount_rule();
            let at = b.below(s.contributions.len());
            if let Some(c) = s.contributions.get_mut(at) {
                c.rule = rule;
            }
        }
        13 => {
            let year = FinancialYear(2020 + b.byte() as u16 % 20);
            let outturn = match b.below(3) {
                0 => Outturn::AsPlanned,
                1 => Outturn::VariancePercent {
                    percent: b.percent(),
                },
                _ => Outturn::VarianceAmount { amount: b.money() },
            };
            let at = b.below(s.lines.len());
            if let Some(l) = s.lines.get_mut(at) {
                l.forecast.push(YearForecast { year, outturn });
            }
        }
        14 => {
            let (opening, set_aside) = (b.money(), b.money());
            let at = b.below(s.pools.len());
            if let Some(p) = s.pools.get_mut(at) {
                p.reserve.opening = opening;
                p.reserve.set_aside_per_year = set_aside;
            }
        }
        15 => {
            let (budget, growth) = (b.money(), b.percent());
            let at = b.below(s.partners.len());
            if let Some(p) = s.partners.get_mut(at) {
                p.baseline_budget = Some(budget);
                p.baseline_growth = growth;
            }
        }
        // Horizons, including absurd ones.
        16 => {
            s.horizon = match b.below(3) {
                0 => Horizon::new(FinancialYear(b.byte() as u16 * 257), b.u32()),
                _ => Horizon::new(
                    FinancialYear(2020 + b.byte() as u16 % 20),
                    b.below(16) as u32,
                ),
            };
        }
        // Remove items, or empty whole lists.
        17 => {
            let at = b.below(s.partners.len());
            if at < s.partners.len() {
                s.partners.remove(at);
            }
        }
        18 => match b.below(5) {
            0 => s.partners.clear(),
            1 => s.pools.clear(),
            2 => s.contributions.clear(),
            3 => s.lines.clear(),
            _ => s.ring_fences.clear(),
        },
        19 => {
            if let Some(fence) = s.ring_fences.get(b.below(s.ring_fences.len())).cloned() {
                s.ring_fences.push(fence);
            }
        }
        _ => {
            let id = b.id();
            let at = b.below(model.scenarios.len());
            if let Some(s) = model.scenarios.get_mut(at) {
                s.id = ScenarioId(id);
            }
        }
    }
}
