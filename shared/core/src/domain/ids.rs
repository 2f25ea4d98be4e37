//! Identifiers parsed at the boundary: once a value has one of these types it is known to be
//! well formed, so keys built from it cannot contain path tricks or key separators.

use std::fmt;
use std::sync::Mutex;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Deserializer, Serialize};

/// Why an identifier was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The value was empty.
    #[error("{kind} must not be empty")]
    Empty {
        /// Which identifier.
        kind: &'static str,
    },
    /// The value was longer than allowed.
    #[error("{kind} must be at most {max} characters")]
    TooLong {
        /// Which identifier.
        kind: &'static str,
        /// The maximum length.
        max: usize,
    },
    /// The value had the wrong shape.
    #[error("{kind} is malformed: {reason}")]
    Malformed {
        /// Which identifier.
        kind: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// Longest slug accepted for account and agent ids.
pub const MAX_SLUG_LEN: usize = 64;

fn parse_slug(kind: &'static str, raw: &str) -> Result<(), IdError> {
    if raw.is_empty() {
        return Err(IdError::Empty { kind });
    }
    if raw.len() > MAX_SLUG_LEN {
        return Err(IdError::TooLong {
            kind,
            max: MAX_SLUG_LEN,
        });
    }
    if !raw
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(IdError::Malformed {
            kind,
            reason: "only lowercase letters, digits and '-' are allowed",
        });
    }
    if raw.starts_with('-') || raw.ends_with('-') || raw.contains("--") {
        return Err(IdError::Malformed {
            kind,
            reason: "'-' may only separate words",
        });
    }
    Ok(())
}

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $parse:expr) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Parses and validates an identifier.
            pub fn parse(raw: &str) -> Result<Self, IdError> {
                let check: fn(&str) -> Result<(), IdError> = $parse;
                check(raw)?;
                Ok(Self(raw.to_owned()))
            }

            /// The identifier as a string.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// What this identifier is called in error messages.
            pub const KIND: &'static str = $kind;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                Self::parse(raw)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                Self::parse(&raw).map_err(serde::de::Error::custom)
            }
        }
    };
}

string_id!(
    /// A business using Salient: a lowercase slug such as `northwind-heating`.
    AccountId,
    "account id",
    |raw| parse_slug("account id", raw)
);

string_id!(
    /// One of an account's agents: a lowercase slug such as `sales`.
    AgentId,
    "agent id",
    |raw| parse_slug("agent id", raw)
);

/// 128 random bits from the OS CSPRNG, written as 22 URL-safe base64 characters.
fn random_token() -> String {
    let mut bytes = [0u8; 16];
    // The OS random source failing is unrecoverable: no id may be made from weak randomness.
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    URL_SAFE_NO_PAD.encode(bytes)
}

fn parse_random_token(kind: &'static str, raw: &str) -> Result<(), IdError> {
    if raw.is_empty() {
        return Err(IdError::Empty { kind });
    }
    if raw.len() != 22 {
        return Err(IdError::Malformed {
            kind,
            reason: "expected 22 URL-safe base64 characters",
        });
    }
    match URL_SAFE_NO_PAD.decode(raw) {
        Ok(bytes) if bytes.len() == 16 => Ok(()),
        _ => Err(IdError::Malformed {
            kind,
            reason: "expected 22 URL-safe base64 characters",
        }),
    }
}

string_id!(
    /// A conversation: 128 random bits, URL-safe, unguessable.
    SessionId,
    "session id",
    |raw| parse_random_token("session id", raw)
);

string_id!(
    /// A browser that talks to agents: 128 random bits, kept in a cookie or by an API client.
    VisitorId,
    "visitor id",
    |raw| parse_random_token("visitor id", raw)
);

impl SessionId {
    /// A new random session id.
    pub fn generate() -> Self {
        Self(random_token())
    }
}

impl VisitorId {
    /// A new random visitor id.
    pub fn generate() -> Self {
        Self(random_token())
    }
}

fn parse_ulid(kind: &'static str, raw: &str) -> Result<(), IdError> {
    if raw.is_empty() {
        return Err(IdError::Empty { kind });
    }
    // Canonical form only, so one id has one key.
    match ulid::Ulid::from_string(raw) {
        Ok(id) if id.to_string() == raw => Ok(()),
        _ => Err(IdError::Malformed {
            kind,
            reason: "expected a 26-character ULID",
        }),
    }
}

/// Monotonic ULIDs: ids made in one process sort in the order they were made, even within
/// one millisecond, so history order is the order of appends.
fn next_ulid() -> String {
    static GENERATOR: Mutex<Option<ulid::Generator>> = Mutex::new(None);
    let mut guard = GENERATOR
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let generator = guard.get_or_insert_with(ulid::Generator::new);
    // Overflow needs 2^80 ids in one millisecond; it then moves on to the next millisecond.
    generator
        .generate()
        .unwrap_or_else(ulid::Overflow::commit_overflow_increment)
        .to_string()
}

string_id!(
    /// A message in a conversation: a ULID, so ids sort by creation time.
    MessageId,
    "message id",
    |raw| parse_ulid("message id", raw)
);

string_id!(
    /// One call to the LLM provider: a ULID.
    LlmRequestId,
    "LLM request id",
    |raw| parse_ulid("LLM request id", raw)
);

impl MessageId {
    /// A new id that sorts after every id this process made before.
    pub fn generate() -> Self {
        Self(next_ulid())
    }
}

impl LlmRequestId {
    /// A new id that sorts after every id this process made before.
    pub fn generate() -> Self {
        Self(next_ulid())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_accept_lowercase_words() {
        for ok in ["acme", "northwind-heating", "a", "agent-2", &"a".repeat(64)] {
            assert!(AccountId::parse(ok).is_ok(), "{ok}");
            assert!(AgentId::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn slugs_refuse_path_tricks_and_separators() {
        for bad in [
            "",
            "..",
            "../etc",
            "a/b",
            "a\\b",
            "Acme",
            "acme ",
            "-acme",
            "acme-",
            "a--b",
            "a#b",
            "a%2fb",
            "ac\u{0301}me",
            "a\0",
            &"a".repeat(65),
        ] {
            assert!(AccountId::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn session_ids_are_random_url_safe_and_round_trip() {
        let a = SessionId::generate();
        let b = SessionId::generate();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 22);
        assert!(
            a.as_str()
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
        assert_eq!(SessionId::parse(a.as_str()), Ok(a));
    }

    #[test]
    fn session_ids_refuse_wrong_lengths_and_alphabets() {
        for bad in [
            "",
            "short",
            "AAAAAAAAAAAAAAAAAAAAA/",
            "AAAAAAAAAAAAAAAAAAAAAA==",
            "AAAAAAAAAAAAAAAAAAAAAB",
        ] {
            assert!(SessionId::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn message_ids_sort_in_creation_order() {
        let ids: Vec<MessageId> = (0..1000).map(|_| MessageId::generate()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert!(MessageId::parse(&ids[0].as_str().to_lowercase()).is_err());
    }
}
