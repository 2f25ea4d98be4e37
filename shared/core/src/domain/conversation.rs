//! The conversation model: sessions, their messages and the LLM calls made for them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::feedback::Feedback;
use super::ids::{AccountId, AgentId, LlmRequestId, MessageId, SessionId, VisitorId};

/// Longest session title, in characters (the "…" included).
pub const MAX_TITLE_CHARS: usize = 80;

/// Whether a session's conversation has been summarised and emailed to the business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryStatus {
    /// Nothing sent yet.
    Pending,
    /// A summary email was sent.
    Sent,
    /// The last attempt failed; it will be retried.
    Failed,
}

impl SummaryStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "pending" => Some(Self::Pending),
            "sent" => Some(Self::Sent),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// One conversation between a visitor and an agent of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The business.
    pub account: AccountId,
    /// The agent the visitor talks to.
    pub agent: AgentId,
    /// The session's id.
    pub id: SessionId,
    /// The browser or API client that owns the session.
    pub visitor: VisitorId,
    /// When the session was created.
    pub created_at: DateTime<Utc>,
    /// When the last message was appended (or the session was created).
    pub last_active_at: DateTime<Utc>,
    /// How many messages the session holds.
    pub message_count: u64,
    /// The visitor profile this session is linked to, once the visitor shares who they are.
    pub profile_id: Option<String>,
    /// Whether the business has been sent a summary.
    pub summary_status: SummaryStatus,
    /// The visitor's first message, shortened ([`session_title`]); set with the first
    /// visitor message stored.
    pub title: Option<String>,
    /// When the visitor first asked for a person (handoff).
    pub handoff_requested_at: Option<DateTime<Utc>>,
    /// What the console's list filters look for, kept as the events happen.
    #[serde(default)]
    pub flags: SessionFlags,
}

/// Marks a session gets as its turns and ratings happen (the console's list filters; a
/// handoff and a lead show in `handoff_requested_at` and `profile_id`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFlags {
    /// An answer is rated not helpful (and not re-rated since).
    pub not_helpful: bool,
    /// An answer came with no source to cite.
    pub no_sources: bool,
    /// An answer was quoted from the site instead of written by the model.
    pub extractive: bool,
}

impl Session {
    /// A new, empty session.
    pub fn new(account: AccountId, agent: AgentId, visitor: VisitorId, now: DateTime<Utc>) -> Self {
        Self {
            account,
            agent,
            id: SessionId::generate(),
            visitor,
            created_at: now,
            last_active_at: now,
            message_count: 0,
            profile_id: None,
            summary_status: SummaryStatus::Pending,
            title: None,
            handoff_requested_at: None,
            flags: SessionFlags::default(),
        }
    }
}

/// A session's title from its first visitor message: the text on one line, cut to
/// [`MAX_TITLE_CHARS`] characters at a word boundary with "…" when longer; `None` for
/// text with nothing to show.
pub fn session_title(text: &str) -> Option<String> {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return None;
    }
    if line.chars().count() <= MAX_TITLE_CHARS {
        return Some(line);
    }
    // Room for the ellipsis; cut at the last space that fits, or mid-word when one word
    // alone is longer than that.
    let room = MAX_TITLE_CHARS - 1;
    let end = line
        .char_indices()
        .nth(room)
        .map_or(line.len(), |(at, _)| at);
    let head = &line[..end];
    let cut = match head.rfind(' ') {
        Some(space) if space > 0 && line[end..].starts_with(' ') => head,
        Some(space) if space > 0 => &head[..space],
        _ => head,
    };
    Some(format!("{}…", cut.trim_end()))
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The site visitor.
    User,
    /// The agent (model output).
    Assistant,
    /// An operator or system note kept in the history.
    System,
}

impl Role {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Assistant => "assistant",
            Self::System => "system",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "user" => Some(Self::User),
            "assistant" => Some(Self::Assistant),
            "system" => Some(Self::System),
            _ => None,
        }
    }
}

/// How far a message got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageStatus {
    /// Whole.
    Complete,
    /// Cut short (upstream error, disconnect); the content is what arrived.
    Partial,
    /// Nothing usable arrived.
    Failed,
}

impl MessageStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Complete => "complete",
            Self::Partial => "partial",
            Self::Failed => "failed",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "complete" => Some(Self::Complete),
            "partial" => Some(Self::Partial),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// A page of the business's site that an answer drew on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The source's number in the prompt, as the answer refers to it (`[2]`); 0 in
    /// messages stored before numbering existed.
    #[serde(default)]
    pub number: u32,
    /// The page title.
    pub title: String,
    /// The page URL.
    pub url: String,
    /// The retrieval score.
    pub score: f32,
    /// The passage used.
    pub snippet: String,
    /// The day the page says it was published or last updated (or its sitemap `lastmod`),
    /// when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// The message's id; ids sort in creation order.
    pub id: MessageId,
    /// Who wrote it.
    pub role: Role,
    /// The text (markdown for assistant messages).
    pub content: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Whether it is whole.
    pub status: MessageStatus,
    /// Pages the answer cites.
    pub citations: Vec<Citation>,
    /// The visitor's rating of an answer (never on a visitor's own message).
    pub feedback: Option<Feedback>,
}

impl Message {
    /// A new complete message written now.
    pub fn new(role: Role, content: impl Into<String>, now: DateTime<Utc>) -> Self {
        Self {
            id: MessageId::generate(),
            role,
            content: content.into(),
            created_at: now,
            status: MessageStatus::Complete,
            citations: Vec::new(),
            feedback: None,
        }
    }
}

/// How an LLM call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LlmOutcome {
    /// The answer arrived whole.
    Ok,
    /// The provider returned an error before any token.
    Error,
    /// The provider failed after some tokens.
    Interrupted,
    /// The visitor went away before the answer ended.
    Cancelled,
    /// No answer within the time limit.
    Timeout,
    /// The call began and has not ended: recorded when a call starts and replaced when it
    /// ends, so a call whose process died (a crash, a killed instance) stays visible as one
    /// that never finished.
    Started,
}

impl LlmOutcome {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Error => "error",
            Self::Interrupted => "interrupted",
            Self::Cancelled => "cancelled",
            Self::Timeout => "timeout",
            Self::Started => "started",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "ok" => Some(Self::Ok),
            "error" => Some(Self::Error),
            "interrupted" => Some(Self::Interrupted),
            "cancelled" => Some(Self::Cancelled),
            "timeout" => Some(Self::Timeout),
            "started" => Some(Self::Started),
            _ => None,
        }
    }
}

/// A record of one call to the LLM provider, linked to the session it served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LlmRequest {
    /// The record's id.
    pub id: LlmRequestId,
    /// The session the call served.
    pub session: SessionId,
    /// The assistant message it produced, if any.
    pub message: Option<MessageId>,
    /// The model the provider reports (or the one asked for).
    pub model: String,
    /// Prompt tokens as the provider counted them.
    pub prompt_tokens: u32,
    /// Completion tokens as the provider counted them.
    pub completion_tokens: u32,
    /// Cost in US dollars as the provider reported it, if it did.
    pub cost_usd: Option<f64>,
    /// Wall time from request to last byte, in milliseconds.
    pub latency_ms: u64,
    /// How it ended.
    pub outcome: LlmOutcome,
    /// The provider's error, if any (no secrets).
    pub error: Option<String>,
    /// When the call started.
    pub created_at: DateTime<Utc>,
}

/// The current time at millisecond precision, the precision every store keeps, so a value
/// read back equals the value written.
pub fn now() -> DateTime<Utc> {
    let now = Utc::now();
    DateTime::from_timestamp_millis(now.timestamp_millis()).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_the_first_message_cut_at_a_word() {
        assert_eq!(session_title("  \n "), None);
        assert_eq!(
            session_title("Do you\n install   heat pumps?").as_deref(),
            Some("Do you install heat pumps?")
        );
        let exact = "a".repeat(MAX_TITLE_CHARS);
        assert_eq!(session_title(&exact).as_deref(), Some(exact.as_str()));
        let long =
            "How much does an air source heat pump cost for a three bedroom semi in Leeds, fitted?";
        let title = session_title(long).expect("some");
        assert_eq!(
            title,
            "How much does an air source heat pump cost for a three bedroom semi in Leeds,…"
        );
        assert!(title.chars().count() <= MAX_TITLE_CHARS);
        // The word ends exactly where the room does.
        let fits = format!("{} next", "b".repeat(MAX_TITLE_CHARS - 1));
        assert_eq!(
            session_title(&fits),
            Some(format!("{}…", "b".repeat(MAX_TITLE_CHARS - 1)))
        );
        let one_word = "ü".repeat(200);
        let title = session_title(&one_word).expect("some");
        assert_eq!(title.chars().count(), MAX_TITLE_CHARS);
        assert!(title.ends_with('…'));
    }
}
