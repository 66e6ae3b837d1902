//! Adoption and follow-up use cases: a draft version adopted at a meeting of
//! the process, by consensus or recorded vote (ballots of member states,
//! each once; totals that add up to the membership), statements linked to
//! it (explanations of vote, positions, reservations, dissociations), an
//! endorsement chain; then pledges on the adopted text's objectives, their
//! progress reports, and the page of one objective.
//!
//! All of it is public, as UN records of adoptions and pledges are; the
//! secretariat records adoptions, and a pledge is made by the secretariat or
//! by whoever may speak for the actor making it.

use std::collections::{BTreeMap, HashMap, HashSet};

use accord_domain::adoption::{
    check_ballots, check_cast, check_progress_report, Adoption, AdoptionMethod, AdoptionStatement,
    AdoptionStatementKind, Ballot, NewAdoption, NewPledge, Pledge, PledgeStatus, RecordedVote,
    Totals, VoteChoice,
};
use accord_domain::negotiation::{Draft, DraftText, NodeKind};
use accord_domain::{Actor, ActorCode, ActorKind, Meeting, Slug, Statement, ValidationError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::policy::{authorize, clearance, Action, Principal};
use crate::{parse_slug, App, AppError, Result};

/// An adoption as the secretariat records it: the version by its draft and
/// number, the meeting by id.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AdoptionRequest {
    pub meeting: i64,
    pub draft: String,
    /// The version's number (1 for the first version).
    pub version: u32,
    pub title: String,
    pub adopted_on: NaiveDate,
    #[serde(default)]
    pub symbol: Option<String>,
    pub method: AdoptionMethod,
    #[serde(default)]
    pub vote: Option<RecordedVote>,
    #[serde(default)]
    pub endorses: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One member state's line in a vote: its vote, or `None` — not recorded.
#[derive(Debug, Clone, Serialize)]
pub struct VoteRow {
    pub code: ActorCode,
    pub name: String,
    pub region: String,
    pub subregion: String,
    pub m49: Option<u16>,
    pub vote: Option<VoteChoice>,
}

/// A statement linked to an adoption.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedStatement {
    pub kind: AdoptionStatementKind,
    pub statement: Statement,
    pub actor_name: String,
}

/// An adoption in a list: what, where, when, how, and the outcome.
#[derive(Debug, Clone, Serialize)]
pub struct AdoptionSummary {
    pub adoption: Adoption,
    pub meeting: Meeting,
    pub draft: Draft,
    pub version_seq: u32,
    pub version_label: String,
    pub adopted: bool,
}

/// One adoption with everything its page shows.
#[derive(Debug, Clone, Serialize)]
pub struct AdoptionDetail {
    #[serde(flatten)]
    pub summary: AdoptionSummary,
    /// The yes votes needed to carry (recorded votes).
    pub needed: Option<u32>,
    /// Member states whose vote is on record.
    pub recorded: usize,
    /// Every member state, by name.
    pub rows: Vec<VoteRow>,
    pub statements: Vec<LinkedStatement>,
    pub endorses: Option<AdoptionSummary>,
    pub endorsed_by: Vec<AdoptionSummary>,
}

impl AdoptionDetail {
    /// How many member states voted `choice`, by region.
    pub fn by_region(&self) -> BTreeMap<String, BTreeMap<String, u32>> {
        let mut out: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
        for r in &self.rows {
            let key = r.vote.map_or("not_recorded", |v| v.as_str());
            *out.entry(r.region.clone())
                .or_default()
                .entry(key.to_owned())
                .or_insert(0) += 1;
        }
        out
    }
}

/// A pledge with its maker's name and region.
#[derive(Debug, Clone, Serialize)]
pub struct PledgeView {
    pub pledge: Pledge,
    pub actor_name: String,
    pub actor_kind: ActorKind,
    /// The maker's region; "" for actors that are not states.
    pub region: String,
}

/// The page of one objective of the adopted text.
#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveView {
    pub number: u32,
    pub title: String,
    pub objectives: u32,
    /// (region, pledges), regions by name, then actors that are not states ("").
    pub by_region: Vec<(String, Vec<PledgeView>)>,
    pub pledges: usize,
}

/// Most pledges on one page.
pub const MAX_PLEDGES_PAGE: u32 = 500;

/// An adoption of `process`, read in the unit of work.
async fn adoption_in(unit: &mut crate::Unit<'_>, process: &Slug, id: i64) -> Result<Adoption> {
    unit.tx
        .find_adoption(id)
        .await?
        .filter(|a| &a.process == process)
        .ok_or_else(|| AppError::NotFound(format!("adoption {id} in '{process}'")))
}

/// The objectives (numbered in order) of a text.
pub fn objectives_of(text: &DraftText) -> Vec<String> {
    fn walk(nodes: &[accord_domain::negotiation::Node], out: &mut Vec<String>) {
        for n in nodes {
            if n.kind == NodeKind::Objective {
                out.push(n.heading.clone());
            }
            walk(&n.children, out);
        }
    }
    let mut out = vec![];
    walk(&text.nodes, &mut out);
    out
}

impl App {
    async fn member_states(&self) -> Result<Vec<Actor>> {
        self.all_actors(Some(ActorKind::MemberState)).await
    }

    /// The codes of the member states: who may vote.
    async fn member_codes(&self) -> Result<HashSet<ActorCode>> {
        Ok(self
            .member_states()
            .await?
            .into_iter()
            .map(|a| a.code)
            .collect())
    }

    /// Records an adoption (the secretariat): the meeting must be one of the
    /// process's, the date within it, the version one of the process's
    /// drafts; a recorded vote is checked against the member states.
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
            let found = unit
                .tx
                .find_adoption(earlier)
                .await?
                .filter(|a| a.process == process)
                .ok_or_else(|| {
                    AppError::NotFound(format!("no adoption {earlier} in '{process}' to endorse"))
                })?;
            if found.version != version.id {
                return Err(ValidationError::Invalid {
                    what: "endorsement",
                    value: earlier.to_string(),
                    reason: "an endorsement adopts the same version as the adoption it endorses",
                }
                .into());
            }
        }
        let adoption = NewAdoption {
            process: process.clone(),
            meeting: meeting.id,
            version: version.id,
            title: req.title.trim().to_owned(),
            adopted_on: req.adopted_on,
            symbol: req.symbol.map(|s| s.trim().to_owned()),
            method: req.method,
            vote: req.vote,
            endorses: req.endorses,
            note: req.note,
        };
        adoption.validate(&members)?;
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

    /// The meeting, which must belong to `process`.
    async fn meeting_of(
        &self,
        unit: &mut crate::Unit<'_>,
        process: &Slug,
        id: i64,
    ) -> Result<Meeting> {
        let meeting = unit
            .tx
            .meeting_by_id(id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("no meeting {id}")))?;
        if &meeting.process != process {
            return Err(ValidationError::MeetingOfAnotherProcess {
                meeting: meeting.title.clone(),
                other: meeting.process.to_string(),
            }
            .into());
        }
        Ok(meeting)
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
        unit.tx.close_vote(adoption, &vote.totals, &added).await?;
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

    async fn summary(&self, process: &Slug, adoption: Adoption) -> Result<AdoptionSummary> {
        let meeting = self.store.get_meeting(process, adoption.meeting).await?;
        let drafts = self.store.list_drafts(process).await?;
        for draft in drafts {
            if let Some(v) = self
                .store
                .list_versions(draft.id)
                .await?
                .into_iter()
                .find(|v| v.id == adoption.version)
            {
                let adopted = adoption.adopted();
                return Ok(AdoptionSummary {
                    version_seq: v.seq,
                    version_label: v.label,
                    draft,
                    meeting,
                    adopted,
                    adoption,
                });
            }
        }
        Err(AppError::Internal(format!(
            "adoption {} names a version no draft of '{process}' has",
            adoption.id
        )))
    }

    /// The process's adoptions, oldest first.
    pub async fn adoptions(&self, process: &str) -> Result<Vec<AdoptionSummary>> {
        let process = self.existing_process(process).await?;
        let mut out = vec![];
        for a in self.store.list_adoptions(&process).await? {
            out.push(self.summary(&process, a).await?);
        }
        Ok(out)
    }

    /// One adoption: the vote state by state (every member state, "not
    /// recorded" where the record has no ballot), the statements the reader
    /// may see, and the endorsement chain.
    pub async fn adoption(&self, p: &Principal, process: &str, id: i64) -> Result<AdoptionDetail> {
        let process = self.existing_process(process).await?;
        let adoption = self.store.get_adoption(&process, id).await?;
        let votes: HashMap<&ActorCode, VoteChoice> = adoption
            .vote
            .iter()
            .flat_map(|v| v.ballots.iter().map(|b| (&b.state, b.vote)))
            .collect();
        let mut rows: Vec<VoteRow> = self
            .member_states()
            .await?
            .into_iter()
            .map(|a| VoteRow {
                vote: votes.get(&a.code).copied(),
                region: a.region.clone().unwrap_or_default(),
                subregion: a.subregion.clone().unwrap_or_default(),
                m49: a.m49,
                name: a.name,
                code: a.code,
            })
            .collect();
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        let recorded = votes.len();
        let needed = adoption.vote.as_ref().map(|v| v.totals.needed(v.majority));
        let clear = clearance(p, &process);
        let now = self.now();
        let mut statements = vec![];
        for link in self.store.list_adoption_statements(id).await? {
            let st = self.store.get_statement(&process, link.statement).await?;
            if !clear.may_see(st.distribution, st.embargo_until, now) {
                continue;
            }
            let actor_name = self.store.get_actor(&st.actor).await?.name;
            statements.push(LinkedStatement {
                kind: link.kind,
                statement: st,
                actor_name,
            });
        }
        let all = self.store.list_adoptions(&process).await?;
        let endorses = match adoption.endorses {
            Some(e) => match all.iter().find(|a| a.id == e) {
                Some(a) => Some(self.summary(&process, a.clone()).await?),
                None => None,
            },
            None => None,
        };
        let mut endorsed_by = vec![];
        for a in all.into_iter().filter(|a| a.endorses == Some(id)) {
            endorsed_by.push(self.summary(&process, a).await?);
        }
        Ok(AdoptionDetail {
            summary: self.summary(&process, adoption).await?,
            needed,
            recorded,
            rows,
            statements,
            endorses,
            endorsed_by,
        })
    }

    /// The text the process adopted last (its objectives are what pledges
    /// name), or `None` when nothing was adopted.
    pub async fn adopted_text(&self, process: &Slug) -> Result<Option<(Adoption, DraftText)>> {
        let Some(last) = self
            .store
            .list_adoptions(process)
            .await?
            .into_iter()
            .rfind(|a| a.adopted())
        else {
            return Ok(None);
        };
        for draft in self.store.list_drafts(process).await? {
            if let Some(v) = self
                .store
                .list_versions(draft.id)
                .await?
                .into_iter()
                .find(|v| v.id == last.version)
            {
                return Ok(Some((last, v.text)));
            }
        }
        Ok(None)
    }

    /// The adopted text's objectives, numbered from 1 (none when nothing
    /// was adopted).
    pub async fn adopted_objectives(&self, process: &str) -> Result<Vec<(u32, String)>> {
        let process = self.existing_process(process).await?;
        Ok(match self.adopted_text(&process).await? {
            Some((_, text)) => objectives_of(&text)
                .into_iter()
                .enumerate()
                .map(|(i, t)| (i as u32 + 1, t))
                .collect(),
            None => vec![],
        })
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

    async fn pledge_views(&self, pledges: Vec<Pledge>) -> Result<Vec<PledgeView>> {
        let mut actors: HashMap<ActorCode, Actor> = HashMap::new();
        let mut out = Vec::with_capacity(pledges.len());
        for pledge in pledges {
            if !actors.contains_key(&pledge.actor) {
                let a = self.store.get_actor(&pledge.actor).await?;
                actors.insert(a.code.clone(), a);
            }
            let a = &actors[&pledge.actor];
            out.push(PledgeView {
                actor_name: a.name.clone(),
                actor_kind: a.kind,
                region: if a.kind.is_state() {
                    a.region.clone().unwrap_or_default()
                } else {
                    String::new()
                },
                pledge,
            });
        }
        Ok(out)
    }

    /// A page of the process's pledges (all objectives), by id.
    pub async fn pledges(
        &self,
        process: &str,
        after: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<PledgeView>, bool)> {
        let process = self.existing_process(process).await?;
        let page = self
            .store
            .list_pledges(&process, None, after, limit.clamp(1, MAX_PLEDGES_PAGE))
            .await?;
        Ok((self.pledge_views(page.items).await?, page.more))
    }

    pub async fn pledge(&self, process: &str, id: i64) -> Result<PledgeView> {
        let process = self.existing_process(process).await?;
        let pledge = self.store.get_pledge(&process, id).await?;
        Ok(self.pledge_views(vec![pledge]).await?.remove(0))
    }

    /// One objective of the adopted text with its pledges by region.
    pub async fn objective(&self, process: &str, number: u32) -> Result<ObjectiveView> {
        let process = self.existing_process(process).await?;
        let (_, text) = self
            .adopted_text(&process)
            .await?
            .ok_or(ValidationError::NothingAdopted)?;
        let objectives = objectives_of(&text);
        let title = number
            .checked_sub(1)
            .and_then(|i| objectives.get(i as usize))
            .cloned()
            .ok_or_else(|| {
                AppError::NotFound(format!(
                    "the adopted text has no objective {number} (it has {})",
                    objectives.len()
                ))
            })?;
        let mut all = vec![];
        let mut after = None;
        loop {
            let page = self
                .store
                .list_pledges(&process, Some(number), after, MAX_PLEDGES_PAGE)
                .await?;
            after = page.items.last().map(|p| p.id);
            all.extend(page.items);
            if !page.more {
                break;
            }
        }
        let views = self.pledge_views(all).await?;
        let pledges = views.len();
        let mut by: BTreeMap<String, Vec<PledgeView>> = BTreeMap::new();
        for v in views {
            by.entry(v.region.clone()).or_default().push(v);
        }
        // States' regions by name, then the other actors.
        let other = by.remove("");
        let mut by_region: Vec<(String, Vec<PledgeView>)> = by.into_iter().collect();
        if let Some(o) = other {
            by_region.push((String::new(), o));
        }
        Ok(ObjectiveView {
            number,
            title,
            objectives: objectives.len() as u32,
            by_region,
            pledges,
        })
    }
}
