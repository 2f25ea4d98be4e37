//! Checking a human-verification token with its provider: Cloudflare Turnstile's siteverify
//! API (`adapters::turnstile`). The service that decides what an answer means is
//! `crate::challenge`.

use std::net::IpAddr;
use std::time::Duration;

use async_trait::async_trait;
use secrecy::SecretString;

/// One siteverify call.
#[derive(Debug)]
pub struct VerifyRequest<'a> {
    /// The siteverify endpoint.
    pub url: &'a str,
    /// The widget's secret key.
    pub secret: &'a SecretString,
    /// The token the visitor's browser got from the challenge.
    pub token: &'a str,
    /// The visitor's address, when known.
    pub remote_ip: Option<IpAddr>,
    /// The same for every attempt at one check, so a retried call is not taken for a
    /// replayed token.
    pub idempotency_key: &'a str,
    /// How long the call may take.
    pub timeout: Duration,
}

/// What siteverify said about a token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerifyAnswer {
    /// Whether the token is valid.
    pub success: bool,
    /// Why not (`invalid-input-response`, `timeout-or-duplicate`, ...).
    pub error_codes: Vec<String>,
    /// The action the widget was rendered with, if any.
    pub action: Option<String>,
    /// The host name the challenge was solved on, if any.
    pub hostname: Option<String>,
}

/// The provider could not give an answer.
#[derive(Debug, thiserror::Error)]
#[error("siteverify did not answer: {0}")]
pub struct VerifyUnavailable(pub String);

/// Checks tokens with the provider.
#[async_trait]
pub trait ChallengeVerifier: Send + Sync + std::fmt::Debug {
    /// Asks the provider about one token.
    async fn verify(&self, request: &VerifyRequest<'_>) -> Result<VerifyAnswer, VerifyUnavailable>;
}
