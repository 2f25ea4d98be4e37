//! Session routes: create, list the visitor's sessions, show one, page through its history.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum_extra::extract::CookieJar;
use salient_core::AppState;
use salient_core::api::{
    AgentScope, ApiError, ApiJson, ApiQuery, ClientIp, MaybeVisitor, MessageView, RawHtml,
    SessionPath, SessionView, Visitor, visitor_cookie,
};
use salient_core::config::BusinessHours;
use salient_core::domain::{VisitorId, now};
use salient_core::limits::{Action, Subjects};
use salient_core::ports::Order;
use salient_core::{challenge, sessions};
use serde::Deserialize;
use serde_json::json;

/// `GET /api/{account}/{agent}`: what the widget shows before the first message (name,
/// greeting, starters, the profile fields it may ask for, the image hosts it may show), what
/// it may offer (a summary to the team, a handoff to a person and whether someone is there
/// now), how long the conversation is kept, and the Turnstile site key when the account
/// guards new sessions with a challenge.
pub(crate) async fn agent_card(scope: AgentScope) -> impl IntoResponse {
    let settings = &scope.config.settings;
    let at = now();
    let handoff = &settings.handoff;
    let handoff = handoff.enabled.then(|| {
        json!({
            "open_now": handoff.open_at(at),
            "hours": handoff.hours.as_ref().map(BusinessHours::label),
            "message": handoff.message_at(at),
        })
    });
    let profile_fields: Vec<&str> = settings
        .profile
        .fields
        .iter()
        .map(|field| field.as_str())
        .collect();
    Json(json!({
        "account": scope.account,
        "agent": scope.agent,
        "name": settings.agent.name,
        "greeting": settings.agent.greeting,
        "account_name": settings.account.name,
        "turnstile_site_key": settings.account.turnstile.site_key(),
        "starters": settings.widget.starters,
        "profile_fields": profile_fields,
        "image_hosts": settings.widget.image_hosts,
        "retention_days": settings.retention.days,
        "summary_enabled": settings.email.summary.enabled
            && !settings.account.summary_recipients.is_empty(),
        "handoff": handoff,
    }))
}

/// The optional body of a new session.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateBody {
    /// The token of the account's Turnstile challenge (needed when it has one).
    turnstile_token: Option<String>,
}

/// `POST /api/{account}/{agent}/sessions`: a new session for this visitor (a new visitor id
/// and cookie if the request carried none), counted against `rate_limits.session` (a
/// visitor without an id yet is counted by client IP, agent and account only), then, when
/// the account has Turnstile on, only with a token siteverify accepts.
pub(crate) async fn create(
    State(state): State<AppState>,
    scope: AgentScope,
    MaybeVisitor(visitor): MaybeVisitor,
    ClientIp(client_ip): ClientIp,
    jar: CookieJar,
    body: Option<ApiJson<CreateBody>>,
) -> Result<impl IntoResponse, ApiError> {
    let body = body.map(|ApiJson(body)| body).unwrap_or_default();
    let subjects = Subjects {
        account: &scope.account,
        agent: &scope.agent,
        session: None,
        visitor: visitor.as_ref(),
        email: None,
        ip: client_ip,
    };
    state
        .limiter(&scope.config.settings.rate_limits)
        .check(Action::Session, &subjects, now())
        .await?;
    challenge::check_session_token(
        state.challenges.as_ref(),
        &scope.config.settings.account.turnstile,
        body.turnstile_token.as_deref(),
        client_ip,
    )
    .await?;
    let visitor = visitor.unwrap_or_else(VisitorId::generate);
    let session = sessions::open_session(
        state.store.as_ref(),
        scope.account,
        scope.agent,
        visitor.clone(),
    )
    .await?;
    let jar = jar.add(visitor_cookie(&visitor));
    Ok((
        StatusCode::CREATED,
        jar,
        Json(json!({"session": SessionView::from(&session), "visitor_id": visitor})),
    ))
}

#[derive(Debug, Deserialize)]
pub(crate) struct ListParams {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// `GET /api/{account}/{agent}/sessions`: the visitor's sessions with this agent, newest first.
/// A visitor without an id yet (first visit) simply has none.
pub(crate) async fn list(
    State(state): State<AppState>,
    scope: AgentScope,
    MaybeVisitor(visitor): MaybeVisitor,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<impl IntoResponse, ApiError> {
    let Some(visitor) = visitor else {
        return Ok(Json(json!({"sessions": [], "next": null})));
    };
    let page = sessions::visitor_sessions(
        state.store.as_ref(),
        &scope.account,
        &scope.agent,
        &visitor,
        params.cursor.as_deref(),
        params.limit.unwrap_or(20),
    )
    .await?;
    let sessions: Vec<SessionView> = page.items.iter().map(SessionView::from).collect();
    Ok(Json(json!({"sessions": sessions, "next": page.next})))
}

/// `GET /api/{account}/{agent}/sessions/{session}`.
pub(crate) async fn show(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
) -> Result<impl IntoResponse, ApiError> {
    let session = path.owned_by(&state, &visitor).await?;
    Ok(Json(json!({"session": SessionView::from(&session)})))
}

#[derive(Debug, Deserialize)]
pub(crate) struct HistoryParams {
    #[serde(default)]
    order: Order,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// `GET /api/{account}/{agent}/sessions/{session}/messages`: one page of history.
pub(crate) async fn messages(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
    ApiQuery(params): ApiQuery<HistoryParams>,
) -> Result<impl IntoResponse, ApiError> {
    let page = sessions::session_history(
        state.store.as_ref(),
        state.store.as_ref(),
        &path.scope.account,
        &path.scope.agent,
        &path.session,
        &visitor,
        sessions::HistoryPage {
            order: params.order,
            cursor: params.cursor.as_deref(),
            limit: params.limit.unwrap_or(50),
        },
    )
    .await?;
    let raw_html = RawHtml::for_agent(&path.scope.config.settings.agent);
    let messages: Vec<MessageView<'_>> = page
        .items
        .iter()
        .map(|message| MessageView::new(message, raw_html))
        .collect();
    Ok(Json(json!({"messages": messages, "next": page.next})))
}
