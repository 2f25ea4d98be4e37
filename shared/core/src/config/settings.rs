//! The typed settings every level of the cascade fills in. One struct for all levels:
//! `app.yaml` sets deployment-wide values and defaults, `account.yaml` and
//! `agents/<agent>.yaml` override them key by key.

use std::collections::BTreeMap;
use std::path::PathBuf;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// The effective settings of one agent (or, with empty account and agent sections, of the
/// deployment).
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The local HTTP server.
    pub server: ServerSettings,
    /// Where conversations are stored.
    pub storage: StorageSettings,
    /// Logs.
    pub telemetry: TelemetrySettings,
    /// The business.
    pub account: AccountSettings,
    /// The agent.
    pub agent: AgentSettings,
    /// The model the agent talks through.
    pub llm: LlmSettings,
    /// Input and history limits.
    pub limits: LimitSettings,
    /// Where the account's knowledge comes from.
    pub sources: super::sources::SourcesSettings,
    /// Embeddings, vector store and retrieval.
    pub knowledge: super::knowledge::KnowledgeSettings,
    /// Operator access (admin routes).
    pub admin: AdminSettings,
    /// Tools the agent's model may call.
    pub tools: ToolSettings,
    /// Email transport and conversation summaries.
    pub email: super::crm::EmailSettings,
    /// One-time codes that verify a visitor's email address.
    pub otp: super::crm::OtpSettings,
    /// The visitor profile fields the agent captures.
    pub profile: super::crm::ProfileFieldSettings,
    /// Rate limits per action and scope, and open streamed turns.
    pub rate_limits: super::rate_limits::RateLimitSettings,
    /// Spend caps on the model's cost, and their warnings.
    pub spend: super::spend::SpendSettings,
    /// How long an account's conversations and visitor data are kept.
    pub retention: RetentionSettings,
    /// What the chat widget shows: conversation starters, image hosts.
    pub widget: super::widget::WidgetSettings,
    /// Handing the conversation to a person: recipients, business hours, messages.
    pub handoff: super::handoff::HandoffSettings,
    /// Who may sign in to the operator console (`app.yaml`: every account; `account.yaml`:
    /// that account), each `{email, role: owner|viewer}`.
    pub operators: Vec<super::console::OperatorEntry>,
    /// The operator console's sessions, links, audit retention and sign-in limits
    /// (`app.yaml`).
    pub console: super::console::ConsoleSettings,
}

/// How long an account's conversations and visitor data are kept. One value per account:
/// every agent of an account must have the same (set it in `account.yaml`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetentionSettings {
    /// Days an item is kept after it was last written (a session: after its last message);
    /// 0 keeps everything until it is erased.
    pub days: u32,
}

/// Most days `retention.days` may be (100 years); larger values would overflow the
/// stores' timestamps long before they meant anything.
pub const MAX_RETENTION_DAYS: u32 = 36_500;

impl Default for RetentionSettings {
    fn default() -> Self {
        Self { days: 365 }
    }
}

/// Tools the model may call during a turn.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ToolSettings {
    /// Offer `search_directory` over the account's lists (`accounts/<account>/directory/`)
    /// when it has any.
    pub directory: bool,
    /// Most items one directory search returns to the model.
    pub max_results: usize,
    /// Most rounds of tool calls in one turn; the model then has to answer.
    pub max_rounds: u32,
}

impl Default for ToolSettings {
    fn default() -> Self {
        Self {
            directory: true,
            max_results: 20,
            max_rounds: 3,
        }
    }
}

/// Operator access.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdminSettings {
    /// Bearer token for `/api/admin/...` routes; admin routes are off without one. Secret:
    /// only from the environment (`SALIENT__ADMIN__TOKEN`) or SSM.
    #[serde(skip_serializing)]
    pub token: Option<SecretString>,
}

/// The HTTP server: where the local server (`salient serve`) listens and what it serves, and
/// the proof every function asks of a request that it came through the deployment's proxy.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerSettings {
    /// Interface to listen on.
    pub host: String,
    /// Port to listen on.
    pub port: u16,
    /// Static site to serve at `/` (the built Astro site).
    pub site_dir: PathBuf,
    /// The value CloudFront sends in `X-Salient-Origin-Secret` on every request it forwards
    /// to a function. When set, a request without it is refused (`direct_access_denied`;
    /// `/healthz` and `/admin/...` aside), and only requests with it have their client IP
    /// read from `rate_limits.client_ip_header`. Deployment-wide; secret: only from the
    /// environment (`SALIENT__SERVER__ORIGIN_SECRET`) or SSM.
    #[serde(skip_serializing)]
    pub origin_secret: Option<SecretString>,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 3000,
            site_dir: PathBuf::from("site/dist"),
            origin_secret: None,
        }
    }
}

/// Which storage backend to use.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum StorageBackend {
    /// SQLite file on local disk: the local default.
    #[default]
    Embedded,
    /// One DynamoDB table (AWS, or DynamoDB Local with `endpoint_url`).
    Dynamodb,
}

/// Storage settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StorageSettings {
    /// The backend.
    pub backend: StorageBackend,
    /// The SQLite file for the embedded backend.
    pub path: PathBuf,
    /// The DynamoDB table name.
    pub table: String,
    /// A DynamoDB endpoint other than AWS's (DynamoDB Local).
    pub endpoint_url: Option<String>,
}

impl Default for StorageSettings {
    fn default() -> Self {
        Self {
            backend: StorageBackend::Embedded,
            path: PathBuf::from(".salient/salient.db"),
            table: "salient".to_owned(),
            endpoint_url: None,
        }
    }
}

/// Log format.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable, for a terminal.
    #[default]
    Pretty,
    /// One JSON object a line, for CloudWatch.
    Json,
}

/// Telemetry settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TelemetrySettings {
    /// Log format.
    pub format: LogFormat,
    /// `tracing` filter directive, e.g. `info,salient_core=debug`.
    pub filter: String,
}

impl Default for TelemetrySettings {
    fn default() -> Self {
        Self {
            format: LogFormat::Pretty,
            filter: "info".to_owned(),
        }
    }
}

/// The business that owns the agents.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct AccountSettings {
    /// Display name.
    pub name: String,
    /// The business's website.
    pub website: Option<String>,
    /// Origins (scheme://host[:port]) allowed to call this account's API from a browser,
    /// when the widget is embedded on another origin than the API's.
    pub allowed_origins: Vec<String>,
    /// Who receives conversation summaries.
    pub summary_recipients: Vec<String>,
    /// How to reach the business, as the visitor reads it ("Call 01947 600 123 or email
    /// hello@example.com"): the next step offered when the site does not cover a question.
    pub contact: Option<String>,
    /// Cloudflare Turnstile on session creation (off without a site key).
    pub turnstile: TurnstileSettings,
}

impl AccountSettings {
    /// The business's name for visitors ("the business" without one).
    pub fn display_name(&self) -> &str {
        match self.name.trim() {
            "" => "the business",
            name => name,
        }
    }

    /// How to reach the business, from `contact`, as a line of an answer ("**How to reach
    /// Medlar Tree:** call 01632 960 407"); `None` without `contact`.
    pub fn reach_line(&self) -> Option<String> {
        let contact = self
            .contact
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())?;
        Some(format!(
            "**How to reach {}:** {contact}",
            self.display_name()
        ))
    }
}

/// Cloudflare Turnstile: with a site key, the widget renders the challenge and a new session
/// needs the token it yields, checked with Cloudflare's siteverify API.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TurnstileSettings {
    /// The widget's site key (public; the agent card hands it to the widget). Empty: off.
    pub site_key: String,
    /// The widget's secret key, sent to siteverify. Secret: only from the environment
    /// (`SALIENT__ACCOUNT__TURNSTILE__SECRET_KEY`) or SSM
    /// (`accounts/<account>/account/turnstile/secret_key`).
    #[serde(skip_serializing)]
    pub secret_key: Option<SecretString>,
    /// The siteverify endpoint.
    pub verify_url: String,
    /// Milliseconds one siteverify call may take before it counts as unreachable.
    pub timeout_ms: u64,
}

/// Cloudflare's siteverify endpoint.
pub const TURNSTILE_VERIFY_URL: &str = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

impl Default for TurnstileSettings {
    fn default() -> Self {
        Self {
            site_key: String::new(),
            secret_key: None,
            verify_url: TURNSTILE_VERIFY_URL.to_owned(),
            timeout_ms: 5000,
        }
    }
}

impl TurnstileSettings {
    /// The site key, when Turnstile is on.
    pub fn site_key(&self) -> Option<&str> {
        let key = self.site_key.trim();
        (!key.is_empty()).then_some(key)
    }
}

/// One agent.
#[derive(Debug, Clone, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct AgentSettings {
    /// Display name shown in the widget.
    pub name: String,
    /// What the agent does: `sales`, `info`, `expert`, ...
    pub role: String,
    /// First words the widget shows.
    pub greeting: String,
    /// The markdown system prompt, relative to the agent's YAML file; defaults to
    /// `<agent>.md` beside it.
    pub system_prompt_file: Option<PathBuf>,
    /// Keep a few inline HTML tags of the model's answers (`b`, `strong`, `i`, `em`, `u`,
    /// `s`, `code`, `br`, `sub`, `sup`, `mark`, `small`, without attributes) instead of
    /// showing all raw HTML as text.
    pub allow_basic_html: bool,
}

/// The OpenAI-compatible API an agent talks through.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LlmSettings {
    /// Base URL of the API (`/chat/completions` is appended).
    pub base_url: String,
    /// The API key: only from the environment or SSM Parameter Store, never from a file.
    #[serde(skip_serializing)]
    pub api_key: Option<SecretString>,
    /// Model id, e.g. `openai/gpt-4o-mini`.
    pub model: String,
    /// Sampling temperature, 0 to 2.
    pub temperature: f32,
    /// Most tokens an answer may have.
    pub max_tokens: u32,
    /// Seconds to wait for the first token.
    pub first_token_timeout_secs: u64,
    /// Seconds an answer may take in all.
    pub total_timeout_secs: u64,
    /// Retries for 429 and 5xx answers before the first token.
    pub max_retries: u32,
    /// Extra headers sent with every call (OpenRouter's `HTTP-Referer`, `X-Title`).
    pub extra_headers: BTreeMap<String, String>,
}

impl Default for LlmSettings {
    fn default() -> Self {
        Self {
            base_url: "https://openrouter.ai/api/v1".to_owned(),
            api_key: None,
            model: "openai/gpt-4o-mini".to_owned(),
            temperature: 0.3,
            max_tokens: 800,
            first_token_timeout_secs: 20,
            total_timeout_secs: 120,
            max_retries: 2,
            extra_headers: BTreeMap::new(),
        }
    }
}

/// Input and history limits; each has its own error code when exceeded.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitSettings {
    /// Longest visitor message, in characters (`message_too_long`).
    pub max_message_chars: usize,
    /// Largest request body, in bytes (`payload_too_large`).
    pub max_body_bytes: usize,
    /// Largest total of request header bytes, names and values (`headers_too_large`).
    pub max_header_bytes: usize,
    /// Most messages one session may hold (`history_too_long`).
    pub max_session_messages: u64,
    /// Most earlier messages sent to the model with each turn.
    pub history_messages: u32,
    /// Token budget for earlier messages in the prompt; newest kept.
    pub history_token_budget: usize,
}

impl Default for LimitSettings {
    fn default() -> Self {
        Self {
            max_message_chars: 4000,
            max_body_bytes: 64 * 1024,
            max_header_bytes: 16 * 1024,
            max_session_messages: 400,
            history_messages: 40,
            history_token_budget: 3000,
        }
    }
}

/// Keys whose values are secrets: masked when shown, refused in YAML files.
pub const SECRET_KEYS: &[&str] = &[
    "llm.api_key",
    "admin.token",
    "knowledge.embedding.api_key",
    "knowledge.vector_store.api_key",
    "otp.secret",
    "server.origin_secret",
    "account.turnstile.secret_key",
];
