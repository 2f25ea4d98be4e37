//! Knowledge: embeddings, vector indexes, retrieval, and the exact token counter. Site
//! ingestion (crawl, extract, chunk, the ingest run) is the salient-ingestion crate, which
//! writes through the ports these implement.
pub mod embed;
pub mod eval;
pub mod retrieve;
pub mod token_count;
pub mod vector;
