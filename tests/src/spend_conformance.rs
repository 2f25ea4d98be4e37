//! The spend counters' conformance suite, run against both adapters: charges add up per
//! scope and window, once per call, concurrently without loss, scoped by account; the
//! warning of a window is claimed once.

use chrono::{DateTime, Duration, Utc};
use futures::future::try_join_all;
use salient_core::domain::{LlmOutcome, now};
use salient_core::ports::spend::{SpendCharge, SpendPeriod, SpendScope};

use crate::conformance::{StoreFactory, account, agent, llm_request, new_session};

fn charge(agent_slug: &str, micro_usd: u64, at: DateTime<Utc>) -> SpendCharge {
    SpendCharge {
        agent: agent(agent_slug),
        micro_usd,
        at,
    }
}

/// Charges land in the deployment's, the account's and the agent's counters of the day and
/// month of the charge; another account's and another agent's stay apart; finishing a call
/// twice charges it once.
pub async fn charges_add_up_per_scope_and_window_once_per_call(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let (acme, globex) = (account("acme"), account("globex"));
    let (sales, support) = (agent("sales"), agent("support"));
    let session = new_session(&*store, &acme).await?;
    let theirs = new_session(&*store, &globex).await?;
    let today = DateTime::parse_from_rfc3339("2026-12-15T10:00:00Z")?.with_timezone(&Utc);
    let yesterday = today - Duration::days(1);
    let last_month = today - Duration::days(20);

    for (store_account, session_id, agent_slug, micro, at) in [
        (&acme, &session.id, "sales", 1_000, today),
        (&acme, &session.id, "sales", 250, yesterday),
        (&acme, &session.id, "support", 40, today),
        (&acme, &session.id, "sales", 7, last_month),
        (&globex, &theirs.id, "sales", 5_000, today),
    ] {
        let call = llm_request(session_id, None, LlmOutcome::Ok);
        store
            .finish_llm_request(store_account, &call, Some(&charge(agent_slug, micro, at)))
            .await?;
        if micro == 1_000 {
            // The same call finished again (a retry) charges nothing more.
            store
                .finish_llm_request(store_account, &call, Some(&charge(agent_slug, micro, at)))
                .await?;
        }
    }

    let sales_today = store.spend_totals(&acme, &sales, today).await?;
    let expected = [
        (SpendScope::Deployment, SpendPeriod::Day, 6_040),
        (SpendScope::Deployment, SpendPeriod::Month, 6_290),
        (SpendScope::Account, SpendPeriod::Day, 1_040),
        (SpendScope::Account, SpendPeriod::Month, 1_290),
        (SpendScope::Agent, SpendPeriod::Day, 1_000),
        (SpendScope::Agent, SpendPeriod::Month, 1_250),
    ];
    for (scope, period, micro) in expected {
        anyhow::ensure!(
            sales_today.get(scope, period) == micro,
            "acme/sales {} {}: {} millionths, expected {micro}",
            scope.as_str(),
            period.as_str(),
            sales_today.get(scope, period)
        );
    }
    let support_today = store.spend_totals(&acme, &support, today).await?;
    anyhow::ensure!(support_today.get(SpendScope::Agent, SpendPeriod::Day) == 40);
    anyhow::ensure!(support_today.get(SpendScope::Account, SpendPeriod::Day) == 1_040);
    let globex_today = store.spend_totals(&globex, &sales, today).await?;
    anyhow::ensure!(globex_today.get(SpendScope::Account, SpendPeriod::Day) == 5_000);
    anyhow::ensure!(globex_today.get(SpendScope::Agent, SpendPeriod::Month) == 5_000);
    let last = store.spend_totals(&acme, &sales, last_month).await?;
    anyhow::ensure!(last.get(SpendScope::Agent, SpendPeriod::Day) == 7);
    anyhow::ensure!(last.get(SpendScope::Agent, SpendPeriod::Month) == 7);
    let nobody = store
        .spend_totals(&account("initech"), &sales, today)
        .await?;
    anyhow::ensure!(nobody.get(SpendScope::Account, SpendPeriod::Month) == 0);
    anyhow::ensure!(nobody.get(SpendScope::Deployment, SpendPeriod::Day) == 6_040);
    Ok(())
}

/// Fifty calls finishing at once are all counted.
pub async fn concurrent_charges_lose_nothing(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let at = now();
    try_join_all((0..50).map(|_| {
        let (store, acme, call) = (
            store.clone(),
            acme.clone(),
            llm_request(&session.id, None, LlmOutcome::Ok),
        );
        async move {
            store
                .finish_llm_request(&acme, &call, Some(&charge("sales", 1_001, at)))
                .await
        }
    }))
    .await?;
    let totals = store.spend_totals(&acme, &agent("sales"), at).await?;
    for scope in SpendScope::ALL {
        for period in SpendPeriod::ALL {
            anyhow::ensure!(
                totals.get(scope, period) == 50 * 1_001,
                "{} {}: {}",
                scope.as_str(),
                period.as_str(),
                totals.get(scope, period)
            );
        }
    }
    Ok(())
}

/// The warning of one counter's window is claimed by exactly one of many callers; the next
/// window, another scope or another account claims afresh.
pub async fn a_spend_warning_is_claimed_once_per_window(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let (acme, globex, sales) = (account("acme"), account("globex"), agent("sales"));
    let at = DateTime::parse_from_rfc3339("2026-12-15T10:00:00Z")?.with_timezone(&Utc);
    let claims = try_join_all((0..10).map(|_| {
        let (store, acme, sales) = (store.clone(), acme.clone(), sales.clone());
        async move {
            store
                .claim_spend_warning(&acme, &sales, SpendScope::Account, SpendPeriod::Day, at)
                .await
        }
    }))
    .await?;
    anyhow::ensure!(
        claims.iter().filter(|c| **c).count() == 1,
        "claims: {claims:?}"
    );
    for (who, scope, period, when) in [
        (
            &acme,
            SpendScope::Account,
            SpendPeriod::Day,
            at + Duration::days(1),
        ),
        (&acme, SpendScope::Account, SpendPeriod::Month, at),
        (&acme, SpendScope::Agent, SpendPeriod::Day, at),
        (&globex, SpendScope::Account, SpendPeriod::Day, at),
    ] {
        anyhow::ensure!(
            store
                .claim_spend_warning(who, &sales, scope, period, when)
                .await?,
            "{who} {} {} at {when} was already claimed",
            scope.as_str(),
            period.as_str()
        );
    }
    // The totals say which warnings are claimed, so a turn need not claim again.
    let read = store.spend_totals(&acme, &sales, at).await?;
    anyhow::ensure!(read.is_warned(SpendScope::Account, SpendPeriod::Day));
    anyhow::ensure!(read.is_warned(SpendScope::Agent, SpendPeriod::Day));
    anyhow::ensure!(!read.is_warned(SpendScope::Deployment, SpendPeriod::Day));
    // A claimed warning does not disturb the counter it sits on.
    let call = llm_request(&new_session(&*store, &acme).await?.id, None, LlmOutcome::Ok);
    store
        .finish_llm_request(&acme, &call, Some(&charge("sales", 9, at)))
        .await?;
    anyhow::ensure!(
        store
            .spend_totals(&acme, &sales, at)
            .await?
            .get(SpendScope::Account, SpendPeriod::Day)
            == 9
    );
    Ok(())
}
