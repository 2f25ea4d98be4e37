//! The one place errors become HTTP responses: `{"error":{"code","message"}}` with a stable
//! machine code, a human message, the right status; internals are logged once, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::domain::{EmailError, IdError};
use crate::ports::StoreError;

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident = ($code:literal, $status:ident, $when:literal), )+) => {
        /// Every error code the API can answer with. The codes are a public contract:
        /// never rename one; add new ones at the end. docs/errors.md lists them all.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant, )+
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The stable machine-readable code.
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)+ }
            }

            /// The HTTP status this code is sent with.
            pub fn status(self) -> StatusCode {
                match self { $(ErrorCode::$variant => StatusCode::$status,)+ }
            }

            /// When the code is used (for docs/errors.md).
            pub fn when(self) -> &'static str {
                match self { $(ErrorCode::$variant => $when,)+ }
            }
        }
    };
}

error_codes! {
    /// The body is not valid JSON or does not match the expected shape.
    InvalidJson = ("invalid_json", BAD_REQUEST, "The body is not valid JSON, or a field is missing or of the wrong type."),
    /// The body is not JSON.
    UnsupportedMediaType = ("unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "The request has a body but no `Content-Type: application/json`."),
    /// The body is larger than the configured limit.
    PayloadTooLarge = ("payload_too_large", PAYLOAD_TOO_LARGE, "The body is larger than `limits.max_body_bytes`."),
    /// A query string parameter is malformed.
    InvalidQuery = ("invalid_query", BAD_REQUEST, "A query-string parameter is malformed (e.g. `limit=abc`)."),
    /// No route matches.
    RouteNotFound = ("route_not_found", NOT_FOUND, "No route has this path."),
    /// The route exists but not with this method.
    MethodNotAllowed = ("method_not_allowed", METHOD_NOT_ALLOWED, "The path exists but not with this HTTP method."),
    /// The account id in the path is malformed.
    InvalidAccountId = ("invalid_account_id", BAD_REQUEST, "The account id is not a lowercase slug of 1-64 characters."),
    /// The agent id in the path is malformed.
    InvalidAgentId = ("invalid_agent_id", BAD_REQUEST, "The agent id is not a lowercase slug of 1-64 characters."),
    /// The session id is malformed.
    InvalidSessionId = ("invalid_session_id", BAD_REQUEST, "The session id is not 22 URL-safe base64 characters."),
    /// The visitor id is malformed.
    InvalidVisitorId = ("invalid_visitor_id", BAD_REQUEST, "The visitor id (cookie or `X-Salient-Visitor`) is malformed."),
    /// The email address is malformed or carries header injection.
    InvalidEmail = ("invalid_email", BAD_REQUEST, "The email address is malformed or contains line breaks."),
    /// A paging cursor was not handed out by this API.
    InvalidCursor = ("invalid_cursor", BAD_REQUEST, "The paging cursor is not one this API handed out."),
    /// No such account and agent.
    AgentNotFound = ("agent_not_found", NOT_FOUND, "No agent with this id under this account."),
    /// No such session for this account and visitor.
    SessionNotFound = ("session_not_found", NOT_FOUND, "No session with this id for this account, agent and visitor."),
    /// The message is empty.
    EmptyMessage = ("empty_message", UNPROCESSABLE_ENTITY, "The message is empty or only whitespace."),
    /// The message is longer than allowed.
    MessageTooLong = ("message_too_long", UNPROCESSABLE_ENTITY, "The message is longer than `limits.max_message_chars`."),
    /// The session already holds as many messages as allowed.
    HistoryTooLong = ("history_too_long", UNPROCESSABLE_ENTITY, "The session holds `limits.max_session_messages` messages; start a new session."),
    /// Too many requests.
    RateLimited = ("rate_limited", TOO_MANY_REQUESTS, "Too many requests; retry after the `Retry-After` seconds."),
    /// No LLM is configured for this agent.
    NoModelConfigured = ("no_model_configured", SERVICE_UNAVAILABLE, "The agent has no LLM API key configured, so it cannot answer."),
    /// The LLM provider failed.
    UpstreamError = ("upstream_error", BAD_GATEWAY, "The LLM provider failed or returned an error."),
    /// The LLM provider did not answer in time.
    UpstreamTimeout = ("upstream_timeout", GATEWAY_TIMEOUT, "The LLM provider did not answer in time."),
    /// The LLM provider is rate limiting us.
    UpstreamRateLimited = ("upstream_rate_limited", SERVICE_UNAVAILABLE, "The LLM provider is rate limiting this deployment; retry shortly."),
    /// A storage backend is temporarily unavailable.
    StorageUnavailable = ("storage_unavailable", SERVICE_UNAVAILABLE, "Storage is briefly unavailable (throttling, busy); retry."),
    /// Anything unexpected. Details are in the logs, never in the response.
    Internal = ("internal", INTERNAL_SERVER_ERROR, "An unexpected failure; the details are logged, never returned."),
    /// The origin is not allowed to call this account's API.
    OriginNotAllowed = ("origin_not_allowed", FORBIDDEN, "The request's `Origin` is not in the account's `allowed_origins`."),
    /// A conflicting write.
    Conflict = ("conflict", CONFLICT, "The item already exists or changed concurrently."),
    /// An ingestion was asked of an account that lists no sources.
    NoSourcesConfigured = ("no_sources_configured", CONFLICT, "The account has no `sources:` (sitemaps or URLs) to ingest."),
    /// A one-time code that is not 6 digits.
    InvalidOtpCode = ("invalid_otp_code", BAD_REQUEST, "The one-time code is not 6 digits."),
    /// A wrong one-time code, or none was requested for this address.
    OtpInvalid = ("otp_invalid", BAD_REQUEST, "The one-time code is wrong, already used, or was not requested for this address, purpose and browser."),
    /// The one-time code expired.
    OtpExpired = ("otp_expired", GONE, "The one-time code is older than `otp.code_ttl_secs`; request a new one."),
    /// Too many wrong codes.
    OtpAttemptsExceeded = ("otp_attempts_exceeded", FORBIDDEN, "`otp.max_attempts` wrong codes were entered; the code is dead, request a new one."),
    /// The email transport failed.
    EmailSendFailed = ("email_send_failed", SERVICE_UNAVAILABLE, "The email could not be sent (transport failure); retry shortly."),
    /// A copy was asked for, but the visitor's address is not verified.
    EmailNotVerified = ("email_not_verified", CONFLICT, "A copy was asked for, but the visitor has no verified email address; verify one with a code first."),
    /// The session has no messages to summarise.
    NothingToSummarise = ("nothing_to_summarise", UNPROCESSABLE_ENTITY, "The session has no messages yet, so there is nothing to summarise."),
    /// Summaries are off for this agent, or the account has no recipients.
    SummariesDisabled = ("summaries_disabled", CONFLICT, "Summaries are off for this agent (`email.summary.enabled`) or the account has no `account.summary_recipients`."),
    /// The deployment's knowledge base (embedding provider, vector index) is missing settings
    /// or keys, or names a backend this build was made without.
    KnowledgeNotConfigured = ("knowledge_not_configured", SERVICE_UNAVAILABLE, "The knowledge base (knowledge.embedding, knowledge.vector_store) is not configured for this deployment."),
}

/// An error on its way to the client.
#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    message: String,
    source: Option<anyhow::Error>,
}

impl ApiError {
    /// An error with a message for the caller.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            source: None,
        }
    }

    /// An unexpected failure: the caller sees a generic message, the cause is logged.
    pub fn internal(source: impl Into<anyhow::Error>) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: "Something went wrong on our side. Please try again.".to_owned(),
            source: Some(source.into()),
        }
    }

    /// Attaches the underlying cause, logged but never sent.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<anyhow::Error>) -> Self {
        self.source = Some(source.into());
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
        let status = self.code.status();
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
        if self.code == ErrorCode::RateLimited || status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                http::header::RETRY_AFTER,
                http::HeaderValue::from_static("5"),
            );
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound("session") => Self::new(
                ErrorCode::SessionNotFound,
                "No session with this id for this agent.",
            ),
            StoreError::NotFound(what) => {
                Self::internal(anyhow::anyhow!("{what} not found in storage"))
            }
            StoreError::AlreadyExists(what) => {
                Self::new(ErrorCode::Conflict, format!("The {what} already exists."))
            }
            StoreError::InvalidCursor => {
                Self::new(ErrorCode::InvalidCursor, "The paging cursor is not valid.")
            }
            StoreError::Backend {
                retryable: true,
                source,
            } => Self::new(
                ErrorCode::StorageUnavailable,
                "Storage is briefly unavailable. Please retry.",
            )
            .with_source(source),
            StoreError::Backend {
                retryable: false,
                source,
            } => Self::internal(source),
        }
    }
}

impl From<EmailError> for ApiError {
    fn from(err: EmailError) -> Self {
        Self::new(ErrorCode::InvalidEmail, err.to_string())
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
            code.status().as_u16(),
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
            let status = code.status();
            assert!(status.is_client_error() || status.is_server_error());
        }
        assert!(ErrorCode::InvalidJson.status().is_client_error());
        assert!(ErrorCode::PayloadTooLarge.status().is_client_error());
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
