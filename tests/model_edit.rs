//! Every edit a person can make to a scenario, applied natively: each does what it says, adds
//! get fresh ids and sensible defaults, removals take their dependents with them (and say so
//! first), and an edit that cannot be done leaves the scenario exactly as it was.

use pooled_budgets::model::edit::{
    apply, dependents, ContributionField, Direction, Edit, EditError, Item, LineField,
    PartnerField, PoolField,
};
use pooled_budgets::model::{
    compute, reference_model, small_model, validate_scenario, AmountRule, ContributionId,
    FinancialYear, FundingStream, Horizon, LineId, Money, Obligation, Outturn, PartnerId,
    PartnerKind, PartnerShare, Percent, PoolId, PoolType, RingFence, RiskShare, Scenario,
    ScenarioId, Split, UnderspendTreatment, YearForecast, MAX_HORIZON_YEARS,
};
use proptest::prelude::*;

const HACKNEY: PartnerId = PartnerId(1);
const ICB: PartnerId = PartnerId(2);

fn reference() -> Scenario {
    reference_model()
        .base()
        .cloned()
        .expect("the reference model has a base scenario")
}

fn small() -> Scenario {
    small_model()
        .base()
        .cloned()
        .expect("the small model has a base scenario")
}

fn empty() -> Scenario {
    Scenario {
        id: ScenarioId(1),
        name: "Empty".to_string(),
        description: String::new(),
        horizon: Horizon::new(FinancialYear(2025), 3),
        partners: Vec::new(),
        pools: Vec::new(),
        contributions: Vec::new(),
        lines: Vec::new(),
        ring_fences: Vec::new(),
        link: None,
    }
}

fn percent(points: i64) -> Percent {
    Percent::from_hundredths(points * 100)
}

fn share(partner: PartnerId, points: i64) -> PartnerShare {
    PartnerShare {
        partner,
        percent: percent(points),
    }
}

fn applied(scenario: &Scenario, edit: Edit) -> Scenario {
    let mut edited = scenario.clone();
    apply(&mut edited, &edit).unwrap_or_else(|e| panic!("{edit:?} failed: {e}"));
    edited
}

/// Applies an edit that must fail, and checks the scenario is untouched.
fn refused(scenario: &Scenario, edit: Edit) -> EditError {
    let mut edited = scenario.clone();
    let error = apply(&mut edited, &edit).expect_err("the edit should be refused");
    assert_eq!(&edited, scenario, "a refused {edit:?} changed the scenario");
    error
}

fn line_ids(s: &Scenario) -> Vec<u32> {
    s.lines.iter().map(|l| l.id.0).collect()
}

// ---- Rename and horizon -------------------------------------------------------------------

#[test]
fn rename_changes_only_the_scenario_name() {
    let before = reference();
    let after = applied(&before, Edit::Rename("Option D: capped".to_string()));
    assert_eq!(after.name, "Option D: capped");
    let mut expected = before;
    expected.name = "Option D: capped".to_string();
    assert_eq!(after, expected);
}

#[test]
fn horizon_accepts_one_to_the_maximum_years() {
    let before = reference();
    for years in [1, 3, MAX_HORIZON_YEARS] {
        let horizon = Horizon::new(FinancialYear(2026), years);
        let after = applied(&before, Edit::Horizon(horizon));
        assert_eq!(after.horizon, horizon);
        assert_eq!(after.partners, before.partners);
    }
}

#[test]
fn horizon_of_zero_or_too_many_years_is_refused_and_changes_nothing() {
    let before = reference();
    for years in [0, MAX_HORIZON_YEARS + 1, u32::MAX] {
        let error = refused(
            &before,
            Edit::Horizon(Horizon::new(FinancialYear(2025), years)),
        );
        assert_eq!(error, EditError::Horizon);
        assert_eq!(
            error.to_string(),
            format!("A plan covers from 1 to {MAX_HORIZON_YEARS} financial years.")
        );
    }
}

// ---- Adding ---------------------------------------------------------------------------------

#[test]
fn added_partners_get_fresh_unique_ids_and_plain_defaults() {
    let mut s = small();
    for _ in 0..3 {
        apply(&mut s, &Edit::AddPartner).unwrap();
    }
    let ids: Vec<u32> = s.partners.iter().map(|p| p.id.0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5, 6]);
    let added = &s.partners[3];
    assert_eq!(added.name, "Partner 4");
    assert_eq!(added.short_name, "P4");
    assert_eq!(added.kind, PartnerKind::Other);
    assert_eq!(added.baseline_budget, None);
    assert_eq!(added.baseline_growth, Percent::ZERO);
}

#[test]
fn an_added_partner_never_reuses_an_id_still_in_use() {
    // Ids out of order and with gaps: the new id must be above all of them.
    let mut s = small();
    s.partners[0].id = PartnerId(40);
    apply(&mut s, &Edit::AddPartner).unwrap();
    assert_eq!(s.partners.last().map(|p| p.id), Some(PartnerId(41)));
    let mut ids: Vec<u32> = s.partners.iter().map(|p| p.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), s.partners.len());
}

#[test]
fn an_added_pool_is_hosted_by_the_first_partner_and_shares_pro_rata() {
    let before = reference();
    let after = applied(&before, Edit::AddPool);
    assert_eq!(after.pools.len(), before.pools.len() + 1);
    let pool = after.pools.last().unwrap();
    assert_eq!(pool.id, PoolId(4));
    assert_eq!(pool.name, "Pool 4");
    assert_eq!(pool.host, before.partners[0].id);
    assert_eq!(pool.pool_type, PoolType::Pooled);
    assert_eq!(pool.risk_share, RiskShare::ProRata { capped: false });
    assert_eq!(pool.underspend, UnderspendTreatment::ReturnedProRata);
    assert_eq!(pool.reserve.opening, Money::ZERO);
    assert_eq!(pool.reserve.set_aside_per_year, Money::ZERO);
}

#[test]
fn an_added_contribution_is_zero_voluntary_cash_into_the_first_pool() {
    let before = reference();
    let after = applied(&before, Edit::AddContribution);
    let c = after.contributions.last().unwrap();
    assert_eq!(c.id, ContributionId(17));
    assert_eq!(c.name, "Contribution 17");
    assert_eq!(c.partner, before.partners[0].id);
    assert_eq!(c.pool, before.pools[0].id);
    // The first pool is the Better Care Fund: its national streams are in already.
    assert_eq!(c.stream, FundingStream::AdditionalVoluntary);
    assert_eq!(c.obligation, Obligation::Voluntary);
    assert_eq!(
        c.rule,
        AmountRule::Fixed {
            amount: Money::ZERO
        }
    );
    // Adding nothing-yet changes nobody's money.
    let (old, new) = (compute(&before).unwrap(), compute(&after).unwrap());
    assert_eq!(old.partner_totals, new.partner_totals);
}

#[test]
fn an_added_line_is_an_empty_plan_commissioned_by_the_pools_host() {
    let mut before = reference();
    before.pools.swap(0, 2); // the first pool is now the locality pool, hosted by the ICB
    let after = applied(&before, Edit::AddLine);
    let line = after.lines.last().unwrap();
    let max = before.lines.iter().map(|l| l.id.0).max().unwrap();
    assert_eq!(line.id, LineId(max + 1));
    assert_eq!(
        line.name,
        format!("Spending line {}", before.lines.len() + 1)
    );
    assert_eq!(line.pool, PoolId(3));
    assert_eq!(line.commissioner, ICB);
    assert!(line.budget.is_empty());
    assert_eq!(line.savings, Percent::ZERO);
    assert_eq!(line.ring_fence, None);
    assert!(line.forecast.is_empty());
    assert_eq!(line.risk_share, None);
}

#[test]
fn adding_to_an_empty_scenario_says_what_is_needed_and_changes_nothing() {
    let blank = empty();
    assert_eq!(
        refused(&blank, Edit::AddPool),
        EditError::Needs("a partner to host the pool")
    );
    assert_eq!(
        refused(&blank, Edit::AddContribution),
        EditError::Needs("a partner")
    );
    assert_eq!(refused(&blank, Edit::AddLine), EditError::Needs("a pool"));

    // A partner alone is still not enough for a contribution or a line.
    let one_partner = applied(&blank, Edit::AddPartner);
    assert_eq!(
        refused(&one_partner, Edit::AddContribution),
        EditError::Needs("a pool")
    );
    assert_eq!(
        refused(&one_partner, Edit::AddLine),
        EditError::Needs("a pool")
    );
    assert_eq!(
        EditError::Needs("a pool").to_string(),
        "Add a pool first.",
        "the message tells the person what to do"
    );
}

// ---- Removing -------------------------------------------------------------------------------

#[test]
fn removing_a_contribution_or_a_line_removes_just_that() {
    let before = reference();
    let after = applied(&before, Edit::Remove(Item::Contribution(ContributionId(5))));
    assert_eq!(after.contributions.len(), before.contributions.len() - 1);
    assert!(after
        .contributions
        .iter()
        .all(|c| c.id != ContributionId(5)));
    assert_eq!(after.lines, before.lines);

    let after = applied(&before, Edit::Remove(Item::Line(LineId(7))));
    assert_eq!(after.lines.len(), before.lines.len() - 1);
    assert!(after.lines.iter().all(|l| l.id != LineId(7)));
    assert_eq!(after.contributions, before.contributions);
    assert_eq!(after.pools, before.pools);
}

#[test]
fn removing_a_pool_removes_its_contributions_lines_and_ring_fences() {
    let before = reference();
    let bcf = PoolId(1);
    assert!(before.ring_fences.iter().any(|r| r.pool == bcf));
    let after = applied(&before, Edit::Remove(Item::Pool(bcf)));
    assert!(after.pools.iter().all(|p| p.id != bcf));
    assert!(after.contributions.iter().all(|c| c.pool != bcf));
    assert!(after.lines.iter().all(|l| l.pool != bcf));
    assert!(after.ring_fences.iter().all(|r| r.pool != bcf));
    // The other pools keep everything they had.
    let kept = |s: &Scenario| {
        (
            s.contributions.iter().filter(|c| c.pool != bcf).count(),
            s.lines.iter().filter(|l| l.pool != bcf).count(),
        )
    };
    assert_eq!(kept(&after), kept(&before));
    assert_eq!(after.partners, before.partners);
    // What is left still computes and passes validation.
    compute(&after).expect("the scenario without the BCF computes");
    assert_eq!(validate_scenario(&after, 0), Vec::new());
}

#[test]
fn removing_a_host_partner_removes_its_pools_and_everything_in_them() {
    let before = reference();
    let hosted: Vec<PoolId> = before
        .pools
        .iter()
        .filter(|p| p.host == HACKNEY)
        .map(|p| p.id)
        .collect();
    assert_eq!(hosted, [PoolId(1), PoolId(2)]);
    let after = applied(&before, Edit::Remove(Item::Partner(HACKNEY)));
    assert!(after.partners.iter().all(|p| p.id != HACKNEY));
    assert_eq!(
        after.pools.iter().map(|p| p.id).collect::<Vec<_>>(),
        [PoolId(3)]
    );
    assert!(after
        .contributions
        .iter()
        .all(|c| c.partner != HACKNEY && c.pool == PoolId(3)));
    assert!(after
        .lines
        .iter()
        .all(|l| l.commissioner != HACKNEY && l.pool == PoolId(3)));
    assert!(after.ring_fences.is_empty());
    // The locality pool loses only Hackney's own contribution.
    let locality = |s: &Scenario| {
        s.contributions
            .iter()
            .filter(|c| c.pool == PoolId(3))
            .count()
    };
    assert_eq!(locality(&after), locality(&before) - 1);
    compute(&after).expect("what is left computes");
}

#[test]
fn removing_a_partner_drops_it_from_fixed_shares_and_validation_says_so() {
    let mut before = reference();
    // A line with its own 70:30 rule, in a pool the ICB does not host.
    let line = before.lines.iter_mut().find(|l| l.id == LineId(7)).unwrap();
    line.risk_share = Some(RiskShare::Tiered {
        limit: pooled_budgets::model::TierLimit::Amount {
            amount: Money::pounds(10_000),
        },
        bearer: pooled_budgets::model::TierBearer::Host,
        rest: Split::FixedPercentages {
            shares: vec![share(HACKNEY, 70), share(ICB, 30)],
        },
    });
    let after = applied(&before, Edit::Remove(Item::Partner(ICB)));
    let bcf = after.pool(PoolId(1)).unwrap();
    assert_eq!(
        bcf.risk_share,
        RiskShare::FixedPercentages {
            shares: vec![share(HACKNEY, 50)]
        }
    );
    let line = after.lines.iter().find(|l| l.id == LineId(7)).unwrap();
    assert_eq!(
        line.risk_share.as_ref().and_then(|r| r.fixed_shares()),
        Some(&[share(HACKNEY, 70)][..])
    );
    // The ICB's pool, contributions and lines have gone; compute still works (the half-share
    // left is the truth the person must settle, and validation tells them).
    assert!(after.pools.iter().all(|p| p.host != ICB));
    assert!(after.contributions.iter().all(|c| c.partner != ICB));
    assert!(after.lines.iter().all(|l| l.commissioner != ICB));
    compute(&after).expect("still computes");
    let problems = validate_scenario(&after, 0);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("Better Care Fund") && p.message.contains("100%")),
        "validation should say the BCF shares no longer total 100%: {problems:?}"
    );
}

#[test]
fn dependents_of_a_host_partner_name_everything_removal_takes() {
    // In the small model the council hosts the only pool: removing it removes everything,
    // including contributions and lines of other partners, and the list must say so.
    let s = small();
    assert_eq!(
        dependents(&s, Item::Partner(HACKNEY)),
        [
            "Pool ‘Better Care Fund’ is hosted by this partner",
            "Contribution ‘NHS minimum contribution’ is paid into pool ‘Better Care Fund’, which this partner hosts",
            "Contribution ‘Better Care Grant’ is paid by this partner",
            "Contribution ‘Disabled Facilities Grant’ is paid by this partner",
            "Contribution ‘Homerton additional contribution’ is paid into pool ‘Better Care Fund’, which this partner hosts",
            "Spending line ‘Reablement’ is commissioned by this partner",
            "Spending line ‘Carers' support’ is commissioned by this partner",
            "Spending line ‘Home adaptations (DFG)’ is commissioned by this partner",
            "Spending line ‘Hospital discharge and intermediate care’ is paid from pool ‘Better Care Fund’, which this partner hosts",
            "Spending line ‘Community rapid response’ is paid from pool ‘Better Care Fund’, which this partner hosts",
        ]
    );
    assert_eq!(
        dependents(&s, Item::Partner(PartnerId(3))),
        [
            "Contribution ‘Homerton additional contribution’ is paid by this partner",
            "Spending line ‘Hospital discharge and intermediate care’ is commissioned by this partner",
        ]
    );
    let after = applied(&s, Edit::Remove(Item::Partner(HACKNEY)));
    assert!(after.pools.is_empty() && after.contributions.is_empty() && after.lines.is_empty());
}

#[test]
fn dependents_of_a_pool_include_its_ring_fences() {
    let s = reference();
    let found = dependents(&s, Item::Pool(PoolId(1)));
    assert!(found.contains(&"Ring-fence ‘Adult social care minimum’ for this pool".to_string()));
    assert!(found
        .contains(&"Ring-fence ‘NHS out-of-hospital services minimum’ for this pool".to_string()));
    assert!(found.contains(&"Spending line ‘Reablement’ is paid from this pool".to_string()));
    assert!(found
        .contains(&"Contribution ‘NHS minimum contribution’ is paid into this pool".to_string()));
}

#[test]
fn dependents_of_a_partner_named_only_in_a_fixed_share_are_not_empty() {
    // A partner that pays nothing and commissions nothing but holds half the risk: removing it
    // silently would leave the pool's shares at 50%, so the editor must ask first.
    let mut s = small();
    s.pools[0].risk_share = RiskShare::FixedPercentages {
        shares: vec![share(HACKNEY, 50), share(PartnerId(3), 50)],
    };
    s.contributions.retain(|c| c.partner != PartnerId(3));
    s.lines.retain(|l| l.commissioner != PartnerId(3));
    assert_eq!(
        dependents(&s, Item::Partner(PartnerId(3))),
        ["This partner’s fixed share of the risk in pool ‘Better Care Fund’"]
    );
}

#[test]
fn dependents_list_exactly_what_removal_takes_for_every_partner_and_pool() {
    let s = reference();
    let items = s
        .partners
        .iter()
        .map(|p| Item::Partner(p.id))
        .chain(s.pools.iter().map(|p| Item::Pool(p.id)));
    for item in items {
        let found = dependents(&s, item);
        let after = applied(&s, Edit::Remove(item));
        let mut expected = 0;
        for pool in s.pools.iter().filter(|p| after.pool(p.id).is_none()) {
            if item != Item::Pool(pool.id) {
                expected += 1;
                assert!(
                    found
                        .iter()
                        .any(|d| d.contains(&format!("Pool ‘{}’", pool.name))),
                    "{item:?}: pool {} not listed in {found:?}",
                    pool.name
                );
            }
        }
        for c in &s.contributions {
            if !after.contributions.iter().any(|a| a.id == c.id) {
                expected += 1;
                let words = format!("Contribution ‘{}’", c.name);
                assert!(
                    found.iter().any(|d| d.starts_with(&words)),
                    "{item:?}: {words} not listed in {found:?}"
                );
            }
        }
        for l in &s.lines {
            if !after.lines.iter().any(|a| a.id == l.id) {
                expected += 1;
                let words = format!("Spending line ‘{}’", l.name);
                assert!(
                    found.iter().any(|d| d.starts_with(&words)),
                    "{item:?}: {words} not listed in {found:?}"
                );
            }
        }
        expected += s.ring_fences.len() - after.ring_fences.len();
        let shares = |sc: &Scenario| {
            sc.pools
                .iter()
                .filter_map(|p| p.risk_share.fixed_shares())
                .map(<[PartnerShare]>::len)
                .sum::<usize>()
        };
        // Shares dropped from pools that survive.
        let surviving_before: usize = s
            .pools
            .iter()
            .filter(|p| after.pool(p.id).is_some())
            .filter_map(|p| p.risk_share.fixed_shares())
            .map(<[PartnerShare]>::len)
            .sum();
        expected += surviving_before - shares(&after);
        assert_eq!(
            found.len(),
            expected,
            "{item:?}: dependents {found:?} should list exactly what removal takes"
        );
    }
}

#[test]
fn contributions_and_lines_have_no_dependents() {
    let s = reference();
    assert!(dependents(&s, Item::Contribution(ContributionId(1))).is_empty());
    assert!(dependents(&s, Item::Line(LineId(1))).is_empty());
    assert!(dependents(&s, Item::Partner(PartnerId(99))).is_empty());
}

// ---- Moving ---------------------------------------------------------------------------------

#[test]
fn moving_swaps_with_the_neighbour_and_stops_at_the_ends() {
    let s = small();
    assert_eq!(line_ids(&s), [1, 2, 3, 4, 5]);
    let up = applied(&s, Edit::Move(Item::Line(LineId(3)), Direction::Up));
    assert_eq!(line_ids(&up), [1, 3, 2, 4, 5]);
    let down = applied(&s, Edit::Move(Item::Line(LineId(3)), Direction::Down));
    assert_eq!(line_ids(&down), [1, 2, 4, 3, 5]);
    assert_eq!(
        applied(&s, Edit::Move(Item::Line(LineId(1)), Direction::Up)),
        s
    );
    assert_eq!(
        applied(&s, Edit::Move(Item::Line(LineId(5)), Direction::Down)),
        s
    );

    let partners = applied(&s, Edit::Move(Item::Partner(ICB), Direction::Up));
    let ids: Vec<u32> = partners.partners.iter().map(|p| p.id.0).collect();
    assert_eq!(ids, [2, 1, 3]);
    let contributions = applied(
        &s,
        Edit::Move(Item::Contribution(ContributionId(1)), Direction::Down),
    );
    let ids: Vec<u32> = contributions.contributions.iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [2, 1, 3, 4]);
    let r = reference();
    let pools = applied(&r, Edit::Move(Item::Pool(PoolId(3)), Direction::Up));
    let ids: Vec<u32> = pools.pools.iter().map(|p| p.id.0).collect();
    assert_eq!(ids, [1, 3, 2]);
}

#[test]
fn moving_changes_order_not_money() {
    let s = reference();
    let moved = applied(&s, Edit::Move(Item::Partner(PartnerId(5)), Direction::Up));
    let (before, after) = (compute(&s).unwrap(), compute(&moved).unwrap());
    for totals in &before.partner_totals {
        let same = after
            .partner_totals
            .iter()
            .find(|t| t.partner == totals.partner)
            .unwrap();
        assert_eq!(same.net_cost, totals.net_cost);
    }
}

// ---- Field edits ----------------------------------------------------------------------------

/// An edit and the same change made by hand.
type FieldCase = (Edit, Box<dyn Fn(&mut Scenario)>);

/// Each edit must give exactly the scenario that results from changing that one field by hand.
fn check_field_edits(edits: Vec<FieldCase>) {
    let before = reference();
    for (edit, by_hand) in edits {
        let mut expected = before.clone();
        by_hand(&mut expected);
        assert_ne!(expected, before, "{edit:?} should change something");
        assert_eq!(applied(&before, edit.clone()), expected, "{edit:?}");
    }
}

#[test]
fn every_partner_field_edit_changes_that_field_of_that_partner() {
    assert_eq!(reference().partners[1].id, ICB);
    check_field_edits(vec![
        (
            Edit::Partner(ICB, PartnerField::Name("NHS ICB".into())),
            Box::new(move |s| s.partners[1].name = "NHS ICB".into()),
        ),
        (
            Edit::Partner(ICB, PartnerField::ShortName("ICB".into())),
            Box::new(move |s| s.partners[1].short_name = "ICB".into()),
        ),
        (
            Edit::Partner(ICB, PartnerField::Kind(PartnerKind::NhsTrust)),
            Box::new(move |s| s.partners[1].kind = PartnerKind::NhsTrust),
        ),
        (
            Edit::Partner(
                ICB,
                PartnerField::BaselineBudget(Some(Money::pounds(900_000_000))),
            ),
            Box::new(move |s| s.partners[1].baseline_budget = Some(Money::pounds(900_000_000))),
        ),
        (
            Edit::Partner(ICB, PartnerField::BaselineGrowth(percent(4))),
            Box::new(move |s| s.partners[1].baseline_growth = percent(4)),
        ),
    ]);
}

#[test]
fn every_pool_field_edit_changes_that_field_of_that_pool() {
    let rule = RiskShare::FixedPercentages {
        shares: vec![share(HACKNEY, 60), share(ICB, 40)],
    };
    let r = rule.clone();
    check_field_edits(vec![
        (
            Edit::Pool(PoolId(2), PoolField::Name("0-19 pool".into())),
            Box::new(|s| s.pools[1].name = "0-19 pool".into()),
        ),
        (
            Edit::Pool(PoolId(2), PoolField::Type(PoolType::Aligned)),
            Box::new(|s| s.pools[1].pool_type = PoolType::Aligned),
        ),
        (
            Edit::Pool(PoolId(2), PoolField::Host(ICB)),
            Box::new(|s| s.pools[1].host = ICB),
        ),
        (
            Edit::Pool(PoolId(2), PoolField::RiskShare(rule)),
            Box::new(move |s| s.pools[1].risk_share = r.clone()),
        ),
        (
            Edit::Pool(
                PoolId(2),
                PoolField::Underspend(UnderspendTreatment::CarriedForward),
            ),
            Box::new(|s| s.pools[1].underspend = UnderspendTreatment::CarriedForward),
        ),
    ]);
}

#[test]
fn every_contribution_field_edit_changes_that_field_of_that_contribution() {
    let id = ContributionId(4);
    let rule = AmountRule::Uplift {
        base: Money::pounds(2_000_000),
        uplift: percent(3),
    };
    let r = rule.clone();
    check_field_edits(vec![
        (
            Edit::Contribution(id, ContributionField::Name("Discharge grant".into())),
            Box::new(|s| s.contributions[3].name = "Discharge grant".into()),
        ),
        (
            Edit::Contribution(id, ContributionField::Partner(HACKNEY)),
            Box::new(|s| s.contributions[3].partner = HACKNEY),
        ),
        (
            Edit::Contribution(id, ContributionField::Pool(PoolId(3))),
            Box::new(|s| s.contributions[3].pool = PoolId(3)),
        ),
        (
            Edit::Contribution(id, ContributionField::Stream(FundingStream::Other)),
            Box::new(|s| s.contributions[3].stream = FundingStream::Other),
        ),
        (
            Edit::Contribution(id, ContributionField::Obligation(Obligation::Voluntary)),
            Box::new(|s| s.contributions[3].obligation = Obligation::Voluntary),
        ),
        (
            Edit::Contribution(id, ContributionField::Rule(rule)),
            Box::new(move |s| s.contributions[3].rule = r.clone()),
        ),
    ]);
}

#[test]
fn every_line_field_edit_changes_that_field_of_that_line() {
    let id = LineId(2);
    let rule = RiskShare::HostBears;
    check_field_edits(vec![
        (
            Edit::Line(id, LineField::Name("Carers".into())),
            Box::new(|s| s.lines[1].name = "Carers".into()),
        ),
        (
            Edit::Line(id, LineField::Pool(PoolId(3))),
            Box::new(|s| s.lines[1].pool = PoolId(3)),
        ),
        (
            Edit::Line(id, LineField::Commissioner(ICB)),
            Box::new(|s| s.lines[1].commissioner = ICB),
        ),
        (
            Edit::Line(
                id,
                LineField::Budget(FinancialYear(2025), Money::pounds(1_234_567)),
            ),
            Box::new(|s| s.lines[1].set_budget(FinancialYear(2025), Money::pounds(1_234_567))),
        ),
        (
            Edit::Line(id, LineField::Reference("BCF-07".to_string())),
            Box::new(|s| s.lines[1].reference = "BCF-07".to_string()),
        ),
        (
            Edit::Line(id, LineField::Savings(percent(1))),
            Box::new(|s| s.lines[1].savings = percent(1)),
        ),
        (
            Edit::Line(id, LineField::RingFence(None)),
            Box::new(|s| s.lines[1].ring_fence = None),
        ),
        (
            Edit::Line(id, LineField::RingFence(Some(RingFence::OutOfHospital))),
            Box::new(|s| s.lines[1].ring_fence = Some(RingFence::OutOfHospital)),
        ),
        (
            Edit::Line(id, LineField::RiskShare(Some(rule))),
            Box::new(|s| s.lines[1].risk_share = Some(RiskShare::HostBears)),
        ),
    ]);
}

#[test]
fn a_new_base_budget_changes_the_planned_spend_a_finance_lead_sees() {
    let s = small();
    let after = applied(
        &s,
        Edit::Line(
            LineId(3),
            LineField::Budget(FinancialYear(2025), Money::pounds(3_000_000)),
        ),
    );
    let results = compute(&after).unwrap();
    let line = results.pools[0].years[0]
        .lines
        .iter()
        .find(|l| l.line == LineId(3))
        .unwrap();
    assert_eq!(line.planned, Money::pounds(3_000_000));
}

#[test]
fn forecasts_keep_one_entry_per_year_in_year_order() {
    let s = reference();
    let id = LineId(2); // Carers' support: no forecast yet
    let over = |pounds| Outturn::VarianceAmount {
        amount: Money::pounds(pounds),
    };
    let mut edited = s.clone();
    for (year, outturn) in [
        (2028, over(10_000)),
        (2025, over(-5_000)),
        (2027, over(7_000)),
        (2025, over(-6_000)), // replaces the earlier 2025 figure
    ] {
        apply(
            &mut edited,
            &Edit::Line(id, LineField::Forecast(FinancialYear(year), outturn)),
        )
        .unwrap();
    }
    let line = edited.lines.iter().find(|l| l.id == id).unwrap();
    assert_eq!(
        line.forecast,
        [
            YearForecast {
                year: FinancialYear(2025),
                outturn: over(-6_000)
            },
            YearForecast {
                year: FinancialYear(2027),
                outturn: over(7_000)
            },
            YearForecast {
                year: FinancialYear(2028),
                outturn: over(10_000)
            },
        ]
    );
    let results = compute(&edited).unwrap();
    let bcf = &results.pools[0];
    let variance = |year: usize| {
        bcf.years[year]
            .lines
            .iter()
            .find(|l| l.line == id)
            .unwrap()
            .variance
    };
    assert_eq!(variance(0), Money::pounds(-6_000));
    assert_eq!(variance(1), Money::ZERO);
    assert_eq!(variance(2), Money::pounds(7_000));

    // Back to "as planned" removes the entry; clearing them all gives the original line.
    for year in [2027, 2025, 2028] {
        apply(
            &mut edited,
            &Edit::Line(
                id,
                LineField::Forecast(FinancialYear(year), Outturn::AsPlanned),
            ),
        )
        .unwrap();
    }
    assert_eq!(edited, s);
}

#[test]
fn clearing_a_forecast_that_was_never_set_changes_nothing() {
    let s = reference();
    let after = applied(
        &s,
        Edit::Line(
            LineId(2),
            LineField::Forecast(FinancialYear(2026), Outturn::AsPlanned),
        ),
    );
    assert_eq!(after, s);
}

// ---- Missing items --------------------------------------------------------------------------

#[test]
fn editing_something_that_is_gone_is_refused_and_changes_nothing() {
    let s = reference();
    let gone_partner = PartnerId(99);
    let gone_pool = PoolId(99);
    let cases = [
        (
            Edit::Partner(gone_partner, PartnerField::Name("x".into())),
            "partner",
        ),
        (Edit::Pool(gone_pool, PoolField::Name("x".into())), "pool"),
        (
            Edit::Contribution(ContributionId(99), ContributionField::Name("x".into())),
            "contribution",
        ),
        (
            Edit::Line(LineId(99), LineField::Name("x".into())),
            "spending line",
        ),
        (Edit::Remove(Item::Partner(gone_partner)), "partner"),
        (Edit::Remove(Item::Pool(gone_pool)), "pool"),
        (
            Edit::Remove(Item::Contribution(ContributionId(99))),
            "contribution",
        ),
        (Edit::Remove(Item::Line(LineId(99))), "spending line"),
        (
            Edit::Move(Item::Partner(gone_partner), Direction::Up),
            "partner",
        ),
        (Edit::Move(Item::Pool(gone_pool), Direction::Down), "pool"),
        (
            Edit::Move(Item::Contribution(ContributionId(99)), Direction::Up),
            "contribution",
        ),
        (
            Edit::Move(Item::Line(LineId(99)), Direction::Down),
            "spending line",
        ),
        (
            Edit::Line(
                LineId(99),
                LineField::Forecast(FinancialYear(2025), Outturn::AsPlanned),
            ),
            "spending line",
        ),
    ];
    for (edit, what) in cases {
        assert_eq!(refused(&s, edit), EditError::Missing(what));
    }
    assert_eq!(
        EditError::Missing("spending line").to_string(),
        "That spending line no longer exists."
    );
}

// ---- Random sequences -----------------------------------------------------------------------

/// Builds an edit from random numbers. Ids run past the reference model's so some edits name
/// things that do not exist; amounts include huge and negative ones.
fn edit_from(kind: u8, id: u32, pick: u32, amount: i64) -> Edit {
    let money = Money::pounds(amount);
    let pct = Percent::from_hundredths(amount % 1_000_000);
    let item = match pick % 4 {
        0 => Item::Partner(PartnerId(id)),
        1 => Item::Pool(PoolId(id)),
        2 => Item::Contribution(ContributionId(id)),
        _ => Item::Line(LineId(id)),
    };
    let direction = if pick % 2 == 0 {
        Direction::Up
    } else {
        Direction::Down
    };
    let year = FinancialYear(2020 + (pick % 15) as u16);
    let rule = match pick % 5 {
        0 => RiskShare::NoSharing,
        1 => RiskShare::ProRata { capped: true },
        2 => RiskShare::FixedPercentages {
            shares: vec![share(PartnerId(pick % 10), 50), share(PartnerId(id), 50)],
        },
        3 => RiskShare::OrderedSteps {
            then: Split::FixedPercentages {
                shares: vec![share(PartnerId(id), 100)],
            },
        },
        _ => RiskShare::HostBears,
    };
    match kind % 24 {
        0 => Edit::Rename(format!("Option {amount}")),
        1 => Edit::Horizon(Horizon::new(year, pick % 13)),
        2 => Edit::AddPartner,
        3 => Edit::AddPool,
        4 => Edit::AddContribution,
        5 => Edit::AddLine,
        6 | 7 => Edit::Remove(item),
        8 => Edit::Move(item, direction),
        9 => Edit::Partner(
            PartnerId(id),
            PartnerField::BaselineBudget(Some(money).filter(|_| pick % 3 != 0)),
        ),
        10 => Edit::Partner(PartnerId(id), PartnerField::BaselineGrowth(pct)),
        11 => Edit::Pool(PoolId(id), PoolField::Host(PartnerId(pick % 12))),
        12 => Edit::Pool(PoolId(id), PoolField::RiskShare(rule)),
        13 => Edit::Pool(
            PoolId(id),
            PoolField::Underspend(match pick % 3 {
                0 => UnderspendTreatment::ReturnedProRata,
                1 => UnderspendTreatment::CarriedForward,
                _ => UnderspendTreatment::HeldAsContingency,
            }),
        ),
        14 => Edit::Contribution(
            ContributionId(id),
            ContributionField::Rule(match pick % 3 {
                0 => AmountRule::Fixed { amount: money },
                1 => AmountRule::Uplift {
                    base: money,
                    uplift: pct,
                },
                _ => AmountRule::PercentOfBaseline { percent: pct },
            }),
        ),
        15 => Edit::Contribution(
            ContributionId(id),
            ContributionField::Pool(PoolId(pick % 6)),
        ),
        16 => Edit::Contribution(
            ContributionId(id),
            ContributionField::Partner(PartnerId(pick % 12)),
        ),
        17 => Edit::Line(LineId(id), LineField::Budget(FinancialYear(2025), money)),
        18 => Edit::Line(LineId(id), LineField::FillBudget(money, pct)),
        19 => Edit::Line(LineId(id), LineField::Savings(pct)),
        20 => Edit::Line(LineId(id), LineField::RiskShare(Some(rule))),
        21 => Edit::Line(LineId(id), LineField::Pool(PoolId(pick % 6))),
        22 => Edit::Line(LineId(id), LineField::Commissioner(PartnerId(pick % 12))),
        _ => Edit::Line(
            LineId(id),
            LineField::Forecast(
                year,
                match pick % 3 {
                    0 => Outturn::AsPlanned,
                    1 => Outturn::VarianceAmount { amount: money },
                    _ => Outturn::VariancePercent { percent: pct },
                },
            ),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_never_panic_and_the_result_always_computes_or_says_why(
        steps in prop::collection::vec(
            (any::<u8>(), 0u32..40, any::<u32>(), prop_oneof![
                -2_000_000i64..20_000_000,
                Just(i64::MAX),
                Just(i64::MIN),
                any::<i64>(),
            ]),
            1..40,
        )
    ) {
        let mut scenario = reference();
        for (kind, id, pick, amount) in steps {
            let edit = edit_from(kind, id, pick, amount);
            let before = scenario.clone();
            if apply(&mut scenario, &edit).is_err() {
                prop_assert_eq!(&scenario, &before, "a refused edit changed the scenario");
            }
            let _ = dependents(&scenario, Item::Partner(PartnerId(id)));
            let _ = dependents(&scenario, Item::Pool(PoolId(id)));
        }
        // Compute may refuse (dangling references, amounts too large) but must not panic.
        let _ = compute(&scenario);
        let _ = validate_scenario(&scenario, 0);
    }
}

mod options {
    use pooled_budgets::model::edit::{apply_to_model, Direction, EditError, ModelEdit};
    use pooled_budgets::model::{reference_model, small_model, ScenarioId};

    fn names(model: &pooled_budgets::model::Model) -> Vec<&str> {
        model.scenarios.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn a_copy_sits_after_its_original_with_a_fresh_id_and_is_opened() {
        let mut model = reference_model();
        let b = model.scenarios[1].id;
        let opened = apply_to_model(&mut model, &ModelEdit::Duplicate(b)).unwrap();
        assert_eq!(
            names(&model),
            [
                "Option A: 50:50 risk share",
                "Option B: pro rata",
                "Option B: pro rata (2)",
                "Option C: host bears"
            ]
        );
        assert_eq!(opened, model.scenarios[2].id);
        assert!(model.scenarios.iter().filter(|s| s.id == opened).count() == 1);
        assert_eq!(model.scenarios[2].pools, model.scenarios[1].pools);
    }

    #[test]
    fn removing_the_base_makes_the_first_remaining_option_the_base() {
        let mut model = reference_model();
        let a = model.base_scenario;
        let opened = apply_to_model(&mut model, &ModelEdit::Remove(a)).unwrap();
        assert_eq!(
            names(&model),
            ["Option B: pro rata", "Option C: host bears"]
        );
        assert_eq!(model.base_scenario, model.scenarios[0].id);
        assert_eq!(opened, model.scenarios[0].id);
    }

    #[test]
    fn the_last_option_cannot_be_removed() {
        let mut model = small_model();
        while model.scenarios.len() > 1 {
            let id = model.scenarios[1].id;
            apply_to_model(&mut model, &ModelEdit::Remove(id)).unwrap();
        }
        let before = model.clone();
        let only = model.scenarios[0].id;
        let result = apply_to_model(&mut model, &ModelEdit::Remove(only));
        assert!(matches!(result, Err(EditError::Needs(_))));
        assert_eq!(model, before);
    }

    #[test]
    fn options_move_and_any_can_become_the_base() {
        let mut model = reference_model();
        let c = model.scenarios[2].id;
        apply_to_model(&mut model, &ModelEdit::Move(c, Direction::Up)).unwrap();
        assert_eq!(model.scenarios[1].id, c);
        apply_to_model(&mut model, &ModelEdit::SetBase(c)).unwrap();
        assert_eq!(model.base_scenario, c);
        let before = model.clone();
        assert!(apply_to_model(&mut model, &ModelEdit::SetBase(ScenarioId(999))).is_err());
        assert_eq!(model, before);
    }
}

#[test]
fn a_blank_option_is_added_at_the_end_over_the_same_years() {
    use pooled_budgets::model::edit::{apply_to_model, ModelEdit};
    let mut model = pooled_budgets::model::templates::all().remove(0).model;
    let first = model.scenarios[0].id;
    let opened = apply_to_model(&mut model, &ModelEdit::AddBlank(first)).unwrap();
    let blank = model.scenarios.last().unwrap();
    assert_eq!(blank.id, opened);
    assert_eq!(blank.name, "New option 4");
    assert_eq!(blank.horizon, model.scenarios[0].horizon);
    assert!(blank.partners.is_empty() && blank.pools.is_empty() && blank.lines.is_empty());
    assert_eq!(model.scenarios.len(), 4);
    assert!(model.scenarios[..3].iter().all(|s| s.id != opened));
}
