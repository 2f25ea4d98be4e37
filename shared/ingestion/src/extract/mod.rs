//! Main-content extraction: from a page's HTML to the blocks worth embedding, written out as
//! markdown for the structure-aware chunker.
//!
//! How the main content is found: the page's own landmark first (`<main>`, `role=main`, or
//! a single `<article>`), because a business site that marks its content up says exactly
//! what it is; without one, `dom_smoothie` (a port of Mozilla's Readability) scores the page
//! and picks the content. Either way the same walk turns the content into blocks, dropping
//! navigation, site headers and footers, asides, forms, scripts, hidden elements and cookie
//! or consent banners, and keeping headings, paragraphs, lists, tables (one readable line
//! per row, each cell named by its column header), `<details>` bodies under their summary
//! (written as a heading, so each question is chunked with its answer), definition lists
//! (a FAQ-like one as headings too) and image alt text. The page's date is read too
//! ([`date`]). Boilerplate that survives (a promo strip in a plain
//! `<div>` on every page) is removed across pages by [`Boilerplate`].

mod boilerplate;
mod date;
mod walker;

pub use boilerplate::{Boilerplate, without_boilerplate};
pub use date::parse_day;

use scraper::{Html, Selector};
use url::Url;

use walker::Walker;

/// One block of main content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 6.
    Heading(u8, String),
    /// A paragraph (also a `<details>` summary, a caption, an image's alt text).
    Paragraph(String),
    /// A list item (also a table row or a definition); `depth` for nested lists.
    Item {
        /// 0 for a top-level item.
        depth: u8,
        /// The item's text.
        text: String,
    },
}

impl Block {
    /// The block's text.
    pub fn text(&self) -> &str {
        match self {
            Self::Heading(_, text) | Self::Paragraph(text) | Self::Item { text, .. } => text,
        }
    }
}

/// A page's extracted content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedPage {
    /// `<title>` (or the first `<h1>`).
    pub title: String,
    /// `<link rel="canonical">`, resolved against the page URL.
    pub canonical: Option<Url>,
    /// Whether the page asks not to be indexed (`<meta name="robots" content="noindex">`).
    pub noindex: bool,
    /// The main content.
    pub blocks: Vec<Block>,
    /// The day the page says it was published or last updated (see [`date`]), if it says.
    pub date: Option<chrono::NaiveDate>,
}

impl ExtractedPage {
    /// The blocks as markdown: `#` headings, blank-line separated paragraphs, `-` items.
    pub fn markdown(&self) -> String {
        to_markdown(&self.blocks)
    }
}

/// Writes blocks as markdown.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous_item = false;
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                push_separator(&mut out, false);
                for _ in 0..*level {
                    out.push('#');
                }
                out.push(' ');
                out.push_str(text);
                previous_item = false;
            }
            Block::Paragraph(text) => {
                push_separator(&mut out, false);
                out.push_str(text);
                previous_item = false;
            }
            Block::Item { depth, text } => {
                push_separator(&mut out, previous_item);
                for _ in 0..*depth {
                    out.push_str("  ");
                }
                out.push_str("- ");
                out.push_str(text);
                previous_item = true;
            }
        }
    }
    out
}

fn push_separator(out: &mut String, tight: bool) {
    if !out.is_empty() {
        out.push_str(if tight { "\n" } else { "\n\n" });
    }
}

fn selector(css: &str) -> Selector {
    #[allow(clippy::unwrap_used)] // Literal selectors, covered by the tests.
    Selector::parse(css).unwrap()
}

struct Selectors {
    title: Selector,
    h1: Selector,
    canonical: Selector,
    robots: Selector,
    main: Selector,
    article: Selector,
    body: Selector,
    date_meta: Selector,
    time: Selector,
}

fn selectors() -> &'static Selectors {
    static SELECTORS: std::sync::OnceLock<Selectors> = std::sync::OnceLock::new();
    SELECTORS.get_or_init(|| Selectors {
        title: selector("title"),
        h1: selector("h1"),
        canonical: selector(r#"link[rel~="canonical"][href]"#),
        robots: selector(r#"meta[name="robots" i][content]"#),
        main: selector(r#"main, [role="main"]"#),
        article: selector("article"),
        body: selector("body"),
        date_meta: selector(
            r#"meta[property="article:modified_time" i][content], meta[property="article:published_time" i][content]"#,
        ),
        time: selector("time[datetime]"),
    })
}

/// Extracts a page's main content.
pub fn extract(html: &str, page_url: &Url) -> ExtractedPage {
    let document = Html::parse_document(html);
    let sel = selectors();
    let title = document
        .select(&sel.title)
        .next()
        .map(|t| normalise(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty())
        .or_else(|| {
            document
                .select(&sel.h1)
                .next()
                .map(|h| normalise(&h.text().collect::<String>()))
        })
        .unwrap_or_default();
    let canonical = document
        .select(&sel.canonical)
        .next()
        .and_then(|link| link.value().attr("href"))
        .and_then(|href| page_url.join(href.trim()).ok());
    let noindex = document.select(&sel.robots).any(|meta| {
        meta.value()
            .attr("content")
            .is_some_and(|c| c.to_ascii_lowercase().contains("noindex"))
    });

    let mut walker = Walker::default();
    let landmark = document.select(&sel.main).next().or_else(|| {
        let mut articles = document.select(&sel.article);
        match (articles.next(), articles.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    });
    if let Some(root) = landmark {
        walker.container(root, true);
    } else if let Some(blocks) = readability_blocks(html, page_url) {
        walker.blocks = blocks;
    } else if let Some(body) = document.select(&sel.body).next() {
        walker.container(body, false);
    }
    let date = date::page_date(&document, landmark, &walker.blocks);
    ExtractedPage {
        title,
        canonical,
        noindex,
        blocks: walker.blocks,
        date,
    }
}

/// The content `dom_smoothie` picks, walked into blocks; `None` when it finds nothing.
fn readability_blocks(html: &str, page_url: &Url) -> Option<Vec<Block>> {
    let mut readability =
        dom_smoothie::Readability::new(html, Some(page_url.as_str()), None).ok()?;
    let article = readability.parse().ok()?;
    let fragment = Html::parse_fragment(&article.content);
    let mut walker = Walker::default();
    walker.container(fragment.root_element(), true);
    (!walker.blocks.is_empty()).then_some(walker.blocks)
}

/// Collapses whitespace runs into single spaces and trims.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url() -> Url {
        Url::parse("https://shop.test/faq/").expect("valid")
    }

    const PAGE: &str = r#"<!doctype html><html><head><title>FAQ | Shop</title>
<link rel="canonical" href="/faq"></head><body>
<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<header><a href="/">Shop</a><nav><ul><li><a href="/a">A</a></li></ul></nav></header>
<main><h1>FAQ</h1><p>Intro <strong>text</strong> here.</p>
<details><summary>Do you deliver?</summary><p>Yes, within <em>3 days</em>.</p></details>
<table><thead><tr><th>Plan</th><th>Price</th></tr></thead>
<tbody><tr><td>Basic</td><td>£5</td></tr><tr><td>Pro</td><td>£9</td></tr></tbody></table>
<ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul>
<figure><img src="x.png" alt="A red van"><figcaption>Our van</figcaption></figure>
<dl><dt>Hours</dt><dd>9 to 5</dd></dl>
</main><footer><p>© Shop Ltd</p></footer></body></html>"#;

    #[test]
    fn main_content_keeps_structure_and_drops_chrome() {
        let page = extract(PAGE, &url());
        assert_eq!(page.title, "FAQ | Shop");
        assert_eq!(
            page.canonical.as_ref().map(Url::as_str),
            Some("https://shop.test/faq")
        );
        let md = page.markdown();
        for kept in [
            "# FAQ",
            "Intro text here.",
            "## Do you deliver?\n\nYes, within 3 days.",
            "Yes, within 3 days.",
            "- Plan: Basic; Price: £5",
            "- Plan: Pro; Price: £9",
            "- One\n  - Nested\n- Two",
            "A red van",
            "Our van",
            "- Hours: 9 to 5",
        ] {
            assert!(md.contains(kept), "{kept:?} missing from\n{md}");
        }
        for dropped in ["cookies", "Accept", "© Shop", "](/a)"] {
            assert!(!md.contains(dropped), "{dropped:?} kept in\n{md}");
        }
    }

    #[test]
    fn blocks_repeated_across_most_pages_are_dropped() {
        let shared = Block::Paragraph("Free delivery over £50!".to_owned());
        let pages: Vec<Vec<Block>> = (0..4)
            .map(|i| {
                vec![
                    shared.clone(),
                    Block::Heading(2, format!("Page {i}")),
                    Block::Paragraph(format!("Body {i}")),
                ]
            })
            .collect();
        let mut boilerplate = Boilerplate::default();
        for blocks in &pages {
            boilerplate.add(blocks);
        }
        let repeated = boilerplate.repeated();
        let kept = without_boilerplate(&pages[0], &repeated);
        assert_eq!(
            kept,
            vec![
                Block::Heading(2, "Page 0".to_owned()),
                Block::Paragraph("Body 0".to_owned())
            ]
        );
    }

    #[test]
    fn a_page_without_landmarks_goes_through_readability() {
        let html = format!(
            "<html><head><title>Story</title></head><body><div class=\"menu\"><a href=\"/\">Home</a></div><div id=\"story\">{}</div></body></html>",
            "<p>The harbour shop opened in 1962 and has sold books to sailors, fishermen and visitors ever since, with a cafe added in 2004.</p>".repeat(6)
        );
        let page = extract(&html, &url());
        assert!(page.markdown().contains("The harbour shop opened in 1962"));
    }
}
