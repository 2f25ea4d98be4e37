//! One-time codes, profiles and data rights through the real routes (as `salient serve`
//! mounts them): codes arrive in the file outbox and are read from the `.eml` files, as a
//! visitor reads their inbox. Export and delete run on both storage backends and look in
//! the raw store afterwards.

use std::time::Instant;

use anyhow::{Context as _, ensure};
use salient_core::crm::{ProfileUpdate, save_profile_update};
use salient_core::domain::{
    AccountId, EmailAddress, EmailHash, Message, OtpKey, OtpPurpose, ProfileId, Role, SessionId,
    VisitorId, now,
};
use salient_tests::app::{Backend, TestApp, TestSession};
use salient_tests::mail::{outbox, outbox_to};
use serde_json::{Value, json};

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";

async fn otp_app(backend: Backend, extra: &[(&str, &str)]) -> anyhow::Result<TestApp> {
    salient_tests::app::spawn_app_with_outbox(backend, extra).await
}

fn code_of(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_code_verifies_the_address_and_links_the_session_profile() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    assert_eq!(app.profile_card(&session).await?["profile"], Value::Null);

    let code = app
        .emailed_code(&session, "Ann.Lee@Example.com", "verify")
        .await?;
    let email = &outbox(app.outbox())?[0];
    assert_eq!(email.to, vec!["Ann.Lee@example.com"]);
    assert!(
        email.text.as_deref().is_some_and(|t| t.contains(&code)),
        "{email:?}"
    );
    assert!(
        email.html.as_deref().is_some_and(|h| h.contains(&code)),
        "{email:?}"
    );

    let (status, body) = app.verify(&session, "Ann.Lee@Example.com", &code).await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["profile"]["verified"], true);
    assert_eq!(body["profile"]["email"], "Ann.Lee@example.com");
    let card = app.profile_card(&session).await?;
    assert_eq!(card["profile"]["verified"], true, "{card}");

    // A used challenge is gone.
    let stored = app.stores.dump().await?;
    assert!(
        !stored.iter().any(|row| row.starts_with("otp_challenges:")),
        "a used challenge stayed: {stored:#?}"
    );
    Ok(())
}

#[tokio::test]
async fn the_stored_challenge_holds_a_keyed_hash_not_the_code() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let code = app
        .emailed_code(&session, "hash@example.com", "verify")
        .await?;
    let rows = app.stores.dump().await?;
    let challenge: Vec<&String> = rows
        .iter()
        .filter(|r| r.starts_with("otp_challenges:"))
        .collect();
    assert_eq!(challenge.len(), 1, "{rows:#?}");
    assert!(
        !challenge[0].contains(&format!("\"{code}\"")),
        "the code is stored in clear: {}",
        challenge[0]
    );
    assert!(
        !challenge[0].contains("hash@example.com"),
        "{}",
        challenge[0]
    );
    Ok(())
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_answer() -> anyhow::Result<()> {
    let app = otp_app(
        Backend::Embedded,
        &[
            ("rate_limits.otp.ip", "1000/1h"),
            ("rate_limits.otp.email", "100/1h"),
            ("rate_limits.otp.visitor", "1000/1h"),
        ],
    )
    .await?;
    // A known address: verified on this account.
    let owner = app.new_session(ACCOUNT, AGENT).await?;
    app.verify_email(&owner, "known@example.com").await?;

    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let shape = |response: reqwest::Response| async move {
        let status = response.status().as_u16();
        let mut headers: Vec<String> = response
            .headers()
            .keys()
            .map(|k| k.as_str().to_owned())
            .filter(|k| k != "date" && k != "content-length")
            .collect();
        headers.sort();
        let mut body: Value = response.json().await?;
        // The expiry is a time; only its presence can match.
        ensure!(body["expires_at"].is_string(), "{body}");
        body["expires_at"] = Value::Null;
        anyhow::Ok((status, headers, body))
    };
    let known = shape(
        app.request_code(&stranger, "known@example.com", "verify")
            .await?,
    )
    .await?;
    let unknown = shape(
        app.request_code(&stranger, "nobody@example.com", "verify")
            .await?,
    )
    .await?;
    assert_eq!(known, unknown, "the answers differ");
    assert_eq!(known.0, 202);
    // The same work happened: a code went to each.
    assert_eq!(outbox_to(app.outbox(), "known@example.com")?.len(), 2);
    assert_eq!(outbox_to(app.outbox(), "nobody@example.com")?.len(), 1);

    // Timing: interleaved requests, compared by median.
    let (mut known_ms, mut unknown_ms) = (Vec::new(), Vec::new());
    for i in 0..12 {
        for (address, times) in [
            ("known@example.com".to_owned(), &mut known_ms),
            (format!("stranger-{i}@example.com"), &mut unknown_ms),
        ] {
            let started = Instant::now();
            let response = app.request_code(&stranger, &address, "export").await?;
            ensure!(response.status() == 202, "{}", response.status());
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (k, u) = (median(&mut known_ms), median(&mut unknown_ms));
    println!("median answer time: known {k:.2} ms, unknown {u:.2} ms");
    assert!(
        (k - u).abs() <= 15.0_f64.max(0.5 * k.max(u)),
        "known {k:.2} ms vs unknown {u:.2} ms"
    );
    Ok(())
}

#[tokio::test]
async fn a_used_code_is_refused() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let code = app
        .emailed_code(&session, "once@example.com", "verify")
        .await?;
    assert_eq!(
        app.verify(&session, "once@example.com", &code).await?.0,
        200
    );
    let (status, body) = app.verify(&session, "once@example.com", &code).await?;
    assert_eq!((status, code_of(&body)), (400, "otp_invalid"), "{body}");
    Ok(())
}

#[tokio::test]
async fn five_wrong_codes_kill_the_challenge() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let code = app
        .emailed_code(&session, "guess@example.com", "verify")
        .await?;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..=4).rev() {
        let (status, body) = app.verify(&session, "guess@example.com", wrong).await?;
        assert_eq!((status, code_of(&body)), (400, "otp_invalid"), "{body}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(&format!("{left} attempts left")),
            "{message}"
        );
    }
    let (status, body) = app.verify(&session, "guess@example.com", wrong).await?;
    assert_eq!(
        (status, code_of(&body)),
        (403, "otp_attempts_exceeded"),
        "{body}"
    );
    // Dead: even the right code is refused now.
    let (status, body) = app.verify(&session, "guess@example.com", &code).await?;
    assert_eq!(
        (status, code_of(&body)),
        (403, "otp_attempts_exceeded"),
        "{body}"
    );
    // A malformed code costs nothing and says so.
    let (status, body) = app.verify(&session, "guess@example.com", "12ab56").await?;
    assert_eq!(
        (status, code_of(&body)),
        (400, "invalid_otp_code"),
        "{body}"
    );
    Ok(())
}

#[tokio::test]
async fn an_expired_code_is_refused() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let code = app
        .emailed_code(&session, "late@example.com", "verify")
        .await?;
    // Ten minutes pass: move the stored expiry into the past.
    let account = AccountId::parse(ACCOUNT)?;
    let visitor = visitor_of(&app, &account, &session).await?;
    let key = OtpKey {
        email: EmailHash::of(&EmailAddress::parse("late@example.com")?),
        purpose: OtpPurpose::Verify,
        visitor,
    };
    let store = app.state.store.clone();
    let mut challenge = store
        .get_otp(&account, &key)
        .await?
        .context("no challenge stored")?;
    assert!(
        challenge.expires_at - now() > chrono::Duration::minutes(9),
        "codes live 10 minutes"
    );
    challenge.expires_at = now() - chrono::Duration::seconds(1);
    store.put_otp(&account, &challenge).await?;

    let (status, body) = app.verify(&session, "late@example.com", &code).await?;
    assert_eq!((status, code_of(&body)), (410, "otp_expired"), "{body}");
    Ok(())
}

async fn visitor_of(
    app: &TestApp,
    account: &AccountId,
    session: &TestSession,
) -> anyhow::Result<VisitorId> {
    Ok(app
        .state
        .store
        .get_session(account, &SessionId::parse(&session.id)?)
        .await?
        .visitor)
}

#[tokio::test]
async fn code_requests_are_rate_limited_per_address_and_per_ip() -> anyhow::Result<()> {
    let per_email = otp_app(
        Backend::Embedded,
        &[
            ("rate_limits.otp.email", "2/1h"),
            ("rate_limits.otp.ip", "100/1h"),
        ],
    )
    .await?;
    let session = per_email.new_session(ACCOUNT, AGENT).await?;
    for _ in 0..2 {
        assert_eq!(
            per_email
                .request_code(&session, "busy@example.com", "verify")
                .await?
                .status(),
            202
        );
    }
    let refused = per_email
        .request_code(&session, "busy@example.com", "verify")
        .await?;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    let body: Value = refused.json().await?;
    assert_eq!(code_of(&body), "rate_limited", "{body}");
    assert_eq!(outbox_to(per_email.outbox(), "busy@example.com")?.len(), 2);
    // Another address from the same client is still fine.
    assert_eq!(
        per_email
            .request_code(&session, "calm@example.com", "verify")
            .await?
            .status(),
        202
    );

    let per_ip = otp_app(
        Backend::Embedded,
        &[
            ("rate_limits.otp.email", "100/1h"),
            ("rate_limits.otp.ip", "3/1h"),
        ],
    )
    .await?;
    let session = per_ip.new_session(ACCOUNT, AGENT).await?;
    for i in 0..3 {
        assert_eq!(
            per_ip
                .request_code(&session, &format!("ip-{i}@example.com"), "verify")
                .await?
                .status(),
            202
        );
    }
    // A fourth address from the same IP, even from a new browser, is refused.
    let other_browser = per_ip.new_session(ACCOUNT, AGENT).await?;
    let refused = per_ip
        .request_code(&other_browser, "ip-3@example.com", "verify")
        .await?;
    assert_eq!(refused.status(), 429);
    assert!(outbox_to(per_ip.outbox(), "ip-3@example.com")?.is_empty());
    Ok(())
}

#[tokio::test]
async fn a_code_from_another_account_is_refused() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let code = app
        .emailed_code(&session, "twice@example.com", "verify")
        .await?;
    // The same browser on another account, with the code of the first.
    let other = app
        .new_session_in(session.client.clone(), "harbor-books", "info")
        .await?;
    let (status, body) = app.verify(&other, "twice@example.com", &code).await?;
    assert_eq!((status, code_of(&body)), (400, "otp_invalid"), "{body}");
    Ok(())
}

#[tokio::test]
async fn a_code_for_one_purpose_unlocks_nothing_else() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let code = app
        .emailed_code(&session, "purpose@example.com", "verify")
        .await?;
    for route in ["export", "delete"] {
        let (status, body) = app
            .otp(
                &session,
                route,
                json!({"email": "purpose@example.com", "code": code}),
            )
            .await?;
        assert_eq!(
            (status, code_of(&body)),
            (400, "otp_invalid"),
            "{route}: {body}"
        );
    }
    // Another browser cannot use the code either.
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    let (status, body) = app.verify(&stranger, "purpose@example.com", &code).await?;
    assert_eq!((status, code_of(&body)), (400, "otp_invalid"), "{body}");
    Ok(())
}

#[tokio::test]
async fn malformed_and_injected_addresses_are_refused_before_sending() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    for bad in [
        "ann@example.com\r\nBcc: everyone@example.com",
        "ann@example.com\nSubject: hi",
        "Ann <ann@example.com>",
        "not-an-address",
        "ann@localhost",
    ] {
        let response = app.request_code(&session, bad, "verify").await?;
        assert_eq!(response.status(), 400, "{bad:?}");
        let body: Value = response.json().await?;
        assert_eq!(code_of(&body), "invalid_email", "{bad:?}: {body}");
    }
    assert!(outbox(app.outbox())?.is_empty(), "something was sent");
    assert!(
        !app.stores
            .dump()
            .await?
            .iter()
            .any(|row| row.starts_with("otp_challenges:")
                || (row.starts_with("rate_counters:") && row.contains("otp:"))),
        "something was stored"
    );
    Ok(())
}

#[tokio::test]
async fn a_verified_profile_attaches_to_the_visitors_later_sessions() -> anyhow::Result<()> {
    let app = otp_app(Backend::Embedded, &[]).await?;
    let first = app.new_session(ACCOUNT, AGENT).await?;
    app.verify_email(&first, "returning@example.com").await?;
    // A later session of the same browser.
    let later = app
        .new_session_in(first.client.clone(), ACCOUNT, AGENT)
        .await?;
    let card = app.profile_card(&later).await?;
    assert_eq!(card["profile"]["email"], "returning@example.com", "{card}");
    assert_eq!(card["profile"]["verified"], true);
    let account = AccountId::parse(ACCOUNT)?;
    let session = app
        .state
        .store
        .get_session(&account, &SessionId::parse(&later.id)?)
        .await?;
    let profile = ProfileId::parse(session.profile_id.as_deref().context("linked")?)?;
    let mut linked = app.state.store.profile_sessions(&account, &profile).await?;
    linked.sort();
    let mut expected = vec![SessionId::parse(&first.id)?, SessionId::parse(&later.id)?];
    expected.sort();
    assert_eq!(linked, expected);
    // Another browser's session gets nothing.
    let stranger = app.new_session(ACCOUNT, AGENT).await?;
    assert_eq!(app.profile_card(&stranger).await?["profile"], Value::Null);
    Ok(())
}

/// Builds a visitor with everything the app stores about them, exports it, deletes it, and
/// looks in the raw store.
async fn export_then_delete_leave_nothing_behind(backend: Backend) -> anyhow::Result<()> {
    let app = otp_app(backend, &[]).await?;
    let account = AccountId::parse(ACCOUNT)?;
    let store = app.state.store.clone();
    let address = "erin@example.com";
    let first = app.new_session(ACCOUNT, AGENT).await?;
    let first_id = SessionId::parse(&first.id)?;
    for (role, text) in [
        (
            Role::User,
            "Hi, I'm Erin from Erin's Bakes, call me on +44 113 496 0001",
        ),
        (Role::Assistant, "Thanks Erin! How can I help?"),
    ] {
        store
            .append_message(&account, &first_id, &Message::new(role, text, now()))
            .await?;
    }
    // The agent captured details through its profile tool.
    let session = store.get_session(&account, &first_id).await?;
    let update = ProfileUpdate {
        name: Some("Erin".to_owned()),
        email: Some(EmailAddress::parse(address)?),
        phone: Some("+44 113 496 0001".to_owned()),
        company: Some("Erin's Bakes".to_owned()),
        interests: vec!["heat pumps".to_owned()],
    };
    save_profile_update(store.as_ref(), &session, &update, 10, now()).await?;
    // Verified, then a summary was emailed (an email event).
    app.verify_email(&first, address).await?;
    let summary = first
        .client
        .post(app.session_url(&first, "/summary"))
        .send()
        .await?;
    assert_eq!(summary.status(), 200, "{}", summary.text().await?);
    // A later session of the same browser.
    let later = app
        .new_session_in(first.client.clone(), ACCOUNT, AGENT)
        .await?;
    let later = SessionId::parse(&later.id)?;
    store
        .append_message(
            &account,
            &later,
            &Message::new(Role::User, "Me again", now()),
        )
        .await?;
    // Someone else on the same account, who must survive.
    let bystander = SessionId::parse(&app.new_session(ACCOUNT, AGENT).await?.id)?;
    store
        .append_message(
            &account,
            &bystander,
            &Message::new(Role::User, "Unrelated", now()),
        )
        .await?;

    // Export.
    let (status, body) = app.with_emailed_code(&first, address, "export").await?;
    assert_eq!(status, 200, "{body}");
    let export = &body["export"];
    let sessions = export["sessions"].as_array().context("sessions")?;
    let exported: Vec<&str> = sessions
        .iter()
        .filter_map(|s| s["session"]["id"].as_str())
        .collect();
    assert!(exported.contains(&first.id.as_str()), "{exported:?}");
    assert!(exported.contains(&later.as_str()), "{exported:?}");
    assert!(!exported.contains(&bystander.as_str()));
    let first_export = sessions
        .iter()
        .find(|s| s["session"]["id"] == first.id.as_str())
        .context("first session")?;
    assert_eq!(first_export["messages"].as_array().map(Vec::len), Some(2));
    assert_eq!(first_export["email_events"][0]["status"], "sent");
    assert_eq!(export["profiles"][0]["company"], "Erin's Bakes");
    assert_eq!(export["profiles"].as_array().map(Vec::len), Some(1));

    // Delete.
    let profile = ProfileId::parse(
        store
            .get_session(&account, &first_id)
            .await?
            .profile_id
            .as_deref()
            .context("linked")?,
    )?;
    let visitor = store.get_session(&account, &first_id).await?.visitor;
    let needles = [
        first.id.clone(),
        later.to_string(),
        profile.to_string(),
        visitor.to_string(),
        EmailHash::of(&EmailAddress::parse(address)?)
            .as_str()
            .to_owned(),
        address.to_owned(),
        "Erin".to_owned(),
    ];
    let before = app.stores.dump().await?;
    ensure!(
        before
            .iter()
            .filter(|r| needles.iter().any(|n| r.contains(n.as_str())))
            .count()
            >= 10,
        "the visitor's data is not all there before the delete"
    );
    let (status, body) = app.with_emailed_code(&first, address, "delete").await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["deleted"]["sessions"], 2, "{body}");
    assert_eq!(body["deleted"]["profiles"], 1, "{body}");
    assert_eq!(body["deleted"]["messages"], 3, "{body}");
    assert_eq!(body["deleted"]["email_events"], 1, "{body}");

    let after = app.stores.dump().await?;
    let left: Vec<&String> = after
        .iter()
        .filter(|r| needles.iter().any(|n| r.contains(n.as_str())))
        .collect();
    assert!(left.is_empty(), "left behind: {left:#?}");
    assert_eq!(
        store.get_session(&account, &bystander).await?.message_count,
        1,
        "the bystander's session was touched"
    );
    Ok(())
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    { export_then_delete_leave_nothing_behind }
}
