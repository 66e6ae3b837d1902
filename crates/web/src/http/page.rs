//! Pages: the templates, the reader of a page (language, caller, path), page errors.

use crate::http::error::{public_message, status_of};
use crate::http::i18n::{self, I18n};
use crate::http::names;
use crate::SharedState;
use accord_app::AppError;
use accord_domain::Language;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, Value};
use minijinja::{context, Environment, ErrorKind, State as TplState};
use serde::Serialize;
use std::sync::Arc;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    (
        "process_bar.html",
        include_str!("../../templates/process_bar.html"),
    ),
    ("amend.html", include_str!("../../templates/amend.html")),
    ("home.html", include_str!("../../templates/home.html")),
    ("process.html", include_str!("../../templates/process.html")),
    ("phases.html", include_str!("../../templates/phases.html")),
    (
        "meetings.html",
        include_str!("../../templates/meetings.html"),
    ),
    ("meeting.html", include_str!("../../templates/meeting.html")),
    (
        "documents.html",
        include_str!("../../templates/documents.html"),
    ),
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    ("actors.html", include_str!("../../templates/actors.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    ("error.html", include_str!("../../templates/error.html")),
    ("login.html", include_str!("../../templates/login.html")),
    ("reset.html", include_str!("../../templates/reset.html")),
    ("message.html", include_str!("../../templates/message.html")),
    ("audit.html", include_str!("../../templates/audit.html")),
    ("manage.html", include_str!("../../templates/manage.html")),
    (
        "accreditation.html",
        include_str!("../../templates/accreditation.html"),
    ),
    (
        "manage_actors.html",
        include_str!("../../templates/manage_actors.html"),
    ),
    ("account.html", include_str!("../../templates/account.html")),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "statement.html",
        include_str!("../../templates/statement.html"),
    ),
    ("input.html", include_str!("../../templates/input.html")),
    (
        "consultation.html",
        include_str!("../../templates/consultation.html"),
    ),
    (
        "recommendations.html",
        include_str!("../../templates/recommendations.html"),
    ),
    (
        "recommendations_part.html",
        include_str!("../../templates/recommendations_part.html"),
    ),
    (
        "manage_process.html",
        include_str!("../../templates/manage_process.html"),
    ),
    (
        "accounts.html",
        include_str!("../../templates/accounts.html"),
    ),
    ("drafts.html", include_str!("../../templates/drafts.html")),
    ("draft.html", include_str!("../../templates/draft.html")),
    ("version.html", include_str!("../../templates/version.html")),
    (
        "compilation.html",
        include_str!("../../templates/compilation.html"),
    ),
    ("redline.html", include_str!("../../templates/redline.html")),
    ("lineage.html", include_str!("../../templates/lineage.html")),
    (
        "amendment.html",
        include_str!("../../templates/amendment.html"),
    ),
    (
        "stocktaking.html",
        include_str!("../../templates/stocktaking.html"),
    ),
    ("report.html", include_str!("../../templates/report.html")),
    (
        "campaigns.html",
        include_str!("../../templates/campaigns.html"),
    ),
    (
        "campaign.html",
        include_str!("../../templates/campaign.html"),
    ),
    (
        "adoptions.html",
        include_str!("../../templates/adoptions.html"),
    ),
    (
        "adoption.html",
        include_str!("../../templates/adoption.html"),
    ),
    (
        "adoption_desk.html",
        include_str!("../../templates/adoption_desk.html"),
    ),
    (
        "before_the_whole_part.html",
        include_str!("../../templates/before_the_whole_part.html"),
    ),
    ("pledges.html", include_str!("../../templates/pledges.html")),
    (
        "pledge_list.html",
        include_str!("../../templates/pledge_list.html"),
    ),
    (
        "objective.html",
        include_str!("../../templates/objective.html"),
    ),
    (
        "languages.html",
        include_str!("../../templates/languages.html"),
    ),
    ("job.html", include_str!("../../templates/job.html")),
    (
        "coverage.html",
        include_str!("../../templates/coverage.html"),
    ),
    (
        "analysis_part.html",
        include_str!("../../templates/analysis_part.html"),
    ),
    (
        "manage_meeting.html",
        include_str!("../../templates/manage_meeting.html"),
    ),
    (
        "meeting_history.html",
        include_str!("../../templates/meeting_history.html"),
    ),
    (
        "manage_document.html",
        include_str!("../../templates/manage_document.html"),
    ),
    (
        "manage_theme.html",
        include_str!("../../templates/manage_theme.html"),
    ),
    (
        "record_history.html",
        include_str!("../../templates/record_history.html"),
    ),
    ("calls.html", include_str!("../../templates/calls.html")),
];

/// The template environment: HTML auto-escaping on, and the helpers that
/// read the page's `lang`: `t(key, **args)`, `date(d)`, `dates(start, end)`,
/// `actor_name(actor)`, `actor_attrs(actor)`, `title(item)`,
/// `title_attrs(item)` and `asset(name)`.
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
    // An actor's name in the page's language (`http/names.rs`), and the
    // `lang`/`dir` attributes of the element that holds it.
    env.add_function(
        "actor_name",
        |state: &TplState, actor: Value| -> Result<String, minijinja::Error> {
            let (iso2, name) = actor_fields(&actor)?;
            Ok(names::actor_name(page_language(state), iso2.as_deref(), &name).into_owned())
        },
    );
    env.add_function(
        "actor_attrs",
        |state: &TplState, actor: Value| -> Result<Value, minijinja::Error> {
            let (iso2, _) = actor_fields(&actor)?;
            let lang = names::actor_name_language(page_language(state), iso2.as_deref());
            Ok(Value::from_safe_string(names::lang_attributes(lang)))
        },
    );
    // A region or sub-region (its English M49 name) in the page's
    // language, from CLDR (`http/names.rs`), and the `lang`/`dir` of that.
    env.add_function("region_name", |state: &TplState, stored: String| {
        names::region_name(page_language(state), &stored).into_owned()
    });
    env.add_function("region_attrs", |state: &TplState, stored: String| {
        let lang = names::region_name_language(page_language(state), &stored);
        Value::from_safe_string(names::lang_attributes(lang))
    });
    // A process's or a meeting's title in the page's language where it has
    // been translated, else the original; and the `lang`/`dir` of that.
    env.add_function(
        "title",
        |state: &TplState, item: Value| -> Result<String, minijinja::Error> {
            Ok(translated_title(&item, page_language(state))?.0)
        },
    );
    env.add_function(
        "title_attrs",
        |state: &TplState, item: Value| -> Result<Value, minijinja::Error> {
            let lang = translated_title(&item, page_language(state))?.1;
            Ok(Value::from_safe_string(names::lang_attributes(lang)))
        },
    );
    // The address of a static file, content-hashed (`http/assets.rs`).
    env.add_function(
        "asset",
        |name: String| -> Result<String, minijinja::Error> {
            crate::http::assets::asset_url(&name).ok_or_else(|| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("no static file {name}"),
                )
            })
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

/// An actor's `iso2` (only a state's: a group or an organisation never gets a
/// state's name) and stored `name`, from a value with those attributes.
fn actor_fields(actor: &Value) -> Result<(Option<String>, String), minijinja::Error> {
    let text = |attr: &str| -> Result<Option<String>, minijinja::Error> {
        let v = actor.get_attr(attr)?;
        Ok(v.as_str().map(str::to_owned))
    };
    let name = text("name")?.ok_or_else(|| {
        minijinja::Error::new(ErrorKind::InvalidOperation, "an actor without a name")
    })?;
    let is_state = match text("kind")? {
        Some(kind) => kind == "member_state" || kind == "observer_state",
        None => true,
    };
    let iso2 = if is_state { text("iso2")? } else { None };
    Ok((iso2, name))
}

/// The title of `item` (a process, a meeting) in `lang` where its
/// `title_translations` have it, else its `title`; and the language of the
/// title returned (an original title is in English).
fn translated_title(item: &Value, lang: Language) -> Result<(String, Language), minijinja::Error> {
    let original = item.get_attr("title")?;
    let original = original.as_str().ok_or_else(|| {
        minijinja::Error::new(ErrorKind::InvalidOperation, "an item without a title")
    })?;
    let translations = item.get_attr("title_translations")?;
    let translated = if translations.is_undefined() || translations.is_none() {
        None
    } else {
        translations
            .get_item(&Value::from(lang.as_str()))
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .filter(|t| !t.trim().is_empty())
    };
    Ok(match translated {
        Some(t) => (t, lang),
        None => (original.to_owned(), Language::En),
    })
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
    pub(crate) lang: Language,
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
        let caller = crate::http::auth::Caller::from_request_parts(parts, state)
            .await
            .ok();
        let signed_in = match &caller {
            Some(crate::http::auth::Caller {
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

/// The confirmations a form's next page may show (`?done=meeting-postponed`
/// in the redirect's URL, shown at the top of the page as `role="status"`;
/// the message is `done-{key}` in the catalogues). A key outside this list
/// is ignored, so a crafted link can show nothing but these sentences.
pub(crate) const CONFIRMATIONS: &[&str] = &[
    "meeting-edited",
    "meeting-postponed",
    "meeting-rescheduled",
    "meeting-cancelled",
    "meeting-reinstated",
    "document-edited",
    "document-withdrawn",
    "theme-edited",
    "theme-withdrawn",
    "process-edited",
    "consultation-opened",
    "consultation-closed",
    "consultation-extended",
    "adoption-recorded",
    "paragraph-vote-recorded",
    "oral-change-recorded",
    "phase-opened",
    "phase-extended",
    "phase-closed",
    "phase-replanned",
];

/// The confirmation a page's address carries, if it is one of ours.
fn done_of(path: &str) -> Option<&'static str> {
    let query = path.split_once('?')?.1;
    form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k == "done")
        .find_map(|(_, v)| CONFIRMATIONS.iter().copied().find(|c| *c == v))
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
            process_tab => process_tab_of(&self.path),
            signed_in_as => self.signed_in.as_ref().map(|(name, _)| name.as_str()),
            session_csrf => self.signed_in.as_ref().map(|(_, csrf)| csrf.as_str()),
            // What the reader may do anywhere (the header's links); a page
            // about a process adds `can`, what it may do there.
            global_can => accord_app::policy::capabilities(&self.principal, None, &Default::default()),
            here_encoded => urlencode(&self.path),
            here_path => self.path.split('?').next().unwrap_or(""),
            done => done_of(&self.path),
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

/// The tab of the process bar a path under `/processes/{slug}` belongs to
/// (the phase whose work it shows), or `""`.
fn process_tab_of(path: &str) -> &'static str {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let Some(rest) = path.strip_prefix("/processes/") else {
        return "";
    };
    let mut parts = rest.split('/').skip(1);
    match parts.next().unwrap_or("") {
        "" | "phases" => "overview",
        // A meeting's separate votes and oral changes are the adoption's.
        "meetings" if parts.nth(1) == Some("adoption") => "adoption",
        "meetings" | "statements" => "meetings",
        "documents" => "documents",
        "consultations" | "campaigns" | "inputs" | "accreditation" => "consultation",
        "stocktaking" | "recommendations" | "coverage" | "dismissals" | "theme-labels" | "jobs" => {
            "stocktaking"
        }
        "drafts" | "objectives" => "negotiation",
        "adoptions" => "adoption",
        "pledges" => "follow_up",
        _ => "",
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

/// Seconds as minutes and seconds, "3:00".
pub(crate) fn minutes(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
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

/// The text on one line, cut at a word before `max` characters.
pub(crate) fn excerpt(text: &str, max: usize) -> String {
    let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if squashed.chars().count() <= max {
        return squashed;
    }
    let cut: String = squashed.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..end])
}

#[cfg(test)]
mod confirmation_tests {
    use super::{done_of, process_tab_of};

    #[test]
    fn each_page_of_a_process_marks_its_tab() {
        for (path, tab) in [
            ("/processes/gcm", "overview"),
            ("/processes/gcm/meetings/23", "meetings"),
            ("/processes/gcm/meetings/23/adoption", "adoption"),
            ("/processes/gcm/meetings/23/adoption?done=x", "adoption"),
            ("/processes/gcm/statements/4", "meetings"),
            ("/processes/gcm/adoptions/2", "adoption"),
            ("/processes/gcm/pledges", "follow_up"),
            ("/actors", ""),
        ] {
            assert_eq!(process_tab_of(path), tab, "{path}");
        }
    }

    #[test]
    fn only_known_confirmations_are_read_from_the_address() {
        assert_eq!(
            done_of("/processes/gcm/meetings/3?done=meeting-postponed"),
            Some("meeting-postponed")
        );
        assert_eq!(
            done_of("/p?lang=fr&done=adoption-recorded"),
            Some("adoption-recorded")
        );
        for hostile in [
            "/p",
            "/p?done=",
            "/p?done=%3Cscript%3E",
            "/p?done=meeting-postponed%00",
            "/p?done=MEETING-POSTPONED",
            "/p?done=../../etc/passwd",
            "/p?done=meeting-postponed-and-more",
            "/p?done=%FF%FE",
            "/p?done",
        ] {
            assert_eq!(done_of(hostile), None, "{hostile}");
        }
    }
}
