//! A set of the rows of a prepared catalogue, one bit a row: what a ranking leaves out is marked
//! here by every constraint in turn, counted, and read back when the reasons are built.

/// A set of rows out of `0..rows`, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RowSet {
    words: Vec<u64>,
    rows: usize,
}

/// The word of `row`, and its bit in that word.
fn place(row: usize) -> (usize, u64) {
    (row / 64, 1u64 << (row % 64))
}

impl RowSet {
    /// The empty set over rows `0..rows`.
    pub(crate) fn new(rows: usize) -> Self {
        Self {
            words: vec![0; rows.div_ceil(64)],
            rows,
        }
    }

    /// How many rows the set can hold: it holds rows `0..capacity`.
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.rows
    }

    /// Adds `row`; a row out of range is not held.
    pub(crate) fn insert(&mut self, row: usize) {
        let (word, bit) = place(row);
        if row >= self.rows {
            return;
        }
        if let Some(word) = self.words.get_mut(word) {
            *word |= bit;
        }
    }

    /// Whether the set holds `row`.
    #[cfg(test)]
    pub(crate) fn contains(&self, row: usize) -> bool {
        let (word, bit) = place(row);
        self.words.get(word).is_some_and(|word| word & bit != 0)
    }

    /// How many rows the set holds.
    pub(crate) fn len(&self) -> usize {
        self.words.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// Adds every row not yet in the set for which `leaves_out` holds, given the row's cell
    /// (`cells` has one per row, in row order). A row already in the set is not asked about:
    /// each constraint in turn asks only about the rows no constraint before it has left out.
    pub(crate) fn insert_where<C>(&mut self, cells: &[C], mut leaves_out: impl FnMut(&C) -> bool) {
        let cells = cells.get(..self.rows).unwrap_or(cells);
        for (word, cells) in self.words.iter_mut().zip(cells.chunks(64)) {
            // The rows of a last, partial word past the cells are not open.
            let unused = 64u32.saturating_sub(u32::try_from(cells.len()).unwrap_or(64));
            let mut open = !*word & u64::MAX.checked_shr(unused).unwrap_or(0);
            while open != 0 {
                let bit = open.trailing_zeros();
                open &= open.wrapping_sub(1);
                if let Some(cell) = cells.get(bit as usize) {
                    *word |= u64::from(leaves_out(cell)) << (bit & 63);
                }
            }
        }
    }

    /// The rows in the set, in ascending order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows_where(|word| word)
    }

    /// The rows of `0..capacity` not in the set, in ascending order.
    pub(crate) fn iter_absent(&self) -> impl Iterator<Item = usize> + '_ {
        self.rows_where(|word| !word)
    }

    /// The rows whose bits are set in `pick(word)`, word by word, within range.
    fn rows_where(&self, pick: impl Fn(u64) -> u64 + Copy + 'static) -> impl Iterator<Item = usize> + '_ {
        let rows = self.rows;
        self.words.iter().enumerate().flat_map(move |(index, word)| {
            let mut bits = pick(*word);
            let first = index.saturating_mul(64);
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits.wrapping_sub(1);
                    first.saturating_add(bit)
                })
            })
            .take_while(move |row| *row < rows)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    /// A capacity and rows within it (and a few past it, which the set must not hold).
    fn rows() -> impl Strategy<Value = (usize, Vec<usize>)> {
        (0usize..300).prop_flat_map(|capacity| {
            (
                Just(capacity),
                proptest::collection::vec(0..capacity.saturating_add(70), 0..200),
            )
        })
    }

    proptest! {
        #[test]
        fn behaves_as_an_ordered_set_of_rows_in_range((capacity, inserted) in rows()) {
            let mut set = RowSet::new(capacity);
            for row in &inserted {
                set.insert(*row);
            }
            let model: BTreeSet<usize> = inserted.iter().copied().filter(|row| *row < capacity).collect();
            prop_assert_eq!(set.capacity(), capacity);
            prop_assert_eq!(set.len(), model.len());
            prop_assert_eq!(set.iter().collect::<Vec<_>>(), model.iter().copied().collect::<Vec<_>>());
            prop_assert_eq!(
                set.iter_absent().collect::<Vec<_>>(),
                (0..capacity).filter(|row| !model.contains(row)).collect::<Vec<_>>()
            );
            for row in 0..capacity.saturating_add(70) {
                prop_assert_eq!(set.contains(row), model.contains(&row));
            }
        }

        #[test]
        fn insert_where_asks_only_about_rows_not_yet_in(
            (capacity, inserted) in rows(),
            divisor in 1usize..7,
        ) {
            let mut set = RowSet::new(capacity);
            for row in &inserted {
                set.insert(*row);
            }
            let before = set.clone();
            let cells: Vec<usize> = (0..capacity).collect();
            let mut asked = Vec::new();
            set.insert_where(&cells, |row| {
                asked.push(*row);
                row % divisor == 0
            });
            prop_assert_eq!(&asked, &before.iter_absent().collect::<Vec<_>>());
            for row in 0..capacity {
                prop_assert_eq!(set.contains(row), before.contains(row) || row % divisor == 0);
            }
        }
    }

    #[test]
    fn an_empty_range_holds_nothing() {
        let mut set = RowSet::new(0);
        set.insert(0);
        set.insert_where(&[0u8; 3], |_| true);
        assert_eq!(set.len(), 0);
        assert_eq!(set.iter().count(), 0);
        assert_eq!(set.iter_absent().count(), 0);
    }

    #[test]
    fn cells_past_the_range_are_not_asked_about() {
        let mut set = RowSet::new(3);
        let mut asked = 0;
        set.insert_where(&[0u8; 5], |_| {
            asked += 1;
            true
        });
        assert_eq!(asked, 3);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn the_last_word_is_read_to_its_last_row_only() {
        let mut set = RowSet::new(65);
        set.insert_where(&[true; 65], |leaves_out| *leaves_out);
        assert_eq!(set.len(), 65);
        assert_eq!(set.iter().last(), Some(64));
        assert_eq!(set.iter_absent().count(), 0);
    }
}
