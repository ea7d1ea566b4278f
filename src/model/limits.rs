//! The size of model the modeller supports well: how many options, partners, pools,
//! contributions and spending lines, and how long a name may be. A model beyond them is refused
//! on opening (link or file) with a message naming the limit, rather than freezing the tab.
//! docs/model-format.md ("Limits") gives the figures and why.

use core::fmt;

use super::contribution::AmountRule;
use super::scenario::{Model, Scenario};

/// Options (scenarios) in one model. The comparison shows six at once.
pub const MAX_OPTIONS: usize = 12;
// The editor shows every partner, pool, contribution and line of the open option as a card (and
// every partner in each line's and contribution's drop-downs), so opening takes time in
// proportion to them: `make bench` ("7. Open the model at the size limits") checks that a model
// at all of these limits at once (`fixtures::limits_model`) opens in under 3 s. With 500 lines
// and 50 partners it took 4.6 s. Raise them when the editor draws less (issue #13's grid).

/// Partners in one option (the large example has 20).
pub const MAX_PARTNERS: usize = 20;
/// Pools in one option.
pub const MAX_POOLS: usize = 10;
/// Contributions in one option.
pub const MAX_CONTRIBUTIONS: usize = 50;
/// Spending lines in one option: above the 40–120 schemes of a real Better Care Fund plan.
pub const MAX_LINES: usize = 200;
/// Ring-fenced minimums in one option (two kinds for each of 10 pools).
pub const MAX_RING_FENCES: usize = 20;
/// Entries in one list inside an item: a contribution's amounts per year, a line's forecast
/// years, a rule's fixed percentages. A plan has at most 10 years and an option 20 partners.
pub const MAX_ENTRIES: usize = 50;
/// Characters in any name (of the model, an option, a partner, a pool, a contribution or a line).
pub const MAX_NAME_CHARS: usize = 200;
/// Characters in an option's description.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

/// What a limit is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limited {
    Options,
    Partners,
    Pools,
    Contributions,
    Lines,
    RingFences,
    /// Entries in one list inside an item (amounts per year, forecast years, fixed percentages).
    Entries,
    Name,
    Description,
}

impl Limited {
    /// The most this model may hold of it.
    pub fn limit(self) -> usize {
        match self {
            Limited::Options => MAX_OPTIONS,
            Limited::Partners => MAX_PARTNERS,
            Limited::Pools => MAX_POOLS,
            Limited::Contributions => MAX_CONTRIBUTIONS,
            Limited::Lines => MAX_LINES,
            Limited::RingFences => MAX_RING_FENCES,
            Limited::Entries => MAX_ENTRIES,
            Limited::Name => MAX_NAME_CHARS,
            Limited::Description => MAX_DESCRIPTION_CHARS,
        }
    }

    /// Why an add was refused: "An option can hold at most 500 spending lines."
    pub fn full(self) -> String {
        let (limit, noun) = (group(self.limit()), self.noun());
        match self {
            Limited::Options => format!("A model can hold at most {limit} options."),
            Limited::Name | Limited::Description => {
                format!("This can be at most {limit} characters long.")
            }
            _ => format!("An option can hold at most {limit} {noun}."),
        }
    }

    /// Plural noun: "spending lines".
    fn noun(self) -> &'static str {
        match self {
            Limited::Options => "options",
            Limited::Partners => "partners",
            Limited::Pools => "pools",
            Limited::Contributions => "contributions",
            Limited::Lines => "spending lines",
            Limited::RingFences => "ring-fenced minimums",
            Limited::Entries => {
                "entries in one list (amounts per year, forecast years or fixed percentages)"
            }
            Limited::Name | Limited::Description => "characters",
        }
    }
}

/// A model over one of the limits: which, how many it has, and in which option (position from
/// 0), if the limit is per option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LimitError {
    pub what: Limited,
    pub count: usize,
    pub option: Option<usize>,
}

impl fmt::Display for LimitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = self.what.limit();
        let (count, noun) = (group(self.count), self.what.noun());
        let place = match self.option {
            Some(position) => format!("Option {} has", position.saturating_add(1)),
            None => "This model has".to_string(),
        };
        match (self.what, self.option) {
            (Limited::Name, Some(position)) => write!(
                f,
                "A name in option {} has {count} characters; names may have at most {limit}. \
                 Shorten it, in the file or in the copy of the modeller it came from, and open it again.",
                position.saturating_add(1)
            ),
            (Limited::Name, None) => write!(
                f,
                "The model's name has {count} characters; names may have at most {limit}. \
                 Shorten it, in the file or in the copy of the modeller it came from, and open it again."
            ),
            (Limited::Description, _) => write!(
                f,
                "The description of option {} has {count} characters; descriptions may have at \
                 most {}. Shorten it and open it again.",
                self.option.unwrap_or(0).saturating_add(1),
                group(limit)
            ),
            _ => write!(
                f,
                "{place} {count} {noun}; the modeller supports at most {} {noun} {}. Split it \
                 into smaller models, or remove some, and open it again.",
                group(limit),
                if self.option.is_some() || self.what == Limited::Entries {
                    "in one option"
                } else {
                    "in one model"
                }
            ),
        }
    }
}

impl std::error::Error for LimitError {}

/// `Err` naming the first limit `model` is over, if any.
pub fn check(model: &Model) -> Result<(), LimitError> {
    at_most(Limited::Options, model.scenarios.len(), None)?;
    at_most(Limited::Name, chars(&model.name), None)?;
    for (position, scenario) in model.scenarios.iter().enumerate() {
        check_scenario(scenario, Some(position))?;
    }
    Ok(())
}

/// `Err` if `count` is over the limit for `what`. Decoders call this with a count they have read,
/// before reading (or allocating for) the items.
pub fn at_most(what: Limited, count: usize, option: Option<usize>) -> Result<(), LimitError> {
    if count > what.limit() {
        return Err(LimitError {
            what,
            count,
            option,
        });
    }
    Ok(())
}

/// Why a typed name is refused, completing the sentence "<label> …"; `None` if it is short enough.
pub fn name_too_long(name: &str) -> Option<String> {
    let count = chars(name);
    (count > MAX_NAME_CHARS).then(|| {
        format!(
            "must be at most {MAX_NAME_CHARS} characters; this has {}",
            group(count)
        )
    })
}

fn check_scenario(scenario: &Scenario, option: Option<usize>) -> Result<(), LimitError> {
    let count = |what, n| at_most(what, n, option);
    count(Limited::Partners, scenario.partners.len())?;
    count(Limited::Pools, scenario.pools.len())?;
    count(Limited::Contributions, scenario.contributions.len())?;
    count(Limited::Lines, scenario.lines.len())?;
    count(Limited::RingFences, scenario.ring_fences.len())?;
    count(Limited::Name, chars(&scenario.name))?;
    count(Limited::Description, chars(&scenario.description))?;
    let names = scenario
        .partners
        .iter()
        .flat_map(|p| [&p.name, &p.short_name])
        .chain(scenario.pools.iter().map(|p| &p.name))
        .chain(scenario.contributions.iter().map(|c| &c.name))
        .chain(scenario.lines.iter().map(|l| &l.name));
    for name in names {
        count(Limited::Name, chars(name))?;
    }
    let rules = scenario
        .pools
        .iter()
        .map(|p| Some(&p.risk_share))
        .chain(scenario.lines.iter().map(|l| l.risk_share.as_ref()));
    for rule in rules.flatten() {
        count(Limited::Entries, rule.fixed_shares().map_or(0, <[_]>::len))?;
    }
    for line in &scenario.lines {
        count(Limited::Entries, line.forecast.len())?;
    }
    let amount_rules = scenario.contributions.iter().map(|c| &c.rule).chain(
        scenario
            .ring_fences
            .iter()
            .filter_map(|r| match &r.minimum {
                super::spend::MinimumRule::Amount { rule } => Some(rule),
                super::spend::MinimumRule::ShareOfStream { .. } => None,
            }),
    );
    for rule in amount_rules {
        if let AmountRule::PerYear { amounts } = rule {
            count(Limited::Entries, amounts.len())?;
        }
    }
    Ok(())
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// "4,000": counts in messages are grouped like amounts.
pub fn group(count: usize) -> String {
    let digits = count.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}
