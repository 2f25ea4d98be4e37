//! The pages of a run flow through three stages joined by bounded channels, so fetching,
//! embedding and index writes overlap and only a bounded number of pages is held at once:
//!
//! 1. **Fetch and sort out.** Pages are fetched and extracted by their own tasks, at most
//!    `sources.concurrency` fetches at a time and a small window ahead, stripped of the run's
//!    boilerplate, hashed, and chunked when their hash is not the stored one; they are then
//!    taken in URL order (which decides which of two URLs with one canonical URL is indexed)
//!    and sorted out: skipped, failed, unchanged, or sent on to be embedded.
//! 2. **Embed.** Chunks of several pages are gathered into one [`Embedder::embed`] call of
//!    up to [`EMBED_BATCH`] texts, sent as soon as no further page is waiting. When a batch
//!    of several pages fails, each page's texts are tried alone, so only the page at fault
//!    fails.
//! 3. **Write.** Each embedded page is upserted, its stale chunks deleted and its record
//!    written, one page after another.
//!
//! Boilerplate is decided before the stream starts, from up to [`BOILERPLATE_SAMPLE`]
//! pages spread evenly over the run's URLs (all of them on a smaller site); those pages are
//! kept until their turn rather than fetched twice.
//!
//! An error that is not a page's own (the ingestion records, an invalid embedder or index
//! request) ends the run with that error; any other leaves that page failed.
//!
//! [`Embedder::embed`]: salient_core::ports::knowledge::Embedder::embed

use std::collections::{HashMap, HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use chrono::{NaiveDate, Utc};
use futures::StreamExt as _;
use salient_core::config::SourcesSettings;
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::PageRecord;
use salient_core::ports::knowledge::{EmbedKind, KnowledgeError};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinHandle;
use url::Url;

use super::crawling::{ExtractedOrSkip, Pacer, canonical_key, fetch_and_extract, robots_for};
use super::{IngestError, Ingestor, PageOutcome, Progress, RunState, SkipReason};
use crate::chunk::Chunk;
use crate::crawl::fetch::{FetchError, Fetcher};
use crate::crawl::robots::RobotsRules;
use crate::extract::{self, Boilerplate, ExtractedPage};

/// Most texts in one embedding call.
pub(super) const EMBED_BATCH: usize = 64;
/// Most pages whose blocks decide a run's boilerplate.
pub(super) const BOILERPLATE_SAMPLE: usize = 100;
/// Pages sorted out and waiting for the embedder.
pub(super) const PAGES_AWAITING_EMBEDDING: usize = 8;
/// Embedded pages waiting for their index writes.
pub(super) const PAGES_AWAITING_WRITES: usize = 4;
/// Pages fetched ahead of the sort-out, per concurrent fetch allowed.
pub(super) const FETCH_WINDOW_PER_FETCH: usize = 2;

/// How the run fetches: the fetcher, per-host pacing, and the concurrent-fetch permits.
pub(super) struct Crawl {
    pub(super) fetcher: Fetcher,
    pub(super) pacer: Pacer,
    pub(super) fetches: Semaphore,
    pub(super) sources: SourcesSettings,
    /// Each sitemap page's `lastmod` day, by URL as listed: a page's date when the page
    /// itself gives none.
    pub(super) lastmod: HashMap<String, NaiveDate>,
}

/// The page outcomes of a run, finished from any stage.
pub(super) struct Outcomes<'a> {
    run: Mutex<RunState>,
    progress: &'a dyn Progress,
}

impl<'a> Outcomes<'a> {
    pub(super) fn new(run: RunState, progress: &'a dyn Progress) -> Self {
        Self {
            run: Mutex::new(run),
            progress,
        }
    }

    fn finish(&self, url: String, outcome: PageOutcome) {
        self.run
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .finish(self.progress, url, outcome);
    }

    pub(super) fn into_inner(self) -> RunState {
        self.run
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// What the run must keep when it removes the pages it no longer found.
pub(super) struct Seen {
    /// Keys of the pages found this run (indexed, unchanged, or failed while indexing).
    pub(super) present: HashSet<String>,
    /// URLs that failed in a way that may pass: their chunks stay.
    pub(super) retained: HashSet<String>,
}

/// A new or changed page, chunked, on its way to the embedder.
pub(super) struct ToEmbed {
    /// The URL it was requested as (what its outcome is reported under).
    pub(super) requested: String,
    /// The URL it is indexed under.
    pub(super) key: String,
    pub(super) title: String,
    /// The page's date, from the page or its sitemap entry.
    pub(super) date: Option<NaiveDate>,
    pub(super) content_hash: String,
    pub(super) chunks: Vec<Chunk>,
    /// Its stored record, when it was indexed before.
    pub(super) stored: Option<PageRecord>,
}

/// A page with one vector per chunk, on its way to the index.
pub(super) struct Embedded {
    pub(super) page: ToEmbed,
    pub(super) vectors: Vec<Vec<f32>>,
}

/// A fetched page, extracted and prepared off the sort-out stage.
struct Prepared {
    final_url: Url,
    key: String,
    title: String,
    date: Option<NaiveDate>,
    noindex: bool,
    empty: bool,
    content_hash: String,
    /// Its chunks, unless it is unchanged, empty or noindex.
    chunks: Option<Vec<Chunk>>,
}

/// What a fetch task hands to the sort-out stage.
enum Arrival {
    Page(Box<Prepared>),
    Skip(SkipReason),
    Error(FetchError),
}

/// What a page task shares with the others.
struct Shared {
    crawl: Crawl,
    ingestor: Ingestor,
    stored: HashMap<String, PageRecord>,
    repeated: HashSet<String>,
}

impl Shared {
    /// Fetches (unless the sample already did) and prepares one page.
    async fn arrive(
        self: Arc<Self>,
        url: String,
        sampled: Option<Result<ExtractedOrSkip, FetchError>>,
    ) -> Arrival {
        let fetched = match sampled {
            Some(fetched) => fetched,
            None => fetch_one(&self.crawl, &url).await,
        };
        match fetched {
            Ok(ExtractedOrSkip::Page(final_url, page)) => {
                let shared = Arc::clone(&self);
                let prepared =
                    tokio::task::spawn_blocking(move || shared.prepare(&url, final_url, &page))
                        .await;
                match prepared {
                    Ok(prepared) => Arrival::Page(Box::new(prepared)),
                    Err(e) => Arrival::Error(FetchError::Network(format!(
                        "preparing the page panicked: {e}"
                    ))),
                }
            }
            Ok(ExtractedOrSkip::Skip(reason)) => Arrival::Skip(reason),
            Err(err) => Arrival::Error(err),
        }
    }

    /// Strips the boilerplate, hashes, and chunks a page that is new or changed (CPU work:
    /// run on a blocking thread).
    fn prepare(&self, requested: &str, final_url: Url, page: &ExtractedPage) -> Prepared {
        let crawl = &self.crawl;
        let key = canonical_key(
            &crawl.fetcher,
            &final_url,
            page.canonical.as_ref(),
            &crawl.sources,
        );
        let blocks = extract::without_boilerplate(&page.blocks, &self.repeated);
        let markdown = extract::to_markdown(&blocks);
        let date = page.date.or_else(|| {
            [requested, key.as_str()]
                .into_iter()
                .find_map(|url| crawl.lastmod.get(url).copied())
        });
        let content_hash = self.ingestor.content_hash(&page.title, &markdown, date);
        let empty = markdown.trim().is_empty();
        let unchanged = self
            .stored
            .get(&key)
            .is_some_and(|stored| stored.content_hash == content_hash);
        let chunks = (!page.noindex && !empty && !unchanged)
            .then(|| self.ingestor.chunker.chunk(&page.title, &markdown));
        Prepared {
            final_url,
            key,
            title: page.title.clone(),
            date,
            noindex: page.noindex,
            empty,
            content_hash,
            chunks,
        }
    }
}

/// Fetches and extracts one page within the run's concurrency and pacing.
async fn fetch_one(crawl: &Crawl, url: &str) -> Result<ExtractedOrSkip, FetchError> {
    // The semaphore is never closed.
    let _permit = crawl.fetches.acquire().await.ok();
    crawl.pacer.wait(url).await;
    fetch_and_extract(&crawl.fetcher, url).await
}

/// A spawned task that is aborted when its handle is dropped (a run that ends early leaves
/// no fetch behind it).
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Future for AbortOnDrop<T> {
    type Output = Result<T, tokio::task::JoinError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0).poll(cx)
    }
}

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// One run's pipeline over its pages.
pub(super) struct Pipeline<'a> {
    pub(super) ingestor: &'a Ingestor,
    pub(super) account: &'a AccountId,
    pub(super) outcomes: &'a Outcomes<'a>,
}

impl Pipeline<'_> {
    /// Fetches, sorts out, embeds and writes `urls`; returns what the removal of vanished
    /// pages must keep.
    pub(super) async fn run(
        &self,
        crawl: Crawl,
        stored: HashMap<String, PageRecord>,
        mut robots: HashMap<String, RobotsRules>,
        mut urls: Vec<String>,
    ) -> Result<Seen, IngestError> {
        // URL order decides which of two URLs sharing a canonical URL is indexed.
        urls.sort();
        let (sampled, repeated) = self.sample(&crawl, &mut robots, &urls).await;
        let window = crawl.fetches.available_permits().max(1) * FETCH_WINDOW_PER_FETCH;
        let shared = Arc::new(Shared {
            crawl,
            ingestor: self.ingestor.clone(),
            stored,
            repeated,
        });
        let (to_embed, embed_queue) = mpsc::channel(PAGES_AWAITING_EMBEDDING);
        let (to_write, write_queue) = mpsc::channel(PAGES_AWAITING_WRITES);
        let (seen, (), ()) = tokio::try_join!(
            self.sort_out(&shared, sampled, &mut robots, urls, window, to_embed),
            self.embed(embed_queue, to_write),
            self.write(write_queue),
        )?;
        Ok(seen)
    }

    /// Fetches up to the ingestor's sample of pages, spread evenly over `urls`, and decides
    /// the run's boilerplate from those that will be indexed.
    async fn sample(
        &self,
        crawl: &Crawl,
        robots: &mut HashMap<String, RobotsRules>,
        urls: &[String],
    ) -> (
        HashMap<String, Result<ExtractedOrSkip, FetchError>>,
        HashSet<String>,
    ) {
        let size = self.ingestor.boilerplate_sample.min(urls.len());
        let picked: Vec<String> = (0..size)
            .map(|i| urls[i * urls.len() / size].clone())
            .collect();
        let sampled: HashMap<String, Result<ExtractedOrSkip, FetchError>> =
            futures::stream::iter(picked)
                .map(|url| async move {
                    let fetched = fetch_one(crawl, &url).await;
                    (url, fetched)
                })
                .buffer_unordered(crawl.fetches.available_permits().max(1))
                .collect()
                .await;
        let mut boilerplate = Boilerplate::default();
        for fetched in sampled.values() {
            if let Ok(ExtractedOrSkip::Page(final_url, page)) = fetched
                && !page.noindex
                && robots_for(&crawl.fetcher, robots, final_url)
                    .await
                    .allowed(final_url.as_str())
            {
                boilerplate.add(&page.blocks);
            }
        }
        (sampled, boilerplate.repeated())
    }

    /// Stage 1: fetches and prepares pages a bounded window ahead, and sorts them out in URL
    /// order.
    async fn sort_out(
        &self,
        shared: &Arc<Shared>,
        mut sampled: HashMap<String, Result<ExtractedOrSkip, FetchError>>,
        robots: &mut HashMap<String, RobotsRules>,
        urls: Vec<String>,
        window: usize,
        to_embed: mpsc::Sender<ToEmbed>,
    ) -> Result<Seen, IngestError> {
        let mut seen = Seen {
            present: HashSet::new(),
            retained: HashSet::new(),
        };
        let mut arrivals = futures::stream::iter(urls)
            .map(|url| {
                let task = AbortOnDrop(tokio::spawn(
                    Arc::clone(shared).arrive(url.clone(), sampled.remove(&url)),
                ));
                async move { (url, task.await) }
            })
            .buffered(window);
        while let Some((url, arrival)) = arrivals.next().await {
            let arrival = arrival.unwrap_or_else(|e| {
                Arrival::Error(FetchError::Network(format!("fetching panicked: {e}")))
            });
            let page = match arrival {
                Arrival::Page(page) => page,
                Arrival::Skip(reason) => {
                    self.outcomes.finish(url, PageOutcome::Skipped(reason));
                    continue;
                }
                Arrival::Error(err) => {
                    if let Some(outcome) = fetch_failure(&shared.stored, &mut seen, &url, err) {
                        self.outcomes.finish(url, outcome);
                    }
                    continue;
                }
            };
            let page = *page;
            // The page may redirect or point its canonical elsewhere: that URL must pass the
            // same rules.
            if !robots_for(&shared.crawl.fetcher, robots, &page.final_url)
                .await
                .allowed(page.final_url.as_str())
            {
                self.outcomes
                    .finish(url, PageOutcome::Skipped(SkipReason::Robots));
                continue;
            }
            if page.noindex {
                self.outcomes
                    .finish(url, PageOutcome::Skipped(SkipReason::NoIndex));
                continue;
            }
            if !seen.present.insert(page.key.clone()) {
                let outcome = PageOutcome::Skipped(SkipReason::DuplicateOf(page.key));
                self.outcomes.finish(url, outcome);
                continue;
            }
            if page.empty {
                seen.present.remove(&page.key);
                self.outcomes
                    .finish(url, PageOutcome::Skipped(SkipReason::Empty));
                continue;
            }
            let stored = shared.stored.get(&page.key);
            match page.chunks {
                None => {
                    let outcome = self.unchanged(stored).await?;
                    self.outcomes.finish(url, outcome);
                }
                Some(chunks) => {
                    let page = ToEmbed {
                        requested: url,
                        key: page.key,
                        title: page.title,
                        date: page.date,
                        content_hash: page.content_hash,
                        chunks,
                        stored: stored.cloned(),
                    };
                    if to_embed.send(page).await.is_err() {
                        // The embedder stage ended early: it returns the run's error.
                        break;
                    }
                }
            }
        }
        Ok(seen)
    }

    /// Marks an unchanged page as seen; nothing is embedded.
    async fn unchanged(&self, stored: Option<&PageRecord>) -> Result<PageOutcome, IngestError> {
        let Some(stored) = stored else {
            // Only a page whose hash is the stored one is left without chunks.
            return Ok(PageOutcome::Failed("no stored record".to_owned()));
        };
        let mut seen = stored.clone();
        seen.last_seen = Utc::now();
        self.ingestor.records.put_page(self.account, &seen).await?;
        Ok(PageOutcome::Unchanged {
            chunks: stored.chunk_ids.len(),
        })
    }

    /// Stage 2: embeds the chunks of the pages in `queue`, several pages per call.
    async fn embed(
        &self,
        mut queue: mpsc::Receiver<ToEmbed>,
        to_write: mpsc::Sender<Embedded>,
    ) -> Result<(), IngestError> {
        let mut pending: VecDeque<Pending> = VecDeque::new();
        let mut open = true;
        loop {
            // Take the pages already waiting, up to a full batch of texts; wait only when
            // there is nothing to embed.
            while open && pending.iter().map(Pending::waiting).sum::<usize>() < EMBED_BATCH {
                let next = if pending.is_empty() {
                    queue.recv().await
                } else {
                    match queue.try_recv() {
                        Ok(page) => Some(page),
                        Err(mpsc::error::TryRecvError::Empty) => break,
                        Err(mpsc::error::TryRecvError::Disconnected) => None,
                    }
                };
                match next {
                    Some(page) => pending.push_back(Pending::new(page)),
                    None => open = false,
                }
            }
            if pending.is_empty() {
                return Ok(());
            }
            self.embed_batch(&mut pending).await?;
            // Pages done (embedded or failed) leave in order; a page still embedding keeps
            // the ones behind it waiting for at most one more batch.
            while pending.front().is_some_and(Pending::done) {
                let Some(page) = pending.pop_front() else {
                    break;
                };
                match page.failed {
                    Some(err) => {
                        tracing::warn!(url = %page.page.key, error = %err, "indexing a page failed");
                        self.outcomes
                            .finish(page.page.requested, PageOutcome::Failed(err.to_string()));
                    }
                    None => {
                        let embedded = Embedded {
                            page: page.page,
                            vectors: page.vectors,
                        };
                        if to_write.send(embedded).await.is_err() {
                            // The write stage ended early: it returns the run's error.
                            return Ok(());
                        }
                    }
                }
            }
        }
    }

    /// Embeds the next batch of waiting texts; when a batch of several pages fails, each
    /// page's texts are tried alone.
    async fn embed_batch(&self, pending: &mut VecDeque<Pending>) -> Result<(), IngestError> {
        // (page, first text, texts) for each page in the batch.
        let mut segments: Vec<(usize, usize, usize)> = Vec::new();
        let mut room = EMBED_BATCH;
        for (slot, page) in pending.iter().enumerate() {
            if room == 0 {
                break;
            }
            let take = page.waiting().min(room);
            if take > 0 {
                segments.push((slot, page.vectors.len(), take));
                room -= take;
            }
        }
        if segments.is_empty() {
            return Ok(());
        }
        let texts: Vec<String> = segments
            .iter()
            .flat_map(|&(slot, first, len)| pending[slot].texts[first..first + len].iter().cloned())
            .collect();
        match self.embed_texts(&texts).await {
            Ok(vectors) => {
                let mut vectors = vectors.into_iter();
                for &(slot, _, len) in &segments {
                    pending[slot].vectors.extend(vectors.by_ref().take(len));
                }
                Ok(())
            }
            Err(err) if segments.len() == 1 => {
                pending[segments[0].0].failed = Some(fatal_or(err)?);
                Ok(())
            }
            Err(err) => {
                fatal_or(err)?;
                for (slot, first, len) in segments {
                    let page = &mut pending[slot];
                    match self.embed_texts(&page.texts[first..first + len]).await {
                        Ok(vectors) => page.vectors.extend(vectors),
                        Err(err) => page.failed = Some(fatal_or(err)?),
                    }
                }
                Ok(())
            }
        }
    }

    /// One embedding call, checked for one vector per text.
    async fn embed_texts(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, IngestError> {
        let vectors = self
            .ingestor
            .embedder
            .embed(texts, EmbedKind::Passage)
            .await?;
        if vectors.len() != texts.len() {
            return Err(KnowledgeError::fatal(anyhow::anyhow!(
                "the embedder returned {} vectors for {} texts",
                vectors.len(),
                texts.len()
            ))
            .into());
        }
        Ok(vectors)
    }

    /// Stage 3: writes each embedded page to the index and the records.
    async fn write(&self, mut queue: mpsc::Receiver<Embedded>) -> Result<(), IngestError> {
        while let Some(page) = queue.recv().await {
            let requested = page.page.requested.clone();
            let key = page.page.key.clone();
            let outcome = match self.ingestor.write_page(self.account, page).await {
                Ok(outcome) => outcome,
                Err(err) => {
                    tracing::warn!(url = %key, error = %err, "indexing a page failed");
                    PageOutcome::Failed(fatal_or(err)?.to_string())
                }
            };
            self.outcomes.finish(requested, outcome);
        }
        Ok(())
    }
}

/// A page in the embedder stage: its texts and the vectors so far.
struct Pending {
    page: ToEmbed,
    texts: Vec<String>,
    vectors: Vec<Vec<f32>>,
    failed: Option<IngestError>,
}

impl Pending {
    fn new(page: ToEmbed) -> Self {
        let texts = page.chunks.iter().map(Chunk::embedding_text).collect();
        Self {
            page,
            texts,
            vectors: Vec::new(),
            failed: None,
        }
    }

    /// Texts still to embed.
    fn waiting(&self) -> usize {
        if self.failed.is_some() {
            0
        } else {
            self.texts.len() - self.vectors.len()
        }
    }

    fn done(&self) -> bool {
        self.waiting() == 0
    }
}

/// `Err` for an error that is not one page's own and ends the run (the ingestion records
/// failing, an invalid request to the embedder or the index); `Ok` with the page's error
/// otherwise.
fn fatal_or(err: IngestError) -> Result<IngestError, IngestError> {
    match err {
        IngestError::Knowledge(KnowledgeError::Invalid(_)) | IngestError::Store(_) => Err(err),
        other => Ok(other),
    }
}

/// The outcome of a page that could not be fetched, if it is reported now: a 404 or 410 of
/// an indexed page is reported as removed at the end of the run. A failure that may pass
/// keeps the page's chunks.
fn fetch_failure(
    stored: &HashMap<String, PageRecord>,
    seen: &mut Seen,
    url: &str,
    err: FetchError,
) -> Option<PageOutcome> {
    if err.is_gone() {
        return (!stored.contains_key(url)).then(|| PageOutcome::Failed(err.to_string()));
    }
    if err.is_transient() {
        seen.retained.insert(url.to_owned());
    }
    Some(match err {
        FetchError::TooLarge(_) => PageOutcome::Skipped(SkipReason::TooLarge),
        FetchError::Refused(refusal) => {
            PageOutcome::Skipped(SkipReason::Refused(refusal.to_string()))
        }
        FetchError::OffHost(host) => PageOutcome::Skipped(SkipReason::Refused(format!(
            "redirect off the allowed hosts to {host}"
        ))),
        other => PageOutcome::Failed(other.to_string()),
    })
}
