//! Salient's site ingestion: crawling an account's site safely (SSRF guard, robots.txt,
//! sitemaps), extracting each page's main content, chunking it by tokens, and the ingest
//! run that embeds and indexes new and changed pages through salient-core's ports
//! (`Embedder`, `VectorIndex`, `IngestionStore`). Only the ingest function, the CLI and the
//! tests link it; retrieval stays in salient-core.

pub mod chunk;
pub mod crawl;
pub mod extract;
pub mod ingest;

pub use ingest::{IngestError, Ingestor, NoProgress, PageOutcome, Progress, RunReport, SkipReason};
