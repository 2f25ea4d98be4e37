//! robots.txt, parsed and matched by `texting_robots` (Internet Archive's parser, tested
//! against Google's robots.txt test suite). Rules are fetched once per origin and run.
//!
//! Per RFC 9309: a missing robots.txt (4xx) allows everything; one that cannot be fetched
//! (5xx, network failure) disallows everything until a later run reads it.

use texting_robots::Robot;
use url::Url;

use super::fetch::{FetchError, Fetcher, ROBOTS_AGENT};

/// Longest crawl delay honoured; robots.txt asking for more is capped.
const MAX_CRAWL_DELAY_SECS: f32 = 10.0;

/// The rules of one origin.
#[derive(Debug)]
pub enum RobotsRules {
    /// Rules from a robots.txt.
    Parsed(Box<Robot>),
    /// No robots.txt: everything is allowed.
    AllowAll,
    /// robots.txt unreachable: nothing is allowed.
    DisallowAll,
}

impl RobotsRules {
    /// Fetches and parses `{origin}/robots.txt`.
    pub async fn fetch(fetcher: &Fetcher, page: &Url) -> Self {
        let Ok(robots_url) = page.join("/robots.txt") else {
            return Self::DisallowAll;
        };
        match fetcher.get(robots_url.as_str()).await {
            Ok(fetched) => Self::parse(&fetched.body),
            Err(FetchError::Status(status)) if (400..500).contains(&status) => Self::AllowAll,
            Err(err) => {
                tracing::warn!(url = %robots_url, error = %err, "robots.txt unreachable; crawling nothing from this origin");
                Self::DisallowAll
            }
        }
    }

    /// Parses a robots.txt body.
    pub fn parse(body: &[u8]) -> Self {
        match Robot::new(ROBOTS_AGENT, body) {
            Ok(robot) => Self::Parsed(Box::new(robot)),
            // An unparseable file says nothing; treat it like a missing one.
            Err(_) => Self::AllowAll,
        }
    }

    /// Whether the crawler may fetch `url`.
    pub fn allowed(&self, url: &str) -> bool {
        match self {
            Self::Parsed(robot) => robot.allowed(url),
            Self::AllowAll => true,
            Self::DisallowAll => false,
        }
    }

    /// The crawl delay asked for, in milliseconds (capped).
    pub fn delay_ms(&self) -> Option<u64> {
        match self {
            Self::Parsed(robot) => robot
                .delay
                .map(|secs| (secs.clamp(0.0, MAX_CRAWL_DELAY_SECS) * 1000.0) as u64),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_group_and_the_wildcard_group_are_obeyed() {
        let rules = RobotsRules::parse(
            b"User-agent: *\nDisallow: /private/\n\nUser-agent: SalientBot\nDisallow: /internal/\nCrawl-delay: 2\n",
        );
        assert!(!rules.allowed("http://x.test/internal/a"));
        // The most specific group wins: ours does not disallow /private/.
        assert!(rules.allowed("http://x.test/private/a"));
        assert_eq!(rules.delay_ms(), Some(2000));
        let wildcard = RobotsRules::parse(b"User-agent: *\nDisallow: /private/\n");
        assert!(!wildcard.allowed("http://x.test/private/a"));
        assert!(wildcard.allowed("http://x.test/public"));
    }
}
