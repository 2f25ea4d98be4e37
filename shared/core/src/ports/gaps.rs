//! Content gaps: visitor questions the agent could not answer well, grouped by meaning
//! (one group per question asked in different words), per account and agent, for the
//! operator console's "Content gaps" page. The grouping itself is a service
//! (`knowledge::gaps`); this port only stores and lists the groups.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Page, StoreError};
use crate::domain::{AccountId, AgentId};

/// Most examples a group keeps (the newest).
pub const MAX_GAP_EXAMPLES: usize = 5;

/// Whether a group still needs the operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapStatus {
    /// New questions join it.
    Open,
    /// The operator marked it dealt with; a new matching question opens it again.
    Resolved,
}

impl GapStatus {
    /// The stored and query spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Resolved => "resolved",
        }
    }

    /// Parses the stored and query spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "open" => Some(Self::Open),
            "resolved" => Some(Self::Resolved),
            _ => None,
        }
    }
}

/// Why a question counts as a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapReason {
    /// No source cleared the relevance bar (the turn answered `no_answer`).
    NoSource,
    /// The answer quoted the site instead of a written answer (no model, or budget).
    Extractive,
    /// The visitor rated the answer not helpful.
    NotHelpful,
    /// The model's answer said the site does not cover the question.
    ModelSaidUnknown,
}

/// How many of a group's questions came for each reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapReasons {
    /// [`GapReason::NoSource`].
    pub no_source: u32,
    /// [`GapReason::Extractive`].
    pub extractive: u32,
    /// [`GapReason::NotHelpful`].
    pub not_helpful: u32,
    /// [`GapReason::ModelSaidUnknown`].
    pub model_said_unknown: u32,
}

impl GapReasons {
    /// Counts one question of `reason`.
    pub fn add(&mut self, reason: GapReason) {
        let count = match reason {
            GapReason::NoSource => &mut self.no_source,
            GapReason::Extractive => &mut self.extractive,
            GapReason::NotHelpful => &mut self.not_helpful,
            GapReason::ModelSaidUnknown => &mut self.model_said_unknown,
        };
        *count = count.saturating_add(1);
    }

    /// Adds another group's counts (a merge).
    pub fn merge(&mut self, other: &Self) {
        self.no_source = self.no_source.saturating_add(other.no_source);
        self.extractive = self.extractive.saturating_add(other.extractive);
        self.not_helpful = self.not_helpful.saturating_add(other.not_helpful);
        self.model_said_unknown = self
            .model_said_unknown
            .saturating_add(other.model_said_unknown);
    }
}

/// One question of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapExample {
    /// The visitor's words (card numbers already masked).
    pub question: String,
    /// The session it was asked in.
    pub session: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Questions of one account and agent that mean about the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapGroup {
    /// A ULID.
    pub id: String,
    /// The agent asked.
    pub agent: AgentId,
    /// Open or resolved.
    pub status: GapStatus,
    /// Questions recorded in it.
    pub count: u32,
    /// How many per reason.
    pub reasons: GapReasons,
    /// The first question's time.
    pub first_seen: DateTime<Utc>,
    /// The latest question's time.
    pub last_seen: DateTime<Utc>,
    /// The newest questions, newest first, at most [`MAX_GAP_EXAMPLES`].
    pub examples: Vec<GapExample>,
    /// The mean of its questions' (unit) embeddings: what a new question is compared with.
    pub centroid: Vec<f32>,
}

/// Which groups a listing returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapFilter {
    /// Open or resolved.
    pub status: GapStatus,
    /// Only this agent's; every agent's when `None`.
    pub agent: Option<AgentId>,
}

/// Gap groups, per account.
#[async_trait]
pub trait GapStore: Send + Sync + std::fmt::Debug {
    /// The open groups of one agent of the account (what a new question is matched
    /// against), in no particular order.
    async fn open_gap_groups(
        &self,
        account: &AccountId,
        agent: &AgentId,
    ) -> Result<Vec<GapGroup>, StoreError>;

    /// How many open groups the account has, over all its agents.
    async fn count_open_gap_groups(&self, account: &AccountId) -> Result<u32, StoreError>;

    /// The account's open group with the oldest `last_seen` (the one dropped when the
    /// account is at its bound), if any.
    async fn stalest_open_gap_group(
        &self,
        account: &AccountId,
    ) -> Result<Option<GapGroup>, StoreError>;

    /// Inserts or replaces the group of `group.id`.
    async fn put_gap_group(&self, account: &AccountId, group: &GapGroup) -> Result<(), StoreError>;

    /// The group with this id, or `NotFound("gap group")`.
    async fn get_gap_group(&self, account: &AccountId, id: &str) -> Result<GapGroup, StoreError>;

    /// Deletes a group (missing is not an error).
    async fn delete_gap_group(&self, account: &AccountId, id: &str) -> Result<(), StoreError>;

    /// One page of the account's groups of `filter`, newest `last_seen` first. `after` is
    /// the previous page's opaque cursor.
    async fn list_gap_groups(
        &self,
        account: &AccountId,
        filter: &GapFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<GapGroup, String>, StoreError>;
}
