//! `CowRc<T>`: a value behind an `Rc`, copied only when changed while shared (copy on write).
//! A model holds its options this way, so copying a model (each edit copies the one it edits,
//! and undo history keeps earlier ones) shares every option but the one that changed. It reads
//! and writes like the value itself (`Deref`, `DerefMut`), compares by value (by pointer first),
//! and is saved exactly as the value is.

use std::ops::{Deref, DerefMut};
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Default)]
pub struct CowRc<T>(Rc<T>);

impl<T> CowRc<T> {
    pub fn new(value: T) -> CowRc<T> {
        CowRc(Rc::new(value))
    }

    /// Whether both are the very same value (not a copy).
    pub fn same(a: &CowRc<T>, b: &CowRc<T>) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> From<T> for CowRc<T> {
    fn from(value: T) -> CowRc<T> {
        CowRc::new(value)
    }
}

impl<T> Clone for CowRc<T> {
    /// Shares the value: a copy is made only when one of them is changed.
    fn clone(&self) -> CowRc<T> {
        CowRc(Rc::clone(&self.0))
    }
}

impl<T> Deref for CowRc<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for CowRc<T> {
    /// The value to change: copied first if anything else shares it.
    fn deref_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for CowRc<T> {
    fn eq(&self, other: &CowRc<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl<T: Serialize> Serialize for CowRc<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for CowRc<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<CowRc<T>, D::Error> {
        T::deserialize(deserializer).map(CowRc::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_until_one_side_is_changed() {
        let first = CowRc::new(vec![1, 2, 3]);
        let mut second = first.clone();
        assert!(CowRc::same(&first, &second));
        second.push(4);
        assert!(!CowRc::same(&first, &second));
        assert_eq!(*first, vec![1, 2, 3]);
        assert_eq!(*second, vec![1, 2, 3, 4]);
        assert_ne!(first, second);
        assert_eq!(first, CowRc::new(vec![1, 2, 3]));
    }

    #[test]
    fn it_is_saved_as_the_value_is() {
        let value = CowRc::new(vec!["a".to_string()]);
        let text = serde_json::to_string(&value).unwrap_or_default();
        assert_eq!(text, r#"["a"]"#);
        let back: CowRc<Vec<String>> = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
    }
}
