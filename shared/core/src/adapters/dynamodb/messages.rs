//! Message items and `MessageStore`. An append is one transaction: the message put (its id
//! must be new) and the session update (count, last activity, and `gsi2sk`, the last
//! activity as the sweep's index reads it, and the title a visitor's message gives a session
//! without one), retried while transactions conflict. A visitor's rating of an answer is a
//! set of `feedback_*` attributes of the answer's item.

use std::collections::HashMap;
use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_dynamodb::config::http::HttpResponse;
use aws_sdk_dynamodb::error::SdkError;
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{AttributeValue, Put, TransactWriteItem, Update};
use backon::{ExponentialBuilder, Retryable as _};

use super::DynamoStore;
use super::codec::{
    self, Item, backend, cancellation_codes, corrupt, key, millis, n, or_if_condition_failed,
    read_as, read_n, read_opt_as, read_opt_n, read_opt_string, read_opt_time, read_string,
    read_time, s, set_opt,
};
use super::keys::{MESSAGE_PREFIX, SESSION_SK, message_sk, session_pk};
use crate::adapters::page_of;
use crate::domain::{
    AccountId, Citation, Feedback, FeedbackReason, Message, MessageId, MessageStatus, Rating, Role,
    SessionId, session_title,
};
use crate::ports::{HistoryQuery, MessageStore, Order, Page, StoreError};

/// How often `append_message` tries again after DynamoDB cancels its transaction because
/// another transaction touched the session item at the same moment.
const CONFLICT_RETRIES: usize = 6;

fn citations_value(citations: &[Citation]) -> AttributeValue {
    AttributeValue::L(
        citations
            .iter()
            .map(|c| {
                let mut map = HashMap::from([
                    ("number".to_owned(), n(c.number)),
                    ("title".to_owned(), s(&c.title)),
                    ("url".to_owned(), s(&c.url)),
                    ("score".to_owned(), n(c.score)),
                    ("snippet".to_owned(), s(&c.snippet)),
                ]);
                if let Some(date) = c.date {
                    map.insert("date".to_owned(), s(date.to_string()));
                }
                AttributeValue::M(map)
            })
            .collect(),
    )
}

fn citations_from(item: &Item) -> Result<Vec<Citation>, StoreError> {
    let Some(AttributeValue::L(list)) = item.get("citations") else {
        return Err(corrupt("citations", item.get("citations")));
    };
    list.iter()
        .map(|value| {
            let AttributeValue::M(c) = value else {
                return Err(corrupt("citation", value));
            };
            Ok(Citation {
                number: read_opt_n(c, "number")?.unwrap_or(0),
                title: read_string(c, "title")?,
                url: read_string(c, "url")?,
                score: read_n(c, "score")?,
                snippet: read_string(c, "snippet")?,
                date: read_opt_string(c, "date")?
                    .map(|date| date.parse())
                    .transpose()
                    .map_err(|_| corrupt("citation date", c.get("date")))?,
            })
        })
        .collect()
}

fn message_item(
    account: &AccountId,
    session: &SessionId,
    message: &Message,
    ttl: Option<AttributeValue>,
) -> Item {
    let mut item = codec::item(
        session_pk(account, session),
        message_sk(&message.id),
        "message",
        [
            ("id", s(message.id.as_str())),
            ("role", s(message.role.as_str())),
            ("content", s(&message.content)),
            ("status", s(message.status.as_str())),
            ("created_at", millis(message.created_at)),
            ("citations", citations_value(&message.citations)),
        ],
    );
    if let Some(feedback) = &message.feedback {
        item.insert("feedback_rating".to_owned(), s(feedback.rating.as_str()));
        item.insert("feedback_at".to_owned(), millis(feedback.updated_at));
        set_opt(
            &mut item,
            "feedback_reason",
            feedback.reason.map(|r| s(r.as_str())),
        );
        set_opt(
            &mut item,
            "feedback_comment",
            feedback.comment.as_deref().map(s),
        );
    }
    set_opt(&mut item, "ttl", ttl);
    item
}

fn feedback_from(item: &Item) -> Result<Option<Feedback>, StoreError> {
    let Some(rating) = read_opt_as(item, "feedback_rating", Rating::parse)? else {
        return Ok(None);
    };
    Ok(Some(Feedback {
        rating,
        reason: read_opt_as(item, "feedback_reason", FeedbackReason::parse)?,
        comment: read_opt_string(item, "feedback_comment")?,
        updated_at: read_opt_time(item, "feedback_at")?
            .ok_or_else(|| corrupt("feedback_at", item.get("feedback_at")))?,
    }))
}

fn message_from_item(item: &Item) -> Result<Message, StoreError> {
    Ok(Message {
        id: read_as(item, "id", |r| MessageId::parse(r).ok())?,
        role: read_as(item, "role", Role::parse)?,
        content: read_string(item, "content")?,
        created_at: read_time(item, "created_at")?,
        status: read_as(item, "status", MessageStatus::parse)?,
        citations: citations_from(item)?,
        feedback: feedback_from(item)?,
    })
}

/// Why one `TransactWriteItems` attempt of an append did not go through.
#[derive(Debug)]
enum AppendFailure {
    /// Another transaction touched the session item at the same time: try again.
    Conflict(StoreError),
    /// The session's condition failed: it is missing, or (when the attempt also moved
    /// `last_active_at`) it already records a later activity.
    SessionCondition,
    /// Anything else, final.
    Failed(StoreError),
}

/// What a cancelled append transaction's reasons say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cancellation {
    /// Another transaction held the session item: worth another try.
    Conflict,
    /// The session's condition failed.
    SessionCondition,
    /// The message id is taken.
    MessageExists,
    /// Capacity ran out: retryable, but not here (the SDK already retried).
    Throttled,
    /// Anything else (validation, item too large).
    Other,
}

/// Reads the cancellation reason codes of an append: item 0 is the message, item 1 the
/// session. A missing session outranks a taken message id, as in the embedded store.
fn classify_cancellation(reasons: &[Option<&str>]) -> Cancellation {
    let code = |index: usize| reasons.get(index).copied().flatten();
    let any = |wanted: &[&str]| reasons.iter().flatten().any(|c| wanted.contains(c));
    if any(&["TransactionConflict"]) {
        Cancellation::Conflict
    } else if code(1) == Some("ConditionalCheckFailed") {
        Cancellation::SessionCondition
    } else if code(0) == Some("ConditionalCheckFailed") {
        Cancellation::MessageExists
    } else if any(&[
        "ThrottlingError",
        "ProvisionedThroughputExceeded",
        "RequestLimitExceeded",
    ]) {
        Cancellation::Throttled
    } else {
        Cancellation::Other
    }
}

/// Maps a failed append transaction.
fn append_failure(err: SdkError<TransactWriteItemsError, HttpResponse>) -> AppendFailure {
    let Some(reasons) = cancellation_codes(&err) else {
        return AppendFailure::Failed(backend("TransactWriteItems", err));
    };
    let codes: Vec<Option<&str>> = reasons.iter().map(Option::as_deref).collect();
    let classified = classify_cancellation(&codes);
    let source = || {
        anyhow::Error::new(err).context(format!(
            "DynamoDB TransactWriteItems cancelled: {reasons:?}"
        ))
    };
    match classified {
        Cancellation::Conflict => AppendFailure::Conflict(StoreError::transient(source())),
        Cancellation::SessionCondition => AppendFailure::SessionCondition,
        Cancellation::MessageExists => AppendFailure::Failed(StoreError::AlreadyExists("message")),
        Cancellation::Throttled => AppendFailure::Failed(StoreError::transient(source())),
        Cancellation::Other => AppendFailure::Failed(StoreError::fatal(source())),
    }
}

impl DynamoStore {
    /// Puts the message if its id is free and bumps the session if it exists, atomically,
    /// trying again with backoff while transactions conflict. With `advance_activity`, also
    /// moves `last_active_at` forward, and the session's `ttl` with it (to the message's
    /// own), which only holds while the session's recorded activity is not later than the
    /// message. `gsi2sk` follows `last_active_at` either way: set by the first
    /// message, it puts the session into the sweep's index (while `gsi2pk` says its summary
    /// is not sent).
    async fn transact_append(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
        advance_activity: bool,
    ) -> Result<(), AppendFailure> {
        let build = |what: &str, e: aws_sdk_dynamodb::error::BuildError| {
            AppendFailure::Failed(StoreError::fatal(
                anyhow::Error::new(e).context(format!("building the {what} of an append")),
            ))
        };
        let ttl = self.ttl(account, message.created_at);
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(message_item(account, session, message, ttl.clone())))
            .condition_expression("attribute_not_exists(pk)")
            .build()
            .map_err(|e| build("message put", e))?;
        let mut update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(key(
                session_pk(account, session),
                SESSION_SK.to_owned(),
            )))
            .expression_attribute_values(":one", n(1));
        let mut set = Vec::new();
        if advance_activity {
            set.push("last_active_at = :at, gsi2sk = :at");
            update = update
                .condition_expression("attribute_exists(pk) AND last_active_at <= :at")
                .expression_attribute_values(":at", millis(message.created_at));
            if let Some(ttl) = ttl {
                set.push("#ttl = :ttl");
                update = update
                    .expression_attribute_names("#ttl", "ttl")
                    .expression_attribute_values(":ttl", ttl);
            }
        } else {
            set.push("gsi2sk = last_active_at");
            update = update.condition_expression("attribute_exists(pk)");
        }
        // The first visitor message names the session; later ones leave the title alone.
        if message.role == Role::User
            && let Some(title) = session_title(&message.content)
        {
            set.push("#title = if_not_exists(#title, :title)");
            update = update
                .expression_attribute_names("#title", "title")
                .expression_attribute_values(":title", s(title));
        }
        let update = update
            .update_expression(format!("ADD message_count :one SET {}", set.join(", ")))
            .build()
            .map_err(|e| build("session update", e))?;
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(10))
            .with_max_delay(Duration::from_millis(500))
            .with_max_times(CONFLICT_RETRIES)
            .with_jitter();
        (|| async {
            self.client
                .transact_write_items()
                .transact_items(TransactWriteItem::builder().put(put.clone()).build())
                .transact_items(TransactWriteItem::builder().update(update.clone()).build())
                .send()
                .await
                .map(|_| ())
                .map_err(append_failure)
        })
        .retry(backoff)
        .when(|failure| matches!(failure, AppendFailure::Conflict(_)))
        .notify(|_, delay| {
            tracing::debug!(?delay, "append transaction conflicted; retrying");
        })
        .await
    }
}

#[async_trait]
impl MessageStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message.id))]
    async fn append_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError> {
        // Usually the message is the session's latest activity and one transaction does it
        // all. If a concurrent writer already recorded later activity, the count alone is
        // bumped, so `last_active_at` only moves forward, as in the embedded store.
        match self.transact_append(account, session, message, true).await {
            Ok(()) => return Ok(()),
            Err(AppendFailure::Conflict(err) | AppendFailure::Failed(err)) => return Err(err),
            Err(AppendFailure::SessionCondition) => {}
        }
        match self.transact_append(account, session, message, false).await {
            Ok(()) => Ok(()),
            Err(AppendFailure::Conflict(err) | AppendFailure::Failed(err)) => Err(err),
            Err(AppendFailure::SessionCondition) => Err(StoreError::NotFound("session")),
        }
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message.id))]
    async fn update_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError> {
        let result = self
            .update(session_pk(account, session), message_sk(&message.id))
            .update_expression(
                "SET #content = :content, #status = :status, #citations = :citations",
            )
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#content", "content")
            .expression_attribute_names("#status", "status")
            .expression_attribute_names("#citations", "citations")
            .expression_attribute_values(":content", s(&message.content))
            .expression_attribute_values(":status", s(message.status.as_str()))
            .expression_attribute_values(":citations", citations_value(&message.citations))
            .send()
            .await;
        or_if_condition_failed("UpdateItem", result, StoreError::NotFound("message")).map(|_| ())
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message))]
    async fn set_feedback(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &MessageId,
        feedback: &Feedback,
    ) -> Result<(), StoreError> {
        let mut set = vec!["feedback_rating = :rating", "feedback_at = :at"];
        let mut remove = Vec::new();
        let mut update = self
            .update(session_pk(account, session), message_sk(message))
            .condition_expression("attribute_exists(pk) AND #role = :assistant")
            .expression_attribute_names("#role", "role")
            .expression_attribute_values(":assistant", s(Role::Assistant.as_str()))
            .expression_attribute_values(":rating", s(feedback.rating.as_str()))
            .expression_attribute_values(":at", millis(feedback.updated_at));
        match feedback.reason {
            Some(reason) => {
                set.push("feedback_reason = :reason");
                update = update.expression_attribute_values(":reason", s(reason.as_str()));
            }
            None => remove.push("feedback_reason"),
        }
        match &feedback.comment {
            Some(comment) => {
                set.push("feedback_comment = :comment");
                update = update.expression_attribute_values(":comment", s(comment));
            }
            None => remove.push("feedback_comment"),
        }
        let mut expression = format!("SET {}", set.join(", "));
        if !remove.is_empty() {
            expression.push_str(&format!(" REMOVE {}", remove.join(", ")));
        }
        let result = update.update_expression(expression).send().await;
        or_if_condition_failed("UpdateItem", result, StoreError::NotFound("message")).map(|_| ())
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn history(
        &self,
        account: &AccountId,
        session: &SessionId,
        query: &HistoryQuery,
    ) -> Result<Page<Message, MessageId>, StoreError> {
        let limit = query.effective_limit() as usize;
        let pk = session_pk(account, session);
        let start = query
            .after
            .as_ref()
            .map(|after| key(pk.clone(), message_sk(after)));
        let messages = self
            .prefix_query(&pk, MESSAGE_PREFIX)
            .scan_index_forward(query.order == Order::OldestFirst);
        // The session check and the page are read at once; one extra item tells whether
        // another page follows.
        let (exists, items) = futures::try_join!(
            self.exists(pk.clone(), SESSION_SK.to_owned()),
            self.query_up_to(messages, start, Some(limit + 1)),
        )?;
        if !exists {
            return Err(StoreError::NotFound("session"));
        }
        let messages = items
            .iter()
            .map(message_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(page_of(messages, limit, |last| last.id.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adapters::dynamodb::codec::read_s;

    #[test]
    fn cancelled_appends_are_read_from_their_reasons() {
        let ccf = Some("ConditionalCheckFailed");
        let none = Some("None");
        let cases = [
            (
                vec![none, Some("TransactionConflict")],
                Cancellation::Conflict,
            ),
            (
                vec![ccf, Some("TransactionConflict")],
                Cancellation::Conflict,
            ),
            (vec![none, ccf], Cancellation::SessionCondition),
            (vec![ccf, ccf], Cancellation::SessionCondition),
            (vec![ccf, none], Cancellation::MessageExists),
            (vec![Some("ThrottlingError"), none], Cancellation::Throttled),
            (vec![Some("ValidationError"), none], Cancellation::Other),
            (vec![], Cancellation::Other),
        ];
        for (reasons, expected) in cases {
            assert_eq!(classify_cancellation(&reasons), expected, "{reasons:?}");
        }
    }

    #[test]
    fn a_message_round_trips() {
        let account = AccountId::parse("acme").expect("valid");
        let mut message = Message::new(Role::Assistant, "Hello *there*", crate::domain::now());
        message.status = MessageStatus::Partial;
        message.citations.push(Citation {
            number: 1,
            title: "Pricing".to_owned(),
            url: "https://example.com/pricing".to_owned(),
            score: 0.8731,
            snippet: "From £99".to_owned(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 3),
        });
        let item = message_item(&account, &SessionId::generate(), &message, None);
        assert_eq!(read_s(&item, "type").expect("type"), "message");
        assert_eq!(message_from_item(&item).expect("valid"), message);
        message.feedback = Some(
            Feedback::new(
                Rating::Down,
                Some(FeedbackReason::Outdated),
                Some("old price"),
                crate::domain::now(),
            )
            .expect("valid"),
        );
        let rated = message_item(&account, &SessionId::generate(), &message, None);
        assert_eq!(message_from_item(&rated).expect("valid"), message);
    }
}
