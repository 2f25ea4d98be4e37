//! Ingestion records (`IngestionStore`): `ingest_pages` (one row per indexed page) and
//! `ingest_runs` (one row per run), both keyed by account first.

use async_trait::async_trait;
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{Columns, execute, integer, json, millis, query_all};
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
        let account = account.to_string();
        self.read(move |conn| {
            query_all(
                conn,
                "SELECT url, title, content_hash, chunk_ids, last_seen, updated_at
                 FROM ingest_pages WHERE account = ?1 ORDER BY url",
                params![account],
                page,
            )
        })
        .await
    }

    async fn put_page(&self, account: &AccountId, page: &PageRecord) -> Result<(), StoreError> {
        let account = account.to_string();
        let page = page.clone();
        let chunk_ids = json(&page.chunk_ids)?;
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO ingest_pages
                     (account, url, title, content_hash, chunk_ids, last_seen, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (account, url) DO UPDATE SET
                     title = excluded.title, content_hash = excluded.content_hash,
                     chunk_ids = excluded.chunk_ids, last_seen = excluded.last_seen,
                     updated_at = excluded.updated_at",
                params![
                    account,
                    page.url,
                    page.title,
                    page.content_hash,
                    chunk_ids,
                    millis(page.last_seen),
                    millis(page.updated_at)
                ],
            )
            .map(|_| ())
        })
        .await
    }

    async fn delete_page(&self, account: &AccountId, url: &str) -> Result<(), StoreError> {
        let (account, url) = (account.to_string(), url.to_owned());
        self.write(move |conn| {
            execute(
                conn,
                "DELETE FROM ingest_pages WHERE account = ?1 AND url = ?2",
                params![account, url],
            )
            .map(|_| ())
        })
        .await
    }

    async fn record_run(&self, account: &AccountId, run: &IngestionRun) -> Result<(), StoreError> {
        let account = account.to_string();
        let run = run.clone();
        let counts = json(&run.counts)?;
        let errors = json(&run.errors)?;
        self.write(move |conn| {
            let inserted = execute(
                conn,
                "INSERT OR IGNORE INTO ingest_runs
                         (account, id, trigger, started_at, duration_ms, counts, errors)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    account,
                    run.id,
                    run.trigger.as_str(),
                    millis(run.started_at),
                    integer(run.duration_ms),
                    counts,
                    errors
                ],
            )?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists("ingestion run"));
            }
            Ok(())
        })
        .await
    }

    async fn list_runs(
        &self,
        account: &AccountId,
        limit: u32,
    ) -> Result<Vec<IngestionRun>, StoreError> {
        let account = account.to_string();
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        self.read(move |conn| {
            query_all(
                conn,
                "SELECT id, trigger, started_at, duration_ms, counts, errors
                 FROM ingest_runs WHERE account = ?1 ORDER BY id DESC LIMIT ?2",
                params![account, limit],
                run,
            )
        })
        .await
    }
}
