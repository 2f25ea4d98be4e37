//! Markdown from the model (or the visitor) to HTML that is safe to insert into a page.
//!
//! pulldown-cmark renders, and every piece of text and every attribute value it writes is
//! escaped by it, so the only markup in the output is the markup its events produce. Raw
//! HTML in the markdown is therefore shown as text rather than passed through ([`RawHtml`]
//! says whether a few inline tags without attributes are kept: an agent's
//! `agent.allow_basic_html`); links keep only http(s), mailto and relative targets (any
//! other scheme, `javascript:` among them, leaves just the link text) and open in a new tab
//! with `rel="noopener noreferrer nofollow"`; images become their alt text. Rendering this
//! way, rather than rendering freely and sanitising the HTML afterwards, keeps an HTML parser
//! (html5ever) out of the chat and stream functions: the kept tags are recognised by exact
//! shape (`<b>`, `</b>`, `<br/>`), never parsed.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::config::AgentSettings;
use crate::domain::Citation;

/// The link schemes an answer may point at; anything else is dropped to its text.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The inline tags [`RawHtml::BasicTags`] keeps, written without attributes; `br` is void.
pub const BASIC_TAGS: [&str; 12] = [
    "b", "strong", "i", "em", "u", "s", "code", "br", "sub", "sup", "mark", "small",
];

/// What becomes of raw HTML in the markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RawHtml {
    /// All of it is shown as text.
    #[default]
    AsText,
    /// The tags of [`BASIC_TAGS`], exactly as `<b>`, `</b>` or `<br>` (any case, no
    /// attributes), are kept, balanced within their block; everything else is text.
    BasicTags,
}

impl RawHtml {
    /// What an agent's `agent.allow_basic_html` asks for.
    pub fn for_agent(agent: &AgentSettings) -> Self {
        if agent.allow_basic_html {
            Self::BasicTags
        } else {
            Self::AsText
        }
    }
}

/// Whether a link target is safe to put in `href`: a relative reference, or an absolute
/// one whose scheme is allowed. A scheme with anything but letters, digits, `+`, `-`, `.`
/// (a tab or an entity inside `java script:`) is refused rather than guessed at.
fn safe_link_target(url: &str) -> bool {
    match url.find([':', '/', '?', '#']) {
        Some(at) if url.as_bytes()[at] == b':' => {
            let scheme = &url[..at];
            ALLOWED_SCHEMES
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
        }
        _ => !url.starts_with(|c: char| c.is_whitespace() || c.is_control()),
    }
}

/// The opening tag of a link, every value escaped.
fn link_open(href: &str, title: &str) -> String {
    let mut tag = String::with_capacity(href.len() + title.len() + 80);
    tag.push_str("<a href=\"");
    // Writing to a String cannot fail.
    let _ = escape_href(&mut tag, href);
    tag.push('"');
    if !title.is_empty() {
        tag.push_str(" title=\"");
        let _ = escape_html(&mut tag, title);
        tag.push('"');
    }
    tag.push_str(" target=\"_blank\" rel=\"noopener noreferrer nofollow\">");
    tag
}

/// A tag of [`BASIC_TAGS`] at the start of `raw`, in exactly one of the shapes kept:
/// `<name>`, `</name>` (whitespace allowed before `>`), and for `br` also `<br/>`. Its name,
/// whether it closes, and its length; `None` for anything else (attributes, other names).
fn basic_tag(raw: &str) -> Option<(&'static str, bool, usize)> {
    let rest = raw.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = BASIC_TAGS
        .into_iter()
        .find(|tag| tag.eq_ignore_ascii_case(&rest[..name_len]))?;
    let mut after = rest[name_len..].trim_start_matches([' ', '\t', '\r', '\n']);
    if name == "br" && !closing {
        after = after.strip_prefix('/').unwrap_or(after);
    }
    after
        .starts_with('>')
        .then(|| (name, closing, raw.len() - after.len() + 1))
}

/// The event filter: drops or rewrites what must not reach the page, and keeps the basic
/// tags balanced. `depth` counts the open markdown elements; a kept tag is closed before the
/// element it was opened in ends, so it can never straddle a paragraph, a cell or a link.
struct Sanitiser {
    raw_html: RawHtml,
    depth: usize,
    /// Which open links were kept, so each end tag matches its start.
    open_links: Vec<bool>,
    /// Kept tags not closed yet, each with the depth it was opened at (never decreasing).
    open_tags: Vec<(&'static str, usize)>,
}

impl Sanitiser {
    fn new(raw_html: RawHtml) -> Self {
        Self {
            raw_html,
            depth: 0,
            open_links: Vec::new(),
            open_tags: Vec::new(),
        }
    }

    /// Closes the kept tags opened at `depth` or deeper, innermost first.
    fn close_from(&mut self, depth: usize, out: &mut Vec<Event<'_>>) {
        while let Some(&(name, at)) = self.open_tags.last()
            && at >= depth
        {
            self.open_tags.pop();
            out.push(Event::InlineHtml(format!("</{name}>").into()));
        }
    }

    fn push<'a>(&mut self, event: Event<'a>, out: &mut Vec<Event<'a>>) {
        match event {
            Event::Start(tag) => {
                self.depth += 1;
                if let Some(start) = self.start(tag) {
                    out.push(start);
                }
            }
            Event::End(tag) => {
                self.close_from(self.depth, out);
                self.depth = self.depth.saturating_sub(1);
                if let Some(end) = self.end(tag) {
                    out.push(end);
                }
            }
            Event::Html(raw) | Event::InlineHtml(raw) => match self.raw_html {
                // Raw HTML is shown, never interpreted.
                RawHtml::AsText => out.push(Event::Text(raw)),
                RawHtml::BasicTags => self.basic_tags(&raw, out),
            },
            Event::TaskListMarker(done) => {
                out.push(Event::Text(if done { "☑ " } else { "☐ " }.into()));
            }
            other => out.push(other),
        }
    }

    fn start<'a>(&mut self, tag: Tag<'a>) -> Option<Event<'a>> {
        match tag {
            Tag::HtmlBlock => Some(Event::Start(Tag::Paragraph)),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let href: CowStr<'_> = if link_type == LinkType::Email {
                    format!("mailto:{dest_url}").into()
                } else {
                    dest_url
                };
                let keep = safe_link_target(&href);
                self.open_links.push(keep);
                keep.then(|| Event::InlineHtml(link_open(&href, &title).into()))
            }
            // An image is its alt text (the events between its start and end).
            Tag::Image { .. } => None,
            other => Some(Event::Start(other)),
        }
    }

    fn end<'a>(&mut self, tag: TagEnd) -> Option<Event<'a>> {
        match tag {
            TagEnd::HtmlBlock => Some(Event::End(TagEnd::Paragraph)),
            TagEnd::Link => self
                .open_links
                .pop()
                .unwrap_or(false)
                .then(|| Event::InlineHtml("</a>".into())),
            TagEnd::Image => None,
            other => Some(Event::End(other)),
        }
    }

    /// Raw HTML with the basic tags kept: each one recognised is markup (a closing tag only
    /// when it closes a tag opened in the same element, closing any opened after it too);
    /// all the rest is text.
    fn basic_tags<'a>(&mut self, raw: &str, out: &mut Vec<Event<'a>>) {
        let mut text_from = 0;
        let mut at = 0;
        while let Some(offset) = raw[at..].find('<') {
            let start = at + offset;
            at = start + 1;
            let Some((name, closing, len)) = basic_tag(&raw[start..]) else {
                continue;
            };
            let Some(markup) = self.tag_markup(name, closing) else {
                continue;
            };
            if text_from < start {
                out.push(Event::Text(raw[text_from..start].to_owned().into()));
            }
            out.push(Event::InlineHtml(markup.into()));
            at = start + len;
            text_from = at;
        }
        if text_from < raw.len() {
            out.push(Event::Text(raw[text_from..].to_owned().into()));
        }
    }

    /// The markup a recognised basic tag becomes, or `None` when it stays text (a closing
    /// tag with no opener in this element).
    fn tag_markup(&mut self, name: &'static str, closing: bool) -> Option<String> {
        if name == "br" {
            return (!closing).then(|| "<br>".to_owned());
        }
        if !closing {
            self.open_tags.push((name, self.depth));
            return Some(format!("<{name}>"));
        }
        let opened = self
            .open_tags
            .iter()
            .rposition(|&(open, at)| open == name && at == self.depth)?;
        let mut markup = String::new();
        for (open, _) in self.open_tags.drain(opened..).rev() {
            markup.push_str(&format!("</{open}>"));
        }
        Some(markup)
    }
}

/// Renders markdown to safe HTML, raw HTML treated as `raw_html` says.
pub(crate) fn markdown_to_safe_html(markdown: &str, raw_html: RawHtml) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut sanitiser = Sanitiser::new(raw_html);
    let mut events = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        sanitiser.push(event, &mut events);
    }
    sanitiser.close_from(0, &mut events);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// Renders an answer: its `[n]` source markers become links to the cited pages (titled with
/// the page title), then the whole is rendered and sanitised like any markdown, raw HTML
/// treated as `raw_html` says (the agent's, [`RawHtml::for_agent`]).
pub fn answer_html(markdown: &str, citations: &[Citation], raw_html: RawHtml) -> String {
    if citations.is_empty() {
        return markdown_to_safe_html(markdown, raw_html);
    }
    markdown_to_safe_html(&link_source_markers(markdown, citations), raw_html)
}

/// Rewrites `[n]` markers that name a citation into markdown links `[\[n\]](url "title")`.
/// A marker already used as link text (`[1](...)`), a reference definition, or inside inline code is left
/// alone; unknown numbers stay plain text. `[3][1]` is two markers.
pub(crate) fn link_source_markers(markdown: &str, citations: &[Citation]) -> String {
    let target = |number: u32| {
        citations
            .iter()
            .enumerate()
            .find(|(i, c)| {
                let n = if c.number > 0 {
                    c.number
                } else {
                    *i as u32 + 1
                };
                n == number
            })
            .map(|(_, c)| c)
    };
    let mut out = String::with_capacity(markdown.len() + citations.len() * 64);
    let mut rest = markdown;
    let mut in_code = false;
    while let Some(at) = rest.find(['[', '`']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        if let Some(after) = from.strip_prefix('`') {
            in_code = !in_code;
            out.push('`');
            rest = after;
            continue;
        }
        let digits: &str = {
            let body = &from[1..];
            let end = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            &body[..end]
        };
        let close = 1 + digits.len();
        let is_marker = !in_code
            && (1..=3).contains(&digits.len())
            && from[close..].starts_with(']')
            && !from[close + 1..].starts_with(['(', ':']);
        let cited = is_marker
            .then(|| digits.parse::<u32>().ok().and_then(target))
            .flatten();
        match cited {
            Some(citation) => {
                let title = citation.title.replace(['"', '\\'], "'");
                out.push_str(&format!(
                    "[\\[{digits}\\]]({} \"{title}\")",
                    citation.url.replace([' ', ')', '('], "")
                ));
                rest = &from[close + 1..];
            }
            None => {
                out.push('[');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{RawHtml, answer_html, markdown_to_safe_html};
    use crate::domain::Citation;

    /// Renders with raw HTML shown as text (the default).
    fn as_text(markdown: &str) -> String {
        markdown_to_safe_html(markdown, RawHtml::AsText)
    }

    /// Renders with the basic tags kept (`agent.allow_basic_html`).
    fn basic(markdown: &str) -> String {
        markdown_to_safe_html(markdown, RawHtml::BasicTags)
    }

    fn cite(number: u32, url: &str) -> Citation {
        Citation {
            number,
            title: format!("Page \"{number}\""),
            url: url.to_owned(),
            score: 0.5,
            snippet: String::new(),
            date: None,
        }
    }

    #[test]
    fn source_markers_become_links_to_the_cited_pages() {
        let citations = [
            cite(1, "https://example.com/a"),
            cite(3, "https://example.com/c"),
        ];
        let html = answer_html(
            "Heat pumps start at £7,495 [1]. Surveys are free [3][1]. See [2] and `[1]`.",
            &citations,
            RawHtml::AsText,
        );
        assert!(html.contains("href=\"https://example.com/a\""), "{html}");
        assert!(html.contains("href=\"https://example.com/c\""), "{html}");
        assert_eq!(html.matches("href=").count(), 3, "{html}");
        // An unknown number stays text, and so does a marker in code.
        assert!(html.contains("See [2]"), "{html}");
        assert!(html.contains("<code>[1]</code>"), "{html}");
    }

    #[test]
    fn a_hostile_citation_url_cannot_inject_script() {
        let citations = [cite(1, "javascript:alert(1)")];
        let html = answer_html("Look [1].", &citations, RawHtml::BasicTags);
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn tables_lists_and_code_survive() {
        let html = as_text("| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n\n```\nlet x = 1;\n```");
        assert!(
            html.contains("<table>") && html.contains("<td>1</td>"),
            "{html}"
        );
        assert!(html.contains("<li>x</li>"), "{html}");
        assert!(html.contains("<code>let x = 1;"), "{html}");
    }

    /// Every tag in the output, `<` to `>`.
    fn tags(html: &str) -> Vec<&str> {
        html.match_indices('<')
            .map(|(at, _)| &html[at..at + html[at..].find('>').expect("a closed tag")])
            .collect()
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_not_markup() {
        let html = as_text(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n\
             <a href=\"javascript:alert(2)\" onclick=\"x()\">y</a> [ok](https://example.com) \
             [tab](java\tscript:alert(3)) [data](data:text/html,x) ![pic](https://example.com/p.png)",
        );
        for tag in tags(&html) {
            let name = tag[1..].trim_start_matches('/');
            let name = &name[..name.find([' ', '>']).unwrap_or(name.len())];
            assert!(["p", "a"].contains(&name), "unexpected tag {tag} in {html}");
            assert!(!tag.contains(" on"), "event handler in {tag}");
            assert!(!tag.to_ascii_lowercase().contains("script"), "{tag}");
            assert!(!tag.contains("data:"), "{tag}");
        }
        // Raw HTML is shown as text; the dropped links keep their text; an image its alt.
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("click") && html.contains("tab") && html.contains("pic"),
            "{html}"
        );
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        assert_eq!(html.matches("<a href=").count(), 1, "{html}");
    }

    #[test]
    fn email_autolinks_become_mailto_links() {
        let html = as_text("Write to <sales@example.com>.");
        assert!(html.contains("href=\"mailto:sales@example.com\""), "{html}");
    }

    #[test]
    fn a_link_title_cannot_break_out_of_its_attribute() {
        let html = as_text("[x](https://example.com \"a\\\" onmouseover=\\\"y\")");
        for tag in tags(&html) {
            assert!(!tag.contains("\" onmouseover"), "{html}");
        }
    }

    #[test]
    fn links_open_in_a_new_tab_without_opener() {
        let html = as_text("[Heat pumps](https://example.com/heat-pumps)");
        assert!(
            html.contains("href=\"https://example.com/heat-pumps\""),
            "{html}"
        );
        assert!(html.contains("target=\"_blank\""), "{html}");
        assert!(
            html.contains("rel=\"noopener noreferrer nofollow\""),
            "{html}"
        );
    }

    /// The tags of `html` in order, `<b>` and `</b>` alike, names lowercased.
    fn tag_names(html: &str) -> Vec<String> {
        tags(html)
            .into_iter()
            .map(|tag| {
                let end = tag.find([' ', '>']).unwrap_or(tag.len());
                tag[..end].to_ascii_lowercase()
            })
            .collect()
    }

    /// Whether every element of `html` closes in the order it opened (void `br` aside).
    fn balanced(html: &str) -> bool {
        let mut open: Vec<String> = Vec::new();
        for tag in tag_names(html) {
            let name = tag.trim_start_matches('<');
            if name == "br" {
                continue;
            }
            match name.strip_prefix('/') {
                Some(closing) => {
                    if open.pop().as_deref() != Some(closing) {
                        return false;
                    }
                }
                None => open.push(name.to_owned()),
            }
        }
        open.is_empty()
    }

    #[test]
    fn basic_tags_are_kept_only_when_the_agent_allows_them() {
        let markdown = "Heat pumps are <b>quiet</b>, <em>efficient</em> and H<sub>2</sub>O-free.";
        assert_eq!(
            basic(markdown),
            "<p>Heat pumps are <b>quiet</b>, <em>efficient</em> and H<sub>2</sub>O-free.</p>\n"
        );
        let shown = as_text(markdown);
        assert!(shown.contains("&lt;b&gt;quiet&lt;/b&gt;"), "{shown}");
        assert_eq!(tag_names(&shown), ["<p", "</p"]);
    }

    #[test]
    fn every_basic_tag_is_kept_in_any_case_and_br_in_each_form() {
        for tag in super::BASIC_TAGS.into_iter().filter(|tag| *tag != "br") {
            let upper = tag.to_ascii_uppercase();
            let html = basic(&format!("a <{upper}>x</{upper} > b"));
            assert_eq!(html, format!("<p>a <{tag}>x</{tag}> b</p>\n"));
        }
        let html = basic("one<br>two<BR/>three<br />four");
        assert_eq!(html, "<p>one<br>two<br>three<br>four</p>\n");
    }

    #[test]
    fn tags_with_attributes_or_outside_the_list_stay_text() {
        let html = basic(
            "<b onclick=\"alert(1)\">x</b> <script>alert(2)</script> <img src=x onerror=alert(3)> \
             <a href=\"https://example.com\">y</a> <i style=\"color:red\">z</i> <span>s</span> \
             <b/> <bx>q</bx> <!-- note --> </br> <b>kept</b>",
        );
        for tag in tags(&html) {
            assert!(
                ["<p", "</p", "<b", "</b"].contains(&tag),
                "unexpected tag {tag} in {html}"
            );
        }
        assert!(html.ends_with("<b>kept</b></p>\n"), "{html}");
        assert!(html.contains("&lt;b onclick=\"alert(1)\"&gt;"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(3)&gt;"),
            "{html}"
        );
        // The `</b>` after a refused `<b onclick>` has no opener: text too.
        assert!(html.contains("x&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn an_unclosed_tag_is_closed_at_the_end_of_its_block() {
        let html =
            basic("<b>bold to the end\n\nnext paragraph <i>and *this*\n\n- item <u>one\n- two");
        assert!(balanced(&html), "{html}");
        assert!(html.starts_with("<p><b>bold to the end</b></p>"), "{html}");
        assert!(
            html.contains("<p>next paragraph <i>and <em>this</em></i></p>"),
            "{html}"
        );
        assert!(html.contains("<li>item <u>one</u></li>"), "{html}");
        assert!(!html.contains("<li>two</u>"), "{html}");
    }

    #[test]
    fn a_closing_tag_without_an_opener_stays_text() {
        let html = basic("</b>stray</strong> and <b>kept</b></b>");
        assert_eq!(
            html,
            "<p>&lt;/b&gt;stray&lt;/strong&gt; and <b>kept</b>&lt;/b&gt;</p>\n"
        );
    }

    #[test]
    fn nested_and_crossed_tags_stay_balanced() {
        assert_eq!(
            basic("<b><i>both</i> bold</b>"),
            "<p><b><i>both</i> bold</b></p>\n"
        );
        // Crossed: closing the outer one closes the inner one first; the inner one's own
        // closing tag then has no opener.
        let crossed = basic("<b><i>x</b>y</i>");
        assert_eq!(crossed, "<p><b><i>x</i></b>y&lt;/i&gt;</p>\n");
        // Markdown emphasis between a tag and its closer: the closer is in another element,
        // so it is text and the tag closes where its own element ends.
        let straddling = basic("<b>**x</b>** after");
        assert!(balanced(&straddling), "{straddling}");
        assert!(straddling.contains("&lt;/b&gt;"), "{straddling}");
        for markdown in [
            "<b>[link <i>text](https://example.com)</i></b>",
            "| <b>a | b</b> |\n|---|---|\n| <i>1 | 2 |",
            "# <mark>heading\n\ntext</mark>",
            "<b>\nblock <i>html\n</b>\n\nafter",
            "> <s>quote\n\n<sup>x<sub>y</sup></sub>",
        ] {
            let html = basic(markdown);
            assert!(balanced(&html), "{markdown:?} → {html}");
        }
    }

    #[test]
    fn code_spans_and_blocks_keep_tags_as_text() {
        let html = basic("`<b>x</b>` <code>z</code>\n\n```\n<i>y</i>\n```");
        assert!(
            html.contains("<code>&lt;b&gt;x&lt;/b&gt;</code> <code>z</code>"),
            "{html}"
        );
        assert!(html.contains("&lt;i&gt;y&lt;/i&gt;"), "{html}");
    }
}
