//! The `spend_counters` table and `SpendStore`: one row per scope and window (`day:…` or
//! `month:…`), keyed by account and agent; the deployment's rows have an empty account and
//! agent, an account's an empty agent (no id is empty, so they cannot collide). Rows past
//! their expiry are deleted by the expiry sweep (`expiry`).

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, params};

use super::EmbeddedStore;
use super::rows::{execute, integer, millis, query_all};
use crate::domain::{AccountId, AgentId};
use crate::ports::StoreError;
use crate::ports::spend::{SpendCharge, SpendPeriod, SpendScope, SpendStore, SpendTotals};

/// The (account, agent) columns of a scope's rows.
fn owner(scope: SpendScope, account: &str, agent: &str) -> (String, String) {
    match scope {
        SpendScope::Deployment => (String::new(), String::new()),
        SpendScope::Account => (account.to_owned(), String::new()),
        SpendScope::Agent => (account.to_owned(), agent.to_owned()),
    }
}

fn window(period: SpendPeriod, at: DateTime<Utc>) -> String {
    format!("{}:{}", period.as_str(), period.window(at))
}

fn expires(period: SpendPeriod, at: DateTime<Utc>) -> i64 {
    millis(at + Duration::days(period.keep_days()))
}

/// Adds a finished call's cost to the six counters (inside the write that finishes its
/// record).
pub(super) fn add_charge(
    conn: &Connection,
    account: &AccountId,
    charge: &SpendCharge,
) -> Result<(), StoreError> {
    let (account, agent) = (account.as_str(), charge.agent.as_str());
    for scope in SpendScope::ALL {
        let (row_account, row_agent) = owner(scope, account, agent);
        for period in SpendPeriod::ALL {
            execute(
                conn,
                "INSERT INTO spend_counters (account, agent, window, micro_usd, warned, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, 0, ?5) \
                 ON CONFLICT (account, agent, window) \
                 DO UPDATE SET micro_usd = micro_usd + excluded.micro_usd",
                params![
                    row_account,
                    row_agent,
                    window(period, charge.at),
                    integer(charge.micro_usd),
                    expires(period, charge.at)
                ],
            )?;
        }
    }
    Ok(())
}

#[async_trait]
impl SpendStore for EmbeddedStore {
    async fn spend_totals(
        &self,
        account: &AccountId,
        agent: &AgentId,
        at: DateTime<Utc>,
    ) -> Result<SpendTotals, StoreError> {
        let (account, agent) = (account.to_string(), agent.to_string());
        let (day, month) = (window(SpendPeriod::Day, at), window(SpendPeriod::Month, at));
        self.read(move |conn| {
            let rows = query_all(
                conn,
                "SELECT account, agent, window, micro_usd, warned FROM spend_counters \
                 WHERE account IN ('', ?1) AND agent IN ('', ?2) AND window IN (?3, ?4)",
                params![account, agent, day, month],
                |c| {
                    let (row_account, row_agent, row_window, micro, warned): (
                        String,
                        String,
                        String,
                        i64,
                        bool,
                    ) = (c.get()?, c.get()?, c.get()?, c.get()?, c.get()?);
                    Ok((row_account, row_agent, row_window, micro, warned))
                },
            )?;
            let mut totals = SpendTotals::default();
            for (row_account, row_agent, row_window, micro, warned) in rows {
                let scope = match (row_account.is_empty(), row_agent.is_empty()) {
                    (true, true) => SpendScope::Deployment,
                    (false, true) => SpendScope::Account,
                    (false, false) => SpendScope::Agent,
                    // An agent row of no account is never written.
                    (true, false) => continue,
                };
                let period = if row_window == day {
                    SpendPeriod::Day
                } else {
                    SpendPeriod::Month
                };
                totals.set(scope, period, u64::try_from(micro).unwrap_or(0));
                if warned {
                    totals.set_warned(scope, period);
                }
            }
            Ok(totals)
        })
        .await
    }

    async fn claim_spend_warning(
        &self,
        account: &AccountId,
        agent: &AgentId,
        scope: SpendScope,
        period: SpendPeriod,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (row_account, row_agent) = owner(scope, account.as_str(), agent.as_str());
        let (window, expires) = (window(period, at), expires(period, at));
        self.write(move |conn| {
            let claimed = execute(
                conn,
                "INSERT INTO spend_counters (account, agent, window, micro_usd, warned, expires_at) \
                 VALUES (?1, ?2, ?3, 0, 1, ?4) \
                 ON CONFLICT (account, agent, window) DO UPDATE SET warned = 1 WHERE warned = 0",
                params![row_account, row_agent, window, expires],
            )?;
            Ok(claimed == 1)
        })
        .await
    }
}
