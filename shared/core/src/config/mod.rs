//! The configuration cascade: `config/app.yaml` → `config/accounts/<account>/account.yaml`
//! → `config/accounts/<account>/agents/<agent>.yaml`, then SSM Parameter Store secrets (in
//! AWS), then `SALIENT__SECTION__KEY` environment variables. Later levels override earlier
//! ones key by key. Everything is typed and validated once, at load; errors name the file
//! (or variable) and the key.

pub mod compiled_out;
mod console;
mod crm;
mod handoff;
mod knowledge;
mod rate_limits;
mod runtime;
mod settings;
mod sources;
mod spend;
mod ssm;
mod validate;
mod widget;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use figment::providers::{Env, Format as _, Serialized, Yaml};
use figment::value::{Dict, Map, Value};
use figment::{Figment, Metadata, Profile, Provider, Source};

pub use console::{CONSOLE_ACCOUNT, ConsoleSettings, OperatorEntry, OperatorRole, Operators};
pub use crm::{
    DEFAULT_SUMMARY_PROMPT, EmailSettings, EmailTransportKind, OtpSettings, ProfileField,
    ProfileFieldSettings, SummarySettings,
};
pub use handoff::{BusinessHours, Day, HandoffSettings, MAX_HANDOFF_MESSAGE_CHARS};
pub use knowledge::{
    AbstainSettings, EmbeddingProvider, EmbeddingSettings, GapSettings, KnowledgeSettings,
    RagSettings, VectorBackend, VectorStoreSettings,
};
pub use rate_limits::{RateLimitSettings, RateWindow, RateWindows, ScopedLimits, StreamLimits};
pub use runtime::{RuntimeInfo, runtime_info};
pub use settings::{
    AccountSettings, AdminSettings, AgentSettings, LimitSettings, LlmSettings, LogFormat,
    MAX_RETENTION_DAYS, RetentionSettings, SECRET_KEYS, ServerSettings, Settings, StorageBackend,
    StorageSettings, TURNSTILE_VERIFY_URL, TelemetrySettings, ToolSettings, TurnstileSettings,
};
pub use sources::{Schedule, SourcesSettings};
pub use spend::{SpendCaps, SpendSettings, TokenPrice};
pub use ssm::{SecretParameter, load_ssm_secrets};
pub use widget::{MAX_STARTER_CHARS, MAX_STARTERS, WidgetSettings};

use crate::domain::{AccountId, AgentId, Retention};

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
    operators: Operators,
    /// The SSM parameters it was loaded with, so [`Catalog::explain`] names the same sources.
    secrets: Vec<SecretParameter>,
}

impl Catalog {
    /// Loads `root` (the `config/` directory) with environment overrides and the given
    /// secrets from SSM.
    pub fn load(root: &Path, secrets: &[SecretParameter]) -> Result<Self, ConfigError> {
        let app_figment = app_figment(root, secrets);
        let discovered = discover(root)?;
        // `operators:` first, so a bad entry is reported with the file it is in.
        console::operators_in(&root.join("app.yaml"))?;
        for (account, _) in &discovered {
            let account_dir = root.join("accounts").join(account.as_str());
            console::operators_in(&account_dir.join("account.yaml"))?;
        }
        let app = extract(&app_figment)?;
        let mut agents = BTreeMap::new();
        for (account, agent) in discovered {
            let figment = agent_figment(root, &account, &agent, secrets);
            let settings: Settings = extract(&figment)?;
            validate::validate(&settings, &figment)?;
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
        check_shared_caps(&app, &agents)?;
        check_one_retention_per_account(&agents, root)?;
        let operators = load_operators(root, &app, &agents)?;
        Ok(Self {
            root: root.to_owned(),
            app,
            agents,
            operators,
            secrets: secrets.to_vec(),
        })
    }

    /// One agent's effective configuration key by key, as [`explain`] gives it, over the
    /// files and SSM parameters this catalog was loaded from and the process's environment.
    pub fn explain(
        &self,
        account: &AccountId,
        agent: &AgentId,
    ) -> Result<Vec<ExplainedKey>, ConfigError> {
        explain(&self.root, account, agent, &self.secrets)
    }

    /// Who may sign in to the operator console, and their role on each account.
    pub fn operators(&self) -> &Operators {
        &self.operators
    }

    /// Every account, in order.
    pub fn accounts(&self) -> Vec<AccountId> {
        let mut accounts: Vec<AccountId> = self.agents().map(|a| a.account.clone()).collect();
        accounts.dedup();
        accounts
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

    /// Each account's `retention.days` (the same for all its agents, checked at load), and
    /// the deployment's for any other account.
    pub fn retention(&self) -> Retention {
        self.agents().fold(
            Retention::days(self.app.retention.days),
            |retention, agent| {
                retention.with_account(agent.account.clone(), agent.settings.retention.days)
            },
        )
    }
}

/// The console's operators: `operators:` of `app.yaml` (through the cascade, so the
/// environment can set them too) and of each `account.yaml`; an agent's file may not set
/// them, no account may be called `console`, and the console's settings must be usable.
fn load_operators(
    root: &Path,
    app: &Settings,
    agents: &BTreeMap<(AccountId, AgentId), Arc<AgentConfig>>,
) -> Result<Operators, ConfigError> {
    let console = &app.console;
    if console.session_idle_secs == 0
        || console.login_link_ttl_secs == 0
        || console.audit_retention_days == 0
    {
        return Err(ConfigError::Invalid(
            "app.yaml: key `console`: session_idle_secs, login_link_ttl_secs and \
             audit_retention_days must be at least 1"
                .to_owned(),
        ));
    }
    if console.session_max_secs < console.session_idle_secs {
        return Err(ConfigError::Invalid(
            "app.yaml: key `console.session_max_secs`: must be at least `console.session_idle_secs`"
                .to_owned(),
        ));
    }
    let mut accounts = BTreeMap::new();
    for config in agents.values() {
        let account_dir = root.join("accounts").join(config.account.as_str());
        if config.account.as_str() == CONSOLE_ACCOUNT {
            return Err(ConfigError::Invalid(format!(
                "{}: directory name: `{CONSOLE_ACCOUNT}` is reserved for the operator console",
                account_dir.display()
            )));
        }
        let agent_file = account_dir
            .join("agents")
            .join(format!("{}.yaml", config.agent));
        if console::operators_in(&agent_file)?.is_some() {
            return Err(ConfigError::Invalid(format!(
                "{}: key `operators`: operators are set per account (account.yaml) or for the \
                 deployment (app.yaml), not per agent",
                agent_file.display()
            )));
        }
        if !accounts.contains_key(&config.account) {
            let own = console::operators_in(&account_dir.join("account.yaml"))?;
            accounts.insert(config.account.clone(), own.unwrap_or_default());
        }
    }
    let all_accounts = accounts.keys().cloned().collect();
    Ok(Operators::new(&app.operators, accounts, all_accounts))
}

/// `retention.days` is one value per account (a profile and the sessions of every agent
/// share it): agents of one account that disagree are refused.
fn check_one_retention_per_account(
    agents: &BTreeMap<(AccountId, AgentId), Arc<AgentConfig>>,
    root: &Path,
) -> Result<(), ConfigError> {
    let Some((seen, config)) = disagreeing_agents(agents, |c| &c.settings.retention.days) else {
        return Ok(());
    };
    let account_dir = root.join("accounts").join(config.account.as_str());
    Err(ConfigError::Invalid(format!(
        "{}: key `retention.days`: agents of account {} must agree ({} has {}, {} has {}); \
         set it once in {}",
        account_dir
            .join("agents")
            .join(format!("{}.yaml", config.agent))
            .display(),
        config.account,
        seen.agent,
        seen.settings.retention.days,
        config.agent,
        config.settings.retention.days,
        account_dir.join("account.yaml").display(),
    )))
}

/// The first agent whose `value` differs from that of the first agent of its account, with
/// that first agent: `(first, differing)`.
fn disagreeing_agents<T: PartialEq>(
    agents: &BTreeMap<(AccountId, AgentId), Arc<AgentConfig>>,
    value: impl Fn(&AgentConfig) -> &T,
) -> Option<(&AgentConfig, &AgentConfig)> {
    let mut first: BTreeMap<&AccountId, &AgentConfig> = BTreeMap::new();
    agents.values().find_map(|config| {
        let seen = *first.entry(&config.account).or_insert(config);
        (value(seen) != value(config)).then_some((seen, config.as_ref()))
    })
}

/// The deployment's caps are the deployment's, and an account's are shared by its agents:
/// an agent's file may not set either to its own value.
fn check_shared_caps(
    app: &Settings,
    agents: &BTreeMap<(AccountId, AgentId), Arc<AgentConfig>>,
) -> Result<(), ConfigError> {
    if let Some(config) = agents
        .values()
        .find(|c| c.settings.spend.deployment != app.spend.deployment)
    {
        return Err(ConfigError::Invalid(format!(
            "{}/{}: key `spend.deployment`: the deployment's caps are set in app.yaml (or the \
             environment) only",
            config.account, config.agent
        )));
    }
    match disagreeing_agents(agents, |c| &c.settings.spend.account) {
        Some((first, config)) => Err(ConfigError::Invalid(format!(
            "{}/{}: key `spend.account`: differs from agent `{}`; the account's caps are shared \
             by its agents, so set them in account.yaml",
            config.account, config.agent, first.agent
        ))),
        None => Ok(()),
    }
}

/// A key of the effective configuration, its value (secrets masked) and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ExplainedKey {
    /// Dotted key, e.g. `llm.model`.
    pub key: String,
    /// The value as JSON; secrets are `"********"`.
    pub value: String,
    /// The same value, parsed.
    pub json: serde_json::Value,
    /// A file path, an environment variable, an SSM parameter, or `built-in default`.
    pub source: String,
    /// Which level of the cascade set it.
    pub level: KeySource,
}

/// The level of the cascade a key's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeySource {
    /// The built-in default.
    Default,
    /// `app.yaml`.
    App,
    /// The account's `account.yaml`.
    Account,
    /// The agent's `<agent>.yaml`.
    Agent,
    /// An SSM parameter (in AWS).
    Ssm,
    /// A `SALIENT__...` environment variable.
    Env,
}

impl KeySource {
    /// The level's name (`default`, `app`, `account`, `agent`, `ssm`, `env`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Default => "default",
            Self::App => "app",
            Self::Account => "account",
            Self::Agent => "agent",
            Self::Ssm => "ssm",
            Self::Env => "env",
        }
    }
}

/// The mask a secret's value is shown as.
pub const MASKED: &str = "********";

/// The explained keys as one nested document (`llm.model` under `llm:`), secrets masked as
/// in each key: the effective configuration as YAML shows it.
pub fn nested(keys: &[ExplainedKey]) -> serde_json::Value {
    fn insert(
        node: &mut serde_json::Map<String, serde_json::Value>,
        path: &[&str],
        value: serde_json::Value,
    ) {
        match path {
            [] => {}
            [last] => {
                node.insert((*last).to_owned(), value);
            }
            [first, rest @ ..] => {
                let child = node
                    .entry((*first).to_owned())
                    .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
                if !child.is_object() {
                    *child = serde_json::Value::Object(serde_json::Map::new());
                }
                if let serde_json::Value::Object(map) = child {
                    insert(map, rest, value);
                }
            }
        }
    }
    let mut root = serde_json::Map::new();
    for key in keys {
        let path: Vec<&str> = key.key.split('.').collect();
        insert(&mut root, &path, key.json.clone());
    }
    serde_json::Value::Object(root)
}

/// The explained keys as a YAML document ([`nested`]), secrets masked.
pub fn effective_yaml(keys: &[ExplainedKey]) -> Result<String, ConfigError> {
    serde_norway::to_string(&nested(keys))
        .map_err(|err| ConfigError::Invalid(format!("the configuration as YAML: {err}")))
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
    validate::validate(&settings, &figment)?;
    let mut keys = Vec::new();
    let merged: Value = figment
        .extract()
        .map_err(|err| ConfigError::Invalid(describe_figment_error(&figment, err)))?;
    flatten(&merged, String::new(), &mut keys);
    Ok(keys
        .into_iter()
        .map(|(key, value)| {
            let json = if SECRET_KEYS.contains(&key.as_str()) {
                serde_json::Value::String(MASKED.to_owned())
            } else {
                value
            };
            let source = source_of(&figment, &key);
            let level = level_of(&figment, &key, root);
            ExplainedKey {
                key,
                value: json.to_string(),
                json,
                source,
                level,
            }
        })
        .collect())
}

/// Which level of the cascade set a key (see [`source_of`]).
fn level_of(figment: &Figment, key: &str, root: &Path) -> KeySource {
    let Some(metadata) = figment.find_metadata(key) else {
        return KeySource::Default;
    };
    match &metadata.source {
        Some(Source::File(path)) if path == &root.join("app.yaml") => KeySource::App,
        Some(Source::File(path)) if path.file_name().is_some_and(|n| n == "account.yaml") => {
            KeySource::Account
        }
        Some(Source::File(_)) => KeySource::Agent,
        _ if metadata.name.contains("environment") => KeySource::Env,
        _ if metadata.name == DEFAULTS_NAME => KeySource::Default,
        _ => KeySource::Ssm,
    }
}

fn flatten(value: &Value, prefix: String, out: &mut Vec<(String, serde_json::Value)>) {
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
            let json = serde_json::to_value(other)
                .unwrap_or_else(|_| serde_json::Value::String("?".to_owned()));
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
