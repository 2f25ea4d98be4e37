//! Ingestion records (`IngestionStore`): one partition of page items per account,
//! `pk = A#{account}#PAGES`, `sk = P#{sha256(url)}`, and one partition of run items,
//! `pk = A#{account}#RUNS`, `sk = R#{ulid}`, so a descending query reads the newest runs
//! first.

use async_trait::async_trait;

use super::DynamoStore;
use super::codec::{
    self, Item, backend, millis, n, read_as, read_n, read_opt_n, read_string, read_strings,
    read_time, s, strings,
};
use super::keys::{PAGE_PREFIX, RUN_PREFIX, page_sk, pages_pk, run_sk, runs_pk};
use crate::domain::AccountId;
use crate::ports::ingestion::{IngestionRun, IngestionStore, PageRecord, RunCounts, RunTrigger};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

fn page_item(account: &AccountId, page: &PageRecord) -> Item {
    codec::item(
        pages_pk(account),
        page_sk(&page.url),
        "ingest_page",
        [
            ("url", s(&page.url)),
            ("title", s(&page.title)),
            ("content_hash", s(&page.content_hash)),
            ("chunk_ids", strings(&page.chunk_ids)),
            ("last_seen", millis(page.last_seen)),
            ("updated_at", millis(page.updated_at)),
        ],
    )
}

fn page_from_item(item: &Item) -> Result<PageRecord, StoreError> {
    Ok(PageRecord {
        url: read_string(item, "url")?,
        title: read_string(item, "title")?,
        content_hash: read_string(item, "content_hash")?,
        chunk_ids: read_strings(item, "chunk_ids")?,
        last_seen: read_time(item, "last_seen")?,
        updated_at: read_time(item, "updated_at")?,
    })
}

fn run_item(account: &AccountId, run: &IngestionRun) -> Item {
    let counts = &run.counts;
    codec::item(
        runs_pk(account),
        run_sk(&run.id),
        "ingest_run",
        [
            ("id", s(&run.id)),
            ("trigger", s(run.trigger.as_str())),
            ("started_at", millis(run.started_at)),
            ("duration_ms", n(run.duration_ms)),
            ("added", n(counts.added)),
            ("updated", n(counts.updated)),
            ("unchanged", n(counts.unchanged)),
            ("removed", n(counts.removed)),
            ("skipped", n(counts.skipped)),
            ("failed", n(counts.failed)),
            ("chunks", n(counts.chunks)),
            ("errors", strings(&run.errors)),
        ],
    )
}

fn run_from_item(item: &Item) -> Result<IngestionRun, StoreError> {
    Ok(IngestionRun {
        id: read_string(item, "id")?,
        trigger: read_as(item, "trigger", RunTrigger::parse)?,
        started_at: read_time(item, "started_at")?,
        duration_ms: read_n(item, "duration_ms")?,
        counts: RunCounts {
            added: read_n(item, "added")?,
            updated: read_n(item, "updated")?,
            unchanged: read_n(item, "unchanged")?,
            removed: read_n(item, "removed")?,
            skipped: read_n(item, "skipped")?,
            failed: read_n(item, "failed")?,
            chunks: read_opt_n(item, "chunks")?.unwrap_or(0),
        },
        errors: read_strings(item, "errors")?,
    })
}

#[async_trait]
impl IngestionStore for DynamoStore {
    async fn list_pages(&self, account: &AccountId) -> Result<Vec<PageRecord>, StoreError> {
        let mut pages = self
            .collection(&pages_pk(account), PAGE_PREFIX, page_from_item)
            .await?;
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        Ok(pages)
    }

    async fn put_page(&self, account: &AccountId, page: &PageRecord) -> Result<(), StoreError> {
        self.put(page_item(account, page)).await
    }

    async fn delete_page(&self, account: &AccountId, url: &str) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(codec::key(pages_pk(account), page_sk(url))))
            .send()
            .await
            .map_err(|e| backend("DeleteItem", e))?;
        Ok(())
    }

    async fn record_run(&self, account: &AccountId, run: &IngestionRun) -> Result<(), StoreError> {
        self.put_new(run_item(account, run), "ingestion run").await
    }

    async fn list_runs(
        &self,
        account: &AccountId,
        limit: u32,
    ) -> Result<Vec<IngestionRun>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
        let newest_first = self
            .prefix_query(&runs_pk(account), RUN_PREFIX)
            .scan_index_forward(false);
        self.query_up_to(newest_first, None, Some(limit))
            .await?
            .iter()
            .map(run_from_item)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;

    #[test]
    fn items_round_trip() {
        let account = AccountId::parse("harbor-books").expect("valid");
        let now = DateTime::from_timestamp_millis(1_790_000_000_000).expect("in range");
        let page = PageRecord {
            url: "https://x.test/a".to_owned(),
            title: "A".to_owned(),
            content_hash: "ab".to_owned(),
            chunk_ids: vec!["1#0".to_owned(), "1#1".to_owned()],
            last_seen: now,
            updated_at: now,
        };
        assert_eq!(
            page_from_item(&page_item(&account, &page)).expect("reads"),
            page
        );
        let run = IngestionRun {
            id: "01JD0000000000000000000000".to_owned(),
            trigger: RunTrigger::Schedule,
            started_at: now,
            duration_ms: 1234,
            counts: RunCounts {
                added: 1,
                updated: 2,
                unchanged: 3,
                removed: 4,
                skipped: 5,
                failed: 6,
                chunks: 7,
            },
            errors: vec!["x: HTTP 500".to_owned()],
        };
        assert_eq!(
            run_from_item(&run_item(&account, &run)).expect("reads"),
            run
        );
    }
}
