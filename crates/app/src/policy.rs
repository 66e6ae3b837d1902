//! Every permission decision in Accord, in one place. Handlers never decide
//! who may do what; use cases call [`authorize`] before they touch the store.

use crate::AppError;
use accord_domain::{Account, ActorCode, ActorKind, Clearance, Role, RoleGrant, Slug};

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// Nobody signed in: the public.
    Anonymous,
    /// A signed-in account (by session or API token).
    Account(Account),
    /// Accord itself, on an operator's command (`accord user add`, the demo loader).
    System(&'static str),
}

impl Principal {
    /// How the audit log names the principal.
    pub fn by(&self) -> String {
        match self {
            Principal::Anonymous => "anonymous".into(),
            Principal::Account(a) => a.email.to_string(),
            Principal::System(what) => format!("system: {what}"),
        }
    }

    /// A name fit to show the public (never an e-mail address).
    pub fn name(&self) -> String {
        match self {
            Principal::Anonymous => "a member of the public".into(),
            Principal::Account(a) => a.name.clone(),
            Principal::System(what) => format!("Accord ({what})"),
        }
    }

    pub fn account_id(&self) -> Option<i64> {
        match self {
            Principal::Account(a) => Some(a.id),
            _ => None,
        }
    }

    fn grants(&self) -> &[RoleGrant] {
        match self {
            Principal::Account(a) => &a.grants,
            _ => &[],
        }
    }

    fn holds(&self, role: Role, process: Option<&Slug>) -> bool {
        self.grants().iter().any(|g| {
            g.role == role
                && match (&g.process, process) {
                    (None, _) => true,
                    (Some(p), Some(q)) => p == q,
                    (Some(_), None) => false,
                }
        })
    }

    /// Is the principal a secretariat of some process (or of every one)?
    fn is_any_secretariat(&self) -> bool {
        self.grants().iter().any(|g| g.role == Role::Secretariat)
    }

    /// Does the principal hold `role` for `actor` in `process`?
    fn acts_for(&self, role: Role, process: &Slug, actor: &ActorCode) -> bool {
        self.grants().iter().any(|g| {
            g.role == role && g.process.as_ref() == Some(process) && g.actor.as_ref() == Some(actor)
        })
    }

    /// The actor this principal acts for in `process`, when one role names one.
    pub fn acting_for(&self, process: Option<&Slug>) -> Option<ActorCode> {
        self.grants()
            .iter()
            .filter(|g| process.is_none() || g.process.as_ref() == process || g.process.is_none())
            .find_map(|g| g.actor.clone())
    }
}

/// How much of `process` the principal may read: the secretariat sees
/// everything (embargoed too); the member states' delegates and the
/// co-facilitators also see what is restricted to member states; everyone
/// else what is public.
pub fn clearance(principal: &Principal, process: &Slug) -> Clearance {
    match principal {
        Principal::System(_) => Clearance::Secretariat,
        Principal::Anonymous => Clearance::Public,
        Principal::Account(_) => {
            if principal.holds(Role::Secretariat, Some(process)) {
                Clearance::Secretariat
            } else if principal.holds(Role::CoFacilitator, Some(process))
                || principal.holds(Role::Delegate, Some(process))
            {
                Clearance::MemberStates
            } else {
                Clearance::Public
            }
        }
    }
}

/// What a principal may read in every process, and the processes where it
/// may read more: the one answer search asks, so that a reader's clearance
/// is never taken from the process a query happens to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clearances {
    pub everywhere: Clearance,
    pub processes: Vec<(Slug, Clearance)>,
}

pub fn clearances(principal: &Principal) -> Clearances {
    let everywhere = match principal {
        Principal::System(_) => Clearance::Secretariat,
        Principal::Anonymous => Clearance::Public,
        Principal::Account(_) if principal.holds(Role::Secretariat, None) => Clearance::Secretariat,
        Principal::Account(_) => Clearance::Public,
    };
    let mut processes: Vec<(Slug, Clearance)> = vec![];
    for slug in principal.grants().iter().filter_map(|g| g.process.as_ref()) {
        let c = clearance(principal, slug);
        if c > everywhere && !processes.iter().any(|(p, _)| p == slug) {
            processes.push((slug.clone(), c));
        }
    }
    Clearances {
        everywhere,
        processes,
    }
}

/// Which processes' audit entries the principal may read: `None` for all
/// of them (global entries included: sign-ins, accounts, actors), which only
/// the secretariat of every process (or Accord itself) may; otherwise the
/// processes whose secretariat it is. Refused for anyone else.
pub fn audit_scope(principal: &Principal) -> Result<Option<Vec<Slug>>, AppError> {
    authorize(principal, Action::ReadAudit)?;
    if matches!(principal, Principal::System(_)) || principal.holds(Role::Secretariat, None) {
        return Ok(None);
    }
    let mut processes: Vec<Slug> = principal
        .grants()
        .iter()
        .filter(|g| g.role == Role::Secretariat)
        .filter_map(|g| g.process.clone())
        .collect();
    processes.sort();
    processes.dedup();
    Ok(Some(processes))
}

/// What the actor a principal acts for is, as the store knows it: what
/// [`capabilities`] needs beyond the principal's grants.
#[derive(Debug, Clone, Default)]
pub struct ActingAs {
    /// The actor (a state, an organisation) and its kind.
    pub actor: Option<(ActorCode, ActorKind)>,
    /// The groups the principal is a designated speaker of, in the process.
    pub speaks_for_groups: Vec<ActorCode>,
}

/// What a principal may do — in a process, and across processes — for the
/// views: which forms, buttons and links to show. Every field is answered by
/// [`authorize`] itself, so a view never offers what the use case would
/// refuse (and the use case still decides).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Capabilities {
    /// Create processes (the secretariat of every process).
    pub create_process: bool,
    /// Create and change actors and groups.
    pub manage_actors: bool,
    /// Create accounts and grant roles.
    pub manage_accounts: bool,
    /// Open the account desk to issue reset links.
    pub issue_password_resets: bool,
    /// Read the audit log (within its scope).
    pub read_audit: bool,
    /// Add phases, meetings, documents, themes; upload documents' files.
    pub edit_process: bool,
    /// Run the consultation: statements for anyone, recommendations, calls
    /// for inputs, analyses, adoptions and votes (the process's secretariat).
    pub run_consultation: bool,
    /// See accreditation applications.
    pub review_accreditation: bool,
    /// Call speakers and set time limits.
    pub run_speakers_list: bool,
    /// Issue drafts and revisions, decide on amendments, set paragraph
    /// statuses, link coverage, give translations (the co-facilitators).
    pub chair_negotiation: bool,
    /// Circulate a text under silence procedure.
    pub run_silence: bool,
    /// The actors the principal may negotiate for: its state, the groups it
    /// is a designated speaker of.
    pub negotiate_for: Vec<String>,
    /// The actors the principal may speak (and pledge) for.
    pub speak_for: Vec<String>,
    /// The member state the principal may break silence and vote for.
    pub member_state: Option<String>,
}

/// What `principal` may do in `process` (or, with `None`, across processes).
pub fn capabilities(
    principal: &Principal,
    process: Option<&Slug>,
    acting: &ActingAs,
) -> Capabilities {
    let may = |action: Action<'_>| authorize(principal, action).is_ok();
    let mut caps = Capabilities {
        create_process: may(Action::CreateProcess),
        manage_actors: may(Action::ManageActors),
        manage_accounts: may(Action::ManageAccounts),
        issue_password_resets: may(Action::IssuePasswordReset { target: None }),
        read_audit: may(Action::ReadAudit),
        ..Capabilities::default()
    };
    let Some(process) = process else {
        return caps;
    };
    caps.edit_process = may(Action::EditProcess(process));
    caps.run_consultation = may(Action::ManageConsultation(process));
    caps.review_accreditation = may(Action::ReviewAccreditation(process));
    caps.run_speakers_list = may(Action::RunSpeakersList(process));
    caps.chair_negotiation = may(Action::ChairNegotiation(process));
    caps.run_silence = may(Action::OpenSilence(process));
    if let Some((actor, kind)) = &acting.actor {
        let (actor, kind) = (actor, *kind);
        if may(Action::NegotiateFor {
            process,
            actor,
            kind,
            designated: false,
        }) {
            caps.negotiate_for.push(actor.to_string());
        }
        if may(Action::SpeakFor {
            process,
            actor,
            kind,
            designated: false,
        }) {
            caps.speak_for.push(actor.to_string());
        }
        if may(Action::BreakSilence {
            process,
            state: actor,
            kind,
        }) {
            caps.member_state = Some(actor.to_string());
        }
    }
    for group in &acting.speaks_for_groups {
        let designated = |action| may(action);
        if designated(Action::NegotiateFor {
            process,
            actor: group,
            kind: ActorKind::Group,
            designated: true,
        }) {
            caps.negotiate_for.push(group.to_string());
        }
        if designated(Action::SpeakFor {
            process,
            actor: group,
            kind: ActorKind::Group,
            designated: true,
        }) {
            caps.speak_for.push(group.to_string());
        }
    }
    caps
}

/// What a principal asks to do.
#[derive(Debug, Clone, Copy)]
pub enum Action<'a> {
    /// Create a new process.
    CreateProcess,
    /// Add phases, meetings, documents and themes to a process.
    EditProcess(&'a Slug),
    /// Create or change actors and groups of states, which every process
    /// shares: the secretariat of every process.
    ManageActors,
    /// Create accounts and grant roles: the secretariat of every process.
    ManageAccounts,
    /// Issue a one-time password-reset link for the account holding
    /// `target`'s roles (`None`: for some account, i.e. open the desk). A
    /// process's secretariat may reset only accounts whose every role is in a
    /// process it runs; an account with a role in no process (or in another
    /// process, or none at all) only the secretariat of every process.
    IssuePasswordReset { target: Option<&'a [RoleGrant]> },
    /// Browse the audit log (within [`audit_scope`]).
    ReadAudit,
    /// Manage one's own API tokens.
    ManageOwnTokens,
    /// Name the head of a state's delegation to a process.
    ManageDelegation {
        process: &'a Slug,
        state: &'a ActorCode,
    },
    /// Designate who may speak for a group, which `chair` chairs (if any).
    DesignateGroupSpeaker {
        process: &'a Slug,
        group: &'a ActorCode,
        chair: Option<&'a ActorCode>,
    },
    /// Take the floor for `actor` (of `kind`); `designated` says whether the
    /// principal is a designated speaker of the group `actor`, if a group.
    SpeakFor {
        process: &'a Slug,
        actor: &'a ActorCode,
        kind: ActorKind,
        designated: bool,
    },
    /// Call speakers and mark them spoken.
    RunSpeakersList(&'a Slug),
    /// See the accreditation applications to a process.
    ReviewAccreditation(&'a Slug),
    /// Object, for `state`, to an application.
    ObjectToAccreditation {
        process: &'a Slug,
        state: &'a ActorCode,
    },
    /// Register for a meeting of the process.
    RegisterForMeeting(&'a Slug),
    /// Enter a statement for any actor, mark recommendations, open calls for
    /// inputs, change what is published: the process's secretariat.
    ManageConsultation(&'a Slug),
    /// Issue drafts and revisions, decide on amendments, mark paragraphs:
    /// the co-facilitators (and the secretariat, who acts for them).
    ChairNegotiation(&'a Slug),
    /// Propose, support, object to or withdraw amendments for `actor` (of
    /// `kind`): a delegate for their state; for a group, its designated
    /// speaker (`designated`).
    NegotiateFor {
        process: &'a Slug,
        actor: &'a ActorCode,
        kind: ActorKind,
        designated: bool,
    },
    /// Circulate a text under silence procedure: the co-facilitators or the
    /// secretariat.
    OpenSilence(&'a Slug),
    /// Cast `state`'s vote in a vote being taken: a delegate of that state.
    CastVote {
        process: &'a Slug,
        state: &'a ActorCode,
    },
    /// Break silence for `state` (of `kind`): a delegate of a member state.
    BreakSilence {
        process: &'a Slug,
        state: &'a ActorCode,
        kind: ActorKind,
    },
}

/// Allows or refuses an action: `Unauthenticated` for the public where an
/// account is needed, `Forbidden` where the account lacks the role.
pub fn authorize(principal: &Principal, action: Action<'_>) -> Result<(), AppError> {
    let allowed = match principal {
        Principal::System(_) => true,
        Principal::Anonymous => {
            return Err(AppError::Unauthenticated("sign in to do this".into()));
        }
        Principal::Account(_) => match action {
            // Processes and accounts span processes: the secretariat of all processes.
            Action::CreateProcess | Action::ManageAccounts => {
                principal.holds(Role::Secretariat, None)
            }
            Action::EditProcess(slug) => principal.holds(Role::Secretariat, Some(slug)),
            Action::ManageActors => principal.holds(Role::Secretariat, None),
            Action::IssuePasswordReset { target } => {
                principal.holds(Role::Secretariat, None)
                    || match target {
                        None => principal.is_any_secretariat(),
                        Some(target) => {
                            !target.is_empty()
                                && target.iter().all(|g| {
                                    g.process.as_ref().is_some_and(|p| {
                                        principal.holds(Role::Secretariat, Some(p))
                                    })
                                })
                        }
                    }
            }
            Action::ReadAudit => principal.is_any_secretariat(),
            Action::ManageOwnTokens => true,
            Action::ManageDelegation { process, state } => {
                principal.holds(Role::Secretariat, Some(process))
                    || principal.acts_for(Role::Delegate, process, state)
            }
            Action::DesignateGroupSpeaker {
                process,
                group,
                chair,
            } => {
                let Some(chair) = chair else {
                    return Err(AppError::Forbidden(format!(
                        "no state chairs {group} in this process yet; the secretariat names the chair first"
                    )));
                };
                if !principal.acts_for(Role::Delegate, process, chair) {
                    return Err(AppError::Forbidden(format!(
                        "only the delegation of {chair}, which chairs {group}, designates who speaks for it"
                    )));
                }
                true
            }
            Action::SpeakFor {
                process,
                actor,
                kind,
                designated,
            } => {
                let ok = match kind {
                    ActorKind::MemberState | ActorKind::ObserverState => {
                        principal.acts_for(Role::Delegate, process, actor)
                    }
                    ActorKind::Group => designated,
                    ActorKind::UnEntity | ActorKind::IntergovernmentalOrganisation => {
                        principal.acts_for(Role::UnEntityRepresentative, process, actor)
                    }
                    ActorKind::StakeholderOrganisation => {
                        principal.acts_for(Role::StakeholderRepresentative, process, actor)
                    }
                    ActorKind::Individual
                    | ActorKind::SimulatedDelegation
                    | ActorKind::SimulatedGroup => false,
                };
                if !ok {
                    return Err(AppError::Forbidden(format!(
                        "you do not represent {actor} in this process"
                    )));
                }
                true
            }
            Action::ReviewAccreditation(process) => {
                principal.holds(Role::Secretariat, Some(process))
                    || principal.holds(Role::Delegate, Some(process))
            }
            Action::ObjectToAccreditation { process, state } => {
                if !principal.acts_for(Role::Delegate, process, state) {
                    return Err(AppError::Forbidden(format!(
                        "only a delegate of {state} in this process may object for it"
                    )));
                }
                true
            }
            Action::RegisterForMeeting(process) => [
                Role::Delegate,
                Role::StakeholderRepresentative,
                Role::UnEntityRepresentative,
            ]
            .iter()
            .any(|r| {
                principal
                    .grants()
                    .iter()
                    .any(|g| g.role == *r && g.process.as_ref() == Some(process))
            }),
            Action::RunSpeakersList(process) => {
                principal.holds(Role::Secretariat, Some(process))
                    || principal.holds(Role::CoFacilitator, Some(process))
            }
            Action::ManageConsultation(process) => {
                principal.holds(Role::Secretariat, Some(process))
            }
            Action::ChairNegotiation(process) | Action::OpenSilence(process) => {
                principal.holds(Role::CoFacilitator, Some(process))
                    || principal.holds(Role::Secretariat, Some(process))
            }
            Action::NegotiateFor {
                process,
                actor,
                kind,
                designated,
            } => {
                let ok = match kind {
                    ActorKind::MemberState | ActorKind::ObserverState => {
                        principal.acts_for(Role::Delegate, process, actor)
                    }
                    ActorKind::Group => designated,
                    _ => false,
                };
                if !ok {
                    return Err(AppError::Forbidden(format!(
                        "you do not negotiate for {actor} in this process"
                    )));
                }
                true
            }
            Action::CastVote { process, state } => {
                if !principal.acts_for(Role::Delegate, process, state) {
                    return Err(AppError::Forbidden(format!(
                        "only a delegate of {state} may cast its vote"
                    )));
                }
                true
            }
            Action::BreakSilence {
                process,
                state,
                kind,
            } => {
                if kind != ActorKind::MemberState
                    || !principal.acts_for(Role::Delegate, process, state)
                {
                    return Err(AppError::Forbidden(format!(
                        "only a delegate of {state}, a member state, may break silence for it"
                    )));
                }
                true
            }
        },
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden(format!(
            "your roles do not allow this ({})",
            describe(action)
        )))
    }
}

fn describe(action: Action<'_>) -> String {
    match action {
        Action::CreateProcess => "creating a process".into(),
        Action::EditProcess(slug) => format!("changing the process '{slug}'"),
        Action::ManageActors => "creating actors".into(),
        Action::ManageAccounts => "managing accounts".into(),
        Action::IssuePasswordReset { .. } => "issuing password resets".into(),
        Action::ReadAudit => "reading the audit log".into(),
        Action::ManageOwnTokens => "managing API tokens".into(),
        Action::ManageDelegation { state, .. } => {
            format!("naming the head of {state}'s delegation")
        }
        Action::DesignateGroupSpeaker { group, .. } => format!("designating speakers for {group}"),
        Action::SpeakFor { actor, .. } => format!("speaking for {actor}"),
        Action::RunSpeakersList(process) => format!("running speakers' lists in '{process}'"),
        Action::ReviewAccreditation(process) => format!("reviewing accreditation in '{process}'"),
        Action::ManageConsultation(process) => {
            format!("managing the consultation in '{process}'")
        }
        Action::ObjectToAccreditation { state, .. } => format!("objecting for {state}"),
        Action::RegisterForMeeting(process) => format!("registering for meetings of '{process}'"),
        Action::ChairNegotiation(process) => format!("chairing the negotiation in '{process}'"),
        Action::NegotiateFor { actor, .. } => format!("negotiating for {actor}"),
        Action::OpenSilence(process) => format!("opening silence procedures in '{process}'"),
        Action::BreakSilence { state, .. } => format!("breaking silence for {state}"),
        Action::CastVote { state, .. } => format!("voting for {state}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_domain::Email;

    fn account(grants: Vec<RoleGrant>) -> Principal {
        Principal::Account(Account {
            id: 1,
            email: Email::new("a@example.org").unwrap(),
            name: "A".into(),
            grants,
        })
    }

    fn grant(role: Role, process: Option<&str>, actor: Option<&str>) -> RoleGrant {
        RoleGrant {
            role,
            process: process.map(|p| p.parse().unwrap()),
            actor: actor.map(|a| a.parse().unwrap()),
        }
    }

    #[test]
    fn the_policy_table() {
        let gcm: Slug = "gcm".parse().unwrap();
        let other: Slug = "other".parse().unwrap();
        let global = account(vec![grant(Role::Secretariat, None, None)]);
        let gcm_sec = account(vec![grant(Role::Secretariat, Some("gcm"), None)]);
        let delegate = account(vec![grant(Role::Delegate, Some("gcm"), Some("MEX"))]);
        let nobody = account(vec![]);
        let other_sec = account(vec![grant(Role::Secretariat, Some("other"), None)]);
        let delegate_grants = [grant(Role::Delegate, Some("gcm"), Some("MEX"))];
        let global_grants = [grant(Role::Secretariat, None, None)];
        let both_grants = [
            grant(Role::Delegate, Some("gcm"), Some("MEX")),
            grant(Role::Delegate, Some("other"), Some("MEX")),
        ];
        let cases: &[(&Principal, Action, bool)] = &[
            (&global, Action::CreateProcess, true),
            (&gcm_sec, Action::CreateProcess, false),
            (&global, Action::EditProcess(&gcm), true),
            (&gcm_sec, Action::EditProcess(&gcm), true),
            (&gcm_sec, Action::EditProcess(&other), false),
            (&delegate, Action::EditProcess(&gcm), false),
            (&gcm_sec, Action::ManageActors, false),
            (&global, Action::ManageActors, true),
            (&delegate, Action::ManageActors, false),
            (&gcm_sec, Action::ManageAccounts, false),
            (&gcm_sec, Action::ReadAudit, true),
            (&gcm_sec, Action::IssuePasswordReset { target: None }, true),
            (
                &delegate,
                Action::IssuePasswordReset { target: None },
                false,
            ),
            (
                &gcm_sec,
                Action::IssuePasswordReset {
                    target: Some(&delegate_grants),
                },
                true,
            ),
            (
                &other_sec,
                Action::IssuePasswordReset {
                    target: Some(&delegate_grants),
                },
                false,
            ),
            (
                &gcm_sec,
                Action::IssuePasswordReset {
                    target: Some(&global_grants),
                },
                false,
            ),
            (
                &gcm_sec,
                Action::IssuePasswordReset {
                    target: Some(&both_grants),
                },
                false,
            ),
            (
                &gcm_sec,
                Action::IssuePasswordReset { target: Some(&[]) },
                false,
            ),
            (
                &global,
                Action::IssuePasswordReset {
                    target: Some(&global_grants),
                },
                true,
            ),
            (
                &global,
                Action::IssuePasswordReset { target: Some(&[]) },
                true,
            ),
            (&nobody, Action::ReadAudit, false),
            (&nobody, Action::ManageOwnTokens, true),
        ];
        for (p, action, allowed) in cases {
            assert_eq!(authorize(p, *action).is_ok(), *allowed, "{p:?} {action:?}");
        }
        assert!(matches!(
            authorize(&Principal::Anonymous, Action::ManageOwnTokens),
            Err(AppError::Unauthenticated(_))
        ));
        assert!(matches!(
            authorize(&nobody, Action::CreateProcess),
            Err(AppError::Forbidden(_))
        ));
        assert_eq!(delegate.acting_for(Some(&gcm)).unwrap().as_str(), "MEX");
        assert_eq!(audit_scope(&global).unwrap(), None);
        assert_eq!(audit_scope(&gcm_sec).unwrap(), Some(vec![gcm.clone()]));
        assert!(audit_scope(&delegate).is_err());
        let c = clearances(&account(vec![
            grant(Role::Delegate, Some("gcm"), Some("MEX")),
            grant(Role::Secretariat, Some("other"), None),
        ]));
        assert_eq!(c.everywhere, Clearance::Public);
        assert_eq!(
            c.processes,
            vec![
                (gcm.clone(), Clearance::MemberStates),
                (other.clone(), Clearance::Secretariat)
            ]
        );
        assert_eq!(clearances(&global).everywhere, Clearance::Secretariat);
    }

    /// Capabilities in two processes: each principal's follow its grants in
    /// the process asked about, and nothing of one process leaks into the
    /// other's.
    #[test]
    fn capabilities_are_per_process_and_follow_authorize() {
        let (a, b): (Slug, Slug) = ("alpha".parse().unwrap(), "beta".parse().unwrap());
        let mexico = ActingAs {
            actor: Some(("MEX".parse().unwrap(), ActorKind::MemberState)),
            speaks_for_groups: vec!["G77".parse().unwrap()],
        };
        let delegate = account(vec![grant(Role::Delegate, Some("alpha"), Some("MEX"))]);
        let in_a = capabilities(&delegate, Some(&a), &mexico);
        assert_eq!(in_a.negotiate_for, ["MEX", "G77"]);
        assert_eq!(in_a.speak_for, ["MEX", "G77"]);
        assert_eq!(in_a.member_state.as_deref(), Some("MEX"));
        assert!(!in_a.edit_process && !in_a.chair_negotiation && !in_a.run_consultation);
        // The designations are facts of a process: in beta, none.
        let mexico_in_b = ActingAs {
            speaks_for_groups: vec![],
            ..mexico.clone()
        };
        let in_b = capabilities(&delegate, Some(&b), &mexico_in_b);
        assert!(in_b.negotiate_for.is_empty() && in_b.speak_for.is_empty());
        assert_eq!(in_b.member_state, None);

        let secretariat_of_a = account(vec![grant(Role::Secretariat, Some("alpha"), None)]);
        let none = ActingAs::default();
        let sa = capabilities(&secretariat_of_a, Some(&a), &none);
        assert!(sa.edit_process && sa.run_consultation && sa.run_silence && sa.chair_negotiation);
        assert!(!sa.create_process && !sa.manage_accounts && sa.issue_password_resets);
        assert_eq!(capabilities(&secretariat_of_a, Some(&b), &none), {
            let mut only_global = capabilities(&secretariat_of_a, None, &none);
            only_global.review_accreditation = false;
            only_global
        });

        let everywhere = account(vec![grant(Role::Secretariat, None, None)]);
        let g = capabilities(&everywhere, Some(&b), &none);
        assert!(g.create_process && g.manage_accounts && g.edit_process && g.read_audit);

        let public = capabilities(&Principal::Anonymous, Some(&a), &mexico);
        assert_eq!(public, Capabilities::default());
    }
}
