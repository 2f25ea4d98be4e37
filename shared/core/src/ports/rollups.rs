//! Per-account, per-day rollups for the console's overview: counters added to with each
//! event (a turn, a rating, a lead, a summary, a model call, a visitor route's error
//! answer), never computed by reading conversations. Each event adds to two rollups of its
//! UTC day, the agent's and the account's, so an overview of 90 days is 90 small reads at
//! most.
//!
//! Besides the counters: the per-day visitor markers that make `visitors` count each
//! visitor once a day, the rating markers that let a changed rating move a count instead of
//! adding a second, and the flags a session carries for the console's list filter.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::StoreError;
use crate::domain::{AccountId, AgentId, MessageId, Rating, SessionId, VisitorId};

/// How long a rollup, visitor marker or rating marker is kept after its day.
pub const ROLLUP_KEEP_DAYS: i64 = 400;

/// Upper bounds (inclusive, in milliseconds) of the time-to-first-token histogram's
/// buckets, on a log scale (each about 1.5 times the one before); a last, open bucket holds
/// anything slower. Fixed, so histograms of different days and agents merge by adding.
pub const TTFT_BOUNDS_MS: [u64; 19] = [
    50, 75, 100, 150, 200, 300, 450, 700, 1_000, 1_500, 2_200, 3_300, 5_000, 7_500, 11_000, 17_000,
    25_000, 40_000, 60_000,
];

/// How many histogram buckets there are (the bounds, and the open one).
pub const TTFT_BUCKETS: usize = TTFT_BOUNDS_MS.len() + 1;

/// The histogram bucket of a time to first token.
pub fn ttft_bucket(ms: u64) -> usize {
    TTFT_BOUNDS_MS
        .iter()
        .position(|bound| ms <= *bound)
        .unwrap_or(TTFT_BOUNDS_MS.len())
}

/// The stored name of a histogram bucket's counter (`ttft_00` .. `ttft_19`).
pub fn ttft_counter(bucket: usize) -> String {
    format!("ttft_{bucket:02}")
}

/// The stored name of an error code's counter (`err_rate_limited`).
pub fn error_counter(code: &str) -> String {
    format!("err_{code}")
}

/// Counter names, as stored (one column or attribute each).
pub mod counter {
    /// Conversations that had their first turn.
    pub const CONVERSATIONS: &str = "conversations";
    /// Visitor messages answered (or being answered).
    pub const TURNS: &str = "turns";
    /// Distinct visitors of the day (added to only through the visitor markers).
    pub const VISITORS: &str = "visitors";
    /// Visitor profiles created.
    pub const LEADS_CAPTURED: &str = "leads_captured";
    /// Email addresses verified by a one-time code, for the first time.
    pub const LEADS_VERIFIED: &str = "leads_verified";
    /// Summaries sent to the business.
    pub const SUMMARIES_SENT: &str = "summaries_sent";
    /// Answers rated helpful (a changed rating moves between the two).
    pub const HELPFUL: &str = "helpful";
    /// Answers rated not helpful.
    pub const NOT_HELPFUL: &str = "not_helpful";
    /// Answers the model wrote.
    pub const MODE_MODEL: &str = "mode_model";
    /// Answers quoted from the site.
    pub const MODE_EXTRACTIVE: &str = "mode_extractive";
    /// Answers saying the site does not cover the question.
    pub const MODE_NO_ANSWER: &str = "mode_no_answer";
    /// Prompt tokens of every model call.
    pub const PROMPT_TOKENS: &str = "prompt_tokens";
    /// Completion tokens of every model call.
    pub const COMPLETION_TOKENS: &str = "completion_tokens";
    /// What the model calls cost, in millionths of a US dollar.
    pub const COST_MICRO_USD: &str = "cost_micro_usd";
}

/// Whether a counter name is one this module defines (adapters check names before they
/// become a column or an attribute).
pub fn is_counter_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// What one event adds to a day's rollups: counter name → amount (negative to move a
/// changed rating).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RollupDelta {
    counters: BTreeMap<String, i64>,
}

impl RollupDelta {
    /// Nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `amount` to the counter `name`.
    #[must_use]
    pub fn add(mut self, name: impl Into<String>, amount: i64) -> Self {
        if amount != 0 {
            *self.counters.entry(name.into()).or_insert(0) += amount;
        }
        self.counters.retain(|_, v| *v != 0);
        self
    }

    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.counters.is_empty()
    }

    /// The counters and amounts.
    pub fn counters(&self) -> impl Iterator<Item = (&str, i64)> {
        self.counters.iter().map(|(k, v)| (k.as_str(), *v))
    }
}

/// One day's rollup as stored: every counter that was ever added to (absent ones are 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCounters {
    /// The UTC day.
    pub day: NaiveDate,
    /// Counter name → value.
    pub counters: BTreeMap<String, i64>,
}

impl DayCounters {
    /// A counter's value (0 when never added to).
    pub fn get(&self, name: &str) -> i64 {
        self.counters.get(name).copied().unwrap_or(0)
    }
}

/// A flag the console's conversation list filters on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SessionFlag {
    /// An answer of the session is rated not helpful (now).
    NotHelpful,
    /// An answer came without any source to cite.
    NoSources,
    /// An answer was quoted from the site instead of written by the model.
    Extractive,
    /// The visitor asked for a person.
    PersonAsked,
    /// The session is linked to a visitor profile.
    HasLead,
}

impl SessionFlag {
    /// Every flag.
    pub const ALL: [Self; 5] = [
        Self::NotHelpful,
        Self::NoSources,
        Self::Extractive,
        Self::PersonAsked,
        Self::HasLead,
    ];

    /// The flag's name in the API (`not_helpful`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotHelpful => "not_helpful",
            Self::NoSources => "no_sources",
            Self::Extractive => "extractive",
            Self::PersonAsked => "person_asked",
            Self::HasLead => "has_lead",
        }
    }

    /// Reads a flag's name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == raw)
    }
}

/// What an event marks on its session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionMark {
    /// A turn's answer had no source.
    NoSources,
    /// A turn was answered extractively.
    Extractive,
    /// The session's count of answers rated not helpful moves by this much.
    NotHelpful(i64),
}

/// A rating as its marker keeps it: the rating and the day it was first given, the day
/// its count belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingMark {
    /// The rating in force.
    pub rating: Rating,
    /// The UTC day of the answer's first rating.
    pub day: NaiveDate,
}

/// The day rollups and their markers.
#[async_trait]
pub trait RollupStore: Send + Sync {
    /// Adds `delta` to the rollups of `agent` and of the whole `account` for `day`, each
    /// atomically (concurrent events never lose an addition).
    async fn add_to_rollup(
        &self,
        account: &AccountId,
        agent: &AgentId,
        day: NaiveDate,
        delta: &RollupDelta,
    ) -> Result<(), StoreError>;

    /// Records that `visitor` talked to `agent` on `day`: the day's `visitors` of the agent
    /// and of the account each go up by one only when this is the visitor's first time that
    /// day (with the agent, and with any agent of the account).
    async fn mark_visitor(
        &self,
        account: &AccountId,
        agent: &AgentId,
        day: NaiveDate,
        visitor: &VisitorId,
    ) -> Result<(), StoreError>;

    /// Stores `rating` as the rating in force of one answer and returns the one it
    /// replaces, atomically; a new marker keeps `day`, a replaced one its first day.
    async fn swap_rating_mark(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &MessageId,
        rating: Rating,
        day: NaiveDate,
    ) -> Result<Option<RatingMark>, StoreError>;

    /// The rollups from `from` to `to` (both included) of `agent`, or of the whole account
    /// when `None`, oldest first; days nothing happened on are absent.
    async fn read_rollups(
        &self,
        account: &AccountId,
        agent: Option<&AgentId>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DayCounters>, StoreError>;

    /// Marks a session for the console's filters. A session that is gone is not an error.
    async fn mark_session(
        &self,
        account: &AccountId,
        session: &SessionId,
        mark: SessionMark,
    ) -> Result<(), StoreError>;
}

/// The UTC day holding `at`.
pub fn day_of(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}

/// When a rollup or marker of `day` expires (epoch seconds): [`ROLLUP_KEEP_DAYS`] after it.
pub fn rollup_expiry(day: NaiveDate) -> i64 {
    (day + chrono::Duration::days(ROLLUP_KEEP_DAYS))
        .and_hms_opt(0, 0, 0)
        .map_or(0, |d| d.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_inclusive_upper_bounds_with_an_open_last_one() {
        assert_eq!(ttft_bucket(0), 0);
        assert_eq!(ttft_bucket(50), 0);
        assert_eq!(ttft_bucket(51), 1);
        assert_eq!(ttft_bucket(1_000), 8);
        assert_eq!(ttft_bucket(60_000), 18);
        assert_eq!(ttft_bucket(60_001), 19);
        assert_eq!(TTFT_BUCKETS, 20);
        assert_eq!(ttft_counter(3), "ttft_03");
    }

    #[test]
    fn a_delta_drops_what_cancels_out() {
        let delta = RollupDelta::new()
            .add(counter::HELPFUL, 1)
            .add(counter::HELPFUL, -1)
            .add(counter::TURNS, 1);
        assert_eq!(delta.counters().collect::<Vec<_>>(), vec![("turns", 1)]);
        assert!(RollupDelta::new().add("x", 0).is_empty());
    }

    #[test]
    fn counter_names_are_plain() {
        assert!(is_counter_name("err_rate_limited"));
        assert!(!is_counter_name("a b"));
        assert!(!is_counter_name("#x"));
        assert!(!is_counter_name(""));
    }
}
