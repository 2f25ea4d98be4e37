//! Ingestion records in the DynamoDB table (see `docs/data-model.md`, "Ingestion"):
//! one partition of page items per account, `pk = A#{account}#PAGES`,
//! `sk = P#{sha256(url)}` (URLs can be longer than a key may be), and one partition of run
//! items, `pk = A#{account}#RUNS`, `sk = R#{ulid}` so a descending query reads the newest
//! runs first.

use std::collections::HashMap;

use async_trait::async_trait;
use aws_sdk_dynamodb::types::AttributeValue;
use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use super::dynamodb::{DynamoStore, backend};
use crate::domain::AccountId;
use crate::ports::ingestion::{IngestionRun, IngestionStore, PageRecord, RunCounts, RunTrigger};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

type Item = HashMap<String, AttributeValue>;

const PAGE_PREFIX: &str = "P#";
const RUN_PREFIX: &str = "R#";

fn pages_pk(account: &AccountId) -> String {
    format!("A#{account}#PAGES")
}

fn runs_pk(account: &AccountId) -> String {
    format!("A#{account}#RUNS")
}

fn page_sk(url: &str) -> String {
    format!(
        "{PAGE_PREFIX}{}",
        hex::encode(Sha256::digest(url.as_bytes()))
    )
}

fn key(pk: String, sk: String) -> Item {
    HashMap::from([
        ("pk".to_owned(), AttributeValue::S(pk)),
        ("sk".to_owned(), AttributeValue::S(sk)),
    ])
}

fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

fn n(value: impl std::fmt::Display) -> AttributeValue {
    AttributeValue::N(value.to_string())
}

fn corrupt(what: &str, value: impl std::fmt::Debug) -> StoreError {
    StoreError::fatal(anyhow::anyhow!("stored {what} {value:?} is not valid"))
}

fn read_s<'a>(item: &'a Item, name: &str) -> Result<&'a str, StoreError> {
    match item.get(name) {
        Some(AttributeValue::S(value)) => Ok(value),
        other => Err(corrupt(name, other)),
    }
}

fn read_n<T: std::str::FromStr>(item: &Item, name: &str) -> Result<T, StoreError> {
    match item.get(name) {
        Some(AttributeValue::N(raw)) => raw.parse().map_err(|_| corrupt(name, raw)),
        other => Err(corrupt(name, other)),
    }
}

fn read_time(item: &Item, name: &str) -> Result<DateTime<Utc>, StoreError> {
    let ms: i64 = read_n(item, name)?;
    DateTime::from_timestamp_millis(ms).ok_or_else(|| corrupt(name, ms))
}

fn read_list(item: &Item, name: &str) -> Result<Vec<String>, StoreError> {
    match item.get(name) {
        None => Ok(Vec::new()),
        Some(AttributeValue::L(values)) => values
            .iter()
            .map(|v| match v {
                AttributeValue::S(text) => Ok(text.clone()),
                other => Err(corrupt(name, other)),
            })
            .collect(),
        other => Err(corrupt(name, other)),
    }
}

fn list(values: &[String]) -> AttributeValue {
    AttributeValue::L(values.iter().map(|v| s(v.clone())).collect())
}

fn page_item(account: &AccountId, page: &PageRecord) -> Item {
    let mut item = key(pages_pk(account), page_sk(&page.url));
    item.extend([
        ("type".to_owned(), s("ingest_page")),
        ("url".to_owned(), s(&page.url)),
        ("title".to_owned(), s(&page.title)),
        ("content_hash".to_owned(), s(&page.content_hash)),
        ("chunk_ids".to_owned(), list(&page.chunk_ids)),
        ("last_seen".to_owned(), n(page.last_seen.timestamp_millis())),
        (
            "updated_at".to_owned(),
            n(page.updated_at.timestamp_millis()),
        ),
    ]);
    item
}

fn page_from_item(item: &Item) -> Result<PageRecord, StoreError> {
    Ok(PageRecord {
        url: read_s(item, "url")?.to_owned(),
        title: read_s(item, "title")?.to_owned(),
        content_hash: read_s(item, "content_hash")?.to_owned(),
        chunk_ids: read_list(item, "chunk_ids")?,
        last_seen: read_time(item, "last_seen")?,
        updated_at: read_time(item, "updated_at")?,
    })
}

fn run_item(account: &AccountId, run: &IngestionRun) -> Item {
    let counts = &run.counts;
    let mut item = key(runs_pk(account), format!("{RUN_PREFIX}{}", run.id));
    item.extend([
        ("type".to_owned(), s("ingest_run")),
        ("id".to_owned(), s(&run.id)),
        ("trigger".to_owned(), s(run.trigger.as_str())),
        (
            "started_at".to_owned(),
            n(run.started_at.timestamp_millis()),
        ),
        ("duration_ms".to_owned(), n(run.duration_ms)),
        ("added".to_owned(), n(counts.added)),
        ("updated".to_owned(), n(counts.updated)),
        ("unchanged".to_owned(), n(counts.unchanged)),
        ("removed".to_owned(), n(counts.removed)),
        ("skipped".to_owned(), n(counts.skipped)),
        ("failed".to_owned(), n(counts.failed)),
        ("errors".to_owned(), list(&run.errors)),
    ]);
    item
}

fn run_from_item(item: &Item) -> Result<IngestionRun, StoreError> {
    let trigger = read_s(item, "trigger")?;
    Ok(IngestionRun {
        id: read_s(item, "id")?.to_owned(),
        trigger: RunTrigger::parse(trigger).ok_or_else(|| corrupt("trigger", trigger))?,
        started_at: read_time(item, "started_at")?,
        duration_ms: read_n(item, "duration_ms")?,
        counts: RunCounts {
            added: read_n(item, "added")?,
            updated: read_n(item, "updated")?,
            unchanged: read_n(item, "unchanged")?,
            removed: read_n(item, "removed")?,
            skipped: read_n(item, "skipped")?,
            failed: read_n(item, "failed")?,
        },
        errors: read_list(item, "errors")?,
    })
}

#[async_trait]
impl IngestionStore for DynamoStore {
    async fn list_pages(&self, account: &AccountId) -> Result<Vec<PageRecord>, StoreError> {
        let mut pages = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            let output = self
                .client
                .query()
                .table_name(&self.table)
                .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                .expression_attribute_values(":pk", s(pages_pk(account)))
                .expression_attribute_values(":prefix", s(PAGE_PREFIX))
                .consistent_read(true)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| backend("Query", e))?;
            for item in output.items.unwrap_or_default() {
                pages.push(page_from_item(&item)?);
            }
            match output.last_evaluated_key {
                Some(last) if !last.is_empty() => start = Some(last),
                _ => break,
            }
        }
        pages.sort_by(|a, b| a.url.cmp(&b.url));
        Ok(pages)
    }

    async fn put_page(&self, account: &AccountId, page: &PageRecord) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(page_item(account, page)))
            .send()
            .await
            .map_err(|e| backend("PutItem", e))?;
        Ok(())
    }

    async fn delete_page(&self, account: &AccountId, url: &str) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key(pages_pk(account), page_sk(url))))
            .send()
            .await
            .map_err(|e| backend("DeleteItem", e))?;
        Ok(())
    }

    async fn record_run(&self, account: &AccountId, run: &IngestionRun) -> Result<(), StoreError> {
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(run_item(account, run)))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(err)
                if err
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
            {
                Err(StoreError::AlreadyExists("ingestion run"))
            }
            Err(err) => Err(backend("PutItem", err)),
        }
    }

    async fn list_runs(
        &self,
        account: &AccountId,
        limit: u32,
    ) -> Result<Vec<IngestionRun>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        let output = self
            .client
            .query()
            .table_name(&self.table)
            .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
            .expression_attribute_values(":pk", s(runs_pk(account)))
            .expression_attribute_values(":prefix", s(RUN_PREFIX))
            .scan_index_forward(false)
            .limit(i32::try_from(limit).unwrap_or(i32::MAX))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| backend("Query", e))?;
        output
            .items
            .unwrap_or_default()
            .iter()
            .map(run_from_item)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_start_with_the_account_and_hash_the_url() {
        let account = AccountId::parse("harbor-books").expect("valid");
        assert_eq!(pages_pk(&account), "A#harbor-books#PAGES");
        assert_eq!(runs_pk(&account), "A#harbor-books#RUNS");
        let sk = page_sk("https://harbor-books.example/cafe/");
        assert!(sk.starts_with("P#") && sk.len() == 2 + 64);
    }

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
            },
            errors: vec!["x: HTTP 500".to_owned()],
        };
        assert_eq!(
            run_from_item(&run_item(&account, &run)).expect("reads"),
            run
        );
    }
}
