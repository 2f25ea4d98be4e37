//! Where an account's knowledge comes from (`sources:` in account.yaml): sitemaps, extra
//! URLs, allowed hosts, path patterns, caps, crawl pacing and schedule.

use serde::{Deserialize, Serialize};

/// An account's sources.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SourcesSettings {
    /// Sitemap URLs (a `urlset` or a `sitemapindex`; `lastmod` is read when present).
    pub sitemaps: Vec<String>,
    /// Pages to crawl beyond the sitemaps.
    pub urls: Vec<String>,
    /// Hosts (`example.com`, or `host:port`) the crawler may fetch from. Empty means the
    /// hosts of `sitemaps` and `urls`.
    pub allowed_hosts: Vec<String>,
    /// Path patterns a page must match to be crawled (`*` matches any run of characters,
    /// e.g. `/docs/*`). Empty means every path.
    pub include_paths: Vec<String>,
    /// Path patterns never crawled, checked after `include_paths`.
    pub exclude_paths: Vec<String>,
    /// Most pages one run fetches.
    pub max_pages: u32,
    /// Largest page body read, in bytes; larger pages are skipped.
    pub max_page_bytes: u64,
    /// Longest one fetch may take, in seconds.
    pub fetch_timeout_secs: u64,
    /// Pages fetched at the same time.
    pub concurrency: u32,
    /// Pause between two fetches from the same host, in milliseconds (a longer robots.txt
    /// `Crawl-delay` wins, up to 10 s).
    pub delay_ms: u64,
    /// When scheduled runs should include this account: `daily` (the deployment's
    /// `IngestSchedule`) or `manual` (only the CLI and the admin route).
    pub schedule: Schedule,
    /// LOCAL DEVELOPMENT ONLY. Exact `host:port` pairs that may resolve to loopback or
    /// private addresses (the demo sites served by `salient serve` on 127.0.0.1:3000). Every
    /// other host is refused when it resolves to a loopback, private, link-local or
    /// metadata address.
    pub allow_private_hosts: Vec<String>,
}

/// When scheduled runs include an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// Every scheduled run of the deployment.
    #[default]
    Daily,
    /// Only on demand.
    Manual,
}

impl Default for SourcesSettings {
    fn default() -> Self {
        Self {
            sitemaps: Vec::new(),
            urls: Vec::new(),
            allowed_hosts: Vec::new(),
            include_paths: Vec::new(),
            exclude_paths: Vec::new(),
            max_pages: 500,
            max_page_bytes: 2 * 1024 * 1024,
            fetch_timeout_secs: 15,
            concurrency: 4,
            delay_ms: 250,
            schedule: Schedule::Daily,
            allow_private_hosts: Vec::new(),
        }
    }
}

impl SourcesSettings {
    /// Whether anything is configured to crawl.
    pub fn is_empty(&self) -> bool {
        self.sitemaps.is_empty() && self.urls.is_empty()
    }
}
