//! The console's "Content gaps" routes: the account's groups of questions the agent could
//! not answer well (`GET /api/console/{account}/gaps`), and marking one resolved (`POST
//! .../gaps/{group}/resolve`, owner only). A resolved group that gets a new matching
//! question opens again (`salient_core::gaps`).

use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use salient_core::AppState;
use salient_core::api::{ApiError, ApiQuery, ErrorCode, id_error};
use salient_core::domain::AgentId;
use salient_core::ports::StoreError;
use salient_core::ports::gaps::{GapFilter, GapGroup, GapStatus};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{SignedIn, account_of, cursor, page_size, record};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GapQuery {
    status: Option<String>,
    agent: Option<String>,
    cursor: Option<String>,
    limit: Option<u32>,
}

/// A group as the console shows it (the centroid stays in the store).
fn group_view(group: &GapGroup) -> Value {
    json!({
        "id": group.id,
        "status": group.status.as_str(),
        "agent": group.agent,
        "count": group.count,
        "first_seen": group.first_seen,
        "last_seen": group.last_seen,
        "reasons": group.reasons,
        "examples": group.examples,
    })
}

/// `GET /api/console/{account}/gaps?status=open|resolved&agent=&cursor=&limit=`: newest
/// `last_seen` first.
pub(crate) async fn list(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<GapQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let status = match query.status.as_deref() {
        None => GapStatus::Open,
        Some(raw) => GapStatus::parse(raw).ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidQuery,
                "`status` must be `open` or `resolved`.",
            )
        })?,
    };
    let agent = query
        .agent
        .as_deref()
        .map(|raw| AgentId::parse(raw).map_err(|e| id_error(ErrorCode::InvalidAgentId, &e)))
        .transpose()?;
    let limit = page_size(query.limit)?;
    let after = cursor(query.cursor.as_deref())?;
    record(&state, &account, &operator, "gaps.list", None).await?;
    let page = state
        .store
        .list_gap_groups(&account, &GapFilter { status, agent }, after, limit)
        .await?;
    let groups: Vec<Value> = page.items.iter().map(group_view).collect();
    Ok(Json(json!({"groups": groups, "next_cursor": page.next})))
}

/// `POST /api/console/{account}/gaps/{group}/resolve` (owner): the group as stored, now
/// resolved.
pub(crate) async fn resolve(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path((raw_account, group)): Path<(String, String)>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    operator.require_owner(&account)?;
    let not_found = || {
        ApiError::new(
            ErrorCode::GapNotFound,
            "The account has no content gap group with this id.",
        )
    };
    // Group ids are ULIDs; anything else names no group.
    if group.len() != 26 || !group.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(not_found());
    }
    let resolved = match salient_core::gaps::resolve(state.store.as_ref(), &account, &group).await {
        Ok(resolved) => resolved,
        Err(StoreError::NotFound(_)) => return Err(not_found()),
        Err(err) => return Err(err.into()),
    };
    record(&state, &account, &operator, "gap.resolve", Some(&group)).await?;
    Ok(Json(json!({"group": group_view(&resolved)})))
}
