//! Ingestion records (`IngestionStore`): `ingest_pages` (one row per indexed page) and
//! `ingest_runs` (one row per run), both keyed by account first.

use async_trait::async_trait;

use super::EmbeddedStore;
use super::rows::{Columns, integer, json, millis};
use crate::domain::AccountId;
use crate::ports::ingestion::{IngestionRun, IngestionStore, PageRecord, RunTrigger};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

/// Reads a row of `url, title, content_hash, chunk_ids, last_seen, updated_at`.
fn page(c: &mut Columns<'_, '_>) -> Result<PageRecord, StoreError> {
    Ok(PageRecord {
        url: c.get()?,
        title: c.get()?,
        content_hash: c.get()?,
        chunk_ids: c.json("chunk ids")?,
        last_seen: c.time()?,
        updated_at: c.time()?,
    })
}

/// Reads a row of `id, trigger, started_at, duration_ms, counts, errors`.
fn run(c: &mut Columns<'_, '_>) -> Result<IngestionRun, StoreError> {
    Ok(IngestionRun {
        id: c.get()?,
        trigger: c.parsed("trigger", RunTrigger::parse)?,
        started_at: c.time()?,
        duration_ms: c.count("duration")?,
        counts: c.json("run counts")?,
        errors: c.json("run errors")?,
    })
}

#[async_trait]
impl IngestionStore for EmbeddedStore {
    async fn list_pages(&self, account: &AccountId) -> Result<Vec<PageRecord>, StoreError> {
        self.select_all(
            "SELECT url, title, content_hash, chunk_ids, last_seen, updated_at
             FROM ingest_pages WHERE account = ?1 ORDER BY url",
            (account.to_string(),),
            page,
        )
        .await
    }

    async fn put_page(&self, account: &AccountId, page: &PageRecord) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO ingest_pages
                 (account, url, title, content_hash, chunk_ids, last_seen, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (account, url) DO UPDATE SET
                 title = excluded.title, content_hash = excluded.content_hash,
                 chunk_ids = excluded.chunk_ids, last_seen = excluded.last_seen,
                 updated_at = excluded.updated_at",
            (
                account.to_string(),
                page.url.clone(),
                page.title.clone(),
                page.content_hash.clone(),
                json(&page.chunk_ids)?,
                millis(page.last_seen),
                millis(page.updated_at),
            ),
        )
        .await
        .map(|_| ())
    }

    async fn delete_page(&self, account: &AccountId, url: &str) -> Result<(), StoreError> {
        self.change(
            "DELETE FROM ingest_pages WHERE account = ?1 AND url = ?2",
            (account.to_string(), url.to_owned()),
        )
        .await
        .map(|_| ())
    }

    async fn record_run(&self, account: &AccountId, run: &IngestionRun) -> Result<(), StoreError> {
        let inserted = self
            .change(
                "INSERT OR IGNORE INTO ingest_runs
                     (account, id, trigger, started_at, duration_ms, counts, errors)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                (
                    account.to_string(),
                    run.id.clone(),
                    run.trigger.as_str(),
                    millis(run.started_at),
                    integer(run.duration_ms),
                    json(&run.counts)?,
                    json(&run.errors)?,
                ),
            )
            .await?;
        if inserted == 0 {
            return Err(StoreError::AlreadyExists("ingestion run"));
        }
        Ok(())
    }

    async fn list_runs(
        &self,
        account: &AccountId,
        limit: u32,
    ) -> Result<Vec<IngestionRun>, StoreError> {
        self.select_all(
            "SELECT id, trigger, started_at, duration_ms, counts, errors
             FROM ingest_runs WHERE account = ?1 ORDER BY id DESC LIMIT ?2",
            (account.to_string(), limit.clamp(1, MAX_PAGE_SIZE)),
            run,
        )
        .await
    }
}
