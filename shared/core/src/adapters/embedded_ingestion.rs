//! Ingestion records in the embedded SQLite store: `ingest_pages` (one row per indexed page)
//! and `ingest_runs` (one row per run), both keyed by account first.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::embedded::{EmbeddedStore, execute_cached, from_millis, sql};
use crate::domain::AccountId;
use crate::ports::ingestion::{IngestionRun, IngestionStore, PageRecord, RunCounts, RunTrigger};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(StoreError::fatal)
}

fn from_json<T: serde::de::DeserializeOwned>(what: &str, raw: &str) -> Result<T, StoreError> {
    serde_json::from_str(raw)
        .map_err(|_| StoreError::fatal(anyhow::anyhow!("stored {what} {raw:?} is not valid")))
}

fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

type PageRow = (String, String, String, String, i64, i64);
type RunRow = (String, String, i64, i64, String, String);

#[async_trait]
impl IngestionStore for EmbeddedStore {
    async fn list_pages(&self, account: &AccountId) -> Result<Vec<PageRecord>, StoreError> {
        let account = account.to_string();
        let rows: Vec<PageRow> = self
            .read(move |conn| {
                let mut statement = conn
                    .prepare_cached(
                        "SELECT url, title, content_hash, chunk_ids, last_seen, updated_at
                         FROM ingest_pages WHERE account = ?1 ORDER BY url",
                    )
                    .map_err(sql)?;
                let rows = statement
                    .query_map(params![account], |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                            row.get(5)?,
                        ))
                    })
                    .map_err(sql)?
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(sql)?;
                Ok(rows)
            })
            .await?;
        rows.into_iter()
            .map(
                |(url, title, content_hash, chunk_ids, last_seen, updated_at)| {
                    Ok(PageRecord {
                        chunk_ids: from_json("chunk ids", &chunk_ids)?,
                        url,
                        title,
                        content_hash,
                        last_seen: from_millis(last_seen)?,
                        updated_at: from_millis(updated_at)?,
                    })
                },
            )
            .collect()
    }

    async fn put_page(&self, account: &AccountId, page: &PageRecord) -> Result<(), StoreError> {
        let account = account.to_string();
        let page = page.clone();
        let chunk_ids = json(&page.chunk_ids)?;
        self.write(move |conn| {
            execute_cached(
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
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn delete_page(&self, account: &AccountId, url: &str) -> Result<(), StoreError> {
        let (account, url) = (account.to_string(), url.to_owned());
        self.write(move |conn| {
            execute_cached(
                conn,
                "DELETE FROM ingest_pages WHERE account = ?1 AND url = ?2",
                params![account, url],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn record_run(&self, account: &AccountId, run: &IngestionRun) -> Result<(), StoreError> {
        let account = account.to_string();
        let run = run.clone();
        let counts = json(&run.counts)?;
        let errors = json(&run.errors)?;
        self.write(move |conn| {
            let inserted = execute_cached(
                conn,
                "INSERT OR IGNORE INTO ingest_runs
                         (account, id, trigger, started_at, duration_ms, counts, errors)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    account,
                    run.id,
                    run.trigger.as_str(),
                    millis(run.started_at),
                    i64::try_from(run.duration_ms).unwrap_or(i64::MAX),
                    counts,
                    errors
                ],
            )
            .map_err(sql)?;
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
        let rows: Vec<RunRow> = self
            .read(move |conn| {
                let mut statement = conn
                    .prepare_cached(
                        "SELECT id, trigger, started_at, duration_ms, counts, errors
                         FROM ingest_runs WHERE account = ?1 ORDER BY id DESC LIMIT ?2",
                    )
                    .map_err(sql)?;
                let rows = statement
                    .query_map(params![account, limit], |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                            row.get(5)?,
                        ))
                    })
                    .map_err(sql)?
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(sql)?;
                Ok(rows)
            })
            .await?;
        rows.into_iter()
            .map(|(id, trigger, started_at, duration_ms, counts, errors)| {
                Ok(IngestionRun {
                    trigger: RunTrigger::parse(&trigger).ok_or_else(|| {
                        StoreError::fatal(anyhow::anyhow!(
                            "stored trigger {trigger:?} is not valid"
                        ))
                    })?,
                    id,
                    started_at: from_millis(started_at)?,
                    duration_ms: u64::try_from(duration_ms).unwrap_or(0),
                    counts: from_json::<RunCounts>("run counts", &counts)?,
                    errors: from_json("run errors", &errors)?,
                })
            })
            .collect()
    }
}
