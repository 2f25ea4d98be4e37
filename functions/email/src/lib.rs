//! The `email` function: conversation summaries emailed to the business or the visitor, and
//! the handoff of a conversation to a person.
//!
//! - `POST /api/{account}/{agent}/sessions/{session}/summary` `{"to"?: "team"|"me",
//!   "copy_to_me"?: bool}`: the widget's "send summary" (buffered JSON; the visitor must own
//!   the session; counted against `rate_limits.summary`);
//! - `POST /api/{account}/{agent}/sessions/{session}/handoff` `{"name"?, "email"?, "phone"?,
//!   "note"?}`: the visitor asks for a person (counted against `rate_limits.handoff`);
//! - the inactivity sweep, run by EventBridge Scheduler (`tests/data/scheduler-inactivity-sweep.json`,
//!   dispatched by `main.rs`) and by [`run_scheduled`].

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::post;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use salient_core::AppState;
use salient_core::api::{ApiError, ApiJson, ClientIp, ErrorCode, SessionPath, Visitor};
use salient_core::config::AgentConfig;
use salient_core::domain::{EmailStatus, EmailTrigger, Session, now};
use salient_core::handoff::{HandoffPorts, HandoffRequest, request_handoff};
use salient_core::limits::Action;
use salient_core::ports::StoreError;
use salient_core::summary::{SummaryAgent, SummaryError, SummaryOutcome, SummaryPorts};
use salient_core::sweep::SweepReport;
use serde::Deserialize;
use serde_json::json;

/// The function's router, served by Lambda (`main.rs`) and by `salient serve`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/{account}/{agent}/sessions/{session}/summary",
            post(send_now),
        )
        .route(
            "/api/{account}/{agent}/sessions/{session}/handoff",
            post(handoff),
        )
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}

/// What a summary goes through: the state's store, transport and sender.
fn summary_ports(state: &AppState) -> SummaryPorts<'_> {
    let store = state.store.as_ref();
    SummaryPorts {
        messages: store,
        profiles: store,
        events: store,
        llm_records: store,
        spend: store,
        rollups: store,
        mail: state.mail.as_ref(),
        from: &state.catalog.app().email.from,
    }
}

/// An agent of the catalog with its model.
fn summary_agent(state: &AppState, config: Arc<AgentConfig>) -> SummaryAgent {
    SummaryAgent {
        model: state.model(&config.account, &config.agent),
        config,
    }
}

/// Summarises a session and emails it, at most once per trigger (the summary service over
/// the state's adapters; an agent missing from the catalog has summaries disabled).
pub async fn send_summary(
    state: &AppState,
    session: &Session,
    trigger: EmailTrigger,
    copy_to_visitor: bool,
    now: DateTime<Utc>,
) -> Result<SummaryOutcome, SummaryError> {
    let config = state
        .catalog
        .agent(&session.account, &session.agent)
        .ok_or(SummaryError::Disabled)?;
    salient_core::summary::send_summary(
        &summary_ports(state),
        &summary_agent(state, config),
        session,
        trigger,
        copy_to_visitor,
        now,
    )
    .await
}

/// The inactivity sweep over every agent of the catalog.
pub async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<SweepReport, StoreError> {
    let agents: Vec<SummaryAgent> = state
        .catalog
        .agents()
        .map(|config| summary_agent(state, Arc::clone(config)))
        .collect();
    salient_core::sweep::sweep(&summary_ports(state), &agents, now).await
}

/// Who a summary the visitor asks for goes to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum SummaryTo {
    /// The account's summary recipients (and, with `copy_to_me`, the visitor too).
    #[default]
    Team,
    /// Only the visitor's verified address.
    Me,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SummaryBody {
    #[serde(default)]
    to: SummaryTo,
    #[serde(default)]
    copy_to_me: bool,
}

/// `POST .../sessions/{session}/summary`: summarise and email now (once per session).
async fn send_now(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
    ClientIp(client_ip): ClientIp,
    body: axum::body::Bytes,
) -> Result<impl IntoResponse, ApiError> {
    // The body is optional: an empty POST asks for the business's email only.
    let body: SummaryBody = if body.iter().all(u8::is_ascii_whitespace) {
        SummaryBody::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::new(ErrorCode::InvalidJson, e.to_string()))?
    };
    let subjects = path.limit_subjects(&visitor, client_ip);
    state
        .limiter(&path.scope.config.settings.rate_limits)
        .check(Action::Summary, &subjects, now())
        .await?;
    let session = path.owned_by(&state, &visitor).await?;
    let outcome = match body.to {
        SummaryTo::Team => {
            send_summary(
                &state,
                &session,
                EmailTrigger::Widget,
                body.copy_to_me,
                now(),
            )
            .await?
        }
        SummaryTo::Me => {
            let config = Arc::clone(&path.scope.config);
            salient_core::summary::send_visitor_copy(
                &summary_ports(&state),
                &summary_agent(&state, config),
                &session,
                now(),
            )
            .await?
        }
    };
    match outcome {
        SummaryOutcome::Sent { visitor_copy, .. } => Ok((
            StatusCode::OK,
            Json(json!({"status": "sent", "visitor_copy": visitor_copy})),
        )),
        SummaryOutcome::AlreadySent(_) => Ok((
            StatusCode::OK,
            Json(json!({"status": "already_sent", "visitor_copy": false})),
        )),
        // A failed event nobody may claim has used up its attempts.
        SummaryOutcome::Busy(event) if event.status == EmailStatus::Failed => Err(ApiError::new(
            ErrorCode::EmailSendFailed,
            format!(
                "The summary could not be sent after {} attempts; the failure is recorded.",
                event.attempts
            ),
        )),
        SummaryOutcome::Busy(_) => Ok((
            StatusCode::ACCEPTED,
            Json(json!({"status": "in_progress", "visitor_copy": false})),
        )),
        SummaryOutcome::Failed { error } => Err(ApiError::new(
            ErrorCode::EmailSendFailed,
            "The summary could not be sent now; it is recorded and will be retried.",
        )
        .with_source(anyhow::anyhow!(error))),
    }
}

/// The body of a handoff; every field optional (the session's profile may hold them).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct HandoffBody {
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    note: Option<String>,
}

/// `POST .../sessions/{session}/handoff`: the visitor asks for a person; the team is emailed
/// once per session.
async fn handoff(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
    ClientIp(client_ip): ClientIp,
    body: Option<ApiJson<HandoffBody>>,
) -> Result<impl IntoResponse, ApiError> {
    let body = body.map(|ApiJson(body)| body).unwrap_or_default();
    let subjects = path.limit_subjects(&visitor, client_ip);
    state
        .limiter(&path.scope.config.settings.rate_limits)
        .check(Action::Handoff, &subjects, now())
        .await?;
    let session = path.owned_by(&state, &visitor).await?;
    let store = state.store.as_ref();
    let ports = HandoffPorts {
        sessions: store,
        messages: store,
        profiles: store,
        events: store,
        mail: state.mail.as_ref(),
        from: &state.catalog.app().email.from,
    };
    let outcome = request_handoff(
        &ports,
        &path.scope.config,
        &session,
        &HandoffRequest {
            name: body.name,
            email: body.email,
            phone: body.phone,
            note: body.note,
        },
        now(),
    )
    .await?;
    Ok(Json(json!({
        "status": outcome.status.as_str(),
        "open_now": outcome.open_now,
        "message": outcome.message,
    })))
}

pub use salient_lambda_entry::{ScheduledDetail, ScheduledEvent};

/// Why a scheduled run failed; `retryable` tells the scheduler's retry policy apart from
/// a bad event that no retry fixes.
#[derive(Debug, thiserror::Error)]
pub enum ScheduledError {
    /// Not a task this function runs.
    #[error("unknown scheduled task {0:?} (expected \"inactivity_sweep\")")]
    UnknownTask(String),
    /// Storage failed; retrying may help when `retryable`.
    #[error("the sweep failed (retryable: {retryable}): {source}")]
    Sweep {
        /// Whether a retry may pass.
        retryable: bool,
        /// The cause.
        #[source]
        source: StoreError,
    },
}

/// Runs a scheduled event: the inactivity sweep.
pub async fn run_scheduled(
    state: &AppState,
    event: &ScheduledEvent,
) -> Result<SweepReport, ScheduledError> {
    if event.detail.task != "inactivity_sweep" {
        return Err(ScheduledError::UnknownTask(event.detail.task.clone()));
    }
    sweep(state, now())
        .await
        .map_err(|source| ScheduledError::Sweep {
            retryable: source.is_retryable(),
            source,
        })
}
