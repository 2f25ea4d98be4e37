//! Every key of the table, in one place (see `docs/data-model.md`; the rollups' keys are
//! built in `rollups.rs`). Each partition key
//! starts with `A#{account}#`; key parts are parsed ids, none of which can contain `#`.
//!
//! | item | `pk` | `sk` |
//! |---|---|---|
//! | session | `A#{a}#S#{session}` | `SESSION` |
//! | message | `A#{a}#S#{session}` | `M#{message ulid}` |
//! | LLM request | `A#{a}#S#{session}` | `L#{llm request ulid}` |
//! | email event | `A#{a}#S#{session}` | `EV#{trigger}` |
//! | profile | `A#{a}#P#{profile}` | `PROFILE` |
//! | profile's session | `A#{a}#P#{profile}` | `S#{session}` |
//! | profile's visitor | `A#{a}#P#{profile}` | `V#{visitor}` |
//! | visitor link | `A#{a}#V#{visitor}` | `PROFILE` |
//! | email claim | `A#{a}#E#{email hash}` | `EMAIL` |
//! | email mention | `A#{a}#E#{email hash}` | `MENTION#{profile}` |
//! | OTP challenge | `A#{a}#E#{email hash}` | `OTP#{purpose}#{visitor}` |
//! | rate counter | `A#{a}#R#{subject}` | `W#{window secs:07}#{window start ms:015}` |
//! | stream lease | `A#{a}#R#{subject}` | `L#{slot:03}` |
//! | ingested page | `A#{a}#PAGES` | `P#{sha256(url)}` |
//! | ingestion run | `A#{a}#RUNS` | `R#{run ulid}` |
//! | account spend | `A#{a}#SPEND` | `day#{yyyy-mm-dd}`, `month#{yyyy-mm}` |
//! | agent spend | `A#{a}#SPEND#G#{agent}` | as above |
//! | deployment spend | `DEPLOYMENT#SPEND` | as above |
//! | audit entry | `A#{a}#AUDIT` | `{at ms:015}#{entry ulid}` |
//! | content gap group | `A#{a}#GAPS` | `G#{group ulid}` |
//! | agent's day rollup | `A#{a}#ROLLUP#G#{agent}` | `D#{yyyy-mm-dd}` |
//! | account's day rollup | `A#{a}#ROLLUP` | `D#{yyyy-mm-dd}` |
//! | visitor marker | `A#{a}#VD#{yyyy-mm-dd}#{visitor}` | `G#{agent}`, `ACCOUNT` |
//! | rating marker | `A#{a}#RM#{session}` | `M#{message}` |
//! | operator session | `CONSOLE#SESSION#{sha256(token)}` | `SESSION` |
//! | sign-in link | `CONSOLE#LINK#{sha256(token)}` | `LINK` |
//! | request metrics | `DEPLOYMENT#METRICS#{function}` | `H#{yyyy-mm-ddThh}` (in `metrics`) |
//! | error event | `A#{a}#ERRORS`, `DEPLOYMENT#ERRORS` | `E#{slot:03}`, `SEQ` (in `metrics`) |
//!
//! The deployment's spend counters, operator sessions and sign-in links are the partitions of
//! no account: the counters add up every account's cost, and an operator may see several
//! accounts; none holds an account's data.
//!
//! Index keys: `gsi1` lists a visitor's sessions with one agent
//! (`A#{a}#V#{visitor}#G#{agent}`, `{created ms:015}#{session}`); `gsi2` holds only the
//! sessions awaiting a summary (`A#{a}#UNSUMMARISED`, `last_active_at` in ms, a number);
//! `gsi3` lists an account's sessions (`A#{a}#SESSIONS`) and profiles (`A#{a}#PROFILES`),
//! each by `{created ms:015}#{id}`, for the console, and its content gap groups per status
//! (`A#{a}#GAPS#{open|resolved}`) by `{last seen ms:015}#{group}`.

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use crate::domain::{AccountId, AgentId, LlmRequestId, MessageId, SessionId, VisitorId};
use crate::ports::crm::{EmailHash, EmailTrigger, OtpPurpose, ProfileId};
use crate::ports::spend::{SpendPeriod, SpendScope};

/// The index that lists a visitor's sessions with one agent.
pub const GSI1: &str = "gsi1";
/// The sparse index of sessions awaiting a summary, read by the inactivity sweep.
pub const GSI2: &str = "gsi2";
/// The index of an account's sessions and profiles by creation time (the console).
pub const GSI3: &str = "gsi3";

pub(crate) const SESSION_SK: &str = "SESSION";
pub(crate) const MESSAGE_PREFIX: &str = "M#";
pub(crate) const LLM_REQUEST_PREFIX: &str = "L#";
pub(crate) const EVENT_PREFIX: &str = "EV#";
pub(crate) const PROFILE_SK: &str = "PROFILE";
pub(crate) const EMAIL_SK: &str = "EMAIL";
pub(crate) const PROFILE_SESSION_PREFIX: &str = "S#";
pub(crate) const PROFILE_VISITOR_PREFIX: &str = "V#";
pub(crate) const MENTION_PREFIX: &str = "MENTION#";
pub(crate) const PAGE_PREFIX: &str = "P#";
pub(crate) const RUN_PREFIX: &str = "R#";

pub(crate) fn session_pk(account: &AccountId, session: &SessionId) -> String {
    format!("A#{account}#S#{session}")
}

pub(crate) fn message_sk(id: &MessageId) -> String {
    format!("{MESSAGE_PREFIX}{id}")
}

pub(crate) fn llm_request_sk(id: &LlmRequestId) -> String {
    format!("{LLM_REQUEST_PREFIX}{id}")
}

pub(crate) fn event_sk(trigger: EmailTrigger) -> String {
    format!("{EVENT_PREFIX}{}", trigger.as_str())
}

pub(crate) fn visitor_gsi1pk(account: &AccountId, visitor: &VisitorId, agent: &AgentId) -> String {
    format!("A#{account}#V#{visitor}#G#{agent}")
}

/// Zero-padded so that string order is time order (times before 1970 sort as 0).
pub(crate) fn session_gsi1sk(created_at: DateTime<Utc>, session: &SessionId) -> String {
    let ms = u64::try_from(created_at.timestamp_millis()).unwrap_or(0);
    format!("{ms:015}#{session}")
}

/// The `gsi3` partition of an account's sessions.
pub(crate) fn account_sessions_gsi3pk(account: &AccountId) -> String {
    format!("A#{account}#SESSIONS")
}

/// The `gsi3` partition of an account's profiles.
pub(crate) fn account_profiles_gsi3pk(account: &AccountId) -> String {
    format!("A#{account}#PROFILES")
}

/// A `gsi3` sort key: creation time zero-padded like `gsi1sk`, then the id.
pub(crate) fn created_gsi3sk(created_at: DateTime<Utc>, id: &str) -> String {
    let ms = u64::try_from(created_at.timestamp_millis()).unwrap_or(0);
    format!("{ms:015}#{id}")
}

pub(crate) fn audit_pk(account: &AccountId) -> String {
    format!("A#{account}#AUDIT")
}

/// The sort key of an audit entry: its time, then its ULID.
pub(crate) fn audit_sk(at: DateTime<Utc>, id: &str) -> String {
    created_gsi3sk(at, id)
}

pub(crate) fn operator_session_pk(token_hash: &str) -> String {
    format!("CONSOLE#SESSION#{token_hash}")
}

pub(crate) fn login_link_pk(token_hash: &str) -> String {
    format!("CONSOLE#LINK#{token_hash}")
}

/// The `gsi2` partition of an account's sessions awaiting a summary.
pub(crate) fn awaiting_summary_gsi2pk(account: &AccountId) -> String {
    format!("A#{account}#UNSUMMARISED")
}

pub(crate) fn profile_pk(account: &AccountId, profile: &ProfileId) -> String {
    format!("A#{account}#P#{profile}")
}

pub(crate) fn profile_session_sk(session: &SessionId) -> String {
    format!("{PROFILE_SESSION_PREFIX}{session}")
}

pub(crate) fn profile_visitor_sk(visitor: &VisitorId) -> String {
    format!("{PROFILE_VISITOR_PREFIX}{visitor}")
}

pub(crate) fn visitor_pk(account: &AccountId, visitor: &VisitorId) -> String {
    format!("A#{account}#V#{visitor}")
}

pub(crate) fn email_pk(account: &AccountId, email: &EmailHash) -> String {
    format!("A#{account}#E#{}", email.as_str())
}

pub(crate) fn mention_sk(profile: &ProfileId) -> String {
    format!("{MENTION_PREFIX}{profile}")
}

pub(crate) fn otp_sk(purpose: OtpPurpose, visitor: &VisitorId) -> String {
    format!("OTP#{}#{visitor}", purpose.as_str())
}

pub(crate) fn rate_pk(account: &AccountId, subject: &str) -> String {
    format!("A#{account}#R#{subject}")
}

/// Zero-padded like `gsi1sk`, so one length's windows sort in time order.
pub(crate) fn rate_window_sk(window_secs: u32, window_start: DateTime<Utc>) -> String {
    let ms = u64::try_from(window_start.timestamp_millis()).unwrap_or(0);
    format!("W#{window_secs:07}#{ms:015}")
}

pub(crate) fn lease_sk(slot: u32) -> String {
    format!("L#{slot:03}")
}

/// The partition of a scope's spend counters.
pub(crate) fn spend_pk(scope: SpendScope, account: &AccountId, agent: &AgentId) -> String {
    match scope {
        SpendScope::Deployment => "DEPLOYMENT#SPEND".to_owned(),
        SpendScope::Account => format!("A#{account}#SPEND"),
        SpendScope::Agent => format!("A#{account}#SPEND#G#{agent}"),
    }
}

/// The counter of the window of `period` holding `at`.
pub(crate) fn spend_sk(period: SpendPeriod, at: DateTime<Utc>) -> String {
    format!("{}#{}", period.as_str(), period.window(at))
}

pub(crate) fn pages_pk(account: &AccountId) -> String {
    format!("A#{account}#PAGES")
}

/// Hashed: a URL can be longer than a sort key may be (1 KB).
pub(crate) fn page_sk(url: &str) -> String {
    format!(
        "{PAGE_PREFIX}{}",
        hex::encode(Sha256::digest(url.as_bytes()))
    )
}

pub(crate) fn runs_pk(account: &AccountId) -> String {
    format!("A#{account}#RUNS")
}

pub(crate) fn run_sk(id: &str) -> String {
    format!("{RUN_PREFIX}{id}")
}

pub(crate) const GAP_PREFIX: &str = "G#";

pub(crate) fn gaps_pk(account: &AccountId) -> String {
    format!("A#{account}#GAPS")
}

pub(crate) fn gap_sk(id: &str) -> String {
    format!("{GAP_PREFIX}{id}")
}

/// `gsi3`'s partition of the account's gap groups of one status.
pub(crate) fn gaps_gsi3pk(account: &AccountId, status: &str) -> String {
    format!("A#{account}#GAPS#{status}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::EmailAddress;

    #[test]
    fn keys_start_with_the_account() {
        let account = AccountId::parse("acme").expect("valid");
        let (visitor, session) = (VisitorId::generate(), SessionId::generate());
        let agent = AgentId::parse("sales").expect("valid");
        assert_eq!(
            session_pk(&account, &session),
            format!("A#acme#S#{session}")
        );
        assert_eq!(
            visitor_gsi1pk(&account, &visitor, &agent),
            format!("A#acme#V#{visitor}#G#sales")
        );
        assert_eq!(awaiting_summary_gsi2pk(&account), "A#acme#UNSUMMARISED");
        let at = DateTime::from_timestamp_millis(1_700_000_000_123).expect("in range");
        assert_eq!(
            session_gsi1sk(at, &session),
            format!("001700000000123#{session}")
        );
        assert_eq!(rate_window_sk(60, at), "W#0000060#001700000000123");
        assert_eq!(lease_sk(1), "L#001");
    }

    #[test]
    fn crm_keys_hide_addresses() {
        let account = AccountId::parse("acme").expect("valid");
        let email = EmailHash::of(&EmailAddress::parse("Ann@Example.com").expect("valid"));
        let pk = email_pk(&account, &email);
        assert!(pk.starts_with("A#acme#E#"));
        assert!(!pk.to_lowercase().contains("ann"));
        let visitor = VisitorId::generate();
        assert_eq!(
            otp_sk(OtpPurpose::Delete, &visitor),
            format!("OTP#delete#{visitor}")
        );
        assert_eq!(event_sk(EmailTrigger::Inactivity), "EV#inactivity");
    }

    #[test]
    fn ingestion_keys_start_with_the_account_and_hash_the_url() {
        let account = AccountId::parse("harbor-books").expect("valid");
        assert_eq!(pages_pk(&account), "A#harbor-books#PAGES");
        assert_eq!(runs_pk(&account), "A#harbor-books#RUNS");
        let sk = page_sk("https://harbor-books.example/cafe/");
        assert!(sk.starts_with("P#") && sk.len() == 2 + 64);
    }
}
