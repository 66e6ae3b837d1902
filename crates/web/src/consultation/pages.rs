//! The consultation phase in the portal: statements (entered from the
//! meeting page, each with its texts per language and the recommendations
//! marked in them), calls for inputs with the public input form, inputs,
//! and the recommendations of a process by theme.

use crate::http::auth::{cookie, Caller, FORM_COOKIE};
use crate::http::forms::checked;
use crate::http::forms::one;
use crate::http::forms::opt;
use crate::http::forms::outcome;
use crate::http::forms::Fields;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, post, PageRoutes};
use crate::SharedState;
use accord_app::{AppError, PageRequest, Principal};
use accord_domain as d;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use minijinja::{context, Value};
use serde::Deserialize;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route(
            "/processes/{slug}/meetings/{id}/statements",
            post(add_statement),
        )
        .route("/processes/{slug}/statements/{id}", get(statement_page))
        .route(
            "/processes/{slug}/statements/{id}/recommendations",
            post(mark_in_statement),
        )
        .route(
            "/processes/{slug}/consultations/{consultation}",
            get(consultation_page).post(submit_input),
        )
        .route("/processes/{slug}/inputs/{id}", get(input_page))
        .route(
            "/processes/{slug}/inputs/{id}/recommendations",
            post(mark_in_input),
        )
        .route(
            "/processes/{slug}/recommendations",
            get(recommendations_page),
        )
}

fn page_id(
    r: &Reader,
    s: &SharedState,
    id: &str,
    what: &str,
) -> Result<i64, crate::http::page::PageError> {
    crate::http::query::parse_id(id, what).map_err(|e| r.error_page(s, e.status, e.message))
}

/// The text split into paragraphs, each a list of (text, recommendation id)
/// runs: the recommendations' passages marked where they stand.
pub(crate) fn marked(
    body: &str,
    recommendations: &[(usize, &str, i64)],
) -> Vec<Vec<(String, Option<i64>)>> {
    let chars: Vec<char> = body.chars().collect();
    // Each passage's span in the body: from its start, as many words as it has.
    let mut spans: Vec<(usize, usize, i64)> = recommendations
        .iter()
        .filter_map(|&(start, passage, id)| {
            let words = passage.split_whitespace().count();
            let mut i = start;
            let mut seen = 0;
            while i < chars.len() && seen < words {
                while i < chars.len() && chars[i].is_whitespace() {
                    i += 1;
                }
                if i >= chars.len() {
                    break;
                }
                while i < chars.len() && !chars[i].is_whitespace() {
                    i += 1;
                }
                seen += 1;
            }
            (start < chars.len() && seen == words).then_some((start, i, id))
        })
        .collect();
    spans.sort();
    let mut runs: Vec<(String, Option<i64>)> = vec![];
    let mut at = 0;
    for (start, end, id) in spans {
        if start < at {
            continue; // overlapping passages: the first one wins
        }
        runs.push((chars[at..start].iter().collect(), None));
        runs.push((chars[start..end].iter().collect(), Some(id)));
        at = end;
    }
    runs.push((chars[at..].iter().collect(), None));
    // Split the runs into paragraphs at blank lines.
    let mut paragraphs = vec![vec![]];
    for (text, id) in runs {
        let mut parts = text.split("\n\n").peekable();
        while let Some(part) = parts.next() {
            if !part.trim().is_empty() {
                paragraphs
                    .last_mut()
                    .expect("one paragraph")
                    .push((part.to_owned(), id));
            }
            if parts.peek().is_some() {
                paragraphs.push(vec![]);
            }
        }
    }
    paragraphs.retain(|p: &Vec<(String, Option<i64>)>| !p.is_empty());
    paragraphs
}

/// The sentences to suggest as recommendations (leaving out those the
/// secretariat passed over), for the template.
fn suggested(
    text: &str,
    language: d::Language,
    marked: &[d::Recommendation],
    dismissed: &[d::stocktaking::Dismissal],
) -> Vec<Value> {
    accord_app::suggested_recommendations(text, language, marked)
        .into_iter()
        .filter(|c| {
            !dismissed
                .iter()
                .any(|x| x.language == language && x.start_char == c.start as i64)
        })
        .map(|c| context! { sentence => c.sentence, strong => c.strong, start => c.start })
        .collect()
}

fn marks_of(
    recommendations: &[d::Recommendation],
    language: d::Language,
) -> Vec<(usize, &str, i64)> {
    recommendations
        .iter()
        .filter(|r| r.language == language)
        .map(|r| (r.start, r.passage.as_str(), r.id))
        .collect()
}

/// The paragraphs as runs, each paragraph with the heading level its block
/// has (0 for a paragraph) when the text's structure is known and lines up.
fn paragraphs_value(p: Vec<Vec<(String, Option<i64>)>>, blocks: &[d::TextBlock]) -> Vec<Value> {
    let aligned = blocks.len() == p.len();
    p.into_iter()
        .enumerate()
        .map(|(i, runs)| {
            let level = match blocks.get(i) {
                Some(d::TextBlock::Heading { level, .. }) if aligned => (*level).clamp(1, 4) + 2,
                _ => 0,
            };
            context! {
                level => level,
                runs => runs.into_iter().map(|(text, id)| context! { text => text, rec => id }).collect::<Vec<_>>(),
            }
        })
        .collect()
}

fn recommendation_value(r: &d::Recommendation, themes: &[d::Theme]) -> Value {
    context! {
        id => r.id,
        passage => &r.passage,
        language => r.language.as_str(),
        source => r.source.as_str(),
        source_id => r.source_id,
        themes => r.themes.iter().map(|code| {
            let title = themes.iter().find(|t| &t.code == code).map(|t| t.title.clone()).unwrap_or_default();
            context! { code => code.as_str(), title => title }
        }).collect::<Vec<_>>(),
    }
}

// ---- statements ------------------------------------------------------------

async fn render_statement(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: i64,
    error: Option<String>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let detail = s
        .app
        .statement(r.principal(), slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let themes = s.app.themes(slug).await.map_err(|e| r.error(s, e))?;
    let dismissed = s
        .app
        .dismissals(d::ItemKind::Statement, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let analysis = s
        .app
        .item_analysis(slug, d::ItemKind::Statement, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let texts: Vec<Value> = detail
        .texts
        .iter()
        .map(|t| {
            let marks = marks_of(&detail.recommendations, t.language);
            let candidates = suggested(&t.body, t.language, &detail.recommendations, &dismissed);
            context! {
                candidates => candidates,
                language => t.language.as_str(),
                dir => if t.language.is_rtl() { "rtl" } else { "ltr" },
                paragraphs => paragraphs_value(marked(&t.body, &marks), &t.blocks),
                status => t.status.as_str(),
                diagnostics => &t.diagnostics,
                detected => t.language_detected,
                file => t.file.as_ref().map(|f| context! { name => &f.filename, size => f.size, content_type => &f.content_type }),
            }
        })
        .collect();
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let can_upload = s
        .app
        .may_change_texts(r.principal(), slug, d::ItemKind::Statement, id)
        .await;
    r.render(
        s,
        "statement.html",
        context! {
            can_upload => can_upload,
            upload_limit_mb => s.app.upload_limit() / (1024 * 1024),
            languages => d::Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
            process => &overview.process,
            statement => &detail.statement,
            actor => &detail.actor,
            on_behalf_of => &detail.on_behalf_of,
            meeting => &detail.meeting,
            texts => texts,
            analysis => crate::stocktaking::pages::analysis_value(&analysis, format!("/processes/{slug}/statements/{id}/theme")),
            recommendations => detail.recommendations.iter().map(|rec| recommendation_value(rec, &themes)).collect::<Vec<_>>(),
            can => &can,
            themes => &themes,
            error => error,
        },
    )
}

async fn statement_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let id = page_id(&r, &s, &id, "statement")?;
    render_statement(&s, &r, &slug, id, None).await
}

async fn add_statement(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let meeting = match page_id(&r, &s, &id, "meeting") {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = async {
        let p = checked(&caller, &f)?;
        let parse_code = |what: &str, v: String| {
            v.to_uppercase()
                .parse::<d::ActorCode>()
                .map_err(|e| AppError::BadRequest(format!("{what}: {e}")))
        };
        let language: d::Language = one(&f, "language")
            .parse()
            .map_err(|e: d::ValidationError| AppError::BadRequest(format!("language: {e}")))?;
        let text = one(&f, "text");
        let texts = if text.is_empty() {
            vec![]
        } else {
            vec![d::ItemText::typed(language, &text)?]
        };
        let statement =
            d::NewStatement {
                process: slug
                    .parse()
                    .map_err(|_| AppError::NotFound(format!("process '{slug}'")))?,
                meeting,
                agenda_item: opt(&f, "agenda_item")
                    .map(|n| n.parse().unwrap_or(u32::MAX))
                    .unwrap_or(0),
                actor: parse_code("speaker", one(&f, "actor"))?,
                on_behalf_of: opt(&f, "on_behalf_of")
                    .map(|g| parse_code("on behalf of", g))
                    .transpose()?,
                title: one(&f, "title"),
                delivered_on: one(&f, "delivered_on").parse().map_err(|_| {
                    AppError::BadRequest("delivered on: give a date as YYYY-MM-DD".into())
                })?,
                distribution: one(&f, "distribution").parse().map_err(
                    |e: d::ValidationError| AppError::BadRequest(format!("distribution: {e}")),
                )?,
                embargo_until: None,
                synthetic: false,
            };
        let id = s.app.add_statement(&p, statement, texts).await?;
        Ok(format!("/processes/{slug}/statements/{id}"))
    }
    .await;
    match result {
        Ok(to) => axum::response::Redirect::to(&to).into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn mark(
    s: &SharedState,
    caller: &Caller,
    slug: &str,
    source: d::ItemKind,
    id: i64,
    f: &Fields,
) -> Result<i64, AppError> {
    let p = checked(caller, f)?;
    let language: d::Language = one(f, "language")
        .parse()
        .map_err(|e: d::ValidationError| AppError::BadRequest(format!("language: {e}")))?;
    let themes = f
        .iter()
        .filter(|(k, _)| k == "themes")
        .map(|(_, v)| {
            v.parse()
                .map_err(|e: d::ValidationError| AppError::BadRequest(format!("theme: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    s.app
        .mark_recommendation(
            &p,
            d::NewRecommendation {
                process: slug
                    .parse()
                    .map_err(|_| AppError::NotFound(format!("process '{slug}'")))?,
                source,
                source_id: id,
                language,
                passage: one(f, "passage"),
                themes,
            },
        )
        .await
}

async fn mark_in_statement(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let id = match page_id(&r, &s, &id, "statement") {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = mark(&s, &caller, &slug, d::ItemKind::Statement, id, &f)
        .await
        .map(|rec| format!("/processes/{slug}/statements/{id}#rec-{rec}"));
    outcome(&s, &r, result, |error| {
        render_statement(&s, &r, &slug, id, Some(error))
    })
    .await
}

// ---- calls for inputs, the public form, inputs ----------------------------

#[derive(Deserialize, Default)]
struct ListQuery {
    cursor: Option<String>,
}

#[allow(clippy::too_many_arguments)]
async fn render_consultation(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    name: &str,
    cursor: Option<String>,
    form_token: &str,
    error: Option<String>,
    typed: &Fields,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let consultation = s
        .app
        .consultations(slug)
        .await
        .map_err(|e| r.error(s, e))?
        .into_iter()
        .find(|c| c.slug.as_str() == name)
        .ok_or_else(|| r.error(s, AppError::NotFound(format!("no consultation '{name}'"))))?;
    let inputs = s
        .app
        .inputs(
            r.principal(),
            slug,
            Some(name),
            &PageRequest {
                cursor,
                limit: Some(50),
            },
        )
        .await
        .map_err(|e| r.error(s, e))?;
    let value = |k: &str| one(typed, k);
    r.render(
        s,
        "consultation.html",
        context! {
            process => &overview.process,
            consultation => &consultation,
            open => consultation.is_open_at(s.app.now()),
            inputs => inputs.items.iter().map(|i| context! {
                id => i.id,
                organisation => &i.organisation,
                author => &i.author,
                country => i.country.as_ref().map(accord_domain::ActorCode::as_str),
                language => i.language.as_str(),
                excerpt => i.text.chars().take(280).collect::<String>(),
                synthetic => i.synthetic,
                submitted_at => i.submitted_at.to_rfc3339(),
            }).collect::<Vec<_>>(),
            next => inputs.next_cursor.map(|c| format!("/processes/{slug}/consultations/{name}?cursor={c}")),
            form_token => form_token,
            error => error,
            values => context! {
                author => value("author"), organisation => value("organisation"),
                country => value("country"), language => value("language"), text => value("text"),
            },
            languages => d::Language::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
        },
    )
}

async fn consultation_page(
    State(s): State<SharedState>,
    r: Reader,
    headers: HeaderMap,
    Path((slug, name)): Path<(String, String)>,
    Query(q): Query<ListQuery>,
) -> Response {
    let (token, set) = crate::access::sign_in::form_token(&headers);
    let page = render_consultation(&s, &r, &slug, &name, q.cursor, &token, None, &vec![]).await;
    crate::access::sign_in::with_cookie(page, set, StatusCode::OK)
}

/// The public input form: anyone, protected by the form's double-submit
/// token and limited per address.
async fn submit_input(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Path((slug, name)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let expected = cookie(&headers, FORM_COOKIE).unwrap_or("");
    let sent = one(&f, "csrf");
    if expected.is_empty() || !accord_app::same_secret(&sent, expected) {
        return r
            .error_page(
                &s,
                StatusCode::FORBIDDEN,
                "the form has expired: open the consultation page again".into(),
            )
            .into_response();
    }
    let result = async {
        let input = d::NewInput {
            process: slug
                .parse()
                .map_err(|_| AppError::NotFound(format!("process '{slug}'")))?,
            consultation: name
                .parse()
                .map_err(|_| AppError::NotFound(format!("no consultation '{name}'")))?,
            author: opt(&f, "author"),
            organisation: opt(&f, "organisation"),
            country: opt(&f, "country")
                .map(|c| {
                    c.to_uppercase().parse().map_err(|e: d::ValidationError| {
                        AppError::BadRequest(format!("country: {e}"))
                    })
                })
                .transpose()?,
            language: opt(&f, "language")
                .map(|l| {
                    l.parse().map_err(|e: d::ValidationError| {
                        AppError::BadRequest(format!("language: {e}"))
                    })
                })
                .transpose()?,
            text: one(&f, "text"),
            external_id: None,
            synthetic: false,
        };
        let principal = match &caller.principal {
            Principal::Account(_) => caller.principal.clone(),
            _ => Principal::Anonymous,
        };
        let id = s.app.submit_input(&principal, input, &address).await?;
        Ok(format!("/processes/{slug}/inputs/{id}"))
    }
    .await;
    match result {
        Ok(to) => axum::response::Redirect::to(&to).into_response(),
        Err(
            e @ (AppError::Invalid(_) | AppError::BadRequest(_) | AppError::TooManyRequests(_)),
        ) => {
            let status = crate::http::error::status_of(&e);
            let page = render_consultation(
                &s,
                &r,
                &slug,
                &name,
                None,
                expected,
                Some(e.to_string()),
                &f,
            )
            .await;
            crate::access::sign_in::with_cookie(page, None, status)
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn render_input(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: i64,
    error: Option<String>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let detail = s
        .app
        .input(r.principal(), slug, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let themes = s.app.themes(slug).await.map_err(|e| r.error(s, e))?;
    let dismissed = s
        .app
        .dismissals(d::ItemKind::Input, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let analysis = s
        .app
        .item_analysis(slug, d::ItemKind::Input, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let input = &detail.input;
    let marks = marks_of(&detail.recommendations, input.language);
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    r.render(
        s,
        "input.html",
        context! {
            process => &overview.process,
            input => input,
            dir => if input.language.is_rtl() { "rtl" } else { "ltr" },
            paragraphs => paragraphs_value(marked(&input.text, &marks), &[]),
            candidates => suggested(&input.text, input.language, &detail.recommendations, &dismissed),
            analysis => crate::stocktaking::pages::analysis_value(&analysis, format!("/processes/{slug}/inputs/{id}/theme")),
            recommendations => detail.recommendations.iter().map(|rec| recommendation_value(rec, &themes)).collect::<Vec<_>>(),
            can => &can,
            themes => &themes,
            error => error,
        },
    )
}

async fn input_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, id)): Path<(String, String)>,
) -> PageResult {
    let id = page_id(&r, &s, &id, "input")?;
    render_input(&s, &r, &slug, id, None).await
}

async fn mark_in_input(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let id = match page_id(&r, &s, &id, "input") {
        Ok(id) => id,
        Err(page) => return page.into_response(),
    };
    let result = mark(&s, &caller, &slug, d::ItemKind::Input, id, &f)
        .await
        .map(|rec| format!("/processes/{slug}/inputs/{id}#rec-{rec}"));
    outcome(&s, &r, result, |error| {
        render_input(&s, &r, &slug, id, Some(error))
    })
    .await
}

#[derive(Deserialize, Default)]
struct RecommendationsQuery {
    theme: Option<String>,
    cursor: Option<String>,
}

async fn recommendations_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
    Query(q): Query<RecommendationsQuery>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let themes = s.app.themes(&slug).await.map_err(|e| r.error(&s, e))?;
    let theme = q.theme.filter(|t| !t.is_empty());
    let listing = s
        .app
        .recommendations(
            r.principal(),
            &slug,
            theme.as_deref(),
            &PageRequest {
                cursor: q.cursor,
                limit: Some(50),
            },
        )
        .await
        .map_err(|e| r.error(&s, e))?;
    let next = listing.next_cursor.map(|c| {
        format!(
            "/processes/{slug}/recommendations?theme={}&cursor={c}",
            theme.clone().unwrap_or_default()
        )
    });
    r.render(
        &s,
        "recommendations.html",
        context! {
            process => &overview.process,
            themes => &themes,
            theme => theme,
            recommendations => listing.items.iter().map(|rec| recommendation_value(rec, &themes)).collect::<Vec<_>>(),
            next => next,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::marked;

    #[test]
    fn passages_are_marked_where_they_stand_across_paragraphs() {
        let body = "Mr. Chair,\n\nStates should  protect\nmigrants. Thank you.";
        let p = marked(body, &[(12, "States should protect migrants.", 7)]);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0], vec![("Mr. Chair,".to_string(), None)]);
        assert_eq!(
            p[1],
            vec![
                ("States should  protect\nmigrants.".to_string(), Some(7)),
                (" Thank you.".to_string(), None)
            ]
        );
        // A start past the end, or overlapping passages, never panic.
        assert_eq!(marked("abc", &[(99, "x", 1)]).len(), 1);
        assert_eq!(marked("a b c", &[(0, "a b", 1), (2, "b c", 2)])[0].len(), 2);
    }
}
