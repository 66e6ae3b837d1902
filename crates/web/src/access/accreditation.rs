//! Accreditation in the portal: any organisation applies; delegations see
//! the applications and object within the period; the secretariat decides
//! those nobody objected to, and records the decision of the body an
//! objected application was referred to.

use crate::access::accounts::again_context;
use crate::access::sign_in::{form_token, with_cookie};
use crate::http::auth::Caller;
use crate::http::command::FormAgain;
use crate::http::page::{PageResult, Reader};
use crate::http::routes::{get, PageRoutes};
use crate::SharedState;
use accord_app::Principal;
use accord_domain as d;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use minijinja::context;
use std::collections::HashMap;

/// The page; its forms are served by the API's handlers
/// (`access::api::form_routes`).
pub fn routes() -> PageRoutes {
    PageRoutes::new().route("/processes/{slug}/accreditation", get(page))
}

/// The accreditation page, with a form (`apply`, `rules`, `objection-{id}`,
/// `decision-{id}`, `body-decision-{id}`) shown again with what was typed,
/// if one was refused.
pub(crate) async fn render(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    headers: &HeaderMap,
    slug: &str,
    notice: Option<String>,
    failed: Option<(String, FormAgain)>,
) -> PageResult {
    let (token, _) = form_token(headers);
    render_with(s, r, principal, &token, slug, notice, failed).await
}

async fn render_with(
    s: &SharedState,
    r: &Reader,
    principal: &Principal,
    token: &str,
    slug: &str,
    notice: Option<String>,
    failed: Option<(String, FormAgain)>,
) -> PageResult {
    let overview = s.app.process(slug).await.map_err(|e| r.error(s, e))?;
    let can = s.app.capabilities(principal, Some(slug)).await;
    let (may_review, may_decide) = (can.review_accreditation, can.edit_process);
    let applications = if may_review {
        s.app
            .applications(principal, slug)
            .await
            .map_err(|e| r.error(s, e))?
    } else {
        vec![]
    };
    // The states this reader may object for.
    let objecting_for: Vec<String> = can.member_state.iter().cloned().collect();
    let deciding_body = s.app.deciding_body(slug).await.map_err(|e| r.error(s, e))?;
    // The meetings a deciding body may have decided at, for the form and
    // for naming the meeting of a decision recorded.
    let meetings = if may_review {
        s.app
            .all_meetings(slug, None)
            .await
            .map_err(|e| r.error(s, e))?
    } else {
        vec![]
    };
    let meeting_title = |id: i64| {
        meetings
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.meeting.title.clone())
    };
    let now = s.app.now();
    let items: Vec<minijinja::Value> = applications
        .iter()
        .map(|a| {
            let undecided = matches!(
                a.status,
                d::AccreditationStatus::Pending | d::AccreditationStatus::Referred
            );
            let open = undecided && now < a.objection_deadline;
            let body_decision = a.body_decision.as_ref().map(|b| {
                context! {
                    body => b.body.as_str(),
                    date => b.date.to_string(),
                    meeting => b.meeting,
                    meeting_title => b.meeting.and_then(meeting_title),
                    reference => &b.reference,
                }
            });
            context! {
                id => a.id,
                name => &a.application.name,
                kind => a.application.kind.as_str(),
                country => a.application.country.as_str(),
                website => &a.application.website,
                ecosoc => a.application.ecosoc_status,
                description => &a.application.description,
                status => a.status.as_str(),
                referred_to => a.referred_to.map(d::DecidingBody::as_str),
                deadline => a.objection_deadline.format("%Y-%m-%d %H:%M UTC").to_string(),
                open => open,
                decidable => a.status == d::AccreditationStatus::Pending && !open,
                referred_decidable => a.status == d::AccreditationStatus::Referred && !open,
                body_decision => body_decision,
                objections => a.objections.iter().map(|o| context! {
                    state => o.state.as_str(), at => o.at.format("%Y-%m-%d %H:%M UTC").to_string(), reason => &o.reason,
                }).collect::<Vec<_>>(),
                decision_note => &a.decision_note,
                actor => a.actor.as_ref().map(std::string::ToString::to_string),
            }
        })
        .collect();
    let (form, again) = failed.unzip();
    r.render(
        s,
        "accreditation.html",
        context! {
            process => &overview.process, current_phase => overview.current_phase,
            applications => items,
            may_review => may_review,
            may_decide => may_decide,
            objecting_for => objecting_for,
            deciding_body => deciding_body.as_str(),
            deciding_bodies => d::DecidingBody::ALL.iter().map(|b| b.as_str()).collect::<Vec<_>>(),
            meetings => meetings.iter().map(|m| context! {
                id => m.id, title => &m.meeting.title, start => m.meeting.start_date.to_string(),
            }).collect::<Vec<_>>(),
            today => s.app.today().to_string(),
            kinds => d::StakeholderKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            form_token => token,
            notice => notice,
            failed_form => form,
            failed => again_context(again.as_ref()),
        },
    )
}

async fn page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    // After applying: the application's number, to quote.
    let notice = q
        .get("received")
        .and_then(|id| id.parse::<i64>().ok())
        .map(|id| {
            s.i18n.text(
                r.lang(),
                "accreditation-received",
                Some(&crate::http::i18n::args(&[("id", id.into())])),
            )
        });
    let (token, set) = form_token(&headers);
    let page = render_with(&s, &r, &caller.principal, &token, &slug, notice, None).await;
    with_cookie(page, set, StatusCode::OK)
}
