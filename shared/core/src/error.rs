//! Stable error codes, and the one trait every service's error enum implements to name its
//! code. Services return their own `thiserror` enums; the HTTP edge (`api::error`) is the only
//! place that turns any of them into a response (status, JSON body, `Retry-After`).

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $variant:ident = ($code:literal, $status:literal, $when:literal), )+) => {
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

            /// The HTTP status this code is sent with, as a number (the HTTP edge,
            /// `api::error`, turns it into a status; services never name HTTP types).
            pub fn http_status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status,)+ }
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
    InvalidJson = ("invalid_json", 400, "The body is not valid JSON, or a field is missing or of the wrong type."),
    /// The body is not JSON.
    UnsupportedMediaType = ("unsupported_media_type", 415, "The request has a body but no `Content-Type: application/json`."),
    /// The body is larger than the configured limit.
    PayloadTooLarge = ("payload_too_large", 413, "The body is larger than `limits.max_body_bytes`."),
    /// A query string parameter is malformed.
    InvalidQuery = ("invalid_query", 400, "A query-string parameter is malformed (e.g. `limit=abc`)."),
    /// No route matches.
    RouteNotFound = ("route_not_found", 404, "No route has this path."),
    /// The route exists but not with this method.
    MethodNotAllowed = ("method_not_allowed", 405, "The path exists but not with this HTTP method."),
    /// The account id in the path is malformed.
    InvalidAccountId = ("invalid_account_id", 400, "The account id is not a lowercase slug of 1-64 characters."),
    /// The agent id in the path is malformed.
    InvalidAgentId = ("invalid_agent_id", 400, "The agent id is not a lowercase slug of 1-64 characters."),
    /// The session id is malformed.
    InvalidSessionId = ("invalid_session_id", 400, "The session id is not 22 URL-safe base64 characters."),
    /// The visitor id is malformed.
    InvalidVisitorId = ("invalid_visitor_id", 400, "The visitor id (cookie or `X-Salient-Visitor`) is malformed."),
    /// The email address is malformed or carries header injection.
    InvalidEmail = ("invalid_email", 400, "The email address is malformed or contains line breaks."),
    /// A paging cursor was not handed out by this API.
    InvalidCursor = ("invalid_cursor", 400, "The paging cursor is not one this API handed out."),
    /// No such account and agent.
    AgentNotFound = ("agent_not_found", 404, "No agent with this id under this account."),
    /// No such session for this account and visitor.
    SessionNotFound = ("session_not_found", 404, "No session with this id for this account, agent and visitor."),
    /// The message is empty.
    EmptyMessage = ("empty_message", 422, "The message is empty or only whitespace."),
    /// The message is longer than allowed.
    MessageTooLong = ("message_too_long", 422, "The message is longer than `limits.max_message_chars`."),
    /// The session already holds as many messages as allowed.
    HistoryTooLong = ("history_too_long", 422, "The session holds `limits.max_session_messages` messages; start a new session."),
    /// Too many requests.
    RateLimited = ("rate_limited", 429, "Too many requests in a window of `rate_limits` (per session, visitor, address, client IP, agent or account); retry after the `Retry-After` seconds, when that window admits again."),
    /// No LLM is configured for this agent.
    NoModelConfigured = ("no_model_configured", 503, "The agent has no LLM API key configured, so it cannot answer."),
    /// The LLM provider failed.
    UpstreamError = ("upstream_error", 502, "The LLM provider failed or returned an error."),
    /// The LLM provider did not answer in time.
    UpstreamTimeout = ("upstream_timeout", 504, "The LLM provider did not answer in time."),
    /// The LLM provider is rate limiting us.
    UpstreamRateLimited = ("upstream_rate_limited", 503, "The LLM provider is rate limiting this deployment; retry shortly."),
    /// A storage backend is temporarily unavailable.
    StorageUnavailable = ("storage_unavailable", 503, "Storage is briefly unavailable (throttling, busy); retry."),
    /// Anything unexpected. Details are in the logs, never in the response.
    Internal = ("internal", 500, "An unexpected failure; the details are logged, never returned."),
    /// The origin is not allowed to call this account's API.
    OriginNotAllowed = ("origin_not_allowed", 403, "A state-changing request names an origin (`Origin`, or `Referer` without it) that is neither this deployment's own nor in the account's `account.allowed_origins`."),
    /// A conflicting write.
    Conflict = ("conflict", 409, "The item already exists or changed concurrently."),
    /// An ingestion was asked of an account that lists no sources.
    NoSourcesConfigured = ("no_sources_configured", 409, "The account has no `sources:` (sitemaps or URLs) to ingest."),
    /// A one-time code that is not 6 digits.
    InvalidOtpCode = ("invalid_otp_code", 400, "The one-time code is not 6 digits."),
    /// A wrong one-time code, or none was requested for this address.
    OtpInvalid = ("otp_invalid", 400, "The one-time code is wrong, already used, or was not requested for this address, purpose and browser."),
    /// The one-time code expired.
    OtpExpired = ("otp_expired", 410, "The one-time code is older than `otp.code_ttl_secs`; request a new one."),
    /// Too many wrong codes.
    OtpAttemptsExceeded = ("otp_attempts_exceeded", 403, "`otp.max_attempts` wrong codes were entered; the code is dead, request a new one."),
    /// The email transport failed.
    EmailSendFailed = ("email_send_failed", 503, "The email could not be sent (transport failure); retry shortly."),
    /// A copy was asked for, but the visitor's address is not verified.
    EmailNotVerified = ("email_not_verified", 409, "A copy was asked for, but the visitor has no verified email address; verify one with a code first."),
    /// The session has no messages to summarise.
    NothingToSummarise = ("nothing_to_summarise", 422, "The session has no messages yet, so there is nothing to summarise."),
    /// Summaries are off for this agent, or the account has no recipients.
    SummariesDisabled = ("summaries_disabled", 409, "Summaries are off for this agent (`email.summary.enabled`) or the account has no `account.summary_recipients`."),
    /// The deployment's knowledge base (embedding provider, vector index) is missing settings
    /// or keys, or names a backend this build was made without.
    KnowledgeNotConfigured = ("knowledge_not_configured", 503, "The knowledge base (knowledge.embedding, knowledge.vector_store) is not configured for this deployment."),
    /// A text field of the body carries a control character.
    InvalidMessage = ("invalid_message", 400, "A text field of the body contains a control character other than tab, line feed or carriage return; the message names the field."),
    /// The request's headers are too large.
    HeadersTooLarge = ("headers_too_large", 431, "The request's headers total more than `limits.max_header_bytes`."),
    /// Too many streamed answers open at once for this session or visitor.
    TooManyStreams = ("too_many_streams", 429, "Too many streamed answers are open at once for this session or visitor (`rate_limits.streams`); retry after the `Retry-After` seconds, once one has finished."),
    /// A spend cap is used up, so the model is not called.
    BudgetReached = ("budget_reached", 429, "A spend cap (`spend.*`) of the agent, its account or the deployment is used up, so summaries pause until the day or month ends (`Retry-After`); turns answer from the site instead."),
    /// The request reached a function without passing through the deployment's CloudFront
    /// distribution.
    DirectAccessDenied = ("direct_access_denied", 403, "The request reached a function directly rather than through the deployment's CloudFront distribution: its `X-Salient-Origin-Secret` header is missing or does not match `server.origin_secret`."),
    /// The account's Turnstile challenge was not passed.
    ChallengeFailed = ("challenge_failed", 403, "The account requires a Cloudflare Turnstile challenge to start a session (`account.turnstile.site_key`) and the body's `turnstile_token` is missing, invalid, expired or already used; solve the challenge again."),
    /// The Turnstile challenge could not be checked.
    ChallengeUnavailable = ("challenge_unavailable", 503, "The Turnstile challenge could not be checked: Cloudflare's siteverify did not answer in time (`account.turnstile.timeout_ms`) or failed; retry shortly."),
    /// No such answer in the session.
    MessageNotFound = ("message_not_found", 404, "The session has no answer with this id (an unknown id, another session's message, or the visitor's own message)."),
    /// The body is well-formed JSON but its values do not go together.
    InvalidRequest = ("invalid_request", 422, "The body's values are not allowed together or out of range (e.g. a `reason` with an `up` rating, a comment over 500 characters); the message says which."),
    /// A handoff without the contact details it needs.
    ContactRequired = ("contact_required", 422, "A request for a person needs a name and an email address or phone number, in the body or the session's profile; the message says what is missing."),
    /// The agent does not hand conversations to a person.
    HandoffDisabled = ("handoff_disabled", 409, "The agent has no handoff to a person (`handoff.enabled` is false)."),
    /// A console route was called without a live operator session.
    SignInRequired = ("sign_in_required", 401, "The console route needs an operator session (the `__Host-salient_console` cookie): none was sent, or it expired (idle or absolute limit) or was signed out; sign in again."),
    /// A state-changing console call without the session's CSRF token.
    CsrfRequired = ("csrf_required", 403, "A state-changing console call must send the session's CSRF token (from sign-in or `GET /api/console/me`) in `X-CSRF-Token`; it was missing or did not match."),
    /// The operator's role on the account does not allow the change.
    ForbiddenRole = ("forbidden_role", 403, "The operator is a `viewer` of the account; changes and deletes need the `owner` role."),
    /// No such account for this operator.
    AccountNotFound = ("account_not_found", 404, "No account with this id that the signed-in operator may see (an unknown account and another operator's account answer alike)."),
    /// No such conversation in the account.
    ConversationNotFound = ("conversation_not_found", 404, "The account has no conversation with this id (unknown, expired or deleted)."),
    /// No such lead in the account.
    LeadNotFound = ("lead_not_found", 404, "The account has no lead (visitor profile) with this id."),
    /// A profile id that is not a ULID.
    InvalidProfileId = ("invalid_profile_id", 400, "The lead (profile) id is not a 26-character ULID."),
    /// A console sign-in link that cannot be used.
    SignInLinkInvalid = ("sign_in_link_invalid", 401, "The sign-in link is unknown, already used or expired (`console.login_link_ttl_secs`); print a new one with `salient console login <email>`."),
    /// No such content gap group in the account.
    GapNotFound = ("gap_not_found", 404, "The account has no content gap group with this id."),
    /// An ingestion run of the account is already going.
    IngestRunning = ("ingest_running", 409, "An ingestion run of this account is already in progress; try again when it has finished."),
    /// The deployment cannot start an ingestion run from the console.
    RecrawlUnavailable = ("recrawl_unavailable", 503, "This deployment cannot start an ingestion run from the console (no ingest function configured)."),
    /// A dependency of the deep health check did not answer in time.
    DependencyTimeout = ("dependency_timeout", 503, "A dependency checked by `GET /healthz?deep=1` (the store, the vector index) did not answer within its timeout; named in the check, not sent as an error body."),
    /// The vector index failed the deep health check.
    VectorStoreUnavailable = ("vector_store_unavailable", 503, "The vector index (`knowledge.vector_store`) answered the deep health check (`GET /healthz?deep=1`) with an error; named in the check, not sent as an error body."),
}

/// What a service error tells the edge: its stable code, what the caller may read, and when a
/// retry may succeed. One blanket conversion in `api::error` makes any implementor an HTTP
/// answer; the underlying error is logged there once when the code is a server failure.
pub trait CodedError: std::error::Error + Send + Sync + 'static {
    /// The stable code.
    fn code(&self) -> ErrorCode;

    /// The message the caller sees. Defaults to the error's `Display`; server failures
    /// (`internal`) are always replaced by a generic message at the edge.
    fn public_message(&self) -> String {
        self.to_string()
    }

    /// Seconds after which trying again may succeed, when the error knows.
    fn retry_after_secs(&self) -> Option<u64> {
        None
    }
}

impl ErrorCode {
    /// Whether the code reports a failure on our side (a 5xx status).
    pub fn is_server_error(self) -> bool {
        self.http_status() >= 500
    }
}
