//! The walk from an element of the page to [`Block`]s: chrome (navigation, site headers and
//! footers, forms, hidden elements, consent banners) is dropped, and headings, paragraphs,
//! lists, tables, `<details>` and definition lists become blocks.

use scraper::{ElementRef, Node};

use super::{Block, normalise};

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

/// Collects the blocks of the containers it walks.
#[derive(Default)]
pub(super) struct Walker {
    /// The blocks found so far, in document order.
    pub(super) blocks: Vec<Block>,
    /// The level of the page's last heading (0 before any), so that a question found in a
    /// `<details>` or a definition list becomes a heading one level below it.
    section_level: u8,
}

impl Walker {
    /// Walks a container: runs of inline content become paragraphs, block children are
    /// handled by kind.
    pub(super) fn container(&mut self, element: ElementRef<'_>, in_content: bool) {
        self.children(element, in_content, None);
    }

    /// The walk of [`Self::container`], passing over child elements named `skip`.
    fn children(&mut self, element: ElementRef<'_>, in_content: bool, skip: Option<&str>) {
        let mut inline = String::new();
        for child in element.children() {
            match child.value() {
                Node::Text(text) => inline.push_str(text),
                Node::Element(e) if Some(e.name()) == skip => {}
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
                    self.section_level = level;
                    self.blocks.push(Block::Heading(level, text));
                }
            }
            "ul" | "ol" => self.list(element, 0),
            "table" => self.table(element),
            "dl" => self.definitions(element),
            "details" => {
                // The summary is the question, a heading of its own so that the chunker
                // keeps each question with its answer; the body follows it.
                for child in element.child_elements() {
                    if child.value().name() == "summary" {
                        let text = inline_of(child);
                        if !text.is_empty() {
                            self.blocks
                                .push(Block::Heading(self.question_level(), text));
                        }
                    }
                }
                self.children(element, in_content, Some("summary"));
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

    /// A definition list: one `term: definition` item per definition, or, when a term is a
    /// question (ends in `?`) or a definition runs past [`LONG_DEFINITION_WORDS`], each term
    /// as a heading over its definitions, as a FAQ is written.
    fn definitions(&mut self, list: ElementRef<'_>) {
        let mut pairs = Vec::new();
        collect_definitions(list, &mut pairs);
        let faq = pairs.iter().any(|(term, definition)| {
            term.ends_with('?') || definition.split_whitespace().count() > LONG_DEFINITION_WORDS
        });
        let mut last_term: Option<&str> = None;
        for (term, definition) in &pairs {
            if faq && !term.is_empty() {
                if last_term != Some(term.as_str()) {
                    self.blocks
                        .push(Block::Heading(self.question_level(), term.clone()));
                }
                self.paragraph(definition);
            } else {
                let text = if term.is_empty() {
                    definition.clone()
                } else {
                    format!("{term}: {definition}")
                };
                if !text.is_empty() {
                    self.blocks.push(Block::Item { depth: 0, text });
                }
            }
            last_term = Some(term.as_str());
        }
    }

    /// The level of a question's heading: one below the section it is in.
    fn question_level(&self) -> u8 {
        (self.section_level + 1).min(6)
    }
}

/// Words past which a definition reads as an answer rather than a value ("Hours: 9 to 5").
const LONG_DEFINITION_WORDS: usize = 25;

/// A definition list's (term, definition) pairs, in order; a term with several
/// definitions gives one pair for each.
fn collect_definitions(list: ElementRef<'_>, pairs: &mut Vec<(String, String)>) {
    let mut term = String::new();
    for child in list.child_elements() {
        match child.value().name() {
            "dt" => term = inline_of(child),
            "dd" => {
                let definition = inline_of(child);
                if !definition.is_empty() || !term.is_empty() {
                    pairs.push((term.clone(), definition));
                }
            }
            // <div> groups inside <dl> are allowed by HTML.
            "div" => collect_definitions(child, pairs),
            _ => {}
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
