//! Claiming a send and recording how it ended, for the emails sent once per session and
//! trigger (the summary, the visitor's copy, the handoff).

use chrono::{DateTime, Duration, Utc};

use crate::domain::{EmailEvent, EmailStatus, EmailTrigger, Session};
use crate::ports::StoreError;
use crate::ports::crm::{EmailEventStore, SendClaim};

/// Claims the session's send of `trigger` (a claim older than `stale_claim_minutes` is
/// taken over, at most `max_send_attempts` times): the summary, the visitor's copy and the
/// handoff are each sent once per session through it.
pub(crate) async fn claim_send(
    events: &dyn EmailEventStore,
    session: &Session,
    trigger: EmailTrigger,
    settings: &crate::config::SummarySettings,
    now: DateTime<Utc>,
) -> Result<SendClaim, StoreError> {
    let stale_before = now - Duration::minutes(i64::from(settings.stale_claim_minutes));
    events
        .claim_email_send(
            &session.account,
            &session.id,
            trigger,
            now,
            stale_before,
            settings.max_send_attempts,
        )
        .await
}

/// Records the outcome of attempt `attempt` of `(session, trigger)`, claimed at
/// `claimed_at`: `sent` with the transport's message id, or `failed` with the error (a
/// later claim may then retry it).
pub(crate) async fn finish_send(
    events: &dyn EmailEventStore,
    session: &Session,
    trigger: EmailTrigger,
    attempt: u32,
    claimed_at: DateTime<Utc>,
    result: &Result<String, String>,
) -> Result<(), StoreError> {
    let (status, provider_message_id, error) = match result {
        Ok(id) => (EmailStatus::Sent, Some(id.clone()), None),
        Err(error) => (EmailStatus::Failed, None, Some(error.clone())),
    };
    match &error {
        None => {
            tracing::info!(account = %session.account, session = %session.id, trigger = trigger.as_str(), attempt, "email sent");
        }
        Some(error) => {
            tracing::error!(account = %session.account, session = %session.id, trigger = trigger.as_str(), attempt, %error, "email failed");
        }
    }
    let event = EmailEvent {
        session: session.id.clone(),
        trigger,
        status,
        attempts: attempt,
        provider_message_id,
        error,
        created_at: claimed_at,
        updated_at: crate::domain::now(),
    };
    events.finish_email_send(&session.account, &event).await
}
