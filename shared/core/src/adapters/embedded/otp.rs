//! The `otp_challenges` table and `OtpStore`. A wrong answer is one conditional `UPDATE
//! ... RETURNING attempts`, a right one a conditional `DELETE`: both check the attempts
//! left and the expiry in the statement itself.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{millis, query_opt};
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::crm::{OtpChallenge, OtpFailure, OtpKey, OtpStore};

/// The primary key of a challenge: account, address hash, purpose, visitor.
fn challenge_key(account: &AccountId, key: &OtpKey) -> (String, String, &'static str, String) {
    (
        account.to_string(),
        key.email.as_str().to_owned(),
        key.purpose.as_str(),
        key.visitor.to_string(),
    )
}

#[async_trait]
impl OtpStore for EmbeddedStore {
    async fn put_otp(
        &self,
        account: &AccountId,
        challenge: &OtpChallenge,
    ) -> Result<(), StoreError> {
        let (account, email, purpose, visitor) = challenge_key(account, &challenge.key);
        let c = challenge;
        self.change(
            "INSERT OR REPLACE INTO otp_challenges (account, email_hash, purpose, visitor, code_hash, \
             attempts, max_attempts, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            (
                account,
                email,
                purpose,
                visitor,
                c.code_hash.clone(),
                c.attempts,
                c.max_attempts,
                millis(c.expires_at),
                millis(c.created_at),
            ),
        )
        .await
        .map(|_| ())
    }

    async fn get_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
    ) -> Result<Option<OtpChallenge>, StoreError> {
        let owned_key = key.clone();
        self.select_one(
            "SELECT code_hash, attempts, max_attempts, expires_at, created_at FROM otp_challenges \
             WHERE account = ?1 AND email_hash = ?2 AND purpose = ?3 AND visitor = ?4",
            challenge_key(account, key),
            |c| {
                Ok(OtpChallenge {
                    key: owned_key,
                    code_hash: c.get()?,
                    attempts: c.get()?,
                    max_attempts: c.get()?,
                    expires_at: c.time()?,
                    created_at: c.time()?,
                })
            },
        )
        .await
    }

    async fn fail_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
        now: DateTime<Utc>,
    ) -> Result<OtpFailure, StoreError> {
        let (account, email, purpose, visitor) = challenge_key(account, key);
        self.write(move |conn| {
            let attempts = query_opt(
                conn,
                "UPDATE otp_challenges SET attempts = attempts + 1 \
                 WHERE account = ?1 AND email_hash = ?2 AND purpose = ?3 AND visitor = ?4 \
                   AND attempts < max_attempts AND expires_at > ?5 RETURNING attempts",
                params![account, email, purpose, visitor, millis(now)],
                |c| c.get(),
            )?;
            Ok(attempts.map_or(OtpFailure::NoLiveChallenge, OtpFailure::Counted))
        })
        .await
    }

    async fn consume_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (account, email, purpose, visitor) = challenge_key(account, key);
        let deleted = self
            .change(
                "DELETE FROM otp_challenges \
                 WHERE account = ?1 AND email_hash = ?2 AND purpose = ?3 AND visitor = ?4 \
                   AND code_hash = ?5 AND attempts < max_attempts AND expires_at > ?6",
                (
                    account,
                    email,
                    purpose,
                    visitor,
                    code_hash.to_owned(),
                    millis(now),
                ),
            )
            .await?;
        Ok(deleted == 1)
    }
}
