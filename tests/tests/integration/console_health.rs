//! The console's health and configuration pages through the real routes, on both storage
//! backends: every function's requests and errors counted by stable code, the metrics for
//! deployment operators only, error events per account (route templates, never raw paths),
//! the deep health check (and its 503 with an unreachable store), and the effective
//! configuration with secrets masked, as JSON and as YAML.

use std::collections::BTreeMap;

use anyhow::{Context as _, ensure};
use salient_core::domain::{SessionId, now};
use salient_core::ports::metrics::hour_of;
use salient_tests::app::{AppOptions, Backend, TestApp, copy_config, setting, spawn_app_with};
use salient_tests::console::sign_in_by_link;
use serde_json::{Value, json};

const NORTHWIND: &str = "northwind-heating";
const HARBOR: &str = "harbor-books";
const OWNER: &str = "owner@northwind-heating.example";
const HARBOR_OWNER: &str = "owner@harbor-books.example";
const OPS: &str = "ops@example.com";
/// A secret set through the test configuration; it must never be shown.
const VECTOR_KEY: &str = "pcsk-test-secret-never-shown-4711";
/// The LLM key the test harness sets.
const LLM_KEY: &str = "sk-or-v1-test-key";

/// The demo app, whose `app.yaml` makes `ops@example.com` a deployment operator (viewer).
async fn health_app(backend: Backend) -> anyhow::Result<(TestApp, tempfile::TempDir)> {
    let dir = copy_config()?;
    let text = std::fs::read_to_string(dir.path().join("app.yaml"))?;
    ensure!(
        text.contains(&format!(
            "\noperators:\n  - email: {OPS}\n    role: viewer\n"
        )),
        "app.yaml no longer lists {OPS} as a deployment operator"
    );
    let app = spawn_app_with(AppOptions {
        backend,
        outbox: true,
        config_dir: Some(dir.path().to_owned()),
        overrides: vec![setting("knowledge.vector_store.api_key", VECTOR_KEY)],
        ..AppOptions::default()
    })
    .await?;
    Ok((app, dir))
}

fn code_of(body: &Value) -> Option<&str> {
    body["error"]["code"].as_str()
}

/// What a test expects the metrics to say: requests and error codes per function.
#[derive(Debug, Default)]
struct Tally {
    requests: BTreeMap<&'static str, u64>,
    errors: BTreeMap<&'static str, BTreeMap<String, u64>>,
}

/// One answer: status, JSON body (`null` if none) and its `X-Request-Id`.
struct Answer {
    status: u16,
    body: Value,
    request_id: String,
}

impl Tally {
    /// Sends a request the metrics count under `function`, noting its error code.
    async fn call(
        &mut self,
        function: &'static str,
        request: reqwest::RequestBuilder,
    ) -> anyhow::Result<Answer> {
        let response = request.send().await?;
        let status = response.status().as_u16();
        let request_id = response
            .headers()
            .get("x-request-id")
            .and_then(|v| v.to_str().ok())
            .context("no X-Request-Id")?
            .to_owned();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        *self.requests.entry(function).or_default() += 1;
        if status >= 400 {
            let code = code_of(&body).context("an error without a code")?;
            *self
                .errors
                .entry(function)
                .or_default()
                .entry(code.to_owned())
                .or_default() += 1;
        }
        Ok(Answer {
            status,
            body,
            request_id,
        })
    }
}

/// A signed-in operator's cookie header, through a `salient console login` link (a
/// request the metrics count).
async fn sign_in(app: &TestApp, tally: &mut Tally, email: &str) -> anyhow::Result<String> {
    let operator = sign_in_by_link(app, email).await?;
    *tally.requests.entry("console").or_default() += 1;
    Ok(operator.cookie())
}

async fn get(app: &TestApp, path: &str, cookie: &str) -> anyhow::Result<(u16, Value)> {
    let response = app
        .client()
        .get(app.url(path))
        .header("cookie", cookie)
        .send()
        .await?;
    let status = response.status().as_u16();
    Ok((status, response.json().await.unwrap_or(Value::Null)))
}

async fn requests_and_errors_are_counted_per_function(backend: Backend) -> anyhow::Result<()> {
    let (app, _config) = health_app(backend).await?;
    let first_hour = hour_of(now());
    let mut tally = Tally::default();
    let ops = sign_in(&app, &mut tally, OPS).await?;
    let owner = sign_in(&app, &mut tally, OWNER).await?;
    let harbor = sign_in(&app, &mut tally, HARBOR_OWNER).await?;
    let client = app.browser();
    let api = |tail: &str| app.url(&format!("/api/{NORTHWIND}/sales{tail}"));

    // chat: a session, a malformed session id, an unknown one.
    let created = tally.call("chat", client.post(api("/sessions"))).await?;
    assert_eq!(created.status, 201, "{}", created.body);
    let session = created.body["session"]["id"]
        .as_str()
        .context("no session id")?
        .to_owned();
    let malformed = tally
        .call("chat", client.get(api("/sessions/not-a-session-id")))
        .await?;
    assert_eq!(code_of(&malformed.body), Some("invalid_session_id"));
    let unknown = SessionId::generate().to_string();
    let missing = tally
        .call("chat", client.get(api(&format!("/sessions/{unknown}"))))
        .await?;
    assert_eq!(missing.status, 404, "{}", missing.body);
    // A path no route has: counted under chat (the API's catch-all), kept as `unmatched`.
    let nowhere = tally
        .call(
            "chat",
            client.get(api(&format!("/sessions/{session}/nowhere/raw-path-text"))),
        )
        .await?;
    assert_eq!(code_of(&nowhere.body), Some("route_not_found"));
    // stream, otp, email, ingest, console: one refused request each.
    let stream = tally
        .call(
            "stream",
            client
                .post(api(&format!("/sessions/{session}/stream")))
                .json(&json!({"message": "   "})),
        )
        .await?;
    assert!(stream.status >= 400, "{}", stream.body);
    let otp = tally
        .call(
            "otp",
            client
                .post(api("/otp/request"))
                .json(&json!({"email": "not-an-address"})),
        )
        .await?;
    assert_eq!(code_of(&otp.body), Some("invalid_email"));
    let email = tally
        .call(
            "email",
            client
                .post(api(&format!("/sessions/{unknown}/summary")))
                .json(&json!({})),
        )
        .await?;
    assert!(email.status >= 400, "{}", email.body);
    let ingest = tally
        .call(
            "ingest",
            app.client()
                .post(app.url(&format!("/api/admin/{NORTHWIND}/ingest"))),
        )
        .await?;
    assert_eq!(code_of(&ingest.body), Some("route_not_found"));
    let anonymous = tally
        .call("console", app.client().get(app.url("/api/console/me")))
        .await?;
    assert_eq!(code_of(&anonymous.body), Some("sign_in_required"));
    // The health check is no function's request.
    let health = app.client().get(app.url("/healthz")).send().await?;
    assert_eq!(health.status(), 200);

    app.state.recorder.flush().await;
    // A test that ran across the hour's end has its requests in two hours: only the day's
    // window holds them all.
    let windows: &[&str] = if hour_of(now()) == first_hour {
        &["hour", "day"]
    } else {
        &["day"]
    };
    let (status, metrics) = get(&app, "/api/console/metrics", &ops).await?;
    assert_eq!(status, 200, "{metrics}");
    let functions = metrics["functions"].as_array().context("functions")?;
    let names: Vec<&str> = functions
        .iter()
        .filter_map(|f| f["function"].as_str())
        .collect();
    assert_eq!(
        names,
        ["chat", "stream", "otp", "email", "ingest", "console"]
    );
    for entry in functions {
        let name = entry["function"].as_str().unwrap_or_default();
        let expected = tally.requests.get(name).copied().unwrap_or(0);
        for window in windows {
            let figures = &entry[window];
            assert_eq!(
                figures["requests"].as_u64(),
                Some(expected),
                "{name} {window}: {figures}"
            );
            let errors: BTreeMap<String, u64> = serde_json::from_value(figures["errors"].clone())?;
            let want = tally.errors.get(name).cloned().unwrap_or_default();
            assert_eq!(errors, want, "{name} {window}");
            let latency = &figures["latency_ms"];
            let (p50, p95, p99) = (
                latency["p50"].as_u64().context("p50")?,
                latency["p95"].as_u64().context("p95")?,
                latency["p99"].as_u64().context("p99")?,
            );
            assert!(p50 >= 1 && p50 <= p95 && p95 <= p99, "{latency}");
        }
    }
    assert!(metrics["generated_at"].as_str().is_some());

    // Only the deployment's operators see the deployment's pages.
    for path in ["/api/console/metrics", "/api/console/errors"] {
        let (status, body) = get(&app, path, &owner).await?;
        assert_eq!(
            (status, code_of(&body)),
            (403, Some("forbidden_role")),
            "{path}: {body}"
        );
    }

    // The account's events: templates, never the raw path; the request id of the answer.
    let (status, events) = get(&app, &format!("/api/console/{NORTHWIND}/errors"), &owner).await?;
    assert_eq!(status, 200, "{events}");
    let text = events.to_string();
    for raw in [
        &session,
        &unknown,
        "not-a-session-id",
        "raw-path-text",
        "not-an-address",
    ] {
        assert!(!text.contains(raw), "{raw} is in {text}");
    }
    let list = events["errors"].as_array().context("errors")?;
    let mut seen: Vec<(String, String, String)> = list
        .iter()
        .map(|e| {
            (
                e["function"].as_str().unwrap_or_default().to_owned(),
                e["route"].as_str().unwrap_or_default().to_owned(),
                e["code"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    seen.sort();
    let mut want: Vec<(String, String, String)> = [
        (
            "chat",
            "/api/{account}/{agent}/sessions/{session}",
            "invalid_session_id",
        ),
        (
            "chat",
            "/api/{account}/{agent}/sessions/{session}",
            code_of(&missing.body).unwrap_or_default(),
        ),
        (
            "stream",
            "/api/{account}/{agent}/sessions/{session}/stream",
            code_of(&stream.body).unwrap_or_default(),
        ),
        ("otp", "/api/{account}/{agent}/otp/request", "invalid_email"),
        (
            "email",
            "/api/{account}/{agent}/sessions/{session}/summary",
            code_of(&email.body).unwrap_or_default(),
        ),
        ("ingest", "/api/admin/{account}/ingest", "route_not_found"),
    ]
    .into_iter()
    .map(|(f, r, c)| (f.to_owned(), r.to_owned(), c.to_owned()))
    .collect();
    want.sort();
    assert_eq!(seen, want, "{events}");
    let first = &list[0];
    assert!(first["at"].as_str().is_some() && first["status"].as_u64().is_some());
    let malformed_event = list
        .iter()
        .find(|e| e["code"] == "invalid_session_id")
        .context("no invalid_session_id event")?;
    assert_eq!(malformed_event["request_id"], malformed.request_id.as_str());
    assert_eq!(malformed_event["status"], 400);
    // Newest first.
    // (As times: a whole second is written without a fraction, so strings would not sort.)
    let times: Vec<chrono::DateTime<chrono::FixedOffset>> = list
        .iter()
        .filter_map(|e| e["at"].as_str())
        .map(chrono::DateTime::parse_from_rfc3339)
        .collect::<Result<_, _>>()?;
    assert_eq!(times.len(), list.len());
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted);
    let (status, limited) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/errors?limit=2"),
        &owner,
    )
    .await?;
    assert_eq!(status, 200);
    assert_eq!(limited["errors"].as_array().map(Vec::len), Some(2));
    let (status, body) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/errors?limit=101"),
        &owner,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (400, Some("invalid_query")));

    // Another account's operator sees neither the events nor that they exist.
    let (status, body) = get(&app, &format!("/api/console/{NORTHWIND}/errors"), &harbor).await?;
    assert_eq!(
        (status, code_of(&body)),
        (404, Some("account_not_found")),
        "{body}"
    );
    let (status, body) = get(&app, &format!("/api/console/{HARBOR}/errors"), &harbor).await?;
    assert_eq!(status, 200);
    assert_eq!(body["errors"], json!([]), "{body}");

    // Requests that name no account are the deployment's.
    let (status, deployment) = get(&app, "/api/console/errors", &ops).await?;
    assert_eq!(status, 200, "{deployment}");
    let routes: Vec<(&str, &str)> = deployment["errors"]
        .as_array()
        .context("errors")?
        .iter()
        .filter_map(|e| Some((e["route"].as_str()?, e["code"].as_str()?)))
        .collect();
    assert!(
        routes.contains(&("unmatched", "route_not_found")),
        "{deployment}"
    );
    assert!(
        routes.contains(&("/api/console/me", "sign_in_required")),
        "{deployment}"
    );
    assert!(!deployment.to_string().contains("raw-path-text"));
    Ok(())
}

async fn healthz_deep_checks_the_store(backend: Backend) -> anyhow::Result<()> {
    let (app, _config) = health_app(backend).await?;
    let plain: Value = app
        .client()
        .get(app.url("/healthz"))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(plain, json!({"status": "ok"}));
    let response = app.client().get(app.url("/healthz?deep=1")).send().await?;
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await?;
    assert_eq!(body["status"], "ok", "{body}");
    assert_eq!(body["checks"]["store"]["ok"], true, "{body}");
    assert!(
        body["checks"]["store"]["latency_ms"].as_u64().is_some(),
        "{body}"
    );
    Ok(())
}

async fn config_is_masked_and_its_yaml_round_trips(backend: Backend) -> anyhow::Result<()> {
    let (app, _config) = health_app(backend).await?;
    let mut tally = Tally::default();
    let owner = sign_in(&app, &mut tally, OWNER).await?;
    let (status, config) = get(&app, &format!("/api/console/{NORTHWIND}/config"), &owner).await?;
    assert_eq!(status, 200, "{config}");
    let text = config.to_string();
    for secret in [VECTOR_KEY, LLM_KEY] {
        assert!(!text.contains(secret), "a secret is shown: {text}");
    }
    assert!(
        !text.contains(OPS) && !text.contains("\"operators"),
        "operators are shown"
    );
    let agents = config["agents"].as_array().context("agents")?;
    let names: Vec<&str> = agents.iter().filter_map(|a| a["agent"].as_str()).collect();
    assert_eq!(names, ["sales", "support"]);
    let sales = &agents[0];
    assert!(sales["name"].as_str().is_some_and(|n| !n.is_empty()));
    let settings: BTreeMap<String, (Value, String)> = sales["settings"]
        .as_array()
        .context("settings")?
        .iter()
        .map(|s| {
            (
                s["key"].as_str().unwrap_or_default().to_owned(),
                (
                    s["value"].clone(),
                    s["source"].as_str().unwrap_or_default().to_owned(),
                ),
            )
        })
        .collect();
    let setting_of = |key: &str| settings.get(key).cloned().unwrap_or_default();
    assert_eq!(
        setting_of("llm.api_key"),
        (json!("********"), "ssm".to_owned())
    );
    assert_eq!(
        setting_of("knowledge.vector_store.api_key"),
        (json!("********"), "ssm".to_owned())
    );
    assert_eq!(setting_of("llm.model").1, "app");
    assert_eq!(
        setting_of("account.name"),
        (json!("Northwind Heating"), "account".to_owned())
    );
    assert_eq!(setting_of("agent.name").1, "agent");
    assert!(settings.values().any(|(_, source)| source == "default"));
    let runtime = &config["runtime"];
    assert_eq!(runtime["version"], env!("CARGO_PKG_VERSION"));
    assert!(runtime["commit"].is_null() || runtime["commit"].is_string());
    assert_eq!(
        runtime["store"], "embedded",
        "the configuration's backend: {runtime}"
    );
    assert_eq!(runtime["vectors"], "embedded");
    assert_eq!(runtime["email"], "outbox");
    let features: Vec<&str> = runtime["features"]
        .as_array()
        .context("features")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(features.contains(&"embedded") && features.contains(&"local-embeddings"));

    // The agent's YAML: an attachment, masked, and the same values key by key.
    let response = app
        .client()
        .get(app.url(&format!("/api/console/{NORTHWIND}/config/sales.yaml")))
        .header("cookie", &owner)
        .send()
        .await?;
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(header("content-type").starts_with("text/yaml"));
    assert_eq!(
        header("content-disposition"),
        format!("attachment; filename=\"{NORTHWIND}-sales.yaml\"")
    );
    let yaml = response.text().await?;
    for secret in [VECTOR_KEY, LLM_KEY] {
        assert!(!yaml.contains(secret), "a secret is in the YAML");
    }
    let parsed: Value = serde_norway::from_str(&yaml).context("the YAML does not parse")?;
    for (key, (value, _)) in &settings {
        let mut node = &parsed;
        for part in key.split('.') {
            node = &node[part];
        }
        assert_eq!(node, value, "{key}");
    }
    assert!(parsed.get("operators").is_none());

    let (status, body) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/config/nobody.yaml"),
        &owner,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (404, Some("agent_not_found")));
    let (status, body) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/config/sales.json"),
        &owner,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (404, Some("route_not_found")));
    let (status, body) = get(&app, &format!("/api/console/{HARBOR}/config"), &owner).await?;
    assert_eq!((status, code_of(&body)), (404, Some("account_not_found")));
    let (status, audit) = get(&app, &format!("/api/console/{NORTHWIND}/audit"), &owner).await?;
    assert_eq!(status, 200);
    let actions: Vec<(&str, Option<&str>)> = audit["entries"]
        .as_array()
        .context("entries")?
        .iter()
        .filter_map(|e| Some((e["action"].as_str()?, e["target"].as_str())))
        .collect();
    assert!(actions.contains(&("config.view", None)), "{audit}");
    assert!(actions.contains(&("config.view", Some("sales"))), "{audit}");
    Ok(())
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        requests_and_errors_are_counted_per_function,
        healthz_deep_checks_the_store,
        config_is_masked_and_its_yaml_round_trips,
    }
}

/// A DynamoDB store at a loopback port nothing listens on: the deep check answers 503 and
/// names the store, and the plain check still answers 200.
#[tokio::test]
async fn healthz_deep_is_503_when_the_store_is_unreachable() -> anyhow::Result<()> {
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.local_addr()?
    };
    let client = salient_tests::dynamodb_local::client(&format!("http://{closed}"));
    let store = std::sync::Arc::new(salient_core::dynamodb::DynamoStore::new(
        client,
        "salient-unreachable".to_owned(),
    ));
    let catalog = salient_core::config::Catalog::load(&salient_tests::app::config_dir(), &[])?;
    let state = salient_core::AppState::new(std::sync::Arc::new(catalog), store)?;
    let router = salient_cli::serve::local_app(state, std::path::Path::new("/nonexistent"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    let client = reqwest::Client::new();
    let plain = client.get(format!("http://{addr}/healthz")).send().await?;
    assert_eq!(plain.status(), 200);
    let started = std::time::Instant::now();
    let deep = client
        .get(format!("http://{addr}/healthz?deep=1"))
        .send()
        .await?;
    assert_eq!(deep.status(), 503);
    let body: Value = deep.json().await?;
    assert_eq!(body["status"], "degraded", "{body}");
    assert_eq!(body["checks"]["store"]["ok"], false, "{body}");
    let code = body["checks"]["store"]["error"]
        .as_str()
        .unwrap_or_default();
    assert!(
        ["storage_unavailable", "dependency_timeout"].contains(&code),
        "{body}"
    );
    // Bounded by the check's timeout (2 s), with room for a slow machine.
    assert!(started.elapsed() < std::time::Duration::from_secs(4));
    server.abort();
    Ok(())
}
