//! The DynamoDB store: one table for every item type (see `docs/data-model.md`).
//!
//! Every partition key starts with `A#{account}#`, so a call for one account cannot reach
//! another account's items even with a leaked session id. A session and everything hanging
//! off it share one partition (`A#{account}#S#{session}`), told apart by the sort key:
//! `SESSION`, `M#{message ulid}`, `L#{llm request ulid}`. ULIDs sort by time, so a key range
//! query reads a history in order. A visitor's sessions with one agent are listed through
//! `gsi1` (`A#{account}#V#{visitor}#G#{agent}`, newest first by `{created ms}#{session}`).
//!
//! The semantics are those of `adapters::embedded`; both run the same conformance suite.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context as _;
use async_trait::async_trait;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, GlobalSecondaryIndex, KeySchemaElement,
    KeyType, Projection, ProjectionType, Put, ScalarAttributeType, TimeToLiveSpecification,
    TransactWriteItem, Update,
};
use backon::{ExponentialBuilder, Retryable as _};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};

use crate::domain::{
    AccountId, AgentId, Citation, LlmOutcome, LlmRequest, LlmRequestId, Message, MessageId,
    MessageStatus, Role, Session, SessionId, SummaryStatus, VisitorId,
};
use crate::ports::{
    HistoryQuery, LlmRequestStore, MAX_PAGE_SIZE, MessageStore, Order, Page, SessionStore,
    StoreError,
};

/// The global secondary index that lists a visitor's sessions with one agent.
pub const GSI1: &str = "gsi1";

/// Sort key of a session item.
pub(crate) const SESSION_SK: &str = "SESSION";
/// Sort-key prefix of message items.
const MESSAGE_PREFIX: &str = "M#";
/// Sort-key prefix of LLM request items.
const LLM_REQUEST_PREFIX: &str = "L#";

/// How often `append_message` tries again after DynamoDB cancels its transaction because
/// another transaction touched the session item at the same moment.
const CONFLICT_RETRIES: usize = 6;

pub(crate) type Item = HashMap<String, AttributeValue>;

/// DynamoDB-backed store used in AWS (and against DynamoDB Local in tests).
#[derive(Debug, Clone)]
pub struct DynamoStore {
    pub(crate) client: Client,
    pub(crate) table: String,
}

impl DynamoStore {
    /// A store over `table`, which must have the layout [`create_table`] makes.
    pub fn new(client: Client, table: String) -> Self {
        Self { client, table }
    }

    /// The table this store reads and writes.
    pub fn table(&self) -> &str {
        &self.table
    }
}

// ---------------------------------------------------------------------------------------
// Keys.

pub(crate) fn session_pk(account: &AccountId, session: &SessionId) -> String {
    format!("A#{account}#S#{session}")
}

fn message_sk(id: &MessageId) -> String {
    format!("{MESSAGE_PREFIX}{id}")
}

fn llm_request_sk(id: &LlmRequestId) -> String {
    format!("{LLM_REQUEST_PREFIX}{id}")
}

fn visitor_gsi1pk(account: &AccountId, visitor: &VisitorId, agent: &AgentId) -> String {
    format!("A#{account}#V#{visitor}#G#{agent}")
}

/// Zero-padded so that string order is time order (times before 1970 sort as 0).
fn session_gsi1sk(created_at: DateTime<Utc>, session: &SessionId) -> String {
    let ms = u64::try_from(created_at.timestamp_millis()).unwrap_or(0);
    format!("{ms:015}#{session}")
}

pub(crate) fn key(pk: String, sk: String) -> Item {
    HashMap::from([
        ("pk".to_owned(), AttributeValue::S(pk)),
        ("sk".to_owned(), AttributeValue::S(sk)),
    ])
}

/// The paging cursor of a session listing: the last item's whole `gsi1` key, so the next
/// query can start after it and a cursor from another listing is recognised and refused.
fn encode_session_cursor(gsi1pk: &str, gsi1sk: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{gsi1pk}|{gsi1sk}"))
}

/// Reads a cursor back into the `ExclusiveStartKey` of the listing it came from.
fn decode_session_cursor(
    cursor: &str,
    account: &AccountId,
    expected_gsi1pk: &str,
) -> Result<Item, StoreError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| StoreError::InvalidCursor)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::InvalidCursor)?;
    let (gsi1pk, gsi1sk) = text.split_once('|').ok_or(StoreError::InvalidCursor)?;
    if gsi1pk != expected_gsi1pk {
        return Err(StoreError::InvalidCursor);
    }
    let (ms, session) = gsi1sk.split_once('#').ok_or(StoreError::InvalidCursor)?;
    if ms.len() != 15 || !ms.bytes().all(|b| b.is_ascii_digit()) {
        return Err(StoreError::InvalidCursor);
    }
    let session = SessionId::parse(session).map_err(|_| StoreError::InvalidCursor)?;
    let mut start = key(session_pk(account, &session), SESSION_SK.to_owned());
    start.insert("gsi1pk".to_owned(), AttributeValue::S(gsi1pk.to_owned()));
    start.insert("gsi1sk".to_owned(), AttributeValue::S(gsi1sk.to_owned()));
    Ok(start)
}

// ---------------------------------------------------------------------------------------
// Errors.

/// DynamoDB error codes that may pass on retry.
const TRANSIENT_CODES: &[&str] = &[
    "ThrottlingException",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ServiceUnavailable",
    "TransactionConflictException",
    "TransactionInProgressException",
    "RequestTimeout",
    "RequestTimeoutException",
];

/// Maps an SDK error: throttling, timeouts, connection failures, conflicts and server errors
/// are retryable, the rest (validation, missing table, access denied) is not.
pub(crate) fn backend<E, R>(operation: &'static str, err: SdkError<E, R>) -> StoreError
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: fmt::Debug + Send + Sync + 'static,
{
    let retryable = match &err {
        SdkError::TimeoutError(_) | SdkError::ResponseError(_) => true,
        SdkError::DispatchFailure(failure) => failure.is_io() || failure.is_timeout(),
        SdkError::ServiceError(service) => service
            .err()
            .code()
            .is_some_and(|code| TRANSIENT_CODES.contains(&code)),
        _ => false,
    };
    let source = anyhow::Error::new(err).context(format!("DynamoDB {operation}"));
    if retryable {
        StoreError::transient(source)
    } else {
        StoreError::fatal(source)
    }
}

/// Whether a single-item call failed only because its condition did not hold.
pub(crate) fn condition_failed<E, R>(err: &SdkError<E, R>) -> bool
where
    E: ProvideErrorMetadata,
{
    matches!(err, SdkError::ServiceError(service)
        if service.err().code() == Some("ConditionalCheckFailedException"))
}

fn corrupt(what: &str, value: impl fmt::Debug) -> StoreError {
    StoreError::fatal(anyhow::anyhow!("stored {what} {value:?} is not valid"))
}

// ---------------------------------------------------------------------------------------
// Attribute values.

pub(crate) fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

pub(crate) fn n(value: impl fmt::Display) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

pub(crate) fn millis(at: DateTime<Utc>) -> AttributeValue {
    n(at.timestamp_millis())
}

pub(crate) fn read_s<'a>(item: &'a Item, name: &str) -> Result<&'a str, StoreError> {
    match item.get(name) {
        Some(AttributeValue::S(value)) => Ok(value),
        other => Err(corrupt(name, other)),
    }
}

pub(crate) fn read_opt_s<'a>(item: &'a Item, name: &str) -> Result<Option<&'a str>, StoreError> {
    match item.get(name) {
        None | Some(AttributeValue::Null(_)) => Ok(None),
        Some(AttributeValue::S(value)) => Ok(Some(value)),
        other => Err(corrupt(name, other)),
    }
}

fn parse_n<T: FromStr>(name: &str, value: Option<&AttributeValue>) -> Result<T, StoreError> {
    match value {
        Some(AttributeValue::N(raw)) => raw.parse().map_err(|_| corrupt(name, raw)),
        other => Err(corrupt(name, other)),
    }
}

pub(crate) fn read_n<T: FromStr>(item: &Item, name: &str) -> Result<T, StoreError> {
    parse_n(name, item.get(name))
}

pub(crate) fn read_opt_n<T: FromStr>(item: &Item, name: &str) -> Result<Option<T>, StoreError> {
    match item.get(name) {
        None | Some(AttributeValue::Null(_)) => Ok(None),
        value => parse_n(name, value).map(Some),
    }
}

pub(crate) fn read_time(item: &Item, name: &str) -> Result<DateTime<Utc>, StoreError> {
    let ms: i64 = read_n(item, name)?;
    DateTime::from_timestamp_millis(ms).ok_or_else(|| corrupt(name, ms))
}

fn read_id<T>(
    item: &Item,
    name: &str,
    parse: fn(&str) -> Result<T, crate::domain::IdError>,
) -> Result<T, StoreError> {
    let raw = read_s(item, name)?;
    parse(raw).map_err(|_| corrupt(name, raw))
}

// ---------------------------------------------------------------------------------------
// Items.

fn session_item(session: &Session) -> Item {
    let mut item = key(
        session_pk(&session.account, &session.id),
        SESSION_SK.to_owned(),
    );
    item.extend([
        ("type".to_owned(), s("session")),
        (
            "gsi1pk".to_owned(),
            s(visitor_gsi1pk(
                &session.account,
                &session.visitor,
                &session.agent,
            )),
        ),
        (
            "gsi1sk".to_owned(),
            s(session_gsi1sk(session.created_at, &session.id)),
        ),
        ("account".to_owned(), s(session.account.as_str())),
        ("agent".to_owned(), s(session.agent.as_str())),
        ("id".to_owned(), s(session.id.as_str())),
        ("visitor".to_owned(), s(session.visitor.as_str())),
        ("created_at".to_owned(), millis(session.created_at)),
        ("last_active_at".to_owned(), millis(session.last_active_at)),
        ("message_count".to_owned(), n(session.message_count)),
        (
            "summary_status".to_owned(),
            s(session.summary_status.as_str()),
        ),
    ]);
    if let Some(profile) = &session.profile_id {
        item.insert("profile_id".to_owned(), s(profile));
    }
    item
}

pub(crate) fn session_from_item(item: &Item) -> Result<Session, StoreError> {
    let summary = read_s(item, "summary_status")?;
    Ok(Session {
        account: read_id(item, "account", AccountId::parse)?,
        agent: read_id(item, "agent", AgentId::parse)?,
        id: read_id(item, "id", SessionId::parse)?,
        visitor: read_id(item, "visitor", VisitorId::parse)?,
        created_at: read_time(item, "created_at")?,
        last_active_at: read_time(item, "last_active_at")?,
        message_count: read_n(item, "message_count")?,
        profile_id: read_opt_s(item, "profile_id")?.map(str::to_owned),
        summary_status: SummaryStatus::parse(summary)
            .ok_or_else(|| corrupt("summary status", summary))?,
    })
}

fn citations_value(citations: &[Citation]) -> AttributeValue {
    AttributeValue::L(
        citations
            .iter()
            .map(|c| {
                AttributeValue::M(HashMap::from([
                    ("number".to_owned(), n(c.number)),
                    ("title".to_owned(), s(&c.title)),
                    ("url".to_owned(), s(&c.url)),
                    ("score".to_owned(), n(c.score)),
                    ("snippet".to_owned(), s(&c.snippet)),
                ]))
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
                title: read_s(c, "title")?.to_owned(),
                url: read_s(c, "url")?.to_owned(),
                score: read_n(c, "score")?,
                snippet: read_s(c, "snippet")?.to_owned(),
            })
        })
        .collect()
}

fn message_item(account: &AccountId, session: &SessionId, message: &Message) -> Item {
    let mut item = key(session_pk(account, session), message_sk(&message.id));
    item.extend([
        ("type".to_owned(), s("message")),
        ("id".to_owned(), s(message.id.as_str())),
        ("role".to_owned(), s(message.role.as_str())),
        ("content".to_owned(), s(&message.content)),
        ("status".to_owned(), s(message.status.as_str())),
        ("created_at".to_owned(), millis(message.created_at)),
        ("citations".to_owned(), citations_value(&message.citations)),
    ]);
    item
}

fn message_from_item(item: &Item) -> Result<Message, StoreError> {
    let role = read_s(item, "role")?;
    let status = read_s(item, "status")?;
    Ok(Message {
        id: read_id(item, "id", MessageId::parse)?,
        role: Role::parse(role).ok_or_else(|| corrupt("role", role))?,
        content: read_s(item, "content")?.to_owned(),
        created_at: read_time(item, "created_at")?,
        status: MessageStatus::parse(status).ok_or_else(|| corrupt("message status", status))?,
        citations: citations_from(item)?,
    })
}

fn llm_request_item(account: &AccountId, request: &LlmRequest) -> Item {
    let mut item = key(
        session_pk(account, &request.session),
        llm_request_sk(&request.id),
    );
    item.extend([
        ("type".to_owned(), s("llm_request")),
        ("id".to_owned(), s(request.id.as_str())),
        ("session".to_owned(), s(request.session.as_str())),
        ("model".to_owned(), s(&request.model)),
        ("prompt_tokens".to_owned(), n(request.prompt_tokens)),
        ("completion_tokens".to_owned(), n(request.completion_tokens)),
        ("latency_ms".to_owned(), n(request.latency_ms)),
        ("outcome".to_owned(), s(request.outcome.as_str())),
        ("created_at".to_owned(), millis(request.created_at)),
    ]);
    if let Some(message) = &request.message {
        item.insert("message".to_owned(), s(message.as_str()));
    }
    if let Some(cost) = request.cost_usd {
        item.insert("cost_usd".to_owned(), n(cost));
    }
    if let Some(error) = &request.error {
        item.insert("error".to_owned(), s(error));
    }
    item
}

fn llm_request_from_item(item: &Item) -> Result<LlmRequest, StoreError> {
    let outcome = read_s(item, "outcome")?;
    Ok(LlmRequest {
        id: read_id(item, "id", LlmRequestId::parse)?,
        session: read_id(item, "session", SessionId::parse)?,
        message: read_opt_s(item, "message")?
            .map(|raw| MessageId::parse(raw).map_err(|_| corrupt("message id", raw)))
            .transpose()?,
        model: read_s(item, "model")?.to_owned(),
        prompt_tokens: read_n(item, "prompt_tokens")?,
        completion_tokens: read_n(item, "completion_tokens")?,
        cost_usd: read_opt_n(item, "cost_usd")?,
        latency_ms: read_n(item, "latency_ms")?,
        outcome: LlmOutcome::parse(outcome).ok_or_else(|| corrupt("LLM outcome", outcome))?,
        error: read_opt_s(item, "error")?.map(str::to_owned),
        created_at: read_time(item, "created_at")?,
    })
}

// ---------------------------------------------------------------------------------------
// Appending a message.

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
fn append_failure(
    err: SdkError<TransactWriteItemsError, aws_sdk_dynamodb::config::http::HttpResponse>,
) -> AppendFailure {
    let reasons: Vec<Option<String>> = match &err {
        SdkError::ServiceError(service) => match service.err() {
            TransactWriteItemsError::TransactionCanceledException(cancelled) => cancelled
                .cancellation_reasons()
                .iter()
                .map(|reason| reason.code().map(str::to_owned))
                .collect(),
            _ => return AppendFailure::Failed(backend("TransactWriteItems", err)),
        },
        _ => return AppendFailure::Failed(backend("TransactWriteItems", err)),
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
    /// One attempt: put the message if its id is free and bump the session if it exists,
    /// atomically. With `advance_activity`, also move `last_active_at` forward, which only
    /// holds while the session's recorded activity is not later than the message.
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
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(message_item(account, session, message)))
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
        update = if advance_activity {
            update
                .update_expression("ADD message_count :one SET last_active_at = :at")
                .condition_expression("attribute_exists(pk) AND last_active_at <= :at")
                .expression_attribute_values(":at", millis(message.created_at))
        } else {
            update
                .update_expression("ADD message_count :one")
                .condition_expression("attribute_exists(pk)")
        };
        let update = update.build().map_err(|e| build("session update", e))?;
        self.client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().put(put).build())
            .transact_items(TransactWriteItem::builder().update(update).build())
            .send()
            .await
            .map(|_| ())
            .map_err(append_failure)
    }

    /// [`Self::transact_append`], tried again with backoff while transactions conflict.
    async fn transact_append_retrying(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
        advance_activity: bool,
    ) -> Result<(), AppendFailure> {
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(10))
            .with_max_delay(Duration::from_millis(500))
            .with_max_times(CONFLICT_RETRIES)
            .with_jitter();
        (|| self.transact_append(account, session, message, advance_activity))
            .retry(backoff)
            .when(|failure| matches!(failure, AppendFailure::Conflict(_)))
            .notify(|_, delay| {
                tracing::debug!(?delay, "append transaction conflicted; retrying");
            })
            .await
    }
}

// ---------------------------------------------------------------------------------------
// Queries.

impl DynamoStore {
    /// Runs a query until `want` items arrived or the key range ends (a page of DynamoDB
    /// stops at 1 MB whatever `Limit` says).
    pub(crate) async fn query_up_to(
        &self,
        query: aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder,
        mut start: Option<Item>,
        want: Option<usize>,
    ) -> Result<Vec<Item>, StoreError> {
        let mut items = Vec::new();
        loop {
            let mut call = query.clone().set_exclusive_start_key(start.take());
            if let Some(want) = want {
                let remaining = want.saturating_sub(items.len()).max(1);
                call = call.limit(i32::try_from(remaining).unwrap_or(i32::MAX));
            }
            let output = call.send().await.map_err(|e| backend("Query", e))?;
            items.extend(output.items.unwrap_or_default());
            let full = want.is_some_and(|want| items.len() >= want);
            match output.last_evaluated_key {
                Some(last) if !full && !last.is_empty() => start = Some(last),
                _ => return Ok(items),
            }
        }
    }

    async fn session_exists(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<bool, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(
                session_pk(account, session),
                SESSION_SK.to_owned(),
            )))
            .projection_expression("pk")
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| backend("GetItem", e))?;
        Ok(output.item.is_some())
    }
}

// ---------------------------------------------------------------------------------------
// The ports.

#[async_trait]
impl SessionStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %session.account, session = %session.id))]
    async fn create_session(&self, session: &Session) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(session_item(session)))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await
            .map(|_| ())
            .map_err(|e| {
                if condition_failed(&e) {
                    StoreError::AlreadyExists("session")
                } else {
                    backend("PutItem", e)
                }
            })
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %id))]
    async fn get_session(
        &self,
        account: &AccountId,
        id: &SessionId,
    ) -> Result<Session, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(session_pk(account, id), SESSION_SK.to_owned())))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| backend("GetItem", e))?;
        let item = output.item.ok_or(StoreError::NotFound("session"))?;
        session_from_item(&item)
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
        let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
        let gsi1pk = visitor_gsi1pk(account, visitor, agent);
        let start = after
            .map(|cursor| decode_session_cursor(cursor, account, &gsi1pk))
            .transpose()?;
        // A GSI cannot be read consistently: a session shows here a moment after its write.
        let query = self
            .client
            .query()
            .table_name(&self.table)
            .index_name(GSI1)
            .key_condition_expression("gsi1pk = :pk")
            .expression_attribute_values(":pk", s(&gsi1pk))
            .scan_index_forward(false);
        // One extra item tells whether another page follows.
        let mut items = self.query_up_to(query, start, Some(limit + 1)).await?;
        let more = items.len() > limit;
        items.truncate(limit);
        let next = match items.last() {
            Some(last) if more => Some(encode_session_cursor(&gsi1pk, read_s(last, "gsi1sk")?)),
            _ => None,
        };
        let items = items
            .iter()
            .map(session_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page { items, next })
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
        match self
            .transact_append_retrying(account, session, message, true)
            .await
        {
            Ok(()) => return Ok(()),
            Err(AppendFailure::Conflict(err) | AppendFailure::Failed(err)) => return Err(err),
            Err(AppendFailure::SessionCondition) => {}
        }
        match self
            .transact_append_retrying(account, session, message, false)
            .await
        {
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
        self.client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                session_pk(account, session),
                message_sk(&message.id),
            )))
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
            .await
            .map(|_| ())
            .map_err(|e| {
                if condition_failed(&e) {
                    StoreError::NotFound("message")
                } else {
                    backend("UpdateItem", e)
                }
            })
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
            .client
            .query()
            .table_name(&self.table)
            .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
            .expression_attribute_values(":pk", s(&pk))
            .expression_attribute_values(":prefix", s(MESSAGE_PREFIX))
            .scan_index_forward(query.order == Order::OldestFirst)
            .consistent_read(true);
        // The session check and the page are read at once; one extra item tells whether
        // another page follows.
        let (exists, mut items) = futures::try_join!(
            self.session_exists(account, session),
            self.query_up_to(messages, start, Some(limit + 1)),
        )?;
        if !exists {
            return Err(StoreError::NotFound("session"));
        }
        let more = items.len() > limit;
        items.truncate(limit);
        let items = items
            .iter()
            .map(message_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        let next = if more {
            items.last().map(|m| m.id.clone())
        } else {
            None
        };
        Ok(Page { items, next })
    }
}

#[async_trait]
impl LlmRequestStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn record_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(llm_request_item(account, request)))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await
            .map(|_| ())
            .map_err(|e| {
                if condition_failed(&e) {
                    StoreError::AlreadyExists("LLM request")
                } else {
                    backend("PutItem", e)
                }
            })
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn llm_requests(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError> {
        let query = self
            .client
            .query()
            .table_name(&self.table)
            .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
            .expression_attribute_values(":pk", s(session_pk(account, session)))
            .expression_attribute_values(":prefix", s(LLM_REQUEST_PREFIX))
            .consistent_read(true);
        self.query_up_to(query, None, None)
            .await?
            .iter()
            .map(llm_request_from_item)
            .collect()
    }
}

// ---------------------------------------------------------------------------------------
// Table management (tests, local development; production tables come from infra/).

/// Creates the table with the layout this store expects: `pk`/`sk` strings, on-demand
/// billing, `gsi1` projecting every attribute, and TTL on `ttl` where the endpoint has it.
/// Returns once the table is active.
pub async fn create_table(client: &Client, table_name: &str) -> anyhow::Result<()> {
    use aws_sdk_dynamodb::client::Waiters as _;

    let attribute = |name: &str| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(ScalarAttributeType::S)
            .build()
    };
    let key_element = |name: &str, key_type: KeyType| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(key_type)
            .build()
    };
    let gsi1 = GlobalSecondaryIndex::builder()
        .index_name(GSI1)
        .key_schema(key_element("gsi1pk", KeyType::Hash)?)
        .key_schema(key_element("gsi1sk", KeyType::Range)?)
        .projection(
            Projection::builder()
                .projection_type(ProjectionType::All)
                .build(),
        )
        .build()?;
    client
        .create_table()
        .table_name(table_name)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(attribute("pk")?)
        .attribute_definitions(attribute("sk")?)
        .attribute_definitions(attribute("gsi1pk")?)
        .attribute_definitions(attribute("gsi1sk")?)
        .key_schema(key_element("pk", KeyType::Hash)?)
        .key_schema(key_element("sk", KeyType::Range)?)
        .global_secondary_indexes(gsi1)
        .send()
        .await
        .with_context(|| format!("creating DynamoDB table {table_name}"))?;
    client
        .wait_until_table_exists()
        .table_name(table_name)
        .wait(Duration::from_secs(120))
        .await
        .with_context(|| format!("waiting for DynamoDB table {table_name} to become active"))?;
    let ttl = TimeToLiveSpecification::builder()
        .attribute_name("ttl")
        .enabled(true)
        .build()?;
    if let Err(err) = client
        .update_time_to_live()
        .table_name(table_name)
        .time_to_live_specification(ttl)
        .send()
        .await
    {
        tracing::warn!(
            table = table_name,
            error = %aws_sdk_dynamodb::error::DisplayErrorContext(&err),
            "the endpoint did not enable TTL; items will not expire"
        );
    }
    Ok(())
}

/// Deletes the table and everything in it.
pub async fn delete_table(client: &Client, table_name: &str) -> anyhow::Result<()> {
    client
        .delete_table()
        .table_name(table_name)
        .send()
        .await
        .with_context(|| format!("deleting DynamoDB table {table_name}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> (AccountId, VisitorId, AgentId, SessionId) {
        (
            AccountId::parse("acme").expect("valid"),
            VisitorId::generate(),
            AgentId::parse("sales").expect("valid"),
            SessionId::generate(),
        )
    }

    #[test]
    fn keys_start_with_the_account() {
        let (account, visitor, agent, session) = ids();
        assert_eq!(
            session_pk(&account, &session),
            format!("A#acme#S#{session}")
        );
        assert_eq!(
            visitor_gsi1pk(&account, &visitor, &agent),
            format!("A#acme#V#{visitor}#G#sales")
        );
        let at = DateTime::from_timestamp_millis(1_700_000_000_123).expect("in range");
        assert_eq!(
            session_gsi1sk(at, &session),
            format!("001700000000123#{session}")
        );
    }

    #[test]
    fn a_session_cursor_round_trips_into_the_exclusive_start_key() {
        let (account, visitor, agent, session) = ids();
        let gsi1pk = visitor_gsi1pk(&account, &visitor, &agent);
        let gsi1sk = format!("001700000000123#{session}");
        let cursor = encode_session_cursor(&gsi1pk, &gsi1sk);
        let start = decode_session_cursor(&cursor, &account, &gsi1pk).expect("our own cursor");
        assert_eq!(start.get("pk"), Some(&s(session_pk(&account, &session))));
        assert_eq!(start.get("sk"), Some(&s(SESSION_SK)));
        assert_eq!(start.get("gsi1pk"), Some(&s(gsi1pk)));
        assert_eq!(start.get("gsi1sk"), Some(&s(gsi1sk)));
    }

    #[test]
    fn a_cursor_from_another_listing_is_refused() {
        let (account, visitor, agent, session) = ids();
        let theirs = visitor_gsi1pk(&account, &VisitorId::generate(), &agent);
        let ours = visitor_gsi1pk(&account, &visitor, &agent);
        let cursor = encode_session_cursor(&theirs, &format!("001700000000123#{session}"));
        assert!(matches!(
            decode_session_cursor(&cursor, &account, &ours),
            Err(StoreError::InvalidCursor)
        ));
        for garbage in [
            "",
            "%%%",
            &URL_SAFE_NO_PAD.encode(format!("{ours}|17#{session}")),
            &URL_SAFE_NO_PAD.encode(format!("{ours}|001700000000123#not-a-session")),
            &URL_SAFE_NO_PAD.encode(format!("{ours}001700000000123#{session}")),
        ] {
            assert!(
                matches!(
                    decode_session_cursor(garbage, &account, &ours),
                    Err(StoreError::InvalidCursor)
                ),
                "{garbage:?} was accepted"
            );
        }
    }

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
    fn items_round_trip() {
        let (account, visitor, agent, _) = ids();
        let now = crate::domain::now();
        let mut session = Session::new(account.clone(), agent, visitor, now);
        session.profile_id = Some("profile-1".to_owned());
        assert_eq!(
            session_from_item(&session_item(&session)).expect("valid"),
            session
        );

        let mut message = Message::new(Role::Assistant, "Hello *there*", now);
        message.status = MessageStatus::Partial;
        message.citations.push(Citation {
            number: 1,
            title: "Pricing".to_owned(),
            url: "https://example.com/pricing".to_owned(),
            score: 0.8731,
            snippet: "From £99".to_owned(),
        });
        let item = message_item(&account, &session.id, &message);
        assert_eq!(message_from_item(&item).expect("valid"), message);

        let request = LlmRequest {
            id: LlmRequestId::generate(),
            session: session.id.clone(),
            message: Some(message.id.clone()),
            model: "gpt-test".to_owned(),
            prompt_tokens: 120,
            completion_tokens: 30,
            cost_usd: Some(0.000_123_4),
            latency_ms: 850,
            outcome: LlmOutcome::Ok,
            error: None,
            created_at: now,
        };
        let item = llm_request_item(&account, &request);
        assert_eq!(llm_request_from_item(&item).expect("valid"), request);
    }
}
