//! Sorting and key lookups with one copy of the machinery for every type.
//!
//! `slice::sort_by_key` and `BTreeMap<K, _>` are compiled again for each element or key type
//! (each sort is about 3 KB of wasm), and the model sorts and looks up many: each kind of list
//! item, its key, each kind of per-year entry. These helpers turn keys into numbers first, so
//! the sort and the map are compiled once (docs/benchmarks.md, issue #18). Lists here are short
//! (a plan's years) or a few hundred items, so the extra pass is not noticeable.

use std::collections::BTreeMap;

/// Sorts `items` by `key`, smallest first, keeping items with equal keys in their order (as
/// `sort_by_key` does).
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let keys: Vec<u64> = items.iter().map(key).collect();
    if keys.windows(2).all(|pair| pair[0] <= pair[1]) {
        return;
    }
    let order = stable_order(keys);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|at| slots[at].take()));
}

/// The places of `keys` in the order that sorts them, ties in their order.
fn stable_order(keys: Vec<u64>) -> Vec<usize> {
    let mut pairs: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
    // Each (key, place) pair is distinct, so an unstable sort of the pairs is stable by key.
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, at)| at).collect()
}

/// A key as a number that no other key of its type shares, for [`Places`] and [`KeySet`].
pub trait KeyNumber: Copy {
    fn number(self) -> u128;
}

/// Each key's first place in a list.
#[derive(Default)]
pub struct Places(BTreeMap<u128, usize>);

impl Places {
    pub fn of<K: KeyNumber>(keys: impl IntoIterator<Item = K>) -> Places {
        Places::of_numbers(keys.into_iter().map(KeyNumber::number).collect())
    }

    fn of_numbers(numbers: Vec<u128>) -> Places {
        let mut places = BTreeMap::new();
        for (at, number) in numbers.into_iter().enumerate() {
            places.entry(number).or_insert(at);
        }
        Places(places)
    }

    /// The first place of `key`, if it is in the list.
    pub fn get<K: KeyNumber>(&self, key: K) -> Option<usize> {
        self.0.get(&key.number()).copied()
    }

    /// Counts one more holder of `key`: how many were counted before.
    pub fn count<K: KeyNumber>(&mut self, key: K) -> usize {
        let count = self.0.entry(key.number()).or_insert(0);
        *count += 1;
        *count - 1
    }
}

/// A set of keys.
pub struct KeySet(Places);

impl KeySet {
    pub fn of<K: KeyNumber>(keys: impl IntoIterator<Item = K>) -> KeySet {
        KeySet(Places::of(keys))
    }

    pub fn contains<K: KeyNumber>(&self, key: K) -> bool {
        self.0.get(key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_keeps_ties_in_their_order_like_the_standard_sort() {
        let start: Vec<(u64, char)> =
            vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let mut ours = start.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut standard = start;
        standard.sort_by_key(|p| p.0);
        assert_eq!(ours, standard);
        assert_eq!(ours.iter().map(|p| p.1).collect::<String>(), "dbefac");
    }

    #[derive(Clone, Copy)]
    struct Id(u32);
    impl KeyNumber for Id {
        fn number(self) -> u128 {
            u128::from(self.0)
        }
    }

    #[test]
    fn places_are_first_places_and_counts_count() {
        let places = Places::of([Id(7), Id(2), Id(7)]);
        assert_eq!(places.get(Id(7)), Some(0));
        assert_eq!(places.get(Id(2)), Some(1));
        assert_eq!(places.get(Id(5)), None);
        let mut counts = Places::default();
        assert_eq!(counts.count(Id(4)), 0);
        assert_eq!(counts.count(Id(4)), 1);
        assert_eq!(counts.count(Id(9)), 0);
        let set = KeySet::of([Id(1), Id(3)]);
        assert!(set.contains(Id(3)) && !set.contains(Id(2)));
    }
}
