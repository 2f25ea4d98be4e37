//! `MetricsStore` and `StoreProbe` on DynamoDB.
//!
//! | item | `pk` | `sk` |
//! |---|---|---|
//! | request metrics | `DEPLOYMENT#METRICS#{function}` | `H#{yyyy-mm-ddThh}` |
//! | error event slot | `A#{a}#ERRORS` or `DEPLOYMENT#ERRORS` | `E#{slot:03}` |
//! | error event sequence | as above | `SEQ` |
//!
//! An hour's metrics are one item per function, added to with one `UpdateItem ADD` of
//! every counter the write carries (`n`, `b{bucket}`, `e_{code}`), so concurrent writers
//! never lose a count; `ttl` is set on the first write. Error events live in a ring of
//! `ERROR_EVENTS_KEPT` slots per account: an atomic `ADD` on the sequence item hands out
//! the next number, and the event is put in slot `number % ERROR_EVENTS_KEPT`, replacing
//! the oldest; a read queries the slots and sorts them by time. The probe reads a key no
//! write ever makes.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use chrono::{DateTime, Duration, Utc};

use super::DynamoStore;
use super::codec::{self, Item, backend, millis, n, read_n, read_s, read_string, read_time, s};
use super::table::live_only;
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::metrics::{
    ERROR_EVENT_TTL_DAYS, ERROR_EVENTS_KEPT, ErrorEvent, Function, HourlyMetrics, METRICS_TTL_DAYS,
    MetricsDelta, MetricsStore, StoreProbe, hour_of,
};

const HOUR_PREFIX: &str = "H#";
const SLOT_PREFIX: &str = "E#";
const SEQUENCE_SK: &str = "SEQ";

fn metrics_pk(function: Function) -> String {
    format!("DEPLOYMENT#METRICS#{}", function.as_str())
}

fn hour_sk(hour: DateTime<Utc>) -> String {
    format!("{HOUR_PREFIX}{}", hour_of(hour).format("%Y-%m-%dT%H"))
}

fn errors_pk(account: Option<&AccountId>) -> String {
    match account {
        Some(account) => format!("A#{account}#ERRORS"),
        None => "DEPLOYMENT#ERRORS".to_owned(),
    }
}

fn slot_sk(sequence: u64) -> String {
    format!(
        "{SLOT_PREFIX}{:03}",
        sequence % u64::from(ERROR_EVENTS_KEPT)
    )
}

fn hourly_from_item(function: Function, item: &Item) -> Result<HourlyMetrics, StoreError> {
    let hour = read_time(item, "hour")?;
    let mut metrics = MetricsDelta::default();
    for (name, value) in item {
        if MetricsDelta::is_counter(name)
            && let AttributeValue::N(raw) = value
        {
            let count = raw
                .parse::<u64>()
                .map_err(|_| codec::corrupt("metric counter", raw))?;
            metrics.add_counter(name, count);
        }
    }
    Ok(HourlyMetrics {
        function,
        hour,
        metrics,
    })
}

fn event_from_item(item: &Item) -> Result<(ErrorEvent, u64), StoreError> {
    let function = read_s(item, "function")?;
    let event = ErrorEvent {
        at: read_time(item, "at")?,
        function: Function::parse(function)
            .ok_or_else(|| codec::corrupt("error event function", function))?,
        route: read_string(item, "route")?,
        status: read_n(item, "status")?,
        code: read_string(item, "code")?,
        request_id: read_string(item, "request_id")?,
    };
    Ok((event, read_n(item, "seq")?))
}

#[async_trait]
impl MetricsStore for DynamoStore {
    async fn add_request_metrics(
        &self,
        function: Function,
        hour: DateTime<Utc>,
        delta: &MetricsDelta,
    ) -> Result<(), StoreError> {
        let hour = hour_of(hour);
        let mut update = self
            .update(metrics_pk(function), hour_sk(hour))
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_names("#hour", "hour")
            .expression_attribute_values(
                ":ttl",
                n((hour + Duration::days(METRICS_TTL_DAYS)).timestamp()),
            )
            .expression_attribute_values(":type", s("request_metrics"))
            .expression_attribute_values(":hour", millis(hour));
        let mut adds = Vec::new();
        for (i, (name, count)) in delta.counters().into_iter().enumerate() {
            adds.push(format!("#c{i} :c{i}"));
            update = update
                .expression_attribute_names(format!("#c{i}"), name)
                .expression_attribute_values(format!(":c{i}"), n(count));
        }
        update
            .update_expression(format!(
                "ADD {} SET #ttl = if_not_exists(#ttl, :ttl), #type = :type, #hour = :hour",
                adds.join(", ")
            ))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("UpdateItem", e))
    }

    async fn request_metrics(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<HourlyMetrics>, StoreError> {
        let reads = Function::ALL.map(|function| async move {
            let pk = metrics_pk(function);
            let query = live_only(
                self.client
                    .query()
                    .table_name(&self.table)
                    .key_condition_expression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expression_attribute_values(":pk", s(&pk))
                    .expression_attribute_values(":from", s(hour_sk(from)))
                    .expression_attribute_values(":to", s(hour_sk(to)))
                    .consistent_read(true),
            );
            let items = self.query_up_to(query, None, None).await?;
            items
                .iter()
                .map(|item| hourly_from_item(function, item))
                .collect::<Result<Vec<_>, _>>()
        });
        let mut out = Vec::new();
        for result in futures::future::join_all(reads).await {
            out.extend(result?);
        }
        out.sort_by_key(|h| (h.hour, h.function));
        Ok(out)
    }

    async fn record_error_event(
        &self,
        account: Option<&AccountId>,
        event: &ErrorEvent,
    ) -> Result<(), StoreError> {
        let pk = errors_pk(account);
        let ttl = n((event.at + Duration::days(ERROR_EVENT_TTL_DAYS)).timestamp());
        let output = self
            .update(pk.clone(), SEQUENCE_SK.to_owned())
            .update_expression("ADD seq :one SET #ttl = :ttl, #type = :type")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":ttl", ttl.clone())
            .expression_attribute_values(":type", s("error_event_sequence"))
            .return_values(ReturnValue::UpdatedNew)
            .send()
            .await
            .map_err(|e| backend("UpdateItem", e))?;
        let sequence: u64 = output
            .attributes
            .as_ref()
            .map(|item| read_n(item, "seq"))
            .transpose()?
            .unwrap_or(0);
        let item = codec::item(
            pk,
            slot_sk(sequence),
            "error_event",
            [
                ("seq", n(sequence)),
                ("at", millis(event.at)),
                ("function", s(event.function.as_str())),
                ("route", s(&event.route)),
                ("status", n(event.status)),
                ("code", s(&event.code)),
                ("request_id", s(&event.request_id)),
                ("ttl", ttl),
            ],
        );
        self.put(item).await
    }

    async fn error_events(
        &self,
        account: Option<&AccountId>,
        limit: u32,
    ) -> Result<Vec<ErrorEvent>, StoreError> {
        let limit = limit.clamp(1, ERROR_EVENTS_KEPT) as usize;
        let items = self
            .query_up_to(
                self.prefix_query(&errors_pk(account), SLOT_PREFIX),
                None,
                None,
            )
            .await?;
        let mut events = items
            .iter()
            .map(event_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        events.sort_by(|(a, a_seq), (b, b_seq)| b.at.cmp(&a.at).then(b_seq.cmp(a_seq)));
        Ok(events
            .into_iter()
            .take(limit)
            .map(|(event, _)| event)
            .collect())
    }
}

#[async_trait]
impl StoreProbe for DynamoStore {
    async fn probe(&self) -> Result<(), StoreError> {
        self.get("DEPLOYMENT#HEALTH".to_owned(), "PROBE".to_owned())
            .await
            .map(|_| ())
    }
}
