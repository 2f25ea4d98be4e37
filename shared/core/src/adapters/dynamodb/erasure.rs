//! The deletes behind a visitor's right to erasure (`ErasureStore`): each reads the keys of
//! a partition (and what links to it) and deletes them in batches.

use async_trait::async_trait;

use super::DynamoStore;
use super::codec::{key, read_opt_s, read_s};
use super::keys::{
    EMAIL_SK, PROFILE_SK, SESSION_SK, email_pk, mention_sk, profile_pk, profile_session_sk,
    rate_pk, session_pk, visitor_pk,
};
use crate::domain::{AccountId, EmailAddress, SessionId, VisitorId};
use crate::ports::StoreError;
use crate::ports::crm::{EmailHash, ErasureStore, ProfileId, ProfileStore as _};

#[async_trait]
impl ErasureStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn delete_session_data(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        // The session item goes with its partition, and with it its place in `gsi2`.
        let items = self
            .partition(&session_pk(account, session), None, &["profile_id"])
            .await?;
        let mut keys = Vec::with_capacity(items.len() + 1);
        for item in items {
            if read_s(&item, "sk")? == SESSION_SK
                && let Some(profile) = read_opt_s(&item, "profile_id")?
                && let Ok(profile) = ProfileId::parse(profile)
            {
                keys.push(key(
                    profile_pk(account, &profile),
                    profile_session_sk(session),
                ));
            }
            keys.push(item);
        }
        self.delete_keys(keys).await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile))]
    async fn delete_profile(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let items = self
            .partition(&profile_pk(account, profile), None, &["visitor", "email"])
            .await?;
        let mut keys = Vec::with_capacity(items.len() * 2);
        for item in items {
            if let Some(visitor) = read_opt_s(&item, "visitor")?
                && let Ok(visitor) = VisitorId::parse(visitor)
                && self.visitor_profile(account, &visitor).await?.as_ref() == Some(profile)
            {
                keys.push(key(visitor_pk(account, &visitor), PROFILE_SK.to_owned()));
            }
            if read_s(&item, "sk")? == PROFILE_SK
                && let Some(email) = read_opt_s(&item, "email")?
                && let Ok(email) = EmailAddress::parse(email)
            {
                let hash = EmailHash::of(&email);
                keys.push(key(email_pk(account, &hash), mention_sk(profile)));
                if self.email_owner(account, &hash).await?.as_ref() == Some(profile) {
                    keys.push(key(email_pk(account, &hash), EMAIL_SK.to_owned()));
                }
            }
            keys.push(item);
        }
        self.delete_keys(keys).await
    }

    async fn delete_email_data(
        &self,
        account: &AccountId,
        email: &EmailHash,
        rate_subjects: &[String],
    ) -> Result<(), StoreError> {
        let mut keys = self.partition(&email_pk(account, email), None, &[]).await?;
        for subject in rate_subjects {
            keys.extend(
                self.partition(&rate_pk(account, subject), None, &[])
                    .await?,
            );
        }
        self.delete_keys(keys).await
    }
}
