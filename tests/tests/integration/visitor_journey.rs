//! The visitor's journey through the widget: the agent card (starters, profile fields,
//! handoff and business hours), rating answers, the session's title, a summary sent to the
//! visitor alone, and asking for a person. Storage-backed cases run on both backends.

use anyhow::Context as _;
use salient_core::config::Catalog;
use salient_core::domain::{AccountId, EmailStatus, EmailTrigger, SessionId};
use salient_tests::app::{
    AppOptions, Backend, TestApp, TestSession, copy_config, setting, spawn_app_with,
};
use salient_tests::mail::{outbox, outbox_to};
use serde_json::{Value, json};

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";
const LEADS: &str = "leads@northwind-heating.example";
const FOREIGN_ORIGIN: &str = "https://evil.example";

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        an_answer_is_rated_then_rerated_and_the_rating_shows_in_history,
        only_an_answer_of_the_visitors_own_session_can_be_rated,
        the_first_visitor_message_titles_the_session,
        a_handoff_emails_the_team_once_and_marks_the_session,
        a_summary_to_me_goes_only_to_the_verified_address_once,
        details_left_with_the_code_are_stored_once_it_is_right,
    }
}

async fn app_on(backend: Backend) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        outbox: true,
        ..AppOptions::default()
    })
    .await
}

/// An app whose summaries are not limited per session (a case asks more often than a
/// visitor may in an hour).
async fn app_without_summary_limit(backend: Backend) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        outbox: true,
        overrides: vec![setting("rate_limits.summary.session", "")],
        ..AppOptions::default()
    })
    .await
}

/// Posts `body` to `session`'s route `tail` from `browser`, with `origin` when given; the
/// status and JSON body.
async fn post(
    app: &TestApp,
    browser: &TestSession,
    session: &TestSession,
    tail: &str,
    body: Option<Value>,
    origin: Option<&str>,
) -> anyhow::Result<(u16, Value)> {
    let mut request = browser.client.post(app.session_url(session, tail));
    if let Some(body) = body {
        request = request.json(&body);
    }
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    let response = request.send().await?;
    Ok((
        response.status().as_u16(),
        response.json().await.unwrap_or(Value::Null),
    ))
}

/// Rates `message` of `session` from its own browser.
async fn rate(
    app: &TestApp,
    session: &TestSession,
    message: &str,
    body: Value,
) -> anyhow::Result<(u16, Value)> {
    let tail = format!("/messages/{message}/feedback");
    post(app, session, session, &tail, Some(body), None).await
}

fn code(body: &Value) -> Option<&str> {
    body["error"]["code"].as_str()
}

/// The session as its browser reads it.
async fn session_json(app: &TestApp, session: &TestSession) -> anyhow::Result<Value> {
    let body: Value = session
        .client
        .get(app.session_url(session, ""))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(body["session"].clone())
}

async fn an_answer_is_rated_then_rerated_and_the_rating_shows_in_history(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app_on(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let turn = app.turn(&session, "Do you install heat pumps?").await?;
    assert_eq!(turn["user_message"]["feedback"], Value::Null, "{turn}");
    assert_eq!(turn["assistant_message"]["feedback"], Value::Null, "{turn}");
    let answer = turn["assistant_message"]["id"]
        .as_str()
        .context("no answer id")?;

    let (status, body) = rate(&app, &session, answer, json!({"rating": "up"})).await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["feedback"]["message_id"], answer);
    assert_eq!(body["feedback"]["rating"], "up");
    assert_eq!(body["feedback"]["reason"], Value::Null);
    assert_eq!(body["feedback"]["comment"], Value::Null);
    assert!(body["feedback"]["updated_at"].is_string(), "{body}");
    let history = app.history(&session).await?;
    assert_eq!(history[0]["feedback"], Value::Null);
    assert_eq!(
        history[1]["feedback"],
        json!({"rating": "up", "reason": null, "comment": null})
    );

    // Rated again: the new rating replaces the old one.
    let (status, body) = rate(
        &app,
        &session,
        answer,
        json!({"rating": "down", "reason": "outdated", "comment": "The grant ended in May."}),
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    let history = app.history(&session).await?;
    assert_eq!(
        history[1]["feedback"],
        json!({"rating": "down", "reason": "outdated", "comment": "The grant ended in May."})
    );
    // And back to up, which clears the reason and the comment.
    let (status, _) = rate(&app, &session, answer, json!({"rating": "up"})).await?;
    assert_eq!(status, 200);
    assert_eq!(
        app.history(&session).await?[1]["feedback"],
        json!({"rating": "up", "reason": null, "comment": null})
    );

    // A reason or a comment goes only with a down rating; nothing changes.
    for bad in [
        json!({"rating": "up", "reason": "wrong"}),
        json!({"rating": "up", "comment": "great"}),
        json!({"rating": "down", "comment": "x".repeat(501)}),
    ] {
        let (status, body) = rate(&app, &session, answer, bad.clone()).await?;
        assert_eq!(
            (status, code(&body)),
            (422, Some("invalid_request")),
            "{bad} {body}"
        );
    }
    let (status, body) = rate(&app, &session, answer, json!({"rating": "meh"})).await?;
    assert_eq!((status, code(&body)), (400, Some("invalid_json")), "{body}");
    assert_eq!(app.history(&session).await?[1]["feedback"]["rating"], "up");
    Ok(())
}

async fn only_an_answer_of_the_visitors_own_session_can_be_rated(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app_on(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let turn = app.turn(&session, "How much is a new boiler?").await?;
    let answer = turn["assistant_message"]["id"]
        .as_str()
        .context("no answer id")?;
    let question = turn["user_message"]["id"]
        .as_str()
        .context("no question id")?;
    let up = json!({"rating": "up"});

    // The visitor's own message, an unknown id, and something that is no id at all.
    for message in [question, "01J0000000000000000000000Z", "not-an-id"] {
        let (status, body) = rate(&app, &session, message, up.clone()).await?;
        assert_eq!(
            (status, code(&body)),
            (404, Some("message_not_found")),
            "{message}: {body}"
        );
    }
    // The same visitor's other session does not hold this answer.
    let other = app
        .new_session_in(session.client.clone(), ACCOUNT, AGENT)
        .await?;
    let (status, body) = rate(&app, &other, answer, up.clone()).await?;
    assert_eq!(
        (status, code(&body)),
        (404, Some("message_not_found")),
        "{body}"
    );
    // Another visitor cannot rate in this session.
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let tail = format!("/messages/{answer}/feedback");
    let (status, body) = post(&app, &stranger, &session, &tail, Some(up.clone()), None).await?;
    assert_eq!(
        (status, code(&body)),
        (404, Some("session_not_found")),
        "{body}"
    );
    // The same ids under another account are nobody's.
    let elsewhere = TestSession {
        account: "harbor-books".to_owned(),
        agent: "info".to_owned(),
        ..session.clone()
    };
    let (status, body) = post(&app, &session, &elsewhere, &tail, Some(up.clone()), None).await?;
    assert_eq!(
        (status, code(&body)),
        (404, Some("session_not_found")),
        "{body}"
    );
    // A page on another site cannot rate on the visitor's behalf.
    let (status, body) = post(
        &app,
        &session,
        &session,
        &tail,
        Some(up),
        Some(FOREIGN_ORIGIN),
    )
    .await?;
    assert_eq!(
        (status, code(&body)),
        (403, Some("origin_not_allowed")),
        "{body}"
    );
    assert_eq!(app.history(&session).await?[1]["feedback"], Value::Null);
    Ok(())
}

async fn the_first_visitor_message_titles_the_session(backend: Backend) -> anyhow::Result<()> {
    let app = app_on(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    assert_eq!(session_json(&app, &session).await?["title"], Value::Null);
    let long = "Hello! We have a draughty Victorian terrace in Headingley and the old gas boiler keeps failing; what would you suggest?";
    app.turn(&session, long).await?;
    app.turn(&session, "And how long does fitting take?")
        .await?;
    let title = session_json(&app, &session).await?["title"].clone();
    assert_eq!(
        title,
        "Hello! We have a draughty Victorian terrace in Headingley and the old gas…"
    );
    let listed: Value = session
        .client
        .get(app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")))
        .send()
        .await?
        .json()
        .await?;
    let mine = listed["sessions"]
        .as_array()
        .and_then(|all| all.iter().find(|s| s["id"] == session.id.as_str()))
        .context("the session is not listed")?;
    assert_eq!(mine["title"], title);
    assert_eq!(mine["handoff_requested_at"], Value::Null);
    Ok(())
}

async fn a_handoff_emails_the_team_once_and_marks_the_session(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app_on(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.turn(&session, "I'd like a quote for an air source heat pump.")
        .await?;
    let contact =
        json!({"name": "Ann Lee", "email": "ann.lee@example.com", "note": "Mornings are best."});

    // Another visitor, and a page on another site, get nowhere.
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let (status, body) = post(
        &app,
        &stranger,
        &session,
        "/handoff",
        Some(contact.clone()),
        None,
    )
    .await?;
    assert_eq!(
        (status, code(&body)),
        (404, Some("session_not_found")),
        "{body}"
    );
    let (status, body) = post(
        &app,
        &session,
        &session,
        "/handoff",
        Some(contact.clone()),
        Some(FOREIGN_ORIGIN),
    )
    .await?;
    assert_eq!(
        (status, code(&body)),
        (403, Some("origin_not_allowed")),
        "{body}"
    );
    assert!(outbox(app.outbox())?.is_empty());

    let (status, body) = post(
        &app,
        &session,
        &session,
        "/handoff",
        Some(contact.clone()),
        None,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "requested");
    let open_now = body["open_now"].as_bool().context("open_now")?;
    let settings = &app
        .state
        .catalog
        .agent(
            &AccountId::parse(ACCOUNT)?,
            &salient_core::domain::AgentId::parse(AGENT)?,
        )
        .context("agent")?
        .settings
        .handoff;
    let expected = if open_now {
        &settings.message_open
    } else {
        &settings.message_closed
    };
    assert_eq!(body["message"], expected.as_str());

    let sent = outbox_to(app.outbox(), LEADS)?;
    assert_eq!(sent.len(), 1, "{sent:?}");
    let email = &sent[0];
    assert!(email.subject.contains("Ann Lee"), "{}", email.subject);
    let text = email.text.as_deref().context("no text part")?;
    assert!(
        text.contains("Email: ann.lee@example.com (unverified)"),
        "{text}"
    );
    assert!(text.contains("Mornings are best."), "{text}");
    assert!(text.contains("Visitor: I'd like a quote"), "{text}");
    assert!(
        email
            .html
            .as_deref()
            .is_some_and(|h| h.contains("style=\""))
    );

    // Asked again: nothing more is sent.
    let (status, body) = post(&app, &session, &session, "/handoff", None, None).await?;
    assert_eq!(
        (status, &body["status"]),
        (200, &json!("already_requested")),
        "{body}"
    );
    assert_eq!(outbox(app.outbox())?.len(), 1);

    let id = SessionId::parse(&session.id)?;
    let events = app
        .state
        .store
        .email_events(&AccountId::parse(ACCOUNT)?, &id)
        .await?;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].trigger, events[0].status),
        (EmailTrigger::Handoff, EmailStatus::Sent)
    );
    assert_eq!(
        events[0].provider_message_id.as_deref(),
        Some(email.id.as_str())
    );
    let json = session_json(&app, &session).await?;
    assert!(json["handoff_requested_at"].is_string(), "{json}");
    // A handoff is not the business's summary.
    assert_eq!(json["summary_status"], "pending");
    // The contact is in the visitor's profile, unverified.
    let card = app.profile_card(&session).await?;
    assert_eq!(card["profile"]["name"], "Ann Lee");
    assert_eq!(card["profile"]["email"], "ann.lee@example.com");
    assert_eq!(card["profile"]["verified"], false);
    Ok(())
}

async fn a_summary_to_me_goes_only_to_the_verified_address_once(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app_without_summary_limit(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    app.turn(&session, "Can I book a survey for next week?")
        .await?;
    let to_me = Some(json!({"to": "me"}));
    let (status, body) = post(&app, &session, &session, "/summary", to_me.clone(), None).await?;
    assert_eq!(
        (status, code(&body)),
        (409, Some("email_not_verified")),
        "{body}"
    );
    assert!(outbox(app.outbox())?.is_empty());

    let address = "bo.visitor@example.com";
    app.verify_email(&session, address).await?;
    let (status, body) = post(&app, &session, &session, "/summary", to_me.clone(), None).await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        (&body["status"], &body["visitor_copy"]),
        (&json!("sent"), &json!(true))
    );
    let mine = outbox_to(app.outbox(), address)?;
    assert_eq!(mine.len(), 2, "the code and the summary");
    assert!(
        mine[1].subject.contains("Your conversation"),
        "{}",
        mine[1].subject
    );
    assert!(
        outbox_to(app.outbox(), LEADS)?.is_empty(),
        "the team got a copy"
    );

    let (status, body) = post(&app, &session, &session, "/summary", to_me, None).await?;
    assert_eq!(
        (status, &body["status"]),
        (200, &json!("already_sent")),
        "{body}"
    );
    assert_eq!(outbox_to(app.outbox(), address)?.len(), 2);
    // The team's summary is still to come.
    assert_eq!(
        session_json(&app, &session).await?["summary_status"],
        "pending"
    );
    let (status, body) = post(
        &app,
        &session,
        &session,
        "/summary",
        Some(json!({"to": "team"})),
        None,
    )
    .await?;
    assert_eq!((status, &body["status"]), (200, &json!("sent")), "{body}");
    assert_eq!(outbox_to(app.outbox(), LEADS)?.len(), 1);
    let (status, body) = post(
        &app,
        &session,
        &session,
        "/summary",
        Some(json!({"to": "anyone"})),
        None,
    )
    .await?;
    assert_eq!((status, code(&body)), (400, Some("invalid_json")), "{body}");
    Ok(())
}

#[tokio::test]
async fn a_handoff_needs_a_name_and_a_way_to_reach_the_visitor() -> anyhow::Result<()> {
    let app = app_on(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    for (body, missing) in [
        (None, "name and an email"),
        (Some(json!({"name": "Ann"})), "email address or a phone"),
        (Some(json!({"phone": "0113 496 0000"})), "your name"),
    ] {
        let (status, answer) =
            post(&app, &session, &session, "/handoff", body.clone(), None).await?;
        assert_eq!(
            (status, code(&answer)),
            (422, Some("contact_required")),
            "{body:?}: {answer}"
        );
        let message = answer["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains(missing), "{message}");
    }
    let (status, answer) = post(
        &app,
        &session,
        &session,
        "/handoff",
        Some(json!({"name": "Ann", "email": "ann@"})),
        None,
    )
    .await?;
    assert_eq!(
        (status, code(&answer)),
        (400, Some("invalid_email")),
        "{answer}"
    );
    let (status, answer) = post(
        &app,
        &session,
        &session,
        "/handoff",
        Some(json!({"name": "Ann", "phone": "call me maybe"})),
        None,
    )
    .await?;
    assert_eq!(
        (status, code(&answer)),
        (422, Some("invalid_request")),
        "{answer}"
    );
    assert!(outbox(app.outbox())?.is_empty());
    // Five requests an hour per session (`rate_limits.handoff.session`).
    let phone = Some(json!({"name": "Ann", "phone": "0113 496 0000"}));
    let response = session
        .client
        .post(app.session_url(&session, "/handoff"))
        .json(&phone)
        .send()
        .await?;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    // A phone number is enough to be reached by.
    let fresh = app.new_session(ACCOUNT, AGENT).await?;
    let (status, answer) = post(&app, &fresh, &fresh, "/handoff", phone, None).await?;
    assert_eq!(
        (status, &answer["status"]),
        (200, &json!("requested")),
        "{answer}"
    );
    Ok(())
}

#[tokio::test]
async fn an_agent_without_a_handoff_refuses_one() -> anyhow::Result<()> {
    let app = app_on(Backend::Embedded).await?;
    let session = app.new_session(ACCOUNT, "support").await?;
    let (status, body) = post(
        &app,
        &session,
        &session,
        "/handoff",
        Some(json!({"name": "Ann", "email": "ann@example.com"})),
        None,
    )
    .await?;
    assert_eq!(
        (status, code(&body)),
        (409, Some("handoff_disabled")),
        "{body}"
    );
    assert!(outbox(app.outbox())?.is_empty());
    Ok(())
}

#[tokio::test]
async fn the_agent_card_offers_starters_fields_and_the_handoff() -> anyhow::Result<()> {
    let app = app_on(Backend::Embedded).await?;
    let card = |account: &str, agent: &str| {
        let url = app.url(&format!("/api/{account}/{agent}"));
        let client = app.client();
        async move {
            anyhow::Ok(
                client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Value>()
                    .await?,
            )
        }
    };
    let sales = card(ACCOUNT, AGENT).await?;
    assert_eq!(
        sales["starters"].as_array().map(Vec::len),
        Some(4),
        "{sales}"
    );
    assert_eq!(sales["starters"][0], "Do you install heat pumps?");
    assert_eq!(
        sales["profile_fields"],
        json!(["name", "email", "phone", "company", "interests"])
    );
    assert_eq!(sales["image_hosts"], json!([]));
    assert_eq!(sales["retention_days"], 365);
    assert_eq!(sales["summary_enabled"], true);
    let handoff = &sales["handoff"];
    assert_eq!(handoff["hours"], "Mon-Fri 08:30-17:30 (Europe/London)");
    assert!(handoff["open_now"].is_boolean(), "{handoff}");
    assert!(
        handoff["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("Thanks!")),
        "{handoff}"
    );
    // The existing keys are still there.
    assert_eq!(sales["name"], "Nora from Northwind");
    assert_eq!(sales["turnstile_site_key"], Value::Null);

    let books = card("harbor-books", "info").await?;
    assert_eq!(
        books["starters"].as_array().map(Vec::len),
        Some(3),
        "{books}"
    );
    assert_eq!(books["handoff"], Value::Null);
    let support = card(ACCOUNT, "support").await?;
    assert_eq!(support["starters"], json!([]));
    assert_eq!(support["handoff"], Value::Null);
    Ok(())
}

#[test]
fn five_starters_are_refused_at_load() -> anyhow::Result<()> {
    let config = copy_config()?;
    let agent_file = config
        .path()
        .join("accounts/northwind-heating/agents/sales.yaml");
    let yaml = std::fs::read_to_string(&agent_file)?.replace(
        "    - Which grants can I get for a heat pump?\n",
        "    - Which grants can I get for a heat pump?\n    - One question too many?\n",
    );
    std::fs::write(&agent_file, yaml)?;
    let err = Catalog::load(config.path(), &[]).expect_err("five starters were accepted");
    let message = err.to_string();
    assert!(
        message.contains("sales.yaml")
            && message.contains("widget.starters")
            && message.contains("at most 4 starters (found 5)"),
        "{message}"
    );
    Ok(())
}

async fn details_left_with_the_code_are_stored_once_it_is_right(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = app_on(backend).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let address = "dee.visitor@example.com";
    let right = app.emailed_code(&session, address, "verify").await?;
    let verify = |details: Value, given: &str| json!({"email": address, "code": given, "session": session.id, "details": details});

    // Bad details are refused before the code is tried: it still works afterwards.
    let (status, body) = app
        .otp(
            &session,
            "verify",
            verify(json!({"shoe_size": "44"}), &right),
        )
        .await?;
    assert_eq!((status, code(&body)), (400, Some("invalid_json")), "{body}");
    let (status, body) = app
        .otp(
            &session,
            "verify",
            verify(json!({"email": "x@example.com"}), &right),
        )
        .await?;
    assert_eq!(
        (status, code(&body)),
        (422, Some("invalid_request")),
        "{body}"
    );
    let (status, body) = app
        .otp(
            &session,
            "verify",
            verify(
                json!({"name": "Dee", "phone": "+44 113 496 0000"}),
                "000000",
            ),
        )
        .await?;
    assert_eq!(status, 400, "a wrong code: {body}");
    let card = app.profile_card(&session).await?;
    assert!(
        card["profile"].is_null(),
        "stored before a right code: {card}"
    );

    let (status, body) = app
        .otp(
            &session,
            "verify",
            verify(
                json!({"name": "Dee", "phone": "+44 113 496 0000", "company": "Dee Ltd"}),
                &right,
            ),
        )
        .await?;
    assert_eq!(status, 200, "{body}");
    let profile = &body["profile"];
    assert_eq!(profile["verified"], json!(true), "{profile}");
    assert_eq!(
        (
            &profile["name"],
            &profile["phone"],
            &profile["company"],
            &profile["email"]
        ),
        (
            &json!("Dee"),
            &json!("+44 113 496 0000"),
            &json!("Dee Ltd"),
            &json!(address)
        ),
    );
    // The card the widget reads afterwards says the same.
    assert_eq!(
        app.profile_card(&session).await?["profile"],
        profile.clone()
    );

    // Deleting the data also makes the browser forget its visitor id.
    let delete_code = app.emailed_code(&session, address, "delete").await?;
    let response = session
        .client
        .post(app.url(&format!("/api/{ACCOUNT}/{AGENT}/otp/delete")))
        .json(&json!({"email": address, "code": delete_code}))
        .send()
        .await?;
    assert_eq!(response.status(), 200);
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        cookie.starts_with("salient_visitor=;") && cookie.contains("Max-Age=0"),
        "{cookie}"
    );
    Ok(())
}
