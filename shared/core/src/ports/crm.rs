//! The light CRM's storage: visitor profiles and their links to sessions and visitors,
//! one-time-code challenges, fixed-window rate counters and stream leases, email events (one per session and
//! trigger, the idempotency record of every summary email), and the deletes behind a
//! visitor's right to erasure.
//!
//! Email addresses never appear in keys: an address is keyed by its [`EmailHash`], so keys
//! that show up in metrics and logs carry no personal data.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreError;
use crate::domain::{AccountId, Session, SessionId, VisitorId};
pub use crate::domain::{
    EmailEvent, EmailHash, EmailStatus, EmailTrigger, OtpChallenge, OtpKey, OtpPurpose, ProfileId,
    VisitorProfile,
};

/// What a wrong answer did to a challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtpFailure {
    /// Counted; this many attempts are now recorded.
    Counted(u32),
    /// No live challenge: none, expired, or already out of attempts.
    NoLiveChallenge,
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

/// One hit to count: `subject` (already hashed; no personal data) in the fixed window of
/// `window_secs` that starts at `window_start`, admitted while the count stays at or below
/// `limit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateHit {
    /// The counted subject, e.g. `turn:visitor:{hash}`.
    pub subject: String,
    /// When the window starts.
    pub window_start: DateTime<Utc>,
    /// The window's length; windows of different lengths are counted apart.
    pub window_secs: u32,
    /// Hits admitted per window.
    pub limit: u32,
}

/// Fixed-window rate counters and stream leases: the one port of every rate and
/// concurrency limit. Counter items expire on their own (a `ttl` two windows after the
/// window starts); a lease expires at its `expires_at` even when never released.
#[async_trait]
pub trait RateLimitStore: Send + Sync {
    /// Counts one hit of `subject` (already hashed; no personal data) in the window of
    /// `window_secs` that starts at `window_start`; `true` while the count stays at or
    /// below `limit`, `false` (nothing counted) once it would exceed it. Atomic across
    /// processes.
    async fn hit_rate(
        &self,
        account: &AccountId,
        subject: &str,
        window_start: DateTime<Utc>,
        window_secs: u32,
        limit: u32,
    ) -> Result<bool, StoreError>;

    /// Counts `hits` in order and stops at the first one refused: its index, or `None` when
    /// every hit was admitted. The hits before a refused one stay counted.
    async fn hit_rates(
        &self,
        account: &AccountId,
        hits: &[RateHit],
    ) -> Result<Option<usize>, StoreError> {
        for (index, hit) in hits.iter().enumerate() {
            if !self
                .hit_rate(
                    account,
                    &hit.subject,
                    hit.window_start,
                    hit.window_secs,
                    hit.limit,
                )
                .await?
            {
                return Ok(Some(index));
            }
        }
        Ok(None)
    }

    /// Takes one of `slots` leases of `subject` for `holder` until `expires_at`: a slot that
    /// is free, or whose lease expired before `now`. The slot taken, or `None` when all are
    /// held. Atomic across processes.
    async fn acquire_lease(
        &self,
        account: &AccountId,
        subject: &str,
        slots: u32,
        holder: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Option<u32>, StoreError>;

    /// Gives back `holder`'s lease of `slot` (nothing happens when another holder has it
    /// now, after an expiry).
    async fn release_lease(
        &self,
        account: &AccountId,
        subject: &str,
        slot: u32,
        holder: &str,
    ) -> Result<(), StoreError>;

    /// Takes a lease of each of `wanted` (subject, slots) for `holder`, in order, all or
    /// none: the slots taken, or the index of the first subject whose slots are all held
    /// (the leases taken before it are given back). A store may do it in one trip.
    async fn acquire_leases(
        &self,
        account: &AccountId,
        wanted: &[(String, u32)],
        holder: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Result<Vec<u32>, usize>, StoreError> {
        let mut taken: Vec<(String, u32)> = Vec::new();
        for (index, (subject, slots)) in wanted.iter().enumerate() {
            match self
                .acquire_lease(account, subject, *slots, holder, now, expires_at)
                .await
            {
                Ok(Some(slot)) => taken.push((subject.clone(), slot)),
                outcome => {
                    self.release_leases(account, &taken, holder).await?;
                    return outcome.map(|_| Err(index));
                }
            }
        }
        Ok(Ok(taken.into_iter().map(|(_, slot)| slot).collect()))
    }

    /// Gives back each of `held` (subject, slot) of `holder`, as [`release_lease`] does.
    ///
    /// [`release_lease`]: RateLimitStore::release_lease
    async fn release_leases(
        &self,
        account: &AccountId,
        held: &[(String, u32)],
        holder: &str,
    ) -> Result<(), StoreError> {
        for (subject, slot) in held {
            self.release_lease(account, subject, *slot, holder).await?;
        }
        Ok(())
    }
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
    /// with the error) and, for the business's summary
    /// ([`EmailTrigger::is_business_summary`]), sets the session's summary status to match.
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
