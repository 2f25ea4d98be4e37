//! Ingestion records: what the last runs saw of each page (so an unchanged page is not
//! re-embedded and a vanished one is removed from the index) and one record per run
//! (counts, duration, errors), for operators and the CLI.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::domain::AccountId;

/// What the store remembers of one indexed page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRecord {
    /// The page's canonical URL (the key).
    pub url: String,
    /// The page title.
    pub title: String,
    /// SHA-256 (hex) of the extracted content, the embedding model and the chunking
    /// settings: equal hashes mean the chunks in the index are still right.
    pub content_hash: String,
    /// The ids of the page's chunks in the vector index.
    pub chunk_ids: Vec<String>,
    /// When a run last found the page on the site.
    pub last_seen: DateTime<Utc>,
    /// When the page's chunks were last (re-)embedded.
    pub updated_at: DateTime<Utc>,
}

/// What started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunTrigger {
    /// The deployment's schedule (EventBridge Scheduler).
    Schedule,
    /// An operator, through the admin route.
    Admin,
    /// `salient ingest` on the command line.
    Cli,
}

impl RunTrigger {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Schedule => "schedule",
            Self::Admin => "admin",
            Self::Cli => "cli",
        }
    }

    /// Parses the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "schedule" => Some(Self::Schedule),
            "admin" => Some(Self::Admin),
            "cli" => Some(Self::Cli),
            _ => None,
        }
    }
}

/// Per-outcome page counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunCounts {
    /// New pages, embedded and indexed.
    pub added: u32,
    /// Pages whose content changed, re-embedded.
    pub updated: u32,
    /// Pages whose content hash matched: not re-embedded.
    pub unchanged: u32,
    /// Pages gone from the site (or now excluded), deleted from the index.
    pub removed: u32,
    /// URLs not fetched or not indexed on purpose (robots.txt, host, pattern, cap, type).
    pub skipped: u32,
    /// URLs that could not be fetched or indexed.
    pub failed: u32,
    /// Chunks of the run's indexed pages (added, updated and unchanged); 0 in runs
    /// recorded before it was counted.
    #[serde(default)]
    pub chunks: u32,
}

/// One ingestion run of one account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestionRun {
    /// A ULID: runs sort by start time.
    pub id: String,
    /// What started it.
    pub trigger: RunTrigger,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// How long it took, in milliseconds.
    pub duration_ms: u64,
    /// Pages per outcome.
    pub counts: RunCounts,
    /// The first errors met (URL and reason), capped at [`MAX_RUN_ERRORS`].
    pub errors: Vec<String>,
}

/// Most errors a run record keeps.
pub const MAX_RUN_ERRORS: usize = 50;

/// Page and run records, per account.
#[async_trait]
pub trait IngestionStore: Send + Sync + std::fmt::Debug {
    /// Every page record of the account, in URL order.
    async fn list_pages(&self, account: &AccountId) -> Result<Vec<PageRecord>, StoreError>;
    /// Inserts or replaces the record of `page.url`.
    async fn put_page(&self, account: &AccountId, page: &PageRecord) -> Result<(), StoreError>;
    /// Deletes the record of a URL (missing is not an error).
    async fn delete_page(&self, account: &AccountId, url: &str) -> Result<(), StoreError>;
    /// Stores a finished run.
    async fn record_run(&self, account: &AccountId, run: &IngestionRun) -> Result<(), StoreError>;
    /// The account's latest runs, newest first, at most `limit` (capped at
    /// [`super::MAX_PAGE_SIZE`]).
    async fn list_runs(
        &self,
        account: &AccountId,
        limit: u32,
    ) -> Result<Vec<IngestionRun>, StoreError>;
}
