//! How an agent retrieves knowledge (`knowledge:` in the cascade): the embedding provider,
//! the vector store, and the per-agent RAG settings.
//! (Being filled in by the retrieval work.)

use serde::{Deserialize, Serialize};

/// Knowledge settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KnowledgeSettings {
    /// Retrieval-augmented answers on or off for this agent.
    pub rag_enabled: bool,
}
