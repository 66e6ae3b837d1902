//! The negotiation: the commands (writes).

use super::*;

impl crate::App {
    // ---- writes: drafts and versions ---------------------------------------

    /// A new, empty draft of a process (co-facilitators or secretariat).
    pub async fn create_draft(
        &self,
        p: &Principal,
        process: &str,
        req: DraftRequest,
    ) -> Result<Draft> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ChairNegotiation(&process))?;
        let slug = parse_slug("draft", &req.slug)?;
        let title = req.title.trim();
        if title.is_empty() {
            return Err(ValidationError::Empty("draft title").into());
        }
        let symbol = match req.symbol.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(accord_domain::Symbol::new(s)?.to_string()),
        };
        let mut unit = self.unit(p).await?;
        if unit.tx.find_draft(&process, &slug).await?.is_some() {
            return Err(ValidationError::DuplicateSlug {
                what: "draft",
                slug: slug.to_string(),
            }
            .into());
        }
        let mut draft = Draft {
            id: 0,
            process: process.clone(),
            slug,
            title: title.chars().take(300).collect(),
            kind: req.kind,
            symbol,
            simulated: req.simulated,
            created_at: unit.at,
        };
        draft.id = unit.tx.insert_draft(&draft).await?;
        unit.audit(
            "draft.create",
            Some(&process),
            vec![
                format!("draft:{}", draft.id),
                format!("kind:{}", draft.kind),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(draft)
    }

    /// Reads a version from Markdown or DOCX (a draft resolution's may be
    /// its title alone, when its wording is not recorded). With `commit` false, only
    /// says what was recognised (a preview); with `commit` true, also issues
    /// it as the draft's next version: node identities follow the latest
    /// version's where the file gives none, and tabled amendments on nodes it
    /// left untouched carry forward.
    #[allow(clippy::too_many_arguments)]
    pub async fn import_version(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        label: &str,
        issued_on: Option<NaiveDate>,
        source: ImportSource,
        commit: bool,
    ) -> Result<(Imported, Option<u32>)> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let label = check_label(label)?;
        let latest = self.store.list_versions(draft.id).await?.pop();
        let previous = latest.as_ref().map(|v| &v.text);
        // A draft resolution whose wording is not recorded: its title only.
        let untold = match (&source, draft.kind) {
            (ImportSource::Markdown(md), DraftKind::Resolution) => n::title_only(md),
            _ => None,
        };
        let imported = match untold {
            Some(title) => Imported {
                text: DraftText {
                    title,
                    nodes: vec![],
                },
                diagnostics: vec![],
                sections: 0,
                objectives: 0,
                paragraphs: 0,
                subparagraphs: 0,
            },
            None => recognise(source, previous)?,
        };
        if !commit {
            return Ok((imported, None));
        }
        let seq = self
            .issue(
                p,
                &draft,
                &label,
                issued_on,
                imported.text.clone(),
                Vec::new(),
            )
            .await?;
        Ok((imported, Some(seq)))
    }

    /// Builds the next version from the latest: amendments taken up (as
    /// tabled or modified) and the co-facilitators' own edits, all applied
    /// together; every change records where it came from.
    pub async fn issue_revision(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        request: RevisionRequest,
    ) -> Result<u32> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let label = check_label(&request.label)?;
        let latest = self
            .store
            .list_versions(draft.id)
            .await?
            .pop()
            .ok_or_else(|| {
                AppError::BadRequest("the draft has no version yet: import the first one".into())
            })?;
        let amendments = self.store.list_amendments(latest.id).await?;
        let mut edits = Vec::new();
        let mut seen = HashSet::new();
        for (id, modified) in &request.take_up {
            let a = amendments.iter().find(|a| a.id == *id).ok_or_else(|| {
                AppError::BadRequest(format!(
                    "amendment {id} is not on {}, the latest version",
                    latest.label
                ))
            })?;
            if !seen.insert(*id) {
                return Err(AppError::BadRequest(format!(
                    "amendment {} is taken up twice",
                    a.number
                )));
            }
            if !a.status.is_live() {
                return Err(bad(NegotiationError::NotLive {
                    number: a.number,
                    status: a.status.to_string(),
                    what: "taken up",
                }));
            }
            edits.push(Edit {
                operation: modified.clone().unwrap_or_else(|| a.operation.clone()),
                source: Source::Amendment(a.id),
            });
        }
        for op in &request.own_edits {
            edits.push(Edit {
                operation: op.clone(),
                source: Source::CoFacilitators,
            });
        }
        if edits.is_empty() {
            return Err(AppError::BadRequest(
                "a revision takes up at least one amendment or makes one edit".into(),
            ));
        }
        let (text, changes) = n::apply(&latest.text, &edits).map_err(bad)?;
        let decisions: Vec<(i64, AmendmentStatus)> = request
            .take_up
            .iter()
            .map(|(id, modified)| {
                (
                    *id,
                    if modified.is_some() {
                        AmendmentStatus::AcceptedAsModified
                    } else {
                        AmendmentStatus::Accepted
                    },
                )
            })
            .collect();
        self.issue_with(
            p,
            &draft,
            &label,
            request.issued_on,
            text,
            changes,
            &decisions,
        )
        .await
    }

    pub(crate) async fn issue(
        &self,
        p: &Principal,
        draft: &Draft,
        label: &str,
        issued_on: Option<NaiveDate>,
        text: DraftText,
        changes: Vec<Change>,
    ) -> Result<u32> {
        self.issue_with(p, draft, label, issued_on, text, changes, &[])
            .await
    }

    /// Records the next version in one unit: the version, the decisions on
    /// amendments taken up, amendments carried forward (tabled ones on nodes
    /// the new version did not touch) or superseded (the others), and the
    /// paragraph statuses of untouched nodes.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn issue_with(
        &self,
        p: &Principal,
        draft: &Draft,
        label: &str,
        issued_on: Option<NaiveDate>,
        text: DraftText,
        changes: Vec<Change>,
        decisions: &[(i64, AmendmentStatus)],
    ) -> Result<u32> {
        text.validate().map_err(bad)?;
        let mut unit = self.unit(p).await?;
        let versions = unit.tx.draft_versions(draft.id).await?;
        let content_sha256 = digest_text(&text);
        if let Some(same) = versions.iter().find(|v| v.content_sha256 == content_sha256) {
            return Err(bad(NegotiationError::DuplicateVersion(format!(
                "the same text was issued as {}",
                same.label
            ))));
        }
        if versions.iter().any(|v| v.label.eq_ignore_ascii_case(label)) {
            return Err(bad(NegotiationError::DuplicateVersion(format!(
                "a version is already labelled {label}"
            ))));
        }
        let seq = versions.last().map_or(1, |v| v.seq + 1);
        let version = Version {
            id: 0,
            draft: draft.id,
            seq,
            label: label.to_owned(),
            issued_on: issued_on.unwrap_or_else(|| unit.at.date_naive()),
            text,
            changes,
            content_sha256,
            issued_by: p.name(),
            issued_at: unit.at,
        };
        let id = unit.tx.insert_version(&version).await?;
        if let Some(previous) = versions.last() {
            carry_forward(&mut unit, previous, &version, id, decisions).await?;
        }
        unit.audit(
            "draft.version.issue",
            Some(&draft.process),
            vec![format!("draft:{}", draft.id), format!("version:{id}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(seq)
    }

    /// Tables an amendment on the latest version; returns its id and number.
    pub async fn propose_amendment(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        new: NewAmendment,
        simulated: bool,
    ) -> Result<(i64, u32)> {
        let draft = self.find_draft(process, draft).await?;
        let justification = check_letter("justification", &new.justification, false)?;
        let mut unit = self.unit(p).await?;
        let proposer_kind = self
            .negotiator(
                &mut unit,
                &draft.process,
                &new.proposer,
                "propose amendments",
            )
            .await?;
        if proposer_kind.is_simulated() && !simulated {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: format!("{} (a {proposer_kind})", new.proposer),
                what: "propose a real amendment (only a simulated one)",
            }));
        }
        let versions = unit.tx.draft_versions(draft.id).await?;
        let latest = versions
            .last()
            .ok_or_else(|| AppError::BadRequest("the draft has no version yet".into()))?;
        let version = nth_version(&versions, &draft, seq)?;
        // Operators (the system) may record amendments on earlier versions:
        // a past negotiation loaded from its records.
        if version.id != latest.id && !matches!(p, Principal::System(_)) {
            return Err(bad(NegotiationError::NotLatest(
                version.label.clone(),
                latest.label.clone(),
            )));
        }
        super::views::closed_if_adopted(&mut unit, version.id, &version.label).await?;
        new.operation.check(&version.text).map_err(bad)?;
        // A state co-sponsors by its own act: those the proposer names are
        // pending until their delegation confirms, unless the caller acts
        // for them too (or Accord loads a record).
        let mut co_sponsors: Vec<ActorCode> = Vec::new();
        let mut pending: Vec<ActorCode> = Vec::new();
        for c in &new.co_sponsors {
            if c == &new.proposer || co_sponsors.contains(c) || pending.contains(c) {
                continue;
            }
            let found = unit
                .tx
                .find_actor(c)
                .await?
                .ok_or_else(|| ValidationError::UnknownActor(c.to_string()))?;
            if !(found.kind.is_state()
                || found.kind.is_group()
                || found.kind == ActorKind::SimulatedDelegation)
            {
                return Err(bad(NegotiationError::NotAllowedFor {
                    actor: format!("{c} (a {})", found.kind),
                    what: "co-sponsor amendments",
                }));
            }
            if found.kind.is_simulated() && !simulated {
                return Err(bad(NegotiationError::NotAllowedFor {
                    actor: format!("{c} (a {})", found.kind),
                    what: "co-sponsor a real amendment (only a simulated one)",
                }));
            }
            let designated = found.kind == ActorKind::Group
                && match p.account_id() {
                    Some(account) => unit.tx.is_group_speaker(&draft.process, c, account).await?,
                    None => false,
                };
            let own_act = authorize(
                p,
                Action::NegotiateFor {
                    process: &draft.process,
                    actor: c,
                    kind: found.kind,
                    designated,
                },
            )
            .is_ok();
            if own_act {
                co_sponsors.push(c.clone());
            } else {
                pending.push(c.clone());
            }
        }
        let amendment = Amendment {
            id: 0,
            version: version.id,
            number: 0,
            proposer: new.proposer.clone(),
            co_sponsors,
            pending_co_sponsors: pending,
            positions: Vec::new(),
            operation: new.operation,
            justification,
            status: AmendmentStatus::Tabled,
            outcome_note: String::new(),
            decided_at: None,
            carried_from: None,
            simulated: simulated || draft.simulated,
            proposed_by: p.name(),
            proposed_at: unit.at,
        };
        let (id, number) = unit.tx.insert_amendment(&amendment).await?;
        unit.audit(
            "amendment.propose",
            Some(&draft.process),
            vec![
                format!("amendment:{id}"),
                format!("version:{}", version.id),
                format!("actor:{}", new.proposer),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok((id, number))
    }

    /// Records `actor`'s support for, or objection to, an amendment (a
    /// later stance replaces an earlier one).
    pub async fn take_position(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        actor: &ActorCode,
        stance: Stance,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let mut unit = self.unit(p).await?;
        self.negotiator(
            &mut unit,
            &draft.process,
            actor,
            "support or object to amendments",
        )
        .await?;
        let a = self
            .live_amendment(&mut unit, &draft, id, "supported or objected to")
            .await?;
        if &a.proposer == actor || a.co_sponsors.contains(actor) {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: actor.to_string(),
                what: "support or object to its own amendment",
            }));
        }
        unit.tx.set_position(id, actor, stance, unit.at).await?;
        unit.audit(
            &format!("amendment.{}", stance.as_str()),
            Some(&draft.process),
            vec![format!("amendment:{id}"), format!("actor:{actor}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// A co-sponsor's own act: its delegation confirms the co-sponsorship the
    /// proposer named it for (`confirm`), or withdraws it, named or confirmed
    /// (after which it may support or object like any other state).
    pub async fn co_sponsorship(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        actor: &ActorCode,
        confirm: bool,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let mut unit = self.unit(p).await?;
        self.negotiator(&mut unit, &draft.process, actor, "co-sponsor amendments")
            .await?;
        let a = self
            .live_amendment(&mut unit, &draft, id, "co-sponsored")
            .await?;
        let named = a.pending_co_sponsors.contains(actor);
        let confirmed = a.co_sponsors.contains(actor);
        let changes = if confirm { named } else { named || confirmed };
        if !changes {
            return Err(bad(NegotiationError::NotCoSponsor(
                if confirm && confirmed {
                    format!("{actor} already co-sponsors amendment {}", a.number)
                } else {
                    format!(
                        "amendment {} does not name {actor} as a co-sponsor",
                        a.number
                    )
                },
            )));
        }
        unit.tx
            .set_co_sponsorship(id, actor, confirm, unit.at)
            .await?;
        unit.audit(
            if confirm {
                "amendment.co_sponsor_confirm"
            } else {
                "amendment.co_sponsor_withdraw"
            },
            Some(&draft.process),
            vec![format!("amendment:{id}"), format!("actor:{actor}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The proposer withdraws its amendment.
    pub async fn withdraw_amendment(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let mut unit = self.unit(p).await?;
        let a = unit
            .tx
            .find_amendment(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("amendment {id} does not exist")))?;
        self.negotiator(
            &mut unit,
            &draft.process,
            &a.proposer,
            "withdraw amendments",
        )
        .await?;
        self.live_amendment(&mut unit, &draft, id, "withdrawn")
            .await?;
        unit.tx
            .set_amendment_status(id, AmendmentStatus::Withdrawn, "", Some(unit.at))
            .await?;
        unit.audit(
            "amendment.withdraw",
            Some(&draft.process),
            vec![format!("amendment:{id}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The co-facilitators' outcome for an amendment.
    pub async fn decide_amendment(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        outcome: AmendmentStatus,
        note: &str,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        if !outcome.is_outcome() {
            return Err(AppError::BadRequest(format!(
                "'{outcome}' is not an outcome; choose accepted, accepted_as_modified, rejected or superseded"
            )));
        }
        let note = check_letter("outcome note", note, false)?;
        let mut unit = self.unit(p).await?;
        self.live_amendment(&mut unit, &draft, id, "decided")
            .await?;
        unit.tx
            .set_amendment_status(id, outcome, &note, Some(unit.at))
            .await?;
        unit.audit(
            &format!("amendment.{}", outcome.as_str()),
            Some(&draft.process),
            vec![format!("amendment:{id}")],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The co-facilitators mark a paragraph (or sub-paragraph) of a version.
    #[allow(clippy::too_many_arguments)]
    pub async fn set_paragraph_status(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        wid: &str,
        status: ParagraphStatus,
        options: Vec<String>,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let wid = Wid::new(wid).map_err(bad)?;
        let options: Vec<String> = options
            .into_iter()
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        if status != ParagraphStatus::Bracketed && !options.is_empty() {
            return Err(AppError::BadRequest(
                "only a bracketed paragraph has alternative options".into(),
            ));
        }
        if options.len() > 20 || options.iter().any(|o| o.chars().count() > 5_000) {
            return Err(AppError::BadRequest(
                "at most 20 options of 5,000 characters each".into(),
            ));
        }
        let mut unit = self.unit(p).await?;
        let versions = unit.tx.draft_versions(draft.id).await?;
        let version = nth_version(&versions, &draft, seq)?;
        let node = version
            .text
            .find(&wid)
            .ok_or_else(|| bad(NegotiationError::UnknownNode(wid.to_string())))?;
        if !matches!(
            node.kind,
            n::NodeKind::Paragraph | n::NodeKind::Subparagraph
        ) {
            return Err(bad(NegotiationError::NotAllowedFor {
                actor: format!("the {} {wid}", node.kind),
                what: "have a paragraph status",
            }));
        }
        unit.tx
            .set_paragraph_status(
                version.id,
                &StatusRecord {
                    wid: wid.clone(),
                    status,
                    options,
                    set_at: unit.at,
                },
            )
            .await?;
        unit.audit(
            "draft.paragraph.status",
            Some(&draft.process),
            vec![
                format!("version:{}", version.id),
                format!("node:{wid}"),
                format!("status:{status}"),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// The co-facilitators record a version as agreed ad referendum: every
    /// paragraph and subparagraph of it agreed, in one unit of work and one
    /// audit entry (as at the end of the GCM's negotiations, 13 July 2018).
    /// Returns how many paragraphs it marked.
    pub async fn agree_ad_referendum(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
    ) -> Result<usize> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::ChairNegotiation(&draft.process))?;
        let mut unit = self.unit(p).await?;
        let versions = unit.tx.draft_versions(draft.id).await?;
        let version = nth_version(&versions, &draft, seq)?.clone();
        let mut marked = 0;
        for node in version
            .text
            .iter()
            .filter(|n| matches!(n.kind, n::NodeKind::Paragraph | n::NodeKind::Subparagraph))
        {
            unit.tx
                .set_paragraph_status(
                    version.id,
                    &StatusRecord {
                        wid: node.wid.clone(),
                        status: ParagraphStatus::AgreedAdRef,
                        options: vec![],
                        set_at: unit.at,
                    },
                )
                .await?;
            marked += 1;
        }
        unit.audit(
            "draft.paragraph.status",
            Some(&draft.process),
            vec![
                format!("version:{}", version.id),
                "status:agreed_ad_ref".into(),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(marked)
    }

    // ---- silence procedures -----------------------------------------------

    /// The secretariat circulates a version under silence until `deadline`.
    pub async fn open_silence(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        seq: u32,
        deadline: DateTime<Utc>,
        time_zone: &str,
    ) -> Result<i64> {
        let draft = self.find_draft(process, draft).await?;
        authorize(p, Action::OpenSilence(&draft.process))?;
        let zone: chrono_tz::Tz = time_zone.parse().map_err(|_| {
            bad(NegotiationError::BadDeadline(format!(
                "'{time_zone}' is not a time zone name"
            )))
        })?;
        let mut unit = self.unit(p).await?;
        if deadline <= unit.at {
            return Err(bad(NegotiationError::BadDeadline(format!(
                "the deadline {} has already passed",
                show_in_zone(deadline, zone.name())
            ))));
        }
        let versions = unit.tx.draft_versions(draft.id).await?;
        let version = nth_version(&versions, &draft, seq)?;
        // A text goes under silence as it now stands: the latest version
        // (after a break, the co-facilitators' revised text).
        if let Some(latest) = versions.last().filter(|l| l.id != version.id) {
            return Err(bad(NegotiationError::NotLatest(
                version.label.clone(),
                latest.label.clone(),
            )));
        }
        // One procedure at a time; a broken one has ended at its break.
        if let Some(running) = self
            .store
            .list_silence_procedures(draft.id)
            .await?
            .into_iter()
            .find(|s| s.outcome.is_none() && s.state().running_at(unit.at))
        {
            return Err(bad(NegotiationError::SilenceRunning(show_in_zone(
                running.deadline,
                &running.time_zone,
            ))));
        }
        let id = unit
            .tx
            .insert_silence(&SilenceProcedure {
                id: 0,
                version: version.id,
                deadline,
                time_zone: zone.name().to_owned(),
                opened_by: p.name(),
                opened_at: unit.at,
                breaks: Vec::new(),
                outcome: None,
                outcome_at: None,
            })
            .await?;
        unit.audit(
            "silence.open",
            Some(&draft.process),
            vec![format!("silence:{id}"), format!("version:{}", version.id)],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(id)
    }

    /// A member state breaks silence with a letter, before the deadline.
    pub async fn break_silence(
        &self,
        p: &Principal,
        process: &str,
        draft: &str,
        id: i64,
        state: &ActorCode,
        letter: &str,
    ) -> Result<()> {
        let draft = self.find_draft(process, draft).await?;
        let letter = check_letter("letter", letter, true)?;
        let mut unit = self.unit(p).await?;
        let actor = unit
            .tx
            .find_actor(state)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(state.to_string()))?;
        authorize(
            p,
            Action::BreakSilence {
                process: &draft.process,
                state,
                kind: actor.kind,
            },
        )?;
        let procedure =
            unit.tx.find_silence(id).await?.ok_or_else(|| {
                AppError::NotFound(format!("silence procedure {id} does not exist"))
            })?;
        let on_draft = unit
            .tx
            .find_version(procedure.version)
            .await?
            .is_some_and(|v| v.draft == draft.id);
        if !on_draft {
            return Err(AppError::NotFound(format!(
                "silence procedure {id} does not exist"
            )));
        }
        if procedure.breaks.iter().any(|b| &b.actor == state) {
            return Err(bad(NegotiationError::AlreadyBroken(state.to_string())));
        }
        if procedure.outcome.is_some() || !procedure.state().open_at(unit.at) {
            return Err(bad(NegotiationError::SilenceOver(show_in_zone(
                procedure.state().ends_at(),
                &procedure.time_zone,
            ))));
        }
        unit.tx
            .insert_silence_break(
                id,
                &SilenceBreak {
                    actor: state.clone(),
                    letter,
                    at: unit.at,
                },
            )
            .await?;
        unit.audit(
            "silence.break",
            Some(&draft.process),
            vec![format!("silence:{id}"), format!("actor:{state}")],
        )
        .await?;
        // The break ends the procedure, there and then.
        unit.tx
            .set_silence_outcome(id, RecordedOutcome::Broken, unit.at)
            .await?;
        unit.audit(
            "silence.outcome",
            Some(&draft.process),
            vec![
                format!("silence:{id}"),
                format!("outcome:{}", RecordedOutcome::Broken),
                format!("actor:{state}"),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&draft.process, format!("draft/{}", draft.slug));
        Ok(())
    }

    /// Records the outcome of every silence procedure whose deadline has
    /// passed (run by the server every few seconds, and before a draft is
    /// read); returns how many were recorded.
    pub async fn settle_silence(&self) -> Result<usize> {
        let now = self.now();
        let due = self.store.due_silence_procedures(now).await?;
        if due.is_empty() {
            return Ok(0);
        }
        let system = Principal::System("silence deadline");
        let mut recorded = 0;
        for id in due {
            let mut unit = self.unit(&system).await?;
            let Some(procedure) = unit.tx.find_silence(id).await? else {
                continue;
            };
            if procedure.outcome.is_some() {
                continue;
            }
            let outcome = match procedure.state().outcome(now) {
                SilenceOutcome::AdoptedUnderSilence => RecordedOutcome::AdoptedUnderSilence,
                SilenceOutcome::Broken { .. } => RecordedOutcome::Broken,
                SilenceOutcome::Running { .. } => continue,
            };
            // Recorded as of when it ended: the first break, or the deadline.
            let ended = procedure.state().ends_at();
            unit.tx.set_silence_outcome(id, outcome, ended).await?;
            let mut targets = vec![format!("silence:{id}"), format!("outcome:{outcome}")];
            targets.extend(
                procedure
                    .breaks
                    .iter()
                    .map(|b| format!("actor:{}", b.actor)),
            );
            unit.audit("silence.outcome", None, targets).await?;
            if outcome == RecordedOutcome::AdoptedUnderSilence {
                // The text passed: its paragraphs are agreed ad referendum,
                // as of the deadline (those deleted stay deleted).
                let version = unit.tx.find_version(procedure.version).await?;
                if let Some(version) = version {
                    let statuses: HashMap<n::Wid, ParagraphStatus> = unit
                        .tx
                        .version_statuses(version.id)
                        .await?
                        .into_iter()
                        .map(|r| (r.wid, r.status))
                        .collect();
                    let mut agreed = vec![];
                    for node in version.text.iter().filter(|n| {
                        matches!(n.kind, n::NodeKind::Paragraph | n::NodeKind::Subparagraph)
                    }) {
                        if matches!(
                            statuses.get(&node.wid),
                            Some(ParagraphStatus::AgreedAdRef | ParagraphStatus::Deleted)
                        ) {
                            continue;
                        }
                        unit.tx
                            .set_paragraph_status(
                                version.id,
                                &StatusRecord {
                                    wid: node.wid.clone(),
                                    status: ParagraphStatus::AgreedAdRef,
                                    options: vec![],
                                    set_at: procedure.deadline,
                                },
                            )
                            .await?;
                        agreed.push(format!("wid:{}", node.wid));
                    }
                    let mut targets = vec![
                        format!("version:{}", version.id),
                        "status:agreed_ad_ref".into(),
                        format!("silence:{id}"),
                    ];
                    targets.extend(agreed);
                    unit.audit("draft.paragraph.status", None, targets).await?;
                }
            }
            unit.commit().await?;
            recorded += 1;
        }
        Ok(recorded)
    }
}
