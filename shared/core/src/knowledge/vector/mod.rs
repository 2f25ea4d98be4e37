//! Vector indexes behind [`VectorIndex`]: the embedded exact hybrid index (the local
//! default) and Pinecone's data plane. The composition root (`app::compose`) builds the
//! configured one.

#[cfg(feature = "embedded")]
pub(crate) mod embedded;
#[cfg(feature = "embedded")]
pub(crate) mod flat;
pub(crate) mod lexical;
pub(crate) mod pinecone;
#[cfg(feature = "embedded")]
mod quantised;

/// Weight of the cosine similarity in a fused (hybrid) score, on either index.
pub(crate) const DENSE_WEIGHT: f32 = 0.65;
/// Weight of the normalised BM25 score in a fused (hybrid) score, on either index.
pub(crate) const LEXICAL_WEIGHT: f32 = 0.35;

#[cfg(feature = "embedded")]
pub use embedded::EmbeddedIndex;
pub use pinecone::PineconeIndex;
