//! `POST /api/{account}/{agent}/sessions/{session}/messages/{message}/feedback`: the
//! visitor rates an answer of their own session (up, or down with a reason and a comment);
//! a new rating replaces the old. Counted against `rate_limits.feedback` first.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use salient_core::AppState;
use salient_core::api::{ApiError, ApiJson, ClientIp, SessionPath, Visitor};
use salient_core::domain::{FeedbackReason, Rating, now};
use salient_core::feedback::{FeedbackInput, rate_answer};
use salient_core::limits::Action;
use salient_core::ports::MessageStore;
use serde::Deserialize;
use serde_json::json;

/// The body of a rating.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FeedbackBody {
    rating: Rating,
    reason: Option<FeedbackReason>,
    comment: Option<String>,
}

pub(crate) async fn rate(
    State(state): State<AppState>,
    path: SessionPath,
    Path(params): Path<HashMap<String, String>>,
    Visitor(visitor): Visitor,
    ClientIp(client_ip): ClientIp,
    ApiJson(body): ApiJson<FeedbackBody>,
) -> Result<impl IntoResponse, ApiError> {
    let subjects = path.limit_subjects(&visitor, client_ip);
    state
        .limiter(&path.scope.config.settings.rate_limits)
        .check(Action::Feedback, &subjects, now())
        .await?;
    let session = path.owned_by(&state, &visitor).await?;
    let message = params.get("message").map_or("", String::as_str);
    let feedback = rate_answer(
        state.store.as_ref(),
        state.store.as_ref(),
        &session,
        FeedbackInput {
            message,
            rating: body.rating,
            reason: body.reason,
            comment: body.comment.as_deref(),
        },
        now(),
    )
    .await?;
    salient_core::feedback::record_not_helpful(
        Arc::clone(&state.store) as Arc<dyn MessageStore>,
        state.gap_recorder(&path.scope.config.settings.knowledge.gaps),
        &session,
        message,
        &feedback,
    );
    Ok(Json(json!({
        "feedback": {
            "message_id": message,
            "rating": feedback.rating,
            "reason": feedback.reason,
            "comment": feedback.comment,
            "updated_at": feedback.updated_at,
        }
    })))
}
