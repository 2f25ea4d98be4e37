//! Storage latency: appending a message and loading a page of 50 messages of history, and
//! the store work the open-internet controls add to each turn (the rate-limit check of a
//! turn with the default windows, the spend-cap check, and finishing a model call's record
//! with its charge to the spend counters), on the embedded store (a SQLite file in WAL mode)
//! and on DynamoDB Local.
//!
//! ```text
//! scripts/dynamodb-local.sh start
//! SALIENT_TEST_DYNAMODB_ENDPOINT=$(scripts/dynamodb-local.sh endpoint) \
//!     cargo bench -p salient-tests --bench store
//! scripts/dynamodb-local.sh stop
//! ```
//!
//! Without the endpoint the DynamoDB half is skipped with a note. Figures go in
//! `docs/benchmarks.md`.

use std::future::Future;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use hdrhistogram::Histogram;
use salient_core::config::{RateLimitSettings, SpendSettings};
use salient_core::domain::{
    AccountId, AgentId, LlmOutcome, LlmRequest, LlmRequestId, Message, Role, Session, SessionId,
    VisitorId, now,
};
use salient_core::limits::spend::check_budget;
use salient_core::limits::{Action, Limiter, Subjects};
use salient_core::otp::OtpSecret;
use salient_core::ports::spend::SpendCharge;
use salient_core::ports::{HistoryQuery, Order, Store};
use salient_tests::conformance::{EmbeddedFile, StoreFactory as _};
use salient_tests::dynamodb_local::{self, FreshTable};

/// Operations run (and thrown away) before measuring.
const WARM_UP: usize = 200;
/// Operations measured per operation and backend.
const ITERATIONS: usize = 2_000;
/// The history page size, the one context assembly reads.
const PAGE: u32 = 50;

/// One operation's latencies on one backend.
struct Measured {
    backend: &'static str,
    operation: &'static str,
    latencies: Histogram<u64>,
    elapsed: Duration,
}

/// Runs `op` `WARM_UP` times unmeasured, then `ITERATIONS` times measured one after another.
async fn measure<F, Fut>(
    backend: &'static str,
    operation: &'static str,
    mut op: F,
) -> anyhow::Result<Measured>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    for i in 0..WARM_UP {
        op(i).await?;
    }
    // Nanoseconds, from 1 ns to 60 s, three significant figures.
    let mut latencies = Histogram::new_with_bounds(1, 60_000_000_000, 3)?;
    let started = Instant::now();
    for i in WARM_UP..WARM_UP + ITERATIONS {
        let begun = Instant::now();
        op(i).await?;
        let nanos = u64::try_from(begun.elapsed().as_nanos()).unwrap_or(u64::MAX);
        latencies.saturating_record(nanos.max(1));
    }
    Ok(Measured {
        backend,
        operation,
        latencies,
        elapsed: started.elapsed(),
    })
}

async fn bench_backend(backend: &'static str, store: &dyn Store) -> anyhow::Result<Vec<Measured>> {
    let account = AccountId::parse("bench")?;
    let session = Session::new(
        account.clone(),
        AgentId::parse("sales")?,
        VisitorId::generate(),
        now(),
    );
    store.create_session(&session).await?;
    let content = "How much does it cost to service a combi boiler, and how soon can you come? \
                   We are in the BS3 area and free most weekday mornings.";

    let append = measure(backend, "append message", |i| {
        let message = Message::new(Role::User, format!("{content} #{i}"), now());
        let (account, id) = (&account, &session.id);
        async move {
            store
                .append_message(account, id, &message)
                .await
                .context("append_message")
        }
    })
    .await?;

    let query = HistoryQuery::first(Order::NewestFirst, PAGE);
    let history = measure(backend, "load history (50)", |_| {
        let (account, id, query) = (&account, &session.id, &query);
        async move {
            let page = store.history(account, id, query).await.context("history")?;
            anyhow::ensure!(page.items.len() == PAGE as usize, "short page");
            Ok(())
        }
    })
    .await?;
    let limits = generous_turn_limits();
    let secret = OtpSecret::from_bytes(b"bench-secret-of-some-length-0123");
    let limiter = Limiter::new(store, &secret, &limits);
    let agent = AgentId::parse("sales")?;
    let limit = measure(backend, "rate-limit check (turn)", |i| {
        // A new visitor, session and client each time: every window is counted, none fills.
        let (visitor, session) = (VisitorId::generate(), SessionId::generate());
        let ip = IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + u32::try_from(i).unwrap_or(0)));
        let (account, agent, limiter) = (&account, &agent, &limiter);
        async move {
            let who = Subjects {
                account,
                agent,
                session: Some(&session),
                visitor: Some(&visitor),
                email: None,
                ip: Some(ip),
            };
            limiter
                .check(Action::Turn, &who, now())
                .await
                .context("limiter")
        }
    })
    .await?;

    let spend = SpendSettings::default();
    let budget = measure(backend, "spend-cap check", |_| {
        let (account, agent, spend) = (&account, &agent, &spend);
        async move {
            let check = check_budget(store, account, agent, spend, now()).await;
            anyhow::ensure!(check.exhausted.is_none(), "a cap is used up");
            Ok(())
        }
    })
    .await?;

    let charge = measure(backend, "finish call + charge", |_| {
        let record = LlmRequest {
            id: LlmRequestId::generate(),
            session: session.id.clone(),
            message: None,
            model: "openai/gpt-4o-mini".to_owned(),
            prompt_tokens: 900,
            completion_tokens: 120,
            cost_usd: Some(0.000_207),
            latency_ms: 800,
            outcome: LlmOutcome::Ok,
            error: None,
            created_at: now(),
        };
        let charge = SpendCharge {
            agent: agent.clone(),
            micro_usd: 207,
            at: now(),
        };
        let account = &account;
        async move {
            store
                .finish_llm_request(account, &record, Some(&charge))
                .await
                .context("finish_llm_request")
        }
    })
    .await?;
    Ok(vec![append, history, limit, budget, charge])
}

/// The default turn windows (their number and lengths: the work per check) with limits no
/// benchmark reaches.
fn generous_turn_limits() -> RateLimitSettings {
    let mut settings = RateLimitSettings::default();
    let turn = &mut settings.turn;
    for windows in [
        &mut turn.session,
        &mut turn.visitor,
        &mut turn.ip,
        &mut turn.agent,
        &mut turn.account,
    ] {
        for window in &mut windows.0 {
            window.limit = 1_000_000_000;
        }
    }
    settings
}

fn micros(nanos: f64) -> String {
    format!("{:.0}", nanos / 1_000.0)
}

fn print_table(results: &[Measured]) {
    println!("\n| backend | operation | iterations | p50 (µs) | p99 (µs) | mean (µs) | ops/s |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for m in results {
        let ops = m.latencies.len() as f64 / m.elapsed.as_secs_f64();
        println!(
            "| {} | {} | {} | {} | {} | {} | {:.0} |",
            m.backend,
            m.operation,
            m.latencies.len(),
            micros(m.latencies.value_at_quantile(0.50) as f64),
            micros(m.latencies.value_at_quantile(0.99) as f64),
            micros(m.latencies.mean()),
            ops,
        );
    }
}

async fn run() -> anyhow::Result<()> {
    let mut results = Vec::new();

    let file = EmbeddedFile::new()?;
    println!("embedded: SQLite (WAL) at {}", file.path().display());
    results.extend(bench_backend("embedded", &*file.open()?).await?);

    match dynamodb_local::endpoint_from_env() {
        Some(endpoint) => {
            let table = FreshTable::create_at(&endpoint).await?;
            results.extend(bench_backend("dynamodb-local", &table.store()).await?);
            table.delete().await?;
        }
        None => println!(
            "dynamodb-local: skipped, {} is not set (start it with scripts/dynamodb-local.sh \
             start and export {}=$(scripts/dynamodb-local.sh endpoint))",
            dynamodb_local::ENDPOINT_VAR,
            dynamodb_local::ENDPOINT_VAR,
        ),
    }

    print_table(&results);
    Ok(())
}

fn main() -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(run())
}
