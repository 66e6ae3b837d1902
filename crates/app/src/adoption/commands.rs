//! Adoption: the commands (writes).

use super::*;

impl crate::App {
    /// Records an adoption (the secretariat): the meeting must be one of the
    /// process's, the date within it, the version one of the process's
    /// drafts; a recorded vote is checked against the member states. An
    /// endorsement adopts a resolution of its own that names the adoption it
    /// endorses ([`Endorsement::check`]).
    pub async fn adopt(&self, p: &Principal, process: &str, req: AdoptionRequest) -> Result<i64> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let members = self.member_codes().await?;
        let draft_slug = parse_slug("draft", &req.draft)?;
        let mut unit = self.unit(p).await?;
        let meeting = self.meeting_of(&mut unit, &process, req.meeting).await?;
        during(
            &meeting,
            req.adopted_on,
            "adoption date",
            "a text is adopted during the meeting that adopts it",
        )?;
        let (draft, version) = version_of(&mut unit, &process, &draft_slug, req.version).await?;
        if let Some(earlier) = req.endorses {
            let endorsed = unit
                .tx
                .find_adoption(earlier)
                .await?
                .filter(|a| a.process == process)
                .ok_or_else(|| {
                    AppError::NotFound(format!("no adoption {earlier} in '{process}' to endorse"))
                })?;
            let endorsed_version =
                unit.tx
                    .find_version(endorsed.version)
                    .await?
                    .ok_or_else(|| {
                        AppError::Internal(format!("adoption {earlier} names no stored version"))
                    })?;
            Endorsement {
                draft: draft.id,
                draft_slug: draft.slug.to_string(),
                draft_kind: draft.kind,
                version: version.id,
                endorsed_title: endorsed.title.clone(),
                endorsed_draft: endorsed_version.draft,
                endorsed_version: endorsed_version.id,
                endorsed_adopted: endorsed.adopted(),
            }
            .check()?;
        }
        let mut adoption = NewAdoption {
            process: process.clone(),
            meeting: meeting.id,
            version: version.id,
            title: req.title.trim().to_owned(),
            adopted_on: req.adopted_on,
            symbol: req.symbol.map(|s| s.trim().to_owned()),
            method: req.method,
            vote: req.vote,
            endorses: req.endorses,
            as_it_stands: req.as_it_stands,
            not_agreed: vec![],
            note: req.note,
        };
        adoption.validate(&members)?;
        // The adoption guards, read in the unit of work that writes.
        let mut statuses: HashMap<_, _> = unit
            .tx
            .version_statuses(version.id)
            .await?
            .into_iter()
            .map(|r| (r.wid, r.status))
            .collect();
        // A paragraph put to a separate vote at this meeting is decided:
        // deleted, or retained by the vote.
        for v in unit.tx.paragraph_votes_at(meeting.id).await? {
            if v.version == version.id {
                let status = match v.result {
                    ParagraphVoteResult::Deleted => ParagraphStatus::Deleted,
                    ParagraphVoteResult::Retained => ParagraphStatus::AgreedAdRef,
                };
                statuses.insert(v.paragraph, status);
            }
        }
        let phases = self.store.list_phases(&process).await?;
        let earlier_here = unit
            .tx
            .adoptions_of_version(version.id)
            .await?
            .iter()
            .filter(|a| a.meeting == meeting.id)
            .count();
        adoption.not_agreed = AdoptionSetting {
            version: version.label.clone(),
            meeting: meeting.title.clone(),
            meeting_kind: meeting.kind,
            phase: current_phase(&phases, req.adopted_on).map(|p| p.kind),
            earlier_here,
            not_agreed: not_agreed_paragraphs(&version.text, &statuses),
            as_it_stands: req.as_it_stands,
        }
        .check()?;
        let id = unit
            .tx
            .insert_adoption(&adoption, &p.name(), unit.at)
            .await?;
        let mut targets = vec![
            format!("adoption:{id}"),
            format!("meeting:{}", meeting.id),
            format!("version:{}", version.id),
            format!("method:{}", adoption.method),
        ];
        if adoption.as_it_stands {
            targets.push(format!(
                "as_it_stands:{}",
                if adoption.not_agreed.is_empty() {
                    "all_agreed".to_owned()
                } else {
                    adoption.not_agreed.join(",")
                }
            ));
        }
        if let Some(v) = &adoption.vote {
            targets.push(format!(
                "totals:{}-{}-{}-{}",
                v.totals.yes, v.totals.no, v.totals.abstain, v.totals.not_voting
            ));
        }
        unit.audit("adoption.record", Some(&process), targets)
            .await?;
        unit.commit().await?;
        Ok(id)
    }

    /// Records a separate vote on a paragraph of a version at a meeting,
    /// before the vote on the whole (the secretariat of the process): the
    /// vote as taken (closed, its totals adding up to the members), the
    /// delegation that requested it; the result follows from the vote.
    pub async fn record_paragraph_vote(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
        req: ParagraphVoteRequest,
    ) -> Result<i64> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let members = self.member_codes().await?;
        self.delegation(&req.requested_by).await?;
        let draft_slug = parse_slug("draft", &req.draft)?;
        let mut unit = self.unit(p).await?;
        let meeting = self.meeting_of(&mut unit, &process, meeting).await?;
        during(
            &meeting,
            req.voted_on,
            "date of the vote",
            "a separate vote is taken during the meeting that votes on the text",
        )?;
        let (_, version) = version_of(&mut unit, &process, &draft_slug, req.version).await?;
        let before = self
            .before_the_whole(&mut unit, &process, &meeting, &version, req.voted_on)
            .await?;
        let earlier: Vec<ParagraphVote> = unit
            .tx
            .paragraph_votes_at(meeting.id)
            .await?
            .into_iter()
            .filter(|v| v.version == version.id)
            .collect();
        let (placed, result) = check_paragraph_vote(
            &before,
            &version.text,
            &req.paragraph,
            &earlier,
            &req.vote,
            &members,
        )?;
        let t = req.vote.totals;
        let record = ParagraphVote {
            id: 0,
            process: process.clone(),
            meeting: meeting.id,
            version: version.id,
            paragraph: placed.wid.clone(),
            number: placed.num.clone(),
            requested_by: req.requested_by.clone(),
            voted_on: req.voted_on,
            vote: req.vote,
            result,
            created_by: p.name(),
            created_at: unit.at,
        };
        let id = unit.tx.insert_paragraph_vote(&record).await?;
        unit.audit(
            "vote.paragraph",
            Some(&process),
            vec![
                format!("paragraph_vote:{id}"),
                format!("meeting:{}", meeting.id),
                format!("version:{}", version.id),
                format!("paragraph:{}", placed.wid.as_str()),
                format!("requested_by:{}", req.requested_by),
                format!("totals:{}-{}-{}-{}", t.yes, t.no, t.abstain, t.not_voting),
                format!("result:{result}"),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(id)
    }

    /// Records an oral amendment or oral revision moved at a meeting on a
    /// paragraph of a version, before the vote on the whole (the
    /// secretariat of the process): who moved it, the words read out, and
    /// the outcome — given, or following from the vote it was put to.
    pub async fn record_oral_change(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
        req: OralChangeRequest,
    ) -> Result<i64> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let members = self.member_codes().await?;
        self.delegation(&req.moved_by).await?;
        let draft_slug = parse_slug("draft", &req.draft)?;
        let mut unit = self.unit(p).await?;
        let meeting = self.meeting_of(&mut unit, &process, meeting).await?;
        during(
            &meeting,
            req.moved_on,
            "date of the oral change",
            "an oral change is moved from the floor during the meeting",
        )?;
        let (_, version) = version_of(&mut unit, &process, &draft_slug, req.version).await?;
        let before = self
            .before_the_whole(&mut unit, &process, &meeting, &version, req.moved_on)
            .await?;
        let (placed, outcome) = check_oral_change(
            &before,
            &version.text,
            &req.paragraph,
            &req.text,
            req.outcome,
            req.vote.as_ref(),
            &members,
        )?;
        let record = OralChange {
            id: 0,
            process: process.clone(),
            meeting: meeting.id,
            version: version.id,
            paragraph: placed.wid.clone(),
            number: placed.num.clone(),
            kind: req.kind,
            moved_by: req.moved_by.clone(),
            moved_on: req.moved_on,
            text: req.text.trim().to_owned(),
            outcome,
            vote: req.vote,
            created_by: p.name(),
            created_at: unit.at,
        };
        let id = unit.tx.insert_oral_change(&record).await?;
        let mut targets = vec![
            format!("oral_change:{id}"),
            format!("meeting:{}", meeting.id),
            format!("version:{}", version.id),
            format!("paragraph:{}", placed.wid.as_str()),
            format!("kind:{}", record.kind),
            format!("moved_by:{}", record.moved_by),
            format!("outcome:{outcome}"),
        ];
        if let Some(t) = record.vote.as_ref().map(|v| v.totals) {
            targets.push(format!(
                "totals:{}-{}-{}-{}",
                t.yes, t.no, t.abstain, t.not_voting
            ));
        }
        unit.audit("vote.oral_change", Some(&process), targets)
            .await?;
        unit.commit().await?;
        Ok(id)
    }

    /// A delegation that may request a separate vote or move an oral
    /// change: a real member state, observer state or group.
    async fn delegation(&self, code: &ActorCode) -> Result<()> {
        let actor = match self.store.get_actor(code).await {
            Ok(a) => a,
            Err(accord_store::StoreError::NotFound(_)) => {
                return Err(ValidationError::UnknownActor(code.to_string()).into())
            }
            Err(e) => return Err(e.into()),
        };
        check_delegation(&actor.code, actor.kind)?;
        Ok(())
    }

    /// What the rules on votes before the vote on the whole read, in the
    /// unit of work that writes: the meeting's kind, the phase on `on`, and
    /// whether the version was voted on as a whole at this meeting or on a
    /// later day, or adopted anywhere (a vote on the whole that failed at
    /// an earlier meeting leaves it open to another meeting).
    async fn before_the_whole(
        &self,
        unit: &mut crate::Unit<'_>,
        process: &Slug,
        meeting: &Meeting,
        version: &Version,
        on: NaiveDate,
    ) -> Result<BeforeTheWhole> {
        let phases = self.store.list_phases(process).await?;
        let adopted = unit
            .tx
            .adoptions_of_version(version.id)
            .await?
            .iter()
            .any(|a| a.meeting == meeting.id || a.adopted() || a.adopted_on >= meeting.start_date);
        Ok(BeforeTheWhole {
            version: version.label.clone(),
            meeting: meeting.title.clone(),
            meeting_kind: meeting.kind,
            phase: current_phase(&phases, on).map(|p| p.kind),
            adopted,
        })
    }

    /// Adds member states' votes to a recorded vote, each state once. While
    /// the vote is being taken, a delegation casts its own state's vote (the
    /// secretariat may enter any); after it closes, or for a vote recorded
    /// after the fact, only the secretariat adds what the record lacks, within
    /// the totals.
    pub async fn record_ballots(
        &self,
        p: &Principal,
        process: &str,
        adoption: i64,
        ballots: Vec<Ballot>,
    ) -> Result<()> {
        let process = self.existing_process(process).await?;
        if ballots.is_empty() {
            return Err(ValidationError::Empty("ballots").into());
        }
        let secretariat = authorize(p, Action::ManageConsultation(&process)).is_ok();
        let members = self.member_codes().await?;
        let mut unit = self.unit(p).await?;
        let found = adoption_in(&mut unit, &process, adoption).await?;
        let Some(vote) = &found.vote else {
            return Err(ValidationError::Invalid {
                what: "ballots",
                value: adoption.to_string(),
                reason: "this text was adopted by consensus: there was no vote",
            }
            .into());
        };
        if vote.open {
            if !secretariat {
                for b in &ballots {
                    authorize(
                        p,
                        Action::CastVote {
                            process: &process,
                            state: &b.state,
                        },
                    )?;
                }
            }
            check_cast(&vote.ballots, &ballots, &members)?;
        } else {
            authorize(p, Action::ManageConsultation(&process))?;
            check_ballots(&vote.ballots, &ballots, &members, &vote.totals)?;
        }
        unit.tx.insert_ballots(adoption, &ballots).await?;
        let mut targets = vec![format!("adoption:{adoption}")];
        targets.extend(ballots.iter().map(|b| format!("{}:{}", b.state, b.vote)));
        let action = if vote.open {
            "adoption.vote"
        } else {
            "adoption.ballots"
        };
        unit.audit(action, Some(&process), targets).await?;
        unit.commit().await?;
        self.announce(&process, format!("adoption/{adoption}"));
        Ok(())
    }

    /// Closes a vote being taken (the secretariat): the states that cast no
    /// vote did not vote; the totals are counted, the outcome follows.
    pub async fn close_vote(&self, p: &Principal, process: &str, adoption: i64) -> Result<Totals> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let members = self.member_codes().await?;
        let mut unit = self.unit(p).await?;
        let found = adoption_in(&mut unit, &process, adoption).await?;
        let mut vote = match found.adoption.vote {
            Some(v) if v.open => v,
            _ => {
                return Err(ValidationError::Invalid {
                    what: "vote",
                    value: adoption.to_string(),
                    reason: "only a vote being taken can be closed",
                }
                .into())
            }
        };
        let added = vote.close(&members);
        unit.tx
            .close_vote(
                adoption,
                &vote.totals,
                vote.present.as_deref().unwrap_or_default(),
                &added,
            )
            .await?;
        let t = vote.totals;
        unit.audit(
            "adoption.close",
            Some(&process),
            vec![
                format!("adoption:{adoption}"),
                format!("totals:{}-{}-{}-{}", t.yes, t.no, t.abstain, t.not_voting),
                format!("carries:{}", vote.carries()),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&process, format!("adoption/{adoption}"));
        Ok(t)
    }

    /// Records a member state's statement, after the vote, of how it
    /// intended to vote: by a delegate of that state (who may vote for it)
    /// or by the secretariat, which records what a delegation told it. The
    /// ballot, the totals and the outcome stay as recorded.
    pub async fn state_intention(
        &self,
        p: &Principal,
        process: &str,
        adoption: i64,
        state: &ActorCode,
        intended: VoteChoice,
    ) -> Result<()> {
        let process = self.existing_process(process).await?;
        if authorize(p, Action::ManageConsultation(&process)).is_err() {
            authorize(
                p,
                Action::CastVote {
                    process: &process,
                    state,
                },
            )?;
        }
        let members = self.member_codes().await?;
        let mut unit = self.unit(p).await?;
        let found = adoption_in(&mut unit, &process, adoption).await?;
        let Some(vote) = &found.vote else {
            return Err(ValidationError::Invalid {
                what: "intended vote",
                value: adoption.to_string(),
                reason: "this text was adopted by consensus: there was no vote",
            }
            .into());
        };
        check_intention(vote, &found.intentions, &members, state, intended)?;
        unit.tx
            .insert_vote_intention(
                adoption,
                &VoteIntention {
                    state: state.clone(),
                    vote: intended,
                    entered_by: p.name(),
                    entered_at: unit.at,
                },
            )
            .await?;
        let ballot = vote
            .ballots
            .iter()
            .find(|b| &b.state == state)
            .map_or("not_recorded", |b| b.vote.as_str());
        unit.audit(
            "adoption.intention",
            Some(&process),
            vec![
                format!("adoption:{adoption}"),
                format!("{state}:intended:{intended}"),
                format!("{state}:recorded:{ballot}"),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(())
    }

    /// Links a statement made at the adoption's meeting to it.
    pub async fn link_adoption_statement(
        &self,
        p: &Principal,
        process: &str,
        adoption: i64,
        statement: i64,
        kind: AdoptionStatementKind,
    ) -> Result<()> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let mut unit = self.unit(p).await?;
        let found = adoption_in(&mut unit, &process, adoption).await?;
        let st = unit
            .tx
            .find_statement(statement)
            .await?
            .filter(|s| s.process == process)
            .ok_or_else(|| AppError::NotFound(format!("statement {statement} in '{process}'")))?;
        if st.meeting != found.meeting {
            return Err(ValidationError::Invalid {
                what: "statement",
                value: statement.to_string(),
                reason: "a statement on an adoption is one made at the meeting that adopted it",
            }
            .into());
        }
        if kind.needs_vote() && found.vote.is_none() {
            return Err(ValidationError::Invalid {
                what: "statement kind",
                value: kind.to_string(),
                reason: "an explanation of vote needs a vote; this text was adopted by consensus",
            }
            .into());
        }
        if unit
            .tx
            .adoption_statements(adoption)
            .await?
            .iter()
            .any(|l| l.statement == statement)
        {
            return Err(ValidationError::AlreadyLinked(format!(
                "statement {statement} is already linked to this adoption"
            ))
            .into());
        }
        unit.tx
            .insert_adoption_statement(&AdoptionStatement {
                adoption,
                statement,
                kind,
            })
            .await?;
        unit.audit(
            "adoption.statement",
            Some(&process),
            vec![
                format!("adoption:{adoption}"),
                format!("statement:{statement}"),
                format!("kind:{kind}"),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(())
    }

    /// Records a pledge on the adopted text's objectives: by the secretariat,
    /// or by whoever may speak for the actor.
    pub async fn make_pledge(&self, p: &Principal, pledge: NewPledge) -> Result<i64> {
        let process = self.existing_process(pledge.process.as_str()).await?;
        let actor = match self.store.get_actor(&pledge.actor).await {
            Ok(a) => a,
            Err(accord_store::StoreError::NotFound(_)) => {
                return Err(ValidationError::UnknownActor(pledge.actor.to_string()).into())
            }
            Err(e) => return Err(e.into()),
        };
        if authorize(p, Action::ManageConsultation(&process)).is_err() {
            authorize(
                p,
                Action::SpeakFor {
                    process: &process,
                    actor: &actor.code,
                    kind: actor.kind,
                    designated: false,
                },
            )?;
        }
        let (_, text) = self
            .adopted_text(&process)
            .await?
            .ok_or(ValidationError::NothingAdopted)?;
        pledge.validate(objectives_of(&text).len() as u32)?;
        let mut unit = self.unit(p).await?;
        if let Some(m) = pledge.meeting {
            self.meeting_of(&mut unit, &process, m).await?;
        }
        let id = unit.tx.insert_pledge(&pledge, &p.name(), unit.at).await?;
        let mut targets = vec![format!("pledge:{id}"), format!("actor:{}", pledge.actor)];
        targets.extend(pledge.objectives.iter().map(|o| format!("objective:{o}")));
        unit.audit("pledge.make", Some(&process), targets).await?;
        unit.commit().await?;
        Ok(id)
    }

    /// Records a progress report on a pledge; the pledge takes its status.
    pub async fn report_progress(
        &self,
        p: &Principal,
        process: &str,
        pledge: i64,
        reported_on: NaiveDate,
        status: PledgeStatus,
        text: &str,
    ) -> Result<i64> {
        let process = self.existing_process(process).await?;
        let mut unit = self.unit(p).await?;
        let found = unit
            .tx
            .find_pledge(pledge)
            .await?
            .filter(|x| x.process == process)
            .ok_or_else(|| AppError::NotFound(format!("pledge {pledge} in '{process}'")))?;
        if authorize(p, Action::ManageConsultation(&process)).is_err() {
            let actor = self.store.get_actor(&found.actor).await?;
            authorize(
                p,
                Action::SpeakFor {
                    process: &process,
                    actor: &actor.code,
                    kind: actor.kind,
                    designated: false,
                },
            )?;
        }
        check_progress_report(&found, reported_on, text)?;
        let id = unit
            .tx
            .insert_progress_report(pledge, reported_on, status, text.trim(), &p.name(), unit.at)
            .await?;
        unit.audit(
            "pledge.progress",
            Some(&process),
            vec![format!("pledge:{pledge}"), format!("status:{status}")],
        )
        .await?;
        unit.commit().await?;
        Ok(id)
    }
}

/// A day within the meeting's dates, or the rule's message.
fn during(
    meeting: &Meeting,
    on: NaiveDate,
    what: &'static str,
    reason: &'static str,
) -> Result<()> {
    if on < meeting.start_date || on > meeting.end_date {
        return Err(ValidationError::Invalid {
            what,
            value: on.to_string(),
            reason,
        }
        .into());
    }
    Ok(())
}

/// A draft of the process and one of its versions, by number.
async fn version_of(
    unit: &mut crate::Unit<'_>,
    process: &Slug,
    draft_slug: &Slug,
    seq: u32,
) -> Result<(Draft, Version)> {
    let draft = unit
        .tx
        .find_draft(process, draft_slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no draft '{draft_slug}' in '{process}'")))?;
    let version = unit
        .tx
        .draft_versions(draft.id)
        .await?
        .into_iter()
        .find(|v| v.seq == seq)
        .ok_or_else(|| AppError::NotFound(format!("draft '{draft_slug}' has no version {seq}")))?;
    Ok((draft, version))
}
