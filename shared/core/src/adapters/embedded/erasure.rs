//! The deletes behind a visitor's right to erasure (`ErasureStore`), each one write on the
//! store's SQLite thread, so an erasure is all or nothing.

use async_trait::async_trait;
use rusqlite::{Connection, params};

use super::EmbeddedStore;
use super::rows::execute;
use crate::domain::{AccountId, SessionId};
use crate::ports::StoreError;
use crate::ports::crm::{EmailHash, ErasureStore, ProfileId};

/// Runs each statement with the same two parameters, `?1` the account and `?2` the key.
fn delete_each(
    conn: &Connection,
    statements: &[&str],
    account: &str,
    key: &str,
) -> Result<(), StoreError> {
    for statement in statements {
        execute(conn, statement, params![account, key])?;
    }
    Ok(())
}

#[async_trait]
impl ErasureStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn delete_session_data(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.write(move |conn| {
            delete_each(
                conn,
                &[
                    "DELETE FROM messages WHERE account = ?1 AND session = ?2",
                    "DELETE FROM llm_requests WHERE account = ?1 AND session = ?2",
                    "DELETE FROM email_events WHERE account = ?1 AND session = ?2",
                    "DELETE FROM profile_sessions WHERE account = ?1 AND session = ?2",
                    "DELETE FROM sessions WHERE account = ?1 AND id = ?2",
                ],
                &account,
                &session,
            )
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile))]
    async fn delete_profile(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let (account, profile) = (account.to_string(), profile.to_string());
        self.write(move |conn| {
            delete_each(
                conn,
                &[
                    "DELETE FROM profile_sessions WHERE account = ?1 AND profile = ?2",
                    "DELETE FROM visitor_profiles WHERE account = ?1 AND profile = ?2",
                    "DELETE FROM email_claims WHERE account = ?1 AND profile = ?2",
                    "DELETE FROM email_mentions WHERE account = ?1 AND profile = ?2",
                    "DELETE FROM profiles WHERE account = ?1 AND id = ?2",
                ],
                &account,
                &profile,
            )
        })
        .await
    }

    async fn delete_email_data(
        &self,
        account: &AccountId,
        email: &EmailHash,
        rate_subjects: &[String],
    ) -> Result<(), StoreError> {
        let (account, email) = (account.to_string(), email.as_str().to_owned());
        let subjects = rate_subjects.to_vec();
        self.write(move |conn| {
            delete_each(
                conn,
                &[
                    "DELETE FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                    "DELETE FROM email_mentions WHERE account = ?1 AND email_hash = ?2",
                    "DELETE FROM otp_challenges WHERE account = ?1 AND email_hash = ?2",
                ],
                &account,
                &email,
            )?;
            for subject in subjects {
                delete_each(
                    conn,
                    &["DELETE FROM rate_counters WHERE account = ?1 AND subject = ?2"],
                    &account,
                    &subject,
                )?;
            }
            Ok(())
        })
        .await
    }
}
