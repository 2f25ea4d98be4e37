//! Conversation summaries: written by the real LLM client against the stand-in, rendered,
//! and sent through the file outbox (read back from the `.eml` files) or through SES v2 on
//! moto (read back from moto). Idempotency under two concurrent sweeps runs on DynamoDB
//! Local; failed sends are recorded and retried.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use anyhow::{Context as _, ensure};
use chrono::Duration;
use salient_core::AppState;
use salient_core::SesTransport;
use salient_core::domain::{
    AccountId, AgentId, EmailStatus, EmailTrigger, Message, Role, Session, SessionId,
    SummaryStatus, VisitorId, now,
};
use salient_core::ports::Store;
use salient_core::summary::SummaryOutcome;
use salient_email::{send_summary, sweep};
use salient_tests::app::{AppOptions, Backend, TestApp, TestSession, setting, spawn_app_with};
use salient_tests::mail::{
    FailingFirst, moto_message, outbox, outbox_to, ses_client, ses_endpoint, verify_ses_identity,
};
use serde_json::{Value, json};

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";
const RECIPIENT: &str = "leads@northwind-heating.example";

async fn email_app(backend: Backend) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        outbox: true,
        ..AppOptions::default()
    })
    .await
}

fn account() -> AccountId {
    AccountId::parse(ACCOUNT).expect("valid")
}

/// A session of `agent` whose last message was `minutes_ago`.
async fn quiet_session(
    store: &dyn Store,
    agent: &str,
    minutes_ago: i64,
    texts: &[&str],
) -> anyhow::Result<Session> {
    let at = now() - Duration::minutes(minutes_ago);
    let session = Session::new(account(), AgentId::parse(agent)?, VisitorId::generate(), at);
    store.create_session(&session).await?;
    for (i, text) in texts.iter().enumerate() {
        let role = if i % 2 == 0 {
            Role::User
        } else {
            Role::Assistant
        };
        store
            .append_message(&account(), &session.id, &Message::new(role, *text, at))
            .await?;
    }
    Ok(store.get_session(&account(), &session.id).await?)
}

/// Asks for `session`'s summary from `browser`.
async fn summary_request(
    app: &TestApp,
    browser: &TestSession,
    session: &TestSession,
    body: Option<Value>,
) -> anyhow::Result<(u16, Value)> {
    let mut request = browser.client.post(app.session_url(session, "/summary"));
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await?;
    Ok((
        response.status().as_u16(),
        response.json().await.unwrap_or(Value::Null),
    ))
}

#[tokio::test]
async fn the_widget_sends_one_summary_to_the_account_recipients() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let id = SessionId::parse(&session.id)?;
    let store = app.state.store.clone();
    for (role, text) in [
        (
            Role::User,
            "Hi, I'm Ann <b>Lee</b>; I'd like a quote for a heat pump in LS6.",
        ),
        (
            Role::Assistant,
            "Happy to help, Ann. A home survey is free.",
        ),
    ] {
        store
            .append_message(&account(), &id, &Message::new(role, text, now()))
            .await?;
    }

    let (status, body) = summary_request(&app, &session, &session, None).await?;
    assert_eq!((status, &body["status"]), (200, &json!("sent")), "{body}");

    let sent = outbox(app.outbox())?;
    assert_eq!(sent.len(), 1, "{sent:?}");
    let email = &sent[0];
    assert_eq!(email.to, vec![RECIPIENT]);
    assert_eq!(email.from, "no-reply@example.com");
    assert!(
        email.subject.starts_with("Conversation summary"),
        "{}",
        email.subject
    );
    let html = email.html.as_deref().context("no HTML part")?;
    let text = email.text.as_deref().context("no text part")?;
    assert!(html.contains("style=\""), "no inline CSS: {html}");
    // The stand-in echoes what it was given: the transcript reached the model, and the
    // visitor's markup arrives escaped in the HTML part.
    assert!(text.contains("Visitor: Hi, I'm Ann <b>Lee</b>"), "{text}");
    assert!(html.contains("Ann &lt;b&gt;Lee&lt;"), "{html}");
    assert!(!html.contains("<b>Lee</b>"), "{html}");
    // The agent's own summary prompt was the system message.
    let request = app
        .standin
        .as_ref()
        .context("stand-in")?
        .last_request()
        .context("no LLM call")?;
    let prompt = request["messages"][0]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(
        prompt.contains("Northwind Heating") && prompt.contains("Open questions"),
        "{prompt}"
    );

    // The summary's call to the model is recorded against the session, like a turn's.
    let calls = store.llm_requests(&account(), &id).await?;
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0].message, None);
    assert!(calls[0].completion_tokens > 0 && calls[0].cost_usd.is_some());

    let events = store.email_events(&account(), &id).await?;
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].status, EmailStatus::Sent);
    assert_eq!(events[0].trigger, EmailTrigger::Widget);
    assert_eq!(
        events[0].provider_message_id.as_deref(),
        Some(email.id.as_str())
    );
    assert_eq!(
        store.get_session(&account(), &id).await?.summary_status,
        SummaryStatus::Sent
    );

    // Asking again sends nothing.
    let (status, body) = summary_request(&app, &session, &session, Some(json!({}))).await?;
    assert_eq!(
        (status, &body["status"]),
        (200, &json!("already_sent")),
        "{body}"
    );
    assert_eq!(outbox(app.outbox())?.len(), 1);
    // Someone else's session is not theirs to summarise.
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let (status, body) = summary_request(&app, &stranger, &session, None).await?;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (404, Some("session_not_found"))
    );
    Ok(())
}

#[tokio::test]
async fn a_verified_visitor_gets_a_copy_only_when_verified_and_asked() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let id = SessionId::parse(&session.id)?;
    app.state
        .store
        .append_message(&account(), &id, &Message::new(Role::User, "Hello", now()))
        .await?;
    let copy_to_me = Some(json!({"copy_to_me": true}));
    let (status, body) = summary_request(&app, &session, &session, copy_to_me.clone()).await?;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("email_not_verified")),
        "{body}"
    );
    assert!(outbox(app.outbox())?.is_empty());

    app.verify_email(&session, "copy.me@example.com").await?;

    let (status, body) = summary_request(&app, &session, &session, copy_to_me).await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["visitor_copy"], true, "{body}");
    assert_eq!(outbox_to(app.outbox(), RECIPIENT)?.len(), 1);
    let copies = outbox_to(app.outbox(), "copy.me@example.com")?;
    assert_eq!(copies.len(), 2, "the code and the copy");
    assert!(
        copies[1].subject.contains("Your conversation"),
        "{}",
        copies[1].subject
    );
    assert!(
        !copies[1].to.iter().any(|t| t == RECIPIENT),
        "the business's address was shown to the visitor"
    );
    Ok(())
}

#[tokio::test]
async fn an_empty_session_has_nothing_to_summarise() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let (status, body) = summary_request(&app, &session, &session, None).await?;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("nothing_to_summarise")),
        "{body}"
    );
    let (status, body) =
        summary_request(&app, &session, &session, Some(json!({"copy_to_me": "yes"}))).await?;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("invalid_json")),
        "{body}"
    );
    let response = session
        .client
        .post(app.session_url(&session, "/summary"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await?;
    assert_eq!(response.status(), 400);
    Ok(())
}

#[tokio::test]
async fn the_sweep_summarises_each_quiet_session_once() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let store = app.state.store.clone();
    let quiet = quiet_session(store.as_ref(), "sales", 45, &["Need a boiler", "Sure"]).await?;
    let quiet_support =
        quiet_session(store.as_ref(), "support", 90, &["My boiler shows F28"]).await?;
    let active = quiet_session(store.as_ref(), "sales", 5, &["Still typing"]).await?;
    let _empty = quiet_session(store.as_ref(), "sales", 120, &[]).await?;

    let first = sweep(&app.state, now()).await?;
    assert_eq!((first.sent, first.failed), (2, 0), "{first:?}");
    let second = sweep(&app.state, now()).await?;
    assert_eq!((second.considered, second.sent), (0, 0), "{second:?}");

    let sent = outbox(app.outbox())?;
    assert_eq!(sent.len(), 2, "{sent:?}");
    for session in [&quiet, &quiet_support] {
        let events = store.email_events(&account(), &session.id).await?;
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].trigger, EmailTrigger::Inactivity);
        assert_eq!(events[0].status, EmailStatus::Sent);
    }
    assert!(store.email_events(&account(), &active.id).await?.is_empty());
    // The support agent's own prompt wrote its summary.
    let standin = app.standin.as_ref().context("stand-in")?;
    let prompts: Vec<String> = standin
        .state
        .requests
        .lock()
        .map_err(|_| anyhow::anyhow!("poisoned"))?
        .iter()
        .filter_map(|r| r["messages"][0]["content"].as_str().map(str::to_owned))
        .collect();
    assert!(
        prompts.iter().any(|p| p.contains("service desk")),
        "{prompts:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_failed_send_is_recorded_and_retried_by_the_next_sweep() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let failing = FailingFirst::new(app.outbox().to_owned(), 1);
    let state = app.state.clone().with_mail(failing.clone());
    let session = quiet_session(state.store.as_ref(), "sales", 60, &["Quote please"]).await?;

    let first = sweep(&state, now()).await?;
    assert_eq!((first.sent, first.failed), (0, 1), "{first:?}");
    let events = state.store.email_events(&account(), &session.id).await?;
    assert_eq!(events[0].status, EmailStatus::Failed);
    assert!(
        events[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("injected failure")),
        "{events:?}"
    );
    assert_eq!(
        state
            .store
            .get_session(&account(), &session.id)
            .await?
            .summary_status,
        SummaryStatus::Failed
    );
    assert!(outbox(app.outbox())?.is_empty());

    let second = sweep(&state, now()).await?;
    assert_eq!((second.sent, second.failed), (1, 0), "{second:?}");
    let events = state.store.email_events(&account(), &session.id).await?;
    assert_eq!(
        (events[0].status, events[0].attempts),
        (EmailStatus::Sent, 2)
    );
    assert_eq!(events[0].error, None);
    assert_eq!(outbox(app.outbox())?.len(), 1);
    assert_eq!(failing.attempts.load(Ordering::SeqCst), 2);
    Ok(())
}

#[tokio::test]
async fn a_failing_model_is_recorded_as_a_failed_send_not_lost() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let store = app.state.store.clone();
    // The stand-in answers 401 to this conversation.
    let session = quiet_session(store.as_ref(), "sales", 60, &["Hello [[standin:401]]"]).await?;
    let report = sweep(&app.state, now()).await?;
    assert_eq!(report.failed, 1, "{report:?}");
    let events = store.email_events(&account(), &session.id).await?;
    assert_eq!(events[0].status, EmailStatus::Failed);
    assert!(
        events[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("401")),
        "{events:?}"
    );
    assert!(outbox(app.outbox())?.is_empty());
    Ok(())
}

#[tokio::test]
async fn two_concurrent_sweeps_send_exactly_one_email_per_session_on_dynamodb() -> anyhow::Result<()>
{
    let app = email_app(Backend::Dynamodb).await?;
    let mut sessions = Vec::new();
    for i in 0..6 {
        sessions.push(
            quiet_session(
                app.state.store.as_ref(),
                "sales",
                40 + i,
                &["I want a heat pump", "Great"],
            )
            .await?,
        );
    }
    // Two sweepers, each with its own store handle (two Lambda instances).
    let other = AppState::new(Arc::clone(&app.state.catalog), app.stores.open()?)?;
    let (a, b) = tokio::join!(sweep(&app.state, now()), sweep(&other, now()));
    let (a, b) = (a?, b?);
    println!("sweep A {a:?}, sweep B {b:?}");
    assert_eq!(a.sent + b.sent, sessions.len(), "A {a:?}, B {b:?}");
    let sent = outbox_to(app.outbox(), RECIPIENT)?;
    assert_eq!(sent.len(), sessions.len(), "emails: {}", sent.len());
    for session in &sessions {
        let events = app
            .state
            .store
            .email_events(&account(), &session.id)
            .await?;
        ensure!(
            events.len() == 1 && events[0].status == EmailStatus::Sent,
            "{events:?}"
        );
    }
    // And again: nothing more.
    let (a, b) = tokio::join!(sweep(&app.state, now()), sweep(&other, now()));
    assert_eq!(a?.sent + b?.sent, 0);
    assert_eq!(outbox_to(app.outbox(), RECIPIENT)?.len(), sessions.len());
    Ok(())
}

#[tokio::test]
async fn ses_delivers_the_summary_through_moto() -> anyhow::Result<()> {
    let endpoint = ses_endpoint()?;
    verify_ses_identity(&endpoint, "example.com").await?;
    let app = email_app(Backend::Embedded).await?;
    let state = app
        .state
        .clone()
        .with_mail(Arc::new(SesTransport::with_client(ses_client(&endpoint))));
    let session = quiet_session(
        state.store.as_ref(),
        "sales",
        50,
        &[
            "Hi, Bo from Bo's Cafe here: a boiler for the cafe?",
            "Yes, we fit those.",
        ],
    )
    .await?;

    let outcome = send_summary(&state, &session, EmailTrigger::Inactivity, false, now()).await?;
    let SummaryOutcome::Sent { message_id, .. } = outcome else {
        anyhow::bail!("not sent: {outcome:?}");
    };
    let events = state.store.email_events(&account(), &session.id).await?;
    assert_eq!(
        events[0].provider_message_id.as_deref(),
        Some(message_id.as_str())
    );

    let received = moto_message(&endpoint, &message_id).await?;
    assert!(
        received.to.iter().any(|t| t == RECIPIENT),
        "{:?}",
        received.to
    );
    assert!(
        received.subject.starts_with("Conversation summary"),
        "{}",
        received.subject
    );
    let text = received.text.as_deref().context("no text part")?;
    let html = received.html.as_deref().context("no HTML part")?;
    assert!(text.contains("Bo's Cafe"), "{text}");
    assert!(html.contains("Bo&#x27;s Cafe"), "{html}");
    assert!(html.contains("style=\""), "{html}");
    assert!(
        outbox(app.outbox())?.is_empty(),
        "the outbox was used instead of SES"
    );
    Ok(())
}

#[tokio::test]
async fn ses_refusal_is_recorded_as_a_failed_send() -> anyhow::Result<()> {
    let endpoint = ses_endpoint()?;
    let app = email_app(Backend::Embedded).await?;
    // No identity for this sender: SES (moto) rejects the message.
    let mut catalog_overrides = vec![
        setting("email.outbox_dir", &app.outbox().display().to_string()),
        setting("email.from", "Salient <no-reply@unverified-sender.example>"),
    ];
    catalog_overrides.push(setting(
        "llm.base_url",
        &app.standin.as_ref().context("stand-in")?.base_url(),
    ));
    catalog_overrides.push(setting("llm.api_key", "sk-test"));
    let catalog =
        salient_core::config::Catalog::load(&salient_tests::app::config_dir(), &catalog_overrides)?;
    let state = AppState::new(Arc::new(catalog), app.stores.open()?)?
        .with_mail(Arc::new(SesTransport::with_client(ses_client(&endpoint))));
    let session = quiet_session(state.store.as_ref(), "sales", 50, &["Hello"]).await?;
    let outcome = send_summary(&state, &session, EmailTrigger::Inactivity, false, now()).await?;
    assert!(
        matches!(outcome, SummaryOutcome::Failed { .. }),
        "{outcome:?}"
    );
    let events = state.store.email_events(&account(), &session.id).await?;
    assert_eq!(events[0].status, EmailStatus::Failed);
    assert!(
        events[0].error.as_deref().is_some_and(|e| !e.is_empty()),
        "{events:?}"
    );
    Ok(())
}

#[tokio::test]
async fn the_scheduler_event_runs_the_sweep() -> anyhow::Result<()> {
    let app = email_app(Backend::Embedded).await?;
    let session = quiet_session(app.state.store.as_ref(), "sales", 60, &["Hi"]).await?;
    let raw = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/scheduler-inactivity-sweep.json"),
    )?;
    let event: salient_email::ScheduledEvent = serde_json::from_str(&raw)?;
    let report = salient_email::run_scheduled(&app.state, &event).await?;
    assert_eq!(report.sent, 1, "{report:?}");
    assert_eq!(
        app.state
            .store
            .email_events(&account(), &session.id)
            .await?
            .len(),
        1
    );
    let unknown: salient_email::ScheduledEvent = serde_json::from_value(json!({
        "detail-type": "Scheduled Event", "detail": {"task": "mystery"}
    }))?;
    assert!(
        salient_email::run_scheduled(&app.state, &unknown)
            .await
            .is_err()
    );
    Ok(())
}
