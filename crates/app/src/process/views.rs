//! Processes, their phases, themes, meetings and documents, and the actors: the views (reads).

use super::*;

impl crate::App {
    // ---- reads ----------------------------------------------------------

    pub async fn processes(&self, page: &PageRequest) -> Result<Listing<ProcessSummary>> {
        let limit = page.limit()?;
        let after = match cursor(page, "processes")? {
            Some(Position::Slug(s)) => Some(Slug::new(s).map_err(bad_cursor)?),
            Some(_) => return Err(bad_cursor(())),
            None => None,
        };
        let found = self
            .store
            .list_processes(&ProcessQuery { after, limit })
            .await?;
        let next = next_cursor(&found, "processes", |p| Position::Slug(p.slug.to_string()));
        let today = self.today();
        let mut items = Vec::with_capacity(found.items.len());
        for process in found.items {
            let phases = self.store.list_phases(&process.slug).await?;
            let current_phase = current_phase(&phases, today).map(|p| p.kind);
            items.push(ProcessSummary {
                process,
                current_phase,
            });
        }
        Ok(Listing {
            items,
            next_cursor: next,
        })
    }

    /// The history of a process's phases (decisions and changes of plan),
    /// oldest first: read only where it is shown, not with every overview.
    pub async fn phase_history(&self, process: &str) -> Result<Vec<PhaseChange>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_phase_changes(&process).await?)
    }

    pub async fn process(&self, slug: &str) -> Result<ProcessOverview> {
        let slug = parse_slug("process", slug)?;
        let process = self.store.get_process(&slug).await?;
        let phases = self.store.list_phases(&slug).await?;
        let today = self.today();
        let current_phase = current_phase(&phases, today).map(|p| p.kind);
        Ok(ProcessOverview {
            process,
            phases,
            current_phase,
            today,
        })
    }

    /// What the secretariat corrected in a process (its title, mandate,
    /// languages…), oldest first; public, as the process is.
    pub async fn process_history(&self, slug: &str) -> Result<Vec<RecordChange>> {
        let slug = self.existing_process(slug).await?;
        Ok(self.store.list_record_changes(&slug, "process").await?)
    }

    /// What needs attention in a process, as far as `reader` may see:
    /// applications (for who reviews accreditation), pending uploads and
    /// jobs (for who runs the consultation), open silence procedures and
    /// tabled amendments (for who edits the process or chairs the
    /// negotiation). Nothing of another process is counted.
    pub async fn attention(&self, reader: &Principal, process: &str) -> Result<Attention> {
        let process = self.existing_process(process).await?;
        let may = |action: Action<'_>| policy::authorize(reader, action).is_ok();
        let now = self.now();
        let mut a = Attention::default();
        if may(Action::ReviewAccreditation(&process)) {
            let apps = self.store.list_applications(&process).await?;
            let count = |status: AccreditationStatus, period_over: bool| {
                apps.iter()
                    .filter(|x| x.status == status && (x.objection_deadline <= now) == period_over)
                    .count()
            };
            a.applications_in_objection_period = Some(
                count(AccreditationStatus::Pending, false)
                    + count(AccreditationStatus::Referred, false),
            );
            a.applications_to_decide = Some(count(AccreditationStatus::Pending, true));
            a.applications_referred = Some(count(AccreditationStatus::Referred, true));
        }
        if may(Action::ManageConsultation(&process)) {
            let mut n = 0;
            for (kind, id, _) in self.store.list_pending_texts().await? {
                let ours = match kind {
                    ItemKind::Document => self.store.get_document(&process, id).await.is_ok(),
                    ItemKind::Statement => self.store.get_statement(&process, id).await.is_ok(),
                    ItemKind::Input => self.store.get_input(&process, id).await.is_ok(),
                };
                n += usize::from(ours);
            }
            a.pending_uploads = Some(n);
            let jobs = self.store.list_jobs(&process, 100).await?;
            a.running_jobs = Some(
                jobs.iter()
                    .filter(|j| j.status == accord_domain::stocktaking::JobStatus::Running)
                    .count(),
            );
            a.failed_jobs = Some(
                jobs.iter()
                    .filter(|j| j.status == accord_domain::stocktaking::JobStatus::Failed)
                    .count(),
            );
        }
        if may(Action::EditProcess(&process)) || may(Action::ChairNegotiation(&process)) {
            let (mut silences, mut tabled) = (0, 0);
            for draft in self.store.list_drafts(&process).await? {
                silences += self
                    .store
                    .list_silence_procedures(draft.id)
                    .await?
                    .iter()
                    .filter(|s| s.outcome.is_none() && s.deadline > now)
                    .count();
                if let Some(latest) = self.store.list_versions(draft.id).await?.last() {
                    tabled += self
                        .store
                        .list_amendments(latest.id)
                        .await?
                        .iter()
                        .filter(|x| x.status == accord_domain::negotiation::AmendmentStatus::Tabled)
                        .count();
                }
            }
            a.open_silences = Some(silences);
            a.amendments_awaiting_decision = Some(tabled);
        }
        Ok(a)
    }

    pub async fn meetings(
        &self,
        process: &str,
        kind: Option<MeetingKind>,
        page: &PageRequest,
    ) -> Result<Listing<Meeting>> {
        let process = self.existing_process(process).await?;
        let limit = page.limit()?;
        let after = dated_cursor(page, "meetings")?;
        let found = self
            .store
            .list_meetings(&MeetingQuery {
                process,
                kind,
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "meetings", |m| Position::Dated(m.start_date, m.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Every meeting of a process in date order (for timelines).
    pub async fn all_meetings(
        &self,
        process: &str,
        kind: Option<MeetingKind>,
    ) -> Result<Vec<Meeting>> {
        drain(|page| async move { self.meetings(process, kind, &page).await }).await
    }

    /// A meeting, with the documents the reader may see.
    pub async fn meeting(
        &self,
        reader: &Principal,
        process: &str,
        id: i64,
    ) -> Result<MeetingDetail> {
        let process = parse_slug("process", process)?;
        let meeting = self.store.get_meeting(&process, id).await?;
        let documents = self
            .store
            .list_documents(&DocumentQuery {
                process: process.clone(),
                kind: None,
                meeting: Some(id),
                withdrawn: false,
                visible: self.visible(reader, &process),
                after: None,
                limit: accord_store::MAX_PAGE,
            })
            .await?
            .items;
        let all_themes = self.store.list_themes(&process).await?;
        let themes = all_themes
            .into_iter()
            .filter(|t| meeting.themes.contains(&t.code))
            .collect();
        let history = self.store.list_meeting_changes(id).await?;
        Ok(MeetingDetail {
            meeting,
            documents,
            themes,
            history,
        })
    }

    /// A document the reader may see, with its texts and files, its
    /// meeting and the address of its official record; one the reader may
    /// not see is not found.
    pub async fn document(
        &self,
        reader: &Principal,
        process: &str,
        id: i64,
    ) -> Result<DocumentDetail> {
        let texts = self.document_texts(reader, process, id).await?;
        let slug = parse_slug("process", process)?;
        let found = self.store.get_process(&slug).await?;
        let document = self.store.get_document(&slug, id).await?;
        let meeting = match &document.meeting {
            Some(m) => self
                .all_meetings(slug.as_str(), None)
                .await?
                .into_iter()
                .find(|x| &x.slug == m),
            None => None,
        };
        let official_record = document
            .symbol
            .as_ref()
            .map(|s| official_record_url(found.record_resolver.as_deref(), s.as_str()));
        let history = self
            .store
            .list_record_changes(&slug, &format!("document:{id}"))
            .await?;
        Ok(DocumentDetail {
            document,
            texts,
            meeting,
            official_record,
            history,
        })
    }

    /// The documents of a process the reader may see now, in date order.
    pub async fn documents(
        &self,
        reader: &Principal,
        process: &str,
        kind: Option<DocumentKind>,
        page: &PageRequest,
    ) -> Result<Listing<Document>> {
        let process = self.existing_process(process).await?;
        let limit = page.limit()?;
        let after = dated_cursor(page, "documents")?;
        let found = self
            .store
            .list_documents(&DocumentQuery {
                visible: self.visible(reader, &process),
                process,
                kind,
                meeting: None,
                withdrawn: false,
                after,
                limit,
            })
            .await?;
        let next = next_cursor(&found, "documents", |d| Position::Dated(d.date, d.id));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Every document of a process the reader may see, in date order.
    pub async fn all_documents(&self, reader: &Principal, process: &str) -> Result<Vec<Document>> {
        drain(|page| async move { self.documents(reader, process, None, &page).await }).await
    }

    /// Every theme of a process, withdrawn ones too (marked so): for
    /// showing what was filed under them.
    pub async fn themes(&self, process: &str) -> Result<Vec<Theme>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_themes(&process).await?)
    }

    /// The themes something new may be filed under (the lists a form
    /// offers for choosing): withdrawn themes left out.
    pub async fn themes_to_choose(&self, process: &str) -> Result<Vec<Theme>> {
        let mut themes = self.themes(process).await?;
        themes.retain(|t| !t.is_withdrawn());
        Ok(themes)
    }

    /// One theme of a process, withdrawn or not, with its history.
    pub async fn theme(&self, process: &str, code: &str) -> Result<ThemeDetail> {
        let process = self.existing_process(process).await?;
        let theme = self
            .store
            .list_themes(&process)
            .await?
            .into_iter()
            .find(|t| t.code.as_str() == code)
            .ok_or_else(|| {
                AppError::NotFound(format!("theme '{code}' in '{process}' does not exist"))
            })?;
        let history = self
            .store
            .list_record_changes(&process, &format!("theme:{}", theme.code))
            .await?;
        Ok(ThemeDetail { theme, history })
    }

    pub async fn actors(
        &self,
        kind: Option<ActorKind>,
        page: &PageRequest,
    ) -> Result<Listing<Actor>> {
        if let Some(kind) = kind.filter(|k| k.is_simulated()) {
            return Err(AppError::BadRequest(format!(
                "'{kind}' is not a kind of the directory: the simulated delegations of a \
                 demonstration are not real actors, and are shown only beside the simulated \
                 amendments they propose"
            )));
        }
        let limit = page.limit()?;
        let after = match cursor(page, "actors")? {
            Some(Position::Code(c)) => Some(ActorCode::new(c).map_err(bad_cursor)?),
            Some(_) => return Err(bad_cursor(())),
            None => None,
        };
        let found = self
            .store
            .list_actors(&ActorQuery { kind, after, limit })
            .await?;
        let next = next_cursor(&found, "actors", |a| Position::Code(a.code.to_string()));
        Ok(Listing {
            items: found.items,
            next_cursor: next,
        })
    }

    /// Every real actor of a kind, by code (for the directory page); never
    /// a simulated delegation.
    pub async fn all_actors(&self, kind: Option<ActorKind>) -> Result<Vec<Actor>> {
        drain(|page| async move { self.actors(kind, &page).await }).await
    }

    pub async fn actor(&self, code: &str) -> Result<ActorDetail> {
        let code = ActorCode::new(code).map_err(|_| {
            AppError::NotFound(format!("actor '{}' does not exist", truncate(code)))
        })?;
        let actor = self.store.get_actor(&code).await?;
        let mut members = Vec::with_capacity(actor.members.len());
        for m in &actor.members {
            members.push(self.store.get_actor(m).await?);
        }
        let groups = self.store.groups_of(&code).await?;
        Ok(ActorDetail {
            actor,
            members,
            groups,
        })
    }

    /// Who said what: the actor, its memberships over time, and per process
    /// what it said and did there — statements (its own, or delivered for
    /// it as a group), amendments it tabled or co-sponsors, its support and
    /// objections, its ballots in recorded votes, its statements on
    /// adoptions, its pledges. Statements come at the reader's clearance in
    /// each process (`visible`), so what the reader may not see in a process
    /// contributes nothing; drafts, adoptions and pledges are public.
    pub async fn actor_record(&self, reader: &Principal, code: &str) -> Result<ActorRecord> {
        let detail = self.actor(code).await?;
        let actor = detail.actor;
        let members = detail
            .members
            .iter()
            .map(|m| {
                let dates = actor.membership_of(&m.code);
                GroupMembership {
                    code: m.code.clone(),
                    name: m.name.clone(),
                    iso2: m.iso2.clone(),
                    joined: dates.and_then(|d| d.joined),
                    left: dates.and_then(|d| d.left),
                }
            })
            .collect();
        let groups = detail
            .groups
            .iter()
            .map(|g| {
                let dates = g.membership_of(&actor.code);
                GroupMembership {
                    code: g.code.clone(),
                    name: g.name.clone(),
                    iso2: g.iso2.clone(),
                    joined: dates.and_then(|d| d.joined),
                    left: dates.and_then(|d| d.left),
                }
            })
            .collect();
        let mut processes = vec![];
        let all = drain(|page| async move { self.processes(&page).await }).await?;
        for summary in all {
            let record = self
                .actor_in_process(reader, &actor.code, summary.process)
                .await?;
            if !record.is_empty() {
                processes.push(record);
            }
        }
        Ok(ActorRecord {
            actor,
            members,
            groups,
            processes,
        })
    }

    async fn actor_in_process(
        &self,
        reader: &Principal,
        code: &ActorCode,
        process: Process,
    ) -> Result<ActorInProcess> {
        let slug = process.slug.clone();
        let meetings: std::collections::HashMap<i64, String> = self
            .all_meetings(slug.as_str(), None)
            .await?
            .into_iter()
            .map(|m| (m.id, m.title.clone()))
            .collect();
        // Statements the reader may see here.
        let mut seen: std::collections::HashMap<i64, String> = Default::default();
        let mut statements = vec![];
        let mut after = None;
        loop {
            let page = self
                .store
                .list_statements(&accord_store::StatementQuery {
                    process: slug.clone(),
                    meeting: None,
                    visible: self.visible(reader, &slug),
                    after,
                    limit: accord_store::MAX_PAGE,
                })
                .await?;
            for st in &page.items {
                if &st.actor == code || st.on_behalf_of.as_ref() == Some(code) {
                    seen.insert(st.id, st.title.clone());
                    statements.push(ActorStatement {
                        id: st.id,
                        title: st.title.clone(),
                        actor: st.actor.clone(),
                        on_behalf_of: st.on_behalf_of.clone(),
                        meeting: st.meeting,
                        meeting_title: meetings.get(&st.meeting).cloned().unwrap_or_default(),
                        delivered_on: st.delivered_on,
                        distribution: st.distribution,
                        synthetic: st.synthetic,
                        page: format!("/processes/{slug}/statements/{}", st.id),
                    });
                }
            }
            match (page.more, page.items.last()) {
                (true, Some(last)) => after = Some(last.id),
                _ => break,
            }
        }
        statements.sort_by(|a, b| a.delivered_on.cmp(&b.delivered_on).then(a.id.cmp(&b.id)));
        // Amendments and positions (drafts are public). An amendment carried
        // forward to a later version is shown once, as it stands last.
        let (mut amendments, mut positions) = (vec![], vec![]);
        for draft in self.store.list_drafts(&slug).await? {
            let versions = self.store.list_versions(draft.id).await?;
            let mut all = vec![];
            for v in &versions {
                for a in self.store.list_amendments(v.id).await? {
                    all.push((v.label.clone(), a));
                }
            }
            let carried: std::collections::HashSet<i64> =
                all.iter().filter_map(|(_, a)| a.carried_from).collect();
            for (label, a) in all.iter().filter(|(_, a)| !carried.contains(&a.id)) {
                let page = format!(
                    "/processes/{slug}/drafts/{}/amendments/{}",
                    draft.slug, a.id
                );
                let role = if &a.proposer == code {
                    Some("proposer")
                } else if a.co_sponsors.contains(code) {
                    Some("co_sponsor")
                } else if a.pending_co_sponsors.contains(code) {
                    Some("named_co_sponsor")
                } else {
                    None
                };
                if let Some(role) = role {
                    amendments.push(ActorAmendment {
                        id: a.id,
                        number: a.number,
                        role,
                        proposer: a.proposer.clone(),
                        draft_title: draft.title.clone(),
                        version_label: label.clone(),
                        status: a.status,
                        simulated: a.simulated,
                        page: page.clone(),
                    });
                }
                for p in a.positions.iter().filter(|p| &p.actor == code) {
                    positions.push(ActorPosition {
                        amendment: a.id,
                        number: a.number,
                        proposer: a.proposer.clone(),
                        draft_title: draft.title.clone(),
                        version_label: label.clone(),
                        stance: p.stance,
                        at: p.at,
                        simulated: a.simulated,
                        page: page.clone(),
                    });
                }
            }
        }
        // Ballots on record, and the actor's statements on adoptions.
        let (mut ballots, mut explanations) = (vec![], vec![]);
        for adoption in self.store.list_adoptions(&slug).await? {
            let page = format!("/processes/{slug}/adoptions/{}", adoption.id);
            if let Some(vote) = &adoption.vote {
                if let Some(b) = vote.ballots.iter().find(|b| &b.state == code) {
                    ballots.push(ActorBallot {
                        adoption: adoption.id,
                        title: adoption.title.clone(),
                        adopted_on: adoption.adopted_on,
                        vote: b.vote,
                        page: page.clone(),
                    });
                }
            }
            for linked in self.store.list_adoption_statements(adoption.id).await? {
                if let Some(title) = seen.get(&linked.statement) {
                    explanations.push(ActorExplanation {
                        adoption: adoption.id,
                        adoption_title: adoption.title.clone(),
                        kind: linked.kind,
                        statement: linked.statement,
                        statement_title: title.clone(),
                        page: format!("/processes/{slug}/statements/{}", linked.statement),
                    });
                }
            }
        }
        // Pledges (public).
        let mut pledges = vec![];
        let mut after = None;
        loop {
            let page = self
                .store
                .list_pledges(&slug, None, after, accord_store::MAX_PAGE)
                .await?;
            for p in page.items.iter().filter(|p| &p.pledge.actor == code) {
                pledges.push(ActorPledge {
                    id: p.id,
                    title: p.pledge.title.clone(),
                    made_on: p.pledge.made_on,
                    status: p.pledge.status,
                    objectives: p.pledge.objectives.clone(),
                    synthetic: p.pledge.synthetic,
                    page: format!("/processes/{slug}/pledges#pledge-{}", p.id),
                });
            }
            match (page.more, page.items.last()) {
                (true, Some(last)) => after = Some(last.id),
                _ => break,
            }
        }
        Ok(ActorInProcess {
            process: slug,
            title: process.title,
            statements,
            amendments,
            positions,
            ballots,
            explanations,
            pledges,
        })
    }

    pub(crate) async fn existing_process(&self, slug: &str) -> Result<Slug> {
        let slug = parse_slug("process", slug)?;
        self.store.get_process(&slug).await?;
        Ok(slug)
    }
}
