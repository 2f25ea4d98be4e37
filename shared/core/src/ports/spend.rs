//! Spend counters: what the model has cost per UTC day and per UTC month, for the whole
//! deployment, per account and per agent, in millionths of a US dollar. A call's cost is
//! added to all six counters in the same atomic write that stores the call's final record
//! ([`LlmRequestStore::finish_llm_request`](super::LlmRequestStore::finish_llm_request)),
//! so reading the totals is a few key lookups, never a scan.

use async_trait::async_trait;
use chrono::{DateTime, Datelike as _, Utc};

use super::StoreError;
use crate::domain::{AccountId, AgentId};

/// Whose spend a counter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpendScope {
    /// Every account's agents.
    Deployment,
    /// All of one account's agents.
    Account,
    /// One agent.
    Agent,
}

impl SpendScope {
    /// Every scope, widest first.
    pub const ALL: [Self; 3] = [Self::Deployment, Self::Account, Self::Agent];

    /// The scope's name (`deployment`, `account`, `agent`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Deployment => "deployment",
            Self::Account => "account",
            Self::Agent => "agent",
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Deployment => 0,
            Self::Account => 1,
            Self::Agent => 2,
        }
    }
}

/// The length of a counter's window, aligned on UTC calendar days and months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpendPeriod {
    /// One UTC day.
    Day,
    /// One UTC month.
    Month,
}

impl SpendPeriod {
    /// Both periods.
    pub const ALL: [Self; 2] = [Self::Day, Self::Month];

    /// The period's name (`day`, `month`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
        }
    }

    /// The window holding `at`: `2026-12-01` or `2026-12`.
    pub fn window(self, at: DateTime<Utc>) -> String {
        match self {
            Self::Day => at.format("%Y-%m-%d").to_string(),
            Self::Month => at.format("%Y-%m").to_string(),
        }
    }

    /// When the window holding `at` ends (the next UTC midnight, or the first of next month).
    pub fn window_end(self, at: DateTime<Utc>) -> DateTime<Utc> {
        let date = at.date_naive();
        let next = match self {
            Self::Day => date.succ_opt(),
            Self::Month => {
                let (year, month) = if date.month() == 12 {
                    (date.year() + 1, 1)
                } else {
                    (date.year(), date.month() + 1)
                };
                chrono::NaiveDate::from_ymd_opt(year, month, 1)
            }
        };
        next.and_then(|d| d.and_hms_opt(0, 0, 0))
            .map_or(at, |d| d.and_utc())
    }

    /// How long a counter of this period is kept after its window starts: long enough for
    /// reports over the last months, then TTL removes it.
    pub fn keep_days(self) -> i64 {
        match self {
            Self::Day => 100,
            Self::Month => 800,
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Day => 0,
            Self::Month => 1,
        }
    }
}

/// A finished call's cost, charged to its agent's, its account's and the deployment's
/// counters of the day and month holding `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendCharge {
    /// The agent that made the call.
    pub agent: AgentId,
    /// The cost in millionths of a US dollar.
    pub micro_usd: u64,
    /// When the call ended.
    pub at: DateTime<Utc>,
}

/// The six counters that apply to one agent at one moment, in millionths of a US dollar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpendTotals {
    micro_usd: [[u64; 2]; 3],
    warned: [[bool; 2]; 3],
}

impl SpendTotals {
    /// The spend of `scope` in the current `period`.
    pub fn get(&self, scope: SpendScope, period: SpendPeriod) -> u64 {
        self.micro_usd[scope.index()][period.index()]
    }

    /// Sets one counter (adapters, as they read them).
    pub fn set(&mut self, scope: SpendScope, period: SpendPeriod, micro_usd: u64) {
        self.micro_usd[scope.index()][period.index()] = micro_usd;
    }

    /// Whether the warning of `scope`'s current `period` window is claimed already.
    pub fn is_warned(&self, scope: SpendScope, period: SpendPeriod) -> bool {
        self.warned[scope.index()][period.index()]
    }

    /// Records that a counter's warning is claimed (adapters, as they read them).
    pub fn set_warned(&mut self, scope: SpendScope, period: SpendPeriod) {
        self.warned[scope.index()][period.index()] = true;
    }
}

/// Converts US dollars to the counters' millionths (negative and non-finite values are 0).
pub fn micro_usd(usd: f64) -> u64 {
    if usd.is_finite() && usd > 0.0 {
        // Saturating float-to-int conversion; a cost is far below u64::MAX millionths.
        (usd * 1_000_000.0).round() as u64
    } else {
        0
    }
}

/// Reading the spend counters, and claiming the one warning of a window.
#[async_trait]
pub trait SpendStore: Send + Sync {
    /// The counters of the deployment, `account` and `agent` for the day and the month
    /// holding `at` (0 where nothing was spent yet), and which of their warnings are claimed.
    async fn spend_totals(
        &self,
        account: &AccountId,
        agent: &AgentId,
        at: DateTime<Utc>,
    ) -> Result<SpendTotals, StoreError>;

    /// Marks the warning of one counter's window as sent; `true` for the one caller that
    /// marks it first, `false` for every later one (across processes).
    async fn claim_spend_warning(
        &self,
        account: &AccountId,
        agent: &AgentId,
        scope: SpendScope,
        period: SpendPeriod,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_utc_days_and_months() {
        let at = DateTime::parse_from_rfc3339("2026-12-31T23:59:59Z")
            .expect("valid")
            .with_timezone(&Utc);
        assert_eq!(SpendPeriod::Day.window(at), "2026-12-31");
        assert_eq!(SpendPeriod::Month.window(at), "2026-12");
        assert_eq!(
            SpendPeriod::Day.window_end(at).to_rfc3339(),
            "2027-01-01T00:00:00+00:00"
        );
        assert_eq!(
            SpendPeriod::Month.window_end(at).to_rfc3339(),
            "2027-01-01T00:00:00+00:00"
        );
        let mid = DateTime::parse_from_rfc3339("2026-02-10T08:00:00Z")
            .expect("valid")
            .with_timezone(&Utc);
        assert_eq!(
            SpendPeriod::Month.window_end(mid).to_rfc3339(),
            "2026-03-01T00:00:00+00:00"
        );
    }

    #[test]
    fn dollars_become_millionths() {
        assert_eq!(micro_usd(0.000_412_5), 413);
        assert_eq!(micro_usd(1.5), 1_500_000);
        assert_eq!(micro_usd(-1.0), 0);
        assert_eq!(micro_usd(f64::NAN), 0);
    }
}
