//! The record of one email of one session and trigger: what started it and where it
//! stands. One event per session and trigger is what keeps an email from going out twice.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::SessionId;

/// What started an email of a session. One email per session per trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailTrigger {
    /// The visitor asked from the widget for the summary to go to the business.
    Widget,
    /// The inactivity sweep found the session idle.
    Inactivity,
    /// The visitor asked from the widget for the summary to go to their own address only.
    VisitorCopy,
    /// The visitor asked for a person: the transcript and contact go to the team.
    Handoff,
}

impl EmailTrigger {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Widget => "widget",
            Self::Inactivity => "inactivity",
            Self::VisitorCopy => "visitor_copy",
            Self::Handoff => "handoff",
        }
    }

    /// Whether the email is the business's summary, whose outcome the session's
    /// `summary_status` mirrors (the visitor's own copy and a handoff leave it alone).
    pub fn is_business_summary(self) -> bool {
        matches!(self, Self::Widget | Self::Inactivity)
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "widget" => Some(Self::Widget),
            "inactivity" => Some(Self::Inactivity),
            "visitor_copy" => Some(Self::VisitorCopy),
            "handoff" => Some(Self::Handoff),
            _ => None,
        }
    }
}

/// Where an email event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailStatus {
    /// A sender claimed it and is sending now.
    Sending,
    /// The transport accepted it.
    Sent,
    /// The last attempt failed; the next sweep retries it.
    Failed,
}

impl EmailStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "sending" => Some(Self::Sending),
            "sent" => Some(Self::Sent),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// The record of one email of one session and trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailEvent {
    /// The session summarised.
    pub session: SessionId,
    /// What started it.
    pub trigger: EmailTrigger,
    /// Where it stands.
    pub status: EmailStatus,
    /// Send attempts so far (the current one included).
    pub attempts: u32,
    /// The transport's id of the accepted message (SES message id, outbox file name).
    pub provider_message_id: Option<String>,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// When the event was first claimed.
    pub created_at: DateTime<Utc>,
    /// When it last changed (the current claim, or the outcome).
    pub updated_at: DateTime<Utc>,
}
