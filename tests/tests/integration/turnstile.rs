//! Cloudflare Turnstile on session creation, against the siteverify stand-in
//! (`salient_tests::turnstile_standin`), on both storage backends: an account with a site key
//! starts a session only with a token siteverify accepts (once, for the `session` action),
//! refuses everything else with `challenge_failed` and stores nothing, and fails closed with
//! `challenge_unavailable` when siteverify cannot answer. The agent card hands the widget the
//! site key; an account without one is untouched.

use std::time::{Duration, Instant};

use salient_core::config::{Catalog, SecretParameter};
use salient_core::domain::AccountId;
use salient_tests::app::{AppOptions, Backend, TestApp, config_dir, setting, spawn_app_with};
use salient_tests::turnstile_standin::{Behaviour, SECRET, SITE_KEY, TurnstileStandin};
use serde_json::{Value, json};

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";
/// An account without Turnstile.
const OTHER_ACCOUNT: &str = "harbor-books";

/// One of northwind-heating's own settings (as its SSM parameters under
/// `accounts/northwind-heating/` would set it).
fn account_setting(key: &str, value: &str) -> anyhow::Result<SecretParameter> {
    Ok(SecretParameter {
        account: Some(AccountId::parse(ACCOUNT)?),
        ..setting(key, value)
    })
}

/// The app with Turnstile on for northwind-heating, checking tokens at `verify_url`.
async fn guarded_app(backend: Backend, verify_url: &str) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        overrides: vec![
            account_setting("account.turnstile.site_key", SITE_KEY)?,
            account_setting("account.turnstile.secret_key", SECRET)?,
            account_setting("account.turnstile.verify_url", verify_url)?,
            account_setting("account.turnstile.timeout_ms", "400")?,
        ],
        ..AppOptions::default()
    })
    .await
}

/// Asks for a new session of `account`'s agent as a new visitor, with `body` (none when
/// `Null`); the answer.
async fn create_session(
    app: &TestApp,
    account: &str,
    agent: &str,
    body: &Value,
) -> anyhow::Result<reqwest::Response> {
    let request = app
        .browser()
        .post(app.url(&format!("/api/{account}/{agent}/sessions")));
    let request = if body.is_null() {
        request
    } else {
        request.json(body)
    };
    Ok(request.send().await?)
}

/// Checks a refusal: the status and code, and that no session (no visitor cookie) was made.
async fn assert_refused(
    response: reqwest::Response,
    status: u16,
    code: &str,
    case: &str,
) -> anyhow::Result<()> {
    assert_eq!(response.status().as_u16(), status, "{case}");
    assert!(
        response.headers().get("set-cookie").is_none(),
        "{case}: a refused request got a visitor"
    );
    let body: Value = response.json().await?;
    assert_eq!(body["error"]["code"], code, "{case}: {body}");
    Ok(())
}

fn token_body(token: &str) -> Value {
    json!({ "turnstile_token": token })
}

async fn a_new_session_needs_a_token_siteverify_accepts(backend: Backend) -> anyhow::Result<()> {
    let standin = TurnstileStandin::spawn().await?;
    let app = guarded_app(backend, &standin.verify_url()).await?;

    // Without a token nothing is asked of siteverify.
    for (body, case) in [
        (Value::Null, "no body"),
        (json!({}), "no token"),
        (token_body(""), "empty token"),
        (
            token_body(&"x".repeat(2049)),
            "a token over 2048 characters",
        ),
    ] {
        let response = create_session(&app, ACCOUNT, AGENT, &body).await?;
        assert_refused(response, 403, "challenge_failed", case).await?;
    }
    assert!(standin.calls().is_empty());

    let forged = create_session(&app, ACCOUNT, AGENT, &token_body("forged.token")).await?;
    assert_refused(forged, 403, "challenge_failed", "a forged token").await?;

    let token = standin.issue_token("session");
    let created = create_session(&app, ACCOUNT, AGENT, &token_body(&token)).await?;
    assert_eq!(created.status(), 201);
    let body: Value = created.json().await?;
    assert!(body["session"]["id"].is_string(), "{body}");
    let call = standin.calls().last().cloned().unwrap_or_default();
    assert_eq!(call.secret.as_deref(), Some(SECRET));
    assert_eq!(call.response.as_deref(), Some(token.as_str()));
    assert_eq!(call.remoteip.as_deref(), Some("127.0.0.1"));
    let key = call.idempotency_key.unwrap_or_default();
    assert!(
        uuid_shaped(&key),
        "the idempotency key is a UUID, not {key:?}"
    );

    // A token is good once, and only for the action the widget renders.
    for (token, case) in [
        (token, "a token used before"),
        (standin.issue_expired_token(), "an expired token"),
        (standin.issue_token("login"), "a token for another action"),
    ] {
        let response = create_session(&app, ACCOUNT, AGENT, &token_body(&token)).await?;
        assert_refused(response, 403, "challenge_failed", case).await?;
    }

    // An account without Turnstile needs no token and asks nothing of siteverify.
    let calls = standin.calls().len();
    let plain = create_session(&app, OTHER_ACCOUNT, "info", &Value::Null).await?;
    assert_eq!(plain.status(), 201);
    assert_eq!(standin.calls().len(), calls);
    Ok(())
}

/// `8-4-4-4-12` hexadecimal digits.
fn uuid_shaped(key: &str) -> bool {
    let groups: Vec<&str> = key.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}

async fn siteverify_unreachable_or_slow_fails_closed(backend: Backend) -> anyhow::Result<()> {
    // A port nothing listens on.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let unreachable = format!("http://{}/turnstile/v0/siteverify", closed.local_addr()?);
    drop(closed);
    let app = guarded_app(backend, &unreachable).await?;
    let response = create_session(&app, ACCOUNT, AGENT, &token_body("0.any-token")).await?;
    assert!(response.headers().get("retry-after").is_some());
    assert_refused(response, 503, "challenge_unavailable", "unreachable").await?;

    let standin = TurnstileStandin::spawn().await?;
    standin.behave(Behaviour::Hang);
    let app = guarded_app(backend, &standin.verify_url()).await?;
    let started = Instant::now();
    let token = standin.issue_token("session");
    let response = create_session(&app, ACCOUNT, AGENT, &token_body(&token)).await?;
    assert_refused(response, 503, "challenge_unavailable", "no answer").await?;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "two attempts of 400 ms took {:?}",
        started.elapsed()
    );
    Ok(())
}

async fn a_retried_siteverify_call_keeps_its_idempotency_key(
    backend: Backend,
) -> anyhow::Result<()> {
    let standin = TurnstileStandin::spawn().await?;
    let app = guarded_app(backend, &standin.verify_url()).await?;
    for behaviour in [Behaviour::BadGatewayOnce, Behaviour::InternalErrorOnce] {
        standin.behave(behaviour);
        let before = standin.calls().len();
        let token = standin.issue_token("session");
        let created = create_session(&app, ACCOUNT, AGENT, &token_body(&token)).await?;
        assert_eq!(created.status(), 201, "{behaviour:?}");
        let calls = standin.calls();
        let attempts = &calls[before..];
        assert_eq!(attempts.len(), 2, "{behaviour:?}: one retry");
        assert!(attempts[0].idempotency_key.is_some());
        assert_eq!(
            attempts[0].idempotency_key, attempts[1].idempotency_key,
            "{behaviour:?}"
        );
    }
    // Failing twice in a row is no pass.
    let standin = TurnstileStandin::spawn().await?;
    let app = guarded_app(backend, &standin.verify_url()).await?;
    standin.behave(Behaviour::Hang);
    let token = standin.issue_token("session");
    let response = create_session(&app, ACCOUNT, AGENT, &token_body(&token)).await?;
    assert_refused(response, 503, "challenge_unavailable", "twice").await?;
    Ok(())
}

async fn the_agent_card_names_the_site_key_only_where_turnstile_is_on(
    backend: Backend,
) -> anyhow::Result<()> {
    let standin = TurnstileStandin::spawn().await?;
    let app = guarded_app(backend, &standin.verify_url()).await?;
    let card: Value = app
        .client()
        .get(app.url(&format!("/api/{ACCOUNT}/{AGENT}")))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(card["turnstile_site_key"], SITE_KEY, "{card}");
    assert!(card.get("secret_key").is_none() && !card.to_string().contains(SECRET));
    let other: Value = app
        .client()
        .get(app.url(&format!("/api/{OTHER_ACCOUNT}/info")))
        .send()
        .await?
        .json()
        .await?;
    assert_eq!(other["turnstile_site_key"], Value::Null, "{other}");
    Ok(())
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        a_new_session_needs_a_token_siteverify_accepts,
        siteverify_unreachable_or_slow_fails_closed,
        a_retried_siteverify_call_keeps_its_idempotency_key,
        the_agent_card_names_the_site_key_only_where_turnstile_is_on,
    }
}

#[test]
fn a_site_key_without_its_secret_key_is_refused_at_load() -> anyhow::Result<()> {
    let Err(err) = Catalog::load(
        &config_dir(),
        &[account_setting("account.turnstile.site_key", SITE_KEY)?],
    ) else {
        anyhow::bail!("a site key without a secret key loaded");
    };
    assert!(
        err.to_string().contains("account.turnstile.secret_key"),
        "{err}"
    );
    Ok(())
}
