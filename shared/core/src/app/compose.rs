//! The composition root: the one place that reads the settings and picks an adapter for
//! every port (storage, vectors, embedder, model clients, email transport). Function
//! crates, the local server and the CLI all start here; no other code chooses a backend,
//! and each adapter (one SQLite file, one index) has one owner per process.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use anyhow::Context as _;

use super::{AppState, Knowledge};
use crate::adapters::dynamodb::DynamoStore;
#[cfg(feature = "embedded")]
use crate::adapters::embedded::EmbeddedStore;
use std::time::Duration;

use secrecy::SecretString;

use crate::config::{
    Catalog, EmailSettings, EmailTransportKind, EmbeddingProvider, KnowledgeSettings,
    StorageBackend, StorageSettings, VectorBackend,
};
use crate::directory::Directory;
use crate::domain::Retention;
use crate::llm::LlmClient;
use crate::ports::Store;
use crate::ports::email::EmailTransport;
use crate::ports::knowledge::KnowledgeError;
use crate::ports::knowledge::{Embedder, VectorIndex};

/// Builds the state for a Lambda cold start (or any process): configuration from
/// `SALIENT_CONFIG_DIR` (default `config`), secrets from SSM when `SALIENT_SSM_PREFIX` is set,
/// telemetry from the loaded settings, then every adapter ([`build`]).
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
    if std::env::var_os("AWS_LAMBDA_FUNCTION_NAME").is_some()
        && catalog.app().server.origin_secret.is_none()
    {
        tracing::warn!(
            "server.origin_secret is not set: this function answers requests that did not come through CloudFront, and counts per-IP limits by the HTTP API's sourceIp (docs/security.md)"
        );
    }
    build(catalog).await
}

/// Opens the storage backend `storage:` names, stamping what it writes with each account's
/// `retention.days`, then [`assemble`]s the rest.
pub async fn build(catalog: Catalog) -> anyhow::Result<AppState> {
    let store = open_store(&catalog.app().storage, catalog.retention()).await?;
    assemble(Arc::new(catalog), store)
}

/// Every adapter but storage, from the settings, around an open store: one model client per
/// agent that has an API key, each account's directory, the email transport, the Turnstile
/// siteverify client, and the
/// knowledge base when any agent has RAG on (a missing model or key is logged, not fatal:
/// those agents answer without sources; a directory file that cannot be loaded is logged and
/// leaves that account without its directory).
pub(crate) fn assemble(catalog: Arc<Catalog>, store: Arc<dyn Store>) -> anyhow::Result<AppState> {
    let llm = model_clients(&catalog)?;
    let directories = directories(&catalog);
    let mail = email_transport(&catalog.app().email);
    let challenges = Arc::new(
        crate::adapters::turnstile::TurnstileVerifier::new()
            .context("building the Turnstile siteverify client")?,
    );
    let recorder = crate::monitoring::RequestRecorder::new(
        Arc::clone(&store) as Arc<dyn crate::ports::metrics::MetricsStore>,
        Arc::clone(&store) as Arc<dyn crate::ports::rollups::RollupStore>,
    );
    let state = AppState {
        catalog,
        store,
        llm: Arc::new(llm),
        knowledge: Arc::new(tokio::sync::OnceCell::new()),
        retriever: None,
        directories: Arc::new(directories),
        mail,
        challenges,
        otp_secret: Arc::new(OnceLock::new()),
        recorder,
        ingest_trigger: None,
    };
    Ok(with_configured_knowledge(state))
}

/// The conversation, CRM and ingestion store `storage.backend` names, expiring what it
/// writes after each account's `retention`.
async fn open_store(
    storage: &StorageSettings,
    retention: Retention,
) -> anyhow::Result<Arc<dyn Store>> {
    Ok(match storage.backend {
        #[cfg(feature = "embedded")]
        StorageBackend::Embedded => Arc::new(
            EmbeddedStore::open(&storage.path)
                .with_context(|| {
                    format!("opening the embedded store at {}", storage.path.display())
                })?
                .with_retention(retention),
        ),
        #[cfg(not(feature = "embedded"))]
        StorageBackend::Embedded => {
            return Err(crate::config::compiled_out::EMBEDDED_STORE.into());
        }
        StorageBackend::Dynamodb => Arc::new(
            DynamoStore::new(dynamodb_client(storage).await, storage.table.clone())
                .with_retention(retention),
        ),
    })
}

/// A DynamoDB client for the configured storage: AWS's default credential chain and region,
/// and `storage.endpoint_url` when set (DynamoDB Local).
pub async fn dynamodb_client(storage: &StorageSettings) -> aws_sdk_dynamodb::Client {
    let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest());
    if let Some(endpoint) = &storage.endpoint_url {
        loader = loader.endpoint_url(endpoint);
    }
    aws_sdk_dynamodb::Client::new(&loader.load().await)
}

/// The embedder and vector index the deployment's `knowledge:` settings name.
pub fn open_knowledge(settings: &KnowledgeSettings) -> Result<Knowledge, KnowledgeError> {
    Ok(Knowledge {
        embedder: open_embedder(settings)?,
        index: open_vector_index(settings)?,
    })
}

/// The embedder `knowledge.embedding` names.
pub fn open_embedder(settings: &KnowledgeSettings) -> Result<Arc<dyn Embedder>, KnowledgeError> {
    let embedding = &settings.embedding;
    let timeout = Duration::from_secs(embedding.timeout_secs);
    let key = || -> Result<SecretString, KnowledgeError> {
        embedding.api_key.clone().ok_or_else(|| {
            KnowledgeError::Invalid(
                "knowledge.embedding.api_key is not set (SALIENT__KNOWLEDGE__EMBEDDING__API_KEY)"
                    .to_owned(),
            )
        })
    };
    // The provider's own endpoint unless the settings name another (a proxy, a stand-in).
    let base_url = |default: &'static str| -> &str {
        if embedding.base_url.is_empty() {
            default
        } else {
            &embedding.base_url
        }
    };
    Ok(match embedding.provider {
        #[cfg(feature = "local-embeddings")]
        EmbeddingProvider::Local => Arc::new(crate::knowledge::embed::LocalEmbedder::new(
            &embedding.local_model_dir,
        )?),
        #[cfg(not(feature = "local-embeddings"))]
        EmbeddingProvider::Local => {
            return Err(KnowledgeError::Invalid(
                crate::config::compiled_out::LOCAL_EMBEDDINGS.to_string(),
            ));
        }
        EmbeddingProvider::Openai => Arc::new(crate::knowledge::embed::OpenAiEmbedder::new(
            base_url(crate::knowledge::embed::openai::DEFAULT_BASE_URL),
            key()?,
            &embedding.model,
            embedding.dimensions,
            embedding.batch_size,
            timeout,
        )?),
        EmbeddingProvider::Pinecone => Arc::new(crate::knowledge::embed::PineconeEmbedder::new(
            base_url(crate::knowledge::embed::pinecone::DEFAULT_BASE_URL),
            key()?,
            &embedding.model,
            embedding.dimensions,
            embedding.batch_size,
            timeout,
        )?),
    })
}

/// The vector index `knowledge.vector_store` names.
pub fn open_vector_index(
    settings: &KnowledgeSettings,
) -> Result<Arc<dyn VectorIndex>, KnowledgeError> {
    let store = &settings.vector_store;
    Ok(match store.backend {
        #[cfg(feature = "embedded")]
        VectorBackend::Embedded => {
            Arc::new(crate::knowledge::vector::EmbeddedIndex::open(&store.path)?)
        }
        #[cfg(not(feature = "embedded"))]
        VectorBackend::Embedded => {
            return Err(KnowledgeError::Invalid(
                crate::config::compiled_out::EMBEDDED_VECTOR_INDEX.to_string(),
            ));
        }
        VectorBackend::Pinecone => {
            let api_key = store.api_key.clone().ok_or_else(|| {
                KnowledgeError::Invalid(
                    "knowledge.vector_store.api_key is not set (SALIENT__KNOWLEDGE__VECTOR_STORE__API_KEY)"
                        .to_owned(),
                )
            })?;
            Arc::new(crate::knowledge::vector::PineconeIndex::new(
                &store.index_host,
                api_key,
                store.sparse,
                std::time::Duration::from_secs(store.timeout_secs),
            )?)
        }
    })
}

/// The transport `email.transport` names: the file outbox (local default) or SES v2.
fn email_transport(settings: &EmailSettings) -> Arc<dyn EmailTransport> {
    match settings.transport {
        EmailTransportKind::Outbox => Arc::new(crate::adapters::outbox::FileOutbox::new(
            settings.outbox_dir.clone(),
        )),
        EmailTransportKind::Ses => Arc::new(crate::adapters::ses::SesTransport::new(
            settings.ses_endpoint_url.clone(),
        )),
    }
}

/// One model client per agent with an API key; agents without one answer
/// `no_model_configured` (or extractively), and the log says so once.
fn model_clients(
    catalog: &Catalog,
) -> anyhow::Result<HashMap<(crate::domain::AccountId, crate::domain::AgentId), Arc<LlmClient>>> {
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
                llm.insert(
                    (agent.account.clone(), agent.agent.clone()),
                    Arc::new(client),
                );
            }
            None => tracing::warn!(
                account = %agent.account,
                agent = %agent.agent,
                "no LLM API key configured (set SALIENT__LLM__API_KEY); turns will answer no_model_configured"
            ),
        }
    }
    Ok(llm)
}

/// Each account's structured lists (only accounts that have some). A list file that cannot
/// be read or parsed disables that account's directory alone: the error is logged with the
/// account and the file, and its agents answer without the directory tool while every other
/// account keeps its lists (`salient config check` reports the same error and fails).
fn directories(catalog: &Catalog) -> HashMap<crate::domain::AccountId, Arc<Directory>> {
    let mut directories = HashMap::new();
    let mut loaded = std::collections::HashSet::new();
    for agent in catalog.agents() {
        if !loaded.insert(agent.account.clone()) {
            continue;
        }
        match Directory::load(catalog.root(), &agent.account) {
            Ok(directory) if directory.is_empty() => {}
            Ok(directory) => {
                tracing::info!(account = %agent.account, lists = ?directory.lists.keys().collect::<Vec<_>>(), "directory loaded");
                directories.insert(agent.account.clone(), Arc::new(directory));
            }
            Err(error) => {
                let crate::directory::DirectoryError::File { path, message } = &error;
                tracing::error!(
                    account = %agent.account,
                    file = %path.display(),
                    error = %message,
                    "the directory cannot be loaded; this account's agents answer without it"
                );
            }
        }
    }
    directories
}

/// Opens the knowledge base at start when any agent has RAG on.
fn with_configured_knowledge(state: AppState) -> AppState {
    let wanted: Vec<String> = state
        .catalog
        .agents()
        .filter(|agent| agent.settings.knowledge.rag.enabled)
        .map(|agent| format!("{}/{}", agent.account, agent.agent))
        .collect();
    if wanted.is_empty() {
        return state;
    }
    match open_knowledge(&state.catalog.app().knowledge) {
        Ok(knowledge) => {
            tracing::info!(agents = ?wanted, "retrieval-augmented answers on");
            state.with_knowledge(knowledge)
        }
        Err(error) => {
            tracing::warn!(
                agents = ?wanted,
                error = %format!("{:#}", anyhow::Error::from(error)),
                "knowledge.rag.enabled is set but the knowledge base cannot be opened; these agents answer without sources"
            );
            state
        }
    }
}
