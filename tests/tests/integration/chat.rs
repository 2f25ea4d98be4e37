//! The conversation path end to end: the real routes (as `salient serve` mounts them) and the
//! real LLM client against the OpenRouter stand-in, on both storage backends.

use std::sync::atomic::Ordering;
use std::time::Duration;

use anyhow::Context as _;
use salient_core::domain::LlmOutcome;
use salient_tests::app::{AppOptions, Backend, TestApp, TestSession, setting, spawn_app_with};
use salient_tests::llm_standin::COST_PER_TOKEN;
use salient_tests::sse::{SseReader, joined_deltas};
use serde_json::{Value, json};

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";

async fn app(backend: Backend) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        ..AppOptions::default()
    })
    .await
}

/// Waits until the stored answer leaves its initial empty state (the turn runs on its own task).
async fn settled_history(app: &TestApp, session: &TestSession) -> anyhow::Result<Vec<Value>> {
    for _ in 0..200 {
        let messages = app.history(session).await?;
        let requests = app.llm_requests(session).await?;
        // The call is recorded as `started` at once and replaced when the turn ends.
        if !requests.is_empty() && requests.iter().all(|r| r.outcome != LlmOutcome::Started) {
            return Ok(messages);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    anyhow::bail!("the turn never finished")
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        buffered_turn_answers_and_stores_both_messages,
        streamed_turn_sends_meta_deltas_usage_and_done_in_order,
        usage_and_cost_from_the_last_chunk_are_recorded_per_call,
        error_mid_stream_sends_an_error_event_and_stores_the_partial_answer,
        a_dropped_upstream_connection_stores_the_partial_answer,
        a_visitor_who_disconnects_leaves_a_partial_answer_behind,
        the_session_resumes_with_its_history_after_a_restart,
        another_visitor_or_account_cannot_read_a_session,
    }
}

async fn buffered_turn_answers_and_stores_both_messages(backend: Backend) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let body = app
        .turn(&session, "Do you install heat pumps in Leeds?")
        .await?;
    let answer = body["assistant_message"]["content"]
        .as_str()
        .context("no answer")?;
    assert!(
        answer.starts_with("You said: Do you install heat pumps in Leeds?"),
        "{answer}"
    );
    assert_eq!(body["assistant_message"]["status"], "complete");
    assert!(
        body["assistant_message"]["html"]
            .as_str()
            .unwrap_or("")
            .starts_with("<p>You said")
    );
    assert_eq!(body["citations"], Value::Null);
    assert_eq!(body["assistant_message"]["citations"], json!([]));
    assert!(body["usage"]["completion_tokens"].as_u64().unwrap_or(0) > 0);

    let messages = app.history(&session).await?;
    let roles: Vec<&str> = messages.iter().filter_map(|m| m["role"].as_str()).collect();
    assert_eq!(roles, ["user", "assistant"]);
    assert_eq!(messages[1]["content"].as_str(), Some(answer));

    // The provider got the system prompt, the message, the model and the extra headers.
    let standin = app.standin.as_ref().context("stand-in")?;
    let request = standin.last_request().context("no request")?;
    assert_eq!(request["model"], "openai/gpt-4o-mini");
    assert_eq!(request["messages"][0]["role"], "system");
    assert!(
        request["messages"][0]["content"]
            .as_str()
            .unwrap_or("")
            .contains("Northwind Heating")
    );
    let headers = standin
        .state
        .headers
        .lock()
        .map_err(|_| anyhow::anyhow!("poisoned"))?;
    let last = headers.last().context("no headers")?;
    assert_eq!(
        last.get("x-title").and_then(|v| v.to_str().ok()),
        Some("Salient")
    );
    assert_eq!(
        last.get("http-referer").and_then(|v| v.to_str().ok()),
        Some("https://northwind-heating.example")
    );
    assert_eq!(
        last.get("authorization").and_then(|v| v.to_str().ok()),
        Some("Bearer sk-or-v1-test-key")
    );
    Ok(())
}

async fn streamed_turn_sends_meta_deltas_usage_and_done_in_order(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let response = session
        .client
        .post(app.session_url(&session, "/stream"))
        .json(&json!({"message": "What does a survey cost?"}))
        .send()
        .await?;
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(header("content-type").as_deref(), Some("text/event-stream"));
    assert_eq!(header("cache-control").as_deref(), Some("no-store"));
    assert_eq!(header("x-accel-buffering").as_deref(), Some("no"));
    let events = SseReader::new(response).collect().await?;
    let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"meta"));
    assert_eq!(&names[names.len() - 3..], ["citations", "usage", "done"]);
    assert!(
        names.iter().filter(|n| **n == "delta").count() >= 3,
        "{names:?}"
    );
    let text = joined_deltas(&events);
    assert!(
        text.starts_with("You said: What does a survey cost?"),
        "{text}"
    );
    assert_eq!(events[0].data["session_id"], session.id.as_str());
    let done = events.last().context("no events")?;
    assert_eq!(done.data["status"], "complete");
    assert_eq!(
        done.data["message_id"],
        events[0].data["assistant_message_id"]
    );

    let messages = app.history(&session).await?;
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["id"], events[0].data["user_message_id"]);
    assert_eq!(messages[1]["content"].as_str(), Some(text.as_str()));
    assert_eq!(messages[1]["status"], "complete");
    Ok(())
}

async fn usage_and_cost_from_the_last_chunk_are_recorded_per_call(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app.streamed_turn(&session, "Hello there").await?;
    let usage = events
        .iter()
        .find(|e| e.name == "usage")
        .context("no usage event")?;
    let completion = usage.data["completion_tokens"].as_u64().context("tokens")?;
    let cost = usage.data["cost_usd"].as_f64().context("cost")?;
    assert!((cost - completion as f64 * COST_PER_TOKEN).abs() < 1e-12);

    let records = app.llm_requests(&session).await?;
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record.outcome, LlmOutcome::Ok);
    assert_eq!(record.model, "openai/gpt-4o-mini");
    assert_eq!(u64::from(record.completion_tokens), completion);
    assert_eq!(record.cost_usd, Some(cost));
    assert!(record.prompt_tokens > 0);
    assert_eq!(
        record.message.as_ref().map(|m| m.as_str()),
        events[0].data["assistant_message_id"].as_str()
    );
    Ok(())
}

async fn error_mid_stream_sends_an_error_event_and_stores_the_partial_answer(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app
        .streamed_turn(&session, "Tell me more [[standin:error-mid-stream]]")
        .await?;
    let last = events.last().context("no events")?;
    assert_eq!(last.name, "error");
    assert_eq!(last.data["code"], "upstream_error");
    let partial = joined_deltas(&events);
    assert!(!partial.is_empty());

    let messages = app.history(&session).await?;
    assert_eq!(messages[1]["status"], "partial");
    assert_eq!(messages[1]["content"].as_str(), Some(partial.as_str()));
    let records = app.llm_requests(&session).await?;
    assert_eq!(records[0].outcome, LlmOutcome::Interrupted);
    // Errors after tokens were sent are never retried.
    assert_eq!(app.standin.as_ref().map(|s| s.request_count()), Some(1));

    // The session stays usable.
    let events = app.streamed_turn(&session, "Still there?").await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    Ok(())
}

async fn a_dropped_upstream_connection_stores_the_partial_answer(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app.streamed_turn(&session, "Hi [[standin:drop]]").await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("error"));
    let messages = app.history(&session).await?;
    assert_eq!(messages[1]["status"], "partial");
    assert_eq!(
        messages[1]["content"].as_str(),
        Some(joined_deltas(&events).as_str())
    );
    Ok(())
}

async fn a_visitor_who_disconnects_leaves_a_partial_answer_behind(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let mut reader = app.stream(&session, "Go slowly [[standin:slow]]").await?;
    let mut seen = String::new();
    while let Some(event) = reader.next().await? {
        if event.name == "delta" {
            seen.push_str(event.data["text"].as_str().unwrap_or(""));
            break;
        }
    }
    drop(reader); // the visitor closes the tab mid-answer
    let messages = settled_history(&app, &session).await?;
    assert_eq!(messages[1]["status"], "partial");
    let stored = messages[1]["content"].as_str().unwrap_or("");
    assert!(
        stored.starts_with(&seen) && !stored.is_empty(),
        "{stored:?} vs {seen:?}"
    );
    let records = app.llm_requests(&session).await?;
    assert_eq!(records[0].outcome, LlmOutcome::Cancelled);
    Ok(())
}

async fn the_session_resumes_with_its_history_after_a_restart(
    backend: Backend,
) -> anyhow::Result<()> {
    let mut app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.streamed_turn(&session, "Remember me").await?;
    app.restart().await?;
    let messages = app.history(&session).await?;
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0]["content"], "Remember me");
    // The next turn sends the earlier exchange to the model.
    app.streamed_turn(&session, "And now?").await?;
    let request = app
        .standin
        .as_ref()
        .and_then(|s| s.last_request())
        .context("no request")?;
    let contents: Vec<&str> = request["messages"]
        .as_array()
        .context("messages")?
        .iter()
        .filter_map(|m| m["content"].as_str())
        .collect();
    assert_eq!(contents.len(), 4, "{contents:?}");
    assert_eq!(contents[1], "Remember me");
    assert!(contents[2].starts_with("You said: Remember me"));
    assert_eq!(contents[3], "And now?");
    let listed: Value = session
        .client
        .get(app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(listed["sessions"][0]["id"], session.id.as_str());
    assert_eq!(listed["sessions"][0]["message_count"], 4);
    Ok(())
}

async fn another_visitor_or_account_cannot_read_a_session(backend: Backend) -> anyhow::Result<()> {
    let app = app(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.streamed_turn(&session, "private").await?;
    // Another browser (no cookie, or its own visitor id).
    let stranger = app.browser();
    for url in [
        app.session_url(&session, "/messages"),
        app.session_url(&session, ""),
    ] {
        let response = stranger.get(&url).send().await?;
        assert_eq!(response.status(), 404);
        let body: Value = response.json().await?;
        assert_eq!(body["error"]["code"], "session_not_found");
    }
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let response = stranger
        .client
        .post(app.session_url(&session, "/stream"))
        .json(&json!({"message": "let me in"}))
        .send()
        .await?;
    assert_eq!(response.status(), 404);
    // The same visitor through another account's path, or another agent's.
    for path in [
        format!("/api/harbor-books/info/sessions/{session}/messages"),
        format!("/api/{ACCOUNT}/support/sessions/{session}/messages"),
    ] {
        let response = session.client.get(app.url(&path)).send().await?;
        assert_eq!(response.status(), 404, "{path}");
        let body: Value = response.json().await?;
        assert_eq!(body["error"]["code"], "session_not_found");
    }
    assert_eq!(app.history(&session).await?.len(), 2);
    Ok(())
}

#[tokio::test]
async fn the_first_delta_reaches_the_client_before_the_upstream_has_finished() -> anyhow::Result<()>
{
    let app = app(Backend::Embedded).await?;
    let standin = app.standin.clone().context("stand-in")?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let mut reader = app.stream(&session, "Wait for it [[standin:gate]]").await?;
    let first_delta = loop {
        let event = reader
            .next()
            .await?
            .context("stream ended before a delta")?;
        if event.name == "delta" {
            break event;
        }
    };
    // The stand-in is parked at its gate: it has not written its answer's end yet.
    assert_eq!(standin.state.finished.load(Ordering::SeqCst), 0);
    assert!(
        first_delta.data["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    standin.state.gate.notify_one();
    let rest = reader.collect().await?;
    assert_eq!(rest.last().map(|e| e.name.as_str()), Some("done"));
    assert_eq!(standin.state.finished.load(Ordering::SeqCst), 1);
    Ok(())
}

#[tokio::test]
async fn a_429_before_the_first_token_is_retried_with_backoff() -> anyhow::Result<()> {
    let app = app(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app
        .streamed_turn(&session, "busy [[standin:429-once]]")
        .await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    assert_eq!(app.standin.as_ref().map(|s| s.request_count()), Some(2));

    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app
        .streamed_turn(&session, "down [[standin:500-once]]")
        .await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    Ok(())
}

#[tokio::test]
async fn a_provider_that_keeps_rate_limiting_gives_a_clear_error_and_keeps_the_message()
-> anyhow::Result<()> {
    let app = app(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app.streamed_turn(&session, "again [[standin:429]]").await?;
    let last = events.last().context("no events")?;
    assert_eq!(last.name, "error");
    assert_eq!(last.data["code"], "upstream_rate_limited");
    // One try plus `llm.max_retries` (2) retries.
    assert_eq!(app.standin.as_ref().map(|s| s.request_count()), Some(3));
    let messages = app.history(&session).await?;
    assert_eq!(messages[0]["content"], "again [[standin:429]]");
    assert_eq!(messages[1]["status"], "failed");

    // Buffered: the same failure is a JSON error with the same code.
    let response = session
        .client
        .post(app.session_url(&session, "/turns"))
        .json(&json!({"message": "again [[standin:429]]"}))
        .send()
        .await?;
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], "upstream_rate_limited");
    Ok(())
}

#[tokio::test]
async fn a_provider_that_never_answers_times_out_with_a_clear_error() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        overrides: vec![setting("llm.first_token_timeout_secs", "1")],
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let events = app
        .streamed_turn(&session, "hello? [[standin:hang]]")
        .await?;
    let last = events.last().context("no events")?;
    assert_eq!(last.name, "error");
    assert_eq!(last.data["code"], "upstream_timeout");
    Ok(())
}

#[tokio::test]
async fn without_an_api_key_a_turn_answers_no_model_configured() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        with_llm: false,
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    for kind in ["turns", "stream"] {
        let response = session
            .client
            .post(app.session_url(&session, &format!("/{kind}")))
            .json(&json!({"message": "anyone?"}))
            .send()
            .await?;
        assert_eq!(response.status(), 503, "{kind}");
        let body: Value = response.json().await?;
        assert_eq!(body["error"]["code"], "no_model_configured");
    }
    // Nothing was fabricated.
    assert!(app.history(&session).await?.is_empty());
    Ok(())
}

#[tokio::test]
async fn limits_and_malformed_input_get_their_own_error_codes() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        overrides: vec![setting("limits.max_session_messages", "4")],
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let url = app.session_url(&session, "/stream");
    let client = &session.client;
    let cases: Vec<(reqwest::RequestBuilder, u16, &str)> = vec![
        (
            client
                .post(&url)
                .json(&json!({"message": "x".repeat(4001)})),
            422,
            "message_too_long",
        ),
        (
            client.post(&url).json(&json!({"message": "   "})),
            422,
            "empty_message",
        ),
        (
            client.post(&url).json(&json!({"text": "wrong field"})),
            400,
            "invalid_json",
        ),
        (
            client
                .post(&url)
                .header("content-type", "application/json")
                .body("{\"message\": "),
            400,
            "invalid_json",
        ),
        (
            client.post(&url).body("message=hi"),
            415,
            "unsupported_media_type",
        ),
        (
            client
                .post(&url)
                .header("content-type", "application/json")
                .body(format!("{{\"message\": \"{}\"}}", "x".repeat(70_000))),
            413,
            "payload_too_large",
        ),
        (
            client
                .post(app.url(&format!(
                    "/api/{ACCOUNT}/{AGENT}/sessions/not-a-session/stream"
                )))
                .json(&json!({"message": "hi"})),
            400,
            "invalid_session_id",
        ),
        (
            client.post(app.url("/api/northwind-heating/nobody/sessions")),
            404,
            "agent_not_found",
        ),
        (
            client.post(app.url("/api/..%2F..%2Fetc/sales/sessions")),
            400,
            "invalid_account_id",
        ),
        (client.get(app.url("/api/nope")), 404, "route_not_found"),
        (client.delete(url.clone()), 405, "method_not_allowed"),
    ];
    for (request, status, code) in cases {
        let response = request.send().await?;
        assert_eq!(response.status().as_u16(), status, "{code}");
        let body: Value = response.json().await?;
        assert_eq!(body["error"]["code"], code);
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    // Two turns fill the 4-message limit; the third is refused, nothing lost before it.
    for text in ["one", "two"] {
        let events = app.streamed_turn(&session, text).await?;
        assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    }
    let response = client
        .post(&url)
        .json(&json!({"message": "three"}))
        .send()
        .await?;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], "history_too_long");
    assert_eq!(app.history(&session).await?.len(), 4);
    Ok(())
}

#[tokio::test]
async fn cors_answers_only_the_accounts_allowed_origins() -> anyhow::Result<()> {
    let app = app(Backend::Embedded).await?;
    let client = reqwest::Client::new();
    let preflight = |origin: &'static str, path: &str| {
        client
            .request(reqwest::Method::OPTIONS, app.url(path))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    // northwind-heating lists https://northwind-heating.example in account.allowed_origins.
    let allowed = preflight(
        "https://northwind-heating.example",
        "/api/northwind-heating/sales/sessions",
    )
    .await?;
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://northwind-heating.example")
    );
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-credentials")
            .and_then(|v| v.to_str().ok()),
        Some("true")
    );
    // Another site, or another account's origin on this account's API, gets no CORS headers.
    for (origin, path) in [
        (
            "https://evil.example",
            "/api/northwind-heating/sales/sessions",
        ),
        (
            "https://harbor-books.example",
            "/api/northwind-heating/sales/sessions",
        ),
    ] {
        let refused = preflight(origin, path).await?;
        assert!(
            refused
                .headers()
                .get("access-control-allow-origin")
                .is_none(),
            "{origin} on {path}"
        );
    }
    let response = client
        .post(app.url("/api/harbor-books/info/sessions"))
        .header("origin", "https://harbor-books.example")
        .send()
        .await?;
    assert_eq!(response.status(), 201);
    assert_eq!(
        response
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://harbor-books.example")
    );
    Ok(())
}

#[tokio::test]
async fn a_first_time_visitor_has_no_sessions_rather_than_an_error() -> anyhow::Result<()> {
    let app = app(Backend::Embedded).await?;
    let response = app
        .browser()
        .get(app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")))
        .send()
        .await?;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await?;
    assert_eq!(body["sessions"], json!([]));
    assert_eq!(body["next"], Value::Null);
    Ok(())
}

/// What the stand-in echoes back: a little inline HTML, allowed and not.
const HTML_TURN: &str = "Are they <b>quiet</b>? <img src=x onerror=alert(1)> <i onclick=x()>hi</i>";

/// Every `html` of a buffered turn, a streamed turn and the history, in that order.
async fn rendered_answers(app: &TestApp) -> anyhow::Result<Vec<String>> {
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let body = app.turn(&session, HTML_TURN).await?;
    let mut rendered = vec![
        body["user_message"]["html"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        body["assistant_message"]["html"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    ];
    let events = app.streamed_turn(&session, HTML_TURN).await?;
    let done = events
        .iter()
        .find(|event| event.name == "done")
        .context("no done event")?;
    rendered.push(done.data["html"].as_str().unwrap_or_default().to_owned());
    for message in settled_history(app, &session).await? {
        rendered.push(message["html"].as_str().unwrap_or_default().to_owned());
    }
    Ok(rendered)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn basic_html_in_an_answer_is_kept_only_for_an_agent_that_allows_it() -> anyhow::Result<()> {
    let allowing = spawn_app_with(AppOptions {
        overrides: vec![setting("agent.allow_basic_html", "true")],
        ..AppOptions::default()
    })
    .await?;
    let rendered = rendered_answers(&allowing).await?;
    assert_eq!(rendered.len(), 7, "{rendered:#?}");
    for html in &rendered {
        assert!(html.contains("<b>quiet</b>"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;i onclick=x()&gt;hi&lt;/i&gt;"), "{html}");
    }

    let default = app(Backend::Embedded).await?;
    for html in rendered_answers(&default).await? {
        assert!(html.contains("&lt;b&gt;quiet&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
    }
    Ok(())
}
