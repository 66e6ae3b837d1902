//! The consultation phase in the portal: statements (entered from the
//! meeting page, each with its texts per language and the recommendations
//! marked in them), calls for inputs with the public input form, inputs,
//! and the recommendations of a process by theme.

use crate::http::command::{again_value, FormAgain};
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::{AppError, PageRequest};
use accord_domain as d;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use minijinja::{context, Value};
use serde::Deserialize;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/consultations", get(calls_page))
        .route("/processes/{slug}/statements/{id}", get(statement_page))
        .route(
            "/processes/{slug}/consultations/{consultation}",
            get(consultation_page),
        )
        .route("/processes/{slug}/inputs/{id}", get(input_page))
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
            let theme = themes.iter().find(|t| &t.code == code);
            let title = theme.map(|t| t.title.clone()).unwrap_or_default();
            context! { code => code.as_str(), title => title, withdrawn => theme.is_some_and(d::Theme::is_withdrawn) }
        }).collect::<Vec<_>>(),
    }
}

/// The page of the statement or input a refused form was about (named by
/// its `kind_field` and `id_field`), with the form shown again.
pub(crate) async fn render_item(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    (form, kind_field, id_field): (&str, &str, &str),
    again: FormAgain,
) -> PageResult {
    let typed = |k: &str| {
        again
            .values
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.trim().to_owned())
    };
    let kind = typed(kind_field).and_then(|k| k.parse::<d::ItemKind>().ok());
    let id = typed(id_field).and_then(|i| i.parse::<i64>().ok());
    match (kind, id) {
        (Some(d::ItemKind::Statement), Some(id)) => {
            render_statement(s, r, slug, id, Some((form, again))).await
        }
        (Some(d::ItemKind::Input), Some(id)) => {
            render_input(s, r, slug, id, Some((form, again))).await
        }
        _ => Err(r.error_page(s, StatusCode::BAD_REQUEST, again.described())),
    }
}

// ---- statements ------------------------------------------------------------

/// A statement's page; `failed`: one of its forms refused, shown again.
pub(crate) async fn render_statement(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: i64,
    failed: Option<(&str, FormAgain)>,
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
            // The version kept beside this one, readable in full, and the
            // name of the file one of the two was read from.
            let other = detail
                .other_versions
                .iter()
                .find(|o| o.text.language == t.language);
            let file_name = t
                .file
                .as_ref()
                .or(other.and_then(|o| o.text.file.as_ref()))
                .map(|f| f.filename.as_str());
            let other = other.map(|o| context! {
                source => o.text.source().as_str(),
                status => o.text.status.as_str(),
                looks_like => o.text.looks_like.map(d::Language::as_str),
                paragraphs => paragraphs_value(marked(&o.text.body, &[]), &o.text.blocks),
                chosen_by => o.chosen.as_ref().map(|c| c.by.as_str()),
                chosen_on => o.chosen.as_ref().map(|c| c.at.date_naive().to_string()),
            });
            context! {
                source => t.source().as_str(),
                looks_like => t.looks_like.map(d::Language::as_str),
                other => other,
                file_name => file_name,
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
            process => &overview.process, current_phase => overview.current_phase,
            statement => &detail.statement,
            actor => &detail.actor,
            on_behalf_of => &detail.on_behalf_of,
            meeting => &detail.meeting,
            texts => texts,
            analysis => crate::stocktaking::pages::analysis_value(&analysis, d::ItemKind::Statement, id),
            recommendations => detail.recommendations.iter().map(|rec| recommendation_value(rec, &themes)).collect::<Vec<_>>(),
            can => &can,
            themes => themes.iter().filter(|t| !t.is_withdrawn()).collect::<Vec<_>>(),
            again => again_value(failed),
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

// ---- calls for inputs, the public form, inputs ----------------------------

#[derive(Deserialize, Default)]
struct ListQuery {
    cursor: Option<String>,
}

/// A consultation's page with its inputs and the public form (`again`:
/// the form refused, shown again with what was written).
pub(crate) async fn render_consultation(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    name: &str,
    cursor: Option<String>,
    form_token: &str,
    again: Option<FormAgain>,
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
    r.render(
        s,
        "consultation.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
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
            again => again_value(again.map(|a| ("input", a))),
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
    let page = render_consultation(&s, &r, &slug, &name, q.cursor, &token, None).await;
    crate::access::sign_in::with_cookie(page, set, StatusCode::OK)
}

async fn render_input(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    id: i64,
    failed: Option<(&str, FormAgain)>,
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
            process => &overview.process, current_phase => overview.current_phase,
            input => input,
            dir => if input.language.is_rtl() { "rtl" } else { "ltr" },
            paragraphs => paragraphs_value(marked(&input.text, &marks), &[]),
            candidates => suggested(&input.text, input.language, &detail.recommendations, &dismissed),
            analysis => crate::stocktaking::pages::analysis_value(&analysis, d::ItemKind::Input, id),
            recommendations => detail.recommendations.iter().map(|rec| recommendation_value(rec, &themes)).collect::<Vec<_>>(),
            can => &can,
            themes => themes.iter().filter(|t| !t.is_withdrawn()).collect::<Vec<_>>(),
            again => again_value(failed),
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
            process => &overview.process, current_phase => overview.current_phase,
            themes => &themes,
            theme => theme,
            recommendations => listing.items.iter().map(|rec| recommendation_value(rec, &themes)).collect::<Vec<_>>(),
            next => next,
        },
    )
}

/// A process's calls for inputs — open, upcoming, closed, with their dates
/// and links — and, for the secretariat, the form that opens one and, on
/// each open call, the forms that close it now or extend it; `failed`: a
/// form refused (`open`, `close-{slug}`, `extend-{slug}`), with what was
/// typed and the message beside the field.
pub(crate) async fn render_calls(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    failed: Option<(String, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let calls = s
        .app
        .calls_for_inputs(slug)
        .await
        .map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let local = |t: chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%dT%H:%M").to_string();
    let mut groups: Vec<(&str, Vec<Value>)> =
        vec![("open", vec![]), ("upcoming", vec![]), ("closed", vec![])];
    for call in &calls {
        let c = &call.consultation;
        let item = context! {
            slug => c.slug.as_str(),
            title => &c.title,
            description => &c.description,
            opens_at => c.opens_at.format("%Y-%m-%d %H:%M").to_string(),
            opens_on => c.opens_at.date_naive().to_string(),
            closes_at => c.closes_at.map(|t| t.format("%Y-%m-%d %H:%M").to_string()),
            closes_on => c.closes_at.map(|t| t.date_naive().to_string()),
            closes_local => c.closes_at.map(local),
            closed_reason => &call.closed_reason,
            synthetic => c.synthetic,
        };
        if let Some((_, list)) = groups.iter_mut().find(|(state, _)| *state == call.state) {
            list.push(item);
        }
    }
    let again = again_value(failed.as_ref().map(|(f, a)| (f.as_str(), a.clone())));
    r.render(
        s,
        "calls.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            groups => groups.into_iter().map(|(state, items)| context! { state => state, items => items }).collect::<Vec<_>>(),
            can => &can,
            again => again,
        },
    )
}

async fn calls_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    render_calls(&s, &r, &slug, None).await
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
