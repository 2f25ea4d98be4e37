//! The inactivity sweep: every session idle for its agent's `email.summary.idle_minutes`
//! whose summary is not sent gets one, account by account (run on a schedule).

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::summary::{SummaryAgent, SummaryError, SummaryOutcome, SummaryPorts, send_summary};
use crate::domain::{AccountId, EmailTrigger};
use crate::ports::StoreError;

/// What one sweep did.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct SweepReport {
    /// Accounts swept.
    pub accounts: usize,
    /// Idle sessions found.
    pub considered: usize,
    /// Summaries sent.
    pub sent: usize,
    /// Already sent (by another sweep or the widget) or held by another sender.
    pub skipped: usize,
    /// Attempts that failed (recorded for the next sweep).
    pub failed: usize,
    /// Left for a later sweep because a spend cap is used up.
    pub paused: usize,
}

/// Summarises every session idle for its agent's `email.summary.idle_minutes` that has not
/// been summarised, account by account (the accounts of `agents`, every agent of the
/// deployment), at most `sweep_batch` sessions per account. It stops only when listing an
/// account's idle sessions fails; a session whose summary fails is counted in the report.
pub async fn sweep(
    ports: &SummaryPorts<'_>,
    agents: &[SummaryAgent],
    now: DateTime<Utc>,
) -> Result<SweepReport, StoreError> {
    let accounts: BTreeSet<&AccountId> = agents.iter().map(|a| &a.config.account).collect();
    let mut report = SweepReport::default();
    for account in accounts {
        let enabled: Vec<&SummaryAgent> = agents
            .iter()
            .filter(|a| &a.config.account == account && a.config.settings.email.summary.enabled)
            .collect();
        let Some(shortest) = enabled
            .iter()
            .map(|a| a.config.settings.email.summary.idle_minutes)
            .min()
        else {
            continue;
        };
        let batch = enabled
            .iter()
            .map(|a| a.config.settings.email.summary.sweep_batch)
            .max()
            .unwrap_or(1);
        report.accounts += 1;
        let cutoff = now - Duration::minutes(i64::from(shortest));
        let sessions = ports.events.idle_sessions(account, cutoff, batch).await?;
        for session in sessions {
            let Some(agent) = enabled.iter().find(|a| a.config.agent == session.agent) else {
                continue;
            };
            let idle =
                Duration::minutes(i64::from(agent.config.settings.email.summary.idle_minutes));
            if session.last_active_at > now - idle {
                continue;
            }
            report.considered += 1;
            match send_summary(ports, agent, &session, EmailTrigger::Inactivity, false, now).await {
                Ok(SummaryOutcome::Sent { .. }) => report.sent += 1,
                Ok(SummaryOutcome::AlreadySent(_) | SummaryOutcome::Busy(_)) => {
                    report.skipped += 1;
                }
                Ok(SummaryOutcome::Failed { .. }) => report.failed += 1,
                Err(SummaryError::Store(err)) => {
                    tracing::error!(account = %account, session = %session.id, error = %err, "sweeping a session failed");
                    report.failed += 1;
                }
                Err(SummaryError::BudgetReached(_)) => report.paused += 1,
                Err(_) => report.skipped += 1,
            }
        }
    }
    tracing::info!(?report, "inactivity sweep done");
    Ok(report)
}
