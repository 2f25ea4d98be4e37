//! Embedding providers behind [`Embedder`]: the local MiniLM (the default: no cloud), any
//! OpenAI-compatible `/embeddings` API, and Pinecone Inference. [`from_settings`] builds
//! the configured one.

#[cfg(feature = "local-embeddings")]
pub mod local;
pub mod openai;
pub mod pinecone;
pub(crate) mod remote;

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;

use crate::config::{EmbeddingProvider, KnowledgeSettings};
use crate::ports::knowledge::{Embedder, KnowledgeError};

#[cfg(feature = "local-embeddings")]
pub use local::LocalEmbedder;
pub use openai::OpenAiEmbedder;
pub use pinecone::PineconeEmbedder;

/// The embedder `knowledge.embedding` names.
pub fn from_settings(settings: &KnowledgeSettings) -> Result<Arc<dyn Embedder>, KnowledgeError> {
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
    Ok(match embedding.provider {
        #[cfg(feature = "local-embeddings")]
        EmbeddingProvider::Local => Arc::new(LocalEmbedder::new(&embedding.local_model_dir)?),
        #[cfg(not(feature = "local-embeddings"))]
        EmbeddingProvider::Local => {
            return Err(KnowledgeError::Invalid(
                crate::config::compiled_out::LOCAL_EMBEDDINGS.to_string(),
            ));
        }
        EmbeddingProvider::Openai => {
            let base_url = if embedding.base_url.is_empty() {
                openai::DEFAULT_BASE_URL
            } else {
                &embedding.base_url
            };
            Arc::new(OpenAiEmbedder::new(
                base_url,
                key()?,
                &embedding.model,
                embedding.dimensions,
                embedding.batch_size,
                timeout,
            )?)
        }
        EmbeddingProvider::Pinecone => {
            let base_url = if embedding.base_url.is_empty() {
                pinecone::DEFAULT_BASE_URL
            } else {
                &embedding.base_url
            };
            Arc::new(PineconeEmbedder::new(
                base_url,
                key()?,
                &embedding.model,
                embedding.dimensions,
                embedding.batch_size,
                timeout,
            )?)
        }
    })
}
