//! Adoption and follow-up (DESIGN.md, phase 4 and after): a version of a draft
//! adopted at a meeting, by consensus or by recorded vote; the statements
//! made about it (explanations of vote, positions, reservations,
//! dissociations); an endorsement, the adoption of a resolution of its own
//! that names the earlier adoption it endorses; then pledges on the adopted text's objectives and their progress reports.
//!
//! The rules here need nothing but the values and the list of member states;
//! the app looks up the rest (the meeting's process, the version, the
//! objectives of the adopted text).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{at_most, required};
use crate::negotiation::{DraftKind, DraftText, NodeKind, ParagraphStatus, Wid};
use crate::{ActorCode, MeetingKind, PhaseKind, Slug, ValidationError};

crate::named_enum!(
    /// How a text was adopted.
    AdoptionMethod, "adoption method" {
        Consensus => "consensus",
        RecordedVote => "recorded_vote",
    }
);

crate::named_enum!(
    /// How one member state voted in a recorded vote.
    VoteChoice, "vote" {
        Yes => "yes",
        No => "no",
        Abstain => "abstain",
        NotVoting => "not_voting",
    }
);

crate::named_enum!(
    /// What a recorded vote needs to carry. Both count the members present
    /// and voting: those voting yes or no (abstentions and absences do not
    /// count), as the General Assembly's rules of procedure (rules 86–87) do.
    MajorityRule, "majority rule" {
        Simple => "simple",
        TwoThirds => "two_thirds",
    }
);

crate::named_enum!(
    /// What a statement linked to an adoption is.
    AdoptionStatementKind, "kind of statement on an adoption" {
        ExplanationBefore => "explanation_before",
        ExplanationAfter => "explanation_after",
        Position => "position",
        Reservation => "reservation",
        Dissociation => "dissociation",
    }
);

impl AdoptionStatementKind {
    /// Explanations of vote need a vote; the others go with either method.
    pub fn needs_vote(self) -> bool {
        matches!(
            self,
            AdoptionStatementKind::ExplanationBefore | AdoptionStatementKind::ExplanationAfter
        )
    }
}

/// The official result of a recorded vote, as announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Totals {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub not_voting: u32,
}

impl Totals {
    pub fn sum(&self) -> u32 {
        self.yes + self.no + self.abstain + self.not_voting
    }

    pub fn of(&self, choice: VoteChoice) -> u32 {
        match choice {
            VoteChoice::Yes => self.yes,
            VoteChoice::No => self.no,
            VoteChoice::Abstain => self.abstain,
            VoteChoice::NotVoting => self.not_voting,
        }
    }

    /// Whether the vote carries under `rule`.
    pub fn carries(&self, rule: MajorityRule) -> bool {
        match rule {
            MajorityRule::Simple => self.yes > self.no,
            // yes ≥ ⅔ (yes + no), in integers.
            MajorityRule::TwoThirds => self.yes > 0 && 3 * self.yes >= 2 * (self.yes + self.no),
        }
    }

    /// The members present and voting: those voting yes or no (GA rules of
    /// procedure, rule 86: members that abstain are considered as not voting).
    pub fn present_and_voting(&self) -> u32 {
        self.yes + self.no
    }

    /// The yes votes needed to carry, given the members present and voting.
    pub fn needed(&self, rule: MajorityRule) -> u32 {
        let voting = self.yes + self.no;
        match rule {
            MajorityRule::Simple => voting / 2 + 1,
            MajorityRule::TwoThirds => (2 * voting).div_ceil(3).max(1),
        }
    }
}

/// One member state's vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    pub state: ActorCode,
    pub vote: VoteChoice,
}

/// A recorded vote: the official totals, the rule, and the votes of the
/// states whose vote is on record. A member state with no ballot is "not
/// recorded": the record never guesses.
///
/// A vote is either recorded after the fact (the totals as announced, the
/// ballots the sources name) or taken in Accord: it opens with no ballots
/// and no totals, each delegation casts its state's vote, and closing it
/// counts the ballots — a member state that cast none did not vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecordedVote {
    pub majority: MajorityRule,
    #[serde(default)]
    pub totals: Totals,
    /// The states whose vote is on record: a list of `{state, vote}`, or
    /// the codes by vote, each a list or one text of codes separated by
    /// spaces, commas or new lines (`{"no": "CZE HUN ISR POL USA"}`; a
    /// form's `vote[ballots][no]`).
    #[serde(default, deserialize_with = "ballots")]
    pub ballots: Vec<Ballot>,
    /// Being taken: delegations are casting their votes.
    #[serde(default)]
    pub open: bool,
    /// The member states present at the vote, when the record lists them:
    /// a list of codes or one text of codes (`null`: not recorded). For a
    /// vote taken in Accord, closing it records the states that cast a
    /// ballot. Abstaining states are present but not voting.
    #[serde(default, deserialize_with = "present")]
    pub present: Option<Vec<ActorCode>>,
}

/// At most this many codes in one vote's list (there are 193 member states).
const MAX_LISTED: usize = 400;

/// The codes of one vote's list: a list of codes, or one text of codes
/// separated by spaces, commas, semicolons or new lines. Each is an actor
/// code (checked as one), upper-cased; an unreadable one is named.
pub fn listed_codes(text: &str) -> Result<Vec<ActorCode>, String> {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() > MAX_LISTED {
        return Err(format!(
            "at most {MAX_LISTED} state codes in one list, not {}",
            tokens.len()
        ));
    }
    tokens
        .into_iter()
        .map(|t| {
            ActorCode::new(t.to_uppercase()).map_err(|_| {
                format!(
                    "'{}' is not a state code (ISO 3166-1 alpha-3, e.g. MEX)",
                    t.chars().take(20).collect::<String>()
                )
            })
        })
        .collect()
}

/// Reads `present`: a list of codes, or one text of codes.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Vec<ActorCode>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Codes {
        List(Vec<String>),
        Text(String),
    }
    let text = match Option::<Codes>::deserialize(d)? {
        None => return Ok(None),
        Some(Codes::List(list)) => list.join(" "),
        Some(Codes::Text(text)) => text,
    };
    listed_codes(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

/// Reads `ballots`: a list of `{state, vote}`, or a map from vote to codes.
fn ballots<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Ballot>, D::Error> {
    struct Ballots;
    impl<'de> serde::de::Visitor<'de> for Ballots {
        type Value = Vec<Ballot>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of {state, vote}, or the state codes by vote (yes, no, abstain, not_voting)")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(b) = seq.next_element::<Ballot>()? {
                if out.len() >= MAX_LISTED {
                    return Err(serde::de::Error::custom("too many ballots"));
                }
                out.push(b);
            }
            Ok(out)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            #[derive(Deserialize)]
            #[serde(untagged)]
            enum Codes {
                List(Vec<String>),
                Text(String),
            }
            let mut out = Vec::new();
            while let Some(vote) = map.next_key::<VoteChoice>()? {
                let text = match map.next_value::<Codes>()? {
                    Codes::List(list) => list.join(" "),
                    Codes::Text(text) => text,
                };
                let codes = listed_codes(&text)
                    .map_err(|e| serde::de::Error::custom(format!("{vote}: {e}")))?;
                out.extend(codes.into_iter().map(|state| Ballot { state, vote }));
            }
            Ok(out)
        }
    }
    d.deserialize_any(Ballots)
}

impl RecordedVote {
    /// Checks the vote against the membership: the totals add up to the
    /// member states, only member states vote, each once, and no choice has
    /// more ballots than its total (all of them, when every vote is known).
    pub fn check(&self, members: &HashSet<ActorCode>) -> Result<(), ValidationError> {
        if self.open {
            if !self.ballots.is_empty()
                || self.totals != Totals::default()
                || self.present.is_some()
            {
                return Err(ValidationError::Invalid {
                    what: "vote",
                    value: "open".into(),
                    reason: "a vote opens with no ballots, no totals and no presence: the delegations cast their votes, and closing the vote counts them and records who voted",
                });
            }
            return Ok(());
        }
        let members_n = members.len() as u32;
        if self.totals.sum() != members_n {
            return Err(ValidationError::TotalsDoNotAddUp {
                yes: self.totals.yes,
                no: self.totals.no,
                abstain: self.totals.abstain,
                not_voting: self.totals.not_voting,
                members: members_n,
            });
        }
        check_ballots(&[], &self.ballots, members, &self.totals)?;
        if let Some(present) = &self.present {
            check_presence(present, &self.ballots, members, &self.totals)?;
        }
        Ok(())
    }

    /// The recorded ballots per choice.
    pub fn recorded(&self) -> BTreeMap<VoteChoice, u32> {
        let mut counts = BTreeMap::new();
        for b in &self.ballots {
            *counts.entry(b.vote).or_insert(0) += 1;
        }
        counts
    }

    pub fn carries(&self) -> bool {
        !self.open && self.totals.carries(self.majority)
    }

    /// Closes a vote being taken: every member state that cast no ballot
    /// did not vote; the totals are the count of the ballots; the states
    /// that cast one were present. Returns the
    /// ballots it added.
    pub fn close(&mut self, members: &HashSet<ActorCode>) -> Vec<Ballot> {
        let cast: HashSet<&ActorCode> = self.ballots.iter().map(|b| &b.state).collect();
        let mut absent: Vec<Ballot> = members
            .iter()
            .filter(|m| !cast.contains(m))
            .map(|m| Ballot {
                state: m.clone(),
                vote: VoteChoice::NotVoting,
            })
            .collect();
        absent.sort_by(|a, b| a.state.cmp(&b.state));
        self.ballots.extend(absent.iter().cloned());
        let mut totals = Totals::default();
        for b in &self.ballots {
            match b.vote {
                VoteChoice::Yes => totals.yes += 1,
                VoteChoice::No => totals.no += 1,
                VoteChoice::Abstain => totals.abstain += 1,
                VoteChoice::NotVoting => totals.not_voting += 1,
            }
        }
        self.totals = totals;
        self.open = false;
        let mut present: Vec<ActorCode> = self
            .ballots
            .iter()
            .filter(|b| b.vote != VoteChoice::NotVoting)
            .map(|b| b.state.clone())
            .collect();
        present.sort();
        self.present = Some(present);
        absent
    }
}

/// Checks the states recorded present at a vote: member states, each once;
/// a state whose yes, no or abstention is on record was present; and at
/// least as many present as voted yes, no or abstained.
pub fn check_presence(
    present: &[ActorCode],
    ballots: &[Ballot],
    members: &HashSet<ActorCode>,
    totals: &Totals,
) -> Result<(), ValidationError> {
    let mut seen = HashSet::new();
    for state in present {
        if !members.contains(state) {
            return Err(ValidationError::NotAMemberState(state.to_string()));
        }
        if !seen.insert(state) {
            return Err(ValidationError::Invalid {
                what: "states present",
                value: state.to_string(),
                reason: "a state is listed present once",
            });
        }
    }
    if let Some(b) = ballots
        .iter()
        .find(|b| b.vote != VoteChoice::NotVoting && !seen.contains(&b.state))
    {
        return Err(ValidationError::VotedButAbsent {
            state: b.state.to_string(),
            vote: b.vote.as_str(),
        });
    }
    let voted = totals.yes + totals.no + totals.abstain;
    if (present.len() as u32) < voted {
        return Err(ValidationError::FewerPresentThanVoted {
            present: present.len() as u32,
            voted,
        });
    }
    Ok(())
}

/// Checks votes cast while a vote is open: member states only, each once.
pub fn check_cast(
    recorded: &[Ballot],
    new: &[Ballot],
    members: &HashSet<ActorCode>,
) -> Result<(), ValidationError> {
    let mut seen: HashSet<&ActorCode> = recorded.iter().map(|b| &b.state).collect();
    for b in new {
        if !members.contains(&b.state) {
            return Err(ValidationError::NotAMemberState(b.state.to_string()));
        }
        if !seen.insert(&b.state) {
            return Err(ValidationError::AlreadyVoted(b.state.to_string()));
        }
    }
    Ok(())
}

/// Checks ballots to be added to a vote recorded after the fact: as
/// [`check_cast`], and no choice with more ballots than its total.
pub fn check_ballots(
    recorded: &[Ballot],
    new: &[Ballot],
    members: &HashSet<ActorCode>,
    totals: &Totals,
) -> Result<(), ValidationError> {
    check_cast(recorded, new, members)?;
    let mut counts: BTreeMap<VoteChoice, u32> = BTreeMap::new();
    for b in recorded.iter().chain(new) {
        *counts.entry(b.vote).or_insert(0) += 1;
    }
    for (choice, n) in &counts {
        let total = totals.of(*choice);
        if *n > total {
            return Err(ValidationError::BallotsExceedTotals {
                vote: choice.as_str(),
                recorded: *n,
                total,
            });
        }
    }
    Ok(())
}

/// A member state's statement, after the vote, of how it intended to vote
/// ("Subsequently, the delegation of X informed the Secretariat that it had
/// intended to vote in favour"). It is kept beside the state's ballot and
/// never changes the ballot, the totals or the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteIntention {
    pub state: ActorCode,
    /// What the state intended to vote: yes, no or abstain.
    pub vote: VoteChoice,
    pub entered_by: String,
    pub entered_at: DateTime<Utc>,
}

/// Checks a statement of intention by `state` that it intended to vote
/// `intended`: the vote is over (recorded, or taken in Accord and closed);
/// the state is a member state; it states its intention once (the first
/// statement stands, as the record it sits beside does); the intention is
/// to vote yes, no or abstain, and not what its ballot on record says.
/// A state with no ballot on record may state one: it changes nothing.
pub fn check_intention(
    vote: &RecordedVote,
    stated: &[VoteIntention],
    members: &HashSet<ActorCode>,
    state: &ActorCode,
    intended: VoteChoice,
) -> Result<(), ValidationError> {
    if vote.open {
        return Err(ValidationError::VoteStillOpen);
    }
    if !members.contains(state) {
        return Err(ValidationError::NotAMemberState(state.to_string()));
    }
    if intended == VoteChoice::NotVoting {
        return Err(ValidationError::Invalid {
            what: "intended vote",
            value: intended.to_string(),
            reason: "a statement of intention says the state intended to vote yes, no or abstain",
        });
    }
    if stated.iter().any(|i| &i.state == state) {
        return Err(ValidationError::IntentionAlreadyStated(state.to_string()));
    }
    if vote
        .ballots
        .iter()
        .any(|b| &b.state == state && b.vote == intended)
    {
        return Err(ValidationError::IntentionMatchesBallot {
            state: state.to_string(),
            vote: intended.as_str(),
        });
    }
    Ok(())
}

/// An adoption about to be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAdoption {
    pub process: Slug,
    /// The meeting's id (a meeting of the same process).
    pub meeting: i64,
    /// The version adopted.
    pub version: i64,
    /// E.g. "Adoption of the Global Compact…", "Endorsement by the General Assembly".
    pub title: String,
    pub adopted_on: NaiveDate,
    /// The symbol of the decision or outcome document (A/RES/73/195).
    #[serde(default)]
    pub symbol: Option<String>,
    pub method: AdoptionMethod,
    /// Present exactly when `method` is a recorded vote.
    #[serde(default)]
    pub vote: Option<RecordedVote>,
    /// The earlier adoption this one endorses (the General Assembly
    /// endorsing the conference's adoption): the version adopted is then a
    /// draft resolution's of its own, not the endorsed text's.
    #[serde(default)]
    pub endorses: Option<i64>,
    /// What a reader should know (e.g. how many states took part).
    #[serde(default)]
    pub note: Option<String>,
    /// The meeting decided to adopt the text as it stands, paragraphs not
    /// agreed included.
    #[serde(default)]
    pub as_it_stands: bool,
    /// The paragraphs (numbers) not agreed when a text was adopted as it
    /// stands, recorded with the adoption.
    #[serde(default)]
    pub not_agreed: Vec<String>,
}

impl NewAdoption {
    /// Rules that need the adoption and the member states only.
    pub fn validate(&self, members: &HashSet<ActorCode>) -> Result<(), ValidationError> {
        required("adoption title", &self.title)?;
        at_most("adoption title", &self.title, 500)?;
        if let Some(s) = &self.symbol {
            required("decision symbol", s)?;
            at_most("decision symbol", s, 100)?;
        }
        if let Some(n) = &self.note {
            at_most("adoption note", n, 2_000)?;
        }
        match (self.method, &self.vote) {
            (AdoptionMethod::Consensus, None) => Ok(()),
            (AdoptionMethod::Consensus, Some(_)) => Err(ValidationError::Invalid {
                what: "adoption",
                value: "consensus".into(),
                reason: "a text adopted by consensus has no vote; record a recorded vote instead",
            }),
            (AdoptionMethod::RecordedVote, None) => Err(ValidationError::Invalid {
                what: "adoption",
                value: "recorded_vote".into(),
                reason: "a recorded vote needs its totals (yes, no, abstain, not voting)",
            }),
            (AdoptionMethod::RecordedVote, Some(v)) => v.check(members),
        }
    }

    /// Adopted: by consensus always; by vote when the vote carries.
    pub fn adopted(&self) -> bool {
        self.vote.as_ref().is_none_or(RecordedVote::carries)
    }
}

/// A recorded adoption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Adoption {
    pub id: i64,
    #[serde(flatten)]
    pub adoption: NewAdoption,
    pub entered_by: String,
    pub entered_at: DateTime<Utc>,
    /// Statements, after the vote, of how states intended to vote, by state
    /// code; the ballots and totals stand as recorded.
    #[serde(default)]
    pub intentions: Vec<VoteIntention>,
}

impl std::ops::Deref for Adoption {
    type Target = NewAdoption;
    fn deref(&self) -> &NewAdoption {
        &self.adoption
    }
}

/// The kinds of meeting that adopt texts: an intergovernmental conference,
/// a plenary meeting (of the General Assembly).
pub fn adopts_texts(kind: MeetingKind) -> bool {
    matches!(kind, MeetingKind::Conference | MeetingKind::PlenaryMeeting)
}

/// The numbered paragraphs of `text` that are not agreed: under negotiation
/// (no status recorded) or bracketed. Deleted paragraphs need no agreement.
/// Each is named by its number ("17"), in the text's order.
pub fn not_agreed_paragraphs(
    text: &DraftText,
    statuses: &std::collections::HashMap<Wid, ParagraphStatus>,
) -> Vec<String> {
    text.placed()
        .into_iter()
        .filter(|p| p.kind == NodeKind::Paragraph)
        .filter(|p| {
            !matches!(
                statuses.get(&p.wid),
                Some(ParagraphStatus::AgreedAdRef | ParagraphStatus::Deleted)
            )
        })
        .map(|p| p.num.trim_end_matches('.').to_owned())
        .collect()
}

/// What the adoption guards need to know about an adoption being recorded,
/// looked up by the app in the same unit of work as the write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptionSetting {
    /// The version's label ("Rev.3"), for the messages.
    pub version: String,
    /// The meeting's title, for the messages.
    pub meeting: String,
    pub meeting_kind: MeetingKind,
    /// The phase current on the adoption's date, if any.
    pub phase: Option<PhaseKind>,
    /// How many adoptions of this version the meeting has recorded already.
    pub earlier_here: usize,
    /// The version's numbered paragraphs not agreed ([`not_agreed_paragraphs`]).
    pub not_agreed: Vec<String>,
    /// The meeting decided to adopt the text as it stands.
    pub as_it_stands: bool,
}

impl AdoptionSetting {
    /// The adoption guards, in the order a secretariat would apply them:
    /// the right kind of meeting or phase; one adoption of a version per
    /// meeting; every paragraph agreed, unless the meeting decided to adopt
    /// the text as it stands. Returns the paragraphs to record as not agreed
    /// (empty unless adopted as it stands).
    pub fn check(&self) -> Result<Vec<String>, ValidationError> {
        check_adoption_setting(self.meeting_kind, self.phase)?;
        if self.earlier_here > 0 {
            return Err(ValidationError::AlreadyAdopted {
                version: self.version.clone(),
                meeting: self.meeting.clone(),
            });
        }
        if self.as_it_stands {
            return Ok(self.not_agreed.clone());
        }
        if !self.not_agreed.is_empty() {
            return Err(ValidationError::ParagraphsNotAgreed(
                self.not_agreed.clone(),
            ));
        }
        Ok(vec![])
    }
}

/// A text is adopted — and voted on, paragraph by paragraph, before the
/// vote on the whole — at a conference or plenary meeting, or at any
/// meeting while the process is in its adoption phase.
pub fn check_adoption_setting(
    meeting_kind: MeetingKind,
    phase: Option<PhaseKind>,
) -> Result<(), ValidationError> {
    if !adopts_texts(meeting_kind) && phase != Some(PhaseKind::Adoption) {
        return Err(ValidationError::NotAnAdoptionSetting {
            meeting_kind: meeting_kind.to_string(),
            phase: phase.map_or("no phase".to_owned(), |p| format!("the {p} phase")),
        });
    }
    Ok(())
}

crate::named_enum!(
    /// What a separate vote on a paragraph decided: the paragraph is
    /// retained when the vote to retain it carries, deleted otherwise.
    ParagraphVoteResult, "result of a separate vote" {
        Retained => "retained",
        Deleted => "deleted",
    }
);

crate::named_enum!(
    /// A change moved from the floor: an oral amendment (by any
    /// delegation) or an oral revision (by the sponsors).
    OralChangeKind, "kind of oral change" {
        OralAmendment => "oral_amendment",
        OralRevision => "oral_revision",
    }
);

crate::named_enum!(
    /// What became of an oral change.
    OralChangeOutcome, "outcome of an oral change" {
        Accepted => "accepted",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
    }
);

/// A separate vote on one paragraph of a version at a meeting, before the
/// vote on the whole (GA rules of procedure, rule 89, division of
/// proposals): the vote is to retain the paragraph; if it does not carry,
/// the paragraph is deleted from the text put to the vote on the whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParagraphVote {
    /// 0 until stored.
    pub id: i64,
    pub process: Slug,
    pub meeting: i64,
    pub version: i64,
    /// The paragraph's stable id (wId).
    pub paragraph: Wid,
    /// Its number in the version ("23.", "(c)"), as voted on.
    pub number: String,
    /// The delegation that requested the separate vote.
    pub requested_by: ActorCode,
    pub voted_on: NaiveDate,
    pub vote: RecordedVote,
    /// Computed from the vote and its majority, never typed.
    pub result: ParagraphVoteResult,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl ParagraphVote {
    /// Retained when the vote carries under its majority rule, else deleted.
    pub fn result_of(vote: &RecordedVote) -> ParagraphVoteResult {
        if vote.carries() {
            ParagraphVoteResult::Retained
        } else {
            ParagraphVoteResult::Deleted
        }
    }
}

/// An oral amendment or oral revision moved from the floor at a meeting,
/// read out, and accepted, rejected or withdrawn; put to a vote or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OralChange {
    /// 0 until stored.
    pub id: i64,
    pub process: Slug,
    pub meeting: i64,
    pub version: i64,
    /// The paragraph's stable id (wId).
    pub paragraph: Wid,
    /// Its number in the version ("5.").
    pub number: String,
    pub kind: OralChangeKind,
    /// The delegation that moved it (a member state, an observer state or a group).
    pub moved_by: ActorCode,
    pub moved_on: NaiveDate,
    /// The change as read out.
    pub text: String,
    pub outcome: OralChangeOutcome,
    /// The vote, when it was put to one (the outcome then follows from it).
    pub vote: Option<RecordedVote>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// What the rules on votes before the vote on the whole need to know,
/// looked up by the app in the unit of work that writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BeforeTheWhole {
    /// The version's label ("Rev.3"), for the messages.
    pub version: String,
    /// The meeting's title, for the messages.
    pub meeting: String,
    pub meeting_kind: MeetingKind,
    /// The phase current on the day of the vote, if any.
    pub phase: Option<PhaseKind>,
    /// The vote on the whole has been taken: the version has an adoption
    /// recorded at this meeting or on a later day, or was adopted anywhere.
    pub adopted: bool,
}

impl BeforeTheWhole {
    /// The meeting adopts texts (as [`AdoptionSetting`] asks), and the vote
    /// on the whole has not been taken.
    pub fn check(&self) -> Result<(), ValidationError> {
        check_adoption_setting(self.meeting_kind, self.phase)?;
        if self.adopted {
            return Err(ValidationError::VersionAlreadyAdopted {
                version: self.version.clone(),
                meeting: self.meeting.clone(),
            });
        }
        Ok(())
    }
}

/// The paragraph (or sub-paragraph) of `text` named by its wId, its eId
/// (`para_23`, `para_23__subpara_c`) or its number (`23`, `23.`).
pub fn find_paragraph(
    text: &DraftText,
    version: &str,
    named: &str,
) -> Result<crate::negotiation::Placed, ValidationError> {
    let wanted = named.trim();
    let number = wanted.trim_end_matches('.');
    text.placed()
        .into_iter()
        .filter(|p| matches!(p.kind, NodeKind::Paragraph | NodeKind::Subparagraph))
        .find(|p| {
            p.wid.as_str() == wanted
                || p.eid == wanted
                || (p.kind == NodeKind::Paragraph
                    && !number.is_empty()
                    && p.num.trim_end_matches('.') == number)
        })
        .ok_or_else(|| ValidationError::NoSuchParagraph {
            paragraph: wanted.chars().take(40).collect(),
            version: version.to_owned(),
        })
}

/// A delegation that requests a separate vote or moves an oral change: a
/// member state, an observer state or a group of states, real — never a
/// simulated delegation.
pub fn check_delegation(actor: &ActorCode, kind: crate::ActorKind) -> Result<(), ValidationError> {
    use crate::ActorKind::*;
    if matches!(kind, MemberState | ObserverState | Group) {
        Ok(())
    } else {
        Err(ValidationError::NotADelegation {
            actor: actor.to_string(),
            kind: kind.to_string().replace('_', " "),
        })
    }
}

/// A vote taken on a part of a text before the vote on the whole is
/// recorded once taken: closed, its totals adding up to the members.
fn check_part_vote(
    vote: &RecordedVote,
    members: &HashSet<ActorCode>,
) -> Result<(), ValidationError> {
    if vote.open {
        return Err(ValidationError::Invalid {
            what: "vote",
            value: "open".into(),
            reason: "a separate vote or a vote on an oral change is recorded once taken, with its totals",
        });
    }
    vote.check(members)
}

/// Checks a separate vote on `paragraph` of the version: the setting
/// ([`BeforeTheWhole`]), the paragraph exists in the version, it is voted
/// on once at the meeting (`earlier`: the separate votes recorded at the
/// meeting on the version), and the vote is a closed, well-formed record.
/// Returns the paragraph and the result the vote gives.
pub fn check_paragraph_vote(
    before: &BeforeTheWhole,
    text: &DraftText,
    paragraph: &str,
    earlier: &[ParagraphVote],
    vote: &RecordedVote,
    members: &HashSet<ActorCode>,
) -> Result<(crate::negotiation::Placed, ParagraphVoteResult), ValidationError> {
    before.check()?;
    let placed = find_paragraph(text, &before.version, paragraph)?;
    if earlier.iter().any(|v| v.paragraph == placed.wid) {
        return Err(ValidationError::ParagraphAlreadyVoted {
            paragraph: placed.num.trim_end_matches('.').to_owned(),
            meeting: before.meeting.clone(),
        });
    }
    check_part_vote(vote, members)?;
    Ok((placed, ParagraphVote::result_of(vote)))
}

/// Checks an oral change: the setting ([`BeforeTheWhole`]), the paragraph
/// exists in the version, the words read out (1 to 5,000 characters), and
/// the outcome: put to a vote, it follows from the vote (accepted when it
/// carries; a given outcome must agree, and a withdrawn change was not
/// voted on); not put to a vote, it is given. Returns the paragraph and
/// the outcome.
pub fn check_oral_change(
    before: &BeforeTheWhole,
    text: &DraftText,
    paragraph: &str,
    read_out: &str,
    outcome: Option<OralChangeOutcome>,
    vote: Option<&RecordedVote>,
    members: &HashSet<ActorCode>,
) -> Result<(crate::negotiation::Placed, OralChangeOutcome), ValidationError> {
    before.check()?;
    let placed = find_paragraph(text, &before.version, paragraph)?;
    required("oral change", read_out)?;
    at_most("oral change", read_out, 5_000)?;
    let outcome = match (vote, outcome) {
        (None, Some(o)) => o,
        (None, None) => return Err(ValidationError::Empty("outcome of the oral change")),
        (Some(v), given) => {
            check_part_vote(v, members)?;
            let follows = if v.carries() {
                OralChangeOutcome::Accepted
            } else {
                OralChangeOutcome::Rejected
            };
            if let Some(g) = given.filter(|g| *g != follows) {
                return Err(ValidationError::Invalid {
                    what: "outcome of the oral change",
                    value: g.to_string(),
                    reason: "an oral change put to a vote is accepted when the vote carries and rejected when it does not (a withdrawn change was not voted on)",
                });
            }
            follows
        }
    };
    Ok((placed, outcome))
}

/// The text as adopted: the version without the paragraphs deleted by
/// separate votes (their sub-paragraphs go with them). Oral changes are
/// recorded and shown beside it, not applied to its words.
pub fn text_as_adopted(text: &DraftText, votes: &[ParagraphVote]) -> DraftText {
    let deleted: HashSet<&Wid> = votes
        .iter()
        .filter(|v| v.result == ParagraphVoteResult::Deleted)
        .map(|v| &v.paragraph)
        .collect();
    fn keep(
        nodes: &[crate::negotiation::Node],
        deleted: &HashSet<&Wid>,
    ) -> Vec<crate::negotiation::Node> {
        nodes
            .iter()
            .filter(|n| !deleted.contains(&n.wid))
            .map(|n| crate::negotiation::Node {
                children: keep(&n.children, deleted),
                ..n.clone()
            })
            .collect()
    }
    DraftText {
        nodes: keep(&text.nodes, &deleted),
        ..text.clone()
    }
}

/// What the endorsement rules need to know, looked up by the app in the
/// unit of work that records the endorsing adoption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endorsement {
    /// The endorsing text: its draft's id, slug and kind, and the version.
    pub draft: i64,
    pub draft_slug: String,
    pub draft_kind: DraftKind,
    pub version: i64,
    /// The adoption endorsed: its title (for the messages), the draft and
    /// version it adopted, and whether it adopted it (consensus, or a vote
    /// that carried).
    pub endorsed_title: String,
    pub endorsed_draft: i64,
    pub endorsed_version: i64,
    pub endorsed_adopted: bool,
}

impl Endorsement {
    /// An endorsement adopts a text of its own — not the endorsed version,
    /// nor another version of the endorsed draft — and that text is a draft
    /// resolution; what it endorses was adopted.
    pub fn check(&self) -> Result<(), ValidationError> {
        if self.version == self.endorsed_version || self.draft == self.endorsed_draft {
            return Err(ValidationError::EndorsementNeedsItsOwnText(
                self.draft_slug.clone(),
            ));
        }
        if self.draft_kind != DraftKind::Resolution {
            return Err(ValidationError::EndorsementNotAResolution(
                self.draft_slug.clone(),
            ));
        }
        if !self.endorsed_adopted {
            return Err(ValidationError::EndorsesNothingAdopted(
                self.endorsed_title.clone(),
            ));
        }
        Ok(())
    }
}

/// One paragraph of a resolution, as the resolution is read: preambular
/// paragraphs unnumbered, operative ones numbered from 1, with their
/// lettered sub-paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionParagraph {
    pub wid: Wid,
    /// "1." for an operative paragraph; `None` for a preambular one.
    pub num: Option<String>,
    pub text: String,
    /// Its sub-paragraphs: ("(a)", words).
    pub subparagraphs: Vec<(String, String)>,
}

/// A resolution's text in its two parts. In the draft model a resolution
/// is a text whose first section holds the preambular paragraphs and whose
/// later sections hold the operative ones; a text without sections is all
/// operative. A resolution whose wording is not recorded has neither.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resolution {
    pub preambular: Vec<ResolutionParagraph>,
    pub operative: Vec<ResolutionParagraph>,
}

impl Resolution {
    pub fn of(text: &DraftText) -> Resolution {
        fn paragraph(node: &crate::negotiation::Node, num: Option<String>) -> ResolutionParagraph {
            ResolutionParagraph {
                wid: node.wid.clone(),
                num,
                text: node.text.clone(),
                subparagraphs: node
                    .children
                    .iter()
                    .filter(|c| c.kind == NodeKind::Subparagraph)
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            format!("({})", crate::negotiation::letter(i)),
                            c.text.clone(),
                        )
                    })
                    .collect(),
            }
        }
        fn paragraphs<'a>(
            nodes: &'a [crate::negotiation::Node],
            out: &mut Vec<&'a crate::negotiation::Node>,
        ) {
            for n in nodes {
                match n.kind {
                    NodeKind::Paragraph => out.push(n),
                    NodeKind::Section | NodeKind::Objective => paragraphs(&n.children, out),
                    NodeKind::Subparagraph => {}
                }
            }
        }
        let mut preamble = vec![];
        let mut operative = vec![];
        let mut sections = 0;
        for n in &text.nodes {
            if n.kind == NodeKind::Section {
                sections += 1;
            }
            if sections == 1 && n.kind == NodeKind::Section {
                paragraphs(&n.children, &mut preamble);
            } else {
                paragraphs(std::slice::from_ref(n), &mut operative);
            }
        }
        Resolution {
            preambular: preamble.into_iter().map(|n| paragraph(n, None)).collect(),
            operative: operative
                .into_iter()
                .enumerate()
                .map(|(i, n)| paragraph(n, Some(format!("{}.", i + 1))))
                .collect(),
        }
    }

    /// Whether the resolution's wording is recorded at all.
    pub fn is_empty(&self) -> bool {
        self.preambular.is_empty() && self.operative.is_empty()
    }
}

/// An adopted version is closed: no amendment is tabled on it, and none of
/// its amendments takes a position, a co-sponsor or a decision.
pub fn check_open_to_amendments(version: &str, adopted: bool) -> Result<(), ValidationError> {
    if adopted {
        return Err(ValidationError::VersionAdopted(version.to_owned()));
    }
    Ok(())
}

/// A statement made about an adoption: which, and as what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptionStatement {
    pub adoption: i64,
    pub statement: i64,
    pub kind: AdoptionStatementKind,
}

crate::named_enum!(
    /// Where a pledge stands.
    PledgeStatus, "pledge status" {
        Announced => "announced",
        InProgress => "in_progress",
        Fulfilled => "fulfilled",
        Withdrawn => "withdrawn",
    }
);

/// A commitment an actor makes towards the adopted text's objectives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPledge {
    /// Taken from the path.
    #[cfg_attr(feature = "openapi", schema(ignore))]
    pub process: Slug,
    pub actor: ActorCode,
    /// Objective numbers of the adopted text (1-based).
    pub objectives: Vec<u32>,
    pub title: String,
    pub description: String,
    pub made_on: NaiveDate,
    pub status: PledgeStatus,
    /// The meeting where it was announced (a review forum), if any.
    #[serde(default)]
    pub meeting: Option<i64>,
    /// Generated test data, labelled as such wherever it appears.
    #[serde(default)]
    pub synthetic: bool,
}

impl NewPledge {
    /// Rules that need the pledge and the number of objectives the adopted
    /// text has.
    pub fn validate(&self, objectives: u32) -> Result<(), ValidationError> {
        required("pledge title", &self.title)?;
        at_most("pledge title", &self.title, 300)?;
        required("pledge description", &self.description)?;
        at_most("pledge description", &self.description, 10_000)?;
        if self.objectives.is_empty() {
            return Err(ValidationError::Empty("pledge objectives"));
        }
        let mut seen = HashSet::new();
        for &o in &self.objectives {
            if o == 0 || o > objectives {
                return Err(ValidationError::UnknownObjective {
                    number: o,
                    objectives,
                });
            }
            if !seen.insert(o) {
                return Err(ValidationError::Invalid {
                    what: "pledge objectives",
                    value: o.to_string(),
                    reason: "an objective is named twice",
                });
            }
        }
        Ok(())
    }
}

/// A recorded pledge, with its progress reports (oldest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pledge {
    pub id: i64,
    // Flattened: `NewPledge`'s schema is a request's (no `process`, no
    // other field allowed), so the record's fields are declared apart.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(value_type = PledgeFields))]
    pub pledge: NewPledge,
    pub entered_by: String,
    pub entered_at: DateTime<Utc>,
    #[serde(default)]
    pub reports: Vec<ProgressReport>,
}

/// A recorded pledge's own fields as they are serialized (a [`NewPledge`]
/// with its process): the schema of [`Pledge`]'s flattened part.
#[cfg(feature = "openapi")]
#[derive(utoipa::ToSchema)]
pub struct PledgeFields {
    pub process: Slug,
    pub actor: ActorCode,
    /// Objective numbers of the adopted text (1-based).
    pub objectives: Vec<u32>,
    pub title: String,
    pub description: String,
    pub made_on: NaiveDate,
    pub status: PledgeStatus,
    /// The meeting where it was announced (a review forum), if any.
    pub meeting: Option<i64>,
    /// Generated test data, labelled as such wherever it appears.
    pub synthetic: bool,
}

impl std::ops::Deref for Pledge {
    type Target = NewPledge;
    fn deref(&self) -> &NewPledge {
        &self.pledge
    }
}

/// What a pledge's maker reports of its progress; the report's status
/// becomes the pledge's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressReport {
    pub id: i64,
    pub pledge: i64,
    pub reported_on: NaiveDate,
    pub status: PledgeStatus,
    pub text: String,
    pub entered_by: String,
    pub entered_at: DateTime<Utc>,
}

/// Checks a progress report before it is recorded.
pub fn check_progress_report(
    pledge: &Pledge,
    reported_on: NaiveDate,
    text: &str,
) -> Result<(), ValidationError> {
    required("progress report", text)?;
    at_most("progress report", text, 10_000)?;
    if reported_on < pledge.made_on {
        return Err(ValidationError::EndBeforeStart {
            what: format!("the progress report on pledge {}", pledge.id),
            start: pledge.made_on,
            end: reported_on,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> ActorCode {
        s.parse().unwrap()
    }

    fn members(n: usize) -> HashSet<ActorCode> {
        // AAA, AAB, … as stand-in codes.
        (0..n)
            .map(|i| {
                let b = |k: usize| (b'A' + (k % 26) as u8) as char;
                code(&format!("{}{}{}", b(i / 676), b(i / 26), b(i)))
            })
            .collect()
    }

    fn vote(
        yes: u32,
        no: u32,
        abstain: u32,
        not_voting: u32,
        ballots: Vec<Ballot>,
    ) -> RecordedVote {
        RecordedVote {
            majority: MajorityRule::Simple,
            totals: Totals {
                yes,
                no,
                abstain,
                not_voting,
            },
            ballots,
            open: false,
            present: None,
        }
    }

    fn ballot(state: &str, vote: VoteChoice) -> Ballot {
        Ballot {
            state: code(state),
            vote,
        }
    }

    #[test]
    fn the_gcm_endorsement_carries_by_simple_and_two_thirds_majority() {
        let t = Totals {
            yes: 152,
            no: 5,
            abstain: 12,
            not_voting: 24,
        };
        assert_eq!(t.sum(), 193);
        assert!(t.carries(MajorityRule::Simple));
        assert!(t.carries(MajorityRule::TwoThirds));
        assert_eq!(t.needed(MajorityRule::Simple), 79);
        assert_eq!(t.needed(MajorityRule::TwoThirds), 105);
    }

    #[test]
    fn majorities_count_only_members_present_and_voting() {
        let tie = Totals {
            yes: 10,
            no: 10,
            abstain: 100,
            not_voting: 73,
        };
        assert!(!tie.carries(MajorityRule::Simple));
        // 20 yes, 10 no: exactly two thirds carries.
        let two_thirds = Totals {
            yes: 20,
            no: 10,
            abstain: 0,
            not_voting: 0,
        };
        assert!(two_thirds.carries(MajorityRule::TwoThirds));
        let short = Totals {
            yes: 19,
            no: 10,
            abstain: 0,
            not_voting: 0,
        };
        assert!(!short.carries(MajorityRule::TwoThirds));
        assert!(short.carries(MajorityRule::Simple));
        // Nobody voting yes or no: nothing carries.
        let none = Totals {
            yes: 0,
            no: 0,
            abstain: 5,
            not_voting: 0,
        };
        assert!(!none.carries(MajorityRule::Simple));
        assert!(!none.carries(MajorityRule::TwoThirds));
    }

    #[test]
    fn totals_must_add_up_to_the_member_states() {
        let m = members(10);
        let err = vote(5, 1, 1, 1, vec![]).check(&m).unwrap_err();
        assert_eq!(err.kind(), "totals_do_not_add_up");
        assert!(err.to_string().contains("10 member states"), "{err}");
        assert!(vote(5, 2, 2, 1, vec![]).check(&m).is_ok());
    }

    #[test]
    fn only_member_states_vote_and_each_once() {
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE"].iter().map(|c| code(c)).collect();
        let holy_see = vote(2, 0, 1, 0, vec![ballot("VAT", VoteChoice::Yes)]);
        let err = holy_see.check(&m).unwrap_err();
        assert_eq!(err.kind(), "not_a_member_state");
        assert!(err.to_string().contains("VAT"));
        let twice = vote(
            2,
            0,
            1,
            0,
            vec![
                ballot("FRA", VoteChoice::Yes),
                ballot("FRA", VoteChoice::Yes),
            ],
        );
        assert_eq!(twice.check(&m).unwrap_err().kind(), "already_voted");
        // Added later: a state already on record cannot vote again.
        let err = check_ballots(
            &[ballot("MEX", VoteChoice::Yes)],
            &[ballot("MEX", VoteChoice::No)],
            &m,
            &Totals {
                yes: 2,
                no: 1,
                abstain: 0,
                not_voting: 0,
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), "already_voted");
        assert!(err.is_conflict());
    }

    #[test]
    fn ballots_cannot_outnumber_the_totals() {
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE"].iter().map(|c| code(c)).collect();
        let v = vote(
            2,
            1,
            0,
            0,
            vec![ballot("FRA", VoteChoice::No), ballot("MEX", VoteChoice::No)],
        );
        let err = v.check(&m).unwrap_err();
        assert_eq!(err.kind(), "ballots_exceed_totals");
        assert!(err.to_string().contains("2 ballots 'no'"), "{err}");
        let ok = vote(
            2,
            1,
            0,
            0,
            vec![
                ballot("FRA", VoteChoice::No),
                ballot("MEX", VoteChoice::Yes),
            ],
        );
        assert!(ok.check(&m).is_ok());
        assert_eq!(ok.recorded().get(&VoteChoice::No), Some(&1));
    }

    #[test]
    fn consensus_has_no_vote_and_a_vote_needs_totals() {
        let m = members(3);
        let mut a = NewAdoption {
            process: "gcm".parse().unwrap(),
            meeting: 1,
            version: 1,
            title: "Adoption".into(),
            adopted_on: "2018-12-10".parse().unwrap(),
            symbol: None,
            method: AdoptionMethod::Consensus,
            vote: None,
            endorses: None,
            note: None,
            as_it_stands: false,
            not_agreed: vec![],
        };
        assert!(a.validate(&m).is_ok());
        assert!(a.adopted());
        a.vote = Some(vote(3, 0, 0, 0, vec![]));
        assert_eq!(a.validate(&m).unwrap_err().kind(), "invalid");
        a.method = AdoptionMethod::RecordedVote;
        assert!(a.validate(&m).is_ok());
        a.vote = Some(vote(1, 2, 0, 0, vec![]));
        assert!(!a.adopted(), "a vote that does not carry adopts nothing");
        a.vote = None;
        assert_eq!(a.validate(&m).unwrap_err().kind(), "invalid");
    }

    #[test]
    fn a_vote_taken_in_accord_counts_its_ballots_when_it_closes() {
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE", "USA"]
            .iter()
            .map(|c| code(c))
            .collect();
        let mut v = RecordedVote {
            majority: MajorityRule::Simple,
            totals: Totals::default(),
            ballots: vec![],
            open: true,
            present: None,
        };
        assert!(v.check(&m).is_ok());
        assert!(!v.carries(), "nothing carries while the vote is open");
        let cast = [
            ballot("FRA", VoteChoice::Yes),
            ballot("MEX", VoteChoice::Yes),
        ];
        check_cast(&v.ballots, &cast, &m).unwrap();
        v.ballots.extend(cast);
        assert_eq!(
            check_cast(&v.ballots, &[ballot("FRA", VoteChoice::No)], &m)
                .unwrap_err()
                .kind(),
            "already_voted"
        );
        v.ballots.push(ballot("USA", VoteChoice::No));
        let absent = v.close(&m);
        assert_eq!(absent, vec![ballot("CHE", VoteChoice::NotVoting)]);
        assert_eq!(
            v.totals,
            Totals {
                yes: 2,
                no: 1,
                abstain: 0,
                not_voting: 1
            }
        );
        assert!(!v.open);
        assert!(v.carries());
        assert!(v.check(&m).is_ok(), "a closed vote adds up");
        // An open vote starts empty.
        let early = RecordedVote {
            open: true,
            present: None,
            ballots: vec![ballot("FRA", VoteChoice::Yes)],
            ..v.clone()
        };
        assert_eq!(early.check(&m).unwrap_err().kind(), "invalid");
    }

    /// Each rule on a statement of intention, as a table of cases: the vote,
    /// the state and what it intended, and the error kind expected.
    #[test]
    fn statements_of_intention_table() {
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE"].iter().map(|c| code(c)).collect();
        let closed = vote(
            1,
            1,
            0,
            1,
            vec![
                ballot("FRA", VoteChoice::Yes),
                ballot("MEX", VoteChoice::No),
                ballot("CHE", VoteChoice::NotVoting),
            ],
        );
        let recorded_after = vote(1, 1, 0, 1, vec![ballot("FRA", VoteChoice::Yes)]);
        let open = RecordedVote {
            open: true,
            present: None,
            totals: Totals::default(),
            ballots: vec![],
            ..closed.clone()
        };
        let stated = vec![VoteIntention {
            state: code("MEX"),
            vote: VoteChoice::Abstain,
            entered_by: "sec@example.org".into(),
            entered_at: "2030-06-03T10:00:00Z".parse().unwrap(),
        }];
        use VoteChoice::*;
        // (case, the vote, the statements made, the state, what it
        // intended, the error kind expected)
        type Case<'a> = (
            &'a str,
            &'a RecordedVote,
            &'a [VoteIntention],
            &'a str,
            VoteChoice,
            Result<(), &'a str>,
        );
        let cases: Vec<Case> = vec![
            (
                "a state not voting intended to vote yes",
                &closed,
                &[],
                "CHE",
                Yes,
                Ok(()),
            ),
            (
                "a state recorded yes intended to abstain",
                &closed,
                &[],
                "FRA",
                Abstain,
                Ok(()),
            ),
            (
                "a state with no ballot on record",
                &recorded_after,
                &[],
                "MEX",
                No,
                Ok(()),
            ),
            (
                "while the vote is open",
                &open,
                &[],
                "FRA",
                Yes,
                Err("vote_still_open"),
            ),
            (
                "an observer state",
                &closed,
                &[],
                "VAT",
                Yes,
                Err("not_a_member_state"),
            ),
            (
                "intended not to vote",
                &closed,
                &[],
                "FRA",
                NotVoting,
                Err("invalid"),
            ),
            (
                "the vote it cast",
                &closed,
                &[],
                "MEX",
                No,
                Err("intention_matches_ballot"),
            ),
            (
                "a second statement",
                &closed,
                &stated,
                "MEX",
                Yes,
                Err("intention_already_stated"),
            ),
            (
                "another state after one stated",
                &closed,
                &stated,
                "CHE",
                Abstain,
                Ok(()),
            ),
        ];
        for (name, v, stated, state, intended, expected) in cases {
            let got = check_intention(v, stated, &m, &code(state), intended).map_err(|e| e.kind());
            assert_eq!(got, expected, "{name}");
        }
        assert!(ValidationError::IntentionAlreadyStated("MEX".into()).is_conflict());
        assert!(ValidationError::VoteStillOpen.is_conflict());
    }

    /// Each rule on the states present at a vote, as a table of cases:
    /// the states listed present, and the error kind expected.
    #[test]
    fn presence_table() {
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE", "USA", "DEU"]
            .iter()
            .map(|c| code(c))
            .collect();
        // 2 yes, 1 no, 1 abstaining, 1 not voting; France yes and
        // Switzerland abstaining on record.
        let with = |present: Option<&str>| RecordedVote {
            present: present.map(|p| listed_codes(p).unwrap()),
            ..vote(
                2,
                1,
                1,
                1,
                vec![
                    ballot("FRA", VoteChoice::Yes),
                    ballot("CHE", VoteChoice::Abstain),
                ],
            )
        };
        let cases: Vec<(&str, Option<&str>, Result<(), &str>)> = vec![
            ("not recorded", None, Ok(())),
            (
                "those who voted or abstained",
                Some("FRA MEX CHE USA"),
                Ok(()),
            ),
            (
                "every member, one present not voting",
                Some("FRA MEX CHE USA DEU"),
                Ok(()),
            ),
            (
                "an observer state",
                Some("FRA MEX CHE USA VAT"),
                Err("not_a_member_state"),
            ),
            (
                "a state listed twice",
                Some("FRA MEX CHE FRA"),
                Err("invalid"),
            ),
            (
                "France voted yes but is not listed",
                Some("MEX CHE USA DEU"),
                Err("voted_but_absent"),
            ),
            (
                "Switzerland abstained but is not listed",
                Some("FRA MEX USA DEU"),
                Err("voted_but_absent"),
            ),
            (
                "fewer present than voted or abstained",
                Some("FRA CHE USA"),
                Err("fewer_present_than_voted"),
            ),
        ];
        for (name, present, expected) in cases {
            let got = with(present).check(&m).map_err(|e| e.kind());
            assert_eq!(got, expected, "{name}");
        }
        // Abstaining states are present but not voting: the majority counts
        // the members present and voting.
        let t = Totals {
            yes: 83,
            no: 81,
            abstain: 12,
            not_voting: 17,
        };
        assert_eq!(t.present_and_voting(), 164);
        assert_eq!(t.needed(MajorityRule::Simple), 83);
        // An open vote has no presence yet; closing records who cast a ballot.
        let mut open = RecordedVote {
            open: true,
            totals: Totals::default(),
            ballots: vec![],
            present: Some(vec![code("FRA")]),
            ..with(None)
        };
        assert_eq!(open.check(&m).unwrap_err().kind(), "invalid");
        open.present = None;
        open.ballots = vec![
            ballot("USA", VoteChoice::No),
            ballot("CHE", VoteChoice::Abstain),
        ];
        open.close(&m);
        assert_eq!(open.present, Some(vec![code("CHE"), code("USA")]));
        assert!(open.check(&m).is_ok(), "a closed vote's presence adds up");
        // Read as a list or one text of codes.
        let read: RecordedVote =
            serde_json::from_str(r#"{"majority":"simple","present":"fra, MEX\nche"}"#).unwrap();
        assert_eq!(
            read.present,
            Some(vec![code("FRA"), code("MEX"), code("CHE")])
        );
        let read: RecordedVote =
            serde_json::from_str(r#"{"majority":"simple","present":["USA"]}"#).unwrap();
        assert_eq!(read.present, Some(vec![code("USA")]));
        let err =
            serde_json::from_str::<RecordedVote>(r#"{"majority":"simple","present":"US<b>"}"#)
                .unwrap_err()
                .to_string();
        assert!(err.contains("is not a state code"), "{err}");
    }

    #[test]
    fn a_pledge_names_objectives_the_text_has() {
        let mut p = NewPledge {
            process: "gcm".parse().unwrap(),
            actor: code("MEX"),
            objectives: vec![5, 23],
            title: "Pathways".into(),
            description: "More regular pathways.".into(),
            made_on: "2022-05-18".parse().unwrap(),
            status: PledgeStatus::Announced,
            meeting: None,
            synthetic: false,
        };
        assert!(p.validate(23).is_ok());
        p.objectives = vec![24];
        let err = p.validate(23).unwrap_err();
        assert_eq!(err.kind(), "unknown_objective");
        assert!(err.to_string().contains("24"));
        p.objectives = vec![0];
        assert_eq!(p.validate(23).unwrap_err().kind(), "unknown_objective");
        p.objectives = vec![];
        assert_eq!(p.validate(23).unwrap_err().kind(), "invalid");
        p.objectives = vec![3, 3];
        assert_eq!(p.validate(23).unwrap_err().kind(), "invalid");
    }

    #[test]
    fn ballots_are_read_as_a_list_or_as_codes_by_vote() {
        let listed: RecordedVote = serde_json::from_str(
            r#"{"majority":"simple","ballots":[{"state":"HUN","vote":"no"}]}"#,
        )
        .unwrap();
        assert_eq!(listed.ballots.len(), 1);
        let by_vote: RecordedVote = serde_json::from_str(
            r#"{"majority":"simple","ballots":{"no":"CZE, hun\nISR;POL  USA","abstain":["AUT","CHE"],"yes":""}}"#,
        )
        .unwrap();
        let no: Vec<&str> = by_vote
            .ballots
            .iter()
            .filter(|b| b.vote == VoteChoice::No)
            .map(|b| b.state.as_str())
            .collect();
        assert_eq!(no, ["CZE", "HUN", "ISR", "POL", "USA"]);
        assert_eq!(by_vote.ballots.len(), 7);
    }

    #[test]
    fn hostile_code_lists_are_refused_by_name() {
        for (body, says) in [
            (r#"{"maybe":"MEX"}"#, "maybe"),
            (r#"{"no":"MEX <script>"}"#, "'<script>' is not a state code"),
            (r#"{"no":"M\u0000X"}"#, "is not a state code"),
            (r#"{"no":7}"#, "did not match"),
        ] {
            let json = format!(r#"{{"majority":"simple","ballots":{body}}}"#);
            let err = serde_json::from_str::<RecordedVote>(&json)
                .unwrap_err()
                .to_string();
            assert!(err.contains(says), "{body}: {err}");
        }
        let many = vec!["MEX"; 401].join(" ");
        let err = listed_codes(&many).unwrap_err();
        assert!(err.contains("at most 400"), "{err}");
        assert_eq!(listed_codes("  ,; \n").unwrap(), vec![]);
    }

    /// Each adoption guard, as a table of cases: the setting, and the error
    /// kind expected (`None`: recorded, with the paragraphs listed).
    #[test]
    fn adoption_guards_table() {
        let setting = |kind: MeetingKind,
                       phase: Option<PhaseKind>,
                       earlier: usize,
                       not_agreed: &[&str],
                       as_it_stands: bool| AdoptionSetting {
            version: "Rev.3".into(),
            meeting: "Conference".into(),
            meeting_kind: kind,
            phase,
            earlier_here: earlier,
            not_agreed: not_agreed.iter().map(ToString::to_string).collect(),
            as_it_stands,
        };
        use MeetingKind::*;
        use PhaseKind::*;
        // (case, setting, the paragraphs recorded or the error kind expected)
        type Case = (
            &'static str,
            AdoptionSetting,
            Result<Vec<&'static str>, &'static str>,
        );
        let cases: Vec<Case> = vec![
            (
                "a conference adopts an agreed text",
                setting(Conference, Some(Negotiation), 0, &[], false),
                Ok(vec![]),
            ),
            (
                "a plenary adopts outside any phase",
                setting(PlenaryMeeting, None, 0, &[], false),
                Ok(vec![]),
            ),
            (
                "an informal consultation during the adoption phase",
                setting(InformalConsultation, Some(Adoption), 0, &[], false),
                Ok(vec![]),
            ),
            (
                "a negotiation round in the negotiation phase",
                setting(NegotiationRound, Some(Negotiation), 0, &[], false),
                Err("not_an_adoption_setting"),
            ),
            (
                "a thematic session outside any phase",
                setting(ThematicSession, None, 0, &[], false),
                Err("not_an_adoption_setting"),
            ),
            (
                "a second adoption of the version at the meeting",
                setting(Conference, Some(Adoption), 1, &[], false),
                Err("already_adopted"),
            ),
            (
                "bracketed paragraphs, no decision",
                setting(Conference, Some(Adoption), 0, &["3", "17"], false),
                Err("paragraphs_not_agreed"),
            ),
            (
                "bracketed paragraphs, adopted as it stands",
                setting(Conference, Some(Adoption), 0, &["3", "17"], true),
                Ok(vec!["3", "17"]),
            ),
            (
                "as it stands does not lift the one-per-meeting rule",
                setting(Conference, Some(Adoption), 2, &["3"], true),
                Err("already_adopted"),
            ),
        ];
        for (name, s, expected) in cases {
            let got = s.check().map_err(|e| e.kind());
            let expected = expected.map(|l| l.iter().map(ToString::to_string).collect::<Vec<_>>());
            assert_eq!(got, expected, "{name}");
        }
        assert_eq!(
            check_open_to_amendments("Rev.3", true).unwrap_err().kind(),
            "version_adopted"
        );
        assert!(check_open_to_amendments("Rev.3", false).is_ok());
        assert!(ValidationError::VersionAdopted("Rev.3".into()).is_conflict());
    }

    #[test]
    fn not_agreed_paragraphs_by_number() {
        let text = crate::negotiation::from_markdown(
            "# Preamble\n\n1. We the States.\n\n2. Recalling.\n\n3. Deciding.\n\n4. Gone.\n",
            None,
        )
        .unwrap()
        .text;
        let placed = text.placed();
        let wid = |n: &str| placed.iter().find(|p| p.num == n).unwrap().wid.clone();
        let mut statuses = std::collections::HashMap::new();
        statuses.insert(wid("1."), ParagraphStatus::AgreedAdRef);
        statuses.insert(wid("2."), ParagraphStatus::Bracketed);
        statuses.insert(wid("4."), ParagraphStatus::Deleted);
        assert_eq!(not_agreed_paragraphs(&text, &statuses), vec!["2", "3"]);
        for p in ["2.", "3."] {
            statuses.insert(wid(p), ParagraphStatus::AgreedAdRef);
        }
        assert!(not_agreed_paragraphs(&text, &statuses).is_empty());
    }

    /// The rules on separate votes on paragraphs, as a table of cases: the
    /// setting, the paragraph named, the votes already taken at the
    /// meeting, the vote, and the result or the error kind expected.
    #[test]
    fn paragraph_votes_table() {
        let text = crate::negotiation::from_markdown(
            "# Preamble\n\n1. We the States.\n\n2. Recalling.\n\n(a) first;\n\n(b) second.\n\n3. Deciding.\n",
            None,
        )
        .unwrap()
        .text;
        let placed = text.placed();
        let wid = |n: &str| placed.iter().find(|p| p.num == n).unwrap().wid.clone();
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE", "USA", "HUN"]
            .iter()
            .map(|c| code(c))
            .collect();
        let before = |kind: MeetingKind, phase: Option<PhaseKind>, adopted: bool| BeforeTheWhole {
            version: "Rev.3".into(),
            meeting: "Conference".into(),
            meeting_kind: kind,
            phase,
            adopted,
        };
        let conference = before(MeetingKind::Conference, None, false);
        let retain = vote(3, 1, 1, 0, vec![ballot("HUN", VoteChoice::No)]);
        let delete = vote(1, 3, 1, 0, vec![]);
        let tie = vote(2, 2, 1, 0, vec![]);
        let two_thirds_short = RecordedVote {
            majority: MajorityRule::TwoThirds,
            ..vote(3, 2, 0, 0, vec![])
        };
        let open = RecordedVote {
            open: true,
            totals: Totals::default(),
            ..vote(0, 0, 0, 0, vec![])
        };
        let earlier = vec![ParagraphVote {
            id: 1,
            process: "gcm".parse().unwrap(),
            meeting: 1,
            version: 1,
            paragraph: wid("3."),
            number: "3.".into(),
            requested_by: code("HUN"),
            voted_on: "2030-06-03".parse().unwrap(),
            vote: delete.clone(),
            result: ParagraphVoteResult::Deleted,
            created_by: "sec@example.org".into(),
            created_at: "2030-06-03T10:00:00Z".parse().unwrap(),
        }];
        let short_totals = vote(1, 1, 1, 0, vec![]);
        let observer = vote(3, 1, 1, 0, vec![ballot("VAT", VoteChoice::Yes)]);
        use ParagraphVoteResult::*;
        type Case<'a> = (
            &'a str,
            BeforeTheWhole,
            String,
            &'a [ParagraphVote],
            &'a RecordedVote,
            Result<ParagraphVoteResult, &'a str>,
        );
        let cases: Vec<Case> = vec![
            (
                "retained by a simple majority",
                conference.clone(),
                "2".into(),
                &[],
                &retain,
                Ok(Retained),
            ),
            (
                "deleted when more vote no",
                conference.clone(),
                "para_2".into(),
                &[],
                &delete,
                Ok(Deleted),
            ),
            (
                "a tie deletes",
                conference.clone(),
                wid("1.").as_str().into(),
                &[],
                &tie,
                Ok(Deleted),
            ),
            (
                "short of two thirds deletes",
                conference.clone(),
                "2.".into(),
                &[],
                &two_thirds_short,
                Ok(Deleted),
            ),
            (
                "a sub-paragraph by its eId",
                conference.clone(),
                "para_2__subpara_b".into(),
                &[],
                &retain,
                Ok(Retained),
            ),
            (
                "another paragraph after one was voted",
                conference.clone(),
                "2".into(),
                &earlier,
                &retain,
                Ok(Retained),
            ),
            (
                "an informal consultation in the adoption phase",
                before(
                    MeetingKind::InformalConsultation,
                    Some(PhaseKind::Adoption),
                    false,
                ),
                "2".into(),
                &[],
                &retain,
                Ok(Retained),
            ),
            (
                "the same paragraph again at the meeting",
                conference.clone(),
                "3".into(),
                &earlier,
                &retain,
                Err("paragraph_already_voted"),
            ),
            (
                "no such paragraph",
                conference.clone(),
                "17".into(),
                &[],
                &retain,
                Err("no_such_paragraph"),
            ),
            (
                "a section is not a paragraph",
                conference.clone(),
                "sec_1".into(),
                &[],
                &retain,
                Err("no_such_paragraph"),
            ),
            (
                "an empty name",
                conference.clone(),
                "  ".into(),
                &[],
                &retain,
                Err("no_such_paragraph"),
            ),
            (
                "hostile input",
                conference.clone(),
                "'; DROP TABLE x; --\u{202e}".repeat(40),
                &[],
                &retain,
                Err("no_such_paragraph"),
            ),
            (
                "after the vote on the whole",
                before(MeetingKind::Conference, None, true),
                "2".into(),
                &[],
                &retain,
                Err("version_already_adopted"),
            ),
            (
                "a negotiation round",
                before(
                    MeetingKind::NegotiationRound,
                    Some(PhaseKind::Negotiation),
                    false,
                ),
                "2".into(),
                &[],
                &retain,
                Err("not_an_adoption_setting"),
            ),
            (
                "a vote still open",
                conference.clone(),
                "2".into(),
                &[],
                &open,
                Err("invalid"),
            ),
            (
                "totals that do not add up",
                conference.clone(),
                "2".into(),
                &[],
                &short_totals,
                Err("totals_do_not_add_up"),
            ),
            (
                "an observer's ballot",
                conference.clone(),
                "2".into(),
                &[],
                &observer,
                Err("not_a_member_state"),
            ),
        ];
        for (name, b, paragraph, earlier, v, expected) in cases {
            let got = check_paragraph_vote(&b, &text, &paragraph, earlier, v, &m)
                .map(|(_, r)| r)
                .map_err(|e| e.kind());
            assert_eq!(got, expected, "{name}");
        }
        let (p, _) = check_paragraph_vote(&conference, &text, "2", &[], &retain, &m).unwrap();
        assert_eq!((p.num.as_str(), p.eid.as_str()), ("2.", "para_2"));
        assert!(ValidationError::ParagraphAlreadyVoted {
            paragraph: "3".into(),
            meeting: "x".into()
        }
        .is_conflict());
        // The text as adopted: the deleted paragraph (and only it) is gone,
        // its sub-paragraphs with it, and the rest renumbers.
        let mut votes = earlier.clone();
        votes.push(ParagraphVote {
            paragraph: wid("1."),
            result: Retained,
            ..earlier[0].clone()
        });
        let adopted = text_as_adopted(&text, &votes);
        let nums: Vec<String> = adopted.placed().into_iter().map(|p| p.num).collect();
        assert_eq!(nums, vec!["1.", "2.", "(a)", "(b)"]);
        votes[0].paragraph = wid("2.");
        let nums: Vec<String> = text_as_adopted(&text, &votes)
            .placed()
            .into_iter()
            .map(|p| p.num)
            .collect();
        assert_eq!(nums, vec!["1.", "2."]);
    }

    /// The rules on oral amendments and revisions, as a table of cases.
    #[test]
    fn oral_changes_table() {
        let text = crate::negotiation::from_markdown("# P\n\n1. One.\n\n5. Five.\n", None)
            .unwrap()
            .text;
        let m: HashSet<ActorCode> = ["FRA", "MEX", "CHE"].iter().map(|c| code(c)).collect();
        let conference = BeforeTheWhole {
            version: "Rev.3".into(),
            meeting: "Conference".into(),
            meeting_kind: MeetingKind::Conference,
            phase: None,
            adopted: false,
        };
        let adopted = BeforeTheWhole {
            adopted: true,
            ..conference.clone()
        };
        let carried = vote(2, 1, 0, 0, vec![]);
        let lost = vote(1, 2, 0, 0, vec![]);
        use OralChangeOutcome::*;
        type Case<'a> = (
            &'a str,
            &'a BeforeTheWhole,
            &'a str,
            &'a str,
            Option<OralChangeOutcome>,
            Option<&'a RecordedVote>,
            Result<OralChangeOutcome, &'a str>,
        );
        let cases: Vec<Case> = vec![
            (
                "a revision accepted without a vote",
                &conference,
                "2",
                "insert 'safe'",
                Some(Accepted),
                None,
                Ok(Accepted),
            ),
            (
                "withdrawn",
                &conference,
                "2",
                "delete 'all'",
                Some(Withdrawn),
                None,
                Ok(Withdrawn),
            ),
            (
                "a vote that carried accepts it",
                &conference,
                "2",
                "x",
                None,
                Some(&carried),
                Ok(Accepted),
            ),
            (
                "a vote that failed rejects it",
                &conference,
                "2",
                "x",
                None,
                Some(&lost),
                Ok(Rejected),
            ),
            (
                "the outcome agrees with the vote",
                &conference,
                "2",
                "x",
                Some(Rejected),
                Some(&lost),
                Ok(Rejected),
            ),
            (
                "the outcome contradicts the vote",
                &conference,
                "2",
                "x",
                Some(Accepted),
                Some(&lost),
                Err("invalid"),
            ),
            (
                "withdrawn after a vote",
                &conference,
                "2",
                "x",
                Some(Withdrawn),
                Some(&carried),
                Err("invalid"),
            ),
            (
                "no outcome, no vote",
                &conference,
                "2",
                "x",
                None,
                None,
                Err("invalid"),
            ),
            (
                "nothing read out",
                &conference,
                "2",
                "   ",
                Some(Accepted),
                None,
                Err("invalid"),
            ),
            (
                "no such paragraph",
                &conference,
                "5",
                "x",
                Some(Accepted),
                None,
                Err("no_such_paragraph"),
            ),
            (
                "after the vote on the whole",
                &adopted,
                "2",
                "x",
                Some(Accepted),
                None,
                Err("version_already_adopted"),
            ),
        ];
        for (name, b, paragraph, read, outcome, v, expected) in cases {
            let got = check_oral_change(b, &text, paragraph, read, outcome, v, &m)
                .map(|(_, o)| o)
                .map_err(|e| e.kind());
            assert_eq!(got, expected, "{name}");
        }
        let long = "x".repeat(5_001);
        assert_eq!(
            check_oral_change(&conference, &text, "1", &long, Some(Accepted), None, &m)
                .unwrap_err()
                .kind(),
            "too_long"
        );
        // Who may request a separate vote or move an oral change.
        use crate::ActorKind::*;
        for (kind, ok) in [
            (MemberState, true),
            (ObserverState, true),
            (Group, true),
            (UnEntity, false),
            (StakeholderOrganisation, false),
            (SimulatedDelegation, false),
            (SimulatedGroup, false),
        ] {
            let got = check_delegation(&code("HUN"), kind).map_err(|e| e.kind());
            assert_eq!(got.is_ok(), ok, "{kind}");
            if !ok {
                assert_eq!(got, Err("not_a_delegation"));
            }
        }
    }

    /// The endorsement rules, as a table of cases: the endorsing text and
    /// what it endorses, and the error kind expected.
    #[test]
    fn endorsement_table() {
        let base = Endorsement {
            draft: 2,
            draft_slug: "a-73-l66".into(),
            draft_kind: DraftKind::Resolution,
            version: 20,
            endorsed_title: "Adoption of the compact".into(),
            endorsed_draft: 1,
            endorsed_version: 10,
            endorsed_adopted: true,
        };
        let cases: Vec<(&str, Endorsement, Result<(), &str>)> = vec![
            (
                "a resolution of its own endorses an adopted text",
                base.clone(),
                Ok(()),
            ),
            (
                "the endorsed text's own version",
                Endorsement {
                    draft: 1,
                    version: 10,
                    draft_kind: DraftKind::NegotiatingText,
                    ..base.clone()
                },
                Err("endorsement_needs_its_own_text"),
            ),
            (
                "another version of the endorsed draft",
                Endorsement {
                    draft: 1,
                    version: 11,
                    ..base.clone()
                },
                Err("endorsement_needs_its_own_text"),
            ),
            (
                "a text of its own that is not a resolution",
                Endorsement {
                    draft_kind: DraftKind::NegotiatingText,
                    ..base.clone()
                },
                Err("endorsement_not_a_resolution"),
            ),
            (
                "an adoption whose vote did not carry",
                Endorsement {
                    endorsed_adopted: false,
                    ..base.clone()
                },
                Err("endorses_nothing_adopted"),
            ),
            (
                "the own-text rule comes first",
                Endorsement {
                    draft: 1,
                    version: 10,
                    endorsed_adopted: false,
                    ..base.clone()
                },
                Err("endorsement_needs_its_own_text"),
            ),
        ];
        for (name, e, expected) in cases {
            assert_eq!(e.check().map_err(|e| e.kind()), expected, "{name}");
        }
        let err = Endorsement {
            endorsed_adopted: false,
            ..base
        }
        .check()
        .unwrap_err();
        assert!(err.to_string().contains("Adoption of the compact"), "{err}");
    }

    #[test]
    fn a_resolution_reads_as_preambular_then_operative_paragraphs() {
        let text = crate::negotiation::from_markdown(
            "# A resolution\n\n## Preamble\n\n1. Recalling.\n\n2. Noting.\n\n## Operative part\n\n3. Endorses.\n\n4. Decides:\n\n(a) one;\n\n(b) two.\n",
            None,
        )
        .unwrap()
        .text;
        let r = Resolution::of(&text);
        let words = |ps: &[ResolutionParagraph]| {
            ps.iter()
                .map(|p| (p.num.clone(), p.text.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            words(&r.preambular),
            [
                (None, "Recalling.".to_owned()),
                (None, "Noting.".to_owned())
            ]
        );
        assert_eq!(
            words(&r.operative),
            [
                (Some("1.".to_owned()), "Endorses.".to_owned()),
                (Some("2.".to_owned()), "Decides:".to_owned())
            ]
        );
        assert_eq!(
            r.operative[1].subparagraphs,
            [
                ("(a)".to_owned(), "one;".to_owned()),
                ("(b)".to_owned(), "two.".to_owned())
            ]
        );
        // Without sections: all operative. Without words: nothing recorded.
        let bare = crate::negotiation::from_markdown("1. Endorses.\n", None)
            .unwrap()
            .text;
        let r = Resolution::of(&bare);
        assert!(r.preambular.is_empty());
        assert_eq!(r.operative.len(), 1);
        assert!(Resolution::of(&DraftText::default()).is_empty());
    }
}
