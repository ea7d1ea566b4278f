//! A funding gap (planned spend above income) and unallocated income (income above planned
//! spend) are the plan's position, reported apart from each partner's share of the forecast
//! variance, and the pool's figures still reconcile to the penny.
//!
//! The unfunded plan of issue 14: a council (host) puts in £30.0m and an ICB £13.0m (£43.0m),
//! and the plan spends £55.3m (council lines £25.3m, ICB lines £30.0m): a gap of £12.3m.

use pooled_budgets::model::{
    compute, templates, AmountRule, Contribution, ContributionId, FinancialYear, FundingStream,
    Horizon, LineId, Money, Obligation, Outturn, Partner, PartnerId, PartnerKind, Pool, PoolId,
    Results, RiskShare, Scenario, ScenarioId, SpendLine, UnderspendTreatment, YearForecast,
};

fn pounds(amount: i64) -> Money {
    Money::pounds(amount)
}

fn pays(partner: u32, amount: i64) -> Contribution {
    Contribution {
        id: ContributionId(partner),
        name: format!("Contribution {partner}"),
        partner: PartnerId(partner),
        pool: PoolId(1),
        stream: FundingStream::Other,
        obligation: Obligation::Mandatory,
        rule: AmountRule::Fixed {
            amount: pounds(amount),
        },
    }
}

fn unfunded(rule: RiskShare, council_line: i64) -> Scenario {
    let mut pool = Pool::new(1, "Better Care Fund", PartnerId(1), rule);
    pool.underspend = UnderspendTreatment::ReturnedProRata;
    let h = Horizon::new(FinancialYear(2025), 1);
    Scenario {
        id: ScenarioId(1),
        name: "Unfunded plan".to_string(),
        description: String::new(),
        horizon: h,
        partners: vec![
            Partner::new(1, "Council", "LBX", PartnerKind::Council),
            Partner::new(
                2,
                "Integrated care board",
                "ICB",
                PartnerKind::IntegratedCareBoard,
            ),
        ],
        pools: vec![pool],
        contributions: vec![pays(1, 30_000_000), pays(2, 13_000_000)],
        lines: vec![
            SpendLine::new(
                1,
                "Home care",
                PoolId(1),
                PartnerId(1),
                pounds(council_line),
                h,
            ),
            SpendLine::new(
                2,
                "Community health",
                PoolId(1),
                PartnerId(2),
                pounds(30_000_000),
                h,
            ),
        ],
        ring_fences: Vec::new(),
        link: None,
    }
}

fn overspend(scenario: &mut Scenario, line: u32, amount: i64) {
    if let Some(line) = scenario.lines.iter_mut().find(|l| l.id == LineId(line)) {
        line.forecast.push(YearForecast {
            year: FinancialYear(2025),
            outturn: Outturn::VarianceAmount {
                amount: pounds(amount),
            },
        });
    }
}

fn results(scenario: &Scenario) -> Results {
    let results = compute(scenario).expect("computes");
    assert_eq!(results.reconcile(), Ok(()));
    results
}

#[test]
fn a_plan_spending_more_than_its_income_has_a_funding_gap_apart_from_the_variance() {
    let mut scenario = unfunded(RiskShare::ProRata { capped: false }, 25_300_000);
    overspend(&mut scenario, 1, 430_000);
    let results = results(&scenario);
    let year = &results.pools[0].years[0];
    assert_eq!(year.funding_gap, pounds(12_300_000));
    assert_eq!(year.unallocated_income, Money::ZERO);
    assert_eq!(year.variance, pounds(430_000));
    // The gap is shared under the pool's rule (pro rata to contributions, 30:13) ...
    assert_eq!(
        year.gap_shares,
        vec![
            Money::from_pence(858_139_535),
            Money::from_pence(371_860_465)
        ]
    );
    // ... and the variance share is the £430,000 overspend only, pro rata too.
    assert_eq!(year.variance_shares, vec![pounds(300_000), pounds(130_000)]);
    assert_eq!(year.unallocated_shares, vec![Money::ZERO, Money::ZERO]);
    let council = &results.partner_totals[0];
    assert_eq!(council.gap_share, Money::from_pence(858_139_535));
    assert_eq!(council.variance_share, pounds(300_000));
    assert_eq!(
        council.net_cost,
        Money::from_pence(3_000_000_000 + 858_139_535 + 30_000_000)
    );
}

#[test]
fn with_no_sharing_the_host_bears_the_gap_as_if_it_commissioned_it() {
    let mut scenario = unfunded(RiskShare::NoSharing, 25_300_000);
    overspend(&mut scenario, 2, 100_000);
    let results = results(&scenario);
    let year = &results.pools[0].years[0];
    assert_eq!(year.gap_shares, vec![pounds(12_300_000), Money::ZERO]);
    assert_eq!(year.variance_shares, vec![Money::ZERO, pounds(100_000)]);
}

#[test]
fn income_the_plan_does_not_use_is_unallocated_and_returned_apart_from_an_underspend() {
    // The council's lines plan £12.0m, so £1.0m of the £43.0m is unallocated; the ICB's line
    // underspends by £260,000. Both are returned pro rata (30:13), each in its own column.
    let mut scenario = unfunded(RiskShare::ProRata { capped: false }, 12_000_000);
    overspend(&mut scenario, 2, -260_000);
    let results = results(&scenario);
    let year = &results.pools[0].years[0];
    assert_eq!(year.funding_gap, Money::ZERO);
    assert_eq!(year.unallocated_income, pounds(1_000_000));
    assert_eq!(
        year.unallocated_shares,
        vec![
            Money::from_pence(-69_767_442),
            Money::from_pence(-30_232_558)
        ]
    );
    assert_eq!(
        year.variance_shares,
        vec![
            Money::from_pence(-18_139_535),
            Money::from_pence(-7_860_465)
        ]
    );
    assert_eq!(year.gap_shares, vec![Money::ZERO, Money::ZERO]);
}

#[test]
fn a_balanced_plan_has_neither_and_its_variance_share_is_unchanged() {
    let mut scenario = unfunded(RiskShare::HostBears, 30_000_000);
    scenario.contributions[1] = pays(2, 30_000_000);
    overspend(&mut scenario, 2, 500_000);
    let results = results(&scenario);
    let year = &results.pools[0].years[0];
    assert_eq!(
        (year.funding_gap, year.unallocated_income),
        (Money::ZERO, Money::ZERO)
    );
    assert_eq!(year.variance_shares, vec![pounds(500_000), Money::ZERO]);
}

#[test]
fn every_template_reconciles_with_the_gap_and_unallocated_income_apart() {
    for template in templates::all() {
        for scenario in &template.model.scenarios {
            let results = compute(scenario).expect("computes");
            assert_eq!(results.reconcile(), Ok(()), "{}", template.model.name);
        }
    }
}
