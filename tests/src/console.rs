//! Signing in to the operator console in tests and benchmarks, through the real routes:
//! with the code the app emails to its outbox (an app spawned with `AppOptions::outbox`),
//! or with a `salient console login` link. Either way the session cookie is checked for the
//! attributes every sign-in answer must carry.

use anyhow::{Context as _, ensure};
use serde_json::{Value, json};

use crate::app::TestApp;
use crate::mail::{ReceivedEmail, outbox_to};

/// The name of the console's session cookie.
pub const SESSION_COOKIE: &str = "__Host-salient_console";

/// A signed-in operator: the session cookie's value and the CSRF token.
#[derive(Debug, Clone)]
pub struct Operator {
    pub token: String,
    pub csrf: String,
}

impl Operator {
    /// The `Cookie` header of a request as this operator.
    pub fn cookie(&self) -> String {
        format!("{SESSION_COOKIE}={}", self.token)
    }
}

/// The session cookie's value in a sign-in answer, checked for its attributes (`HttpOnly`,
/// `Secure`, `SameSite=Strict`, `Path=/`, no `Domain`: a `__Host-` cookie).
pub fn session_cookie(response: &reqwest::Response) -> anyhow::Result<String> {
    let raw = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{SESSION_COOKIE}=")))
        .context("no session cookie")?
        .to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        ensure!(raw.contains(attribute), "{attribute} missing from {raw}");
    }
    ensure!(
        !raw.contains("Domain"),
        "a __Host- cookie has no Domain: {raw}"
    );
    raw.split(';')
        .next()
        .and_then(|pair| pair.split_once('='))
        .map(|(_, value)| value.to_owned())
        .context("cookie without a value")
}

/// Asks for a sign-in code for `email` and reads it from the outbox.
async fn emailed_sign_in_code(app: &TestApp, email: &str) -> anyhow::Result<String> {
    let response = app
        .client()
        .post(app.url("/api/console/sign-in"))
        .json(&json!({"email": email}))
        .send()
        .await?;
    let status = response.status();
    ensure!(
        status == 202,
        "sign-in answered {status}: {}",
        response.text().await.unwrap_or_default()
    );
    outbox_to(app.outbox(), email)?
        .last()
        .and_then(ReceivedEmail::otp_code)
        .with_context(|| format!("no sign-in code was emailed to {email}"))
}

/// Signs `email` in with an emailed code.
pub async fn sign_in(app: &TestApp, email: &str) -> anyhow::Result<Operator> {
    let code = emailed_sign_in_code(app, email).await?;
    let response = app
        .client()
        .post(app.url("/api/console/sign-in/verify"))
        .json(&json!({"email": email, "code": code}))
        .send()
        .await?;
    signed_in(response).await
}

/// Signs `email` in with a one-time link, as `salient console login` prints it.
pub async fn sign_in_by_link(app: &TestApp, email: &str) -> anyhow::Result<Operator> {
    let printed = salient_cli::console::login_link(&app.state, email).await?;
    let token = printed
        .split("login=")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .context("no token in the link")?;
    let response = app
        .client()
        .post(app.url("/api/console/sign-in/link"))
        .json(&json!({"token": token}))
        .send()
        .await?;
    signed_in(response).await
}

/// The operator a `200` sign-in answer made.
async fn signed_in(response: reqwest::Response) -> anyhow::Result<Operator> {
    ensure!(
        response.status() == 200,
        "sign-in answered {}",
        response.status()
    );
    let token = session_cookie(&response)?;
    let body: Value = response.json().await?;
    let csrf = body["csrf_token"]
        .as_str()
        .context("no csrf_token")?
        .to_owned();
    Ok(Operator { token, csrf })
}
