//! Sitemaps (sitemaps.org protocol): a `urlset` lists pages with an optional `lastmod`; a
//! `sitemapindex` lists further sitemaps. Parsed with `quick-xml`'s serde support.

use serde::Deserialize;

/// One parsed sitemap document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sitemap {
    /// Pages.
    UrlSet(Vec<SitemapEntry>),
    /// Further sitemaps.
    Index(Vec<SitemapEntry>),
}

/// A `<url>` or `<sitemap>` entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SitemapEntry {
    /// `<loc>`.
    pub loc: String,
    /// `<lastmod>`, as written (W3C datetime).
    #[serde(default)]
    pub lastmod: Option<String>,
}

#[derive(Deserialize)]
struct UrlSet {
    #[serde(rename = "url", default)]
    urls: Vec<SitemapEntry>,
}

#[derive(Deserialize)]
struct SitemapIndex {
    #[serde(rename = "sitemap", default)]
    sitemaps: Vec<SitemapEntry>,
}

/// Why a sitemap could not be read.
#[derive(Debug, thiserror::Error)]
#[error("malformed sitemap: {0}")]
pub struct SitemapError(String);

/// Parses a sitemap or sitemap index.
pub fn parse(body: &[u8]) -> Result<Sitemap, SitemapError> {
    let text = std::str::from_utf8(body).map_err(|e| SitemapError(e.to_string()))?;
    let trimmed = |entries: Vec<SitemapEntry>| {
        entries
            .into_iter()
            .map(|e| SitemapEntry {
                loc: e.loc.trim().to_owned(),
                lastmod: e.lastmod.map(|l| l.trim().to_owned()),
            })
            .filter(|e| !e.loc.is_empty())
            .collect()
    };
    if text.contains("<sitemapindex") {
        let index: SitemapIndex =
            quick_xml::de::from_str(text).map_err(|e| SitemapError(e.to_string()))?;
        Ok(Sitemap::Index(trimmed(index.sitemaps)))
    } else if text.contains("<urlset") {
        let set: UrlSet = quick_xml::de::from_str(text).map_err(|e| SitemapError(e.to_string()))?;
        Ok(Sitemap::UrlSet(trimmed(set.urls)))
    } else {
        Err(SitemapError(
            "neither a urlset nor a sitemapindex".to_owned(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_urlset_and_an_index_are_read_with_lastmod() {
        let set = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://x.test/a?b=1&amp;c=2 </loc><lastmod>2026-11-01</lastmod></url>
  <url><loc>https://x.test/b</loc><changefreq>daily</changefreq></url>
</urlset>"#;
        assert_eq!(
            parse(set).expect("parses"),
            Sitemap::UrlSet(vec![
                SitemapEntry {
                    loc: "https://x.test/a?b=1&c=2".to_owned(),
                    lastmod: Some("2026-11-01".to_owned())
                },
                SitemapEntry {
                    loc: "https://x.test/b".to_owned(),
                    lastmod: None
                },
            ])
        );
        let index = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://x.test/s1.xml</loc></sitemap></sitemapindex>"#;
        assert!(matches!(parse(index), Ok(Sitemap::Index(v)) if v.len() == 1));
        assert!(parse(b"<html></html>").is_err());
    }
}
