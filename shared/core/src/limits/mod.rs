//! Rate limits and concurrent-stream limits: the service that counts a request against
//! every window that applies to it (`rate_limits.<action>.<scope>` of the agent's settings)
//! and refuses it, with the seconds until the full window admits again, once one is full.
//!
//! Windows are fixed (aligned on the epoch) and counted in the store behind
//! [`RateLimitStore`], atomically, so they hold across any number of processes and Lambda
//! instances. A request is counted narrowest scope first (session, visitor, email, IP,
//! agent, account) and stops at the first full window: a visitor over their own limit
//! never uses up the agent's or the account's. Subjects are opaque: a session id, a visitor
//! id or a client IP is a keyed hash (the deployment's `otp.secret`), an address its
//! [`EmailHash`]; no key or log line carries personal data, and nothing in a counter links
//! it to a session or visitor that erasure deletes.

pub mod spend;
mod streams;

use std::net::IpAddr;

use chrono::{DateTime, Utc};

pub use streams::{StreamLease, open_stream};

use crate::config::{RateLimitSettings, RateWindows, ScopedLimits};
use crate::domain::{AccountId, AgentId, EmailHash, SessionId, VisitorId};
use crate::error::{CodedError, ErrorCode};
use crate::otp::OtpSecret;
use crate::ports::StoreError;
use crate::ports::crm::{RateHit, RateLimitStore};

/// What is being limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// A turn, buffered or streamed (`rate_limits.turn`).
    Turn,
    /// A new session (`rate_limits.session`).
    Session,
    /// A one-time-code request (`rate_limits.otp`).
    Otp,
    /// A summary a visitor asks for (`rate_limits.summary`).
    Summary,
    /// A rating of an answer (`rate_limits.feedback`).
    Feedback,
    /// A request for a person (`rate_limits.handoff`).
    Handoff,
}

impl Action {
    /// The action's name in subjects and settings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Turn => "turn",
            Self::Session => "session",
            Self::Otp => "otp",
            Self::Summary => "summary",
            Self::Feedback => "feedback",
            Self::Handoff => "handoff",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Turn => "messages",
            Self::Session => "new conversations",
            Self::Otp => "code requests",
            Self::Summary => "summary requests",
            Self::Feedback => "ratings",
            Self::Handoff => "requests for a person",
        }
    }

    fn limits(self, settings: &RateLimitSettings) -> &ScopedLimits {
        match self {
            Self::Turn => &settings.turn,
            Self::Session => &settings.session,
            Self::Otp => &settings.otp,
            Self::Summary => &settings.summary,
            Self::Feedback => &settings.feedback,
            Self::Handoff => &settings.handoff,
        }
    }
}

/// Whose count a window keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One session.
    Session,
    /// One visitor (browser).
    Visitor,
    /// One email address.
    Email,
    /// One client IP.
    Ip,
    /// One agent, every visitor.
    Agent,
    /// The whole account.
    Account,
}

impl Scope {
    /// The scope's name in subjects, settings and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Session => "session",
            Self::Visitor => "visitor",
            Self::Email => "email",
            Self::Ip => "ip",
            Self::Agent => "agent",
            Self::Account => "account",
        }
    }

    fn phrase(self) -> &'static str {
        match self {
            Self::Session => "in this conversation",
            Self::Visitor => "from this browser",
            Self::Email => "for this address",
            Self::Ip => "from this network",
            Self::Agent => "for this assistant",
            Self::Account => "for this site",
        }
    }
}

/// Why a request was refused.
#[derive(Debug, thiserror::Error)]
pub enum LimitError {
    /// A window of the action is full.
    #[error("too many {} {}", .action.noun(), .scope.phrase())]
    RateLimited {
        /// What was limited.
        action: Action,
        /// Whose window is full.
        scope: Scope,
        /// Seconds until that window admits again.
        retry_after_secs: u64,
    },
    /// Too many streamed turns are open at once.
    #[error("too many answers at once {}", .scope.phrase())]
    TooManyStreams {
        /// Whose streams are at their limit.
        scope: Scope,
    },
    /// The counters could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a refused stream suggests waiting: an answer takes seconds, and when it ends the
/// slot is free again (how long the other one still runs is not known).
pub const STREAM_RETRY_AFTER_SECS: u64 = 2;

fn wait_phrase(secs: u64) -> String {
    match secs {
        0 | 1 => "1 second".to_owned(),
        2..=90 => format!("{secs} seconds"),
        _ => format!("{} minutes", secs.div_ceil(60)),
    }
}

impl CodedError for LimitError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            Self::TooManyStreams { .. } => ErrorCode::TooManyStreams,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::RateLimited {
                action,
                scope,
                retry_after_secs,
            } => format!(
                "Too many {} {} for now; try again in {}.",
                action.noun(),
                scope.phrase(),
                wait_phrase(*retry_after_secs)
            ),
            Self::TooManyStreams {
                scope: Scope::Session,
            } => "An answer is still being written in this conversation; wait for it to finish."
                .to_owned(),
            Self::TooManyStreams { scope } => format!(
                "Too many answers are being written at once {}; wait for one to finish.",
                scope.phrase()
            ),
            Self::Store(err) => err.public_message(),
        }
    }

    fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Self::RateLimited {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            Self::TooManyStreams { .. } => Some(STREAM_RETRY_AFTER_SECS),
            Self::Store(_) => None,
        }
    }
}

/// Who a request comes from and what it is about; a scope without a value (no session for
/// a new one, no address for a turn) is not counted.
#[derive(Debug, Clone, Copy)]
pub struct Subjects<'a> {
    /// The account.
    pub account: &'a AccountId,
    /// The agent.
    pub agent: &'a AgentId,
    /// The session, when the request names one.
    pub session: Option<&'a SessionId>,
    /// The visitor, when known.
    pub visitor: Option<&'a VisitorId>,
    /// The email address, for one-time codes.
    pub email: Option<&'a EmailHash>,
    /// The client's IP (`None`: one shared bucket for every unknown client).
    pub ip: Option<IpAddr>,
}

/// The subject of an address's counters of `action` (erasure deletes them).
pub fn email_subject(action: Action, email: &EmailHash) -> String {
    format!("{}:email:{}", action.as_str(), email.as_str())
}

/// The start of the fixed window of `window_secs` that holds `now`.
pub(crate) fn window_start(now: DateTime<Utc>, window_secs: u32) -> DateTime<Utc> {
    let secs = now.timestamp();
    let start = secs - secs.rem_euclid(i64::from(window_secs));
    DateTime::from_timestamp(start, 0).unwrap_or(now)
}

/// Whole seconds from `now` until the window that starts at `start` is over (at least 1).
pub(crate) fn seconds_left(now: DateTime<Utc>, start: DateTime<Utc>, window_secs: u32) -> u64 {
    let end_ms = start.timestamp_millis() + i64::from(window_secs) * 1000;
    let left_ms = (end_ms - now.timestamp_millis()).max(1);
    u64::try_from(left_ms).unwrap_or(1).div_ceil(1000)
}

/// Counts requests against the windows of the agent's `rate_limits`.
#[derive(Clone, Copy)]
pub struct Limiter<'a> {
    store: &'a dyn RateLimitStore,
    key: &'a OtpSecret,
    settings: &'a RateLimitSettings,
}

impl std::fmt::Debug for Limiter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limiter")
            .field("enabled", &self.settings.enabled)
            .finish_non_exhaustive()
    }
}

impl<'a> Limiter<'a> {
    /// A limiter over the counters of `store`, hashing subjects with `key`, applying the
    /// agent's `settings`.
    pub fn new(
        store: &'a dyn RateLimitStore,
        key: &'a OtpSecret,
        settings: &'a RateLimitSettings,
    ) -> Self {
        Self {
            store,
            key,
            settings,
        }
    }

    /// Counts one `action` by `who` in every window that applies; `RateLimited` with the
    /// seconds until the first full window admits again.
    pub async fn check(
        &self,
        action: Action,
        who: &Subjects<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), LimitError> {
        if !self.settings.enabled {
            return Ok(());
        }
        let (scopes, hits): (Vec<Scope>, Vec<RateHit>) =
            self.hits(action, who, now).into_iter().unzip();
        if hits.is_empty() {
            return Ok(());
        }
        let Some(refused) = self.store.hit_rates(who.account, &hits).await? else {
            return Ok(());
        };
        let (scope, hit) = (&scopes[refused], &hits[refused]);
        let retry_after_secs = seconds_left(now, hit.window_start, hit.window_secs);
        tracing::info!(
            account = %who.account,
            agent = %who.agent,
            action = action.as_str(),
            scope = scope.as_str(),
            window_secs = hit.window_secs,
            limit = hit.limit,
            retry_after_secs,
            "rate limited"
        );
        Err(LimitError::RateLimited {
            action,
            scope: *scope,
            retry_after_secs,
        })
    }

    /// Every window `who` is counted in for `action`, narrowest scope first.
    fn hits(
        &self,
        action: Action,
        who: &Subjects<'_>,
        now: DateTime<Utc>,
    ) -> Vec<(Scope, RateHit)> {
        let limits = action.limits(self.settings);
        let name = action.as_str();
        let hashed = |scope: Scope, value: &str| {
            format!(
                "{name}:{}:{}",
                scope.as_str(),
                self.key.subject_hash(scope.as_str(), value)
            )
        };
        let ip = who
            .ip
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string());
        let subjects: [(Scope, &RateWindows, Option<String>); 6] = [
            (
                Scope::Session,
                &limits.session,
                who.session.map(|s| hashed(Scope::Session, s.as_str())),
            ),
            (
                Scope::Visitor,
                &limits.visitor,
                who.visitor.map(|v| hashed(Scope::Visitor, v.as_str())),
            ),
            (
                Scope::Email,
                &limits.email,
                who.email.map(|e| email_subject(action, e)),
            ),
            (Scope::Ip, &limits.ip, Some(hashed(Scope::Ip, &ip))),
            (
                Scope::Agent,
                &limits.agent,
                Some(format!("{name}:agent:{}", who.agent)),
            ),
            (
                Scope::Account,
                &limits.account,
                Some(format!("{name}:account")),
            ),
        ];
        subjects
            .into_iter()
            .filter_map(|(scope, windows, subject)| Some((scope, windows, subject?)))
            .flat_map(|(scope, windows, subject)| {
                windows.windows().iter().map(move |window| {
                    (
                        scope,
                        RateHit {
                            subject: subject.clone(),
                            window_start: window_start(now, window.window_secs),
                            window_secs: window.window_secs,
                            limit: window.limit,
                        },
                    )
                })
            })
            .collect()
    }
}
