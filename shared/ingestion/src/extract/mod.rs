//! Main-content extraction: from a page's HTML to the blocks worth embedding, written out as
//! markdown for the structure-aware chunker.
//!
//! How the main content is found: the page's own landmark first (`<main>`, `role=main`, or
//! a single `<article>`), because a business site that marks its content up says exactly
//! what it is; without one, `dom_smoothie` (a port of Mozilla's Readability) scores the page
//! and picks the content. Either way the same walk turns the content into blocks, dropping
//! navigation, site headers and footers, asides, forms, scripts, hidden elements and cookie
//! or consent banners, and keeping headings, paragraphs, lists, tables (one readable line
//! per row, each cell named by its column header), `<details>` bodies under their summary,
//! definition lists and image alt text. Boilerplate that survives (a promo strip in a plain
//! `<div>` on every page) is removed across pages by [`Boilerplate`].

use std::collections::{HashMap, HashSet};

use scraper::{ElementRef, Html, Node, Selector};
use url::Url;

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
    ExtractedPage {
        title,
        canonical,
        noindex,
        blocks: walker.blocks,
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

/// Class or id words that mark consent banners, skip links and other chrome.
const CHROME_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "skip",
    "breadcrumb",
    "share",
    "social",
    "newsletter",
    "popup",
    "modal",
];

const SKIPPED_TAGS: &[&str] = &[
    "nav", "aside", "script", "style", "noscript", "template", "form", "button", "svg", "iframe",
    "select", "textarea", "input", "canvas", "object", "embed", "dialog", "head",
];

const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
];

/// Whether an element is chrome, never content. `in_content` is true inside the main
/// landmark, where `<header>` and `<footer>` belong to the content (an article's header).
fn is_chrome(element: &ElementRef<'_>, in_content: bool) -> bool {
    let value = element.value();
    let name = value.name();
    if SKIPPED_TAGS.contains(&name) || (!in_content && matches!(name, "header" | "footer")) {
        return true;
    }
    if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return true;
    }
    if value
        .attr("role")
        .is_some_and(|role| CHROME_ROLES.contains(&role.trim()))
    {
        return true;
    }
    let marked = |attr: Option<&str>| {
        attr.is_some_and(|words| {
            words
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| CHROME_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        })
    };
    marked(value.attr("class")) || marked(value.attr("id"))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "table"
            | "details"
            | "summary"
            | "dl"
            | "dt"
            | "dd"
            | "figure"
            | "figcaption"
            | "blockquote"
            | "pre"
            | "hr"
            | "address"
            | "fieldset"
            | "caption"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
    ) || SKIPPED_TAGS.contains(&name)
        || name == "nav"
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
}

impl Walker {
    /// Walks a container: runs of inline content become paragraphs, block children are
    /// handled by kind.
    fn container(&mut self, element: ElementRef<'_>, in_content: bool) {
        let mut inline = String::new();
        for child in element.children() {
            match child.value() {
                Node::Text(text) => inline.push_str(text),
                Node::Element(e) => {
                    let Some(child_ref) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_chrome(&child_ref, in_content) {
                        continue;
                    }
                    if is_block(e.name()) {
                        self.paragraph(&inline);
                        inline.clear();
                        self.block(child_ref, in_content);
                    } else {
                        inline_text(child_ref, &mut inline);
                    }
                }
                _ => {}
            }
        }
        self.paragraph(&inline);
    }

    fn paragraph(&mut self, raw: &str) {
        let text = normalise(raw);
        if !text.is_empty() {
            self.blocks.push(Block::Paragraph(text));
        }
    }

    fn block(&mut self, element: ElementRef<'_>, in_content: bool) {
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name[1..].parse().unwrap_or(2);
                let text = inline_of(element);
                if !text.is_empty() {
                    self.blocks.push(Block::Heading(level, text));
                }
            }
            "ul" | "ol" => self.list(element, 0),
            "table" => self.table(element),
            "dl" => self.definitions(element),
            "details" => {
                // The summary is the question; the body follows it.
                for child in element.child_elements() {
                    if child.value().name() == "summary" {
                        let text = inline_of(child);
                        if !text.is_empty() {
                            self.blocks.push(Block::Paragraph(format!("**{text}**")));
                        }
                    }
                }
                let mut body = String::new();
                for child in element.children() {
                    match child.value() {
                        Node::Text(text) => body.push_str(text),
                        Node::Element(e) if e.name() == "summary" => {}
                        Node::Element(e) => {
                            let Some(child_ref) = ElementRef::wrap(child) else {
                                continue;
                            };
                            if is_chrome(&child_ref, in_content) {
                                continue;
                            }
                            if is_block(e.name()) {
                                self.paragraph(&body);
                                body.clear();
                                self.block(child_ref, in_content);
                            } else {
                                inline_text(child_ref, &mut body);
                            }
                        }
                        _ => {}
                    }
                }
                self.paragraph(&body);
            }
            "pre" => {
                let text = element.text().collect::<String>();
                if !text.trim().is_empty() {
                    self.blocks.push(Block::Paragraph(text.trim().to_owned()));
                }
            }
            "hr" => {}
            "p" | "summary" | "figcaption" | "caption" | "dt" | "dd" | "address" => {
                self.paragraph(&inline_of(element));
            }
            _ => self.container(element, in_content),
        }
    }

    fn list(&mut self, list: ElementRef<'_>, depth: u8) {
        for item in list.child_elements() {
            if item.value().name() != "li" || is_chrome(&item, true) {
                continue;
            }
            let mut text = String::new();
            let mut nested = Vec::new();
            for child in item.children() {
                match child.value() {
                    Node::Text(t) => text.push_str(t),
                    Node::Element(e) => {
                        let Some(child_ref) = ElementRef::wrap(child) else {
                            continue;
                        };
                        if matches!(e.name(), "ul" | "ol") {
                            nested.push(child_ref);
                        } else if !is_chrome(&child_ref, true) {
                            inline_text(child_ref, &mut text);
                            text.push(' ');
                        }
                    }
                    _ => {}
                }
            }
            let text = normalise(&text);
            if !text.is_empty() {
                self.blocks.push(Block::Item { depth, text });
            }
            for sub in nested {
                self.list(sub, depth.saturating_add(1));
            }
        }
    }

    /// A table as one line per row: `Header: value; Header: value`.
    fn table(&mut self, table: ElementRef<'_>) {
        let mut rows: Vec<(bool, Vec<String>)> = Vec::new();
        collect_rows(table, &mut rows);
        let headers: Vec<String> = rows
            .iter()
            .find(|(all_th, _)| *all_th)
            .map(|(_, cells)| cells.clone())
            .unwrap_or_default();
        for child in table.child_elements() {
            if child.value().name() == "caption" {
                self.paragraph(&inline_of(child));
            }
        }
        for (all_th, cells) in &rows {
            if *all_th && *cells == headers {
                continue;
            }
            let line = cells
                .iter()
                .enumerate()
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(i, cell)| match headers.get(i).filter(|h| !h.is_empty()) {
                    Some(header) if header != cell => format!("{header}: {cell}"),
                    _ => cell.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            if !line.is_empty() {
                self.blocks.push(Block::Item {
                    depth: 0,
                    text: line,
                });
            }
        }
    }

    fn definitions(&mut self, list: ElementRef<'_>) {
        let mut term = String::new();
        for child in list.child_elements() {
            match child.value().name() {
                "dt" => term = inline_of(child),
                "dd" => {
                    let definition = inline_of(child);
                    let text = if term.is_empty() {
                        definition
                    } else {
                        format!("{term}: {definition}")
                    };
                    if !text.is_empty() {
                        self.blocks.push(Block::Item { depth: 0, text });
                    }
                }
                // <div> groups inside <dl> are allowed by HTML.
                "div" => self.definitions(child),
                _ => {}
            }
        }
    }
}

fn collect_rows(element: ElementRef<'_>, rows: &mut Vec<(bool, Vec<String>)>) {
    for child in element.child_elements() {
        match child.value().name() {
            "thead" | "tbody" | "tfoot" => collect_rows(child, rows),
            "tr" => {
                let mut all_th = true;
                let mut cells = Vec::new();
                for cell in child.child_elements() {
                    let name = cell.value().name();
                    if name != "td" && name != "th" {
                        continue;
                    }
                    all_th &= name == "th";
                    cells.push(inline_of(cell));
                }
                if !cells.is_empty() {
                    rows.push((all_th, cells));
                }
            }
            _ => {}
        }
    }
}

fn inline_of(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    inline_text(element, &mut text);
    normalise(&text)
}

/// Appends an element's text (and its images' alt text), skipping chrome inside it.
fn inline_text(element: ElementRef<'_>, out: &mut String) {
    let name = element.value().name();
    match name {
        "img" | "area" => {
            if let Some(alt) = element.value().attr("alt").map(str::trim)
                && !alt.is_empty()
            {
                out.push(' ');
                out.push_str(alt);
                out.push(' ');
            }
            return;
        }
        "br" => {
            out.push(' ');
            return;
        }
        _ => {}
    }
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                if let Some(child_ref) = ElementRef::wrap(child)
                    && !is_chrome(&child_ref, true)
                {
                    let block = is_block(e.name());
                    if block {
                        out.push(' ');
                    }
                    inline_text(child_ref, out);
                    if block {
                        out.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
}

/// Boilerplate across the pages of one site: a block whose text appears on at least
/// `min_pages` pages and on more than half of them is chrome, not content.
#[derive(Debug, Default)]
pub struct Boilerplate {
    pages: usize,
    counts: HashMap<String, usize>,
}

impl Boilerplate {
    /// Counts a page's distinct blocks.
    pub fn add(&mut self, blocks: &[Block]) {
        self.pages += 1;
        let distinct: HashSet<&str> = blocks.iter().map(Block::text).collect();
        for text in distinct {
            *self.counts.entry(text.to_owned()).or_default() += 1;
        }
    }

    /// The repeated block texts.
    pub fn repeated(&self) -> HashSet<String> {
        const MIN_PAGES: usize = 3;
        self.counts
            .iter()
            .filter(|(_, count)| **count >= MIN_PAGES && **count * 2 > self.pages)
            .map(|(text, _)| text.clone())
            .collect()
    }
}

/// A page's blocks without the repeated ones, and without headings left with nothing
/// under them.
pub fn without_boilerplate(blocks: &[Block], repeated: &HashSet<String>) -> Vec<Block> {
    let kept: Vec<Block> = blocks
        .iter()
        .filter(|b| !repeated.contains(b.text()))
        .cloned()
        .collect();
    let mut out: Vec<Block> = Vec::with_capacity(kept.len());
    for (i, block) in kept.iter().enumerate() {
        if let Block::Heading(level, _) = block {
            // A heading followed only by same-or-higher headings (or nothing) heads nothing.
            let heads_something = kept[i + 1..]
                .iter()
                .find(|b| !matches!(b, Block::Heading(l, _) if l > level))
                .is_some_and(|b| !matches!(b, Block::Heading(..)));
            let followed_by_sub =
                matches!(kept.get(i + 1), Some(Block::Heading(l, _)) if l > level);
            if !heads_something && !followed_by_sub {
                continue;
            }
        }
        out.push(block.clone());
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
            "**Do you deliver?**",
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
