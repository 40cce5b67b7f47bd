//! Sets of the members of one closed vocabulary, as the bits of one word: building, copying,
//! comparing and testing a set costs a few instructions, and no caller handles a bit.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// A member of a closed vocabulary that fits a [`VocabularySet`]: every member has its own
/// index below [`VocabularySet::CAPACITY`].
pub(crate) trait Member: Copy + 'static {
    /// The member's index: its place in declaration order.
    fn index(self) -> u32;

    /// Every member, in declaration order.
    fn members() -> impl Iterator<Item = Self>;
}

/// A set of members of the vocabulary `T`, one bit each.
pub(crate) struct VocabularySet<T> {
    bits: u64,
    /// `fn() -> T`, so that the set is `Send`, `Sync` and `Copy` whatever `T` is.
    members: PhantomData<fn() -> T>,
}

impl<T> VocabularySet<T> {
    /// The most members a vocabulary can have to fit a set; each vocabulary checks it where it
    /// implements [`Member`].
    pub(crate) const CAPACITY: usize = u64::BITS as usize;

    /// The empty set.
    pub(crate) const fn new() -> Self {
        Self {
            bits: 0,
            members: PhantomData,
        }
    }

    const fn from_bits(bits: u64) -> Self {
        Self {
            bits,
            members: PhantomData,
        }
    }

    /// How many members the set holds.
    pub(crate) fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set holds no member.
    pub(crate) fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// Whether the two sets hold a member in common.
    pub(crate) fn intersects(self, other: Self) -> bool {
        self.bits & other.bits != 0
    }

    /// The members in both sets.
    pub(crate) fn intersection(self, other: Self) -> Self {
        Self::from_bits(self.bits & other.bits)
    }

    /// The members in either set.
    pub(crate) fn union(self, other: Self) -> Self {
        Self::from_bits(self.bits | other.bits)
    }

    /// The members of `self` that `other` lacks.
    pub(crate) fn difference(self, other: Self) -> Self {
        Self::from_bits(self.bits & !other.bits)
    }

    /// Whether every member of `self` is in `other`.
    pub(crate) fn is_subset(self, other: Self) -> bool {
        self.bits & !other.bits == 0
    }
}

impl<T: Member> VocabularySet<T> {
    /// The bit of `member`; none for an index past the capacity, which [`Member`]'s
    /// implementations rule out at compile time.
    fn bit(member: T) -> u64 {
        1u64.checked_shl(member.index()).unwrap_or(0)
    }

    /// The set holding `member` alone.
    pub(crate) fn of(member: T) -> Self {
        Self::from_bits(Self::bit(member))
    }

    /// Every member of the vocabulary.
    pub(crate) fn all() -> Self {
        T::members().collect()
    }

    /// The set with `member` added.
    #[must_use]
    pub(crate) fn with(self, member: T) -> Self {
        Self::from_bits(self.bits | Self::bit(member))
    }

    /// Adds `member`; returns whether it was new.
    pub(crate) fn insert(&mut self, member: T) -> bool {
        let before = self.bits;
        self.bits |= Self::bit(member);
        self.bits != before
    }

    /// Removes `member`; returns whether it was there.
    pub(crate) fn remove(&mut self, member: T) -> bool {
        let before = self.bits;
        self.bits &= !Self::bit(member);
        self.bits != before
    }

    /// Whether the set holds `member`.
    pub(crate) fn contains(self, member: T) -> bool {
        self.bits & Self::bit(member) != 0
    }

    /// The members, in declaration order.
    pub(crate) fn iter(self) -> impl Iterator<Item = T> {
        T::members().filter(move |member| self.contains(*member))
    }
}

impl<T> Clone for VocabularySet<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for VocabularySet<T> {}

impl<T> Default for VocabularySet<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> PartialEq for VocabularySet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}

impl<T> Eq for VocabularySet<T> {}

impl<T> PartialOrd for VocabularySet<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for VocabularySet<T> {
    /// By the bits: a set holding a later member orders after every set of earlier ones.
    fn cmp(&self, other: &Self) -> Ordering {
        self.bits.cmp(&other.bits)
    }
}

impl<T> Hash for VocabularySet<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}

impl<T: Member + fmt::Debug> fmt::Debug for VocabularySet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Member> FromIterator<T> for VocabularySet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(members: I) -> Self {
        members.into_iter().fold(Self::new(), Self::with)
    }
}

impl<T: Member> Extend<T> for VocabularySet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, members: I) {
        *self = members.into_iter().fold(*self, Self::with);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;
    use crate::value::UsState;

    /// A vocabulary that fills a set to the last bit.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    struct Bit(u32);

    impl Member for Bit {
        fn index(self) -> u32 {
            self.0
        }

        fn members() -> impl Iterator<Item = Self> {
            (0..u64::BITS).map(Bit)
        }
    }

    fn bits() -> impl Strategy<Value = Vec<Bit>> {
        proptest::collection::vec((0..u64::BITS).prop_map(Bit), 0..80)
    }

    proptest! {
        #[test]
        fn behaves_as_an_ordered_set(left in bits(), right in bits()) {
            let set: VocabularySet<Bit> = left.iter().copied().collect();
            let other: VocabularySet<Bit> = right.iter().copied().collect();
            let model: BTreeSet<Bit> = left.iter().copied().collect();
            let other_model: BTreeSet<Bit> = right.iter().copied().collect();
            prop_assert_eq!(set.len(), model.len());
            prop_assert_eq!(set.is_empty(), model.is_empty());
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), model.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(
                set.union(other).iter().collect::<BTreeSet<_>>(),
                model.union(&other_model).copied().collect::<BTreeSet<_>>()
            );
            prop_assert_eq!(
                set.intersection(other).iter().collect::<BTreeSet<_>>(),
                model.intersection(&other_model).copied().collect::<BTreeSet<_>>()
            );
            prop_assert_eq!(
                set.difference(other).iter().collect::<BTreeSet<_>>(),
                model.difference(&other_model).copied().collect::<BTreeSet<_>>()
            );
            prop_assert_eq!(set.intersects(other), !model.is_disjoint(&other_model));
            prop_assert_eq!(set.is_subset(other), model.is_subset(&other_model));
            prop_assert_eq!(set == other, model == other_model);
        }

        #[test]
        fn insert_and_remove_say_what_changed(members in bits(), member in (0..u64::BITS).prop_map(Bit)) {
            let mut set: VocabularySet<Bit> = members.iter().copied().collect();
            let was_in = set.contains(member);
            prop_assert_eq!(set.insert(member), !was_in);
            prop_assert!(set.contains(member));
            prop_assert!(set.remove(member));
            prop_assert!(!set.contains(member));
            prop_assert!(!set.remove(member));
        }
    }

    #[test]
    fn every_state_has_its_own_bit() {
        let all = VocabularySet::<UsState>::all();
        assert_eq!(all.len(), UsState::all().count());
        assert!(UsState::all().count() <= VocabularySet::<UsState>::CAPACITY);
        for state in UsState::all() {
            assert_eq!(VocabularySet::of(state).iter().collect::<Vec<_>>(), [state]);
        }
    }

    #[test]
    fn a_member_past_the_capacity_is_never_held() {
        let mut set = VocabularySet::new();
        assert!(!set.insert(Bit(u64::BITS)));
        assert!(set.is_empty());
        assert!(!set.contains(Bit(u64::BITS)));
    }

    #[test]
    fn debug_lists_the_members() {
        let set: VocabularySet<UsState> = [UsState::Ohio, UsState::Alabama].into_iter().collect();
        assert_eq!(format!("{set:?}"), "{Alabama, Ohio}");
    }
}
