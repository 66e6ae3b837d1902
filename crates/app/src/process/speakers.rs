//! Delegations, group speakers and speakers' lists.

use crate::policy::{authorize, Action, Principal};
use crate::{App, AppError, Result};
use accord_domain::{
    check_person_name, speaking_order, Actor, ActorCode, ActorKind, Email, Inscription, Role, Slug,
    SpeakerCategory, SpeakerStatus, ValidationError,
};

/// A speaker on a list, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub inscription: Inscription,
    pub actor: Actor,
    /// Seconds.
    pub time_limit: u32,
}

/// The shortest and longest time limit a meeting may set, in seconds.
pub const MIN_TIME_LIMIT: u32 = 15;
pub const MAX_TIME_LIMIT: u32 = 3600;

/// A request for the floor.
#[derive(Debug, Clone)]
pub struct FloorRequest {
    pub actor: String,
    /// 0 for the meeting as a whole.
    pub agenda_item: u32,
    /// The state speaks at ministerial level.
    pub ministerial: bool,
    pub right_of_reply: bool,
}

fn code(s: &str) -> Result<ActorCode> {
    ActorCode::new(s).map_err(AppError::from)
}

fn slug(s: &str) -> Result<Slug> {
    Slug::new(s).map_err(|_| {
        AppError::NotFound(format!(
            "process '{}' does not exist",
            s.chars().take(64).collect::<String>()
        ))
    })
}

impl App {
    /// Names the head of a state's delegation to a process.
    pub async fn set_delegation(
        &self,
        p: &Principal,
        process: &str,
        state: &str,
        head: &str,
    ) -> Result<()> {
        let process = slug(process)?;
        let state = code(state)?;
        authorize(
            p,
            Action::ManageDelegation {
                process: &process,
                state: &state,
            },
        )?;
        check_person_name(head)?;
        let mut unit = self.unit(p).await?;
        crate::require_process(&mut *unit.tx, &process).await?;
        match unit.tx.find_actor(&state).await? {
            Some(a) if a.kind.is_state() => {}
            Some(_) => {
                return Err(ValidationError::CannotSpeak {
                    actor: state.to_string(),
                    what: "a state",
                }
                .into())
            }
            None => return Err(ValidationError::UnknownActor(state.to_string()).into()),
        }
        unit.tx
            .set_delegation(&process, &state, head.trim())
            .await?;
        unit.audit(
            "delegation.set",
            Some(&process),
            vec![format!("delegation:{state}")],
        )
        .await?;
        unit.commit().await
    }

    /// The delegations to a process with their heads, by state.
    pub async fn delegations(&self, process: &str) -> Result<Vec<(Actor, String)>> {
        let process = self.existing_process(process).await?;
        let mut out = vec![];
        for (state, head) in self.store.list_delegations(&process).await? {
            out.push((self.store.get_actor(&state).await?, head));
        }
        Ok(out)
    }

    /// Names the state that chairs a group in a process (the secretariat).
    pub async fn set_group_chair(
        &self,
        p: &Principal,
        process: &str,
        group: &str,
        chair: &str,
    ) -> Result<()> {
        let process = slug(process)?;
        authorize(p, Action::EditProcess(&process))?;
        let (group, chair) = (code(group)?, code(chair)?);
        let mut unit = self.unit(p).await?;
        crate::require_process(&mut *unit.tx, &process).await?;
        let found = unit
            .tx
            .find_actor(&group)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(group.to_string()))?;
        if found.kind != ActorKind::Group {
            return Err(ValidationError::CannotSpeak {
                actor: group.to_string(),
                what: "a group",
            }
            .into());
        }
        if !found.members.contains(&chair) {
            return Err(ValidationError::Invalid {
                what: "group chair",
                value: chair.to_string(),
                reason: "the chair must be a member of the group",
            }
            .into());
        }
        unit.tx.set_group_chair(&process, &group, &chair).await?;
        unit.audit(
            "group_chair.set",
            Some(&process),
            vec![format!("group:{group}"), format!("actor:{chair}")],
        )
        .await?;
        unit.commit().await
    }

    /// The chair's delegation designates an account (a delegate of a member
    /// state) to speak for the group.
    pub async fn designate_group_speaker(
        &self,
        p: &Principal,
        process: &str,
        group: &str,
        email: &str,
    ) -> Result<()> {
        let process = slug(process)?;
        let group = code(group)?;
        let email = Email::new(email)?;
        let mut unit = self.unit(p).await?;
        let chair = unit.tx.find_group_chair(&process, &group).await?;
        authorize(
            p,
            Action::DesignateGroupSpeaker {
                process: &process,
                group: &group,
                chair: chair.as_ref(),
            },
        )?;
        let members = unit
            .tx
            .find_actor(&group)
            .await?
            .map(|g| g.members)
            .unwrap_or_default();
        // One answer whether the account does not exist or is not a member
        // state's delegate here: the form tells nothing of other processes.
        let designee = unit
            .tx
            .find_account_by_email(&email)
            .await?
            .map(|found| found.account);
        let is_member_delegate = designee.as_ref().is_some_and(|d| {
            d.grants.iter().any(|g| {
                g.role == Role::Delegate
                    && g.process.as_ref() == Some(&process)
                    && g.actor.as_ref().is_some_and(|a| members.contains(a))
            })
        });
        let Some(designee) = designee.filter(|_| is_member_delegate) else {
            return Err(ValidationError::Invalid {
                what: "group speaker",
                value: email.to_string(),
                reason: "must be a delegate of a member state of the group in this process",
            }
            .into());
        };
        let by = p.account_id().unwrap_or_default();
        unit.tx
            .insert_group_speaker(&process, &group, designee.id, by)
            .await?;
        unit.audit(
            "group_speaker.designate",
            Some(&process),
            vec![format!("group:{group}"), format!("account:{}", designee.id)],
        )
        .await?;
        unit.commit().await
    }

    /// Inscribes an actor on a meeting's speakers' list.
    pub async fn inscribe(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
        req: FloorRequest,
    ) -> Result<i64> {
        let process = slug(process)?;
        let actor_code = code(&req.actor)?;
        let Some(account) = p.account_id() else {
            return Err(AppError::Unauthenticated(
                "sign in to ask for the floor".into(),
            ));
        };
        let mut unit = self.unit(p).await?;
        let found = unit
            .tx
            .find_actor(&actor_code)
            .await?
            .ok_or_else(|| ValidationError::UnknownActor(actor_code.to_string()))?;
        let designated = found.kind == ActorKind::Group
            && unit
                .tx
                .is_group_speaker(&process, &actor_code, account)
                .await?;
        authorize(
            p,
            Action::SpeakFor {
                process: &process,
                actor: &actor_code,
                kind: found.kind,
                designated,
            },
        )?;
        let the_meeting = self.store.get_meeting(&process, meeting).await?;
        if the_meeting.end_date < self.today() {
            return Err(ValidationError::MeetingOver(the_meeting.end_date).into());
        }
        if req.agenda_item != 0
            && !the_meeting
                .agenda
                .iter()
                .any(|a| a.number == req.agenda_item)
        {
            return Err(ValidationError::UnknownAgendaItem(req.agenda_item).into());
        }
        let category =
            SpeakerCategory::for_speaker(found.kind, req.ministerial, req.right_of_reply).ok_or(
                ValidationError::CannotSpeak {
                    actor: actor_code.to_string(),
                    what: "a speaker with a right of reply",
                },
            )?;
        if req.ministerial && found.kind != ActorKind::MemberState {
            return Err(ValidationError::CannotSpeak {
                actor: actor_code.to_string(),
                what: "a minister of a member state",
            }
            .into());
        }
        let already = unit.tx.meeting_inscriptions(meeting).await?;
        if already.iter().any(|i| {
            i.actor == actor_code && i.agenda_item == req.agenda_item && i.category == category
        }) {
            return Err(ValidationError::AlreadyInscribed(actor_code.to_string()).into());
        }
        let inscription = Inscription {
            id: 0,
            meeting,
            agenda_item: req.agenda_item,
            actor: actor_code.clone(),
            account,
            category,
            status: SpeakerStatus::Waiting,
            inscribed_at: unit.at,
        };
        let id = unit.tx.insert_inscription(&inscription).await?;
        unit.audit(
            "speaker.inscribe",
            Some(&process),
            vec![
                format!("meeting:{meeting}"),
                format!("inscription:{id}"),
                format!("actor:{actor_code}"),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&process, format!("meeting/{meeting}/speakers"));
        Ok(id)
    }

    /// Marks a speaker as speaking or spoken (the chair, or the secretariat).
    pub async fn set_speaker_status(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
        inscription: i64,
        status: SpeakerStatus,
    ) -> Result<()> {
        let process = slug(process)?;
        authorize(p, Action::RunSpeakersList(&process))?;
        self.store.get_meeting(&process, meeting).await?;
        let mut unit = self.unit(p).await?;
        let found = unit
            .tx
            .find_inscription(inscription)
            .await?
            .filter(|i| i.meeting == meeting)
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "inscription {inscription} is not on this meeting's list"
                ))
            })?;
        unit.tx.set_inscription_status(found.id, status).await?;
        unit.audit(
            "speaker.status",
            Some(&process),
            vec![
                format!("inscription:{inscription}"),
                format!("status:{status}"),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&process, format!("meeting/{meeting}/speakers"));
        Ok(())
    }

    /// Several categories' time limits at once, from the meeting page's
    /// form: refused as a whole to whoever may not run the list, even when
    /// nothing would change.
    pub async fn set_time_limits(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
        changes: Vec<(SpeakerCategory, Option<u32>)>,
    ) -> Result<()> {
        authorize(p, Action::RunSpeakersList(&slug(process)?))?;
        for (category, seconds) in changes {
            self.set_time_limit(p, process, meeting, category, seconds)
                .await?;
        }
        Ok(())
    }

    /// Sets how long speakers of a category may speak at a meeting (the
    /// chair's announcement), or with `None` goes back to the usual limit.
    pub async fn set_time_limit(
        &self,
        p: &Principal,
        process: &str,
        meeting: i64,
        category: SpeakerCategory,
        seconds: Option<u32>,
    ) -> Result<()> {
        let process = slug(process)?;
        authorize(p, Action::RunSpeakersList(&process))?;
        if let Some(s) = seconds {
            if !(MIN_TIME_LIMIT..=MAX_TIME_LIMIT).contains(&s) {
                return Err(ValidationError::Invalid {
                    what: "time limit",
                    value: s.to_string(),
                    reason: "must be 15 seconds to 60 minutes",
                }
                .into());
            }
        }
        self.store.get_meeting(&process, meeting).await?;
        let mut unit = self.unit(p).await?;
        unit.tx.set_time_limit(meeting, category, seconds).await?;
        unit.audit(
            "speakers.time_limit",
            Some(&process),
            vec![
                format!("meeting:{meeting}"),
                format!("category:{category}"),
                format!(
                    "seconds:{}",
                    seconds.map_or("usual".to_string(), |s| s.to_string())
                ),
            ],
        )
        .await?;
        unit.commit().await?;
        self.announce(&process, format!("meeting/{meeting}/speakers"));
        Ok(())
    }

    /// Every category's time limit at a meeting, in order of precedence:
    /// (category, seconds, whether the meeting set it).
    pub async fn time_limits(
        &self,
        process: &str,
        meeting: i64,
    ) -> Result<Vec<(SpeakerCategory, u32, bool)>> {
        let process = slug(process)?;
        self.store.get_meeting(&process, meeting).await?;
        let set = self.store.list_time_limits(meeting).await?;
        Ok(SpeakerCategory::ALL
            .iter()
            .map(|&c| match set.iter().find(|(k, _)| *k == c) {
                Some((_, s)) => (c, *s, true),
                None => (c, c.default_time_limit(), false),
            })
            .collect())
    }

    /// A meeting's speakers' list in speaking order, with time limits.
    pub async fn speakers_list(&self, process: &str, meeting: i64) -> Result<Vec<Speaker>> {
        let process = slug(process)?;
        self.store.get_meeting(&process, meeting).await?;
        let mut list = self.store.list_inscriptions(meeting).await?;
        let limits = self.store.list_time_limits(meeting).await?;
        let limit = |c: SpeakerCategory| {
            limits
                .iter()
                .find(|(k, _)| *k == c)
                .map_or(c.default_time_limit(), |(_, s)| *s)
        };
        list.sort_by_key(|i| i.agenda_item);
        let mut out = Vec::with_capacity(list.len());
        for chunk in list.chunk_by_mut(|a, b| a.agenda_item == b.agenda_item) {
            speaking_order(chunk);
            for i in chunk.iter() {
                let actor = self.store.get_actor(&i.actor).await?;
                out.push(Speaker {
                    time_limit: limit(i.category),
                    inscription: i.clone(),
                    actor,
                });
            }
        }
        Ok(out)
    }
}
