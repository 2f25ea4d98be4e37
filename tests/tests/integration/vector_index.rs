//! The vector indexes behind `VectorIndex`, on the same cases: the embedded exact hybrid
//! index (a temporary SQLite file) and the Pinecone adapter against the Pinecone stand-in
//! (a `dotproduct` index, so the adapter sends sparse values), which refuses any request
//! that strays from Pinecone's published OpenAPI.

use std::sync::Arc;

use salient_core::domain::AccountId;
use salient_core::ports::knowledge::{
    ChunkRecord, IndexedChunk, ScoredChunk, VectorIndex, VectorQuery,
};
use salient_core::{EmbeddedIndex, PineconeIndex};
use salient_tests::pinecone_standin::{self, Metric, PineconeStandin};
use secrecy::SecretString;

const DIM: usize = 16;

/// A unit vector mostly along axis `main`, tilted towards axis `tilt` by `t` (0..1), so
/// tests pick cosines to the query exactly: cos(axis 0, vector(0, 1, t)) = √(1-t²).
fn vector(main: usize, tilt: usize, t: f32) -> Vec<f32> {
    let mut v = vec![0.0; DIM];
    v[main] = (1.0 - t * t).sqrt();
    v[tilt] += t;
    v
}

fn axis(i: usize) -> Vec<f32> {
    vector(i, i, 0.0)
}

fn chunk(id: &str, url: &str, text: &str, vector: Vec<f32>) -> IndexedChunk {
    IndexedChunk {
        record: ChunkRecord {
            id: id.to_owned(),
            url: url.to_owned(),
            title: "Northwind Heating".to_owned(),
            heading_path: vec!["Northwind Heating".to_owned(), "Heat pumps".to_owned()],
            text: text.to_owned(),
            page_hash: format!("hash-of-{url}"),
            date: None,
        },
        vector,
    }
}

fn query(vector: Vec<f32>, text: &str, top_k: usize) -> VectorQuery {
    VectorQuery {
        vector,
        text: text.to_owned(),
        top_k,
        url_prefix: None,
    }
}

fn account(name: &str) -> AccountId {
    AccountId::parse(name).expect("valid account id")
}

fn ids(results: &[ScoredChunk]) -> Vec<&str> {
    results.iter().map(|r| r.record.id.as_str()).collect()
}

/// A backend under test, with whatever must outlive it.
struct IndexUnderTest {
    index: Arc<dyn VectorIndex>,
    standin: Option<PineconeStandin>,
    _dir: Option<tempfile::TempDir>,
}

impl IndexUnderTest {
    async fn embedded() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let index = EmbeddedIndex::open(&dir.path().join("vectors.db")).expect("opens");
        Self {
            index: Arc::new(index),
            standin: None,
            _dir: Some(dir),
        }
    }

    async fn pinecone() -> Self {
        let standin = PineconeStandin::spawn(DIM, Metric::Dotproduct)
            .await
            .expect("stand-in starts");
        let index = PineconeIndex::new(
            &standin.host(),
            SecretString::from(pinecone_standin::API_KEY),
            true,
            std::time::Duration::from_secs(5),
        )
        .expect("adapter builds");
        Self {
            index: Arc::new(index),
            standin: Some(standin),
            _dir: None,
        }
    }

    /// Stores `chunks` for `account`; the upsert must succeed.
    async fn put(&self, account: &AccountId, chunks: &[IndexedChunk]) {
        self.index.upsert(account, chunks).await.expect("upsert");
    }

    /// The answer to `query` for `account`; the query must succeed.
    async fn search(&self, account: &AccountId, query: &VectorQuery) -> Vec<ScoredChunk> {
        self.index.query(account, query).await.expect("query")
    }

    /// The stand-in refused nothing: every request matched Pinecone's published shapes.
    fn assert_wire_format_kept(&self) {
        if let Some(standin) = &self.standin {
            let refused = standin.refused();
            assert!(refused.is_empty(), "the stand-in refused: {refused:#?}");
        }
    }
}

async fn upsert_then_query_returns_the_chunk_with_its_metadata(backend: &IndexUnderTest) {
    let acme = account("acme");
    let mut dated = chunk(
        "p1#0",
        "https://acme.test/a",
        "Air source heat pumps",
        axis(0),
    );
    dated.record.date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25);
    backend
        .put(
            &acme,
            &[
                dated,
                chunk("p2#0", "https://acme.test/b", "Boiler servicing", axis(1)),
            ],
        )
        .await;
    let results = backend.search(&acme, &query(axis(0), "", 1)).await;
    assert_eq!(ids(&results), vec!["p1#0"]);
    let record = &results[0].record;
    assert_eq!(record.url, "https://acme.test/a");
    assert_eq!(record.title, "Northwind Heating");
    assert_eq!(record.heading_path, vec!["Northwind Heating", "Heat pumps"]);
    assert_eq!(record.text, "Air source heat pumps");
    assert_eq!(record.page_hash, "hash-of-https://acme.test/a");
    assert_eq!(record.date, chrono::NaiveDate::from_ymd_opt(2026, 11, 25));
    let undated = backend.search(&acme, &query(axis(1), "", 1)).await;
    assert_eq!(ids(&undated), vec!["p2#0"]);
    assert_eq!(undated[0].record.date, None);
    backend.assert_wire_format_kept();
}

async fn re_upsert_replaces_the_chunk_with_the_same_id(backend: &IndexUnderTest) {
    let index = &backend.index;
    let acme = account("acme");
    backend
        .put(
            &acme,
            &[chunk("p1#0", "https://acme.test/a", "old text", axis(0))],
        )
        .await;
    index
        .upsert(
            &acme,
            &[chunk("p1#0", "https://acme.test/a", "new text", axis(2))],
        )
        .await
        .expect("re-upsert");
    assert_eq!(index.count(&acme).await.expect("count"), 1);
    let results = backend.search(&acme, &query(axis(2), "", 5)).await;
    assert_eq!(ids(&results), vec!["p1#0"]);
    assert_eq!(results[0].record.text, "new text");
    assert!(
        results[0].score > 0.6,
        "now along axis 2: {}",
        results[0].score
    );
    backend.assert_wire_format_kept();
}

async fn query_returns_top_k_best_first(backend: &IndexUnderTest) {
    let acme = account("acme");
    let chunks: Vec<IndexedChunk> = (0..8)
        .map(|i| {
            chunk(
                &format!("p{i}#0"),
                &format!("https://acme.test/{i}"),
                &format!("page number {i}"),
                vector(0, 1 + (i % 4), 0.1 * i as f32),
            )
        })
        .collect();
    backend.put(&acme, &chunks).await;
    let results = backend.search(&acme, &query(axis(0), "", 3)).await;
    assert_eq!(ids(&results), vec!["p0#0", "p1#0", "p2#0"]);
    assert!(results.windows(2).all(|w| w[0].score >= w[1].score));
    backend.assert_wire_format_kept();
}

async fn url_prefix_keeps_only_chunks_under_it(backend: &IndexUnderTest) {
    let acme = account("acme");
    backend
        .put(
            &acme,
            &[
                chunk(
                    "a#0",
                    "https://acme.test/products/aero-7",
                    "AERO-7",
                    axis(0),
                ),
                chunk(
                    "b#0",
                    "https://acme.test/products/aero-9",
                    "AERO-9",
                    vector(0, 1, 0.3),
                ),
                chunk(
                    "c#0",
                    "https://acme.test/blog/aero-news",
                    "news",
                    vector(0, 1, 0.1),
                ),
                chunk(
                    "d#0",
                    "https://acme.test/productsale",
                    "sale",
                    vector(0, 1, 0.05),
                ),
            ],
        )
        .await;
    let mut q = query(axis(0), "", 10);
    q.url_prefix = Some("https://acme.test/products/".to_owned());
    let results = backend.search(&acme, &q).await;
    assert_eq!(ids(&results), vec!["a#0", "b#0"]);
    // A prefix that ends mid-segment is honoured exactly too.
    q.url_prefix = Some("https://acme.test/products/aero-9".to_owned());
    let results = backend.search(&acme, &q).await;
    assert_eq!(ids(&results), vec!["b#0"]);
    backend.assert_wire_format_kept();
}

async fn delete_removes_only_the_given_ids(backend: &IndexUnderTest) {
    let index = &backend.index;
    let acme = account("acme");
    backend
        .put(
            &acme,
            &[
                chunk("p1#0", "https://acme.test/a", "one", axis(0)),
                chunk("p1#1", "https://acme.test/a", "two", axis(1)),
                chunk("p2#0", "https://acme.test/b", "three", axis(2)),
            ],
        )
        .await;
    index
        .delete(&acme, &["p1#1".to_owned(), "never-existed".to_owned()])
        .await
        .expect("delete");
    assert_eq!(index.count(&acme).await.expect("count"), 2);
    let results = backend.search(&acme, &query(axis(1), "", 10)).await;
    assert!(!ids(&results).contains(&"p1#1"));
    backend.assert_wire_format_kept();
}

async fn delete_url_removes_every_chunk_of_that_page(backend: &IndexUnderTest) {
    let index = &backend.index;
    let acme = account("acme");
    backend
        .put(
            &acme,
            &[
                chunk("p1#0", "https://acme.test/a", "one", axis(0)),
                chunk("p1#1", "https://acme.test/a", "two", axis(1)),
                chunk("p2#0", "https://acme.test/ab", "three", axis(2)),
            ],
        )
        .await;
    index
        .delete_url(&acme, "https://acme.test/a")
        .await
        .expect("delete_url");
    assert_eq!(index.count(&acme).await.expect("count"), 1);
    let results = backend.search(&acme, &query(axis(0), "", 10)).await;
    assert_eq!(ids(&results), vec!["p2#0"]);
    backend.assert_wire_format_kept();
}

async fn count_follows_upserts_and_deletes(backend: &IndexUnderTest) {
    let index = &backend.index;
    let acme = account("acme");
    assert_eq!(index.count(&acme).await.expect("count"), 0);
    // More than one upsert batch and more than one list page on Pinecone.
    let chunks: Vec<IndexedChunk> = (0..250)
        .map(|i| {
            chunk(
                &format!("page{:03}#0", i),
                &format!("https://acme.test/{i}"),
                &format!("chunk {i}"),
                vector(i % DIM, (i + 1) % DIM, 0.2),
            )
        })
        .collect();
    backend.put(&acme, &chunks).await;
    assert_eq!(index.count(&acme).await.expect("count"), 250);
    let doomed: Vec<String> = (0..50).map(|i| format!("page{:03}#0", i)).collect();
    index.delete(&acme, &doomed).await.expect("delete");
    assert_eq!(index.count(&acme).await.expect("count"), 200);
    if let Some(standin) = &backend.standin {
        let upserts: Vec<usize> = standin
            .seen()
            .iter()
            .filter(|s| s.route == "POST /vectors/upsert")
            .map(|s| s.body["vectors"].as_array().map_or(0, Vec::len))
            .collect();
        assert_eq!(upserts, vec![100, 100, 50], "batches of 100");
    }
    backend.assert_wire_format_kept();
}

async fn delete_account_removes_that_account_only(backend: &IndexUnderTest) {
    let index = &backend.index;
    let (acme, globex) = (account("acme"), account("globex"));
    backend
        .put(
            &acme,
            &[chunk("p1#0", "https://acme.test/a", "acme", axis(0))],
        )
        .await;
    backend
        .put(
            &globex,
            &[chunk("p1#0", "https://globex.test/a", "globex", axis(0))],
        )
        .await;
    index.delete_account(&acme).await.expect("delete_account");
    assert_eq!(index.count(&acme).await.expect("count"), 0);
    assert_eq!(index.count(&globex).await.expect("count"), 1);
    assert!(
        backend
            .search(&acme, &query(axis(0), "acme", 5))
            .await
            .is_empty()
    );
    backend.assert_wire_format_kept();
}

async fn one_accounts_query_never_returns_anothers_chunks(backend: &IndexUnderTest) {
    let index = &backend.index;
    let (acme, globex) = (account("acme"), account("globex"));
    // Same ids, same vectors, same words: only the account tells them apart.
    backend
        .put(
            &acme,
            &[
                chunk(
                    "p1#0",
                    "https://acme.test/a",
                    "AERO-7 price £7,495",
                    axis(0),
                ),
                chunk("p2#0", "https://acme.test/b", "servicing", axis(1)),
            ],
        )
        .await;
    backend
        .put(
            &globex,
            &[
                chunk(
                    "p1#0",
                    "https://globex.test/a",
                    "AERO-7 price £7,495",
                    axis(0),
                ),
                chunk("p3#0", "https://globex.test/c", "AERO-7 secret", axis(0)),
            ],
        )
        .await;
    for (who, host) in [
        (&acme, "https://acme.test/"),
        (&globex, "https://globex.test/"),
    ] {
        let results = backend
            .search(who, &query(axis(0), "AERO-7 £7,495 secret", 10))
            .await;
        assert!(!results.is_empty());
        for result in &results {
            assert!(
                result.record.url.starts_with(host),
                "{who} saw {}",
                result.record.url
            );
        }
    }
    index
        .delete(&acme, &["p3#0".to_owned()])
        .await
        .expect("delete in acme");
    assert_eq!(
        index.count(&globex).await.expect("count"),
        2,
        "globex untouched"
    );
    backend.assert_wire_format_kept();
}

async fn a_sku_query_that_dense_alone_misses_is_found_by_hybrid(backend: &IndexUnderTest) {
    let acme = account("acme");
    // Six general chunks sit closer to the query embedding than the one with the SKU.
    let mut chunks: Vec<IndexedChunk> = (0..6)
        .map(|i| {
            chunk(
                &format!("general{i}#0"),
                &format!("https://acme.test/guide/{i}"),
                "Heat pumps move heat from outside air into your home efficiently.",
                vector(0, 1 + i, 0.90 + 0.01 * i as f32),
            )
        })
        .collect();
    chunks.push(chunk(
        "sku#0",
        "https://acme.test/products/aero-7",
        "The AERO-7 air source heat pump: £7,495 fitted, 7 year warranty.",
        vector(0, 8, 0.97),
    ));
    backend.put(&acme, &chunks).await;

    let dense_only = backend.search(&acme, &query(axis(0), "", 3)).await;
    assert!(
        !ids(&dense_only).contains(&"sku#0"),
        "dense alone ranks it low: {:?}",
        ids(&dense_only)
    );
    for typed in ["AERO-7", "aero 7 price", "£7,495", "7495"] {
        let hybrid = backend.search(&acme, &query(axis(0), typed, 3)).await;
        assert_eq!(
            ids(&hybrid).first(),
            Some(&"sku#0"),
            "{typed:?} puts the SKU chunk first: {:?}",
            ids(&hybrid)
        );
    }
    backend.assert_wire_format_kept();
}

async fn a_vector_of_the_wrong_length_is_refused(backend: &IndexUnderTest) {
    let index = &backend.index;
    let acme = account("acme");
    backend
        .put(&acme, &[chunk("p1#0", "https://acme.test/a", "x", axis(0))])
        .await;
    let short = index
        .upsert(
            &acme,
            &[chunk(
                "p2#0",
                "https://acme.test/b",
                "y",
                vec![1.0; DIM / 2],
            )],
        )
        .await;
    assert!(short.is_err());
}

salient_tests::on_each_backend! {
    embedded: |case| {
        case(&IndexUnderTest::embedded().await).await;
        Ok(())
    },
    pinecone: |case| {
        case(&IndexUnderTest::pinecone().await).await;
        Ok(())
    };
    {
        upsert_then_query_returns_the_chunk_with_its_metadata,
        re_upsert_replaces_the_chunk_with_the_same_id,
        query_returns_top_k_best_first,
        url_prefix_keeps_only_chunks_under_it,
        delete_removes_only_the_given_ids,
        delete_url_removes_every_chunk_of_that_page,
        count_follows_upserts_and_deletes,
        delete_account_removes_that_account_only,
        one_accounts_query_never_returns_anothers_chunks,
        a_sku_query_that_dense_alone_misses_is_found_by_hybrid,
        a_vector_of_the_wrong_length_is_refused,
    }
}

#[tokio::test]
async fn the_embedded_index_survives_a_reopen_and_sees_another_process_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("vectors.db");
    let acme = account("acme");
    let server = EmbeddedIndex::open(&path).expect("opens");
    server
        .upsert(
            &acme,
            &[chunk("p1#0", "https://acme.test/a", "first", axis(0))],
        )
        .await
        .expect("upsert");
    // Loaded into memory by the server's first query.
    assert_eq!(
        server
            .query(&acme, &query(axis(0), "", 5))
            .await
            .expect("q")
            .len(),
        1
    );
    // The CLI, another handle on the same file, writes.
    let cli = EmbeddedIndex::open(&path).expect("opens again");
    cli.upsert(
        &acme,
        &[chunk("p2#0", "https://acme.test/b", "second", axis(1))],
    )
    .await
    .expect("upsert");
    let seen = server
        .query(&acme, &query(axis(1), "", 5))
        .await
        .expect("q");
    assert_eq!(
        ids(&seen)[0],
        "p2#0",
        "the server reloads after the CLI's write"
    );
    drop((server, cli));
    let reopened = EmbeddedIndex::open(&path).expect("reopens");
    assert_eq!(reopened.count(&acme).await.expect("count"), 2);
}

#[tokio::test]
async fn the_pinecone_stand_in_refuses_requests_that_break_the_published_shapes() {
    let standin = PineconeStandin::spawn(DIM, Metric::Cosine)
        .await
        .expect("starts");
    let client = reqwest::Client::new();
    let host = standin.host();
    let post = |path: &str, body: serde_json::Value, version: bool| {
        let mut request = client
            .post(format!("{host}{path}"))
            .header("Api-Key", pinecone_standin::API_KEY)
            .json(&body);
        if version {
            request = request.header("X-Pinecone-Api-Version", "2025-10");
        }
        request.send()
    };
    let cases = [
        (
            "/query",
            serde_json::json!({"namespace": "a", "vector": vec![0.1; DIM]}),
            true,
        ),
        (
            "/query",
            serde_json::json!({"namespace": "a", "topK": 1, "vector": [0.1]}),
            true,
        ),
        (
            "/query",
            serde_json::json!({"topK": 1, "vector": vec![0.1; DIM]}),
            true,
        ),
        (
            "/query",
            serde_json::json!({"namespace": "a", "topK": 1, "vector": vec![0.1; DIM]}),
            false,
        ),
        (
            "/vectors/upsert",
            serde_json::json!({"namespace": "a", "vectors": []}),
            true,
        ),
        (
            "/vectors/upsert",
            serde_json::json!({"namespace": "a", "vectors": [{"id": "x", "values": vec![0.1; DIM], "sparseValues": {"indices": [1], "values": [0.5]}}]}),
            true,
        ),
        (
            "/vectors/upsert",
            serde_json::json!({"namespace": "a", "vectors": [{"id": "x", "values": vec![0.1; DIM], "metadata": {"nested": {"no": 1}}}]}),
            true,
        ),
        (
            "/vectors/delete",
            serde_json::json!({"namespace": "a", "ids": ["x"], "deleteAll": true}),
            true,
        ),
    ];
    for (path, body, version) in cases {
        let response = post(path, body.clone(), version).await.expect("answers");
        assert_eq!(response.status(), 400, "{path} {body}");
        let error: serde_json::Value = response.json().await.expect("json");
        assert_eq!(error["code"], 3);
        assert!(error["message"].is_string());
    }
    let ok = post(
        "/vectors/upsert",
        serde_json::json!({"namespace": "a", "vectors": [{"id": "x", "values": vec![0.1; DIM], "metadata": {"url": "u", "tags": ["a"]}}]}),
        true,
    )
    .await
    .expect("answers");
    assert_eq!(ok.status(), 200);
    let body: serde_json::Value = ok.json().await.expect("json");
    assert_eq!(body["upsertedCount"], 1);
}

#[tokio::test]
async fn pinecone_lists_ids_by_prefix_across_pages() {
    let backend = IndexUnderTest::pinecone().await;
    let standin = backend.standin.as_ref().expect("stand-in");
    let index = PineconeIndex::new(
        &standin.host(),
        SecretString::from(pinecone_standin::API_KEY),
        true,
        std::time::Duration::from_secs(5),
    )
    .expect("adapter builds");
    let acme = account("acme");
    let chunks: Vec<IndexedChunk> = (0..230)
        .map(|i| {
            let page = if i < 210 { "aaaa" } else { "bbbb" };
            chunk(
                &format!("{page}#{i:03}"),
                &format!("https://acme.test/{page}"),
                "text",
                vector(i % DIM, (i + 3) % DIM, 0.3),
            )
        })
        .collect();
    index.upsert(&acme, &chunks).await.expect("upsert");
    let listed = index.list_ids(&acme, Some("aaaa#")).await.expect("list");
    assert_eq!(listed.len(), 210);
    assert!(listed.windows(2).all(|w| w[0] < w[1]));
    let pages = standin
        .seen()
        .iter()
        .filter(|s| s.route == "GET /vectors/list")
        .count();
    assert_eq!(pages, 3, "100 ids a page");
    let stats = index.stats().await.expect("stats");
    assert_eq!(stats.dimension, Some(DIM as u64));
    assert_eq!(stats.namespaces["acme"].vector_count, 230);
    backend.assert_wire_format_kept();
}
