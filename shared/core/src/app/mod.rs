//! The state every route shares: configuration, the ports' adapters and the clients, built
//! once per process (per Lambda cold start, or once for the local server) by the composition
//! root, [`compose`]. Nothing else chooses a backend.

mod compose;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub(crate) use compose::assemble;
pub use compose::{
    bootstrap, build, dynamodb_client, open_embedder, open_knowledge, open_vector_index,
};

use crate::config::{Catalog, RateLimitSettings};
use crate::conversation::turn::TurnPorts;
use crate::directory::Directory;
use crate::domain::{AccountId, AgentId};
use crate::knowledge::retrieve::Retriever;
use crate::limits::Limiter;
use crate::llm::LlmClient;
use crate::otp::OtpSecret;
use crate::ports::challenge::ChallengeVerifier;
use crate::ports::crm::{ProfileStore, RateLimitStore};
use crate::ports::email::EmailTransport;
use crate::ports::ingestion::IngestionStore;
use crate::ports::knowledge::{Embedder, KnowledgeError, VectorIndex};
use crate::ports::model::ChatModel;
use crate::ports::spend::SpendStore;
use crate::ports::{LlmRequestStore, MessageStore, SessionStore, Store};

/// The deployment's knowledge base: the embedder of `knowledge.embedding` and the vector
/// index of `knowledge.vector_store`, opened once per process and shared by retrieval and
/// ingestion.
#[derive(Debug, Clone)]
pub struct Knowledge {
    /// Turns text into vectors.
    pub embedder: Arc<dyn Embedder>,
    /// Stores and queries the vectors of every account (one namespace each).
    pub index: Arc<dyn VectorIndex>,
}

/// Shared, cheaply cloned application state.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Every account's and agent's configuration.
    pub catalog: Arc<Catalog>,
    /// Conversation storage.
    pub store: Arc<dyn Store>,
    /// One LLM client per agent that has an API key.
    llm: Arc<HashMap<(AccountId, AgentId), Arc<LlmClient>>>,
    /// The knowledge base, opened on first use (at start when an agent has RAG on).
    knowledge: Arc<tokio::sync::OnceCell<Knowledge>>,
    /// Retrieval over the accounts' knowledge, when any agent has `knowledge.rag.enabled`.
    retriever: Option<Retriever>,
    /// Each account's structured lists (only accounts that have some).
    directories: Arc<HashMap<AccountId, Arc<Directory>>>,
    /// The email transport (`email.transport`).
    pub mail: Arc<dyn EmailTransport>,
    /// Checks Turnstile tokens (`account.turnstile`) with siteverify.
    pub challenges: Arc<dyn ChallengeVerifier>,
    /// The key one-time codes are hashed with, made on first use.
    otp_secret: Arc<OnceLock<OtpSecret>>,
    /// Starts an account's ingestion run from the console, when this host can.
    ingest_trigger: Option<Arc<dyn crate::ports::ingest_trigger::IngestTrigger>>,
    /// Counts every answered request and keeps error events, off the request path.
    pub recorder: crate::monitoring::RequestRecorder,
}

impl AppState {
    /// State over an existing catalog and store: every other adapter from the settings
    /// (see [`assemble`]).
    pub fn new(catalog: Arc<Catalog>, store: Arc<dyn Store>) -> anyhow::Result<Self> {
        assemble(catalog, store)
    }

    /// Opens the storage backend the catalog's app settings name, then every other adapter
    /// (see [`build`]).
    pub async fn from_catalog(catalog: Catalog) -> anyhow::Result<Self> {
        build(catalog).await
    }

    /// The account's structured lists, if it has any.
    pub fn directory(&self, account: &AccountId) -> Option<&Arc<Directory>> {
        self.directories.get(account)
    }

    /// Retrieval for the agents with RAG on.
    pub fn retriever(&self) -> Option<&Retriever> {
        self.retriever.as_ref()
    }

    /// Uses this knowledge base for retrieval and ingestion (tests, and the composition
    /// root when an agent has RAG on).
    #[must_use]
    pub fn with_knowledge(mut self, knowledge: Knowledge) -> Self {
        self.retriever = Some(Retriever::new(
            Arc::clone(&knowledge.embedder),
            Arc::clone(&knowledge.index),
        ));
        self.knowledge = Arc::new(tokio::sync::OnceCell::new_with(Some(knowledge)));
        self
    }

    /// Sets the retriever (tests).
    #[must_use]
    pub fn with_retriever(self, retriever: Retriever) -> Self {
        let (embedder, index) = retriever.parts();
        self.with_knowledge(Knowledge { embedder, index })
    }

    /// The knowledge base, opened from the deployment's `knowledge:` settings on first use
    /// and shared from then on (one owner of an embedded index file per process).
    pub async fn knowledge(&self) -> Result<Knowledge, KnowledgeError> {
        let settings = &self.catalog.app().knowledge;
        self.knowledge
            .get_or_try_init(|| async { open_knowledge(settings) })
            .await
            .cloned()
    }

    /// The knowledge base, if it is open already (never opens it).
    pub fn open_knowledge_base(&self) -> Option<Knowledge> {
        self.knowledge.get().cloned()
    }

    /// What a turn of this agent needs: the storage ports, its model, retrieval and the
    /// account's lists.
    pub fn turn_ports(&self, account: &AccountId, agent: &AgentId) -> TurnPorts {
        TurnPorts {
            sessions: Arc::clone(&self.store) as Arc<dyn SessionStore>,
            messages: Arc::clone(&self.store) as Arc<dyn MessageStore>,
            llm_records: Arc::clone(&self.store) as Arc<dyn LlmRequestStore>,
            profiles: Arc::clone(&self.store) as Arc<dyn ProfileStore>,
            model: self.model(account, agent),
            retriever: self.retriever.clone(),
            directory: self.directory(account).cloned(),
            spend: Arc::clone(&self.store) as Arc<dyn SpendStore>,
            mail: Arc::clone(&self.mail),
            gaps: Arc::clone(&self.store) as Arc<dyn crate::ports::gaps::GapStore>,
            rollups: Arc::clone(&self.store) as Arc<dyn crate::ports::rollups::RollupStore>,
        }
    }

    /// Where content gaps are recorded, with an agent's `knowledge.gaps` settings (questions
    /// that come without their query vector are embedded with the deployment's embedder).
    pub fn gap_recorder(&self, settings: &crate::config::GapSettings) -> crate::gaps::GapRecorder {
        crate::gaps::GapRecorder {
            store: Arc::clone(&self.store) as Arc<dyn crate::ports::gaps::GapStore>,
            embedder: self.retriever.as_ref().map(|r| r.parts().0),
            settings: settings.clone(),
        }
    }

    /// The ingestion records (pages seen, runs), on the same store as everything else.
    pub fn ingestion_records(&self) -> Arc<dyn IngestionStore> {
        Arc::clone(&self.store) as Arc<dyn IngestionStore>
    }

    /// The key one-time codes are hashed with (`otp.secret`, or a per-process random key
    /// with a warning, made on first use so functions that never issue codes never warn).
    pub fn otp_secret(&self) -> &OtpSecret {
        self.otp_secret
            .get_or_init(|| OtpSecret::from_settings(&self.catalog.app().otp))
    }

    /// What the operator console's calls share: its settings, operators, session store,
    /// rate counters and key.
    pub fn console(&self) -> crate::console::ConsoleContext<'_> {
        crate::console::ConsoleContext {
            settings: &self.catalog.app().console,
            operators: self.catalog.operators(),
            sessions: self.store.as_ref(),
            rates: self.store.as_ref(),
            secret: self.otp_secret(),
        }
    }

    /// The rate limiter over this state's counters, applying an agent's `rate_limits`.
    pub fn limiter<'a>(&'a self, settings: &'a RateLimitSettings) -> Limiter<'a> {
        Limiter::new(self.store.as_ref(), self.otp_secret(), settings)
    }

    /// The counters and leases every limit is kept in (a stream's lease outlives the
    /// request that took it).
    pub fn rate_store(&self) -> Arc<dyn RateLimitStore> {
        Arc::clone(&self.store) as Arc<dyn RateLimitStore>
    }

    /// How this host starts an ingestion run from the console ("Re-crawl now"): set by the
    /// console function's `main.rs` (the ingest function, invoked asynchronously) and by
    /// `salient serve` (a task of the process).
    #[must_use]
    pub fn with_ingest_trigger(
        mut self,
        trigger: Arc<dyn crate::ports::ingest_trigger::IngestTrigger>,
    ) -> Self {
        self.ingest_trigger = Some(trigger);
        self
    }

    /// The ingest trigger, when this host has one.
    pub fn ingest_trigger(&self) -> Option<&dyn crate::ports::ingest_trigger::IngestTrigger> {
        self.ingest_trigger.as_deref()
    }

    /// Replaces the email transport (tests).
    #[must_use]
    pub fn with_mail(mut self, mail: Arc<dyn EmailTransport>) -> Self {
        self.mail = mail;
        self
    }

    /// The agent's model, if it has an API key.
    pub fn model(&self, account: &AccountId, agent: &AgentId) -> Option<Arc<dyn ChatModel>> {
        self.llm
            .get(&(account.clone(), agent.clone()))
            .map(|client| Arc::clone(client) as Arc<dyn ChatModel>)
    }

    /// Replaces every agent's LLM client (tests shorten retry delays with this).
    #[must_use]
    pub fn map_llm_clients(mut self, f: impl Fn(LlmClient) -> LlmClient) -> Self {
        let mapped = self
            .llm
            .iter()
            .map(|(k, v)| (k.clone(), Arc::new(f(LlmClient::clone(v)))))
            .collect();
        self.llm = Arc::new(mapped);
        self
    }
}
