//! How an agent retrieves knowledge (`knowledge:` in the cascade): the embedding provider,
//! the vector store, and the per-agent RAG settings. API keys are secrets: only from the
//! environment (`SALIENT__KNOWLEDGE__EMBEDDING__API_KEY`,
//! `SALIENT__KNOWLEDGE__VECTOR_STORE__API_KEY`) or SSM, never from a file.

use std::path::PathBuf;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// Knowledge settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KnowledgeSettings {
    /// Which model turns text into vectors.
    pub embedding: EmbeddingSettings,
    /// Where the vectors live.
    pub vector_store: VectorStoreSettings,
    /// Retrieval-augmented answers.
    pub rag: RagSettings,
    /// Recording and grouping the questions the agent could not answer well.
    pub gaps: GapSettings,
}

/// The embedding provider.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum EmbeddingProvider {
    /// all-MiniLM-L6-v2 (or another sentence-transformers BERT model) run in-process from
    /// `local_model_dir`: no cloud, no download at run time (`scripts/install-model.sh`
    /// installs MiniLM's files).
    #[default]
    Local,
    /// Any OpenAI-compatible `POST {base_url}/embeddings`.
    Openai,
    /// Pinecone Inference, `POST https://api.pinecone.io/embed`.
    Pinecone,
}

/// Embedding settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmbeddingSettings {
    /// The provider.
    pub provider: EmbeddingProvider,
    /// The local model's directory (`config.json`, `tokenizer.json`, `model.safetensors`).
    pub local_model_dir: PathBuf,
    /// The base URL of the API (`/embeddings` is appended for `openai`; `/embed` for
    /// `pinecone`). Empty: the provider's own.
    pub base_url: String,
    /// The remote model (`text-embedding-3-small`, `multilingual-e5-large`, ...); the local
    /// provider ignores it.
    pub model: String,
    /// Vector length the remote model returns (sent as `dimensions` to OpenAI-compatible
    /// APIs and as `dimension` to Pinecone models that take one; 0: the model's default,
    /// learnt from the first answer).
    pub dimensions: usize,
    /// Texts per request.
    pub batch_size: usize,
    /// Seconds a request may take.
    pub timeout_secs: u64,
    /// The API key: only from the environment or SSM.
    #[serde(skip_serializing)]
    pub api_key: Option<SecretString>,
}

impl Default for EmbeddingSettings {
    fn default() -> Self {
        Self {
            provider: EmbeddingProvider::Local,
            local_model_dir: PathBuf::from(".tools/models/all-MiniLM-L6-v2"),
            base_url: String::new(),
            model: String::new(),
            dimensions: 0,
            batch_size: 64,
            timeout_secs: 30,
            api_key: None,
        }
    }
}

/// The vector store backend.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum VectorBackend {
    /// Exact hybrid search over a SQLite file, loaded into memory per account.
    #[default]
    Embedded,
    /// A Pinecone serverless index; one namespace per account.
    Pinecone,
}

/// Vector store settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct VectorStoreSettings {
    /// The backend.
    pub backend: VectorBackend,
    /// The SQLite file of the embedded backend.
    pub path: PathBuf,
    /// The Pinecone index host, e.g. `https://docs-abc123.svc.aped-1234.pinecone.io`.
    pub index_host: String,
    /// Send BM25-style sparse values with every vector and query (Pinecone's hybrid
    /// search; the index must use the `dotproduct` metric). Off: dense only.
    pub sparse: bool,
    /// Seconds a request may take.
    pub timeout_secs: u64,
    /// The Pinecone API key: only from the environment or SSM.
    #[serde(skip_serializing)]
    pub api_key: Option<SecretString>,
}

impl Default for VectorStoreSettings {
    fn default() -> Self {
        Self {
            backend: VectorBackend::Embedded,
            path: PathBuf::from(".salient/vectors.db"),
            index_host: String::new(),
            sparse: false,
            timeout_secs: 15,
            api_key: None,
        }
    }
}

/// Retrieval-augmented answers, per agent.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RagSettings {
    /// Retrieval on or off for this agent.
    pub enabled: bool,
    /// Chunks retrieved per turn.
    pub top_k: usize,
    /// Most chunks one page may give of the `top_k`, so one long page cannot crowd out
    /// another page a question also needs.
    pub max_chunks_per_page: usize,
    /// Chunks scoring below this (fused score, roughly 0 to 1) are dropped.
    pub score_threshold: f32,
    /// Token budget for retrieved chunks in the prompt.
    pub max_context_tokens: usize,
    /// When the retrieved chunks count as not covering the question.
    pub abstain: AbstainSettings,
}

/// Calibrated abstention: a question no retrieved chunk is relevant to gets a plain "the
/// site doesn't cover that" with the next step, without calling the model. A retrieval
/// is relevant when its best fused score reaches `min_score`, or when the dense and the
/// lexical signal each rank the same page among their best `agree_within` pages (counting
/// lexical matches scoring at least `min_lexical`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AbstainSettings {
    /// Abstention on or off.
    pub enabled: bool,
    /// The fused score (0.65 × cosine + 0.35 × lexical) that alone makes a retrieval
    /// relevant for an answer quoted without a model.
    pub min_score: f32,
    /// The fused score that alone sends a retrieval to the model, which reads the sources
    /// and says so when they do not answer. Lower than `min_score`: the model tells a page
    /// that answers in other words from one that does not, so only a retrieval that is near
    /// nothing is turned down before it is called.
    pub min_score_before_model: f32,
    /// How many of each signal's best pages are compared; a page in both makes a retrieval
    /// relevant whatever its fused score. 0: the fused score alone decides.
    pub agree_within: usize,
    /// The lexical score (0 to 1) a page needs to count in the lexical signal's ranking,
    /// so a single common word shared with the question does not make an agreement.
    pub min_lexical: f32,
    /// The share (0 to 1) of the question's information, its content words weighed by
    /// their rarity in English, that the retrieved chunks may leave unmentioned; at or
    /// above it the retrieval is not relevant, whatever the scores (1: off).
    pub max_unknown: f32,
    /// For a question asking for a time, a date, a price or a phone number, the share (0
    /// to 1) of what it is about (its rarer words weighing more) that a retrieved sentence
    /// giving such an answer must name ("What time does the abbey open?" is not answered by the shop's
    /// hours); below it the retrieval is not relevant for an answer quoted without a model
    /// (0: off).
    pub min_kind_cover: f32,
}

impl Default for AbstainSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            min_score: 0.28,
            min_score_before_model: 0.18,
            agree_within: 1,
            min_lexical: 0.3,
            max_unknown: 0.6,
            min_kind_cover: 0.25,
        }
    }
}

impl Default for RagSettings {
    fn default() -> Self {
        Self {
            enabled: false,
            top_k: 5,
            max_chunks_per_page: 2,
            score_threshold: 0.2,
            max_context_tokens: 1500,
            abstain: AbstainSettings::default(),
        }
    }
}

/// Content gaps (`knowledge.gaps`): questions answered from no source, quoted instead of
/// written, rated not helpful, or answered by the model with "the site doesn't say", each
/// recorded in the group of similar questions of its account and agent.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct GapSettings {
    /// Recording on or off.
    pub enabled: bool,
    /// The cosine similarity (of the questions' embeddings) at or above which a question
    /// joins an existing group.
    pub similarity: f32,
    /// Most open groups an account keeps; a new group beyond it drops the open group
    /// seen longest ago.
    pub max_open_groups: u32,
}

impl Default for GapSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            similarity: 0.8,
            max_open_groups: 500,
        }
    }
}
