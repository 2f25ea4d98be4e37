//! The run's pipeline against a generated site on loopback: fetching overlaps embedding,
//! the pages in flight stay bounded, a page failing in the embedder leaves the others
//! indexed, and an error that is not a page's own ends the run.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use axum::extract::{Path, State};
use axum::response::Html;
use axum::routing::get;
use salient_core::EmbeddedStore;
use salient_core::config::SourcesSettings;
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::{IngestionStore, RunTrigger};
use salient_core::ports::knowledge::{
    EmbedKind, Embedder, IndexedChunk, KnowledgeError, ScoredChunk, VectorIndex, VectorQuery,
};
use tokio::sync::{Notify, Semaphore};

use super::pipeline::{
    EMBED_BATCH, FETCH_WINDOW_PER_FETCH, PAGES_AWAITING_EMBEDDING, PAGES_AWAITING_WRITES,
};
use super::{IngestError, Ingestor, NoProgress, PageOutcome, RunReport};

const PROMO: &str = "Free delivery on every order over fifty pounds this spring.";

/// A site of `pages` pages (`/p/0` …) with a shared header, nav, footer and promo strip;
/// it counts the page requests it answers.
struct Site {
    pages: usize,
    fetched: AtomicUsize,
}

async fn spawn_site(pages: usize) -> (Arc<Site>, SocketAddr) {
    let site = Arc::new(Site {
        pages,
        fetched: AtomicUsize::new(0),
    });
    let app = axum::Router::new()
        .route("/sitemap.xml", get(sitemap))
        .route("/p/{n}", get(page))
        .with_state(Arc::clone(&site));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (site, addr)
}

async fn sitemap(State(site): State<Arc<Site>>, headers: axum::http::HeaderMap) -> String {
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let urls: String = (0..site.pages)
        .map(|n| format!("<url><loc>http://{host}/p/{n}</loc></url>"))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>"#
    )
}

async fn page(State(site): State<Arc<Site>>, Path(n): Path<usize>) -> Html<String> {
    site.fetched.fetch_add(1, Ordering::SeqCst);
    let body = if n == 7 {
        "This page holds the poison word the failing embedder refuses.".to_owned()
    } else {
        format!(
            "Kettle model {n} boils a litre in {} seconds and keeps it warm.",
            90 + n
        )
    };
    Html(format!(
        "<html><head><title>Kettle {n}</title></head><body>\
         <header><nav><a href=\"/\">Home</a> <a href=\"/shop\">Shop</a></nav></header>\
         <main><h1>Kettle {n}</h1><div>{PROMO}</div><p>{body}</p></main>\
         <footer>Kettle Co, 1 High Street</footer></body></html>"
    ))
}

/// What the test embedder does besides embedding.
#[derive(Debug, Default)]
struct Behaviour {
    /// Every call waits for a permit when set.
    gate: Option<Semaphore>,
    /// A text holding this word fails its call (a transient backend error).
    fail_on: Option<&'static str>,
    /// Every call is refused as invalid input.
    invalid: bool,
}

/// A deterministic embedder that records, per call, how many pages the site had served
/// when the call started and how many texts it got.
#[derive(Debug)]
struct TestEmbedder {
    site: Arc<Site>,
    behaviour: Behaviour,
    calls: Mutex<Vec<(usize, usize)>>,
    entered: Notify,
}

impl std::fmt::Debug for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Site").field("pages", &self.pages).finish()
    }
}

#[async_trait]
impl Embedder for TestEmbedder {
    fn model_id(&self) -> &str {
        "test-length-4"
    }

    fn dimensions(&self) -> usize {
        4
    }

    async fn embed(
        &self,
        texts: &[String],
        _kind: EmbedKind,
    ) -> Result<Vec<Vec<f32>>, KnowledgeError> {
        let fetched = self.site.fetched.load(Ordering::SeqCst);
        self.calls
            .lock()
            .expect("not poisoned")
            .push((fetched, texts.len()));
        self.entered.notify_one();
        if let Some(gate) = &self.behaviour.gate {
            let _permit = gate.acquire().await.expect("gate open");
        }
        if self.behaviour.invalid {
            return Err(KnowledgeError::Invalid("refused".to_owned()));
        }
        if let Some(word) = self.behaviour.fail_on
            && texts.iter().any(|t| t.contains(word))
        {
            return Err(KnowledgeError::transient(anyhow::anyhow!("overloaded")));
        }
        Ok(texts
            .iter()
            .map(|t| {
                let length = f32::from(u16::try_from(t.len()).unwrap_or(u16::MAX));
                vec![length, 1.0, 0.0, 0.0]
            })
            .collect())
    }
}

/// Chunks by id, in memory.
#[derive(Debug, Default)]
struct MemoryIndex {
    chunks: Mutex<HashMap<String, IndexedChunk>>,
}

impl MemoryIndex {
    fn texts(&self) -> Vec<String> {
        let chunks = self.chunks.lock().expect("not poisoned");
        chunks.values().map(|c| c.record.text.clone()).collect()
    }
}

#[async_trait]
impl VectorIndex for MemoryIndex {
    async fn upsert(&self, _: &AccountId, chunks: &[IndexedChunk]) -> Result<(), KnowledgeError> {
        let mut stored = self.chunks.lock().expect("not poisoned");
        for chunk in chunks {
            stored.insert(chunk.record.id.clone(), chunk.clone());
        }
        Ok(())
    }

    async fn delete(&self, _: &AccountId, ids: &[String]) -> Result<(), KnowledgeError> {
        let mut stored = self.chunks.lock().expect("not poisoned");
        for id in ids {
            stored.remove(id);
        }
        Ok(())
    }

    async fn delete_url(&self, _: &AccountId, url: &str) -> Result<(), KnowledgeError> {
        let mut stored = self.chunks.lock().expect("not poisoned");
        stored.retain(|_, c| c.record.url != url);
        Ok(())
    }

    async fn query(
        &self,
        _: &AccountId,
        _: &VectorQuery,
    ) -> Result<Vec<ScoredChunk>, KnowledgeError> {
        Ok(Vec::new())
    }

    async fn count(&self, _: &AccountId) -> Result<u64, KnowledgeError> {
        Ok(self.chunks.lock().expect("not poisoned").len() as u64)
    }

    async fn delete_account(&self, _: &AccountId) -> Result<(), KnowledgeError> {
        self.chunks.lock().expect("not poisoned").clear();
        Ok(())
    }
}

const CONCURRENCY: u32 = 2;
const SAMPLE: usize = 4;

struct Harness {
    site: Arc<Site>,
    sources: SourcesSettings,
    embedder: Arc<TestEmbedder>,
    index: Arc<MemoryIndex>,
    store: Arc<EmbeddedStore>,
    ingestor: Ingestor,
}

impl Harness {
    async fn new(pages: usize, behaviour: Behaviour) -> Self {
        let (site, addr) = spawn_site(pages).await;
        let embedder = Arc::new(TestEmbedder {
            site: Arc::clone(&site),
            behaviour,
            calls: Mutex::new(Vec::new()),
            entered: Notify::new(),
        });
        let index = Arc::new(MemoryIndex::default());
        let store = Arc::new(EmbeddedStore::in_memory().expect("in-memory store"));
        let ingestor = Ingestor::new(embedder.clone(), index.clone(), store.clone())
            .expect("default chunk settings")
            .with_boilerplate_sample(SAMPLE);
        let sources = SourcesSettings {
            sitemaps: vec![format!("http://{addr}/sitemap.xml")],
            allow_private_hosts: vec![addr.to_string()],
            delay_ms: 0,
            concurrency: CONCURRENCY,
            max_pages: 10_000,
            ..SourcesSettings::default()
        };
        Self {
            site,
            sources,
            embedder,
            index,
            store,
            ingestor,
        }
    }

    /// Starts a run in its own task.
    fn start(&self) -> tokio::task::JoinHandle<Result<RunReport, IngestError>> {
        let ingestor = self.ingestor.clone();
        let sources = self.sources.clone();
        tokio::spawn(async move {
            ingestor
                .run(&account(), &sources, RunTrigger::Cli, &NoProgress)
                .await
        })
    }

    fn fetched(&self) -> usize {
        self.site.fetched.load(Ordering::SeqCst)
    }

    fn calls(&self) -> Vec<(usize, usize)> {
        self.embedder.calls.lock().expect("not poisoned").clone()
    }
}

fn account() -> AccountId {
    AccountId::parse("kettle-co").expect("valid")
}

fn added(report: &RunReport) -> usize {
    report
        .pages
        .iter()
        .filter(|(_, o)| matches!(o, PageOutcome::Added { .. }))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetching_goes_on_while_the_embedder_works_and_stops_at_the_bound() {
    const PAGES: usize = 200;
    let h = Harness::new(
        PAGES,
        Behaviour {
            gate: Some(Semaphore::new(0)),
            ..Behaviour::default()
        },
    )
    .await;
    let run = h.start();
    tokio::time::timeout(Duration::from_secs(30), h.embedder.entered.notified())
        .await
        .expect("the embedder is called");
    let at_first_call = h.calls()[0].0;

    // The first call is held: fetching goes on until the pipeline is full, then stops.
    let mut fetched = h.fetched();
    let mut steady = 0;
    for _ in 0..200 {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let now = h.fetched();
        steady = if now == fetched { steady + 1 } else { 0 };
        fetched = now;
        if steady == 10 {
            break;
        }
    }
    let bound = SAMPLE
        + CONCURRENCY as usize * FETCH_WINDOW_PER_FETCH
        + PAGES_AWAITING_EMBEDDING
        + EMBED_BATCH
        + PAGES_AWAITING_WRITES
        + 2;
    assert!(
        at_first_call < PAGES,
        "embedding started after {at_first_call} of {PAGES} fetches"
    );
    assert!(
        fetched > at_first_call,
        "fetching went on while the embedder worked ({at_first_call} then {fetched})"
    );
    assert!(
        fetched <= bound,
        "{fetched} pages fetched with one embedding call held; the bound is {bound}"
    );

    if let Some(gate) = &h.embedder.behaviour.gate {
        gate.add_permits(Semaphore::MAX_PERMITS);
    }
    let report = tokio::time::timeout(Duration::from_secs(60), run)
        .await
        .expect("the run finishes")
        .expect("the run task")
        .expect("the run succeeds");
    assert_eq!(added(&report), PAGES);
    assert_eq!(h.fetched(), PAGES, "each page is fetched once");
    // The pages queued while the first call was held share the next one.
    let calls = h.calls();
    let largest = calls.iter().map(|&(_, texts)| texts).max().unwrap_or(0);
    assert!(
        (PAGES_AWAITING_EMBEDDING..=EMBED_BATCH).contains(&largest),
        "largest embedding call: {largest} texts"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_failing_in_the_embedder_leaves_the_pages_batched_with_it_indexed() {
    const PAGES: usize = 30;
    let h = Harness::new(
        PAGES,
        Behaviour {
            fail_on: Some("poison"),
            ..Behaviour::default()
        },
    )
    .await;
    let report = h
        .start()
        .await
        .expect("run task")
        .expect("the run finishes");
    let failed: Vec<&String> = report
        .pages
        .iter()
        .filter(|(_, o)| matches!(o, PageOutcome::Failed(_)))
        .map(|(url, _)| url)
        .collect();
    assert_eq!(failed.len(), 1, "{:?}", report.pages);
    assert!(failed[0].ends_with("/p/7"));
    assert_eq!(added(&report), PAGES - 1);
    assert_eq!(report.run.counts.failed, 1);
    assert_eq!(report.run.errors.len(), 1);
    let texts = h.index.texts();
    assert_eq!(texts.len(), PAGES - 1);
    assert!(texts.iter().all(|t| !t.contains("poison")));
    // The failed page has no record: the next run embeds it again.
    let records = h.store.list_pages(&account()).await.expect("records");
    assert_eq!(records.len(), PAGES - 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_embedder_request_ends_the_run_with_its_error() {
    let h = Harness::new(
        20,
        Behaviour {
            invalid: true,
            ..Behaviour::default()
        },
    )
    .await;
    let result = h.start().await.expect("run task");
    assert!(
        matches!(
            result,
            Err(IngestError::Knowledge(KnowledgeError::Invalid(_)))
        ),
        "{result:?}"
    );
    let runs = h.store.list_runs(&account(), 10).await.expect("runs");
    assert!(
        runs.is_empty(),
        "a run that ended with an error is not recorded"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boilerplate_from_the_sample_is_left_out_of_every_page_and_a_rerun_embeds_nothing() {
    const PAGES: usize = 40;
    let h = Harness::new(PAGES, Behaviour::default()).await;
    let report = h
        .start()
        .await
        .expect("run task")
        .expect("the run finishes");
    assert_eq!(added(&report), PAGES);
    let texts = h.index.texts();
    assert_eq!(texts.len(), PAGES);
    assert!(texts.iter().all(|t| !t.contains(PROMO)), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("Kettle model 23 boils")));

    let calls = h.calls().len();
    let again = h
        .start()
        .await
        .expect("run task")
        .expect("the run finishes");
    assert_eq!(again.run.counts.unchanged, PAGES as u32);
    assert_eq!(h.calls().len(), calls, "an unchanged site embeds nothing");
}
