//! Worked examples for every risk-share pattern and underspend treatment, with numbers small
//! enough to check by hand. The hand calculation is in each test's comment.
//!
//! Every example uses the same pool unless it says otherwise:
//!   partners: Council (1, the host), ICB (2), Trust (3)
//!   contributions each year: Council £600,000, ICB £300,000, Trust £100,000 (total £1,000,000)
//!   lines: "Reablement" commissioned by the Council, planned £600,000
//!          "Rapid response" commissioned by the ICB, planned £400,000
//! so the plan spends exactly the income and only forecast variances are shared.

use pooled_budgets::model::{
    compute, AmountRule, ContingencyReserve, Contribution, ContributionId, FinancialYear,
    FundingStream, Horizon, LineId, Money, Obligation, Outturn, Partner, PartnerId, PartnerKind,
    PartnerShare, Percent, Pool, PoolId, PoolYear, Results, RiskShare, Scenario, ScenarioId,
    SpendLine, Split, TierBearer, TierLimit, UnderspendTreatment, YearForecast,
};

const COUNCIL: PartnerId = PartnerId(1);
const ICB: PartnerId = PartnerId(2);

fn pounds(amount: i64) -> Money {
    Money::pounds(amount)
}

fn percent(points: i64) -> Percent {
    Percent::from_hundredths(points * 100)
}

fn pays(partner: u32, pool: u32, amount: i64) -> Contribution {
    Contribution {
        id: ContributionId(partner * 10 + pool),
        name: format!("Contribution {partner}"),
        partner: PartnerId(partner),
        pool: PoolId(pool),
        stream: FundingStream::Other,
        obligation: Obligation::Mandatory,
        rule: AmountRule::Fixed {
            amount: pounds(amount),
        },
    }
}

fn scenario(rule: RiskShare, underspend: UnderspendTreatment, years: u32) -> Scenario {
    let mut pool = Pool::new(1, "Test pool", COUNCIL, rule);
    pool.underspend = underspend;
    let h = Horizon::new(FinancialYear(2025), years);
    Scenario {
        id: ScenarioId(1),
        name: "Worked example".to_string(),
        description: String::new(),
        horizon: h,
        partners: vec![
            Partner::new(1, "Council", "Council", PartnerKind::Council),
            Partner::new(
                2,
                "Integrated care board",
                "ICB",
                PartnerKind::IntegratedCareBoard,
            ),
            Partner::new(3, "Trust", "Trust", PartnerKind::NhsTrust),
        ],
        pools: vec![pool],
        contributions: vec![
            pays(1, 1, 600_000),
            pays(2, 1, 300_000),
            pays(3, 1, 100_000),
        ],
        lines: vec![
            SpendLine::new(1, "Reablement", PoolId(1), COUNCIL, pounds(600_000), h),
            SpendLine::new(2, "Rapid response", PoolId(1), ICB, pounds(400_000), h),
        ],
        ring_fences: Vec::new(),
        link: None,
    }
}

/// Sets line `id`'s variance in `year` as an amount (negative is an underspend).
fn variance(scenario: &mut Scenario, id: u32, year: u16, amount: i64) {
    if let Some(line) = scenario.lines.iter_mut().find(|l| l.id == LineId(id)) {
        line.forecast.push(YearForecast {
            year: FinancialYear(year),
            outturn: Outturn::VarianceAmount {
                amount: pounds(amount),
            },
        });
    }
}

fn results(scenario: &Scenario) -> Results {
    compute(scenario).unwrap_or_else(|e| panic!("compute failed: {e}"))
}

fn year(results: &Results, offset: usize) -> &PoolYear {
    &results.pools[0].years[offset]
}

fn shares(values: [i64; 3]) -> Vec<Money> {
    values.iter().map(|v| pounds(*v)).collect()
}

#[test]
fn no_sharing_puts_each_overspend_on_its_commissioner() {
    // Reablement (Council) +£50,000; Rapid response (ICB) −£20,000, returned pro rata.
    // Overspend: Council 50,000.
    // Underspend 20,000 returned 60:30:10 → Council −12,000, ICB −6,000, Trust −2,000.
    // Shares: Council 50,000 − 12,000 = 38,000; ICB −6,000; Trust −2,000.
    // Net cost: 638,000; 294,000; 98,000 (= forecast spend 650,000 + 380,000 = 1,030,000).
    let mut s = scenario(
        RiskShare::NoSharing,
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    variance(&mut s, 1, 2025, 50_000);
    variance(&mut s, 2, 2025, -20_000);
    let r = results(&s);
    let y = year(&r, 0);
    assert_eq!(y.variance, pounds(30_000));
    assert_eq!(y.balance, pounds(-30_000));
    assert_eq!(y.variance_shares, shares([38_000, -6_000, -2_000]));
    assert_eq!(y.net_cost, shares([638_000, 294_000, 98_000]));
}

#[test]
fn pro_rata_follows_contributions() {
    // Reablement +£100,000 shared 600:300:100 → 60,000, 30,000, 10,000.
    let mut s = scenario(
        RiskShare::ProRata { capped: false },
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    variance(&mut s, 1, 2025, 100_000);
    let r = results(&s);
    assert_eq!(
        year(&r, 0).variance_shares,
        shares([60_000, 30_000, 10_000])
    );
}

#[test]
fn capped_pro_rata_stops_at_each_contribution_and_the_host_takes_the_rest() {
    // Pro rata shares reach a cap only once the overspend exceeds all contributions together.
    // Reablement +£1,200,000: pro rata would be 720,000 / 360,000 / 120,000, above every cap.
    // Pass 1: ICB and Trust are over their caps → fixed at 300,000 and 100,000.
    //   (The Council's 720,000 is also over its 600,000 cap → fixed at 600,000.)
    // Left over: 1,200,000 − 1,000,000 = 200,000, which falls on the host (Council).
    // Council 600,000 + 200,000 = 800,000; ICB 300,000; Trust 100,000.
    let mut s = scenario(
        RiskShare::ProRata { capped: true },
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    variance(&mut s, 1, 2025, 1_200_000);
    let r = results(&s);
    assert_eq!(
        year(&r, 0).variance_shares,
        shares([800_000, 300_000, 100_000])
    );
}

#[test]
fn fixed_percentages_ignore_contributions() {
    // 50:50 Council/ICB. Rapid response +£100,000 → Council 50,000, ICB 50,000, Trust nothing.
    let rule = RiskShare::FixedPercentages {
        shares: vec![
            PartnerShare {
                partner: COUNCIL,
                percent: percent(50),
            },
            PartnerShare {
                partner: ICB,
                percent: percent(50),
            },
        ],
    };
    let mut s = scenario(rule, UnderspendTreatment::ReturnedProRata, 1);
    variance(&mut s, 2, 2025, 100_000);
    let r = results(&s);
    assert_eq!(year(&r, 0).variance_shares, shares([50_000, 50_000, 0]));
}

#[test]
fn host_bears_everything() {
    // Rapid response (ICB's line) +£100,000; the host (Council) pays all of it.
    let mut s = scenario(
        RiskShare::HostBears,
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    variance(&mut s, 2, 2025, 100_000);
    let r = results(&s);
    assert_eq!(year(&r, 0).variance_shares, shares([100_000, 0, 0]));
}

#[test]
fn tiered_amount_puts_the_first_tier_on_the_commissioner() {
    // First £30,000 on the commissioner, the rest 50:50 Council/ICB.
    // Rapid response (ICB) +£100,000: ICB 30,000 first; rest 70,000 → 35,000 each.
    // Council 35,000; ICB 30,000 + 35,000 = 65,000.
    let rule = RiskShare::Tiered {
        limit: TierLimit::Amount {
            amount: pounds(30_000),
        },
        bearer: TierBearer::Commissioner,
        rest: Split::FixedPercentages {
            shares: vec![
                PartnerShare {
                    partner: COUNCIL,
                    percent: percent(50),
                },
                PartnerShare {
                    partner: ICB,
                    percent: percent(50),
                },
            ],
        },
    };
    let mut s = scenario(rule, UnderspendTreatment::ReturnedProRata, 1);
    variance(&mut s, 2, 2025, 100_000);
    let r = results(&s);
    let y = year(&r, 0);
    assert_eq!(y.settlements[0].first_tier, pounds(30_000));
    assert_eq!(y.variance_shares, shares([35_000, 65_000, 0]));
}

#[test]
fn tiered_percentage_puts_the_first_tier_on_the_host() {
    // First 5% of planned spend (5% × 1,000,000 = 50,000) on the host, the rest pro rata.
    // Reablement +£80,000: Council 50,000; rest 30,000 → 18,000 / 9,000 / 3,000.
    // Council 68,000; ICB 9,000; Trust 3,000.
    let rule = RiskShare::Tiered {
        limit: TierLimit::PercentOfPlanned {
            percent: percent(5),
        },
        bearer: TierBearer::Host,
        rest: Split::ProRata { capped: false },
    };
    let mut s = scenario(rule, UnderspendTreatment::ReturnedProRata, 1);
    variance(&mut s, 1, 2025, 80_000);
    let r = results(&s);
    assert_eq!(year(&r, 0).variance_shares, shares([68_000, 9_000, 3_000]));
}

fn ordered_steps(reserve: i64, underspend: UnderspendTreatment, years: u32) -> Scenario {
    let mut s = scenario(
        RiskShare::OrderedSteps {
            then: Split::ProRata { capped: false },
        },
        underspend,
        years,
    );
    s.pools[0].reserve = ContingencyReserve {
        opening: pounds(reserve),
        set_aside_per_year: Money::ZERO,
    };
    s
}

#[test]
fn ordered_steps_net_off_then_draw_on_the_reserve_then_share() {
    // Reserve £50,000. Reablement +£100,000, Rapid response −£30,000.
    // 1. Net off: 100,000 − 30,000 = 70,000 overspend (30,000 netted).
    // 2. Reserve: draw 50,000 → 20,000 left, reserve closes at 0.
    // 3. Share 20,000 pro rata → 12,000 / 6,000 / 2,000.
    let mut s = ordered_steps(50_000, UnderspendTreatment::ReturnedProRata, 1);
    variance(&mut s, 1, 2025, 100_000);
    variance(&mut s, 2, 2025, -30_000);
    let r = results(&s);
    let y = year(&r, 0);
    assert_eq!(y.settlements[0].netted, pounds(30_000));
    assert_eq!(y.reserve.drawn, pounds(50_000));
    assert_eq!(y.reserve.closing, Money::ZERO);
    assert_eq!(y.variance_shares, shares([12_000, 6_000, 2_000]));
}

#[test]
fn ordered_steps_with_a_net_underspend_return_it() {
    // Reablement +£10,000, Rapid response −£30,000: net underspend 20,000, reserve untouched,
    // returned pro rata → −12,000 / −6,000 / −2,000.
    let mut s = ordered_steps(50_000, UnderspendTreatment::ReturnedProRata, 1);
    variance(&mut s, 1, 2025, 10_000);
    variance(&mut s, 2, 2025, -30_000);
    let r = results(&s);
    let y = year(&r, 0);
    assert_eq!(y.reserve.drawn, Money::ZERO);
    assert_eq!(y.underspend.total, pounds(20_000));
    assert_eq!(y.variance_shares, shares([-12_000, -6_000, -2_000]));
}

#[test]
fn underspend_carried_forward_is_next_years_income() {
    // Ordered steps, underspend carried forward, two years.
    // 2025/26: Rapid response −£40,000 → carried forward; nobody's share changes.
    // 2026/27: income 1,000,000 + 40,000 carried in; plan 1,000,000, so 40,000 unspent.
    //   Reablement +£25,000. Net: 25,000 − 40,000 = 15,000 underspend.
    //   Last year, so it is returned pro rata → −9,000 / −4,500 / −1,500 in all. The 40,000
    //   carried in is this year's unallocated income: the variance alone (+25,000, shared pro
    //   rata: 15,000 / 7,500 / 2,500) is the variance share, the rest the unallocated share.
    let mut s = ordered_steps(0, UnderspendTreatment::CarriedForward, 2);
    variance(&mut s, 2, 2025, -40_000);
    variance(&mut s, 1, 2026, 25_000);
    let r = results(&s);
    let first = year(&r, 0);
    assert_eq!(first.underspend.carried_forward, pounds(40_000));
    assert_eq!(first.variance_shares, shares([0, 0, 0]));
    let second = year(&r, 1);
    assert_eq!(second.carried_in, pounds(40_000));
    assert_eq!(second.income, pounds(1_040_000));
    assert_eq!(second.underspend.carried_forward, Money::ZERO);
    assert_eq!(second.unallocated_income, pounds(40_000));
    assert_eq!(second.variance_shares, shares([15_000, 7_500, 2_500]));
    assert_eq!(
        second.unallocated_shares,
        shares([-24_000, -12_000, -4_000])
    );
}

#[test]
fn underspend_held_as_contingency_pays_for_a_later_overspend() {
    // Ordered steps, underspend held as contingency, two years, no opening reserve.
    // 2025/26: Rapid response −£40,000 → into the reserve (closes at 40,000).
    // 2026/27: Reablement +£60,000 → draw 40,000; share 20,000 → 12,000 / 6,000 / 2,000.
    let mut s = ordered_steps(0, UnderspendTreatment::HeldAsContingency, 2);
    variance(&mut s, 2, 2025, -40_000);
    variance(&mut s, 1, 2026, 60_000);
    let r = results(&s);
    assert_eq!(year(&r, 0).reserve.closing, pounds(40_000));
    assert_eq!(year(&r, 0).variance_shares, shares([0, 0, 0]));
    let second = year(&r, 1);
    assert_eq!(second.reserve.opening, pounds(40_000));
    assert_eq!(second.reserve.drawn, pounds(40_000));
    assert_eq!(second.variance_shares, shares([12_000, 6_000, 2_000]));
}

#[test]
fn underspend_returned_pro_rata() {
    // Pro rata, Reablement −£50,000 → returned 60:30:10 → −30,000 / −15,000 / −5,000.
    let mut s = scenario(
        RiskShare::ProRata { capped: false },
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    variance(&mut s, 1, 2025, -50_000);
    let r = results(&s);
    let y = year(&r, 0);
    assert_eq!(y.underspend.returned, shares([-30_000, -15_000, -5_000]));
    assert_eq!(y.net_cost, shares([570_000, 285_000, 95_000]));
}

#[test]
fn a_fixed_share_line_does_not_change_what_the_others_pay() {
    // Pool rule pro rata; Rapid response has its own rule: ICB 100%.
    // Reablement +£100,000 → 60,000 / 30,000 / 10,000 under the pool rule.
    // Rapid response +£40,000 → ICB alone. ICB 30,000 + 40,000 = 70,000.
    // Council and Trust pay the same as if Rapid response had no variance at all.
    let mut s = scenario(
        RiskShare::ProRata { capped: false },
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    s.lines[1].risk_share = Some(RiskShare::FixedPercentages {
        shares: vec![PartnerShare {
            partner: ICB,
            percent: percent(100),
        }],
    });
    variance(&mut s, 1, 2025, 100_000);
    let without = results(&s);
    variance(&mut s, 2, 2025, 40_000);
    let with = results(&s);
    assert_eq!(
        year(&with, 0).variance_shares,
        shares([60_000, 70_000, 10_000])
    );
    assert_eq!(
        year(&with, 0).variance_shares[0],
        year(&without, 0).variance_shares[0]
    );
    assert_eq!(
        year(&with, 0).variance_shares[2],
        year(&without, 0).variance_shares[2]
    );
    assert_eq!(year(&with, 0).settlements.len(), 2);
}

#[test]
fn pence_are_never_lost_when_sharing() {
    // Three equal contributions of £100, overspend £100.00 pro rata:
    // 33.333… each → 33.33 each, one penny left over → to the first (ties go to the lower index).
    let mut s = scenario(
        RiskShare::ProRata { capped: false },
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    s.contributions = vec![pays(1, 1, 100), pays(2, 1, 100), pays(3, 1, 100)];
    s.lines = vec![SpendLine::new(
        1,
        "Reablement",
        PoolId(1),
        COUNCIL,
        pounds(300),
        s.horizon,
    )];
    variance(&mut s, 1, 2025, 100);
    let r = results(&s);
    assert_eq!(
        year(&r, 0).variance_shares,
        vec![
            Money::from_pence(3334),
            Money::from_pence(3333),
            Money::from_pence(3333)
        ]
    );
}

#[test]
fn unspent_income_is_unallocated_and_a_plan_above_income_a_funding_gap() {
    // Contributions rise to £1,100,000 (Council pays 700,000); plan still £1,000,000.
    // £100,000 unspent → returned pro rata 700:300:100.
    // In pence: 10,000,000 × 7/11 = 6,363,636.36 → 6,363,636 (.36)
    //           10,000,000 × 3/11 = 2,727,272.73 → 2,727,272 (.73)
    //           10,000,000 × 1/11 =   909,090.91 →   909,090 (.91)
    // Sum 9,999,998: two pence left → Trust (.91) then ICB (.73).
    // → −63,636.36, −27,272.73, −9,090.91.
    let mut s = scenario(
        RiskShare::ProRata { capped: false },
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    s.contributions[0] = pays(1, 1, 700_000);
    let r = results(&s);
    let y = year(&r, 0);
    assert_eq!(y.balance, pounds(100_000));
    assert_eq!(y.unallocated_income, pounds(100_000));
    assert_eq!(y.variance_shares, shares([0, 0, 0]));
    assert_eq!(
        y.unallocated_shares,
        vec![
            Money::from_pence(-6_363_636),
            Money::from_pence(-2_727_273),
            Money::from_pence(-909_091)
        ]
    );

    // Contributions fall to £900,000 (Council pays 500,000) against a plan of £1,000,000:
    // a £100,000 gap, borne under no sharing by the host as if on its own line.
    let mut s = scenario(
        RiskShare::NoSharing,
        UnderspendTreatment::ReturnedProRata,
        1,
    );
    s.contributions[0] = pays(1, 1, 500_000);
    let r = results(&s);
    assert_eq!(year(&r, 0).funding_gap, pounds(100_000));
    assert_eq!(year(&r, 0).variance_shares, shares([0, 0, 0]));
    assert_eq!(year(&r, 0).gap_shares, shares([100_000, 0, 0]));
}
