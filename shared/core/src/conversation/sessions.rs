//! Sessions as a visitor sees them: open one, list theirs with an agent, read one's history.
//! A session is readable only through its own account, agent and visitor
//! ([`owned_session`]).

use super::ownership::owned_session;
use crate::domain::{
    AccountId, AgentId, IdError, Message, MessageId, Session, SessionId, VisitorId, now,
};
use crate::error::{CodedError, ErrorCode};
use crate::ports::{HistoryQuery, MessageStore, Order, Page, SessionStore, StoreError};

/// Opens a new session of this visitor with this agent.
pub async fn open_session(
    sessions: &dyn SessionStore,
    account: AccountId,
    agent: AgentId,
    visitor: VisitorId,
) -> Result<Session, StoreError> {
    let session = Session::new(account, agent, visitor, now());
    sessions.create_session(&session).await?;
    tracing::info!(account = %session.account, agent = %session.agent, session = %session.id, "session created");
    Ok(session)
}

/// The visitor's sessions with one agent, newest first, from an opaque cursor.
pub async fn visitor_sessions(
    sessions: &dyn SessionStore,
    account: &AccountId,
    agent: &AgentId,
    visitor: &VisitorId,
    cursor: Option<&str>,
    limit: u32,
) -> Result<Page<Session, String>, StoreError> {
    sessions
        .list_sessions(account, visitor, agent, cursor, limit)
        .await
}

/// Why a history page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The cursor is not a message id this API handed out.
    #[error("The paging cursor is not valid: {0}")]
    InvalidCursor(#[source] IdError),
    /// Storage failed, or the session is not this visitor's.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for HistoryError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::InvalidCursor(_) => ErrorCode::InvalidCursor,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::InvalidCursor(err) => err.to_string(),
            Self::Store(err) => err.public_message(),
        }
    }
}

/// A page of history: where to start, from which cursor (a message id the previous page
/// handed out), how many.
#[derive(Debug, Clone, Copy)]
pub struct HistoryPage<'a> {
    /// Which end to read from.
    pub order: Order,
    /// The previous page's `next`.
    pub cursor: Option<&'a str>,
    /// Page size (capped by the store).
    pub limit: u32,
}

/// One page of a session's history, if the session is this visitor's (ownership is checked
/// before the cursor is read, so another visitor's session answers `session_not_found`
/// whatever the cursor).
pub async fn session_history(
    sessions: &dyn SessionStore,
    messages: &dyn MessageStore,
    account: &AccountId,
    agent: &AgentId,
    session: &SessionId,
    visitor: &VisitorId,
    page: HistoryPage<'_>,
) -> Result<Page<Message, MessageId>, HistoryError> {
    owned_session(sessions, account, agent, session, visitor).await?;
    let after = page
        .cursor
        .map(MessageId::parse)
        .transpose()
        .map_err(HistoryError::InvalidCursor)?;
    let query = HistoryQuery {
        order: page.order,
        after,
        limit: page.limit,
    };
    Ok(messages.history(account, session, &query).await?)
}
