//! The negotiation: the views (reads).

use super::*;

impl crate::App {
    // ---- live updates -----------------------------------------------------

    /// Events for open pages (compilation texts, speakers' lists).
    pub fn subscribe(&self) -> tokio::sync::broadcast::Receiver<LiveEvent> {
        self.live.subscribe()
    }

    /// Tells this server's listeners, and the other servers on the store
    /// (each tells its own; a server never hears its own message back).
    pub(crate) fn announce(&self, process: &Slug, topic: String) {
        let event = LiveEvent {
            process: process.to_string(),
            topic,
        };
        if let (Ok(json), Ok(runtime)) = (
            serde_json::to_string(&event),
            tokio::runtime::Handle::try_current(),
        ) {
            // A process slug and a topic: far under the size a message may
            // have, which the store checks (and refuses, logged here).
            let store = self.store.clone();
            runtime.spawn(async move {
                let said = format!("{}{json}", crate::search::LIVE_PREFIX);
                if let Err(e) = store.tell_peers(&said).await {
                    tracing::warn!(error = %e, "a live event was not sent to the other servers");
                }
            });
        }
        // Nobody listening is not an error.
        let _ = self.live.send(event);
    }

    // ---- reads ------------------------------------------------------------

    /// Whether `p` is designated to speak (and negotiate) for `group`.
    pub async fn is_group_speaker(&self, p: &Principal, process: &str, group: &str) -> bool {
        let (Some(account), Ok(process), Ok(group)) = (
            p.account_id(),
            process.parse::<Slug>(),
            group.parse::<ActorCode>(),
        ) else {
            return false;
        };
        // A read, not a unit of work: on SQLite a unit takes the writer's turn.
        self.store
            .group_speaker(&process, &group, account)
            .await
            .unwrap_or(false)
    }

    pub async fn drafts(&self, process: &str) -> Result<Vec<Draft>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_drafts(&process).await?)
    }

    pub(crate) async fn find_draft(&self, process: &str, draft: &str) -> Result<Draft> {
        let process = self.existing_process(process).await?;
        let slug = parse_slug("draft", draft)?;
        Ok(self.store.get_draft(&process, &slug).await?)
    }

    /// A draft, its versions with their counts, and its silence procedures
    /// (outcomes due are recorded first).
    pub async fn draft(&self, process: &str, draft: &str) -> Result<DraftDetail> {
        let draft = self.find_draft(process, draft).await?;
        self.settle_silence().await?;
        let versions = self.store.list_versions(draft.id).await?;
        let mut summaries = Vec::new();
        for v in &versions {
            let statuses = self.store.list_paragraph_statuses(v.id).await?;
            let amendments = self.store.list_amendments(v.id).await?;
            summaries.push(summary(v, &statuses, &amendments));
        }
        let silence = self.silence_views(&draft, &versions).await?;
        Ok(DraftDetail {
            draft,
            versions: summaries,
            silence,
        })
    }

    pub(crate) async fn silence_views(
        &self,
        draft: &Draft,
        versions: &[Version],
    ) -> Result<Vec<SilenceView>> {
        let now = self.now();
        Ok(self
            .store
            .list_silence_procedures(draft.id)
            .await?
            .into_iter()
            .map(|procedure| SilenceView {
                version_label: versions
                    .iter()
                    .find(|v| v.id == procedure.version)
                    .map_or_else(String::new, |v| v.label.clone()),
                outcome: procedure.state().outcome(now),
                deadline_local: show_in_zone(procedure.deadline, &procedure.time_zone),
                procedure,
            })
            .collect())
    }

    /// One version (by its sequence number, 1 for the first) with statuses
    /// and amendments.
    pub async fn version(&self, process: &str, draft: &str, seq: u32) -> Result<VersionView> {
        let draft = self.find_draft(process, draft).await?;
        let versions = self.store.list_versions(draft.id).await?;
        let is_latest = versions.last().is_some_and(|v| v.seq == seq);
        let nav = versions.iter().map(|v| (v.seq, v.label.clone())).collect();
        let version = nth_version(&versions, &draft, seq)?.clone();
        let statuses = self.store.list_paragraph_statuses(version.id).await?;
        let amendments = self.store.list_amendments(version.id).await?;
        let counts = counts(&version.text, &statuses, &amendments);
        Ok(VersionView {
            draft,
            version,
            is_latest,
            statuses,
            amendments,
            counts,
            versions: nav,
        })
    }

    /// The compilation text of a version: its live proposals (or those the
    /// filter asks for) inline.
    pub async fn compilation(
        &self,
        process: &str,
        draft: &str,
        seq: u32,
        filter: &ProposalFilter,
    ) -> Result<(VersionView, Compilation)> {
        let view = self.version(process, draft, seq).await?;
        let proposals: Vec<_> = view.amendments.iter().map(Amendment::proposal).collect();
        let compilation = n::compile(&view.version.text, &proposals, filter);
        Ok((view, compilation))
    }

    /// The redline from version `from` to version `to` (any two, either order).
    pub async fn redline(
        &self,
        process: &str,
        draft: &str,
        from: u32,
        to: u32,
    ) -> Result<(Draft, Version, Version, Redline)> {
        let draft = self.find_draft(process, draft).await?;
        let versions = self.store.list_versions(draft.id).await?;
        let a = nth_version(&versions, &draft, from)?.clone();
        let b = nth_version(&versions, &draft, to)?.clone();
        let redline = n::redline(&a.text, &b.text);
        Ok((draft, a, b, redline))
    }

    /// For each word of node `wid` in version `seq`: the version and the
    /// amendment (or the co-facilitators) that brought it.
    pub async fn lineage(
        &self,
        process: &str,
        draft: &str,
        seq: u32,
        wid: &str,
    ) -> Result<LineageView> {
        let draft = self.find_draft(process, draft).await?;
        let wid = Wid::new(wid).map_err(bad)?;
        let versions: Vec<Version> = self
            .store
            .list_versions(draft.id)
            .await?
            .into_iter()
            .take_while(|v| v.seq <= seq)
            .collect();
        if versions.last().is_none_or(|v| v.seq != seq) {
            return Err(AppError::NotFound(format!(
                "version {seq} of '{}' does not exist",
                draft.slug
            )));
        }
        let steps: Vec<LineageStep<'_>> = versions
            .iter()
            .map(|v| LineageStep {
                text: &v.text,
                changes: &v.changes,
            })
            .collect();
        let origins = n::lineage(&steps, &wid)
            .ok_or_else(|| bad(NegotiationError::UnknownNode(wid.to_string())))?;
        let mut amendments = HashMap::new();
        for o in &origins {
            if let Some(Source::Amendment(id)) = o.source {
                if let std::collections::hash_map::Entry::Vacant(e) = amendments.entry(id) {
                    let a = self.store.get_amendment(id).await?;
                    let label = versions
                        .iter()
                        .find(|v| v.id == a.version)
                        .map_or_else(String::new, |v| v.label.clone());
                    let proposers = std::iter::once(&a.proposer)
                        .chain(&a.co_sponsors)
                        .map(std::string::ToString::to_string)
                        .collect();
                    e.insert((label, a.number, proposers));
                }
            }
        }
        Ok(LineageView {
            wid,
            origins,
            labels: versions.iter().map(|v| v.label.clone()).collect(),
            amendments,
        })
    }

    /// An amendment, with the draft and version it is on.
    pub async fn amendment(
        &self,
        process: &str,
        draft: &str,
        id: i64,
    ) -> Result<(Draft, Version, Amendment)> {
        let draft = self.find_draft(process, draft).await?;
        let amendment = self.store.get_amendment(id).await?;
        let version = self
            .store
            .list_versions(draft.id)
            .await?
            .into_iter()
            .find(|v| v.id == amendment.version)
            .ok_or_else(|| {
                AppError::NotFound(format!("amendment {id} of '{}' does not exist", draft.slug))
            })?;
        Ok((draft, version, amendment))
    }

    // ---- writes: amendments -----------------------------------------------

    /// Checks that `p` may act for `actor` (a state, or a group it is
    /// designated for) in the negotiation, and that the process negotiates.
    pub(crate) async fn negotiator(
        &self,
        unit: &mut Unit<'_>,
        process: &Slug,
        actor: &ActorCode,
        what: &'static str,
    ) -> Result<ActorKind> {
        let found = unit
            .tx
            .find_actor(actor)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(actor.to_string()))?;
        if !(found.kind.is_state()
            || found.kind.is_group()
            || found.kind == ActorKind::SimulatedDelegation)
        {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: format!("{actor} (a {})", found.kind),
                what,
            }));
        }
        // A simulated delegation or group acts only in the demonstration
        // loader's simulation, never for an account.
        if found.kind.is_simulated() && !matches!(unit.principal, Principal::System(_)) {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: format!("{actor} (a {})", found.kind),
                what,
            }));
        }
        let designated = found.kind == ActorKind::Group
            && match unit.principal.account_id() {
                Some(account) => unit.tx.is_group_speaker(process, actor, account).await?,
                None => false,
            };
        authorize(
            unit.principal,
            Action::NegotiateFor {
                process,
                actor,
                kind: found.kind,
                designated,
            },
        )?;
        if !matches!(unit.principal, Principal::System(_)) {
            let phases = self.store.list_phases(process).await?;
            let today = self.today();
            match accord_domain::current_phase(&phases, today) {
                Some(phase) if phase.kind == PhaseKind::Negotiation => {}
                other => {
                    return Err(bad(NegotiationError::NotNegotiating(match other {
                        Some(phase) => format!("it is in its {} phase", phase.kind),
                        None => "no phase covers today".into(),
                    })))
                }
            }
        }
        Ok(found.kind)
    }

    pub(crate) async fn live_amendment(
        &self,
        unit: &mut Unit<'_>,
        draft: &Draft,
        id: i64,
        what: &'static str,
    ) -> Result<Amendment> {
        let a = unit
            .tx
            .find_amendment(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("amendment {id} does not exist")))?;
        let version = unit
            .tx
            .find_version(a.version)
            .await?
            .filter(|v| v.draft == draft.id)
            .ok_or_else(|| {
                AppError::NotFound(format!("amendment {id} of '{}' does not exist", draft.slug))
            })?;
        closed_if_adopted(unit, version.id, &version.label).await?;
        if !a.status.is_live() {
            return Err(bad(NegotiationError::NotLive {
                number: a.number,
                status: a.status.to_string(),
                what,
            }));
        }
        Ok(a)
    }

    /// Refuses, as the write itself would, a principal who may not chair the
    /// process's negotiation: checked before a version's file is read.
    pub async fn authorize_chair(&self, p: &Principal, process: &str) -> Result<()> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ChairNegotiation(&process))
    }
}

/// An adopted version is closed to amendments: refuses, in the unit of work
/// that would write, when `version` has been adopted — by consensus or by a
/// vote that carried, on or before today (a vote that failed adopts nothing;
/// a text is not adopted before the day of its adoption).
pub(crate) async fn closed_if_adopted(
    unit: &mut Unit<'_>,
    version: i64,
    label: &str,
) -> Result<()> {
    let today = unit.at.date_naive();
    let adopted = unit
        .tx
        .adoptions_of_version(version)
        .await?
        .iter()
        .any(|a| a.adopted() && a.adopted_on <= today);
    accord_domain::adoption::check_open_to_amendments(label, adopted)?;
    Ok(())
}
