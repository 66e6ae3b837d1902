use chrono::NaiveDate;

/// A broken domain rule. Every variant says what is wrong in words a
/// secretariat officer understands; `kind()` is the machine-readable name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValidationError {
    #[error("{what} ends ({end}) before it starts ({start})")]
    EndBeforeStart {
        what: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    #[error("a process with the slug '{0}' already exists")]
    DuplicateProcessSlug(String),
    #[error("the process already has a {what} with the slug '{slug}'")]
    DuplicateSlug { what: &'static str, slug: String },
    #[error("a document with the symbol '{0}' already exists")]
    DuplicateSymbol(String),
    #[error("an actor with the code '{0}' already exists")]
    DuplicateActorCode(String),
    #[error("the process already has a {0} phase")]
    DuplicatePhase(String),
    #[error("unknown actor code '{0}'")]
    UnknownActor(String),
    #[error("unknown meeting '{0}' in this process")]
    UnknownMeeting(String),
    #[error("unknown theme '{0}' in this process")]
    UnknownTheme(String),
    #[error("the group '{0}' cannot be a member of itself")]
    GroupContainsItself(String),
    #[error("'{code}' is a {kind}, not a group, so it cannot have members")]
    MembersOnNonGroup { code: String, kind: String },
    #[error("'{member}' is a {kind}; only member and observer states can be members of a group")]
    GroupMemberNotAState { member: String, kind: String },
    #[error(
        "'{member}' is a {kind}: a real group holds only real states, a simulated group only simulated delegations ('{group}')"
    )]
    SimulationMixedWithFact {
        group: String,
        member: String,
        kind: String,
    },
    #[error(
        "the process '{process}' does not hold meetings of the kind '{kind}' (it knows: {known})"
    )]
    UnknownMeetingKind {
        process: String,
        kind: String,
        known: String,
    },
    #[error("invalid {what} '{value}': {reason}")]
    Invalid {
        what: &'static str,
        value: String,
        reason: &'static str,
    },
    #[error("unknown {what} '{value}' (expected one of: {})", expected.join(", "))]
    UnknownName {
        what: &'static str,
        value: String,
        expected: Vec<&'static str>,
    },
    #[error("{0} must not be empty")]
    Empty(&'static str),
    #[error("agenda item number {0} appears twice")]
    DuplicateAgendaItem(u32),
    #[error("{what} is longer than {max} characters")]
    TooLong { what: &'static str, max: usize },
    #[error("the role {role} acts for {what}: name its actor")]
    RoleNeedsActor {
        role: &'static str,
        what: &'static str,
    },
    #[error("the role {role} acts for {what}, but '{actor}' is a {kind}")]
    RoleActorMismatch {
        role: &'static str,
        actor: String,
        kind: String,
        what: &'static str,
    },
    #[error("the role {0} is held in one process: name the process")]
    RoleNeedsProcess(&'static str),
    #[error("an account with the e-mail address '{0}' already exists")]
    DuplicateEmail(String),
    #[error("{0} is already on this speakers' list")]
    AlreadyInscribed(String),
    #[error("the meeting ended on {0}: its speakers' list is closed")]
    MeetingOver(chrono::NaiveDate),
    #[error("the meeting has no agenda item {0}")]
    UnknownAgendaItem(u32),
    #[error("the no-objection period ended on {0}")]
    ObjectionPeriodOver(String),
    #[error("the no-objection period runs until {0}; decide after it")]
    ObjectionPeriodRunning(String),
    #[error("the application was already decided: {0}")]
    AlreadyDecided(String),
    #[error("a member state objected to this application: it was referred to the {0}, whose decision the secretariat records; the secretariat cannot decide it alone")]
    ObjectionPendingDecision(String),
    #[error("no member state objected to this application: it was not referred to a deciding body, and the secretariat decides it")]
    NotReferred,
    #[error("the decision is dated {0}, a day still to come: record a decision once it is taken")]
    DecisionDateInFuture(NaiveDate),
    #[error("the decision is dated {date}, before the no-objection period ended ({end}): the body decides once every objection is in")]
    DecisionBeforePeriodEnd { date: NaiveDate, end: NaiveDate },
    #[error("the decision is dated {date}, but the meeting ran from {start} to {end}")]
    DecisionOutsideMeeting {
        date: NaiveDate,
        start: NaiveDate,
        end: NaiveDate,
    },
    #[error("{0} has already objected to this application")]
    AlreadyObjected(String),
    #[error("'{0}' is not an organisation accredited to this process")]
    NotAccredited(String),
    #[error("'{0}' is already registered for this meeting")]
    AlreadyRegistered(String),
    #[error("'{actor}' cannot take the floor as {what}")]
    CannotSpeak { actor: String, what: &'static str },
    #[error("an analysis of this process is running already (job {0}); wait for it to end")]
    AnalysisRunning(i64),
    #[error("the totals ({yes} yes, {no} no, {abstain} abstaining, {not_voting} not voting) add up to {}, but the process has {members} member states", yes + no + abstain + not_voting)]
    TotalsDoNotAddUp {
        yes: u32,
        no: u32,
        abstain: u32,
        not_voting: u32,
        members: u32,
    },
    #[error("'{0}' is not a member state: only member states vote")]
    NotAMemberState(String),
    #[error("{0} has already voted in this vote")]
    AlreadyVoted(String),
    #[error("{recorded} ballots '{vote}' are recorded, but the totals give {total}")]
    BallotsExceedTotals {
        vote: &'static str,
        recorded: u32,
        total: u32,
    },
    #[error(
        "{state} is recorded as voting '{vote}' but not as present: a state that voted was present"
    )]
    VotedButAbsent { state: String, vote: &'static str },
    #[error("{present} states are recorded present, but {voted} voted yes, no or abstained: those who voted were present")]
    FewerPresentThanVoted { present: u32, voted: u32 },
    #[error("the vote is still being taken: a statement of what a delegation intended to vote is recorded after the vote closes")]
    VoteStillOpen,
    #[error("{0} has stated already what it intended to vote: a statement of intention, once on record, stands")]
    IntentionAlreadyStated(String),
    #[error("{state} is recorded as voting '{vote}' already: a statement of intention records a vote other than the one recorded")]
    IntentionMatchesBallot { state: String, vote: &'static str },
    #[error("the meeting '{meeting}' belongs to the process '{other}', not to this one")]
    MeetingOfAnotherProcess { meeting: String, other: String },
    #[error("the adopted text has no objective {number} (it has {objectives})")]
    UnknownObjective { number: u32, objectives: u32 },
    #[error("{0}")]
    AlreadyLinked(String),
    #[error("nothing has been adopted in this process yet: pledges are made on an adopted text")]
    NothingAdopted,
    #[error("the meeting '{0}' is cancelled: it can no longer be changed")]
    MeetingCancelled(String),
    #[error("nothing would change: {0}")]
    NothingChanged(String),
    #[error("the document '{0}' is withdrawn: it can no longer be changed")]
    DocumentWithdrawn(String),
    #[error("the theme '{0}' is withdrawn: nothing new is filed under it, and it takes no further change")]
    ThemeWithdrawn(String),
    #[error("agenda item {0} has statements or speakers inscribed under it: it cannot be removed")]
    AgendaItemInUse(u32),
    #[error("the process has {0} meetings: that kind of meeting cannot be taken away")]
    MeetingKindInUse(String),
    #[error("the call for inputs '{title}' closed on {closed} UTC{}: inputs are no longer received", reason.as_ref().map(|r| format!(" ({r})")).unwrap_or_default())]
    ConsultationClosed {
        title: String,
        closed: String,
        reason: Option<String>,
    },
    #[error("{version} has already been adopted at {meeting}: a meeting adopts a version once")]
    AlreadyAdopted { version: String, meeting: String },
    #[error("paragraphs {} are not agreed: agree them ad referendum first, or record a decision to adopt the text as it stands (the paragraphs not agreed are then listed with the adoption)", .0.join(", "))]
    ParagraphsNotAgreed(Vec<String>),
    #[error("a text is adopted at a conference or a plenary meeting, or while the process is in its adoption phase; this is a {meeting_kind} during {phase}")]
    NotAnAdoptionSetting { meeting_kind: String, phase: String },
    #[error("{0} has been adopted: an adopted text is closed to amendments, positions and decisions on them")]
    VersionAdopted(String),
    #[error("the {phase} phase was closed on {closed}: no decision can change it now (its plan can still be corrected)")]
    PhaseClosed { phase: String, closed: NaiveDate },
    #[error("the {phase} phase was opened on {opened} already")]
    PhaseAlreadyOpened { phase: String, opened: NaiveDate },
    #[error("the {phase} phase is to end on {end}: extend it or change its plan before opening it on {on}")]
    PhaseEndsBeforeOpening {
        phase: String,
        end: NaiveDate,
        on: NaiveDate,
    },
    #[error("{}", match end { Some(end) => format!("the {phase} phase runs to {end} already: an extension runs past that day, not to {until}"), None => format!("the {phase} phase has no end to extend: it runs on until it is closed") })]
    NotAnExtension {
        phase: String,
        end: Option<NaiveDate>,
        until: NaiveDate,
    },
    #[error("the {phase} phase opens on {starts}: it cannot close on {on}, before it opened")]
    CloseBeforeOpening {
        phase: String,
        starts: NaiveDate,
        on: NaiveDate,
    },
    #[error("a decision records what was decided: {on} is after today ({today}); to plan a later day, change the phase's plan")]
    DecisionInFuture { on: NaiveDate, today: NaiveDate },
    #[error("there is one version of the text in {0}: nothing to choose between")]
    OneVersion(String),
    #[error("an endorsement adopts a text of its own (a resolution that names the text it endorses), not {0}, the text it endorses")]
    EndorsementNeedsItsOwnText(String),
    #[error("'{0}' is not a resolution: an endorsement adopts a draft of kind resolution")]
    EndorsementNotAResolution(String),
    #[error("'{0}' adopted nothing (its vote did not carry, or is still being taken): there is nothing to endorse")]
    EndorsesNothingAdopted(String),
    #[error("{version} has no paragraph '{paragraph}': a separate vote or an oral change names a paragraph of the version put to the vote (its number, eId or wId)")]
    NoSuchParagraph { paragraph: String, version: String },
    #[error("paragraph {paragraph} has been voted on separately at {meeting} already: a paragraph is put to a separate vote once a meeting")]
    ParagraphAlreadyVoted { paragraph: String, meeting: String },
    #[error("{version} has been adopted at {meeting} or after it: separate votes and oral changes come before the vote on the whole")]
    VersionAlreadyAdopted { version: String, meeting: String },
    #[error("'{actor}' is a {kind}: a separate vote is requested, and an oral change moved, by a member state, an observer state or a group of states")]
    NotADelegation { actor: String, kind: String },
    #[error(transparent)]
    Negotiation(#[from] crate::negotiation::NegotiationError),
}

impl ValidationError {
    /// Machine-readable kind, used in API error bodies.
    pub fn kind(&self) -> &'static str {
        use ValidationError::*;
        match self {
            EndBeforeStart { .. } => "end_before_start",
            DuplicateProcessSlug(_) | DuplicateSlug { .. } => "duplicate_slug",
            DuplicateSymbol(_) => "duplicate_symbol",
            DuplicateActorCode(_) => "duplicate_actor_code",
            DuplicatePhase(_) => "duplicate_phase",
            AnalysisRunning(_) => "analysis_running",
            UnknownActor(_) => "unknown_actor",
            UnknownTheme(_) => "unknown_theme",
            UnknownMeeting(_) => "unknown_meeting",
            GroupContainsItself(_) => "group_contains_itself",
            MembersOnNonGroup { .. } => "members_on_non_group",
            GroupMemberNotAState { .. } => "group_member_not_a_state",
            SimulationMixedWithFact { .. } => "simulation_mixed_with_fact",
            UnknownMeetingKind { .. } => "unknown_meeting_kind",
            Invalid { .. } | UnknownName { .. } | Empty(_) | DuplicateAgendaItem(_) => "invalid",
            TooLong { .. } => "too_long",
            RoleNeedsActor { .. } => "role_needs_actor",
            RoleActorMismatch { .. } => "role_actor_mismatch",
            RoleNeedsProcess(_) => "role_needs_process",
            DuplicateEmail(_) => "duplicate_email",
            AlreadyInscribed(_) => "already_inscribed",
            MeetingOver(_) => "meeting_over",
            UnknownAgendaItem(_) => "unknown_agenda_item",
            CannotSpeak { .. } => "cannot_speak",
            ObjectionPeriodOver(_) => "objection_period_over",
            ObjectionPeriodRunning(_) => "objection_period_running",
            AlreadyDecided(_) => "already_decided",
            ObjectionPendingDecision(_) => "objection_pending_decision",
            NotReferred => "not_referred",
            DecisionDateInFuture(_) => "decision_date_in_future",
            DecisionBeforePeriodEnd { .. } => "decision_before_period_end",
            DecisionOutsideMeeting { .. } => "decision_outside_meeting",
            AlreadyObjected(_) => "already_objected",
            NotAccredited(_) => "not_accredited",
            AlreadyRegistered(_) => "already_registered",
            TotalsDoNotAddUp { .. } => "totals_do_not_add_up",
            NotAMemberState(_) => "not_a_member_state",
            AlreadyVoted(_) => "already_voted",
            BallotsExceedTotals { .. } => "ballots_exceed_totals",
            VoteStillOpen => "vote_still_open",
            VotedButAbsent { .. } => "voted_but_absent",
            FewerPresentThanVoted { .. } => "fewer_present_than_voted",
            IntentionAlreadyStated(_) => "intention_already_stated",
            IntentionMatchesBallot { .. } => "intention_matches_ballot",
            MeetingOfAnotherProcess { .. } => "meeting_of_another_process",
            UnknownObjective { .. } => "unknown_objective",
            NothingAdopted => "nothing_adopted",
            AlreadyLinked(_) => "already_linked",
            MeetingCancelled(_) => "meeting_cancelled",
            NothingChanged(_) => "nothing_changed",
            DocumentWithdrawn(_) => "document_withdrawn",
            ThemeWithdrawn(_) => "theme_withdrawn",
            AgendaItemInUse(_) => "agenda_item_in_use",
            MeetingKindInUse(_) => "meeting_kind_in_use",
            ConsultationClosed { .. } => "consultation_closed",
            AlreadyAdopted { .. } => "already_adopted",
            ParagraphsNotAgreed(_) => "paragraphs_not_agreed",
            NotAnAdoptionSetting { .. } => "not_an_adoption_setting",
            VersionAdopted(_) => "version_adopted",
            PhaseClosed { .. } => "phase_closed",
            PhaseAlreadyOpened { .. } => "phase_already_opened",
            PhaseEndsBeforeOpening { .. } => "phase_ends_before_opening",
            NotAnExtension { .. } => "not_an_extension",
            CloseBeforeOpening { .. } => "close_before_opening",
            DecisionInFuture { .. } => "decision_in_future",
            OneVersion(_) => "one_version",
            EndorsementNeedsItsOwnText(_) => "endorsement_needs_its_own_text",
            EndorsementNotAResolution(_) => "endorsement_not_a_resolution",
            EndorsesNothingAdopted(_) => "endorses_nothing_adopted",
            NoSuchParagraph { .. } => "no_such_paragraph",
            ParagraphAlreadyVoted { .. } => "paragraph_already_voted",
            VersionAlreadyAdopted { .. } => "version_already_adopted",
            NotADelegation { .. } => "not_a_delegation",
            Negotiation(e) => e.kind(),
        }
    }

    /// True when the error is a clash with something already stored.
    pub fn is_conflict(&self) -> bool {
        use ValidationError::*;
        if let Negotiation(e) = self {
            return e.is_conflict();
        }
        matches!(
            self,
            DuplicateProcessSlug(_)
                | AnalysisRunning(_)
                | DuplicateSlug { .. }
                | DuplicateSymbol(_)
                | DuplicateActorCode(_)
                | DuplicatePhase(_)
                | DuplicateEmail(_)
                | AlreadyInscribed(_)
                | AlreadyDecided(_)
                | ObjectionPendingDecision(_)
                | NotReferred
                | AlreadyObjected(_)
                | AlreadyRegistered(_)
                | AlreadyVoted(_)
                | VoteStillOpen
                | IntentionAlreadyStated(_)
                | AlreadyLinked(_)
                | MeetingCancelled(_)
                | DocumentWithdrawn(_)
                | ThemeWithdrawn(_)
                | AgendaItemInUse(_)
                | MeetingKindInUse(_)
                | ConsultationClosed { .. }
                | AlreadyAdopted { .. }
                | VersionAdopted(_)
                | ParagraphAlreadyVoted { .. }
                | VersionAlreadyAdopted { .. }
                | PhaseClosed { .. }
                | PhaseAlreadyOpened { .. }
        )
    }
}

/// Refuses a text longer than `max` characters.
pub(crate) fn at_most(what: &'static str, value: &str, max: usize) -> Result<(), ValidationError> {
    if value.chars().count() > max {
        Err(ValidationError::TooLong { what, max })
    } else {
        Ok(())
    }
}

/// Trims a required text field and refuses it when empty.
pub(crate) fn required(what: &'static str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        Err(ValidationError::Empty(what))
    } else {
        Ok(())
    }
}
