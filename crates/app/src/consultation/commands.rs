//! The consultation: the commands (writes).

use super::*;
use crate::files::TextStored;
use crate::{parse_slug, Unit};
use accord_domain::{check_version_choice, Language, TextPlacement, TextSource, VersionChoice};
use accord_store::IndexSubject;
use chrono::{DateTime, Utc};

impl crate::App {
    // ---- statements ------------------------------------------------------

    /// Records a statement with its texts: by a delegate, UN entity or
    /// accredited stakeholder for their own actor (for a group when
    /// designated to speak for it), or by the secretariat for anyone.
    pub async fn add_statement(
        &self,
        p: &Principal,
        statement: NewStatement,
        texts: Vec<ItemText>,
    ) -> Result<i64> {
        statement.validate()?;
        let process = statement.process.clone();
        let mut unit = self.unit(p).await?;
        let secretariat = authorize(p, Action::ManageConsultation(&process)).is_ok();
        let actor = unit
            .tx
            .find_actor(&statement.actor)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(statement.actor.to_string()))?;
        if matches!(actor.kind, ActorKind::Group | ActorKind::Individual) {
            return Err(ValidationError::CannotSpeak {
                actor: actor.code.to_string(),
                what: "the speaker of a statement (a state speaks for its group)",
            }
            .into());
        }
        if let Some(group_code) = &statement.on_behalf_of {
            let group = unit
                .tx
                .find_actor(group_code)
                .await?
                .ok_or_else(|| ValidationError::UnknownActor(group_code.to_string()))?;
            // Membership on the day it spoke: the United Kingdom spoke for
            // the European Union until 31 January 2020, not after.
            if group.kind != ActorKind::Group
                || !group.had_member_on(&actor.code, statement.delivered_on)
            {
                return Err(ValidationError::CannotSpeak {
                    actor: actor.code.to_string(),
                    what: "a speaker for a group it was not a member of on the day it spoke",
                }
                .into());
            }
            if !secretariat {
                let account = p.account_id().unwrap_or_default();
                if !unit
                    .tx
                    .is_group_speaker(&process, group_code, account)
                    .await?
                {
                    return Err(AppError::Forbidden(format!(
                        "you are not designated to speak for {group_code} in this process"
                    )));
                }
            }
        }
        if !secretariat {
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
        if actor.kind == ActorKind::StakeholderOrganisation
            && !unit.tx.is_accredited(&process, &actor.code).await?
        {
            return Err(ValidationError::NotAccredited(actor.code.to_string()).into());
        }
        let meeting = self.store.get_meeting(&process, statement.meeting).await?;
        if statement.agenda_item != 0
            && !meeting
                .agenda
                .iter()
                .any(|a| a.number == statement.agenda_item)
        {
            return Err(ValidationError::UnknownAgendaItem(statement.agenda_item).into());
        }
        // After the window, only the secretariat may file it, and it is then
        // marked "filed late" (the demo loader, recording history, is not
        // filing anything late).
        let closes = meeting.end_date + Duration::days(STATEMENT_DAYS_AFTER_MEETING);
        let late = self.today() > closes;
        if !secretariat && late {
            return Err(ValidationError::MeetingOver(meeting.end_date).into());
        }
        let entered_by = p.name();
        let id = unit
            .tx
            .insert_statement(&statement, &entered_by, unit.at)
            .await?;
        let filed_late = late && !matches!(p, Principal::System(_));
        if filed_late {
            unit.tx.mark_statement_filed_late(id).await?;
        }
        let mut languages = vec![];
        for mut text in texts {
            crate::files::flag_language(&mut text);
            if languages.contains(&text.language) {
                return Err(ValidationError::Invalid {
                    what: "statement text",
                    value: text.language.to_string(),
                    reason: "give one text per language",
                }
                .into());
            }
            languages.push(text.language);
            unit.tx
                .put_text(ItemKind::Statement, id, &text, unit.at)
                .await?;
        }
        let mut targets = vec![
            format!("statement:{id}"),
            format!("meeting:{}", statement.meeting),
            format!("actor:{}", statement.actor),
        ];
        targets.extend(languages.iter().map(|l| format!("language:{l}")));
        if filed_late {
            targets.push(format!("filed-late:{closes}"));
        }
        unit.audit("statement.add", Some(&process), targets).await?;
        unit.index_changed(IndexSubject::Item {
            process: process.clone(),
            kind: ItemKind::Statement,
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(id)
    }

    /// Adds or replaces a statement's text in a language (the secretariat,
    /// or whoever may deliver it). Typed text beside a file standing in
    /// that language is kept beside it, for the secretariat to choose
    /// (`place_text`); a text that looks like another language is flagged.
    pub async fn put_statement_text(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        mut text: ItemText,
    ) -> Result<TextStored> {
        let process = self.existing_process(process).await?;
        let mut unit = self.unit(p).await?;
        let statement = unit
            .tx
            .find_statement(id)
            .await?
            .filter(|s| s.process == process)
            .ok_or_else(|| AppError::NotFound(format!("statement {id} in '{process}'")))?;
        if authorize(p, Action::ManageConsultation(&process)).is_err() {
            let actor = unit
                .tx
                .find_actor(&statement.actor)
                .await?
                .ok_or_else(|| ValidationError::UnknownActor(statement.actor.to_string()))?;
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
        if let Some(file) = &text.file {
            unit.tx.insert_file(file, unit.at).await?;
        }
        crate::files::flag_language(&mut text);
        let placement = crate::files::store_text(&mut unit, ItemKind::Statement, id, &text).await?;
        let mut targets = vec![
            format!("statement:{id}"),
            format!("language:{}", text.language),
        ];
        if placement == TextPlacement::Beside {
            targets.push(format!("beside:{}", TextSource::File));
        }
        targets.extend(text.looks_like.map(|l| format!("looks-like:{l}")));
        unit.audit("statement.text", Some(&process), targets)
            .await?;
        unit.index_changed(IndexSubject::Item {
            process: process.clone(),
            kind: ItemKind::Statement,
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(TextStored {
            placement,
            looks_like: text.looks_like,
        })
    }

    /// Chooses which of a statement's two versions in a language stands:
    /// the typed one or the one read from a file (the secretariat of its
    /// process). The other stays readable beside it; the choice is recorded
    /// with who made it (`statement.text.choose`).
    pub async fn choose_text_version(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        language: Language,
        chosen: TextSource,
    ) -> Result<()> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let mut unit = self.unit(p).await?;
        unit.tx
            .find_statement(id)
            .await?
            .filter(|s| s.process == process)
            .ok_or_else(|| AppError::NotFound(format!("statement {id} in '{process}'")))?;
        let kind = ItemKind::Statement;
        let standing = unit.tx.find_text(kind, id, language).await?;
        let other = unit.tx.find_other_version(kind, id, language).await?;
        let swap = check_version_choice(
            language,
            standing.as_ref().map(ItemText::source),
            other.as_ref().map(|o| o.text.source()),
            chosen,
        )?;
        let (Some(standing), Some(other)) = (standing, other) else {
            return Err(ValidationError::OneVersion(language.to_string()).into());
        };
        let choice = VersionChoice {
            by: p.name(),
            at: unit.at,
        };
        if swap {
            unit.tx.put_text(kind, id, &other.text, unit.at).await?;
            unit.tx
                .put_other_version(kind, id, &standing, Some(&choice), unit.at)
                .await?;
        } else {
            unit.tx
                .put_other_version(kind, id, &other.text, Some(&choice), unit.at)
                .await?;
        }
        unit.audit(
            "statement.text.choose",
            Some(&process),
            vec![
                format!("statement:{id}"),
                format!("language:{language}"),
                format!("stands:{chosen}"),
            ],
        )
        .await?;
        if swap {
            unit.index_changed(IndexSubject::Item {
                process: process.clone(),
                kind,
                id,
            });
        }
        unit.commit().await?;
        if swap {
            self.catch_up_index().await;
        }
        Ok(())
    }

    // ---- calls for inputs and inputs -------------------------------------

    /// Opens a call for written inputs (the secretariat).
    /// Closes an open call for inputs now, with the reason (the process's
    /// secretariat); inputs sent after are refused, naming the closing and
    /// the reason. Audited (`consultation.close`).
    pub async fn close_consultation(
        &self,
        p: &Principal,
        process: &str,
        slug: &str,
        reason: &str,
    ) -> Result<()> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::ManageConsultation(&process))?;
        if reason.trim().is_empty() {
            return Err(ValidationError::Empty("reason").into());
        }
        if reason.chars().count() > 2_000 {
            return Err(ValidationError::TooLong {
                what: "reason",
                max: 2_000,
            }
            .into());
        }
        let mut unit = self.unit(p).await?;
        let now = unit.at;
        let c = call_of(&mut unit, &process, slug).await?;
        if c.closes_at.is_some_and(|end| end <= now) {
            return Err(ValidationError::Invalid {
                what: "call for inputs",
                value: c.slug.to_string(),
                reason: "is closed already",
            }
            .into());
        }
        if c.opens_at > now {
            return Err(ValidationError::Invalid {
                what: "call for inputs",
                value: c.slug.to_string(),
                reason: "has not opened yet: change its dates instead of closing it",
            }
            .into());
        }
        unit.tx
            .set_consultation_closing(&process, &c.slug, now, Some(reason.trim()))
            .await?;
        unit.audit(
            "consultation.close",
            Some(&process),
            vec![format!("consultation:{}", c.slug)],
        )
        .await?;
        unit.commit().await
    }

    /// Moves a call's closing to a later instant (the process's
    /// secretariat); a call already closed is not reopened. Audited
    /// (`consultation.extend`).
    pub async fn extend_consultation(
        &self,
        p: &Principal,
        process: &str,
        slug: &str,
        closes_at: DateTime<Utc>,
    ) -> Result<()> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::ManageConsultation(&process))?;
        let mut unit = self.unit(p).await?;
        let now = unit.at;
        let c = call_of(&mut unit, &process, slug).await?;
        match c.closes_at {
            Some(end) if end <= now => {
                return Err(ValidationError::Invalid {
                    what: "call for inputs",
                    value: c.slug.to_string(),
                    reason: "is closed already: open a new call instead",
                }
                .into())
            }
            None => {
                return Err(ValidationError::Invalid {
                    what: "call for inputs",
                    value: c.slug.to_string(),
                    reason: "has no closing date to extend",
                }
                .into())
            }
            Some(end) if closes_at <= end => {
                return Err(ValidationError::Invalid {
                    what: "closes_at",
                    value: closes_at.to_rfc3339(),
                    reason: "is not after the present closing date",
                }
                .into())
            }
            Some(_) => {}
        }
        unit.tx
            .set_consultation_closing(&process, &c.slug, closes_at, None)
            .await?;
        unit.audit(
            "consultation.extend",
            Some(&process),
            vec![format!("consultation:{}", c.slug)],
        )
        .await?;
        unit.commit().await
    }

    pub async fn open_consultation(&self, p: &Principal, c: Consultation) -> Result<()> {
        authorize(p, Action::ManageConsultation(&c.process))?;
        c.validate()?;
        let mut unit = self.unit(p).await?;
        if unit.tx.find_process(&c.process).await?.is_none() {
            return Err(AppError::NotFound(format!(
                "process '{}' does not exist",
                c.process
            )));
        }
        if unit
            .tx
            .find_consultation(&c.process, &c.slug)
            .await?
            .is_some()
        {
            return Err(ValidationError::DuplicateSlug {
                what: "consultation",
                slug: c.slug.to_string(),
            }
            .into());
        }
        unit.tx.insert_consultation(&c).await?;
        unit.audit(
            "consultation.open",
            Some(&c.process),
            vec![format!("consultation:{}", c.slug)],
        )
        .await?;
        unit.commit().await
    }

    /// Takes a written input to an open consultation from anyone (rate
    /// limited per address). It is published on receipt; the secretariat
    /// can withdraw it from publication. The language is detected when the
    /// sender does not say.
    pub async fn submit_input(&self, p: &Principal, input: NewInput, address: &str) -> Result<i64> {
        input.validate()?;
        let now = self.now();
        self.count_submission(p, &input.process, crate::access::Submission::Input, address)
            .await?;
        let mut unit = self.unit(p).await?;
        let consultation = unit
            .tx
            .find_consultation(&input.process, &input.consultation)
            .await?
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "no consultation '{}' in '{}'",
                    input.consultation, input.process
                ))
            })?;
        if !matches!(p, Principal::System(_)) && consultation.closes_at.is_some_and(|c| c <= now) {
            let reason = unit
                .tx
                .consultation_closed_reason(&input.process, &input.consultation)
                .await?;
            return Err(ValidationError::ConsultationClosed {
                title: consultation.title.clone(),
                closed: consultation
                    .closes_at
                    .map(|c| c.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default(),
                reason,
            }
            .into());
        }
        if !matches!(p, Principal::System(_)) && !consultation.is_open_at(now) {
            return Err(ValidationError::Invalid {
                what: "consultation",
                value: consultation.slug.to_string(),
                reason: "is not open for inputs now",
            }
            .into());
        }
        if let Some(country) = &input.country {
            let found = unit.tx.find_actor(country).await?;
            if !found.is_some_and(|a| a.kind.is_state()) {
                return Err(ValidationError::UnknownActor(country.to_string()).into());
            }
        }
        if let Some(external) = &input.external_id {
            if let Some(id) = unit
                .tx
                .find_input_by_external_id(&input.process, external)
                .await?
            {
                return Ok(id); // imported before: nothing changes
            }
        }
        let (language, detected) = match input.language {
            Some(l) => (l, false),
            None => match accord_ingest::detect_language(&input.text) {
                Some(d) => (d.language, true),
                None => {
                    return Err(ValidationError::Invalid {
                        what: "input language",
                        value: String::new(),
                        reason: "could not be detected: say which language the input is in",
                    }
                    .into())
                }
            },
        };
        let id = unit
            .tx
            .insert_input(&input, language, detected, Distribution::Public, unit.at)
            .await?;
        unit.audit(
            "input.submit",
            Some(&input.process),
            vec![
                format!("input:{id}"),
                format!("consultation:{}", input.consultation),
            ],
        )
        .await?;
        unit.index_changed(IndexSubject::Item {
            process: input.process.clone(),
            kind: ItemKind::Input,
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(id)
    }

    /// Marks a passage of a statement or an input as a recommendation (the
    /// secretariat); the passage must stand in the source's text.
    pub async fn mark_recommendation(&self, p: &Principal, r: NewRecommendation) -> Result<i64> {
        authorize(p, Action::ManageConsultation(&r.process))?;
        r.validate()?;
        let mut unit = self.unit(p).await?;
        let text: String = match r.source {
            ItemKind::Statement => {
                unit.tx
                    .find_statement(r.source_id)
                    .await?
                    .filter(|s| s.process == r.process)
                    .ok_or_else(|| AppError::NotFound(format!("statement {}", r.source_id)))?;
                unit.tx
                    .find_text(ItemKind::Statement, r.source_id, r.language)
                    .await?
                    .ok_or_else(|| ValidationError::Invalid {
                        what: "recommendation language",
                        value: r.language.to_string(),
                        reason: "the statement has no text in this language",
                    })?
                    .body
            }
            ItemKind::Input => {
                let input = unit
                    .tx
                    .find_input(r.source_id)
                    .await?
                    .filter(|i| i.process == r.process)
                    .ok_or_else(|| AppError::NotFound(format!("input {}", r.source_id)))?;
                if input.language != r.language {
                    return Err(ValidationError::Invalid {
                        what: "recommendation language",
                        value: r.language.to_string(),
                        reason: "the input is in another language",
                    }
                    .into());
                }
                input.text
            }
            ItemKind::Document => unreachable!("refused by validate"),
        };
        let start = r.locate(&text).ok_or(ValidationError::Invalid {
            what: "recommendation passage",
            value: r.passage.chars().take(80).collect(),
            reason: "does not stand in the source's text",
        })?;
        for theme in &r.themes {
            crate::process::theme_to_file_under(&mut *unit.tx, &r.process, theme).await?;
        }
        let id = unit
            .tx
            .insert_recommendation(&r, start, &p.name(), unit.at)
            .await?;
        let mut targets = vec![
            format!("recommendation:{id}"),
            format!("{}:{}", r.source, r.source_id),
        ];
        targets.extend(r.themes.iter().map(|t| format!("theme:{t}")));
        unit.audit("recommendation.mark", Some(&r.process), targets)
            .await?;
        unit.index_changed(IndexSubject::Recommendation {
            process: r.process.clone(),
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(id)
    }

    /// Imports a batch of inputs to a call for inputs in one unit of work
    /// (the secretariat, or an operator): each row is checked on its own — a
    /// bad row is reported with its line and the others go in; a row whose
    /// external id was imported before changes nothing. Rows are published
    /// at once, as inputs sent through the form are, and put in the search
    /// index. (A long import goes through [`App::import_input_rows`], which
    /// brings the index up to date after many batches.)
    pub async fn import_inputs(
        &self,
        p: &Principal,
        process: &str,
        consultation: &str,
        rows: Vec<(usize, NewInput)>,
    ) -> Result<ImportBatch> {
        let batch = self
            .store_inputs(p, process, consultation, rows, &mut Default::default())
            .await?;
        self.catch_up_index().await;
        Ok(batch)
    }

    /// [`App::import_inputs`] without catching up the search index (the
    /// unit records its inputs in the outbox): the caller does.
    /// `states` remembers, from one batch to the next, which countries named
    /// are member or observer states.
    pub(crate) async fn store_inputs(
        &self,
        p: &Principal,
        process: &str,
        consultation: &str,
        rows: Vec<(usize, NewInput)>,
        states: &mut KnownStates,
    ) -> Result<ImportBatch> {
        let process = self.existing_process(process).await?;
        authorize(p, Action::ManageConsultation(&process))?;
        let consultation = crate::parse_slug("consultation", consultation)?;
        let mut unit = self.unit(p).await?;
        if unit
            .tx
            .find_consultation(&process, &consultation)
            .await?
            .is_none()
        {
            return Err(AppError::NotFound(format!(
                "no consultation '{consultation}' in '{process}'"
            )));
        }
        let mut batch = ImportBatch::default();
        // Checked one by one; looked up and written together.
        let mut ready: Vec<(NewInput, accord_domain::Language, bool)> =
            Vec::with_capacity(rows.len());
        for (line, mut input) in rows {
            input.process = process.clone();
            input.consultation = consultation.clone();
            if let Err(e) = input.validate() {
                batch.rejected.push((line, e.to_string()));
                continue;
            }
            if let Some(country) = &input.country {
                let is_state = match states.get(country) {
                    Some(&known) => known,
                    None => {
                        let known = unit
                            .tx
                            .find_actor(country)
                            .await?
                            .is_some_and(|a| a.kind.is_state());
                        states.insert(country.clone(), known);
                        known
                    }
                };
                if !is_state {
                    batch.rejected.push((
                        line,
                        ValidationError::UnknownActor(country.to_string()).to_string(),
                    ));
                    continue;
                }
            }
            let (language, detected) = match input.language {
                Some(l) => (l, false),
                None => match accord_ingest::detect_language(&input.text) {
                    Some(found) => (found.language, true),
                    None => {
                        batch.rejected.push((
                            line,
                            "the language could not be detected: give it in a language column"
                                .into(),
                        ));
                        continue;
                    }
                },
            };
            ready.push((input, language, detected));
        }
        // Rows whose external id was imported before (or earlier in this
        // batch) change nothing.
        let externals: Vec<&str> = ready
            .iter()
            .filter_map(|(i, _, _)| i.external_id.as_deref())
            .collect();
        let mut seen: std::collections::HashSet<String> = unit
            .tx
            .existing_external_ids(&process, &externals)
            .await?
            .into_iter()
            .collect();
        let mut new: Vec<(&NewInput, accord_domain::Language, bool)> =
            Vec::with_capacity(ready.len());
        for (input, language, detected) in &ready {
            if let Some(external) = &input.external_id {
                if !seen.insert(external.clone()) {
                    batch.unchanged += 1;
                    continue;
                }
            }
            new.push((input, *language, *detected));
        }
        let ids = unit
            .tx
            .insert_inputs(&new, Distribution::Public, unit.at)
            .await?;
        batch.imported = ids.len();
        let (first, last) = (ids.iter().min().copied(), ids.iter().max().copied());
        if batch.imported > 0 {
            let mut targets = vec![
                format!("consultation:{consultation}"),
                format!("imported:{}", batch.imported),
            ];
            targets.extend(first.map(|id| format!("first_input:{id}")));
            targets.extend(last.map(|id| format!("last_input:{id}")));
            unit.audit("inputs.import", Some(&process), targets).await?;
        }
        if let (Some(first), Some(last)) = (first, last) {
            unit.index_changed(IndexSubject::Inputs {
                process: process.clone(),
                first,
                last,
            });
        }
        unit.commit().await?;
        Ok(batch)
    }
}

/// A call for inputs of `process`, or "not found".
async fn call_of(u: &mut Unit<'_>, process: &Slug, slug: &str) -> Result<Consultation> {
    let slug = parse_slug("call for inputs", slug)?;
    u.tx.find_consultation(process, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no call for inputs '{slug}' in '{process}'")))
}
