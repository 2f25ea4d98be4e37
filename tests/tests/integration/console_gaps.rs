//! The console's "Content gaps" and "Knowledge" pages through the real routes, on both
//! storage backends: each reason a question becomes a gap (no source, extractive, not
//! helpful, the model's "not covered" marker, split over the stand-in's SSE chunks and
//! never reaching the visitor), similar questions grouped and different ones not, resolving
//! (owner, viewer, another account) and reopening, "Re-crawl now" accepted then `409` while
//! the run holds the lease, and the indexed pages and retrieval test over the embedded
//! index and the Pinecone stand-in.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, ensure};
use salient_core::LocalEmbedder;
use salient_core::PineconeIndex;
use salient_core::Retriever;
use salient_core::domain::{AccountId, now};
use salient_core::ports::ingest_trigger::{IngestTrigger, TriggerError};
use salient_core::ports::ingestion::PageRecord;
use salient_core::ports::knowledge::{ChunkRecord, EmbedKind, Embedder as _, IndexedChunk};
use salient_tests::app::{AppOptions, Backend, TestApp, setting, spawn_app_with};
use salient_tests::console::{Operator, sign_in};
use salient_tests::pinecone_standin::{self, Metric, PineconeStandin};
use salient_tests::sse::joined_deltas;
use secrecy::SecretString;
use serde_json::{Value, json};

use super::rag;

const NORTHWIND: &str = "northwind-heating";
const OWNER: &str = "owner@northwind-heating.example";
const VIEWER: &str = "viewer@northwind-heating.example";
const HARBOR_OWNER: &str = "owner@harbor-books.example";
const MARKER: &str = "[[not-covered]]";

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    operator: &Operator,
    body: Option<Value>,
) -> anyhow::Result<(u16, Value)> {
    let mut request = app
        .client()
        .request(method, app.url(path))
        .header("cookie", operator.cookie())
        .header("x-csrf-token", &operator.csrf);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await?;
    let status = response.status().as_u16();
    Ok((status, response.json().await.unwrap_or(Value::Null)))
}

async fn get(app: &TestApp, path: &str, operator: &Operator) -> anyhow::Result<(u16, Value)> {
    call(app, reqwest::Method::GET, path, operator, None).await
}

async fn post(
    app: &TestApp,
    path: &str,
    operator: &Operator,
    body: Value,
) -> anyhow::Result<(u16, Value)> {
    call(app, reqwest::Method::POST, path, operator, Some(body)).await
}

/// The account's groups of `status`, once `ready` holds for them (gaps are recorded in a
/// task of their own, after the answer).
async fn groups_when(
    app: &TestApp,
    operator: &Operator,
    status: &str,
    ready: impl Fn(&[Value]) -> bool,
) -> anyhow::Result<Vec<Value>> {
    let path = format!("/api/console/{NORTHWIND}/gaps?status={status}");
    let mut last = Vec::new();
    for _ in 0..100 {
        let (code, body) = get(app, &path, operator).await?;
        ensure!(code == 200, "gaps answered {code}: {body}");
        last = body["groups"].as_array().cloned().unwrap_or_default();
        if ready(&last) {
            return Ok(last);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    anyhow::bail!("the gap groups never got there: {last:#?}")
}

fn with_example<'a>(groups: &'a [Value], question: &str) -> Option<&'a Value> {
    groups.iter().find(|g| {
        g["examples"]
            .as_array()
            .is_some_and(|e| e.iter().any(|x| x["question"] == question))
    })
}

fn reason(group: &Value, name: &str) -> u64 {
    group["reasons"][name].as_u64().unwrap_or(0)
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        each_reason_is_recorded_and_similar_questions_share_a_group,
        a_resolved_group_is_the_owners_to_resolve_and_reopens_on_a_new_question,
        a_recrawl_is_accepted_then_refused_while_the_run_holds_the_lease,
    }
}

async fn each_reason_is_recorded_and_similar_questions_share_a_group(
    backend: Backend,
) -> anyhow::Result<()> {
    let (app, _dir) = rag::app(true, backend).await?;
    let owner = sign_in(&app, OWNER).await?;

    // No source above the bar: answered `no_answer`, recorded as `no_source`.
    let peru = "What is the capital of Peru?";
    let (body, _) = app.turn_in_new_session(NORTHWIND, "sales", peru).await?;
    assert_eq!(body["answer_mode"], "no_answer", "{body}");
    // The same question in other words joins its group; an unrelated one does not.
    let peru_again = "What's the capital city of Peru?";
    app.turn_in_new_session(NORTHWIND, "sales", peru_again)
        .await?;
    let bikes = "Do you repair racing bicycles?";
    app.turn_in_new_session(NORTHWIND, "sales", bikes).await?;
    let groups = groups_when(&app, &owner, "open", |groups| {
        groups
            .iter()
            .map(|g| g["count"].as_u64().unwrap_or(0))
            .sum::<u64>()
            == 3
    })
    .await?;
    let peru_group = with_example(&groups, peru).context("Peru's group")?;
    assert_eq!(peru_group["count"], 2, "{groups:#?}");
    assert_eq!(reason(peru_group, "no_source"), 2);
    assert!(with_example(std::slice::from_ref(peru_group), peru_again).is_some());
    let bike_group = with_example(&groups, bikes).context("the bicycles' group")?;
    assert_ne!(bike_group["id"], peru_group["id"]);
    assert_eq!(peru_group["agent"], "sales");
    assert!(
        peru_group["centroid"].is_null(),
        "the centroid stays in the store"
    );

    // The model says the site does not cover it: the marker, split over SSE chunks, is cut
    // out of the stream, the stored answer and the HTML, and the question is recorded.
    let covered = "Do you install heat pumps in York? [[standin:not-covered]]";
    let session = app.new_session(NORTHWIND, "sales").await?;
    let events = app.streamed_turn(&session, covered).await?;
    let streamed = joined_deltas(&events);
    assert_eq!(
        streamed.trim_end(),
        "The website does not say whether we do that.",
        "{events:?}"
    );
    for event in &events {
        assert!(!event.data.to_string().contains("[[not"), "{event:?}");
        assert!(!event.data.to_string().contains("red]]"), "{event:?}");
    }
    let stored = app.history(&session).await?;
    let answer = stored
        .iter()
        .find(|m| m["role"] == "assistant")
        .context("answer")?;
    assert_eq!(
        answer["content"],
        "The website does not say whether we do that."
    );
    // The buffered route too.
    let (body, _) = app.turn_in_new_session(NORTHWIND, "sales", covered).await?;
    let content = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(
        !content.contains(MARKER) && !content.contains("[[not"),
        "{content}"
    );
    let html = body["assistant_message"]["html"]
        .as_str()
        .unwrap_or_default();
    assert!(!html.contains("[[not"), "{html}");
    // The prompt asked for the marker.
    let standin = app.standin.as_ref().context("stand-in")?;
    let prompt = standin.last_request().context("a request")?["messages"][0]["content"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(prompt.contains(MARKER), "{prompt}");
    let groups = groups_when(&app, &owner, "open", |groups| {
        with_example(groups, covered).is_some_and(|g| reason(g, "model_said_unknown") == 2)
    })
    .await?;
    assert_eq!(
        with_example(&groups, covered).map(|g| g["count"].clone()),
        Some(json!(2))
    );

    // A not-helpful vote records the question the rated answer replied to.
    let survey = "Is the home survey free?";
    let session = app.new_session(NORTHWIND, "sales").await?;
    let turn = app.turn(&session, survey).await?;
    assert_eq!(turn["answer_mode"], "model");
    let message = turn["assistant_message"]["id"].as_str().context("id")?;
    let rated = session
        .client
        .post(app.session_url(&session, &format!("/messages/{message}/feedback")))
        .json(&json!({"rating": "down", "reason": "wrong"}))
        .send()
        .await?;
    assert_eq!(rated.status(), 200);
    let groups = groups_when(&app, &owner, "open", |groups| {
        with_example(groups, survey).is_some()
    })
    .await?;
    let survey_group = with_example(&groups, survey).context("survey group")?;
    assert_eq!(reason(survey_group, "not_helpful"), 1);
    assert_eq!(survey_group["examples"][0]["session"], session.id);
    // A helpful vote records nothing.
    assert_eq!(survey_group["count"], 1);

    // Newest `last_seen` first, and filtered by agent.
    // (As times: a whole second is written without a fraction, so strings would not sort.)
    let seen: Vec<chrono::DateTime<chrono::FixedOffset>> = groups
        .iter()
        .filter_map(|g| g["last_seen"].as_str())
        .map(chrono::DateTime::parse_from_rfc3339)
        .collect::<Result<_, _>>()?;
    assert_eq!(seen.len(), groups.len());
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted);
    let (_, other_agent) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/gaps?agent=support"),
        &owner,
    )
    .await?;
    assert_eq!(other_agent["groups"], json!([]));
    let (code, page) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/gaps?limit=1"),
        &owner,
    )
    .await?;
    assert_eq!(code, 200);
    assert_eq!(page["groups"].as_array().map(Vec::len), Some(1));
    let next = page["next_cursor"].as_str().context("a next page")?;
    let (_, second) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/gaps?limit=1&cursor={next}"),
        &owner,
    )
    .await?;
    assert_ne!(second["groups"][0]["id"], page["groups"][0]["id"]);
    let (code, bad) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/gaps?status=closed"),
        &owner,
    )
    .await?;
    assert_eq!(
        (code, bad["error"]["code"].as_str()),
        (400, Some("invalid_query"))
    );

    // Without a model the answer quotes the site: recorded as `extractive`.
    let (quoting, _dir2) = rag::app(false, backend).await?;
    let owner = sign_in(&quoting, OWNER).await?;
    let (body, _) = quoting
        .turn_in_new_session(NORTHWIND, "sales", survey)
        .await?;
    assert_eq!(body["answer_mode"], "extractive");
    let groups = groups_when(&quoting, &owner, "open", |groups| {
        with_example(groups, survey).is_some()
    })
    .await?;
    assert_eq!(
        reason(
            with_example(&groups, survey).context("group")?,
            "extractive"
        ),
        1
    );
    Ok(())
}

async fn a_resolved_group_is_the_owners_to_resolve_and_reopens_on_a_new_question(
    backend: Backend,
) -> anyhow::Result<()> {
    let (app, _dir) = rag::app(true, backend).await?;
    let owner = sign_in(&app, OWNER).await?;
    let viewer = sign_in(&app, VIEWER).await?;
    let harbor = sign_in(&app, HARBOR_OWNER).await?;
    let peru = "What is the capital of Peru?";
    app.turn_in_new_session(NORTHWIND, "sales", peru).await?;
    let groups = groups_when(&app, &owner, "open", |g| with_example(g, peru).is_some()).await?;
    let id = with_example(&groups, peru).context("group")?["id"]
        .as_str()
        .context("id")?
        .to_owned();
    let path = format!("/api/console/{NORTHWIND}/gaps/{id}/resolve");

    let (code, body) = post(&app, &path, &viewer, json!({})).await?;
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (403, Some("forbidden_role"))
    );
    let (code, body) = post(&app, &path, &harbor, json!({})).await?;
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (404, Some("account_not_found"))
    );
    let unknown = format!("/api/console/{NORTHWIND}/gaps/01JD0000000000000000000000/resolve");
    let (code, body) = post(&app, &unknown, &owner, json!({})).await?;
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (404, Some("gap_not_found"))
    );
    // Without the CSRF token: refused.
    let response = app
        .client()
        .post(app.url(&path))
        .header("cookie", owner.cookie())
        .send()
        .await?;
    assert_eq!(response.status(), 403);

    let (code, body) = post(&app, &path, &owner, json!({})).await?;
    assert_eq!(code, 200, "{body}");
    assert_eq!(body["group"]["status"], "resolved");
    assert_eq!(body["group"]["id"], id.as_str());
    let (_, open) = get(&app, &format!("/api/console/{NORTHWIND}/gaps"), &owner).await?;
    assert!(with_example(open["groups"].as_array().context("groups")?, peru).is_none());
    let resolved = groups_when(&app, &owner, "resolved", |g| {
        with_example(g, peru).is_some()
    })
    .await?;
    assert_eq!(
        with_example(&resolved, peru).context("resolved")?["id"],
        id.as_str()
    );
    let (_, audit) = get(&app, &format!("/api/console/{NORTHWIND}/audit"), &owner).await?;
    let actions: Vec<&str> = audit["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert!(
        actions.contains(&"gap.resolve") && actions.contains(&"gaps.list"),
        "{actions:?}"
    );

    // The same question again: the group opens again, with both questions.
    app.turn_in_new_session(NORTHWIND, "sales", peru).await?;
    let groups = groups_when(&app, &owner, "open", |g| {
        with_example(g, peru).is_some_and(|g| g["count"] == 2)
    })
    .await?;
    assert_eq!(
        with_example(&groups, peru).context("reopened")?["id"],
        id.as_str()
    );
    Ok(())
}

/// A trigger that records what it was asked and leaves the run "going" (the lease held).
#[derive(Debug, Default)]
struct HeldTrigger {
    started: Mutex<Vec<(String, String)>>,
}

#[async_trait::async_trait]
impl IngestTrigger for HeldTrigger {
    async fn start(&self, account: &AccountId, holder: &str) -> Result<(), TriggerError> {
        self.started
            .lock()
            .map_err(|_| TriggerError(anyhow::anyhow!("poisoned")))?
            .push((account.to_string(), holder.to_owned()));
        Ok(())
    }
}

async fn a_recrawl_is_accepted_then_refused_while_the_run_holds_the_lease(
    backend: Backend,
) -> anyhow::Result<()> {
    let mut app = spawn_app_with(AppOptions {
        backend,
        outbox: true,
        ..AppOptions::default()
    })
    .await?;
    let owner = sign_in(&app, OWNER).await?;
    let viewer = sign_in(&app, VIEWER).await?;
    let path = format!("/api/console/{NORTHWIND}/knowledge/recrawl");
    // No trigger on this host: said so.
    let (code, body) = post(&app, &path, &owner, json!({})).await?;
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (503, Some("recrawl_unavailable"))
    );
    let (_, view) = get(&app, &format!("/api/console/{NORTHWIND}/knowledge"), &owner).await?;
    assert_eq!(view["recrawl"]["available"], false);

    let trigger = Arc::new(HeldTrigger::default());
    let given = Arc::clone(&trigger);
    app.map_state(|state| state.with_ingest_trigger(given))
        .await?;
    let (code, body) = post(&app, &path, &viewer, json!({})).await?;
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (403, Some("forbidden_role"))
    );
    let (code, body) = post(&app, &path, &owner, json!({})).await?;
    assert_eq!(code, 202, "{body}");
    assert_eq!(body["status"], "started");
    let (code, body) = post(&app, &path, &owner, json!({})).await?;
    assert_eq!(
        (code, body["error"]["code"].as_str()),
        (409, Some("ingest_running"))
    );
    let started = trigger
        .started
        .lock()
        .map(|s| s.clone())
        .unwrap_or_default();
    assert_eq!(started.len(), 1, "{started:?}");
    assert_eq!(started[0].0, NORTHWIND);

    let (code, view) = get(&app, &format!("/api/console/{NORTHWIND}/knowledge"), &owner).await?;
    assert_eq!(code, 200, "{view}");
    assert_eq!(view["recrawl"]["available"], true);
    assert_eq!(view["runs"][0]["status"], "running", "{view}");
    let sources = view["sources"].as_array().context("sources")?;
    assert!(
        sources
            .iter()
            .all(|s| s["agent"].is_string() && s["location"].is_string())
    );

    // The run ends and gives the lease back: a new start is accepted.
    salient_core::recrawl::finish(
        app.state.store.as_ref(),
        &AccountId::parse(NORTHWIND)?,
        &started[0].1,
    )
    .await;
    let (_, view) = get(&app, &format!("/api/console/{NORTHWIND}/knowledge"), &owner).await?;
    assert!(
        view["runs"]
            .as_array()
            .is_none_or(|r| r.iter().all(|r| r["status"] != "running")),
        "{view}"
    );
    let (code, _) = post(&app, &path, &owner, json!({})).await?;
    assert_eq!(code, 202);
    Ok(())
}

/// Pages (two chunks, one chunk) indexed for northwind in `index` by the local model, with
/// their ingestion records.
async fn index_pages(
    app: &TestApp,
    index: &dyn salient_core::ports::knowledge::VectorIndex,
    embedder: &LocalEmbedder,
) -> anyhow::Result<()> {
    let account = AccountId::parse(NORTHWIND)?;
    let pages = [
        (
            "aaaaaaaaaaaaaaaa",
            "https://northwind-heating.example/heat-pumps",
            "Air-source heat pumps",
            vec![
                "The Aero 7 air-source heat pump costs £7,495 installed.",
                "The Aero 11 costs £9,950 installed.",
            ],
        ),
        (
            "bbbbbbbbbbbbbbbb",
            "https://northwind-heating.example/survey",
            "Free home survey",
            vec!["Our home survey is free and takes about 90 minutes."],
        ),
    ];
    for (url_id, url, title, texts) in pages {
        let owned: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        let vectors = embedder.embed(&owned, EmbedKind::Passage).await?;
        let chunks: Vec<IndexedChunk> = owned
            .iter()
            .zip(vectors)
            .enumerate()
            .map(|(i, (text, vector))| IndexedChunk {
                record: ChunkRecord {
                    id: format!("{url_id}#{i}"),
                    url: url.to_owned(),
                    title: title.to_owned(),
                    heading_path: vec![title.to_owned(), "Prices".to_owned()],
                    text: text.clone(),
                    page_hash: "h".to_owned(),
                    date: None,
                },
                vector,
            })
            .collect();
        index.upsert(&account, &chunks).await?;
        app.state
            .store
            .put_page(
                &account,
                &PageRecord {
                    url: url.to_owned(),
                    title: title.to_owned(),
                    content_hash: "h".to_owned(),
                    chunk_ids: chunks.iter().map(|c| c.record.id.clone()).collect(),
                    last_seen: now(),
                    updated_at: now(),
                },
            )
            .await?;
    }
    Ok(())
}

async fn pages_and_search(app: &TestApp, signals_apart: bool) -> anyhow::Result<()> {
    let owner = sign_in(app, OWNER).await?;
    let viewer = sign_in(app, VIEWER).await?;
    let base = format!("/api/console/{NORTHWIND}/knowledge/pages");
    let (code, first) = get(app, &format!("{base}?limit=1"), &owner).await?;
    assert_eq!(code, 200, "{first}");
    assert_eq!(
        first["pages"][0]["url"], "https://northwind-heating.example/heat-pumps",
        "{first}"
    );
    assert_eq!(first["pages"][0]["title"], "Air-source heat pumps");
    assert_eq!(first["pages"][0]["chunks"], 2);
    let next = first["next_cursor"].as_str().context("a second page")?;
    let (_, second) = get(app, &format!("{base}?limit=1&cursor={next}"), &owner).await?;
    assert_eq!(
        second["pages"][0]["url"], "https://northwind-heating.example/survey",
        "{second}"
    );
    assert_eq!(second["pages"][0]["chunks"], 1);
    if let Some(next) = second["next_cursor"].as_str() {
        let (_, third) = get(app, &format!("{base}?limit=1&cursor={next}"), &owner).await?;
        assert_eq!(third["pages"], json!([]), "{third}");
    }
    let (_, all) = get(app, &base, &owner).await?;
    assert_eq!(all["pages"].as_array().map(Vec::len), Some(2), "{all}");
    assert_eq!(all["next_cursor"], Value::Null);

    let search = format!("/api/console/{NORTHWIND}/knowledge/search");
    let (code, found) = post(
        app,
        &search,
        &viewer,
        json!({"question": "How much is the Aero 7?"}),
    )
    .await?;
    assert_eq!(code, 200, "{found}");
    let results = found["results"].as_array().context("results")?;
    assert_eq!(results[0]["rank"], 1);
    assert_eq!(
        results[0]["url"],
        "https://northwind-heating.example/heat-pumps"
    );
    assert!(
        results[0]["text"]
            .as_str()
            .unwrap_or_default()
            .contains("Aero 7")
    );
    assert_eq!(results[0]["heading"], "Air-source heat pumps › Prices");
    let scores: Vec<f64> = results.iter().filter_map(|r| r["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // The embedded index keeps the two signals apart; Pinecone gives the fused score only.
    assert_eq!(results[0]["dense"].is_number(), signals_apart, "{found}");
    assert_eq!(results[0]["lexical"].is_number(), signals_apart, "{found}");
    // At most `max_chunks_per_page` (2) from one page, as `salient eval` ranks.
    assert!(results.len() <= 3, "{found}");
    let (code, bad) = post(app, &search, &owner, json!({"question": "  "})).await?;
    assert_eq!(
        (code, bad["error"]["code"].as_str()),
        (422, Some("invalid_request"))
    );
    let (code, bad) = post(
        app,
        &search,
        &owner,
        json!({"question": "x", "agent": "nobody"}),
    )
    .await?;
    assert_eq!(
        (code, bad["error"]["code"].as_str()),
        (404, Some("agent_not_found"))
    );
    Ok(())
}

#[tokio::test]
async fn indexed_pages_and_the_retrieval_test_read_the_embedded_index() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let embedder = Arc::new(LocalEmbedder::new(&rag::model_dir())?);
    let index = Arc::new(salient_core::EmbeddedIndex::open(&dir.path().join("v.db"))?);
    let app = spawn_app_with(AppOptions {
        outbox: true,
        overrides: vec![setting("knowledge.rag.enabled", "true")],
        retriever: Some(Retriever::new(embedder.clone(), index.clone())),
        ..AppOptions::default()
    })
    .await?;
    index_pages(&app, index.as_ref(), &embedder).await?;
    pages_and_search(&app, true).await
}

#[tokio::test]
async fn indexed_pages_and_the_retrieval_test_read_pinecone() -> anyhow::Result<()> {
    let embedder = Arc::new(LocalEmbedder::new(&rag::model_dir())?);
    let standin = PineconeStandin::spawn(embedder.dimensions(), Metric::Dotproduct).await?;
    let index = Arc::new(PineconeIndex::new(
        &standin.host(),
        SecretString::from(pinecone_standin::API_KEY),
        true,
        Duration::from_secs(5),
    )?);
    let app = spawn_app_with(AppOptions {
        outbox: true,
        overrides: vec![setting("knowledge.rag.enabled", "true")],
        retriever: Some(Retriever::new(embedder.clone(), index.clone())),
        ..AppOptions::default()
    })
    .await?;
    index_pages(&app, index.as_ref(), &embedder).await?;
    pages_and_search(&app, false).await?;
    // Read through Pinecone's list, with its pagination token in the cursor.
    let lists = standin
        .seen()
        .iter()
        .filter(|r| r.route == "GET /vectors/list" && r.status == 200)
        .count();
    assert!(lists >= 2, "{lists}");
    Ok(())
}

#[tokio::test]
async fn a_follow_up_becomes_a_gap_with_the_question_it_follows() -> anyhow::Result<()> {
    let (app, _dir) = rag::app(true, Backend::Embedded).await?;
    let owner = sign_in(&app, OWNER).await?;
    let session = app.new_session(NORTHWIND, "sales").await?;
    app.turn(&session, "What is the capital of Peru?").await?;
    let body = app.turn(&session, "And of Chile?").await?;
    assert_eq!(body["answer_mode"], "no_answer", "{body}");
    // "And of Chile?" alone would tell the business nothing.
    let in_context = "What is the capital of Peru? And of Chile?";
    let groups = groups_when(&app, &owner, "open", |groups| {
        with_example(groups, in_context).is_some()
    })
    .await?;
    assert!(
        with_example(&groups, "And of Chile?").is_none(),
        "{groups:#?}"
    );
    Ok(())
}
