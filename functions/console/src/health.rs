//! The console's health pages (docs/api.md, "Operator console"):
//! - `GET /api/console/metrics`: every function's requests, latency percentiles and errors
//!   by code, this hour and over the last 24 hours (deployment operators only);
//! - `GET /api/console/{account}/errors?limit=`: the account's last error events;
//! - `GET /api/console/errors?limit=`: the deployment's own (routes that name no account;
//!   deployment operators only).

use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use salient_core::AppState;
use salient_core::api::{ApiError, ApiQuery, ErrorCode};
use salient_core::console::{ConsoleError, Operator};
use salient_core::domain::now;
use salient_core::monitoring::metrics_summary;
use salient_core::ports::metrics::ERROR_EVENTS_KEPT;
use serde::Deserialize;
use serde_json::json;

use super::{SignedIn, account_of, record};

/// `ForbiddenRole` unless the operator is one of the deployment's (`operators:` of
/// `app.yaml`): the deployment's pages are no single account's.
fn require_deployment_operator(state: &AppState, operator: &Operator) -> Result<(), ApiError> {
    if state
        .catalog
        .operators()
        .is_deployment_operator(&operator.session.email)
    {
        Ok(())
    } else {
        Err(ConsoleError::ForbiddenRole.into())
    }
}

/// `GET /api/console/metrics`.
pub(crate) async fn metrics(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
) -> Result<impl IntoResponse, ApiError> {
    require_deployment_operator(&state, &operator)?;
    let summary = metrics_summary(state.store.as_ref(), now()).await?;
    Ok(Json(summary))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ErrorsQuery {
    limit: Option<u32>,
}

/// `limit`: 1..=100, all kept (100) when absent.
fn errors_limit(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit {
        None => Ok(ERROR_EVENTS_KEPT),
        Some(n) if (1..=ERROR_EVENTS_KEPT).contains(&n) => Ok(n),
        Some(_) => Err(ApiError::new(
            ErrorCode::InvalidQuery,
            format!("`limit` must be between 1 and {ERROR_EVENTS_KEPT}."),
        )),
    }
}

/// `GET /api/console/{account}/errors`: the account's error events, newest first.
pub(crate) async fn account_errors(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<ErrorsQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let limit = errors_limit(query.limit)?;
    record(&state, &account, &operator, "errors.list", None).await?;
    let events = state.store.error_events(Some(&account), limit).await?;
    Ok(Json(json!({"errors": events})))
}

/// `GET /api/console/errors`: the deployment's error events (routes that name no account).
pub(crate) async fn deployment_errors(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    ApiQuery(query): ApiQuery<ErrorsQuery>,
) -> Result<impl IntoResponse, ApiError> {
    require_deployment_operator(&state, &operator)?;
    let limit = errors_limit(query.limit)?;
    let events = state.store.error_events(None, limit).await?;
    Ok(Json(json!({"errors": events})))
}
