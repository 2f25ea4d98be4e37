//! Conversation-path benchmark (issue "Chat and streaming"), with the stand-in answering
//! instantly:
//! - platform overhead per turn: client-observed turn time minus the stand-in's own service
//!   time (request arrival to `[DONE]`), for buffered and streamed turns;
//! - relay latency: from the stand-in handing a chunk to its HTTP layer to our client reading
//!   the matching `delta` event (stand-in sends a chunk every 2 ms so chunks stay separate).
//!
//! Runs on the embedded store, and on DynamoDB Local when `SALIENT_TEST_DYNAMODB_ENDPOINT` is
//! set. Throughput under load is measured by `scripts/bench-turns.sh` (wrk against
//! `salient serve`). `cargo bench -p salient-tests --bench turn`

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use salient_tests::app::{AppOptions, Backend, TestApp, setting, spawn_app_with};
use salient_tests::dynamodb_local::endpoint_from_env;
use salient_tests::sse::SseReader;
use serde_json::json;

const WARMUP: usize = 50;
const TURNS: usize = 1000;

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX).max(1)
}

fn report(label: &str, h: &Histogram<u64>) {
    println!(
        "{label:<44} n={:>5}  p50={:>7.3} ms  p99={:>7.3} ms  max={:>7.3} ms",
        h.len(),
        h.value_at_quantile(0.50) as f64 / 1000.0,
        h.value_at_quantile(0.99) as f64 / 1000.0,
        h.max() as f64 / 1000.0,
    );
}

async fn app(backend: Backend) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        // Limits on, counted on every turn, but wide enough for one client's thousands.
        overrides: [
            ("limits.max_session_messages", "100000"),
            ("rate_limits.turn.session", "1000000/1h"),
            ("rate_limits.turn.visitor", "1000000/1h"),
            ("rate_limits.turn.ip", "1000000/1h"),
            ("rate_limits.turn.agent", "1000000/1h"),
            ("rate_limits.turn.account", "1000000/1h"),
            ("rate_limits.session.visitor", "1000000/1h"),
            ("rate_limits.session.ip", "1000000/1h"),
            ("rate_limits.session.agent", "1000000/1h"),
            ("rate_limits.session.account", "1000000/1h"),
        ]
        .iter()
        .map(|(key, value)| setting(key, value))
        .collect(),
        ..AppOptions::default()
    })
    .await
}

async fn overhead(backend: Backend, streamed: bool) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let standin = app
        .standin
        .clone()
        .ok_or_else(|| anyhow::anyhow!("no stand-in"))?;
    let mut histogram = Histogram::<u64>::new(3)?;
    let kind = if streamed { "stream" } else { "turns" };
    // A fresh session every 40 turns keeps the history (and the prompt) realistic.
    let mut session = app.new_session("northwind-heating", "sales").await?;
    for i in 0..WARMUP + TURNS {
        if i > 0 && i % 40 == 0 {
            session = app.new_session("northwind-heating", "sales").await?;
        }
        let url = app.session_url(&session, &format!("/{kind}"));
        let started = Instant::now();
        let response = session
            .client
            .post(&url)
            .json(&json!({"message": "How much is the Aero 7 heat pump installed?"}))
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "turn answered {}",
            response.status()
        );
        if streamed {
            let events = SseReader::new(response).collect().await?;
            anyhow::ensure!(
                events.last().is_some_and(|e| e.name == "done"),
                "no done event"
            );
        } else {
            response.bytes().await?;
        }
        let total = started.elapsed();
        let upstream = standin
            .state
            .service_times
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .last()
            .copied()
            .unwrap_or_default();
        if i >= WARMUP {
            histogram.record(micros(total.saturating_sub(upstream)))?;
        }
    }
    report(
        &format!("{backend:?} {kind}: platform overhead per turn"),
        &histogram,
    );
    Ok(())
}

async fn relay(backend: Backend) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let standin = app
        .standin
        .clone()
        .ok_or_else(|| anyhow::anyhow!("no stand-in"))?;
    standin.state.token_delay_ms.store(2, Ordering::Relaxed);
    let mut histogram = Histogram::<u64>::new(3)?;
    let session = app.new_session("northwind-heating", "sales").await?;
    let url = app.session_url(&session, "/stream");
    let client = &session.client;
    for _ in 0..200 {
        standin
            .state
            .chunk_written
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .clear();
        let response = client
            .post(&url)
            .json(&json!({"message": "Relay me please"}))
            .send()
            .await?;
        let mut reader = SseReader::new(response);
        let mut read_at = Vec::new();
        while let Some(event) = reader.next().await? {
            if event.name == "delta" {
                read_at.push(Instant::now());
            }
        }
        let written = standin
            .state
            .chunk_written
            .lock()
            .map_err(|_| anyhow::anyhow!("poisoned"))?
            .clone();
        anyhow::ensure!(
            written.len() == read_at.len(),
            "{} chunks, {} deltas",
            written.len(),
            read_at.len()
        );
        for (w, r) in written.iter().zip(&read_at) {
            histogram.record(micros(r.saturating_duration_since(*w)))?;
        }
    }
    report(
        &format!("{backend:?} stream: relay chunk → client"),
        &histogram,
    );
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_default();
    println!(
        "turn benchmark: {TURNS} turns after {WARMUP} warm-up, stand-in answering instantly; {} cores, {cpu}",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0)
    );
    let mut backends = vec![Backend::Embedded];
    if endpoint_from_env().is_some() {
        backends.push(Backend::Dynamodb);
    } else {
        println!("(SALIENT_TEST_DYNAMODB_ENDPOINT unset: DynamoDB Local figures skipped)");
    }
    for backend in backends {
        overhead(backend, false).await?;
        overhead(backend, true).await?;
        relay(backend).await?;
    }
    Ok(())
}
