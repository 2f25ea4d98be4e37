//! The console's configuration page (docs/api.md, "Operator console"):
//! - `GET /api/console/{account}/config`: each agent's effective settings key by key with
//!   the level of the cascade that set it, and what the deployment runs on;
//! - `GET /api/console/{account}/config/{agent}.yaml`: one agent's effective configuration
//!   as a YAML attachment.
//!
//! Both come from `Catalog::explain`, the same code as `salient config show`, so secrets
//! are masked the same way (`"********"`). `operators:` is left out: who operates the
//! deployment and the other accounts is no account's business.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use salient_core::AppState;
use salient_core::api::{ApiError, ErrorCode, id_error};
use salient_core::config::{ExplainedKey, effective_yaml, runtime_info};
use salient_core::domain::{AccountId, AgentId};
use serde_json::{Value, json};

use super::{SignedIn, account_of, record};

/// The keys an account's operators are not shown.
const HIDDEN_KEYS: &[&str] = &["operators"];

/// One agent's explained keys, without the hidden ones.
fn agent_keys(
    state: &AppState,
    account: &AccountId,
    agent: &AgentId,
) -> Result<Vec<ExplainedKey>, ApiError> {
    let keys = state
        .catalog
        .explain(account, agent)
        .map_err(ApiError::internal)?;
    Ok(keys
        .into_iter()
        .filter(|k| {
            !HIDDEN_KEYS
                .iter()
                .any(|hidden| k.key == *hidden || k.key.starts_with(&format!("{hidden}.")))
        })
        .collect())
}

/// `GET /api/console/{account}/config`.
pub(crate) async fn show(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    record(&state, &account, &operator, "config.view", None).await?;
    let mut agents = Vec::new();
    for config in state.catalog.agents().filter(|a| a.account == account) {
        let settings: Vec<Value> = agent_keys(&state, &account, &config.agent)?
            .into_iter()
            .map(|k| json!({"key": k.key, "value": k.json, "source": k.level.as_str()}))
            .collect();
        agents.push(json!({
            "agent": config.agent,
            "name": config.settings.agent.name,
            "settings": settings,
        }));
    }
    Ok(Json(json!({
        "agents": agents,
        "runtime": runtime_info(state.catalog.app()),
    })))
}

/// `GET /api/console/{account}/config/{agent}.yaml`.
pub(crate) async fn yaml(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path((raw_account, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let Some(raw_agent) = file.strip_suffix(".yaml") else {
        return Err(ApiError::new(
            ErrorCode::RouteNotFound,
            "No route has this path.",
        ));
    };
    let agent = AgentId::parse(raw_agent).map_err(|e| id_error(ErrorCode::InvalidAgentId, &e))?;
    if state.catalog.agent(&account, &agent).is_none() {
        return Err(ApiError::new(
            ErrorCode::AgentNotFound,
            "The account has no agent with this id.",
        ));
    }
    record(
        &state,
        &account,
        &operator,
        "config.view",
        Some(agent.as_str()),
    )
    .await?;
    let body =
        effective_yaml(&agent_keys(&state, &account, &agent)?).map_err(ApiError::internal)?;
    let body = format!("# effective configuration of {account}/{agent} (secrets masked)\n{body}");
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/yaml; charset=utf-8"),
    );
    if let Ok(value) =
        HeaderValue::from_str(&format!("attachment; filename=\"{account}-{agent}.yaml\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
