//! Bounded waiting: the request slots and the pool of CPU workers. Work that cannot start
//! within the configured bound is refused with `503` and `Retry-After`, so a flood gets quick
//! refusals instead of a queue that grows without end.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::{ApiError, RETRY_AFTER_SECONDS};

/// A number of permits, and a bounded queue of those waiting for one.
#[derive(Debug)]
pub(crate) struct Gate {
    permits: Arc<Semaphore>,
    waiting: AtomicUsize,
    queue_limit: usize,
    queue_timeout: Duration,
    /// What the refusal says is busy ("every request slot", "every CPU worker").
    what: &'static str,
}

impl Gate {
    /// `permits` at once (at least 1); at most `queue_limit` waiting, each up to `queue_timeout`.
    pub(crate) fn new(
        permits: usize,
        queue_limit: usize,
        queue_timeout: Duration,
        what: &'static str,
    ) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(permits.max(1))),
            waiting: AtomicUsize::new(0),
            queue_limit,
            queue_timeout,
            what,
        }
    }

    /// A permit, or `503` when the queue is full or no permit came within the bound.
    pub(crate) async fn enter(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        if let Ok(permit) = Arc::clone(&self.permits).try_acquire_owned() {
            return Ok(permit);
        }
        // Counted before waiting and released by the guard whichever way the wait ends (a
        // permit, the deadline, or the request dropped by a closed connection).
        let queued = self.waiting.fetch_add(1, Ordering::AcqRel);
        let _guard = Waiting(&self.waiting);
        if queued >= self.queue_limit {
            return Err(self.busy("the queue is full"));
        }
        match tokio::time::timeout(self.queue_timeout, Arc::clone(&self.permits).acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_closed)) => Err(self.busy("the server is stopping")),
            Err(_elapsed) => Err(self.busy(&format!(
                "none was free within {} ms",
                self.queue_timeout.as_millis()
            ))),
        }
    }

    fn busy(&self, why: &str) -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the server is busy: {} is taken and {why}; try again in {RETRY_AFTER_SECONDS} s",
                self.what
            ),
        )
    }
}

struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The CPU workers: rendering a page, a ranking with every exclusion and the stability analysis
/// run on tokio's blocking threads, at most one job per core at once, so that the async workers
/// stay free to read requests and answer the cheap routes.
#[derive(Debug)]
pub(crate) struct CpuPool {
    gate: Gate,
}

impl CpuPool {
    /// `workers` jobs at once; at most `queue_limit` waiting, each up to `queue_timeout`.
    pub(crate) fn new(workers: usize, queue_limit: usize, queue_timeout: Duration) -> Self {
        Self {
            gate: Gate::new(workers, queue_limit, queue_timeout, "every CPU worker"),
        }
    }

    /// Runs `job` on a worker when one is free within the bound.
    ///
    /// # Errors
    /// `503` when no worker was free in time; `500` when the job panicked (logged; the worker
    /// goes on).
    pub(crate) async fn run<T, F>(&self, job: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = self.gate.enter().await?;
        // The permit moves into the job: a job whose request went away still counts until it
        // ends, so the bound holds for the work really running.
        let handle = tokio::task::spawn_blocking(move || {
            let result = job();
            drop(permit);
            result
        });
        handle.await.map_err(|error| {
            tracing::error!("a CPU job failed: {error}");
            ApiError::internal(
                "internal error: the request's work failed; it was logged and the server goes on",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_busy_pool_queues_within_its_bounds_and_a_failed_job_is_a_500() {
        let pool = Arc::new(CpuPool::new(1, 1, Duration::from_millis(100)));
        let busy = {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move { pool.run(|| std::thread::sleep(Duration::from_millis(700))).await })
        };
        tokio::time::sleep(Duration::from_millis(100)).await;
        let waiter = {
            let pool = Arc::clone(&pool);
            tokio::spawn(async move { pool.run(|| 1).await })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;

        // The queue holds one: the next is refused at once.
        let started = Instant::now();
        let refused = pool.run(|| 2).await.unwrap_err();
        assert_eq!(refused.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            refused.message.contains("the queue is full"),
            "{}",
            refused.message
        );
        assert!(started.elapsed() < Duration::from_millis(50));
        // The one waiting gives up at the bound.
        let gave_up = waiter.await.unwrap().unwrap_err();
        assert_eq!(
            gave_up.message,
            "the server is busy: every CPU worker is taken and none was free within 100 ms; try again in 1 s"
        );

        busy.await.unwrap().unwrap();
        assert_eq!(pool.run(|| 3).await.unwrap(), 3);
        let failed = pool.run(|| -> u8 { panic!("a job's bug") }).await.unwrap_err();
        assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
        // The worker's permit came back.
        assert_eq!(pool.run(|| 4).await.unwrap(), 4);
    }
}
