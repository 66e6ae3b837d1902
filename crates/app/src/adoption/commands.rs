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
        if req.adopted_on < meeting.start_date || req.adopted_on > meeting.end_date {
            return Err(ValidationError::Invalid {
                what: "adoption date",
                value: req.adopted_on.to_string(),
                reason: "a text is adopted during the meeting that adopts it",
            }
            .into());
        }
        let draft = unit
            .tx
            .find_draft(&process, &draft_slug)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("no draft '{draft_slug}' in '{process}'")))?;
        let version = unit
            .tx
            .draft_versions(draft.id)
            .await?
            .into_iter()
            .find(|v| v.seq == req.version)
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "draft '{draft_slug}' has no version {}",
                    req.version
                ))
            })?;
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
        let statuses: HashMap<_, _> = unit
            .tx
            .version_statuses(version.id)
            .await?
            .into_iter()
            .map(|r| (r.wid, r.status))
            .collect();
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
