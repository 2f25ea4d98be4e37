//! Markdown from the model (or the visitor) to HTML that is safe to insert into a page.
//!
//! pulldown-cmark renders, and every piece of text and every attribute value it writes is
//! escaped by it, so the only markup in the output is the markup its events produce. Raw
//! HTML in the markdown is therefore shown as text rather than passed through; links keep
//! only http(s), mailto and relative targets (any other scheme, `javascript:` among them,
//! leaves just the link text) and open in a new tab with
//! `rel="noopener noreferrer nofollow"`; images become their alt text. Rendering this way,
//! rather than rendering freely and sanitising the HTML afterwards, keeps an HTML parser
//! (html5ever) out of the chat and stream functions.

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::{escape_href, escape_html};

use crate::domain::Citation;

/// The link schemes an answer may point at; anything else is dropped to its text.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

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

/// Renders markdown to safe HTML.
pub(crate) fn markdown_to_safe_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Which open links were kept, so each end tag matches its start.
    let mut open_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        // Raw HTML is shown, never interpreted.
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => {
            let href: CowStr<'_> = if link_type == LinkType::Email {
                format!("mailto:{dest_url}").into()
            } else {
                dest_url
            };
            let keep = safe_link_target(&href);
            open_links.push(keep);
            keep.then(|| Event::InlineHtml(link_open(&href, &title).into()))
        }
        Event::End(TagEnd::Link) => open_links
            .pop()
            .unwrap_or(false)
            .then(|| Event::InlineHtml("</a>".into())),
        // An image is its alt text (the events between its start and end).
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        Event::TaskListMarker(done) => Some(Event::Text(if done { "☑ " } else { "☐ " }.into())),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Renders an answer: its `[n]` source markers become links to the cited pages (titled with
/// the page title), then the whole is rendered and sanitised like any markdown.
pub fn answer_html(markdown: &str, citations: &[Citation]) -> String {
    if citations.is_empty() {
        return markdown_to_safe_html(markdown);
    }
    markdown_to_safe_html(&link_source_markers(markdown, citations))
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
    use super::{answer_html, markdown_to_safe_html};
    use crate::domain::Citation;

    fn cite(number: u32, url: &str) -> Citation {
        Citation {
            number,
            title: format!("Page \"{number}\""),
            url: url.to_owned(),
            score: 0.5,
            snippet: String::new(),
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
        let html = answer_html("Look [1].", &citations);
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn tables_lists_and_code_survive() {
        let html = markdown_to_safe_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n- y\n\n```\nlet x = 1;\n```",
        );
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
        let html = markdown_to_safe_html(
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
        let html = markdown_to_safe_html("Write to <sales@example.com>.");
        assert!(html.contains("href=\"mailto:sales@example.com\""), "{html}");
    }

    #[test]
    fn a_link_title_cannot_break_out_of_its_attribute() {
        let html = markdown_to_safe_html("[x](https://example.com \"a\\\" onmouseover=\\\"y\")");
        for tag in tags(&html) {
            assert!(!tag.contains("\" onmouseover"), "{html}");
        }
    }

    #[test]
    fn links_open_in_a_new_tab_without_opener() {
        let html = markdown_to_safe_html("[Heat pumps](https://example.com/heat-pumps)");
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
}
