//! The overview's errors by code, through the real routes on both storage backends: every
//! error answer of a visitor route naming one of the deployment's accounts and agents is
//! counted in that agent's and account's day rollups by the request recorder, and only
//! there; a path naming an unknown account or agent counts nowhere; a turn's error is
//! counted once whether it was refused at the start or failed while answering, buffered or
//! streamed.

use std::collections::BTreeMap;

use anyhow::{Context as _, ensure};
use chrono::Duration;
use salient_core::domain::{AccountId, AgentId, MessageId, SessionId, now};
use salient_tests::app::{Backend, TestApp, TestSession};
use salient_tests::console::sign_in_by_link;
use serde_json::{Value, json};

const NORTHWIND: &str = "northwind-heating";
const HARBOR: &str = "harbor-books";
const OWNER: &str = "owner@northwind-heating.example";
const HARBOR_OWNER: &str = "owner@harbor-books.example";

/// Error codes and how often each was answered.
type Codes = BTreeMap<String, u64>;

async fn app(backend: Backend, extra: &[(&str, &str)]) -> anyhow::Result<TestApp> {
    salient_tests::app::spawn_app_with_outbox(backend, extra).await
}

/// The stable code of an answer that must be an error; the answer's status is checked too.
async fn error_code(request: reqwest::RequestBuilder, status: u16) -> anyhow::Result<String> {
    let response = request.send().await?;
    let got = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    ensure!(got == status, "expected {status}, got {got}: {body}");
    body["error"]["code"]
        .as_str()
        .map(str::to_owned)
        .with_context(|| format!("no error code in {body}"))
}

/// The overview's errors by code over today and yesterday (a test that runs across
/// midnight has its errors on two days), for `agent` or the whole account.
async fn overview_errors(
    app: &TestApp,
    cookie: &str,
    account: &str,
    agent: Option<&str>,
) -> anyhow::Result<Codes> {
    let agent = agent.map_or_else(String::new, |agent| format!("&agent={agent}"));
    let response = app
        .client()
        .get(app.url(&format!("/api/console/{account}/overview?days=2{agent}")))
        .header("cookie", cookie)
        .send()
        .await?;
    let status = response.status();
    let body: Value = response.json().await?;
    ensure!(status == 200, "overview answered {status}: {body}");
    Ok(serde_json::from_value(body["totals"]["errors"].clone())?)
}

fn codes(pairs: &[(&str, u64)]) -> Codes {
    pairs.iter().map(|(c, n)| ((*c).to_owned(), *n)).collect()
}

/// Every counter of the rollups of `account` (and `agent`, or the whole account) over
/// today and yesterday, straight from the store.
async fn stored_rollups(
    app: &TestApp,
    account: &str,
    agent: Option<&str>,
) -> anyhow::Result<Vec<BTreeMap<String, i64>>> {
    let today = now().date_naive();
    let agent = agent.map(AgentId::parse).transpose()?;
    let days = app
        .state
        .store
        .read_rollups(
            &AccountId::parse(account)?,
            agent.as_ref(),
            today - Duration::days(1),
            today,
        )
        .await?;
    Ok(days.into_iter().map(|day| day.counters).collect())
}

fn post_json(session: &TestSession, url: String, body: &Value) -> reqwest::RequestBuilder {
    session.client.post(url).json(body)
}

async fn visitor_route_errors_are_counted_for_their_account_and_agent(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend, &[("rate_limits.turn.session", "1/1h")]).await?;
    let sales = app.new_session(NORTHWIND, "sales").await?;

    let mut sales_errors = Vec::new();
    // Malformed JSON, before anything else looks at the turn.
    sales_errors.push(
        error_code(
            sales
                .client
                .post(app.session_url(&sales, "/turns"))
                .header("content-type", "application/json")
                .body("{\"message\": "),
            400,
        )
        .await?,
    );
    // A turn, then one too many for the session.
    app.turn(&sales, "Do you fit heat pumps?").await?;
    sales_errors.push(
        error_code(
            post_json(
                &sales,
                app.session_url(&sales, "/turns"),
                &json!({"message": "And boilers?"}),
            ),
            429,
        )
        .await?,
    );
    // A body over `limits.max_body_bytes`.
    sales_errors.push(
        error_code(
            post_json(
                &sales,
                app.session_url(&sales, "/turns"),
                &json!({"message": "x".repeat(70_000)}),
            ),
            413,
        )
        .await?,
    );
    // A session that does not exist, a rating of an answer that does not exist, a one-time
    // code for an address that is no address.
    let unknown = SessionId::generate();
    sales_errors.push(
        error_code(
            sales.client.get(app.url(&format!(
                "/api/{NORTHWIND}/sales/sessions/{unknown}/messages"
            ))),
            404,
        )
        .await?,
    );
    let message = MessageId::generate();
    sales_errors.push(
        error_code(
            post_json(
                &sales,
                app.session_url(&sales, &format!("/messages/{message}/feedback")),
                &json!({"rating": "up"}),
            ),
            404,
        )
        .await?,
    );
    sales_errors.push(
        error_code(
            post_json(
                &sales,
                app.url(&format!("/api/{NORTHWIND}/sales/otp/request")),
                &json!({"email": "not an address"}),
            ),
            400,
        )
        .await?,
    );
    assert_eq!(
        sales_errors,
        [
            "invalid_json",
            "rate_limited",
            "payload_too_large",
            "session_not_found",
            "message_not_found",
            "invalid_email",
        ]
    );

    // One error on the other agent, one on another account's agent.
    let support = app.new_session(NORTHWIND, "support").await?;
    let support_error = error_code(
        post_json(
            &support,
            app.session_url(&support, "/turns"),
            &json!({"text": "unknown field"}),
        ),
        400,
    )
    .await?;
    let harbor = app.new_session(HARBOR, "info").await?;
    let harbor_error = error_code(
        harbor
            .client
            .get(app.url(&format!("/api/{HARBOR}/info/sessions/{unknown}"))),
        404,
    )
    .await?;

    // Paths naming an agent the account does not have, an account the deployment does not
    // have, or no valid account at all.
    let stranger = app.browser();
    for (path, status) in [
        (format!("/api/{NORTHWIND}/nobody/sessions"), 404),
        (format!("/api/{NORTHWIND}/info/sessions"), 404),
        (format!("/api/{HARBOR}/sales/sessions"), 404),
        ("/api/nobody-here/sales/sessions".to_owned(), 404),
        ("/api/Not_An_Account!/sales/sessions".to_owned(), 400),
    ] {
        let code = error_code(stranger.post(app.url(&path)), status).await?;
        ensure!(code.ends_with("not_found") || code.starts_with("invalid_"));
    }

    app.state.recorder.flush().await;
    let owner = sign_in_by_link(&app, OWNER).await?.cookie();
    let mut expected_sales = Codes::new();
    for code in &sales_errors {
        *expected_sales.entry(code.clone()).or_default() += 1;
    }
    let expected_support = codes(&[(support_error.as_str(), 1)]);
    assert_eq!(
        overview_errors(&app, &owner, NORTHWIND, Some("sales")).await?,
        expected_sales
    );
    assert_eq!(
        overview_errors(&app, &owner, NORTHWIND, Some("support")).await?,
        expected_support
    );
    let mut expected_account = expected_sales.clone();
    for (code, n) in &expected_support {
        *expected_account.entry(code.clone()).or_default() += n;
    }
    assert_eq!(
        overview_errors(&app, &owner, NORTHWIND, None).await?,
        expected_account
    );
    // The other account sees its own error, and only it.
    let harbor_owner = sign_in_by_link(&app, HARBOR_OWNER).await?.cookie();
    assert_eq!(
        overview_errors(&app, &harbor_owner, HARBOR, None).await?,
        codes(&[(harbor_error.as_str(), 1)])
    );
    assert_eq!(
        overview_errors(&app, &harbor_owner, HARBOR, Some("info")).await?,
        codes(&[(harbor_error.as_str(), 1)])
    );
    // Unknown agents and accounts got no rollup at all.
    assert_eq!(
        stored_rollups(&app, NORTHWIND, Some("nobody")).await?,
        Vec::new()
    );
    assert_eq!(
        stored_rollups(&app, NORTHWIND, Some("info")).await?,
        Vec::new()
    );
    assert_eq!(
        stored_rollups(&app, HARBOR, Some("sales")).await?,
        Vec::new()
    );
    assert_eq!(stored_rollups(&app, "nobody-here", None).await?, Vec::new());
    assert_eq!(
        stored_rollups(&app, "nobody-here", Some("sales")).await?,
        Vec::new()
    );
    Ok(())
}

async fn a_turn_error_is_counted_once_however_the_turn_is_answered(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app(backend, &[]).await?;
    let session = app.new_session(NORTHWIND, "sales").await?;
    // Refused at the start: a JSON error, buffered or streamed.
    for route in ["/turns", "/stream"] {
        let code = error_code(
            post_json(
                &session,
                app.session_url(&session, route),
                &json!({"message": "   "}),
            ),
            422,
        )
        .await?;
        assert_eq!(code, "empty_message", "{route}");
    }
    // Failed while answering: buffered, a JSON error after the turn service counted it...
    let code = error_code(
        post_json(
            &session,
            app.session_url(&session, "/turns"),
            &json!({"message": "Hello [[standin:429]]"}),
        ),
        503,
    )
    .await?;
    assert_eq!(code, "upstream_rate_limited");
    // ...streamed, an `error` event in a 200 stream.
    let events = app
        .streamed_turn(&session, "Hello again [[standin:429]]")
        .await?;
    let last = events.last().context("no events")?;
    assert_eq!(
        (last.name.as_str(), &last.data["code"]),
        ("error", &json!("upstream_rate_limited"))
    );

    app.state.recorder.flush().await;
    let owner = sign_in_by_link(&app, OWNER).await?.cookie();
    let want = codes(&[("empty_message", 2), ("upstream_rate_limited", 2)]);
    assert_eq!(
        overview_errors(&app, &owner, NORTHWIND, Some("sales")).await?,
        want
    );
    assert_eq!(overview_errors(&app, &owner, NORTHWIND, None).await?, want);
    Ok(())
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        visitor_route_errors_are_counted_for_their_account_and_agent,
        a_turn_error_is_counted_once_however_the_turn_is_answered,
    }
}
