//! Cloudflare Turnstile's siteverify API over HTTPS: a JSON `POST` of `secret`, `response`,
//! `remoteip` and `idempotency_key`, answered (for valid and invalid tokens alike) with
//! `{"success", "error-codes", "challenge_ts", "hostname", "action", "cdata"}`. A timeout, a
//! refused connection, a 5xx or a body that is not that JSON is "unavailable", never a pass.

use async_trait::async_trait;
use secrecy::ExposeSecret as _;
use serde::{Deserialize, Serialize};

use crate::ports::challenge::{ChallengeVerifier, VerifyAnswer, VerifyRequest, VerifyUnavailable};

/// The siteverify client (one connection pool per process).
#[derive(Debug, Clone)]
pub(crate) struct TurnstileVerifier {
    client: reqwest::Client,
}

impl TurnstileVerifier {
    pub(crate) fn new() -> anyhow::Result<Self> {
        Ok(Self {
            client: reqwest::Client::builder()
                .user_agent(concat!("salient/", env!("CARGO_PKG_VERSION")))
                .build()?,
        })
    }
}

#[derive(Serialize)]
struct SiteverifyBody<'a> {
    secret: &'a str,
    response: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    remoteip: Option<String>,
    idempotency_key: &'a str,
}

#[derive(Deserialize)]
struct SiteverifyAnswer {
    success: bool,
    #[serde(rename = "error-codes", default)]
    error_codes: Vec<String>,
    #[serde(default)]
    action: Option<String>,
    #[serde(default)]
    hostname: Option<String>,
}

#[async_trait]
impl ChallengeVerifier for TurnstileVerifier {
    #[tracing::instrument(skip_all, fields(url = request.url))]
    async fn verify(&self, request: &VerifyRequest<'_>) -> Result<VerifyAnswer, VerifyUnavailable> {
        let body = SiteverifyBody {
            secret: request.secret.expose_secret(),
            response: request.token,
            remoteip: request.remote_ip.map(|ip| ip.to_string()),
            idempotency_key: request.idempotency_key,
        };
        let response = self
            .client
            .post(request.url)
            .timeout(request.timeout)
            .json(&body)
            .send()
            .await
            .map_err(|err| VerifyUnavailable(describe(&err)))?;
        let status = response.status();
        if status.is_server_error() {
            return Err(VerifyUnavailable(format!("HTTP {status}")));
        }
        let answer: SiteverifyAnswer = response
            .json()
            .await
            .map_err(|err| VerifyUnavailable(format!("HTTP {status}, {}", describe(&err))))?;
        Ok(VerifyAnswer {
            success: answer.success,
            error_codes: answer.error_codes,
            action: answer.action.filter(|a| !a.is_empty()),
            hostname: answer.hostname.filter(|h| !h.is_empty()),
        })
    }
}

/// A transport error in a few words (never the request body, which holds the secret).
fn describe(err: &reqwest::Error) -> String {
    if err.is_timeout() {
        "timed out".to_owned()
    } else if err.is_connect() {
        "could not connect".to_owned()
    } else if err.is_decode() {
        "the body is not siteverify's JSON".to_owned()
    } else {
        "request failed".to_owned()
    }
}
