//! Stakeholder accreditation and meeting registration.

use crate::policy::{authorize, Action, Principal};
use crate::{App, AppError, Result};
use accord_domain::{
    AccreditationStatus, Actor, ActorCode, ActorKind, Application, NewApplication, Objection, Slug,
    ValidationError,
};
use accord_store::Participant;
use chrono::Duration;

/// The no-objection period when the secretariat has set none.
pub const DEFAULT_OBJECTION_DAYS: i64 = 10;

fn slug(s: &str) -> Result<Slug> {
    Slug::new(s).map_err(|_| {
        AppError::NotFound(format!(
            "process '{}' does not exist",
            s.chars().take(64).collect::<String>()
        ))
    })
}

fn note(what: &'static str, text: &str, max: usize) -> Result<String> {
    if text.chars().count() > max {
        return Err(ValidationError::TooLong { what, max }.into());
    }
    Ok(text.trim().to_owned())
}

impl App {
    /// Sets how many days member states have to object to an application.
    pub async fn set_objection_days(&self, p: &Principal, process: &str, days: i64) -> Result<()> {
        let process = slug(process)?;
        authorize(p, Action::EditProcess(&process))?;
        if !(0..=90).contains(&days) {
            return Err(AppError::BadRequest(format!(
                "the no-objection period is 0 to 90 days, not {days}"
            )));
        }
        let mut unit = self.unit(p).await?;
        crate::require_process(&mut *unit.tx, &process).await?;
        unit.tx.set_objection_days(&process, days).await?;
        unit.audit(
            "accreditation.period",
            Some(&process),
            vec![format!("days:{days}")],
        )
        .await?;
        unit.commit().await
    }

    /// An organisation applies for accreditation (anyone may apply).
    pub async fn apply_for_accreditation(
        &self,
        p: &Principal,
        process: &str,
        new: NewApplication,
        address: &str,
    ) -> Result<i64> {
        let process = slug(process)?;
        new.validate()?;
        // The process's secretariat enters applications received on paper.
        self.count_submission(p, &process, crate::access::Submission::Application, address)?;
        let mut unit = self.unit(p).await?;
        crate::require_process(&mut *unit.tx, &process).await?;
        match unit.tx.find_actor(&new.country).await? {
            Some(a) if a.kind.is_state() => {}
            _ => return Err(ValidationError::UnknownActor(new.country.to_string()).into()),
        }
        let days = unit
            .tx
            .objection_days(&process)
            .await?
            .unwrap_or(DEFAULT_OBJECTION_DAYS);
        let application = Application {
            id: 0,
            process: process.clone(),
            application: NewApplication {
                name: new.name.trim().to_owned(),
                website: new.website.trim().to_owned(),
                description: new.description.trim().to_owned(),
                ..new
            },
            applied_at: unit.at,
            objection_deadline: unit.at + Duration::days(days),
            status: AccreditationStatus::Pending,
            decided_at: None,
            decision_note: None,
            actor: None,
            objections: vec![],
        };
        let id = unit.tx.insert_application(&application).await?;
        unit.audit(
            "accreditation.apply",
            Some(&process),
            vec![format!("application:{id}")],
        )
        .await?;
        unit.commit().await?;
        Ok(id)
    }

    /// The applications to a process, for the secretariat and delegations.
    pub async fn applications(&self, p: &Principal, process: &str) -> Result<Vec<Application>> {
        let process = slug(process)?;
        authorize(p, Action::ReviewAccreditation(&process))?;
        self.existing_process(process.as_str()).await?;
        Ok(self.store.list_applications(&process).await?)
    }

    /// A member state objects, within the no-objection period.
    pub async fn object_to_accreditation(
        &self,
        p: &Principal,
        process: &str,
        application: i64,
        state: &str,
        reason: &str,
    ) -> Result<()> {
        let process = slug(process)?;
        let state = ActorCode::new(state)?;
        authorize(
            p,
            Action::ObjectToAccreditation {
                process: &process,
                state: &state,
            },
        )?;
        let reason = note("reason", reason, 2000)?;
        if reason.is_empty() {
            return Err(ValidationError::Empty("reason").into());
        }
        let mut unit = self.unit(p).await?;
        let found = unit
            .tx
            .find_application(application)
            .await?
            .filter(|a| a.process == process)
            .ok_or_else(|| {
                AppError::NotFound(format!("application {application} does not exist"))
            })?;
        if unit.tx.find_actor(&state).await?.map(|a| a.kind) != Some(ActorKind::MemberState) {
            return Err(ValidationError::CannotSpeak {
                actor: state.to_string(),
                what: "a member state",
            }
            .into());
        }
        if found.status != AccreditationStatus::Pending {
            return Err(ValidationError::AlreadyDecided(found.status.to_string()).into());
        }
        if unit.at >= found.objection_deadline {
            return Err(ValidationError::ObjectionPeriodOver(
                found.objection_deadline.to_rfc3339(),
            )
            .into());
        }
        if found.objections.iter().any(|o| o.state == state) {
            return Err(ValidationError::AlreadyObjected(state.to_string()).into());
        }
        let objection = Objection {
            state: state.clone(),
            account: p.account_id().unwrap_or_default(),
            at: unit.at,
            reason,
        };
        unit.tx.insert_objection(application, &objection).await?;
        unit.audit(
            "accreditation.object",
            Some(&process),
            vec![
                format!("application:{application}"),
                format!("actor:{state}"),
            ],
        )
        .await?;
        unit.commit().await
    }

    /// The secretariat approves or rejects, once the period is over. An
    /// approved organisation becomes a stakeholder actor of the process.
    pub async fn decide_accreditation(
        &self,
        p: &Principal,
        process: &str,
        application: i64,
        approve: bool,
        decision_note: &str,
    ) -> Result<Option<ActorCode>> {
        let process = slug(process)?;
        authorize(p, Action::EditProcess(&process))?;
        let decision_note = note("decision note", decision_note, 2000)?;
        let mut unit = self.unit(p).await?;
        let found = unit
            .tx
            .find_application(application)
            .await?
            .filter(|a| a.process == process)
            .ok_or_else(|| {
                AppError::NotFound(format!("application {application} does not exist"))
            })?;
        if found.status != AccreditationStatus::Pending {
            return Err(ValidationError::AlreadyDecided(found.status.to_string()).into());
        }
        if unit.at < found.objection_deadline {
            return Err(ValidationError::ObjectionPeriodRunning(
                found.objection_deadline.to_rfc3339(),
            )
            .into());
        }
        let actor = if approve {
            let code = ActorCode::new(format!("ORG-{application}"))?;
            let mut org = Actor::new(
                code.clone(),
                ActorKind::StakeholderOrganisation,
                found.application.name.clone(),
            );
            org.official_name = None;
            crate::create_actor(&mut unit, &org).await?;
            Some(code)
        } else {
            None
        };
        let status = if approve {
            AccreditationStatus::Approved
        } else {
            AccreditationStatus::Rejected
        };
        unit.tx
            .decide_application(
                application,
                status,
                unit.at,
                p.account_id(),
                &decision_note,
                actor.as_ref(),
            )
            .await?;
        unit.audit(
            "accreditation.decide",
            Some(&process),
            vec![
                format!("application:{application}"),
                format!("status:{status}"),
            ],
        )
        .await?;
        unit.commit().await?;
        Ok(actor)
    }

    /// A delegate or an accredited stakeholder registers for a meeting, for
    /// the actor they represent in the process.
    pub async fn register_for_meeting(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
    ) -> Result<()> {
        let process = slug(process)?;
        authorize(p, Action::RegisterForMeeting(&process))?;
        let actor = p
            .acting_for(Some(&process))
            .ok_or_else(|| AppError::Forbidden("you represent no actor in this process".into()))?;
        let the_meeting = self.store.get_meeting(&process, meeting).await?;
        if the_meeting.end_date < self.today() {
            return Err(ValidationError::MeetingOver(the_meeting.end_date).into());
        }
        let account = p.account_id().unwrap_or_default();
        let mut unit = self.unit(p).await?;
        if unit.tx.is_registered(meeting, account).await? {
            return Err(ValidationError::AlreadyRegistered(p.by()).into());
        }
        unit.tx
            .insert_registration(meeting, account, &actor, unit.at)
            .await?;
        unit.audit(
            "meeting.register",
            Some(&process),
            vec![format!("meeting:{meeting}"), format!("account:{account}")],
        )
        .await?;
        unit.commit().await
    }

    /// Who registered for a meeting.
    pub async fn participants(
        &self,
        process: &str,
        meeting: i64,
    ) -> Result<Vec<(Participant, Actor)>> {
        let process = slug(process)?;
        self.store.get_meeting(&process, meeting).await?;
        let mut out = vec![];
        for participant in self.store.list_participants(meeting).await? {
            let actor = self.store.get_actor(&participant.actor).await?;
            out.push((participant, actor));
        }
        Ok(out)
    }
}
