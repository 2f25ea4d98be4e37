//! `GET /api/console/{account}/overview?agent=&days=`: the account's (or one agent's) day
//! figures from the rollups, their totals, and today's spend against the daily caps.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use chrono::Utc;
use salient_core::AppState;
use salient_core::api::{ApiError, ApiQuery, ErrorCode, id_error};
use salient_core::console::overview::{self, MAX_DAYS};
use salient_core::domain::{AgentId, now};
use serde::Deserialize;
use serde_json::json;

use super::{SignedIn, account_of, record};

/// Days an overview covers when the query names none.
const DEFAULT_DAYS: u32 = 30;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OverviewQuery {
    agent: Option<String>,
    days: Option<u32>,
}

/// `GET /api/console/{account}/overview`.
pub(crate) async fn overview(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<OverviewQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let agents: Vec<_> = state
        .catalog
        .agents()
        .filter(|a| a.account == account)
        .collect();
    let agent = match query.agent.as_deref() {
        None => None,
        Some(raw) => {
            let agent = AgentId::parse(raw).map_err(|e| id_error(ErrorCode::InvalidAgentId, &e))?;
            if !agents.iter().any(|a| a.agent == agent) {
                return Err(ApiError::new(
                    ErrorCode::AgentNotFound,
                    "The account has no agent with this id.",
                ));
            }
            Some(agent)
        }
    };
    let days = match query.days {
        None => DEFAULT_DAYS,
        Some(n) if (1..=MAX_DAYS).contains(&n) => n,
        Some(_) => {
            return Err(ApiError::new(
                ErrorCode::InvalidQuery,
                format!("`days` must be between 1 and {MAX_DAYS}."),
            ));
        }
    };
    record(&state, &account, &operator, "overview.view", None).await?;
    let at = now();
    let today = at.with_timezone(&Utc).date_naive();
    let store = state.store.as_ref();
    let range = overview::overview(store, &account, agent.as_ref(), days, today).await?;
    let spending: Vec<_> = agents
        .iter()
        .filter(|a| agent.as_ref().is_none_or(|only| &a.agent == only))
        .map(|a| (a.agent.clone(), &a.settings.spend))
        .collect();
    let spend = overview::spend_today(store, &account, &spending, at).await?;
    let from = range.days.first().and_then(|d| d.date);
    Ok(Json(json!({
        "account": account,
        "agent": agent,
        "from": from,
        "to": today,
        "days": range.days,
        "totals": range.totals,
        "spend_today": spend,
    })))
}
