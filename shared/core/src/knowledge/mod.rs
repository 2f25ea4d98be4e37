//! Knowledge: ingestion, embeddings, vector indexes, retrieval.
pub mod chunk;
pub mod crawl;
pub mod extract;
pub mod ingest;
