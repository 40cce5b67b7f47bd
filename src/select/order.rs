//! Ordering scores: a full descending order by radix sort, competition ranks, and the top `k`
//! by selection.

/// Row indices ordered by descending score; equal scores keep ascending row order. Scores must
/// be non-negative (as every [`Scoring`](super::Scoring) score is).
///
/// Each row becomes one `u64`: the high bits of its inverted score bits (for non-negative floats
/// the bit patterns order like the values) above its row number. A stable radix sort on the
/// score part leaves equal parts in row order; the rare runs whose truncated scores are equal
/// are then ordered by their full scores.
#[must_use]
pub fn order_descending(scores: &[f64]) -> Vec<u32> {
    let (packed, index_bits) = sort_packed(scores);
    let index_mask = 1u64.checked_shl(index_bits).unwrap_or(0).wrapping_sub(1);
    packed
        .into_iter()
        .map(|item| (item & index_mask) as u32)
        .collect()
}

/// The order of [`order_descending`] and the competition rank of each position in it (equal
/// scores share the rank of the first of them: 1, 2, 2, 4), computed together without looking
/// scores up again except where two truncated keys are equal.
#[must_use]
pub fn rank_descending(scores: &[f64]) -> (Vec<u32>, Vec<u32>) {
    let (packed, index_bits) = sort_packed(scores);
    let index_mask = 1u64.checked_shl(index_bits).unwrap_or(0).wrapping_sub(1);
    let score_of = |item: u64| {
        scores
            .get((item & index_mask) as usize)
            .map(|score| score.to_bits())
    };
    let mut order = Vec::with_capacity(packed.len());
    let mut ranks = Vec::with_capacity(packed.len());
    let mut previous: Option<(u64, u32)> = None;
    for (position, item) in (1u32..).zip(&packed) {
        let rank = match previous {
            Some((before, rank))
                if before >> index_bits == item >> index_bits && score_of(before) == score_of(*item) =>
            {
                rank
            }
            _ => position,
        };
        order.push((item & index_mask) as u32);
        ranks.push(rank);
        previous = Some((*item, rank));
    }
    (order, ranks)
}

/// `score` if it is above 0, else 0: -0 and NaN order as 0, whatever `f64::max` would make of
/// them.
fn non_negative(score: f64) -> f64 {
    if score > 0.0 { score } else { 0.0 }
}

/// Up to this many rows are ordered by a comparison sort: the radix sort's histograms cost more
/// than they save.
const SMALL: usize = 4_096;

/// Rows packed as (truncated inverted score bits, row) and sorted by descending score, ties by
/// row; returns the packed rows and the number of low bits that hold the row.
fn sort_packed(scores: &[f64]) -> (Vec<u64>, u32) {
    let key = |score: f64| !non_negative(score).to_bits();
    let rows = scores.len();
    let index_bits = usize::BITS
        .saturating_sub(rows.saturating_sub(1).leading_zeros())
        .max(1);
    let index_mask = 1u64.checked_shl(index_bits).unwrap_or(0).wrapping_sub(1);
    // The score part starts at the lowest of 1, 12, 23, 34, 45 that leaves room for the row, so
    // that the radix digits (11 bits from there) end with one of 8 bits at the top: the sign and
    // the high exponent bits, which scores from 2^-15 to 1 share, so that its pass is skipped.
    // The bits between the row and the score part are zero; equal truncated scores are ordered
    // by their full scores below.
    let low_bit = (1..=56)
        .step_by(11)
        .find(|bit| *bit >= index_bits)
        .unwrap_or(index_bits);
    let mut packed: Vec<u64> = scores
        .iter()
        .zip(0u64..)
        .map(|(score, row)| {
            (key(*score)
                .checked_shr(low_bit)
                .unwrap_or(0)
                .checked_shl(low_bit)
                .unwrap_or(0))
                | row
        })
        .collect();
    if packed.len() <= SMALL {
        // Every item is unique (the row is in its low bits), so an unstable sort gives the same
        // order as the stable radix sort, without its histograms.
        packed.sort_unstable();
    } else {
        radix_sort(&mut packed, low_bit);
    }
    let row_of = |item: u64| (item & index_mask) as usize;
    let full_key = |item: u64| scores.get(row_of(item)).map_or(u64::MAX, |score| key(*score));
    let same_truncated = |pair: &[u64]| match pair {
        [a, b] => a >> index_bits == b >> index_bits,
        _ => false,
    };
    let mut start = 0;
    while let Some(offset) = packed
        .get(start..)
        .and_then(|rest| rest.windows(2).position(same_truncated))
    {
        let run_start = start.saturating_add(offset);
        let run_len = packed
            .get(run_start..)
            .unwrap_or(&[])
            .windows(2)
            .take_while(|pair| same_truncated(pair))
            .count()
            .saturating_add(1);
        if let Some(run) = packed.get_mut(run_start..run_start.saturating_add(run_len)) {
            run.sort_by_key(|item| (full_key(*item), row_of(*item)));
        }
        start = run_start.saturating_add(run_len);
    }
    (packed, index_bits)
}

/// The `k` best rows by descending score (ties by ascending row), best first, found by
/// selection rather than a full sort.
#[must_use]
pub fn top_descending(scores: &[f64], k: usize) -> Vec<u32> {
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
pub fn competition_ranks(scores: &[f64], order: &[u32]) -> Vec<u32> {
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

/// Stable least-significant-digit radix sort of `items` by their bits from `low_bit` up, 11
/// bits a pass, with every pass's histogram counted in one read and passes skipped where every
/// item shares the digit.
fn radix_sort(items: &mut Vec<u64>, low_bit: u32) {
    const BITS: u32 = 11;
    const BUCKETS: usize = 1 << BITS;
    let shifts: Vec<u32> = (low_bit..64).step_by(BITS as usize).collect();
    let mut histograms = vec![[0usize; BUCKETS]; shifts.len()];
    for item in items.iter() {
        for (histogram, shift) in histograms.iter_mut().zip(&shifts) {
            if let Some(count) = histogram.get_mut(((item >> shift) as usize) & (BUCKETS - 1)) {
                *count = count.saturating_add(1);
            }
        }
    }
    let mut buffer: Vec<u64> = vec![0; items.len()];
    for (histogram, shift) in histograms.iter_mut().zip(&shifts) {
        if histogram.contains(&items.len()) {
            continue;
        }
        let mut next = 0;
        for count in histogram.iter_mut() {
            let here = *count;
            *count = next;
            next = next.saturating_add(here);
        }
        for item in items.iter() {
            if let Some(slot) = histogram.get_mut(((item >> shift) as usize) & (BUCKETS - 1)) {
                if let Some(target) = buffer.get_mut(*slot) {
                    *target = *item;
                }
                *slot = slot.saturating_add(1);
            }
        }
        std::mem::swap(items, &mut buffer);
    }
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
    fn radix_order_matches_a_comparison_sort() {
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
    fn radix_order_keeps_full_precision_beyond_the_truncated_key() {
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
}
