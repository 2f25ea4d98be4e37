//! Embedding providers behind [`Embedder`]: the local MiniLM (the default: no cloud), any
//! OpenAI-compatible `/embeddings` API, and Pinecone Inference. the composition root
//! (`app::compose`) builds the configured one.

#[cfg(feature = "local-embeddings")]
pub(crate) mod bert;
#[cfg(feature = "local-embeddings")]
pub(crate) mod local;
pub(crate) mod openai;
pub(crate) mod pinecone;
pub(crate) mod remote;

#[cfg(feature = "local-embeddings")]
pub use local::LocalEmbedder;
pub use openai::OpenAiEmbedder;
pub use pinecone::PineconeEmbedder;
