//! Markdown from the model (or the visitor) to HTML that is safe to insert into a page:
//! pulldown-cmark renders, ammonia sanitises (no scripts, no event handlers, only http(s)
//! and mailto links, which open in a new tab with `rel="noopener noreferrer nofollow"`).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{Options, Parser, html};

use crate::domain::Citation;

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer nofollow"))
            .set_tag_attribute_value("a", "target", "_blank")
            .rm_tags(["img"]);
        builder
    })
}

/// Renders markdown to sanitised HTML.
pub(crate) fn markdown_to_safe_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    sanitizer().clean(&raw).to_string()
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

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = markdown_to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n\
             <a href=\"javascript:alert(2)\" onclick=\"x()\">y</a> [ok](https://example.com)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(
            !html.contains("onerror") && !html.contains("onclick"),
            "{html}"
        );
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
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
