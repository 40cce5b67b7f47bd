//! The full ordering by buckets (see [`super::rank_descending`]): each score becomes a 32-bit
//! key, the rows are shared out into 256 buckets by the top bits of their keys, and each bucket
//! is ordered in cache and finished by comparison where keys meet.

/// The ordering of more than [`ONE_BUCKET_ROWS`] scores (see [`super::rank_descending`]).
pub(super) fn order_in_buckets(scores: &[f64], order: &mut [u32], ranks: &mut [u32], parallel: bool) {
    let rows = scores.len();
    let (front, back) = scores.split_at(rows / 2);
    let ((front_low, front_high), (back_low, back_high)) =
        join(parallel, || score_range(front), || score_range(back));
    let keys = KeyScale::new(front_low.min(back_low), front_high.max(back_high));
    let (front_counts, back_counts) = join(
        parallel,
        || keys.bucket_counts(front),
        || keys.bucket_counts(back),
    );
    // `ranks` holds each row's key until the buckets are finished.
    let (front_regions, back_regions) = bucket_regions(ranks, order, &front_counts, &back_counts);
    let back_first_row = u32::try_from(front.len()).unwrap_or(u32::MAX);
    join(
        parallel,
        || keys.scatter(front, 0, front_regions),
        || keys.scatter(back, back_first_row, back_regions),
    );
    let sizes: Vec<usize> = front_counts
        .iter()
        .zip(&back_counts)
        .map(|(front, back)| front.saturating_add(*back))
        .collect();
    // The buckets are shared out in two runs of about half the rows each.
    let mut split_bucket = sizes.len();
    let mut split_row = 0usize;
    for (bucket, size) in sizes.iter().enumerate() {
        if split_row >= rows / 2 {
            split_bucket = bucket;
            break;
        }
        split_row = split_row.saturating_add(*size);
    }
    let (front_sizes, back_sizes) = sizes.split_at(split_bucket.min(sizes.len()));
    let split_row = split_row.min(rows);
    let (front_keys, back_keys) = ranks.split_at_mut(split_row);
    let (front_rows, back_rows) = order.split_at_mut(split_row);
    join(
        parallel,
        || finish_buckets(scores, front_keys, front_rows, front_sizes, 0),
        || finish_buckets(scores, back_keys, back_rows, back_sizes, split_row),
    );
}

/// Up to this many scores are ordered as one bucket.
pub(super) const ONE_BUCKET_ROWS: usize = 2_048;

/// From this many scores the ordering is shared by two threads.
pub(super) const PARALLEL_ROWS: usize = 1 << 16;

/// Bits of a key that choose its bucket: 256 buckets, so that each thread writes to few enough
/// places at once for its address translations to stay cached.
const BUCKET_BITS: u32 = 8;

/// The number of buckets.
const BUCKETS: usize = 1 << BUCKET_BITS;

/// The most bits a bucket is ordered by before comparison finishes it: 16,384 counters, which
/// stay in the second-level cache.
const MAX_SLOT_BITS: u32 = 14;

/// Up to this many keys a slot (or a bucket) is finished by insertion; above it, by sorting.
const INSERTION_LIMIT: usize = 24;

/// Runs `a` and `b`, on two threads when `parallel` is set and the `parallel` feature is on.
fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    if parallel {
        return rayon::join(a, b);
    }
    let _ = parallel;
    (a(), b())
}

/// `score` if it is above 0, else 0: -0 and NaN order as 0, whatever `f64::max` would make of
/// them.
pub(super) fn non_negative(score: f64) -> f64 {
    if score > 0.0 { score } else { 0.0 }
}

/// The lowest and highest of `scores` as ordered (see [`non_negative`]); `(+inf, 0)` when empty.
pub(super) fn score_range(scores: &[f64]) -> (f64, f64) {
    scores.iter().fold((f64::INFINITY, 0.0), |(low, high), score| {
        let score = non_negative(*score);
        (
            if score < low { score } else { low },
            if score > high { score } else { high },
        )
    })
}

/// The map from a score to its 32-bit key: 0 for the highest score, `u32::MAX` for the lowest.
#[derive(Clone, Copy)]
pub(super) struct KeyScale {
    high: f64,
    scale: f64,
}

impl KeyScale {
    pub(super) fn new(low: f64, high: f64) -> Self {
        let scale = f64::from(u32::MAX) / (high - low);
        // All scores equal (or a range the keys cannot express): every key is 0 and the full
        // scores decide.
        let scale = if scale.is_finite() { scale } else { 0.0 };
        Self { high, scale }
    }

    /// Never rises as the score rises (each step rounds monotonically; `as` saturates, NaN
    /// becomes 0), and equal scores get equal keys.
    pub(super) fn key(self, score: f64) -> u32 {
        ((self.high - non_negative(score)) * self.scale) as u32
    }

    fn bucket_counts(self, scores: &[f64]) -> Vec<usize> {
        let mut counts = vec![0usize; BUCKETS];
        for score in scores {
            if let Some(count) = counts.get_mut(bucket_of(self.key(*score))) {
                *count = count.saturating_add(1);
            }
        }
        counts
    }

    /// Writes each score's key and row into the next free place of its bucket's region.
    fn scatter(self, scores: &[f64], first_row: u32, mut regions: Vec<Region<'_>>) {
        for (score, row) in scores.iter().zip(first_row..) {
            let key = self.key(*score);
            if let Some((keys, rows)) = regions.get_mut(bucket_of(key)) {
                if let (Some(key_slot), Some(row_slot)) = (keys.next(), rows.next()) {
                    *key_slot = key;
                    *row_slot = row;
                }
            }
        }
    }
}

fn bucket_of(key: u32) -> usize {
    (key >> (u32::BITS - BUCKET_BITS)) as usize
}

/// The unwritten places of one bucket for one half of the rows: keys and rows.
type Region<'a> = (std::slice::IterMut<'a, u32>, std::slice::IterMut<'a, u32>);

/// Cuts `keys` and `rows` into each bucket's places, the front half's rows before the back
/// half's, so that each bucket keeps ascending row order.
fn bucket_regions<'a>(
    keys: &'a mut [u32],
    rows: &'a mut [u32],
    front_counts: &[usize],
    back_counts: &[usize],
) -> (Vec<Region<'a>>, Vec<Region<'a>>) {
    let mut front = Vec::with_capacity(BUCKETS);
    let mut back = Vec::with_capacity(BUCKETS);
    let (mut keys, mut rows) = (keys, rows);
    for (front_count, back_count) in front_counts.iter().zip(back_counts) {
        let (front_keys, rest_keys) = keys.split_at_mut((*front_count).min(keys.len()));
        let (back_keys, rest_keys) = rest_keys.split_at_mut((*back_count).min(rest_keys.len()));
        let (front_rows, rest_rows) = rows.split_at_mut((*front_count).min(rows.len()));
        let (back_rows, rest_rows) = rest_rows.split_at_mut((*back_count).min(rest_rows.len()));
        front.push((front_keys.iter_mut(), front_rows.iter_mut()));
        back.push((back_keys.iter_mut(), back_rows.iter_mut()));
        keys = rest_keys;
        rows = rest_rows;
    }
    (front, back)
}

/// Orders each bucket in turn (`sizes` long, from position `first_position`), replacing its
/// keys by ranks.
fn finish_buckets(
    scores: &[f64],
    mut keys: &mut [u32],
    mut rows: &mut [u32],
    sizes: &[usize],
    first_position: usize,
) {
    let mut work = BucketWork::default();
    let mut position = first_position;
    for size in sizes {
        let (bucket_keys, rest_keys) = keys.split_at_mut((*size).min(keys.len()));
        let (bucket_rows, rest_rows) = rows.split_at_mut((*size).min(rows.len()));
        work.finish(scores, bucket_keys, bucket_rows, position, BUCKET_BITS);
        position = position.saturating_add(*size);
        keys = rest_keys;
        rows = rest_rows;
    }
}

/// Buffers reused from bucket to bucket.
#[derive(Default)]
pub(super) struct BucketWork {
    /// (key, row) pairs of the bucket being ordered.
    items: Vec<u64>,
    /// The same, counted into slots by the bits below the bucket's.
    slotted: Vec<u64>,
    counts: Vec<u32>,
}

impl BucketWork {
    /// Orders one bucket (rows in ascending order, keys sharing their top `shared_bits` bits):
    /// by key, then by full score where keys are equal, then by row; writes the ordered rows
    /// back and the competition ranks in place of the keys, counting positions from
    /// `first_position`.
    pub(super) fn finish(
        &mut self,
        scores: &[f64],
        keys: &mut [u32],
        rows: &mut [u32],
        first_position: usize,
        shared_bits: u32,
    ) {
        let pairs = keys
            .iter()
            .zip(rows.iter())
            .map(|(key, row)| (u64::from(*key) << u32::BITS) | u64::from(*row));
        let len = keys.len();
        let ordered = if len <= INSERTION_LIMIT {
            self.items.clear();
            self.items.extend(pairs);
            insertion_sort(&mut self.items);
            &mut self.items
        } else {
            // One counting pass by the bits below the bucket's, about two slots a key, leaves
            // few keys sharing a slot.
            let slot_bits = usize::BITS
                .saturating_sub(len.leading_zeros())
                .saturating_add(1)
                .min(MAX_SLOT_BITS);
            let shift = u32::BITS.saturating_sub(shared_bits).saturating_sub(slot_bits);
            let mask = (1usize << slot_bits).wrapping_sub(1);
            let slot_of = |key: u32| ((key >> shift) as usize) & mask;
            self.counts.clear();
            self.counts.resize(mask.saturating_add(1), 0);
            for key in keys.iter() {
                if let Some(count) = self.counts.get_mut(slot_of(*key)) {
                    *count = count.saturating_add(1);
                }
            }
            let mut next = 0u32;
            let mut fullest = 0u32;
            for count in &mut self.counts {
                let here = *count;
                fullest = fullest.max(here);
                *count = next;
                next = next.saturating_add(here);
            }
            // Every place below `len` is written by the counting pass: no need to clear.
            if self.slotted.len() < len {
                self.slotted.resize(len, 0);
            }
            let slotted = self.slotted.get_mut(..len).unwrap_or_default();
            for pair in pairs {
                if let Some(place) = self.counts.get_mut(slot_of(key_of(pair) as u32)) {
                    if let Some(target) = slotted.get_mut(*place as usize) {
                        *target = pair;
                    }
                    *place = place.saturating_add(1);
                }
            }
            if fullest as usize <= INSERTION_LIMIT {
                // A pair only ever moves within its slot (every earlier slot holds smaller
                // pairs), so one insertion pass costs at most the limit per pair.
                insertion_sort(slotted);
            } else {
                // Each count is now its slot's end.
                let counts = &self.counts;
                order_slots(slotted, |pair| {
                    let slot = slot_of(key_of(pair) as u32);
                    let end = counts.get(slot).map_or(len, |end| *end as usize);
                    let start = slot
                        .checked_sub(1)
                        .and_then(|previous| counts.get(previous))
                        .map_or(0, |end| *end as usize);
                    start..end
                });
            }
            slotted
        };
        order_equal_keys_by_score(scores, ordered);
        write_ranks(scores, ordered, keys, rows, first_position);
    }
}

/// Orders pairs counted into slots: only a slot holding more than one pair can be out of
/// order, and where two neighbours are, their slot (`slot_range` of a pair) is sorted.
fn order_slots(pairs: &mut [u64], slot_range: impl Fn(u64) -> std::ops::Range<usize>) {
    let mut from = 0usize;
    while let Some(offset) = pairs
        .get(from..)
        .and_then(|rest| rest.windows(2).position(|pair| matches!(pair, [a, b] if a > b)))
    {
        let after = from.saturating_add(offset).saturating_add(1);
        let Some(here) = pairs.get(after).copied() else {
            break;
        };
        let slot = slot_range(here);
        let end = slot.end;
        if let Some(items) = pairs.get_mut(slot) {
            if items.len() <= INSERTION_LIMIT {
                insertion_sort(items);
            } else {
                items.sort_unstable();
            }
        }
        // The pair after a slot's end is in a later slot, with a greater key.
        from = end.max(after);
    }
}

fn insertion_sort(items: &mut [u64]) {
    for index in 1..items.len() {
        let mut at = index;
        while at > 0 {
            let before = at.wrapping_sub(1);
            match (items.get(before).copied(), items.get(at).copied()) {
                (Some(previous), Some(current)) if previous > current => items.swap(before, at),
                _ => break,
            }
            at = before;
        }
    }
}

fn row_of(pair: u64) -> u32 {
    pair as u32
}

fn key_of(pair: u64) -> u64 {
    pair >> u32::BITS
}

fn score_of(scores: &[f64], pair: u64) -> f64 {
    scores.get(row_of(pair) as usize).copied().unwrap_or(0.0)
}

/// Within each run of equal keys (rare: two scores closer than the keys can tell), orders by
/// descending full score, then by row.
fn order_equal_keys_by_score(scores: &[f64], pairs: &mut [u64]) {
    let mut from = 0usize;
    while let Some(offset) = pairs.get(from..).and_then(|rest| {
        rest.iter()
            .zip(rest.iter().skip(1))
            .position(|(a, b)| key_of(*a) == key_of(*b))
    }) {
        let start = from.saturating_add(offset);
        let rest = pairs.get_mut(start..).unwrap_or_default();
        let key = rest.first().map_or(0, |pair| key_of(*pair));
        let run = rest.iter().take_while(|pair| key_of(**pair) == key).count();
        if let Some(run) = rest.get_mut(..run) {
            run.sort_by(|a, b| {
                non_negative(score_of(scores, *b))
                    .total_cmp(&non_negative(score_of(scores, *a)))
                    .then(row_of(*a).cmp(&row_of(*b)))
            });
        }
        from = start.saturating_add(run.max(1));
    }
}

/// Writes the ordered rows, and their competition ranks over `keys`: a row shares the rank of
/// the one before it when their keys and scores are the same.
fn write_ranks(scores: &[f64], ordered: &[u64], keys: &mut [u32], rows: &mut [u32], first_position: usize) {
    let mut previous: Option<(u64, u32)> = None;
    let mut position = u32::try_from(first_position).unwrap_or(u32::MAX);
    for ((pair, rank_slot), row_slot) in ordered.iter().zip(keys.iter_mut()).zip(rows.iter_mut()) {
        position = position.saturating_add(1);
        let rank = match previous {
            Some((before, rank))
                if key_of(before) == key_of(*pair)
                    && score_of(scores, before).to_bits() == score_of(scores, *pair).to_bits() =>
            {
                rank
            }
            _ => position,
        };
        *rank_slot = rank;
        *row_slot = row_of(*pair);
        previous = Some((*pair, rank));
    }
}
