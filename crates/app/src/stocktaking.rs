//! The stocktaking: background jobs (importing inputs, analysing them); the
//! analysis of a process's inputs and statements — campaigns, a theme for
//! each item with a confidence, clusters named by key phrases within each
//! theme — stored as a run that can always be computed again; and the
//! secretariat's decisions on top of it: theme labels (which the next run
//! learns from), dismissed recommendation suggestions, and the paragraphs
//! of a draft that answer a recommendation (coverage).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::Instant;

use accord_analysis as analysis;
use accord_domain::negotiation::{NodeKind, Wid};
use accord_domain::stocktaking::{
    AnalysisRun, Campaign, CoverageLink, Dismissal, Job, JobKind, JobStatus, RunStats,
    ThemeAssignment, ThemeCluster, ThemeLabel, WhoSaidWhat,
};
use accord_domain::{Clearance, Input, ItemKind, Language, Recommendation, Slug, Theme};
use accord_store::{AnalysisText, RecommendationQuery};
use chrono::{DateTime, Datelike, Utc};

use crate::import::{read_rows, InputFormat};
use crate::policy::{authorize, clearance, Action, Principal};
use crate::{App, AppError, Result};

/// The taxonomy analysed when none is named (the GCM's six thematic sessions).
pub const DEFAULT_TAXONOMY: &str = "thematic-sessions";
/// Items read from the store per query.
const PAGE: u32 = 10_000;
/// Rows written per unit of work.
const WRITE_CHUNK: usize = 50_000;
/// How much a label, a recommendation's theme and a theme's title count
/// when the analysis learns the themes.
const LABEL_WEIGHT: f32 = 5.0;
const RECOMMENDATION_WEIGHT: f32 = 2.0;
const TITLE_WEIGHT: f32 = 1.0;
/// A recommendation is recurring when this many are alike.
pub const RECURRING: usize = 2;

/// What to analyse, and how.
#[derive(Debug, Clone, Default)]
pub struct AnalysisOptions {
    /// The taxonomy whose themes are assigned (default: `thematic-sessions`,
    /// or the process's first taxonomy).
    pub taxonomy: Option<String>,
    /// The near-duplicate threshold, 0.3–0.99 (default 0.7).
    pub threshold: Option<f64>,
}

impl AnalysisOptions {
    fn threshold(&self) -> Result<f64> {
        let t = self.threshold.unwrap_or(0.7);
        if !(0.3..=0.99).contains(&t) || t.is_nan() {
            return Err(AppError::BadRequest(format!(
                "threshold {t}: give a similarity between 0.3 and 0.99"
            )));
        }
        Ok(t)
    }
}

/// The latest analysis and what the stocktaking page shows of it.
#[derive(Debug, Clone)]
pub struct Stocktaking {
    pub run: AnalysisRun,
    pub themes: Vec<ThemeSummary>,
    /// Items with no theme.
    pub unassigned: i64,
    pub campaigns: Vec<(Campaign, Option<Input>)>,
    pub who: Vec<WhoSaidWhat>,
}

#[derive(Debug, Clone)]
pub struct ThemeSummary {
    pub theme: Theme,
    pub inputs: i64,
    pub statements: i64,
    pub clusters: Vec<ClusterView>,
    pub recommendations: Vec<Recommendation>,
}

/// A cluster with the representative inputs the reader may see.
#[derive(Debug, Clone)]
pub struct ClusterView {
    pub cluster: ThemeCluster,
    pub representatives: Vec<Input>,
}

/// What the analysis says of one input or statement.
#[derive(Debug, Clone, Default)]
pub struct ItemAnalysis {
    pub run: Option<AnalysisRun>,
    pub campaign: Option<Campaign>,
    pub assignment: Option<ThemeAssignment>,
    pub label: Option<ThemeLabel>,
    /// The taxonomy's themes, for the correction form.
    pub themes: Vec<Theme>,
}

/// A campaign and a page of its inputs.
#[derive(Debug, Clone)]
pub struct CampaignDetail {
    pub run: AnalysisRun,
    pub campaign: Campaign,
    pub representative: Option<Input>,
    pub inputs: Vec<Input>,
    /// The last input id on the page, when there may be more.
    pub next_after: Option<i64>,
}

/// Coverage: for each recommendation, the paragraphs that answer it.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub draft: Option<accord_domain::negotiation::Draft>,
    /// The draft's latest version.
    pub version: Option<accord_domain::negotiation::Version>,
    pub items: Vec<CoverageItem>,
    /// Recommendations said more than once that no paragraph answers yet,
    /// most often said first.
    pub unanswered: Vec<RecurringRecommendation>,
}

#[derive(Debug, Clone)]
pub struct CoverageItem {
    pub recommendation: Recommendation,
    /// Linked by the co-facilitators: the paragraph's wId and number.
    pub linked: Vec<(Wid, String)>,
    /// Suggested by similarity (not linked yet): wId, number, score.
    pub suggested: Vec<(Wid, String, f32)>,
}

#[derive(Debug, Clone)]
pub struct RecurringRecommendation {
    pub recommendation: Recommendation,
    /// How many recommendations say much the same (itself included).
    pub times: usize,
    pub alike: Vec<i64>,
}

impl App {
    // ---- jobs ---------------------------------------------------------------

    /// The process's recent jobs (the secretariat).
    pub async fn jobs(&self, p: &Principal, process: &str) -> Result<Vec<Job>> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        Ok(self.store.list_jobs(&process, 20).await?)
    }

    pub async fn job(&self, p: &Principal, process: &str, id: i64) -> Result<Job> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let job = self.store.get_job(id).await?;
        if job.process != process {
            return Err(AppError::NotFound(format!("job {id} in '{process}'")));
        }
        Ok(job)
    }

    /// Fails the jobs a stopped server left running (at start).
    pub async fn fail_interrupted_jobs(&self) -> Result<u64> {
        let mut tx = self.store.begin().await?;
        let n = tx
            .fail_running_jobs(
                "stopped: the server was stopped while it ran",
                crate::micros(self.now()),
            )
            .await?;
        tx.commit().await?;
        Ok(n)
    }

    async fn new_job(&self, p: &Principal, process: &Slug, kind: JobKind) -> Result<Job> {
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
        job.id = unit.tx.insert_job(&job).await?;
        unit.audit(
            &format!("job.{}", kind.as_str()),
            Some(process),
            vec![format!("job:{}", job.id)],
        )
        .await?;
        unit.commit().await?;
        Ok(job)
    }

    /// Records a job's progress (best effort: a failure to record progress
    /// does not stop the work).
    async fn save_job(&self, job: &Job) {
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

    async fn finish_job(&self, mut job: Job, outcome: std::result::Result<String, String>) {
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
        self.save_job(&job).await;
        self.announce_job(&job);
    }

    fn announce_job(&self, job: &Job) {
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
        let job = self.new_job(p, &slug, JobKind::ImportInputs).await?;
        let app = self.clone();
        let principal = p.clone();
        let mut running = job.clone();
        tokio::spawn(async move {
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
        let job = self.new_job(p, &slug, JobKind::Analysis).await?;
        let app = self.clone();
        let principal = p.clone();
        let running = job.clone();
        tokio::spawn(async move {
            let mut progress = running.clone();
            let outcome = app
                .analyse_with(&principal, &slug, &options, Some(&mut progress))
                .await
                .map(|run| describe_run(&run))
                .map_err(|e| e.to_string());
            app.finish_job(progress, outcome).await;
        });
        Ok(job)
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

    async fn analysis_themes(
        &self,
        process: &Slug,
        options: &AnalysisOptions,
    ) -> Result<(Slug, Vec<Theme>)> {
        let all = self.store.list_themes(process).await?;
        let taxonomy = match &options.taxonomy {
            Some(t) => crate::parse_slug("taxonomy", t)?,
            None => {
                if all.iter().any(|t| t.taxonomy.as_str() == DEFAULT_TAXONOMY) {
                    DEFAULT_TAXONOMY.parse().expect("a valid slug")
                } else if let Some(first) = all.first() {
                    first.taxonomy.clone()
                } else {
                    return Err(AppError::BadRequest(format!(
                        "'{process}' has no themes to assign: add themes to the process first"
                    )));
                }
            }
        };
        let themes: Vec<Theme> = all.into_iter().filter(|t| t.taxonomy == taxonomy).collect();
        if themes.is_empty() {
            return Err(AppError::BadRequest(format!(
                "'{process}' has no taxonomy '{taxonomy}'"
            )));
        }
        Ok((taxonomy, themes))
    }

    async fn progress(
        &self,
        job: &mut Option<&mut Job>,
        done: i64,
        total: Option<i64>,
        message: &str,
    ) {
        tracing::info!(done, total, "{message}");
        if let Some(job) = job.as_deref_mut() {
            job.done = done;
            job.total = total;
            job.message = message.to_owned();
            self.save_job(job).await;
            self.announce_job(job);
        }
    }

    async fn read_texts(
        &self,
        process: &Slug,
        kind: ItemKind,
        job: &mut Option<&mut Job>,
    ) -> Result<Vec<AnalysisText>> {
        let mut all = Vec::new();
        let mut after = 0;
        loop {
            let page = self
                .store
                .analysis_texts(process, kind, after, PAGE, self.now())
                .await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            let short = page.len() < PAGE as usize;
            all.extend(page);
            if kind == ItemKind::Input && all.len() % 100_000 < PAGE as usize {
                self.progress(
                    job,
                    all.len() as i64,
                    None,
                    &format!("reading inputs: {}", all.len()),
                )
                .await;
            }
            if short {
                break;
            }
        }
        Ok(all)
    }

    async fn analyse_with(
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
        let mut unit = self.unit(p).await?;
        run.finished_at = unit.at;
        unit.tx.complete_analysis_run(&run).await?;
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

    /// The actors named as origins (countries of inputs, speakers of
    /// statements), by code; None for a code that is no actor.
    async fn origin_actors(
        &self,
        inputs: &[AnalysisText],
        statements: &[AnalysisText],
    ) -> Result<HashMap<String, Option<accord_domain::Actor>>> {
        let codes: HashSet<&str> = inputs
            .iter()
            .chain(statements)
            .filter_map(|x| x.origin.as_deref())
            .collect();
        let mut actors = HashMap::new();
        for code in codes {
            let found = match code.parse::<accord_domain::ActorCode>() {
                Ok(c) => match self.store.get_actor(&c).await {
                    Ok(a) => Some(a),
                    Err(accord_store::StoreError::NotFound(_)) => None,
                    Err(e) => return Err(e.into()),
                },
                Err(_) => None,
            };
            actors.insert(code.to_owned(), found);
        }
        Ok(actors)
    }

    /// Every recommendation of the process (`visible`: only those whose
    /// source that reader may see).
    async fn all_recommendations(
        &self,
        process: &Slug,
        visible: Option<accord_store::Visible>,
    ) -> Result<Vec<Recommendation>> {
        let mut all = Vec::new();
        let mut after = None;
        loop {
            let page = self
                .store
                .list_recommendations(&RecommendationQuery {
                    process: process.clone(),
                    source: None,
                    theme: None,
                    visible: visible.clone(),
                    after,
                    limit: accord_store::MAX_PAGE,
                })
                .await?;
            after = page.items.last().map(|r| r.id);
            let more = page.more;
            all.extend(page.items);
            if !more {
                return Ok(all);
            }
        }
    }

    // ---- reading the results ------------------------------------------------

    /// The latest analysis, as the stocktaking page shows it to this reader:
    /// counts for all, and only the inputs and recommendations the reader
    /// may see.
    pub async fn stocktaking(&self, p: &Principal, process: &str) -> Result<Option<Stocktaking>> {
        let slug = self.existing_process(process).await?;
        let Some(run) = self.store.latest_analysis(&slug).await? else {
            return Ok(None);
        };
        let reader = clearance(p, &slug);
        let who = run.stats.who.clone();
        let themes: Vec<Theme> = self
            .store
            .list_themes(&slug)
            .await?
            .into_iter()
            .filter(|t| t.taxonomy == run.taxonomy)
            .collect();
        let clusters = self.store.list_clusters(run.id).await?;
        let recommendations = self
            .all_recommendations(&slug, self.visible(p, &slug))
            .await?;
        let mut summaries = Vec::new();
        for theme in themes {
            let count = |kind: ItemKind| {
                who.iter()
                    .filter(|w| w.item_kind == kind && w.theme.as_ref() == Some(&theme.code))
                    .map(|w| w.items)
                    .sum::<i64>()
            };
            let mut views = Vec::new();
            for c in clusters.iter().filter(|c| c.theme == theme.code) {
                views.push(ClusterView {
                    cluster: c.clone(),
                    representatives: self
                        .visible_inputs(&slug, reader, &c.representatives)
                        .await?,
                });
            }
            let recs: Vec<Recommendation> = recommendations
                .iter()
                .filter(|r| r.themes.contains(&theme.code))
                .cloned()
                .collect();
            summaries.push(ThemeSummary {
                inputs: count(ItemKind::Input),
                statements: count(ItemKind::Statement),
                theme,
                clusters: views,
                recommendations: recs,
            });
        }
        let unassigned = who
            .iter()
            .filter(|w| w.theme.is_none())
            .map(|w| w.items)
            .sum();
        let mut campaigns = Vec::new();
        for c in self.store.list_campaigns(run.id, 10, 0).await? {
            let shown = self
                .visible_inputs(&slug, reader, &[c.representative])
                .await?
                .pop();
            campaigns.push((c, shown));
        }
        Ok(Some(Stocktaking {
            run,
            themes: summaries,
            unassigned,
            campaigns,
            who,
        }))
    }

    async fn visible_inputs(
        &self,
        process: &Slug,
        reader: Clearance,
        ids: &[i64],
    ) -> Result<Vec<Input>> {
        let mut out = Vec::new();
        for &id in ids {
            match self.store.get_input(process, id).await {
                Ok(input) if reader.may_see(input.distribution, None, self.now()) => {
                    out.push(input);
                }
                Ok(_) | Err(accord_store::StoreError::NotFound(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(out)
    }

    async fn may_see_source(
        &self,
        process: &Slug,
        reader: Clearance,
        r: &Recommendation,
    ) -> Result<bool> {
        Ok(match r.source {
            ItemKind::Input => !self
                .visible_inputs(process, reader, &[r.source_id])
                .await?
                .is_empty(),
            ItemKind::Statement => match self.store.get_statement(process, r.source_id).await {
                Ok(s) => reader.may_see(s.distribution, s.embargo_until, self.now()),
                Err(accord_store::StoreError::NotFound(_)) => false,
                Err(e) => return Err(e.into()),
            },
            ItemKind::Document => false,
        })
    }

    /// A page of the latest run's campaigns, largest first.
    pub async fn campaigns(
        &self,
        process: &str,
        offset: u32,
        limit: u32,
    ) -> Result<Option<(AnalysisRun, Vec<Campaign>)>> {
        let slug = self.existing_process(process).await?;
        let Some(run) = self.store.latest_analysis(&slug).await? else {
            return Ok(None);
        };
        let list = self
            .store
            .list_campaigns(run.id, limit.clamp(1, 500) + 1, offset)
            .await?;
        Ok(Some((run, list)))
    }

    /// A campaign of the latest run, with a page of its inputs the reader may see.
    pub async fn campaign(
        &self,
        p: &Principal,
        process: &str,
        number: i64,
        after: i64,
    ) -> Result<CampaignDetail> {
        let slug = self.existing_process(process).await?;
        let run = self
            .store
            .latest_analysis(&slug)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("'{slug}' has not been analysed yet")))?;
        let campaign = self.store.get_campaign(run.id, number).await?;
        let reader = clearance(p, &slug);
        const SHOWN: u32 = 50;
        let ids = self
            .store
            .campaign_inputs(run.id, number, after, SHOWN)
            .await?;
        let next_after = (ids.len() == SHOWN as usize).then(|| ids[ids.len() - 1]);
        Ok(CampaignDetail {
            representative: self
                .visible_inputs(&slug, reader, &[campaign.representative])
                .await?
                .pop(),
            inputs: self.visible_inputs(&slug, reader, &ids).await?,
            next_after,
            campaign,
            run,
        })
    }

    /// What the latest analysis says of an input or a statement (the caller
    /// has checked that the reader may see it).
    pub async fn item_analysis(
        &self,
        process: &str,
        kind: ItemKind,
        id: i64,
    ) -> Result<ItemAnalysis> {
        let slug = self.existing_process(process).await?;
        let label = self
            .store
            .list_theme_labels(&slug)
            .await?
            .into_iter()
            .find(|l| l.item_kind == kind && l.item_id == id);
        let Some(run) = self.store.latest_analysis(&slug).await? else {
            return Ok(ItemAnalysis {
                label,
                ..ItemAnalysis::default()
            });
        };
        let campaign = match kind {
            ItemKind::Input => self.store.campaign_of_input(run.id, id).await?,
            _ => None,
        };
        let themes = self
            .store
            .list_themes(&slug)
            .await?
            .into_iter()
            .filter(|t| t.taxonomy == run.taxonomy)
            .collect();
        Ok(ItemAnalysis {
            assignment: self.store.item_theme(run.id, kind, id).await?,
            campaign,
            label,
            themes,
            run: Some(run),
        })
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
        if unit.tx.find_theme(&slug, &theme).await?.is_none() {
            return Err(accord_domain::ValidationError::UnknownTheme(theme.to_string()).into());
        }
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

    async fn check_item(
        &self,
        unit: &mut crate::Unit<'_>,
        process: &Slug,
        kind: ItemKind,
        id: i64,
    ) -> Result<()> {
        let found = match kind {
            ItemKind::Input => unit.tx.find_input(id).await?.map(|i| i.process),
            ItemKind::Statement => unit.tx.find_statement(id).await?.map(|s| s.process.clone()),
            ItemKind::Document => {
                return Err(AppError::BadRequest(
                    "documents are not analysed: label an input or a statement".into(),
                ))
            }
        };
        if found.as_ref() != Some(process) {
            return Err(AppError::NotFound(format!(
                "{} {id} in '{process}'",
                kind.as_str()
            )));
        }
        Ok(())
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

    /// The suggestions passed over in an item.
    pub async fn dismissals(&self, kind: ItemKind, id: i64) -> Result<Vec<Dismissal>> {
        Ok(self.store.list_dismissals(kind, id).await?)
    }

    // ---- coverage ---------------------------------------------------------

    /// For each recommendation the reader may see, the paragraphs of the
    /// draft's latest version that answer it (linked) or may (suggested by
    /// similarity), and the recurring recommendations nothing answers yet.
    pub async fn coverage(
        &self,
        p: &Principal,
        process: &str,
        draft: Option<&str>,
    ) -> Result<Coverage> {
        let slug = self.existing_process(process).await?;
        let drafts = self.store.list_drafts(&slug).await?;
        let draft = match draft {
            Some(d) => Some(
                drafts
                    .into_iter()
                    .find(|x| x.slug.as_str() == d)
                    .ok_or_else(|| AppError::NotFound(format!("draft '{d}' in '{slug}'")))?,
            ),
            // The first draft that is not a simulation, else the first.
            None => {
                let real = drafts.iter().position(|d| !d.simulated).unwrap_or(0);
                drafts.into_iter().nth(real)
            }
        };
        let version = match &draft {
            Some(d) => self.store.list_versions(d.id).await?.pop(),
            None => None,
        };
        let recommendations = self
            .all_recommendations(&slug, self.visible(p, &slug))
            .await?;
        let links = self.store.list_coverage_links(&slug).await?;
        // The paragraphs of the latest version, with their numbers.
        let paragraphs: Vec<(Wid, String, String)> = match &version {
            Some(v) => v
                .text
                .placed()
                .into_iter()
                .filter(|pl| matches!(pl.kind, NodeKind::Paragraph | NodeKind::Subparagraph))
                .filter_map(|pl| {
                    let node = v.text.find(&pl.wid)?;
                    Some((pl.wid.clone(), pl.num.clone(), node.text.clone()))
                })
                .collect(),
            None => Vec::new(),
        };
        // Similarity is CPU work that grows with the square of the
        // recommendations: off the async threads.
        let (similar, groups) = {
            let passages: Vec<String> = recommendations.iter().map(|r| r.passage.clone()).collect();
            let texts: Vec<String> = paragraphs.iter().map(|(_, _, t)| t.clone()).collect();
            tokio::task::spawn_blocking(move || {
                let similar = analysis::most_similar(&passages, &texts, 3, 0.12);
                (similar, alike_groups(&passages))
            })
            .await
            .map_err(|e| AppError::Internal(format!("coverage stopped: {e}")))?
        };
        let number_of: HashMap<&Wid, &str> =
            paragraphs.iter().map(|(w, n, _)| (w, n.as_str())).collect();
        let mut items = Vec::new();
        for (r, best) in recommendations.iter().zip(similar) {
            let linked: Vec<(Wid, String)> = links
                .iter()
                .filter(|l| {
                    l.recommendation == r.id && draft.as_ref().is_some_and(|d| d.id == l.draft)
                })
                .map(|l| {
                    let number = number_of.get(&l.wid).map_or("(not in this version)", |n| n);
                    (l.wid.clone(), number.to_owned())
                })
                .collect();
            let suggested = best
                .into_iter()
                .map(|(i, score)| {
                    (
                        paragraphs[i as usize].0.clone(),
                        paragraphs[i as usize].1.clone(),
                        score,
                    )
                })
                .filter(|(w, _, _)| !linked.iter().any(|(l, _)| l == w))
                .collect();
            items.push(CoverageItem {
                recommendation: r.clone(),
                linked,
                suggested,
            });
        }
        // Recurring: recommendations alike (similar passages) counted together.
        let mut unanswered = Vec::new();
        for members in groups {
            if members.len() < RECURRING {
                continue;
            }
            if members.iter().all(|&j| items[j].linked.is_empty()) {
                unanswered.push(RecurringRecommendation {
                    recommendation: recommendations[members[0]].clone(),
                    times: members.len(),
                    alike: members.iter().map(|&j| recommendations[j].id).collect(),
                });
            }
        }
        unanswered.sort_by_key(|u| std::cmp::Reverse(u.times));
        Ok(Coverage {
            draft,
            version,
            items,
            unanswered,
        })
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

/// Counts for the report: inputs by language, region and week; statements
/// by the kind of actor.
fn run_stats(
    inputs: &[AnalysisText],
    statements: &[AnalysisText],
    actors: &HashMap<String, Option<accord_domain::Actor>>,
) -> RunStats {
    let mut stats = RunStats {
        synthetic: inputs
            .iter()
            .chain(statements)
            .filter(|x| x.synthetic)
            .count() as i64,
        ..RunStats::default()
    };
    let region = |code: Option<&str>| -> String {
        code.and_then(|c| actors.get(c))
            .and_then(|a| a.as_ref())
            .and_then(|a| a.region.clone())
            .unwrap_or_default()
    };
    for x in inputs {
        *stats
            .languages
            .entry(x.language.as_str().to_owned())
            .or_default() += 1;
        *stats
            .regions
            .entry(region(x.origin.as_deref()))
            .or_default() += 1;
        let day = x.at.date_naive();
        let monday = day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()));
        *stats.weeks.entry(monday).or_default() += 1;
    }
    for x in statements {
        let kind = x
            .origin
            .as_deref()
            .and_then(|c| actors.get(c))
            .and_then(|a| a.as_ref())
            .map_or("", |a| a.kind.as_str());
        *stats.statement_kinds.entry(kind.to_owned()).or_default() += 1;
    }
    stats
}

/// Items per theme by who said them: statements by their actor (with its
/// kind and, for states, region); inputs by their country.
fn who_said_what(
    assignments: &[ThemeAssignment],
    origins: &[Option<String>],
    actors: &HashMap<String, Option<accord_domain::Actor>>,
) -> Vec<WhoSaidWhat> {
    let mut counts: HashMap<(ItemKind, Option<&str>, Option<&Slug>), i64> = HashMap::new();
    for (a, origin) in assignments.iter().zip(origins) {
        *counts
            .entry((a.item_kind, origin.as_deref(), a.theme.as_ref()))
            .or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts
        .sort_by(|a, b| (a.0 .0.as_str(), a.0 .1, a.0 .2).cmp(&(b.0 .0.as_str(), b.0 .1, b.0 .2)));
    counts
        .into_iter()
        .map(|((kind, origin, theme), items)| {
            let actor = origin.and_then(|c| actors.get(c)).and_then(|a| a.as_ref());
            WhoSaidWhat {
                item_kind: kind,
                actor_kind: match kind {
                    ItemKind::Input => None,
                    _ => actor.map(|a| a.kind.as_str().to_owned()),
                },
                actor: origin.map(str::to_owned),
                region: actor
                    .filter(|a| a.kind.is_state())
                    .and_then(|a| a.region.clone()),
                theme: theme.cloned(),
                items,
            }
        })
        .collect()
}

/// Groups of recommendations that say much the same (TF-IDF cosine ≥ 0.5,
/// joined transitively), each in the order given; singletons included.
fn alike_groups(passages: &[String]) -> Vec<Vec<usize>> {
    let n = passages.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, near) in analysis::most_similar(passages, passages, n, 0.5)
        .into_iter()
        .enumerate()
    {
        for (j, _) in near {
            let (a, b) = (find(&mut parent, i), find(&mut parent, j as usize));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    groups.into_values().collect()
}

/// One line for people about a run.
pub fn describe_run(run: &AnalysisRun) -> String {
    format!(
        "{} inputs and {} statements analysed in {:.1} s: {} campaigns ({} inputs), {} items given a theme",
        run.inputs, run.statements, run.seconds, run.campaigns, run.campaign_inputs, run.assigned
    )
}

/// What a computation found, ready to store.
struct Found {
    inputs: i64,
    statements: i64,
    campaigns: Vec<Campaign>,
    /// (input id, campaign number).
    members: Vec<(i64, i64)>,
    assignments: Vec<ThemeAssignment>,
    clusters: Vec<ThemeCluster>,
}

/// The analysis proper: pure, on the texts read.
fn compute(
    inputs: Vec<AnalysisText>,
    statements: Vec<AnalysisText>,
    themes: &[Theme],
    labels: &[ThemeLabel],
    recommendations: &[Recommendation],
    threshold: f64,
) -> Found {
    let input_texts: Vec<&str> = inputs.iter().map(|x| x.text.as_str()).collect();
    let campaigns = analysis::find_campaigns(
        &input_texts,
        &analysis::CampaignParams {
            threshold,
            ..analysis::CampaignParams::default()
        },
    );
    // Themes: learned from the themes' titles, the recommendations the
    // secretariat gave themes, and its labels.
    let index_of: HashMap<&Slug, u32> = themes
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.code, i as u32))
        .collect();
    let mut seeds: Vec<analysis::ThemeSeed> = themes
        .iter()
        .enumerate()
        .map(|(i, t)| analysis::ThemeSeed {
            theme: i as u32,
            text: t.title.clone(),
            weight: TITLE_WEIGHT,
        })
        .collect();
    for r in recommendations {
        for t in &r.themes {
            if let Some(&i) = index_of.get(t) {
                seeds.push(analysis::ThemeSeed {
                    theme: i,
                    text: r.passage.clone(),
                    weight: RECOMMENDATION_WEIGHT,
                });
            }
        }
    }
    let input_at: HashMap<i64, usize> = inputs.iter().enumerate().map(|(i, x)| (x.id, i)).collect();
    let statement_at: HashMap<i64, usize> = statements
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id, i))
        .collect();
    let mut labelled: HashMap<(ItemKind, i64), u32> = HashMap::new();
    for l in labels {
        let Some(&theme) = index_of.get(&l.theme) else {
            continue;
        };
        let text = match l.item_kind {
            ItemKind::Input => input_at.get(&l.item_id).map(|&i| &inputs[i].text),
            ItemKind::Statement => statement_at.get(&l.item_id).map(|&i| &statements[i].text),
            ItemKind::Document => None,
        };
        if let Some(text) = text {
            seeds.push(analysis::ThemeSeed {
                theme,
                text: text.clone(),
                weight: LABEL_WEIGHT,
            });
            labelled.insert((l.item_kind, l.item_id), theme);
        }
    }
    let all_texts: Vec<&str> = inputs
        .iter()
        .chain(statements.iter())
        .map(|x| x.text.as_str())
        .collect();
    let (assigned, _model) = analysis::assign_themes(
        &all_texts,
        themes.len(),
        &seeds,
        &analysis::ThemeParams::default(),
    );
    let mut theme_of: Vec<Option<u32>> = Vec::with_capacity(all_texts.len());
    let mut assignments = Vec::with_capacity(all_texts.len());
    for (i, a) in assigned.iter().enumerate() {
        let (kind, item) = if i < inputs.len() {
            (ItemKind::Input, &inputs[i])
        } else {
            (ItemKind::Statement, &statements[i - inputs.len()])
        };
        let (theme, confidence) = match labelled.get(&(kind, item.id)) {
            Some(&t) => (Some(t), 1.0),
            None => (a.theme, f64::from(a.confidence)),
        };
        theme_of.push(theme);
        assignments.push(ThemeAssignment {
            item_kind: kind,
            item_id: item.id,
            theme: theme.map(|t| themes[t as usize].code.clone()),
            confidence,
        });
    }
    // Campaigns: size, variants, representative (the earliest copy of the
    // most common variant), first and last seen, and the theme most of it has.
    let mut stored = Vec::new();
    let mut members = Vec::new();
    let mut in_campaign = vec![false; inputs.len()];
    for (n, group) in campaigns.campaigns.iter().enumerate() {
        let number = n as i64 + 1;
        let mut variants: HashMap<u64, (usize, u32)> = HashMap::new();
        let mut themes_count: BTreeMap<u32, usize> = BTreeMap::new();
        let (mut first, mut last) = (DateTime::<Utc>::MAX_UTC, DateTime::<Utc>::MIN_UTC);
        for &i in group {
            let x = &inputs[i as usize];
            in_campaign[i as usize] = true;
            let v = variants
                .entry(analysis::text_hash(&analysis::normalise(&x.text)))
                .or_insert((0, i));
            v.0 += 1;
            if inputs[v.1 as usize].at > x.at {
                v.1 = i;
            }
            first = first.min(x.at);
            last = last.max(x.at);
            if let Some(t) = theme_of[i as usize] {
                *themes_count.entry(t).or_default() += 1;
            }
            members.push((x.id, number));
        }
        let (_, rep) = variants
            .values()
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .copied()
            .unwrap_or((0, group[0]));
        let theme = themes_count
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&t, _)| themes[t as usize].code.clone());
        stored.push(Campaign {
            number,
            size: group.len() as i64,
            variants: variants.len() as i64,
            representative: inputs[rep as usize].id,
            language: inputs[rep as usize].language,
            first_seen: first,
            last_seen: last,
            theme,
        });
    }
    // Clusters within each theme: a campaign counts once, weighted by its size.
    let mut clusters = Vec::new();
    for (t, theme) in themes.iter().enumerate() {
        let mut texts: Vec<&str> = Vec::new();
        let mut weights: Vec<u32> = Vec::new();
        let mut ids: Vec<i64> = Vec::new();
        for c in stored
            .iter()
            .filter(|c| c.theme.as_ref() == Some(&theme.code))
        {
            texts.push(&inputs[input_at[&c.representative]].text);
            weights.push(c.size as u32);
            ids.push(c.representative);
        }
        for (i, x) in inputs.iter().enumerate() {
            if !in_campaign[i] && theme_of[i] == Some(t as u32) {
                texts.push(&x.text);
                weights.push(1);
                ids.push(x.id);
            }
        }
        if texts.is_empty() {
            continue;
        }
        let found = analysis::cluster_texts(
            &texts,
            &weights,
            &analysis::ClusterParams {
                max_clusters: 6,
                key_phrases: 5,
                representatives: 3,
                ..analysis::ClusterParams::default()
            },
        );
        for (n, c) in found.into_iter().enumerate() {
            clusters.push(ThemeCluster {
                theme: theme.code.clone(),
                number: n as i64 + 1,
                inputs: c.weight as i64,
                key_phrases: c.key_phrases,
                representatives: c.representatives.iter().map(|&i| ids[i as usize]).collect(),
            });
        }
    }
    Found {
        inputs: inputs.len() as i64,
        statements: statements.len() as i64,
        campaigns: stored,
        members,
        assignments,
        clusters,
    }
}
