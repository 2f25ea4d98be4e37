//! The state every route shares: configuration and storage, built once per process (per
//! Lambda cold start, or once for the local server).

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::Context as _;

use crate::adapters::dynamodb::DynamoStore;
#[cfg(feature = "embedded")]
use crate::adapters::embedded::EmbeddedStore;
use crate::config::{Catalog, StorageBackend};
use crate::domain::{AccountId, AgentId};
use crate::llm::LlmClient;
use crate::ports::Store;

/// Shared, cheaply cloned application state.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Every account's and agent's configuration.
    pub catalog: Arc<Catalog>,
    /// Conversation storage.
    pub store: Arc<dyn Store>,
    /// One LLM client per agent that has an API key.
    llm: Arc<HashMap<(AccountId, AgentId), LlmClient>>,
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
        Ok(Self {
            catalog,
            store,
            llm: Arc::new(llm),
        })
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
        Self::new(Arc::new(catalog), store)
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
