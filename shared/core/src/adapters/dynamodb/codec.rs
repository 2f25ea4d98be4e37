//! The DynamoDB store's attribute codec: building items from typed values, reading typed
//! values back (a missing or mistyped attribute is a fatal "corrupt" error), and mapping
//! SDK errors to [`StoreError`].

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use aws_sdk_dynamodb::config::http::HttpResponse;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::AttributeValue;
use chrono::{DateTime, Utc};

use crate::adapters::sdk_error::is_retryable;
use crate::ports::StoreError;

/// One item, or one key, as the SDK takes it.
pub(crate) type Item = HashMap<String, AttributeValue>;

// ---------------------------------------------------------------------------------------
// Writing.

pub(crate) fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

pub(crate) fn n(value: impl fmt::Display) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

/// A time as epoch milliseconds.
pub(crate) fn millis(at: DateTime<Utc>) -> AttributeValue {
    n(at.timestamp_millis())
}

/// A list of strings.
pub(crate) fn strings<'a>(values: impl IntoIterator<Item = &'a String>) -> AttributeValue {
    AttributeValue::L(values.into_iter().map(|v| s(v.as_str())).collect())
}

/// The primary key of an item.
pub(crate) fn key(pk: String, sk: String) -> Item {
    HashMap::from([("pk".to_owned(), s(pk)), ("sk".to_owned(), s(sk))])
}

/// A new item: its key, its `type` (for reading the table by hand) and its attributes.
pub(crate) fn item<'a>(
    pk: String,
    sk: String,
    kind: &str,
    attributes: impl IntoIterator<Item = (&'a str, AttributeValue)>,
) -> Item {
    let mut item = key(pk, sk);
    item.insert("type".to_owned(), s(kind));
    item.extend(
        attributes
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value)),
    );
    item
}

/// Sets `name` when there is a value; an absent attribute is how "none" is stored.
pub(crate) fn set_opt(item: &mut Item, name: &str, value: Option<AttributeValue>) {
    if let Some(value) = value {
        item.insert(name.to_owned(), value);
    }
}

// ---------------------------------------------------------------------------------------
// Reading.

pub(crate) fn corrupt(what: &str, value: impl fmt::Debug) -> StoreError {
    StoreError::fatal(anyhow::anyhow!("stored {what} {value:?} is not valid"))
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

/// A string attribute, owned.
pub(crate) fn read_string(item: &Item, name: &str) -> Result<String, StoreError> {
    read_s(item, name).map(str::to_owned)
}

/// An optional string attribute, owned.
pub(crate) fn read_opt_string(item: &Item, name: &str) -> Result<Option<String>, StoreError> {
    read_opt_s(item, name).map(|value| value.map(str::to_owned))
}

/// A string attribute read through `parse` (an id, an enum's stored spelling).
pub(crate) fn read_as<T>(
    item: &Item,
    name: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, StoreError> {
    let raw = read_s(item, name)?;
    parse(raw).ok_or_else(|| corrupt(name, raw))
}

/// An optional string attribute read through `parse`.
pub(crate) fn read_opt_as<T>(
    item: &Item,
    name: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, StoreError> {
    read_opt_s(item, name)?
        .map(|raw| parse(raw).ok_or_else(|| corrupt(name, raw)))
        .transpose()
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

/// A time stored as epoch milliseconds.
pub(crate) fn read_time(item: &Item, name: &str) -> Result<DateTime<Utc>, StoreError> {
    let ms: i64 = read_n(item, name)?;
    DateTime::from_timestamp_millis(ms).ok_or_else(|| corrupt(name, ms))
}

pub(crate) fn read_opt_time(item: &Item, name: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    match item.get(name) {
        None | Some(AttributeValue::Null(_)) => Ok(None),
        Some(_) => read_time(item, name).map(Some),
    }
}

/// A list of strings; a missing list is empty.
pub(crate) fn read_strings(item: &Item, name: &str) -> Result<Vec<String>, StoreError> {
    match item.get(name) {
        None => Ok(Vec::new()),
        Some(AttributeValue::L(values)) => values
            .iter()
            .map(|v| match v {
                AttributeValue::S(text) => Ok(text.clone()),
                other => Err(corrupt(name, other)),
            })
            .collect(),
        other => Err(corrupt(name, other)),
    }
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
    let retryable = is_retryable(&err, TRANSIENT_CODES);
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

/// A conditional call's result: `None` when only its condition failed, other errors mapped
/// by [`backend`].
pub(crate) fn unless_condition_failed<T, E, R>(
    operation: &'static str,
    result: Result<T, SdkError<E, R>>,
) -> Result<Option<T>, StoreError>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: fmt::Debug + Send + Sync + 'static,
{
    match result {
        Ok(output) => Ok(Some(output)),
        Err(err) if condition_failed(&err) => Ok(None),
        Err(err) => Err(backend(operation, err)),
    }
}

/// A conditional call whose failed condition means `otherwise` (`NotFound`, ...).
pub(crate) fn or_if_condition_failed<T, E, R>(
    operation: &'static str,
    result: Result<T, SdkError<E, R>>,
    otherwise: StoreError,
) -> Result<T, StoreError>
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: fmt::Debug + Send + Sync + 'static,
{
    unless_condition_failed(operation, result)?.ok_or(otherwise)
}

/// The failed transaction's cancellation reason codes, one per action in order (`None`
/// for an action that did not fail); `None` when the transaction was not cancelled.
pub(crate) fn cancellation_codes(
    err: &SdkError<TransactWriteItemsError, HttpResponse>,
) -> Option<Vec<Option<String>>> {
    match err {
        SdkError::ServiceError(service) => match service.err() {
            TransactWriteItemsError::TransactionCanceledException(cancelled) => Some(
                cancelled
                    .cancellation_reasons()
                    .iter()
                    .map(|reason| reason.code().map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_attributes_read_back_and_wrong_types_are_corrupt() {
        let at = DateTime::from_timestamp_millis(1_700_000_000_123).expect("in range");
        let tags = vec!["a".to_owned(), "b".to_owned()];
        let mut built = item(
            "P".to_owned(),
            "S".to_owned(),
            "thing",
            [
                ("name", s("Ann")),
                ("count", n(3)),
                ("at", millis(at)),
                ("tags", strings(&tags)),
            ],
        );
        set_opt(&mut built, "none", None);
        assert_eq!(read_s(&built, "type").expect("type"), "thing");
        assert_eq!(read_string(&built, "name").expect("name"), "Ann");
        assert_eq!(read_n::<u32>(&built, "count").expect("count"), 3);
        assert_eq!(read_time(&built, "at").expect("at"), at);
        assert_eq!(read_opt_time(&built, "none").expect("none"), None);
        assert_eq!(read_strings(&built, "tags").expect("tags"), tags);
        assert_eq!(
            read_strings(&built, "none").expect("none"),
            Vec::<String>::new()
        );
        assert_eq!(read_opt_n::<u32>(&built, "none").expect("none"), None);
        assert!(read_n::<u32>(&built, "name").is_err());
        assert!(read_s(&built, "count").is_err());
        assert!(read_as(&built, "name", |_| None::<()>).is_err());
    }
}
