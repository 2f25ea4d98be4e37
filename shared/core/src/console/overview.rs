//! The console's overview: an account's (or one agent's) figures per UTC day, read from the
//! day rollups (`ports::rollups`), their totals, and today's spend against the caps. Nothing
//! here reads a conversation.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::config::SpendSettings;
use crate::domain::{AccountId, AgentId};
use crate::limits::spend::cap_usd;
use crate::ports::StoreError;
use crate::ports::rollups::{
    DayCounters, RollupStore, TTFT_BOUNDS_MS, TTFT_BUCKETS, counter, ttft_counter,
};
use crate::ports::spend::{SpendPeriod, SpendScope, SpendStore};

/// The most days one overview covers.
pub const MAX_DAYS: u32 = 90;

/// Answers by how they were made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AnswerModes {
    /// Written by the model.
    pub model: u64,
    /// Quoted from the site.
    pub extractive: u64,
    /// "The site does not cover this".
    pub no_answer: u64,
}

/// Time to first token, from the merged histogram: each figure is the upper bound of the
/// bucket holding that percentile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TtftPercentiles {
    /// Median, in milliseconds.
    pub p50: u64,
    /// 95th percentile, in milliseconds.
    pub p95: u64,
}

/// Tokens of every model call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tokens {
    /// Prompt tokens.
    pub prompt: u64,
    /// Completion tokens.
    pub completion: u64,
}

/// One day's figures (or, without `date`, the totals of several).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayFigures {
    /// The UTC day; absent in totals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Conversations that had their first turn.
    pub conversations: u64,
    /// Visitor messages.
    pub turns: u64,
    /// Distinct visitors (in totals: the sum of each day's).
    pub visitors: u64,
    /// Profiles created.
    pub leads_captured: u64,
    /// Addresses verified for the first time.
    pub leads_verified: u64,
    /// Summaries sent to the business.
    pub summaries_sent: u64,
    /// Answers rated helpful.
    pub helpful: u64,
    /// Answers rated not helpful.
    pub not_helpful: u64,
    /// Answers by how they were made.
    pub answer_modes: AnswerModes,
    /// Time to first token; `None` when no answer started.
    pub ttft_ms: Option<TtftPercentiles>,
    /// Errors by stable code.
    pub errors: BTreeMap<String, u64>,
    /// Tokens of every model call.
    pub tokens: Tokens,
    /// What the model calls cost, in US dollars.
    pub cost_usd: f64,
}

/// The overview of a range of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayRange {
    /// One entry per day, oldest first, zeros for days nothing happened on.
    pub days: Vec<DayFigures>,
    /// The sums (time to first token over the merged histogram).
    pub totals: DayFigures,
}

/// A counter as shown: never below zero.
fn shown(counters: &BTreeMap<String, i64>, name: &str) -> u64 {
    counters
        .get(name)
        .copied()
        .and_then(|v| u64::try_from(v).ok())
        .unwrap_or(0)
}

/// The percentile `p` (0..1) of a histogram: the upper bound of the bucket holding it (the
/// open last bucket shows as the highest bound).
fn percentile(buckets: &[u64; TTFT_BUCKETS], p: f64) -> Option<u64> {
    let total: u64 = buckets.iter().sum();
    if total == 0 {
        return None;
    }
    // The rank of the percentile among `total` values, 1-based.
    let rank = ((p * total as f64).ceil() as u64).clamp(1, total);
    let mut seen = 0;
    for (bucket, count) in buckets.iter().enumerate() {
        seen += count;
        if seen >= rank {
            let last = TTFT_BOUNDS_MS[TTFT_BOUNDS_MS.len() - 1];
            return Some(TTFT_BOUNDS_MS.get(bucket).copied().unwrap_or(last));
        }
    }
    None
}

/// The figures of stored counters.
pub fn figures(date: Option<NaiveDate>, counters: &BTreeMap<String, i64>) -> DayFigures {
    let mut buckets = [0u64; TTFT_BUCKETS];
    for (bucket, count) in buckets.iter_mut().enumerate() {
        *count = shown(counters, &ttft_counter(bucket));
    }
    let ttft_ms = percentile(&buckets, 0.5)
        .zip(percentile(&buckets, 0.95))
        .map(|(p50, p95)| TtftPercentiles { p50, p95 });
    let errors = counters
        .iter()
        .filter_map(|(name, value)| {
            let code = name.strip_prefix("err_")?;
            let value = u64::try_from(*value).ok().filter(|v| *v > 0)?;
            Some((code.to_owned(), value))
        })
        .collect();
    DayFigures {
        date,
        conversations: shown(counters, counter::CONVERSATIONS),
        turns: shown(counters, counter::TURNS),
        visitors: shown(counters, counter::VISITORS),
        leads_captured: shown(counters, counter::LEADS_CAPTURED),
        leads_verified: shown(counters, counter::LEADS_VERIFIED),
        summaries_sent: shown(counters, counter::SUMMARIES_SENT),
        helpful: shown(counters, counter::HELPFUL),
        not_helpful: shown(counters, counter::NOT_HELPFUL),
        answer_modes: AnswerModes {
            model: shown(counters, counter::MODE_MODEL),
            extractive: shown(counters, counter::MODE_EXTRACTIVE),
            no_answer: shown(counters, counter::MODE_NO_ANSWER),
        },
        ttft_ms,
        errors,
        tokens: Tokens {
            prompt: shown(counters, counter::PROMPT_TOKENS),
            completion: shown(counters, counter::COMPLETION_TOKENS),
        },
        cost_usd: shown(counters, counter::COST_MICRO_USD) as f64 / 1_000_000.0,
    }
}

/// Every day from `from` to `to` (both included) from the stored rollups (zeros where none
/// is stored), and their totals.
pub fn day_range(stored: &[DayCounters], from: NaiveDate, to: NaiveDate) -> DayRange {
    let by_day: BTreeMap<NaiveDate, &DayCounters> = stored.iter().map(|d| (d.day, d)).collect();
    let empty = BTreeMap::new();
    let mut merged: BTreeMap<String, i64> = BTreeMap::new();
    let mut days = Vec::new();
    for day in from.iter_days().take_while(|d| *d <= to) {
        let counters = by_day.get(&day).map_or(&empty, |d| &d.counters);
        for (name, value) in counters {
            *merged.entry(name.clone()).or_insert(0) += value;
        }
        days.push(figures(Some(day), counters));
    }
    DayRange {
        days,
        totals: figures(None, &merged),
    }
}

/// The figures of `days` UTC days ending with `today`, of `agent` or the whole account.
pub async fn overview(
    rollups: &dyn RollupStore,
    account: &AccountId,
    agent: Option<&AgentId>,
    days: u32,
    today: NaiveDate,
) -> Result<DayRange, StoreError> {
    let days = days.clamp(1, MAX_DAYS);
    let from = today - chrono::Duration::days(i64::from(days) - 1);
    let stored = rollups.read_rollups(account, agent, from, today).await?;
    Ok(day_range(&stored, from, today))
}

/// A day's spend and its cap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpendLine {
    /// Spent today, in US dollars.
    pub cost_usd: f64,
    /// The daily cap; `None` when there is none.
    pub cap_usd: Option<f64>,
}

/// One agent's spend today.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgentSpend {
    /// The agent.
    pub agent: AgentId,
    /// Spent today and the cap.
    #[serde(flatten)]
    pub line: SpendLine,
}

/// Today's spend of the account and of each agent, from the spend counters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpendToday {
    /// All of the account's agents.
    pub account: SpendLine,
    /// Each agent.
    pub agents: Vec<AgentSpend>,
}

fn cap(settings: &SpendSettings, scope: SpendScope) -> Option<f64> {
    Some(cap_usd(settings, scope, SpendPeriod::Day)).filter(|c| *c > 0.0)
}

/// Today's spend (the UTC day holding `now`) of the account and of `agents`, each with the
/// daily cap its settings give.
pub async fn spend_today(
    spend: &dyn SpendStore,
    account: &AccountId,
    agents: &[(AgentId, &SpendSettings)],
    now: DateTime<Utc>,
) -> Result<SpendToday, StoreError> {
    let mut lines = Vec::with_capacity(agents.len());
    let mut account_line = SpendLine {
        cost_usd: 0.0,
        cap_usd: None,
    };
    for (i, (agent, settings)) in agents.iter().enumerate() {
        let totals = spend.spend_totals(account, agent, now).await?;
        if i == 0 {
            account_line = SpendLine {
                cost_usd: usd(totals.get(SpendScope::Account, SpendPeriod::Day)),
                cap_usd: cap(settings, SpendScope::Account),
            };
        }
        lines.push(AgentSpend {
            agent: agent.clone(),
            line: SpendLine {
                cost_usd: usd(totals.get(SpendScope::Agent, SpendPeriod::Day)),
                cap_usd: cap(settings, SpendScope::Agent),
            },
        });
    }
    Ok(SpendToday {
        account: account_line,
        agents: lines,
    })
}

fn usd(micro: u64) -> f64 {
    micro as f64 / 1_000_000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::rollups::ttft_bucket;

    fn counters(pairs: &[(&str, i64)]) -> BTreeMap<String, i64> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn percentiles_come_from_merged_buckets() {
        // 90 fast answers (≤ 300 ms) and 10 slow ones (≤ 3 300 ms) on two days.
        let fast = ttft_counter(ttft_bucket(280));
        let slow = ttft_counter(ttft_bucket(3_000));
        let day1 = DayCounters {
            day: NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid"),
            counters: counters(&[(&fast, 60), (&slow, 2)]),
        };
        let day2 = DayCounters {
            day: NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid"),
            counters: counters(&[(&fast, 30), (&slow, 8), ("err_rate_limited", 2)]),
        };
        let range = day_range(&[day1.clone(), day2.clone()], day1.day, day2.day);
        assert_eq!(range.days.len(), 3);
        assert_eq!(range.days[1].ttft_ms, None);
        assert_eq!(
            range.totals.ttft_ms,
            Some(TtftPercentiles {
                p50: 300,
                p95: 3_300
            })
        );
        assert_eq!(range.days[0].ttft_ms.map(|t| t.p95), Some(300));
        assert_eq!(range.totals.errors.get("rate_limited"), Some(&2));
        assert_eq!(range.totals.date, None);
    }

    #[test]
    fn the_open_bucket_shows_as_the_highest_bound_and_negatives_as_zero() {
        let c = counters(&[(&ttft_counter(TTFT_BUCKETS - 1), 1), ("helpful", -1)]);
        let f = figures(None, &c);
        assert_eq!(f.ttft_ms.map(|t| t.p50), Some(60_000));
        assert_eq!(f.helpful, 0);
    }
}
