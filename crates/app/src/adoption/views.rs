//! Adoption: the views (reads).

use super::*;

impl crate::App {
    pub(crate) async fn member_states(&self) -> Result<Vec<Actor>> {
        self.all_actors(Some(ActorKind::MemberState)).await
    }

    /// The codes of the member states: who may vote.
    pub(crate) async fn member_codes(&self) -> Result<HashSet<ActorCode>> {
        Ok(self
            .member_states()
            .await?
            .into_iter()
            .map(|a| a.code)
            .collect())
    }

    /// The meeting, which must belong to `process`.
    pub(crate) async fn meeting_of(
        &self,
        unit: &mut crate::Unit<'_>,
        process: &Slug,
        id: i64,
    ) -> Result<Meeting> {
        let meeting = unit
            .tx
            .meeting_by_id(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("no meeting {id}")))?;
        if &meeting.process != process {
            return Err(ValidationError::MeetingOfAnotherProcess {
                meeting: meeting.title.clone(),
                other: meeting.process.to_string(),
            }
            .into());
        }
        Ok(meeting)
    }

    pub(crate) async fn summary(
        &self,
        process: &Slug,
        adoption: Adoption,
    ) -> Result<AdoptionSummary> {
        let meeting = self.store.get_meeting(process, adoption.meeting).await?;
        let drafts = self.store.list_drafts(process).await?;
        for draft in drafts {
            if let Some(v) = self
                .store
                .list_versions(draft.id)
                .await?
                .into_iter()
                .find(|v| v.id == adoption.version)
            {
                let adopted = adoption.adopted();
                return Ok(AdoptionSummary {
                    version_seq: v.seq,
                    version_label: v.label,
                    draft,
                    meeting,
                    adopted,
                    adoption,
                });
            }
        }
        Err(AppError::Internal(format!(
            "adoption {} names a version no draft of '{process}' has",
            adoption.id
        )))
    }

    /// The process's adoptions, oldest first.
    pub async fn adoptions(&self, process: &str) -> Result<Vec<AdoptionSummary>> {
        let process = self.existing_process(process).await?;
        let mut out = vec![];
        for a in self.store.list_adoptions(&process).await? {
            out.push(self.summary(&process, a).await?);
        }
        Ok(out)
    }

    /// One adoption: the vote state by state (every member state, "not
    /// recorded" where the record has no ballot), the statements the reader
    /// may see, and the endorsement chain.
    pub async fn adoption(&self, p: &Principal, process: &str, id: i64) -> Result<AdoptionDetail> {
        let process = self.existing_process(process).await?;
        let adoption = self.store.get_adoption(&process, id).await?;
        let votes: HashMap<&ActorCode, VoteChoice> = adoption
            .vote
            .iter()
            .flat_map(|v| v.ballots.iter().map(|b| (&b.state, b.vote)))
            .collect();
        let intended: HashMap<&ActorCode, VoteChoice> = adoption
            .intentions
            .iter()
            .map(|i| (&i.state, i.vote))
            .collect();
        let mut rows: Vec<VoteRow> = self
            .member_states()
            .await?
            .into_iter()
            .map(|a| VoteRow {
                vote: votes.get(&a.code).copied(),
                intended: intended.get(&a.code).copied(),
                region: a.region.clone().unwrap_or_default(),
                subregion: a.subregion.clone().unwrap_or_default(),
                m49: a.m49,
                iso2: a.iso2,
                name: a.name,
                code: a.code,
            })
            .collect();
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        let recorded = votes.len();
        let needed = adoption.vote.as_ref().map(|v| v.totals.needed(v.majority));
        let present_and_voting = adoption
            .vote
            .as_ref()
            .map(|v| v.totals.present_and_voting());
        let present = adoption
            .vote
            .as_ref()
            .and_then(|v| v.present.as_ref())
            .map(Vec::len);
        let clear = clearance(p, &process);
        let now = self.now();
        let mut statements = vec![];
        for link in self.store.list_adoption_statements(id).await? {
            let st = self.store.get_statement(&process, link.statement).await?;
            if !clear.may_see(st.distribution, st.embargo_until, now) {
                continue;
            }
            let actor_name = self.store.get_actor(&st.actor).await?.name;
            statements.push(LinkedStatement {
                kind: link.kind,
                statement: st,
                actor_name,
            });
        }
        let all = self.store.list_adoptions(&process).await?;
        let endorses = match adoption.endorses {
            Some(e) => match all.iter().find(|a| a.id == e) {
                Some(a) => Some(self.summary(&process, a.clone()).await?),
                None => None,
            },
            None => None,
        };
        let mut endorsed_by = vec![];
        for a in all.into_iter().filter(|a| a.endorses == Some(id)) {
            endorsed_by.push(self.summary(&process, a).await?);
        }
        let meeting_id = adoption.meeting;
        let version_id = adoption.version;
        let summary = self.summary(&process, adoption).await?;
        let before = self.before_the_whole_at(&process, meeting_id).await?;
        let paragraph_votes: Vec<ParagraphVoteView> = before
            .paragraph_votes
            .into_iter()
            .filter(|v| v.paragraph_vote.version == version_id)
            .collect();
        let oral_changes: Vec<OralChangeView> = before
            .oral_changes
            .into_iter()
            .filter(|c| c.oral_change.version == version_id)
            .collect();
        let (deleted, deleted_wids) = paragraph_votes
            .iter()
            .map(|v| &v.paragraph_vote)
            .filter(|v| v.result == ParagraphVoteResult::Deleted)
            .map(|v| {
                (
                    v.number.trim_end_matches('.').to_owned(),
                    v.paragraph.clone(),
                )
            })
            .unzip();
        let resolution = match summary.draft.kind {
            DraftKind::Resolution => self
                .store
                .list_versions(summary.draft.id)
                .await?
                .into_iter()
                .find(|v| v.id == summary.adoption.version)
                .map(|v| Resolution::of(&v.text)),
            DraftKind::NegotiatingText => None,
        };
        Ok(AdoptionDetail {
            summary,
            needed,
            present_and_voting,
            present,
            recorded,
            rows,
            statements,
            paragraph_votes,
            oral_changes,
            deleted,
            deleted_wids,
            resolution,
            endorses,
            endorsed_by,
        })
    }

    /// The separate votes and oral changes recorded at a meeting of the
    /// process, oldest first, with the names a reader needs.
    pub async fn votes_before_the_whole(
        &self,
        process: &str,
        meeting: i64,
    ) -> Result<BeforeTheWholeView> {
        let process = self.existing_process(process).await?;
        self.store.get_meeting(&process, meeting).await?;
        self.before_the_whole_at(&process, meeting).await
    }

    async fn before_the_whole_at(
        &self,
        process: &Slug,
        meeting: i64,
    ) -> Result<BeforeTheWholeView> {
        let votes = self.store.list_paragraph_votes(meeting).await?;
        let changes = self.store.list_oral_changes(meeting).await?;
        if votes.is_empty() && changes.is_empty() {
            return Ok(BeforeTheWholeView {
                paragraph_votes: vec![],
                oral_changes: vec![],
            });
        }
        // The versions by id: their draft's title and their label.
        let mut versions: HashMap<i64, (String, String)> = HashMap::new();
        for draft in self.store.list_drafts(process).await? {
            for v in self.store.list_versions(draft.id).await? {
                versions.insert(v.id, (draft.title.clone(), v.label));
            }
        }
        let mut names: HashMap<ActorCode, String> = HashMap::new();
        for code in votes
            .iter()
            .map(|v| &v.requested_by)
            .chain(changes.iter().map(|c| &c.moved_by))
        {
            if !names.contains_key(code) {
                let n = self.store.get_actor(code).await?.name;
                names.insert(code.clone(), n);
            }
        }
        let name = |code: &ActorCode| names.get(code).cloned().unwrap_or_default();
        let label = |version: i64| versions.get(&version).cloned().unwrap_or_default();
        let mut paragraph_votes = Vec::with_capacity(votes.len());
        for v in votes {
            let (draft, version_label) = label(v.version);
            paragraph_votes.push(ParagraphVoteView {
                requested_by_name: name(&v.requested_by),
                draft,
                version_label,
                paragraph_vote: v,
            });
        }
        let mut oral_changes = Vec::with_capacity(changes.len());
        for c in changes {
            let (draft, version_label) = label(c.version);
            oral_changes.push(OralChangeView {
                moved_by_name: name(&c.moved_by),
                draft,
                version_label,
                oral_change: c,
            });
        }
        Ok(BeforeTheWholeView {
            paragraph_votes,
            oral_changes,
        })
    }

    /// The text the process adopted last (its objectives are what pledges
    /// name), or `None` when nothing was adopted. An endorsement adopts a
    /// resolution of its own, not the outcome: it is passed over.
    pub async fn adopted_text(&self, process: &Slug) -> Result<Option<(Adoption, DraftText)>> {
        let Some(last) = self
            .store
            .list_adoptions(process)
            .await?
            .into_iter()
            .rfind(|a| a.adopted() && a.endorses.is_none())
        else {
            return Ok(None);
        };
        for draft in self.store.list_drafts(process).await? {
            if let Some(v) = self
                .store
                .list_versions(draft.id)
                .await?
                .into_iter()
                .find(|v| v.id == last.version)
            {
                // The text as adopted: without the paragraphs deleted by
                // separate votes before the vote on the whole.
                let votes: Vec<ParagraphVote> = self
                    .store
                    .list_paragraph_votes(last.meeting)
                    .await?
                    .into_iter()
                    .filter(|p| p.version == last.version)
                    .collect();
                let text = text_as_adopted(&v.text, &votes);
                return Ok(Some((last, text)));
            }
        }
        Ok(None)
    }

    /// The adopted text's objectives, numbered from 1 (none when nothing
    /// was adopted).
    pub async fn adopted_objectives(&self, process: &str) -> Result<Vec<(u32, String)>> {
        let process = self.existing_process(process).await?;
        Ok(match self.adopted_text(&process).await? {
            Some((_, text)) => objectives_of(&text)
                .into_iter()
                .enumerate()
                .map(|(i, t)| (i as u32 + 1, t))
                .collect(),
            None => vec![],
        })
    }

    pub(crate) async fn pledge_views(&self, pledges: Vec<Pledge>) -> Result<Vec<PledgeView>> {
        let mut actors: HashMap<ActorCode, Actor> = HashMap::new();
        let mut out = Vec::with_capacity(pledges.len());
        for pledge in pledges {
            if !actors.contains_key(&pledge.actor) {
                let a = self.store.get_actor(&pledge.actor).await?;
                actors.insert(a.code.clone(), a);
            }
            let a = &actors[&pledge.actor];
            out.push(PledgeView {
                actor_name: a.name.clone(),
                actor_kind: a.kind,
                region: if a.kind.is_state() {
                    a.region.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                pledge,
            });
        }
        Ok(out)
    }

    /// A page of the process's pledges (all objectives), by id.
    pub async fn pledges(
        &self,
        process: &str,
        after: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<PledgeView>, bool)> {
        let process = self.existing_process(process).await?;
        let page = self
            .store
            .list_pledges(&process, None, after, limit.clamp(1, MAX_PLEDGES_PAGE))
            .await?;
        Ok((self.pledge_views(page.items).await?, page.more))
    }

    pub async fn pledge(&self, process: &str, id: i64) -> Result<PledgeView> {
        let process = self.existing_process(process).await?;
        let pledge = self.store.get_pledge(&process, id).await?;
        Ok(self.pledge_views(vec![pledge]).await?.remove(0))
    }

    /// One objective of the adopted text with its pledges by region.
    pub async fn objective(&self, process: &str, number: u32) -> Result<ObjectiveView> {
        let process = self.existing_process(process).await?;
        let (_, text) = self
            .adopted_text(&process)
            .await?
            .ok_or(ValidationError::NothingAdopted)?;
        let objectives = objectives_of(&text);
        let title = number
            .checked_sub(1)
            .and_then(|i| objectives.get(i as usize))
            .cloned()
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "the adopted text has no objective {number} (it has {})",
                    objectives.len()
                ))
            })?;
        let mut all = vec![];
        let mut after = None;
        loop {
            let page = self
                .store
                .list_pledges(&process, Some(number), after, MAX_PLEDGES_PAGE)
                .await?;
            after = page.items.last().map(|p| p.id);
            all.extend(page.items);
            if !page.more {
                break;
            }
        }
        let views = self.pledge_views(all).await?;
        let pledges = views.len();
        let mut by: BTreeMap<String, Vec<PledgeView>> = BTreeMap::new();
        for v in views {
            by.entry(v.region.clone()).or_default().push(v);
        }
        // States' regions by name, then the other actors.
        let other = by.remove("");
        let mut by_region: Vec<(String, Vec<PledgeView>)> = by.into_iter().collect();
        if let Some(o) = other {
            by_region.push((String::new(), o));
        }
        Ok(ObjectiveView {
            number,
            title,
            objectives: objectives.len() as u32,
            by_region,
            pledges,
        })
    }
}
