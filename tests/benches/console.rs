//! Operator console benchmark: the embedded store (a SQLite file) holding one account's
//! 10,000 conversations over 30 days (two agents, two messages each, a tenth with a lead,
//! some flagged, their day rollups), a few thousand audit entries, the most open content
//! gap groups an account keeps (500) and its 100 error events, and an embedded vector index
//! (a second SQLite file) of 2,000 pages of 6 chunks each; the latency of each console list
//! endpoint through the real router over loopback HTTP (conversations without and with each
//! filter, a page deep in the list, leads, audit, gaps, errors, the indexed pages), of the
//! overview route, and of the overview's rollup read on its own.
//!
//! `cargo bench -p salient-tests --bench console --profile local`. Figures go in
//! `docs/benchmarks.md` ("Operator console").

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, ensure};
use hdrhistogram::Histogram;
use salient_core::domain::{
    AccountId, AgentId, EmailAddress, Message, Role, Session, VisitorId, VisitorProfile, now,
};
use salient_core::ports::console::AuditEntry;
use salient_core::ports::gaps::{GapExample, GapGroup, GapReasons, GapStatus};
use salient_core::ports::knowledge::{ChunkRecord, IndexedChunk, VectorIndex as _};
use salient_core::ports::metrics::{ErrorEvent, Function};
use salient_core::ports::rollups::{RollupDelta, SessionMark, counter, ttft_bucket, ttft_counter};
use salient_core::{EmbeddedIndex, LocalEmbedder, Retriever};
use salient_tests::app::{AppOptions, Backend, TestApp, setting, spawn_app_with};
use salient_tests::console::{SESSION_COOKIE as COOKIE, sign_in};
use serde_json::Value;

const ACCOUNT: &str = "northwind-heating";
const OWNER: &str = "owner@northwind-heating.example";
const CONVERSATIONS: usize = 10_000;
const DAYS: i64 = 30;
const AUDIT_ENTRIES: usize = 3_000;
/// `knowledge.gaps.max_open_groups`' default: the most open groups an account keeps.
const GAP_GROUPS: usize = 500;
/// The error events an account keeps.
const ERROR_EVENTS: usize = 100;
/// Pages in the vector index, and chunks per page (a site of a few thousand pages).
const INDEXED_PAGES: usize = 2_000;
const CHUNKS_PER_PAGE: usize = 6;
/// MiniLM's embedding width.
const DIMENSIONS: usize = 384;
const WARM_UP: usize = 20;
const ITERATIONS: usize = 300;

fn report(label: &str, h: &Histogram<u64>) {
    println!(
        "{label:<48} p50 {:>8.2} ms   p99 {:>8.2} ms   max {:>8.2} ms   (n={})",
        h.value_at_quantile(0.5) as f64 / 1000.0,
        h.value_at_quantile(0.99) as f64 / 1000.0,
        h.max() as f64 / 1000.0,
        h.len()
    );
}

/// The account's data: conversations spread evenly over the last 30 days, every one with
/// a turn, flags and leads on a share of them, the rollups their events would have written,
/// and audit entries.
async fn seed(app: &TestApp) -> anyhow::Result<()> {
    let store = app.state.store.as_ref();
    let account = AccountId::parse(ACCOUNT)?;
    let agents = [AgentId::parse("sales")?, AgentId::parse("support")?];
    let start = now() - chrono::Duration::days(DAYS);
    let step = chrono::Duration::seconds(DAYS * 86_400 / CONVERSATIONS as i64);
    for i in 0..CONVERSATIONS {
        let at = start + step * i32::try_from(i)?;
        let agent = &agents[i % 2];
        let session = Session::new(account.clone(), agent.clone(), VisitorId::generate(), at);
        store.create_session(&session).await?;
        store
            .append_message(
                &account,
                &session.id,
                &Message::new(Role::User, "Do you fit heat pumps in Leeds?", at),
            )
            .await?;
        store
            .append_message(
                &account,
                &session.id,
                &Message::new(Role::Assistant, "Yes, we fit air-source heat pumps.", at),
            )
            .await?;
        if i % 7 == 0 {
            store
                .mark_session(&account, &session.id, SessionMark::NoSources)
                .await?;
        }
        if i % 31 == 0 {
            store
                .mark_session(&account, &session.id, SessionMark::NotHelpful(1))
                .await?;
        }
        if i % 53 == 0 {
            store
                .mark_session(&account, &session.id, SessionMark::Extractive)
                .await?;
        }
        if i % 10 == 0 {
            let mut profile = VisitorProfile::new(at);
            profile.name = Some(format!("Lead {i}"));
            profile.email = Some(EmailAddress::parse(&format!("lead{i}@example.com"))?);
            store.put_profile(&account, &profile).await?;
            store
                .link_session(&account, &profile.id, &session.id)
                .await?;
        }
        let delta = RollupDelta::new()
            .add(counter::CONVERSATIONS, 1)
            .add(counter::TURNS, 1)
            .add(counter::VISITORS, 1)
            .add(counter::MODE_MODEL, 1)
            .add(ttft_counter(ttft_bucket(200 + (i as u64 % 40) * 50)), 1)
            .add(counter::PROMPT_TOKENS, 900)
            .add(counter::COMPLETION_TOKENS, 120)
            .add(counter::COST_MICRO_USD, 150);
        store
            .add_to_rollup(&account, agent, at.date_naive(), &delta)
            .await?;
    }
    for i in 0..AUDIT_ENTRIES {
        let entry = AuditEntry {
            id: format!("01BENCH{i:019}"),
            at: start + chrono::Duration::minutes(i as i64 * 14),
            operator: OWNER.to_owned(),
            action: "conversations.list".to_owned(),
            target: None,
        };
        store
            .append_audit(&account, &entry, now() + chrono::Duration::days(365))
            .await?;
    }
    for i in 0..GAP_GROUPS {
        let at = start + chrono::Duration::minutes(i as i64 * 86);
        let mut centroid = vec![0.0f32; 384];
        centroid[i % 384] = 1.0;
        let group = GapGroup {
            id: format!("01BENCHGAP{i:016}"),
            agent: agents[i % 2].clone(),
            status: GapStatus::Open,
            count: 3,
            reasons: GapReasons::default(),
            first_seen: at,
            last_seen: at,
            examples: (0..5)
                .map(|n| GapExample {
                    question: format!("Do you service boilers in village {i}-{n}?"),
                    session: format!("bench-session-{i}-{n}"),
                    at,
                })
                .collect(),
            centroid,
        };
        store.put_gap_group(&account, &group).await?;
    }
    for i in 0..ERROR_EVENTS {
        let event = ErrorEvent {
            at: start + chrono::Duration::minutes(i as i64 * 400),
            function: Function::Chat,
            route: "/api/{account}/{agent}/sessions/{session}".to_owned(),
            status: 404,
            code: "session_not_found".to_owned(),
            request_id: format!("01BENCHERR{i:016}"),
        };
        store.record_error_event(Some(&account), &event).await?;
    }
    Ok(())
}

/// The index's pages: URLs over a few sections (so URL order is not insertion order), six
/// chunks of about 700 characters each, unit vectors.
async fn seed_index(index: &EmbeddedIndex) -> anyhow::Result<()> {
    let account = AccountId::parse(ACCOUNT)?;
    let sections = ["heat-pumps", "boilers", "guides", "areas", "news"];
    let paragraph = "Our engineers survey the house, size the heat pump to the heat loss of \
                     each room and fit it in two to three days. ";
    for page in 0..INDEXED_PAGES {
        let url = format!(
            "https://northwind-heating.example/{}/page-{:05}",
            sections[(page * 7) % sections.len()],
            (page * 7_919) % 100_000
        );
        let title = format!("Northwind Heating: page {page}");
        let url_id = format!("{page:016x}");
        let chunks = (0..CHUNKS_PER_PAGE)
            .map(|n| {
                let mut vector = vec![0.0f32; DIMENSIONS];
                vector[(page * CHUNKS_PER_PAGE + n) % DIMENSIONS] = 0.8;
                vector[(page + 7 * n) % DIMENSIONS] += 0.6;
                let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
                vector.iter_mut().for_each(|x| *x /= norm);
                IndexedChunk {
                    record: ChunkRecord {
                        id: format!("{url_id}#{n}"),
                        url: url.clone(),
                        title: title.clone(),
                        heading_path: vec![title.clone(), format!("Part {n}")],
                        text: format!("{} (page {page}, part {n})", paragraph.repeat(5)),
                        page_hash: format!("hash-{page}"),
                        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1 + (page % 28) as u32),
                    },
                    vector,
                }
            })
            .collect::<Vec<_>>();
        index.upsert(&account, &chunks).await?;
    }
    Ok(())
}

async fn measure_get(app: &TestApp, token: &str, path: &str) -> anyhow::Result<Histogram<u64>> {
    let client = app.client();
    let url = app.url(path);
    let mut h = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    for i in 0..WARM_UP + ITERATIONS {
        let begun = Instant::now();
        let response = client
            .get(&url)
            .header("cookie", format!("{COOKIE}={token}"))
            .send()
            .await?;
        let status = response.status();
        let body = response.bytes().await?;
        ensure!(status == 200, "{path} answered {status}: {body:?}");
        if i >= WARM_UP {
            h.saturating_record(u64::try_from(begun.elapsed().as_micros())?.max(1));
        }
    }
    Ok(h)
}

/// The cursor of the page `pages` pages into a listing (`conversations`, ...).
async fn cursor_after(
    app: &TestApp,
    token: &str,
    listing: &str,
    pages: usize,
) -> anyhow::Result<String> {
    let mut cursor = None;
    for _ in 0..pages {
        let path = match &cursor {
            Some(c) => format!("/api/console/{ACCOUNT}/{listing}?cursor={c}"),
            None => format!("/api/console/{ACCOUNT}/{listing}"),
        };
        let body: Value = app
            .client()
            .get(app.url(&path))
            .header("cookie", format!("{COOKIE}={token}"))
            .send()
            .await?
            .json()
            .await?;
        cursor = body["next_cursor"].as_str().map(str::to_owned);
    }
    cursor.with_context(|| format!("{listing}: {pages} pages"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // The knowledge pages listing reads the vector index; the embedder is only loaded (the
    // retrieval test box, not measured here, is what would use it).
    let index_dir = tempfile::tempdir()?;
    let index = Arc::new(EmbeddedIndex::open(&index_dir.path().join("vectors.db"))?);
    let model_dir = std::env::var_os("SALIENT_BENCH_MODEL_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/models/all-MiniLM-L6-v2"),
        PathBuf::from,
    );
    let embedder = Arc::new(LocalEmbedder::new(&model_dir)?);
    let app = spawn_app_with(AppOptions {
        backend: Backend::Embedded,
        outbox: true,
        with_llm: false,
        overrides: vec![setting("knowledge.rag.enabled", "true")],
        retriever: Some(Retriever::new(embedder, index.clone())),
        ..AppOptions::default()
    })
    .await?;
    let seeding = Instant::now();
    seed(&app).await?;
    seed_index(&index).await?;
    println!(
        "seeded {CONVERSATIONS} conversations over {DAYS} days, {AUDIT_ENTRIES} audit entries, {GAP_GROUPS} gap groups, {ERROR_EVENTS} error events and {INDEXED_PAGES} indexed pages of {CHUNKS_PER_PAGE} chunks in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    let token = sign_in(&app, OWNER).await?.token;

    let deep = cursor_after(&app, &token, "conversations", 10).await?;
    let pages_deep = cursor_after(&app, &token, "knowledge/pages", 40).await?;
    // The listing measured below is the whole index's, page after page.
    let listed: Value = app
        .client()
        .get(app.url(&format!(
            "/api/console/{ACCOUNT}/knowledge/pages?limit=100&cursor={pages_deep}"
        )))
        .header("cookie", format!("{COOKIE}={token}"))
        .send()
        .await?
        .json()
        .await?;
    let rows = listed["pages"].as_array().context("pages")?;
    ensure!(
        rows.len() == 100 && rows.iter().all(|p| p["chunks"] == CHUNKS_PER_PAGE),
        "page 41 of the index: {listed}"
    );
    let week_ago = (now() - chrono::Duration::days(14)).format("%Y-%m-%dT%H:%M:%SZ");
    let week_end = (now() - chrono::Duration::days(7)).format("%Y-%m-%dT%H:%M:%SZ");
    let lists = [
        (
            "conversations",
            format!("/api/console/{ACCOUNT}/conversations"),
        ),
        (
            "conversations ?agent=sales",
            format!("/api/console/{ACCOUNT}/conversations?agent=sales"),
        ),
        (
            "conversations ?from=&to= (one week)",
            format!("/api/console/{ACCOUNT}/conversations?from={week_ago}&to={week_end}"),
        ),
        (
            "conversations, page 11 (cursor)",
            format!("/api/console/{ACCOUNT}/conversations?cursor={deep}"),
        ),
        (
            "conversations ?flag=not_helpful (3%)",
            format!("/api/console/{ACCOUNT}/conversations?flag=not_helpful"),
        ),
        (
            "conversations ?flag=no_sources (14%)",
            format!("/api/console/{ACCOUNT}/conversations?flag=no_sources"),
        ),
        (
            "conversations ?flag=extractive (2%)",
            format!("/api/console/{ACCOUNT}/conversations?flag=extractive"),
        ),
        (
            "conversations ?flag=has_lead (10%)",
            format!("/api/console/{ACCOUNT}/conversations?flag=has_lead"),
        ),
        (
            "conversations ?flag=person_asked (none)",
            format!("/api/console/{ACCOUNT}/conversations?flag=person_asked"),
        ),
        (
            "conversations ?agent=support&flag=not_helpful",
            format!("/api/console/{ACCOUNT}/conversations?agent=support&flag=not_helpful"),
        ),
        ("leads", format!("/api/console/{ACCOUNT}/leads")),
        ("audit", format!("/api/console/{ACCOUNT}/audit")),
        ("gaps (open)", format!("/api/console/{ACCOUNT}/gaps")),
        (
            "gaps ?agent=sales",
            format!("/api/console/{ACCOUNT}/gaps?agent=sales"),
        ),
        ("errors (100)", format!("/api/console/{ACCOUNT}/errors")),
        (
            "knowledge/pages (2,000 pages, 12,000 chunks)",
            format!("/api/console/{ACCOUNT}/knowledge/pages"),
        ),
        (
            "knowledge/pages, page 41 (cursor)",
            format!("/api/console/{ACCOUNT}/knowledge/pages?cursor={pages_deep}"),
        ),
        (
            "knowledge/pages ?limit=100",
            format!("/api/console/{ACCOUNT}/knowledge/pages?limit=100"),
        ),
        (
            "overview (30 days, route)",
            format!("/api/console/{ACCOUNT}/overview"),
        ),
        (
            "overview ?agent=sales&days=90 (route)",
            format!("/api/console/{ACCOUNT}/overview?agent=sales&days=90"),
        ),
    ];
    println!("\nthrough the router, over loopback HTTP, one request at a time:");
    for (label, path) in &lists {
        let h = measure_get(&app, &token, path).await?;
        report(label, &h);
    }

    // The overview's rollup read alone.
    let account = AccountId::parse(ACCOUNT)?;
    let today = now().date_naive();
    let from = today - chrono::Duration::days(29);
    let mut h = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3)?;
    for i in 0..WARM_UP + ITERATIONS * 3 {
        let begun = Instant::now();
        let days = app
            .state
            .store
            .read_rollups(&account, None, from, today)
            .await?;
        ensure!(days.len() >= 29, "{} days", days.len());
        if i >= WARM_UP {
            h.saturating_record(u64::try_from(begun.elapsed().as_micros())?.max(1));
        }
    }
    println!("\nthe store alone:");
    report("rollup read, account, 30 days", &h);
    tokio::time::sleep(Duration::from_millis(10)).await;
    Ok(())
}
