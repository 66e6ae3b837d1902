//! The GCM demo's adoption and endorsement (`demo/gcm/adoption.toml`),
//! recorded through the same use cases as any other: the endorsement adopts
//! its own draft resolution, which holds only what the facts give.

use accord_domain::adoption::{
    AdoptionMethod, Ballot, MajorityRule, RecordedVote, Totals, VoteChoice,
};
use accord_domain::negotiation::DraftKind;
use accord_domain::{ActorCode, Slug};
use chrono::NaiveDate;
use serde::Deserialize;

use accord_app::adoption::AdoptionRequest;
use accord_app::negotiation::{DraftRequest, ImportSource};
use accord_app::{App, AppError, Principal, Result};

const ADOPTION_TOML: &str = include_str!("../data/gcm/adoption.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdoptionFile {
    #[serde(default)]
    resolution: Vec<ResolutionSpec>,
    adoption: Vec<AdoptionSpec>,
}

/// A draft resolution: its slug, title and symbol, and its one version —
/// with no paragraph when its wording is not in the facts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResolutionSpec {
    slug: String,
    title: String,
    symbol: String,
    version: String,
    issued_on: NaiveDate,
    /// The version's title, which says what the demo holds of it.
    text_title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdoptionSpec {
    key: String,
    meeting: Slug,
    draft: String,
    /// The version's label.
    version: String,
    title: String,
    adopted_on: NaiveDate,
    symbol: Option<String>,
    method: AdoptionMethod,
    majority: Option<MajorityRule>,
    totals: Option<Totals>,
    #[serde(default)]
    against: Vec<ActorCode>,
    #[serde(default)]
    abstaining: Vec<ActorCode>,
    /// The key of the adoption this one endorses.
    endorses: Option<String>,
    note: Option<String>,
}

/// Records the GCM's adoptions unless the process has some already;
/// returns how many it recorded.
pub(crate) async fn load_gcm_adoptions(app: &App, process: &Slug) -> Result<usize> {
    if !app.adoptions(process.as_str()).await?.is_empty() {
        return Ok(0);
    }
    let f: AdoptionFile = toml::from_str(ADOPTION_TOML)
        .map_err(|e| AppError::Internal(format!("demo/gcm/adoption.toml: {e}")))?;
    let system = Principal::System("demo loader");
    for r in f.resolution {
        if app.draft(process.as_str(), &r.slug).await.is_ok() {
            continue;
        }
        app.create_draft(
            &system,
            process.as_str(),
            DraftRequest {
                slug: r.slug.clone(),
                title: r.title,
                kind: DraftKind::Resolution,
                symbol: Some(r.symbol),
                simulated: false,
            },
        )
        .await?;
        app.import_version(
            &system,
            process.as_str(),
            &r.slug,
            &r.version,
            Some(r.issued_on),
            ImportSource::Markdown(format!("# {}\n", r.text_title)),
            true,
        )
        .await?;
    }
    let mut ids: Vec<(String, i64)> = vec![];
    for a in f.adoption {
        let meeting = app
            .all_meetings(process.as_str(), None)
            .await?
            .into_iter()
            .find(|m| m.slug == a.meeting)
            .ok_or_else(|| AppError::Internal(format!("no demo meeting '{}'", a.meeting)))?;
        let version = app
            .draft(process.as_str(), &a.draft)
            .await?
            .versions
            .into_iter()
            .find(|v| v.label == a.version)
            .ok_or_else(|| AppError::Internal(format!("no demo version '{}'", a.version)))?;
        let vote = match (a.majority, a.totals) {
            (Some(majority), Some(totals)) => Some(RecordedVote {
                majority,
                totals,
                ballots: a
                    .against
                    .iter()
                    .map(|s| (s, VoteChoice::No))
                    .chain(a.abstaining.iter().map(|s| (s, VoteChoice::Abstain)))
                    .map(|(state, vote)| Ballot {
                        state: state.clone(),
                        vote,
                    })
                    .collect(),
                open: false,
                present: None,
            }),
            _ => None,
        };
        let endorses = match &a.endorses {
            Some(key) => Some(
                ids.iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, id)| *id)
                    .ok_or_else(|| {
                        AppError::Internal(format!("demo adoption '{key}' comes later"))
                    })?,
            ),
            None => None,
        };
        let id = app
            .adopt(
                &system,
                process.as_str(),
                AdoptionRequest {
                    meeting: meeting.id,
                    draft: a.draft,
                    version: version.seq,
                    title: a.title,
                    adopted_on: a.adopted_on,
                    symbol: a.symbol,
                    method: a.method,
                    vote,
                    endorses,
                    note: a.note,
                    as_it_stands: false,
                },
            )
            .await?;
        ids.push((a.key, id));
    }
    Ok(ids.len())
}
