//! `salient usage <account>`: what the model has cost today and this month (UTC), for the
//! deployment, the account and each of its agents, beside the caps of `spend:`.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use salient_core::AppState;
use salient_core::domain::AccountId;
use salient_core::limits::spend::{CapUse, SpendScope, usage};

/// The table `salient usage` prints, read from the state's spend counters at `now`.
pub async fn report(
    state: &AppState,
    account: &AccountId,
    now: DateTime<Utc>,
) -> anyhow::Result<String> {
    let agents: Vec<_> = state
        .catalog
        .agents()
        .filter(|config| &config.account == account)
        .collect();
    anyhow::ensure!(
        !agents.is_empty(),
        "no account {account} in the configuration"
    );
    let mut rows: Vec<(String, CapUse)> = Vec::new();
    for (index, config) in agents.iter().enumerate() {
        let uses = usage(
            state.store.as_ref(),
            account,
            &config.agent,
            &config.settings.spend,
            now,
        )
        .await?;
        for cap in uses {
            let name = match cap.scope {
                // The deployment's and the account's counters are the same for every agent.
                SpendScope::Deployment | SpendScope::Account if index > 0 => continue,
                SpendScope::Deployment => "deployment".to_owned(),
                SpendScope::Account => format!("account {account}"),
                SpendScope::Agent => format!("agent {}", config.agent),
            };
            rows.push((name, cap));
        }
    }
    let width = rows
        .iter()
        .map(|(name, _)| name.len())
        .max()
        .unwrap_or(5)
        .max(5);
    let mut out = String::new();
    writeln!(
        out,
        "model spend in US dollars at {} UTC",
        now.format("%Y-%m-%d %H:%M")
    )?;
    writeln!(
        out,
        "{:<width$}  {:<6}  {:<10}  {:>10}  {:>10}  {:>6}",
        "scope", "period", "window", "spent", "cap", "used"
    )?;
    for (name, cap) in rows {
        let (limit, used) = if cap.cap_usd > 0.0 {
            (
                money(cap.cap_usd),
                format!("{:.0} %", cap.spent_usd / cap.cap_usd * 100.0),
            )
        } else {
            ("none".to_owned(), "-".to_owned())
        };
        writeln!(
            out,
            "{name:<width$}  {:<6}  {:<10}  {:>10.6}  {limit:>10}  {used:>6}",
            cap.period.as_str(),
            cap.window,
            cap.spent_usd
        )?;
    }
    Ok(out)
}

/// Dollars with cents, or with millionths below a cent.
fn money(usd: f64) -> String {
    if usd >= 0.01 {
        format!("{usd:.2}")
    } else {
        format!("{usd:.6}")
    }
}
