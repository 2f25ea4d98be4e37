//! The crawl side of a run: discovering page URLs from the sitemaps, robots.txt per
//! origin, fetching and extracting a page, the URL a page is indexed under, and pacing
//! fetches per host.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use salient_core::config::SourcesSettings;
use url::Url;

use super::{PageOutcome, Progress, RunState, SkipReason};
use crate::crawl::fetch::{FetchError, Fetcher};
use crate::crawl::robots::RobotsRules;
use crate::crawl::sitemap::{self, Sitemap};
use crate::crawl::{path_allowed, ssrf};
use crate::extract::{self, ExtractedPage};

/// Deepest sitemap index nesting followed.
const MAX_SITEMAP_DEPTH: usize = 3;
/// Most sitemap documents read in one run.
const MAX_SITEMAPS: usize = 50;

/// `allowed_hosts`, or the hosts of the sitemaps and URLs when it is empty.
pub(super) fn allowed_hosts(sources: &SourcesSettings) -> Vec<String> {
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
pub(super) async fn discover(
    fetcher: &Fetcher,
    sources: &SourcesSettings,
    run: &mut RunState,
    progress: &dyn Progress,
) -> Vec<String> {
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
                let outcome = PageOutcome::Failed(format!("sitemap: {err}"));
                progress.page(&sitemap_url, &outcome);
                run.pages.push((sitemap_url, outcome));
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
                let outcome = PageOutcome::Failed(err.to_string());
                progress.page(&sitemap_url, &outcome);
                run.pages.push((sitemap_url, outcome));
            }
        }
    }
    pages.extend(sources.urls.iter().map(|u| (u.clone(), None)));
    // With more pages than the cap, the most recently modified go first.
    if pages.len() > sources.max_pages as usize {
        pages.sort_by(|a, b| b.1.cmp(&a.1));
    }
    for (loc, lastmod) in &pages {
        if let Some(day) = lastmod.as_deref().and_then(extract::parse_day) {
            let loc = loc.split('#').next().unwrap_or_default();
            run.lastmod.insert(loc.to_owned(), day);
        }
    }
    let mut seen = HashSet::new();
    pages
        .into_iter()
        // Kept as written (the SSRF guard judges the raw spelling), less any fragment.
        .map(|(loc, _)| loc.split('#').next().unwrap_or_default().to_owned())
        .filter(|loc| seen.insert(loc.clone()))
        .collect()
}

pub(super) async fn robots_for<'a>(
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

pub(super) enum ExtractedOrSkip {
    Page(Url, ExtractedPage),
    Skip(SkipReason),
}

pub(super) async fn fetch_and_extract(
    fetcher: &Fetcher,
    url: &str,
) -> Result<ExtractedOrSkip, FetchError> {
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
pub(super) fn canonical_key(
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
pub(super) struct Pacer {
    delay: Duration,
    next: tokio::sync::Mutex<HashMap<String, tokio::time::Instant>>,
}

impl Pacer {
    pub(super) fn new(delay: Duration) -> Self {
        Self {
            delay,
            next: tokio::sync::Mutex::new(HashMap::new()),
        }
    }

    pub(super) async fn wait(&self, url: &str) {
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
