//! The `messages` table and `MessageStore`. An append bumps the session's count, last
//! activity and expiry and inserts the message in one savepoint, so both happen or neither.
//! Expired messages are left out of every page; an expired session has no history. A
//! visitor's message gives a session without a title its title in the same write; a rating
//! of an answer is the `feedback_*` columns of its row.

use async_trait::async_trait;
use rusqlite::params;

use super::rows::{Columns, execute, json, millis, query_all, query_opt};
use super::{EmbeddedStore, live};
use crate::adapters::page_of;
use crate::domain::{
    AccountId, Feedback, FeedbackReason, Message, MessageId, MessageStatus, Rating, Role,
    SessionId, now, session_title,
};
use crate::ports::{HistoryQuery, MessageStore, Order, Page, StoreError};

/// The `messages` columns [`message`] reads, as a literal for `concat!`.
macro_rules! message_columns {
    () => {
        "id, role, content, status, created_at, citations, \
         feedback_rating, feedback_reason, feedback_comment, feedback_at"
    };
}

/// Reads a row of [`message_columns`].
fn message(c: &mut Columns<'_, '_>) -> Result<Message, StoreError> {
    let id = c.parsed("message id", |r| MessageId::parse(r).ok())?;
    let role = c.parsed("role", Role::parse)?;
    let content = c.get()?;
    let status = c.parsed("message status", MessageStatus::parse)?;
    let created_at = c.time()?;
    let citations = c.json("citations")?;
    let rating = c.opt_parsed("feedback rating", Rating::parse)?;
    let reason = c.opt_parsed("feedback reason", FeedbackReason::parse)?;
    let comment: Option<String> = c.get()?;
    let rated_at = c.opt_time()?;
    let feedback = match (rating, rated_at) {
        (Some(rating), Some(updated_at)) => Some(Feedback {
            rating,
            reason,
            comment,
            updated_at,
        }),
        _ => None,
    };
    Ok(Message {
        id,
        role,
        content,
        created_at,
        status,
        citations,
        feedback,
    })
}

#[async_trait]
impl MessageStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message.id))]
    async fn append_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError> {
        let expires_at = self.expires_at(account, message.created_at);
        let (account, session, m) = (account.to_string(), session.to_string(), message.clone());
        let citations = json(&m.citations)?;
        let title = (m.role == Role::User)
            .then(|| session_title(&m.content))
            .flatten();
        // One savepoint on the store's thread: the count and the message go in together. The
        // session's expiry moves with its last activity (as the DynamoDB append's `ttl`).
        self.write(move |conn| {
            let updated = execute(
                conn,
                "UPDATE sessions SET message_count = message_count + 1, \
                 expires_at = CASE WHEN ?3 >= last_active_at AND ?4 IS NOT NULL \
                   THEN ?4 ELSE expires_at END, \
                 last_active_at = MAX(last_active_at, ?3), \
                 title = COALESCE(title, ?5) \
                 WHERE account = ?1 AND id = ?2",
                params![account, session, millis(m.created_at), expires_at, title],
            )?;
            if updated == 0 {
                return Err(StoreError::NotFound("session"));
            }
            let inserted = execute(
                conn,
                "INSERT INTO messages (account, session, id, role, content, status, created_at, citations, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
                params![
                    account,
                    session,
                    m.id.as_str(),
                    m.role.as_str(),
                    m.content,
                    m.status.as_str(),
                    millis(m.created_at),
                    citations,
                    expires_at,
                ],
            )?;
            if inserted == 0 {
                // The failed write's savepoint is rolled back: the count with it.
                return Err(StoreError::AlreadyExists("message"));
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message.id))]
    async fn update_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError> {
        let updated = self
            .change(
                "UPDATE messages SET content = ?4, status = ?5, citations = ?6 \
                 WHERE account = ?1 AND session = ?2 AND id = ?3",
                (
                    account.to_string(),
                    session.to_string(),
                    message.id.to_string(),
                    message.content.clone(),
                    message.status.as_str(),
                    json(&message.citations)?,
                ),
            )
            .await?;
        if updated == 0 {
            return Err(StoreError::NotFound("message"));
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message))]
    async fn set_feedback(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &MessageId,
        feedback: &Feedback,
    ) -> Result<(), StoreError> {
        let updated = self
            .change(
                concat!(
                    "UPDATE messages SET feedback_rating = ?4, feedback_reason = ?5, \
                     feedback_comment = ?6, feedback_at = ?7 \
                     WHERE account = ?1 AND session = ?2 AND id = ?3 AND role = 'assistant' AND ",
                    live!(7)
                ),
                (
                    account.to_string(),
                    session.to_string(),
                    message.to_string(),
                    feedback.rating.as_str(),
                    feedback.reason.map(FeedbackReason::as_str),
                    feedback.comment.clone(),
                    millis(feedback.updated_at),
                ),
            )
            .await?;
        if updated == 0 {
            return Err(StoreError::NotFound("message"));
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn history(
        &self,
        account: &AccountId,
        session: &SessionId,
        query: &HistoryQuery,
    ) -> Result<Page<Message, MessageId>, StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        let limit = query.effective_limit();
        let order = query.order;
        let after = query.after.as_ref().map(ToString::to_string);
        let now = millis(now());
        self.read(move |conn| {
            let exists = query_opt(
                conn,
                concat!(
                    "SELECT 1 FROM sessions WHERE account = ?1 AND id = ?2 AND ",
                    live!(3)
                ),
                params![account, session, now],
                |_| Ok(()),
            )?;
            if exists.is_none() {
                return Err(StoreError::NotFound("session"));
            }
            let statement = match order {
                Order::OldestFirst => concat!(
                    "SELECT ",
                    message_columns!(),
                    " FROM messages \
                     WHERE account = ?1 AND session = ?2 AND (?3 IS NULL OR id > ?3) AND ",
                    live!(5),
                    " ORDER BY id ASC LIMIT ?4"
                ),
                Order::NewestFirst => concat!(
                    "SELECT ",
                    message_columns!(),
                    " FROM messages \
                     WHERE account = ?1 AND session = ?2 AND (?3 IS NULL OR id < ?3) AND ",
                    live!(5),
                    " ORDER BY id DESC LIMIT ?4"
                ),
            };
            // One extra row tells whether another page follows.
            let items = query_all(
                conn,
                statement,
                params![account, session, after, i64::from(limit) + 1, now],
                message,
            )?;
            Ok(page_of(items, limit as usize, |m| m.id.clone()))
        })
        .await
    }
}
