//! CPU-bound work under a crowd: searches, file extraction and the like run
//! on a pool of as many workers as the machine has cores, behind a bounded
//! queue. When the queue is full the caller is told at once to come back
//! (`AppError::Busy`, 503 with `Retry-After`) — no new thread is made, and
//! memory stays bounded whatever the number of connections.
//!
//! The workers are threads of their own that take the next call from the
//! queue as soon as they finish one: under a crowd a worker runs calls back
//! to back, without a turn of the async threads between two, so throughput
//! holds as connections grow (`bench/portal.sh`, `bench/flood.sh`).

use crate::{AppError, Result};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

/// A call in the queue, run by a worker.
type Call = Box<dyn FnOnce() + Send>;

pub struct WorkPool {
    queue: mpsc::Sender<Call>,
    workers: usize,
    counts: Arc<Counts>,
    max_waiting: usize,
}

#[derive(Default)]
struct Counts {
    /// Calls in the queue that no worker has taken yet (and whose caller
    /// still waits).
    waiting: AtomicUsize,
    /// Those, and the calls being run.
    outstanding: AtomicUsize,
}

/// Where a queued call stands: whoever moves it from `QUEUED` first (the
/// worker taking it, or the caller giving up) counts it out of the queue.
const QUEUED: u8 = 0;
const TAKEN: u8 = 1;
const GIVEN_UP: u8 = 2;

impl WorkPool {
    /// `workers` threads, `max_waiting` more calls in the queue. The threads
    /// end when the pool is dropped.
    pub fn new(workers: usize, max_waiting: usize) -> Self {
        let workers = workers.max(1);
        let (queue, calls) = mpsc::channel::<Call>();
        let calls = Arc::new(Mutex::new(calls));
        for n in 0..workers {
            let calls = calls.clone();
            let started = std::thread::Builder::new()
                .name(format!("accord-work-{n}"))
                .spawn(move || loop {
                    let call = match calls.lock() {
                        Ok(calls) => calls.recv(),
                        Err(_) => return,
                    };
                    match call {
                        Ok(call) => call(),
                        // The pool is gone.
                        Err(_) => return,
                    }
                });
            if let Err(e) = started {
                tracing::error!(error = %e, "a worker thread could not be started");
            }
        }
        WorkPool {
            queue,
            workers,
            counts: Arc::default(),
            max_waiting,
        }
    }

    /// One worker per core (the cores this process may run on), and a queue
    /// of 64 per worker: a waiting request holds a few kilobytes, so a crowd
    /// of that size waits its turn rather than being turned away, and a
    /// bigger one is told to come back.
    pub fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        WorkPool::new(cores, cores * 64)
    }

    pub fn workers(&self) -> usize {
        self.workers
    }

    /// Requests waiting in the queue for a worker now.
    pub fn waiting(&self) -> usize {
        self.counts.waiting.load(Ordering::SeqCst)
    }

    /// Runs `work` on a worker, waiting in the queue for one; refused with
    /// `Busy` when the queue is full.
    pub async fn run<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        self.run_with(work, true).await
    }

    /// Runs background work (a job already bounded in number): it waits for
    /// a worker however long the queue, and is never refused.
    pub async fn run_in_background<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        self.run_with(work, false).await
    }

    async fn run_with<T, F>(&self, work: F, bounded: bool) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        // A call is refused when every worker is busy and the queue is full.
        let before = self.counts.outstanding.fetch_add(1, Ordering::SeqCst);
        if bounded && before >= self.workers + self.max_waiting {
            self.counts.outstanding.fetch_sub(1, Ordering::SeqCst);
            return Err(AppError::Busy(
                "the server is busy; try again in a moment".into(),
            ));
        }
        self.counts.waiting.fetch_add(1, Ordering::SeqCst);
        let place = Place {
            counts: self.counts.clone(),
            state: Arc::new(AtomicU8::new(QUEUED)),
        };
        let (answer, answered) = tokio::sync::oneshot::channel();
        let ticket = place.ticket();
        // Log lines written by the work carry the request's id.
        let span = tracing::Span::current();
        let call: Call = Box::new(move || {
            if !ticket.take() {
                return;
            }
            let _span = span.enter();
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            ticket.counts.outstanding.fetch_sub(1, Ordering::SeqCst);
            match done {
                Ok(value) => {
                    let _ = answer.send(value);
                }
                Err(_) => tracing::error!("work on the pool panicked"),
            }
        });
        self.queue
            .send(call)
            .map_err(|_| AppError::Internal("the work pool has stopped".into()))?;
        let answer = answered.await;
        drop(place);
        answer.map_err(|_| AppError::Internal("a worker stopped before answering".into()))
    }
}

/// A call's place in the queue, held by its caller: counted from when it is
/// queued until a worker takes it (`Ticket::take`) or the caller gives up
/// (hangs up, and this is dropped), whichever comes first; a call given up
/// is not run, and no longer counts against the queue's bound.
struct Place {
    counts: Arc<Counts>,
    state: Arc<AtomicU8>,
}

/// The worker's side of a place.
struct Ticket {
    counts: Arc<Counts>,
    state: Arc<AtomicU8>,
}

impl Place {
    fn ticket(&self) -> Ticket {
        Ticket {
            counts: self.counts.clone(),
            state: self.state.clone(),
        }
    }
}

impl Ticket {
    /// The worker takes the call: false if its caller gave up first.
    fn take(&self) -> bool {
        let took = self
            .state
            .compare_exchange(QUEUED, TAKEN, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok();
        if took {
            self.counts.waiting.fetch_sub(1, Ordering::SeqCst);
        }
        took
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        if self
            .state
            .compare_exchange(QUEUED, GIVEN_UP, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            self.counts.waiting.fetch_sub(1, Ordering::SeqCst);
            self.counts.outstanding.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    /// Keeps the pool's one worker busy until the sender is used (or
    /// dropped); returns once the work has started.
    async fn occupy(
        pool: &Arc<WorkPool>,
    ) -> (tokio::task::JoinHandle<Result<()>>, mpsc::Sender<()>) {
        let (release, hold) = mpsc::channel::<()>();
        let (started_tx, started) = mpsc::channel::<()>();
        let busy = {
            let pool = pool.clone();
            tokio::spawn(async move {
                pool.run(move || {
                    started_tx.send(()).unwrap();
                    let _ = hold.recv();
                })
                .await
            })
        };
        tokio::task::spawn_blocking(move || started.recv().unwrap())
            .await
            .unwrap();
        (busy, release)
    }

    /// Queues a call and returns once it waits in the queue.
    async fn queue<T: Send + 'static>(
        pool: &Arc<WorkPool>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> tokio::task::JoinHandle<Result<T>> {
        let queued = {
            let pool = pool.clone();
            tokio::spawn(async move { pool.run(work).await })
        };
        while pool.waiting() == 0 {
            tokio::task::yield_now().await;
        }
        queued
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_full_queue_refuses_at_once_and_nothing_runs_beyond_the_workers() {
        let pool = Arc::new(WorkPool::new(1, 1));
        let (busy, release) = occupy(&pool).await;
        // One waits in the queue…
        let queued = queue(&pool, || 2).await;
        // …and the next is refused, without waiting.
        assert!(matches!(pool.run(|| 3).await, Err(AppError::Busy(_))));
        release.send(()).unwrap();
        busy.await.unwrap().unwrap();
        assert_eq!(queued.await.unwrap().unwrap(), 2);
        assert_eq!(pool.run(|| 4).await.unwrap(), 4, "free again");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_caller_that_hangs_up_leaves_the_queue() {
        let pool = Arc::new(WorkPool::new(1, 1));
        let (busy, release) = occupy(&pool).await;
        // A queued caller goes away while it waits…
        let ran = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let gone = {
            let ran = ran.clone();
            queue(&pool, move || ran.store(true, Ordering::SeqCst)).await
        };
        gone.abort();
        let _ = gone.await;
        // …and its place is free again: the next caller waits, not refused.
        assert_eq!(pool.waiting(), 0);
        let next = queue(&pool, || 5).await;
        release.send(()).unwrap();
        busy.await.unwrap().unwrap();
        assert_eq!(next.await.unwrap().unwrap(), 5);
        // The queue is taken in order: the call given up came before the
        // next, and was not run.
        assert!(
            !ran.load(Ordering::SeqCst),
            "work nobody waits for is not done"
        );
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_that_panics_fails_its_caller_and_the_worker_goes_on() {
        let pool = Arc::new(WorkPool::new(1, 1));
        let failed = pool.run(|| -> u8 { panic!("a bug in the work") }).await;
        assert!(matches!(failed, Err(AppError::Internal(_))), "{failed:?}");
        assert_eq!(pool.run(|| 6).await.unwrap(), 6);
        assert_eq!(pool.waiting(), 0);
    }
}
