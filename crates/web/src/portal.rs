//! The portal: server-rendered HTML that works without JavaScript, in the
//! reader's language, right-to-left for Arabic.

use crate::error::{public_message, status_of};
use crate::i18n::{self, I18n, LANG_COOKIE};
use crate::{timeline, SharedState};
use accord_app::policy::{authorize, Action};
use accord_app::AppError;
use accord_domain::{ActorKind, Language, MeetingKind, PhaseKind};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value};
use minijinja::{context, Environment, ErrorKind, State as TplState};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

pub fn routes() -> Router<SharedState> {
    Router::new()
        .route("/", get(home))
        .route("/processes/{slug}", get(process_page))
        .route("/processes/{slug}/meetings", get(meetings_page))
        .route("/processes/{slug}/meetings/{id}", get(meeting_page))
        .route("/processes/{slug}/documents", get(documents_page))
        .route("/actors", get(actors_page))
        .route("/actors/{code}", get(actor_page))
        .route("/audit", get(audit_page))
        .route("/language", get(choose_language))
        .merge(crate::sign_in::routes())
        .merge(crate::manage::routes())
        .merge(crate::accreditation_pages::routes())
        .merge(crate::account_pages::routes())
        .merge(crate::consultation_pages::routes())
        .merge(crate::files::routes())
        .merge(crate::feeds::routes())
        .merge(crate::search_pages::routes())
        .merge(crate::negotiation_pages::routes())
        .merge(crate::stocktaking_pages::routes())
        .merge(crate::adoption_pages::routes())
        .merge(crate::language_pages::routes())
        .route("/static/accord.css", get(stylesheet))
        .route("/favicon.ico", get(favicon))
        .route("/static/favicon.svg", get(favicon))
        .fallback(not_found)
}

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("process.html", include_str!("../templates/process.html")),
    ("meetings.html", include_str!("../templates/meetings.html")),
    ("meeting.html", include_str!("../templates/meeting.html")),
    (
        "documents.html",
        include_str!("../templates/documents.html"),
    ),
    ("actors.html", include_str!("../templates/actors.html")),
    ("actor.html", include_str!("../templates/actor.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("reset.html", include_str!("../templates/reset.html")),
    ("message.html", include_str!("../templates/message.html")),
    ("audit.html", include_str!("../templates/audit.html")),
    ("manage.html", include_str!("../templates/manage.html")),
    (
        "accreditation.html",
        include_str!("../templates/accreditation.html"),
    ),
    (
        "manage_actors.html",
        include_str!("../templates/manage_actors.html"),
    ),
    ("account.html", include_str!("../templates/account.html")),
    ("search.html", include_str!("../templates/search.html")),
    (
        "statement.html",
        include_str!("../templates/statement.html"),
    ),
    ("input.html", include_str!("../templates/input.html")),
    (
        "consultation.html",
        include_str!("../templates/consultation.html"),
    ),
    (
        "recommendations.html",
        include_str!("../templates/recommendations.html"),
    ),
    (
        "recommendations_part.html",
        include_str!("../templates/recommendations_part.html"),
    ),
    (
        "manage_process.html",
        include_str!("../templates/manage_process.html"),
    ),
    ("accounts.html", include_str!("../templates/accounts.html")),
    ("drafts.html", include_str!("../templates/drafts.html")),
    ("draft.html", include_str!("../templates/draft.html")),
    ("version.html", include_str!("../templates/version.html")),
    (
        "compilation.html",
        include_str!("../templates/compilation.html"),
    ),
    ("redline.html", include_str!("../templates/redline.html")),
    ("lineage.html", include_str!("../templates/lineage.html")),
    (
        "amendment.html",
        include_str!("../templates/amendment.html"),
    ),
    (
        "stocktaking.html",
        include_str!("../templates/stocktaking.html"),
    ),
    ("report.html", include_str!("../templates/report.html")),
    (
        "campaigns.html",
        include_str!("../templates/campaigns.html"),
    ),
    ("campaign.html", include_str!("../templates/campaign.html")),
    (
        "adoptions.html",
        include_str!("../templates/adoptions.html"),
    ),
    ("adoption.html", include_str!("../templates/adoption.html")),
    ("pledges.html", include_str!("../templates/pledges.html")),
    (
        "pledge_list.html",
        include_str!("../templates/pledge_list.html"),
    ),
    (
        "objective.html",
        include_str!("../templates/objective.html"),
    ),
    (
        "languages.html",
        include_str!("../templates/languages.html"),
    ),
    ("job.html", include_str!("../templates/job.html")),
    ("coverage.html", include_str!("../templates/coverage.html")),
    (
        "analysis_part.html",
        include_str!("../templates/analysis_part.html"),
    ),
];

/// The template environment: HTML auto-escaping on, and three helpers that
/// read the page's `lang`: `t(key, **args)`, `date(d)` and `dates(start, end)`.
pub fn templates(i18n: Arc<I18n>) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_formatter(html_formatter);
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e}"));
    }
    let t = i18n.clone();
    env.add_function(
        "t",
        move |state: &TplState, key: String, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let lang = page_language(state);
            let mut args = FluentArgs::new();
            for name in kwargs.args() {
                let value: Value = kwargs.get(name)?;
                let fluent = match value.as_i64() {
                    Some(n) => FluentValue::from(n),
                    None => FluentValue::from(value.to_string()),
                };
                args.set(name.to_owned(), fluent);
            }
            Ok(t.text(lang, &key, Some(&args)))
        },
    );
    let t = i18n.clone();
    env.add_function(
        "date",
        move |state: &TplState, d: String| -> Result<String, minijinja::Error> {
            Ok(t.date(page_language(state), parse_date(&d)?))
        },
    );
    let t = i18n;
    env.add_function(
        "dates",
        move |state: &TplState, a: String, b: String| -> Result<String, minijinja::Error> {
            Ok(t.date_range(page_language(state), parse_date(&a)?, parse_date(&b)?))
        },
    );
    env
}

/// HTML-escapes `& < > " '` — all that HTML needs. (MiniJinja's default also
/// escapes '/', which turns every UN symbol into `A&#x2f;RES&#x2f;…` in the source.)
fn html_formatter(
    out: &mut minijinja::Output,
    state: &TplState,
    value: &Value,
) -> Result<(), minijinja::Error> {
    if state.auto_escape() != minijinja::AutoEscape::Html || value.is_safe() {
        return minijinja::escape_formatter(out, state, value);
    }
    if value.is_undefined() || value.is_none() {
        return Ok(());
    }
    out.write_str(&escape(&value.to_string()))
        .map_err(minijinja::Error::from)
}

fn page_language(state: &TplState) -> Language {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()))
        .unwrap_or(Language::En)
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, minijinja::Error> {
    s.parse()
        .map_err(|_| minijinja::Error::new(ErrorKind::InvalidOperation, format!("not a date: {s}")))
}

/// Who is reading: their language and the page they asked for.
#[derive(Clone)]
pub struct Reader {
    lang: Language,
    path: String,
    /// The signed-in account's name, and the session's CSRF token for the
    /// sign-out form.
    signed_in: Option<(String, String)>,
    /// Who is reading (anonymous when nobody is signed in).
    principal: accord_app::Principal,
}

impl FromRequestParts<SharedState> for Reader {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &SharedState,
    ) -> Result<Self, Self::Rejection> {
        let caller = crate::auth::Caller::from_request_parts(parts, state)
            .await
            .ok();
        let signed_in = match &caller {
            Some(crate::auth::Caller {
                principal: accord_app::Principal::Account(a),
                csrf: Some(csrf),
                ..
            }) => Some((a.name.clone(), csrf.clone())),
            _ => None,
        };
        let principal = caller
            .map(|c| c.principal)
            .unwrap_or(accord_app::Principal::Anonymous);
        Ok(Reader {
            lang: i18n::negotiate(&parts.headers),
            path: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into()),
            signed_in,
            principal,
        })
    }
}

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
}

/// A page the portal could not produce.
pub struct PageError {
    status: StatusCode,
    message: String,
    html: Option<String>,
}

pub(crate) type PageResult = Result<Html<String>, PageError>;

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let body = self.html.unwrap_or_else(|| {
            format!(
                "<!doctype html><title>Error</title><p>{}</p>",
                escape(&self.message)
            )
        });
        (
            self.status,
            [(header::CACHE_CONTROL, "no-store")],
            Html(body),
        )
            .into_response()
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

impl Reader {
    pub(crate) fn lang(&self) -> Language {
        self.lang
    }

    pub(crate) fn principal(&self) -> &accord_app::Principal {
        &self.principal
    }

    pub(crate) fn session_csrf(&self) -> Option<&str> {
        self.signed_in.as_ref().map(|(_, c)| c.as_str())
    }

    pub(crate) fn render(&self, s: &SharedState, template: &str, page: Value) -> PageResult {
        let languages: Vec<LanguageLink> = Language::ALL
            .iter()
            .map(|l| LanguageLink {
                code: l.as_str(),
                name: l.endonym(),
                href: format!(
                    "/language?lang={}&next={}",
                    l.as_str(),
                    urlencode(&self.path)
                ),
                current: *l == self.lang,
            })
            .collect();
        let ctx = context! {
            lang => self.lang.as_str(),
            dir => if self.lang.is_rtl() { "rtl" } else { "ltr" },
            language_links => languages,
            section => section_of(&self.path),
            signed_in_as => self.signed_in.as_ref().map(|(name, _)| name.as_str()),
            session_csrf => self.signed_in.as_ref().map(|(_, csrf)| csrf.as_str()),
            can_read_audit => authorize(&self.principal, Action::ReadAudit).is_ok(),
            can_manage_accounts => authorize(&self.principal, Action::IssuePasswordReset { target: None }).is_ok(),
            can_create_process => authorize(&self.principal, Action::CreateProcess).is_ok(),
            here_encoded => urlencode(&self.path),
            ..page
        };
        s.templates
            .get_template(template)
            .and_then(|t| t.render(ctx))
            .map(Html)
            .map_err(|e| {
                tracing::error!(template, error = %e, "template failed");
                PageError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    message: "internal error".into(),
                    html: None,
                }
            })
    }

    /// Renders a big page (a compilation text, a vote, a report) on the
    /// app's work pool rather than on a thread that serves requests; a
    /// full queue is answered 503 with `Retry-After`.
    pub(crate) async fn render_on_pool(
        &self,
        s: &SharedState,
        template: &'static str,
        page: Value,
    ) -> PageResult {
        let (reader, state) = (self.clone(), s.clone());
        s.app
            .run_on_work_pool(move || reader.render(&state, template, page))
            .await
            .map_err(|e| self.error(s, e))?
    }

    /// Turns an app error into a page in the reader's language.
    pub(crate) fn error(&self, s: &SharedState, e: AppError) -> PageError {
        let status = status_of(&e);
        let message = public_message(&e);
        self.error_page(s, status, message)
    }

    pub(crate) fn error_page(
        &self,
        s: &SharedState,
        status: StatusCode,
        message: String,
    ) -> PageError {
        let key = match status {
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::UNAUTHORIZED => "unauthenticated",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::SERVICE_UNAVAILABLE => "unavailable",
            s if s.is_client_error() => "bad-request",
            _ => "internal",
        };
        let html = self
            .render(
                s,
                "error.html",
                context! { status => status.as_u16(), key => key, message => &message },
            )
            .ok()
            .map(|h| h.0);
        PageError {
            status,
            message,
            html,
        }
    }
}

/// What the reader may ask for at a meeting still to come: the actors they
/// may speak for, and whether they may register.
fn floor_options(
    r: &Reader,
    today: chrono::NaiveDate,
    process: &accord_domain::Slug,
    meeting: &accord_domain::Meeting,
) -> Value {
    let accord_app::Principal::Account(account) = r.principal() else {
        return Value::from(());
    };
    if meeting.end_date < today {
        return Value::from(());
    }
    let actors: Vec<String> = account
        .grants
        .iter()
        .filter(|g| g.process.as_ref() == Some(process))
        .filter_map(|g| g.actor.as_ref().map(std::string::ToString::to_string))
        .collect();
    if actors.is_empty() {
        return Value::from(());
    }
    context! { actors => actors, agenda => &meeting.agenda }
}

/// Who may add a statement to a meeting from its page: the secretariat for
/// any actor; delegates and representatives for their own actors, until
/// some days after the meeting.
fn statement_form(
    r: &Reader,
    today: chrono::NaiveDate,
    process: &accord_domain::Slug,
    meeting: &accord_domain::Meeting,
) -> Value {
    if authorize(r.principal(), Action::ManageConsultation(process)).is_ok() {
        return context! { any_actor => true, actors => Vec::<String>::new(), agenda => &meeting.agenda };
    }
    let accord_app::Principal::Account(account) = r.principal() else {
        return Value::from(());
    };
    let closes =
        meeting.end_date + chrono::Duration::days(accord_app::STATEMENT_DAYS_AFTER_MEETING);
    if today > closes {
        return Value::from(());
    }
    let actors: Vec<String> = account
        .grants
        .iter()
        .filter(|g| g.process.as_ref() == Some(process))
        .filter_map(|g| g.actor.as_ref().map(std::string::ToString::to_string))
        .collect();
    if actors.is_empty() {
        return Value::from(());
    }
    context! { any_actor => false, actors => actors, agenda => &meeting.agenda }
}

/// Which navigation entry a path belongs to.
fn section_of(path: &str) -> &'static str {
    if path.starts_with("/actors") {
        "actors"
    } else if path.starts_with("/audit") {
        "audit"
    } else if path.starts_with("/search") {
        "search"
    } else if path.starts_with("/accounts") {
        "accounts"
    } else if path.starts_with("/account") {
        "account"
    } else if path == "/" || path.starts_with("/processes") || path.starts_with("/?") {
        "processes"
    } else {
        ""
    }
}

pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

// ---- pages -----------------------------------------------------------------

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
    r.render(
        &s,
        "process.html",
        context! {
            consultations => s.app.consultations(&slug).await.map_err(|e| r.error(&s, e))?.iter().map(|c| context! { slug => c.slug.as_str(), title => &c.title, synthetic => c.synthetic }).collect::<Vec<_>>(),
            can_edit => authorize(r.principal(), Action::EditProcess(&overview.process.slug)).is_ok(),
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
            process => &overview.process,
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
    let id =
        crate::api::parse_id(&id, "meeting").map_err(|e| r.error_page(&s, e.status, e.message))?;
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let detail = s
        .app
        .meeting(r.principal(), &slug, id)
        .await
        .map_err(|e| r.error(&s, e))?;
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
        .participants(&slug, id)
        .await
        .map_err(|e| r.error(&s, e))?
        .into_iter()
        .map(|(p, actor)| context! { name => p.name, code => actor.code.as_str(), actor => actor.name })
        .collect();
    let speakers: Vec<Value> = s
        .app
        .speakers_list(&slug, id)
        .await
        .map_err(|e| r.error(&s, e))?
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
        .time_limits(&slug, id)
        .await
        .map_err(|e| r.error(&s, e))?
        .into_iter()
        .map(|(category, seconds, set)| {
            context! {
                category => category.as_str(),
                time => minutes(seconds),
                set => set,
            }
        })
        .collect();
    let statements: Vec<Value> = s
        .app
        .statements(
            r.principal(),
            &slug,
            Some(id),
            &accord_app::PageRequest::first(200),
        )
        .await
        .map_err(|e| r.error(&s, e))?
        .items
        .into_iter()
        .map(|st| {
            context! {
                id => st.id,
                title => st.statement.title,
                actor => st.statement.actor.as_str(),
                on_behalf_of => st.statement.on_behalf_of.as_ref().map(|g| g.as_str().to_owned()),
                distribution => st.statement.distribution.as_str(),
                synthetic => st.statement.synthetic,
            }
        })
        .collect();
    let statement_form = statement_form(&r, s.app.today(), &overview.process.slug, &detail.meeting);
    r.render(
        &s,
        "meeting.html",
        context! {
            statements => statements,
            statement_form => statement_form,
            today => s.app.today().to_string(),
            time_limits => time_limits,
            process => &overview.process,
            meeting => &detail.meeting,
            venue_country => venue_country,
            participants => participants,
            floor => floor_options(&r, s.app.today(), &overview.process.slug, &detail.meeting),
            can_run_list => accord_app::policy::authorize(r.principal(), accord_app::Action::RunSpeakersList(&overview.process.slug)).is_ok(),
            speakers => speakers,
            documents => &detail.documents,
            themes => &detail.themes,
            live_process => overview.process.slug.as_str(),
        },
    )
}

/// Seconds as minutes and seconds, "3:00".
pub(crate) fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
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
    let can_upload = authorize(r.principal(), Action::EditProcess(&overview.process.slug)).is_ok();
    r.render(
        &s,
        "documents.html",
        context! {
            process => &overview.process,
            documents => rows,
            can_upload => can_upload,
            languages => Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            upload_limit_mb => s.app.upload_limit() / (1024 * 1024),
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
    let actors = s.app.all_actors(kind).await.map_err(|e| r.error(&s, e))?;
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
    let detail = s.app.actor(&code).await.map_err(|e| r.error(&s, e))?;
    r.render(
        &s,
        "actor.html",
        context! { actor => &detail.actor, members => &detail.members, groups => &detail.groups },
    )
}

async fn audit_page(
    State(s): State<SharedState>,
    r: Reader,
    caller: crate::auth::Caller,
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

/// A local path to return to; anything that could leave the site becomes "/".
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.chars().any(char::is_control)
                && n.len() <= 2048 =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/accord.css"),
    )
        .into_response()
}

async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../static/favicon.svg"),
    )
        .into_response()
}

async fn not_found(State(s): State<SharedState>, r: Reader) -> Response {
    r.error_page(&s, StatusCode::NOT_FOUND, "no page at this address".into())
        .into_response()
}
