//! Spend caps: before the model is called (a turn, a summary), the counters of the
//! deployment, the account and the agent for the current UTC day and month are read (six
//! key lookups, [`SpendStore::spend_totals`]) and compared with `spend.*` caps. A used-up
//! cap turns the model off until its window ends: turns answer by quoting the site, and
//! summaries pause. At `spend.warn_at` of a cap, one warning email per window goes to the
//! account's recipients (the deployment's to `spend.deployment_recipients`); the first
//! caller to claim the window's warning sends it.
//!
//! The counters grow with each finished call, in the same write as its record
//! ([`charge_of`] says what a call costs).

use chrono::{DateTime, Utc};

use crate::config::{AgentConfig, SpendSettings, TokenPrice};
use crate::domain::{AccountId, AgentId, EmailAddress, LlmRequest};
use crate::email::view::{SpendWarningView, spend_warning_email};
use crate::ports::StoreError;
use crate::ports::email::{EmailTransport, OutgoingEmail};
use crate::ports::spend::{SpendCharge, SpendStore};
pub use crate::ports::spend::{SpendPeriod, SpendScope, SpendTotals, micro_usd};

/// A cap that is used up: the model stays off for this scope until `resets_at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exhausted {
    /// Whose cap.
    pub scope: SpendScope,
    /// Its window.
    pub period: SpendPeriod,
    /// When the window ends (when the latest-ending used-up cap ends, if several are).
    pub resets_at: DateTime<Utc>,
}

impl Exhausted {
    /// Seconds from `now` until the model is back (at least 1).
    pub fn retry_after_secs(&self, now: DateTime<Utc>) -> u64 {
        u64::try_from((self.resets_at - now).num_seconds())
            .unwrap_or(0)
            .max(1)
    }
}

/// One cap compared with its counter.
#[derive(Debug, Clone, PartialEq)]
pub struct CapUse {
    /// Whose cap.
    pub scope: SpendScope,
    /// Its window.
    pub period: SpendPeriod,
    /// The window, as `2026-12-01` or `2026-12`.
    pub window: String,
    /// Spent in the window, US dollars.
    pub spent_usd: f64,
    /// The cap, US dollars (0: none).
    pub cap_usd: f64,
    /// Whether this window's warning is claimed already.
    pub warned: bool,
}

impl CapUse {
    fn is_used_up(&self) -> bool {
        self.cap_usd > 0.0 && self.spent_usd >= self.cap_usd
    }

    fn needs_warning(&self, warn_at: f64) -> bool {
        self.cap_usd > 0.0 && self.spent_usd >= self.cap_usd * warn_at
    }
}

/// What the caps say before a call to the model.
#[derive(Debug, Clone, Default)]
pub struct BudgetCheck {
    /// A used-up cap, if any: do not call the model.
    pub exhausted: Option<Exhausted>,
    /// Caps past their warning share (their warning may already be sent).
    pub warnings: Vec<CapUse>,
}

/// The cap of `scope` and `period` under an agent's settings (0: none).
pub fn cap_usd(settings: &SpendSettings, scope: SpendScope, period: SpendPeriod) -> f64 {
    let caps = match scope {
        SpendScope::Deployment => settings.deployment,
        SpendScope::Account => settings.account,
        SpendScope::Agent => settings.agent,
    };
    match period {
        SpendPeriod::Day => caps.daily_usd,
        SpendPeriod::Month => caps.monthly_usd,
    }
}

fn has_caps(settings: &SpendSettings) -> bool {
    SpendScope::ALL.iter().any(|&scope| {
        SpendPeriod::ALL
            .iter()
            .any(|&period| cap_usd(settings, scope, period) > 0.0)
    })
}

/// Every cap of an agent beside its counter at `now` (the six counters, read once).
pub async fn usage(
    store: &dyn SpendStore,
    account: &AccountId,
    agent: &AgentId,
    settings: &SpendSettings,
    now: DateTime<Utc>,
) -> Result<Vec<CapUse>, StoreError> {
    let totals = store.spend_totals(account, agent, now).await?;
    Ok(cap_uses(&totals, settings, now))
}

fn cap_uses(totals: &SpendTotals, settings: &SpendSettings, now: DateTime<Utc>) -> Vec<CapUse> {
    let mut uses = Vec::new();
    for scope in SpendScope::ALL {
        for period in SpendPeriod::ALL {
            uses.push(CapUse {
                scope,
                period,
                window: period.window(now),
                // Millionths to dollars; exact for any realistic spend.
                spent_usd: totals.get(scope, period) as f64 / 1_000_000.0,
                cap_usd: cap_usd(settings, scope, period),
                warned: totals.is_warned(scope, period),
            });
        }
    }
    uses
}

/// Compares an agent's caps with the counters at `now`. Without caps nothing is read. A
/// failed read is logged and lets the call go ahead: a storage hiccup must not silence
/// every agent, and the counters are charged again as soon as storage answers.
pub async fn check_budget(
    store: &dyn SpendStore,
    account: &AccountId,
    agent: &AgentId,
    settings: &SpendSettings,
    now: DateTime<Utc>,
) -> BudgetCheck {
    if !has_caps(settings) {
        return BudgetCheck::default();
    }
    let uses = match usage(store, account, agent, settings, now).await {
        Ok(uses) => uses,
        Err(error) => {
            tracing::error!(account = %account, agent = %agent, error = ?error, "reading the spend counters failed; the model is called without a budget check");
            return BudgetCheck::default();
        }
    };
    let exhausted = uses
        .iter()
        .filter(|u| u.is_used_up())
        .map(|u| Exhausted {
            scope: u.scope,
            period: u.period,
            resets_at: u.period.window_end(now),
        })
        .max_by_key(|e| e.resets_at);
    let warnings = uses
        .into_iter()
        .filter(|u| u.needs_warning(settings.warn_at))
        .collect();
    BudgetCheck {
        exhausted,
        warnings,
    }
}

/// What a finished call adds to the counters: the provider's cost when it reported one,
/// else its tokens at `fallback` prices; `None` when that is nothing.
pub fn charge_of(
    record: &LlmRequest,
    agent: &AgentId,
    fallback: &TokenPrice,
    at: DateTime<Utc>,
) -> Option<SpendCharge> {
    let usd = record.cost_usd.unwrap_or_else(|| {
        f64::from(record.prompt_tokens) * fallback.prompt_per_million_usd / 1_000_000.0
            + f64::from(record.completion_tokens) * fallback.completion_per_million_usd
                / 1_000_000.0
    });
    let micro_usd = micro_usd(usd);
    (micro_usd > 0).then(|| SpendCharge {
        agent: agent.clone(),
        micro_usd,
        at,
    })
}

/// Sends the warnings of `check` that nobody has sent in their window yet: each is claimed
/// first, so one email goes out per cap and window across every process. Failures are
/// logged.
pub async fn send_warnings(
    store: &dyn SpendStore,
    mail: &dyn EmailTransport,
    config: &AgentConfig,
    warnings: &[CapUse],
    now: DateTime<Utc>,
) {
    let settings = &config.settings;
    for warning in warnings {
        tracing::warn!(
            account = %config.account,
            agent = %config.agent,
            scope = warning.scope.as_str(),
            period = warning.period.as_str(),
            spent_usd = warning.spent_usd,
            cap_usd = warning.cap_usd,
            "model spend is past its warning share"
        );
        // Sent (or being sent) by whoever claimed it: no write to find that out again.
        if warning.warned {
            continue;
        }
        match store
            .claim_spend_warning(
                &config.account,
                &config.agent,
                warning.scope,
                warning.period,
                now,
            )
            .await
        {
            Ok(true) => {}
            Ok(false) => continue,
            Err(error) => {
                tracing::error!(account = %config.account, error = ?error, "claiming a spend warning failed");
                continue;
            }
        }
        let raw = match warning.scope {
            SpendScope::Deployment => &settings.spend.deployment_recipients,
            _ if settings.spend.recipients.is_empty() => &settings.account.summary_recipients,
            _ => &settings.spend.recipients,
        };
        let to: Vec<EmailAddress> = raw
            .iter()
            .filter_map(|r| EmailAddress::parse(r).ok())
            .collect();
        if to.is_empty() {
            continue;
        }
        let account_name = if settings.account.name.is_empty() {
            config.account.to_string()
        } else {
            settings.account.name.clone()
        };
        let who = match warning.scope {
            SpendScope::Deployment => "This Salient deployment".to_owned(),
            SpendScope::Account => account_name,
            SpendScope::Agent => format!("{} ({account_name})", settings.agent.name),
        };
        let parts = match spend_warning_email(&SpendWarningView {
            who: &who,
            scope: warning.scope,
            period: warning.period,
            window: &warning.window,
            spent_usd: warning.spent_usd,
            cap_usd: warning.cap_usd,
            resets_at: warning.period.window_end(now),
        }) {
            Ok(parts) => parts,
            Err(error) => {
                tracing::error!(account = %config.account, error = ?error, "rendering a spend warning failed");
                continue;
            }
        };
        let email = OutgoingEmail {
            from: settings.email.from.clone(),
            to,
            subject: parts.subject,
            html: parts.html,
            text: parts.text,
        };
        match mail.send(&email).await {
            Ok(_) => {
                tracing::info!(account = %config.account, scope = warning.scope.as_str(), period = warning.period.as_str(), "spend warning sent")
            }
            Err(error) => {
                tracing::error!(account = %config.account, error = %error, "sending a spend warning failed")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SpendCaps;
    use crate::domain::{LlmOutcome, LlmRequestId, SessionId, now};

    fn record(cost: Option<f64>) -> LlmRequest {
        LlmRequest {
            id: LlmRequestId::generate(),
            session: SessionId::generate(),
            message: None,
            model: "m".to_owned(),
            prompt_tokens: 1_000,
            completion_tokens: 500,
            cost_usd: cost,
            latency_ms: 1,
            outcome: LlmOutcome::Ok,
            error: None,
            created_at: now(),
        }
    }

    #[test]
    fn a_reported_cost_wins_and_tokens_are_priced_without_one() {
        let agent = AgentId::parse("sales").expect("valid");
        let price = TokenPrice {
            prompt_per_million_usd: 0.15,
            completion_per_million_usd: 0.6,
        };
        let at = now();
        let reported = charge_of(&record(Some(0.002)), &agent, &price, at).expect("charged");
        assert_eq!(reported.micro_usd, 2_000);
        // 1,000 × 0.15 + 500 × 0.6 millionths of a dollar.
        let priced = charge_of(&record(None), &agent, &price, at).expect("charged");
        assert_eq!(priced.micro_usd, 450);
        assert!(charge_of(&record(None), &agent, &TokenPrice::default(), at).is_none());
        assert!(charge_of(&record(Some(0.0)), &agent, &price, at).is_none());
    }

    #[test]
    fn a_used_up_cap_names_the_latest_reset_and_warnings_start_at_the_share() {
        let settings = SpendSettings {
            account: SpendCaps {
                daily_usd: 1.0,
                monthly_usd: 2.0,
            },
            agent: SpendCaps {
                daily_usd: 0.0,
                monthly_usd: 10.0,
            },
            ..SpendSettings::default()
        };
        let at = DateTime::parse_from_rfc3339("2026-12-10T12:00:00Z")
            .expect("valid")
            .with_timezone(&Utc);
        let mut totals = SpendTotals::default();
        totals.set(SpendScope::Account, SpendPeriod::Day, 1_000_000);
        totals.set(SpendScope::Account, SpendPeriod::Month, 2_500_000);
        totals.set(SpendScope::Agent, SpendPeriod::Month, 7_900_000);
        let uses = cap_uses(&totals, &settings, at);
        let used_up: Vec<_> = uses.iter().filter(|u| u.is_used_up()).collect();
        assert_eq!(used_up.len(), 2);
        let warned: Vec<_> = uses
            .iter()
            .filter(|u| u.needs_warning(0.8))
            .map(|u| (u.scope, u.period))
            .collect();
        // 7.9 of 10 is under 80 %; the two used-up caps are past it.
        assert_eq!(
            warned,
            [
                (SpendScope::Account, SpendPeriod::Day),
                (SpendScope::Account, SpendPeriod::Month)
            ]
        );
        let exhausted = Exhausted {
            scope: SpendScope::Account,
            period: SpendPeriod::Month,
            resets_at: SpendPeriod::Month.window_end(at),
        };
        assert_eq!(exhausted.retry_after_secs(at), 21 * 86_400 + 12 * 3_600);
    }
}
