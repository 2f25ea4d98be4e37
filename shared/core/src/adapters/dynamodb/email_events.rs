//! Email events (`EV#{trigger}` in the session's partition) and `EmailEventStore`,
//! including the inactivity sweep's read of the sparse index `gsi2`.
//!
//! A session item is in `gsi2` while it has both keys: `gsi2pk = A#{account}#UNSUMMARISED`
//! from its creation until its summary is sent (removed here, by `finish_email_send`), and
//! `gsi2sk = last_active_at` from its first message on (set by every append). So the index
//! holds only the sessions the sweep may have to summarise, newest activity last, and the
//! sweep reads the idle ones with one key-range query: its cost follows the sessions
//! awaiting a summary, not everything the table ever stored.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::AttributeValue;
use chrono::{DateTime, Utc};

use super::DynamoStore;
use super::codec::{
    self, Item, millis, n, or_if_condition_failed, read_as, read_n, read_opt_string, read_time, s,
    set_opt, unless_condition_failed,
};
use super::keys::{EVENT_PREFIX, GSI2, SESSION_SK, awaiting_summary_gsi2pk, event_sk, session_pk};
use super::sessions::session_from_item;
use super::table::live_only;
use crate::adapters::summary_status_after;
use crate::domain::{AccountId, Session, SessionId, SummaryStatus};
use crate::ports::crm::{EmailEvent, EmailEventStore, EmailStatus, EmailTrigger, SendClaim};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

fn event_item(account: &AccountId, e: &EmailEvent, ttl: Option<AttributeValue>) -> Item {
    let mut item = codec::item(
        session_pk(account, &e.session),
        event_sk(e.trigger),
        "email_event",
        [
            ("session", s(e.session.as_str())),
            ("trigger", s(e.trigger.as_str())),
            ("status", s(e.status.as_str())),
            ("attempts", n(e.attempts)),
            ("created_at", millis(e.created_at)),
            ("updated_at", millis(e.updated_at)),
        ],
    );
    set_opt(
        &mut item,
        "provider_message_id",
        e.provider_message_id.as_deref().map(s),
    );
    set_opt(&mut item, "error", e.error.as_deref().map(s));
    set_opt(&mut item, "ttl", ttl);
    item
}

fn event_from_item(item: &Item) -> Result<EmailEvent, StoreError> {
    Ok(EmailEvent {
        session: read_as(item, "session", |r| SessionId::parse(r).ok())?,
        trigger: read_as(item, "trigger", EmailTrigger::parse)?,
        status: read_as(item, "status", EmailStatus::parse)?,
        attempts: read_n(item, "attempts")?,
        provider_message_id: read_opt_string(item, "provider_message_id")?,
        error: read_opt_string(item, "error")?,
        created_at: read_time(item, "created_at")?,
        updated_at: read_time(item, "updated_at")?,
    })
}

impl DynamoStore {
    /// The event of `(session, trigger)`, which a failed `attribute_not_exists` put has
    /// just shown to exist.
    async fn existing_event(
        &self,
        account: &AccountId,
        session: &SessionId,
        trigger: EmailTrigger,
    ) -> Result<EmailEvent, StoreError> {
        let item = self
            .get(session_pk(account, session), event_sk(trigger))
            .await?
            .ok_or_else(|| StoreError::transient(anyhow::anyhow!("email event vanished")))?;
        event_from_item(&item)
    }

    /// The sessions of `gsi2pk` whose last activity meets `condition` on `:ms`, most
    /// recently active first, at most `want`.
    async fn awaiting_summary(
        &self,
        gsi2pk: &str,
        condition: &str,
        at: DateTime<Utc>,
        want: Option<usize>,
    ) -> Result<Vec<Item>, StoreError> {
        // A GSI cannot be read consistently: a summary sent a moment ago may still show
        // here, and its claim then answers `AlreadySent`. An expired session is not summarised.
        let query = live_only(
            self.client
                .query()
                .table_name(&self.table)
                .index_name(GSI2)
                .key_condition_expression(format!("gsi2pk = :pk AND {condition}"))
                .expression_attribute_values(":pk", s(gsi2pk))
                .expression_attribute_values(":ms", millis(at))
                .scan_index_forward(false),
        );
        self.query_up_to(query, None, want).await
    }
}

#[async_trait]
impl EmailEventStore for DynamoStore {
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
        let fresh = EmailEvent {
            session: session.clone(),
            trigger,
            status: EmailStatus::Sending,
            attempts: 1,
            provider_message_id: None,
            error: None,
            created_at: now,
            updated_at: now,
        };
        let ttl = self.ttl(account, now);
        if self
            .put_if_new(event_item(account, &fresh, ttl.clone()))
            .await?
        {
            return Ok(SendClaim::Claimed { attempt: 1 });
        }
        let event = self.existing_event(account, session, trigger).await?;
        let retryable = event.attempts < max_attempts
            && (event.status == EmailStatus::Failed || event.updated_at < stale_before);
        if event.status == EmailStatus::Sent {
            return Ok(SendClaim::AlreadySent(event));
        }
        if !retryable {
            return Ok(SendClaim::Busy(event));
        }
        // Take over only the version we read: of two concurrent takers, one wins.
        let mut update = self.update(session_pk(account, session), event_sk(trigger));
        update = match ttl {
            Some(ttl) => update
                .update_expression(
                    "SET #status = :sending, updated_at = :now, #ttl = :ttl ADD attempts :one",
                )
                .expression_attribute_names("#ttl", "ttl")
                .expression_attribute_values(":ttl", ttl),
            None => update
                .update_expression("SET #status = :sending, updated_at = :now ADD attempts :one"),
        };
        let result = update
            .condition_expression(
                "#status = :seen_status AND updated_at = :seen_updated AND attempts = :seen_attempts",
            )
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":sending", s(EmailStatus::Sending.as_str()))
            .expression_attribute_values(":now", millis(now))
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":seen_status", s(event.status.as_str()))
            .expression_attribute_values(":seen_updated", millis(event.updated_at))
            .expression_attribute_values(":seen_attempts", n(event.attempts))
            .send()
            .await;
        if unless_condition_failed("UpdateItem", result)?.is_some() {
            return Ok(SendClaim::Claimed {
                attempt: event.attempts + 1,
            });
        }
        let now_event = self.existing_event(account, session, trigger).await?;
        Ok(if now_event.status == EmailStatus::Sent {
            SendClaim::AlreadySent(now_event)
        } else {
            SendClaim::Busy(now_event)
        })
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %event.session, trigger = event.trigger.as_str()))]
    async fn finish_email_send(
        &self,
        account: &AccountId,
        event: &EmailEvent,
    ) -> Result<(), StoreError> {
        let pk = session_pk(account, &event.session);
        let mut update = self
            .update(pk.clone(), event_sk(event.trigger))
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#status", "status")
            .expression_attribute_names("#error", "error")
            .expression_attribute_values(":status", s(event.status.as_str()))
            .expression_attribute_values(":at", millis(event.updated_at));
        let mut set = "SET #status = :status, updated_at = :at".to_owned();
        if let Some(ttl) = self.ttl(account, event.updated_at) {
            set.push_str(", #ttl = :ttl");
            update = update
                .expression_attribute_names("#ttl", "ttl")
                .expression_attribute_values(":ttl", ttl);
        }
        let mut remove = Vec::new();
        match &event.provider_message_id {
            Some(id) => {
                set.push_str(", provider_message_id = :mid");
                update = update.expression_attribute_values(":mid", s(id));
            }
            None => remove.push("provider_message_id"),
        }
        match &event.error {
            Some(error) => {
                set.push_str(", #error = :error");
                update = update.expression_attribute_values(":error", s(error));
            }
            None => remove.push("#error"),
        }
        let expression = if remove.is_empty() {
            set
        } else {
            format!("{set} REMOVE {}", remove.join(", "))
        };
        let result = update.update_expression(expression).send().await;
        or_if_condition_failed("UpdateItem", result, StoreError::NotFound("email event"))?;
        if !event.trigger.is_business_summary() {
            return Ok(());
        }
        let summary = summary_status_after(event.status);
        // A sent summary takes the session out of the sweep's index for good.
        let expression = if summary == SummaryStatus::Sent {
            "SET summary_status = :summary REMOVE gsi2pk"
        } else {
            "SET summary_status = :summary"
        };
        // A sent summary stays sent whatever a later trigger's attempt does.
        let result = self
            .update(pk, SESSION_SK.to_owned())
            .update_expression(expression)
            .condition_expression("attribute_exists(pk) AND summary_status <> :sent")
            .expression_attribute_values(":summary", s(summary.as_str()))
            .expression_attribute_values(":sent", s(SummaryStatus::Sent.as_str()))
            .send()
            .await;
        unless_condition_failed("UpdateItem", result).map(|_| ())
    }

    async fn email_events(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<EmailEvent>, StoreError> {
        self.collection(&session_pk(account, session), EVENT_PREFIX, event_from_item)
            .await
    }

    /// One key-range `Query` of `gsi2` (see the module's documentation).
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn idle_sessions(
        &self,
        account: &AccountId,
        idle_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Session>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
        let gsi2pk = awaiting_summary_gsi2pk(account);
        let mut items = self
            .awaiting_summary(&gsi2pk, "gsi2sk <= :ms", idle_before, Some(limit))
            .await?;
        // Sessions last active in the same millisecond as the last one read are ordered by
        // id, as in the embedded store: the index leaves their order open, so read them all.
        if items.len() >= limit
            && let Some(last) = items.last()
        {
            let boundary = read_time(last, "gsi2sk")?;
            let mut ties = self
                .awaiting_summary(&gsi2pk, "gsi2sk = :ms", boundary, None)
                .await?;
            items.retain(|item| item.get("gsi2sk") != Some(&millis(boundary)));
            items.append(&mut ties);
        }
        let mut sessions = items
            .iter()
            .map(session_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        sessions.retain(|s| s.summary_status != SummaryStatus::Sent && s.message_count > 0);
        sessions.sort_by(|a, b| {
            b.last_active_at
                .cmp(&a.last_active_at)
                .then_with(|| b.id.cmp(&a.id))
        });
        sessions.truncate(limit);
        Ok(sessions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_round_trips() {
        let account = AccountId::parse("acme").expect("valid");
        let now = crate::domain::now();
        let event = EmailEvent {
            session: SessionId::generate(),
            trigger: EmailTrigger::Widget,
            status: EmailStatus::Failed,
            attempts: 2,
            provider_message_id: None,
            error: Some("throttled".to_owned()),
            created_at: now,
            updated_at: now,
        };
        let item = event_item(&account, &event, None);
        assert!(!item.contains_key("provider_message_id"));
        assert_eq!(event_from_item(&item).expect("valid"), event);
    }
}
