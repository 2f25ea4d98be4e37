//! A visitor's profile in the light CRM: its id and what the visitor told the agent about
//! themselves.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{EmailAddress, IdError};

/// A visitor profile's id: a canonical ULID.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProfileId(String);

impl ProfileId {
    /// A new id.
    pub fn generate() -> Self {
        Self(ulid::Ulid::generate().to_string())
    }

    /// Parses a stored id.
    pub fn parse(raw: &str) -> Result<Self, IdError> {
        match ulid::Ulid::from_string(raw) {
            Ok(id) if id.to_string() == raw => Ok(Self(raw.to_owned())),
            _ => Err(IdError::Malformed {
                kind: "profile id",
                reason: "expected a 26-character ULID",
            }),
        }
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for ProfileId {
    type Error = IdError;
    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Self::parse(&raw)
    }
}

impl From<ProfileId> for String {
    fn from(id: ProfileId) -> Self {
        id.0
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProfileId({})", self.0)
    }
}

/// What a visitor told the agent about themselves, per account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VisitorProfile {
    /// The profile's id.
    pub id: ProfileId,
    /// Name as given.
    pub name: Option<String>,
    /// Email address as given (verified only when `verified_at` is set).
    pub email: Option<EmailAddress>,
    /// Phone number as given.
    pub phone: Option<String>,
    /// Company or organisation.
    pub company: Option<String>,
    /// Products or services the visitor showed interest in, in the order first mentioned.
    pub interests: Vec<String>,
    /// When the email address was verified by a one-time code; `None` while unverified.
    pub verified_at: Option<DateTime<Utc>>,
    /// When the profile was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

impl VisitorProfile {
    /// An empty, unverified profile.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            id: ProfileId::generate(),
            name: None,
            email: None,
            phone: None,
            company: None,
            interests: Vec::new(),
            verified_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    /// Whether the email address was proven by a one-time code.
    pub fn is_verified(&self) -> bool {
        self.verified_at.is_some() && self.email.is_some()
    }
}
