//! A process's public pages: home, the process, meetings, documents, actors, the audit log.

use crate::http::command::FormAgain;
use crate::http::i18n::LANG_COOKIE;
use crate::http::page::{minutes, safe_next, urlencode, PageResult, Reader};
use crate::http::routes::{get, PageRoutes};
use crate::process::timeline;
use crate::SharedState;
use accord_app::policy::Capabilities;
use accord_domain::{self as d, ActorKind, Language, MeetingKind, PhaseKind};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use minijinja::value::Value;
use std::collections::HashMap;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/", get(home))
        .route("/processes/{slug}", get(process_page))
        .route("/processes/{slug}/meetings", get(meetings_page))
        .route("/processes/{slug}/meetings/{id}", get(meeting_page))
        .route("/processes/{slug}/documents", get(documents_page))
        .route("/processes/{slug}/documents/{id}", get(document_page))
        .route("/actors", get(actors_page))
        .route("/actors/{code}", get(actor_page))
        .route("/audit", get(audit_page))
        .route("/language", get(choose_language))
}

/// What the reader may ask for at a meeting still to come: the actors they
/// may speak for (their state, the groups they are designated for).
fn floor_options(
    can: &Capabilities,
    today: chrono::NaiveDate,
    meeting: &accord_domain::Meeting,
) -> Value {
    if meeting.end_date < today || can.speak_for.is_empty() {
        return Value::from(());
    }
    context! { actors => &can.speak_for, agenda => &meeting.agenda }
}

/// Who may record a statement at a meeting from its page: the secretariat for
/// any actor; delegates and representatives for the actors they speak for,
/// until some days after the meeting.
fn statement_form(
    can: &Capabilities,
    today: chrono::NaiveDate,
    meeting: &accord_domain::Meeting,
) -> Value {
    if can.run_consultation {
        return context! { any_actor => true, actors => Vec::<String>::new(), agenda => &meeting.agenda };
    }
    let closes =
        meeting.end_date + chrono::Duration::days(accord_app::STATEMENT_DAYS_AFTER_MEETING);
    if today > closes || can.speak_for.is_empty() {
        return Value::from(());
    }
    context! { any_actor => false, actors => &can.speak_for, agenda => &meeting.agenda }
}

async fn home(State(s): State<SharedState>, r: Reader) -> PageResult {
    let processes = s
        .app
        .processes(&accord_app::PageRequest::first(accord_app::MAX_LIMIT))
        .await
        .map_err(|e| r.error(&s, e))?;
    let items: Vec<Value> = processes
        .items
        .into_iter()
        .map(|p| {
            context! {
                slug => p.process.slug.as_str(),
                title => p.process.title,
                title_translations => p.process.title_translations,
                description => p.process.description,
                current_phase => p.current_phase.map(accord_domain::PhaseKind::as_str),
            }
        })
        .collect();
    r.render(&s, "home.html", context! { processes => items })
}

async fn process_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let meetings = s
        .app
        .all_meetings(&slug, None)
        .await
        .map_err(|e| r.error(&s, e))?;
    let themes = s.app.themes(&slug).await.map_err(|e| r.error(&s, e))?;
    let timeline = timeline::layout(
        &s.i18n,
        r.lang,
        &slug,
        &overview.phases,
        &meetings,
        overview.current_phase,
    );
    let mut taxonomies: Vec<(String, Vec<&accord_domain::Theme>)> = vec![];
    for theme in &themes {
        match taxonomies
            .iter_mut()
            .find(|(t, _)| t == theme.taxonomy.as_str())
        {
            Some((_, list)) => list.push(theme),
            None => taxonomies.push((theme.taxonomy.to_string(), vec![theme])),
        }
    }
    let taxonomies: Vec<Value> = taxonomies
        .into_iter()
        .map(|(name, themes)| {
            context! {
                title => s.i18n.text_or(r.lang, &format!("taxonomy-{name}"), &name),
                themes => themes,
            }
        })
        .collect();
    let counts = count_by_kind(meetings.iter().map(|m| m.kind));
    let history = s
        .app
        .process_history(&slug)
        .await
        .map_err(|e| r.error(&s, e))?;
    r.render(
        &s,
        "process.html",
        context! {
            history => crate::process::history::records(&history, "process-field-"),
            consultations => s.app.consultations(&slug).await.map_err(|e| r.error(&s, e))?.iter().map(|c| context! { slug => c.slug.as_str(), title => &c.title, synthetic => c.synthetic }).collect::<Vec<_>>(),
            can => s.app.capabilities(r.principal(), Some(&slug)).await,
            process => &overview.process,
            phases => &overview.phases,
            current_phase => overview.current_phase.map(PhaseKind::as_str),
            timeline => timeline,
            meetings => &meetings,
            meeting_counts => counts,
            taxonomies => taxonomies,
            language_names => overview.process.languages.iter().map(|l| s.i18n.text(r.lang, &format!("language-{l}"), None)).collect::<Vec<_>>(),
        },
    )
}

fn count_by_kind(kinds: impl Iterator<Item = MeetingKind>) -> Vec<Value> {
    let mut counts: Vec<(MeetingKind, usize)> = vec![];
    for kind in kinds {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts.sort();
    counts
        .into_iter()
        .map(|(k, n)| context! { kind => k.as_str(), count => n })
        .collect()
}

async fn meetings_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    Query(filter): Query<HashMap<String, String>>,
) -> PageResult {
    let kind = match filter
        .get("kind")
        .filter(|k| !k.is_empty())
        .map(|k| k.parse::<MeetingKind>())
        .transpose()
    {
        Ok(k) => k,
        Err(e) => return Err(r.error_page(&s, StatusCode::BAD_REQUEST, e.to_string())),
    };
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let meetings = s
        .app
        .all_meetings(&slug, kind)
        .await
        .map_err(|e| r.error(&s, e))?;
    r.render(
        &s,
        "meetings.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            meetings => &meetings,
            kinds => overview.process.meeting_kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            selected => kind.map(MeetingKind::as_str),
        },
    )
}

async fn meeting_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    render_meeting(&s, &r, &slug, &id, None).await
}

/// A meeting's page; `failed`: one of its forms (which one: `floor`,
/// `register`, `speaker`, `time-limit-{category}`) refused, with what was
/// typed and the message.
pub(crate) async fn render_meeting(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: &str,
    failed: Option<(String, FormAgain)>,
) -> PageResult {
    let id = crate::http::query::parse_id(id, "meeting")
        .map_err(|e| r.error_page(s, e.status, e.message))?;
    let again =
        crate::http::command::again_value(failed.as_ref().map(|(f, a)| (f.as_str(), a.clone())));
    let (failed_form, failed_field, failed_error, failed_values) = match failed {
        Some((form, again)) => (
            Some(form),
            again.field.clone(),
            Some(again.described()),
            again
                .values
                .into_iter()
                .collect::<HashMap<String, String>>(),
        ),
        None => (None, None, None, HashMap::new()),
    };
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let detail = s
        .app
        .meeting(r.principal(), slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let venue_country = match &detail.meeting.venue {
        Some(v) => s
            .app
            .actor(v.country.as_str())
            .await
            .ok()
            .map(|a| a.actor.name),
        None => None,
    };
    let participants: Vec<Value> = s
        .app
        .participants(slug, id)
        .await
        .map_err(|e| r.error(s, e))?
        .into_iter()
        .map(|(p, actor)| context! { name => p.name, code => actor.code.as_str(), actor => actor.name })
        .collect();
    let speakers: Vec<Value> = s
        .app
        .speakers_list(slug, id)
        .await
        .map_err(|e| r.error(s, e))?
        .into_iter()
        .enumerate()
        .map(|(n, sp)| {
            context! {
                position => n + 1,
                id => sp.inscription.id,
                agenda_item => sp.inscription.agenda_item,
                code => sp.actor.code.as_str(),
                name => sp.actor.name,
                category => sp.inscription.category.as_str(),
                status => sp.inscription.status.as_str(),
                time => minutes(sp.time_limit),
            }
        })
        .collect();
    let time_limits: Vec<Value> = s
        .app
        .time_limits(slug, id)
        .await
        .map_err(|e| r.error(s, e))?
        .into_iter()
        .map(|(category, seconds, set)| {
            context! {
                category => category.as_str(),
                time => minutes(seconds),
                set => set,
            }
        })
        .collect();
    let statements = s
        .app
        .statements(
            r.principal(),
            slug,
            Some(id),
            &accord_app::PageRequest::first(200),
        )
        .await
        .map_err(|e| r.error(s, e))?
        .items;
    // Each statement under whose it is (a group's, when a state spoke for
    // it), named in the reader's language.
    let actors: std::collections::HashMap<d::ActorCode, d::Actor> = if statements.is_empty() {
        Default::default()
    } else {
        s.app
            .all_actors(None)
            .await
            .map_err(|e| r.error(s, e))?
            .into_iter()
            .map(|a| (a.code.clone(), a))
            .collect()
    };
    let statements: Vec<Value> = statements
        .into_iter()
        .map(|st| {
            let actor = |code: &d::ActorCode| {
                actors
                    .get(code)
                    .map_or_else(|| Value::from(code.as_str()), Value::from_serialize)
            };
            context! {
                id => st.id,
                title => st.statement.title,
                credited => actor(st.statement.credited_to()),
                spoken_by => st.statement.on_behalf_of.as_ref().map(|_| actor(&st.statement.actor)),
                distribution => st.statement.distribution.as_str(),
                synthetic => st.statement.synthetic,
                filed_late => st.filed_late,
            }
        })
        .collect();
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let statement_form = statement_form(&can, s.app.today(), &detail.meeting);
    r.render(
        s,
        "meeting.html",
        context! {
            statements => statements,
            statement_form => statement_form,
            today => s.app.today().to_string(),
            time_limits => time_limits,
            process => &overview.process, current_phase => overview.current_phase,
            meeting => &detail.meeting,
            history => crate::process::history::view(&detail.meeting, &detail.history),
            venue_country => venue_country,
            participants => participants,
            floor => floor_options(&can, s.app.today(), &detail.meeting),
            can => &can,
            speakers => speakers,
            documents => &detail.documents,
            themes => &detail.themes,
            live_process => overview.process.slug.as_str(),
            failed_form => failed_form,
            failed_field => failed_field,
            failed_error => failed_error,
            failed_values => failed_values,
            again => again,
        },
    )
}

async fn documents_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let documents = s
        .app
        .all_documents(r.principal(), &slug)
        .await
        .map_err(|e| r.error(&s, e))?;
    let mut rows = Vec::with_capacity(documents.len());
    for d in &documents {
        let files: Vec<String> = s
            .app
            .document_texts(r.principal(), &slug, d.id)
            .await
            .map_err(|e| r.error(&s, e))?
            .into_iter()
            .filter(|t| t.file.is_some())
            .map(|t| t.language.to_string())
            .collect();
        rows.push(context! { d => d, files => files });
    }
    let can = s.app.capabilities(r.principal(), Some(&slug)).await;
    r.render(
        &s,
        "documents.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            documents => rows,
            can => can,
            languages => Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            upload_limit_mb => s.app.upload_limit() / (1024 * 1024),
        },
    )
}

/// A file's size for people: bytes, KB or MB (1024-based, one decimal).
fn file_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

/// A document's own page: its metadata, each language's file (download,
/// size, type) and text (folded, in its language and direction), its
/// meeting, and its official record by symbol. Not found for a reader who
/// may not see it.
async fn document_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let id = crate::http::query::parse_id(&id, "document")
        .map_err(|e| r.error_page(&s, e.status, e.message))?;
    let detail = s
        .app
        .document(r.principal(), &slug, id)
        .await
        .map_err(|e| r.error(&s, e))?;
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let texts: Vec<Value> = detail
        .texts
        .iter()
        .map(|t| {
            context! {
                language => t.language.as_str(),
                dir => if t.language.is_rtl() { "rtl" } else { "ltr" },
                status => t.status.as_str(),
                file => t.file.as_ref().map(|f| context! {
                    name => &f.filename,
                    size => file_size(f.size),
                    bytes => f.size,
                    content_type => &f.content_type,
                }),
                paragraphs => t.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>(),
                diagnostics => &t.diagnostics,
            }
        })
        .collect();
    r.render(
        &s,
        "document.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            d => &detail.document,
            texts => texts,
            meeting => &detail.meeting,
            official_record => &detail.official_record,
            history => crate::process::history::records(&detail.history, "document-field-"),
            can => s.app.capabilities(r.principal(), Some(&slug)).await,
        },
    )
}

async fn actors_page(
    State(s): State<SharedState>,
    r: Reader,
    Query(filter): Query<HashMap<String, String>>,
) -> PageResult {
    let kind = match filter
        .get("kind")
        .filter(|k| !k.is_empty())
        .map(|k| k.parse::<ActorKind>())
        .transpose()
    {
        Ok(k) => k,
        Err(e) => return Err(r.error_page(&s, StatusCode::BAD_REQUEST, e.to_string())),
    };
    let mut actors = s.app.all_actors(kind).await.map_err(|e| r.error(&s, e))?;
    // In the order of the names the reader sees.
    actors.sort_by_cached_key(|a| {
        crate::http::names::sort_key(&crate::http::names::actor_name(
            r.lang(),
            a.iso2.as_deref(),
            &a.name,
        ))
    });
    let everyone = if kind.is_none() {
        actors.clone()
    } else {
        s.app.all_actors(None).await.map_err(|e| r.error(&s, e))?
    };
    let counts: Vec<Value> = ActorKind::ALL
        .iter()
        .filter_map(|k| {
            let n = everyone.iter().filter(|a| a.kind == *k).count();
            (n > 0).then(|| context! { kind => k.as_str(), count => n })
        })
        .collect();
    r.render(
        &s,
        "actors.html",
        context! { actors => &actors, counts => counts, selected => kind.map(ActorKind::as_str), total => everyone.len() },
    )
}

async fn actor_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(code): Path<String>,
) -> PageResult {
    let record = s
        .app
        .actor_record(r.principal(), &code)
        .await
        .map_err(|e| r.error(&s, e))?;
    // Members who left before today are listed apart.
    let today = s.app.today();
    let (former, members): (Vec<_>, Vec<_>) = record
        .members
        .iter()
        .partition(|m| m.left.is_some_and(|l| l < today));
    r.render(
        &s,
        "actor.html",
        context! {
            actor => &record.actor,
            members => members,
            former => former,
            groups => &record.groups,
            processes => &record.processes,
        },
    )
}

async fn audit_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: crate::http::auth::Caller,
    Query(q): Query<HashMap<String, String>>,
) -> PageResult {
    let nonempty = |k: &str| {
        q.get(k)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let process = match nonempty("process")
        .map(accord_domain::Slug::new)
        .transpose()
    {
        Ok(p) => p,
        Err(e) => return Err(r.error_page(&s, StatusCode::BAD_REQUEST, e.to_string())),
    };
    let filter = accord_app::AuditFilter {
        action_prefix: nonempty("action"),
        account: None,
        process,
    };
    let page = accord_app::PageRequest {
        cursor: nonempty("cursor"),
        limit: Some(100),
    };
    let listing = s
        .app
        .audit_log(&caller.principal, filter, &page)
        .await
        .map_err(|e| r.error(&s, e))?;
    let next = listing.next_cursor.map(|c| {
        let mut href = format!("/audit?cursor={c}");
        for k in ["action", "process"] {
            if let Some(v) = nonempty(k) {
                href += &format!("&{k}={}", urlencode(&v));
            }
        }
        href
    });
    r.render(
        &s,
        "audit.html",
        context! { entries => listing.items, next => next, action => nonempty("action"), process_filter => nonempty("process") },
    )
}

/// Remembers the reader's language in a cookie, then returns them to `next`.
async fn choose_language(
    State(s): State<SharedState>,
    r: Reader,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let Some(lang) = q.get("lang").and_then(|l| l.parse::<Language>().ok()) else {
        return r
            .error_page(
                &s,
                StatusCode::BAD_REQUEST,
                "unknown language: use one of ar, zh, en, fr, ru, es".into(),
            )
            .into_response();
    };
    let next = safe_next(q.get("next").map(String::as_str));
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.as_str()
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&next)).into_response()
}

pub(crate) async fn not_found(State(s): State<SharedState>, r: Reader) -> Response {
    r.error_page(&s, StatusCode::NOT_FOUND, "no page at this address".into())
        .into_response()
}
