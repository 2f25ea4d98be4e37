//! Crawling an account's site: SSRF-safe fetching, robots.txt, sitemaps, and the URL rules
//! of `sources:` (allowed hosts, include and exclude path patterns).

pub mod fetch;
pub mod robots;
pub mod sitemap;
pub mod ssrf;

/// Whether `path` matches a pattern in which `*` stands for any run of characters (a
/// pattern without `*` must match the whole path).
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == path;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !path.starts_with(first) || path.len() < first.len() + last.len() {
        return false;
    }
    let mut rest = &path[first.len()..];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

/// Whether `sources.include_paths` / `exclude_paths` let a path through.
pub fn path_allowed(path: &str, include: &[String], exclude: &[String]) -> bool {
    (include.is_empty() || include.iter().any(|p| path_matches(p, path)))
        && !exclude.iter().any(|p| path_matches(p, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_patterns_match_with_wildcards() {
        assert!(path_matches("/docs/*", "/docs/a/b"));
        assert!(!path_matches("/docs/*", "/blog/a"));
        assert!(path_matches("*.pdf", "/files/x.pdf"));
        assert!(path_matches("/a/*/c", "/a/b/c"));
        assert!(!path_matches("/a/*/c", "/a/b/d"));
        assert!(path_matches("/exact", "/exact"));
        assert!(!path_matches("/exact", "/exact/more"));
        assert!(path_allowed("/x", &[], &["/private/*".to_owned()]));
        assert!(!path_allowed("/private/x", &[], &["/private/*".to_owned()]));
    }
}
