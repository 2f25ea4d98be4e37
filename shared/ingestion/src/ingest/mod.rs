//! The ingestion pipeline of one account: discover pages (sitemaps and extra URLs), filter
//! them (allowed hosts, path patterns, robots.txt, page cap), fetch them safely, extract the
//! main content, drop boilerplate repeated across pages, then compare each page's content
//! hash with the stored one: only new and changed pages are chunked, embedded and upserted;
//! pages gone from the site are deleted from the index. Every run is recorded.
//!
//! Fetching, embedding and index writes overlap (see [`pipeline`]): a site's wall time
//! approaches its embedding time, and only a bounded number of pages is in memory at once.
//!
//! Idempotent: a second run over an unchanged site embeds nothing and changes nothing in
//! the index. Safe on partial failure: a page that fails transiently keeps its old chunks,
//! and when a sitemap cannot be read (other than a 404) nothing is removed that run.

mod crawling;
mod indexing;
mod outcome;
mod pipeline;
#[cfg(test)]
mod tests;

pub use indexing::url_id;
pub use outcome::{IngestError, NoProgress, PageOutcome, Progress, RunReport, SkipReason};

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use salient_core::config::SourcesSettings;
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::{
    IngestionRun, IngestionStore, MAX_RUN_ERRORS, PageRecord, RunCounts, RunTrigger,
};
use salient_core::ports::knowledge::{Embedder, VectorIndex};

use crate::chunk::{ChunkSettings, Chunker};
use crate::crawl::fetch::Fetcher;
use crate::crawl::robots::RobotsRules;
use crate::crawl::{path_allowed, ssrf};
use crawling::{Pacer, allowed_hosts, discover, robots_for};
use pipeline::{Crawl, Outcomes, Pipeline};

/// Runs ingestions through an embedder, an index and the ingestion records.
#[derive(Debug, Clone)]
pub struct Ingestor {
    embedder: Arc<dyn Embedder>,
    index: Arc<dyn VectorIndex>,
    records: Arc<dyn IngestionStore>,
    chunker: Arc<Chunker>,
    chunk_settings: ChunkSettings,
    boilerplate_sample: usize,
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
            boilerplate_sample: pipeline::BOILERPLATE_SAMPLE,
        })
    }

    /// This ingestor, deciding a run's boilerplate from `pages` of its pages.
    #[cfg(test)]
    pub(crate) fn with_boilerplate_sample(mut self, pages: usize) -> Self {
        self.boilerplate_sample = pages.max(1);
        self
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

        let crawl_delay = robots
            .values()
            .filter_map(RobotsRules::delay_ms)
            .max()
            .unwrap_or(0);
        let stored: HashMap<String, PageRecord> = self
            .records
            .list_pages(account)
            .await?
            .into_iter()
            .map(|page| (page.url.clone(), page))
            .collect();
        let crawl = Crawl {
            fetcher,
            pacer: Pacer::new(Duration::from_millis(sources.delay_ms.max(crawl_delay))),
            fetches: tokio::sync::Semaphore::new(sources.concurrency.max(1) as usize),
            sources: sources.clone(),
            lastmod: std::mem::take(&mut run.lastmod),
        };
        let outcomes = Outcomes::new(run, progress);
        let seen = Pipeline {
            ingestor: self,
            account,
            outcomes: &outcomes,
        }
        .run(crawl, stored.clone(), robots, to_fetch)
        .await?;
        let mut run = outcomes.into_inner();
        let present = seen.present;
        let mut retained = seen.retained;
        retained.extend(kept_beyond_cap);

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
            PageOutcome::Added { chunks } => {
                counts.added += 1;
                counts.chunks = counts
                    .chunks
                    .saturating_add(u32::try_from(*chunks).unwrap_or(u32::MAX));
            }
            PageOutcome::Updated { chunks } => {
                counts.updated += 1;
                counts.chunks = counts
                    .chunks
                    .saturating_add(u32::try_from(*chunks).unwrap_or(u32::MAX));
            }
            PageOutcome::Unchanged { chunks } => {
                counts.unchanged += 1;
                counts.chunks = counts
                    .chunks
                    .saturating_add(u32::try_from(*chunks).unwrap_or(u32::MAX));
            }
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
