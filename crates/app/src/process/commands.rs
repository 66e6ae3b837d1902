//! Processes, their phases, themes, meetings and documents, and the actors: the commands (writes).

use super::*;
use accord_store::IndexSubject;

impl crate::App {
    pub async fn create_actor(&self, p: &Principal, actor: Actor) -> Result<()> {
        authorize(p, Action::ManageActors)?;
        let mut unit = self.unit(p).await?;
        create_actor(&mut unit, &actor).await?;
        unit.index_changed(IndexSubject::Actor(actor.code.clone()));
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(())
    }

    pub async fn create_process(&self, p: &Principal, process: Process) -> Result<()> {
        authorize(p, Action::CreateProcess)?;
        let mut unit = self.unit(p).await?;
        create_process(&mut unit, &process).await?;
        unit.commit().await
    }

    /// Corrects what a process holds (the process's secretariat): its
    /// title and the title's translations, description, mandate, official
    /// languages, officers, meeting kinds and record resolver; its slug
    /// stays. A kind of meeting the process has meetings of stays. Kept in
    /// the process's history (`record_changes`, subject `process`) and
    /// audited (`process.edit`). Returns the change recorded.
    pub async fn edit_process(
        &self,
        p: &Principal,
        process: &str,
        edit: ProcessEdit,
        reason: Option<String>,
    ) -> Result<RecordChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let current =
            unit.tx.find_process(&process).await?.ok_or_else(|| {
                AppError::NotFound(format!("the process '{process}' does not exist"))
            })?;
        let (next, changes) = current.edited(edit)?;
        require_actors(&mut *unit.tx, next.referenced_actors()).await?;
        for kind in unit.tx.meeting_kinds_in_use(&process).await? {
            if !next.meeting_kinds.contains(&kind) {
                return Err(ValidationError::MeetingKindInUse(kind.to_string()).into());
            }
        }
        unit.tx.update_process(&next).await?;
        let change = RecordChange {
            subject: "process".into(),
            kind: ChangeKind::Edited,
            at: unit.at,
            by: unit.principal.name(),
            reason: reason
                .filter(|r| !r.trim().is_empty())
                .map(|r| r.trim().to_owned()),
            changes,
        };
        unit.tx.insert_record_change(&process, &change).await?;
        unit.audit(
            "process.edit",
            Some(&process),
            vec![format!("process:{process}")],
        )
        .await?;
        unit.commit().await?;
        Ok(change)
    }

    pub async fn add_phase(&self, p: &Principal, phase: Phase) -> Result<()> {
        authorize(p, Action::EditProcess(&phase.process))?;
        let mut unit = self.unit(p).await?;
        add_phase(&mut unit, &phase).await?;
        unit.commit().await
    }

    /// Records a decision of the secretariat on a phase of its process:
    /// opened, extended or closed, with the day it takes effect. Dates are
    /// the plan, decisions are the fact: the phase runs by the decision
    /// from then on. Kept in the phase's history and audited; returns the
    /// change recorded.
    pub async fn decide_phase(
        &self,
        p: &Principal,
        process: &str,
        kind: PhaseKind,
        decision: PhaseDecision,
        reason: Option<String>,
    ) -> Result<PhaseChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let phase = phase_of(&mut unit, &process, kind).await?;
        let reason = reason.filter(|r| !r.trim().is_empty());
        let (next, change_kind, changes) =
            phase.decided(decision, reason.as_deref(), self.today())?;
        let change = record_phase_change(&mut unit, &next, change_kind, reason, changes).await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Changes the plan of a phase (its planned dates and note), with the
    /// reason: a correction, or a phase moved before it opens. The
    /// decisions taken on it stay. Kept in its history and audited.
    pub async fn replan_phase(
        &self,
        p: &Principal,
        process: &str,
        kind: PhaseKind,
        plan: PhasePlan,
        reason: &str,
    ) -> Result<PhaseChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let phase = phase_of(&mut unit, &process, kind).await?;
        let (next, changes) = phase.replanned(plan.start_date, plan.end_date, plan.note, reason)?;
        let change = record_phase_change(
            &mut unit,
            &next,
            PhaseChangeKind::Replanned,
            Some(reason.trim().into()),
            changes,
        )
        .await?;
        unit.commit().await?;
        Ok(change)
    }

    pub async fn add_theme(&self, p: &Principal, theme: Theme) -> Result<()> {
        authorize(p, Action::EditProcess(&theme.process))?;
        let mut unit = self.unit(p).await?;
        add_theme(&mut unit, &theme).await?;
        unit.commit().await
    }

    /// Edits a theme (the process's secretariat): its title and number;
    /// its code and taxonomy stay. Kept in the theme's history
    /// (`record_changes`, subject `theme:{code}`) and audited
    /// (`theme.edit`); a withdrawn theme takes no change.
    pub async fn edit_theme(
        &self,
        p: &Principal,
        process: &str,
        code: &str,
        edit: ThemeEdit,
        reason: Option<String>,
    ) -> Result<RecordChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let theme = theme_of(&mut unit, &process, code).await?;
        let (next, changes) = theme.edited(&edit)?;
        let reason = reason
            .filter(|r| !r.trim().is_empty())
            .map(|r| r.trim().to_owned());
        let change =
            record_theme_change(&mut unit, &next, ChangeKind::Edited, reason, changes).await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Withdraws a theme, with the reason (the process's secretariat):
    /// nothing new is filed under it (`theme_withdrawn`) and it leaves the
    /// lists offered for choosing; what was filed under it keeps it, marked
    /// withdrawn. Kept in its history and audited (`theme.withdraw`).
    pub async fn withdraw_theme(
        &self,
        p: &Principal,
        process: &str,
        code: &str,
        reason: &str,
    ) -> Result<RecordChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let theme = theme_of(&mut unit, &process, code).await?;
        let (next, changes) = theme.withdrawn(reason)?;
        let change = record_theme_change(
            &mut unit,
            &next,
            ChangeKind::Withdrawn,
            Some(reason.trim().into()),
            changes,
        )
        .await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Records a meeting; returns its id.
    pub async fn add_meeting(&self, p: &Principal, meeting: NewMeeting) -> Result<i64> {
        authorize(p, Action::EditProcess(&meeting.process))?;
        let mut unit = self.unit(p).await?;
        let id = add_meeting(&mut unit, &meeting).await?;
        unit.index_changed(IndexSubject::Meeting {
            process: meeting.process.clone(),
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(id)
    }

    /// Edits a meeting's title (and its translations), dates, venue, agenda and note (the
    /// process's secretariat); the change is kept in the meeting's history
    /// and audited. An agenda item that statements or inscriptions are
    /// filed under cannot be removed. Returns the change recorded.
    pub async fn edit_meeting(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        edit: MeetingEdit,
        reason: Option<String>,
    ) -> Result<MeetingChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let meeting = meeting_of(&mut unit, &process, id).await?;
        let (next, changes) = meeting.edited(&edit)?;
        require_actors(&mut *unit.tx, next.referenced_actors()).await?;
        for number in unit.tx.agenda_items_in_use(id).await? {
            if !next.agenda.iter().any(|a| a.number == number) {
                return Err(ValidationError::AgendaItemInUse(number).into());
            }
        }
        let reason = reason.filter(|r| !r.trim().is_empty());
        let change =
            record_meeting_change(&mut unit, &next, MeetingChangeKind::Edited, reason, changes)
                .await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Moves a meeting to new dates, with the reason (the process's
    /// secretariat): a postponement when it starts later, a rescheduling
    /// otherwise. Kept in the history and audited.
    pub async fn reschedule_meeting(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        start_date: NaiveDate,
        end_date: NaiveDate,
        reason: &str,
    ) -> Result<MeetingChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let meeting = meeting_of(&mut unit, &process, id).await?;
        let (next, kind, changes) = meeting.rescheduled(start_date, end_date, reason)?;
        let change =
            record_meeting_change(&mut unit, &next, kind, Some(reason.trim().into()), changes)
                .await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Cancels a meeting, with the reason (the process's secretariat). The
    /// meeting stays, marked cancelled, with its history; audited.
    pub async fn cancel_meeting(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        reason: &str,
    ) -> Result<MeetingChange> {
        self.change_meeting_status(p, process, id, reason, MeetingChangeKind::Cancelled)
            .await
    }

    /// Reinstates a cancelled meeting, on the dates it has, with the
    /// reason (the process's secretariat); kept in its history and audited
    /// (`meeting.reinstate`).
    pub async fn reinstate_meeting(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        reason: &str,
    ) -> Result<MeetingChange> {
        self.change_meeting_status(p, process, id, reason, MeetingChangeKind::Reinstated)
            .await
    }

    /// Cancels or reinstates a meeting, with the reason: one command, two
    /// directions (`Meeting::cancelled`, `Meeting::reinstated`).
    async fn change_meeting_status(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        reason: &str,
        kind: MeetingChangeKind,
    ) -> Result<MeetingChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let meeting = meeting_of(&mut unit, &process, id).await?;
        let (next, changes) = if kind == MeetingChangeKind::Cancelled {
            meeting.cancelled(reason)?
        } else {
            meeting.reinstated(reason)?
        };
        let change =
            record_meeting_change(&mut unit, &next, kind, Some(reason.trim().into()), changes)
                .await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Edits a document's metadata (the process's secretariat): symbol,
    /// title, kind, date, languages, distribution, embargo, meeting. Kept
    /// in the document's history and audited (`document.edit`); a withdrawn
    /// document takes no change.
    pub async fn edit_document(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        edit: DocumentEdit,
        reason: Option<String>,
    ) -> Result<RecordChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let document = document_of(&mut unit, &process, id).await?;
        let (next, changes) = document.edited(&edit)?;
        if let Some(symbol) = &next.symbol {
            match unit.tx.find_document_by_symbol(symbol).await? {
                Some(other) if other.id != id => {
                    return Err(ValidationError::DuplicateSymbol(symbol.to_string()).into())
                }
                _ => {}
            }
        }
        let reason = reason.filter(|r| !r.trim().is_empty());
        let change =
            record_document_change(&mut unit, &next, ChangeKind::Edited, reason, changes).await?;
        unit.index_changed(IndexSubject::Item {
            process: process.clone(),
            kind: ItemKind::Document,
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(change)
    }

    /// Withdraws a document, with the reason (the process's secretariat):
    /// it stays readable by those who may see it, marked withdrawn with the
    /// reason, and leaves the lists. Kept in its history and audited
    /// (`document.withdraw`).
    pub async fn withdraw_document(
        &self,
        p: &Principal,
        process: &str,
        id: i64,
        reason: &str,
    ) -> Result<RecordChange> {
        let process = parse_slug("process", process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        let document = document_of(&mut unit, &process, id).await?;
        let (next, changes) = document.withdrawn(reason)?;
        let change = record_document_change(
            &mut unit,
            &next,
            ChangeKind::Withdrawn,
            Some(reason.trim().into()),
            changes,
        )
        .await?;
        unit.commit().await?;
        Ok(change)
    }

    /// Records document metadata; returns its id.
    pub async fn add_document(&self, p: &Principal, document: NewDocument) -> Result<i64> {
        authorize(p, Action::EditProcess(&document.process))?;
        let mut unit = self.unit(p).await?;
        let id = add_document(&mut unit, &document).await?;
        unit.index_changed(IndexSubject::Item {
            process: document.process.clone(),
            kind: ItemKind::Document,
            id,
        });
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(id)
    }

    /// Loads a process described in full, in one unit of work: all of it,
    /// or nothing. What is already stored (by code or slug) is left as it
    /// is and counted as existing, so loading twice changes nothing.
    pub async fn load_process_description(
        &self,
        p: &Principal,
        data: &ProcessDescription,
    ) -> Result<LoadReport> {
        authorize(p, Action::CreateProcess)?;
        authorize(p, Action::ManageActors)?;
        let mut report = LoadReport::default();
        let mut unit = self.unit(p).await?;
        // States first, then groups, which refer to them.
        let (groups, others): (Vec<&Actor>, Vec<&Actor>) =
            data.actors.iter().partition(|a| a.kind.is_group());
        for actor in others.into_iter().chain(groups) {
            if unit.tx.find_actor(&actor.code).await?.is_some() {
                report.existing.actors += 1;
            } else {
                create_actor(&mut unit, actor).await?;
                report.created.actors += 1;
            }
        }
        if unit.tx.find_process(&data.process.slug).await?.is_some() {
            report.existing.processes += 1;
        } else {
            create_process(&mut unit, &data.process).await?;
            report.created.processes += 1;
        }
        for phase in &data.phases {
            if unit
                .tx
                .find_phase(&phase.process, phase.kind)
                .await?
                .is_some()
            {
                report.existing.phases += 1;
            } else {
                add_phase(&mut unit, phase).await?;
                report.created.phases += 1;
            }
        }
        for theme in &data.themes {
            if unit
                .tx
                .find_theme(&theme.process, &theme.code)
                .await?
                .is_some()
            {
                report.existing.themes += 1;
            } else {
                add_theme(&mut unit, theme).await?;
                report.created.themes += 1;
            }
        }
        for meeting in &data.meetings {
            if unit
                .tx
                .find_meeting(&meeting.process, &meeting.slug)
                .await?
                .is_some()
            {
                report.existing.meetings += 1;
            } else {
                add_meeting(&mut unit, meeting).await?;
                report.created.meetings += 1;
            }
        }
        for document in &data.documents {
            if unit
                .tx
                .find_document(&document.process, &document.slug)
                .await?
                .is_some()
            {
                report.existing.documents += 1;
            } else {
                add_document(&mut unit, document).await?;
                report.created.documents += 1;
            }
        }
        if report.created.total() > 0 {
            // The documents become searchable (their titles): the index is
            // rebuilt, as the load may have touched anything.
            unit.index_changed(IndexSubject::Rebuild);
        }
        unit.commit().await?;
        self.catch_up_index().await;
        Ok(report)
    }
}

/// A meeting of `process`, for a change: "not found" when it is another
/// process's.
async fn meeting_of(u: &mut Unit<'_>, process: &Slug, id: i64) -> Result<Meeting> {
    match u.tx.meeting_by_id(id).await? {
        Some(m) if &m.process == process => Ok(m),
        _ => Err(AppError::NotFound(format!(
            "meeting {id} in '{process}' does not exist"
        ))),
    }
}

/// The phase of `kind` of a process, or `NotFound` naming it.
async fn phase_of(u: &mut Unit<'_>, process: &Slug, kind: PhaseKind) -> Result<Phase> {
    u.tx.find_phase(process, kind)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("the process '{process}' has no {kind} phase")))
}

/// Writes the changed phase, its history entry and the audit entry.
async fn record_phase_change(
    u: &mut Unit<'_>,
    next: &Phase,
    kind: PhaseChangeKind,
    reason: Option<String>,
    changes: Vec<FieldChange>,
) -> Result<PhaseChange> {
    u.tx.update_phase(next).await?;
    let change = PhaseChange {
        process: next.process.clone(),
        phase: next.kind,
        kind,
        at: u.at,
        by: u.principal.name(),
        reason,
        changes,
    };
    u.tx.insert_phase_change(&change).await?;
    let action = match kind {
        PhaseChangeKind::Opened => "phase.open",
        PhaseChangeKind::Extended => "phase.extend",
        PhaseChangeKind::Closed => "phase.close",
        PhaseChangeKind::Replanned => "phase.replan",
    };
    u.audit(
        action,
        Some(&next.process),
        vec![format!("phase:{}", next.kind)],
    )
    .await?;
    Ok(change)
}

/// Writes the changed meeting, its history entry and the audit entry.
async fn record_meeting_change(
    u: &mut Unit<'_>,
    next: &Meeting,
    kind: MeetingChangeKind,
    reason: Option<String>,
    changes: Vec<FieldChange>,
) -> Result<MeetingChange> {
    u.tx.update_meeting(next).await?;
    let change = MeetingChange {
        meeting: next.id,
        kind,
        at: u.at,
        by: u.principal.name(),
        reason,
        changes,
    };
    u.tx.insert_meeting_change(&change).await?;
    let action = match kind {
        MeetingChangeKind::Edited => "meeting.edit",
        MeetingChangeKind::Postponed => "meeting.postpone",
        MeetingChangeKind::Rescheduled => "meeting.reschedule",
        MeetingChangeKind::Cancelled => "meeting.cancel",
        MeetingChangeKind::Reinstated => "meeting.reinstate",
    };
    u.audit(
        action,
        Some(&next.process),
        vec![format!("meeting:{}", next.id)],
    )
    .await?;
    Ok(change)
}

/// A document of `process`, for a change: "not found" when it is another
/// process's.
async fn document_of(u: &mut Unit<'_>, process: &Slug, id: i64) -> Result<Document> {
    u.tx.document_by_id(process, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("document {id} in '{process}' does not exist")))
}

/// Writes the changed document, its history entry and the audit entry.
async fn record_document_change(
    u: &mut Unit<'_>,
    next: &Document,
    kind: ChangeKind,
    reason: Option<String>,
    changes: Vec<FieldChange>,
) -> Result<RecordChange> {
    let meeting = match &next.meeting {
        None => None,
        Some(slug) => Some(
            u.tx.find_meeting(&next.process, slug)
                .await?
                .ok_or_else(|| ValidationError::UnknownMeeting(slug.to_string()))?
                .id,
        ),
    };
    u.tx.update_document(next, meeting).await?;
    let subject = format!("document:{}", next.id);
    let change = RecordChange {
        subject: subject.clone(),
        kind,
        at: u.at,
        by: u.principal.name(),
        reason,
        changes,
    };
    u.tx.insert_record_change(&next.process, &change).await?;
    let action = match kind {
        ChangeKind::Edited => "document.edit",
        ChangeKind::Withdrawn => "document.withdraw",
    };
    u.audit(action, Some(&next.process), vec![subject]).await?;
    Ok(change)
}

/// A theme of `process`, for a change: "not found" when the process has
/// no theme of that code (another process's theme is not this one).
async fn theme_of(u: &mut Unit<'_>, process: &Slug, code: &str) -> Result<Theme> {
    let not_found = || AppError::NotFound(format!("theme '{code}' in '{process}' does not exist"));
    let code: Slug = code.parse().map_err(|_| not_found())?;
    u.tx.find_theme(process, &code).await?.ok_or_else(not_found)
}

/// Writes the changed theme, its history entry and the audit entry.
async fn record_theme_change(
    u: &mut Unit<'_>,
    next: &Theme,
    kind: ChangeKind,
    reason: Option<String>,
    changes: Vec<FieldChange>,
) -> Result<RecordChange> {
    u.tx.update_theme(next).await?;
    let subject = format!("theme:{}", next.code);
    let change = RecordChange {
        subject: subject.clone(),
        kind,
        at: u.at,
        by: u.principal.name(),
        reason,
        changes,
    };
    u.tx.insert_record_change(&next.process, &change).await?;
    let action = match kind {
        ChangeKind::Edited => "theme.edit",
        ChangeKind::Withdrawn => "theme.withdraw",
    };
    u.audit(action, Some(&next.process), vec![subject]).await?;
    Ok(change)
}
