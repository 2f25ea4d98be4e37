//! Rate limits and concurrent-stream limits through the real routes (as `salient serve`
//! mounts them), on both storage backends: a request over a window answers 429 with the
//! JSON error and a `Retry-After` no longer than the window; other visitors, clients, agents
//! and accounts keep their own counts; windows admit again once over; open streams hold a
//! lease until they end. The counts under concurrency run on DynamoDB Local through two
//! application states sharing one table, as two Lambda instances would.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use salient_core::AppState;
use salient_core::config::Catalog;
use salient_core::domain::{AccountId, AgentId, VisitorId, now};
use salient_core::limits::{Action, LimitError, Subjects};
use salient_tests::app::{
    AppOptions, Backend, TestApp, TestSession, config_dir, setting, spawn_app_with, store_factory,
};
use serde_json::{Value, json};

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";

/// An app behind CloudFront (so a request may name its client's address in
/// `cloudfront-viewer-address`) with `limits` on top of the defaults.
async fn limited_app(backend: Backend, limits: &[(&str, &str)]) -> anyhow::Result<TestApp> {
    clear_of_a_minute_edge().await;
    spawn_app_with(AppOptions {
        backend,
        outbox: true,
        behind_cloudfront: true,
        overrides: limits.iter().map(|(k, v)| setting(k, v)).collect(),
        ..AppOptions::default()
    })
    .await
}

/// Waits out the last 10 seconds of a UTC minute: windows of a minute are fixed (aligned
/// on the minute), so a test that filled one across the edge would see it empty again.
async fn clear_of_a_minute_edge() {
    let second = now().timestamp().rem_euclid(60);
    if second >= 50 {
        let wait = u64::try_from(61 - second).unwrap_or(11);
        tokio::time::sleep(Duration::from_secs(wait)).await;
    }
}

/// A request as `session`'s browser, optionally from the client IP CloudFront would name.
fn post(
    app: &TestApp,
    session: &TestSession,
    tail: &str,
    ip: Option<&str>,
) -> reqwest::RequestBuilder {
    let request = session.client.post(app.session_url(session, tail));
    match ip {
        Some(ip) => request.header("cloudfront-viewer-address", ip),
        None => request,
    }
}

async fn turn_status(
    app: &TestApp,
    session: &TestSession,
    ip: Option<&str>,
) -> anyhow::Result<reqwest::Response> {
    Ok(post(app, session, "/turns", ip)
        .json(&json!({"message": "How much is a heat pump?"}))
        .send()
        .await?)
}

/// Checks a refusal: 429, `code`, and a `Retry-After` of 1 to `window_secs` seconds.
async fn assert_refused(
    response: reqwest::Response,
    code: &str,
    window_secs: u64,
) -> anyhow::Result<u64> {
    assert_eq!(response.status(), 429, "expected a refusal");
    let retry_after: u64 = response
        .headers()
        .get("retry-after")
        .context("no Retry-After")?
        .to_str()?
        .parse()?;
    assert!(
        (1..=window_secs).contains(&retry_after),
        "Retry-After {retry_after} outside 1..={window_secs}"
    );
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("try again") || m.contains("wait")),
        "{body}"
    );
    Ok(retry_after)
}

/// Sleeps until just after the next multiple of `window_secs`, so a test's few requests
/// fall in one fixed window.
async fn at_window_start(window_secs: i64) {
    let now_ms = now().timestamp_millis();
    let into = now_ms.rem_euclid(window_secs * 1000);
    let wait = u64::try_from(window_secs * 1000 - into).unwrap_or(0) + 50;
    tokio::time::sleep(Duration::from_millis(wait)).await;
}

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        turns_over_the_visitor_limit_are_refused_and_other_visitors_are_not,
        turns_over_the_session_limit_are_refused_in_that_session_only,
        turns_over_the_ip_limit_are_refused_for_that_client_ip_only,
        turns_over_the_agent_limit_leave_other_agents_and_accounts_alone,
        session_creation_is_limited_per_visitor_and_per_ip,
        code_requests_are_limited_per_address,
        summaries_are_limited_per_session,
        a_window_admits_again_once_it_is_over,
        a_second_stream_of_a_session_waits_for_the_first_to_end,
        a_visitor_has_at_most_two_streams_and_a_disconnect_frees_one,
        fifty_concurrent_session_creations_admit_exactly_the_limit,
    }
}

async fn turns_over_the_visitor_limit_are_refused_and_other_visitors_are_not(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.turn.visitor", "3/1m")]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.turn(&session, "one").await?;
    app.turn(&session, "two").await?;
    // Streamed turns count in the same windows.
    let events = app.streamed_turn(&session, "three").await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    assert_refused(turn_status(&app, &session, None).await?, "rate_limited", 60).await?;
    let streamed = post(&app, &session, "/stream", None)
        .json(&json!({"message": "four"}))
        .send()
        .await?;
    assert_refused(streamed, "rate_limited", 60).await?;
    // The same visitor's other session shares the visitor's window.
    let second = app
        .new_session_in(session.client.clone(), ACCOUNT, AGENT)
        .await?;
    assert_refused(turn_status(&app, &second, None).await?, "rate_limited", 60).await?;
    // Nothing of a refused turn was stored.
    assert_eq!(app.history(&session).await?.len(), 6);
    // Another browser is another visitor.
    let other = app.new_session(ACCOUNT, AGENT).await?;
    app.turn(&other, "hello").await?;
    Ok(())
}

async fn turns_over_the_session_limit_are_refused_in_that_session_only(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.turn.session", "2/1h")]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.turn(&session, "one").await?;
    app.turn(&session, "two").await?;
    assert_refused(
        turn_status(&app, &session, None).await?,
        "rate_limited",
        3600,
    )
    .await?;
    let same_visitor = app
        .new_session_in(session.client.clone(), ACCOUNT, AGENT)
        .await?;
    app.turn(&same_visitor, "fresh session").await?;
    Ok(())
}

async fn turns_over_the_ip_limit_are_refused_for_that_client_ip_only(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.turn.ip", "2/1m")]).await?;
    let (first, second, third) = (
        app.new_session(ACCOUNT, AGENT).await?,
        app.new_session(ACCOUNT, AGENT).await?,
        app.new_session(ACCOUNT, AGENT).await?,
    );
    let ip = Some("203.0.113.9:51234");
    assert_eq!(turn_status(&app, &first, ip).await?.status(), 200);
    assert_eq!(turn_status(&app, &second, ip).await?.status(), 200);
    // A third browser behind the same address is refused.
    assert_refused(turn_status(&app, &third, ip).await?, "rate_limited", 60).await?;
    // Another address (IPv6, as CloudFront writes it) is not.
    let v6 = Some("[2001:db8::7]:443");
    assert_eq!(turn_status(&app, &third, v6).await?.status(), 200);
    // Stored keys hold no address.
    let dump = app.stores.dump().await?.join("\n");
    assert!(!dump.contains("203.0.113.9") && !dump.contains("2001:db8"));
    Ok(())
}

async fn turns_over_the_agent_limit_leave_other_agents_and_accounts_alone(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(
        backend,
        &[
            ("rate_limits.turn.agent", "2/1m"),
            ("rate_limits.turn.account", "3/1m"),
        ],
    )
    .await?;
    for message in ["one", "two"] {
        app.turn_in_new_session(ACCOUNT, AGENT, message).await?;
    }
    let sales = app.new_session(ACCOUNT, AGENT).await?;
    assert_refused(turn_status(&app, &sales, None).await?, "rate_limited", 60).await?;
    // The account's other agent has its own agent window, and the account's third turn.
    let support = app.new_session(ACCOUNT, "support").await?;
    app.turn(&support, "three").await?;
    let support_again = app.new_session(ACCOUNT, "support").await?;
    assert_refused(
        turn_status(&app, &support_again, None).await?,
        "rate_limited",
        60,
    )
    .await?;
    // Another account counts apart.
    app.turn_in_new_session("harbor-books", "info", "open today?")
        .await?;
    Ok(())
}

async fn session_creation_is_limited_per_visitor_and_per_ip(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(
        backend,
        &[
            ("rate_limits.session.visitor", "2/1m"),
            ("rate_limits.session.ip", "5/1m"),
        ],
    )
    .await?;
    let create = |client: &reqwest::Client| {
        client
            .post(app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")))
            .send()
    };
    let browser = app.browser();
    // The first session has no visitor yet, so it counts per IP only; the visitor's third
    // is refused (and not counted for the IP).
    for _ in 0..3 {
        assert_eq!(create(&browser).await?.status(), 201);
    }
    let refused = create(&browser).await?;
    assert_refused(refused, "rate_limited", 60).await?;
    // Another browser from the same address: two more fit in the IP's window of 5.
    let other = app.browser();
    for _ in 0..2 {
        assert_eq!(create(&other).await?.status(), 201);
    }
    let by_ip = create(&other).await?;
    assert_eq!(by_ip.status(), 429);
    let body: Value = by_ip.json().await?;
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("from this network")),
        "{body}"
    );
    // A browser behind another address is not held back.
    let elsewhere = app
        .browser()
        .post(app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")))
        .header("cloudfront-viewer-address", "192.0.2.1:1")
        .send()
        .await?;
    assert_eq!(elsewhere.status(), 201);
    Ok(())
}

async fn code_requests_are_limited_per_address(backend: Backend) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.otp.email", "2/1h")]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    for _ in 0..2 {
        let accepted = app
            .request_code(&session, "busy@example.com", "verify")
            .await?;
        assert_eq!(accepted.status(), 202);
    }
    let refused = app
        .request_code(&session, "busy@example.com", "verify")
        .await?;
    assert_refused(refused, "rate_limited", 3600).await?;
    let other_address = app
        .request_code(&session, "calm@example.com", "verify")
        .await?;
    assert_eq!(other_address.status(), 202);
    Ok(())
}

async fn summaries_are_limited_per_session(backend: Backend) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.summary.session", "1/1h")]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.turn(&session, "I need a quote for a heat pump").await?;
    let first = post(&app, &session, "/summary", None).send().await?;
    assert_eq!(first.status(), 200, "{}", first.text().await?);
    let second = post(&app, &session, "/summary", None).send().await?;
    assert_refused(second, "rate_limited", 3600).await?;
    // Another session of the same visitor is not limited by this one's window.
    let other = app
        .new_session_in(session.client.clone(), ACCOUNT, AGENT)
        .await?;
    app.turn(&other, "and a boiler").await?;
    let third = post(&app, &other, "/summary", None).send().await?;
    assert_eq!(third.status(), 200);
    Ok(())
}

async fn a_window_admits_again_once_it_is_over(backend: Backend) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.turn.visitor", "2/2s")]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    at_window_start(2).await;
    app.turn(&session, "one").await?;
    app.turn(&session, "two").await?;
    let wait = assert_refused(turn_status(&app, &session, None).await?, "rate_limited", 2).await?;
    tokio::time::sleep(Duration::from_secs(wait)).await;
    app.turn(&session, "three").await?;
    Ok(())
}

async fn a_second_stream_of_a_session_waits_for_the_first_to_end(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(backend, &[]).await?;
    let standin = app.standin.clone().context("stand-in")?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let mut first = app.stream(&session, "Wait for it [[standin:gate]]").await?;
    first.next().await?.context("no first event")?;
    let second = post(&app, &session, "/stream", None)
        .json(&json!({"message": "me too"}))
        .send()
        .await?;
    assert_refused(second, "too_many_streams", 2).await?;
    // The buffered route is not a stream: it is not held back.
    standin.state.gate.notify_one();
    let rest = first.collect().await?;
    assert_eq!(rest.last().map(|e| e.name.as_str()), Some("done"));
    // Sent as soon as the first is done: admitted.
    let events = app.streamed_turn(&session, "next").await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    Ok(())
}

async fn a_visitor_has_at_most_two_streams_and_a_disconnect_frees_one(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(backend, &[]).await?;
    let one = app.new_session(ACCOUNT, AGENT).await?;
    let two = app
        .new_session_in(one.client.clone(), ACCOUNT, AGENT)
        .await?;
    let three = app
        .new_session_in(one.client.clone(), ACCOUNT, AGENT)
        .await?;
    let mut first = app.stream(&one, "hold [[standin:hang]]").await?;
    first.next().await?.context("no first event")?;
    let mut second = app.stream(&two, "hold [[standin:hang]]").await?;
    second.next().await?.context("no first event")?;
    let third = post(&app, &three, "/stream", None)
        .json(&json!({"message": "a third"}))
        .send()
        .await?;
    assert_refused(third, "too_many_streams", 2).await?;
    // Another visitor is not held back.
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let events = app.streamed_turn(&stranger, "hello").await?;
    assert_eq!(events.last().map(|e| e.name.as_str()), Some("done"));
    // The visitor closes one stream: its leases are given back.
    drop(first);
    let mut admitted = false;
    for _ in 0..40 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let again = post(&app, &three, "/stream", None)
            .json(&json!({"message": "a third"}))
            .send()
            .await?;
        if again.status() == 200 {
            admitted = true;
            break;
        }
        assert_eq!(again.status(), 429);
    }
    assert!(admitted, "the closed stream's lease was never given back");
    drop(second);
    Ok(())
}

async fn fifty_concurrent_session_creations_admit_exactly_the_limit(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = limited_app(backend, &[("rate_limits.session.ip", "10/1h")]).await?;
    let url = app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions"));
    let client = app.client();
    let answers = futures::future::join_all((0..50).map(|_| {
        client
            .post(&url)
            .header("cloudfront-viewer-address", "198.51.100.4:1")
            .send()
    }))
    .await;
    let mut created = 0;
    for answer in answers {
        match answer?.status().as_u16() {
            201 => created += 1,
            429 => {}
            other => anyhow::bail!("unexpected status {other}"),
        }
    }
    assert_eq!(created, 10);
    Ok(())
}

/// Two application states over one DynamoDB Local table, as two Lambda instances: 50
/// concurrent turns of one visitor against a limit of 10 admit exactly 10.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_sharing_a_table_admit_exactly_the_limit() -> anyhow::Result<()> {
    let stores = store_factory(Backend::Dynamodb).await?;
    // Both instances hash subjects with the deployment's one key, as in AWS (SSM).
    let overrides = [
        setting("rate_limits.turn.visitor", "10/1h"),
        setting("otp.secret", "one-key-for-every-instance"),
    ];
    let instance = || -> anyhow::Result<AppState> {
        let catalog = Catalog::load(&config_dir(), &overrides)?;
        AppState::new(Arc::new(catalog), stores.open()?)
    };
    let (a, b) = (instance()?, instance()?);
    let account = AccountId::parse(ACCOUNT)?;
    let agent = AgentId::parse(AGENT)?;
    let visitor = VisitorId::generate();
    let config = a.catalog.agent(&account, &agent).context("agent")?;
    let limits = &config.settings.rate_limits;
    let subjects = Subjects {
        account: &account,
        agent: &agent,
        session: None,
        visitor: Some(&visitor),
        email: None,
        ip: None,
    };
    let at = now();
    let results = futures::future::join_all((0..50).map(|i| {
        let state = if i % 2 == 0 { &a } else { &b };
        async move {
            state
                .limiter(limits)
                .check(Action::Turn, &subjects, at)
                .await
        }
    }))
    .await;
    let mut admitted = 0;
    for result in results {
        match result {
            Ok(()) => admitted += 1,
            Err(LimitError::RateLimited {
                retry_after_secs, ..
            }) => assert!((1..=3600).contains(&retry_after_secs)),
            Err(other) => return Err(other.into()),
        }
    }
    assert_eq!(admitted, 10);
    Ok(())
}
