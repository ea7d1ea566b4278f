//! Every change a person can make to a scenario, as data. The editor's reducer applies these;
//! keeping them here (pure, no UI) means each one is tested natively and undo is a snapshot.

use super::contribution::{AmountRule, Contribution, ContributionId, FundingStream, Obligation};
use super::limits::Limited;
use super::linked::{self, Link, Override, Overrides};
use super::money::{Money, Percent};
use super::naming;
use super::partner::{Partner, PartnerId, PartnerKind};
use super::pool::{Pool, PoolId, PoolType};
use super::repair::fresh_id;
use super::risk::{RiskShare, UnderspendTreatment};
use super::scenario::{Model, Scenario, ScenarioId};
use super::spend::{LineId, MinimumRule, Outturn, RingFence, RingFenceRequirement, SpendLine};
use super::year::{FinancialYear, Horizon, MAX_HORIZON_YEARS};

/// Something in a scenario that can be added, moved or removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Partner(PartnerId),
    Pool(PoolId),
    Contribution(ContributionId),
    Line(LineId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PartnerField {
    Name(String),
    ShortName(String),
    Kind(PartnerKind),
    BaselineBudget(Option<Money>),
    BaselineGrowth(Percent),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PoolField {
    Name(String),
    Type(PoolType),
    Host(PartnerId),
    RiskShare(RiskShare),
    Underspend(UnderspendTreatment),
    ReserveOpening(Money),
    ReserveSetAside(Money),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ContributionField {
    Name(String),
    Partner(PartnerId),
    Pool(PoolId),
    Stream(FundingStream),
    Obligation(Obligation),
    Rule(AmountRule),
}

#[derive(Clone, Debug, PartialEq)]
pub enum LineField {
    Name(String),
    Pool(PoolId),
    Commissioner(PartnerId),
    Reference(String),
    Provider(String),
    Stream(Option<FundingStream>),
    /// The gross budget for one year.
    Budget(FinancialYear, Money),
    /// Fills every year of the horizon: this amount in the first year, growing at this rate.
    FillBudget(Money, Percent),
    FirstYear(Option<FinancialYear>),
    LastYear(Option<FinancialYear>),
    Notes(String),
    Savings(Percent),
    RingFence(Option<RingFence>),
    RiskShare(Option<RiskShare>),
    Forecast(FinancialYear, Outturn),
}

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Rename(String),
    Horizon(Horizon),
    AddPartner,
    AddPool,
    AddContribution,
    AddLine,
    Remove(Item),
    Move(Item, Direction),
    Partner(PartnerId, PartnerField),
    Pool(PoolId, PoolField),
    Contribution(ContributionId, ContributionField),
    Line(LineId, LineField),
    AddRingFence,
    /// Ring-fenced minimums have no ids; they are edited by position.
    RemoveRingFence(usize),
    RingFence(usize, RingFenceField),
    /// Adds this line as it is (a pasted or imported scheme); its id must be free.
    InsertLine(Box<SpendLine>),
    /// Several edits as one change (one undo step): all of them, or none if any fails.
    Batch(Vec<Edit>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum RingFenceField {
    Pool(PoolId),
    Kind(RingFence),
    Minimum(MinimumRule),
}

/// Why an edit could not be applied. The scenario is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The thing being edited is no longer there (e.g. removed in another tab).
    Missing(&'static str),
    /// An add needs something to attach to: a new pool needs a host, a line needs a pool.
    Needs(&'static str),
    /// A horizon outside 1 to `MAX_HORIZON_YEARS` years.
    Horizon,
    /// The option (or, for options, the model) already holds as many as the modeller supports.
    Full(Limited),
    /// A figure grown over the horizon would be too large to hold.
    TooLarge,
    /// An inserted item's id is already taken.
    Taken(&'static str),
    /// Other options are based on this one (their names): it cannot go without them.
    HasDependents(Vec<String>),
    /// Following the options' links would not work (a loop, a missing base).
    Chain(String),
    /// The option is not based on another.
    NotLinked,
}

impl core::fmt::Display for EditError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            EditError::Missing(what) => write!(f, "That {what} no longer exists."),
            EditError::Needs(what) => write!(f, "Add {what} first."),
            EditError::Horizon => write!(
                f,
                "A plan covers from 1 to {MAX_HORIZON_YEARS} financial years."
            ),
            EditError::Full(what) => write!(f, "{}", what.full()),
            EditError::TooLarge => write!(
                f,
                "That budget grown over the plan's years would be too large. Use a smaller amount or rate."
            ),
            EditError::Taken(what) => write!(f, "That {what} is already in the option."),
            EditError::HasDependents(names) => write!(
                f,
                "{} based on this option. Make {} independent first, then remove this option.",
                linked::quoted(names, ", ") + if names.len() == 1 { " is" } else { " are" },
                if names.len() == 1 { "it" } else { "them" }
            ),
            EditError::Chain(problem) => write!(f, "{problem}"),
            EditError::NotLinked => write!(f, "This option is not based on another option."),
        }
    }
}

/// Applies `edit` to `scenario`. On error the scenario is left exactly as it was.
pub fn apply(scenario: &mut Scenario, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::Rename(name) => scenario.name = name.clone(),
        Edit::Horizon(horizon) => {
            if horizon.years == 0 || horizon.years > MAX_HORIZON_YEARS {
                return Err(EditError::Horizon);
            }
            carry_budgets_forward(scenario, *horizon);
            scenario.horizon = *horizon;
        }
        Edit::AddPartner => add_partner(scenario)?,
        Edit::AddPool => add_pool(scenario)?,
        Edit::AddContribution => add_contribution(scenario)?,
        Edit::AddLine => add_line(scenario)?,
        Edit::Remove(item) => remove(scenario, *item)?,
        Edit::Move(item, direction) => move_item(scenario, *item, *direction)?,
        Edit::Partner(id, field) => edit_partner(scenario, *id, field)?,
        Edit::Pool(id, field) => edit_pool(scenario, *id, field)?,
        Edit::Contribution(id, field) => edit_contribution(scenario, *id, field)?,
        Edit::Line(id, field) => edit_line(scenario, *id, field)?,
        Edit::AddRingFence => add_ring_fence(scenario)?,
        Edit::InsertLine(line) => {
            room_for_one(Limited::Lines, scenario.lines.len())?;
            if scenario.lines.iter().any(|l| l.id == line.id) {
                return Err(EditError::Taken("spending line"));
            }
            scenario.lines.push(line.as_ref().clone());
        }
        Edit::Batch(edits) => {
            let mut changed = scenario.clone();
            for edit in edits {
                apply(&mut changed, edit)?;
            }
            *scenario = changed;
        }
        Edit::RemoveRingFence(at) => {
            if *at >= scenario.ring_fences.len() {
                return Err(EditError::Missing("ring-fenced minimum"));
            }
            scenario.ring_fences.remove(*at);
        }
        Edit::RingFence(at, field) => {
            let rule = scenario
                .ring_fences
                .get_mut(*at)
                .ok_or(EditError::Missing("ring-fenced minimum"))?;
            match field {
                RingFenceField::Pool(pool) => rule.pool = *pool,
                RingFenceField::Kind(kind) => rule.ring_fence = *kind,
                RingFenceField::Minimum(minimum) => rule.minimum = minimum.clone(),
            }
        }
    }
    Ok(())
}

/// When a horizon gains years, each line that had a budget in the old last year keeps that
/// amount in every new year (flat, no growth: "first year plus growth" refills a row), as a
/// spreadsheet's copy across would; a line's years already typed are never changed.
fn carry_budgets_forward(scenario: &mut Scenario, to: Horizon) {
    let Some(old_last) = scenario.horizon.last() else {
        return;
    };
    for line in &mut scenario.lines {
        let Some(amount) = line
            .budget
            .iter()
            .find(|entry| entry.year == old_last)
            .map(|entry| entry.amount)
        else {
            continue;
        };
        for year in to.years().filter(|year| *year > old_last) {
            if !line.budget.iter().any(|entry| entry.year == year) {
                line.set_budget(year, amount);
            }
        }
    }
}

/// What else in the scenario refers to `item`, in words, so the editor can ask before removing
/// it ("Pool 'Better Care Fund' is hosted by it"). Removing an item also removes these (or, for
/// a fixed-percentage share, drops it), so the list names everything `remove` takes with it.
pub fn dependents(scenario: &Scenario, item: Item) -> Vec<String> {
    let mut found = Vec::new();
    match item {
        Item::Partner(id) => {
            let hosted: Vec<&Pool> = scenario.pools.iter().filter(|p| p.host == id).collect();
            let hosted_name = |pool: PoolId| {
                hosted
                    .iter()
                    .find(|p| p.id == pool)
                    .map(|p| p.name.as_str())
            };
            for pool in &hosted {
                found.push(format!("Pool ‘{}’ is hosted by this partner", pool.name));
            }
            for c in &scenario.contributions {
                if c.partner == id {
                    found.push(format!("Contribution ‘{}’ is paid by this partner", c.name));
                } else if let Some(pool) = hosted_name(c.pool) {
                    found.push(format!(
                        "Contribution ‘{}’ is paid into pool ‘{pool}’, which this partner hosts",
                        c.name
                    ));
                }
            }
            for line in &scenario.lines {
                if line.commissioner == id {
                    found.push(format!(
                        "Spending line ‘{}’ is commissioned by this partner",
                        line.name
                    ));
                } else if let Some(pool) = hosted_name(line.pool) {
                    found.push(format!(
                        "Spending line ‘{}’ is paid from pool ‘{pool}’, which this partner hosts",
                        line.name
                    ));
                } else if names_partner(line.risk_share.as_ref(), id) {
                    found.push(format!(
                        "This partner’s fixed share of the risk on spending line ‘{}’",
                        line.name
                    ));
                }
            }
            for fence in &scenario.ring_fences {
                if let Some(pool) = hosted_name(fence.pool) {
                    found.push(format!(
                        "Ring-fence ‘{}’ for pool ‘{pool}’",
                        fence.ring_fence
                    ));
                }
            }
            for pool in scenario.pools.iter().filter(|p| p.host != id) {
                if names_partner(Some(&pool.risk_share), id) {
                    found.push(format!(
                        "This partner’s fixed share of the risk in pool ‘{}’",
                        pool.name
                    ));
                }
            }
        }
        Item::Pool(id) => {
            for c in scenario.contributions.iter().filter(|c| c.pool == id) {
                found.push(format!("Contribution ‘{}’ is paid into this pool", c.name));
            }
            for line in scenario.lines.iter().filter(|l| l.pool == id) {
                found.push(format!(
                    "Spending line ‘{}’ is paid from this pool",
                    line.name
                ));
            }
            for fence in scenario.ring_fences.iter().filter(|r| r.pool == id) {
                found.push(format!("Ring-fence ‘{}’ for this pool", fence.ring_fence));
            }
        }
        Item::Contribution(_) | Item::Line(_) => {}
    }
    found
}

fn names_partner(rule: Option<&RiskShare>, id: PartnerId) -> bool {
    rule.and_then(RiskShare::fixed_shares)
        .is_some_and(|shares| shares.iter().any(|s| s.partner == id))
}

/// An id none of `ids` has: one above the highest, never a repeat (even past `u32::MAX`).
fn next_id(ids: impl Iterator<Item = u32>) -> u32 {
    fresh_id(&ids.collect())
}

/// `Err` if a list of `count` items has no room for one more.
fn room_for_one(what: Limited, count: usize) -> Result<(), EditError> {
    if count >= what.limit() {
        return Err(EditError::Full(what));
    }
    Ok(())
}

fn add_partner(scenario: &mut Scenario) -> Result<(), EditError> {
    room_for_one(Limited::Partners, scenario.partners.len())?;
    let id = next_id(scenario.partners.iter().map(|p| p.id.0));
    let number = scenario.partners.len() + 1;
    scenario.partners.push(Partner::new(
        id,
        &format!("Partner {number}"),
        &format!("P{number}"),
        PartnerKind::Other,
    ));
    Ok(())
}

fn add_pool(scenario: &mut Scenario) -> Result<(), EditError> {
    room_for_one(Limited::Pools, scenario.pools.len())?;
    let host = scenario
        .partners
        .first()
        .ok_or(EditError::Needs("a partner to host the pool"))?
        .id;
    let id = next_id(scenario.pools.iter().map(|p| p.id.0));
    let number = scenario.pools.len() + 1;
    scenario.pools.push(Pool::new(
        id,
        &format!("Pool {number}"),
        host,
        RiskShare::ProRata { capped: false },
    ));
    Ok(())
}

fn add_contribution(scenario: &mut Scenario) -> Result<(), EditError> {
    room_for_one(Limited::Contributions, scenario.contributions.len())?;
    let partner = scenario
        .partners
        .first()
        .ok_or(EditError::Needs("a partner"))?
        .id;
    let pool = scenario.pools.first().ok_or(EditError::Needs("a pool"))?.id;
    let (stream, obligation) = new_contribution_stream(scenario, pool);
    let id = next_id(scenario.contributions.iter().map(|c| c.id.0));
    scenario.contributions.push(Contribution {
        id: ContributionId(id),
        name: format!("Contribution {}", scenario.contributions.len() + 1),
        partner,
        pool,
        stream,
        obligation,
        rule: AmountRule::Fixed {
            amount: Money::ZERO,
        },
    });
    Ok(())
}

/// What a new contribution to `pool` most likely is. A Better Care Fund pool (one that already
/// holds a national stream) gets its mandatory streams once, so a further contribution is an
/// additional voluntary one; a pool of any other kind holds voluntary contributions.
fn new_contribution_stream(scenario: &Scenario, pool: PoolId) -> (FundingStream, Obligation) {
    let national = [
        FundingStream::NhsMinimum,
        FundingStream::BetterCareGrant,
        FundingStream::DisabledFacilitiesGrant,
        FundingStream::DischargeFund,
    ];
    let is_bcf = scenario
        .contributions
        .iter()
        .any(|c| c.pool == pool && national.contains(&c.stream));
    if is_bcf {
        (FundingStream::AdditionalVoluntary, Obligation::Voluntary)
    } else {
        (FundingStream::Other, Obligation::Voluntary)
    }
}

fn add_line(scenario: &mut Scenario) -> Result<(), EditError> {
    room_for_one(Limited::Lines, scenario.lines.len())?;
    let pool = scenario.pools.first().ok_or(EditError::Needs("a pool"))?;
    let id = next_id(scenario.lines.iter().map(|l| l.id.0));
    let line = SpendLine {
        id: LineId(id),
        name: format!("Spending line {}", scenario.lines.len() + 1),
        pool: pool.id,
        commissioner: pool.host,
        reference: String::new(),
        provider: String::new(),
        stream: None,
        budget: Vec::new(),
        first_year: None,
        last_year: None,
        savings: Percent::ZERO,
        ring_fence: None,
        forecast: Vec::new(),
        risk_share: None,
        notes: String::new(),
    };
    scenario.lines.push(line);
    Ok(())
}

/// A new minimum: adult social care, 0% of the NHS minimum contribution until set.
fn add_ring_fence(scenario: &mut Scenario) -> Result<(), EditError> {
    room_for_one(Limited::RingFences, scenario.ring_fences.len())?;
    let pool = scenario.pools.first().ok_or(EditError::Needs("a pool"))?.id;
    scenario.ring_fences.push(RingFenceRequirement {
        pool,
        ring_fence: RingFence::AdultSocialCare,
        minimum: MinimumRule::ShareOfStream {
            stream: FundingStream::NhsMinimum,
            percent: Percent::ZERO,
        },
    });
    Ok(())
}

fn remove(scenario: &mut Scenario, item: Item) -> Result<(), EditError> {
    match item {
        Item::Partner(id) => {
            let at = position(&scenario.partners, |p| p.id == id, "partner")?;
            scenario.partners.remove(at);
            let hosted: Vec<PoolId> = scenario
                .pools
                .iter()
                .filter(|p| p.host == id)
                .map(|p| p.id)
                .collect();
            scenario.pools.retain(|p| p.host != id);
            scenario
                .contributions
                .retain(|c| c.partner != id && !hosted.contains(&c.pool));
            scenario
                .lines
                .retain(|l| l.commissioner != id && !hosted.contains(&l.pool));
            scenario.ring_fences.retain(|r| !hosted.contains(&r.pool));
            forget_partner_in_rules(scenario, id);
        }
        Item::Pool(id) => {
            let at = position(&scenario.pools, |p| p.id == id, "pool")?;
            scenario.pools.remove(at);
            scenario.contributions.retain(|c| c.pool != id);
            scenario.lines.retain(|l| l.pool != id);
            scenario.ring_fences.retain(|r| r.pool != id);
        }
        Item::Contribution(id) => {
            let at = position(&scenario.contributions, |c| c.id == id, "contribution")?;
            scenario.contributions.remove(at);
        }
        Item::Line(id) => {
            let at = position(&scenario.lines, |l| l.id == id, "spending line")?;
            scenario.lines.remove(at);
        }
    }
    Ok(())
}

/// Fixed-percentage rules name partners; a removed partner's share goes with it (validation
/// then says the shares no longer total 100%, which is the truth the user must settle).
fn forget_partner_in_rules(scenario: &mut Scenario, id: PartnerId) {
    let rules = scenario.pools.iter_mut().map(|p| &mut p.risk_share).chain(
        scenario
            .lines
            .iter_mut()
            .filter_map(|l| l.risk_share.as_mut()),
    );
    for rule in rules {
        rule.forget_partner(id);
    }
}

fn move_item(scenario: &mut Scenario, item: Item, direction: Direction) -> Result<(), EditError> {
    match item {
        Item::Partner(id) => shift(&mut scenario.partners, |p| p.id == id, direction, "partner"),
        Item::Pool(id) => shift(&mut scenario.pools, |p| p.id == id, direction, "pool"),
        Item::Contribution(id) => shift(
            &mut scenario.contributions,
            |c| c.id == id,
            direction,
            "contribution",
        ),
        Item::Line(id) => shift(
            &mut scenario.lines,
            |l| l.id == id,
            direction,
            "spending line",
        ),
    }
}

fn position<T>(
    items: &[T],
    is: impl Fn(&T) -> bool,
    what: &'static str,
) -> Result<usize, EditError> {
    items.iter().position(is).ok_or(EditError::Missing(what))
}

/// Moving the first item up or the last down leaves the list as it is.
fn shift<T>(
    items: &mut [T],
    is: impl Fn(&T) -> bool,
    direction: Direction,
    what: &'static str,
) -> Result<(), EditError> {
    let at = position(items, is, what)?;
    let other = match direction {
        Direction::Up => at.checked_sub(1),
        Direction::Down => Some(at + 1).filter(|&i| i < items.len()),
    };
    if let Some(other) = other {
        items.swap(at, other);
    }
    Ok(())
}

fn find<'a, T>(
    items: &'a mut [T],
    is: impl Fn(&T) -> bool,
    what: &'static str,
) -> Result<&'a mut T, EditError> {
    items
        .iter_mut()
        .find(|item| is(item))
        .ok_or(EditError::Missing(what))
}

fn edit_partner(
    scenario: &mut Scenario,
    id: PartnerId,
    field: &PartnerField,
) -> Result<(), EditError> {
    let partner = find(&mut scenario.partners, |p| p.id == id, "partner")?;
    match field {
        PartnerField::Name(name) => {
            // A short name the modeller made up follows the name; one typed in is kept.
            if naming::is_made_up_short_name(&partner.short_name, &partner.name) {
                partner.short_name = naming::initials(name);
            }
            partner.name = name.clone();
        }
        PartnerField::ShortName(name) => partner.short_name = name.clone(),
        PartnerField::Kind(kind) => partner.kind = *kind,
        PartnerField::BaselineBudget(amount) => partner.baseline_budget = *amount,
        PartnerField::BaselineGrowth(percent) => partner.baseline_growth = *percent,
    }
    Ok(())
}

fn edit_pool(scenario: &mut Scenario, id: PoolId, field: &PoolField) -> Result<(), EditError> {
    let pool = find(&mut scenario.pools, |p| p.id == id, "pool")?;
    match field {
        PoolField::Name(name) => pool.name = name.clone(),
        PoolField::Type(pool_type) => pool.pool_type = *pool_type,
        PoolField::Host(host) => pool.host = *host,
        PoolField::RiskShare(rule) => pool.risk_share = rule.clone(),
        PoolField::Underspend(treatment) => pool.underspend = *treatment,
        PoolField::ReserveOpening(amount) => pool.reserve.opening = *amount,
        PoolField::ReserveSetAside(amount) => pool.reserve.set_aside_per_year = *amount,
    }
    Ok(())
}

fn edit_contribution(
    scenario: &mut Scenario,
    id: ContributionId,
    field: &ContributionField,
) -> Result<(), EditError> {
    let c = find(&mut scenario.contributions, |c| c.id == id, "contribution")?;
    match field {
        ContributionField::Name(name) => c.name = name.clone(),
        ContributionField::Partner(partner) => c.partner = *partner,
        ContributionField::Pool(pool) => c.pool = *pool,
        ContributionField::Stream(stream) => c.stream = *stream,
        ContributionField::Obligation(obligation) => c.obligation = *obligation,
        ContributionField::Rule(rule) => c.rule = rule.clone(),
    }
    Ok(())
}

fn edit_line(scenario: &mut Scenario, id: LineId, field: &LineField) -> Result<(), EditError> {
    let horizon = scenario.horizon;
    let line = find(&mut scenario.lines, |l| l.id == id, "spending line")?;
    match field {
        LineField::Name(name) => line.name = name.clone(),
        LineField::Pool(pool) => line.pool = *pool,
        LineField::Commissioner(partner) => line.commissioner = *partner,
        LineField::Reference(text) => line.reference = text.clone(),
        LineField::Provider(text) => line.provider = text.clone(),
        LineField::Stream(stream) => line.stream = *stream,
        LineField::Budget(year, amount) => line.set_budget(*year, *amount),
        LineField::FillBudget(first, growth) => {
            line.budget = SpendLine::grown_budget(*first, *growth, horizon)
                .map_err(|_| EditError::TooLarge)?;
        }
        LineField::FirstYear(year) => line.first_year = *year,
        LineField::LastYear(year) => line.last_year = *year,
        LineField::Notes(text) => line.notes = text.clone(),
        LineField::Savings(percent) => line.savings = *percent,
        LineField::RingFence(tag) => line.ring_fence = *tag,
        LineField::RiskShare(rule) => line.risk_share = rule.clone(),
        LineField::Forecast(year, outturn) => line.set_forecast(*year, *outturn),
    }
    Ok(())
}

/// A change to the model's list of options (scenarios), rather than to one option.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelEdit {
    /// Adds a copy of this option, named "… (2)" (the next number free), straight after it,
    /// based on it (it holds no overrides yet, so a correction to the original reaches it).
    Duplicate(ScenarioId),
    /// Adds an empty option at the end, over the same years as this one.
    AddBlank(ScenarioId),
    Remove(ScenarioId),
    Move(ScenarioId, Direction),
    /// The option the others are compared against.
    SetBase(ScenarioId),
    /// Makes every option based on this one independent, then removes it.
    RemoveFreeing(ScenarioId),
    /// A linked option becomes a full copy of its figures ("Make independent").
    MakeIndependent(ScenarioId),
    /// Bases the first option on the second, keeping its figures ("Link to …").
    LinkTo(ScenarioId, ScenarioId),
    /// Drops one override: the option takes that figure from its base again.
    UseBase(ScenarioId, Override),
}

/// Applies `edit` to `model`; returns the option to open afterwards (the new copy, or a
/// neighbour of a removed option). On error the model is unchanged.
pub fn apply_to_model(model: &mut Model, edit: &ModelEdit) -> Result<ScenarioId, EditError> {
    let position = |model: &Model, id: ScenarioId| {
        model
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or(EditError::Missing("option"))
    };
    match edit {
        ModelEdit::Duplicate(id) => {
            let at = position(model, *id)?;
            room_for_one(Limited::Options, model.scenarios.len())?;
            let mut copy = model
                .scenarios
                .get(at)
                .cloned()
                .ok_or(EditError::Missing("option"))?;
            copy.id = ScenarioId(next_id(model.scenarios.iter().map(|s| s.id.0)));
            copy.name = naming::copy_name(&copy.name, |name| {
                model.scenarios.iter().any(|s| s.name == name)
            });
            copy.link = Some(Link {
                based_on: *id,
                overrides: Overrides::default(),
            });
            let new_id = copy.id;
            model.scenarios.insert(at + 1, copy);
            Ok(new_id)
        }
        ModelEdit::AddBlank(like) => {
            let at = position(model, *like)?;
            room_for_one(Limited::Options, model.scenarios.len())?;
            let horizon = model
                .scenarios
                .get(at)
                .map(|s| s.horizon)
                .ok_or(EditError::Missing("option"))?;
            let id = ScenarioId(next_id(model.scenarios.iter().map(|s| s.id.0)));
            let name = format!("New option {}", model.scenarios.len() + 1);
            model
                .scenarios
                .push(Scenario::empty(id, &name, horizon).into());
            Ok(id)
        }
        ModelEdit::Remove(id) => {
            if model.scenarios.len() <= 1 {
                return Err(EditError::Needs(
                    "another option before removing the last one",
                ));
            }
            let at = position(model, *id)?;
            let dependents = linked::dependents(model, *id);
            if !dependents.is_empty() {
                let names = dependents
                    .iter()
                    .filter_map(|d| model.scenario(*d))
                    .map(|s| s.name.clone())
                    .collect();
                return Err(EditError::HasDependents(names));
            }
            model.scenarios.remove(at);
            let first = model.scenarios.first().map(|s| s.id);
            let neighbour = model
                .scenarios
                .get(at)
                .map(|s| s.id)
                .or(model.scenarios.last().map(|s| s.id));
            if model.base_scenario == *id {
                model.base_scenario = first.unwrap_or(*id);
            }
            Ok(neighbour.unwrap_or(*id))
        }
        ModelEdit::Move(id, direction) => {
            shift(&mut model.scenarios, |s| s.id == *id, *direction, "option")?;
            Ok(*id)
        }
        ModelEdit::SetBase(id) => {
            position(model, *id)?;
            model.base_scenario = *id;
            Ok(*id)
        }
        ModelEdit::RemoveFreeing(id) => {
            position(model, *id)?;
            let mut freed = model.clone();
            for dependent in linked::dependents(&freed, *id) {
                linked::make_independent(&mut freed, dependent);
            }
            let open = apply_to_model(&mut freed, &ModelEdit::Remove(*id))?;
            *model = freed;
            Ok(open)
        }
        ModelEdit::MakeIndependent(id) => {
            position(model, *id)?;
            linked::make_independent(model, *id);
            Ok(*id)
        }
        ModelEdit::LinkTo(id, base) => {
            position(model, *id)?;
            position(model, *base)?;
            linked::link_to(model, *id, *base).map_err(|p| EditError::Chain(p.to_string()))?;
            Ok(*id)
        }
        ModelEdit::UseBase(id, what) => {
            position(model, *id)?;
            if !linked::use_base(model, *id, what) {
                return Err(EditError::NotLinked);
            }
            Ok(*id)
        }
    }
}
