//! The deletes behind a visitor's right to erasure (`ErasureStore`), each one write on the
//! store's SQLite thread, so an erasure is all or nothing.

use async_trait::async_trait;
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::execute;
use crate::domain::{AccountId, SessionId};
use crate::ports::StoreError;
use crate::ports::crm::{EmailHash, ErasureStore, ProfileId};

/// Everything stored under a session (`?2`).
const SESSION_DELETES: &[&str] = &[
    "DELETE FROM messages WHERE account = ?1 AND session = ?2",
    "DELETE FROM llm_requests WHERE account = ?1 AND session = ?2",
    "DELETE FROM email_events WHERE account = ?1 AND session = ?2",
    "DELETE FROM profile_sessions WHERE account = ?1 AND session = ?2",
    "DELETE FROM sessions WHERE account = ?1 AND id = ?2",
];

/// A profile (`?2`) and every link to it.
const PROFILE_DELETES: &[&str] = &[
    "DELETE FROM profile_sessions WHERE account = ?1 AND profile = ?2",
    "DELETE FROM visitor_profiles WHERE account = ?1 AND profile = ?2",
    "DELETE FROM email_claims WHERE account = ?1 AND profile = ?2",
    "DELETE FROM email_mentions WHERE account = ?1 AND profile = ?2",
    "DELETE FROM profiles WHERE account = ?1 AND id = ?2",
];

/// What is keyed by an address's hash (`?2`).
const EMAIL_DELETES: &[&str] = &[
    "DELETE FROM email_claims WHERE account = ?1 AND email_hash = ?2",
    "DELETE FROM email_mentions WHERE account = ?1 AND email_hash = ?2",
    "DELETE FROM otp_challenges WHERE account = ?1 AND email_hash = ?2",
];

/// A rate subject's (`?2`) counters.
const RATE_DELETE: &str = "DELETE FROM rate_counters WHERE account = ?1 AND subject = ?2";

/// Each statement with `key` as its `?2`.
fn each(statements: &'static [&'static str], key: &str) -> Vec<(&'static str, String)> {
    statements.iter().map(|s| (*s, key.to_owned())).collect()
}

impl EmbeddedStore {
    /// Runs each `(statement, key)` with `?1` the account and `?2` the key, as one write.
    async fn delete_rows(
        &self,
        account: &AccountId,
        deletes: Vec<(&'static str, String)>,
    ) -> Result<(), StoreError> {
        let account = account.to_string();
        self.write(move |conn| {
            for (statement, key) in deletes {
                execute(conn, statement, params![account, key])?;
            }
            Ok(())
        })
        .await
    }
}

#[async_trait]
impl ErasureStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn delete_session_data(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        self.delete_rows(account, each(SESSION_DELETES, session.as_str()))
            .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile))]
    async fn delete_profile(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        self.delete_rows(account, each(PROFILE_DELETES, profile.as_str()))
            .await
    }

    async fn delete_email_data(
        &self,
        account: &AccountId,
        email: &EmailHash,
        rate_subjects: &[String],
    ) -> Result<(), StoreError> {
        let mut deletes = each(EMAIL_DELETES, email.as_str());
        deletes.extend(rate_subjects.iter().map(|s| (RATE_DELETE, s.clone())));
        self.delete_rows(account, deletes).await
    }
}
