//! `salient console login <email>`: a one-time sign-in link for an operator, so the local
//! stack needs no mail. The link's token is stored hashed in the same store the server
//! reads; it works once, for `console.login_link_ttl_secs`.

use anyhow::Context as _;
use salient_core::AppState;
use salient_core::domain::{EmailAddress, now};

/// The link to open: `{console.public_url or http://127.0.0.1:{server.port}}/console/?login=<token>`.
/// The console page exchanges the token with `POST /api/console/sign-in/link`.
pub async fn login_link(state: &AppState, email: &str) -> anyhow::Result<String> {
    let email = EmailAddress::parse(email).context("not an email address")?;
    let (token, expires_at) =
        salient_core::console::create_login_link(state.console(), &email, now())
            .await
            .map_err(anyhow::Error::new)?;
    let app = state.catalog.app();
    let base = app
        .console
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://127.0.0.1:{}", app.server.port));
    Ok(format!(
        "{}/console/?login={token}\n(valid once, until {}; the page posts the token to /api/console/sign-in/link)",
        base.trim_end_matches('/'),
        expires_at.format("%H:%M:%S UTC")
    ))
}
