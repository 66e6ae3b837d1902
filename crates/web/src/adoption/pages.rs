//! Adoption and follow-up in the portal: the adoptions of a process (by
//! consensus or recorded vote, with the endorsement chain), one vote state
//! by state — a table sortable by name, vote and region, and the world map
//! drawn by the server — with its exports (CSV, SVG, Akoma Ntoso); the
//! pledges, and the page of one objective with its pledges by region.

use crate::adoption::vote_map::{self, MapText};
use crate::http::command::FormAgain;
use crate::http::download::download;
use crate::http::names;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::adoption::{AdoptionDetail, OralChangeView, ParagraphVoteView, VoteRow};
use accord_app::AppError;
use accord_domain::adoption::VoteChoice;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::Deserialize;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/adoptions", get(adoptions_page))
        .route("/processes/{slug}/adoptions/{id}", get(adoption_page))
        .route(
            "/processes/{slug}/meetings/{id}/adoption",
            get(adoption_desk_page),
        )
        .route("/processes/{slug}/adoptions/{id}/votes.csv", get(votes_csv))
        .route("/processes/{slug}/adoptions/{id}/map.svg", get(map_svg))
        .route(
            "/processes/{slug}/adoptions/{id}/akn.xml",
            get(adoption_akn),
        )
        .route("/processes/{slug}/pledges", get(pledges_page))
        .route("/processes/{slug}/objectives/{number}", get(objective_page))
}

fn parse_id(
    r: &Reader,
    s: &SharedState,
    what: &str,
    raw: &str,
) -> Result<i64, crate::http::page::PageError> {
    raw.parse::<i64>()
        .map_err(|_| r.error(s, AppError::NotFound(format!("no {what} '{raw}'"))))
}

/// The label of a state's vote in the reader's language in `d` (no vote:
/// "not recorded" in a record, "not yet voted" while the vote is open).
fn vote_label(s: &SharedState, r: &Reader, d: &AdoptionDetail, vote: Option<VoteChoice>) -> String {
    let open = d.summary.adoption.vote.as_ref().is_some_and(|v| v.open);
    let key = match vote {
        None if open => "vote-not-yet",
        v => vote_map::vote_class(v),
    };
    s.i18n.text(r.lang(), key, None)
}

/// The vote's rows in the order asked for: by name (default), by vote
/// (yes, no, abstain, not voting, not recorded; then name) or by region
/// (then sub-region, then name).
pub fn sorted_rows(rows: &[VoteRow], sort: &str) -> Vec<VoteRow> {
    let mut out = rows.to_vec();
    let rank = |v: Option<VoteChoice>| match v {
        Some(VoteChoice::Yes) => 0,
        Some(VoteChoice::No) => 1,
        Some(VoteChoice::Abstain) => 2,
        Some(VoteChoice::NotVoting) => 3,
        None => 4,
    };
    let key = |r: &VoteRow| names::sort_key(&r.name);
    match sort {
        "vote" => out.sort_by_cached_key(|a| (rank(a.vote), key(a))),
        "region" => out.sort_by_cached_key(|a| (a.region.clone(), a.subregion.clone(), key(a))),
        _ => out.sort_by_cached_key(key),
    }
    out
}

async fn adoptions_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    render_adoptions(&s, &r, &slug, None).await
}

/// The adoptions of a process; `refused`: a command sent from the portal
/// (recording an adoption) came back with the rule's message.
pub(crate) async fn render_adoptions(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    refused: Option<FormAgain>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let list = s.app.adoptions(slug).await.map_err(|e| r.error(s, e))?;
    // The secretariat records adoptions: the form's choices.
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let (meetings, drafts) = if can.run_consultation {
        let meetings = s
            .app
            .all_meetings(slug, None)
            .await
            .map_err(|e| r.error(s, e))?
            .into_iter()
            .map(|m| context! { id => m.id, title => m.title })
            .collect::<Vec<_>>();
        let drafts = s
            .app
            .drafts(slug)
            .await
            .map_err(|e| r.error(s, e))?
            .into_iter()
            .map(|d| context! { slug => d.slug.as_str(), title => d.title })
            .collect::<Vec<_>>();
        (meetings, drafts)
    } else {
        (vec![], vec![])
    };
    // A refused adoption comes back with what was typed, and the message
    // beside the field at fault (named as the form names it).
    let record = refused.as_ref().map(|f| {
        let values: std::collections::BTreeMap<&str, &str> = f
            .values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        context! { values => values, field => f.field.as_deref().map(form_name), error => f.described() }
    });
    r.render(
        s,
        "adoptions.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            adoptions => list,
            can_record => can.run_consultation,
            meetings => meetings,
            drafts => drafts,
            majorities => accord_domain::adoption::MajorityRule::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
            record => record,
        },
    )
}

/// A field as a form names it, from the path a refusal names it by:
/// `vote.totals.yes` is `vote[totals][yes]`, `ballots[0].vote` is
/// `ballots[0][vote]`.
fn form_name(path: &str) -> String {
    let mut parts = path.split('.');
    let mut name = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        match part.split_once('[') {
            Some((head, rest)) => name += &format!("[{head}][{rest}"),
            None => name += &format!("[{part}]"),
        }
    }
    name
}

#[derive(Deserialize, Default)]
struct SortQuery {
    sort: Option<String>,
}

/// The vote's rows with each state named in the reader's language.
fn localised_rows(r: &Reader, rows: &[VoteRow]) -> Vec<VoteRow> {
    rows.iter()
        .map(|row| VoteRow {
            name: names::actor_name(r.lang(), row.iso2.as_deref(), &row.name).into_owned(),
            ..row.clone()
        })
        .collect()
}

/// The votes the record counts without naming the states, one sentence a
/// choice in the reader's language ("152 in favour — not named in the
/// record"); empty where the record names every vote.
fn unnamed_notes(s: &SharedState, r: &Reader, d: &AdoptionDetail) -> Vec<String> {
    let Some(vote) = d.summary.adoption.vote.as_ref() else {
        return vec![];
    };
    vote_map::unnamed(vote)
        .into_iter()
        .map(|u| {
            let key = format!(
                "vote-unnamed-{}",
                vote_map::vote_class(Some(u.choice)).trim_start_matches("vote-")
            );
            let args = crate::http::i18n::args(&[
                ("total", i64::from(u.total).into()),
                ("named", i64::from(u.named).into()),
                ("unnamed", i64::from(u.unnamed()).into()),
            ]);
            s.i18n.text(r.lang(), &key, Some(&args))
        })
        .collect()
}

fn map_of(s: &SharedState, r: &Reader, d: &AdoptionDetail) -> String {
    let lang = r.lang();
    let title = s.i18n.text(
        lang,
        "vote-map-title",
        Some(&crate::http::i18n::args(&[(
            "title",
            d.summary.adoption.title.clone().into(),
        )])),
    );
    let description = s.i18n.text(lang, "vote-map-description", None);
    let label = |v: Option<VoteChoice>| vote_label(s, r, d, v);
    let notes = unnamed_notes(s, r, d);
    vote_map::render(
        &localised_rows(r, &d.rows),
        &MapText {
            title: &title,
            description: &description,
            label: &label,
            notes: &notes,
            rtl: lang.is_rtl(),
        },
    )
}

async fn adoption_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<SortQuery>,
) -> PageResult {
    render_adoption(&s, &r, &slug, &id, q.sort.as_deref(), None).await
}

/// One adoption's page, its states sorted by `sort`; `refused`: one of its
/// forms (a delegation's vote, closing the vote, linking a statement) came
/// back with the rule's message (a statement's link with what was chosen).
pub(crate) async fn render_adoption(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: &str,
    sort: Option<&str>,
    refused: Option<FormAgain>,
) -> PageResult {
    let id = parse_id(r, s, "adoption", id)?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let d = s
        .app
        .adoption(r.principal(), slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let sort = match sort {
        Some("vote") => "vote",
        Some("region") => "region",
        _ => "name",
    };
    let named = localised_rows(r, &d.rows);
    let rows: Vec<_> = sorted_rows(&named, sort)
        .into_iter()
        .map(|row| {
            context! {
                code => &row.code,
                name => &row.name,
                attrs => names::lang_attributes(names::actor_name_language(r.lang(), row.iso2.as_deref())),
                region => &row.region,
                subregion => &row.subregion,
                class => vote_map::vote_class(row.vote),
                vote => vote_label(s, r, &d, row.vote),
                intended => row.intended.map(|v| s.i18n.text(r.lang(), &format!("vote-intended-{}", v.as_str().replace('_', "-")), None)),
            }
        })
        .collect();
    // The map is its own file (`map.svg`), cached by the browser and
    // revalidated by its ETag; the page names the vote's state in its
    // address so a page refreshed after a ballot asks for the new map.
    let map = d.summary.adoption.vote.as_ref().map(|v| {
        format!(
            "/processes/{}/adoptions/{}/map.svg?v={}",
            overview.process.slug,
            d.summary.adoption.id,
            vote_version(v)
        )
    });
    let not_drawn: Vec<String> = vote_map::not_drawn(&named)
        .into_iter()
        .map(|row| format!("{} ({})", row.name, vote_label(s, r, &d, row.vote)))
        .collect();
    let recorded = d
        .summary
        .adoption
        .vote
        .as_ref()
        .map(accord_domain::adoption::RecordedVote::recorded)
        .unwrap_or_default();
    let recorded: Vec<_> = [
        VoteChoice::Yes,
        VoteChoice::No,
        VoteChoice::Abstain,
        VoteChoice::NotVoting,
    ]
    .into_iter()
    .map(|c| {
        let total = d
            .summary
            .adoption
            .vote
            .as_ref()
            .map_or(0, |v| v.totals.of(c));
        context! {
            class => vote_map::vote_class(Some(c)),
            label => vote_label(s, r, &d, Some(c)),
            total => total,
            named => recorded.get(&c).copied().unwrap_or(0),
        }
    })
    .collect();
    // While the vote is open: the states the reader may cast a vote for,
    // and whether they may close it.
    let open = d.summary.adoption.vote.as_ref().is_some_and(|v| v.open);
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let voting_for: Vec<_> = if open {
        named
            .iter()
            .filter(|row| row.vote.is_none())
            .filter(|row| can.member_state.as_deref() == Some(row.code.as_str()))
            .map(|row| context! { code => &row.code, name => &row.name })
            .collect()
    } else {
        vec![]
    };
    let can_close = open && can.run_consultation;
    // After the vote: the states whose statement of intention the reader
    // may record (the secretariat any member state's, a delegate its own
    // state's), those that have stated one left out.
    let closed = d.summary.adoption.vote.as_ref().is_some_and(|v| !v.open);
    let intend_states: Vec<_> = if closed {
        let mut states: Vec<_> = named
            .iter()
            .filter(|row| row.intended.is_none())
            .filter(|row| {
                can.run_consultation || can.member_state.as_deref() == Some(row.code.as_str())
            })
            .collect();
        states.sort_by_cached_key(|row| names::sort_key(&row.name));
        states
            .into_iter()
            .map(|row| context! { code => &row.code, name => &row.name })
            .collect()
    } else {
        vec![]
    };
    let intend_votes: Vec<_> = [VoteChoice::Yes, VoteChoice::No, VoteChoice::Abstain]
        .into_iter()
        .map(|c| context! { value => c.as_str(), label => vote_label(s, r, &d, Some(c)) })
        .collect();
    // The secretariat links statements made at the adopting meeting; a
    // refused link comes back with what was chosen.
    let linkable: Vec<_> = if can.run_consultation {
        let linked: Vec<i64> = d.statements.iter().map(|x| x.statement.id).collect();
        s.app
            .statements(
                r.principal(),
                slug,
                Some(d.summary.meeting.id),
                &accord_app::PageRequest::first(100),
            )
            .await
            .map_err(|e| r.error(s, e))?
            .items
            .into_iter()
            .filter(|st| !linked.contains(&st.id))
            .map(|st| context! { id => st.id, title => &st.title, actor => st.actor.as_str() })
            .collect()
    } else {
        vec![]
    };
    let kinds: Vec<&str> = accord_domain::adoption::AdoptionStatementKind::ALL
        .iter()
        .filter(|k| d.summary.adoption.vote.is_some() || !k.needs_vote())
        .map(|k| k.as_str())
        .collect();
    let is_link = |f: &FormAgain| {
        f.values
            .iter()
            .any(|(k, _)| k == "statement" || k == "kind")
    };
    let is_intention = |f: &FormAgain| f.values.iter().any(|(k, _)| k == "state");
    let (link, intention, refused) = match refused {
        Some(f) if is_link(&f) => (Some(f), None, None),
        Some(f) if is_intention(&f) => (None, Some(f), None),
        other => (None, None, other),
    };
    let intention = intention.map(|f| {
        let values: std::collections::BTreeMap<String, String> = f.values.iter().cloned().collect();
        context! { values => values, field => &f.field, error => f.described() }
    });
    let link = link.map(|f| {
        let values: std::collections::BTreeMap<String, String> = f.values.iter().cloned().collect();
        context! { values => values, field => &f.field, error => f.described() }
    });
    // The legend says, beside a choice's swatch, how many of its votes the
    // record does not name ("152 in favour — not named in the record").
    let unnamed = d
        .summary
        .adoption
        .vote
        .as_ref()
        .map(vote_map::unnamed)
        .unwrap_or_default();
    let notes = unnamed_notes(s, r, &d);
    let legend: Vec<_> = vote_map::LEGEND
        .iter()
        .map(|(class, key)| {
            let note = unnamed
                .iter()
                .zip(&notes)
                .find(|(u, _)| vote_map::vote_class(Some(u.choice)) == *class)
                .map(|(_, note)| note);
            context! { class => class, label => s.i18n.text(r.lang(), key, None), unnamed => note }
        })
        .collect();
    r.render_on_pool(
        s,
        "adoption.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            a => &d,
            adoption => &d.summary.adoption,
            official_record => d.summary.adoption.symbol.as_deref().map(|sym| {
                accord_domain::official_record_url(overview.process.record_resolver.as_deref(), sym)
            }),
            rows => rows,
            sort => sort,
            map => map,
            legend => legend,
            unnamed_notes => notes,
            map_defs => vote_map::defs(),
            map_size => [
                accord_atlas::VIEW_BOX.2.round() as u32,
                (accord_atlas::VIEW_BOX.3 + vote_map::notes_height(notes.len())).round() as u32
            ],
            not_drawn => not_drawn,
            totals => recorded,
            not_recorded => d.rows.len() - d.recorded,
            by_region => d.by_region(),
            open => open,
            voting_for => voting_for,
            can_close => can_close,
            live_process => open.then(|| overview.process.slug.to_string()),
            cast => d.recorded,
            refused => refused.as_ref().map(FormAgain::described),
            linkable => linkable,
            statement_kinds => kinds,
            link => link,
            intend_states => intend_states,
            intend_votes => intend_votes,
            intention => intention,
            before => before_the_whole(s, r, &d.paragraph_votes, &d.oral_changes),
            can_record => can.run_consultation,
        },
    )
    .await
}

/// One CSV field, quoted when it needs to be (RFC 4180); a field that a
/// spreadsheet would run as a formula is prefixed with an apostrophe.
fn csv_field(v: &str) -> String {
    let v = if v.starts_with(['=', '+', '-', '@']) {
        format!("'{v}")
    } else {
        v.to_owned()
    };
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The vote as CSV: one line per member state, `not_recorded` where the
/// record has no vote; `intended`, what the state said after the vote it
/// had intended to vote (empty when it said nothing). `name` is the stored (English, United Nations) name,
/// which scripts and older files join on; `name_<lang>` the state's name in
/// the reader's language (CLDR), the one a reader of the page expects. The
/// columns are the same in every language, only the header names the
/// language of the third.
pub fn votes_csv_text(rows: &[VoteRow], lang: accord_domain::Language) -> String {
    let mut out = format!("code,name,name_{lang},region,subregion,vote,intended\r\n");
    for row in rows {
        let vote = row.vote.map_or("not_recorded", |v| v.as_str());
        let local = names::actor_name(lang, row.iso2.as_deref(), &row.name);
        let line = [
            row.code.as_str(),
            &row.name,
            &local,
            &row.region,
            &row.subregion,
            vote,
            row.intended.map_or("", |v| v.as_str()),
        ]
        .map(csv_field)
        .join(",");
        out.push_str(&line);
        out.push_str("\r\n");
    }
    out
}

async fn votes_csv(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    let id = match parse_id(&r, &s, "adoption", &id) {
        Ok(id) => id,
        Err(e) => return e.into_response(),
    };
    match s.app.adoption(r.principal(), &slug, id).await {
        Ok(d) if d.summary.adoption.vote.is_some() => download(
            "text/csv; charset=utf-8",
            format!("{slug}-adoption-{id}-votes.csv"),
            votes_csv_text(&d.rows, r.lang()).into_bytes(),
        ),
        Ok(_) => r
            .error(
                &s,
                AppError::NotFound(format!("adoption {id} was by consensus: there is no vote")),
            )
            .into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

/// A short digest of a vote's state (totals, ballots, open or closed): it
/// changes whenever a ballot or a total is recorded.
fn vote_version(v: &accord_domain::adoption::RecordedVote) -> String {
    let state = serde_json::to_vec(v).unwrap_or_default();
    crate::http::assets::short_hash(&state)
}

/// The vote map as a file. It changes when votes are recorded, and with
/// the reader's language: a cache may keep it but must ask again each time
/// (`no-cache`), and gets `304 Not Modified` while its ETag — the digest of
/// the map's bytes — still matches. Answers to a signed-in reader stay
/// `no-store`, as every personal answer (lib.rs).
async fn map_svg(
    State(s): State<SharedState>,
    r: Reader,
    headers: axum::http::HeaderMap,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    let id = match parse_id(&r, &s, "adoption", &id) {
        Ok(id) => id,
        Err(e) => return e.into_response(),
    };
    match s.app.adoption(r.principal(), &slug, id).await {
        Ok(d) if d.summary.adoption.vote.is_some() => {
            let svg = map_of(&s, &r, &d);
            let etag = crate::http::assets::etag_of(svg.as_bytes());
            let current = etag
                .to_str()
                .is_ok_and(|e| crate::http::assets::matches_etag(&headers, e));
            let mut response = if current {
                StatusCode::NOT_MODIFIED.into_response()
            } else {
                (
                    [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
                    svg,
                )
                    .into_response()
            };
            let h = response.headers_mut();
            h.insert(header::ETAG, etag);
            h.insert(
                header::VARY,
                header::HeaderValue::from_static("accept-language, cookie"),
            );
            if matches!(r.principal(), accord_app::Principal::Anonymous) {
                h.insert(
                    header::CACHE_CONTROL,
                    header::HeaderValue::from_static("public, no-cache"),
                );
            }
            response
        }
        Ok(_) => r
            .error(
                &s,
                AppError::NotFound(format!("adoption {id} was by consensus: there is no vote")),
            )
            .into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn adoption_akn(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> Response {
    let result = async {
        let id: i64 = id
            .parse()
            .map_err(|_| AppError::NotFound(format!("no adoption '{id}'")))?;
        let overview = s.app.process(&slug).await?;
        let d = s.app.adoption(r.principal(), &slug, id).await?;
        if d.summary.adoption.vote.as_ref().is_some_and(|v| v.open) {
            return Err(AppError::Invalid(accord_domain::ValidationError::Invalid {
                what: "vote",
                value: id.to_string(),
                reason: "the vote is still being taken: its record is exported once it closes",
            }));
        }
        let v = s
            .app
            .version(&slug, d.summary.draft.slug.as_str(), d.summary.version_seq)
            .await?;
        let states: Vec<accord_export::akn::StateVote> = d
            .rows
            .iter()
            .map(|row| accord_export::akn::StateVote {
                code: row.code.as_str(),
                name: &row.name,
                vote: row.vote,
            })
            .collect();
        let xml = accord_export::akn::adoption(&accord_export::akn::AdoptionExport {
            adoption: &d.summary.adoption,
            process_title: &overview.process.title,
            meeting_slug: d.summary.meeting.slug.as_str(),
            meeting_title: &d.summary.meeting.title,
            draft: &v.draft,
            version: &v.version,
            states: &states,
            generated: chrono::Utc::now().date_naive(),
        });
        Ok::<_, AppError>((id, xml))
    }
    .await;
    match result {
        Ok((id, xml)) => download(
            "application/akn+xml",
            format!("{slug}-adoption-{id}.akn.xml"),
            xml.into_bytes(),
        ),
        Err(e) => r.error(&s, e).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct AfterQuery {
    after: Option<i64>,
}

async fn pledges_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    Query(q): Query<AfterQuery>,
) -> PageResult {
    render_pledges(&s, &r, &slug, q.after, None).await
}

/// The forms of the pledges page: making a pledge, or reporting progress
/// on one (by its id).
#[derive(Debug, Clone, Copy)]
pub(crate) enum PledgeForm {
    Make,
    Report(i64),
}

/// The fields of the pledges page's forms (a pledge, a report).
const PLEDGE_FIELDS: &[&str] = &[
    "actor",
    "objectives",
    "title",
    "description",
    "made_on",
    "status",
    "meeting",
    "reported_on",
    "text",
];

/// A refused form of the pledges page, as its template shows it again:
/// what was typed (one value a field; the objectives ticked), the field at
/// fault (its top-level name) and the message naming it.
fn pledge_form_again(again: &FormAgain) -> minijinja::Value {
    let values: std::collections::BTreeMap<&str, &str> = again
        .values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let objectives: Vec<&str> = again
        .values
        .iter()
        .filter(|(k, _)| k == "objectives[]" || k.starts_with("objectives["))
        .map(|(_, v)| v.as_str())
        .collect();
    // The field at fault, if the form has it (else the message goes above
    // the form).
    let field = again
        .field
        .as_deref()
        .map(|f| f.split(['[', '.']).next().unwrap_or(f))
        .filter(|f| PLEDGE_FIELDS.contains(f));
    context! {
        values => values,
        objectives => objectives,
        field => field,
        error => again.described(),
    }
}

/// The pledges page, from pledge `after`; `again`: one of its forms came
/// back refused, with what was typed.
pub(crate) async fn render_pledges(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    after: Option<i64>,
    again: Option<(PledgeForm, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let (pledges, more) = s
        .app
        .pledges(slug, after, 100)
        .await
        .map_err(|e| r.error(s, e))?;
    let adopted = s
        .app
        .adopted_objectives(slug)
        .await
        .map_err(|e| r.error(s, e))?;
    let next = if more {
        pledges.last().map(|p| p.pledge.id)
    } else {
        None
    };
    // Who the reader may pledge for: any actor for the secretariat, else
    // the actors they speak for.
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let pledgers: Vec<(String, String)> =
        if matches!(r.principal(), accord_app::Principal::Anonymous) {
            vec![]
        } else {
            s.app
                .all_actors(None)
                .await
                .map_err(|e| r.error(s, e))?
                .into_iter()
                .filter(|a| !a.kind.is_group())
                .filter(|a| {
                    can.run_consultation || can.speak_for.iter().any(|c| c == a.code.as_str())
                })
                // Named in the reader's language, and in that order.
                .map(|a| {
                    let name = names::actor_name(r.lang(), a.iso2.as_deref(), &a.name);
                    (a.code.to_string(), name.into_owned())
                })
                .collect::<Vec<_>>()
        };
    let mut pledgers = pledgers;
    pledgers.sort_by_cached_key(|(_, name)| names::sort_key(name));
    let reporting: Vec<i64> = pledges
        .iter()
        .filter(|p| {
            pledgers
                .iter()
                .any(|(code, _)| code == p.pledge.actor.as_str())
        })
        .map(|p| p.pledge.id)
        .collect();
    let review_meetings = s
        .app
        .all_meetings(slug, Some(accord_domain::MeetingKind::ReviewForum))
        .await
        .map_err(|e| r.error(s, e))?;
    let (make, report) = match &again {
        Some((PledgeForm::Make, form)) => (Some(pledge_form_again(form)), None),
        Some((PledgeForm::Report(id), form)) => (
            None,
            Some(context! { pledge => id, ..pledge_form_again(form) }),
        ),
        None => (None, None),
    };
    // A refused report on a pledge whose card this page does not show (a
    // later page, or not the reader's): its message goes above the list.
    let report_elsewhere = match &again {
        Some((PledgeForm::Report(id), form)) if !reporting.contains(id) => Some(form.described()),
        _ => None,
    };
    r.render(
        s,
        "pledges.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            pledges => pledges,
            objectives => adopted,
            next => next,
            pledgers => pledgers,
            reporting => reporting,
            review_meetings => review_meetings,
            today => chrono::Utc::now().date_naive().to_string(),
            statuses => accord_domain::adoption::PledgeStatus::ALL,
            make => make,
            report => report,
            report_elsewhere => report_elsewhere,
        },
    )
}

async fn objective_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, number)): Path<(String, String)>,
) -> PageResult {
    let number: u32 = number
        .parse()
        .map_err(|_| r.error(&s, AppError::NotFound(format!("no objective '{number}'"))))?;
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let o = s
        .app
        .objective(&slug, number)
        .await
        .map_err(|e| r.error(&s, e))?;
    r.render(
        &s,
        "objective.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            o => &o,
            previous => (o.number > 1).then(|| o.number - 1),
            next => (o.number < o.objectives).then(|| o.number + 1),
        },
    )
}

/// The separate votes and oral changes at a meeting as the pages show
/// them, in the order they were taken (by day, then as recorded): each a
/// line in the reader's language, with the vote's rule, totals and the
/// ballots on record by choice.
fn before_the_whole(
    s: &SharedState,
    r: &Reader,
    votes: &[ParagraphVoteView],
    changes: &[OralChangeView],
) -> Vec<minijinja::Value> {
    let t = |key: &str| s.i18n.text(r.lang(), key, None);
    let vote_of = |v: &accord_domain::adoption::RecordedVote| {
        let ballots: Vec<_> = [
            (VoteChoice::Yes, "vote-yes"),
            (VoteChoice::No, "vote-no"),
            (VoteChoice::Abstain, "vote-abstain"),
            (VoteChoice::NotVoting, "vote-not-voting"),
        ]
        .into_iter()
        .filter_map(|(choice, key)| {
            let codes: Vec<&str> = v
                .ballots
                .iter()
                .filter(|b| b.vote == choice)
                .map(|b| b.state.as_str())
                .collect();
            (!codes.is_empty()).then(|| context! { label => t(key), codes => codes.join(" ") })
        })
        .collect();
        context! {
            yes => v.totals.yes, no => v.totals.no, abstain => v.totals.abstain,
            not_voting => v.totals.not_voting,
            majority => t(&format!("adoption-majority-{}", v.majority)),
            carries => v.carries(),
            ballots => ballots,
        }
    };
    let mut items: Vec<(
        chrono::NaiveDate,
        chrono::DateTime<chrono::Utc>,
        minijinja::Value,
    )> = vec![];
    for x in votes {
        let v = &x.paragraph_vote;
        items.push((
            v.voted_on,
            v.created_at,
            context! {
                what => "paragraph-vote",
                id => v.id,
                paragraph => v.number.trim_end_matches('.'),
                wid => v.paragraph.as_str(),
                by => &x.requested_by_name,
                by_code => v.requested_by.as_str(),
                result => v.result.as_str(),
                result_label => t(&format!("paragraph-vote-{}", v.result)),
                version => format!("{} — {}", x.draft, x.version_label),
                on => v.voted_on,
                vote => vote_of(&v.vote),
            },
        ));
    }
    for x in changes {
        let c = &x.oral_change;
        items.push((
            c.moved_on,
            c.created_at,
            context! {
                what => "oral-change",
                id => c.id,
                kind => c.kind.as_str(),
                paragraph => c.number.trim_end_matches('.'),
                wid => c.paragraph.as_str(),
                by => &x.moved_by_name,
                by_code => c.moved_by.as_str(),
                outcome => c.outcome.as_str(),
                outcome_label => t(&format!("oral-outcome-{}", c.outcome)),
                text => &c.text,
                version => format!("{} — {}", x.draft, x.version_label),
                on => c.moved_on,
                vote => c.vote.as_ref().map(vote_of),
            },
        ));
    }
    items.sort_by_key(|(on, at, _)| (*on, *at));
    items.into_iter().map(|(_, _, v)| v).collect()
}

async fn adoption_desk_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    render_adoption_desk(&s, &r, &slug, &id, None).await
}

/// A meeting's adoption desk: the separate votes on paragraphs and the
/// oral amendments and revisions recorded at the meeting before the votes
/// on the whole (public, as votes are), and for the secretariat the two
/// forms that record them; `failed`: one of them (`paragraph-vote`,
/// `oral-change`) refused, with what was typed and the message beside the
/// field at fault.
pub(crate) async fn render_adoption_desk(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: &str,
    failed: Option<(&str, FormAgain)>,
) -> PageResult {
    let id = parse_id(r, s, "meeting", id)?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let detail = s
        .app
        .meeting(r.principal(), slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let before = s
        .app
        .votes_before_the_whole(slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let drafts: Vec<_> = if can.run_consultation {
        s.app
            .drafts(slug)
            .await
            .map_err(|e| r.error(s, e))?
            .into_iter()
            .map(|d| context! { slug => d.slug.as_str(), title => d.title })
            .collect()
    } else {
        vec![]
    };
    let (pv, oc) = match failed {
        Some((form, f)) => {
            let values: std::collections::BTreeMap<String, String> =
                f.values.iter().cloned().collect();
            let again = context! {
                values => values,
                field => f.field.as_deref().map(form_name),
                error => f.described(),
            };
            if form == "oral-change" {
                (None, Some(again))
            } else {
                (Some(again), None)
            }
        }
        None => (None, None),
    };
    r.render(
        s,
        "adoption_desk.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            meeting => &detail.meeting,
            before => before_the_whole(s, r, &before.paragraph_votes, &before.oral_changes),
            can_record => can.run_consultation,
            drafts => drafts,
            majorities => accord_domain::adoption::MajorityRule::ALL.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
            kinds => accord_domain::adoption::OralChangeKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            outcomes => accord_domain::adoption::OralChangeOutcome::ALL.iter().map(|o| o.as_str()).collect::<Vec<_>>(),
            pv => pv,
            oc => oc,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, name: &str, region: &str, vote: Option<VoteChoice>) -> VoteRow {
        VoteRow {
            code: code.parse().unwrap(),
            name: name.into(),
            iso2: None,
            region: region.into(),
            subregion: String::new(),
            m49: None,
            vote,
            intended: None,
        }
    }

    #[test]
    fn rows_sort_by_name_vote_and_region() {
        let rows = vec![
            row("USA", "United States", "America", Some(VoteChoice::No)),
            row("AUT", "Austria", "Europe", Some(VoteChoice::Abstain)),
            row("FRA", "France", "Europe", None),
            row("DZA", "Algeria", "Africa", Some(VoteChoice::Abstain)),
        ];
        let names = |v: Vec<VoteRow>| v.into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(
            names(sorted_rows(&rows, "name")),
            ["Algeria", "Austria", "France", "United States"]
        );
        assert_eq!(
            names(sorted_rows(&rows, "vote")),
            ["United States", "Algeria", "Austria", "France"]
        );
        assert_eq!(
            names(sorted_rows(&rows, "region")),
            ["Algeria", "United States", "Austria", "France"]
        );
    }

    #[test]
    fn the_csv_quotes_and_defuses_hostile_names() {
        let rows = vec![
            row(
                "CIV",
                "Côte d'Ivoire, \"the\"",
                "Africa",
                Some(VoteChoice::Yes),
            ),
            row("XXX", "=HYPERLINK(\"x\")", "Europe", None),
            VoteRow {
                intended: Some(VoteChoice::Yes),
                ..row("HUN", "Hungary", "Europe", Some(VoteChoice::No))
            },
        ];
        let csv = votes_csv_text(&rows, accord_domain::Language::En);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "code,name,name_en,region,subregion,vote,intended");
        assert_eq!(
            lines[1],
            "CIV,\"Côte d'Ivoire, \"\"the\"\"\",\"Côte d'Ivoire, \"\"the\"\"\",Africa,,yes,"
        );
        assert_eq!(
            lines[2],
            "XXX,\"'=HYPERLINK(\"\"x\"\")\",\"'=HYPERLINK(\"\"x\"\")\",Europe,,not_recorded,"
        );
        assert_eq!(
            lines[3], "HUN,Hungary,Hungary,Europe,,no,yes",
            "the ballot stands beside the intention"
        );
    }
}
