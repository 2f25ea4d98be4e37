//! Visitor profiles and their links (`ProfileStore`): the profile item, its session and
//! visitor lists in its partition, visitor links, and the email claim and mentions keyed by
//! the address's hash.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};

use super::DynamoStore;
use super::codec::{
    self, Item, backend, cancellation_codes, corrupt, millis, read_as, read_opt_s, read_opt_string,
    read_opt_time, read_strings, read_time, s, set_opt, strings,
};
use super::keys::{
    EMAIL_SK, MENTION_PREFIX, PROFILE_SESSION_PREFIX, PROFILE_SK, PROFILE_VISITOR_PREFIX,
    SESSION_SK, account_profiles_gsi3pk, created_gsi3sk, email_pk, mention_sk, profile_pk,
    profile_session_sk, profile_visitor_sk, session_pk, visitor_pk,
};
use crate::domain::{AccountId, EmailAddress, SessionId, VisitorId, now};
use crate::ports::StoreError;
use crate::ports::crm::{EmailHash, ProfileId, ProfileStore, VisitorProfile};

fn profile_item(account: &AccountId, p: &VisitorProfile, ttl: Option<AttributeValue>) -> Item {
    let mut item = codec::item(
        profile_pk(account, &p.id),
        PROFILE_SK.to_owned(),
        "profile",
        [
            ("id", s(p.id.as_str())),
            ("gsi3pk", s(account_profiles_gsi3pk(account))),
            ("gsi3sk", s(created_gsi3sk(p.created_at, p.id.as_str()))),
            ("interests", strings(&p.interests)),
            ("created_at", millis(p.created_at)),
            ("updated_at", millis(p.updated_at)),
        ],
    );
    set_opt(&mut item, "name", p.name.as_deref().map(s));
    set_opt(&mut item, "email", p.email.as_ref().map(|e| s(e.as_str())));
    set_opt(&mut item, "phone", p.phone.as_deref().map(s));
    set_opt(&mut item, "company", p.company.as_deref().map(s));
    set_opt(&mut item, "verified_at", p.verified_at.map(millis));
    set_opt(&mut item, "ttl", ttl);
    item
}

pub(super) fn profile_from_item(item: &Item) -> Result<VisitorProfile, StoreError> {
    Ok(VisitorProfile {
        id: read_as(item, "id", |r| ProfileId::parse(r).ok())?,
        name: read_opt_string(item, "name")?,
        // An address is never written into an error.
        email: read_opt_s(item, "email")?
            .map(|e| EmailAddress::parse(e).map_err(|_| corrupt("email", "<redacted>")))
            .transpose()?,
        phone: read_opt_string(item, "phone")?,
        company: read_opt_string(item, "company")?,
        interests: read_strings(item, "interests")?,
        verified_at: read_opt_time(item, "verified_at")?,
        created_at: read_time(item, "created_at")?,
        updated_at: read_time(item, "updated_at")?,
    })
}

/// A link item: a key, a type, the one id it points at, and its expiry.
fn link_item(
    pk: String,
    sk: String,
    kind: &str,
    (name, id): (&str, &str),
    ttl: Option<AttributeValue>,
) -> Item {
    let mut item = codec::item(pk, sk, kind, [(name, s(id))]);
    set_opt(&mut item, "ttl", ttl);
    item
}

/// Reads the profile a link item points at.
fn linked_profile(item: &Item) -> Result<ProfileId, StoreError> {
    read_as(item, "profile", |r| ProfileId::parse(r).ok())
}

impl DynamoStore {
    /// The ids that the `attribute` of the live items of `pk` under `prefix` point at.
    async fn linked<T>(
        &self,
        pk: &str,
        prefix: &str,
        attribute: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<Vec<T>, StoreError> {
        self.query_up_to(self.prefix_query(pk, prefix), None, None)
            .await?
            .iter()
            .map(|item| read_as(item, attribute, &parse))
            .collect()
    }

    /// The profile a single link item (visitor link, email claim) points at, if any.
    async fn linked_one(&self, pk: String, sk: &str) -> Result<Option<ProfileId>, StoreError> {
        self.get(pk, sk.to_owned())
            .await?
            .as_ref()
            .map(linked_profile)
            .transpose()
    }
}

#[async_trait]
impl ProfileStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, profile = %id))]
    async fn get_profile(
        &self,
        account: &AccountId,
        id: &ProfileId,
    ) -> Result<VisitorProfile, StoreError> {
        let item = self
            .get(profile_pk(account, id), PROFILE_SK.to_owned())
            .await?
            .ok_or(StoreError::NotFound("profile"))?;
        profile_from_item(&item)
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile.id))]
    async fn put_profile(
        &self,
        account: &AccountId,
        profile: &VisitorProfile,
    ) -> Result<(), StoreError> {
        let ttl = self.ttl(account, profile.updated_at);
        self.put(profile_item(account, profile, ttl)).await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile, session = %session))]
    async fn link_session(
        &self,
        account: &AccountId,
        profile: &ProfileId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        let update = Update::builder()
            .table_name(&self.table)
            .set_key(Some(codec::key(
                session_pk(account, session),
                SESSION_SK.to_owned(),
            )))
            .update_expression("SET profile_id = :profile")
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_values(":profile", s(profile.as_str()))
            .build()
            .map_err(StoreError::fatal)?;
        let link = link_item(
            profile_pk(account, profile),
            profile_session_sk(session),
            "profile_session",
            ("session", session.as_str()),
            self.ttl(account, now()),
        );
        let result = self
            .client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().update(update).build())
            .transact_items(self.put_action(link)?)
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            // The first action, the session's update, found no session.
            Err(e)
                if cancellation_codes(&e)
                    .and_then(|codes| codes.into_iter().next().flatten())
                    .as_deref()
                    == Some("ConditionalCheckFailed") =>
            {
                Err(StoreError::NotFound("session"))
            }
            Err(e) => Err(backend("TransactWriteItems", e)),
        }
    }

    async fn profile_sessions(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<SessionId>, StoreError> {
        self.linked(
            &profile_pk(account, profile),
            PROFILE_SESSION_PREFIX,
            "session",
            |r| SessionId::parse(r).ok(),
        )
        .await
    }

    async fn claim_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<ProfileId, StoreError> {
        let claim = link_item(
            email_pk(account, email),
            EMAIL_SK.to_owned(),
            "email_claim",
            ("profile", profile.as_str()),
            self.ttl(account, now()),
        );
        if self.put_if_new(claim).await? {
            return Ok(profile.clone());
        }
        self.email_owner(account, email)
            .await?
            .ok_or_else(|| StoreError::transient(anyhow::anyhow!("email claim vanished")))
    }

    async fn email_owner(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Option<ProfileId>, StoreError> {
        self.linked_one(email_pk(account, email), EMAIL_SK).await
    }

    async fn mention_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        self.put(link_item(
            email_pk(account, email),
            mention_sk(profile),
            "email_mention",
            ("profile", profile.as_str()),
            self.ttl(account, now()),
        ))
        .await
    }

    async fn email_mentions(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Vec<ProfileId>, StoreError> {
        self.linked(&email_pk(account, email), MENTION_PREFIX, "profile", |r| {
            ProfileId::parse(r).ok()
        })
        .await
    }

    async fn link_visitor(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let ttl = self.ttl(account, now());
        let link = link_item(
            visitor_pk(account, visitor),
            PROFILE_SK.to_owned(),
            "visitor_profile",
            ("profile", profile.as_str()),
            ttl.clone(),
        );
        let listed = link_item(
            profile_pk(account, profile),
            profile_visitor_sk(visitor),
            "profile_visitor",
            ("visitor", visitor.as_str()),
            ttl,
        );
        self.client
            .transact_write_items()
            .transact_items(self.put_action(link)?)
            .transact_items(self.put_action(listed)?)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("TransactWriteItems", e))
    }

    async fn visitor_profile(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
    ) -> Result<Option<ProfileId>, StoreError> {
        self.linked_one(visitor_pk(account, visitor), PROFILE_SK)
            .await
    }

    async fn profile_visitors(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<VisitorId>, StoreError> {
        self.linked(
            &profile_pk(account, profile),
            PROFILE_VISITOR_PREFIX,
            "visitor",
            |r| VisitorId::parse(r).ok(),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_dynamodb::types::AttributeValue;

    use super::*;

    #[test]
    fn a_profile_round_trips_without_empty_attributes() {
        let account = AccountId::parse("acme").expect("valid");
        let now = crate::domain::now();
        let mut profile = VisitorProfile::new(now);
        assert!(!profile_item(&account, &profile, None).contains_key("email"));
        profile.name = Some("Ann Lee".to_owned());
        profile.email = Some(EmailAddress::parse("ann@example.com").expect("valid"));
        profile.interests = vec!["heat pumps".to_owned(), "solar".to_owned()];
        profile.verified_at = Some(now);
        let item = profile_item(&account, &profile, None);
        assert!(matches!(item.get("interests"), Some(AttributeValue::L(_))));
        assert_eq!(profile_from_item(&item).expect("valid"), profile);
    }
}
