//! The import's worker pool: batches are prepared on threads that live for the whole import,
//! while the next batch is read, and handed on in archive order.
//!
//! Why not threads per batch: each new thread started with an empty allocator heap and had
//! to fault fresh pages in, and every batch ended by waiting for its slowest item and began
//! by reading its files with no worker busy. Here the workers never stop between batches:
//! they prepare batch n while batch n + 1 is read, and start on n + 1 as soon as n is done.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, mpsc};

/// Runs `work` on `threads` worker threads over the batches `next` reads, until it returns an
/// empty one, and hands each batch's results to `sink` in the order of the batch's items.
/// `sink` returns `false` to stop early. A panic in `work` is raised here, on the caller's
/// thread, once its batch is collected.
pub(super) fn run<I, O>(
    threads: usize,
    mut next: impl FnMut() -> Vec<I>,
    work: impl Fn(I) -> O + Sync,
    mut sink: impl FnMut(Vec<O>) -> bool,
) where
    I: Send,
    O: Send,
{
    let (work_tx, work_rx) = mpsc::channel::<(usize, I)>();
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, std::thread::Result<O>)>();
    let (work_rx, work) = (&work_rx, &work);
    // `move`: the scope owns `work_tx`, and dropping it as the scope ends (or unwinds) is what
    // tells the workers to stop, before the scope waits for them.
    std::thread::scope(move |s| {
        for _ in 0..threads.max(1) {
            let done_tx = done_tx.clone();
            s.spawn(move || {
                loop {
                    // The lock is held only while waiting for an item, never while working.
                    let item = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    // No more items: the batches are over (or the caller stopped).
                    let Ok((i, item)) = item else { return };
                    let out = panic::catch_unwind(AssertUnwindSafe(|| work(item)));
                    if done_tx.send((i, out)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let dispatch = |items: Vec<I>| {
            let n = items.len();
            for item in items.into_iter().enumerate() {
                // Cannot fail: the workers hold the receiver until `work_tx` is dropped.
                let _ = work_tx.send(item);
            }
            n
        };
        let mut pending = dispatch(next());
        while pending > 0 {
            // Read the next batch while the workers prepare this one.
            let upcoming = next();
            let mut slots: Vec<Option<O>> = (0..pending).map(|_| None).collect();
            for _ in 0..pending {
                let (i, out) = done_rx
                    .recv()
                    .expect("the workers live as long as the batches sent to them");
                match out {
                    Ok(o) => slots[i] = Some(o),
                    // Dropping `work_tx` on the way out ends the other workers.
                    Err(p) => panic::resume_unwind(p),
                }
            }
            // The workers start on the next batch before this one is handed on.
            pending = dispatch(upcoming);
            if !sink(slots.into_iter().flatten().collect()) {
                break;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::run;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Batches of `sizes`, numbered on from 0.
    fn batches(sizes: &[usize]) -> impl FnMut() -> Vec<usize> + '_ {
        let (mut b, mut n) = (0, 0);
        move || {
            let size = sizes.get(b).copied().unwrap_or(0);
            b += 1;
            let batch: Vec<usize> = (n..n + size).collect();
            n += size;
            batch
        }
    }

    #[test]
    fn results_keep_the_order_of_every_batch() {
        let sizes = [7, 1, 300, 64, 2];
        let mut got = Vec::new();
        run(
            3,
            batches(&sizes),
            |i| {
                // Uneven work, so that workers finish out of order.
                if i % 5 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                i * 10
            },
            |batch| {
                got.push(batch);
                true
            },
        );
        let lens: Vec<usize> = got.iter().map(Vec::len).collect();
        assert_eq!(lens, sizes);
        let all: Vec<usize> = got.concat();
        assert_eq!(all, (0..374).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[test]
    fn the_sink_can_stop_early_and_nothing_hangs() {
        let done = AtomicUsize::new(0);
        let mut seen = 0;
        run(
            2,
            batches(&[10, 10, 10, 10]),
            |i| {
                done.fetch_add(1, Ordering::Relaxed);
                i
            },
            |_| {
                seen += 1;
                false
            },
        );
        assert_eq!(seen, 1);
        // The second batch was already handed to the workers; the rest never was.
        assert!(done.load(Ordering::Relaxed) <= 20);
    }

    #[test]
    fn a_panic_in_the_work_is_raised_to_the_caller() {
        let result = std::panic::catch_unwind(|| {
            run(
                2,
                batches(&[4, 4, 4]),
                |i| {
                    assert!(i != 6, "item six is broken");
                    i
                },
                |_| true,
            )
        });
        let panic = result.expect_err("the worker's panic must reach the caller");
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(message.contains("item six is broken"), "{message}");
    }

    #[test]
    fn one_thread_and_no_batches_work_too() {
        let mut got = Vec::new();
        run(
            1,
            batches(&[3, 2]),
            |i| i,
            |b| {
                got.extend(b);
                true
            },
        );
        assert_eq!(got, [0, 1, 2, 3, 4]);
        run(
            4,
            batches(&[]),
            |i: usize| i,
            |_| panic!("no batch to hand on"),
        );
    }
}
