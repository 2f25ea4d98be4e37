//! The light CRM's storage: visitor profiles and their links to sessions and visitors,
//! one-time-code challenges, fixed-window rate counters, email events (one per session and
//! trigger, the idempotency record of every summary email), and the deletes behind a
//! visitor's right to erasure.
//!
//! Email addresses never appear in keys: an address is keyed by its [`EmailHash`], so keys
//! that show up in metrics and logs carry no personal data.

use std::fmt;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use super::StoreError;
use crate::domain::{AccountId, EmailAddress, IdError, Session, SessionId, VisitorId};

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

/// The hex SHA-256 of a normalised address: how an address appears in keys.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct EmailHash(String);

impl EmailHash {
    /// The hash of an address; the local part is lowercased too, so `Ann@x.io` and
    /// `ann@x.io` share one key (mailboxes are case-insensitive in practice).
    pub fn of(email: &EmailAddress) -> Self {
        let normalised = email.as_str().to_lowercase();
        Self(hex::encode(Sha256::digest(normalised.as_bytes())))
    }

    /// Reads a stored hash (64 lowercase hex digits).
    pub fn parse(raw: &str) -> Option<Self> {
        (raw.len() == 64
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| Self(raw.to_owned()))
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
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
}

impl OtpPurpose {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Export => "export",
            Self::Delete => "delete",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "verify" => Some(Self::Verify),
            "export" => Some(Self::Export),
            "delete" => Some(Self::Delete),
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

/// What a wrong answer did to a challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtpFailure {
    /// Counted; this many attempts are now recorded.
    Counted(u32),
    /// No live challenge: none, expired, or already out of attempts.
    NoLiveChallenge,
}

/// What started a summary email. One email per session per trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailTrigger {
    /// The visitor asked from the widget.
    Widget,
    /// The inactivity sweep found the session idle.
    Inactivity,
}

impl EmailTrigger {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Widget => "widget",
            Self::Inactivity => "inactivity",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "widget" => Some(Self::Widget),
            "inactivity" => Some(Self::Inactivity),
            _ => None,
        }
    }
}

/// Where an email event stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailStatus {
    /// A sender claimed it and is sending now.
    Sending,
    /// The transport accepted it.
    Sent,
    /// The last attempt failed; the next sweep retries it.
    Failed,
}

impl EmailStatus {
    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
        }
    }

    /// Reads the stored spelling.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "sending" => Some(Self::Sending),
            "sent" => Some(Self::Sent),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// The record of one summary email of one session and trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailEvent {
    /// The session summarised.
    pub session: SessionId,
    /// What started it.
    pub trigger: EmailTrigger,
    /// Where it stands.
    pub status: EmailStatus,
    /// Send attempts so far (the current one included).
    pub attempts: u32,
    /// The transport's id of the accepted message (SES message id, outbox file name).
    pub provider_message_id: Option<String>,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// When the event was first claimed.
    pub created_at: DateTime<Utc>,
    /// When it last changed (the current claim, or the outcome).
    pub updated_at: DateTime<Utc>,
}

/// The outcome of trying to claim a send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendClaim {
    /// This caller owns the send; `attempt` counts from 1.
    Claimed {
        /// Which attempt this is.
        attempt: u32,
    },
    /// Already sent: nothing to do.
    AlreadySent(EmailEvent),
    /// Another sender holds a fresh claim, or the attempts are used up.
    Busy(EmailEvent),
}

/// Visitor profiles and their links.
#[async_trait]
pub trait ProfileStore: Send + Sync {
    /// The profile, or `NotFound("profile")`.
    async fn get_profile(
        &self,
        account: &AccountId,
        id: &ProfileId,
    ) -> Result<VisitorProfile, StoreError>;

    /// Inserts or replaces a profile.
    async fn put_profile(
        &self,
        account: &AccountId,
        profile: &VisitorProfile,
    ) -> Result<(), StoreError>;

    /// Links a session to a profile: sets the session's `profile_id` and lists the session
    /// under the profile. `NotFound("session")` if the session does not exist.
    async fn link_session(
        &self,
        account: &AccountId,
        profile: &ProfileId,
        session: &SessionId,
    ) -> Result<(), StoreError>;

    /// The sessions linked to a profile.
    async fn profile_sessions(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<SessionId>, StoreError>;

    /// Claims an address for a profile, once: returns the profile that owns the address
    /// afterwards (`profile` if the claim was new, the earlier owner otherwise).
    async fn claim_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<ProfileId, StoreError>;

    /// The profile that owns a verified address, if any.
    async fn email_owner(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Option<ProfileId>, StoreError>;

    /// Records that a profile mentions an address (captured, not yet verified), so the
    /// address's owner can find, export and delete it.
    async fn mention_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<(), StoreError>;

    /// Every profile that mentions an address.
    async fn email_mentions(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Vec<ProfileId>, StoreError>;

    /// Remembers that a visitor (browser) is this profile, so the profile attaches to the
    /// visitor's later sessions; lists the visitor under the profile.
    async fn link_visitor(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        profile: &ProfileId,
    ) -> Result<(), StoreError>;

    /// The profile a visitor was linked to, if any.
    async fn visitor_profile(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
    ) -> Result<Option<ProfileId>, StoreError>;

    /// The visitors linked to a profile.
    async fn profile_visitors(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<VisitorId>, StoreError>;
}

/// One-time-code challenges.
#[async_trait]
pub trait OtpStore: Send + Sync {
    /// Stores a challenge, replacing any earlier one with the same key.
    async fn put_otp(
        &self,
        account: &AccountId,
        challenge: &OtpChallenge,
    ) -> Result<(), StoreError>;

    /// The challenge with this key, live or not.
    async fn get_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
    ) -> Result<Option<OtpChallenge>, StoreError>;

    /// Counts a wrong answer, atomically and only while the challenge is live (not expired
    /// at `now`, attempts below the maximum).
    async fn fail_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
        now: DateTime<Utc>,
    ) -> Result<OtpFailure, StoreError>;

    /// Deletes the challenge if it is live at `now` and its hash is `code_hash`, atomically:
    /// `true` for the one caller that consumed it, `false` otherwise. A used code is gone.
    async fn consume_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError>;
}

/// Fixed-window rate counters.
#[async_trait]
pub trait RateLimitStore: Send + Sync {
    /// Counts one hit of `subject` (already hashed; no personal data) in the window that
    /// starts at `window_start` and lasts `window_secs`; `true` while the count stays at or
    /// below `limit`, `false` (nothing counted) once it would exceed it.
    async fn hit_rate(
        &self,
        account: &AccountId,
        subject: &str,
        window_start: DateTime<Utc>,
        window_secs: u32,
        limit: u32,
    ) -> Result<bool, StoreError>;
}

/// Email events, and the session state the summaries need.
#[async_trait]
pub trait EmailEventStore: Send + Sync {
    /// Claims the send of `(session, trigger)`: creates the event (attempt 1) if there is
    /// none; takes over a `failed` event, or a `sending` one whose claim is older than
    /// `stale_before` (a sender that died), while attempts stay below `max_attempts`.
    /// Exactly one of any number of concurrent callers gets `Claimed`.
    async fn claim_email_send(
        &self,
        account: &AccountId,
        session: &SessionId,
        trigger: EmailTrigger,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        max_attempts: u32,
    ) -> Result<SendClaim, StoreError>;

    /// Records how a claimed send ended (status `sent` with the provider's id, or `failed`
    /// with the error) and sets the session's summary status to match.
    async fn finish_email_send(
        &self,
        account: &AccountId,
        event: &EmailEvent,
    ) -> Result<(), StoreError>;

    /// Every email event of a session.
    async fn email_events(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<EmailEvent>, StoreError>;

    /// Sessions with at least one message, last active at or before `idle_before`, whose
    /// summary is not `sent`; at most `limit`, most recently active first (so sessions
    /// whose sends keep failing cannot starve newer ones).
    async fn idle_sessions(
        &self,
        account: &AccountId,
        idle_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Session>, StoreError>;
}

/// The deletes behind a visitor's right to erasure.
#[async_trait]
pub trait ErasureStore: Send + Sync {
    /// Deletes a session and everything stored under it (messages, LLM requests, email
    /// events). Missing is not an error.
    async fn delete_session_data(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<(), StoreError>;

    /// Deletes a profile, its session and visitor lists, and the visitor links that point
    /// at it. Missing is not an error.
    async fn delete_profile(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<(), StoreError>;

    /// Deletes what is keyed by an address: its claim, its mentions, its challenges and its rate
    /// counters (`rate_subjects`, the hashed subjects the caller counted it under).
    async fn delete_email_data(
        &self,
        account: &AccountId,
        email: &EmailHash,
        rate_subjects: &[String],
    ) -> Result<(), StoreError>;
}

/// Everything the CRM needs from storage.
pub trait CrmStore:
    ProfileStore + OtpStore + RateLimitStore + EmailEventStore + ErasureStore
{
}

impl<T> CrmStore for T where
    T: ProfileStore + OtpStore + RateLimitStore + EmailEventStore + ErasureStore
{
}
