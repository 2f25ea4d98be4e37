//! Extractors whose rejections are [`ApiError`]s, so malformed input always gets the one
//! JSON error shape with a stable code. A JSON body is read as a `serde_json::Value` first
//! and every string in it (keys included) checked for control characters before it becomes
//! the route's type, so no route can forget the check.

use axum::body::{Body, Bytes};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequest, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{ApiError, ErrorCode};

/// `axum::Json` with JSON errors: malformed, wrong type, missing content type, too large,
/// and `invalid_message` (naming the field) for a control character other than tab, line
/// feed or carriage return in any string.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let value = match <axum::Json<Value> as FromRequest<S>>::from_request(req, state).await {
            Ok(axum::Json(value)) => value,
            Err(rejection) => return Err(json_rejection(&rejection)),
        };
        if let Some(field) = field_with_control_character(&value, "") {
            return Err(ApiError::new(
                ErrorCode::InvalidMessage,
                format!(
                    "The field `{field}` contains a control character; only tab, line feed and carriage return are allowed."
                ),
            ));
        }
        serde_path_to_error::deserialize(value)
            .map(Self)
            .map_err(|err| {
                let path = err.path().to_string();
                let message = if path == "." {
                    format!("The body does not have the expected shape: {}", err.inner())
                } else {
                    format!(
                        "The body does not have the expected shape: `{path}`: {}",
                        err.inner()
                    )
                };
                ApiError::new(ErrorCode::InvalidJson, message)
            })
    }
}

/// An optional JSON body: `Option<ApiJson<T>>` is `None` for an empty body (no bytes, or
/// only whitespace), and otherwise exactly what [`ApiJson`] makes of it.
impl<S, T> OptionalFromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Option<Self>, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let bytes = <Bytes as FromRequest<S>>::from_request(
            Request::from_parts(parts.clone(), body),
            state,
        )
        .await
        .map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(ErrorCode::PayloadTooLarge, "The request body is too large.")
            } else {
                ApiError::new(ErrorCode::InvalidJson, rejection.body_text())
            }
        })?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        let request = Request::from_parts(parts, Body::from(bytes));
        <Self as FromRequest<S>>::from_request(request, state)
            .await
            .map(Some)
    }
}

/// Whether a visitor may send `c` in text: not a control character, except tab, line feed
/// and carriage return.
fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The JSON path (`message`, `profile.name`, `items[2]`) of the first string in `value` that
/// carries a refused control character, in a key or a value; `body` for the body itself.
fn field_with_control_character(value: &Value, path: &str) -> Option<String> {
    let here = || {
        if path.is_empty() {
            "body".to_owned()
        } else {
            path.to_owned()
        }
    };
    match value {
        Value::String(text) => text.chars().any(is_refused_control).then(here),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, item)| {
            field_with_control_character(item, &format!("{path}[{index}]"))
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let printable: String = key.chars().filter(|c| !is_refused_control(*c)).collect();
            let field = if path.is_empty() {
                printable
            } else {
                format!("{path}.{printable}")
            };
            if key.chars().any(is_refused_control) {
                Some(field)
            } else {
                field_with_control_character(item, &field)
            }
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

fn json_rejection(rejection: &JsonRejection) -> ApiError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => ApiError::new(
            ErrorCode::UnsupportedMediaType,
            "Send the body as JSON with `Content-Type: application/json`.",
        ),
        JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::new(ErrorCode::PayloadTooLarge, "The request body is too large.")
        }
        JsonRejection::JsonDataError(err) => ApiError::new(ErrorCode::InvalidJson, err.body_text()),
        JsonRejection::JsonSyntaxError(_) => ApiError::new(
            ErrorCode::InvalidJson,
            "The request body is not valid JSON.",
        ),
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::new(ErrorCode::PayloadTooLarge, "The request body is too large.")
        }
        other => ApiError::new(ErrorCode::InvalidJson, other.body_text()),
    }
}

/// `axum::extract::Query` with JSON errors.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(query_rejection(&rejection)),
        }
    }
}

fn query_rejection(rejection: &QueryRejection) -> ApiError {
    ApiError::new(ErrorCode::InvalidQuery, rejection.body_text())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn control_characters_are_found_by_their_json_path() {
        let clean = json!({"message": "line one\nline two\ttab\r\n", "n": 1, "list": ["ok"]});
        assert_eq!(field_with_control_character(&clean, ""), None);
        let cases = [
            (json!({"message": "hi\u{0}"}), "message"),
            (
                json!({"profile": {"name": "Ann\u{1b}[31m"}}),
                "profile.name",
            ),
            (json!({"items": ["ok", "bad\u{7f}"]}), "items[1]"),
            (json!({"a": {"b\u{0}c": 1}}), "a.bc"),
            (json!("\u{85}"), "body"),
        ];
        for (value, path) in cases {
            assert_eq!(
                field_with_control_character(&value, "").as_deref(),
                Some(path),
                "{value}"
            );
        }
    }
}
