//! Recording how a claimed send ended, for the emails sent once per session and trigger
//! (the visitor's copy, the handoff).

use chrono::{DateTime, Utc};

use crate::domain::{EmailEvent, EmailStatus, EmailTrigger, Session};
use crate::ports::StoreError;
use crate::ports::crm::EmailEventStore;

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
