//! One-time codes that prove a visitor controls an email address.
//!
//! A code is 6 digits from the operating system's CSPRNG. Only its keyed hash is stored
//! (HMAC-SHA256 under the deployment's `otp.secret`, over the account, address hash,
//! purpose, visitor and code), so a leaked table gives nothing to brute-force offline. A
//! challenge expires after `otp.code_ttl_secs`; `otp.max_attempts` wrong answers kill it;
//! answers are compared in constant time; a right answer deletes the challenge atomically,
//! so a code works once. Requests are rate-limited (`rate_limits.otp`: per visitor, address
//! and client IP, counted by the route through `limits`), and the request path does the same
//! work whether or not the address is known.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, KeyInit as _, Mac as _};
use rand::RngExt as _;
use secrecy::ExposeSecret as _;
use sha2::Sha256;
use subtle::ConstantTimeEq as _;

use crate::config::OtpSettings;
use crate::domain::{
    AccountId, EmailAddress, EmailHash, OtpChallenge, OtpKey, OtpPurpose, VisitorId,
};
use crate::email::view::{CodeView, ViewError, code_email};
use crate::error::{CodedError, ErrorCode};
use crate::ports::StoreError;
use crate::ports::crm::{OtpFailure, OtpStore};
use crate::ports::email::{EmailTransport, OutgoingEmail, SendError};

/// A code as the visitor typed it: exactly 6 ASCII digits.
#[derive(Clone, PartialEq, Eq)]
pub struct OtpCode(String);

impl OtpCode {
    /// Parses a typed code (surrounding whitespace ignored).
    pub fn parse(raw: &str) -> Result<Self, OtpError> {
        let trimmed = raw.trim();
        if trimmed.len() == 6 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(trimmed.to_owned()))
        } else {
            Err(OtpError::MalformedCode)
        }
    }

    /// A fresh uniformly random code from the OS CSPRNG.
    pub fn generate() -> Self {
        let mut rng = rand::rand_core::UnwrapErr(rand::rngs::SysRng);
        Self(format!("{:06}", rng.random_range(0..1_000_000u32)))
    }

    /// The digits (to put in the email; never logged).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OtpCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OtpCode(******)")
    }
}

/// The key codes and rate-limit subjects (visitor ids, client IPs) are hashed with.
pub struct OtpSecret(Vec<u8>);

impl fmt::Debug for OtpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OtpSecret(********)")
    }
}

impl OtpSecret {
    /// The configured `otp.secret`; without one, a random key for this process only, with
    /// a warning (codes issued by one process do not verify on another).
    pub fn from_settings(settings: &OtpSettings) -> Self {
        match settings
            .secret
            .as_ref()
            .map(|s| s.expose_secret().as_bytes().to_vec())
            .filter(|bytes| !bytes.is_empty())
        {
            Some(bytes) => Self(bytes),
            None => {
                tracing::warn!(
                    "no otp.secret configured (set SALIENT__OTP__SECRET or the SSM parameter otp/secret); \
                     using a random key for this process only: one-time codes will not verify on \
                     any other process or after a restart, and per-visitor and per-IP rate limits \
                     count per process"
                );
                let mut bytes = vec![0u8; 32];
                // The OS random source failing is unrecoverable: no key from weak randomness.
                #[allow(clippy::expect_used)]
                getrandom::fill(&mut bytes).expect("the operating system's random source failed");
                Self(bytes)
            }
        }
    }

    /// A key from raw bytes (tests).
    pub fn from_bytes(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }

    fn mac(&self, parts: &[&str]) -> String {
        // HMAC takes keys of any length, so this cannot fail.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            return String::new();
        };
        for part in parts {
            mac.update(part.as_bytes());
            // A separator no part can contain, so ("ab","c") and ("a","bc") differ.
            mac.update(&[0x1f]);
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// The stored hash of a code for one challenge.
    pub fn code_hash(&self, account: &AccountId, key: &OtpKey, code: &OtpCode) -> String {
        self.mac(&[
            "otp-code",
            account.as_str(),
            key.email.as_str(),
            key.purpose.as_str(),
            key.visitor.as_str(),
            code.expose(),
        ])
    }

    /// A rate-limit subject's opaque form (a visitor id, a client IP): keyed, so stored
    /// keys and logs reveal nothing about who it was.
    pub(crate) fn subject_hash(&self, scope: &str, value: &str) -> String {
        self.mac(&["rate-subject", scope, value])[..32].to_owned()
    }
}

/// The rate-limit subject of an address's code requests (erasure deletes its counters).
pub fn email_subject(email: &EmailHash) -> String {
    crate::limits::email_subject(crate::limits::Action::Otp, email)
}

/// Why a code could not be issued or was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum OtpError {
    /// The code is not 6 digits.
    #[error("the code must be 6 digits")]
    MalformedCode,
    /// No live challenge matches, or the code is wrong.
    #[error("the code is not valid for this address")]
    InvalidCode {
        /// Wrong answers left before the challenge dies, when one is live.
        attempts_left: Option<u32>,
    },
    /// The code expired.
    #[error("the code has expired")]
    Expired,
    /// Too many wrong answers: the challenge is dead.
    #[error("too many wrong codes")]
    AttemptsExceeded,
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The email with the code could not be sent.
    #[error(transparent)]
    Send(#[from] SendError),
    /// The email with the code could not be rendered.
    #[error("rendering the code email: {0}")]
    Render(#[from] ViewError),
}

impl CodedError for OtpError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::MalformedCode => ErrorCode::InvalidOtpCode,
            Self::InvalidCode { .. } => ErrorCode::OtpInvalid,
            Self::Expired => ErrorCode::OtpExpired,
            Self::AttemptsExceeded => ErrorCode::OtpAttemptsExceeded,
            Self::Store(err) => err.code(),
            Self::Send(_) => ErrorCode::EmailSendFailed,
            Self::Render(_) => ErrorCode::Internal,
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::MalformedCode => "The code must be 6 digits.".to_owned(),
            Self::InvalidCode {
                attempts_left: Some(left),
            } => format!("The code is not valid for this address. {left} attempts left."),
            Self::InvalidCode {
                attempts_left: None,
            } => "The code is not valid for this address; request a new one.".to_owned(),
            Self::Expired => "The code has expired; request a new one.".to_owned(),
            Self::AttemptsExceeded => "Too many wrong codes; request a new one.".to_owned(),
            Self::Store(err) => err.public_message(),
            Self::Send(_) => "The email could not be sent; please try again shortly.".to_owned(),
            Self::Render(err) => err.to_string(),
        }
    }
}

/// What asking for a code needs.
#[derive(Debug)]
pub struct CodeRequest<'a> {
    /// The account.
    pub account: &'a AccountId,
    /// Its display name, for the email.
    pub account_name: &'a str,
    /// The browser asking.
    pub visitor: &'a VisitorId,
    /// The address to prove.
    pub email: &'a EmailAddress,
    /// What the code will unlock.
    pub purpose: OtpPurpose,
    /// The sender address (`email.from`).
    pub from: &'a str,
}

/// Issues a code and emails it. The work is the same whether or not the address belongs
/// to a profile (nothing here looks that up), so the answer and its timing say nothing
/// about who is known. The route counts the request against `rate_limits.otp` first.
pub async fn request_code(
    codes: &dyn OtpStore,
    mail: &dyn EmailTransport,
    secret: &OtpSecret,
    settings: &OtpSettings,
    request: CodeRequest<'_>,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, OtpError> {
    let key = OtpKey {
        email: EmailHash::of(request.email),
        purpose: request.purpose,
        visitor: request.visitor.clone(),
    };
    let code = OtpCode::generate();
    let expires_at = now + Duration::seconds(i64::from(settings.code_ttl_secs));
    let challenge = OtpChallenge {
        code_hash: secret.code_hash(request.account, &key, &code),
        key,
        attempts: 0,
        max_attempts: settings.max_attempts,
        expires_at,
        created_at: now,
    };
    codes.put_otp(request.account, &challenge).await?;
    let email = code_email(&CodeView {
        account_name: request.account_name,
        purpose: request.purpose,
        code: code.expose(),
        minutes: settings.code_ttl_secs.div_ceil(60),
    })?;
    mail.send(&OutgoingEmail {
        from: request.from.to_owned(),
        to: vec![request.email.clone()],
        subject: email.subject,
        html: email.html,
        text: email.text,
    })
    .await?;
    tracing::info!(account = %request.account, purpose = request.purpose.as_str(), "one-time code issued");
    Ok(expires_at)
}

/// Checks a code and, when right, consumes the challenge (a code works once).
pub async fn check_code(
    codes: &dyn OtpStore,
    secret: &OtpSecret,
    account: &AccountId,
    key: &OtpKey,
    code: &OtpCode,
    now: DateTime<Utc>,
) -> Result<(), OtpError> {
    let Some(challenge) = codes.get_otp(account, key).await? else {
        return Err(OtpError::InvalidCode {
            attempts_left: None,
        });
    };
    if challenge.expires_at <= now {
        return Err(OtpError::Expired);
    }
    if challenge.attempts >= challenge.max_attempts {
        return Err(OtpError::AttemptsExceeded);
    }
    let hash = secret.code_hash(account, key, code);
    let matches: bool = hash.as_bytes().ct_eq(challenge.code_hash.as_bytes()).into();
    if matches {
        return if codes.consume_otp(account, key, &hash, now).await? {
            Ok(())
        } else {
            // Another request consumed it (or it died) between our read and delete.
            Err(OtpError::InvalidCode {
                attempts_left: None,
            })
        };
    }
    match codes.fail_otp(account, key, now).await? {
        OtpFailure::Counted(attempts) if attempts >= challenge.max_attempts => {
            Err(OtpError::AttemptsExceeded)
        }
        OtpFailure::Counted(attempts) => Err(OtpError::InvalidCode {
            attempts_left: Some(challenge.max_attempts - attempts),
        }),
        OtpFailure::NoLiveChallenge => Err(OtpError::InvalidCode {
            attempts_left: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_vary() {
        let codes: std::collections::HashSet<String> = (0..200)
            .map(|_| OtpCode::generate().expose().to_owned())
            .collect();
        assert!(codes.len() > 150, "{} distinct of 200", codes.len());
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()))
        );
    }

    #[test]
    fn typed_codes_must_be_six_digits() {
        assert!(OtpCode::parse(" 012345 ").is_ok());
        for bad in ["", "12345", "1234567", "12a456", "１２３４５６"] {
            assert!(OtpCode::parse(bad).is_err(), "{bad:?}");
        }
        assert_eq!(format!("{:?}", OtpCode::generate()), "OtpCode(******)");
    }

    #[test]
    fn the_hash_binds_every_part_of_the_challenge() {
        let secret = OtpSecret::from_bytes(b"k");
        let account = AccountId::parse("acme").expect("valid");
        let email = EmailHash::of(&EmailAddress::parse("ann@example.com").expect("valid"));
        let key = OtpKey {
            email: email.clone(),
            purpose: OtpPurpose::Verify,
            visitor: VisitorId::generate(),
        };
        let code = OtpCode::parse("123456").expect("valid");
        let base = secret.code_hash(&account, &key, &code);
        assert_eq!(base.len(), 64);
        let other_account = AccountId::parse("other").expect("valid");
        assert_ne!(base, secret.code_hash(&other_account, &key, &code));
        let delete = OtpKey {
            purpose: OtpPurpose::Delete,
            ..key.clone()
        };
        assert_ne!(base, secret.code_hash(&account, &delete, &code));
        assert_ne!(
            base,
            OtpSecret::from_bytes(b"other").code_hash(&account, &key, &code)
        );
    }
}
