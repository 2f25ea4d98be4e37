//! Backends a build can leave out. salient-core's cargo features `embedded` (the SQLite
//! store and vector index) and `local-embeddings` (the in-process MiniLM) are on for the CLI and
//! the tests and off for the Lambda functions; a configuration that names a backend the
//! build lacks fails at start-up with this error, naming the setting and what to use.

/// A configured backend this build was compiled without.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "{setting} is `{value}`, but this build has no such backend (salient-core was compiled \
     without its `{feature}` feature, as the Lambda functions are); set {instead}"
)]
pub struct CompiledOut {
    /// The setting's key, e.g. `storage.backend`.
    pub setting: &'static str,
    /// The value it names.
    pub value: &'static str,
    /// The cargo feature of salient-core that brings the backend.
    pub feature: &'static str,
    /// What to configure instead.
    pub instead: &'static str,
}

/// `storage.backend: embedded` without the `embedded` feature.
pub const EMBEDDED_STORE: CompiledOut = CompiledOut {
    setting: "storage.backend",
    value: "embedded",
    feature: "embedded",
    instead: "storage.backend: dynamodb (SALIENT__STORAGE__BACKEND=dynamodb)",
};

/// `knowledge.vector_store.backend: embedded` without the `embedded` feature.
pub const EMBEDDED_VECTOR_INDEX: CompiledOut = CompiledOut {
    setting: "knowledge.vector_store.backend",
    value: "embedded",
    feature: "embedded",
    instead: "knowledge.vector_store.backend: pinecone \
              (SALIENT__KNOWLEDGE__VECTOR_STORE__BACKEND=pinecone)",
};

/// `knowledge.embedding.provider: local` without the `local-embeddings` feature.
pub const LOCAL_EMBEDDINGS: CompiledOut = CompiledOut {
    setting: "knowledge.embedding.provider",
    value: "local",
    feature: "local-embeddings",
    instead: "knowledge.embedding.provider: openai or pinecone \
              (SALIENT__KNOWLEDGE__EMBEDDING__PROVIDER)",
};
