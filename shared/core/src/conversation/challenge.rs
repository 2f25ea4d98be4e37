//! Cloudflare Turnstile on session creation: an account with `account.turnstile.site_key`
//! has the widget solve a challenge, and a new session needs the token it yields. The token
//! is checked with siteverify ([`ChallengeVerifier`]) and fails closed: a missing, invalid,
//! expired or replayed token is `challenge_failed`; siteverify unreachable, slow or failing
//! on its side is `challenge_unavailable`, never a pass.

use std::net::IpAddr;
use std::time::Duration;

use crate::config::TurnstileSettings;
use crate::error::{CodedError, ErrorCode};
use crate::ports::challenge::{ChallengeVerifier, VerifyAnswer, VerifyRequest, VerifyUnavailable};

/// The action the widget renders the challenge with; a token made for another action (of
/// the same site key) is refused.
pub const SESSION_ACTION: &str = "session";

/// Cloudflare's longest token.
const MAX_TOKEN_CHARS: usize = 2048;

/// How many times one token is sent when siteverify is unreachable or fails on its side
/// (with the same idempotency key, so the retry is not taken for a replay).
const ATTEMPTS: usize = 2;

/// Why a session may not start.
#[derive(Debug, thiserror::Error)]
pub enum ChallengeError {
    /// No token, or one siteverify does not accept.
    #[error("Please complete the check that you are not a robot, then try again.")]
    Failed {
        /// siteverify's error codes (or ours: `missing-input-response`, `action-mismatch`).
        reasons: Vec<String>,
    },
    /// siteverify did not give an answer.
    #[error(
        "The check that you are not a robot cannot be completed right now; please try again shortly."
    )]
    Unavailable(#[source] VerifyUnavailable),
    /// siteverify refuses the secret key: the deployment's configuration is wrong.
    #[error("siteverify refuses account.turnstile.secret_key: {0:?}")]
    Misconfigured(Vec<String>),
}

impl CodedError for ChallengeError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Failed { .. } => ErrorCode::ChallengeFailed,
            Self::Unavailable(_) => ErrorCode::ChallengeUnavailable,
            Self::Misconfigured(_) => ErrorCode::Internal,
        }
    }
}

fn failed(reason: &str) -> ChallengeError {
    ChallengeError::Failed {
        reasons: vec![reason.to_owned()],
    }
}

/// Checks a new session's Turnstile token when the account has Turnstile on (a no-op when
/// it has not).
pub async fn check_session_token(
    verifier: &dyn ChallengeVerifier,
    settings: &TurnstileSettings,
    token: Option<&str>,
    remote_ip: Option<IpAddr>,
) -> Result<(), ChallengeError> {
    if settings.site_key().is_none() {
        return Ok(());
    }
    let Some(secret) = &settings.secret_key else {
        return Err(ChallengeError::Misconfigured(vec![
            "missing-input-secret".to_owned(),
        ]));
    };
    let token = token.map(str::trim).unwrap_or_default();
    if token.is_empty() {
        return Err(failed("missing-input-response"));
    }
    if token.chars().count() > MAX_TOKEN_CHARS {
        return Err(failed("invalid-input-response"));
    }
    let idempotency_key = uuid::Uuid::new_v4().to_string();
    let request = VerifyRequest {
        url: &settings.verify_url,
        secret,
        token,
        remote_ip,
        idempotency_key: &idempotency_key,
        timeout: Duration::from_millis(settings.timeout_ms),
    };
    let mut last_failure = VerifyUnavailable("not asked".to_owned());
    for _ in 0..ATTEMPTS {
        match verifier.verify(&request).await {
            Ok(answer) if has_code(&answer, "internal-error") => {
                last_failure = VerifyUnavailable("siteverify reported internal-error".to_owned());
            }
            Ok(answer) => return judge(answer),
            Err(unavailable) => last_failure = unavailable,
        }
    }
    Err(ChallengeError::Unavailable(last_failure))
}

fn has_code(answer: &VerifyAnswer, code: &str) -> bool {
    answer.error_codes.iter().any(|c| c == code)
}

/// What a siteverify answer means for the session.
fn judge(answer: VerifyAnswer) -> Result<(), ChallengeError> {
    if has_code(&answer, "missing-input-secret") || has_code(&answer, "invalid-input-secret") {
        return Err(ChallengeError::Misconfigured(answer.error_codes));
    }
    if !answer.success {
        tracing::debug!(codes = ?answer.error_codes, "turnstile token refused");
        return Err(ChallengeError::Failed {
            reasons: answer.error_codes,
        });
    }
    if answer
        .action
        .as_deref()
        .is_some_and(|action| action != SESSION_ACTION)
    {
        return Err(failed("action-mismatch"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(success: bool, codes: &[&str], action: Option<&str>) -> VerifyAnswer {
        VerifyAnswer {
            success,
            error_codes: codes.iter().map(|c| (*c).to_owned()).collect(),
            action: action.map(str::to_owned),
            hostname: None,
        }
    }

    #[test]
    fn siteverify_answers_map_to_pass_fail_or_misconfigured() {
        assert!(judge(answer(true, &[], None)).is_ok());
        assert!(judge(answer(true, &[], Some("session"))).is_ok());
        assert!(matches!(
            judge(answer(true, &[], Some("login"))),
            Err(ChallengeError::Failed { .. })
        ));
        for code in [
            "invalid-input-response",
            "timeout-or-duplicate",
            "bad-request",
        ] {
            let refused = judge(answer(false, &[code], None));
            assert_eq!(
                refused.as_ref().map_err(CodedError::code).err(),
                Some(ErrorCode::ChallengeFailed),
                "{code}"
            );
        }
        let misconfigured = judge(answer(false, &["invalid-input-secret"], None));
        assert_eq!(
            misconfigured.map_err(|e| e.code()).err(),
            Some(ErrorCode::Internal)
        );
    }
}
