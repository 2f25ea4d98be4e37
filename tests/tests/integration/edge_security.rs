//! What keeps the edge safe on the open internet, through the real local app and each
//! function's own router: the security headers of pages, widget files and API answers (and
//! that CloudFront's response headers policies in the template send the same), functions
//! that refuse requests which did not come through CloudFront (`server.origin_secret`), and
//! a client IP header that counts only on requests that did.

use std::path::PathBuf;

use axum::body::Body;
use salient_core::AppState;
use salient_core::api::{API_CSP, API_REFERRER_POLICY, SITE_CSP, SITE_REFERRER_POLICY};
use salient_tests::app::{AppOptions, ORIGIN_SECRET, TestApp, setting, spawn_app_with};
use serde_json::{Value, json};
use tower::ServiceExt as _;

const ACCOUNT: &str = "northwind-heating";
const AGENT: &str = "sales";
const ALLOWED: &str = "https://northwind-heating.example";
const SECRET_HEADER: &str = "x-salient-origin-secret";

fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The status and the error code of a response (`""` when it carries none).
async fn status_and_code(response: reqwest::Response) -> anyhow::Result<(u16, String)> {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    Ok((
        status,
        body["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    ))
}

#[tokio::test]
async fn pages_widget_files_and_api_answers_carry_the_security_headers() -> anyhow::Result<()> {
    let site = tempfile::tempdir()?;
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><title>site</title>",
    )?;
    std::fs::write(site.path().join("widget.js"), "(()=>{})();")?;
    let app = spawn_app_with(AppOptions {
        site_dir: Some(site.path().to_owned()),
        ..AppOptions::default()
    })
    .await?;
    let client = reqwest::Client::new();

    let page = client.get(app.url("/")).send().await?;
    assert_eq!(page.status(), 200);
    let csp = header(&page, "content-security-policy").unwrap_or_default();
    assert_eq!(csp, SITE_CSP);
    for directive in [
        "script-src 'self' https://challenges.cloudflare.com;",
        "style-src 'self';",
        "frame-ancestors 'none';",
        "object-src 'none'",
    ] {
        assert!(csp.contains(directive), "{directive} in {csp}");
    }
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
    assert_eq!(header(&page, "x-frame-options").as_deref(), Some("DENY"));
    assert_eq!(
        header(&page, "referrer-policy").as_deref(),
        Some(SITE_REFERRER_POLICY)
    );
    assert_eq!(
        header(&page, "x-content-type-options").as_deref(),
        Some("nosniff")
    );

    // The widget's files: loadable from any origin, never with credentials, never sniffed.
    let widget = client
        .get(app.url("/widget.js"))
        .header("origin", "https://shop.example")
        .send()
        .await?;
    assert_eq!(widget.status(), 200);
    assert_eq!(
        header(&widget, "access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert_eq!(header(&widget, "access-control-allow-credentials"), None);
    assert_eq!(
        header(&widget, "x-content-type-options").as_deref(),
        Some("nosniff")
    );
    assert_eq!(
        header(&widget, "cross-origin-resource-policy").as_deref(),
        Some("cross-origin")
    );

    // API answers, errors included: nothing in them may load, run or be framed.
    for path in [
        format!("/api/{ACCOUNT}/{AGENT}"),
        format!("/api/{ACCOUNT}/no-such-agent"),
    ] {
        let answer = client.get(app.url(&path)).send().await?;
        assert_eq!(
            header(&answer, "content-security-policy").as_deref(),
            Some(API_CSP),
            "{path}"
        );
        assert_eq!(
            header(&answer, "referrer-policy").as_deref(),
            Some(API_REFERRER_POLICY)
        );
        assert_eq!(header(&answer, "x-frame-options").as_deref(), Some("DENY"));
        assert_eq!(
            header(&answer, "x-content-type-options").as_deref(),
            Some("nosniff")
        );
    }

    // Credentials only ever come with one named origin, never with `*`.
    let preflight = client
        .request(
            reqwest::Method::OPTIONS,
            app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")),
        )
        .header("origin", ALLOWED)
        .header("access-control-request-method", "POST")
        .send()
        .await?;
    assert_eq!(
        header(&preflight, "access-control-allow-origin").as_deref(),
        Some(ALLOWED)
    );
    assert_eq!(
        header(&preflight, "access-control-allow-credentials").as_deref(),
        Some("true")
    );
    Ok(())
}

/// The values of every `<key>: "<value>"` line of the template.
fn template_values(template: &str, key: &str) -> Vec<String> {
    let prefix = format!("{key}: ");
    template
        .lines()
        .filter_map(|line| line.trim().strip_prefix(&prefix))
        .map(|value| value.trim().trim_matches('"').to_owned())
        .collect()
}

#[test]
fn cloudfront_sends_the_same_security_headers_as_the_local_server() -> anyhow::Result<()> {
    let template = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../infra/template.yaml"),
    )?;
    let policies = template_values(&template, "ContentSecurityPolicy");
    assert!(
        policies.contains(&SITE_CSP.to_owned()),
        "the site's response headers policy sends another CSP: {policies:?}"
    );
    assert!(
        policies.contains(&API_CSP.to_owned()),
        "the API's response headers policy sends another CSP: {policies:?}"
    );
    let referrers = template_values(&template, "ReferrerPolicy");
    for policy in [SITE_REFERRER_POLICY, API_REFERRER_POLICY] {
        assert!(referrers.contains(&policy.to_owned()), "{referrers:?}");
    }
    // The site's wildcard CORS never allows credentials.
    assert_eq!(
        template_values(&template, "AccessControlAllowCredentials"),
        ["false"]
    );
    // CloudFront sends the secret the functions check, to both API origins.
    let secret_headers = template
        .lines()
        .filter(|line| line.contains("HeaderName: X-Salient-Origin-Secret"))
        .count();
    assert_eq!(secret_headers, 2, "the api and stream origins");
    Ok(())
}

/// Every route of every function, with a body it would accept.
fn every_function_route(session: &str) -> Vec<(reqwest::Method, String, Value)> {
    use reqwest::Method;
    let agent = format!("/api/{ACCOUNT}/{AGENT}");
    let session = format!("{agent}/sessions/{session}");
    let code = json!({"email": "ann@example.com", "code": "123456"});
    vec![
        (Method::GET, agent.clone(), Value::Null),
        (Method::GET, format!("{agent}/sessions"), Value::Null),
        (Method::POST, format!("{agent}/sessions"), json!({})),
        (Method::GET, session.clone(), Value::Null),
        (Method::GET, format!("{session}/messages"), Value::Null),
        (
            Method::POST,
            format!("{session}/turns"),
            json!({"message": "Hello"}),
        ),
        (
            Method::POST,
            format!("{session}/stream"),
            json!({"message": "Hello"}),
        ),
        (Method::POST, format!("{session}/summary"), json!({})),
        (Method::GET, format!("{session}/profile"), Value::Null),
        (
            Method::POST,
            format!("{agent}/otp/request"),
            json!({"email": "ann@example.com", "purpose": "verify"}),
        ),
        (Method::POST, format!("{agent}/otp/verify"), code.clone()),
        (Method::POST, format!("{agent}/otp/export"), code.clone()),
        (Method::POST, format!("{agent}/otp/delete"), code),
        (
            Method::POST,
            format!("/api/admin/{ACCOUNT}/ingest"),
            Value::Null,
        ),
        (
            Method::POST,
            "/api/console/sign-in".to_owned(),
            json!({"email": "ann@example.com"}),
        ),
        (
            Method::POST,
            "/api/console/sign-in/verify".to_owned(),
            json!({"email": "ann@example.com", "code": "123456"}),
        ),
        (Method::GET, "/api/console/me".to_owned(), Value::Null),
        (
            Method::GET,
            format!("/api/console/{ACCOUNT}/conversations"),
            Value::Null,
        ),
        (
            Method::DELETE,
            format!("/api/console/{ACCOUNT}/leads/01JD0000000000000000000000"),
            Value::Null,
        ),
        (Method::OPTIONS, format!("{agent}/sessions"), Value::Null),
        (Method::GET, "/api/no/such/route".to_owned(), Value::Null),
        (Method::GET, "/no/such/path".to_owned(), Value::Null),
        (
            Method::GET,
            "//api/northwind-heating/sales".to_owned(),
            Value::Null,
        ),
    ]
}

#[tokio::test]
async fn without_the_origin_secret_every_function_route_is_refused() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        behind_cloudfront: true,
        outbox: true,
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session(ACCOUNT, AGENT).await?;
    let direct = reqwest::Client::new();
    for (method, path, body) in every_function_route(&session.id) {
        for secret in [None, Some("wrong"), Some(&ORIGIN_SECRET[1..])] {
            let mut request = direct
                .request(method.clone(), app.url(&path))
                .header("cloudfront-viewer-address", "198.51.100.7:443")
                .header("origin", ALLOWED)
                .header("access-control-request-method", "POST");
            if let Some(secret) = secret {
                request = request.header(SECRET_HEADER, secret);
            }
            if !body.is_null() {
                request = request.json(&body);
            }
            let (status, code) = status_and_code(request.send().await?).await?;
            assert_eq!(
                (status, code.as_str()),
                (403, "direct_access_denied"),
                "{method} {path} with {secret:?}"
            );
        }
    }
    // Nothing reached a service: no turn, no code emailed.
    assert!(app.history(&session).await?.is_empty());
    assert!(salient_tests::mail::outbox(app.outbox())?.is_empty());

    // Through CloudFront (the secret), every route does its own work again.
    for (method, path, body) in every_function_route(&session.id) {
        let mut request = session
            .client
            .request(method.clone(), app.url(&path))
            .header("origin", ALLOWED)
            .header("access-control-request-method", "POST");
        if !body.is_null() {
            request = request.json(&body);
        }
        let (status, code) = status_and_code(request.send().await?).await?;
        assert_ne!(code, "direct_access_denied", "{method} {path}: {status}");
    }
    assert!(!app.history(&session).await?.is_empty());

    // CloudFront forwards neither of these to a function: the health check and the
    // IAM-signed admin route are reached directly.
    let health = direct.get(app.url("/healthz")).send().await?;
    assert_eq!(health.status(), 200);
    let (_, code) = status_and_code(
        direct
            .post(app.url(&format!("/admin/ingest/{ACCOUNT}")))
            .send()
            .await?,
    )
    .await?;
    assert_ne!(code, "direct_access_denied");
    Ok(())
}

#[tokio::test]
async fn each_lambda_router_checks_the_origin_secret() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        behind_cloudfront: true,
        ..AppOptions::default()
    })
    .await?;
    let state: AppState = app.state.clone();
    let session = "AAAAAAAAAAAAAAAAAAAAAA";
    let functions: [(&str, axum::Router, String); 6] = [
        (
            "chat",
            salient_chat::app(state.clone()),
            format!("/api/{ACCOUNT}/{AGENT}/sessions"),
        ),
        (
            "stream",
            salient_stream::app(state.clone()),
            format!("/api/{ACCOUNT}/{AGENT}/sessions/{session}/stream"),
        ),
        (
            "otp",
            salient_otp::app(state.clone()),
            format!("/api/{ACCOUNT}/{AGENT}/otp/request"),
        ),
        (
            "email",
            salient_email::app(state.clone()),
            format!("/api/{ACCOUNT}/{AGENT}/sessions/{session}/summary"),
        ),
        (
            "ingest",
            salient_ingest::app(state.clone()),
            format!("/api/admin/{ACCOUNT}/ingest"),
        ),
        (
            "console",
            salient_console::app(state.clone()),
            "/api/console/sign-in".to_owned(),
        ),
    ];
    for (name, router, path) in functions {
        let request = axum::http::Request::post(&path)
            .header("content-type", "application/json")
            .body(Body::from("{}"))?;
        let response = router.oneshot(request).await?;
        assert_eq!(response.status(), 403, "{name}");
        let body = axum::body::to_bytes(response.into_body(), 64 * 1024).await?;
        let body: Value = serde_json::from_slice(&body)?;
        assert_eq!(body["error"]["code"], "direct_access_denied", "{name}");
    }
    Ok(())
}

/// Creates sessions as three new visitors naming the addresses `ips` in
/// `cloudfront-viewer-address`; the statuses.
async fn sessions_from(app: &TestApp, ips: [&str; 3]) -> anyhow::Result<Vec<u16>> {
    let mut statuses = Vec::new();
    for ip in ips {
        let response = app
            .client()
            .post(app.url(&format!("/api/{ACCOUNT}/{AGENT}/sessions")))
            .header("cloudfront-viewer-address", ip)
            .send()
            .await?;
        statuses.push(response.status().as_u16());
    }
    Ok(statuses)
}

#[tokio::test]
async fn the_client_ip_header_counts_only_on_requests_through_cloudfront() -> anyhow::Result<()> {
    let two_per_address = || vec![setting("rate_limits.session.ip", "2/1m")];
    let three_addresses = ["192.0.2.1:1", "192.0.2.2:1", "192.0.2.3:1"];
    // Reached directly, the header is anyone's to write: every request counts against the
    // connection's own address.
    let direct = spawn_app_with(AppOptions {
        overrides: two_per_address(),
        ..AppOptions::default()
    })
    .await?;
    assert_eq!(
        sessions_from(&direct, three_addresses).await?,
        [201, 201, 429]
    );
    // Through CloudFront, each viewer's address has its own window.
    let behind = spawn_app_with(AppOptions {
        overrides: two_per_address(),
        behind_cloudfront: true,
        ..AppOptions::default()
    })
    .await?;
    assert_eq!(
        sessions_from(&behind, three_addresses).await?,
        [201, 201, 201]
    );
    assert_eq!(
        sessions_from(&behind, ["192.0.2.9:1", "192.0.2.9:2", "192.0.2.9:3"]).await?,
        [201, 201, 429]
    );
    Ok(())
}
