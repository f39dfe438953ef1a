//! Runs independent pieces of work on the machine's cores and gives the results back in input
//! order, so the compiler's output never depends on how the work was scheduled.
//!
//! As many threads as [`std::thread::available_parallelism`] allows (which follows the
//! process's CPU affinity: `taskset -c 0 recap build …` runs on one thread).

use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// How many threads the compiler's parallel steps use.
pub fn threads() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
}

/// `items.iter().map(work).collect()`, with the items handed out one at a time to whichever
/// thread is free (recaps differ in size), results in the order of `items`.
pub fn map_in_order<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads().min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            return done;
                        };
                        done.push((i, work(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, result)| result).collect()
}

/// `0..len` cut into at most `parts` consecutive ranges of nearly equal length.
pub fn even_ranges(len: usize, parts: usize) -> Vec<Range<usize>> {
    let parts = parts.clamp(1, len.max(1));
    (0..parts)
        .map(|i| len * i / parts..len * (i + 1) / parts)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map_in_order(&items, |&n| {
            if n % 7 == 0 {
                thread::yield_now();
            }
            n * n
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(map_in_order(&[] as &[u8], |&b| b).is_empty());
    }

    #[test]
    fn ranges_cover_everything_once() {
        assert_eq!(even_ranges(10, 3), [0..3, 3..6, 6..10]);
        assert_eq!(even_ranges(2, 4), [0..1, 1..2]);
        let empty = even_ranges(0, 4);
        assert!(empty.len() == 1 && empty[0].is_empty(), "{empty:?}");
    }
}
