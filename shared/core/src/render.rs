//! Markdown from the model (or the visitor) to HTML that is safe to insert into a page:
//! pulldown-cmark renders, ammonia sanitises (no scripts, no event handlers, only http(s)
//! and mailto links, which open in a new tab with `rel="noopener noreferrer nofollow"`).

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{Options, Parser, html};

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
pub fn markdown_to_safe_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, Parser::new_ext(markdown, options));
    sanitizer().clean(&raw).to_string()
}

#[cfg(test)]
mod tests {
    use super::markdown_to_safe_html;

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
