//! CPU-bound work under a crowd: searches, file extraction and the like run
//! on a pool of as many workers as the machine has cores, behind a bounded
//! queue. When the queue is full the caller is told at once to come back
//! (`AppError::Busy`, 503 with `Retry-After`) — no new thread is made, and
//! memory stays bounded whatever the number of connections.

use crate::{AppError, Result};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::sync::Semaphore;

pub struct WorkPool {
    running: Arc<Semaphore>,
    workers: usize,
    waiting: AtomicUsize,
    max_waiting: usize,
}

impl WorkPool {
    /// `workers` at a time, `max_waiting` more in the queue.
    pub fn new(workers: usize, max_waiting: usize) -> Self {
        let workers = workers.max(1);
        WorkPool {
            running: Arc::new(Semaphore::new(workers)),
            workers,
            waiting: AtomicUsize::new(0),
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
        self.waiting.load(Ordering::SeqCst)
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
        let permit = match self.running.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) if !bounded => self
                .running
                .clone()
                .acquire_owned()
                .await
                .map_err(|e| AppError::Internal(e.to_string()))?,
            Err(_) => {
                // Counted while in the queue, and no longer once out of it —
                // however it leaves (a caller that hangs up drops this
                // future while it waits).
                let place = Waiting::join(&self.waiting);
                if place.ahead >= self.max_waiting {
                    return Err(AppError::Busy(
                        "the server is busy; try again in a moment".into(),
                    ));
                }
                let permit = self.running.clone().acquire_owned().await;
                drop(place);
                permit.map_err(|e| AppError::Internal(e.to_string()))?
            }
        };
        // At most `workers` of these threads run at once: the permit goes
        // with the work and is released when it ends.
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(|e| AppError::Internal(format!("a worker stopped: {e}")))
    }
}

/// A place in the queue: counted from `join` until dropped.
struct Waiting<'a> {
    count: &'a AtomicUsize,
    /// How many were waiting before this one.
    ahead: usize,
}

impl<'a> Waiting<'a> {
    fn join(count: &'a AtomicUsize) -> Self {
        let ahead = count.fetch_add(1, Ordering::SeqCst);
        Waiting { count, ahead }
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.count.fetch_sub(1, Ordering::SeqCst);
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
        while pool.waiting.load(Ordering::SeqCst) == 0 {
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
        let gone = queue(&pool, || ()).await;
        gone.abort();
        let _ = gone.await;
        // …and its place is free again: the next caller waits, not refused.
        assert_eq!(pool.waiting.load(Ordering::SeqCst), 0);
        let next = queue(&pool, || 5).await;
        release.send(()).unwrap();
        busy.await.unwrap().unwrap();
        assert_eq!(next.await.unwrap().unwrap(), 5);
    }
}
