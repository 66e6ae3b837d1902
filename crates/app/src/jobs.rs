//! Background jobs on one server or several sharing a database.
//!
//! A job is a `jobs` row. The server that starts one holds it at once by a
//! lease (its own name, until when) and runs it; while it runs, a heartbeat
//! renews the lease every third of its length. Every server looks for work
//! once a second (`run_jobs_once`): a running job whose lease ran out — its
//! server was killed, or let it go at shutdown — is taken over by one
//! server (`claim_job`) if it can be started again from its arguments (an
//! analysis: its options) and was taken fewer than `MAX_ATTEMPTS` times;
//! otherwise it is failed with the reason (an import's file is not kept: it
//! is failed, and sending the file again skips what was imported). A job is
//! finished only by the server that holds it, in the unit of work that
//! records its result (`finish_leased_job`), so it ends exactly once; a
//! server that lost its lease drops its work.

use crate::stocktaking::AnalysisOptions;
use crate::{App, Principal};
use accord_domain::stocktaking::{Job, JobKind, JobStatus};
use accord_store::{AbandonedJobs, ClaimedJob, JobLease};
use chrono::Utc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// How long a lease lasts unless renewed (`accord serve --job-lease`).
pub const JOB_LEASE: Duration = Duration::from_secs(30);
/// How many times servers may take a job before it is failed.
pub const MAX_ATTEMPTS: i32 = 3;
/// Jobs one server runs at a time (each holds a blocking thread at times).
const JOBS_PER_SERVER: usize = 2;
/// How often a server looks for jobs to take over.
const POLL: Duration = Duration::from_secs(1);

pub(crate) struct Jobs {
    /// This server's name in leases: unique per process.
    owner: String,
    lease: Duration,
    /// Jobs this server runs now.
    running: AtomicUsize,
    /// Test-only (`ACCORD_TEST_JOB_GATE`): an analysis job waits, before it
    /// completes its run, until this file exists.
    gate: Option<std::path::PathBuf>,
}

impl Jobs {
    pub(crate) fn new(lease: Duration) -> Self {
        let started = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        Jobs {
            owner: format!("pid-{}-{:x}", std::process::id(), started),
            lease,
            running: AtomicUsize::new(0),
            gate: std::env::var_os("ACCORD_TEST_JOB_GATE").map(Into::into),
        }
    }
}

/// What an analysis job is started with (stored as JSON with the job).
#[derive(serde::Serialize, serde::Deserialize)]
struct AnalysisArgs {
    taxonomy: Option<String>,
    threshold: Option<f64>,
}

/// Counts a job this server runs while it lives.
struct Running(std::sync::Arc<Jobs>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::SeqCst);
    }
}

impl App {
    /// The same app with leases of `lease` (renewed every third of it): how
    /// long a job a killed server held waits before another takes it.
    pub fn with_job_lease(mut self, lease: Duration) -> Self {
        self.jobs = std::sync::Arc::new(Jobs::new(lease.max(Duration::from_secs(1))));
        self
    }

    /// This server's name in job leases.
    pub fn job_owner(&self) -> &str {
        &self.jobs.owner
    }

    pub(crate) fn job_lease(&self) -> JobLease {
        let lease = chrono::Duration::from_std(self.jobs.lease).unwrap_or(chrono::Duration::MAX);
        JobLease {
            owner: self.jobs.owner.clone(),
            until: crate::micros(Utc::now() + lease),
        }
    }

    /// At start. On SQLite (one server) every lease is let go: the jobs the
    /// stopped server left running are taken again at once by this one —
    /// an analysis starts again from scratch, an import is failed. On
    /// PostgreSQL other servers may be running theirs: nothing is touched,
    /// leases run out by themselves.
    pub async fn recover_jobs_at_start(&self) -> crate::Result<u64> {
        if self.store.backend() != "sqlite" {
            return Ok(0);
        }
        let mut tx = self.store.begin().await?;
        let n = tx.release_job_leases(None).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Lets go of this server's leases (graceful shutdown), so other
    /// servers take its jobs at once instead of when the leases run out.
    pub async fn release_job_leases(&self) -> crate::Result<u64> {
        let mut tx = self.store.begin().await?;
        let n = tx.release_job_leases(Some(&self.jobs.owner)).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Looks for work once: fails the jobs nobody may take, then takes
    /// jobs whose lease ran out while this server has room. Returns how
    /// many it took.
    pub async fn run_jobs_once(&self) -> crate::Result<usize> {
        let exhausted =
            format!("stopped: the servers running it stopped {MAX_ATTEMPTS} times before it ended");
        let why = AbandonedJobs {
            not_resumable: "stopped: the server running it stopped before it ended; \
                start it again (an import skips the inputs it already has)",
            exhausted: &exhausted,
            max_attempts: MAX_ATTEMPTS,
        };
        // A look that finds nothing lets its unit go (a rollback) rather
        // than commit it: a commit moves the store's generation on, and an
        // idle server would then drop every page copy every second.
        let mut tx = self.store.begin().await?;
        let failed = tx
            .fail_abandoned_jobs(why, crate::micros(Utc::now()))
            .await?;
        if failed.is_empty() {
            drop(tx);
        } else {
            tx.commit().await?;
        }
        for job in &failed {
            tracing::warn!(job = job.id, "{}", job.message);
            self.announce_job(job);
        }
        let mut taken = 0;
        while self.jobs.running.load(Ordering::SeqCst) < JOBS_PER_SERVER {
            let mut tx = self.store.begin().await?;
            let claimed = tx
                .claim_job(&self.job_lease(), crate::micros(Utc::now()), MAX_ATTEMPTS)
                .await?;
            let Some(claimed) = claimed else { break };
            tx.commit().await?;
            tracing::info!(
                job = claimed.job.id,
                attempt = claimed.attempts,
                "job taken over"
            );
            self.run_claimed(claimed);
            taken += 1;
        }
        Ok(taken)
    }

    /// Looks for work every second until the app is dropped (`serve`).
    pub fn spawn_job_runner(&self) -> tokio::task::JoinHandle<()> {
        let app = self.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(POLL);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                if let Err(e) = app.run_jobs_once().await {
                    tracing::warn!(error = %e, "looking for jobs failed");
                }
            }
        })
    }

    /// Starts a job this server runs first: inserted held by its lease,
    /// its start audited. `args` (JSON) let another server start it again.
    pub(crate) async fn new_job(
        &self,
        p: &Principal,
        process: &accord_domain::Slug,
        kind: JobKind,
        args: Option<String>,
    ) -> crate::Result<Job> {
        let mut unit = self.unit(p).await?;
        let mut job = Job {
            id: 0,
            process: process.clone(),
            kind,
            status: JobStatus::Running,
            done: 0,
            total: None,
            message: "starting".into(),
            created_by: p.by(),
            created_at: unit.at,
            finished_at: None,
        };
        job.id = unit
            .tx
            .insert_leased_job(&job, args.as_deref(), &self.job_lease())
            .await?;
        unit.audit(
            &format!("job.{}", kind.as_str()),
            Some(process),
            vec![format!("job:{}", job.id)],
        )
        .await?;
        unit.commit().await?;
        Ok(job)
    }

    /// Runs `work` for `job`, which this server holds, renewing the lease
    /// meanwhile; the work is dropped if the lease is lost.
    pub(crate) fn hold_job(
        &self,
        job: &Job,
        work: impl std::future::Future<Output = ()> + Send + 'static,
    ) {
        self.jobs.running.fetch_add(1, Ordering::SeqCst);
        let running = Running(self.jobs.clone());
        let app = self.clone();
        let id = job.id;
        tokio::spawn(async move {
            let _running = running;
            tokio::select! {
                () = work => {}
                () = app.heartbeat(id) => {
                    tracing::warn!(job = id, "job lease lost (taken over, or let go): its work here is dropped");
                }
            }
        });
    }

    /// Renews the lease of `job` until it is lost.
    async fn heartbeat(&self, job: i64) {
        let every = self.jobs.lease / 3;
        loop {
            tokio::time::sleep(every).await;
            let renewed = async {
                let mut tx = self.store.begin().await?;
                let held = tx.renew_job_lease(job, &self.job_lease()).await?;
                tx.commit().await?;
                Ok::<_, accord_store::StoreError>(held)
            }
            .await;
            match renewed {
                Ok(true) => {}
                Ok(false) => return,
                // The database may come back before the lease runs out;
                // finishing checks the lease in any case.
                Err(e) => tracing::warn!(job, error = %e, "job lease not renewed"),
            }
        }
    }

    /// Runs a job taken over from another server.
    fn run_claimed(&self, claimed: ClaimedJob) {
        let job = claimed.job;
        let args = match (job.kind, claimed.args.as_deref()) {
            (JobKind::Analysis, Some(args)) => serde_json::from_str::<AnalysisArgs>(args)
                .map_err(|e| format!("stopped: unreadable job arguments: {e}")),
            _ => Err("stopped: this job cannot be started again".to_owned()),
        };
        let app = self.clone();
        match args {
            Ok(args) => self.hold_job(&job.clone(), async move {
                let options = AnalysisOptions {
                    taxonomy: args.taxonomy,
                    threshold: args.threshold,
                };
                app.run_analysis_job(job, options).await;
            }),
            Err(why) => self.hold_job(&job.clone(), async move {
                app.finish_job(job, Err(why)).await;
            }),
        }
    }

    /// Starts an analysis job that this server runs first.
    pub(crate) async fn queue_analysis(
        &self,
        p: &Principal,
        process: &accord_domain::Slug,
        options: &AnalysisOptions,
    ) -> crate::Result<Job> {
        let args = serde_json::to_string(&AnalysisArgs {
            taxonomy: options.taxonomy.clone(),
            threshold: options.threshold,
        })
        .map_err(|e| crate::AppError::Internal(e.to_string()))?;
        let job = self
            .new_job(p, process, JobKind::Analysis, Some(args))
            .await?;
        let app = self.clone();
        let running = job.clone();
        let options = options.clone();
        self.hold_job(&job, async move {
            app.run_analysis_job(running, options).await;
        });
        Ok(job)
    }

    async fn run_analysis_job(&self, job: Job, options: AnalysisOptions) {
        let mut progress = job;
        let process = progress.process.clone();
        let outcome = self
            .analyse_with(
                &Principal::System("analysis job"),
                &process,
                &options,
                Some(&mut progress),
            )
            .await;
        match outcome {
            // Finished in the unit that completed the run.
            Ok(_) => self.announce_job(&progress),
            Err(e) => self.finish_job(progress, Err(e.to_string())).await,
        }
    }

    /// Test-only: waits until the gate file exists (`ACCORD_TEST_JOB_GATE`).
    pub(crate) async fn job_gate(&self) {
        let Some(gate) = &self.jobs.gate else {
            return;
        };
        while !gate.exists() {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The advisory lock under which one server at a time settles silence
/// procedures (any number, the same on every server).
const SETTLE_SILENCE_LOCK: i64 = 0x4163_636f_7264_0001;

impl App {
    /// Periodic settling of silence procedures (`serve`, every 5 s), done by
    /// one server at a time: on PostgreSQL under an advisory lock held for
    /// the pass (a server that finds it held skips its turn); on SQLite's
    /// one server as is. Settling is safe to repeat in any case (a draft's
    /// page settles too): the lock only spares the duplicate work.
    pub async fn settle_silence_periodically(&self) -> crate::Result<usize> {
        if self.store.backend() != "postgres" {
            return self.settle_silence().await;
        }
        let mut lock = self.store.begin().await?;
        if !lock.try_lock(SETTLE_SILENCE_LOCK).await? {
            return Ok(0);
        }
        // The unit only holds the lock: let go (a rollback), it releases it
        // without moving the generation on (see `run_jobs_once`).
        let settled = self.settle_silence().await;
        drop(lock);
        settled
    }
}
