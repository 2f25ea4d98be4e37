//! Pinecone's REST data plane (API version 2025-10) behind [`VectorIndex`]. One namespace
//! per account: every call names the account's namespace, so one account's query can
//! never see another's vectors.
//!
//! - upsert: `POST {host}/vectors/upsert` `{vectors: [{id, values, sparseValues?,
//!   metadata}], namespace}` in batches of 100 (and under 2 MB);
//! - query: `POST {host}/query` `{namespace, vector, sparseVector?, topK,
//!   includeMetadata, filter?}`;
//! - delete: `POST {host}/vectors/delete` `{ids | filter | deleteAll, namespace}`;
//! - list ids: `GET {host}/vectors/list?namespace=&prefix=&limit=&paginationToken=`, page
//!   by page (a page's chunks share the prefix `<url id>#`);
//! - count and stats: `POST {host}/describe_index_stats` (the namespace's `vectorCount`).
//!
//! Metadata carries `url`, `title`, `heading_path`, `text`, `page_hash`, `date` (the page's
//! day as `YYYY-MM-DD`, only when known: Pinecone takes no null values), and
//! `url_prefixes` (the URL's directory ancestors): Pinecone filters have no prefix
//! operator, so a `url_prefix` query filters on the nearest directory with `$in`, then
//! keeps exact prefix matches.
//!
//! Hybrid: with `sparse` on (the index must use `dotproduct`) every vector carries BM25-style
//! sparse values of its text (hashed tokens, saturated term frequencies) and the dense part
//! is scaled by the same weights as the embedded index, so the score is
//! `0.65 × cosine + 0.35 × lexical` there too. Pinecone keeps no corpus statistics, so the
//! lexical part has no IDF: every query term counts the same. With `sparse` off, retrieval
//! is dense only.

use std::collections::BTreeMap;
use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::lexical::{self, SparseVector};
use super::{DENSE_WEIGHT, LEXICAL_WEIGHT};
use crate::domain::AccountId;
use crate::knowledge::embed::remote;
use crate::ports::knowledge::{
    ChunkRecord, IndexedChunk, IndexedPage, IndexedPages, KnowledgeError, ScoredChunk, VectorIndex,
    VectorQuery,
};

/// The API version whose OpenAPI (`db_data_2025-10.oas.yaml`) the shapes follow.
pub(crate) const API_VERSION: &str = "2025-10";
/// Vectors per upsert request.
pub(crate) const UPSERT_BATCH: usize = 100;
/// Pinecone's request size limit.
pub(crate) const MAX_REQUEST_BYTES: usize = 2 * 1024 * 1024;
/// Ids per list page and per delete request.
const PAGE: usize = 100;
/// Average chunk length, in tokens, for the sparse values' length normalisation.
const AVG_CHUNK_TOKENS: f32 = 200.0;
/// Extra candidates fetched when a prefix filter must be refined locally.
const PREFIX_OVERFETCH: usize = 4;

/// A Pinecone index.
#[derive(Debug, Clone)]
pub struct PineconeIndex {
    client: reqwest::Client,
    host: String,
    api_key: SecretString,
    sparse: bool,
}

#[derive(Serialize)]
struct Vector<'a> {
    id: &'a str,
    values: Vec<f32>,
    #[serde(rename = "sparseValues", skip_serializing_if = "Option::is_none")]
    sparse_values: Option<Sparse>,
    metadata: Value,
}

#[derive(Serialize)]
struct Sparse {
    indices: Vec<u32>,
    values: Vec<f32>,
}

impl From<SparseVector> for Sparse {
    fn from(v: SparseVector) -> Self {
        Self {
            indices: v.indices,
            values: v.values,
        }
    }
}

#[derive(Deserialize)]
struct QueryResponse {
    #[serde(default)]
    matches: Vec<ScoredVector>,
}

#[derive(Deserialize)]
struct ScoredVector {
    id: String,
    #[serde(default)]
    score: f32,
    #[serde(default)]
    metadata: Option<Value>,
}

#[derive(Deserialize)]
struct ListResponse {
    #[serde(default)]
    vectors: Vec<ListItem>,
    #[serde(default)]
    pagination: Option<Pagination>,
}

#[derive(Deserialize)]
struct ListItem {
    id: String,
}

#[derive(Deserialize)]
struct Pagination {
    next: Option<String>,
}

/// `describe_index_stats`, as far as Salient reads it.
#[derive(Debug, Clone, Deserialize)]
pub struct IndexStats {
    /// Vector length.
    #[serde(default)]
    pub dimension: Option<u64>,
    /// Vectors in all namespaces.
    #[serde(rename = "totalVectorCount", default)]
    pub total_vector_count: u64,
    /// Vectors per namespace.
    #[serde(default)]
    pub namespaces: BTreeMap<String, NamespaceSummary>,
}

/// One namespace in [`IndexStats`].
#[derive(Debug, Clone, Deserialize)]
pub struct NamespaceSummary {
    /// Its vectors.
    #[serde(rename = "vectorCount", default)]
    pub vector_count: u64,
}

/// The URL's directory ancestors, scheme and host included: `https://h/a/b` →
/// `https://h/`, `https://h/a/`.
pub(crate) fn url_prefixes(url: &str) -> Vec<String> {
    let Some(scheme_end) = url.find("://") else {
        return Vec::new();
    };
    let after = scheme_end + 3;
    let mut prefixes = Vec::new();
    for (i, c) in url.char_indices().skip_while(|(i, _)| *i < after) {
        if c == '/' {
            prefixes.push(url[..=i].to_owned());
        }
        if c == '?' || c == '#' {
            break;
        }
    }
    prefixes
}

/// The nearest directory at or above a prefix, if it has one past the host.
fn directory_of(prefix: &str) -> Option<String> {
    let after = prefix.find("://")? + 3;
    let cut = prefix[after..].rfind('/')? + after;
    Some(prefix[..=cut].to_owned())
}

fn metadata_of(record: &ChunkRecord) -> Value {
    let mut metadata = json!({
        "url": record.url,
        "title": record.title,
        "heading_path": record.heading_path,
        "text": record.text,
        "page_hash": record.page_hash,
        "url_prefixes": url_prefixes(&record.url),
    });
    if let (Some(date), Some(fields)) = (record.date, metadata.as_object_mut()) {
        fields.insert("date".to_owned(), Value::String(date.to_string()));
    }
    metadata
}

fn record_of(id: String, metadata: Option<Value>) -> ChunkRecord {
    let metadata = metadata.unwrap_or(Value::Null);
    let text = |key: &str| {
        metadata
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    ChunkRecord {
        url: text("url"),
        title: text("title"),
        heading_path: metadata
            .get("heading_path")
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
        text: text("text"),
        page_hash: text("page_hash"),
        // A date this code did not write is no date, not a failed query.
        date: text("date").parse().ok(),
        id,
    }
}

impl PineconeIndex {
    /// An index at `host` (`https://<index>-<project>.svc.<env>.pinecone.io`).
    pub fn new(
        host: &str,
        api_key: SecretString,
        sparse: bool,
        timeout: Duration,
    ) -> Result<Self, KnowledgeError> {
        if !(host.starts_with("https://") || host.starts_with("http://")) {
            return Err(KnowledgeError::Invalid(format!(
                "the Pinecone index host must be an http(s) URL, not {host:?}"
            )));
        }
        Ok(Self {
            client: remote::client(timeout)?,
            host: host.trim_end_matches('/').to_owned(),
            api_key,
            sparse,
        })
    }

    async fn post<T: serde::de::DeserializeOwned>(
        &self,
        path: &str,
        body: &Value,
        what: &str,
    ) -> Result<T, KnowledgeError> {
        remote::call(
            &self.client,
            reqwest::Method::POST,
            &format!("{}{path}", self.host),
            &[
                ("Api-Key", self.api_key.expose_secret()),
                ("X-Pinecone-Api-Version", API_VERSION),
            ],
            Some(body),
            what,
        )
        .await
    }

    /// Index statistics (dimension, counts per namespace).
    pub async fn stats(&self) -> Result<IndexStats, KnowledgeError> {
        self.post(
            "/describe_index_stats",
            &json!({}),
            "pinecone describe_index_stats",
        )
        .await
    }

    /// Every id in the account's namespace starting with `prefix`, page by page.
    pub async fn list_ids(
        &self,
        account: &AccountId,
        prefix: Option<&str>,
    ) -> Result<Vec<String>, KnowledgeError> {
        let mut ids = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let page = self.list_page(account, prefix, token.as_deref()).await?;
            ids.extend(page.vectors.into_iter().map(|v| v.id));
            token = page.pagination.and_then(|p| p.next);
            if token.is_none() {
                return Ok(ids);
            }
        }
    }

    /// One `GET /vectors/list` page of the account's ids (byte order) starting with
    /// `prefix`, from `token`.
    async fn list_page(
        &self,
        account: &AccountId,
        prefix: Option<&str>,
        token: Option<&str>,
    ) -> Result<ListResponse, KnowledgeError> {
        let mut url = url::Url::parse(&format!("{}/vectors/list", self.host))
            .map_err(KnowledgeError::fatal)?;
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("namespace", account.as_str());
            query.append_pair("limit", &PAGE.to_string());
            if let Some(prefix) = prefix {
                query.append_pair("prefix", prefix);
            }
            if let Some(token) = token {
                query.append_pair("paginationToken", token);
            }
        }
        remote::call::<(), _>(
            &self.client,
            reqwest::Method::GET,
            url.as_str(),
            &[
                ("Api-Key", self.api_key.expose_secret()),
                ("X-Pinecone-Api-Version", API_VERSION),
            ],
            None,
            "pinecone list",
        )
        .await
    }

    /// The upsert bodies: at most [`UPSERT_BATCH`] vectors and under 2 MB each.
    fn upsert_bodies(&self, account: &AccountId, chunks: &[IndexedChunk]) -> Vec<Value> {
        let mut bodies = Vec::new();
        let mut batch: Vec<Value> = Vec::new();
        let mut batch_bytes = 0usize;
        // Room for the envelope: `{"vectors":[...],"namespace":"..."}`.
        let budget = MAX_REQUEST_BYTES - 1024;
        for chunk in chunks {
            let mut values = chunk.vector.clone();
            remote::normalise(&mut values);
            let sparse = if self.sparse {
                let sparse = lexical::document_sparse(&chunk.record.text, AVG_CHUNK_TOKENS);
                (!sparse.is_empty()).then(|| Sparse::from(sparse))
            } else {
                None
            };
            let vector = Vector {
                id: &chunk.record.id,
                values,
                sparse_values: sparse,
                metadata: metadata_of(&chunk.record),
            };
            let value = serde_json::to_value(&vector).unwrap_or(Value::Null);
            let bytes = value.to_string().len() + 1;
            if !batch.is_empty() && (batch.len() >= UPSERT_BATCH || batch_bytes + bytes > budget) {
                bodies.push(
                    json!({"vectors": std::mem::take(&mut batch), "namespace": account.as_str()}),
                );
                batch_bytes = 0;
            }
            batch_bytes += bytes;
            batch.push(value);
        }
        if !batch.is_empty() {
            bodies.push(json!({"vectors": batch, "namespace": account.as_str()}));
        }
        bodies
    }
}

#[async_trait]
impl VectorIndex for PineconeIndex {
    /// Pages from the id listing: chunk ids are `<url id>#<n>` in byte order, so a page's
    /// chunks are adjacent; each page's chunks are then counted with a listing of its
    /// prefix. The cursor is the list's pagination token of the id page the next page
    /// starts in, and the last page already returned (skipped when read again). URLs and
    /// titles are not in a listing: the caller takes them from the ingestion records.
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_pages(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: usize,
    ) -> Result<IndexedPages, KnowledgeError> {
        let limit = limit.clamp(1, 100);
        let invalid = || KnowledgeError::Invalid("invalid paging cursor".to_owned());
        let (mut token, mut last) = match after {
            None => (None, None),
            Some(cursor) => {
                let bytes = base64::Engine::decode(
                    &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                    cursor,
                )
                .map_err(|_| invalid())?;
                let text = String::from_utf8(bytes).map_err(|_| invalid())?;
                let (token, last) = text.split_once('|').ok_or_else(invalid)?;
                (
                    Some(token.to_owned()).filter(|t| !t.is_empty()),
                    Some(last.to_owned()).filter(|l| !l.is_empty()),
                )
            }
        };
        let cursor = |token: Option<&str>, last: &str| {
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                format!("{}|{last}", token.unwrap_or_default()),
            )
        };
        let mut url_ids: Vec<String> = Vec::new();
        let mut next = None;
        'listing: loop {
            let page = self.list_page(account, None, token.as_deref()).await?;
            for item in page.vectors {
                let url_id = item.id.split('#').next().unwrap_or_default().to_owned();
                if last.as_ref().is_some_and(|last| url_id <= *last) {
                    continue;
                }
                if url_ids.len() == limit {
                    // A page beyond this one: the next listing starts in this id page.
                    next = url_ids.last().map(|l| cursor(token.as_deref(), l));
                    break 'listing;
                }
                last = Some(url_id.clone());
                url_ids.push(url_id);
            }
            token = page.pagination.and_then(|p| p.next);
            if token.is_none() {
                break;
            }
        }
        let mut pages = Vec::with_capacity(url_ids.len());
        for url_id in url_ids {
            let chunks = self
                .list_ids(account, Some(&format!("{url_id}#")))
                .await?
                .len();
            pages.push(IndexedPage {
                url_id,
                url: None,
                title: None,
                chunks: u64::try_from(chunks).unwrap_or(u64::MAX),
                date: None,
            });
        }
        Ok(IndexedPages { pages, next })
    }

    #[tracing::instrument(skip_all, fields(account = %account, chunks = chunks.len()))]
    async fn upsert(
        &self,
        account: &AccountId,
        chunks: &[IndexedChunk],
    ) -> Result<(), KnowledgeError> {
        if chunks.iter().any(|c| c.vector.is_empty()) {
            return Err(KnowledgeError::Invalid("empty vector".to_owned()));
        }
        for body in self.upsert_bodies(account, chunks) {
            let _: Value = self
                .post("/vectors/upsert", &body, "pinecone upsert")
                .await?;
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account, ids = ids.len()))]
    async fn delete(&self, account: &AccountId, ids: &[String]) -> Result<(), KnowledgeError> {
        for batch in ids.chunks(PAGE) {
            let body = json!({"ids": batch, "namespace": account.as_str()});
            let _: Value = self
                .post("/vectors/delete", &body, "pinecone delete")
                .await?;
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn delete_url(&self, account: &AccountId, url: &str) -> Result<(), KnowledgeError> {
        let body = json!({
            "filter": {"url": {"$eq": url}},
            "namespace": account.as_str(),
        });
        let _: Value = self
            .post("/vectors/delete", &body, "pinecone delete by url")
            .await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account, top_k = query.top_k))]
    async fn query(
        &self,
        account: &AccountId,
        query: &VectorQuery,
    ) -> Result<Vec<ScoredChunk>, KnowledgeError> {
        if query.top_k == 0 {
            return Ok(Vec::new());
        }
        let mut vector = query.vector.clone();
        remote::normalise(&mut vector);
        let sparse = if self.sparse {
            let sparse = lexical::query_sparse(&query.text, LEXICAL_WEIGHT);
            for v in &mut vector {
                *v *= DENSE_WEIGHT;
            }
            (!sparse.is_empty()).then(|| Sparse::from(sparse))
        } else {
            None
        };
        let (filter, top_k) = match &query.url_prefix {
            None => (None, query.top_k),
            Some(prefix) => match directory_of(prefix) {
                Some(dir) if dir == *prefix => {
                    (Some(json!({"url_prefixes": {"$in": [dir]}})), query.top_k)
                }
                Some(dir) => (
                    Some(json!({"url_prefixes": {"$in": [dir]}})),
                    query.top_k * PREFIX_OVERFETCH,
                ),
                None => (None, query.top_k * PREFIX_OVERFETCH),
            },
        };
        let mut body = json!({
            "namespace": account.as_str(),
            "vector": vector,
            "topK": top_k.min(10_000),
            "includeMetadata": true,
            "includeValues": false,
        });
        if let Some(sparse) = sparse {
            body["sparseVector"] = serde_json::to_value(sparse).map_err(KnowledgeError::fatal)?;
        }
        if let Some(filter) = filter {
            body["filter"] = filter;
        }
        let response: QueryResponse = self.post("/query", &body, "pinecone query").await?;
        let mut results: Vec<ScoredChunk> = response
            .matches
            .into_iter()
            .map(|m| ScoredChunk {
                score: if self.sparse {
                    m.score
                } else {
                    DENSE_WEIGHT * m.score
                },
                record: record_of(m.id, m.metadata),
                // A sparse-dense query returns one dot product: its halves are not apart.
                dense: (!self.sparse).then_some(m.score),
                lexical: None,
            })
            .filter(|c| {
                query
                    .url_prefix
                    .as_deref()
                    .is_none_or(|prefix| c.record.url.starts_with(prefix))
            })
            .collect();
        results.truncate(query.top_k);
        Ok(results)
    }

    async fn count(&self, account: &AccountId) -> Result<u64, KnowledgeError> {
        // One request at any size; on serverless indexes it may lag fresh writes briefly.
        let stats = self.stats().await?;
        Ok(stats
            .namespaces
            .get(account.as_str())
            .map_or(0, |ns| ns.vector_count))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn delete_account(&self, account: &AccountId) -> Result<(), KnowledgeError> {
        let body = json!({"deleteAll": true, "namespace": account.as_str()});
        let _: Value = self
            .post("/vectors/delete", &body, "pinecone delete namespace")
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_the_directories_above_a_url() {
        assert_eq!(
            url_prefixes("https://h.example/a/b?x=1/2"),
            vec!["https://h.example/", "https://h.example/a/"]
        );
        assert_eq!(
            directory_of("https://h.example/products/aer").as_deref(),
            Some("https://h.example/products/")
        );
        assert_eq!(directory_of("https://h.example"), None);
    }
}
