//! The stocktaking's SQL: jobs, analysis runs and what they found
//! (campaigns, themes, clusters), and the secretariat's decisions (theme
//! labels, dismissals, coverage links). Expanded inside `sql_store!`'s
//! module, so it uses that module's `Db`, `Conn`, `DbRow` and imports (and
//! `get`/`named` from `consultation_sql!`).

#[doc(hidden)]
#[macro_export]
macro_rules! stocktaking_sql {
    () => {
        use $crate::deps::accord_domain::stocktaking::{
            AnalysisRun, Campaign, CoverageLink, Dismissal, Job, JobStatus, ThemeAssignment,
            ThemeCluster, ThemeLabel,
        };
        use $crate::deps::accord_store::AnalysisText;

        /// Rows per INSERT (PostgreSQL takes at most 65,535 bound values).
        const ROWS_PER_INSERT: usize = 2_000;

        const JOB_COLUMNS: &str = "SELECT id, process, kind, status, done, total, message, \
            created_by, created_at, finished_at FROM jobs";
        const JOB_RETURNING: &str = "RETURNING id, process, kind, status, done, total, message, \
            created_by, created_at, finished_at, args, attempts";
        const RUN_COLUMNS: &str = "SELECT id, process, job_id, taxonomy, threshold, inputs, \
            statements, campaign_inputs, campaigns, assigned, labels, seconds, stats, finished_at \
            FROM analysis_runs";
        const CAMPAIGN_COLUMNS: &str = "SELECT c.number, c.size, c.variants, c.representative, \
            c.language, c.first_seen, c.last_seen, c.theme FROM campaigns c";

        fn job_from(row: &DbRow) -> Result<Job> {
            Ok(Job {
                id: get(row, "id")?,
                process: named(row, "process")?,
                kind: named(row, "kind")?,
                status: named(row, "status")?,
                done: get(row, "done")?,
                total: get(row, "total")?,
                message: get(row, "message")?,
                created_by: get(row, "created_by")?,
                created_at: get(row, "created_at")?,
                finished_at: get(row, "finished_at")?,
            })
        }

        fn run_from(row: &DbRow) -> Result<AnalysisRun> {
            Ok(AnalysisRun {
                id: get(row, "id")?,
                process: named(row, "process")?,
                job: get(row, "job_id")?,
                taxonomy: named(row, "taxonomy")?,
                threshold: get(row, "threshold")?,
                inputs: get(row, "inputs")?,
                statements: get(row, "statements")?,
                campaign_inputs: get(row, "campaign_inputs")?,
                campaigns: get(row, "campaigns")?,
                assigned: get(row, "assigned")?,
                labels: get(row, "labels")?,
                seconds: get(row, "seconds")?,
                stats: get::<Json<_>>(row, "stats")?.0,
                finished_at: get(row, "finished_at")?,
            })
        }

        fn campaign_from(row: &DbRow) -> Result<Campaign> {
            Ok(Campaign {
                number: get(row, "number")?,
                size: get(row, "size")?,
                variants: get(row, "variants")?,
                representative: get(row, "representative")?,
                language: named(row, "language")?,
                first_seen: get(row, "first_seen")?,
                last_seen: get(row, "last_seen")?,
                theme: opt_parse(get(row, "theme")?, "theme")?,
            })
        }

        fn assignment_from(row: &DbRow) -> Result<ThemeAssignment> {
            Ok(ThemeAssignment {
                item_kind: named(row, "item_kind")?,
                item_id: get(row, "item_id")?,
                theme: opt_parse(get(row, "theme")?, "theme")?,
                confidence: get(row, "confidence")?,
            })
        }

        // ---- jobs ---------------------------------------------------------

        async fn job_counts(c: &mut Conn) -> Result<Vec<(JobStatus, i64)>> {
            sqlx::query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status ORDER BY status")
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(|row| Ok((named(row, "status")?, get(row, "n")?)))
                .collect()
        }

        async fn list_jobs(c: &mut Conn, process: &Slug, limit: u32) -> Result<Vec<Job>> {
            sqlx::query(&format!("{JOB_COLUMNS} WHERE process = $1 ORDER BY id DESC LIMIT $2"))
                .bind(process.as_str())
                .bind(i64::from(limit))
                .fetch_all(&mut *c)
                .await
                .map_err(err)?
                .iter()
                .map(job_from)
                .collect()
        }

        async fn find_job(c: &mut Conn, id: i64) -> Result<Option<Job>> {
            sqlx::query(&format!("{JOB_COLUMNS} WHERE id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(job_from)
                .transpose()
        }

        async fn insert_job(c: &mut Conn, j: &Job) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO jobs (process, kind, status, done, total, message, created_by, \
                 created_at, finished_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(j.process.as_str())
            .bind(j.kind.as_str())
            .bind(j.status.as_str())
            .bind(j.done)
            .bind(j.total)
            .bind(&j.message)
            .bind(&j.created_by)
            .bind(j.created_at)
            .bind(j.finished_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        /// Progress and outcome of a running job; a job that is over stays as it ended.
        async fn update_job(c: &mut Conn, j: &Job) -> Result<()> {
            sqlx::query(
                "UPDATE jobs SET status = $2, done = $3, total = $4, message = $5, finished_at = $6 \
                 WHERE id = $1 AND status = 'running'",
            )
            .bind(j.id)
            .bind(j.status.as_str())
            .bind(j.done)
            .bind(j.total)
            .bind(&j.message)
            .bind(j.finished_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn fail_running_jobs(c: &mut Conn, message: &str, at: DateTime<Utc>) -> Result<u64> {
            Ok(sqlx::query(
                "UPDATE jobs SET status = $1, message = $2, finished_at = $3 WHERE status = 'running'",
            )
            .bind(JobStatus::Failed.as_str())
            .bind(message)
            .bind(at)
            .execute(&mut *c)
            .await
            .map_err(err)?
            .rows_affected())
        }

        async fn insert_leased_job(
            c: &mut Conn,
            j: &Job,
            args: Option<&str>,
            lease: &$crate::deps::accord_store::JobLease,
        ) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO jobs (process, kind, status, done, total, message, created_by, \
                 created_at, finished_at, args, lease_owner, lease_until, attempts) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id",
            )
            .bind(j.process.as_str())
            .bind(j.kind.as_str())
            .bind(j.status.as_str())
            .bind(j.done)
            .bind(j.total)
            .bind(&j.message)
            .bind(&j.created_by)
            .bind(j.created_at)
            .bind(j.finished_at)
            .bind(args)
            .bind(&lease.owner)
            .bind(lease.until)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        async fn claim_job(
            c: &mut Conn,
            lease: &$crate::deps::accord_store::JobLease,
            now: DateTime<Utc>,
            max_attempts: i32,
        ) -> Result<Option<$crate::deps::accord_store::ClaimedJob>> {
            // SQLite has one writer at a time: the subquery and the update
            // are one step there already.
            let skip_locked = if BACKEND == "postgres" { " FOR UPDATE SKIP LOCKED" } else { "" };
            let row = sqlx::query(&format!(
                "UPDATE jobs SET lease_owner = $1, lease_until = $2, attempts = attempts + 1 \
                 WHERE id = (SELECT id FROM jobs WHERE status = 'running' AND args IS NOT NULL \
                 AND attempts < $4 AND (lease_until IS NULL OR lease_until < $3) \
                 ORDER BY id LIMIT 1{skip_locked}) {JOB_RETURNING}"
            ))
            .bind(&lease.owner)
            .bind(lease.until)
            .bind(now)
            .bind(max_attempts)
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?;
            row.map(|row| {
                Ok($crate::deps::accord_store::ClaimedJob {
                    job: job_from(&row)?,
                    args: get(&row, "args")?,
                    attempts: get(&row, "attempts")?,
                })
            })
            .transpose()
        }

        async fn fail_abandoned_jobs(
            c: &mut Conn,
            why: $crate::deps::accord_store::AbandonedJobs<'_>,
            now: DateTime<Utc>,
        ) -> Result<Vec<Job>> {
            sqlx::query(&format!(
                "UPDATE jobs SET status = 'failed', finished_at = $1, lease_owner = NULL, \
                 lease_until = NULL, \
                 message = CASE WHEN args IS NULL THEN $2 ELSE $3 END \
                 WHERE status = 'running' AND (lease_until IS NULL OR lease_until < $1) \
                 AND (args IS NULL OR attempts >= $4) {JOB_RETURNING}"
            ))
            .bind(now)
            .bind(why.not_resumable)
            .bind(why.exhausted)
            .bind(why.max_attempts)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?
            .iter()
            .map(job_from)
            .collect()
        }

        async fn renew_job_lease(
            c: &mut Conn,
            job: i64,
            lease: &$crate::deps::accord_store::JobLease,
        ) -> Result<bool> {
            Ok(sqlx::query(
                "UPDATE jobs SET lease_until = $3 \
                 WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
            )
            .bind(job)
            .bind(&lease.owner)
            .bind(lease.until)
            .execute(&mut *c)
            .await
            .map_err(err)?
            .rows_affected()
                == 1)
        }

        async fn finish_leased_job(c: &mut Conn, j: &Job, owner: &str) -> Result<bool> {
            Ok(sqlx::query(
                "UPDATE jobs SET status = $3, done = $4, total = $5, message = $6, \
                 finished_at = $7, lease_owner = NULL, lease_until = NULL \
                 WHERE id = $1 AND lease_owner = $2 AND status = 'running'",
            )
            .bind(j.id)
            .bind(owner)
            .bind(j.status.as_str())
            .bind(j.done)
            .bind(j.total)
            .bind(&j.message)
            .bind(j.finished_at)
            .execute(&mut *c)
            .await
            .map_err(err)?
            .rows_affected()
                == 1)
        }

        async fn release_job_leases(c: &mut Conn, owner: Option<&str>) -> Result<u64> {
            let q = match owner {
                Some(_) => {
                    "UPDATE jobs SET lease_owner = NULL, lease_until = NULL \
                     WHERE status = 'running' AND lease_owner = $1"
                }
                None => {
                    "UPDATE jobs SET lease_owner = NULL, lease_until = NULL \
                     WHERE status = 'running'"
                }
            };
            let mut q = sqlx::query(q);
            if let Some(owner) = owner {
                q = q.bind(owner);
            }
            Ok(q.execute(&mut *c).await.map_err(err)?.rows_affected())
        }

        async fn try_lock(c: &mut Conn, key: i64) -> Result<bool> {
            if BACKEND != "postgres" {
                return Ok(true);
            }
            sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
                .bind(key)
                .fetch_one(&mut *c)
                .await
                .map_err(err)
        }

        // ---- throttles (shared by servers) ----------------------------------

        async fn throttle_events(
            c: &mut Conn,
            throttle: &str,
            key: &str,
        ) -> Result<Vec<DateTime<Utc>>> {
            if BACKEND == "postgres" {
                // The row (made empty if missing) is locked until the unit
                // ends: another server's check of the same key waits here.
                sqlx::query(
                    "INSERT INTO throttle_keys (throttle, key, events, last_at) \
                     VALUES ($1, $2, '[]', $3) ON CONFLICT (throttle, key) DO NOTHING",
                )
                .bind(throttle)
                .bind(key)
                .bind(DateTime::<Utc>::UNIX_EPOCH)
                .execute(&mut *c)
                .await
                .map_err(err)?;
            }
            let lock = if BACKEND == "postgres" { " FOR UPDATE" } else { "" };
            let events: Option<String> = sqlx::query_scalar(&format!(
                "SELECT events FROM throttle_keys WHERE throttle = $1 AND key = $2{lock}"
            ))
            .bind(throttle)
            .bind(key)
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?;
            match events {
                None => Ok(Vec::new()),
                Some(json) => $crate::deps::serde_json::from_str(&json).map_err(|e| {
                    StoreError::Other(format!("unreadable value in column events: {e}"))
                }),
            }
        }

        async fn put_throttle_events(
            c: &mut Conn,
            throttle: &str,
            key: &str,
            events: &[DateTime<Utc>],
        ) -> Result<()> {
            let Some(last) = events.last() else {
                sqlx::query("DELETE FROM throttle_keys WHERE throttle = $1 AND key = $2")
                    .bind(throttle)
                    .bind(key)
                    .execute(&mut *c)
                    .await
                    .map_err(err)?;
                return Ok(());
            };
            let json = $crate::deps::serde_json::to_string(events)
                .map_err(|e| StoreError::Other(e.to_string()))?;
            sqlx::query(
                "INSERT INTO throttle_keys (throttle, key, events, last_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (throttle, key) DO UPDATE SET events = $3, last_at = $4",
            )
            .bind(throttle)
            .bind(key)
            .bind(json)
            .bind(*last)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn forget_throttle_keys_before(
            c: &mut Conn,
            throttle: &str,
            before: DateTime<Utc>,
        ) -> Result<u64> {
            Ok(sqlx::query("DELETE FROM throttle_keys WHERE throttle = $1 AND last_at < $2")
                .bind(throttle)
                .bind(before)
                .execute(&mut *c)
                .await
                .map_err(err)?
                .rows_affected())
        }

        // ---- analysis runs ------------------------------------------------

        async fn latest_analysis(c: &mut Conn, process: &Slug) -> Result<Option<AnalysisRun>> {
            sqlx::query(&format!(
                "{RUN_COLUMNS} WHERE process = $1 AND complete = $2 ORDER BY id DESC LIMIT 1"
            ))
            .bind(process.as_str())
            .bind(true)
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?
            .as_ref()
            .map(run_from)
            .transpose()
        }

        async fn insert_analysis_run(c: &mut Conn, r: &AnalysisRun) -> Result<i64> {
            sqlx::query_scalar(
                "INSERT INTO analysis_runs (process, job_id, taxonomy, threshold, inputs, statements, \
                 campaign_inputs, campaigns, assigned, labels, seconds, stats, complete, finished_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
            )
            .bind(r.process.as_str())
            .bind(r.job)
            .bind(r.taxonomy.as_str())
            .bind(r.threshold)
            .bind(r.inputs)
            .bind(r.statements)
            .bind(r.campaign_inputs)
            .bind(r.campaigns)
            .bind(r.assigned)
            .bind(r.labels)
            .bind(r.seconds)
            .bind(Json(&r.stats))
            .bind(false)
            .bind(r.finished_at)
            .fetch_one(&mut *c)
            .await
            .map_err(err)
        }

        async fn complete_analysis_run(c: &mut Conn, r: &AnalysisRun) -> Result<()> {
            let done = sqlx::query(
                "UPDATE analysis_runs SET inputs = $2, statements = $3, campaign_inputs = $4, \
                 campaigns = $5, assigned = $6, labels = $7, seconds = $8, finished_at = $9, \
                 complete = $10, stats = $11 WHERE id = $1",
            )
            .bind(r.id)
            .bind(r.inputs)
            .bind(r.statements)
            .bind(r.campaign_inputs)
            .bind(r.campaigns)
            .bind(r.assigned)
            .bind(r.labels)
            .bind(r.seconds)
            .bind(r.finished_at)
            .bind(true)
            .bind(Json(&r.stats))
            .execute(&mut *c)
            .await
            .map_err(err)?;
            if done.rows_affected() != 1 {
                return Err(StoreError::NotFound(format!("analysis run {}", r.id)));
            }
            Ok(())
        }

        /// Every run of the process older than `keep` (and what it found).
        async fn delete_analysis_runs_before(c: &mut Conn, process: &Slug, keep: i64) -> Result<()> {
            for table in ["campaigns", "campaign_inputs", "theme_assignments", "theme_clusters"] {
                sqlx::query(&format!(
                    "DELETE FROM {table} WHERE run_id IN \
                     (SELECT id FROM analysis_runs WHERE process = $1 AND id < $2)"
                ))
                .bind(process.as_str())
                .bind(keep)
                .execute(&mut *c)
                .await
                .map_err(err)?;
            }
            sqlx::query("DELETE FROM analysis_runs WHERE process = $1 AND id < $2")
                .bind(process.as_str())
                .bind(keep)
                .execute(&mut *c)
                .await
                .map_err(err)?;
            Ok(())
        }

        async fn insert_campaigns(c: &mut Conn, run: i64, list: &[Campaign]) -> Result<()> {
            for chunk in list.chunks(ROWS_PER_INSERT / 4) {
                let mut qb = QueryBuilder::<Db>::new(
                    "INSERT INTO campaigns (run_id, number, size, variants, representative, \
                     language, first_seen, last_seen, theme) ",
                );
                qb.push_values(chunk, |mut b, x| {
                    b.push_bind(run)
                        .push_bind(x.number)
                        .push_bind(x.size)
                        .push_bind(x.variants)
                        .push_bind(x.representative)
                        .push_bind(x.language.as_str())
                        .push_bind(x.first_seen)
                        .push_bind(x.last_seen)
                        .push_bind(x.theme.as_ref().map(|t| t.to_string()));
                });
                qb.build().execute(&mut *c).await.map_err(err)?;
            }
            Ok(())
        }

        async fn insert_campaign_inputs(c: &mut Conn, run: i64, list: &[(i64, i64)]) -> Result<()> {
            for chunk in list.chunks(ROWS_PER_INSERT) {
                let mut qb =
                    QueryBuilder::<Db>::new("INSERT INTO campaign_inputs (run_id, input_id, number) ");
                qb.push_values(chunk, |mut b, (input, number)| {
                    b.push_bind(run).push_bind(*input).push_bind(*number);
                });
                qb.build().execute(&mut *c).await.map_err(err)?;
            }
            Ok(())
        }

        async fn insert_theme_assignments(
            c: &mut Conn,
            run: i64,
            list: &[ThemeAssignment],
        ) -> Result<()> {
            for chunk in list.chunks(ROWS_PER_INSERT) {
                let mut qb = QueryBuilder::<Db>::new(
                    "INSERT INTO theme_assignments (run_id, item_kind, item_id, theme, confidence) ",
                );
                qb.push_values(chunk, |mut b, x| {
                    b.push_bind(run)
                        .push_bind(x.item_kind.as_str())
                        .push_bind(x.item_id)
                        .push_bind(x.theme.as_ref().map(|t| t.to_string()))
                        .push_bind(x.confidence);
                });
                qb.build().execute(&mut *c).await.map_err(err)?;
            }
            Ok(())
        }

        async fn insert_clusters(c: &mut Conn, run: i64, list: &[ThemeCluster]) -> Result<()> {
            for x in list {
                sqlx::query(
                    "INSERT INTO theme_clusters (run_id, theme, number, inputs, key_phrases, \
                     representatives) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(run)
                .bind(x.theme.as_str())
                .bind(x.number)
                .bind(x.inputs)
                .bind(Json(&x.key_phrases))
                .bind(Json(&x.representatives))
                .execute(&mut *c)
                .await
                .map_err(err)?;
            }
            Ok(())
        }

        async fn list_campaigns(c: &mut Conn, run: i64, limit: u32, offset: u32) -> Result<Vec<Campaign>> {
            sqlx::query(&format!(
                "{CAMPAIGN_COLUMNS} WHERE c.run_id = $1 ORDER BY c.number LIMIT $2 OFFSET $3"
            ))
            .bind(run)
            .bind(i64::from(limit))
            .bind(i64::from(offset))
            .fetch_all(&mut *c)
            .await
            .map_err(err)?
            .iter()
            .map(campaign_from)
            .collect()
        }

        async fn find_campaign(c: &mut Conn, run: i64, number: i64) -> Result<Option<Campaign>> {
            sqlx::query(&format!("{CAMPAIGN_COLUMNS} WHERE c.run_id = $1 AND c.number = $2"))
                .bind(run)
                .bind(number)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(campaign_from)
                .transpose()
        }

        async fn campaign_of_input(c: &mut Conn, run: i64, input: i64) -> Result<Option<Campaign>> {
            sqlx::query(&format!(
                "{CAMPAIGN_COLUMNS} JOIN campaign_inputs x ON x.run_id = c.run_id AND x.number = c.number \
                 WHERE x.run_id = $1 AND x.input_id = $2"
            ))
            .bind(run)
            .bind(input)
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?
            .as_ref()
            .map(campaign_from)
            .transpose()
        }

        async fn campaign_inputs(
            c: &mut Conn,
            run: i64,
            number: i64,
            after: i64,
            limit: u32,
        ) -> Result<Vec<i64>> {
            sqlx::query_scalar(
                "SELECT input_id FROM campaign_inputs WHERE run_id = $1 AND number = $2 \
                 AND input_id > $3 ORDER BY input_id LIMIT $4",
            )
            .bind(run)
            .bind(number)
            .bind(after)
            .bind(i64::from(limit))
            .fetch_all(&mut *c)
            .await
            .map_err(err)
        }

        async fn item_theme(
            c: &mut Conn,
            run: i64,
            kind: ItemKind,
            id: i64,
        ) -> Result<Option<ThemeAssignment>> {
            sqlx::query(
                "SELECT item_kind, item_id, theme, confidence FROM theme_assignments \
                 WHERE run_id = $1 AND item_kind = $2 AND item_id = $3",
            )
            .bind(run)
            .bind(kind.as_str())
            .bind(id)
            .fetch_optional(&mut *c)
            .await
            .map_err(err)?
            .as_ref()
            .map(assignment_from)
            .transpose()
        }

        async fn list_clusters(c: &mut Conn, run: i64) -> Result<Vec<ThemeCluster>> {
            let rows = sqlx::query(
                "SELECT theme, number, inputs, key_phrases, representatives FROM theme_clusters \
                 WHERE run_id = $1 ORDER BY theme, number",
            )
            .bind(run)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    Ok(ThemeCluster {
                        theme: named(row, "theme")?,
                        number: get(row, "number")?,
                        inputs: get(row, "inputs")?,
                        key_phrases: get::<Json<Vec<String>>>(row, "key_phrases")?.0,
                        representatives: get::<Json<Vec<i64>>>(row, "representatives")?.0,
                    })
                })
                .collect()
        }

        /// A page of a process's inputs or statements that the public may
        /// read at `now`, as the analysis reads them: statements in one of
        /// their languages (English first).
        async fn analysis_texts(
            c: &mut Conn,
            process: &Slug,
            kind: ItemKind,
            after: i64,
            limit: u32,
            now: DateTime<Utc>,
        ) -> Result<Vec<AnalysisText>> {
            let rows = match kind {
                ItemKind::Statement => sqlx::query(
                    "SELECT s.id AS id, t.language AS language, t.body AS body, \
                       s.entered_at AS at, s.actor AS origin, s.synthetic AS synthetic \
                     FROM statements s JOIN texts t ON t.item_kind = 'statement' AND t.item_id = s.id \
                     WHERE s.id IN (SELECT id FROM statements WHERE process = $1 AND id > $2 \
                       AND distribution = 'public' AND (embargo_until IS NULL OR embargo_until <= $4) \
                       ORDER BY id LIMIT $3) \
                     AND t.body <> '' \
                     ORDER BY s.id, CASE WHEN t.language = 'en' THEN 0 ELSE 1 END, t.language",
                )
                .bind(process.as_str())
                .bind(after)
                .bind(i64::from(limit))
                .bind(now)
                .fetch_all(&mut *c)
                .await
                .map_err(err)?,
                _ => sqlx::query(
                    "SELECT id, language, body, submitted_at AS at, country AS origin, synthetic FROM inputs \
                     WHERE process = $1 AND id > $2 AND distribution = 'public' ORDER BY id LIMIT $3",
                )
                .bind(process.as_str())
                .bind(after)
                .bind(i64::from(limit))
                .fetch_all(&mut *c)
                .await
                .map_err(err)?,
            };
            let mut out: Vec<AnalysisText> = Vec::with_capacity(rows.len());
            for row in &rows {
                let id: i64 = get(row, "id")?;
                if out.last().is_some_and(|x| x.id == id) {
                    continue;
                }
                out.push(AnalysisText {
                    id,
                    language: named(row, "language")?,
                    text: get(row, "body")?,
                    at: get(row, "at")?,
                    origin: get(row, "origin")?,
                    synthetic: get(row, "synthetic")?,
                });
            }
            Ok(out)
        }

        // ---- the secretariat's decisions ------------------------------------

        async fn list_theme_labels(c: &mut Conn, process: &Slug) -> Result<Vec<ThemeLabel>> {
            let rows = sqlx::query(
                "SELECT process, item_kind, item_id, theme, labelled_by, labelled_at \
                 FROM theme_labels WHERE process = $1 ORDER BY item_kind, item_id",
            )
            .bind(process.as_str())
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    Ok(ThemeLabel {
                        process: named(row, "process")?,
                        item_kind: named(row, "item_kind")?,
                        item_id: get(row, "item_id")?,
                        theme: named(row, "theme")?,
                        labelled_by: get(row, "labelled_by")?,
                        labelled_at: get(row, "labelled_at")?,
                    })
                })
                .collect()
        }

        async fn set_theme_label(c: &mut Conn, l: &ThemeLabel) -> Result<()> {
            sqlx::query(
                "INSERT INTO theme_labels (process, item_kind, item_id, theme, labelled_by, labelled_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (process, item_kind, item_id) DO UPDATE SET theme = excluded.theme, \
                 labelled_by = excluded.labelled_by, labelled_at = excluded.labelled_at",
            )
            .bind(l.process.as_str())
            .bind(l.item_kind.as_str())
            .bind(l.item_id)
            .bind(l.theme.as_str())
            .bind(&l.labelled_by)
            .bind(l.labelled_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn list_dismissals(c: &mut Conn, kind: ItemKind, id: i64) -> Result<Vec<Dismissal>> {
            let rows = sqlx::query(
                "SELECT item_kind, item_id, language, start_char, dismissed_by, dismissed_at \
                 FROM dismissals WHERE item_kind = $1 AND item_id = $2 ORDER BY language, start_char",
            )
            .bind(kind.as_str())
            .bind(id)
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    Ok(Dismissal {
                        item_kind: named(row, "item_kind")?,
                        item_id: get(row, "item_id")?,
                        language: named(row, "language")?,
                        start_char: get(row, "start_char")?,
                        dismissed_by: get(row, "dismissed_by")?,
                        dismissed_at: get(row, "dismissed_at")?,
                    })
                })
                .collect()
        }

        async fn insert_dismissal(c: &mut Conn, d: &Dismissal) -> Result<()> {
            sqlx::query(
                "INSERT INTO dismissals (item_kind, item_id, language, start_char, dismissed_by, \
                 dismissed_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (item_kind, item_id, language, start_char) DO NOTHING",
            )
            .bind(d.item_kind.as_str())
            .bind(d.item_id)
            .bind(d.language.as_str())
            .bind(d.start_char)
            .bind(&d.dismissed_by)
            .bind(d.dismissed_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn list_coverage_links(c: &mut Conn, process: &Slug) -> Result<Vec<CoverageLink>> {
            let rows = sqlx::query(
                "SELECT l.recommendation_id, l.draft_id, l.wid, l.linked_by, l.linked_at \
                 FROM coverage_links l JOIN recommendations r ON r.id = l.recommendation_id \
                 WHERE r.process = $1 ORDER BY l.recommendation_id, l.draft_id, l.wid",
            )
            .bind(process.as_str())
            .fetch_all(&mut *c)
            .await
            .map_err(err)?;
            rows.iter()
                .map(|row| {
                    Ok(CoverageLink {
                        recommendation: get(row, "recommendation_id")?,
                        draft: get(row, "draft_id")?,
                        wid: named(row, "wid")?,
                        linked_by: get(row, "linked_by")?,
                        linked_at: get(row, "linked_at")?,
                    })
                })
                .collect()
        }

        async fn insert_coverage_link(c: &mut Conn, l: &CoverageLink) -> Result<()> {
            sqlx::query(
                "INSERT INTO coverage_links (recommendation_id, draft_id, wid, linked_by, linked_at) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (recommendation_id, draft_id, wid) DO NOTHING",
            )
            .bind(l.recommendation)
            .bind(l.draft)
            .bind(l.wid.as_str())
            .bind(&l.linked_by)
            .bind(l.linked_at)
            .execute(&mut *c)
            .await
            .map_err(err)?;
            Ok(())
        }

        async fn delete_coverage_link(c: &mut Conn, recommendation: i64, draft: i64, wid: &str) -> Result<bool> {
            Ok(sqlx::query(
                "DELETE FROM coverage_links WHERE recommendation_id = $1 AND draft_id = $2 AND wid = $3",
            )
            .bind(recommendation)
            .bind(draft)
            .bind(wid)
            .execute(&mut *c)
            .await
            .map_err(err)?
            .rows_affected()
                > 0)
        }

        async fn find_recommendation(c: &mut Conn, id: i64) -> Result<Option<Recommendation>> {
            sqlx::query(&format!("{RECOMMENDATION_COLUMNS} WHERE r.id = $1"))
                .bind(id)
                .fetch_optional(&mut *c)
                .await
                .map_err(err)?
                .as_ref()
                .map(recommendation_from)
                .transpose()
        }
    };
}
