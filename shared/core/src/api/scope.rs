//! The account and agent a request is for, parsed from the path and checked against the
//! configuration catalog before any handler runs.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use super::error::{ApiError, ErrorCode, id_error};
use crate::app::AppState;
use crate::config::AgentConfig;
use crate::conversation::turn::TurnInput;
use crate::domain::{AccountId, AgentId, Session, SessionId, VisitorId};
use crate::limits::Subjects;

/// `{account}/{agent}` from the path: both parsed, and the agent known to exist.
#[derive(Debug, Clone)]
pub struct AgentScope {
    /// The account.
    pub account: AccountId,
    /// The agent.
    pub agent: AgentId,
    /// The agent's effective configuration.
    pub config: Arc<AgentConfig>,
}

async fn path_params(
    parts: &mut Parts,
    state: &AppState,
) -> Result<HashMap<String, String>, ApiError> {
    Path::<HashMap<String, String>>::from_request_parts(parts, state)
        .await
        .map(|Path(params)| params)
        .map_err(|rejection| ApiError::new(ErrorCode::RouteNotFound, rejection.body_text()))
}

fn scope_from(params: &HashMap<String, String>, state: &AppState) -> Result<AgentScope, ApiError> {
    let raw_account = params.get("account").map_or("", String::as_str);
    let raw_agent = params.get("agent").map_or("", String::as_str);
    let account =
        AccountId::parse(raw_account).map_err(|e| id_error(ErrorCode::InvalidAccountId, &e))?;
    let agent = AgentId::parse(raw_agent).map_err(|e| id_error(ErrorCode::InvalidAgentId, &e))?;
    let config = state.catalog.agent(&account, &agent).ok_or_else(|| {
        ApiError::new(
            ErrorCode::AgentNotFound,
            "No agent with this id under this account.",
        )
    })?;
    Ok(AgentScope {
        account,
        agent,
        config,
    })
}

impl FromRequestParts<AppState> for AgentScope {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = path_params(parts, state).await?;
        scope_from(&params, state)
    }
}

/// `{account}/{agent}/sessions/{session}` from the path.
#[derive(Debug, Clone)]
pub struct SessionPath {
    /// The account and agent.
    pub scope: AgentScope,
    /// The session id (not yet known to exist).
    pub session: SessionId,
}

impl SessionPath {
    /// The session in the path, if it is `visitor`'s; another agent's or another visitor's
    /// session is `session_not_found`, as a missing one is (see `ownership`).
    pub async fn owned_by(
        &self,
        state: &AppState,
        visitor: &VisitorId,
    ) -> Result<Session, ApiError> {
        Ok(crate::ownership::owned_session(
            state.store.as_ref(),
            &self.scope.account,
            &self.scope.agent,
            &self.session,
            visitor,
        )
        .await?)
    }

    /// What the rate limits count a request of `visitor` from `ip` on this session against.
    pub fn limit_subjects<'a>(
        &'a self,
        visitor: &'a VisitorId,
        ip: Option<std::net::IpAddr>,
    ) -> Subjects<'a> {
        Subjects {
            account: &self.scope.account,
            agent: &self.scope.agent,
            session: Some(&self.session),
            visitor: Some(visitor),
            email: None,
            ip,
        }
    }

    /// A turn on this session: `visitor` says `text`.
    pub fn into_turn(self, visitor: VisitorId, text: String) -> TurnInput {
        TurnInput {
            account: self.scope.account,
            agent: self.scope.agent,
            config: self.scope.config,
            session: self.session,
            visitor,
            text,
        }
    }
}

impl FromRequestParts<AppState> for SessionPath {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let params = path_params(parts, state).await?;
        let scope = scope_from(&params, state)?;
        let raw = params.get("session").map_or("", String::as_str);
        let session =
            SessionId::parse(raw).map_err(|e| id_error(ErrorCode::InvalidSessionId, &e))?;
        Ok(Self { scope, session })
    }
}
