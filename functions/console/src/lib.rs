//! The `console` function: the operator console's API (docs/api.md, "Operator console").
//!
//! Routes (buffered JSON, same origin only: no CORS headers):
//! - `POST /api/console/sign-in` `{"email"}` → `202`, the same answer whether or not the
//!   address is an operator's;
//! - `POST /api/console/sign-in/verify` `{"email", "code"}` and
//!   `POST /api/console/sign-in/link` `{"token"}` → the session cookie and its CSRF token;
//! - `POST /api/console/sign-out` → the session is revoked;
//! - `GET /api/console/me`;
//! - `GET /api/console/{account}/conversations`, `.../conversations/{session}`;
//! - `GET /api/console/{account}/leads`, `.../leads.csv`, `DELETE .../leads/{profile}`;
//! - `GET /api/console/{account}/audit`;
//! - `GET /api/console/{account}/overview` (`overview`).
//!
//! Every route but the sign-in ones needs the `__Host-salient_console` session (`401
//! sign_in_required`); every state-changing one also the session's `X-CSRF-Token` (`403
//! csrf_required`). An account the operator may not see answers `404 account_not_found`.

mod config;
mod gaps;
mod health;
mod knowledge;
pub mod lambda_trigger;
mod overview;

use std::collections::BTreeMap;

use axum::Json;
use axum::Router;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use chrono::{DateTime, Utc};
use salient_core::AppState;
use salient_core::api::{ApiError, ApiJson, ApiQuery, ClientIp, ErrorCode, id_error};
use salient_core::console::{
    self, CSRF_HEADER, CodeMailer, ConsoleError, NewSession, Operator, SESSION_COOKIE,
};
use salient_core::crm::ProfileCard;
use salient_core::crm::data_rights::{self, DataRightsPorts};
use salient_core::domain::{
    AccountId, AgentId, EmailAddress, LlmRequest, Message, ProfileId, Session, SessionId,
    VisitorProfile, now,
};
use salient_core::otp::{OtpCode, email_subject};
use salient_core::ports::console::ConversationFilter;
use salient_core::ports::rollups::SessionFlag;
use salient_core::ports::{HistoryQuery, MAX_PAGE_SIZE, Order, StoreError};
use serde::Deserialize;
use serde_json::{Value, json};

/// The function's router, served by Lambda (`main.rs`) and by `salient serve`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/console/sign-in", post(sign_in))
        .route("/api/console/sign-in/verify", post(verify))
        .route("/api/console/sign-in/link", post(link))
        .route("/api/console/sign-out", post(sign_out))
        .route("/api/console/me", get(me))
        .route("/api/console/{account}/conversations", get(conversations))
        .route(
            "/api/console/{account}/conversations/{session}",
            get(conversation),
        )
        .route("/api/console/{account}/leads", get(leads))
        .route("/api/console/{account}/leads.csv", get(leads_csv))
        .route(
            "/api/console/{account}/leads/{profile}",
            delete(delete_lead),
        )
        .route("/api/console/{account}/audit", get(audit))
        .route("/api/console/metrics", get(health::metrics))
        .route("/api/console/errors", get(health::deployment_errors))
        .route("/api/console/{account}/errors", get(health::account_errors))
        .route("/api/console/{account}/config", get(config::show))
        .route("/api/console/{account}/config/{file}", get(config::yaml))
        .route("/api/console/{account}/overview", get(overview::overview))
        .route("/api/console/{account}/gaps", get(gaps::list))
        .route(
            "/api/console/{account}/gaps/{group}/resolve",
            post(gaps::resolve),
        )
        .route("/api/console/{account}/knowledge", get(knowledge::overview))
        .route(
            "/api/console/{account}/knowledge/pages",
            get(knowledge::pages),
        )
        .route(
            "/api/console/{account}/knowledge/recrawl",
            post(knowledge::recrawl),
        )
        .route(
            "/api/console/{account}/knowledge/search",
            post(knowledge::search),
        )
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}

/// The default and largest page of a listing.
const DEFAULT_PAGE: u32 = 25;

/// The most leads one CSV export holds.
const MAX_CSV_LEADS: usize = 10_000;

// ---------------------------------------------------------------------------------------
// Sign-in, session, sign-out.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignInBody {
    email: String,
}

/// `POST /api/console/sign-in`: a code goes to the address if it is an operator's.
async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<SignInBody>,
) -> Result<impl IntoResponse, ApiError> {
    let email = EmailAddress::parse(&body.email)?;
    let app = state.catalog.app();
    console::request_sign_in(
        state.console(),
        CodeMailer {
            codes: state.store.as_ref(),
            mail: state.mail.as_ref(),
            otp: &app.otp,
            from: &app.email.from,
        },
        &email,
        ip,
        now(),
    )
    .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({
            "status": "sent",
            "message": "If the address belongs to an operator, a sign-in code is on its way.",
        })),
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyBody {
    email: String,
    code: String,
}

/// `POST /api/console/sign-in/verify`: a right code opens a session.
async fn verify(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<VerifyBody>,
) -> Result<Response, ApiError> {
    let email = EmailAddress::parse(&body.email)?;
    let code = OtpCode::parse(&body.code)?;
    let opened = console::verify_sign_in(
        state.console(),
        state.store.as_ref(),
        &email,
        &code,
        ip,
        now(),
    )
    .await?;
    Ok(signed_in(&state, &opened))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    token: String,
}

/// `POST /api/console/sign-in/link`: a link of `salient console login` opens a session, once.
async fn link(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<LinkBody>,
) -> Result<Response, ApiError> {
    let opened = console::sign_in_with_link(state.console(), &body.token, ip, now()).await?;
    Ok(signed_in(&state, &opened))
}

/// The session cookie: HttpOnly, Secure, SameSite=Strict, `Path=/`, no domain (`__Host-`).
fn session_cookie(value: String, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, value))
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .path("/")
        .max_age(time::Duration::seconds(max_age_secs))
        .build()
}

/// The answer of a sign-in: the cookie, and what the pages need.
fn signed_in(state: &AppState, opened: &NewSession) -> Response {
    let operator = Operator {
        session: opened.session.clone(),
        access: state.catalog.operators().access(&opened.session.email),
    };
    let max_age = (opened.session.expires_at - opened.session.created_at).num_seconds();
    let cookie = session_cookie(opened.token.clone(), max_age);
    (
        [(header::SET_COOKIE, cookie.to_string())],
        Json(me_body(state, &operator)),
    )
        .into_response()
}

/// The session cookie's value, if any.
fn session_token(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(SESSION_COOKIE)
        .map(|c| c.value().to_owned())
}

/// A request's operator: the session cookie's live session (`401 sign_in_required`
/// otherwise), and for any method but GET and HEAD the session's CSRF token in
/// `X-CSRF-Token` (`403 csrf_required` otherwise).
struct SignedIn(Operator);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers);
        let operator = console::authenticate(state.console(), token.as_deref(), now()).await?;
        if !parts.method.is_safe() {
            let presented = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
            operator.check_csrf(presented)?;
        }
        Ok(Self(operator))
    }
}

/// `POST /api/console/sign-out`: revokes the session and clears the cookie.
async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    SignedIn(_operator): SignedIn,
) -> Result<impl IntoResponse, ApiError> {
    if let Some(token) = session_token(&headers) {
        console::sign_out(state.console(), &token).await?;
    }
    let cleared = session_cookie(String::new(), 0);
    Ok((
        [(header::SET_COOKIE, cleared.to_string())],
        Json(json!({"status": "signed_out"})),
    ))
}

/// What `/me` and a sign-in answer.
fn me_body(state: &AppState, operator: &Operator) -> Value {
    let accounts: Vec<Value> = operator
        .access
        .iter()
        .map(|(account, role)| {
            let name = state
                .catalog
                .agents()
                .find(|a| &a.account == account)
                .map(|a| a.settings.account.name.clone())
                .unwrap_or_default();
            let agents: Vec<&str> = state
                .catalog
                .agents()
                .filter(|a| &a.account == account)
                .map(|a| a.agent.as_str())
                .collect();
            json!({"account": account, "name": name, "role": role, "agents": agents})
        })
        .collect();
    json!({
        "email": operator.session.email,
        "accounts": accounts,
        "csrf_token": operator.session.csrf_token,
        "expires_at": operator.session.expires_at,
    })
}

/// `GET /api/console/me`: who is signed in, their accounts and roles, the CSRF token.
async fn me(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
) -> Result<impl IntoResponse, ApiError> {
    Ok(Json(me_body(&state, &operator)))
}

// ---------------------------------------------------------------------------------------
// Account data.

/// The account of the path, which the operator must see (`404 account_not_found`).
fn account_of(operator: &Operator, raw: &str) -> Result<AccountId, ApiError> {
    let account = AccountId::parse(raw).map_err(|e| id_error(ErrorCode::InvalidAccountId, &e))?;
    operator.role_on(&account)?;
    Ok(account)
}

/// Records an operator action (`console::audit`).
async fn record(
    state: &AppState,
    account: &AccountId,
    operator: &Operator,
    action: &str,
    target: Option<&str>,
) -> Result<(), ConsoleError> {
    console::audit(
        state.store.as_ref(),
        &state.catalog.app().console,
        account,
        operator,
        action,
        target,
        now(),
    )
    .await
}

/// A page size from the query: 1..=100, 25 when absent.
fn page_size(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit {
        None => Ok(DEFAULT_PAGE),
        Some(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::new(
            ErrorCode::InvalidQuery,
            format!("`limit` must be between 1 and {MAX_PAGE_SIZE}."),
        )),
    }
}

/// A cursor from the query: printable ASCII of sensible length, else `invalid_cursor`.
fn cursor(raw: Option<&str>) -> Result<Option<&str>, ApiError> {
    match raw {
        Some(c) if c.is_empty() || c.len() > 512 || !c.bytes().all(|b| b.is_ascii_graphic()) => {
            Err(ApiError::new(
                ErrorCode::InvalidCursor,
                "The paging cursor is not valid.",
            ))
        }
        other => Ok(other),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConversationQuery {
    agent: Option<String>,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    flag: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// One row of the conversation list.
fn conversation_row(session: &Session) -> Value {
    json!({
        "session": session.id,
        "agent": session.agent,
        "title": session.title,
        "started_at": session.created_at,
        "last_active_at": session.last_active_at,
        "messages": session.message_count,
        // Every visitor message is stored with its answer (even a failed one), so a turn
        // is two messages; a turn still being answered counts too.
        "turns": session.message_count.div_ceil(2),
        "has_lead": session.profile_id.is_some(),
        "flags": {
            "not_helpful": session.flags.not_helpful,
            "no_sources": session.flags.no_sources,
            "extractive": session.flags.extractive,
            "person_asked": session.handoff_requested_at.is_some(),
            "has_lead": session.profile_id.is_some(),
        },
        "handoff_requested_at": session.handoff_requested_at,
        "summary_status": session.summary_status,
    })
}

/// `GET /api/console/{account}/conversations`: the account's conversations, newest first.
async fn conversations(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<ConversationQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let agent = query
        .agent
        .as_deref()
        .map(|raw| AgentId::parse(raw).map_err(|e| id_error(ErrorCode::InvalidAgentId, &e)))
        .transpose()?;
    if let (Some(from), Some(to)) = (query.from, query.to)
        && from >= to
    {
        return Err(ApiError::new(
            ErrorCode::InvalidQuery,
            "`from` must be before `to`.",
        ));
    }
    let flag = query
        .flag
        .as_deref()
        .map(|raw| {
            SessionFlag::parse(raw).ok_or_else(|| {
                ApiError::new(
                    ErrorCode::InvalidQuery,
                    "`flag` must be one of not_helpful, no_sources, extractive, person_asked, \
                     has_lead.",
                )
            })
        })
        .transpose()?;
    let limit = page_size(query.limit)?;
    let after = cursor(query.cursor.as_deref())?;
    record(&state, &account, &operator, "conversations.list", None).await?;
    let filter = ConversationFilter {
        agent,
        from: query.from,
        to: query.to,
        flag,
    };
    let page = state
        .store
        .list_account_sessions(&account, &filter, after, limit)
        .await?;
    let rows: Vec<Value> = page.items.iter().map(conversation_row).collect();
    Ok(Json(
        json!({"conversations": rows, "next_cursor": page.next}),
    ))
}

/// A message of the transcript, with the figures of the model call that wrote it.
fn message_view(message: &Message, calls: &[&LlmRequest]) -> Value {
    let citations: Vec<Value> = message
        .citations
        .iter()
        .map(|c| {
            json!({"number": c.number, "title": c.title, "url": c.url, "snippet": c.snippet,
                   "score": c.score})
        })
        .collect();
    let calls: Vec<Value> = calls.iter().map(|call| llm_view(call)).collect();
    json!({
        "id": message.id,
        "role": message.role,
        "content": message.content,
        "status": message.status,
        "created_at": message.created_at,
        "citations": citations,
        "feedback": message.feedback,
        "llm": calls,
    })
}

fn llm_view(call: &LlmRequest) -> Value {
    json!({
        "id": call.id,
        "model": call.model,
        "prompt_tokens": call.prompt_tokens,
        "completion_tokens": call.completion_tokens,
        "cost_usd": call.cost_usd,
        "latency_ms": call.latency_ms,
        "outcome": call.outcome,
        "created_at": call.created_at,
    })
}

/// `GET /api/console/{account}/conversations/{session}`: the transcript.
async fn conversation(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path((raw_account, raw_session)): Path<(String, String)>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let id =
        SessionId::parse(&raw_session).map_err(|e| id_error(ErrorCode::InvalidSessionId, &e))?;
    let store = state.store.as_ref();
    let session = match store.get_session(&account, &id).await {
        Ok(session) => session,
        Err(StoreError::NotFound(_)) => {
            return Err(ApiError::new(
                ErrorCode::ConversationNotFound,
                "The account has no conversation with this id.",
            ));
        }
        Err(err) => return Err(err.into()),
    };
    record(
        &state,
        &account,
        &operator,
        "conversation.view",
        Some(id.as_str()),
    )
    .await?;
    let mut messages = Vec::new();
    let mut query = HistoryQuery::first(Order::OldestFirst, MAX_PAGE_SIZE);
    loop {
        let page = store.history(&account, &id, &query).await?;
        messages.extend(page.items);
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    let calls = store.llm_requests(&account, &id).await?;
    let mut by_message: BTreeMap<String, Vec<&LlmRequest>> = BTreeMap::new();
    for call in &calls {
        if let Some(message) = &call.message {
            by_message
                .entry(message.to_string())
                .or_default()
                .push(call);
        }
    }
    let views: Vec<Value> = messages
        .iter()
        .map(|m| {
            let calls = by_message
                .get(&m.id.to_string())
                .map(Vec::as_slice)
                .unwrap_or_default();
            message_view(m, calls)
        })
        .collect();
    // The profile the session links to, read only: an operator's reading changes nothing.
    let profile = match session
        .profile_id
        .as_deref()
        .and_then(|raw| ProfileId::parse(raw).ok())
    {
        Some(id) => match store.get_profile(&account, &id).await {
            Ok(profile) => Some(profile),
            Err(StoreError::NotFound(_)) => None,
            Err(err) => return Err(err.into()),
        },
        None => None,
    };
    let total_cost: f64 = calls.iter().filter_map(|c| c.cost_usd).sum();
    Ok(Json(json!({
        "conversation": conversation_row(&session),
        "messages": views,
        "llm_requests": calls.iter().map(llm_view).collect::<Vec<_>>(),
        "cost_usd": total_cost,
        "profile": profile.as_ref().map(ProfileCard::from),
        "profile_id": profile.as_ref().map(|p| p.id.to_string()),
    })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// One lead: the profile and the conversations linked to it.
fn lead_view(profile: &VisitorProfile, conversations: &[SessionId]) -> Value {
    json!({
        "profile": profile.id,
        "name": profile.name,
        "email": profile.email,
        "phone": profile.phone,
        "company": profile.company,
        "interests": profile.interests,
        "verified": profile.is_verified(),
        "verified_at": profile.verified_at,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
        "conversations": conversations,
    })
}

/// `GET /api/console/{account}/leads`: the account's visitor profiles, newest first.
async fn leads(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let limit = page_size(query.limit)?;
    let after = cursor(query.cursor.as_deref())?;
    record(&state, &account, &operator, "leads.list", None).await?;
    let page = state.store.list_profiles(&account, after, limit).await?;
    let mut rows = Vec::with_capacity(page.items.len());
    for profile in &page.items {
        let linked = state.store.profile_sessions(&account, &profile.id).await?;
        rows.push(lead_view(profile, &linked));
    }
    Ok(Json(json!({"leads": rows, "next_cursor": page.next})))
}

/// A cell as a spreadsheet may read it: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be taken for a formula, so it gets a leading `'` (OWASP's advice
/// for CSV injection).
fn csv_cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// The leads as CSV (header row first), through the `csv` crate's quoting.
fn leads_csv_body(rows: &[(VisitorProfile, usize)]) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "profile",
        "name",
        "email",
        "phone",
        "company",
        "interests",
        "verified",
        "created_at",
        "updated_at",
        "conversations",
    ])?;
    for (profile, conversations) in rows {
        let opt = |v: &Option<String>| csv_cell(v.as_deref().unwrap_or_default());
        writer.write_record([
            profile.id.to_string(),
            opt(&profile.name),
            csv_cell(
                profile
                    .email
                    .as_ref()
                    .map(EmailAddress::as_str)
                    .unwrap_or_default(),
            ),
            opt(&profile.phone),
            opt(&profile.company),
            csv_cell(&profile.interests.join("; ")),
            profile.is_verified().to_string(),
            profile.created_at.to_rfc3339(),
            profile.updated_at.to_rfc3339(),
            conversations.to_string(),
        ])?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

/// `GET /api/console/{account}/leads.csv`: every lead (at most 10 000) as a CSV download.
async fn leads_csv(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
) -> Result<Response, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    record(&state, &account, &operator, "leads.export", None).await?;
    let mut rows = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = state
            .store
            .list_profiles(&account, after.as_deref(), MAX_PAGE_SIZE)
            .await?;
        for profile in page.items {
            let linked = state.store.profile_sessions(&account, &profile.id).await?;
            rows.push((profile, linked.len()));
        }
        match page.next {
            Some(next) if rows.len() < MAX_CSV_LEADS => after = Some(next),
            _ => break,
        }
    }
    rows.truncate(MAX_CSV_LEADS);
    let body = leads_csv_body(&rows).map_err(ApiError::internal)?;
    let disposition = format!("attachment; filename=\"{account}-leads.csv\"");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// `DELETE /api/console/{account}/leads/{profile}`: erases the lead as the visitor's own
/// delete would (owner only).
async fn delete_lead(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path((raw_account, raw_profile)): Path<(String, String)>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let profile =
        ProfileId::parse(&raw_profile).map_err(|e| id_error(ErrorCode::InvalidProfileId, &e))?;
    operator.require_owner(&account)?;
    let store = state.store.as_ref();
    match store.get_profile(&account, &profile).await {
        Ok(_) => {}
        Err(StoreError::NotFound(_)) => {
            return Err(ApiError::new(
                ErrorCode::LeadNotFound,
                "The account has no lead with this id.",
            ));
        }
        Err(err) => return Err(err.into()),
    }
    record(
        &state,
        &account,
        &operator,
        "lead.delete",
        Some(profile.as_str()),
    )
    .await?;
    let agents: Vec<AgentId> = state
        .catalog
        .agents()
        .filter(|a| a.account == account)
        .map(|a| a.agent.clone())
        .collect();
    let ports = DataRightsPorts {
        sessions: store,
        messages: store,
        llm_records: store,
        profiles: store,
        events: store,
        erasure: store,
    };
    let report = match data_rights::erase_profile(ports, &account, &agents, &profile, |hash| {
        vec![email_subject(hash)]
    })
    .await
    {
        Ok(report) => report,
        // Deleted by another request between the check and the erasure.
        Err(StoreError::NotFound(_)) => {
            return Err(ApiError::new(
                ErrorCode::LeadNotFound,
                "The account has no lead with this id.",
            ));
        }
        Err(err) => return Err(err.into()),
    };
    Ok(Json(json!({"deleted": report})))
}

/// `GET /api/console/{account}/audit`: what operators did on the account, newest first.
async fn audit(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let limit = page_size(query.limit)?;
    let after = cursor(query.cursor.as_deref())?;
    let page = state.store.list_audit(&account, after, limit).await?;
    Ok(Json(
        json!({"entries": page.items, "next_cursor": page.next}),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_escaped_and_the_rest_left_alone() {
        for (raw, cell) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+44 1632 960414", "'+44 1632 960414"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("Ann Lee", "Ann Lee"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(raw), cell, "{raw:?}");
        }
    }
}
