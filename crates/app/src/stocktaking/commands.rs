//! Stocktaking: the commands (writes).

use super::*;

impl crate::App {
    /// Records a job's progress (best effort: a failure to record progress
    /// does not stop the work).
    pub(crate) async fn save_job(&self, job: &Job) {
        let saved = async {
            let mut tx = self.store.begin().await?;
            tx.update_job(job).await?;
            tx.commit().await
        }
        .await;
        if let Err(e) = saved {
            tracing::warn!(job = job.id, error = %e, "job progress not recorded");
        }
    }

    pub(crate) async fn finish_job(
        &self,
        mut job: Job,
        outcome: std::result::Result<String, String>,
    ) {
        job.finished_at = Some(crate::micros(self.now()));
        match outcome {
            Ok(summary) => {
                job.status = JobStatus::Succeeded;
                job.message = summary;
            }
            Err(why) => {
                job.status = JobStatus::Failed;
                job.message = why;
            }
        }
        let finished = async {
            let mut tx = self.store.begin().await?;
            let held = tx.finish_leased_job(&job, self.job_owner()).await?;
            tx.commit().await?;
            Ok::<_, accord_store::StoreError>(held)
        }
        .await;
        match finished {
            Ok(true) => {}
            Ok(false) => tracing::warn!(
                job = job.id,
                "job not finished here: another server took it over"
            ),
            Err(e) => tracing::warn!(job = job.id, error = %e, "job outcome not recorded"),
        }
        self.announce_job(&job);
    }

    pub(crate) fn announce_job(&self, job: &Job) {
        self.announce(&job.process, format!("job-{}", job.id));
    }

    /// May `p` import inputs into this call for inputs? Asked before an
    /// upload is read, so nobody else makes the server hold a file.
    pub async fn check_input_import(
        &self,
        p: &Principal,
        process: &str,
        consultation: &str,
    ) -> Result<(Slug, Slug)> {
        let slug = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&slug))?;
        let call = crate::parse_slug("consultation", consultation)?;
        if !self
            .consultations(process)
            .await?
            .iter()
            .any(|c| c.slug == call)
        {
            return Err(AppError::NotFound(format!(
                "no consultation '{call}' in '{slug}'"
            )));
        }
        Ok((slug, call))
    }

    /// Starts importing a file of inputs (CSV or JSON Lines, gzip accepted)
    /// as a background job; its progress and summary are on the job.
    pub async fn start_input_import(
        &self,
        p: &Principal,
        process: &str,
        consultation: &str,
        bytes: Vec<u8>,
        format: InputFormat,
        synthetic: bool,
    ) -> Result<Job> {
        let (slug, call) = self.check_input_import(p, process, consultation).await?;
        // The header (CSV) or the compression must be readable before a job starts.
        let _ = read_rows(
            std::io::Cursor::new(&bytes[..]),
            format,
            (slug.clone(), call.clone()),
            synthetic,
        )
        .map_err(|why| AppError::Unreadable {
            kind: "unreadable_file",
            message: why,
        })?;
        // The file is not kept: a server that takes the job over cannot
        // start it again (it is failed; sending the file again skips the
        // inputs already imported).
        let job = self.new_job(p, &slug, JobKind::ImportInputs, None).await?;
        let app = self.clone();
        let principal = p.clone();
        let mut running = job.clone();
        self.hold_job(&job, async move {
            let rows = match read_rows(
                std::io::Cursor::new(bytes),
                format,
                (slug.clone(), call.clone()),
                synthetic,
            ) {
                Ok(rows) => rows,
                Err(why) => return app.finish_job(running, Err(why)).await,
            };
            // Progress is recorded by a task of its own, at most once a second.
            let (tx, mut rx) = tokio::sync::watch::channel(0i64);
            let recorder = {
                let app = app.clone();
                let mut job = running.clone();
                tokio::spawn(async move {
                    while rx.changed().await.is_ok() {
                        job.done = *rx.borrow_and_update();
                        job.message = format!("{} rows read", job.done);
                        app.save_job(&job).await;
                        app.announce_job(&job);
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                })
            };
            let mut read = 0;
            let outcome = app
                .import_input_rows(&principal, slug.as_str(), call.as_str(), rows, |s, _| {
                    read = s.rows as i64;
                    let _ = tx.send(read);
                })
                .await;
            drop(tx);
            let _ = recorder.await;
            running.done = read;
            let outcome = match outcome {
                Ok(summary) => {
                    let mut message = summary.describe();
                    for (line, why) in summary.rejections.iter().take(10) {
                        message.push_str(&format!("\nline {line}: {why}"));
                    }
                    Ok(message)
                }
                Err(e) => Err(e.to_string()),
            };
            app.finish_job(running, outcome).await;
        });
        Ok(job)
    }

    /// Starts an analysis of the process as a background job.
    pub async fn start_analysis(
        &self,
        p: &Principal,
        process: &str,
        options: AnalysisOptions,
    ) -> Result<Job> {
        let slug = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&slug))?;
        options.threshold()?;
        self.analysis_themes(&slug, &options).await?;
        if let Some(running) = self
            .store
            .list_jobs(&slug, 20)
            .await?
            .into_iter()
            .find(|j| j.kind == JobKind::Analysis && j.status == JobStatus::Running)
        {
            return Err(accord_domain::ValidationError::AnalysisRunning(running.id).into());
        }
        self.queue_analysis(p, &slug, &options).await
    }

    // ---- the analysis -------------------------------------------------------

    /// Analyses the process's inputs and statements now (the CLI; the
    /// server runs it as a job): campaigns, themes, clusters. The new run
    /// replaces the previous one when it is complete.
    pub async fn analyse(
        &self,
        p: &Principal,
        process: &str,
        options: &AnalysisOptions,
    ) -> Result<AnalysisRun> {
        let slug = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&slug))?;
        self.analyse_with(p, &slug, options, None).await
    }

    pub(crate) async fn analyse_with(
        &self,
        p: &Principal,
        process: &Slug,
        options: &AnalysisOptions,
        mut job: Option<&mut Job>,
    ) -> Result<AnalysisRun> {
        let started = Instant::now();
        let threshold = options.threshold()?;
        let (taxonomy, themes) = self.analysis_themes(process, options).await?;
        self.progress(&mut job, 0, None, "reading inputs").await;
        let inputs = self.read_texts(process, ItemKind::Input, &mut job).await?;
        let statements = self
            .read_texts(process, ItemKind::Statement, &mut job)
            .await?;
        let labels: Vec<ThemeLabel> = self
            .store
            .list_theme_labels(process)
            .await?
            .into_iter()
            .filter(|l| themes.iter().any(|t| t.code == l.theme))
            .collect();
        let recommendations = self.all_recommendations(process, None).await?;
        let actors = self.origin_actors(&inputs, &statements).await?;
        let mut stats = run_stats(&inputs, &statements, &actors);
        let origins: Vec<Option<String>> = inputs
            .iter()
            .chain(statements.iter())
            .map(|x| x.origin.clone())
            .collect();
        let total = (inputs.len() + statements.len()) as i64;
        self.progress(
            &mut job,
            0,
            Some(total),
            &format!(
                "finding campaigns and themes in {} inputs and {} statements",
                inputs.len(),
                statements.len()
            ),
        )
        .await;
        let found = {
            let themes = themes.clone();
            let labels = labels.clone();
            tokio::task::spawn_blocking(move || {
                compute(
                    inputs,
                    statements,
                    &themes,
                    &labels,
                    &recommendations,
                    threshold,
                )
            })
            .await
            .map_err(|e| AppError::Internal(format!("the analysis stopped: {e}")))?
        };
        stats.who = who_said_what(&found.assignments, &origins, &actors);
        // Written in pieces; readers see it only once complete.
        let mut run = AnalysisRun {
            id: 0,
            process: process.clone(),
            job: job.as_deref().map(|j| j.id),
            taxonomy,
            threshold,
            inputs: found.inputs,
            statements: found.statements,
            campaign_inputs: found.members.len() as i64,
            campaigns: found.campaigns.len() as i64,
            assigned: found
                .assignments
                .iter()
                .filter(|a| a.theme.is_some())
                .count() as i64,
            labels: labels.len() as i64,
            seconds: 0.0,
            stats,
            finished_at: self.now(),
        };
        {
            let mut tx = self.store.begin().await?;
            run.id = tx.insert_analysis_run(&run).await?;
            tx.insert_campaigns(run.id, &found.campaigns).await?;
            tx.insert_clusters(run.id, &found.clusters).await?;
            tx.commit().await?;
        }
        let rows = found.members.len() + found.assignments.len();
        let mut written = 0usize;
        for chunk in found.members.chunks(WRITE_CHUNK) {
            let mut tx = self.store.begin().await?;
            tx.insert_campaign_inputs(run.id, chunk).await?;
            tx.commit().await?;
            written += chunk.len();
            self.progress(
                &mut job,
                written as i64,
                Some(rows as i64),
                "writing the results",
            )
            .await;
        }
        for chunk in found.assignments.chunks(WRITE_CHUNK) {
            let mut tx = self.store.begin().await?;
            tx.insert_theme_assignments(run.id, chunk).await?;
            tx.commit().await?;
            written += chunk.len();
            self.progress(
                &mut job,
                written as i64,
                Some(rows as i64),
                "writing the results",
            )
            .await;
        }
        run.seconds = started.elapsed().as_secs_f64();
        if job.is_some() {
            self.job_gate().await;
        }
        let mut unit = self.unit(p).await?;
        run.finished_at = unit.at;
        unit.tx.complete_analysis_run(&run).await?;
        // A job's run is complete only if this server still holds the job,
        // which ends in the same unit: one complete run, one ending.
        if let Some(job) = job {
            job.status = JobStatus::Succeeded;
            job.message = describe_run(&run);
            job.finished_at = Some(unit.at);
            if !unit.tx.finish_leased_job(job, self.job_owner()).await? {
                return Err(AppError::Unavailable(format!(
                    "job {}: another server took it over; this run is dropped",
                    job.id
                )));
            }
        }
        unit.tx.delete_analysis_runs_before(process, run.id).await?;
        unit.audit(
            "stocktaking.analyse",
            Some(process),
            vec![
                format!("run:{}", run.id),
                format!("inputs:{}", run.inputs),
                format!("campaigns:{}", run.campaigns),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(run)
    }

    // ---- the secretariat's decisions ------------------------------------------

    /// Labels an input or a statement with a theme (the secretariat): shown
    /// at once, and learned from by the next analysis.
    pub async fn label_theme(
        &self,
        p: &Principal,
        process: &str,
        kind: ItemKind,
        id: i64,
        theme: &str,
    ) -> Result<()> {
        let slug = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&slug))?;
        let theme = crate::parse_slug("theme", theme)?;
        let mut unit = self.unit(p).await?;
        crate::process::theme_to_file_under(&mut *unit.tx, &slug, &theme).await?;
        self.check_item(&mut unit, &slug, kind, id).await?;
        unit.tx
            .set_theme_label(&ThemeLabel {
                process: slug.clone(),
                item_kind: kind,
                item_id: id,
                theme: theme.clone(),
                labelled_by: p.by(),
                labelled_at: unit.at,
            })
            .await?;
        unit.audit(
            "stocktaking.label",
            Some(&slug),
            vec![format!("{}:{id}", kind.as_str()), format!("theme:{theme}")],
        )
        .await?;
        unit.commit().await
    }

    /// Passes over a suggested recommendation (the secretariat): it is not
    /// suggested again.
    pub async fn dismiss_suggestion(
        &self,
        p: &Principal,
        process: &str,
        kind: ItemKind,
        id: i64,
        language: Language,
        start: usize,
    ) -> Result<()> {
        let slug = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&slug))?;
        let mut unit = self.unit(p).await?;
        self.check_item(&mut unit, &slug, kind, id).await?;
        let text = unit
            .tx
            .find_text(kind, id, language)
            .await?
            .map(|t| t.body)
            .or(match kind {
                ItemKind::Input => unit
                    .tx
                    .find_input(id)
                    .await?
                    .filter(|i| i.language == language)
                    .map(|i| i.text),
                _ => None,
            })
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "no {} text of {} {id}",
                    language.as_str(),
                    kind.as_str()
                ))
            })?;
        if !analysis::recommendation_candidates(&text, language.as_str())
            .iter()
            .any(|c| c.start == start)
        {
            return Err(AppError::BadRequest(format!(
                "no suggested recommendation starts at character {start} of that text"
            )));
        }
        unit.tx
            .insert_dismissal(&Dismissal {
                item_kind: kind,
                item_id: id,
                language,
                start_char: start as i64,
                dismissed_by: p.by(),
                dismissed_at: unit.at,
            })
            .await?;
        unit.audit(
            "recommendation.dismiss",
            Some(&slug),
            vec![format!("{}:{id}", kind.as_str()), format!("at:{start}")],
        )
        .await?;
        unit.commit().await
    }

    /// Links a paragraph of a draft to a recommendation it answers (the
    /// co-facilitators or the secretariat); `linked: false` removes the link.
    pub async fn link_coverage(
        &self,
        p: &Principal,
        process: &str,
        recommendation: i64,
        draft: &str,
        wid: &str,
        linked: bool,
    ) -> Result<()> {
        let slug = self.existing_process(process).await?;
        authorize(p, Action::ChairNegotiation(&slug))?;
        let mut unit = self.unit(p).await?;
        let r = unit
            .tx
            .find_recommendation(recommendation)
            .await?
            .filter(|r| r.process == slug)
            .ok_or_else(|| {
                AppError::NotFound(format!("recommendation {recommendation} in '{slug}'"))
            })?;
        if !self.may_see_source(&slug, clearance(p, &slug), &r).await? {
            return Err(AppError::NotFound(format!(
                "recommendation {recommendation} in '{slug}'"
            )));
        }
        let draft_slug = crate::parse_slug("draft", draft)?;
        let d = unit
            .tx
            .find_draft(&slug, &draft_slug)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("draft '{draft_slug}' in '{slug}'")))?;
        let wid: Wid = wid
            .parse()
            .map_err(|e| AppError::BadRequest(format!("paragraph: {e}")))?;
        if linked {
            let versions = unit.tx.draft_versions(d.id).await?;
            if !versions.iter().any(|v| v.text.find(&wid).is_some()) {
                return Err(AppError::NotFound(format!(
                    "no paragraph '{wid}' in any version of '{draft_slug}'"
                )));
            }
            unit.tx
                .insert_coverage_link(&CoverageLink {
                    recommendation: r.id,
                    draft: d.id,
                    wid: wid.clone(),
                    linked_by: p.by(),
                    linked_at: unit.at,
                })
                .await?;
        } else if !unit
            .tx
            .delete_coverage_link(r.id, d.id, wid.as_str())
            .await?
        {
            return Err(AppError::NotFound(format!(
                "recommendation {recommendation} is not linked to '{wid}'"
            )));
        }
        unit.audit(
            if linked {
                "coverage.link"
            } else {
                "coverage.unlink"
            },
            Some(&slug),
            vec![
                format!("recommendation:{recommendation}"),
                format!("draft:{draft_slug}"),
                format!("wid:{wid}"),
            ],
        )
        .await?;
        unit.commit().await
    }
}
