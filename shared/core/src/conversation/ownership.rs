//! Whose session is it: a session is readable only through its own account, agent and
//! visitor; every other combination answers `session_not_found`, so ids of other visitors or
//! accounts reveal nothing.

use crate::domain::{AccountId, AgentId, Session, SessionId, VisitorId};
use crate::ports::{SessionStore, StoreError};

/// Loads a session and checks it belongs to this agent and visitor.
pub async fn owned_session(
    store: &dyn SessionStore,
    account: &AccountId,
    agent: &AgentId,
    session: &SessionId,
    visitor: &VisitorId,
) -> Result<Session, StoreError> {
    let found = store.get_session(account, session).await?;
    if &found.agent != agent || &found.visitor != visitor {
        return Err(StoreError::NotFound("session"));
    }
    Ok(found)
}
