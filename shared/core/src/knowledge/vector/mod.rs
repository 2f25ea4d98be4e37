//! Vector indexes behind [`VectorIndex`]: the embedded exact hybrid index (the local
//! default) and Pinecone's data plane. the composition root
//! (`app::compose`) builds the configured one.

#[cfg(feature = "embedded")]
pub mod embedded;
pub mod flat;
pub mod lexical;
pub mod pinecone;
mod quantised;

#[cfg(feature = "embedded")]
pub use embedded::EmbeddedIndex;
pub use pinecone::PineconeIndex;
