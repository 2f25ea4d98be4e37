//! The operator console's service: passwordless sign-in (a one-time code emailed to an
//! operator address, or locally a one-time link printed by `salient console login`),
//! operator sessions (a random token in a cookie, only its SHA-256 stored; an idle limit
//! that slides and an absolute cap; revocable), the CSRF token of a session, what an
//! operator may do on an account, and the audit log of what operators did.
//!
//! The console's own records (sign-in codes and their rate counters) live under the
//! reserved account id [`CONSOLE_ACCOUNT`], which no account may take.

pub mod overview;

use std::collections::BTreeMap;
use std::net::IpAddr;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

use crate::config::{
    CONSOLE_ACCOUNT, ConsoleSettings, OperatorRole, Operators, OtpSettings, ScopedLimits,
};
use crate::domain::{AccountId, EmailAddress, EmailHash, OtpKey, OtpPurpose, VisitorId};
use crate::error::{CodedError, ErrorCode};
use crate::otp::{CodeRequest, OtpCode, OtpError, OtpSecret, check_code, request_code};
use crate::ports::StoreError;
use crate::ports::console::{
    AuditEntry, AuditStore, LoginLink, OperatorSession, OperatorSessionStore,
};
use crate::ports::crm::{OtpStore, RateHit, RateLimitStore};
use crate::ports::email::EmailTransport;

/// The session cookie: `__Host-` so it is only ever set by this host, over HTTPS, for `/`.
pub const SESSION_COOKIE: &str = "__Host-salient_console";

/// The header a state-changing call carries the session's CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The name sign-in emails give the sender's product.
const CONSOLE_NAME: &str = "Salient";

/// Why a console call was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConsoleError {
    /// No live operator session.
    #[error("sign in to the console first")]
    SignInRequired,
    /// A state-changing call without the session's CSRF token.
    #[error("the request must carry the session's CSRF token in X-CSRF-Token")]
    CsrfRequired,
    /// A viewer asked for a change.
    #[error("this needs the owner role on the account")]
    ForbiddenRole,
    /// Not an account this operator may see (or no such account).
    #[error("no such account")]
    AccountNotFound,
    /// The sign-in link is unknown, used or expired.
    #[error("the sign-in link is not valid (unknown, used or expired)")]
    LinkInvalid,
    /// The address is not an operator (only for `salient console login`; the sign-in
    /// route never says so).
    #[error("{0} is not listed under `operators:` in app.yaml or any account.yaml")]
    NotAnOperator(String),
    /// Too many sign-in attempts.
    #[error("too many sign-in attempts; try again in {retry_after_secs} seconds")]
    RateLimited {
        /// Seconds until the full window admits again.
        retry_after_secs: u64,
    },
    /// The code was refused or could not be sent.
    #[error(transparent)]
    Otp(#[from] OtpError),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for ConsoleError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::SignInRequired => ErrorCode::SignInRequired,
            Self::CsrfRequired => ErrorCode::CsrfRequired,
            Self::ForbiddenRole => ErrorCode::ForbiddenRole,
            Self::AccountNotFound => ErrorCode::AccountNotFound,
            Self::LinkInvalid => ErrorCode::SignInLinkInvalid,
            Self::NotAnOperator(_) => ErrorCode::InvalidRequest,
            Self::RateLimited { .. } => ErrorCode::RateLimited,
            Self::Otp(err) => err.code(),
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::SignInRequired => {
                "Sign in to the console: the session is missing, expired or signed out.".to_owned()
            }
            Self::CsrfRequired => {
                "Send the session's CSRF token in the X-CSRF-Token header.".to_owned()
            }
            Self::ForbiddenRole => {
                "Your role on this account is viewer; this needs the owner role.".to_owned()
            }
            Self::AccountNotFound => "No such account.".to_owned(),
            Self::LinkInvalid => "This sign-in link is unknown, used or expired.".to_owned(),
            Self::NotAnOperator(_) => "The address is not an operator.".to_owned(),
            Self::RateLimited { retry_after_secs } => format!(
                "Too many sign-in attempts for now; try again in {retry_after_secs} seconds."
            ),
            Self::Otp(err) => err.public_message(),
            Self::Store(err) => err.public_message(),
        }
    }

    fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Self::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            Self::Otp(err) => err.retry_after_secs(),
            _ => None,
        }
    }
}

/// The account id the console keeps its sign-in codes and counters under.
pub fn console_account() -> AccountId {
    // A constant slug: it always parses.
    AccountId::parse(CONSOLE_ACCOUNT).unwrap_or_else(|_| unreachable!("`console` is a slug"))
}

/// The "browser" every console sign-in code is issued to: codes are bound to the address
/// alone (the operator may read the email on another device).
fn sign_in_visitor() -> VisitorId {
    VisitorId::parse("consoleSignInAAAAAAAAA")
        .unwrap_or_else(|_| unreachable!("22 URL-safe base64 characters"))
}

fn sign_in_key(email: &EmailAddress) -> OtpKey {
    OtpKey {
        email: EmailHash::of(email),
        purpose: OtpPurpose::ConsoleSignIn,
        visitor: sign_in_visitor(),
    }
}

/// 256 random bits from the OS CSPRNG, URL-safe base64 (43 characters).
fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS random source failing is unrecoverable: no token from weak randomness.
    #[allow(clippy::expect_used)]
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Whether `raw` has the shape of a token this service makes (checked before hashing, so
/// junk never reaches storage).
fn is_token(raw: &str) -> bool {
    raw.len() == 43 && URL_SAFE_NO_PAD.decode(raw).is_ok_and(|b| b.len() == 32)
}

/// What is stored of a token: hex SHA-256 (tokens are 256 random bits, so no key or
/// stretching is needed).
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Which sign-in step is counted.
#[derive(Debug, Clone, Copy)]
enum Step {
    SignIn,
    Verify,
}

impl Step {
    fn as_str(self) -> &'static str {
        match self {
            Self::SignIn => "console_sign_in",
            Self::Verify => "console_verify",
        }
    }

    fn limits(self, settings: &ConsoleSettings) -> &ScopedLimits {
        match self {
            Self::SignIn => &settings.sign_in,
            Self::Verify => &settings.verify,
        }
    }
}

/// What the console's calls share: its settings, operators, stores and keys.
#[derive(Clone, Copy)]
pub struct ConsoleContext<'a> {
    /// `console:` of app.yaml.
    pub settings: &'a ConsoleSettings,
    /// Who may sign in.
    pub operators: &'a Operators,
    /// Operator sessions and links.
    pub sessions: &'a dyn OperatorSessionStore,
    /// Rate counters of the sign-in steps.
    pub rates: &'a dyn RateLimitStore,
    /// The key rate-limit subjects are hashed with.
    pub secret: &'a OtpSecret,
}

impl std::fmt::Debug for ConsoleContext<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConsoleContext").finish_non_exhaustive()
    }
}

impl ConsoleContext<'_> {
    /// Counts one `step` per address and client IP; `RateLimited` once a window is full.
    async fn limit(
        &self,
        step: Step,
        email: Option<&EmailAddress>,
        ip: Option<IpAddr>,
        now: DateTime<Utc>,
    ) -> Result<(), ConsoleError> {
        let limits = step.limits(self.settings);
        let name = step.as_str();
        let ip = ip.map_or_else(|| "unknown".to_owned(), |ip| ip.to_string());
        let mut subjects = vec![];
        if let Some(email) = email {
            let hash = EmailHash::of(email);
            subjects.push((&limits.email, format!("{name}:email:{}", hash.as_str())));
        }
        subjects.push((
            &limits.ip,
            format!("{name}:ip:{}", self.secret.subject_hash("ip", &ip)),
        ));
        let hits: Vec<RateHit> = subjects
            .iter()
            .flat_map(|(windows, subject)| {
                windows.windows().iter().map(move |window| RateHit {
                    subject: subject.clone(),
                    window_start: crate::limits::window_start(now, window.window_secs),
                    window_secs: window.window_secs,
                    limit: window.limit,
                })
            })
            .collect();
        if hits.is_empty() {
            return Ok(());
        }
        match self.rates.hit_rates(&console_account(), &hits).await? {
            None => Ok(()),
            Some(refused) => {
                let hit = &hits[refused];
                let retry_after_secs =
                    crate::limits::seconds_left(now, hit.window_start, hit.window_secs);
                tracing::info!(
                    step = name,
                    window_secs = hit.window_secs,
                    "console sign-in rate limited"
                );
                Err(ConsoleError::RateLimited { retry_after_secs })
            }
        }
    }

    /// Starts a session for an operator address.
    async fn open_session(
        &self,
        email: &EmailAddress,
        now: DateTime<Utc>,
    ) -> Result<NewSession, ConsoleError> {
        let token = random_token();
        let session = OperatorSession {
            token_hash: token_hash(&token),
            email: email.clone(),
            csrf_token: random_token(),
            created_at: now,
            last_seen_at: now,
            expires_at: now + Duration::seconds(i64::from(self.settings.session_max_secs)),
        };
        self.sessions.put_operator_session(&session).await?;
        tracing::info!("operator signed in");
        Ok(NewSession { token, session })
    }
}

/// A session just opened: the cookie's token (never stored) and the stored session.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The cookie's value.
    pub token: String,
    /// The stored session.
    pub session: OperatorSession,
}

/// What sending a sign-in code goes through.
#[derive(Clone, Copy)]
pub struct CodeMailer<'a> {
    /// Where the code's challenge is stored.
    pub codes: &'a dyn OtpStore,
    /// The email transport.
    pub mail: &'a dyn EmailTransport,
    /// `otp:` (the code's lifetime and attempts).
    pub otp: &'a OtpSettings,
    /// The sender address (`email.from`).
    pub from: &'a str,
}

impl std::fmt::Debug for CodeMailer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeMailer").finish_non_exhaustive()
    }
}

/// `POST /api/console/sign-in`: emails a code when `email` is an operator's address. The
/// caller answers the same whether or not it is, so the answer does not tell who operates.
pub async fn request_sign_in(
    ctx: ConsoleContext<'_>,
    mailer: CodeMailer<'_>,
    email: &EmailAddress,
    ip: Option<IpAddr>,
    now: DateTime<Utc>,
) -> Result<(), ConsoleError> {
    let CodeMailer {
        codes,
        mail,
        otp,
        from,
    } = mailer;
    ctx.limit(Step::SignIn, Some(email), ip, now).await?;
    if !ctx.operators.is_operator(email) {
        tracing::info!("console sign-in asked for an address that is not an operator's");
        return Ok(());
    }
    let account = console_account();
    let visitor = sign_in_visitor();
    request_code(
        codes,
        mail,
        ctx.secret,
        otp,
        CodeRequest {
            account: &account,
            account_name: CONSOLE_NAME,
            visitor: &visitor,
            email,
            purpose: OtpPurpose::ConsoleSignIn,
            from,
        },
        now,
    )
    .await?;
    Ok(())
}

/// `POST /api/console/sign-in/verify`: a right code for an operator address opens a session.
pub async fn verify_sign_in(
    ctx: ConsoleContext<'_>,
    codes: &dyn OtpStore,
    email: &EmailAddress,
    code: &OtpCode,
    ip: Option<IpAddr>,
    now: DateTime<Utc>,
) -> Result<NewSession, ConsoleError> {
    ctx.limit(Step::Verify, Some(email), ip, now).await?;
    check_code(
        codes,
        ctx.secret,
        &console_account(),
        &sign_in_key(email),
        code,
        now,
    )
    .await?;
    // The configuration may have dropped the address since the code was sent.
    if !ctx.operators.is_operator(email) {
        return Err(OtpError::InvalidCode {
            attempts_left: None,
        }
        .into());
    }
    ctx.open_session(email, now).await
}

/// Makes a one-time sign-in link token for an operator (`salient console login`).
pub async fn create_login_link(
    ctx: ConsoleContext<'_>,
    email: &EmailAddress,
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>), ConsoleError> {
    if !ctx.operators.is_operator(email) {
        return Err(ConsoleError::NotAnOperator(email.to_string()));
    }
    let token = random_token();
    let expires_at = now + Duration::seconds(i64::from(ctx.settings.login_link_ttl_secs));
    ctx.sessions
        .put_login_link(&LoginLink {
            token_hash: token_hash(&token),
            email: email.clone(),
            expires_at,
        })
        .await?;
    Ok((token, expires_at))
}

/// `POST /api/console/sign-in/link`: exchanges a link's token, once, for a session.
pub async fn sign_in_with_link(
    ctx: ConsoleContext<'_>,
    token: &str,
    ip: Option<IpAddr>,
    now: DateTime<Utc>,
) -> Result<NewSession, ConsoleError> {
    ctx.limit(Step::Verify, None, ip, now).await?;
    if !is_token(token) {
        return Err(ConsoleError::LinkInvalid);
    }
    let link = ctx
        .sessions
        .take_login_link(&token_hash(token), now)
        .await?
        .ok_or(ConsoleError::LinkInvalid)?;
    if !ctx.operators.is_operator(&link.email) {
        return Err(ConsoleError::LinkInvalid);
    }
    ctx.open_session(&link.email, now).await
}

/// A signed-in operator: the session and the accounts the operator may see now (from the
/// configuration of this process, so a removed operator loses access at once).
#[derive(Debug, Clone)]
pub struct Operator {
    /// The stored session.
    pub session: OperatorSession,
    /// Each visible account and the operator's role on it.
    pub access: BTreeMap<AccountId, OperatorRole>,
}

impl Operator {
    /// The operator's role on `account`; `AccountNotFound` for an account they may not see
    /// (the same answer as for an account that does not exist).
    pub fn role_on(&self, account: &AccountId) -> Result<OperatorRole, ConsoleError> {
        self.access
            .get(account)
            .copied()
            .ok_or(ConsoleError::AccountNotFound)
    }

    /// `ForbiddenRole` unless the operator owns `account` (`AccountNotFound` if unseen).
    pub fn require_owner(&self, account: &AccountId) -> Result<(), ConsoleError> {
        match self.role_on(account)? {
            OperatorRole::Owner => Ok(()),
            OperatorRole::Viewer => Err(ConsoleError::ForbiddenRole),
        }
    }

    /// `CsrfRequired` unless `presented` is the session's CSRF token (compared in constant
    /// time).
    pub fn check_csrf(&self, presented: Option<&str>) -> Result<(), ConsoleError> {
        let expected = self.session.csrf_token.as_bytes();
        match presented {
            Some(token) if bool::from(token.as_bytes().ct_eq(expected)) => Ok(()),
            _ => Err(ConsoleError::CsrfRequired),
        }
    }
}

/// The operator of a session cookie's `token`: `SignInRequired` for none, an unknown or
/// signed-out session, one idle for `session_idle_secs` (deleted then) or past its absolute
/// end, or an address no longer listed. A live session's idle limit slides forward.
pub async fn authenticate(
    ctx: ConsoleContext<'_>,
    token: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Operator, ConsoleError> {
    let token = token
        .filter(|t| is_token(t))
        .ok_or(ConsoleError::SignInRequired)?;
    let hash = token_hash(token);
    let session = ctx
        .sessions
        .get_operator_session(&hash, now)
        .await?
        .ok_or(ConsoleError::SignInRequired)?;
    let idle = Duration::seconds(i64::from(ctx.settings.session_idle_secs));
    if session.last_seen_at + idle <= now {
        ctx.sessions.delete_operator_session(&hash).await?;
        return Err(ConsoleError::SignInRequired);
    }
    let access = ctx.operators.access(&session.email);
    if access.is_empty() {
        ctx.sessions.delete_operator_session(&hash).await?;
        return Err(ConsoleError::SignInRequired);
    }
    // One write per request would double the cost of every read: the idle clock moves on
    // once a tenth of the idle limit (at most a minute) has passed.
    let step = (idle / 10).min(Duration::seconds(60));
    if now - session.last_seen_at >= step {
        ctx.sessions.touch_operator_session(&hash, now).await?;
    }
    Ok(Operator { session, access })
}

/// Ends the session of `token` (missing is fine).
pub async fn sign_out(ctx: ConsoleContext<'_>, token: &str) -> Result<(), ConsoleError> {
    ctx.sessions
        .delete_operator_session(&token_hash(token))
        .await?;
    tracing::info!("operator signed out");
    Ok(())
}

/// Records that `operator` did `action` on `account` (to `target`, an id), kept for
/// `console.audit_retention_days`. Recorded before the action's result is returned, so an
/// action the log cannot record does not happen.
pub async fn audit(
    store: &dyn AuditStore,
    settings: &ConsoleSettings,
    account: &AccountId,
    operator: &Operator,
    action: &str,
    target: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ConsoleError> {
    let entry = AuditEntry {
        id: ulid::Ulid::generate().to_string(),
        at: now,
        operator: operator.session.email.as_str().to_owned(),
        action: action.to_owned(),
        target: target.map(str::to_owned),
    };
    let expires_at = now + Duration::days(i64::from(settings.audit_retention_days));
    store.append_audit(account, &entry, expires_at).await?;
    tracing::info!(account = %account, action, "operator action");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_stored_only_hashed() {
        let a = random_token();
        let b = random_token();
        assert_ne!(a, b);
        assert!(is_token(&a), "{a}");
        assert!(!is_token("short"));
        assert!(!is_token(&"%".repeat(43)));
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn the_sign_in_visitor_and_account_are_valid_ids() {
        assert_eq!(sign_in_visitor().as_str().len(), 22);
        assert_eq!(console_account().as_str(), CONSOLE_ACCOUNT);
    }
}
