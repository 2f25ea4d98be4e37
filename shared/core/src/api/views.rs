//! What the API returns: JSON views of domain types. Internal fields (visitor ids, profile
//! links) stay out; assistant markdown comes with its sanitised HTML.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::render::{RawHtml, answer_html};
use crate::domain::{
    Citation, Feedback, FeedbackReason, Message, MessageStatus, Rating, Role, Session,
    SummaryStatus,
};

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
    /// The first visitor message, shortened; `None` before any.
    pub title: Option<String>,
    /// When the visitor asked for a person, if they did.
    pub handoff_requested_at: Option<DateTime<Utc>>,
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
            title: s.title.clone(),
            handoff_requested_at: s.handoff_requested_at,
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
    /// The page's date (`YYYY-MM-DD`), when known; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
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
            date: c.date,
        })
        .collect()
}

/// A rating as a message shows it.
#[derive(Debug, Serialize)]
pub struct FeedbackView<'a> {
    /// Up or down.
    pub rating: Rating,
    /// Why it is down.
    pub reason: Option<FeedbackReason>,
    /// The visitor's words.
    pub comment: Option<&'a str>,
}

impl<'a> From<&'a Feedback> for FeedbackView<'a> {
    fn from(f: &'a Feedback) -> Self {
        Self {
            rating: f.rating,
            reason: f.reason,
            comment: f.comment.as_deref(),
        }
    }
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
    /// The visitor's rating of an answer (`None` on the visitor's own messages).
    pub feedback: Option<FeedbackView<'a>>,
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
            feedback: m.feedback.as_ref().map(FeedbackView::from),
        }
    }
}
