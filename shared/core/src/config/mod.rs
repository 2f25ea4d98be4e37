//! The configuration cascade: `config/app.yaml` → `config/accounts/<account>/account.yaml`
//! → `config/accounts/<account>/agents/<agent>.yaml`, then SSM Parameter Store secrets (in
//! AWS), then `SALIENT__SECTION__KEY` environment variables. Later levels override earlier
//! ones key by key. Everything is typed and validated once, at load; errors name the file
//! (or variable) and the key.

pub mod compiled_out;
mod crm;
mod knowledge;
mod settings;
mod sources;
mod ssm;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use figment::providers::{Env, Format as _, Serialized, Yaml};
use figment::value::{Dict, Map, Value};
use figment::{Figment, Metadata, Profile, Provider, Source};

pub use crm::{
    DEFAULT_SUMMARY_PROMPT, EmailSettings, EmailTransportKind, OtpSettings, ProfileField,
    ProfileFieldSettings, SummarySettings,
};
pub use knowledge::{
    EmbeddingProvider, EmbeddingSettings, KnowledgeSettings, RagSettings, VectorBackend,
    VectorStoreSettings,
};
pub use settings::{
    AccountSettings, AdminSettings, AgentSettings, LimitSettings, LlmSettings, LogFormat,
    SECRET_KEYS, ServerSettings, Settings, StorageBackend, StorageSettings, TelemetrySettings,
    ToolSettings,
};
pub use sources::{Schedule, SourcesSettings};
pub use ssm::{SecretParameter, load_ssm_secrets};

use crate::domain::{AccountId, AgentId};

/// The prefix of environment overrides: `SALIENT__LLM__MODEL` sets `llm.model`.
pub const ENV_PREFIX: &str = "SALIENT__";

/// Why configuration could not be loaded. Every message names the file or variable and key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A value is missing, of the wrong type, unknown, or out of range.
    #[error("{0}")]
    Invalid(String),
}

/// One agent's effective configuration.
#[derive(Debug)]
pub struct AgentConfig {
    /// The account.
    pub account: AccountId,
    /// The agent.
    pub agent: AgentId,
    /// The merged settings.
    pub settings: Settings,
    /// The markdown system prompt.
    pub system_prompt: String,
    /// The prompt conversation summaries are written with.
    pub summary_prompt: String,
}

/// Every account and agent of a deployment, loaded and validated at cold start.
#[derive(Debug)]
pub struct Catalog {
    root: PathBuf,
    app: Settings,
    agents: BTreeMap<(AccountId, AgentId), Arc<AgentConfig>>,
}

impl Catalog {
    /// Loads `root` (the `config/` directory) with environment overrides and the given
    /// secrets from SSM.
    pub fn load(root: &Path, secrets: &[SecretParameter]) -> Result<Self, ConfigError> {
        let app_figment = app_figment(root, secrets);
        let app = extract(&app_figment)?;
        let mut agents = BTreeMap::new();
        for (account, agent) in discover(root)? {
            let figment = agent_figment(root, &account, &agent, secrets);
            let settings: Settings = extract(&figment)?;
            validate(&settings, &figment)?;
            let system_prompt = read_system_prompt(root, &account, &agent, &settings)?;
            let summary_prompt =
                crm::read_summary_prompt(root, &account, &agent, &settings.email.summary)?;
            let config = AgentConfig {
                account: account.clone(),
                agent: agent.clone(),
                settings,
                system_prompt,
                summary_prompt,
            };
            agents.insert((account, agent), Arc::new(config));
        }
        Ok(Self {
            root: root.to_owned(),
            app,
            agents,
        })
    }

    /// Deployment-wide settings (`app.yaml`, SSM, environment).
    pub fn app(&self) -> &Settings {
        &self.app
    }

    /// The configuration directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// One agent's configuration, if the account has that agent.
    pub fn agent(&self, account: &AccountId, agent: &AgentId) -> Option<Arc<AgentConfig>> {
        self.agents.get(&(account.clone(), agent.clone())).cloned()
    }

    /// Every agent, ordered by account then agent.
    pub fn agents(&self) -> impl Iterator<Item = &Arc<AgentConfig>> {
        self.agents.values()
    }
}

/// A key of the effective configuration, its value (secrets masked) and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExplainedKey {
    /// Dotted key, e.g. `llm.model`.
    pub key: String,
    /// The value as JSON; secrets are `"********"`.
    pub value: String,
    /// A file path, an environment variable, an SSM parameter, or `built-in default`.
    pub source: String,
}

/// The effective configuration of one agent, key by key, with where each value came from.
pub fn explain(
    root: &Path,
    account: &AccountId,
    agent: &AgentId,
    secrets: &[SecretParameter],
) -> Result<Vec<ExplainedKey>, ConfigError> {
    if !discover(root)?.contains(&(account.clone(), agent.clone())) {
        return Err(ConfigError::Invalid(format!(
            "no agent {account}/{agent} under {}",
            root.display()
        )));
    }
    let figment = agent_figment(root, account, agent, secrets);
    let settings: Settings = extract(&figment)?;
    validate(&settings, &figment)?;
    let mut keys = Vec::new();
    let merged: Value = figment
        .extract()
        .map_err(|err| ConfigError::Invalid(describe_figment_error(&figment, err)))?;
    flatten(&merged, String::new(), &mut keys);
    Ok(keys
        .into_iter()
        .map(|(key, value)| {
            let shown = if SECRET_KEYS.contains(&key.as_str()) {
                "\"********\"".to_owned()
            } else {
                value
            };
            let source = source_of(&figment, &key);
            ExplainedKey {
                key,
                value: shown,
                source,
            }
        })
        .collect())
}

fn flatten(value: &Value, prefix: String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Dict(_, dict) if !dict.is_empty() => {
            for (key, child) in dict {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(child, path, out);
            }
        }
        other => {
            let json = serde_json::to_string(other).unwrap_or_else(|_| "?".to_owned());
            out.push((prefix, json));
        }
    }
}

/// Provider wrapper that gives a layer a readable name in provenance and errors.
struct Named<P> {
    name: String,
    inner: P,
}

impl<P: Provider> Provider for Named<P> {
    fn metadata(&self) -> Metadata {
        Metadata::named(self.name.clone())
    }

    fn data(&self) -> Result<Map<Profile, Dict>, figment::Error> {
        self.inner.data()
    }
}

const DEFAULTS_NAME: &str = "built-in default";

fn app_figment(root: &Path, secrets: &[SecretParameter]) -> Figment {
    let mut figment = Figment::new()
        .merge(Named {
            name: DEFAULTS_NAME.to_owned(),
            inner: Serialized::defaults(Settings::default()),
        })
        .merge(Yaml::file_exact(root.join("app.yaml")));
    for secret in secrets.iter().filter(|s| s.account.is_none()) {
        figment = figment.merge(secret_layer(secret));
    }
    figment.merge(Env::prefixed(ENV_PREFIX).split("__"))
}

fn agent_figment(
    root: &Path,
    account: &AccountId,
    agent: &AgentId,
    secrets: &[SecretParameter],
) -> Figment {
    let account_dir = root.join("accounts").join(account.as_str());
    let mut figment = Figment::new()
        .merge(Named {
            name: DEFAULTS_NAME.to_owned(),
            inner: Serialized::defaults(Settings::default()),
        })
        .merge(Yaml::file_exact(root.join("app.yaml")))
        .merge(Yaml::file_exact(account_dir.join("account.yaml")))
        .merge(Yaml::file_exact(
            account_dir.join("agents").join(format!("{agent}.yaml")),
        ));
    // Deployment-wide secrets first, then this account's own.
    for secret in secrets.iter().filter(|s| s.account.is_none()) {
        figment = figment.merge(secret_layer(secret));
    }
    for secret in secrets
        .iter()
        .filter(|s| s.account.as_ref() == Some(account))
    {
        figment = figment.merge(secret_layer(secret));
    }
    figment.merge(Env::prefixed(ENV_PREFIX).split("__"))
}

/// SSM values are strings; like environment variables they are read leniently, so
/// `/prefix/limits/max_message_chars = "2000"` sets a number.
fn secret_layer(secret: &SecretParameter) -> Named<Serialized<Value>> {
    let value = secret
        .value
        .parse::<Value>()
        .unwrap_or_else(|_| Value::from(secret.value.clone()));
    Named {
        name: format!("SSM parameter {}", secret.parameter),
        inner: Serialized::default(&secret.key, value),
    }
}

fn extract(figment: &Figment) -> Result<Settings, ConfigError> {
    figment
        .extract::<Settings>()
        .map_err(|err| ConfigError::Invalid(describe_figment_error(figment, err)))
}

/// Where a key's value came from: a file path, an environment variable, an SSM parameter or
/// the built-in default.
fn source_of(figment: &Figment, key: &str) -> String {
    let Some(metadata) = figment.find_metadata(key) else {
        return DEFAULTS_NAME.to_owned();
    };
    match &metadata.source {
        Some(Source::File(path)) => path.display().to_string(),
        _ if metadata.name.contains("environment") => format!(
            "environment variable {ENV_PREFIX}{}",
            key.replace('.', "__").to_uppercase()
        ),
        _ => metadata.name.to_string(),
    }
}

fn describe_figment_error(figment: &Figment, err: figment::Error) -> String {
    err.into_iter()
        .map(|e| {
            let key = e.path.join(".");
            let origin = if key.is_empty() {
                e.metadata
                    .as_ref()
                    .map_or_else(|| "configuration".to_owned(), |m| m.name.to_string())
            } else {
                source_of(figment, &key)
            };
            if key.is_empty() {
                format!("{origin}: {}", e.kind)
            } else {
                format!("{origin}: key `{key}`: {}", e.kind)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Range and shape checks serde cannot express. Errors name the key and its source.
fn validate(settings: &Settings, figment: &Figment) -> Result<(), ConfigError> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, key: &str, what: &str| {
        if !ok {
            problems.push(format!("{}: key `{key}`: {what}", source_of(figment, key)));
        }
    };
    for secret in SECRET_KEYS {
        if let Some(metadata) = figment.find_metadata(secret)
            && matches!(metadata.source, Some(Source::File(_)))
        {
            check(
                false,
                secret,
                "secrets must not be written in configuration files; set the environment variable or the SSM parameter",
            );
        }
    }
    let llm = &settings.llm;
    check(
        llm.base_url.starts_with("https://") || llm.base_url.starts_with("http://"),
        "llm.base_url",
        "must be an http(s) URL",
    );
    check(
        !llm.model.trim().is_empty(),
        "llm.model",
        "must not be empty",
    );
    check(
        (0.0..=2.0).contains(&llm.temperature),
        "llm.temperature",
        "must be between 0 and 2",
    );
    check(llm.max_tokens > 0, "llm.max_tokens", "must be positive");
    check(
        llm.first_token_timeout_secs > 0,
        "llm.first_token_timeout_secs",
        "must be positive",
    );
    check(
        llm.total_timeout_secs >= llm.first_token_timeout_secs,
        "llm.total_timeout_secs",
        "must be at least llm.first_token_timeout_secs",
    );
    check(llm.max_retries <= 5, "llm.max_retries", "must be at most 5");
    for name in llm.extra_headers.keys() {
        check(
            http::HeaderName::from_bytes(name.as_bytes()).is_ok(),
            "llm.extra_headers",
            "header names must be valid HTTP header names",
        );
    }
    let limits = &settings.limits;
    check(
        (1..=100_000).contains(&limits.max_message_chars),
        "limits.max_message_chars",
        "must be between 1 and 100000",
    );
    check(
        (1024..=10 * 1024 * 1024).contains(&limits.max_body_bytes),
        "limits.max_body_bytes",
        "must be between 1 KiB and 10 MiB",
    );
    check(
        limits.max_session_messages > 0,
        "limits.max_session_messages",
        "must be positive",
    );
    check(
        limits.history_token_budget > 0,
        "limits.history_token_budget",
        "must be positive",
    );
    for origin in &settings.account.allowed_origins {
        check(
            is_origin(origin),
            "account.allowed_origins",
            "each entry must be an origin such as https://shop.example.com (no path)",
        );
    }
    for recipient in &settings.account.summary_recipients {
        check(
            crate::domain::EmailAddress::parse(recipient).is_ok(),
            "account.summary_recipients",
            "each entry must be an email address",
        );
    }
    check(
        !settings.agent.name.trim().is_empty(),
        "agent.name",
        "must be set",
    );
    check(
        !settings.account.name.trim().is_empty(),
        "account.name",
        "must be set",
    );
    check(
        (1..=100).contains(&settings.tools.max_results),
        "tools.max_results",
        "must be between 1 and 100",
    );
    check(
        settings.tools.max_rounds <= 8,
        "tools.max_rounds",
        "must be at most 8",
    );
    validate_sources(&settings.sources, &mut check);
    validate_knowledge(&settings.knowledge, &mut check);
    crm::validate_crm(
        &settings.email,
        &settings.otp,
        &settings.profile,
        &mut check,
    );
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ConfigError::Invalid(problems.join("; ")))
    }
}

/// Checks of the `sources:` section (the crawler refuses bad values again at run time).
fn validate_sources(sources: &SourcesSettings, check: &mut impl FnMut(bool, &str, &str)) {
    for url in &sources.sitemaps {
        check(
            is_http_url(url),
            "sources.sitemaps",
            "each entry must be an http(s) URL",
        );
    }
    for url in &sources.urls {
        check(
            is_http_url(url),
            "sources.urls",
            "each entry must be an http(s) URL",
        );
    }
    for host in &sources.allowed_hosts {
        check(
            !host.is_empty() && !host.contains(['/', '@', ' ', '?', '#']),
            "sources.allowed_hosts",
            "each entry must be a host name such as example.com (optionally host:port)",
        );
    }
    for pattern in sources.include_paths.iter().chain(&sources.exclude_paths) {
        check(
            pattern.starts_with('/') || pattern.starts_with('*'),
            "sources.include_paths",
            "path patterns must start with / or *",
        );
    }
    check(
        (1..=100_000).contains(&sources.max_pages),
        "sources.max_pages",
        "must be between 1 and 100000",
    );
    check(
        (1024..=50 * 1024 * 1024).contains(&sources.max_page_bytes),
        "sources.max_page_bytes",
        "must be between 1 KiB and 50 MiB",
    );
    check(
        (1..=120).contains(&sources.fetch_timeout_secs),
        "sources.fetch_timeout_secs",
        "must be between 1 and 120",
    );
    check(
        (1..=32).contains(&sources.concurrency),
        "sources.concurrency",
        "must be between 1 and 32",
    );
    check(
        sources.delay_ms <= 60_000,
        "sources.delay_ms",
        "must be at most 60000",
    );
    for host in &sources.allow_private_hosts {
        let port_ok = host
            .rsplit_once(':')
            .is_some_and(|(name, port)| !name.is_empty() && port.parse::<u16>().is_ok());
        check(
            port_ok && !host.contains(['/', '@', ' ']),
            "sources.allow_private_hosts",
            "each entry must be an exact host:port such as 127.0.0.1:3000 (local development only)",
        );
    }
}

/// Checks of the `knowledge:` section.
fn validate_knowledge(knowledge: &KnowledgeSettings, check: &mut impl FnMut(bool, &str, &str)) {
    let embedding = &knowledge.embedding;
    check(
        embedding.base_url.is_empty() || is_http_url(&embedding.base_url),
        "knowledge.embedding.base_url",
        "must be an http(s) URL (or empty for the provider's own)",
    );
    check(
        (1..=2048).contains(&embedding.batch_size),
        "knowledge.embedding.batch_size",
        "must be between 1 and 2048",
    );
    check(
        embedding.dimensions <= 20_000,
        "knowledge.embedding.dimensions",
        "must be at most 20000 (0: the model's default)",
    );
    check(
        (1..=300).contains(&embedding.timeout_secs),
        "knowledge.embedding.timeout_secs",
        "must be between 1 and 300",
    );
    check(
        embedding.provider == EmbeddingProvider::Local || !embedding.model.trim().is_empty(),
        "knowledge.embedding.model",
        "must be set for the openai and pinecone providers",
    );
    check(
        embedding.provider != EmbeddingProvider::Local
            || !embedding.local_model_dir.as_os_str().is_empty(),
        "knowledge.embedding.local_model_dir",
        "must be set for the local provider",
    );
    let store = &knowledge.vector_store;
    check(
        store.backend != VectorBackend::Pinecone || is_http_url(&store.index_host),
        "knowledge.vector_store.index_host",
        "must be the index's http(s) host URL for the pinecone backend",
    );
    check(
        (1..=300).contains(&store.timeout_secs),
        "knowledge.vector_store.timeout_secs",
        "must be between 1 and 300",
    );
    let rag = &knowledge.rag;
    check(
        (1..=50).contains(&rag.top_k),
        "knowledge.rag.top_k",
        "must be between 1 and 50",
    );
    check(
        (-1.0..=1.0).contains(&rag.score_threshold),
        "knowledge.rag.score_threshold",
        "must be between -1 and 1",
    );
    check(
        (100..=32_000).contains(&rag.max_context_tokens),
        "knowledge.rag.max_context_tokens",
        "must be between 100 and 32000",
    );
}

fn is_http_url(raw: &str) -> bool {
    url::Url::parse(raw).is_ok_and(|url| {
        matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty())
    })
}

fn is_origin(origin: &str) -> bool {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    rest.is_some_and(|host| {
        !host.is_empty() && !host.contains('/') && !host.contains(['?', '#', ' '])
    })
}

/// Every (account, agent) pair under `root/accounts`, by directory and file name.
fn discover(root: &Path) -> Result<Vec<(AccountId, AgentId)>, ConfigError> {
    let accounts_dir = root.join("accounts");
    let mut found = Vec::new();
    for account_dir in sorted_entries(&accounts_dir)? {
        if !account_dir.is_dir() {
            continue;
        }
        let name = file_name(&account_dir);
        let account = AccountId::parse(&name).map_err(|err| {
            ConfigError::Invalid(format!("{}: directory name: {err}", account_dir.display()))
        })?;
        let account_file = account_dir.join("account.yaml");
        if !account_file.is_file() {
            return Err(ConfigError::Invalid(format!(
                "{}: missing (every account directory needs one)",
                account_file.display()
            )));
        }
        for agent_file in sorted_entries(&account_dir.join("agents"))? {
            if agent_file.extension().and_then(|e| e.to_str()) != Some("yaml") {
                continue;
            }
            let stem = agent_file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let agent = AgentId::parse(&stem).map_err(|err| {
                ConfigError::Invalid(format!("{}: file name: {err}", agent_file.display()))
            })?;
            found.push((account.clone(), agent));
        }
    }
    Ok(found)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, ConfigError> {
    let entries = std::fs::read_dir(dir).map_err(|source| ConfigError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let mut paths = entries
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|source| ConfigError::Io {
            path: dir.to_owned(),
            source,
        })?;
    paths.sort();
    Ok(paths)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads the agent's markdown system prompt; it must stay inside the account directory.
fn read_system_prompt(
    root: &Path,
    account: &AccountId,
    agent: &AgentId,
    settings: &Settings,
) -> Result<String, ConfigError> {
    let account_dir = root.join("accounts").join(account.as_str());
    let agents_dir = account_dir.join("agents");
    let relative = settings
        .agent
        .system_prompt_file
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{agent}.md")));
    let path = agents_dir.join(&relative);
    let io = |source| ConfigError::Io {
        path: path.clone(),
        source,
    };
    let canonical = path.canonicalize().map_err(io)?;
    let account_canonical = account_dir
        .canonicalize()
        .map_err(|source| ConfigError::Io {
            path: account_dir.clone(),
            source,
        })?;
    if !canonical.starts_with(&account_canonical) {
        return Err(ConfigError::Invalid(format!(
            "{}: key `agent.system_prompt_file`: must stay inside {}",
            agents_dir.join(format!("{agent}.yaml")).display(),
            account_dir.display()
        )));
    }
    let text = std::fs::read_to_string(&canonical).map_err(io)?;
    if text.trim().is_empty() {
        return Err(ConfigError::Invalid(format!(
            "{}: the system prompt is empty",
            path.display()
        )));
    }
    Ok(text)
}
