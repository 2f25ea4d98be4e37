//! The ingestion pipeline of one account: discover pages (sitemaps and extra URLs), filter
//! them (allowed hosts, path patterns, robots.txt, page cap), fetch them safely, extract the
//! main content, drop boilerplate repeated across pages, then compare each page's content
//! hash with the stored one: only new and changed pages are chunked, embedded and upserted;
//! pages gone from the site are deleted from the index. Every run is recorded.
//!
//! Idempotent: a second run over an unchanged site embeds nothing and changes nothing in
//! the index. Safe on partial failure: a page that fails transiently keeps its old chunks,
//! and when a sitemap cannot be read (other than a 404) nothing is removed that run.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use futures::StreamExt as _;
use sha2::{Digest as _, Sha256};
use url::Url;

use super::chunk::{ChunkSettings, Chunker};
use super::crawl::fetch::{FetchError, Fetcher};
use super::crawl::robots::RobotsRules;
use super::crawl::sitemap::{self, Sitemap};
use super::crawl::{path_allowed, ssrf};
use super::extract::{self, Boilerplate, ExtractedPage};
use crate::config::SourcesSettings;
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::ingestion::{
    IngestionRun, IngestionStore, MAX_RUN_ERRORS, PageRecord, RunCounts, RunTrigger,
};
use crate::ports::knowledge::{
    ChunkRecord, EmbedKind, Embedder, IndexedChunk, KnowledgeError, VectorIndex,
};

/// Deepest sitemap index nesting followed.
const MAX_SITEMAP_DEPTH: usize = 3;
/// Most sitemap documents read in one run.
const MAX_SITEMAPS: usize = 50;
/// Texts per embedding call.
const EMBED_BATCH: usize = 64;

/// Why a URL was not indexed on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// robots.txt disallows it.
    Robots,
    /// Its host is not in `allowed_hosts`.
    OffHost,
    /// `include_paths` / `exclude_paths` leave it out.
    PathExcluded,
    /// Beyond `max_pages`.
    PageCap,
    /// Not HTML.
    NotHtml(String),
    /// Larger than `max_page_bytes`.
    TooLarge,
    /// The SSRF guard refused it (or a redirect from it).
    Refused(String),
    /// `<meta name="robots" content="noindex">`.
    NoIndex,
    /// Its canonical URL was already indexed from another URL.
    DuplicateOf(String),
    /// No main content left after extraction.
    Empty,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Robots => f.write_str("disallowed by robots.txt"),
            Self::OffHost => f.write_str("host not allowed"),
            Self::PathExcluded => f.write_str("path excluded"),
            Self::PageCap => f.write_str("beyond max_pages"),
            Self::NotHtml(kind) => write!(f, "not HTML ({kind})"),
            Self::TooLarge => f.write_str("larger than max_page_bytes"),
            Self::Refused(why) => write!(f, "refused: {why}"),
            Self::NoIndex => f.write_str("noindex"),
            Self::DuplicateOf(url) => write!(f, "duplicate of {url}"),
            Self::Empty => f.write_str("no main content"),
        }
    }
}

/// What happened to one URL in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageOutcome {
    /// New page, indexed.
    Added,
    /// Changed page, re-indexed.
    Updated,
    /// Same content hash: nothing embedded.
    Unchanged,
    /// Gone from the site (or now excluded): deleted from the index.
    Removed,
    /// Not indexed on purpose.
    Skipped(SkipReason),
    /// Could not be fetched or indexed; a page already indexed keeps its chunks when the
    /// failure may pass.
    Failed(String),
}

impl PageOutcome {
    /// The outcome's short name, as the CLI prints it.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Updated => "updated",
            Self::Unchanged => "unchanged",
            Self::Removed => "removed",
            Self::Skipped(_) => "skipped",
            Self::Failed(_) => "failed",
        }
    }
}

/// Follows a run as it goes (the CLI's progress bar).
pub trait Progress: Send + Sync {
    /// How many URLs will be fetched.
    fn planned(&self, _urls: usize) {}
    /// One URL is done.
    fn page(&self, _url: &str, _outcome: &PageOutcome) {}
}

/// Progress that nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// A finished run: its stored record and every URL's outcome.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// As stored.
    pub run: IngestionRun,
    /// Each URL and what happened to it, in the order they finished.
    pub pages: Vec<(String, PageOutcome)>,
}

/// Why a run could not finish.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The account has no `sources:`.
    #[error("the account has no sources configured")]
    NothingConfigured,
    /// Invalid chunk settings.
    #[error(transparent)]
    Chunk(#[from] super::chunk::ChunkError),
    /// The ingestion records could not be read or written.
    #[error("ingestion records: {0}")]
    Store(#[from] StoreError),
    /// The embedder or the index failed in a way that stops the run.
    #[error("knowledge backend: {0}")]
    Knowledge(#[from] KnowledgeError),
}

impl IngestError {
    /// Whether the scheduler should try the run again.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::NothingConfigured | Self::Chunk(_) => false,
            Self::Store(StoreError::Backend { retryable, .. })
            | Self::Knowledge(KnowledgeError::Backend { retryable, .. }) => *retryable,
            Self::Store(_) | Self::Knowledge(_) => false,
        }
    }
}

/// Runs ingestions through an embedder, an index and the ingestion records.
#[derive(Debug, Clone)]
pub struct Ingestor {
    embedder: Arc<dyn Embedder>,
    index: Arc<dyn VectorIndex>,
    records: Arc<dyn IngestionStore>,
    chunker: Arc<Chunker>,
    chunk_settings: ChunkSettings,
}

/// A page fetched and extracted, waiting for the boilerplate pass.
struct Extracted {
    requested: String,
    key: String,
    page: ExtractedPage,
}

impl Ingestor {
    /// An ingestor with the default chunk sizes.
    pub fn new(
        embedder: Arc<dyn Embedder>,
        index: Arc<dyn VectorIndex>,
        records: Arc<dyn IngestionStore>,
    ) -> Result<Self, IngestError> {
        Self::with_chunking(embedder, index, records, ChunkSettings::default())
    }

    /// An ingestor with these chunk sizes.
    pub fn with_chunking(
        embedder: Arc<dyn Embedder>,
        index: Arc<dyn VectorIndex>,
        records: Arc<dyn IngestionStore>,
        chunk_settings: ChunkSettings,
    ) -> Result<Self, IngestError> {
        Ok(Self {
            embedder,
            index,
            records,
            chunker: Arc::new(Chunker::new(chunk_settings)?),
            chunk_settings,
        })
    }

    /// The ingestion records this ingestor writes.
    pub fn records(&self) -> &Arc<dyn IngestionStore> {
        &self.records
    }

    /// Runs one ingestion of `account` and records it.
    #[tracing::instrument(skip_all, fields(account = %account, trigger = trigger.as_str()))]
    pub async fn run(
        &self,
        account: &AccountId,
        sources: &SourcesSettings,
        trigger: RunTrigger,
        progress: &dyn Progress,
    ) -> Result<RunReport, IngestError> {
        if sources.is_empty() {
            return Err(IngestError::NothingConfigured);
        }
        let started_at = Utc::now();
        let clock = Instant::now();
        let mut run = RunState::default();

        let fetcher = Fetcher::new(
            allowed_hosts(sources),
            sources.allow_private_hosts.clone(),
            sources.max_page_bytes,
            Duration::from_secs(sources.fetch_timeout_secs),
        );
        let candidates = discover(&fetcher, sources, &mut run).await;

        // Filter: host, path patterns, robots.txt, cap.
        let mut robots: HashMap<String, RobotsRules> = HashMap::new();
        let mut to_fetch: Vec<String> = Vec::new();
        let mut kept_beyond_cap: HashSet<String> = HashSet::new();
        for raw in candidates {
            let url = match ssrf::check_url(&raw) {
                Ok(url) => url,
                Err(refusal) => {
                    run.finish(
                        progress,
                        raw,
                        PageOutcome::Skipped(SkipReason::Refused(refusal.to_string())),
                    );
                    continue;
                }
            };
            let skip = if !fetcher.host_allowed(&url) {
                Some(SkipReason::OffHost)
            } else if let Err(refusal) = ssrf::resolve(&url, &sources.allow_private_hosts).await {
                Some(SkipReason::Refused(refusal.to_string()))
            } else if !path_allowed(url.path(), &sources.include_paths, &sources.exclude_paths) {
                Some(SkipReason::PathExcluded)
            } else if !robots_for(&fetcher, &mut robots, &url)
                .await
                .allowed(url.as_str())
            {
                Some(SkipReason::Robots)
            } else if to_fetch.len() >= sources.max_pages as usize {
                kept_beyond_cap.insert(url.to_string());
                Some(SkipReason::PageCap)
            } else {
                None
            };
            match skip {
                Some(reason) => run.finish(progress, url.to_string(), PageOutcome::Skipped(reason)),
                None => to_fetch.push(url.to_string()),
            }
        }
        progress.planned(to_fetch.len());

        // Fetch and extract, a few at a time, paced per host.
        let crawl_delay = robots
            .values()
            .filter_map(RobotsRules::delay_ms)
            .max()
            .unwrap_or(0);
        let pacer = Pacer::new(Duration::from_millis(sources.delay_ms.max(crawl_delay)));
        let results: Vec<(String, Result<ExtractedOrSkip, FetchError>)> =
            futures::stream::iter(to_fetch)
                .map(|url| {
                    let fetcher = &fetcher;
                    let pacer = &pacer;
                    async move {
                        pacer.wait(&url).await;
                        let result = fetch_and_extract(fetcher, &url).await;
                        (url, result)
                    }
                })
                .buffer_unordered(sources.concurrency.max(1) as usize)
                .collect()
                .await;

        let stored: HashMap<String, PageRecord> = self
            .records
            .list_pages(account)
            .await?
            .into_iter()
            .map(|page| (page.url.clone(), page))
            .collect();
        let mut extracted: Vec<Extracted> = Vec::new();
        // 404 and 410: an indexed page is reported as removed below; any other, as failed.
        let mut gone: Vec<(String, String)> = Vec::new();
        let mut retained: HashSet<String> = kept_beyond_cap;
        for (url, result) in results {
            match result {
                Ok(ExtractedOrSkip::Page(final_url, page)) => {
                    // The page may redirect or point its canonical elsewhere: that URL must
                    // pass the same rules.
                    let key = canonical_key(&fetcher, &final_url, page.canonical.as_ref(), sources);
                    if !robots_for(&fetcher, &mut robots, &final_url)
                        .await
                        .allowed(final_url.as_str())
                    {
                        run.finish(progress, url, PageOutcome::Skipped(SkipReason::Robots));
                    } else if page.noindex {
                        run.finish(progress, url, PageOutcome::Skipped(SkipReason::NoIndex));
                    } else {
                        extracted.push(Extracted {
                            requested: url,
                            key,
                            page,
                        });
                    }
                }
                Ok(ExtractedOrSkip::Skip(reason)) => {
                    run.finish(progress, url, PageOutcome::Skipped(reason));
                }
                Err(err) if err.is_gone() => gone.push((url, err.to_string())),
                Err(err) => {
                    if err.is_transient() {
                        // Keep whatever we had of it.
                        retained.insert(url.clone());
                    }
                    let outcome = match err {
                        FetchError::TooLarge(_) => PageOutcome::Skipped(SkipReason::TooLarge),
                        FetchError::Refused(refusal) => {
                            PageOutcome::Skipped(SkipReason::Refused(refusal.to_string()))
                        }
                        FetchError::OffHost(host) => PageOutcome::Skipped(SkipReason::Refused(
                            format!("redirect off the allowed hosts to {host}"),
                        )),
                        other => PageOutcome::Failed(other.to_string()),
                    };
                    run.finish(progress, url, outcome);
                }
            }
        }

        // Boilerplate across this run's pages.
        let mut boilerplate = Boilerplate::default();
        for page in &extracted {
            boilerplate.add(&page.page.blocks);
        }
        let repeated = boilerplate.repeated();

        for (url, why) in gone {
            if !stored.contains_key(&url) {
                run.finish(progress, url, PageOutcome::Failed(why));
            }
        }
        let mut present: HashSet<String> = HashSet::new();
        extracted.sort_by(|a, b| a.requested.cmp(&b.requested));
        for page in extracted {
            if !present.insert(page.key.clone()) {
                let outcome = PageOutcome::Skipped(SkipReason::DuplicateOf(page.key));
                run.finish(progress, page.requested, outcome);
                continue;
            }
            let blocks = extract::without_boilerplate(&page.page.blocks, &repeated);
            let markdown = extract::to_markdown(&blocks);
            if markdown.trim().is_empty() {
                present.remove(&page.key);
                run.finish(
                    progress,
                    page.requested,
                    PageOutcome::Skipped(SkipReason::Empty),
                );
                continue;
            }
            let outcome = match self
                .index_page(
                    account,
                    &page.key,
                    &page.page.title,
                    &markdown,
                    stored.get(&page.key),
                )
                .await
            {
                Ok(outcome) => outcome,
                Err(err) => {
                    tracing::warn!(url = %page.key, error = %err, "indexing a page failed");
                    if let IngestError::Knowledge(KnowledgeError::Invalid(_))
                    | IngestError::Store(_) = err
                    {
                        // Not the page's fault and likely every page's: stop here.
                        return Err(err);
                    }
                    PageOutcome::Failed(err.to_string())
                }
            };
            run.finish(progress, page.requested, outcome);
        }

        // Pages the store has that this run no longer found.
        if run.discovery_complete {
            for (url, record) in &stored {
                if present.contains(url) || retained.contains(url) {
                    continue;
                }
                self.index.delete(account, &record.chunk_ids).await?;
                self.index.delete_url(account, url).await?;
                self.records.delete_page(account, url).await?;
                run.finish(progress, url.clone(), PageOutcome::Removed);
            }
        } else {
            run.error("some sitemaps could not be read; no page was removed this run".to_owned());
        }

        let record = IngestionRun {
            id: ulid::Generator::new()
                .generate()
                .unwrap_or_else(ulid::Overflow::commit_overflow_increment)
                .to_string(),
            trigger,
            started_at,
            duration_ms: u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX),
            counts: run.counts,
            errors: run.errors,
        };
        self.records.record_run(account, &record).await?;
        tracing::info!(
            added = record.counts.added,
            updated = record.counts.updated,
            unchanged = record.counts.unchanged,
            removed = record.counts.removed,
            skipped = record.counts.skipped,
            failed = record.counts.failed,
            duration_ms = record.duration_ms,
            "ingestion finished"
        );
        Ok(RunReport {
            run: record,
            pages: run.pages,
        })
    }

    /// Indexes one page unless its content hash is the stored one.
    async fn index_page(
        &self,
        account: &AccountId,
        url: &str,
        title: &str,
        markdown: &str,
        stored: Option<&PageRecord>,
    ) -> Result<PageOutcome, IngestError> {
        let now = Utc::now();
        let content_hash = self.content_hash(title, markdown);
        if let Some(stored) = stored.filter(|s| s.content_hash == content_hash) {
            let mut seen = stored.clone();
            seen.last_seen = now;
            self.records.put_page(account, &seen).await?;
            return Ok(PageOutcome::Unchanged);
        }
        let chunks = {
            let chunker = Arc::clone(&self.chunker);
            let (title, markdown) = (title.to_owned(), markdown.to_owned());
            tokio::task::spawn_blocking(move || chunker.chunk(&title, &markdown))
                .await
                .map_err(|e| KnowledgeError::fatal(anyhow::anyhow!("chunking panicked: {e}")))?
        };
        let url_id = url_id(url);
        let mut indexed = Vec::with_capacity(chunks.len());
        for batch in chunks.chunks(EMBED_BATCH) {
            let texts: Vec<String> = batch.iter().map(|c| c.embedding_text()).collect();
            let vectors = self.embedder.embed(&texts, EmbedKind::Passage).await?;
            if vectors.len() != batch.len() {
                return Err(KnowledgeError::fatal(anyhow::anyhow!(
                    "the embedder returned {} vectors for {} texts",
                    vectors.len(),
                    batch.len()
                ))
                .into());
            }
            for (chunk, vector) in batch.iter().zip(vectors) {
                let record = ChunkRecord {
                    id: format!("{url_id}#{}", indexed.len()),
                    url: url.to_owned(),
                    title: title.to_owned(),
                    heading_path: chunk.heading_path.clone(),
                    text: chunk.text.clone(),
                    page_hash: content_hash.clone(),
                };
                indexed.push(IndexedChunk { record, vector });
            }
        }
        self.index.upsert(account, &indexed).await?;
        let chunk_ids: Vec<String> = indexed.iter().map(|c| c.record.id.clone()).collect();
        if let Some(stored) = stored {
            let stale: Vec<String> = stored
                .chunk_ids
                .iter()
                .filter(|id| !chunk_ids.contains(id))
                .cloned()
                .collect();
            if !stale.is_empty() {
                self.index.delete(account, &stale).await?;
            }
        }
        self.records
            .put_page(
                account,
                &PageRecord {
                    url: url.to_owned(),
                    title: title.to_owned(),
                    content_hash,
                    chunk_ids,
                    last_seen: now,
                    updated_at: now,
                },
            )
            .await?;
        Ok(if stored.is_some() {
            PageOutcome::Updated
        } else {
            PageOutcome::Added
        })
    }

    /// SHA-256 over what the chunks depend on: the content, the model and the chunk sizes.
    fn content_hash(&self, title: &str, markdown: &str) -> String {
        let mut hasher = Sha256::new();
        for part in [
            self.embedder.model_id(),
            &self.chunk_settings.max_tokens.to_string(),
            &self.chunk_settings.overlap_tokens.to_string(),
            title,
            markdown,
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        hex::encode(hasher.finalize())
    }
}

/// The first 16 hex digits of SHA-256 of a URL: the prefix of its chunk ids.
pub fn url_id(url: &str) -> String {
    let digest = hex::encode(Sha256::digest(url.as_bytes()));
    digest[..16].to_owned()
}

#[derive(Default)]
struct RunState {
    counts: RunCounts,
    errors: Vec<String>,
    pages: Vec<(String, PageOutcome)>,
    discovery_complete: bool,
}

impl RunState {
    fn finish(&mut self, progress: &dyn Progress, url: String, outcome: PageOutcome) {
        let counts = &mut self.counts;
        match &outcome {
            PageOutcome::Added => counts.added += 1,
            PageOutcome::Updated => counts.updated += 1,
            PageOutcome::Unchanged => counts.unchanged += 1,
            PageOutcome::Removed => counts.removed += 1,
            PageOutcome::Skipped(_) => counts.skipped += 1,
            PageOutcome::Failed(why) => {
                counts.failed += 1;
                let message = format!("{url}: {why}");
                self.error(message);
            }
        }
        progress.page(&url, &outcome);
        self.pages.push((url, outcome));
    }

    fn error(&mut self, message: String) {
        if self.errors.len() < MAX_RUN_ERRORS {
            self.errors.push(message);
        }
    }
}

/// `allowed_hosts`, or the hosts of the sitemaps and URLs when it is empty.
fn allowed_hosts(sources: &SourcesSettings) -> Vec<String> {
    if !sources.allowed_hosts.is_empty() {
        return sources.allowed_hosts.clone();
    }
    let mut hosts: Vec<String> = sources
        .sitemaps
        .iter()
        .chain(&sources.urls)
        .filter_map(|raw| Url::parse(raw).ok())
        .map(|url| ssrf::host_port(&url))
        .collect();
    hosts.sort();
    hosts.dedup();
    hosts
}

/// Every page URL of the sitemaps (followed through indexes) and the extra URLs, without
/// fragments or repeats. Sitemaps that fail are reported as failed; only a 404 or 410 one
/// leaves discovery complete (that sitemap is gone, and so are its pages).
async fn discover(fetcher: &Fetcher, sources: &SourcesSettings, run: &mut RunState) -> Vec<String> {
    run.discovery_complete = true;
    let mut pages: Vec<(String, Option<String>)> = Vec::new();
    let mut queue: Vec<(String, usize)> = sources.sitemaps.iter().map(|s| (s.clone(), 0)).collect();
    let mut seen_sitemaps = HashSet::new();
    while let Some((sitemap_url, depth)) = queue.pop() {
        if !seen_sitemaps.insert(sitemap_url.clone()) || seen_sitemaps.len() > MAX_SITEMAPS {
            continue;
        }
        let fetched = match fetcher.get(&sitemap_url).await {
            Ok(fetched) => fetched,
            Err(err) => {
                if !err.is_gone() {
                    run.discovery_complete = false;
                }
                run.counts.failed += 1;
                run.error(format!("sitemap {sitemap_url}: {err}"));
                run.pages
                    .push((sitemap_url, PageOutcome::Failed(format!("sitemap: {err}"))));
                continue;
            }
        };
        match sitemap::parse(&fetched.body) {
            Ok(Sitemap::UrlSet(entries)) => {
                pages.extend(entries.into_iter().map(|e| (e.loc, e.lastmod)));
            }
            Ok(Sitemap::Index(entries)) if depth < MAX_SITEMAP_DEPTH => {
                // Reversed so that popping reads them in document order.
                queue.extend(entries.into_iter().rev().map(|e| (e.loc, depth + 1)));
            }
            Ok(Sitemap::Index(_)) => run.error(format!("sitemap {sitemap_url}: nested too deep")),
            Err(err) => {
                run.discovery_complete = false;
                run.counts.failed += 1;
                run.error(format!("sitemap {sitemap_url}: {err}"));
                run.pages
                    .push((sitemap_url, PageOutcome::Failed(err.to_string())));
            }
        }
    }
    pages.extend(sources.urls.iter().map(|u| (u.clone(), None)));
    // With more pages than the cap, the most recently modified go first.
    if pages.len() > sources.max_pages as usize {
        pages.sort_by(|a, b| b.1.cmp(&a.1));
    }
    let mut seen = HashSet::new();
    pages
        .into_iter()
        // Kept as written (the SSRF guard judges the raw spelling), less any fragment.
        .map(|(loc, _)| loc.split('#').next().unwrap_or_default().to_owned())
        .filter(|loc| seen.insert(loc.clone()))
        .collect()
}

async fn robots_for<'a>(
    fetcher: &Fetcher,
    cache: &'a mut HashMap<String, RobotsRules>,
    url: &Url,
) -> &'a RobotsRules {
    let origin = url.origin().ascii_serialization();
    if !cache.contains_key(&origin) {
        let rules = RobotsRules::fetch(fetcher, url).await;
        cache.insert(origin.clone(), rules);
    }
    &cache[&origin]
}

enum ExtractedOrSkip {
    Page(Url, ExtractedPage),
    Skip(SkipReason),
}

async fn fetch_and_extract(fetcher: &Fetcher, url: &str) -> Result<ExtractedOrSkip, FetchError> {
    let fetched = fetcher.get(url).await?;
    let html_type = matches!(
        fetched.content_type.as_str(),
        "text/html" | "application/xhtml+xml" | ""
    );
    if !html_type {
        return Ok(ExtractedOrSkip::Skip(SkipReason::NotHtml(
            fetched.content_type,
        )));
    }
    let final_url = fetched.final_url.clone();
    let page = tokio::task::spawn_blocking(move || {
        let html = String::from_utf8_lossy(&fetched.body);
        extract::extract(&html, &fetched.final_url)
    })
    .await
    .map_err(|e| FetchError::Network(format!("extraction panicked: {e}")))?;
    Ok(ExtractedOrSkip::Page(final_url, page))
}

/// The URL a page is indexed under: its canonical URL when that is a safe URL on an allowed
/// host and path, else the URL it was fetched from.
fn canonical_key(
    fetcher: &Fetcher,
    fetched: &Url,
    canonical: Option<&Url>,
    sources: &SourcesSettings,
) -> String {
    let acceptable = |url: &Url| {
        ssrf::check_url(url.as_str()).is_ok()
            && fetcher.host_allowed(url)
            && path_allowed(url.path(), &sources.include_paths, &sources.exclude_paths)
    };
    let mut key = match canonical {
        Some(canonical) if acceptable(canonical) => canonical.clone(),
        _ => fetched.clone(),
    };
    key.set_fragment(None);
    key.to_string()
}

/// Spaces fetches to one host by the crawl delay.
struct Pacer {
    delay: Duration,
    next: tokio::sync::Mutex<HashMap<String, tokio::time::Instant>>,
}

impl Pacer {
    fn new(delay: Duration) -> Self {
        Self {
            delay,
            next: tokio::sync::Mutex::new(HashMap::new()),
        }
    }

    async fn wait(&self, url: &str) {
        if self.delay.is_zero() {
            return;
        }
        let host = Url::parse(url)
            .map(|u| ssrf::host_port(&u))
            .unwrap_or_default();
        let slot = {
            let mut next = self.next.lock().await;
            let now = tokio::time::Instant::now();
            let slot = next.get(&host).copied().filter(|t| *t > now).unwrap_or(now);
            next.insert(host, slot + self.delay);
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}
