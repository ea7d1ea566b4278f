//! Options side by side: the comparison tables against the base, and the stress test with
//! figures worked out by hand.

use pooled_budgets::model::{
    compare_options, stress, templates, AmountRule, CompareError, Contribution, ContributionId,
    Figure, FinancialYear, FundingStream, Horizon, Money, Obligation, Partner, PartnerId,
    PartnerKind, Percent, Period, Pool, PoolId, RiskPattern, RiskShare, Scenario, ScenarioId,
    SpendLine, StressError, StressScope,
};

/// The council (host) puts £3m into one pool, the ICB £1m; the ICB commissions its one £4m line.
fn two_partner_pool(rule: RiskShare) -> Scenario {
    let contribution = |id: u32, partner: u32, pounds: i64| Contribution {
        id: ContributionId(id),
        name: format!("Contribution {id}"),
        partner: PartnerId(partner),
        pool: PoolId(1),
        stream: FundingStream::Other,
        obligation: Obligation::Mandatory,
        rule: AmountRule::Fixed {
            amount: Money::pounds(pounds),
        },
    };
    let mut scenario = Scenario::empty(
        ScenarioId(1),
        "Option A",
        Horizon::new(FinancialYear(2025), 1),
    );
    scenario.partners = vec![
        Partner::new(1, "Anytown Council", "Council", PartnerKind::Council),
        Partner::new(2, "Anytown ICB", "ICB", PartnerKind::IntegratedCareBoard),
    ];
    scenario.pools = vec![Pool::new(1, "Community services", PartnerId(1), rule)];
    scenario.contributions = vec![contribution(1, 1, 3_000_000), contribution(2, 2, 1_000_000)];
    scenario.lines = vec![SpendLine::new(
        1,
        "Community nursing",
        PoolId(1),
        PartnerId(2),
        Money::pounds(4_000_000),
        scenario.horizon,
    )];
    scenario
}

fn pounds(p: i64) -> Money {
    Money::pounds(p)
}

#[test]
fn a_five_percent_overspend_is_shared_by_each_pattern_as_worked_out_by_hand() {
    let scenario = two_partner_pool(RiskShare::ProRata { capped: false });
    let result = stress(
        &scenario,
        StressScope::AllPools,
        Percent::from_hundredths(500),
    )
    .unwrap();
    // 5% of £4m = £200,000 over plan.
    assert_eq!(result.total_variance.base, Money::ZERO);
    assert_eq!(result.total_variance.other, pounds(200_000));
    assert_eq!(result.current, Some(RiskPattern::ProRata));
    let council = &result.partners[0];
    let icb = &result.partners[1];
    // Pro rata to contributions 3:1.
    assert_eq!(council.exposure.other, pounds(150_000));
    assert_eq!(icb.exposure.other, pounds(50_000));
    assert_eq!(icb.exposure.amount, pounds(50_000));
    assert_eq!(council.contributions, pounds(3_000_000));

    let under = |pattern: RiskPattern| {
        let i = result.patterns.iter().position(|p| *p == pattern).unwrap();
        (council.by_pattern[i], icb.by_pattern[i])
    };
    assert_eq!(
        under(RiskPattern::NoSharing),
        (Money::ZERO, pounds(200_000))
    );
    assert_eq!(
        under(RiskPattern::ProRata),
        (pounds(150_000), pounds(50_000))
    );
    assert_eq!(
        under(RiskPattern::ProRataCapped),
        (pounds(150_000), pounds(50_000))
    );
    // Equal shares between the two partners that contribute.
    assert_eq!(
        under(RiskPattern::Fixed),
        (pounds(100_000), pounds(100_000))
    );
    assert_eq!(under(RiskPattern::Host), (pounds(200_000), Money::ZERO));
    // The first £250,000 falls on the host: all of this overspend.
    assert_eq!(under(RiskPattern::Tiered), (pounds(200_000), Money::ZERO));
    assert_eq!(under(RiskPattern::Steps), (pounds(150_000), pounds(50_000)));
}

#[test]
fn an_underspend_comes_back_to_partners() {
    let scenario = two_partner_pool(RiskShare::HostBears);
    let result = stress(
        &scenario,
        StressScope::Pool(PoolId(1)),
        Percent::from_hundredths(-1000),
    )
    .unwrap();
    assert_eq!(result.scope, "every line of Community services");
    assert_eq!(result.total_variance.other, pounds(-400_000));
    // Returned pro rata to contributions, whatever the overspend rule.
    assert_eq!(result.partners[0].exposure.other, pounds(-300_000));
    assert_eq!(result.partners[1].exposure.other, pounds(-100_000));
}

#[test]
fn the_stress_stays_within_its_range_and_its_pool() {
    let scenario = two_partner_pool(RiskShare::HostBears);
    assert_eq!(
        stress(
            &scenario,
            StressScope::AllPools,
            Percent::from_hundredths(2001)
        ),
        Err(StressError::OutOfRange(Percent::from_hundredths(2001)))
    );
    assert!(stress(
        &scenario,
        StressScope::AllPools,
        Percent::from_hundredths(-1001)
    )
    .is_err());
    assert_eq!(
        stress(
            &scenario,
            StressScope::Pool(PoolId(9)),
            Percent::from_hundredths(500)
        ),
        Err(StressError::NoSuchPool)
    );
}

#[test]
fn a_template_s_three_options_compare_against_the_base() {
    let model = templates::all().remove(0).model;
    let ids: Vec<ScenarioId> = model.scenarios.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), 3);
    let comparison = compare_options(&model, &ids).unwrap();
    assert_eq!(comparison.others.len(), 2);
    let rows = comparison
        .partner_rows(Figure::NetCost, Period::AllYears)
        .unwrap();
    let total = rows.last().unwrap();
    assert_eq!(total.label, "All partners");
    // Every row's difference is the option's figure less the base's, to the penny.
    for row in &rows {
        for change in &row.others {
            assert_eq!(change.base, row.base);
            assert_eq!(change.other.checked_sub(change.base), Some(change.amount));
        }
    }
    // The columns add up.
    for column in 0..2 {
        let sum = Money::checked_sum(
            rows[..rows.len() - 1]
                .iter()
                .map(|r| r.others[column].other),
        );
        assert_eq!(sum, Some(total.others[column].other));
    }
    // Only the risk share differs between the template's options.
    let changes = comparison.input_changes();
    assert_eq!(changes[0].0, "Option B: pro rata");
    assert!(
        changes[0].1.iter().all(|c| c.contains("risk share")),
        "{:?}",
        changes[0].1
    );

    let pools = comparison.pool_rows(Period::AllYears).unwrap();
    assert!(!pools.is_empty());
    let last = pools[0].rows.last().map(|r| r.label.as_str());
    assert!(last.is_some_and(|l| l.starts_with("Balance at the end of")));
}

#[test]
fn one_year_figures_sum_to_the_whole_horizon() {
    let model = templates::all().remove(0).model;
    let ids: Vec<ScenarioId> = model.scenarios.iter().map(|s| s.id).collect();
    let comparison = compare_options(&model, &ids).unwrap();
    for figure in Figure::ALL {
        let all = comparison.partner_rows(figure, Period::AllYears).unwrap();
        let mut sums = vec![Money::ZERO; all.len()];
        for year in &comparison.years {
            let rows = comparison
                .partner_rows(figure, Period::Year(*year))
                .unwrap();
            for (sum, row) in sums.iter_mut().zip(&rows) {
                *sum = sum.checked_add(row.others[1].other).unwrap();
            }
        }
        let expected: Vec<Money> = all.iter().map(|r| r.others[1].other).collect();
        assert_eq!(sums, expected, "{figure:?}");
    }
}

#[test]
fn comparing_needs_a_second_option_and_at_most_six() {
    let model = templates::all().remove(0).model;
    assert_eq!(
        compare_options(&model, &[model.base_scenario]),
        Err(CompareError::NothingToCompare)
    );
    let mut many = model.clone();
    for id in 4..=8 {
        let mut copy = many.scenarios[0].clone();
        copy.id = ScenarioId(id);
        many.scenarios.push(copy);
    }
    let all: Vec<ScenarioId> = many.scenarios.iter().map(|s| s.id).collect();
    assert_eq!(compare_options(&many, &all), Err(CompareError::TooMany));
    assert_eq!(
        compare_options(&many, &all[..6]).map(|c| c.others.len()),
        Ok(5)
    );
}

#[test]
fn a_change_reads_with_its_sign_and_in_words() {
    use pooled_budgets::model::Change;
    let up = Change::between(pounds(80_000), pounds(100_000)).unwrap();
    assert_eq!(up.signed_amount(), "+£20,000.00");
    assert_eq!(up.direction("more", "less"), "more (+25%)");
    let down = Change::between(pounds(80_000), pounds(60_000)).unwrap();
    assert_eq!(down.signed_amount(), "\u{2212}£20,000.00");
    assert_eq!(down.direction("more", "less"), "less (\u{2212}25%)");
    let from_nothing = Change::between(Money::ZERO, pounds(5)).unwrap();
    assert_eq!(from_nothing.direction("higher", "lower"), "higher");
    assert_eq!(Change::none().direction("more", "less"), "no change");
}
