//! Accreditation in the portal: any organisation applies; delegations see
//! the applications and object within the period; the secretariat decides.

use crate::access::sign_in::{form_token, with_cookie};
use crate::http::auth::{cookie, Caller, FORM_COOKIE};
use crate::http::page::Reader;
use crate::http::routes::{get, post, PageRoutes};
use crate::SharedState;
use accord_app::{same_secret, AppError};
use accord_domain as d;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;

pub fn routes() -> PageRoutes {
    PageRoutes::new()
        .route("/processes/{slug}/accreditation", get(page).post(apply))
        .route(
            "/processes/{slug}/accreditation/{id}/objection",
            post(object),
        )
        .route(
            "/processes/{slug}/accreditation/{id}/decision",
            post(decide),
        )
}

use crate::http::forms::checked;
use crate::http::forms::one;
use crate::http::forms::Fields;

async fn render(
    s: &SharedState,
    r: &Reader,
    caller: &Caller,
    headers: &HeaderMap,
    slug: &str,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let overview = match s.app.process(slug).await {
        Ok(o) => o,
        Err(e) => return r.error(s, e).into_response(),
    };
    let can = s.app.capabilities(&caller.principal, Some(slug)).await;
    let (may_review, may_decide) = (can.review_accreditation, can.edit_process);
    let applications = if may_review {
        match s.app.applications(&caller.principal, slug).await {
            Ok(a) => a,
            Err(e) => return r.error(s, e).into_response(),
        }
    } else {
        vec![]
    };
    // The states this reader may object for.
    let objecting_for: Vec<String> = can.member_state.iter().cloned().collect();
    let now = s.app.now();
    let items: Vec<minijinja::Value> = applications
        .iter()
        .map(|a| {
            let open = a.status == d::AccreditationStatus::Pending && now < a.objection_deadline;
            context! {
                id => a.id,
                name => &a.application.name,
                kind => a.application.kind.as_str(),
                country => a.application.country.as_str(),
                website => &a.application.website,
                ecosoc => a.application.ecosoc_status,
                description => &a.application.description,
                status => a.status.as_str(),
                deadline => a.objection_deadline.format("%Y-%m-%d %H:%M UTC").to_string(),
                open => open,
                decidable => a.status == d::AccreditationStatus::Pending && !open,
                objections => a.objections.iter().map(|o| context! {
                    state => o.state.as_str(), at => o.at.format("%Y-%m-%d %H:%M UTC").to_string(), reason => &o.reason,
                }).collect::<Vec<_>>(),
                decision_note => &a.decision_note,
                actor => a.actor.as_ref().map(std::string::ToString::to_string),
            }
        })
        .collect();
    let (token, set) = form_token(headers);
    let page = r.render(
        s,
        "accreditation.html",
        context! {
            process => &overview.process,
            applications => items,
            may_review => may_review,
            may_decide => may_decide,
            objecting_for => objecting_for,
            kinds => d::StakeholderKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            form_token => token,
            notice => notice,
        },
    );
    with_cookie(page, set, status)
}

async fn page(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> Response {
    render(&s, &r, &caller, &headers, &slug, None, StatusCode::OK).await
}

/// Anyone may apply; the form is protected by the double-submit cookie.
async fn apply(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    headers: HeaderMap,
    crate::http::client::ClientAddress(address): crate::http::client::ClientAddress,
    Path(slug): Path<String>,
    Form(f): Form<Fields>,
) -> Response {
    let expected = cookie(&headers, FORM_COOKIE).unwrap_or("");
    if expected.is_empty() || !same_secret(&one(&f, "csrf"), expected) {
        return r
            .error_page(
                &s,
                StatusCode::FORBIDDEN,
                "the form has expired; open the page again".into(),
            )
            .into_response();
    }
    let result = async {
        let new = d::NewApplication {
            name: one(&f, "name"),
            kind: one(&f, "kind").parse().map_err(AppError::from)?,
            country: one(&f, "country")
                .to_uppercase()
                .parse()
                .map_err(AppError::from)?,
            website: one(&f, "website"),
            ecosoc_status: one(&f, "ecosoc") == "yes",
            description: one(&f, "description"),
        };
        s.app
            .apply_for_accreditation(&caller.principal, &slug, new, &address)
            .await
    }
    .await;
    match result {
        Ok(id) => {
            let notice = s.i18n.text(
                r.lang(),
                "accreditation-received",
                Some(&crate::http::i18n::args(&[("id", id.into())])),
            );
            render(
                &s,
                &r,
                &caller,
                &headers,
                &slug,
                Some(notice),
                StatusCode::CREATED,
            )
            .await
        }
        Err(e @ (AppError::Invalid(_) | AppError::BadRequest(_))) => {
            let status = crate::http::error::status_of(&e);
            render(
                &s,
                &r,
                &caller,
                &headers,
                &slug,
                Some(e.to_string()),
                status,
            )
            .await
        }
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn object(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let id: i64 = id
            .parse()
            .map_err(|_| AppError::NotFound("no such application".into()))?;
        s.app
            .object_to_accreditation(&p, &slug, id, &one(&f, "state"), &one(&f, "reason"))
            .await
    }
    .await;
    match result {
        Ok(()) => Redirect::to(&format!("/processes/{slug}/accreditation")).into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}

async fn decide(
    State(s): State<SharedState>,
    r: Reader,
    caller: Caller,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Response {
    let result = async {
        let p = checked(&caller, &f)?;
        let id: i64 = id
            .parse()
            .map_err(|_| AppError::NotFound("no such application".into()))?;
        s.app
            .decide_accreditation(
                &p,
                &slug,
                id,
                one(&f, "decision") == "approve",
                &one(&f, "note"),
            )
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to(&format!("/processes/{slug}/accreditation")).into_response(),
        Err(e) => r.error(&s, e).into_response(),
    }
}
