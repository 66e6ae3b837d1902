//! Stakeholder accreditation and meeting registration.

use crate::policy::{authorize, Action, Principal};
use crate::{App, AppError, Result};
use accord_domain::{
    AccreditationOutcome, AccreditationStatus, Actor, ActorCode, ActorKind, Application,
    BodyDecision, DecidingBody, NewApplication, Objection, Slug, ValidationError,
};
use accord_store::{ApplicationDecision, Participant};
use chrono::{Duration, NaiveDate};

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

/// The application of that number, if it is one of `process`'s; an
/// application of another process is "not found" (its number says nothing).
async fn application_of(
    unit: &mut crate::Unit<'_>,
    process: &Slug,
    id: i64,
) -> Result<Application> {
    unit.tx
        .find_application(id)
        .await?
        .filter(|a| &a.process == process)
        .ok_or_else(|| AppError::NotFound(format!("application {id} does not exist")))
}

/// A deciding body's decision on a referred application, as the secretariat
/// records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedBodyDecision {
    pub outcome: AccreditationOutcome,
    /// The day the body decided.
    pub date: NaiveDate,
    /// The meeting of the process at which it decided.
    pub meeting: Option<i64>,
    /// The decision's symbol or other reference.
    pub reference: Option<String>,
    pub note: String,
}

/// Writes a decision (the secretariat's, or a deciding body's as recorded):
/// on approval the organisation becomes a stakeholder actor, `ORG-{id}`.
async fn settle(
    unit: &mut crate::Unit<'_>,
    found: &Application,
    status: AccreditationStatus,
    note: String,
    body_decision: Option<BodyDecision>,
) -> Result<Option<ActorCode>> {
    let actor = if status == AccreditationStatus::Approved {
        let code = ActorCode::new(format!("ORG-{}", found.id))?;
        let mut org = Actor::new(
            code.clone(),
            ActorKind::StakeholderOrganisation,
            found.application.name.clone(),
        );
        org.official_name = None;
        crate::create_actor(unit, &org).await?;
        Some(code)
    } else {
        None
    };
    let decision = ApplicationDecision {
        status,
        at: unit.at,
        by: unit.principal.account_id(),
        note,
        actor: actor.clone(),
        body_decision,
    };
    unit.tx.decide_application(found.id, &decision).await?;
    Ok(actor)
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

    /// Names the body that decides the applications member states object
    /// to (the plenary unless named). An application already referred
    /// stays with the body it went to.
    pub async fn set_deciding_body(
        &self,
        p: &Principal,
        process: &str,
        body: DecidingBody,
    ) -> Result<()> {
        let process = slug(process)?;
        authorize(p, Action::EditProcess(&process))?;
        let mut unit = self.unit(p).await?;
        crate::require_process(&mut *unit.tx, &process).await?;
        unit.tx.set_deciding_body(&process, body).await?;
        unit.audit(
            "accreditation.deciding-body",
            Some(&process),
            vec![format!("body:{body}")],
        )
        .await?;
        unit.commit().await
    }

    /// The body that decides objected applications in a process, by its
    /// rules (public, as the rules are).
    pub async fn deciding_body(&self, process: &str) -> Result<DecidingBody> {
        let process = self.existing_process(process).await?;
        Ok(self
            .store
            .deciding_body(&process)
            .await?
            .unwrap_or_default())
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
        self.count_submission(p, &process, crate::access::Submission::Application, address)
            .await?;
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
            referred_to: None,
            decided_at: None,
            decision_note: None,
            body_decision: None,
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

    /// A member state objects, within the no-objection period. The first
    /// objection refers the application to the body the process's rules
    /// name: from then on only that body decides it.
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
        let found = application_of(&mut unit, &process, application).await?;
        if unit.tx.find_actor(&state).await?.map(|a| a.kind) != Some(ActorKind::MemberState) {
            return Err(ValidationError::CannotSpeak {
                actor: state.to_string(),
                what: "a member state",
            }
            .into());
        }
        found.check_objection(&state, unit.at)?;
        let objection = Objection {
            state: state.clone(),
            account: p.account_id().unwrap_or_default(),
            at: unit.at,
            reason,
        };
        unit.tx.insert_objection(application, &objection).await?;
        let mut touched = vec![
            format!("application:{application}"),
            format!("actor:{state}"),
        ];
        if found.referred_to.is_none() {
            let body = unit.tx.deciding_body(&process).await?.unwrap_or_default();
            unit.tx.refer_application(application, body).await?;
            touched.push(format!("referred-to:{body}"));
        }
        unit.audit("accreditation.object", Some(&process), touched)
            .await?;
        unit.commit().await
    }

    /// The secretariat approves or rejects on the no-objection basis, once
    /// the period is over; an application a member state objected to is the
    /// deciding body's (`objection_pending_decision`). An approved
    /// organisation becomes a stakeholder actor of the process.
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
        let found = application_of(&mut unit, &process, application).await?;
        found.check_secretariat_decision(unit.at)?;
        let status = if approve {
            AccreditationStatus::Approved
        } else {
            AccreditationStatus::Rejected
        };
        let actor = settle(&mut unit, &found, status, decision_note, None).await?;
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

    /// The secretariat records the deciding body's decision on a referred
    /// application: the body it was referred to, the day, the meeting of
    /// the process (if named), the outcome, the reference. Once per
    /// application; never for one nobody objected to (`not_referred`).
    pub async fn record_body_decision(
        &self,
        p: &Principal,
        process: &str,
        application: i64,
        decision: RecordedBodyDecision,
    ) -> Result<Option<ActorCode>> {
        let process = slug(process)?;
        authorize(p, Action::EditProcess(&process))?;
        let decision_note = note("decision note", &decision.note, 2000)?;
        let reference = match decision.reference.as_deref().map(str::trim) {
            Some(r) if r.chars().count() > BodyDecision::MAX_REFERENCE => {
                return Err(ValidationError::TooLong {
                    what: "reference",
                    max: BodyDecision::MAX_REFERENCE,
                }
                .into())
            }
            Some("") | None => None,
            Some(r) => Some(r.to_owned()),
        };
        let mut unit = self.unit(p).await?;
        let found = application_of(&mut unit, &process, application).await?;
        let meeting = match decision.meeting {
            Some(id) => Some(self.meeting_of(&mut unit, &process, id).await?),
            None => None,
        };
        found.check_body_decision(
            decision.date,
            meeting.as_ref().map(|m| (m.start_date, m.end_date)),
            unit.at,
        )?;
        let body = found.referred_to.ok_or(ValidationError::NotReferred)?;
        let status = decision.outcome.status();
        let body_decision = BodyDecision {
            body,
            date: decision.date,
            meeting: decision.meeting,
            reference,
        };
        let actor = settle(
            &mut unit,
            &found,
            status,
            decision_note,
            Some(body_decision),
        )
        .await?;
        let mut touched = vec![
            format!("application:{application}"),
            format!("status:{status}"),
            format!("body:{body}"),
            format!("date:{}", decision.date),
        ];
        touched.extend(decision.meeting.map(|m| format!("meeting:{m}")));
        unit.audit("accreditation.body-decision", Some(&process), touched)
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
