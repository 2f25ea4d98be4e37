//! The state every route shares: configuration and storage, built once per process (per
//! Lambda cold start, or once for the local server).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use anyhow::Context as _;

use crate::adapters::dynamodb::DynamoStore;
#[cfg(feature = "embedded")]
use crate::adapters::embedded::EmbeddedStore;
use crate::config::{Catalog, StorageBackend};
use crate::directory::Directory;
use crate::domain::{AccountId, AgentId};
use crate::knowledge::retrieve::Retriever;
use crate::llm::LlmClient;
use crate::otp::OtpSecret;
use crate::ports::Store;
use crate::ports::email::EmailTransport;

/// Shared, cheaply cloned application state.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Every account's and agent's configuration.
    pub catalog: Arc<Catalog>,
    /// Conversation storage.
    pub store: Arc<dyn Store>,
    /// One LLM client per agent that has an API key.
    llm: Arc<HashMap<(AccountId, AgentId), LlmClient>>,
    /// Retrieval over the accounts' knowledge, when any agent has `knowledge.rag.enabled`.
    retriever: Option<Retriever>,
    /// Each account's structured lists (only accounts that have some).
    directories: Arc<HashMap<AccountId, Arc<Directory>>>,
    /// The email transport (`email.transport`).
    pub mail: Arc<dyn EmailTransport>,
    /// The key one-time codes are hashed with, made on first use.
    otp_secret: Arc<OnceLock<OtpSecret>>,
}

impl AppState {
    /// State over an existing catalog and store; builds each agent's LLM client once.
    pub fn new(catalog: Arc<Catalog>, store: Arc<dyn Store>) -> anyhow::Result<Self> {
        let mut llm = HashMap::new();
        for agent in catalog.agents() {
            let client = LlmClient::from_settings(&agent.settings.llm).with_context(|| {
                format!(
                    "building the LLM client of {}/{}",
                    agent.account, agent.agent
                )
            })?;
            match client {
                Some(client) => {
                    llm.insert((agent.account.clone(), agent.agent.clone()), client);
                }
                None => tracing::warn!(
                    account = %agent.account,
                    agent = %agent.agent,
                    "no LLM API key configured (set SALIENT__LLM__API_KEY); turns will answer no_model_configured"
                ),
            }
        }
        let mut directories = HashMap::new();
        for agent in catalog.agents() {
            if directories.contains_key(&agent.account) {
                continue;
            }
            let directory = Directory::load(catalog.root(), &agent.account)
                .with_context(|| format!("loading the directory of {}", agent.account))?;
            if !directory.is_empty() {
                tracing::info!(account = %agent.account, lists = ?directory.lists.keys().collect::<Vec<_>>(), "directory loaded");
                directories.insert(agent.account.clone(), Arc::new(directory));
            }
        }
        let mail = crate::email::transport_from_settings(&catalog.app().email);
        Ok(Self {
            catalog,
            store,
            llm: Arc::new(llm),
            retriever: None,
            directories: Arc::new(directories),
            mail,
            otp_secret: Arc::new(OnceLock::new()),
        })
    }

    /// The account's structured lists, if it has any.
    pub fn directory(&self, account: &AccountId) -> Option<&Arc<Directory>> {
        self.directories.get(account)
    }

    /// Retrieval for the agents with RAG on.
    pub fn retriever(&self) -> Option<&Retriever> {
        self.retriever.as_ref()
    }

    /// Sets the retriever (tests, and [`AppState::from_catalog`]).
    #[must_use]
    pub fn with_retriever(mut self, retriever: Retriever) -> Self {
        self.retriever = Some(retriever);
        self
    }

    /// Builds the retriever from the deployment's `knowledge:` settings when any agent has
    /// RAG on. A missing model or key is logged, not fatal: those agents then answer without
    /// sources (or extractively when they also have no model), and say so in the log.
    #[must_use]
    pub fn with_configured_retriever(self) -> Self {
        let wanted: Vec<String> = self
            .catalog
            .agents()
            .filter(|agent| agent.settings.knowledge.rag.enabled)
            .map(|agent| format!("{}/{}", agent.account, agent.agent))
            .collect();
        if wanted.is_empty() {
            return self;
        }
        match Retriever::from_settings(&self.catalog.app().knowledge) {
            Ok(retriever) => {
                tracing::info!(agents = ?wanted, "retrieval-augmented answers on");
                self.with_retriever(retriever)
            }
            Err(error) => {
                tracing::warn!(
                    agents = ?wanted,
                    error = %format!("{:#}", anyhow::Error::from(error)),
                    "knowledge.rag.enabled is set but the knowledge base cannot be opened; these agents answer without sources"
                );
                self
            }
        }
    }

    /// The key one-time codes are hashed with (`otp.secret`, or a per-process random key
    /// with a warning, made on first use so functions that never issue codes never warn).
    pub fn otp_secret(&self) -> &OtpSecret {
        self.otp_secret
            .get_or_init(|| OtpSecret::from_settings(&self.catalog.app().otp))
    }

    /// Replaces the email transport (tests).
    #[must_use]
    pub fn with_mail(mut self, mail: Arc<dyn EmailTransport>) -> Self {
        self.mail = mail;
        self
    }

    /// The agent's LLM client, if it has an API key.
    pub fn llm(&self, account: &AccountId, agent: &AgentId) -> Option<&LlmClient> {
        self.llm.get(&(account.clone(), agent.clone()))
    }

    /// Replaces every agent's LLM client (tests shorten retry delays with this).
    #[must_use]
    pub fn map_llm_clients(mut self, f: impl Fn(LlmClient) -> LlmClient) -> Self {
        let mapped = self
            .llm
            .iter()
            .map(|(k, v)| (k.clone(), f(v.clone())))
            .collect();
        self.llm = Arc::new(mapped);
        self
    }

    /// Opens the storage backend the catalog's app settings name.
    pub async fn from_catalog(catalog: Catalog) -> anyhow::Result<Self> {
        let storage = &catalog.app().storage;
        let store: Arc<dyn Store> = match storage.backend {
            #[cfg(feature = "embedded")]
            StorageBackend::Embedded => {
                Arc::new(EmbeddedStore::open(&storage.path).with_context(|| {
                    format!("opening the embedded store at {}", storage.path.display())
                })?)
            }
            #[cfg(not(feature = "embedded"))]
            StorageBackend::Embedded => {
                return Err(crate::config::compiled_out::EMBEDDED_STORE.into());
            }
            StorageBackend::Dynamodb => Arc::new(DynamoStore::new(
                dynamodb_client(storage).await,
                storage.table.clone(),
            )),
        };
        Ok(Self::new(Arc::new(catalog), store)?.with_configured_retriever())
    }
}

/// A DynamoDB client for the configured storage: AWS's default credential chain and region,
/// and `storage.endpoint_url` when set (DynamoDB Local).
pub async fn dynamodb_client(storage: &crate::config::StorageSettings) -> aws_sdk_dynamodb::Client {
    let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest());
    if let Some(endpoint) = &storage.endpoint_url {
        loader = loader.endpoint_url(endpoint);
    }
    aws_sdk_dynamodb::Client::new(&loader.load().await)
}

/// Builds the state for a Lambda cold start (or any process): configuration from
/// `SALIENT_CONFIG_DIR` (default `config`), secrets from SSM when `SALIENT_SSM_PREFIX` is set,
/// telemetry from the loaded settings, then storage.
pub async fn bootstrap() -> anyhow::Result<AppState> {
    let config_dir = std::env::var_os("SALIENT_CONFIG_DIR").map_or_else(
        || std::path::PathBuf::from("config"),
        std::path::PathBuf::from,
    );
    let secrets = match std::env::var("SALIENT_SSM_PREFIX") {
        Ok(prefix) if !prefix.is_empty() => {
            let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
                .load()
                .await;
            crate::config::load_ssm_secrets(&aws_sdk_ssm::Client::new(&sdk), &prefix)
                .await
                .context("loading secrets from SSM Parameter Store")?
        }
        _ => Vec::new(),
    };
    let catalog = Catalog::load(&config_dir, &secrets)
        .with_context(|| format!("loading configuration from {}", config_dir.display()))?;
    crate::telemetry::init(&catalog.app().telemetry);
    AppState::from_catalog(catalog).await
}
