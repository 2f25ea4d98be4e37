//! The ingestion pipeline of one account: discover pages (sitemaps and extra URLs), filter
//! them (allowed hosts, path patterns, robots.txt, page cap), fetch them safely, extract the
//! main content, drop boilerplate repeated across pages, then compare each page's content
//! hash with the stored one: only new and changed pages are chunked, embedded and upserted;
//! pages gone from the site are deleted from the index. Every run is recorded.
//!
//! Idempotent: a second run over an unchanged site embeds nothing and changes nothing in
//! the index. Safe on partial failure: a page that fails transiently keeps its old chunks,
//! and when a sitemap cannot be read (other than a 404) nothing is removed that run.

mod crawling;
mod indexing;
mod outcome;

pub use indexing::url_id;
pub use outcome::{IngestError, NoProgress, PageOutcome, Progress, RunReport, SkipReason};

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use futures::StreamExt as _;
use salient_core::config::SourcesSettings;
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::{
    IngestionRun, IngestionStore, MAX_RUN_ERRORS, PageRecord, RunCounts, RunTrigger,
};
use salient_core::ports::knowledge::{Embedder, KnowledgeError, VectorIndex};

use crate::chunk::{ChunkSettings, Chunker};
use crate::crawl::fetch::{FetchError, Fetcher};
use crate::crawl::robots::RobotsRules;
use crate::crawl::{path_allowed, ssrf};
use crate::extract::{self, Boilerplate, ExtractedPage};
use crawling::{
    ExtractedOrSkip, Pacer, allowed_hosts, canonical_key, discover, fetch_and_extract, robots_for,
};

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
        let candidates = discover(&fetcher, sources, &mut run, progress).await;

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
                    page.page.date.or_else(|| {
                        [&page.requested, &page.key]
                            .into_iter()
                            .find_map(|url| run.lastmod.get(url.as_str()).copied())
                    }),
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
}

#[derive(Default)]
struct RunState {
    counts: RunCounts,
    errors: Vec<String>,
    pages: Vec<(String, PageOutcome)>,
    discovery_complete: bool,
    /// Each sitemap page's `lastmod` day, by URL as listed: a page's date when the page
    /// itself gives none.
    lastmod: HashMap<String, chrono::NaiveDate>,
}

impl RunState {
    fn finish(&mut self, progress: &dyn Progress, url: String, outcome: PageOutcome) {
        let counts = &mut self.counts;
        match &outcome {
            PageOutcome::Added { .. } => counts.added += 1,
            PageOutcome::Updated { .. } => counts.updated += 1,
            PageOutcome::Unchanged { .. } => counts.unchanged += 1,
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
