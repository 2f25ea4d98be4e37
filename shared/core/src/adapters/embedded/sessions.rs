//! The `sessions` table and `SessionStore`: create, get, and the listing of a visitor's
//! sessions with one agent (index `sessions_by_visitor`, newest first). An expired session
//! is found by none of them.

use async_trait::async_trait;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use chrono::{DateTime, Utc};
use rusqlite::params;

use super::rows::{Columns, integer, millis, query_opt};
use super::{EmbeddedStore, live};
use crate::adapters::page_of;
use crate::domain::{
    AccountId, AgentId, Session, SessionFlags, SessionId, SummaryStatus, VisitorId, now,
};
use crate::ports::{MAX_PAGE_SIZE, Page, SessionStore, StoreError};

/// The `sessions` columns every session query selects, in the order [`session`] reads
/// them, as a literal for `concat!`.
macro_rules! session_columns {
    () => {
        "account, agent, id, visitor, created_at, last_active_at, message_count, profile_id, summary_status, \
         title, handoff_requested_at, not_helpful_count, no_sources, extractive"
    };
}
pub(super) use session_columns;

/// Reads a row of [`session_columns`].
pub(super) fn session(c: &mut Columns<'_, '_>) -> Result<Session, StoreError> {
    Ok(Session {
        account: c.parsed("account id", |r| AccountId::parse(r).ok())?,
        agent: c.parsed("agent id", |r| AgentId::parse(r).ok())?,
        id: c.parsed("session id", |r| SessionId::parse(r).ok())?,
        visitor: c.parsed("visitor id", |r| VisitorId::parse(r).ok())?,
        created_at: c.time()?,
        last_active_at: c.time()?,
        message_count: c.count("message count")?,
        profile_id: c.get()?,
        summary_status: c.parsed("summary status", SummaryStatus::parse)?,
        title: c.get()?,
        handoff_requested_at: c.opt_time()?,
        flags: SessionFlags {
            not_helpful: c.get::<i64>()? > 0,
            no_sources: c.get::<i64>()? != 0,
            extractive: c.get::<i64>()? != 0,
        },
    })
}

/// Cursor for session listings: the last row's creation time and id.
fn encode_session_cursor(session: &Session) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{}", millis(session.created_at), session.id))
}

fn decode_session_cursor(cursor: &str) -> Result<(i64, SessionId), StoreError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| StoreError::InvalidCursor)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::InvalidCursor)?;
    let (ms, id) = text.split_once(':').ok_or(StoreError::InvalidCursor)?;
    let ms = ms.parse().map_err(|_| StoreError::InvalidCursor)?;
    let id = SessionId::parse(id).map_err(|_| StoreError::InvalidCursor)?;
    Ok((ms, id))
}

#[async_trait]
impl SessionStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %session.account, session = %session.id))]
    async fn create_session(&self, session: &Session) -> Result<(), StoreError> {
        let s = session;
        let expires_at = self.expires_at(&s.account, s.last_active_at);
        let inserted = self
            .change(
                concat!(
                    "INSERT INTO sessions (",
                    session_columns!(),
                    ", expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) \
                     ON CONFLICT DO NOTHING"
                ),
                (
                    s.account.to_string(),
                    s.agent.to_string(),
                    s.id.to_string(),
                    s.visitor.to_string(),
                    millis(s.created_at),
                    millis(s.last_active_at),
                    integer(s.message_count),
                    s.profile_id.clone(),
                    s.summary_status.as_str(),
                    s.title.clone(),
                    s.handoff_requested_at.map(millis),
                    i64::from(s.flags.not_helpful),
                    i64::from(s.flags.no_sources),
                    i64::from(s.flags.extractive),
                    expires_at,
                ),
            )
            .await?;
        if inserted == 0 {
            return Err(StoreError::AlreadyExists("session"));
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %id))]
    async fn get_session(
        &self,
        account: &AccountId,
        id: &SessionId,
    ) -> Result<Session, StoreError> {
        self.select_one(
            concat!(
                "SELECT ",
                session_columns!(),
                " FROM sessions WHERE account = ?1 AND id = ?2 AND ",
                live!(3)
            ),
            (account.to_string(), id.to_string(), millis(now())),
            session,
        )
        .await?
        .ok_or(StoreError::NotFound("session"))
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %id))]
    async fn mark_handoff_requested(
        &self,
        account: &AccountId,
        id: &SessionId,
        at: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let (account, id) = (account.to_string(), id.to_string());
        let stored = self
            .write(move |conn| {
                query_opt(
                    conn,
                    "UPDATE sessions SET handoff_requested_at = COALESCE(handoff_requested_at, ?3) \
                     WHERE account = ?1 AND id = ?2 RETURNING handoff_requested_at",
                    params![account, id, millis(at)],
                    |c| c.time(),
                )
            })
            .await?;
        stored.ok_or(StoreError::NotFound("session"))
    }

    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn list_sessions(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        agent: &AgentId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Session, String>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        let (after_ms, after_id) = after
            .map(decode_session_cursor)
            .transpose()?
            .map_or((i64::MAX, String::new()), |(ms, id)| (ms, id.to_string()));
        // One extra row tells whether another page follows.
        let items = self
            .select_all(
                concat!(
                    "SELECT ",
                    session_columns!(),
                    " FROM sessions \
                     WHERE account = ?1 AND visitor = ?2 AND agent = ?3 \
                       AND (created_at < ?4 OR (created_at = ?4 AND (?5 = '' OR id < ?5))) \
                       AND ",
                    live!(7),
                    " ORDER BY created_at DESC, id DESC LIMIT ?6"
                ),
                (
                    account.to_string(),
                    visitor.to_string(),
                    agent.to_string(),
                    after_ms,
                    after_id,
                    i64::from(limit) + 1,
                    millis(now()),
                ),
                session,
            )
            .await?;
        Ok(page_of(items, limit as usize, encode_session_cursor))
    }
}
