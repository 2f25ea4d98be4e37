//! One-time-code challenges (`OtpStore`), keyed by account, address hash, purpose and
//! visitor. Every read and conditional write checks `expires_at`; `ttl` only cleans up.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::ReturnValue;
use chrono::{DateTime, Utc};

use super::DynamoStore;
use super::codec::{
    self, Item, millis, n, read_n, read_string, read_time, s, unless_condition_failed,
};
use super::keys::{email_pk, otp_sk};
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::crm::{OtpChallenge, OtpFailure, OtpKey, OtpStore};

/// Seconds an OTP item outlives its expiry before TTL cleans it up.
const OTP_TTL_GRACE_SECS: i64 = 86_400;

fn challenge_key(account: &AccountId, k: &OtpKey) -> (String, String) {
    (email_pk(account, &k.email), otp_sk(k.purpose, &k.visitor))
}

fn challenge_item(account: &AccountId, challenge: &OtpChallenge) -> Item {
    let (pk, sk) = challenge_key(account, &challenge.key);
    codec::item(
        pk,
        sk,
        "otp_challenge",
        [
            ("code_hash", s(&challenge.code_hash)),
            ("attempts", n(challenge.attempts)),
            ("max_attempts", n(challenge.max_attempts)),
            ("expires_at", millis(challenge.expires_at)),
            ("created_at", millis(challenge.created_at)),
            (
                "ttl",
                n(challenge.expires_at.timestamp() + OTP_TTL_GRACE_SECS),
            ),
        ],
    )
}

fn challenge_from_item(key: &OtpKey, item: &Item) -> Result<OtpChallenge, StoreError> {
    Ok(OtpChallenge {
        key: key.clone(),
        code_hash: read_string(item, "code_hash")?,
        attempts: read_n(item, "attempts")?,
        max_attempts: read_n(item, "max_attempts")?,
        expires_at: read_time(item, "expires_at")?,
        created_at: read_time(item, "created_at")?,
    })
}

#[async_trait]
impl OtpStore for DynamoStore {
    async fn put_otp(
        &self,
        account: &AccountId,
        challenge: &OtpChallenge,
    ) -> Result<(), StoreError> {
        self.put(challenge_item(account, challenge)).await
    }

    async fn get_otp(
        &self,
        account: &AccountId,
        k: &OtpKey,
    ) -> Result<Option<OtpChallenge>, StoreError> {
        let (pk, sk) = challenge_key(account, k);
        self.get(pk, sk)
            .await?
            .map(|item| challenge_from_item(k, &item))
            .transpose()
    }

    async fn fail_otp(
        &self,
        account: &AccountId,
        k: &OtpKey,
        now: DateTime<Utc>,
    ) -> Result<OtpFailure, StoreError> {
        let (pk, sk) = challenge_key(account, k);
        let result = self
            .update(pk, sk)
            .update_expression("ADD attempts :one")
            .condition_expression(
                "attribute_exists(pk) AND attempts < max_attempts AND expires_at > :now",
            )
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":now", millis(now))
            .return_values(ReturnValue::UpdatedNew)
            .send()
            .await;
        match unless_condition_failed("UpdateItem", result)? {
            Some(output) => {
                let attributes = output.attributes.unwrap_or_default();
                Ok(OtpFailure::Counted(read_n(&attributes, "attempts")?))
            }
            None => Ok(OtpFailure::NoLiveChallenge),
        }
    }

    async fn consume_otp(
        &self,
        account: &AccountId,
        k: &OtpKey,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (pk, sk) = challenge_key(account, k);
        let result = self
            .client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(codec::key(pk, sk)))
            .condition_expression(
                "code_hash = :hash AND attempts < max_attempts AND expires_at > :now",
            )
            .expression_attribute_values(":hash", s(code_hash))
            .expression_attribute_values(":now", millis(now))
            .send()
            .await;
        Ok(unless_condition_failed("DeleteItem", result)?.is_some())
    }
}
