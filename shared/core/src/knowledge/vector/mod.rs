//! Vector indexes behind [`VectorIndex`]: the embedded exact hybrid index (the local
//! default) and Pinecone's data plane. [`from_settings`] builds the configured one.

#[cfg(feature = "embedded")]
pub mod embedded;
pub mod flat;
pub mod lexical;
pub mod pinecone;
mod quantised;

use std::sync::Arc;

use crate::config::{KnowledgeSettings, VectorBackend};
use crate::ports::knowledge::{KnowledgeError, VectorIndex};

#[cfg(feature = "embedded")]
pub use embedded::EmbeddedIndex;
pub use pinecone::PineconeIndex;

/// The vector index `knowledge.vector_store` names.
pub fn from_settings(settings: &KnowledgeSettings) -> Result<Arc<dyn VectorIndex>, KnowledgeError> {
    let store = &settings.vector_store;
    Ok(match store.backend {
        #[cfg(feature = "embedded")]
        VectorBackend::Embedded => Arc::new(EmbeddedIndex::open(&store.path)?),
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
            Arc::new(PineconeIndex::new(
                &store.index_host,
                api_key,
                store.sparse,
                std::time::Duration::from_secs(store.timeout_secs),
            )?)
        }
    })
}
