//! A visitor's rating of one answer: up or down, and for a down rating why and a comment.
//! One rating per answer; a new one replaces it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest comment a rating may carry, in characters.
pub const MAX_FEEDBACK_COMMENT_CHARS: usize = 500;

/// Whether the answer helped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// It helped.
    Up,
    /// It did not.
    Down,
}

impl Rating {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Up => "up",
            Self::Down => "down",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "up" => Some(Self::Up),
            "down" => Some(Self::Down),
            _ => None,
        }
    }
}

/// Why an answer was rated down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackReason {
    /// The answer is wrong.
    Wrong,
    /// The answer was true once.
    Outdated,
    /// The answer is about something else.
    NotWhatIAsked,
    /// Anything else (the comment may say).
    Other,
}

impl FeedbackReason {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Wrong => "wrong",
            Self::Outdated => "outdated",
            Self::NotWhatIAsked => "not_what_i_asked",
            Self::Other => "other",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "wrong" => Some(Self::Wrong),
            "outdated" => Some(Self::Outdated),
            "not_what_i_asked" => Some(Self::NotWhatIAsked),
            "other" => Some(Self::Other),
            _ => None,
        }
    }
}

/// Why a rating was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    /// A reason or a comment came with an `up` rating.
    #[error("a reason or a comment goes only with a `down` rating")]
    DetailWithUp,
    /// The comment is longer than [`MAX_FEEDBACK_COMMENT_CHARS`].
    #[error("the comment is longer than {MAX_FEEDBACK_COMMENT_CHARS} characters")]
    CommentTooLong,
}

/// One answer's rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// Up or down.
    pub rating: Rating,
    /// Why it is down, when the visitor said.
    pub reason: Option<FeedbackReason>,
    /// The visitor's words, when they wrote some (down only).
    pub comment: Option<String>,
    /// When it was given (the latest replacement).
    pub updated_at: DateTime<Utc>,
}

impl Feedback {
    /// A rating given at `now`: a reason or a comment only with `down`, the comment at most
    /// [`MAX_FEEDBACK_COMMENT_CHARS`] (trimmed; an empty one is none).
    pub fn new(
        rating: Rating,
        reason: Option<FeedbackReason>,
        comment: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Self, FeedbackError> {
        let comment = comment
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned);
        if rating == Rating::Up && (reason.is_some() || comment.is_some()) {
            return Err(FeedbackError::DetailWithUp);
        }
        if comment
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_FEEDBACK_COMMENT_CHARS)
        {
            return Err(FeedbackError::CommentTooLong);
        }
        Ok(Self {
            rating,
            reason,
            comment,
            updated_at: now,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_go_only_with_a_down_rating() {
        let now = crate::domain::now();
        assert_eq!(
            Feedback::new(Rating::Up, Some(FeedbackReason::Wrong), None, now),
            Err(FeedbackError::DetailWithUp)
        );
        assert_eq!(
            Feedback::new(Rating::Up, None, Some("meh"), now),
            Err(FeedbackError::DetailWithUp)
        );
        let up = Feedback::new(Rating::Up, None, Some("  "), now).expect("blank is none");
        assert_eq!(up.comment, None);
        let down = Feedback::new(
            Rating::Down,
            Some(FeedbackReason::NotWhatIAsked),
            Some(" old price "),
            now,
        )
        .expect("valid");
        assert_eq!(down.comment.as_deref(), Some("old price"));
        let long = "é".repeat(MAX_FEEDBACK_COMMENT_CHARS + 1);
        assert_eq!(
            Feedback::new(Rating::Down, None, Some(&long), now),
            Err(FeedbackError::CommentTooLong)
        );
        for reason in [
            FeedbackReason::Wrong,
            FeedbackReason::Outdated,
            FeedbackReason::NotWhatIAsked,
            FeedbackReason::Other,
        ] {
            assert_eq!(FeedbackReason::parse(reason.as_str()), Some(reason));
        }
    }
}
