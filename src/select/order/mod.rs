//! Ordering scores: [`Order`], the one public way to put scores best-first with their ranks;
//! underneath, a full descending order with competition ranks by bucketing ([`buckets`]), and
//! the top `k` by selection.

mod buckets;

use buckets::{
    BucketWork, KeyScale, ONE_BUCKET_ROWS, PARALLEL_ROWS, non_negative, order_in_buckets, score_range,
};

/// Rows put best-first by their scores, with the competition rank of each: the ordering of
/// what [`Scoring::score`](super::Scoring::score) returns.
///
/// A higher score is better. Equal scores share the rank of the first of them (1, 2, 2, 4) and
/// keep ascending row order among themselves. Scores are expected to be non-negative, as every
/// [`Scoring`](super::Scoring) score is: a negative score or NaN is ordered as 0. Rows are
/// numbered as `u32`: of more than `u32::MAX` scores, the first `u32::MAX` are ordered.
///
/// ```
/// use himkit::select::Order;
///
/// let scores = [0.5, 0.9, 0.5, 1.0];
/// let order = Order::of(&scores);
/// assert_eq!(order.rows(), &[3, 1, 0, 2]);
/// assert_eq!(order.ranks(), &[1, 2, 3, 3]);
///
/// // The best two only, found by selection rather than a full sort.
/// let best = Order::top(&scores, 2);
/// assert_eq!((best.rows(), best.ranks()), (&[3, 1][..], &[1, 2][..]));
///
/// // Ordering again into the same buffers allocates nothing once they are large enough.
/// let mut reused = Order::default();
/// reused.refill(&[0.1, 0.3]);
/// assert_eq!(reused.rows(), &[1, 0]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Order {
    rows: Vec<u32>,
    ranks: Vec<u32>,
}

impl Order {
    /// Every row of `scores`, best first.
    ///
    /// The order is made by buckets of 32-bit keys rather than by comparisons, with the full
    /// scores deciding between equal keys; from 65,536 scores, with the default `parallel`
    /// feature, the work is shared by two threads, with the same result.
    #[must_use]
    pub fn of(scores: &[f64]) -> Self {
        let (rows, ranks) = rank_descending(scores);
        Self { rows, ranks }
    }

    /// The best `k` rows of `scores`, best first, with their ranks among all the scores (as
    /// [`Order::of`] gives them): found by selection, which is faster than a full order when `k`
    /// is small. With `k` at least the number of scores, the full order.
    #[must_use]
    pub fn top(scores: &[f64], k: usize) -> Self {
        if k >= scores.len() {
            return Self::of(scores);
        }
        let rows = top_descending(scores, k);
        let ranks = competition_ranks(scores, &rows);
        Self { rows, ranks }
    }

    /// Orders `scores` as [`Order::of`] does, into this order's buffers, so that ordering again
    /// and again allocates nothing once they are large enough.
    pub fn refill(&mut self, scores: &[f64]) {
        rank_descending_into(scores, &mut self.rows, &mut self.ranks);
    }

    /// The rows, best first.
    #[must_use]
    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    /// The competition rank of each row of [`Order::rows`], position by position.
    #[must_use]
    pub fn ranks(&self) -> &[u32] {
        &self.ranks
    }

    /// How many rows are ordered.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no row is ordered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Row indices ordered by descending score; equal scores keep ascending row order. Scores must
/// be non-negative (as every [`Scoring`](super::Scoring) score is): a negative score or NaN is
/// ordered as 0. Rows are numbered as `u32`: a slice of more than `u32::MAX` scores is ordered
/// by its first `u32::MAX`.
#[must_use]
pub(crate) fn order_descending(scores: &[f64]) -> Vec<u32> {
    rank_descending(scores).0
}

/// The order of [`order_descending`] and the competition rank of each position in it (equal
/// scores share the rank of the first of them: 1, 2, 2, 4), computed together.
///
/// Each score becomes a 32-bit key that falls as the score rises: its place between the
/// highest and the lowest score, so that keys spread over their whole range whatever the
/// scores' scale. The rows are shared out into 256 buckets by the top 8 bits of their keys
/// (straight into the two vectors returned, the second holding keys until it holds ranks);
/// each bucket is then ordered in cache by the next bits of its keys and finished by
/// comparison where keys still meet, with the full scores deciding between equal keys. From
/// 65,536 scores, with the default `parallel` feature, the work is shared by two threads; the
/// result is the same either way.
#[must_use]
pub(crate) fn rank_descending(scores: &[f64]) -> (Vec<u32>, Vec<u32>) {
    let rows = scores.len().min(u32::MAX as usize);
    // Zeroed by the allocator: fresh pages are first touched by the threads that fill them.
    let mut order = vec![0u32; rows];
    let mut ranks = vec![0u32; rows];
    rank_into(scores, &mut order, &mut ranks);
    (order, ranks)
}

/// [`rank_descending`] into vectors the caller keeps, so that ranking many times allocates
/// nothing once they are large enough: `order` and `ranks` are resized to the number of
/// scores and every element is overwritten.
pub(crate) fn rank_descending_into(scores: &[f64], order: &mut Vec<u32>, ranks: &mut Vec<u32>) {
    let rows = scores.len().min(u32::MAX as usize);
    order.resize(rows, 0);
    ranks.resize(rows, 0);
    rank_into(scores, order, ranks);
}

/// The ordering itself, into `order` and `ranks`, both as long as the scores that are ordered
/// (at most `u32::MAX`).
fn rank_into(scores: &[f64], order: &mut [u32], ranks: &mut [u32]) {
    let rows = order.len().min(ranks.len()).min(scores.len());
    let scores = scores.get(..rows).unwrap_or(scores);
    let (Some(order), Some(ranks)) = (order.get_mut(..rows), ranks.get_mut(..rows)) else {
        return;
    };
    if rows <= ONE_BUCKET_ROWS {
        // Too few rows to gain from buckets: the rows are ordered as one.
        let (low, high) = score_range(scores);
        let keys = KeyScale::new(low, high);
        for ((key, row_slot), (score, row)) in ranks
            .iter_mut()
            .zip(order.iter_mut())
            .zip(scores.iter().zip(0u32..))
        {
            *key = keys.key(*score);
            *row_slot = row;
        }
        BucketWork::default().finish(scores, ranks, order, 0, 0);
        return;
    }
    let parallel = rows >= PARALLEL_ROWS;
    // The steps below each share their work with a second thread: entering the thread pool
    // once, rather than at every step, saves a hand-over and a wake-up per step.
    #[cfg(feature = "parallel")]
    if parallel && rayon::current_thread_index().is_none() {
        return rayon::scope(|_| order_in_buckets(scores, order, ranks, parallel));
    }
    order_in_buckets(scores, order, ranks, parallel);
}

/// The `k` best rows by descending score (ties by ascending row), best first, found by
/// selection rather than a full sort.
#[must_use]
pub(crate) fn top_descending(scores: &[f64], k: usize) -> Vec<u32> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    if k == 0 {
        return Vec::new();
    }
    // A min-heap of the best k keys seen: its top is the weakest of them.
    let mut heap: BinaryHeap<Reverse<(u64, Reverse<u32>)>> = BinaryHeap::with_capacity(k.saturating_add(1));
    for (score, row) in scores.iter().zip(0u32..) {
        let key = (non_negative(*score).to_bits(), Reverse(row));
        if heap.len() < k {
            heap.push(Reverse(key));
        } else if heap.peek().is_some_and(|Reverse(weakest)| key > *weakest) {
            heap.pop();
            heap.push(Reverse(key));
        }
    }
    let mut best: Vec<(u64, Reverse<u32>)> = heap.into_iter().map(|Reverse(key)| key).collect();
    best.sort_unstable_by(|a, b| b.cmp(a));
    best.into_iter().map(|(_, Reverse(row))| row).collect()
}

/// Competition ranks (1, 2, 2, 4) for rows listed in `order`: equal scores share the rank of
/// the first of them.
#[must_use]
pub(crate) fn competition_ranks(scores: &[f64], order: &[u32]) -> Vec<u32> {
    let mut ranks = Vec::with_capacity(order.len());
    let mut previous: Option<(f64, u32)> = None;
    for (position, row) in (1u32..).zip(order) {
        let score = scores.get(*row as usize).copied().unwrap_or(0.0);
        let rank = match previous {
            Some((previous_score, previous_rank)) if previous_score.to_bits() == score.to_bits() => {
                previous_rank
            }
            _ => position,
        };
        ranks.push(rank);
        previous = Some((score, rank));
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_by_descending_score_with_ties_by_row() {
        let scores = [0.5, 0.9, 0.5, 0.0, 1.0, 0.9];
        assert_eq!(order_descending(&scores), vec![4, 1, 5, 0, 2, 3]);
        assert_eq!(top_descending(&scores, 3), vec![4, 1, 5]);
        assert_eq!(top_descending(&scores, 10), vec![4, 1, 5, 0, 2, 3]);
        let order = order_descending(&scores);
        assert_eq!(competition_ranks(&scores, &order), vec![1, 2, 2, 4, 4, 6]);
        assert_eq!(rank_descending(&scores), (order, vec![1, 2, 2, 4, 4, 6]));
    }

    #[test]
    fn bucket_order_matches_a_comparison_sort() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let scores: Vec<f64> = (0..5_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % 1_000) as f64 / 997.0
            })
            .collect();
        let mut expected: Vec<u32> = (0..scores.len() as u32).collect();
        expected.sort_by(|a, b| scores[*b as usize].total_cmp(&scores[*a as usize]).then(a.cmp(b)));
        assert_eq!(order_descending(&scores), expected);
        assert_eq!(top_descending(&scores, 25), expected[..25].to_vec());
        let (order, ranks) = rank_descending(&scores);
        assert_eq!(ranks, competition_ranks(&scores, &order));
    }

    #[test]
    fn bucket_order_keeps_full_precision_beyond_the_keys() {
        // Scores at full precision, some equal, some a few ulps apart (so that their truncated
        // keys are equal), a few tiny and zero.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut scores: Vec<f64> = (0..70_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 11) as f64 / (1u64 << 53) as f64
            })
            .collect();
        for index in (0..scores.len()).step_by(97) {
            let near = f64::from_bits(scores[index].to_bits() + (index as u64 % 5));
            scores[index + 1] = near;
        }
        scores[10] = 0.0;
        scores[20] = 1e-300;
        scores[30] = 1.0;
        let mut expected: Vec<u32> = (0..scores.len() as u32).collect();
        expected.sort_by(|a, b| scores[*b as usize].total_cmp(&scores[*a as usize]).then(a.cmp(b)));
        assert_eq!(order_descending(&scores), expected);
        let (order, ranks) = rank_descending(&scores);
        assert_eq!(order, expected);
        assert_eq!(ranks, competition_ranks(&scores, &order));
    }

    /// The documented order and ranks, by a plain comparison sort.
    fn reference(scores: &[f64]) -> (Vec<u32>, Vec<u32>) {
        let as_ordered = |score: f64| if score > 0.0 { score } else { 0.0 };
        let mut order: Vec<u32> = (0..scores.len() as u32).collect();
        order.sort_by(|a, b| {
            as_ordered(scores[*b as usize])
                .total_cmp(&as_ordered(scores[*a as usize]))
                .then(a.cmp(b))
        });
        let ranks = competition_ranks(scores, &order);
        (order, ranks)
    }

    fn check(scores: &[f64]) {
        let expected = reference(scores);
        assert_eq!(rank_descending(scores), expected);
        let (mut order, mut ranks) = (vec![7; 3], vec![9; scores.len() + 5]);
        rank_descending_into(scores, &mut order, &mut ranks);
        assert_eq!((order, ranks), expected.clone());
        let mut reused = Order::of(&[0.5; 7]);
        reused.refill(scores);
        assert_eq!(
            (reused.rows(), reused.ranks()),
            (&expected.0[..], &expected.1[..])
        );
        for k in [0, 1, 3, scores.len()] {
            let top = Order::top(scores, k);
            let keep = k.min(scores.len());
            assert_eq!(top.rows(), &expected.0[..keep]);
            assert_eq!(top.ranks(), &expected.1[..keep]);
        }
    }

    #[test]
    fn edge_cases_order_as_documented() {
        check(&[]);
        check(&[0.3]);
        check(&[0.5; 10]);
        check(&vec![0.5; 100_000]);
        check(&[
            f64::NAN,
            -1.0,
            0.0,
            -0.0,
            0.2,
            f64::INFINITY,
            1e300,
            f64::MIN_POSITIVE,
            0.2,
        ]);
        let mut with_infinity = vec![0.25; 70_000];
        with_infinity[12] = f64::INFINITY;
        with_infinity[13] = f64::MAX;
        with_infinity[40_000] = f64::NAN;
        check(&with_infinity);
    }

    #[test]
    fn crowded_scores_fall_back_to_sorting_and_stay_exact() {
        // Most scores within a few ulps of each other and one far below: the keys cannot tell
        // them apart, so buckets and slots hold thousands of rows each.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut scores: Vec<f64> = (0..100_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                f64::from_bits(0.75f64.to_bits() + state % 5_000)
            })
            .collect();
        scores[99] = 0.0;
        check(&scores);
        // A narrow band of distinct keys, about a million of them, in one bucket: its slots
        // (1,024 keys each) hold about 90 rows apiece and are sorted.
        let banded: Vec<f64> = (0..90_000u32)
            .map(|row| 0.5 + f64::from(row.wrapping_mul(2_654_435_761) % 65_536) * 3.5e-9)
            .chain([1.0, 0.0])
            .collect();
        check(&banded);
    }

    mod generated {
        use super::check;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn order_and_ranks_match_a_comparison_sort(
                scores in proptest::collection::vec(
                    prop_oneof![
                        0.0f64..=1.0,
                        (0u8..8).prop_map(|step| f64::from(step) / 8.0),
                        proptest::num::f64::ANY,
                    ],
                    0..3_000,
                ),
            ) {
                check(&scores);
            }
        }
    }
}
