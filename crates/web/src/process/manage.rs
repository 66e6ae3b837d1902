//! The secretariat's forms: meetings with agenda items, documents and phases
//! for a process, and actors and groups. Each form carries the session's
//! anti-forgery token; a refused write shows the form again, filled in, with
//! the rule's own message.

use crate::http::auth::Caller;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::SharedState;
use accord_app::policy::{authorize, Action};
use accord_app::{AppError, Principal};
use accord_domain as d;
use axum::extract::{Form, Path, State};

use crate::http::command::FormAgain;
use crate::http::forms::{all, checked, date, one, opt, outcome, parse, Fields};
use crate::http::routes::{get, post, PageRoutes};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use std::collections::BTreeMap;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/manage", get(manage_page))
        .route("/processes/{slug}/manage/meetings", post(add_meeting))
        .route("/processes/{slug}/manage/documents", post(add_document))
        .route(
            "/manage/processes",
            get(new_process_page).post(create_process),
        )
        .route("/actors/manage", get(actors_page).post(add_actor))
        .route("/processes/{slug}/meetings/{id}/register", post(register))
        .route(
            "/processes/{slug}/meetings/{id}/floor",
            post(ask_for_the_floor),
        )
        .route(
            "/processes/{slug}/meetings/{id}/speakers/{inscription}",
            post(speaker_status),
        )
        .route(
            "/processes/{slug}/meetings/{id}/time-limits",
            post(set_time_limits),
        )
}

/// Every field the forms have, empty: templates look values up strictly.
const FIELDS: &[&str] = &[
    "slug",
    "kind",
    "number",
    "title",
    "start_date",
    "end_date",
    "venue_name",
    "city",
    "country",
    "agenda",
    "note",
    "symbol",
    "date",
    "embargo_until",
    "code",
    "name",
    "members",
    "description",
    "mandate",
    "co_facilitators",
    "secretariat",
    "taxonomy",
];

fn blank() -> BTreeMap<String, String> {
    FIELDS
        .iter()
        .map(|f| (f.to_string(), String::new()))
        .collect()
}

/// What was typed, over the blank form (the anti-forgery token left out).
fn typed(fields: &Fields) -> BTreeMap<String, String> {
    let mut values = blank();
    values.extend(
        fields
            .iter()
            .filter(|(k, _)| k != "csrf" && FIELDS.contains(&k.as_str()))
            .cloned(),
    );
    values
}

/// The optional `number` field (of a meeting, a theme).
fn number(f: &Fields) -> Result<Option<u32>, AppError> {
    opt(f, "number")
        .map(|n| {
            n.parse()
                .map_err(|_| AppError::BadRequest("number: a whole number".into()))
        })
        .transpose()
}

/// The secretariat's page of a process, with one of its forms refused and
/// shown again (`failed`: which form, and what was typed).
pub(crate) async fn render_manage(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    slug: &str,
    failed: Option<(&str, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    authorize(principal, Action::EditProcess(&overview.process.slug)).map_err(|e| r.error(s, e))?;
    let meetings = s
        .app
        .all_meetings(slug, None)
        .await
        .map_err(|e| r.error(s, e))?;
    let mut taxonomies: Vec<String> = s
        .app
        .themes(slug)
        .await
        .map_err(|e| r.error(s, e))?
        .into_iter()
        .map(|t| t.taxonomy.to_string())
        .collect();
    taxonomies.dedup();
    let (form, error, values) = match failed {
        Some((form, again)) => (Some(form), Some(again.described()), typed(&again.values)),
        None => (None, None, blank()),
    };
    r.render(
        s,
        "manage.html",
        context! {
            process => &overview.process,
            meetings => meetings.iter().map(|m| context! { slug => m.slug.as_str(), title => &m.title }).collect::<Vec<_>>(),
            phase_kinds => d::PhaseKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            document_kinds => d::DocumentKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            languages => d::Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            taxonomies => taxonomies,
            failed_form => form,
            error => error,
            values => values,
            blank => blank(),
        },
    )
}

async fn manage_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(slug): Path<String>,
) -> PageResult {
    render_manage(&s, &r, &caller.principal, &slug, None).await
}

async fn add_meeting(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(slug): Path<String>,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let agenda = one(&f, "agenda")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .enumerate()
            .map(|(i, title)| d::AgendaItem {
                number: i as u32 + 1,
                title: title.to_owned(),
            })
            .collect();
        let venue = match (opt(&f, "city"), opt(&f, "country")) {
            (Some(city), Some(country)) => Some(d::Venue {
                name: opt(&f, "venue_name"),
                city,
                country: parse("country", &country)?,
            }),
            (None, None) => None,
            _ => {
                return Err(AppError::BadRequest(
                    "a venue needs both a city and a country code".into(),
                ))
            }
        };
        let meeting = d::NewMeeting {
            process: parse("process", &slug)?,
            slug: parse("meeting slug", &one(&f, "slug"))?,
            kind: parse("kind", &one(&f, "kind"))?,
            number: number(&f)?,
            title: one(&f, "title"),
            start_date: date("start date", &one(&f, "start_date"))?,
            end_date: date("end date", &one(&f, "end_date"))?,
            venue,
            chairs: vec![],
            agenda,
            themes: vec![],
            note: opt(&f, "note"),
        };
        let id = s.app.add_meeting(&p, meeting).await?;
        Ok(format!("/processes/{slug}/meetings/{id}"))
    }
    .await;
    outcome(&s, &r, result, |error| {
        render_manage(
            &s,
            &r,
            &caller.principal,
            &slug,
            Some((
                "meeting",
                FormAgain {
                    values: f.clone(),
                    field: None,
                    message: error,
                },
            )),
        )
    })
    .await
}

async fn add_document(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(slug): Path<String>,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let embargo_until = match opt(&f, "embargo_until") {
            None => None,
            Some(v) => Some(
                chrono::NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M")
                    .map_err(|_| {
                        AppError::BadRequest(
                            "embargo: give a date and time, YYYY-MM-DDTHH:MM (UTC)".into(),
                        )
                    })?
                    .and_utc(),
            ),
        };
        let document = d::NewDocument {
            process: parse("process", &slug)?,
            slug: parse("document slug", &one(&f, "slug"))?,
            symbol: opt(&f, "symbol").map(|v| parse("symbol", &v)).transpose()?,
            title: one(&f, "title"),
            kind: parse("kind", &one(&f, "kind"))?,
            date: date("date", &one(&f, "date"))?,
            languages: all(&f, "languages")
                .iter()
                .map(|l| parse("language", l))
                .collect::<Result<_, _>>()?,
            distribution: parse("distribution", &one(&f, "distribution"))?,
            embargo_until,
            meeting: opt(&f, "meeting")
                .map(|m| parse("meeting", &m))
                .transpose()?,
        };
        s.app.add_document(&p, document).await?;
        Ok(format!("/processes/{slug}/documents"))
    }
    .await;
    outcome(&s, &r, result, |error| {
        render_manage(
            &s,
            &r,
            &caller.principal,
            &slug,
            Some((
                "document",
                FormAgain {
                    values: f.clone(),
                    field: None,
                    message: error,
                },
            )),
        )
    })
    .await
}

async fn render_new_process(
    s: &SharedState,
    r: &Reader,
    caller: &Caller,
    error: Option<String>,
    values: &Fields,
) -> PageResult {
    authorize(&caller.principal, Action::CreateProcess).map_err(|e| r.error(s, e))?;
    let checked_languages = all(values, "languages");
    let checked_kinds = all(values, "meeting_kinds");
    r.render(
        s,
        "manage_process.html",
        context! {
            languages => d::Language::ALL.iter().map(|l| context! {
                code => l.as_str(),
                checked => values.is_empty() || checked_languages.iter().any(|c| c == l.as_str()),
            }).collect::<Vec<_>>(),
            meeting_kinds => d::MeetingKind::ALL.iter().map(|k| context! {
                code => k.as_str(),
                checked => checked_kinds.iter().any(|c| c == k.as_str()),
            }).collect::<Vec<_>>(),
            error => error,
            values => typed(values),
        },
    )
}

async fn new_process_page(State(s): State<SharedState>, r: Reader, caller: Caller) -> PageResult {
    render_new_process(&s, &r, &caller, None, &vec![]).await
}

/// Officers, one per line: `Name | Title | ACTOR` (title and actor optional).
fn officers(what: &str, text: &str) -> Result<Vec<d::Officer>, AppError> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let parts: Vec<&str> = line.split('|').map(str::trim).collect();
            if parts.len() > 3 {
                return Err(AppError::BadRequest(format!(
                    "{what}: one person per line, as Name | Title | ACTOR"
                )));
            }
            let name = parts[0].to_owned();
            let title = parts.get(1).copied().unwrap_or_default().to_owned();
            let actor = parts
                .get(2)
                .filter(|a| !a.is_empty())
                .map(|a| parse(what, &a.to_uppercase()))
                .transpose()?;
            Ok(d::Officer { name, title, actor })
        })
        .collect()
}

async fn create_process(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let process = d::Process {
            slug: parse("process slug", &one(&f, "slug"))?,
            title: one(&f, "title"),
            description: one(&f, "description"),
            mandate: one(&f, "mandate")
                .split([',', '\n'])
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(|m| parse("mandate", m))
                .collect::<Result<_, _>>()?,
            languages: all(&f, "languages")
                .iter()
                .map(|l| parse("language", l))
                .collect::<Result<_, _>>()?,
            co_facilitators: officers("co-facilitators", &one(&f, "co_facilitators"))?,
            secretariat: officers("secretariat", &one(&f, "secretariat"))?,
            meeting_kinds: all(&f, "meeting_kinds")
                .iter()
                .map(|k| parse("meeting kind", k))
                .collect::<Result<_, _>>()?,
        };
        let slug = process.slug.to_string();
        s.app.create_process(&p, process).await?;
        Ok(format!("/processes/{slug}/manage"))
    }
    .await;
    outcome(&s, &r, result, |error| {
        render_new_process(&s, &r, &caller, Some(error), &f)
    })
    .await
}

async fn render_actors(
    s: &SharedState,
    r: &Reader,
    caller: &Caller,
    error: Option<String>,
    values: &Fields,
) -> PageResult {
    authorize(&caller.principal, Action::ManageActors).map_err(|e| r.error(s, e))?;
    let values = typed(values);
    r.render(
        s,
        "manage_actors.html",
        context! {
            kinds => d::ActorKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            error => error,
            values => values,
        },
    )
}

async fn actors_page(State(s): State<SharedState>, r: Reader, caller: Caller) -> PageResult {
    render_actors(&s, &r, &caller, None, &vec![]).await
}

async fn add_actor(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let mut actor = d::Actor::new(
            parse("code", &one(&f, "code"))?,
            parse("kind", &one(&f, "kind"))?,
            one(&f, "name"),
        );
        actor.members = one(&f, "members")
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(|m| parse("member", m))
            .collect::<Result<_, _>>()?;
        let code = actor.code.to_string();
        s.app.create_actor(&p, actor).await?;
        Ok(format!("/actors/{code}"))
    }
    .await;
    outcome(&s, &r, result, |error| {
        render_actors(&s, &r, &caller, Some(error), &f)
    })
    .await
}

fn meeting_id(r: &Reader, s: &SharedState, id: &str) -> Result<i64, crate::http::page::PageError> {
    crate::http::query::parse_id(id, "meeting").map_err(|e| r.error_page(s, e.status, e.message))
}

/// Back to the meeting's speakers' list, or the error as a page.
fn back(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: i64,
    result: Result<(), AppError>,
) -> Response {
    match result {
        Ok(()) => {
            Redirect::to(&format!("/processes/{slug}/meetings/{id}#speakers-h")).into_response()
        }
        Err(e) => r.error(s, e).into_response(),
    }
}

async fn register(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let id = match meeting_id(&r, &s, &id) {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = async {
        let p = checked(&caller, &f)?;
        s.app.register_for_meeting(&p, &slug, id).await
    }
    .await;
    back(&s, &r, &slug, id, result)
}

async fn ask_for_the_floor(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let id = match meeting_id(&r, &s, &id) {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = async {
        let p = checked(&caller, &f)?;
        let floor = accord_app::FloorRequest {
            actor: one(&f, "actor"),
            agenda_item: opt(&f, "agenda_item")
                .map(|n| n.parse().unwrap_or(u32::MAX))
                .unwrap_or(0),
            ministerial: one(&f, "ministerial") == "yes",
            right_of_reply: one(&f, "right_of_reply") == "yes",
        };
        s.app.inscribe(&p, &slug, id, floor).await.map(|_| ())
    }
    .await;
    back(&s, &r, &slug, id, result)
}

async fn speaker_status(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id, inscription)): Path<(String, String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let id = match meeting_id(&r, &s, &id) {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = async {
        let p = checked(&caller, &f)?;
        let inscription = inscription
            .parse()
            .map_err(|_| AppError::NotFound("no such inscription".into()))?;
        let status = parse("status", &one(&f, "status"))?;
        s.app
            .set_speaker_status(&p, &slug, id, inscription, status)
            .await
    }
    .await;
    back(&s, &r, &slug, id, result)
}

/// "3:00", "3" (minutes) or "" (the usual limit) as seconds.
fn time_limit(category: d::SpeakerCategory, v: &str) -> Result<Option<u32>, AppError> {
    let bad = || {
        AppError::BadRequest(format!(
            "time limit for {category}: give minutes, or minutes:seconds such as 2:30"
        ))
    };
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let (m, sec) = v.split_once(':').unwrap_or((v, "0"));
    let m: u32 = m.parse().map_err(|_| bad())?;
    let sec: u32 = sec.parse().map_err(|_| bad())?;
    if m > 60 || sec > 59 {
        return Err(bad());
    }
    let seconds = m * 60 + sec;
    if !(accord_app::MIN_TIME_LIMIT..=accord_app::MAX_TIME_LIMIT).contains(&seconds) {
        return Err(AppError::BadRequest(format!(
            "time limit for {category}: 15 seconds to 60 minutes, not {v}"
        )));
    }
    Ok(Some(seconds))
}

/// The chair's time limits for a meeting: each changed category is set (an
/// empty field goes back to the usual limit).
async fn set_time_limits(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let id = match meeting_id(&r, &s, &id) {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = async {
        let p = checked(&caller, &f)?;
        let current = s.app.time_limits(&slug, id).await?;
        // Every field is read before anything is written: one bad field
        // changes nothing.
        let mut changes = vec![];
        for (category, seconds, set) in current {
            let Some((_, typed)) = f.iter().find(|(k, _)| k == category.as_str()) else {
                continue;
            };
            let wanted = time_limit(category, typed)?;
            let unchanged = match wanted {
                Some(w) => w == seconds && (set || w == category.default_time_limit()),
                None => !set,
            };
            if !unchanged {
                changes.push((category, wanted));
            }
        }
        s.app.set_time_limits(&p, &slug, id, changes).await
    }
    .await;
    back(&s, &r, &slug, id, result)
}
