//! Knowledge ports: what ingestion writes and retrieval reads. Embedding providers and
//! vector indexes are traits so the local default (in-process MiniLM + an exact embedded index)
//! and the cloud ones (OpenAI-compatible `/embeddings`, Pinecone Inference, Pinecone's data
//! plane) are interchangeable. Every call is scoped by account: in Pinecone the account is
//! the namespace; in the embedded index it is part of every key.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::domain::AccountId;

/// Why a knowledge call failed.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// Bad input (empty text, wrong dimension, malformed filter).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// The provider or backend failed; `retryable` says whether trying again may succeed.
    #[error("knowledge backend failed")]
    Backend {
        /// Throttling, timeouts and 5xx are retryable.
        retryable: bool,
        /// The cause.
        #[source]
        source: anyhow::Error,
    },
}

impl KnowledgeError {
    /// A failure that retrying will not fix.
    pub fn fatal(source: impl Into<anyhow::Error>) -> Self {
        Self::Backend {
            retryable: false,
            source: source.into(),
        }
    }

    /// A failure that may pass on retry.
    pub fn transient(source: impl Into<anyhow::Error>) -> Self {
        Self::Backend {
            retryable: true,
            source: source.into(),
        }
    }
}

/// Whether a text is a document passage or a visitor's query (some models embed them
/// differently; MiniLM does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    /// A chunk of a page.
    Passage,
    /// A visitor's question.
    Query,
}

/// Turns texts into vectors.
#[async_trait]
pub trait Embedder: Send + Sync + std::fmt::Debug {
    /// The model's identifier (stored with every vector, so a model change re-embeds).
    fn model_id(&self) -> &str;
    /// Vector length.
    fn dimensions(&self) -> usize;
    /// One vector per text, in order, L2-normalised.
    async fn embed(
        &self,
        texts: &[String],
        kind: EmbedKind,
    ) -> Result<Vec<Vec<f32>>, KnowledgeError>;
}

/// One chunk of a page, as stored in an index (its metadata travels with the vector).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChunkRecord {
    /// Stable id: derived from the page URL and the chunk's position, e.g.
    /// `<sha256(url)[..16]>#<index>`, so a page's chunks can be deleted by prefix.
    pub id: String,
    /// The page's canonical URL.
    pub url: String,
    /// The page title.
    pub title: String,
    /// Headings from the page title down to this chunk ("Pricing › Heat pumps").
    pub heading_path: Vec<String>,
    /// The chunk text (what is cited and put into prompts).
    pub text: String,
    /// Hash of the page content the chunk came from.
    pub page_hash: String,
    /// The day the page says it was published or last updated, else its sitemap `lastmod`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
}

/// A chunk with its vector, ready to upsert.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedChunk {
    /// The chunk.
    pub record: ChunkRecord,
    /// Its embedding.
    pub vector: Vec<f32>,
}

/// A retrieval request.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorQuery {
    /// The query embedding.
    pub vector: Vec<f32>,
    /// The query text, for the lexical (BM25-style) half of hybrid retrieval.
    pub text: String,
    /// How many results.
    pub top_k: usize,
    /// Only chunks whose URL starts with this (metadata filter), if set.
    pub url_prefix: Option<String>,
}

/// A retrieved chunk and its fused score (higher is better), with the two signals the
/// score was fused from when the index keeps them apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoredChunk {
    /// The chunk.
    pub record: ChunkRecord,
    /// The fused score.
    pub score: f32,
    /// The cosine similarity of the chunk's vector and the query's, when known.
    pub dense: Option<f32>,
    /// The normalised lexical (BM25) score, 0 to 1, when known.
    pub lexical: Option<f32>,
}

/// Stores vectors per account and answers hybrid (dense + lexical) queries.
#[async_trait]
pub trait VectorIndex: Send + Sync + std::fmt::Debug {
    /// Inserts or replaces chunks by id.
    async fn upsert(
        &self,
        account: &AccountId,
        chunks: &[IndexedChunk],
    ) -> Result<(), KnowledgeError>;
    /// Deletes chunks by id (missing ids are not an error).
    async fn delete(&self, account: &AccountId, ids: &[String]) -> Result<(), KnowledgeError>;
    /// Deletes every chunk of one page URL.
    async fn delete_url(&self, account: &AccountId, url: &str) -> Result<(), KnowledgeError>;
    /// The best chunks for a query, best first.
    async fn query(
        &self,
        account: &AccountId,
        query: &VectorQuery,
    ) -> Result<Vec<ScoredChunk>, KnowledgeError>;
    /// How many chunks the account has.
    async fn count(&self, account: &AccountId) -> Result<u64, KnowledgeError>;
    /// Deletes everything of an account (data deletion requests, tests).
    async fn delete_account(&self, account: &AccountId) -> Result<(), KnowledgeError>;
    /// One page of the account's indexed pages with their chunk counts, in the index's
    /// own order; `after` is the previous page's opaque cursor. An index that cannot list
    /// says so with `Invalid`.
    async fn list_pages(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: usize,
    ) -> Result<IndexedPages, KnowledgeError> {
        let _ = (account, after, limit);
        Err(KnowledgeError::Invalid(
            "this vector index cannot list its pages".to_owned(),
        ))
    }
}

/// A page as the index holds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexedPage {
    /// The page's id in chunk ids (`sha256(url)[..16]`, the part before `#`).
    pub url_id: String,
    /// Its URL, when the index keeps it where a listing can read it (the embedded index;
    /// Pinecone lists ids only, so its pages' URLs come from the ingestion records).
    pub url: Option<String>,
    /// Its title, likewise.
    pub title: Option<String>,
    /// How many chunks it has in the index.
    pub chunks: u64,
    /// The page's date, when known.
    pub date: Option<chrono::NaiveDate>,
}

/// One page of a listing of indexed pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IndexedPages {
    /// The pages.
    pub pages: Vec<IndexedPage>,
    /// Pass back for the next page; `None` on the last.
    pub next: Option<String>,
}
