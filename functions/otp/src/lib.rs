//! The `otp` function: one-time codes that verify a visitor's email address, the data
//! rights behind them (export, delete), and the session's profile card.
//!
//! Routes (buffered JSON; the visitor is the `salient_visitor` cookie or
//! `X-Salient-Visitor`):
//! - `POST /api/{account}/{agent}/otp/request` `{"email", "purpose"?}` → `202`, the same
//!   answer whether or not the address is known;
//! - `POST /api/{account}/{agent}/otp/verify` `{"email", "code", "session"}` → the profile;
//! - `POST /api/{account}/{agent}/otp/export` `{"email", "code"}` → everything stored;
//! - `POST /api/{account}/{agent}/otp/delete` `{"email", "code"}` → what was deleted;
//! - `GET /api/{account}/{agent}/sessions/{session}/profile` → the profile card.

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use salient_core::AppState;
use salient_core::api::{
    AgentScope, ApiError, ApiJson, ClientIp, ErrorCode, SessionPath, Visitor,
    forget_visitor_cookie, id_error,
};
use salient_core::crm::data_rights::{self, DataRightsPorts};
use salient_core::crm::{
    ProfileCard, apply_profile_tool, profile_for_session, save_profile_update, verify_email,
};
use salient_core::domain::{
    AgentId, EmailAddress, EmailHash, OtpKey, OtpPurpose, SessionId, VisitorId, now,
};
use salient_core::limits::{Action, Subjects as LimitSubjects};
use salient_core::otp::{CodeRequest, OtpCode, check_code, email_subject, request_code};
use serde::Deserialize;
use serde_json::json;

/// The function's router, served by Lambda (`main.rs`) and by `salient serve`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/{account}/{agent}/otp/request", post(request))
        .route("/api/{account}/{agent}/otp/verify", post(verify))
        .route("/api/{account}/{agent}/otp/export", post(export))
        .route("/api/{account}/{agent}/otp/delete", post(delete))
        .route(
            "/api/{account}/{agent}/sessions/{session}/profile",
            get(profile_card),
        )
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestBody {
    email: String,
    #[serde(default)]
    purpose: OtpPurpose,
}

/// `POST .../otp/request`: emails a code. Malformed addresses (header injection included)
/// are refused before anything is stored or sent.
async fn request(
    State(state): State<AppState>,
    scope: AgentScope,
    Visitor(visitor): Visitor,
    ClientIp(client_ip): ClientIp,
    ApiJson(body): ApiJson<RequestBody>,
) -> Result<impl IntoResponse, ApiError> {
    let email = EmailAddress::parse(&body.email)?;
    let settings = &scope.config.settings;
    let email_hash = EmailHash::of(&email);
    let subjects = LimitSubjects {
        account: &scope.account,
        agent: &scope.agent,
        session: None,
        visitor: Some(&visitor),
        email: Some(&email_hash),
        ip: client_ip,
    };
    state
        .limiter(&settings.rate_limits)
        .check(Action::Otp, &subjects, now())
        .await?;
    let expires_at = request_code(
        state.store.as_ref(),
        state.mail.as_ref(),
        state.otp_secret(),
        &settings.otp,
        CodeRequest {
            account: &scope.account,
            account_name: &settings.account.name,
            visitor: &visitor,
            email: &email,
            purpose: body.purpose,
            from: &state.catalog.app().email.from,
        },
        now(),
    )
    .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({
            "status": "sent",
            "purpose": body.purpose,
            "expires_at": expires_at,
            "message": "If the address can receive email, a code is on its way.",
        })),
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyBody {
    email: String,
    code: String,
    session: String,
    /// What the visitor typed into "Leave your details" besides the address (the agent's
    /// `profile.fields`: name, phone, company, interests), stored once the code is right.
    #[serde(default)]
    details: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataBody {
    email: String,
    code: String,
}

/// Parses the address and code, and consumes the visitor's challenge for `purpose`.
async fn prove(
    state: &AppState,
    scope: &AgentScope,
    visitor: &VisitorId,
    raw_email: &str,
    raw_code: &str,
    purpose: OtpPurpose,
) -> Result<EmailAddress, ApiError> {
    let email = EmailAddress::parse(raw_email)?;
    let code = OtpCode::parse(raw_code)?;
    let key = OtpKey {
        email: EmailHash::of(&email),
        purpose,
        visitor: visitor.clone(),
    };
    check_code(
        state.store.as_ref(),
        state.otp_secret(),
        &scope.account,
        &key,
        &code,
        now(),
    )
    .await?;
    Ok(email)
}

/// `POST .../otp/verify`: a right code links the session and its profile to the address.
async fn verify(
    State(state): State<AppState>,
    scope: AgentScope,
    Visitor(visitor): Visitor,
    ApiJson(body): ApiJson<VerifyBody>,
) -> Result<impl IntoResponse, ApiError> {
    let session_id =
        SessionId::parse(&body.session).map_err(|e| id_error(ErrorCode::InvalidSessionId, &e))?;
    // The session must be this visitor's before any attempt is spent.
    let session = salient_core::ownership::owned_session(
        state.store.as_ref(),
        &scope.account,
        &scope.agent,
        &session_id,
        &visitor,
    )
    .await?;
    // The details are checked before a code attempt is spent on them.
    let profile_settings = &scope.config.settings.profile;
    let details = body
        .details
        .as_ref()
        .map(|details| apply_profile_tool(details, profile_settings))
        .transpose()?;
    if details.as_ref().is_some_and(|d| d.email.is_some()) {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            "The address is the one the code was sent to; leave it out of `details`.",
        ));
    }
    let email = prove(
        &state,
        &scope,
        &visitor,
        &body.email,
        &body.code,
        OtpPurpose::Verify,
    )
    .await?;
    let mut profile = verify_email(
        state.store.as_ref(),
        state.store.as_ref(),
        state.store.as_ref(),
        &session,
        &email,
        profile_settings.max_interests,
        now(),
    )
    .await?;
    if let Some(details) = details.filter(|d| !d.is_empty()) {
        // The session now belongs to the verified profile: the details merge into it.
        profile = save_profile_update(
            state.store.as_ref(),
            &session,
            &details,
            profile_settings.max_interests,
            now(),
        )
        .await?;
    }
    Ok(Json(json!({"profile": ProfileCard::from(&profile)})))
}

/// Everything an export or a delete reads and deletes through: the state's store.
fn data_rights_ports(state: &AppState) -> DataRightsPorts<'_> {
    let store = state.store.as_ref();
    DataRightsPorts {
        sessions: store,
        messages: store,
        llm_records: store,
        profiles: store,
        events: store,
        erasure: store,
    }
}

/// A data request whose code was right for `purpose`: the address, and the account's agents
/// (whose session listings hold the address's sessions).
async fn proven_data_request(
    state: &AppState,
    scope: &AgentScope,
    visitor: &VisitorId,
    body: &DataBody,
    purpose: OtpPurpose,
) -> Result<(EmailAddress, Vec<AgentId>), ApiError> {
    let email = prove(state, scope, visitor, &body.email, &body.code, purpose).await?;
    let agents = state
        .catalog
        .agents()
        .filter(|a| a.account == scope.account)
        .map(|a| a.agent.clone())
        .collect();
    Ok((email, agents))
}

/// `POST .../otp/export`: everything stored about the address on this account.
async fn export(
    State(state): State<AppState>,
    scope: AgentScope,
    Visitor(visitor): Visitor,
    ApiJson(body): ApiJson<DataBody>,
) -> Result<impl IntoResponse, ApiError> {
    let (email, agents) =
        proven_data_request(&state, &scope, &visitor, &body, OtpPurpose::Export).await?;
    let ports = data_rights_ports(&state);
    let export = data_rights::export(ports, &scope.account, &agents, &email).await?;
    tracing::info!(account = %scope.account, sessions = export.sessions.len(), "visitor data exported");
    Ok(Json(json!({"export": export})))
}

/// `POST .../otp/delete`: deletes everything stored about the address on this account.
async fn delete(
    State(state): State<AppState>,
    scope: AgentScope,
    Visitor(visitor): Visitor,
    ApiJson(body): ApiJson<DataBody>,
) -> Result<impl IntoResponse, ApiError> {
    let (email, agents) =
        proven_data_request(&state, &scope, &visitor, &body, OtpPurpose::Delete).await?;
    let rate_subjects = [email_subject(&EmailHash::of(&email))];
    let ports = data_rights_ports(&state);
    let report = data_rights::erase(ports, &scope.account, &agents, &email, &rate_subjects).await?;
    // The browser's visitor id goes too: what comes next starts as a new visitor.
    let forget = [(header::SET_COOKIE, forget_visitor_cookie().to_string())];
    Ok((forget, Json(json!({"deleted": report}))))
}

/// `GET .../sessions/{session}/profile`: the profile card of the session (a verified
/// profile of this visitor attaches here on first sight).
async fn profile_card(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
) -> Result<impl IntoResponse, ApiError> {
    let session = path.owned_by(&state, &visitor).await?;
    let profile = profile_for_session(state.store.as_ref(), &session).await?;
    Ok(Json(
        json!({"profile": profile.as_ref().map(ProfileCard::from)}),
    ))
}
