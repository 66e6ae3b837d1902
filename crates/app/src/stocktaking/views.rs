//! Stocktaking: the views (reads).

use super::*;

impl crate::App {
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

    /// The job once it has ended (succeeded or failed), waiting for it by
    /// following the live events sent about it (on every server of the
    /// store: another server may be the one running it).
    pub async fn job_ended(&self, p: &Principal, process: &str, id: i64) -> Result<Job> {
        use tokio::sync::broadcast::error::RecvError;
        let mut events = self.subscribe();
        let topic = format!("job-{id}");
        loop {
            let job = self.job(p, process, id).await?;
            if job.status != JobStatus::Running {
                return Ok(job);
            }
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == topic => break,
                    Ok(_) => {}
                    // Events were missed: look at the job again.
                    Err(RecvError::Lagged(_)) => break,
                    Err(RecvError::Closed) => {
                        return Err(AppError::Unavailable("the app is stopping".into()))
                    }
                }
            }
        }
    }

    pub(crate) async fn analysis_themes(
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

    pub(crate) async fn progress(
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

    pub(crate) async fn read_texts(
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

    /// The actors named as origins (countries of inputs, speakers of
    /// statements), by code; None for a code that is no actor.
    pub(crate) async fn origin_actors(
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
    pub(crate) async fn all_recommendations(
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

    pub(crate) async fn visible_inputs(
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

    pub(crate) async fn may_see_source(
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

    pub(crate) async fn check_item(
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
}
