//! Knowledge: embeddings, vector indexes, retrieval, and the exact token counter. Site
//! ingestion (crawl, extract, chunk, the ingest run) is the salient-ingestion crate, which
//! writes through the ports these implement.
pub mod abstain;
pub(crate) mod asked_kind;
pub(crate) mod embed;
pub mod eval;
pub(crate) mod follow_up;
pub(crate) mod quote;
pub(crate) mod retrieve;
pub(crate) mod token_count;
pub(crate) mod vector;
pub(crate) mod word_frequency;
