//! The negotiation phase in the portal: drafts and their versions, the
//! compilation text (live), redlines, lineage, amendments with their forms,
//! paragraph status, silence procedures, and the exports (Markdown, DOCX,
//! Akoma Ntoso). Every page works without JavaScript; `live.js` reloads the
//! parts marked `data-live` when the server says they changed.

use crate::http::auth::Caller;
use crate::http::command::FormAgain;
use crate::http::download::download;
use crate::http::forms::one;
use crate::http::forms::opt;
use crate::http::forms::Fields;
use crate::http::page::PageError;
use crate::http::page::PageResult;
use crate::http::page::Reader;
use crate::http::routes::{get, post, PageRoutes};
use crate::negotiation::params::{filter_of, parse_seq};
use crate::negotiation::params::{AmendPage, DraftForm, VersionForm};
use crate::SharedState;
use accord_app::negotiation::{ImportSource, VersionView};
use accord_app::AppError;
use accord_domain::negotiation::{
    self as n, AmendmentStatus, NodeDiffKind, NodeKind, Operation, ParagraphStatus, Segment,
    Source, Stance, Wid, WordOp,
};
use accord_domain::Slug;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{context, Value};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

pub fn routes() -> PageRoutes {
    let d = "/processes/{slug}/drafts/{draft}";
    PageRoutes::new()
        .route("/processes/{slug}/drafts", get(drafts_page))
        .route(d, get(draft_page))
        .route(format!("{d}/import"), post(import_form))
        .route(format!("{d}/redline"), get(redline_page))
        .route(format!("{d}/versions/{{seq}}"), get(version_page))
        .route(
            format!("{d}/versions/{{seq}}/paragraphs/{{wid}}/amend"),
            get(amend_page),
        )
        .route(
            format!("{d}/versions/{{seq}}/compilation"),
            get(compilation_page),
        )
        .route(
            format!("{d}/versions/{{seq}}/lineage/{{wid}}"),
            get(lineage_page),
        )
        .route(format!("{d}/amendments/{{id}}"), get(amendment_page))
        .route(
            format!("{d}/versions/{{seq}}/draft.md"),
            get(export_markdown),
        )
        .route(format!("{d}/versions/{{seq}}/draft.docx"), get(export_docx))
        .route(format!("{d}/versions/{{seq}}/akn.xml"), get(export_akn))
        .route(
            format!("{d}/versions/{{seq}}/amendments.xml"),
            get(export_amendments),
        )
        .route(
            format!("{d}/versions/{{seq}}/compilation.docx"),
            get(export_compilation),
        )
        .route(format!("{d}/redline.docx"), get(export_redline))
        .route("/processes/{slug}/live", get(live))
}

fn seq_of(r: &Reader, s: &SharedState, seq: &str) -> Result<u32, PageError> {
    parse_seq(seq).map_err(|e| r.error_page(s, e.status, e.message))
}

fn process_of(slug: &str) -> Result<Slug, AppError> {
    slug.parse().map_err(|_| {
        AppError::NotFound(format!(
            "process '{}' does not exist",
            slug.chars().take(64).collect::<String>()
        ))
    })
}

async fn drafts_page(
    State(s): State<SharedState>,
    r: Reader,
    Path(slug): Path<String>,
) -> PageResult {
    render_drafts(&s, &r, &slug, None).await
}

/// A refused form's values for its template: each field's value by its
/// name (`values`), the repeated ones (`co_sponsors[]`) as lists by their
/// name without the brackets (`lists`), the field at fault (`field`, as
/// serde names it: `wording.words`), the message (`error`) and the message
/// naming its field (`described`).
fn again_context(form: &str, a: &FormAgain) -> Value {
    let mut values: BTreeMap<&str, &str> = BTreeMap::new();
    let mut lists: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (k, v) in &a.values {
        match k.strip_suffix("[]") {
            Some(list) => lists.entry(list).or_default().push(v),
            None => {
                values.insert(k, v);
            }
        }
    }
    context! {
        form => form, values => values, lists => lists, field => a.field,
        error => a.message, described => a.described(),
    }
}

/// The drafts of a process; `again`: the new draft's form, refused.
pub(crate) async fn render_drafts(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    again: Option<FormAgain>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let drafts = s.app.drafts(slug).await.map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let again = again.map(|a| again_context("draft", &a));
    r.render(
        s,
        "drafts.html",
        context! { process => overview.process, current_phase => overview.current_phase, drafts => drafts, can => can, again => again },
    )
}

/// A version's place in the rounds: counts as bar widths (percent).
#[derive(Serialize)]
struct Round {
    seq: u32,
    label: String,
    issued_on: String,
    paragraphs: usize,
    agreed: usize,
    bracketed: usize,
    negotiating: usize,
    deleted: usize,
    open: usize,
    live_amendments: usize,
    amendments: usize,
    words: usize,
    agreed_pct: f64,
    bracketed_pct: f64,
    negotiating_pct: f64,
}

async fn draft_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft)): Path<(String, String)>,
) -> PageResult {
    render_draft(&s, &r, &slug, &draft, None, None).await
}

/// A draft's page; `preview`: what an import recognised; `again`: one of
/// its forms, refused, with what was typed.
pub(crate) async fn render_draft(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    draft: &str,
    preview: Option<Value>,
    again: Option<(DraftForm, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let detail = s.app.draft(slug, draft).await.map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let rounds: Vec<Round> = detail
        .versions
        .iter()
        .map(|v| {
            let c = v.counts;
            let pct = |x: usize| {
                if c.paragraphs == 0 {
                    0.0
                } else {
                    (x as f64 * 1000.0 / c.paragraphs as f64).round() / 10.0
                }
            };
            Round {
                seq: v.seq,
                label: v.label.clone(),
                issued_on: v.issued_on.to_string(),
                paragraphs: c.paragraphs,
                agreed: c.agreed_ad_ref,
                bracketed: c.bracketed,
                negotiating: c.under_negotiation,
                deleted: c.deleted,
                open: c.with_open_proposals,
                live_amendments: v.live_amendments,
                amendments: v.amendments,
                words: v.words,
                agreed_pct: pct(c.agreed_ad_ref),
                bracketed_pct: pct(c.bracketed),
                negotiating_pct: pct(c.under_negotiation),
            }
        })
        .collect();
    // The latest version's live amendments, for the revision form.
    let latest = detail.versions.last().map(|v| v.seq);
    let live = match latest {
        Some(seq) if can.chair_negotiation => s
            .app
            .version(slug, draft, seq)
            .await
            .map(|v| {
                let placed = v.version.text.placed();
                v.amendments
                    .into_iter()
                    .filter(|a| a.status.is_live())
                    .map(|a| {
                        let target = placed
                            .iter()
                            .find(|p| &p.wid == a.operation.target())
                            .map_or_else(String::new, |p| p.num.clone());
                        context! { id => a.id, number => a.number, proposer => a.proposer, target => target, op => a.operation.name() }
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
        _ => vec![],
    };
    let silence: Vec<Value> = detail
        .silence
        .iter()
        .map(|v| {
            let (state, by) = match &v.outcome {
                n::SilenceOutcome::Running { broken_by } => ("running", broken_by.clone()),
                n::SilenceOutcome::AdoptedUnderSilence => ("adopted", vec![]),
                n::SilenceOutcome::Broken { by } => ("broken", by.clone()),
            };
            context! {
                id => v.procedure.id, version => v.version_label, deadline => v.deadline_local,
                deadline_utc => v.procedure.deadline.to_rfc3339(), time_zone => v.procedure.time_zone,
                state => state, by => by, breaks => v.procedure.breaks,
                recorded => v.procedure.outcome.map(accord_domain::negotiation::RecordedOutcome::as_str),
            }
        })
        .collect();
    let running = detail
        .silence
        .iter()
        .any(|v| matches!(v.outcome, n::SilenceOutcome::Running { .. }));
    r.render(
        s,
        "draft.html",
        context! {
            process => overview.process, current_phase => overview.current_phase, draft => detail.draft, rounds => rounds,
            latest => latest, live => live, silence => silence, running => running,
            can => can, preview => preview,
            again => again.map(|(form, a)| {
                let (name, id) = match form {
                    DraftForm::Revision => ("revision", None),
                    DraftForm::Silence => ("silence", None),
                    DraftForm::Break(id) => ("break", Some(id)),
                    DraftForm::Import => ("import", None),
                };
                context! { id => id, ..again_context(name, &a) }
            }),
        },
    )
}

async fn import_form(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, draft)): Path<(String, String)>,
    mut form: Multipart,
) -> Response {
    // What was typed, once the form is read: a refusal shows it again.
    let mut typed: Option<Fields> = None;
    let result = async {
        // Who may is known before a byte of the form is read.
        s.app.authorize_chair(&caller.principal, &slug).await?;
        let gate =
            async |p: &accord_app::Principal, _: &Fields| s.app.authorize_chair(p, &slug).await;
        let (p, f, file) = crate::http::upload::read_form(
            &caller,
            &mut form,
            s.app.upload_limit(),
            (8, 2_000_000),
            gate,
        )
        .await?;
        typed = Some(f.clone());
        let source = match file {
            Some((_, bytes)) if bytes.starts_with(b"PK\x03\x04") => ImportSource::Docx(bytes),
            Some((_, bytes)) => ImportSource::Markdown(String::from_utf8(bytes).map_err(|_| {
                AppError::BadRequest("the file is neither DOCX nor UTF-8 Markdown".into())
            })?),
            None => match opt(&f, "markdown") {
                Some(md) => ImportSource::Markdown(md),
                None => {
                    return Err(AppError::BadRequest(
                        "choose a DOCX or Markdown file, or paste the Markdown text".into(),
                    ))
                }
            },
        };
        let issued_on = opt(&f, "issued_on")
            .map(|d| {
                d.parse().map_err(|_| {
                    AppError::BadRequest("issued on: give a date as YYYY-MM-DD".into())
                })
            })
            .transpose()?;
        let preview = one(&f, "action") == "preview";
        let (imported, seq) = s
            .app
            .import_version(
                &p,
                &slug,
                &draft,
                &one(&f, "label"),
                issued_on,
                source,
                !preview,
            )
            .await?;
        Ok((imported, seq))
    }
    .await;
    match result {
        Ok((_, Some(seq))) => {
            Redirect::to(&format!("/processes/{slug}/drafts/{draft}/versions/{seq}"))
                .into_response()
        }
        Ok((imported, None)) => {
            let placed = imported.text.placed();
            let nodes: Vec<Value> = placed
                .iter()
                .map(|p| {
                    let node = imported.text.find(&p.wid).expect("placed from the text");
                    context! { num => p.num, kind => p.kind, depth => p.depth, heading => node.heading, text => node.text, wid => p.wid }
                })
                .collect();
            let preview = context! {
                title => imported.text.title, nodes => nodes, diagnostics => imported.diagnostics,
                sections => imported.sections, objectives => imported.objectives,
                paragraphs => imported.paragraphs, subparagraphs => imported.subparagraphs,
            };
            match render_draft(&s, &r, &slug, &draft, Some(preview), None).await {
                Ok(html) => html.into_response(),
                Err(e) => e.into_response(),
            }
        }
        // A refusal the person can mend: the draft's page, the form filled
        // in again (all but the file) and the message.
        Err(e @ (AppError::BadRequest(_) | AppError::Invalid(_))) if typed.is_some() => {
            let status = crate::http::error::status_of(&e);
            let field = e
                .to_string()
                .starts_with("issued on:")
                .then(|| "issued_on".to_owned());
            let again = FormAgain {
                values: typed
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|(k, _)| k != "csrf")
                    .collect(),
                field,
                message: e.to_string(),
            };
            match render_draft(
                &s,
                &r,
                &slug,
                &draft,
                None,
                Some((DraftForm::Import, again)),
            )
            .await
            {
                Ok(html) => (status, html).into_response(),
                Err(page) => page.into_response(),
            }
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}

/// A node as pages show it.
#[derive(Serialize)]
struct NodeRow {
    wid: String,
    kind: NodeKind,
    num: String,
    eid: String,
    depth: usize,
    heading: String,
    text: String,
    status: ParagraphStatus,
    options: Vec<String>,
    open: usize,
}

fn node_rows(view: &VersionView) -> Vec<NodeRow> {
    let mut open: HashMap<&Wid, usize> = HashMap::new();
    for a in view.amendments.iter().filter(|a| a.status.is_live()) {
        *open.entry(a.operation.target()).or_default() += 1;
    }
    view.version
        .text
        .placed()
        .into_iter()
        .map(|p| {
            let node = view
                .version
                .text
                .find(&p.wid)
                .expect("placed from the text");
            let status = view.statuses.iter().find(|s| s.wid == p.wid);
            NodeRow {
                wid: p.wid.to_string(),
                kind: p.kind,
                num: p.num,
                eid: p.eid,
                depth: p.depth,
                heading: node.heading.clone(),
                text: node.text.clone(),
                status: status.map_or(ParagraphStatus::UnderNegotiation, |s| s.status),
                options: status.map(|s| s.options.clone()).unwrap_or_default(),
                open: open.get(&p.wid).copied().unwrap_or(0),
            }
        })
        .collect()
}

async fn version_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, seq)): Path<(String, String, String)>,
) -> PageResult {
    render_version(&s, &r, &slug, &draft, &seq, None).await
}

/// A version's page; `again`: one of its forms (the amendment, the
/// paragraph's status), refused, with what was typed and the message beside
/// the field at fault.
pub(crate) async fn render_version(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    draft: &str,
    seq: &str,
    again: Option<(VersionForm, FormAgain)>,
) -> PageResult {
    let seq = seq_of(r, s, seq)?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let view = s
        .app
        .version(slug, draft, seq)
        .await
        .map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let nodes = node_rows(&view);
    let again = again.map(|(form, a)| {
        let name = match form {
            VersionForm::Status => "status",
        };
        again_context(name, &a)
    });
    r.render_on_pool(
        s,
        "version.html",
        context! {
            process => overview.process, current_phase => overview.current_phase, draft => view.draft, version => context! {
                seq => view.version.seq, label => view.version.label, issued_on => view.version.issued_on.to_string(),
                title => view.version.text.title, words => view.version.text.word_count(),
            },
            versions => view.versions, is_latest => view.is_latest, counts => view.counts,
            nodes => nodes, can => can, amendments => view.amendments.len(),
            statuses => ParagraphStatus::ALL, again => again,
        },
    )
    .await
}

async fn amend_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, seq, wid)): Path<(String, String, String, String)>,
) -> PageResult {
    let at = AmendPage {
        slug: &slug,
        draft: &draft,
        seq: &seq,
        wid: &wid,
    };
    render_amend(&s, &r, at, None, None).await
}

/// The runs of a paragraph as an amendment would change it: kept words,
/// struck ones (`del`) and new ones (`ins`), offsets in characters.
fn amended_runs(text: &str, operation: &Operation) -> Vec<(&'static str, String)> {
    let cut =
        |from: usize, to: usize| -> String { text.chars().skip(from).take(to - from).collect() };
    let len = text.chars().count();
    match operation {
        Operation::InsertText {
            at, text: words, ..
        } => vec![
            ("text", cut(0, *at)),
            ("ins", words.clone()),
            ("text", cut(*at, len)),
        ],
        Operation::DeleteText { from, to, .. } => vec![
            ("text", cut(0, *from)),
            ("del", cut(*from, *to)),
            ("text", cut(*to, len)),
        ],
        Operation::ReplaceText {
            from,
            to,
            text: words,
            ..
        } => vec![
            ("text", cut(0, *from)),
            ("del", cut(*from, *to)),
            ("ins", words.clone()),
            ("text", cut(*to, len)),
        ],
        Operation::DeleteNode { .. } => vec![("del", text.to_owned())],
        Operation::AddNode { .. } | Operation::MoveNode { .. } => vec![("text", text.to_owned())],
    }
    .into_iter()
    .filter(|(_, t)| !t.is_empty())
    .collect()
}

/// A paragraph's amendment page: its text, and the form that proposes a
/// change to it (new words as a tracked edit, a paragraph after it, a move,
/// its deletion); `again`: the form as sent (refused, or previewed);
/// `preview`: the operation the form describes, shown as redline.
pub(crate) async fn render_amend(
    s: &SharedState,
    r: &Reader,
    at: AmendPage<'_>,
    again: Option<FormAgain>,
    preview: Option<(&Operation, &n::DraftText)>,
) -> PageResult {
    let seq = seq_of(r, s, at.seq)?;
    let overview = s.app.process(at.slug).await.map_err(|e| r.error(s, e))?;
    let view = s
        .app
        .version(at.slug, at.draft, seq)
        .await
        .map_err(|e| r.error(s, e))?;
    let nodes = node_rows(&view);
    let Some(node) = nodes.iter().find(|nd| nd.wid == at.wid) else {
        return Err(r.error_page(
            s,
            axum::http::StatusCode::NOT_FOUND,
            format!("{} has no paragraph '{}'", view.version.label, at.wid),
        ));
    };
    let can = s.app.capabilities(r.principal(), Some(at.slug)).await;
    let states = s
        .app
        .actors(
            Some(accord_domain::ActorKind::MemberState),
            &accord_app::PageRequest::first(accord_app::MAX_LIMIT),
        )
        .await
        .map_err(|e| r.error(s, e))?
        .items
        .into_iter()
        .map(|a| context! { code => a.code.to_string(), name => a.name })
        .collect::<Vec<_>>();
    let preview = preview.map(|(operation, text)| {
        let num_of = |wid: &Wid| {
            nodes
                .iter()
                .find(|nd| nd.wid.as_str() == wid.as_str())
                .map(|nd| {
                    if nd.num.is_empty() {
                        nd.heading.clone()
                    } else {
                        nd.num.clone()
                    }
                })
                .unwrap_or_default()
        };
        let current = text
            .find(operation.target())
            .map(|n| n.text.clone())
            .unwrap_or_default();
        match operation {
            Operation::AddNode {
                text: words, kind, ..
            } => context! {
                runs => amended_runs(&current, operation), added => words, added_kind => kind,
            },
            Operation::MoveNode { after, .. } => context! {
                runs => amended_runs(&current, operation), moved_after => num_of(after),
            },
            _ => context! { runs => amended_runs(&current, operation) },
        }
    });
    let again = again.map(|a| again_context("propose", &a));
    r.render(
        s,
        "amend.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            negotiating => overview.current_phase == Some(accord_domain::PhaseKind::Negotiation),
            draft => view.draft, version => context! {
                seq => view.version.seq, label => view.version.label, title => view.version.text.title,
            },
            is_latest => view.is_latest, node => node, nodes => &nodes, can => can,
            states => states, again => again, preview => preview,
        },
    )
}

/// One run of a compiled node, for the template.
#[derive(Serialize)]
struct Run {
    /// "text", "del" or "ins".
    kind: &'static str,
    text: String,
    /// Amendment numbers ("A3"), their proposers ("EU, CELAC") and ids.
    tags: Vec<(u32, String, i64)>,
}

async fn compilation_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, seq)): Path<(String, String, String)>,
    Query(query): Query<Vec<(String, String)>>,
) -> PageResult {
    let seq = seq_of(&r, &s, &seq)?;
    let filter = filter_of(&query).map_err(|e| r.error_page(&s, e.status, e.message))?;
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let (view, compilation) = s
        .app
        .compilation(&slug, &draft, seq, &filter)
        .await
        .map_err(|e| r.error(&s, e))?;
    let who = |i: usize| {
        let p = &compilation.proposals[i];
        (p.number, p.proposers.join(", "), p.id)
    };
    // Each node's number, from the compilation's own placement.
    let num_of: HashMap<&Wid, &str> = compilation
        .nodes
        .iter()
        .map(|c| (&c.placed.wid, c.placed.num.as_str()))
        .collect();
    let statuses: HashMap<&Wid, ParagraphStatus> =
        view.statuses.iter().map(|s| (&s.wid, s.status)).collect();
    let nodes: Vec<Value> = compilation
        .nodes
        .iter()
        .map(|c| {
            let runs: Vec<Run> = c
                .segments
                .iter()
                .map(|seg| match seg {
                    Segment::Text { text, deleted_by } if deleted_by.is_empty() => Run { kind: "text", text: text.clone(), tags: vec![] },
                    Segment::Text { text, deleted_by } => Run { kind: "del", text: text.clone(), tags: deleted_by.iter().map(|&i| who(i)).collect() },
                    Segment::Insert { text, by } => Run { kind: "ins", text: text.clone(), tags: vec![who(*by)] },
                })
                .collect();
            let list = |v: &[usize]| v.iter().map(|&i| who(i)).collect::<Vec<_>>();
            let added: Vec<Value> = c
                .proposed_after
                .iter()
                .map(|&i| {
                    let p = &compilation.proposals[i];
                    let (number, by, _) = who(i);
                    match &p.operation {
                        Operation::AddNode { kind, heading, text, .. } => context! { number => number, by => by, kind => kind, text => if text.is_empty() { heading.clone() } else { text.clone() }, moved => false },
                        Operation::MoveNode { node, .. } => context! { number => number, by => by, kind => "", text => num_of.get(node).copied().unwrap_or_default(), moved => true },
                        _ => context! { number => number, by => by, kind => "", text => "", moved => false },
                    }
                })
                .collect();
            context! {
                wid => c.placed.wid, kind => c.placed.kind, num => c.placed.num, depth => c.placed.depth,
                heading => c.heading, runs => runs, open => c.open,
                delete_by => list(&c.delete_proposed_by), move_by => list(&c.move_proposed_by), added => added,
                status => statuses.get(&c.placed.wid).copied().unwrap_or(ParagraphStatus::UnderNegotiation),
            }
        })
        .collect();
    let proposals: Vec<Value> = compilation
        .proposals
        .iter()
        .map(|p| {
            let node = num_of
                .get(p.operation.target())
                .copied()
                .unwrap_or_default();
            context! {
                id => p.id, number => p.number, op => p.operation.name(), node => node,
                proposers => p.proposers.join(", "), proposer_codes => &p.proposers, supporters => p.supporters.join(", "),
                objectors => p.objectors.join(", "), status => p.status, simulated => p.simulated,
            }
        })
        .collect();
    let simulated = view.draft.simulated || compilation.proposals.iter().any(|p| p.simulated);
    r.render_on_pool(
        &s,
        "compilation.html",
        context! {
            process => overview.process, current_phase => overview.current_phase, draft => view.draft,
            version => context! { seq => view.version.seq, label => view.version.label, issued_on => view.version.issued_on.to_string(), title => view.version.text.title },
            versions => view.versions, nodes => nodes, proposals => proposals, hidden => compilation.hidden,
            filter_actor => filter.actor.unwrap_or_default(),
            filter_statuses => filter.statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
            all_statuses => AmendmentStatus::ALL, simulated => simulated,
            can => s.app.capabilities(r.principal(), Some(&slug)).await,
            live_topic => format!("draft/{}", view.draft.slug),
            live_process => overview.process.slug.to_string(),
        },
    )
    .await
}

#[derive(serde::Deserialize)]
struct RedlineQuery {
    from: Option<String>,
    to: Option<String>,
}

async fn redline_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft)): Path<(String, String)>,
    Query(q): Query<RedlineQuery>,
) -> PageResult {
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let detail = s
        .app
        .draft(&slug, &draft)
        .await
        .map_err(|e| r.error(&s, e))?;
    let last = detail.versions.last().map_or(1, |v| v.seq);
    let to = match q.to.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => seq_of(&r, &s, t)?,
        None => last,
    };
    let from = match q.from.as_deref().filter(|t| !t.is_empty()) {
        Some(f) => seq_of(&r, &s, f)?,
        None => to.saturating_sub(1).max(1),
    };
    let (_, a, b, redline) = s
        .app
        .redline(&slug, &draft, from, to)
        .await
        .map_err(|e| r.error(&s, e))?;
    let ops = |ops: &[WordOp]| {
        ops.iter()
            .map(|o| match o {
                WordOp::Equal(t) => ("text", t.clone()),
                WordOp::Insert(t) => ("ins", t.clone()),
                WordOp::Delete(t) => ("del", t.clone()),
            })
            .collect::<Vec<_>>()
    };
    let nodes: Vec<Value> = redline
        .nodes
        .iter()
        .map(|nd| {
            context! {
                wid => nd.wid, kind => nd.kind, change => nd.change, moved => nd.moved, depth => nd.depth,
                old_num => nd.old.as_ref().map(|o| o.0.clone()), new_num => nd.new.as_ref().map(|o| o.0.clone()),
                renumbered => matches!((&nd.old, &nd.new), (Some(o), Some(n)) if o.0 != n.0),
                heading => ops(&nd.heading), text => ops(&nd.text),
                unchanged => nd.change == NodeDiffKind::Unchanged && !nd.moved,
            }
        })
        .collect();
    r.render_on_pool(
        &s,
        "redline.html",
        context! {
            process => overview.process, current_phase => overview.current_phase, draft => detail.draft,
            from => context! { seq => a.seq, label => a.label }, to => context! { seq => b.seq, label => b.label },
            versions => detail.versions.iter().map(|v| context! { seq => v.seq, label => v.label }).collect::<Vec<_>>(),
            nodes => nodes, summary => redline.summary,
        },
    )
    .await
}

async fn lineage_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, seq, wid)): Path<(String, String, String, String)>,
) -> PageResult {
    let seq = seq_of(&r, &s, &seq)?;
    let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
    let view = s
        .app
        .version(&slug, &draft, seq)
        .await
        .map_err(|e| r.error(&s, e))?;
    let lineage = s
        .app
        .lineage(&slug, &draft, seq, &wid)
        .await
        .map_err(|e| r.error(&s, e))?;
    let placed = view
        .version
        .text
        .placed()
        .into_iter()
        .find(|p| p.wid == lineage.wid);
    // Runs of words with the same origin.
    let mut runs: Vec<Value> = Vec::new();
    let mut current: Option<(usize, Option<Source>, String)> = None;
    let flush = |run: (usize, Option<Source>, String), runs: &mut Vec<Value>| {
        let (version, source, text) = run;
        let (amendment, number, by) = match source {
            Some(Source::Amendment(id)) => {
                let (_, number, by) = lineage.amendments.get(&id).cloned().unwrap_or_default();
                (Some(id), Some(number), by.join(", "))
            }
            Some(Source::CoFacilitators) => (None, None, "co-facilitators".to_string()),
            None => (None, None, String::new()),
        };
        runs.push(context! {
            text => text, version => version, label => lineage.labels.get(version).cloned().unwrap_or_default(),
            amendment => amendment, number => number, by => by, cofac => source == Some(Source::CoFacilitators),
        });
    };
    for o in &lineage.origins {
        match &mut current {
            Some((v, src, text)) if *v == o.version && *src == o.source => text.push_str(&o.token),
            _ => {
                if let Some(run) = current.take() {
                    flush(run, &mut runs);
                }
                current = Some((o.version, o.source, o.token.clone()));
            }
        }
    }
    if let Some(run) = current.take() {
        flush(run, &mut runs);
    }
    r.render(
        &s,
        "lineage.html",
        context! {
            process => overview.process, current_phase => overview.current_phase, draft => view.draft,
            version => context! { seq => view.version.seq, label => view.version.label },
            num => placed.as_ref().map(|p| p.num.clone()).unwrap_or_default(), wid => lineage.wid,
            runs => runs, labels => lineage.labels,
        },
    )
}

async fn amendment_page(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, id)): Path<(String, String, String)>,
) -> PageResult {
    render_amendment(&s, &r, &slug, &draft, &id, None).await
}

/// An amendment's page; `refused`: one of its forms (a position, a
/// decision…) came back with the rule's message.
pub(crate) async fn render_amendment(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    draft: &str,
    id: &str,
    refused: Option<FormAgain>,
) -> PageResult {
    let id = crate::http::query::parse_id(id, "amendment")
        .map_err(|e| r.error_page(s, e.status, e.message))?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let (draft, version, amendment) = s
        .app
        .amendment(slug, draft, id)
        .await
        .map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(r.principal(), Some(slug)).await;
    let placed = version.text.placed();
    let num_of = |w: &Wid| {
        placed
            .iter()
            .find(|p| &p.wid == w)
            .map_or_else(|| w.to_string(), |p| p.num.clone())
    };
    let target = amendment.operation.target().clone();
    let node_text = version
        .text
        .find(&target)
        .map(|nd| nd.text.clone())
        .unwrap_or_default();
    // The proposal shown as a one-paragraph compilation.
    let proposal = amendment.proposal();
    let compiled = n::compile(
        &version.text,
        std::slice::from_ref(&proposal),
        &n::ProposalFilter {
            actor: None,
            statuses: AmendmentStatus::ALL.to_vec(),
        },
    );
    let runs: Vec<(String, String)> = compiled
        .nodes
        .iter()
        .find(|c| c.placed.wid == target)
        .map(|c| {
            c.segments
                .iter()
                .map(|seg| match seg {
                    Segment::Text { text, deleted_by } if deleted_by.is_empty() => {
                        ("text".into(), text.clone())
                    }
                    Segment::Text { text, .. } => ("del".into(), text.clone()),
                    Segment::Insert { text, .. } => ("ins".into(), text.clone()),
                })
                .collect()
        })
        .unwrap_or_default();
    let involved: Vec<String> = std::iter::once(amendment.proposer.to_string())
        .chain(
            amendment
                .co_sponsors
                .iter()
                .map(std::string::ToString::to_string),
        )
        .collect();
    let may_position: Vec<&String> = can
        .negotiate_for
        .iter()
        .filter(|a| !involved.contains(a))
        .collect();
    let may_withdraw = can
        .negotiate_for
        .iter()
        .any(|a| a == amendment.proposer.as_str());
    // A named co-sponsor's delegation confirms or declines; a confirmed one
    // may withdraw.
    let may_confirm: Vec<&String> = can
        .negotiate_for
        .iter()
        .filter(|a| {
            amendment
                .pending_co_sponsors
                .iter()
                .any(|c| c.as_str() == a.as_str())
        })
        .collect();
    let may_leave: Vec<&String> = can
        .negotiate_for
        .iter()
        .filter(|a| {
            amendment
                .co_sponsors
                .iter()
                .any(|c| c.as_str() == a.as_str())
        })
        .collect();
    let after = match &amendment.operation {
        Operation::MoveNode { after, .. } | Operation::AddNode { after, .. } => Some(num_of(after)),
        _ => None,
    };
    let refused = refused.map(|f| f.described());
    r.render(
        s,
        "amendment.html",
        context! {
            refused => refused,
            process => overview.process, current_phase => overview.current_phase, draft => draft,
            version => context! { seq => version.seq, label => version.label },
            amendment => amendment, op => proposal.operation.name(), target_num => num_of(&target), target => target,
            after_num => after, node_text => node_text, runs => runs, new_words => proposal.operation.new_words(),
            may_position => may_position, may_withdraw => may_withdraw, can => can,
            may_confirm => may_confirm, may_leave => may_leave,
            outcomes => [AmendmentStatus::Accepted, AmendmentStatus::AcceptedAsModified, AmendmentStatus::Rejected, AmendmentStatus::Superseded],
            stances => Stance::ALL,
        },
    )
}

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const AKN: &str = "application/akn+xml";

async fn export_view(
    s: &SharedState,
    r: &Reader,
    slug: &str,
    draft: &str,
    seq: &str,
) -> Result<(String, VersionView), PageError> {
    let seq = seq_of(r, s, seq)?;
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let view = s
        .app
        .version(slug, draft, seq)
        .await
        .map_err(|e| r.error(s, e))?;
    Ok((overview.process.title, view))
}

fn file_stem(view: &VersionView) -> String {
    format!("{}-{}", view.draft.slug, view.version.label)
}

/// A version's export: `make` turns it into (content type, file name, bytes).
/// A version's export, made on the app's work pool (CPU-bound: a long
/// draft's DOCX or Akoma Ntoso).
async fn export_version(
    s: &SharedState,
    r: &Reader,
    (slug, draft, seq): (String, String, String),
    make: impl FnOnce(&str, &VersionView) -> (&'static str, String, Vec<u8>) + Send + 'static,
) -> Response {
    match export_view(s, r, &slug, &draft, &seq).await {
        Ok((title, view)) => match s.app.run_on_work_pool(move || make(&title, &view)).await {
            Ok((content_type, name, bytes)) => download(content_type, name, bytes),
            Err(e) => r.error(s, e).into_response(),
        },
        Err(e) => e.into_response(),
    }
}

async fn export_markdown(
    State(s): State<SharedState>,
    r: Reader,
    Path(p): Path<(String, String, String)>,
) -> Response {
    export_version(&s, &r, p, |_, v| {
        (
            "text/markdown; charset=utf-8",
            format!("{}.md", file_stem(v)),
            n::to_markdown(&v.version.text).into_bytes(),
        )
    })
    .await
}

async fn export_docx(
    State(s): State<SharedState>,
    r: Reader,
    Path(p): Path<(String, String, String)>,
) -> Response {
    export_version(&s, &r, p, |title, v| {
        (
            DOCX,
            format!("{}.docx", file_stem(v)),
            accord_export::docx::version(title, &v.draft, &v.version),
        )
    })
    .await
}

async fn export_akn(
    State(s): State<SharedState>,
    r: Reader,
    Path(p): Path<(String, String, String)>,
) -> Response {
    export_version(&s, &r, p, |title, v| {
        let xml = accord_export::akn::version(title, &v.draft, &v.version, &v.statuses);
        (AKN, format!("{}.akn.xml", file_stem(v)), xml.into_bytes())
    })
    .await
}

async fn export_amendments(
    State(s): State<SharedState>,
    r: Reader,
    Path(p): Path<(String, String, String)>,
) -> Response {
    export_version(&s, &r, p, |title, v| {
        let xml = accord_export::akn::amendments(title, &v.draft, &v.version, &v.amendments);
        (
            AKN,
            format!("{}-amendments.akn.xml", file_stem(v)),
            xml.into_bytes(),
        )
    })
    .await
}

async fn export_compilation(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft, seq)): Path<(String, String, String)>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let result = async {
        let filter = filter_of(&query).map_err(|e| r.error_page(&s, e.status, e.message))?;
        let (title, view) = export_view(&s, &r, &slug, &draft, &seq).await?;
        let proposals: Vec<_> = view
            .amendments
            .iter()
            .map(accord_domain::negotiation::Amendment::proposal)
            .collect();
        let name = format!("{}-compilation.docx", file_stem(&view));
        let bytes = s
            .app
            .run_on_work_pool(move || {
                let compilation = n::compile(&view.version.text, &proposals, &filter);
                accord_export::docx::compilation(&title, &view.draft, &view.version, &compilation)
            })
            .await
            .map_err(|e| r.error(&s, e))?;
        Ok::<_, PageError>(download(DOCX, name, bytes))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

async fn export_redline(
    State(s): State<SharedState>,
    r: Reader,
    Path((slug, draft)): Path<(String, String)>,
    Query(q): Query<RedlineQuery>,
) -> Response {
    let result = async {
        let (Some(from), Some(to)) = (q.from.as_deref(), q.to.as_deref()) else {
            return Err(r.error_page(
                &s,
                axum::http::StatusCode::BAD_REQUEST,
                "give the two versions: ?from=1&to=2".into(),
            ));
        };
        let (from, to) = (seq_of(&r, &s, from)?, seq_of(&r, &s, to)?);
        let overview = s.app.process(&slug).await.map_err(|e| r.error(&s, e))?;
        let (draft, a, b, redline) = s
            .app
            .redline(&slug, &draft, from, to)
            .await
            .map_err(|e| r.error(&s, e))?;
        let name = format!("{}-{}-{}-redline.docx", draft.slug, a.label, b.label);
        let bytes = s
            .app
            .run_on_work_pool(move || {
                accord_export::docx::redline(&overview.process.title, &draft, &a, &b, &redline)
            })
            .await
            .map_err(|e| r.error(&s, e))?;
        Ok(download(DOCX, name, bytes))
    }
    .await;
    result.unwrap_or_else(IntoResponse::into_response)
}

#[derive(serde::Deserialize)]
struct LiveQuery {
    topic: Option<String>,
}

/// Server-sent events: one `change` event each time something under
/// `topic` changes in the process ("draft/compact", "meeting/12/speakers").
async fn live(
    State(s): State<SharedState>,
    Path(slug): Path<String>,
    Query(q): Query<LiveQuery>,
) -> Response {
    let Ok(process) = process_of(&slug) else {
        return (axum::http::StatusCode::NOT_FOUND, "no such process").into_response();
    };
    let topic = q
        .topic
        .unwrap_or_default()
        .chars()
        .take(120)
        .collect::<String>();
    let mut events = s.app.subscribe();
    let mut closing = s.closing.clone();
    let stream = async_stream(move |tx| async move {
        loop {
            let next = tokio::select! {
                next = events.recv() => next,
                // The server is stopping: end the stream so it can finish.
                () = stopping(&mut closing) => break,
            };
            match next {
                Ok(e)
                    if e.process == process.as_str() && (topic.is_empty() || e.topic == topic) =>
                {
                    if tx
                        .send(Event::default().event("change").data(e.topic))
                        .await
                        .is_err()
                    {
                        break;
                    }
                }
                Ok(_) => {}
                // Missed some: say something changed.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    if tx
                        .send(Event::default().event("change").data(topic.clone()))
                        .await
                        .is_err()
                    {
                        break;
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            }
        }
    });
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(std::time::Duration::from_secs(15)))
        .into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// Resolves once the server begins to stop (never, when it was not told how
/// it will be stopped, as in tests).
async fn stopping(closing: &mut Option<tokio::sync::watch::Receiver<bool>>) {
    match closing {
        Some(c) => {
            // An error means the server's side is gone: stopping all the same.
            let _ = c.wait_for(|closing| *closing).await;
        }
        None => std::future::pending().await,
    }
}

/// A stream fed by a task through a small channel (ends when the client goes).
fn async_stream<F, Fut>(
    producer: F,
) -> impl futures_core::Stream<Item = Result<Event, std::convert::Infallible>>
where
    F: FnOnce(tokio::sync::mpsc::Sender<Event>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    tokio::spawn(producer(tx));
    ReceiverStream(rx)
}

struct ReceiverStream(tokio::sync::mpsc::Receiver<Event>);

impl futures_core::Stream for ReceiverStream {
    type Item = Result<Event, std::convert::Infallible>;
    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Self::Item>> {
        self.0.poll_recv(cx).map(|e| e.map(Ok))
    }
}
