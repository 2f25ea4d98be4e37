//! Crash safety: a server killed with SIGKILL in the middle of a streamed answer. The server
//! is a child process (this test binary again, serving the app on an embedded store file or
//! a DynamoDB Local table); the parent streams a slow answer from it, kills it, opens the
//! same storage in a new server, and checks what survived.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use salient_core::domain::LlmOutcome;
use salient_tests::app::{AppOptions, TestSession, setting, spawn_app_with};
use salient_tests::child::spawn_child;
use salient_tests::conformance::{EmbeddedFile, StoreFactory};
use salient_tests::dynamodb_local::FreshTable;
use salient_tests::llm_standin::LlmStandin;
use salient_tests::sse::SseReader;
use serde_json::json;

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";
/// The storage both servers use, as the child finds it in `SALIENT_TEST_CRASH_STORE`:
/// `embedded:<file>` or `dynamodb:<endpoint>|<table>`.
fn stores_named(name: &str) -> anyhow::Result<Arc<dyn StoreFactory>> {
    Ok(match name.split_once(':') {
        Some(("embedded", path)) => Arc::new(EmbeddedFile::at(Path::new(path))),
        Some(("dynamodb", place)) => {
            let (endpoint, table) = place.split_once('|').context("endpoint|table")?;
            Arc::new(FreshTable::existing(endpoint, table))
        }
        _ => anyhow::bail!("unknown store {name}"),
    })
}

/// In the child: serve the app on the storage named by `store`, with the model at
/// `SALIENT_TEST_CRASH_LLM`, write the port to `SALIENT_TEST_CRASH_PORT`, and serve until
/// killed.
async fn serve_until_killed(store: &str) -> anyhow::Result<()> {
    let llm = std::env::var("SALIENT_TEST_CRASH_LLM")?;
    let port_file = std::env::var("SALIENT_TEST_CRASH_PORT")?;
    let app = spawn_app_with(AppOptions {
        stores: Some(stores_named(store)?),
        with_llm: false,
        overrides: vec![
            setting("llm.base_url", &llm),
            setting("llm.api_key", "sk-or-v1-test-key"),
        ],
        ..AppOptions::default()
    })
    .await?;
    std::fs::write(&port_file, app.addr.port().to_string())?;
    std::future::pending::<()>().await;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_keeps_the_streamed_answer_up_to_its_last_checkpoint_embedded()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let store = format!("embedded:{}", dir.path().join("salient.db").display());
    killed_server(
        &store,
        "a_killed_server_keeps_the_streamed_answer_up_to_its_last_checkpoint_embedded",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_server_keeps_the_streamed_answer_up_to_its_last_checkpoint_dynamodb()
-> anyhow::Result<()> {
    let store = match std::env::var("SALIENT_TEST_CRASH_STORE") {
        Ok(store) => store,
        Err(_) => {
            let table = FreshTable::create().await?;
            format!("dynamodb:{}|{}", table.endpoint(), table.table())
        }
    };
    killed_server(
        &store,
        "a_killed_server_keeps_the_streamed_answer_up_to_its_last_checkpoint_dynamodb",
    )
    .await
}

/// The parent's part (in the child, the server's): `test` is the test's own name, which
/// the child runs.
async fn killed_server(store: &str, test: &str) -> anyhow::Result<()> {
    if let Ok(store) = std::env::var("SALIENT_TEST_CRASH_STORE") {
        return serve_until_killed(&store).await;
    }
    let dir = tempfile::tempdir()?;
    let port_file = dir.path().join("port");
    // The model answers in two-word pieces, 100 ms apart (the stand-in's `slow` scenario),
    // echoing the question: about four seconds of answer.
    let standin = LlmStandin::spawn().await?;
    let mut child = spawn_child(
        &[
            ("SALIENT_TEST_CRASH_STORE", store),
            ("SALIENT_TEST_CRASH_LLM", &standin.base_url()),
            ("SALIENT_TEST_CRASH_PORT", &port_file.display().to_string()),
        ],
        module_path!(),
        test,
        &dir.path().join("child.log"),
    )?;
    let port = wait_for_port(&port_file, &mut child).await?;
    let base = format!("http://127.0.0.1:{port}/api/{ACCOUNT}/{AGENT}");
    let client = reqwest::Client::builder().cookie_store(true).build()?;
    let created: serde_json::Value = client
        .post(format!("{base}/sessions"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let id = created["session"]["id"]
        .as_str()
        .context("a session id")?
        .to_owned();
    let question = format!("{} [[standin:slow]]", "tell me about heat pumps".repeat(16));
    let response = client
        .post(format!("{base}/sessions/{id}/stream"))
        .json(&json!({"message": question}))
        .send()
        .await?
        .error_for_status()?;

    // Read the stream for 2.5 s, noting when each piece arrived, then kill the server.
    let mut events = SseReader::new(response);
    let mut seen = String::new();
    let mut arrivals: Vec<(Instant, usize)> = Vec::new();
    let reading = Instant::now();
    while reading.elapsed() < Duration::from_millis(2_500) {
        let Some(event) = events.next().await? else {
            anyhow::bail!("the answer ended before the kill: {seen}");
        };
        if event.name == "delta" {
            seen.push_str(event.data["text"].as_str().unwrap_or_default());
            arrivals.push((Instant::now(), seen.len()));
        }
    }
    child.kill()?;
    let killed = Instant::now();
    child.wait()?;

    // A new server on the same storage.
    let app = spawn_app_with(AppOptions {
        stores: Some(stores_named(store)?),
        ..AppOptions::default()
    })
    .await?;
    let session = TestSession {
        client,
        id,
        account: ACCOUNT.to_owned(),
        agent: AGENT.to_owned(),
    };
    let history = app.history(&session).await?;
    assert_eq!(history.len(), 2, "{history:?}");
    let stored = history[1]["content"].as_str().unwrap_or_default();
    assert_eq!(history[1]["status"], "partial");
    assert!(
        seen.starts_with(stored),
        "stored {stored:?} is not what was streamed: {seen:?}"
    );
    // Checkpoints come every second: everything streamed 1.5 s before the kill is stored.
    let due = arrivals
        .iter()
        .rev()
        .find(|(at, _)| killed.duration_since(*at) >= Duration::from_millis(1_500))
        .map_or(0, |(_, len)| *len);
    assert!(
        due > 0,
        "nothing streamed in the first second: {arrivals:?}"
    );
    assert!(
        stored.len() >= due,
        "stored {} bytes, but {due} had streamed 1.5 s before the kill",
        stored.len()
    );
    // The model call stays visible as one that never finished.
    let records = app.llm_requests(&session).await?;
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].outcome, LlmOutcome::Started);

    // The conversation goes on, and the model sees the turns alternate.
    let answer = app.turn(&session, "Are you still there?").await?;
    assert!(
        answer["assistant_message"]["content"]
            .as_str()
            .is_some_and(|text| !text.is_empty()),
        "{answer}"
    );
    let sent = app
        .standin
        .as_ref()
        .and_then(|s| s.last_request())
        .context("the new server called the model")?;
    let roles: Vec<&str> = sent["messages"]
        .as_array()
        .context("messages")?
        .iter()
        .filter_map(|m| m["role"].as_str())
        .collect();
    assert_eq!(roles, ["system", "user", "assistant", "user"], "{sent}");
    drop(standin);
    Ok(())
}

/// The child's port, once it has written it; fails if the child exits first.
async fn wait_for_port(port_file: &Path, child: &mut std::process::Child) -> anyhow::Result<u16> {
    for _ in 0..600 {
        if let Ok(text) = std::fs::read_to_string(port_file)
            && let Ok(port) = text.trim().parse()
        {
            return Ok(port);
        }
        if let Some(status) = child.try_wait()? {
            anyhow::bail!("the server exited before it listened: {status}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("the server did not start within 30 s")
}
