//! Where an account's knowledge comes from (`sources:` in account.yaml): sitemaps, extra
//! URLs, allowed hosts, path patterns, caps, crawl pacing and schedule.
//! (Being filled in by the ingestion work.)

use serde::{Deserialize, Serialize};

/// An account's sources.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SourcesSettings {
    /// Sitemap URLs (urlset or sitemap index).
    pub sitemaps: Vec<String>,
    /// Pages to crawl beyond the sitemaps.
    pub urls: Vec<String>,
}
