//! What the API returns: JSON views of domain types. Internal fields (visitor ids, profile
//! links) stay out; assistant markdown comes with its sanitised HTML.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::render::{RawHtml, answer_html};
use crate::domain::{Citation, Message, MessageStatus, Role, Session, SummaryStatus};

/// A session as the API shows it.
#[derive(Debug, Serialize)]
pub struct SessionView {
    /// Session id.
    pub id: String,
    /// Account.
    pub account: String,
    /// Agent.
    pub agent: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last message.
    pub last_active_at: DateTime<Utc>,
    /// Messages held.
    pub message_count: u64,
    /// Summary state.
    pub summary_status: SummaryStatus,
}

impl From<&Session> for SessionView {
    fn from(s: &Session) -> Self {
        Self {
            id: s.id.to_string(),
            account: s.account.to_string(),
            agent: s.agent.to_string(),
            created_at: s.created_at,
            last_active_at: s.last_active_at,
            message_count: s.message_count,
            summary_status: s.summary_status,
        }
    }
}

/// A citation, numbered as the answer refers to it (`[1]`).
#[derive(Debug, Serialize)]
pub struct CitationView<'a> {
    /// 1-based number.
    pub n: usize,
    /// Page title.
    pub title: &'a str,
    /// Page URL.
    pub url: &'a str,
    /// Retrieval score.
    pub score: f32,
    /// Passage.
    pub snippet: &'a str,
}

/// Citations with the number the answer uses for each (`[n]`); citations stored without a
/// number are numbered by position.
pub fn citation_views(citations: &[Citation]) -> Vec<CitationView<'_>> {
    citations
        .iter()
        .enumerate()
        .map(|(i, c)| CitationView {
            n: if c.number > 0 {
                c.number as usize
            } else {
                i + 1
            },
            title: &c.title,
            url: &c.url,
            score: c.score,
            snippet: &c.snippet,
        })
        .collect()
}

/// A message as the API shows it.
#[derive(Debug, Serialize)]
pub struct MessageView<'a> {
    /// Message id.
    pub id: &'a str,
    /// Author.
    pub role: Role,
    /// Markdown.
    pub content: &'a str,
    /// Sanitised HTML of the content.
    pub html: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Whole, partial or failed.
    pub status: MessageStatus,
    /// Sources.
    pub citations: Vec<CitationView<'a>>,
}

impl<'a> MessageView<'a> {
    /// The view of `m`, its HTML rendered with raw HTML treated as `raw_html` says (the
    /// agent's, [`RawHtml::for_agent`]).
    pub fn new(m: &'a Message, raw_html: RawHtml) -> Self {
        Self {
            id: m.id.as_str(),
            role: m.role,
            content: &m.content,
            html: answer_html(&m.content, &m.citations, raw_html),
            created_at: m.created_at,
            status: m.status,
            citations: citation_views(&m.citations),
        }
    }
}
