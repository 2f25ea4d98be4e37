//! A visitor's rating of an answer: one per answer of their own session, replaced by the
//! next. The caller has checked that the session is the visitor's.

use chrono::{DateTime, Utc};

use crate::domain::{Feedback, FeedbackError, FeedbackReason, MessageId, Rating, Session};
use crate::error::{CodedError, ErrorCode};
use crate::ports::rollups::RollupStore;
use crate::ports::{MessageStore, StoreError};

/// What the visitor sent.
#[derive(Debug, Clone, Copy)]
pub struct FeedbackInput<'a> {
    /// The message rated, as it came in the path.
    pub message: &'a str,
    /// Up or down.
    pub rating: Rating,
    /// Why it is down.
    pub reason: Option<FeedbackReason>,
    /// The visitor's words.
    pub comment: Option<&'a str>,
}

/// Why a rating was not stored.
#[derive(Debug, thiserror::Error)]
pub enum RateAnswerError {
    /// The rating's values do not go together.
    #[error(transparent)]
    Invalid(#[from] FeedbackError),
    /// The session has no answer with this id.
    #[error("no answer with this id in this conversation")]
    MessageNotFound,
    /// Storage failed.
    #[error(transparent)]
    Store(StoreError),
}

impl CodedError for RateAnswerError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Invalid(_) => ErrorCode::InvalidRequest,
            Self::MessageNotFound => ErrorCode::MessageNotFound,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::Invalid(err) => format!("The rating is not valid: {err}."),
            Self::MessageNotFound => "No answer with this id in this conversation.".to_owned(),
            Self::Store(err) => err.public_message(),
        }
    }
}

/// Stores the visitor's rating of an answer of `session` (replacing an earlier one) and
/// counts it in the day rollups (a changed rating moves the count); the rating as stored.
pub async fn rate_answer(
    messages: &dyn MessageStore,
    rollups: &dyn RollupStore,
    session: &Session,
    input: FeedbackInput<'_>,
    now: DateTime<Utc>,
) -> Result<Feedback, RateAnswerError> {
    let feedback = Feedback::new(input.rating, input.reason, input.comment, now)?;
    // An id that is not even a message id names no answer either.
    let message = MessageId::parse(input.message).map_err(|_| RateAnswerError::MessageNotFound)?;
    messages
        .set_feedback(&session.account, &session.id, &message, &feedback)
        .await
        .map_err(|err| match err {
            StoreError::NotFound("message") => RateAnswerError::MessageNotFound,
            other => RateAnswerError::Store(other),
        })?;
    tracing::info!(account = %session.account, session = %session.id, message = %message, rating = feedback.rating.as_str(), "answer rated");
    crate::rollups::record_rating(rollups, session, &message, feedback.rating, now).await;
    Ok(feedback)
}

/// A "not helpful" rating makes the question the answer replied to a content gap: the
/// visitor's message just before the rated answer is recorded (in a task of its own; a
/// failure is logged and the rating stands).
pub fn record_not_helpful(
    messages: std::sync::Arc<dyn MessageStore>,
    gaps: crate::gaps::GapRecorder,
    session: &Session,
    message: &str,
    feedback: &Feedback,
) {
    if feedback.rating != crate::domain::Rating::Down || !gaps.settings.enabled {
        return;
    }
    let Ok(message) = MessageId::parse(message) else {
        return;
    };
    let session = session.clone();
    let at = feedback.updated_at;
    tokio::spawn(async move {
        let query = crate::ports::HistoryQuery {
            order: crate::ports::Order::NewestFirst,
            after: Some(message),
            limit: 1,
        };
        let before = match messages
            .history(&session.account, &session.id, &query)
            .await
        {
            Ok(page) => page.items.into_iter().next(),
            Err(error) => {
                tracing::warn!(account = %session.account, session = %session.id, error = ?error, "reading the rated answer's question failed");
                return;
            }
        };
        let Some(question) = before.filter(|m| m.role == crate::domain::Role::User) else {
            return;
        };
        gaps.record(crate::gaps::GapQuestion {
            account: session.account.clone(),
            agent: session.agent.clone(),
            session: session.id.clone(),
            question: question.content,
            reason: crate::ports::gaps::GapReason::NotHelpful,
            vector: None,
            at,
        })
        .await;
    });
}
