//! The light CRM in the DynamoDB table (see `docs/data-model.md`, "Visitor profiles, OTP
//! and email"). Every key starts with `A#{account}#`; addresses appear only as their hash.
//!
//! | item | `pk` | `sk` |
//! |---|---|---|
//! | profile | `A#{a}#P#{profile}` | `PROFILE` |
//! | profile's session | `A#{a}#P#{profile}` | `S#{session}` |
//! | profile's visitor | `A#{a}#P#{profile}` | `V#{visitor}` |
//! | visitor link | `A#{a}#V#{visitor}` | `PROFILE` |
//! | email claim | `A#{a}#E#{email hash}` | `EMAIL` |
//! | email mention | `A#{a}#E#{email hash}` | `MENTION#{profile}` |
//! | OTP challenge | `A#{a}#E#{email hash}` | `OTP#{purpose}#{visitor}` |
//! | rate counter | `A#{a}#R#{subject}` | `W#{window start ms:015}` |
//! | email event | `A#{a}#S#{session}` | `EV#{trigger}` |

use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_dynamodb::error::SdkError;
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{
    AttributeValue, DeleteRequest, Put, ReturnValue, TransactWriteItem, Update, WriteRequest,
};
use chrono::{DateTime, Utc};

use super::dynamodb::{
    DynamoStore, Item, SESSION_SK, backend, condition_failed, key, millis, n, read_n, read_opt_s,
    read_s, read_time, s, session_from_item, session_pk,
};
use crate::domain::{AccountId, EmailAddress, Session, SessionId, VisitorId};
use crate::ports::StoreError;
use crate::ports::crm::{
    EmailEvent, EmailEventStore, EmailHash, EmailStatus, EmailTrigger, ErasureStore, OtpChallenge,
    OtpFailure, OtpKey, OtpPurpose, OtpStore, ProfileId, ProfileStore, RateLimitStore, SendClaim,
    VisitorProfile,
};

const PROFILE_SK: &str = "PROFILE";
const EMAIL_SK: &str = "EMAIL";
const PROFILE_SESSION_PREFIX: &str = "S#";
const PROFILE_VISITOR_PREFIX: &str = "V#";
const OTP_PREFIX: &str = "OTP#";
const MENTION_PREFIX: &str = "MENTION#";
const EVENT_PREFIX: &str = "EV#";

/// Seconds an OTP item outlives its expiry before TTL cleans it up.
const OTP_TTL_GRACE_SECS: i64 = 86_400;

fn profile_pk(account: &AccountId, profile: &ProfileId) -> String {
    format!("A#{account}#P#{profile}")
}

fn visitor_pk(account: &AccountId, visitor: &VisitorId) -> String {
    format!("A#{account}#V#{visitor}")
}

fn email_pk(account: &AccountId, email: &EmailHash) -> String {
    format!("A#{account}#E#{}", email.as_str())
}

fn rate_pk(account: &AccountId, subject: &str) -> String {
    format!("A#{account}#R#{subject}")
}

fn otp_sk(purpose: OtpPurpose, visitor: &VisitorId) -> String {
    format!("{OTP_PREFIX}{}#{visitor}", purpose.as_str())
}

fn event_sk(trigger: EmailTrigger) -> String {
    format!("{EVENT_PREFIX}{}", trigger.as_str())
}

fn corrupt(what: &str, value: impl std::fmt::Debug) -> StoreError {
    StoreError::fatal(anyhow::anyhow!("stored {what} {value:?} is not valid"))
}

fn opt_s(item: &mut Item, name: &str, value: Option<&str>) {
    if let Some(value) = value {
        item.insert(name.to_owned(), s(value));
    }
}

fn profile_item(account: &AccountId, p: &VisitorProfile) -> Item {
    let mut item = key(profile_pk(account, &p.id), PROFILE_SK.to_owned());
    item.extend([
        ("type".to_owned(), s("profile")),
        ("id".to_owned(), s(p.id.as_str())),
        (
            "interests".to_owned(),
            AttributeValue::L(p.interests.iter().map(|i| s(i.as_str())).collect()),
        ),
        ("created_at".to_owned(), millis(p.created_at)),
        ("updated_at".to_owned(), millis(p.updated_at)),
    ]);
    opt_s(&mut item, "name", p.name.as_deref());
    opt_s(
        &mut item,
        "email",
        p.email.as_ref().map(EmailAddress::as_str),
    );
    opt_s(&mut item, "phone", p.phone.as_deref());
    opt_s(&mut item, "company", p.company.as_deref());
    if let Some(at) = p.verified_at {
        item.insert("verified_at".to_owned(), millis(at));
    }
    item
}

fn profile_from_item(item: &Item) -> Result<VisitorProfile, StoreError> {
    let id = read_s(item, "id")?;
    let interests = match item.get("interests") {
        Some(AttributeValue::L(values)) => values
            .iter()
            .map(|v| match v {
                AttributeValue::S(text) => Ok(text.clone()),
                other => Err(corrupt("interest", other)),
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
        other => return Err(corrupt("interests", other)),
    };
    Ok(VisitorProfile {
        id: ProfileId::parse(id).map_err(|_| corrupt("profile id", id))?,
        name: read_opt_s(item, "name")?.map(str::to_owned),
        email: read_opt_s(item, "email")?
            .map(|e| EmailAddress::parse(e).map_err(|_| corrupt("email", "<redacted>")))
            .transpose()?,
        phone: read_opt_s(item, "phone")?.map(str::to_owned),
        company: read_opt_s(item, "company")?.map(str::to_owned),
        interests,
        verified_at: match item.get("verified_at") {
            None => None,
            Some(_) => Some(read_time(item, "verified_at")?),
        },
        created_at: read_time(item, "created_at")?,
        updated_at: read_time(item, "updated_at")?,
    })
}

fn event_item(account: &AccountId, e: &EmailEvent) -> Item {
    let mut item = key(session_pk(account, &e.session), event_sk(e.trigger));
    item.extend([
        ("type".to_owned(), s("email_event")),
        ("session".to_owned(), s(e.session.as_str())),
        ("trigger".to_owned(), s(e.trigger.as_str())),
        ("status".to_owned(), s(e.status.as_str())),
        ("attempts".to_owned(), n(e.attempts)),
        ("created_at".to_owned(), millis(e.created_at)),
        ("updated_at".to_owned(), millis(e.updated_at)),
    ]);
    opt_s(
        &mut item,
        "provider_message_id",
        e.provider_message_id.as_deref(),
    );
    opt_s(&mut item, "error", e.error.as_deref());
    item
}

fn event_from_item(item: &Item) -> Result<EmailEvent, StoreError> {
    let session = read_s(item, "session")?;
    let trigger = read_s(item, "trigger")?;
    let status = read_s(item, "status")?;
    Ok(EmailEvent {
        session: SessionId::parse(session).map_err(|_| corrupt("session id", session))?,
        trigger: EmailTrigger::parse(trigger).ok_or_else(|| corrupt("trigger", trigger))?,
        status: EmailStatus::parse(status).ok_or_else(|| corrupt("email status", status))?,
        attempts: read_n(item, "attempts")?,
        provider_message_id: read_opt_s(item, "provider_message_id")?.map(str::to_owned),
        error: read_opt_s(item, "error")?.map(str::to_owned),
        created_at: read_time(item, "created_at")?,
        updated_at: read_time(item, "updated_at")?,
    })
}

impl DynamoStore {
    async fn get(&self, pk: String, sk: String) -> Result<Option<Item>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, sk)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| backend("GetItem", e))?;
        Ok(output.item)
    }

    /// Every item of a partition (optionally only sort keys with `prefix`), keys and the
    /// named attributes only.
    async fn partition(
        &self,
        pk: &str,
        prefix: Option<&str>,
        attributes: &[&str],
    ) -> Result<Vec<Item>, StoreError> {
        let mut projection = "pk, sk".to_owned();
        let mut query = self
            .client
            .query()
            .table_name(&self.table)
            .expression_attribute_values(":pk", s(pk))
            .consistent_read(true);
        for (i, attribute) in attributes.iter().enumerate() {
            projection.push_str(&format!(", #a{i}"));
            query = query.expression_attribute_names(format!("#a{i}"), *attribute);
        }
        query = match prefix {
            Some(prefix) => query
                .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                .expression_attribute_values(":prefix", s(prefix)),
            None => query.key_condition_expression("pk = :pk"),
        };
        self.query_up_to(query.projection_expression(projection), None, None)
            .await
    }

    /// Deletes items by key, 25 per `BatchWriteItem`, retrying what DynamoDB leaves
    /// unprocessed.
    async fn delete_keys(&self, keys: Vec<Item>) -> Result<(), StoreError> {
        for chunk in keys.chunks(25) {
            let mut requests: Vec<WriteRequest> = chunk
                .iter()
                .map(|item| {
                    let key = key(
                        read_s(item, "pk").unwrap_or_default().to_owned(),
                        read_s(item, "sk").unwrap_or_default().to_owned(),
                    );
                    DeleteRequest::builder()
                        .set_key(Some(key))
                        .build()
                        .map(|delete| WriteRequest::builder().delete_request(delete).build())
                        .map_err(StoreError::fatal)
                })
                .collect::<Result<_, _>>()?;
            for attempt in 0..8u32 {
                if requests.is_empty() {
                    break;
                }
                let output = self
                    .client
                    .batch_write_item()
                    .request_items(&self.table, requests)
                    .send()
                    .await
                    .map_err(|e| backend("BatchWriteItem", e))?;
                requests = output
                    .unprocessed_items
                    .and_then(|mut left| left.remove(&self.table))
                    .unwrap_or_default();
                if !requests.is_empty() {
                    tokio::time::sleep(Duration::from_millis(20 * 2u64.pow(attempt))).await;
                }
            }
            if !requests.is_empty() {
                return Err(StoreError::transient(anyhow::anyhow!(
                    "DynamoDB left {} deletes unprocessed",
                    requests.len()
                )));
            }
        }
        Ok(())
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
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(profile_item(account, profile)))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("PutItem", e))
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
            .set_key(Some(key(
                session_pk(account, session),
                SESSION_SK.to_owned(),
            )))
            .update_expression("SET profile_id = :profile")
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_values(":profile", s(profile.as_str()))
            .build()
            .map_err(StoreError::fatal)?;
        let mut link = key(
            profile_pk(account, profile),
            format!("{PROFILE_SESSION_PREFIX}{session}"),
        );
        link.insert("type".to_owned(), s("profile_session"));
        link.insert("session".to_owned(), s(session.as_str()));
        let put = Put::builder()
            .table_name(&self.table)
            .set_item(Some(link))
            .build()
            .map_err(StoreError::fatal)?;
        self.client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().update(update).build())
            .transact_items(TransactWriteItem::builder().put(put).build())
            .send()
            .await
            .map(|_| ())
            .map_err(|e| {
                if session_condition_failed(&e) {
                    StoreError::NotFound("session")
                } else {
                    backend("TransactWriteItems", e)
                }
            })
    }

    async fn profile_sessions(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<SessionId>, StoreError> {
        self.partition(
            &profile_pk(account, profile),
            Some(PROFILE_SESSION_PREFIX),
            &["session"],
        )
        .await?
        .iter()
        .map(|item| {
            let raw = read_s(item, "session")?;
            SessionId::parse(raw).map_err(|_| corrupt("session id", raw))
        })
        .collect()
    }

    async fn claim_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<ProfileId, StoreError> {
        let mut item = key(email_pk(account, email), EMAIL_SK.to_owned());
        item.insert("type".to_owned(), s("email_claim"));
        item.insert("profile".to_owned(), s(profile.as_str()));
        match self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await
        {
            Ok(_) => Ok(profile.clone()),
            Err(e) if condition_failed(&e) => self
                .email_owner(account, email)
                .await?
                .ok_or_else(|| StoreError::transient(anyhow::anyhow!("email claim vanished"))),
            Err(e) => Err(backend("PutItem", e)),
        }
    }

    async fn email_owner(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Option<ProfileId>, StoreError> {
        self.get(email_pk(account, email), EMAIL_SK.to_owned())
            .await?
            .map(|item| {
                let raw = read_s(&item, "profile")?;
                ProfileId::parse(raw).map_err(|_| corrupt("profile id", raw))
            })
            .transpose()
    }

    async fn mention_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let mut item = key(
            email_pk(account, email),
            format!("{MENTION_PREFIX}{profile}"),
        );
        item.insert("type".to_owned(), s("email_mention"));
        item.insert("profile".to_owned(), s(profile.as_str()));
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("PutItem", e))
    }

    async fn email_mentions(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Vec<ProfileId>, StoreError> {
        self.partition(
            &email_pk(account, email),
            Some(MENTION_PREFIX),
            &["profile"],
        )
        .await?
        .iter()
        .map(|item| {
            let raw = read_s(item, "profile")?;
            ProfileId::parse(raw).map_err(|_| corrupt("profile id", raw))
        })
        .collect()
    }

    async fn link_visitor(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let mut link = key(visitor_pk(account, visitor), PROFILE_SK.to_owned());
        link.insert("type".to_owned(), s("visitor_profile"));
        link.insert("profile".to_owned(), s(profile.as_str()));
        let mut listed = key(
            profile_pk(account, profile),
            format!("{PROFILE_VISITOR_PREFIX}{visitor}"),
        );
        listed.insert("type".to_owned(), s("profile_visitor"));
        listed.insert("visitor".to_owned(), s(visitor.as_str()));
        let put = |item: Item| {
            Put::builder()
                .table_name(&self.table)
                .set_item(Some(item))
                .build()
                .map_err(StoreError::fatal)
        };
        self.client
            .transact_write_items()
            .transact_items(TransactWriteItem::builder().put(put(link)?).build())
            .transact_items(TransactWriteItem::builder().put(put(listed)?).build())
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
        self.get(visitor_pk(account, visitor), PROFILE_SK.to_owned())
            .await?
            .map(|item| {
                let raw = read_s(&item, "profile")?;
                ProfileId::parse(raw).map_err(|_| corrupt("profile id", raw))
            })
            .transpose()
    }

    async fn profile_visitors(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<VisitorId>, StoreError> {
        self.partition(
            &profile_pk(account, profile),
            Some(PROFILE_VISITOR_PREFIX),
            &["visitor"],
        )
        .await?
        .iter()
        .map(|item| {
            let raw = read_s(item, "visitor")?;
            VisitorId::parse(raw).map_err(|_| corrupt("visitor id", raw))
        })
        .collect()
    }
}

/// Whether a transaction was cancelled because its first action's condition failed.
fn session_condition_failed(
    err: &SdkError<TransactWriteItemsError, aws_sdk_dynamodb::config::http::HttpResponse>,
) -> bool {
    match err {
        SdkError::ServiceError(service) => match service.err() {
            TransactWriteItemsError::TransactionCanceledException(cancelled) => {
                cancelled
                    .cancellation_reasons()
                    .first()
                    .and_then(|reason| reason.code())
                    == Some("ConditionalCheckFailed")
            }
            _ => false,
        },
        _ => false,
    }
}

#[async_trait]
impl OtpStore for DynamoStore {
    async fn put_otp(
        &self,
        account: &AccountId,
        challenge: &OtpChallenge,
    ) -> Result<(), StoreError> {
        let k = &challenge.key;
        let mut item = key(email_pk(account, &k.email), otp_sk(k.purpose, &k.visitor));
        item.extend([
            ("type".to_owned(), s("otp_challenge")),
            ("code_hash".to_owned(), s(&challenge.code_hash)),
            ("attempts".to_owned(), n(challenge.attempts)),
            ("max_attempts".to_owned(), n(challenge.max_attempts)),
            ("expires_at".to_owned(), millis(challenge.expires_at)),
            ("created_at".to_owned(), millis(challenge.created_at)),
            (
                "ttl".to_owned(),
                n(challenge.expires_at.timestamp() + OTP_TTL_GRACE_SECS),
            ),
        ]);
        self.client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(item))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("PutItem", e))
    }

    async fn get_otp(
        &self,
        account: &AccountId,
        k: &OtpKey,
    ) -> Result<Option<OtpChallenge>, StoreError> {
        self.get(email_pk(account, &k.email), otp_sk(k.purpose, &k.visitor))
            .await?
            .map(|item| {
                Ok(OtpChallenge {
                    key: k.clone(),
                    code_hash: read_s(&item, "code_hash")?.to_owned(),
                    attempts: read_n(&item, "attempts")?,
                    max_attempts: read_n(&item, "max_attempts")?,
                    expires_at: read_time(&item, "expires_at")?,
                    created_at: read_time(&item, "created_at")?,
                })
            })
            .transpose()
    }

    async fn fail_otp(
        &self,
        account: &AccountId,
        k: &OtpKey,
        now: DateTime<Utc>,
    ) -> Result<OtpFailure, StoreError> {
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                email_pk(account, &k.email),
                otp_sk(k.purpose, &k.visitor),
            )))
            .update_expression("ADD attempts :one")
            .condition_expression(
                "attribute_exists(pk) AND attempts < max_attempts AND expires_at > :now",
            )
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":now", millis(now))
            .return_values(ReturnValue::UpdatedNew)
            .send()
            .await;
        match result {
            Ok(output) => {
                let attributes = output.attributes.unwrap_or_default();
                Ok(OtpFailure::Counted(read_n(&attributes, "attempts")?))
            }
            Err(e) if condition_failed(&e) => Ok(OtpFailure::NoLiveChallenge),
            Err(e) => Err(backend("UpdateItem", e)),
        }
    }

    async fn consume_otp(
        &self,
        account: &AccountId,
        k: &OtpKey,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let result = self
            .client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key(
                email_pk(account, &k.email),
                otp_sk(k.purpose, &k.visitor),
            )))
            .condition_expression(
                "code_hash = :hash AND attempts < max_attempts AND expires_at > :now",
            )
            .expression_attribute_values(":hash", s(code_hash))
            .expression_attribute_values(":now", millis(now))
            .send()
            .await;
        match result {
            Ok(_) => Ok(true),
            Err(e) if condition_failed(&e) => Ok(false),
            Err(e) => Err(backend("DeleteItem", e)),
        }
    }
}

#[async_trait]
impl RateLimitStore for DynamoStore {
    async fn hit_rate(
        &self,
        account: &AccountId,
        subject: &str,
        window_start: DateTime<Utc>,
        window_secs: u32,
        limit: u32,
    ) -> Result<bool, StoreError> {
        if limit == 0 {
            return Ok(false);
        }
        let start = u64::try_from(window_start.timestamp_millis()).unwrap_or(0);
        let ttl = window_start.timestamp() + i64::from(window_secs) * 2;
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                rate_pk(account, subject),
                format!("W#{start:015}"),
            )))
            .update_expression(
                "ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl), #type = :type",
            )
            .condition_expression("attribute_not_exists(pk) OR #count < :limit")
            .expression_attribute_names("#count", "count")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":ttl", n(ttl))
            .expression_attribute_values(":type", s("rate_counter"))
            .expression_attribute_values(":limit", n(limit))
            .send()
            .await;
        match result {
            Ok(_) => Ok(true),
            Err(e) if condition_failed(&e) => Ok(false),
            Err(e) => Err(backend("UpdateItem", e)),
        }
    }
}

#[async_trait]
impl EmailEventStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session, trigger = trigger.as_str()))]
    async fn claim_email_send(
        &self,
        account: &AccountId,
        session: &SessionId,
        trigger: EmailTrigger,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        max_attempts: u32,
    ) -> Result<SendClaim, StoreError> {
        let fresh = EmailEvent {
            session: session.clone(),
            trigger,
            status: EmailStatus::Sending,
            attempts: 1,
            provider_message_id: None,
            error: None,
            created_at: now,
            updated_at: now,
        };
        match self
            .client
            .put_item()
            .table_name(&self.table)
            .set_item(Some(event_item(account, &fresh)))
            .condition_expression("attribute_not_exists(pk)")
            .send()
            .await
        {
            Ok(_) => return Ok(SendClaim::Claimed { attempt: 1 }),
            Err(e) if condition_failed(&e) => {}
            Err(e) => return Err(backend("PutItem", e)),
        }
        let pk = session_pk(account, session);
        let read = |item: Option<Item>| -> Result<EmailEvent, StoreError> {
            item.as_ref()
                .map(event_from_item)
                .transpose()?
                .ok_or_else(|| StoreError::transient(anyhow::anyhow!("email event vanished")))
        };
        let event = read(self.get(pk.clone(), event_sk(trigger)).await?)?;
        let retryable = event.attempts < max_attempts
            && (event.status == EmailStatus::Failed || event.updated_at < stale_before);
        if event.status == EmailStatus::Sent {
            return Ok(SendClaim::AlreadySent(event));
        }
        if !retryable {
            return Ok(SendClaim::Busy(event));
        }
        // Take over only the version we read: of two concurrent takers, one wins.
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(pk.clone(), event_sk(trigger))))
            .update_expression("SET #status = :sending, updated_at = :now ADD attempts :one")
            .condition_expression(
                "#status = :seen_status AND updated_at = :seen_updated AND attempts = :seen_attempts",
            )
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":sending", s(EmailStatus::Sending.as_str()))
            .expression_attribute_values(":now", millis(now))
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":seen_status", s(event.status.as_str()))
            .expression_attribute_values(":seen_updated", millis(event.updated_at))
            .expression_attribute_values(":seen_attempts", n(event.attempts))
            .send()
            .await;
        match result {
            Ok(_) => Ok(SendClaim::Claimed {
                attempt: event.attempts + 1,
            }),
            Err(e) if condition_failed(&e) => {
                let now_event = read(self.get(pk, event_sk(trigger)).await?)?;
                Ok(if now_event.status == EmailStatus::Sent {
                    SendClaim::AlreadySent(now_event)
                } else {
                    SendClaim::Busy(now_event)
                })
            }
            Err(e) => Err(backend("UpdateItem", e)),
        }
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %event.session, trigger = event.trigger.as_str()))]
    async fn finish_email_send(
        &self,
        account: &AccountId,
        event: &EmailEvent,
    ) -> Result<(), StoreError> {
        let mut update = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                session_pk(account, &event.session),
                event_sk(event.trigger),
            )))
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_names("#status", "status")
            .expression_attribute_names("#error", "error")
            .expression_attribute_values(":status", s(event.status.as_str()))
            .expression_attribute_values(":at", millis(event.updated_at));
        let mut set = "SET #status = :status, updated_at = :at".to_owned();
        let mut remove = Vec::new();
        match &event.provider_message_id {
            Some(id) => {
                set.push_str(", provider_message_id = :mid");
                update = update.expression_attribute_values(":mid", s(id));
            }
            None => remove.push("provider_message_id"),
        }
        match &event.error {
            Some(error) => {
                set.push_str(", #error = :error");
                update = update.expression_attribute_values(":error", s(error));
            }
            None => remove.push("#error"),
        }
        let expression = if remove.is_empty() {
            set
        } else {
            format!("{set} REMOVE {}", remove.join(", "))
        };
        update
            .update_expression(expression)
            .send()
            .await
            .map_err(|e| {
                if condition_failed(&e) {
                    StoreError::NotFound("email event")
                } else {
                    backend("UpdateItem", e)
                }
            })?;
        let summary = match event.status {
            EmailStatus::Sent => "sent",
            EmailStatus::Failed => "failed",
            EmailStatus::Sending => "pending",
        };
        // A sent summary stays sent whatever a later trigger's attempt does.
        let result = self
            .client
            .update_item()
            .table_name(&self.table)
            .set_key(Some(key(
                session_pk(account, &event.session),
                SESSION_SK.to_owned(),
            )))
            .update_expression("SET summary_status = :summary")
            .condition_expression("attribute_exists(pk) AND summary_status <> :sent")
            .expression_attribute_values(":summary", s(summary))
            .expression_attribute_values(":sent", s("sent"))
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(e) if condition_failed(&e) => Ok(()),
            Err(e) => Err(backend("UpdateItem", e)),
        }
    }

    async fn email_events(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<EmailEvent>, StoreError> {
        let query = self
            .client
            .query()
            .table_name(&self.table)
            .key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
            .expression_attribute_values(":pk", s(session_pk(account, session)))
            .expression_attribute_values(":prefix", s(EVENT_PREFIX))
            .consistent_read(true);
        self.query_up_to(query, None, None)
            .await?
            .iter()
            .map(event_from_item)
            .collect()
    }

    /// A filtered `Scan`: see `docs/data-model.md` for why, and what it costs.
    async fn idle_sessions(
        &self,
        account: &AccountId,
        idle_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Session>, StoreError> {
        let limit = limit.clamp(1, crate::ports::MAX_PAGE_SIZE) as usize;
        let mut found = Vec::new();
        let mut start: Option<Item> = None;
        loop {
            let output = self
                .client
                .scan()
                .table_name(&self.table)
                .filter_expression(
                    "#type = :session AND account = :account AND summary_status <> :sent \
                     AND last_active_at <= :cutoff AND message_count > :zero",
                )
                .expression_attribute_names("#type", "type")
                .expression_attribute_values(":session", s("session"))
                .expression_attribute_values(":account", s(account.as_str()))
                .expression_attribute_values(":sent", s("sent"))
                .expression_attribute_values(":cutoff", millis(idle_before))
                .expression_attribute_values(":zero", n(0))
                .consistent_read(true)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| backend("Scan", e))?;
            for item in output.items.unwrap_or_default() {
                found.push(session_from_item(&item)?);
            }
            match output.last_evaluated_key {
                Some(last) if !last.is_empty() => start = Some(last),
                _ => break,
            }
        }
        found.sort_by(|a, b| {
            b.last_active_at
                .cmp(&a.last_active_at)
                .then_with(|| b.id.cmp(&a.id))
        });
        found.truncate(limit);
        Ok(found)
    }
}

#[async_trait]
impl ErasureStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn delete_session_data(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
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
                    format!("{PROFILE_SESSION_PREFIX}{session}"),
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
                keys.push(key(
                    email_pk(account, &hash),
                    format!("{MENTION_PREFIX}{profile}"),
                ));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_keys_start_with_the_account_and_hide_addresses() {
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
    fn profile_and_event_items_round_trip() {
        let account = AccountId::parse("acme").expect("valid");
        let now = crate::domain::now();
        let mut profile = VisitorProfile::new(now);
        profile.name = Some("Ann Lee".to_owned());
        profile.email = Some(EmailAddress::parse("ann@example.com").expect("valid"));
        profile.interests = vec!["heat pumps".to_owned(), "solar".to_owned()];
        profile.verified_at = Some(now);
        assert_eq!(
            profile_from_item(&profile_item(&account, &profile)).expect("valid"),
            profile
        );
        let event = EmailEvent {
            session: SessionId::generate(),
            trigger: EmailTrigger::Widget,
            status: EmailStatus::Failed,
            attempts: 2,
            provider_message_id: None,
            error: Some("throttled".to_owned()),
            created_at: now,
            updated_at: now,
        };
        assert_eq!(
            event_from_item(&event_item(&account, &event)).expect("valid"),
            event
        );
    }
}
