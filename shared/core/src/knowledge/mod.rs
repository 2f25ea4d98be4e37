//! Knowledge: ingestion, embeddings, vector indexes, retrieval.
pub mod chunk;
pub mod crawl;
pub mod embed;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod retrieve;
pub mod token_count;
pub mod vector;
