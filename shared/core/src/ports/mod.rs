//! Ports: one small trait per storage capability, implemented by every adapter
//! (`adapters::embedded` for the local process, `adapters::dynamodb` in AWS).
//!
//! Every method takes the [`AccountId`] first: an adapter builds every key from it, so one
//! account can never read or write another account's items, even with a leaked session id.
//! Items past their account's retention are gone for every read on every backend; an
//! adapter is opened with the [`Retention`](crate::domain::Retention) it stamps each write
//! with.

pub mod challenge;
pub mod console;
pub mod crm;
pub mod email;
pub mod gaps;
pub mod ingest_trigger;
pub mod ingestion;
pub mod knowledge;
pub mod metrics;
pub mod model;
pub mod rollups;
pub mod spend;

use async_trait::async_trait;

use chrono::{DateTime, Utc};

use crate::domain::{
    AccountId, AgentId, Feedback, LlmRequest, Message, MessageId, Session, SessionId, VisitorId,
};

/// Largest page any listing returns, whatever the caller asks for.
pub const MAX_PAGE_SIZE: u32 = 100;

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such item under this account.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The item already exists, or changed under us in a way a retry will not fix.
    #[error("{0} already exists")]
    AlreadyExists(&'static str),
    /// A paging cursor that this store did not hand out.
    #[error("invalid paging cursor")]
    InvalidCursor,
    /// The backend failed; `retryable` says whether trying again may succeed.
    #[error("storage backend failed")]
    Backend {
        /// Throttling, timeouts and transaction conflicts are retryable.
        retryable: bool,
        /// What the backend said.
        #[source]
        source: anyhow::Error,
    },
}

impl StoreError {
    /// A backend failure that retrying will not fix.
    pub fn fatal(source: impl Into<anyhow::Error>) -> Self {
        Self::Backend {
            retryable: false,
            source: source.into(),
        }
    }

    /// A backend failure that may pass on retry.
    pub fn transient(source: impl Into<anyhow::Error>) -> Self {
        Self::Backend {
            retryable: true,
            source: source.into(),
        }
    }
}

impl StoreError {
    /// Whether trying again may succeed (throttling, timeouts, transaction conflicts).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Self::Backend {
                retryable: true,
                ..
            }
        )
    }
}

impl crate::error::CodedError for StoreError {
    fn code(&self) -> crate::error::ErrorCode {
        use crate::error::ErrorCode;
        match self {
            Self::NotFound("session") => ErrorCode::SessionNotFound,
            // Any other missing item is a broken invariant on our side, not the caller's.
            Self::NotFound(_) => ErrorCode::Internal,
            Self::AlreadyExists(_) => ErrorCode::Conflict,
            Self::InvalidCursor => ErrorCode::InvalidCursor,
            Self::Backend {
                retryable: true, ..
            } => ErrorCode::StorageUnavailable,
            Self::Backend {
                retryable: false, ..
            } => ErrorCode::Internal,
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::NotFound(_) => "No session with this id for this agent.".to_owned(),
            Self::AlreadyExists(what) => format!("The {what} already exists."),
            Self::InvalidCursor => "The paging cursor is not valid.".to_owned(),
            Self::Backend { .. } => "Storage is briefly unavailable. Please retry.".to_owned(),
        }
    }
}

/// Which end of a history to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// Oldest message first (reading a conversation forwards).
    #[default]
    OldestFirst,
    /// Newest message first (context assembly, "load earlier" paging in the UI).
    NewestFirst,
}

/// One page of a session's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryQuery {
    /// Where to start.
    pub order: Order,
    /// Messages strictly after this one in `order` (the previous page's `next_cursor`).
    pub after: Option<MessageId>,
    /// Page size, capped at [`MAX_PAGE_SIZE`].
    pub limit: u32,
}

impl HistoryQuery {
    /// The first page in `order`.
    pub fn first(order: Order, limit: u32) -> Self {
        Self {
            order,
            after: None,
            limit,
        }
    }

    /// The page size to use: at least one, at most [`MAX_PAGE_SIZE`].
    pub fn effective_limit(&self) -> u32 {
        self.limit.clamp(1, MAX_PAGE_SIZE)
    }
}

/// A page of results and where the next one starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, C> {
    /// The items, in the order asked for.
    pub items: Vec<T>,
    /// Pass back to get the next page; `None` on the last page.
    pub next: Option<C>,
}

/// Sessions: created once, read by id, listed per visitor and agent.
#[async_trait]
pub trait SessionStore: Send + Sync {
    /// Stores a new session; fails with `AlreadyExists` if its id is taken.
    async fn create_session(&self, session: &Session) -> Result<(), StoreError>;

    /// The session with this id under this account, or `NotFound`.
    async fn get_session(&self, account: &AccountId, id: &SessionId)
    -> Result<Session, StoreError>;

    /// A visitor's sessions with one agent, newest first. `after` is an opaque cursor from
    /// the previous page.
    async fn list_sessions(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        agent: &AgentId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Session, String>, StoreError>;

    /// Records that the visitor asked for a person, once: the first call stores `at`, later
    /// calls keep it. Returns the time stored. `NotFound("session")` if there is no session.
    async fn mark_handoff_requested(
        &self,
        account: &AccountId,
        id: &SessionId,
        at: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError>;
}

/// Messages of a session.
#[async_trait]
pub trait MessageStore: Send + Sync {
    /// Appends a message and, atomically with it, bumps the session's message count and
    /// last-active time, and gives a session without a title the title of a visitor's
    /// message ([`session_title`](crate::domain::session_title)). `NotFound` if the
    /// session does not exist under this account; `AlreadyExists` if the message id is
    /// taken. Concurrent appends never lose a message.
    async fn append_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError>;

    /// Replaces an existing message's content, status and citations (a streamed answer
    /// growing, then ending complete or partial). `NotFound` if it does not exist.
    async fn update_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError>;

    /// Sets (or replaces) the visitor's rating of an assistant message of the session.
    /// `NotFound("message")` when the session has no assistant message with this id.
    async fn set_feedback(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &MessageId,
        feedback: &Feedback,
    ) -> Result<(), StoreError>;

    /// One page of a session's messages. An unknown session (or another account's) gives
    /// `NotFound`, not an empty page.
    async fn history(
        &self,
        account: &AccountId,
        session: &SessionId,
        query: &HistoryQuery,
    ) -> Result<Page<Message, MessageId>, StoreError>;
}

/// Records of calls to the LLM provider.
#[async_trait]
pub trait LlmRequestStore: Send + Sync {
    /// Stores one record; its id must be new.
    async fn record_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError>;

    /// Stores a call's final figures over the record of the same id that was stored when
    /// it started (or as a new record, when that write was lost) and, in the same atomic
    /// write, adds `charge` to the spend counters. A record that is already finished stays
    /// as it is and charges nothing again.
    async fn finish_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
        charge: Option<&spend::SpendCharge>,
    ) -> Result<(), StoreError>;

    /// All records for a session, oldest first.
    async fn llm_requests(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError>;
}

/// Removing what has expired. Every read already ignores an expired item; this frees the
/// space. A backend that removes expired items itself (DynamoDB's TTL) has nothing to do.
#[async_trait]
pub trait ExpiryStore: Send + Sync {
    /// Deletes every item whose retention ran out at or before `now`, and one-time-code
    /// challenges, rate counters and stream leases past their own expiry; how many.
    async fn delete_expired(&self, now: chrono::DateTime<chrono::Utc>) -> Result<u64, StoreError>;
}

/// Everything the conversation path (and the CRM beside it) needs from storage.
pub trait Store:
    SessionStore
    + MessageStore
    + LlmRequestStore
    + spend::SpendStore
    + crm::CrmStore
    + ingestion::IngestionStore
    + console::ConsoleStore
    + gaps::GapStore
    + metrics::MetricsStore
    + metrics::StoreProbe
    + rollups::RollupStore
    + ExpiryStore
    + std::fmt::Debug
{
}

impl<T> Store for T where
    T: SessionStore
        + MessageStore
        + LlmRequestStore
        + spend::SpendStore
        + crm::CrmStore
        + ingestion::IngestionStore
        + console::ConsoleStore
        + gaps::GapStore
        + metrics::MetricsStore
        + metrics::StoreProbe
        + rollups::RollupStore
        + ExpiryStore
        + std::fmt::Debug
{
}
