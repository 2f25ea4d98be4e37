//! The `email_events` table and `EmailEventStore`, including the inactivity sweep's read
//! of the partial index `sessions_awaiting_summary`.
//!
//! The index holds a session only while it has messages and its summary is not sent
//! (`WHERE summary_status <> 'sent' AND message_count > 0`), ordered by account and last
//! activity, newest first. SQLite keeps it up to date with every write of those columns,
//! and the sweep's query names it (`INDEXED BY`, so a plan that could not use it fails
//! instead of scanning): it reads the idle sessions of one account as one range of the
//! index, whose size follows the sessions awaiting a summary, not every session stored.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::rows::{Columns, execute, millis, query_opt};
use super::sessions::{session, session_columns};
use super::{EmbeddedStore, live};
use crate::adapters::summary_status_after;
use crate::domain::{AccountId, Session, SessionId, now};
use crate::ports::crm::{EmailEvent, EmailEventStore, EmailStatus, EmailTrigger, SendClaim};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

/// The inactivity sweep's query: `?1` the account, `?2` the cutoff in epoch milliseconds,
/// `?3` the limit, `?4` now in epoch milliseconds (an expired session is not summarised).
/// Public so that its query plan can be checked against a database file.
pub const IDLE_SESSIONS_QUERY: &str = concat!(
    "SELECT ",
    session_columns!(),
    " FROM sessions INDEXED BY sessions_awaiting_summary \
     WHERE account = ?1 AND summary_status <> 'sent' AND message_count > 0 \
       AND last_active_at <= ?2 AND ",
    live!(4),
    " ORDER BY last_active_at DESC, id DESC LIMIT ?3"
);

/// The `email_events` columns [`event`] reads, as a literal for `concat!`.
macro_rules! event_columns {
    () => {
        "session, trigger, status, attempts, provider_message_id, error, created_at, updated_at"
    };
}

/// Reads a row of [`event_columns`].
fn event(c: &mut Columns<'_, '_>) -> Result<EmailEvent, StoreError> {
    Ok(EmailEvent {
        session: c.parsed("session id", |r| SessionId::parse(r).ok())?,
        trigger: c.parsed("trigger", EmailTrigger::parse)?,
        status: c.parsed("email status", EmailStatus::parse)?,
        attempts: c.count("attempts")?,
        provider_message_id: c.get()?,
        error: c.get()?,
        created_at: c.time()?,
        updated_at: c.time()?,
    })
}

/// The live event of `(session, trigger)`, if any.
fn existing_event(
    conn: &Connection,
    account: &str,
    session: &str,
    trigger: EmailTrigger,
) -> Result<Option<EmailEvent>, StoreError> {
    query_opt(
        conn,
        concat!(
            "SELECT ",
            event_columns!(),
            " FROM email_events WHERE account = ?1 AND session = ?2 AND trigger = ?3 AND ",
            live!(4)
        ),
        params![account, session, trigger.as_str(), millis(now())],
        event,
    )
}

#[async_trait]
impl EmailEventStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session, trigger = trigger.as_str()))]
    async fn claim_email_send(
        &self,
        account: &AccountId,
        session: &SessionId,
        trigger: EmailTrigger,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        max_attempts: u32,
    ) -> Result<SendClaim, StoreError> {
        let expires_at = self.expires_at(account, now);
        let (account, session) = (account.to_string(), session.to_string());
        self.write(move |conn| {
            let claim = match existing_event(conn, &account, &session, trigger)? {
                None => {
                    // An expired event not swept yet is replaced.
                    execute(
                        conn,
                        "INSERT INTO email_events (account, session, trigger, status, attempts, created_at, updated_at, expires_at) \
                         VALUES (?1, ?2, ?3, 'sending', 1, ?4, ?4, ?5) \
                         ON CONFLICT (account, session, trigger) DO UPDATE SET status = 'sending', \
                         attempts = 1, provider_message_id = NULL, error = NULL, \
                         created_at = excluded.created_at, updated_at = excluded.updated_at, \
                         expires_at = excluded.expires_at",
                        params![account, session, trigger.as_str(), millis(now), expires_at],
                    )?;
                    SendClaim::Claimed { attempt: 1 }
                }
                Some(event) if event.status == EmailStatus::Sent => SendClaim::AlreadySent(event),
                Some(event)
                    if event.attempts < max_attempts
                        && (event.status == EmailStatus::Failed
                            || event.updated_at < stale_before) =>
                {
                    execute(
                        conn,
                        "UPDATE email_events SET status = 'sending', attempts = attempts + 1, updated_at = ?4, \
                         expires_at = ?5 WHERE account = ?1 AND session = ?2 AND trigger = ?3",
                        params![account, session, trigger.as_str(), millis(now), expires_at],
                    )?;
                    SendClaim::Claimed {
                        attempt: event.attempts + 1,
                    }
                }
                Some(event) => SendClaim::Busy(event),
            };
            Ok(claim)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %event.session, trigger = event.trigger.as_str()))]
    async fn finish_email_send(
        &self,
        account: &AccountId,
        event: &EmailEvent,
    ) -> Result<(), StoreError> {
        let expires_at = self.expires_at(account, event.updated_at);
        let (account, e) = (account.to_string(), event.clone());
        self.write(move |conn| {
            let updated = execute(
                conn,
                "UPDATE email_events SET status = ?4, provider_message_id = ?5, error = ?6, updated_at = ?7, \
                 expires_at = ?8 WHERE account = ?1 AND session = ?2 AND trigger = ?3",
                params![
                    account,
                    e.session.as_str(),
                    e.trigger.as_str(),
                    e.status.as_str(),
                    e.provider_message_id,
                    e.error,
                    millis(e.updated_at),
                    expires_at,
                ],
            )?;
            if updated == 0 {
                return Err(StoreError::NotFound("email event"));
            }
            if !e.trigger.is_business_summary() {
                return Ok(());
            }
            // A sent summary stays sent whatever a later trigger's attempt does; once sent,
            // the session leaves `sessions_awaiting_summary`.
            execute(
                conn,
                "UPDATE sessions SET summary_status = ?3 \
                 WHERE account = ?1 AND id = ?2 AND summary_status <> 'sent'",
                params![
                    account,
                    e.session.as_str(),
                    summary_status_after(e.status).as_str()
                ],
            )
            .map(|_| ())
        })
        .await
    }

    async fn email_events(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<EmailEvent>, StoreError> {
        self.select_all(
            concat!(
                "SELECT ",
                event_columns!(),
                " FROM email_events WHERE account = ?1 AND session = ?2 AND ",
                live!(3),
                " ORDER BY trigger"
            ),
            (account.to_string(), session.to_string(), millis(now())),
            event,
        )
        .await
    }

    /// One range of `sessions_awaiting_summary` (see the module's documentation).
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn idle_sessions(
        &self,
        account: &AccountId,
        idle_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Session>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        self.select_all(
            IDLE_SESSIONS_QUERY,
            (
                account.to_string(),
                millis(idle_before),
                i64::from(limit),
                millis(now()),
            ),
            session,
        )
        .await
    }
}
