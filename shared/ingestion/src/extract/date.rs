//! A page's date: when its content was published or last updated, as the page itself says.
//!
//! Read in this order, the first found winning: the `article:modified_time` or
//! `article:published_time` meta tags (Open Graph; the newer of the two), a `<time
//! datetime>` in the main content, then a short visible line of the main content such as
//! "Last updated: 3 November 2026", "Updated 2026-11-03" or "Published on November 3,
//! 2026". The sitemap's `lastmod` is the fallback, applied by the crawl. Only the day is
//! kept: a page's date says which of two sources is newer, not the hour it changed.
//!
//! Dates are parsed with `chrono`; the label and the few written forms are matched by hand
//! because they are a handful of fixed phrases, not a grammar.

use chrono::NaiveDate;
use scraper::{ElementRef, Html};

use super::{Block, selectors};

/// Written forms of a day, tried in order after ordinals ("3rd") are reduced to numbers.
const FORMATS: &[&str] = &[
    "%Y-%m-%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
];

/// Labels that start a visible date line, longest first.
const LABELS: &[&str] = &[
    "last updated",
    "last modified",
    "updated",
    "published",
    "posted",
];

/// Longest paragraph read as a visible date line, in characters.
const MAX_LINE_CHARS: usize = 80;

/// A W3C datetime (`2026-11-03`, `2026-11-03T09:30:00+00:00`) or a written day
/// ("3 November 2026", "November 3, 2026") as a day.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim().trim_end_matches('.');
    if let Some(day) = text.get(..10).and_then(|head| {
        NaiveDate::parse_from_str(head, "%Y-%m-%d")
            .ok()
            .filter(|_| text.len() == 10 || text[10..].starts_with(['T', ' ', 't']))
    }) {
        return Some(day);
    }
    let plain = without_ordinals(text);
    FORMATS
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(&plain, format).ok())
}

/// "3rd November" → "3 November": ordinal suffixes after digits dropped.
fn without_ordinals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let (digits, rest) = word.split_at(
            word.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(word.len()),
        );
        let suffix = rest.trim_end_matches(',').to_ascii_lowercase();
        if !digits.is_empty() && ["st", "nd", "rd", "th"].contains(&suffix.as_str()) {
            out.push_str(digits);
            if rest.ends_with(',') {
                out.push(',');
            }
        } else {
            out.push_str(word);
        }
    }
    out
}

/// The date of a visible line such as "Last updated: 3 November 2026".
pub(crate) fn labelled_day(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    if line.chars().count() > MAX_LINE_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    let label = LABELS.iter().find(|label| lower.starts_with(*label))?;
    let rest = line.get(label.len()..)?.trim_start();
    let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    let rest = rest
        .strip_prefix("on ")
        .or_else(|| rest.strip_prefix("On "))
        .unwrap_or(rest);
    parse_day(rest)
}

/// The page's own date: the meta tags, then a `<time datetime>` in `content` (the main
/// content's root, when there is one), then a visible date line among `blocks`.
pub(crate) fn page_date(
    document: &Html,
    content: Option<ElementRef<'_>>,
    blocks: &[Block],
) -> Option<NaiveDate> {
    let sel = selectors();
    let from_meta = document
        .select(&sel.date_meta)
        .filter_map(|tag| tag.value().attr("content").and_then(parse_day))
        .max();
    if from_meta.is_some() {
        return from_meta;
    }
    let first_time = |root: ElementRef<'_>| {
        root.select(&sel.time)
            .find_map(|tag| tag.value().attr("datetime").and_then(parse_day))
    };
    let from_time = match content {
        Some(root) => first_time(root),
        None => first_time(document.root_element()),
    };
    from_time.or_else(|| {
        blocks.iter().find_map(|block| match block {
            Block::Paragraph(text) | Block::Item { text, .. } => labelled_day(text),
            Block::Heading(..) => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn w3c_datetimes_and_written_days_are_read() {
        for text in [
            "2026-11-03",
            "2026-11-03T09:30:00+00:00",
            "2026-11-03T09:30Z",
            " 3 November 2026 ",
            "3rd November 2026",
            "3 Nov 2026",
            "November 3, 2026",
            "Nov 3rd, 2026",
        ] {
            assert_eq!(parse_day(text), day(2026, 11, 3), "{text}");
        }
        for text in ["2026-13-03", "next Tuesday", "2026-11-031", ""] {
            assert_eq!(parse_day(text), None, "{text}");
        }
    }

    #[test]
    fn visible_date_lines_need_a_label() {
        for line in [
            "Last updated: 3 November 2026",
            "Updated 2026-11-03",
            "Published on November 3, 2026",
            "Posted: 3rd Nov 2026.",
        ] {
            assert_eq!(labelled_day(line), day(2026, 11, 3), "{line}");
        }
        assert_eq!(labelled_day("3 November 2026"), None);
        assert_eq!(
            labelled_day("Updated boilers are more efficient, as of 3 November 2026"),
            None
        );
    }

    fn date_of(html: &str) -> Option<NaiveDate> {
        let page = super::super::extract(html, &url::Url::parse("https://x.test/").expect("url"));
        page.date
    }

    #[test]
    fn each_form_on_a_page_is_found_in_order() {
        let meta = r#"<html><head><meta property="article:published_time" content="2026-10-01T08:00:00Z">
            <meta property="article:modified_time" content="2026-11-03T08:00:00Z"></head>
            <body><main><p><time datetime="2025-01-01">1 Jan</time></p><p>Updated 2024-01-01</p></main></body></html>"#;
        assert_eq!(date_of(meta), day(2026, 11, 3));
        let time = r#"<html><body><main><h1>News</h1><p>Posted <time datetime="2026-11-03">3 Nov</time></p>
            <p>Last updated: 1 January 2024</p></main></body></html>"#;
        assert_eq!(date_of(time), day(2026, 11, 3));
        let visible = r#"<html><body><main><h1>Prices</h1><p>Last updated: 3 November 2026</p>
            <p>Body.</p></main></body></html>"#;
        assert_eq!(date_of(visible), day(2026, 11, 3));
        let none = r#"<html><body><main><h1>Prices</h1><p>Founded 3 November 1998.</p></main></body></html>"#;
        assert_eq!(date_of(none), None);
    }
}
