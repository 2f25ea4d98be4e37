//! `POST /api/{account}/{agent}/sessions/{session}/turns`: a buffered turn; the whole answer
//! comes back as one JSON document. Counted against `rate_limits.turn` first.

use axum::Json;
use axum::extract::State;
use axum::response::IntoResponse;
use salient_core::AppState;
use salient_core::api::{ApiError, ApiJson, ClientIp, MessageView, RawHtml, SessionPath, Visitor};
use salient_core::domain::now;
use salient_core::limits::Action;
use salient_core::turn::{self, TurnEvent};
use serde::Deserialize;
use serde_json::json;

/// The body of a turn.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TurnBody {
    message: String,
}

pub(crate) async fn create(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
    ClientIp(client_ip): ClientIp,
    ApiJson(body): ApiJson<TurnBody>,
) -> Result<impl IntoResponse, ApiError> {
    let subjects = path.limit_subjects(&visitor, client_ip);
    state
        .limiter(&path.scope.config.settings.rate_limits)
        .check(Action::Turn, &subjects, now())
        .await?;
    let raw_html = RawHtml::for_agent(&path.scope.config.settings.agent);
    let ports = state.turn_ports(&path.scope.account, &path.scope.agent);
    let started = turn::start(&ports, path.into_turn(visitor, body.message)).await?;
    let mut events = started.events;
    let mut usage = None;
    while let Some(event) = events.recv().await {
        match event {
            TurnEvent::Usage(reported) => usage = Some(reported),
            TurnEvent::Done {
                message,
                mode,
                reason,
            } => {
                return Ok(Json(json!({
                    "user_message": MessageView::new(&started.user_message, raw_html),
                    "assistant_message": MessageView::new(&message, raw_html),
                    "answer_mode": mode,
                    "reason": reason,
                    "usage": usage,
                })));
            }
            // The turn service counted it in the day rollups, as it does for a streamed turn.
            TurnEvent::Error { code, message } => {
                return Err(ApiError::new(code, message).already_in_rollups());
            }
            TurnEvent::Meta { .. } | TurnEvent::Delta(_) | TurnEvent::Citations(_) => {}
        }
    }
    Err(ApiError::internal(anyhow::anyhow!(
        "the turn ended without an outcome"
    )))
}
