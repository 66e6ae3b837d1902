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
            let pending: Vec<_> = apps
                .iter()
                .filter(|x| x.status == AccreditationStatus::Pending)
                .collect();
            a.applications_in_objection_period = Some(
                pending
                    .iter()
                    .filter(|x| x.objection_deadline > now)
                    .count(),
            );
            a.applications_to_decide = Some(
                pending
                    .iter()
                    .filter(|x| x.objection_deadline <= now)
                    .count(),
            );
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

    pub async fn themes(&self, process: &str) -> Result<Vec<Theme>> {
        let process = self.existing_process(process).await?;
        Ok(self.store.list_themes(&process).await?)
    }

    pub async fn actors(
        &self,
        kind: Option<ActorKind>,
        page: &PageRequest,
    ) -> Result<Listing<Actor>> {
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

    /// Every actor of a kind, by code (for the directory page).
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

    pub(crate) async fn existing_process(&self, slug: &str) -> Result<Slug> {
        let slug = parse_slug("process", slug)?;
        self.store.get_process(&slug).await?;
        Ok(slug)
    }
}
