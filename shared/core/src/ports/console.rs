//! The operator console's storage: operator sessions and one-time sign-in links (records
//! of the deployment, not of an account: an operator may see many accounts), the audit log
//! of operator actions (per account), and the account-wide listings the console pages
//! through (conversations by start time, leads by creation time).
//!
//! Session and link tokens are never stored, only their SHA-256 (`token_hash`), so a leaked
//! table signs nobody in.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Page, StoreError};
use crate::domain::{AccountId, AgentId, EmailAddress, Session, VisitorProfile};

/// A signed-in operator's session, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorSession {
    /// Hex SHA-256 of the cookie's token.
    pub token_hash: String,
    /// Who signed in.
    pub email: EmailAddress,
    /// The token state-changing calls must echo in `X-CSRF-Token`.
    pub csrf_token: String,
    /// When the operator signed in.
    pub created_at: DateTime<Utc>,
    /// The last request seen (the idle limit runs from here).
    pub last_seen_at: DateTime<Utc>,
    /// The absolute end, whatever the activity (the stored item's expiry too).
    pub expires_at: DateTime<Utc>,
}

/// A one-time sign-in link made by `salient console login`, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginLink {
    /// Hex SHA-256 of the link's token.
    pub token_hash: String,
    /// Who it signs in.
    pub email: EmailAddress,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// One operator action on an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// A ULID: entries of one millisecond stay apart and in order.
    pub id: String,
    /// When.
    pub at: DateTime<Utc>,
    /// The operator's address.
    pub operator: String,
    /// What was done (`conversations.list`, `lead.delete`, ...).
    pub action: String,
    /// The id acted on (a conversation or lead id), when there is one; never visitor data.
    pub target: Option<String>,
}

/// Which conversations of an account to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationFilter {
    /// Only this agent's.
    pub agent: Option<AgentId>,
    /// Started at or after.
    pub from: Option<DateTime<Utc>>,
    /// Started before.
    pub to: Option<DateTime<Utc>>,
    /// Only those with this flag.
    pub flag: Option<super::rollups::SessionFlag>,
}

/// Operator sessions and sign-in links.
#[async_trait]
pub trait OperatorSessionStore: Send + Sync {
    /// Stores a new session (it expires on its own at `expires_at`).
    async fn put_operator_session(&self, session: &OperatorSession) -> Result<(), StoreError>;

    /// The session with this token hash, if stored and not past its `expires_at` at `now`.
    async fn get_operator_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<OperatorSession>, StoreError>;

    /// Records a request at `at` (the idle limit slides); nothing if the session is gone.
    async fn touch_operator_session(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// Deletes a session (sign-out, or found idle). Missing is not an error.
    async fn delete_operator_session(&self, token_hash: &str) -> Result<(), StoreError>;

    /// Stores a sign-in link.
    async fn put_login_link(&self, link: &LoginLink) -> Result<(), StoreError>;

    /// Deletes the link and returns it if it was live at `now`, atomically: of any number of
    /// concurrent callers one gets it, so a link works once.
    async fn take_login_link(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<LoginLink>, StoreError>;
}

/// The audit log: per account, newest first, each entry expiring on its own.
#[async_trait]
pub trait AuditStore: Send + Sync {
    /// Appends an entry, kept until `expires_at`.
    async fn append_audit(
        &self,
        account: &AccountId,
        entry: &AuditEntry,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError>;

    /// One page of the account's entries, newest first; `after` is the previous page's
    /// cursor.
    async fn list_audit(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<AuditEntry, String>, StoreError>;
}

/// The account-wide listings of the console.
#[async_trait]
pub trait AccountListingStore: Send + Sync {
    /// One page of the account's sessions, newest start first, as `filter` says; `after`
    /// is the previous page's cursor (a cursor of another account is `InvalidCursor`).
    async fn list_account_sessions(
        &self,
        account: &AccountId,
        filter: &ConversationFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Session, String>, StoreError>;

    /// One page of the account's visitor profiles, newest first.
    async fn list_profiles(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<VisitorProfile, String>, StoreError>;
}

/// Everything the console needs from storage besides the conversation and CRM ports.
pub trait ConsoleStore: OperatorSessionStore + AuditStore + AccountListingStore {}

impl<T> ConsoleStore for T where T: OperatorSessionStore + AuditStore + AccountListingStore {}
