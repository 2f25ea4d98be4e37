//! The operator console's API through the real routes (as `salient serve` mounts them), on
//! both storage backends: sign-in with a code read from the outbox (and from moto's SES),
//! the session cookie and its CSRF token, idle expiry and sign-out, account isolation,
//! roles, the listings, the CSV export's escaping, the erasure of a lead, the audit log, and
//! the one-time link of `salient console login`.

use anyhow::{Context as _, ensure};
use salient_core::crm::{ProfileUpdate, save_profile_update};
use salient_core::domain::{AccountId, EmailAddress, SessionId, now};
use salient_tests::app::{Backend, TestApp, TestSession};
use salient_tests::console::{Operator, SESSION_COOKIE as COOKIE, session_cookie, sign_in};
use salient_tests::mail::outbox_to;
use serde_json::{Value, json};

const NORTHWIND: &str = "northwind-heating";
const HARBOR: &str = "harbor-books";
const OWNER: &str = "owner@northwind-heating.example";
const VIEWER: &str = "viewer@northwind-heating.example";
const HARBOR_OWNER: &str = "owner@harbor-books.example";

async fn console_app(backend: Backend, extra: &[(&str, &str)]) -> anyhow::Result<TestApp> {
    salient_tests::app::spawn_app_with_outbox(backend, extra).await
}

fn code_of(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or_default()
}

async fn post(app: &TestApp, path: &str, body: Value) -> anyhow::Result<reqwest::Response> {
    Ok(app.client().post(app.url(path)).json(&body).send().await?)
}

async fn json_of(response: reqwest::Response) -> anyhow::Result<(u16, Value)> {
    let status = response.status().as_u16();
    Ok((status, response.json().await.unwrap_or(Value::Null)))
}

/// A request as a signed-in operator (`None`: no session), with the CSRF token when asked.
fn request(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    operator: Option<&Operator>,
    with_csrf: bool,
) -> reqwest::RequestBuilder {
    let mut builder = app.client().request(method, app.url(path));
    if let Some(operator) = operator {
        builder = builder.header("cookie", operator.cookie());
        if with_csrf {
            builder = builder.header("x-csrf-token", &operator.csrf);
        }
    }
    builder
}

async fn get(
    app: &TestApp,
    path: &str,
    operator: Option<&Operator>,
) -> anyhow::Result<(u16, Value)> {
    json_of(
        request(app, reqwest::Method::GET, path, operator, false)
            .send()
            .await?,
    )
    .await
}

/// A conversation with a captured lead in `account`: one turn, a profile with `name`,
/// `phone` and an address, linked to the session.
async fn conversation_with_lead(
    app: &TestApp,
    account: &str,
    agent: &str,
    name: &str,
    phone: &str,
) -> anyhow::Result<(TestSession, String)> {
    let (_, session) = app
        .turn_in_new_session(account, agent, "Do you fit heat pumps?")
        .await?;
    let stored = app
        .state
        .store
        .get_session(&AccountId::parse(account)?, &SessionId::parse(&session.id)?)
        .await?;
    let update = ProfileUpdate {
        name: Some(name.to_owned()),
        phone: Some(phone.to_owned()),
        email: Some(EmailAddress::parse("lead@example.com")?),
        ..ProfileUpdate::default()
    };
    let profile = save_profile_update(app.state.store.as_ref(), &stored, &update, 5, now()).await?;
    Ok((session, profile.id.to_string()))
}

async fn the_emailed_code_signs_an_operator_in(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let operator = sign_in(&app, OWNER).await?;
    let email = outbox_to(app.outbox(), OWNER)?;
    ensure!(email.len() == 1, "{email:?}");
    ensure!(
        email[0]
            .text
            .as_deref()
            .is_some_and(|t| t.contains("operator console")),
        "{:?}",
        email[0].text
    );

    let (status, me) = get(&app, "/api/console/me", Some(&operator)).await?;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["email"], OWNER);
    assert_eq!(me["csrf_token"], operator.csrf.as_str());
    let accounts = me["accounts"].as_array().context("accounts")?;
    assert_eq!(accounts.len(), 1, "{me}");
    assert_eq!(accounts[0]["account"], NORTHWIND);
    assert_eq!(accounts[0]["role"], "owner");

    // A used code does not sign in twice.
    let code = email[0].otp_code().context("code")?;
    let (status, body) = json_of(
        post(
            &app,
            "/api/console/sign-in/verify",
            json!({"email": OWNER, "code": code}),
        )
        .await?,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (400, "otp_invalid"), "{body}");
    Ok(())
}

async fn sign_in_answers_alike_for_an_address_that_is_no_operator(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let (status_known, known) =
        json_of(post(&app, "/api/console/sign-in", json!({"email": OWNER})).await?).await?;
    let (status_unknown, unknown) = json_of(
        post(
            &app,
            "/api/console/sign-in",
            json!({"email": "stranger@example.com"}),
        )
        .await?,
    )
    .await?;
    assert_eq!((status_known, &known), (status_unknown, &unknown));
    assert_eq!(status_known, 202);
    assert!(outbox_to(app.outbox(), "stranger@example.com")?.is_empty());
    assert_eq!(outbox_to(app.outbox(), OWNER)?.len(), 1);
    Ok(())
}

async fn every_console_route_answers_401_without_a_session(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let routes = [
        (reqwest::Method::GET, "/api/console/me".to_owned()),
        (
            reqwest::Method::GET,
            format!("/api/console/{NORTHWIND}/conversations"),
        ),
        (
            reqwest::Method::GET,
            format!(
                "/api/console/{NORTHWIND}/conversations/{}",
                SessionId::generate()
            ),
        ),
        (
            reqwest::Method::GET,
            format!("/api/console/{NORTHWIND}/leads"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/console/{NORTHWIND}/leads.csv"),
        ),
        (
            reqwest::Method::GET,
            format!("/api/console/{NORTHWIND}/audit"),
        ),
        (
            reqwest::Method::DELETE,
            format!("/api/console/{NORTHWIND}/leads/01JD0000000000000000000000"),
        ),
        (reqwest::Method::POST, "/api/console/sign-out".to_owned()),
    ];
    let forged = Operator {
        token: "A".repeat(43),
        csrf: "x".to_owned(),
    };
    for (method, path) in routes {
        for operator in [None, Some(&forged)] {
            let response = request(&app, method.clone(), &path, operator, true)
                .send()
                .await?;
            let (status, body) = json_of(response).await?;
            assert_eq!(
                (status, code_of(&body)),
                (401, "sign_in_required"),
                "{method} {path}: {body}"
            );
        }
    }
    Ok(())
}

async fn a_change_without_the_csrf_token_is_refused(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let (_, profile) = conversation_with_lead(&app, NORTHWIND, "sales", "Ann", "0161").await?;
    let operator = sign_in(&app, OWNER).await?;
    let path = format!("/api/console/{NORTHWIND}/leads/{profile}");
    let (status, body) = json_of(
        request(&app, reqwest::Method::DELETE, &path, Some(&operator), false)
            .send()
            .await?,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (403, "csrf_required"), "{body}");
    let wrong = Operator {
        csrf: "not-the-token".to_owned(),
        ..operator.clone()
    };
    let (status, body) = json_of(
        request(&app, reqwest::Method::DELETE, &path, Some(&wrong), true)
            .send()
            .await?,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (403, "csrf_required"), "{body}");
    let (status, body) = json_of(
        request(
            &app,
            reqwest::Method::POST,
            "/api/console/sign-out",
            Some(&operator),
            false,
        )
        .send()
        .await?,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (403, "csrf_required"), "{body}");
    // A foreign origin is refused before anything else, token or not.
    let (status, body) = json_of(
        request(&app, reqwest::Method::DELETE, &path, Some(&operator), true)
            .header("origin", "https://evil.example")
            .send()
            .await?,
    )
    .await?;
    assert_eq!(
        (status, code_of(&body)),
        (403, "origin_not_allowed"),
        "{body}"
    );
    // The lead is still there.
    let (_, leads) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/leads"),
        Some(&operator),
    )
    .await?;
    assert_eq!(leads["leads"].as_array().map(Vec::len), Some(1), "{leads}");
    Ok(())
}

async fn another_accounts_data_answers_404(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let (session, profile) =
        conversation_with_lead(&app, NORTHWIND, "sales", "Ann", "0161").await?;
    let harbor = sign_in(&app, HARBOR_OWNER).await?;
    for path in [
        format!("/api/console/{NORTHWIND}/conversations"),
        format!("/api/console/{NORTHWIND}/conversations/{}", session.id),
        format!("/api/console/{NORTHWIND}/leads"),
        format!("/api/console/{NORTHWIND}/leads.csv"),
        format!("/api/console/{NORTHWIND}/audit"),
        "/api/console/no-such-account/leads".to_owned(),
    ] {
        let (status, body) = get(&app, &path, Some(&harbor)).await?;
        assert_eq!(
            (status, code_of(&body)),
            (404, "account_not_found"),
            "{path}: {body}"
        );
    }
    let (status, body) = json_of(
        request(
            &app,
            reqwest::Method::DELETE,
            &format!("/api/console/{NORTHWIND}/leads/{profile}"),
            Some(&harbor),
            true,
        )
        .send()
        .await?,
    )
    .await?;
    assert_eq!(
        (status, code_of(&body)),
        (404, "account_not_found"),
        "{body}"
    );
    // Its own account does not hold the other's conversation either.
    let (status, body) = get(
        &app,
        &format!("/api/console/{HARBOR}/conversations/{}", session.id),
        Some(&harbor),
    )
    .await?;
    assert_eq!(
        (status, code_of(&body)),
        (404, "conversation_not_found"),
        "{body}"
    );
    let (_, own) = get(&app, &format!("/api/console/{HARBOR}/leads"), Some(&harbor)).await?;
    assert_eq!(own["leads"], json!([]), "{own}");
    Ok(())
}

async fn a_viewer_is_refused_a_delete(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let (_, profile) = conversation_with_lead(&app, NORTHWIND, "sales", "Ann", "0161").await?;
    let viewer = sign_in(&app, VIEWER).await?;
    let (status, body) = json_of(
        request(
            &app,
            reqwest::Method::DELETE,
            &format!("/api/console/{NORTHWIND}/leads/{profile}"),
            Some(&viewer),
            true,
        )
        .send()
        .await?,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (403, "forbidden_role"), "{body}");
    let (status, leads) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/leads"),
        Some(&viewer),
    )
    .await?;
    assert_eq!(status, 200, "{leads}");
    assert_eq!(leads["leads"].as_array().map(Vec::len), Some(1), "{leads}");
    Ok(())
}

async fn an_idle_session_expires_and_sign_out_revokes(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[("console.session_idle_secs", "2")]).await?;
    let idle = sign_in(&app, OWNER).await?;
    // Activity keeps the session: two requests a second apart outlive the 2 s limit.
    for _ in 0..3 {
        let (status, body) = get(&app, "/api/console/me", Some(&idle)).await?;
        assert_eq!(status, 200, "{body}");
        tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    let (status, body) = get(&app, "/api/console/me", Some(&idle)).await?;
    assert_eq!(
        (status, code_of(&body)),
        (401, "sign_in_required"),
        "{body}"
    );

    let operator = sign_in(&app, OWNER).await?;
    let response = request(
        &app,
        reqwest::Method::POST,
        "/api/console/sign-out",
        Some(&operator),
        true,
    )
    .send()
    .await?;
    assert_eq!(response.status(), 200);
    let cleared = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with(&format!("{COOKIE}=;")) && c.contains("Max-Age=0"));
    assert!(cleared, "the cookie was not cleared");
    let (status, body) = get(&app, "/api/console/me", Some(&operator)).await?;
    assert_eq!(
        (status, code_of(&body)),
        (401, "sign_in_required"),
        "{body}"
    );
    Ok(())
}

async fn the_lists_and_transcript_show_the_accounts_conversations(
    backend: Backend,
) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let (with_lead, profile) =
        conversation_with_lead(&app, NORTHWIND, "sales", "Ann", "0161").await?;
    let (_, plain) = app
        .turn_in_new_session(NORTHWIND, "sales", "Opening hours?")
        .await?;
    let (_, harbor) = app
        .turn_in_new_session(HARBOR, "info", "Any cafes?")
        .await?;
    let viewer = sign_in(&app, VIEWER).await?;

    let list = format!("/api/console/{NORTHWIND}/conversations");
    let (status, page) = get(&app, &format!("{list}?limit=1"), Some(&viewer)).await?;
    assert_eq!(status, 200, "{page}");
    let first = page["conversations"].as_array().context("list")?.clone();
    assert_eq!(first.len(), 1, "{page}");
    assert_eq!(
        first[0]["session"],
        plain.id.as_str(),
        "newest first: {page}"
    );
    let cursor = page["next_cursor"].as_str().context("a next page")?;
    let (_, rest) = get(
        &app,
        &format!("{list}?limit=1&cursor={cursor}"),
        Some(&viewer),
    )
    .await?;
    let second = rest["conversations"].as_array().context("list")?;
    assert_eq!(second.len(), 1, "{rest}");
    assert_eq!(second[0]["session"], with_lead.id.as_str());
    assert_eq!(second[0]["has_lead"], true);
    assert_eq!(second[0]["turns"], 1);
    assert_eq!(first[0]["has_lead"], false);
    assert_eq!(rest["next_cursor"], Value::Null, "{rest}");
    // The other account's conversation is in neither page.
    for row in [&first[0], &second[0]] {
        assert_ne!(row["session"], harbor.id.as_str());
    }

    // Filters: an agent with none, a window that ends before them.
    let (_, none) = get(&app, &format!("{list}?agent=support"), Some(&viewer)).await?;
    assert_eq!(none["conversations"], json!([]), "{none}");
    let (_, sales) = get(&app, &format!("{list}?agent=sales"), Some(&viewer)).await?;
    assert_eq!(sales["conversations"].as_array().map(Vec::len), Some(2));
    let (_, old) = get(
        &app,
        &format!("{list}?to=2020-01-01T00:00:00Z"),
        Some(&viewer),
    )
    .await?;
    assert_eq!(old["conversations"], json!([]), "{old}");
    let (_, recent) = get(
        &app,
        &format!("{list}?from=2020-01-01T00:00:00Z"),
        Some(&viewer),
    )
    .await?;
    assert_eq!(recent["conversations"].as_array().map(Vec::len), Some(2));

    let (status, transcript) =
        get(&app, &format!("{list}/{}", with_lead.id), Some(&viewer)).await?;
    assert_eq!(status, 200, "{transcript}");
    let messages = transcript["messages"].as_array().context("messages")?;
    assert_eq!(messages.len(), 2, "{transcript}");
    assert_eq!(messages[0]["role"], "user");
    assert_eq!(messages[1]["role"], "assistant");
    let call = &messages[1]["llm"][0];
    assert!(call["model"].is_string(), "{transcript}");
    assert!(call["latency_ms"].is_number(), "{transcript}");
    assert!(call["prompt_tokens"].is_number(), "{transcript}");
    assert_eq!(transcript["profile"]["name"], "Ann");
    assert_eq!(transcript["profile_id"], profile.as_str());

    let (_, leads) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/leads"),
        Some(&viewer),
    )
    .await?;
    let lead = &leads["leads"][0];
    assert_eq!(lead["profile"], profile.as_str(), "{leads}");
    assert_eq!(lead["verified"], false);
    assert_eq!(lead["conversations"], json!([with_lead.id]));
    Ok(())
}

async fn the_csv_export_escapes_formula_cells(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    conversation_with_lead(
        &app,
        NORTHWIND,
        "sales",
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "+44 161 496 0000",
    )
    .await?;
    let operator = sign_in(&app, OWNER).await?;
    let response = request(
        &app,
        reqwest::Method::GET,
        &format!("/api/console/{NORTHWIND}/leads.csv"),
        Some(&operator),
        false,
    )
    .send()
    .await?;
    assert_eq!(response.status(), 200);
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(content_type.starts_with("text/csv"), "{content_type}");
    let body = response.text().await?;
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers()?.clone();
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>()?;
    assert_eq!(rows.len(), 1, "{body}");
    let cell = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .and_then(|i| rows[0].get(i))
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(cell("name"), "'=HYPERLINK(\"https://evil.example\",\"x\")");
    assert_eq!(cell("phone"), "'+44 161 496 0000");
    assert_eq!(cell("email"), "lead@example.com");
    assert_eq!(cell("conversations"), "1");
    Ok(())
}

async fn an_owner_erases_a_lead_and_the_audit_log_says_who(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let (session, profile) =
        conversation_with_lead(&app, NORTHWIND, "sales", "Ann", "0161").await?;
    let owner = sign_in(&app, OWNER).await?;
    let (status, body) = json_of(
        request(
            &app,
            reqwest::Method::DELETE,
            &format!("/api/console/{NORTHWIND}/leads/{profile}"),
            Some(&owner),
            true,
        )
        .send()
        .await?,
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["deleted"]["profiles"], 1, "{body}");
    assert_eq!(body["deleted"]["sessions"], 1, "{body}");
    let (_, leads) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/leads"),
        Some(&owner),
    )
    .await?;
    assert_eq!(leads["leads"], json!([]), "{leads}");
    let (status, gone) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/conversations/{}", session.id),
        Some(&owner),
    )
    .await?;
    assert_eq!(
        (status, code_of(&gone)),
        (404, "conversation_not_found"),
        "{gone}"
    );
    let (status, again) = json_of(
        request(
            &app,
            reqwest::Method::DELETE,
            &format!("/api/console/{NORTHWIND}/leads/{profile}"),
            Some(&owner),
            true,
        )
        .send()
        .await?,
    )
    .await?;
    assert_eq!(
        (status, code_of(&again)),
        (404, "lead_not_found"),
        "{again}"
    );

    let (status, audit) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/audit"),
        Some(&owner),
    )
    .await?;
    assert_eq!(status, 200, "{audit}");
    let entries = audit["entries"].as_array().context("entries")?;
    let delete = entries
        .iter()
        .find(|e| e["action"] == "lead.delete")
        .with_context(|| format!("no lead.delete in {audit}"))?;
    assert_eq!(delete["operator"], OWNER);
    assert_eq!(delete["target"], profile.as_str());
    assert!(delete["at"].is_string());
    // Newest first, and no visitor data in the log.
    assert_eq!(entries[0]["action"], "leads.list", "{audit}");
    let text = audit.to_string();
    assert!(
        !text.contains("lead@example.com") && !text.contains("Ann"),
        "{text}"
    );
    // The other account's log holds none of it.
    let harbor = sign_in(&app, HARBOR_OWNER).await?;
    let (_, theirs) = get(&app, &format!("/api/console/{HARBOR}/audit"), Some(&harbor)).await?;
    assert_eq!(theirs["entries"], json!([]), "{theirs}");
    Ok(())
}

async fn the_login_link_works_once(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[]).await?;
    let printed = salient_cli::console::login_link(&app.state, OWNER).await?;
    let token = printed
        .split("login=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .context("no token in the link")?
        .to_owned();
    assert!(printed.starts_with("http://127.0.0.1:"), "{printed}");
    let response = post(&app, "/api/console/sign-in/link", json!({"token": token})).await?;
    assert_eq!(response.status(), 200);
    let cookie = session_cookie(&response)?;
    let body: Value = response.json().await?;
    let operator = Operator {
        token: cookie,
        csrf: body["csrf_token"].as_str().context("csrf")?.to_owned(),
    };
    let (status, me) = get(&app, "/api/console/me", Some(&operator)).await?;
    assert_eq!((status, me["email"].as_str()), (200, Some(OWNER)));

    let (status, body) =
        json_of(post(&app, "/api/console/sign-in/link", json!({"token": token})).await?).await?;
    assert_eq!(
        (status, code_of(&body)),
        (401, "sign_in_link_invalid"),
        "{body}"
    );
    // Only operators get links.
    assert!(
        salient_cli::console::login_link(&app.state, "stranger@example.com")
            .await
            .is_err()
    );
    Ok(())
}

async fn bad_input_gets_stable_codes(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, &[("limits.max_body_bytes", "1024")]).await?;
    let malformed = app
        .client()
        .post(app.url("/api/console/sign-in"))
        .header("content-type", "application/json")
        .body("{\"email\":")
        .send()
        .await?;
    let (status, body) = json_of(malformed).await?;
    assert_eq!((status, code_of(&body)), (400, "invalid_json"), "{body}");
    let big = json!({"email": "a".repeat(2000)});
    let (status, body) = json_of(post(&app, "/api/console/sign-in", big).await?).await?;
    assert_eq!(
        (status, code_of(&body)),
        (413, "payload_too_large"),
        "{body}"
    );
    let (status, body) =
        json_of(post(&app, "/api/console/sign-in", json!({"email": "no-at-sign"})).await?).await?;
    assert_eq!((status, code_of(&body)), (400, "invalid_email"), "{body}");
    let (status, body) = json_of(
        post(
            &app,
            "/api/console/sign-in/verify",
            json!({"email": OWNER, "code": "12ab"}),
        )
        .await?,
    )
    .await?;
    assert_eq!(
        (status, code_of(&body)),
        (400, "invalid_otp_code"),
        "{body}"
    );

    let owner = sign_in(&app, OWNER).await?;
    for (path, status, code) in [
        (
            format!("/api/console/{NORTHWIND}/conversations/not-an-id"),
            400,
            "invalid_session_id",
        ),
        (
            format!("/api/console/{NORTHWIND}/conversations?limit=0"),
            400,
            "invalid_query",
        ),
        (
            format!("/api/console/{NORTHWIND}/conversations?limit=abc"),
            400,
            "invalid_query",
        ),
        (
            format!("/api/console/{NORTHWIND}/conversations?from=yesterday"),
            400,
            "invalid_query",
        ),
        (
            format!("/api/console/{NORTHWIND}/conversations?agent=Not_A_Slug"),
            400,
            "invalid_agent_id",
        ),
        (
            format!("/api/console/{NORTHWIND}/conversations?cursor=garbage"),
            400,
            "invalid_cursor",
        ),
        (
            format!("/api/console/{NORTHWIND}/leads?cursor=Zm9vOjE6eA"),
            400,
            "invalid_cursor",
        ),
        (
            "/api/console/Not_An_Account/leads".to_owned(),
            400,
            "invalid_account_id",
        ),
    ] {
        let (got, body) = get(&app, &path, Some(&owner)).await?;
        assert_eq!((got, code_of(&body)), (status, code), "{path}: {body}");
    }
    let (status, body) = json_of(
        request(
            &app,
            reqwest::Method::DELETE,
            &format!("/api/console/{NORTHWIND}/leads/not-a-ulid"),
            Some(&owner),
            true,
        )
        .send()
        .await?,
    )
    .await?;
    assert_eq!(
        (status, code_of(&body)),
        (400, "invalid_profile_id"),
        "{body}"
    );
    Ok(())
}

async fn sign_in_and_verify_are_rate_limited(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(
        backend,
        &[
            ("console.sign_in.email", "2/1h"),
            ("console.verify.ip", "3/1h"),
        ],
    )
    .await?;
    for _ in 0..2 {
        let response = post(&app, "/api/console/sign-in", json!({"email": OWNER})).await?;
        assert_eq!(response.status(), 202);
    }
    let response = post(&app, "/api/console/sign-in", json!({"email": OWNER})).await?;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    let (_, body) = json_of(response).await?;
    assert_eq!(code_of(&body), "rate_limited", "{body}");
    // Another address still gets through: the limit is per address.
    let response = post(&app, "/api/console/sign-in", json!({"email": VIEWER})).await?;
    assert_eq!(response.status(), 202);

    // Verify: three wrong guesses from this IP, then refused whatever the code.
    for _ in 0..3 {
        let (status, _) = json_of(
            post(
                &app,
                "/api/console/sign-in/verify",
                json!({"email": OWNER, "code": "000000"}),
            )
            .await?,
        )
        .await?;
        assert_ne!(status, 429);
    }
    let (status, body) = json_of(
        post(
            &app,
            "/api/console/sign-in/verify",
            json!({"email": VIEWER, "code": "000000"}),
        )
        .await?,
    )
    .await?;
    assert_eq!((status, code_of(&body)), (429, "rate_limited"), "{body}");
    Ok(())
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        the_emailed_code_signs_an_operator_in,
        sign_in_answers_alike_for_an_address_that_is_no_operator,
        every_console_route_answers_401_without_a_session,
        a_change_without_the_csrf_token_is_refused,
        another_accounts_data_answers_404,
        a_viewer_is_refused_a_delete,
        an_idle_session_expires_and_sign_out_revokes,
        the_lists_and_transcript_show_the_accounts_conversations,
        the_csv_export_escapes_formula_cells,
        an_owner_erases_a_lead_and_the_audit_log_says_who,
        the_login_link_works_once,
        bad_input_gets_stable_codes,
        sign_in_and_verify_are_rate_limited,
    }
}

/// The sign-in code through SES (moto): the same email as the outbox's, as the deployment
/// sends it.
#[tokio::test]
async fn the_sign_in_code_goes_out_through_ses() -> anyhow::Result<()> {
    use salient_tests::mail::{ses_client, ses_endpoint, verify_ses_identity};
    let endpoint = ses_endpoint()?;
    verify_ses_identity(&endpoint, "example.com").await?;
    verify_ses_identity(&endpoint, "northwind-heating.example").await?;
    let app = console_app(Backend::Embedded, &[]).await?;
    let ses = salient_core::SesTransport::with_client(ses_client(&endpoint));
    let settings = app.state.catalog.app();
    let email = EmailAddress::parse(OWNER)?;
    salient_core::console::request_sign_in(
        app.state.console(),
        salient_core::console::CodeMailer {
            codes: app.state.store.as_ref(),
            mail: &ses,
            otp: &settings.otp,
            from: &settings.email.from,
        },
        &email,
        None,
        now(),
    )
    .await?;
    let data: Value = reqwest::get(format!("{endpoint}/moto-api/data.json"))
        .await?
        .json()
        .await?;
    let raw = data["ses"]["RawMessage"]
        .as_array()
        .context("no ses.RawMessage")?
        .iter()
        .rev()
        .find(|m| {
            m["destinations"]
                .as_array()
                .is_some_and(|d| d.iter().any(|d| d == OWNER))
        })
        .context("moto received no sign-in email")?;
    let received = salient_tests::mail::parse_message(
        "ses",
        raw["raw_data"].as_str().context("raw_data")?.as_bytes(),
    )?;
    let code = received.otp_code().context("no code in the subject")?;
    let response = post(
        &app,
        "/api/console/sign-in/verify",
        json!({"email": OWNER, "code": code}),
    )
    .await?;
    assert_eq!(response.status(), 200);
    session_cookie(&response)?;
    Ok(())
}

/// `salient config check` (which loads the catalog) refuses a bad operator entry, naming
/// the file and the entry's key.
#[test]
fn config_check_names_a_bad_operator_entry() -> anyhow::Result<()> {
    for (from, to, key, says) in [
        (
            "role: viewer",
            "role: admin",
            "operators.1.role",
            "unknown variant",
        ),
        (
            "email: viewer@northwind-heating.example",
            "email: viewer-at-nowhere",
            "operators.1.email",
            "malformed",
        ),
    ] {
        let config = salient_tests::app::copy_config()?;
        let file = config
            .path()
            .join("accounts/northwind-heating/account.yaml");
        let yaml = std::fs::read_to_string(&file)?;
        ensure!(yaml.contains(from), "{from} not in {}", file.display());
        std::fs::write(&file, yaml.replace(from, to))?;
        let error = salient_cli::config_check::report(config.path())
            .err()
            .with_context(|| format!("{to} was accepted"))?
            .to_string();
        assert!(error.contains("account.yaml"), "{error}");
        assert!(error.contains(key), "{error}");
        assert!(error.contains(says), "{error}");
    }
    // An agent's file may not set operators.
    let config = salient_tests::app::copy_config()?;
    let file = config
        .path()
        .join("accounts/northwind-heating/agents/sales.yaml");
    let yaml = std::fs::read_to_string(&file)?;
    std::fs::write(
        &file,
        format!("{yaml}\noperators:\n  - email: a@example.com\n    role: owner\n"),
    )?;
    let error = salient_cli::config_check::report(config.path())
        .err()
        .context("operators in an agent file were accepted")?
        .to_string();
    assert!(
        error.contains("sales.yaml") && error.contains("not per agent"),
        "{error}"
    );
    Ok(())
}

/// The console is same-origin only: no origin is allowed by CORS, an account's allowed
/// origins included, and a state-changing call from one is refused.
#[tokio::test]
async fn console_routes_send_no_cors_headers() -> anyhow::Result<()> {
    let app = console_app(Backend::Embedded, &[]).await?;
    let allowed = "https://northwind-heating.example";
    let preflight = app
        .client()
        .request(reqwest::Method::OPTIONS, app.url("/api/console/me"))
        .header("origin", allowed)
        .header("access-control-request-method", "GET")
        .send()
        .await?;
    let get = app
        .client()
        .get(app.url("/api/console/me"))
        .header("origin", allowed)
        .send()
        .await?;
    // Without these two a browser lets no other origin read an answer or send credentials.
    for response in [&preflight, &get] {
        for header in [
            "access-control-allow-origin",
            "access-control-allow-credentials",
        ] {
            assert!(
                !response.headers().contains_key(header),
                "{header}: {:?}",
                response.headers()
            );
        }
    }
    let (status, body) = json_of(
        app.client()
            .post(app.url("/api/console/sign-in"))
            .header("origin", allowed)
            .json(&json!({"email": OWNER}))
            .send()
            .await?,
    )
    .await?;
    assert_eq!(
        (status, code_of(&body)),
        (403, "origin_not_allowed"),
        "{body}"
    );
    Ok(())
}
