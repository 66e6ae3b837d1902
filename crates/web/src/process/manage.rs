//! The secretariat's pages of forms: meetings with agenda items, documents,
//! phases and themes for a process, new processes, and actors and groups.
//! The forms send the API's commands (`process::api`, through `Command`);
//! a refused one comes back here, through the page's render function,
//! filled in with what was typed and the message beside the field.

use crate::http::auth::Caller;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::SharedState;
use accord_app::policy::{authorize, Action};
use accord_app::Principal;
use accord_domain as d;
use axum::extract::{Path, State};

use crate::http::command::FormAgain;
use crate::http::forms::Fields;
use crate::http::routes::{get, PageRoutes};
use minijinja::context;
use std::collections::BTreeMap;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/manage", get(manage_page))
        .route("/processes/{slug}/edit", get(process_desk_page))
        .route(
            "/processes/{slug}/meetings/{id}/edit",
            get(meeting_desk_page),
        )
        .route(
            "/processes/{slug}/documents/{id}/edit",
            get(document_desk_page),
        )
        .route("/processes/{slug}/themes/{code}/edit", get(theme_desk_page))
        .route("/manage/processes", get(new_process_page))
        .route("/actors/manage", get(actors_page))
}

/// Every field the forms have, empty: templates look values up strictly.
const FIELDS: &[&str] = &[
    "slug",
    "kind",
    "number",
    "title",
    "start_date",
    "end_date",
    "agenda",
    "note",
    "symbol",
    "date",
    "embargo_until",
    "record_resolver",
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

/// What was typed, over the blank form (the anti-forgery token left out;
/// nested fields and list rows by their form names, `venue[city]`).
fn typed(fields: &Fields) -> BTreeMap<String, String> {
    let mut values = blank();
    values.extend(fields.iter().filter(|(k, _)| k != "csrf").cloned());
    values
}

/// Every value typed in a list field (`languages[]`).
fn typed_all(fields: &Fields, name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
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
    let attention = attention_items(
        slug,
        &s.app
            .attention(principal, slug)
            .await
            .map_err(|e| r.error(s, e))?,
    );
    let mut taxonomies: Vec<String> = s
        .app
        .themes(slug)
        .await
        .map_err(|e| r.error(s, e))?
        .into_iter()
        .map(|t| t.taxonomy.to_string())
        .collect();
    taxonomies.dedup();
    let (form, error, field, values, languages) = match failed {
        Some((form, again)) => (
            Some(form),
            Some(again.described()),
            again.field.clone(),
            typed(&again.values),
            typed_all(&again.values, "languages[]"),
        ),
        None => (None, None, None, blank(), vec![]),
    };
    let languages = if form == Some("document") {
        languages
    } else {
        vec!["en".to_owned()]
    };
    r.render(
        s,
        "manage.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            attention => attention,
            meetings => meetings.iter().map(|m| context! { slug => m.slug.as_str(), title => &m.title }).collect::<Vec<_>>(),
            phase_kinds => d::PhaseKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            document_kinds => d::DocumentKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            languages => d::Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            taxonomies => taxonomies,
            failed_form => form,
            failed_field => field,
            error => error,
            values => values,
            blank => blank(),
            checked_languages => languages,
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

/// The form that creates a process; `again`: the form refused, with what
/// was typed.
pub(crate) async fn render_new_process(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    again: Option<FormAgain>,
) -> PageResult {
    authorize(principal, Action::CreateProcess).map_err(|e| r.error(s, e))?;
    let sent: Fields = again.as_ref().map(|a| a.values.clone()).unwrap_or_default();
    let checked_languages = typed_all(&sent, "languages[]");
    let checked_kinds = typed_all(&sent, "meeting_kinds[]");
    r.render(
        s,
        "manage_process.html",
        context! {
            process => (),
            languages => d::Language::ALL.iter().map(|l| context! {
                code => l.as_str(),
                checked => again.is_none() || checked_languages.iter().any(|c| c == l.as_str()),
            }).collect::<Vec<_>>(),
            meeting_kinds => d::MeetingKind::ALL.iter().map(|k| context! {
                code => k.as_str(),
                checked => checked_kinds.iter().any(|c| c == k.as_str()),
            }).collect::<Vec<_>>(),
            error => again.as_ref().map(FormAgain::described),
            failed_field => again.as_ref().and_then(|a| a.field.clone()),
            values => typed(&sent),
        },
    )
}

async fn new_process_page(State(s): State<SharedState>, r: Reader, caller: Caller) -> PageResult {
    render_new_process(&s, &r, &caller.principal, None).await
}

/// The secretariat's desk for the process itself: the form that corrects
/// what it holds (all but its slug), filled in as it reads now — or, refused
/// (`again`), as it was typed, with the message beside the field — and its
/// history.
pub(crate) async fn render_process_desk(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    slug: &str,
    again: Option<FormAgain>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let process = &overview.process;
    authorize(principal, Action::EditProcess(&process.slug)).map_err(|e| r.error(s, e))?;
    let history = s
        .app
        .process_history(slug)
        .await
        .map_err(|e| r.error(s, e))?;
    let joined = |items: Vec<String>| items.join(", ");
    // The form as the process reads now, or as it was typed.
    let (values, checked_languages, checked_kinds) = match &again {
        Some(a) => (
            typed(&a.values),
            typed_all(&a.values, "languages[]"),
            typed_all(&a.values, "meeting_kinds[]"),
        ),
        None => {
            let mut values = blank();
            values.extend(
                [
                    ("title", process.title.clone()),
                    ("description", process.description.clone()),
                    (
                        "mandate",
                        joined(process.mandate.iter().map(ToString::to_string).collect()),
                    ),
                    (
                        "co_facilitators",
                        d::officers_text(&process.co_facilitators),
                    ),
                    ("secretariat", d::officers_text(&process.secretariat)),
                    (
                        "record_resolver",
                        process.record_resolver.clone().unwrap_or_default(),
                    ),
                ]
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .chain(
                    process
                        .title_translations
                        .iter()
                        .map(|(l, title)| (format!("title_translations[{l}]"), title.clone())),
                ),
            );
            (
                values,
                process.languages.iter().map(ToString::to_string).collect(),
                process
                    .meeting_kinds
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            )
        }
    };
    r.render(
        s,
        "manage_process.html",
        context! {
            process => process, current_phase => overview.current_phase,
            languages => d::Language::ALL.iter().map(|l| context! {
                code => l.as_str(),
                checked => checked_languages.iter().any(|c| c == l.as_str()),
            }).collect::<Vec<_>>(),
            meeting_kinds => d::MeetingKind::ALL.iter().map(|k| context! {
                code => k.as_str(),
                checked => checked_kinds.iter().any(|c| c == k.as_str()),
            }).collect::<Vec<_>>(),
            error => again.as_ref().map(FormAgain::described),
            failed_field => again.as_ref().and_then(|a| a.field.clone()),
            values => values,
            history => crate::process::history::records(&history, "process-field-"),
        },
    )
}

async fn process_desk_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path(slug): Path<String>,
) -> PageResult {
    render_process_desk(&s, &r, &caller.principal, &slug, None).await
}

/// The form that adds an actor or a group; `again`: the form refused,
/// with what was typed.
pub(crate) async fn render_actors(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    again: Option<FormAgain>,
) -> PageResult {
    authorize(principal, Action::ManageActors).map_err(|e| r.error(s, e))?;
    let sent: Fields = again.as_ref().map(|a| a.values.clone()).unwrap_or_default();
    r.render(
        s,
        "manage_actors.html",
        context! {
            kinds => d::ActorKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            error => again.as_ref().map(FormAgain::described),
            failed_field => again.as_ref().and_then(|a| a.field.clone()),
            values => typed(&sent),
        },
    )
}

async fn actors_page(State(s): State<SharedState>, r: Reader, caller: Caller) -> PageResult {
    render_actors(&s, &r, &caller.principal, None).await
}

/// The secretariat's desk for one meeting: the forms that edit it,
/// postpone (or reschedule) it and cancel it — or, once cancelled, the one
/// that reinstates it — and its history so far; `failed`: one of the forms
/// (`edit`, `postpone`, `cancel`, `reinstate`) refused, with what was
/// typed and the message beside the field.
pub(crate) async fn render_meeting_desk(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    slug: &str,
    id: &str,
    failed: Option<(&str, FormAgain)>,
) -> PageResult {
    let id = crate::http::query::parse_id(id, "meeting")
        .map_err(|e| r.error_page(s, e.status, e.message))?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    authorize(principal, Action::EditProcess(&overview.process.slug)).map_err(|e| r.error(s, e))?;
    let detail = s
        .app
        .meeting(principal, slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let m = &detail.meeting;
    // The form as the meeting reads now, or as it was typed.
    let mut values: BTreeMap<String, String> = [
        ("title", m.title.clone()),
        ("start_date", m.start_date.to_string()),
        ("end_date", m.end_date.to_string()),
        (
            "venue[name]",
            m.venue
                .as_ref()
                .and_then(|v| v.name.clone())
                .unwrap_or_default(),
        ),
        (
            "venue[city]",
            m.venue.as_ref().map(|v| v.city.clone()).unwrap_or_default(),
        ),
        (
            "venue[country]",
            m.venue
                .as_ref()
                .map(|v| v.country.to_string())
                .unwrap_or_default(),
        ),
        (
            "agenda",
            m.agenda
                .iter()
                .map(|a| a.title.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("note", m.note.clone().unwrap_or_default()),
        ("reason", String::new()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .chain(d::Language::ALL.iter().map(|l| {
        (
            format!("title_translations[{l}]"),
            m.title_translations.get(l).cloned().unwrap_or_default(),
        )
    }))
    .collect();
    let mut postpone = context! { start_date => "", end_date => "", reason => "" };
    let mut cancel_reason = String::new();
    let mut reinstate_reason = String::new();
    let (form, error, field) = match failed {
        Some((form, again)) => {
            let typed: BTreeMap<String, String> = again.values.iter().cloned().collect();
            let get = |k: &str| typed.get(k).cloned().unwrap_or_default();
            match form {
                "edit" => {
                    for (k, v) in &mut values {
                        *v = get(k);
                    }
                }
                "postpone" => {
                    postpone = context! {
                        start_date => get("start_date"),
                        end_date => get("end_date"),
                        reason => get("reason"),
                    };
                }
                "reinstate" => reinstate_reason = get("reason"),
                _ => cancel_reason = get("reason"),
            }
            // The field at fault as the template names it (`venue.city`).
            (Some(form), Some(again.described()), again.field.clone())
        }
        None => (None, None, None),
    };
    r.render(
        s,
        "manage_meeting.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            meeting => m,
            history => crate::process::history::view(m, &detail.history),
            values => values,
            postpone => postpone,
            cancel_reason => cancel_reason,
            reinstate_reason => reinstate_reason,
            failed_form => form,
            failed_field => field,
            error => error,
        },
    )
}

async fn meeting_desk_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    render_meeting_desk(&s, &r, &caller.principal, &slug, &id, None).await
}

/// The secretariat's desk for one document: the form that edits its
/// metadata and the one that withdraws it — or, withdrawn, the reason —
/// and its history; `failed`: one of the two forms (`edit`, `withdraw`)
/// refused, with what was typed and the message beside the field.
pub(crate) async fn render_document_desk(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    slug: &str,
    id: &str,
    failed: Option<(&str, FormAgain)>,
) -> PageResult {
    let id = crate::http::query::parse_id(id, "document")
        .map_err(|e| r.error_page(s, e.status, e.message))?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    authorize(principal, Action::EditProcess(&overview.process.slug)).map_err(|e| r.error(s, e))?;
    let detail = s
        .app
        .document(principal, slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let meetings = s
        .app
        .all_meetings(slug, None)
        .await
        .map_err(|e| r.error(s, e))?;
    let doc = &detail.document;
    // The form as the document reads now, or as it was typed.
    let mut values: BTreeMap<String, String> = [
        (
            "symbol",
            doc.symbol
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        ("title", doc.title.clone()),
        ("kind", doc.kind.to_string()),
        ("date", doc.date.to_string()),
        ("distribution", doc.distribution.to_string()),
        (
            "embargo_until",
            doc.embargo_until
                .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
                .unwrap_or_default(),
        ),
        (
            "meeting",
            doc.meeting
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        ("reason", String::new()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let mut checked_languages: Vec<String> =
        doc.languages.iter().map(ToString::to_string).collect();
    let mut withdraw_reason = String::new();
    let (form, error, field) = match failed {
        Some((form, again)) => {
            let typed: BTreeMap<String, String> = again.values.iter().cloned().collect();
            let get = |k: &str| typed.get(k).cloned().unwrap_or_default();
            if form == "edit" {
                for (k, v) in &mut values {
                    *v = get(k);
                }
                checked_languages = typed_all(&again.values, "languages[]");
            } else {
                withdraw_reason = get("reason");
            }
            (Some(form), Some(again.described()), again.field.clone())
        }
        None => (None, None, None),
    };
    r.render(
        s,
        "manage_document.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            d => doc,
            history => crate::process::history::records(&detail.history, "document-field-"),
            meetings => meetings.iter().map(|m| context! { slug => m.slug.as_str(), title => &m.title }).collect::<Vec<_>>(),
            document_kinds => d::DocumentKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            languages => d::Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            checked_languages => checked_languages,
            values => values,
            withdraw_reason => withdraw_reason,
            failed_form => form,
            failed_field => field,
            error => error,
        },
    )
}

async fn document_desk_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    render_document_desk(&s, &r, &caller.principal, &slug, &id, None).await
}

/// The secretariat's desk for one theme: the form that edits its title
/// and number and the one that withdraws it — or, withdrawn, the reason —
/// and its history; `failed`: one of the two forms (`edit`, `withdraw`)
/// refused, with what was typed and the message beside the field.
pub(crate) async fn render_theme_desk(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    slug: &str,
    code: &str,
    failed: Option<(&str, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    authorize(principal, Action::EditProcess(&overview.process.slug)).map_err(|e| r.error(s, e))?;
    let detail = s.app.theme(slug, code).await.map_err(|e| r.error(s, e))?;
    let theme = &detail.theme;
    // The form as the theme reads now, or as it was typed.
    let mut values: BTreeMap<String, String> = [
        ("title", theme.title.clone()),
        (
            "number",
            theme.number.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("reason", String::new()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let mut withdraw_reason = String::new();
    let (form, error, field) = match failed {
        Some((form, again)) => {
            let typed: BTreeMap<String, String> = again.values.iter().cloned().collect();
            let get = |k: &str| typed.get(k).cloned().unwrap_or_default();
            if form == "edit" {
                for (k, v) in &mut values {
                    *v = get(k);
                }
            } else {
                withdraw_reason = get("reason");
            }
            (Some(form), Some(again.described()), again.field.clone())
        }
        None => (None, None, None),
    };
    r.render(
        s,
        "manage_theme.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            theme => theme,
            taxonomy_title => s.i18n.text_or(r.lang, &format!("taxonomy-{}", theme.taxonomy), theme.taxonomy.as_str()),
            history => crate::process::history::records(&detail.history, "theme-field-"),
            values => values,
            withdraw_reason => withdraw_reason,
            failed_form => form,
            failed_field => field,
            error => error,
        },
    )
}

async fn theme_desk_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, code)): Path<(String, String)>,
) -> PageResult {
    render_theme_desk(&s, &r, &caller.principal, &slug, &code, None).await
}

/// The dashboard's items: what the reader may see of what needs attention,
/// each a count and the page that deals with it.
fn attention_items(slug: &str, a: &accord_app::Attention) -> Vec<minijinja::Value> {
    [
        (
            "applications-in-objection-period",
            a.applications_in_objection_period,
            format!("/processes/{slug}/accreditation"),
        ),
        (
            "applications-to-decide",
            a.applications_to_decide,
            format!("/processes/{slug}/accreditation"),
        ),
        (
            "applications-referred",
            a.applications_referred,
            format!("/processes/{slug}/accreditation"),
        ),
        (
            "pending-uploads",
            a.pending_uploads,
            format!("/processes/{slug}/documents"),
        ),
        (
            "open-silences",
            a.open_silences,
            format!("/processes/{slug}/drafts"),
        ),
        (
            "amendments-awaiting-decision",
            a.amendments_awaiting_decision,
            format!("/processes/{slug}/drafts"),
        ),
        (
            "running-jobs",
            a.running_jobs,
            format!("/processes/{slug}/stocktaking"),
        ),
        (
            "failed-jobs",
            a.failed_jobs,
            format!("/processes/{slug}/stocktaking"),
        ),
    ]
    .into_iter()
    .filter_map(|(key, count, href)| count.map(|count| context! { key, count, href }))
    .collect()
}
