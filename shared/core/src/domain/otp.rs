//! One-time-code challenges: what a code unlocks, which challenge it answers, and the
//! pending challenge as stored (only the code's keyed hash, never the code).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{EmailHash, VisitorId};

/// What a one-time code unlocks. A code asked for one purpose is refused for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum OtpPurpose {
    /// Prove the address and link it to the session's profile.
    #[default]
    Verify,
    /// Export everything stored about the address.
    Export,
    /// Delete everything stored about the address.
    Delete,
    /// Sign an operator in to the console (never read from a request body: the visitor
    /// routes cannot ask for it).
    #[serde(skip_deserializing)]
    ConsoleSignIn,
}

impl OtpPurpose {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Export => "export",
            Self::Delete => "delete",
            Self::ConsoleSignIn => "console_sign_in",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "verify" => Some(Self::Verify),
            "export" => Some(Self::Export),
            "delete" => Some(Self::Delete),
            "console_sign_in" => Some(Self::ConsoleSignIn),
            _ => None,
        }
    }
}

/// Which challenge: one per account, address, purpose and visitor (the browser that asked
/// must be the one that answers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpKey {
    /// The address's hash.
    pub email: EmailHash,
    /// What the code unlocks.
    pub purpose: OtpPurpose,
    /// The browser that asked.
    pub visitor: VisitorId,
}

/// A pending one-time code. The code itself is never stored, only its keyed hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtpChallenge {
    /// Which challenge.
    pub key: OtpKey,
    /// Hex HMAC-SHA256 of the code under the deployment's OTP key (see `otp`).
    pub code_hash: String,
    /// Wrong answers so far.
    pub attempts: u32,
    /// Wrong answers allowed; at this many the challenge is dead.
    pub max_attempts: u32,
    /// When the code stops being accepted.
    pub expires_at: DateTime<Utc>,
    /// When it was issued.
    pub created_at: DateTime<Utc>,
}
