//! The calls every capability of the DynamoDB store shares: point reads, puts with and
//! without an existence condition, paged queries, the newest-first `gsi3` listings and
//! their cursors, and batched deletes.
//!
//! An item whose `ttl` has passed is gone for every read here (DynamoDB's TTL deletes it
//! only within days): point reads drop it, queries filter it out, and a put of a new item
//! may replace it. Only the erasure's whole-partition reads see it, so they delete it too.

use std::time::Duration;

use aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder;
use aws_sdk_dynamodb::operation::update_item::builders::UpdateItemFluentBuilder;
use aws_sdk_dynamodb::types::{
    AttributeValue, DeleteRequest, Put, TransactWriteItem, WriteRequest,
};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::DynamoStore;
use super::codec::{Item, backend, key, n, read_s, s, unless_condition_failed};
use crate::adapters::page_of;
use crate::domain::now;
use crate::ports::{MAX_PAGE_SIZE, Page, StoreError};

/// The condition (or filter) that an item has not expired: no `ttl`, or one after `:now`
/// (epoch seconds; see [`live_values`]).
const LIVE: &str = "(attribute_not_exists(#ttl) OR #ttl > :now)";

/// `#ttl` and `:now` (the current epoch second) for [`LIVE`] and its opposite.
fn live_values() -> (&'static str, &'static str, AttributeValue) {
    ("#ttl", "ttl", n(now().timestamp()))
}

/// Whether an item read back is still live: its `ttl`, if any, is after the current second.
fn is_live(item: &Item) -> bool {
    match item.get("ttl") {
        Some(AttributeValue::N(raw)) => raw
            .parse::<i64>()
            .map_or(true, |ttl| ttl > now().timestamp()),
        _ => true,
    }
}

impl DynamoStore {
    /// A strongly consistent read of one item; an expired item is none.
    pub(super) async fn get(&self, pk: String, sk: String) -> Result<Option<Item>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, sk)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| backend("GetItem", e))?;
        Ok(output.item.filter(is_live))
    }

    /// Whether a live item exists (a consistent read of its key and `ttl` only).
    pub(super) async fn exists(&self, pk: String, sk: String) -> Result<bool, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, sk)))
            .projection_expression("pk, #ttl")
            .expression_attribute_names("#ttl", "ttl")
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| backend("GetItem", e))?;
        Ok(output.item.is_some_and(|item| is_live(&item)))
    }

    /// Writes an item, replacing whatever had its key.
    pub(super) async fn put(&self, item: Item) -> Result<(), StoreError> {
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("PutItem", e))
    }

    /// Writes an item unless its key is taken by a live item; `false` when it is.
    pub(super) async fn put_if_new(&self, item: Item) -> Result<bool, StoreError> {
        let (name, attribute, at) = live_values();
        let result = self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression(format!("attribute_not_exists(pk) OR NOT {LIVE}"))
            .expression_attribute_names(name, attribute)
            .expression_attribute_values(":now", at)
            .send()
            .await;
        Ok(unless_condition_failed("PutItem", result)?.is_some())
    }

    /// Writes an item whose key must be new: a taken key is `AlreadyExists(what)`.
    pub(super) async fn put_new(&self, item: Item, what: &'static str) -> Result<(), StoreError> {
        if self.put_if_new(item).await? {
            Ok(())
        } else {
            Err(StoreError::AlreadyExists(what))
        }
    }

    /// An unconditional put, as one action of a transaction.
    pub(super) fn put_action(&self, item: Item) -> Result<TransactWriteItem, StoreError> {
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(item))
            .build()
            .map_err(StoreError::fatal)?;
        Ok(TransactWriteItem::builder().put(put).build())
    }

    /// An `UpdateItem` of one item, to be given its expressions.
    pub(super) fn update(&self, pk: String, sk: String) -> UpdateItemFluentBuilder {
        self.client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, sk)))
    }

    /// A strongly consistent query of the live items of `pk` whose sort key starts with
    /// `prefix`.
    pub(super) fn prefix_query(&self, pk: &str, prefix: &str) -> QueryFluentBuilder {
        live_only(self.key_query(pk, Some(prefix)))
    }

    /// A strongly consistent query of every item of `pk` (whose sort key starts with
    /// `prefix`), expired or not.
    fn key_query(&self, pk: &str, prefix: Option<&str>) -> QueryFluentBuilder {
        let query = self
            .client
            .query()
            .table_name(&self.table)
            .expression_attribute_values(":pk", s(pk))
            .consistent_read(true);
        match prefix {
            Some(prefix) => query
                .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                .expression_attribute_values(":prefix", s(prefix)),
            None => query.key_condition_expression("pk = :pk"),
        }
    }

    /// Every item of `pk` whose sort key starts with `prefix`, in sort-key order, each read
    /// by `read`.
    pub(super) async fn collection<T>(
        &self,
        pk: &str,
        prefix: &str,
        read: fn(&Item) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        self.query_up_to(self.prefix_query(pk, prefix), None, None)
            .await?
            .iter()
            .map(read)
            .collect()
    }

    /// Runs a query until `want` items arrived or the key range ends (a page of DynamoDB
    /// stops at 1 MB whatever `Limit` says).
    pub(super) async fn query_up_to(
        &self,
        query: QueryFluentBuilder,
        mut start: Option<Item>,
        want: Option<usize>,
    ) -> Result<Vec<Item>, StoreError> {
        let mut items = Vec::new();
        loop {
            let mut call = query.clone().set_exclusive_start_key(start.take());
            if let Some(want) = want {
                let remaining = want.saturating_sub(items.len()).max(1);
                call = call.limit(i32::try_from(remaining).unwrap_or(i32::MAX));
            }
            let output = call.send().await.map_err(|e| backend("Query", e))?;
            items.extend(output.items.unwrap_or_default());
            let full = want.is_some_and(|want| items.len() >= want);
            match output.last_evaluated_key {
                Some(last) if !full && !last.is_empty() => start = Some(last),
                _ => return Ok(items),
            }
        }
    }

    /// Every item of a partition (optionally only sort keys with `prefix`), expired ones
    /// too, keys and the named attributes only: what an erasure deletes.
    pub(super) async fn partition(
        &self,
        pk: &str,
        prefix: Option<&str>,
        attributes: &[&str],
    ) -> Result<Vec<Item>, StoreError> {
        let mut projection = "pk, sk".to_owned();
        let mut query = self.key_query(pk, prefix);
        for (i, attribute) in attributes.iter().enumerate() {
            projection.push_str(&format!(", #a{i}"));
            query = query.expression_attribute_names(format!("#a{i}"), *attribute);
        }
        self.query_up_to(query.projection_expression(projection), None, None)
            .await
    }

    /// Deletes items by key, 25 per `BatchWriteItem`, retrying what DynamoDB leaves
    /// unprocessed.
    pub(super) async fn delete_keys(&self, keys: Vec<Item>) -> Result<(), StoreError> {
        for chunk in keys.chunks(25) {
            let mut requests: Vec<WriteRequest> = chunk
                .iter()
                .map(|item| {
                    let key = key(
                        read_s(item, "pk")?.to_owned(),
                        read_s(item, "sk")?.to_owned(),
                    );
                    DeleteRequest::builder()
                        .set_key(Some(key))
                        .build()
                        .map(|delete| WriteRequest::builder().delete_request(delete).build())
                        .map_err(StoreError::fatal)
                })
                .collect::<Result<_, _>>()?;
            for attempt in 0..8u32 {
                if requests.is_empty() {
                    break;
                }
                let output = self
                    .client
                    .batch_write_item()
                    .request_items(&self.table, requests)
                    .send()
                    .await
                    .map_err(|e| backend("BatchWriteItem", e))?;
                requests = output
                    .unprocessed_items
                    .and_then(|mut left| left.remove(&self.table))
                    .unwrap_or_default();
                if !requests.is_empty() {
                    tokio::time::sleep(Duration::from_millis(20 * 2u64.pow(attempt))).await;
                }
            }
            if !requests.is_empty() {
                return Err(StoreError::transient(anyhow::anyhow!(
                    "DynamoDB left {} deletes unprocessed",
                    requests.len()
                )));
            }
        }
        Ok(())
    }
}

/// Leaves the expired items out of a query's results (a filter: they still count against
/// `Limit`, which [`DynamoStore::query_up_to`] makes up for by reading on).
pub(super) fn live_only(query: QueryFluentBuilder) -> QueryFluentBuilder {
    let (name, attribute, at) = live_values();
    query
        .filter_expression(LIVE)
        .expression_attribute_names(name, attribute)
        .expression_attribute_values(":now", at)
}

/// How a `gsi3` listing reads its partition.
#[derive(Debug, Clone, Copy)]
pub(super) enum Gsi3Reads {
    /// Ask each `Query` for the items still missing: the filter keeps most items.
    UpToPage,
    /// Read whole `Query` pages until the page is full: the filter keeps few items (a
    /// session flag), so asking for the few missing would take many round trips.
    WholePages,
}

/// One page of a newest-first `gsi3` listing: the index partition, the cursor the page
/// before ended with, and the page size (1 to [`MAX_PAGE_SIZE`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct Gsi3Page<'a> {
    pub(super) gsi3pk: &'a str,
    pub(super) after: Option<&'a str>,
    pub(super) limit: u32,
    pub(super) reads: Gsi3Reads,
}

impl<'a> Gsi3Page<'a> {
    /// The page of `limit` items after `after` in partition `gsi3pk`, read up to the page.
    pub(super) fn new(gsi3pk: &'a str, after: Option<&'a str>, limit: u32) -> Self {
        Self {
            gsi3pk,
            after,
            limit,
            reads: Gsi3Reads::UpToPage,
        }
    }
}

impl DynamoStore {
    /// A page of `query` (a query of `gsi3` partition `page.gsi3pk`, ordered and filtered),
    /// resumed after `page.after`, each item read by `read`. `table_key` gives the table
    /// key (`pk`, `sk`) of the item a cursor names by its id; a cursor of another partition
    /// (another account or listing) or an id `table_key` refuses is `InvalidCursor`. Reads
    /// one item more than the page, which tells that another page follows.
    pub(super) async fn query_gsi3_page<T>(
        &self,
        query: QueryFluentBuilder,
        page: Gsi3Page<'_>,
        table_key: impl FnOnce(&str) -> Result<Item, StoreError>,
        read: impl Fn(&Item) -> Result<T, StoreError>,
    ) -> Result<Page<T, String>, StoreError> {
        let limit = page.limit.clamp(1, MAX_PAGE_SIZE) as usize;
        let start = page
            .after
            .map(|cursor| decode_listing_cursor(cursor, page.gsi3pk))
            .transpose()?
            .map(|(id, gsi3sk)| {
                let mut start = table_key(&id)?;
                start.insert("gsi3pk".to_owned(), s(page.gsi3pk));
                start.insert("gsi3sk".to_owned(), s(gsi3sk));
                Ok::<_, StoreError>(start)
            })
            .transpose()?;
        let mut items = match page.reads {
            Gsi3Reads::UpToPage => self.query_up_to(query, start, Some(limit + 1)).await?,
            Gsi3Reads::WholePages => self.query_filtered_up_to(query, start, limit + 1).await?,
        };
        items.truncate(limit + 1);
        let listed = page_of(items, limit, |last| {
            read_s(last, "gsi3sk").map(|sk| encode_listing_cursor(page.gsi3pk, sk))
        });
        let next = listed.next.transpose()?;
        let items = listed
            .items
            .iter()
            .map(read)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Page { items, next })
    }
}

/// The cursor of a listing of partition `pk` (a `gsi3` partition or an audit log) that
/// stopped at sort key `sk` (`{ms:015}#{id}`).
pub(super) fn encode_listing_cursor(pk: &str, sk: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{pk}|{sk}"))
}

/// The id and sort key a cursor of the listing of partition `expected_pk` stopped at; a
/// cursor of another listing (or account) is refused.
pub(super) fn decode_listing_cursor(
    cursor: &str,
    expected_pk: &str,
) -> Result<(String, String), StoreError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| StoreError::InvalidCursor)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::InvalidCursor)?;
    let (pk, sk) = text.split_once('|').ok_or(StoreError::InvalidCursor)?;
    if pk != expected_pk {
        return Err(StoreError::InvalidCursor);
    }
    let (ms, id) = sk.split_once('#').ok_or(StoreError::InvalidCursor)?;
    if ms.len() != 15 || !ms.bytes().all(|b| b.is_ascii_digit()) || id.is_empty() {
        return Err(StoreError::InvalidCursor);
    }
    Ok((id.to_owned(), sk.to_owned()))
}
