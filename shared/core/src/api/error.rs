//! The one place errors become HTTP responses: `{"error":{"code","message"}}` with a stable
//! machine code, a human message, the right status; internals are logged once, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

pub use crate::error::{CodedError, ErrorCode};

use crate::domain::IdError;

/// An error on its way to the client.
#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    message: String,
    retry_after_secs: Option<u64>,
    source: Option<anyhow::Error>,
    in_rollups: bool,
}

/// The HTTP status a code is answered with.
pub fn status_of(code: ErrorCode) -> StatusCode {
    StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// What every caller sees for a failure on our side; the cause is only logged.
const INTERNAL_MESSAGE: &str = "Something went wrong on our side. Please try again.";

impl ApiError {
    /// An error with a message for the caller.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            retry_after_secs: None,
            source: None,
            in_rollups: false,
        }
    }

    /// An unexpected failure: the caller sees a generic message, the cause is logged.
    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: INTERNAL_MESSAGE.to_owned(),
            retry_after_secs: None,
            source: Some(source.into()),
            in_rollups: false,
        }
    }

    /// Attaches the underlying cause, logged but never sent.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<anyhow::Error>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Tells the caller when to try again (`Retry-After`, seconds).
    #[must_use]
    pub fn with_retry_after(mut self, secs: u64) -> Self {
        self.retry_after_secs = Some(secs);
        self
    }

    /// Says that the service already counted this error in the console's day rollups (a
    /// buffered turn that failed while answering), so the request metrics do not count it
    /// there a second time.
    #[must_use]
    pub fn already_in_rollups(mut self) -> Self {
        self.in_rollups = true;
        self
    }

    /// The code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The message for the caller.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The JSON body `{"error":{"code","message"}}`.
    pub fn body(&self) -> ErrorBody<'_> {
        ErrorBody {
            error: ErrorDetail {
                code: self.code.as_str(),
                message: &self.message,
            },
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

/// The error envelope.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// The error.
    pub error: ErrorDetail<'a>,
}

/// What went wrong.
#[derive(Debug, Serialize)]
pub struct ErrorDetail<'a> {
    /// The stable code.
    pub code: &'a str,
    /// A message a person can read.
    pub message: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(self.code);
        if status.is_server_error() {
            // Logged here, once; the response carries only the code and a safe message.
            match &self.source {
                Some(source) => {
                    tracing::error!(code = self.code.as_str(), error = ?source, "request failed")
                }
                None => tracing::error!(code = self.code.as_str(), "request failed"),
            }
        } else {
            tracing::debug!(code = self.code.as_str(), message = %self.message, "request refused");
        }
        let mut response = (status, Json(self.body())).into_response();
        // The code travels with the answer so the request metrics count it (`request_metrics`).
        response.extensions_mut().insert(self.code);
        if self.in_rollups {
            response.extensions_mut().insert(ErrorInRollups);
        }
        let retry_after = match self.retry_after_secs {
            Some(secs) => Some(secs.max(1)),
            None if self.code == ErrorCode::RateLimited
                || status == StatusCode::SERVICE_UNAVAILABLE =>
            {
                Some(DEFAULT_RETRY_AFTER_SECS)
            }
            None => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
        }
        response
    }
}

/// Seconds a client waits before retrying a busy or rate-limited call when the error does
/// not know better.
const DEFAULT_RETRY_AFTER_SECS: u64 = 5;

/// On an error answer whose error is already in the day rollups
/// ([`ApiError::already_in_rollups`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ErrorInRollups;

/// Any service error becomes an answer through its code: the one conversion from the
/// services' error enums to HTTP.
impl<E: CodedError> From<E> for ApiError {
    fn from(err: E) -> Self {
        let code = err.code();
        let message = if code == ErrorCode::Internal {
            INTERNAL_MESSAGE.to_owned()
        } else {
            err.public_message()
        };
        let retry_after_secs = err.retry_after_secs();
        let source = code.is_server_error().then(|| anyhow::Error::new(err));
        Self {
            code,
            message,
            retry_after_secs,
            source,
            in_rollups: false,
        }
    }
}

/// Maps an identifier error to the code for that identifier.
pub fn id_error(code: ErrorCode, err: &IdError) -> ApiError {
    ApiError::new(code, err.to_string())
}

/// Renders the error table of docs/errors.md from [`ErrorCode::ALL`].
pub fn error_table_markdown() -> String {
    let mut out = String::from("| code | HTTP status | when |\n|---|---|---|\n");
    for code in ErrorCode::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            code.as_str(),
            code.http_status(),
            code.when()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {}", code.as_str());
            assert!(
                code.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
            );
        }
    }

    #[test]
    fn only_internal_failures_are_5xx_codes_for_server_problems() {
        for code in ErrorCode::ALL {
            let status = status_of(*code);
            assert!(status.is_client_error() || status.is_server_error());
        }
        assert!(status_of(ErrorCode::InvalidJson).is_client_error());
        assert!(status_of(ErrorCode::PayloadTooLarge).is_client_error());
    }

    #[test]
    fn docs_error_table_lists_every_code() {
        let docs = include_str!("../../../../docs/errors.md");
        assert!(
            docs.contains(&error_table_markdown()),
            "docs/errors.md is out of date; regenerate the table with `salient errors`"
        );
    }
}
