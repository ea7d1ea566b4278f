//! Undo and redo history that shares what did not change. A model shares its options between
//! copies until one is changed (`CowRc`), so a snapshot holds every option that an edit left
//! alone as the very option the model holds. An option that changed is kept item by item: each
//! partner, pool, contribution, line and ring-fence behind an `Rc` reused from the neighbouring
//! snapshot when equal. An edit to one amount then costs history one contribution and a few
//! lists of pointers, not a copy of the whole model (docs/benchmarks.md, measure 6).

use std::rc::Rc;

use crate::model::{
    Contribution, CowRc, Model, Partner, Pool, RingFenceRequirement, Scenario, ScenarioId,
    SpendLine,
};

/// A point in history: the model, and which option was open, so undo shows the change it undoes.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    model: SharedModel,
    pub open: ScenarioId,
}

/// A model whose options are shared. `header` is the model with no options (its name, base and
/// whatever else a model holds), so a field added to `Model` is kept without a change here.
#[derive(Debug, PartialEq)]
struct SharedModel {
    header: Model,
    scenarios: Vec<Stored>,
}

/// One option as history keeps it.
#[derive(Debug, PartialEq)]
enum Stored {
    /// The option as the model held it, shared with the model and with the neighbouring
    /// snapshots while none of them changed it.
    Whole(CowRc<Scenario>),
    /// An option that changed, item by item, each item shared with the neighbouring snapshot.
    Items(Rc<SharedScenario>),
}

impl Stored {
    fn id(&self) -> ScenarioId {
        match self {
            Stored::Whole(scenario) => scenario.id,
            Stored::Items(shared) => shared.header.id,
        }
    }
}

/// An option whose items are shared; `header` is the option with its lists empty.
#[derive(Debug, PartialEq)]
struct SharedScenario {
    header: Scenario,
    partners: Vec<Rc<Partner>>,
    pools: Vec<Rc<Pool>>,
    contributions: Vec<Rc<Contribution>>,
    lines: Vec<Rc<SpendLine>>,
    ring_fences: Vec<Rc<RingFenceRequirement>>,
}

impl Snapshot {
    /// `model` as history keeps it, sharing every option and item that equals the one in
    /// `like` (the neighbouring snapshot), and copying only the rest.
    pub fn of(model: &Model, open: ScenarioId, like: Option<&Snapshot>) -> Snapshot {
        let like = like.map(|s| s.model.scenarios.as_slice()).unwrap_or(&[]);
        let header = model_fields(model);
        let scenarios = model
            .scenarios
            .iter()
            .map(
                |scenario| match like.iter().find(|s| s.id() == scenario.id) {
                    // Unchanged since the neighbour, or nothing to share with: the option itself.
                    Some(Stored::Whole(kept)) if CowRc::same(kept, scenario) => {
                        Stored::Whole(kept.clone())
                    }
                    None => Stored::Whole(scenario.clone()),
                    // Changed: item by item, sharing what the neighbour had item by item.
                    Some(Stored::Items(neighbour)) => {
                        Stored::Items(SharedScenario::of(scenario, Some(neighbour)))
                    }
                    Some(Stored::Whole(_)) => Stored::Items(SharedScenario::of(scenario, None)),
                },
            )
            .collect();
        Snapshot {
            model: SharedModel { header, scenarios },
            open,
        }
    }

    /// The model this snapshot holds, as plain data.
    pub fn model(&self) -> Model {
        let mut model = self.model.header.clone();
        model.scenarios = self
            .model
            .scenarios
            .iter()
            .map(|stored| match stored {
                Stored::Whole(scenario) => scenario.clone(),
                Stored::Items(shared) => shared.scenario().into(),
            })
            .collect();
        model
    }
}

/// Every field of `model` but its options, copied (the options are left empty).
fn model_fields(model: &Model) -> Model {
    // Destructured so that a field added to `Model` is copied here, or fails to compile.
    let Model {
        schema_version,
        name,
        scenarios: _,
        base_scenario,
        forecast_entry,
        paper,
        uncertainty,
        money_display,
    } = model;
    Model {
        schema_version: *schema_version,
        name: name.clone(),
        scenarios: Vec::new(),
        base_scenario: *base_scenario,
        forecast_entry: *forecast_entry,
        paper: paper.clone(),
        uncertainty: uncertainty.clone(),
        money_display: *money_display,
    }
}

impl SharedScenario {
    fn of(scenario: &Scenario, like: Option<&Rc<SharedScenario>>) -> Rc<SharedScenario> {
        let empty = SharedScenario::empty_lists(scenario);
        let like_ref = like.map(|l| &**l).unwrap_or(&empty);
        let shared = SharedScenario {
            header: scenario_header(scenario),
            partners: share(&scenario.partners, &like_ref.partners),
            pools: share(&scenario.pools, &like_ref.pools),
            contributions: share(&scenario.contributions, &like_ref.contributions),
            lines: share(&scenario.lines, &like_ref.lines),
            ring_fences: share(&scenario.ring_fences, &like_ref.ring_fences),
        };
        match like {
            Some(like) if shared.same_as(like) => Rc::clone(like),
            _ => Rc::new(shared),
        }
    }

    fn empty_lists(scenario: &Scenario) -> SharedScenario {
        SharedScenario {
            header: scenario_header(scenario),
            partners: Vec::new(),
            pools: Vec::new(),
            contributions: Vec::new(),
            lines: Vec::new(),
            ring_fences: Vec::new(),
        }
    }

    /// Same header and the very same items (every item was shared from `other`).
    fn same_as(&self, other: &SharedScenario) -> bool {
        fn same<T>(a: &[Rc<T>], b: &[Rc<T>]) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y))
        }
        self.header == other.header
            && same(&self.partners, &other.partners)
            && same(&self.pools, &other.pools)
            && same(&self.contributions, &other.contributions)
            && same(&self.lines, &other.lines)
            && same(&self.ring_fences, &other.ring_fences)
    }

    fn scenario(&self) -> Scenario {
        fn plain<T: Clone>(items: &[Rc<T>]) -> Vec<T> {
            items.iter().map(|i| T::clone(i)).collect()
        }
        Scenario {
            partners: plain(&self.partners),
            pools: plain(&self.pools),
            contributions: plain(&self.contributions),
            lines: plain(&self.lines),
            ring_fences: plain(&self.ring_fences),
            ..self.header.clone()
        }
    }
}

/// The option with its lists empty (and any field added to `Scenario` later, copied).
fn scenario_header(scenario: &Scenario) -> Scenario {
    let Scenario {
        id,
        name,
        description,
        horizon,
        partners: _,
        pools: _,
        contributions: _,
        lines: _,
        ring_fences: _,
        link,
    } = scenario;
    Scenario {
        description: description.clone(),
        link: link.clone(),
        ..Scenario::empty(*id, name, *horizon)
    }
}

/// `items`, each shared with the equal item in `like` where there is one nearby (at the same
/// place, or one place either side after an item was added, removed or moved).
fn share<T: Clone + PartialEq>(items: &[T], like: &[Rc<T>]) -> Vec<Rc<T>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            [Some(i), Some(i + 1), i.checked_sub(1)]
                .into_iter()
                .flatten()
                .filter_map(|j| like.get(j))
                .find(|old| ***old == *item)
                .map_or_else(|| Rc::new(item.clone()), Rc::clone)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::large_model;

    fn same_options(a: &Snapshot, b: &Snapshot) -> Vec<bool> {
        a.model
            .scenarios
            .iter()
            .zip(&b.model.scenarios)
            .map(|pair| match pair {
                (Stored::Whole(x), Stored::Whole(y)) => CowRc::same(x, y),
                (Stored::Items(x), Stored::Items(y)) => Rc::ptr_eq(x, y),
                _ => false,
            })
            .collect()
    }

    #[test]
    fn an_unchanged_model_shares_every_option_with_the_model_itself() {
        let model = large_model();
        let first = Snapshot::of(&model, ScenarioId(1), None);
        let second = Snapshot::of(&model, ScenarioId(1), Some(&first));
        assert!(same_options(&first, &second).into_iter().all(|same| same));
        assert!(first.model.scenarios.iter().zip(&model.scenarios).all(
            |(stored, option)| matches!(stored, Stored::Whole(kept) if CowRc::same(kept, option))
        ));
        assert_eq!(second.model(), model);
    }

    #[test]
    fn an_edit_copies_only_the_option_and_then_the_item_it_changed() {
        let model = large_model();
        let first = Snapshot::of(&model, ScenarioId(1), None);
        let mut edited = model.clone();
        edited.scenarios[0].contributions[0].name.push('!');
        let second = Snapshot::of(&edited, ScenarioId(1), Some(&first));
        // Only the option that changed is held apart; the others are the model's own.
        let same = same_options(&first, &second);
        assert!(!same[0]);
        assert!(same[1..].iter().all(|same| *same));
        assert_eq!(second.model(), edited);
        // Once held item by item, a further edit shares every item it left alone.
        let mut again = edited.clone();
        again.scenarios[0].contributions[0].name.push('?');
        let third = Snapshot::of(&again, ScenarioId(1), Some(&second));
        let (Stored::Items(a), Stored::Items(b)) =
            (&second.model.scenarios[0], &third.model.scenarios[0])
        else {
            panic!("the option that changed is held item by item");
        };
        assert!(!Rc::ptr_eq(&a.contributions[0], &b.contributions[0]));
        assert!(a.contributions[1..]
            .iter()
            .zip(&b.contributions[1..])
            .all(|(x, y)| Rc::ptr_eq(x, y)));
        assert!(a.lines.iter().zip(&b.lines).all(|(x, y)| Rc::ptr_eq(x, y)));
        assert_eq!(third.model(), again);
    }
}
