//! The console's ports on DynamoDB: operator sessions and sign-in links (one item each,
//! keyed by the token's hash, `ttl` at their absolute end), audit entries (one partition
//! per account, sorted by time), and the account-wide listings through `gsi3` (sessions
//! and profiles by creation time, newest first). Every listing is a `Query`, never a `Scan`.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::ReturnValue;
use chrono::{DateTime, Utc};

use super::DynamoStore;
use super::codec::{
    self, Item, backend, corrupt, key, millis, n, read_opt_string, read_s, read_string, read_time,
    s, set_opt, unless_condition_failed,
};
use super::keys::{
    GSI3, PROFILE_SK, SESSION_SK, account_profiles_gsi3pk, account_sessions_gsi3pk, audit_pk,
    audit_sk, login_link_pk, operator_session_pk, profile_pk, session_pk,
};
use super::profiles::profile_from_item;
use super::sessions::session_from_item;
use super::table::{Gsi3Page, Gsi3Reads, decode_listing_cursor, encode_listing_cursor, live_only};
use crate::adapters::page_of;
use crate::domain::{AccountId, EmailAddress, ProfileId, Session, SessionId, VisitorProfile};
use crate::ports::console::{
    AccountListingStore, AuditEntry, AuditStore, ConversationFilter, LoginLink, OperatorSession,
    OperatorSessionStore,
};
use crate::ports::rollups::SessionFlag;
use crate::ports::{MAX_PAGE_SIZE, Page, StoreError};
use aws_sdk_dynamodb::types::AttributeValue;

const LINK_SK: &str = "LINK";

fn email(item: &Item, name: &str) -> Result<EmailAddress, StoreError> {
    // An address is never written into an error.
    EmailAddress::parse(read_s(item, name)?).map_err(|_| corrupt(name, "<redacted>"))
}

fn operator_session_from_item(item: &Item) -> Result<OperatorSession, StoreError> {
    Ok(OperatorSession {
        token_hash: read_string(item, "token_hash")?,
        email: email(item, "email")?,
        csrf_token: read_string(item, "csrf_token")?,
        created_at: read_time(item, "created_at")?,
        last_seen_at: read_time(item, "last_seen_at")?,
        expires_at: read_time(item, "expires_at")?,
    })
}

fn audit_from_item(item: &Item) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        id: read_string(item, "id")?,
        at: read_time(item, "at")?,
        operator: read_string(item, "operator")?,
        action: read_string(item, "action")?,
        target: read_opt_string(item, "target")?,
    })
}

/// The zero-padded millisecond bound of a `gsi3sk` range.
fn bound(at: DateTime<Utc>) -> String {
    let ms = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    format!("{ms:015}")
}

#[async_trait]
impl OperatorSessionStore for DynamoStore {
    #[tracing::instrument(skip_all)]
    async fn put_operator_session(&self, session: &OperatorSession) -> Result<(), StoreError> {
        let item = codec::item(
            operator_session_pk(&session.token_hash),
            SESSION_SK.to_owned(),
            "operator_session",
            [
                ("token_hash", s(&session.token_hash)),
                ("email", s(session.email.as_str())),
                ("csrf_token", s(&session.csrf_token)),
                ("created_at", millis(session.created_at)),
                ("last_seen_at", millis(session.last_seen_at)),
                ("expires_at", millis(session.expires_at)),
                ("ttl", n(session.expires_at.timestamp())),
            ],
        );
        self.put(item).await
    }

    #[tracing::instrument(skip_all)]
    async fn get_operator_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<OperatorSession>, StoreError> {
        let Some(item) = self
            .get(operator_session_pk(token_hash), SESSION_SK.to_owned())
            .await?
        else {
            return Ok(None);
        };
        let session = operator_session_from_item(&item)?;
        Ok((session.expires_at > now).then_some(session))
    }

    #[tracing::instrument(skip_all)]
    async fn touch_operator_session(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let result = self
            .update(operator_session_pk(token_hash), SESSION_SK.to_owned())
            .update_expression("SET last_seen_at = :at")
            // Never backwards, and never recreating a deleted (signed-out) session.
            .condition_expression("attribute_exists(pk) AND last_seen_at < :at")
            .expression_attribute_values(":at", millis(at))
            .send()
            .await;
        unless_condition_failed("UpdateItem", result).map(|_| ())
    }

    #[tracing::instrument(skip_all)]
    async fn delete_operator_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key(
                operator_session_pk(token_hash),
                SESSION_SK.to_owned(),
            )))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("DeleteItem", e))
    }

    #[tracing::instrument(skip_all)]
    async fn put_login_link(&self, link: &LoginLink) -> Result<(), StoreError> {
        let item = codec::item(
            login_link_pk(&link.token_hash),
            LINK_SK.to_owned(),
            "login_link",
            [
                ("token_hash", s(&link.token_hash)),
                ("email", s(link.email.as_str())),
                ("expires_at", millis(link.expires_at)),
                ("ttl", n(link.expires_at.timestamp())),
            ],
        );
        self.put(item).await
    }

    #[tracing::instrument(skip_all)]
    async fn take_login_link(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<LoginLink>, StoreError> {
        // One conditional delete: of concurrent callers only one sees the old item.
        let result = self
            .client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key(login_link_pk(token_hash), LINK_SK.to_owned())))
            .condition_expression("attribute_exists(pk) AND expires_at > :now")
            .expression_attribute_values(":now", millis(now))
            .return_values(ReturnValue::AllOld)
            .send()
            .await;
        let Some(output) = unless_condition_failed("DeleteItem", result)? else {
            return Ok(None);
        };
        let Some(item) = output.attributes else {
            return Ok(None);
        };
        Ok(Some(LoginLink {
            token_hash: read_string(&item, "token_hash")?,
            email: email(&item, "email")?,
            expires_at: read_time(&item, "expires_at")?,
        }))
    }
}

#[async_trait]
impl AuditStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn append_audit(
        &self,
        account: &AccountId,
        entry: &AuditEntry,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut item = codec::item(
            audit_pk(account),
            audit_sk(entry.at, &entry.id),
            "audit",
            [
                ("id", s(&entry.id)),
                ("at", millis(entry.at)),
                ("operator", s(&entry.operator)),
                ("action", s(&entry.action)),
                ("ttl", n(expires_at.timestamp())),
            ],
        );
        set_opt(&mut item, "target", entry.target.as_deref().map(s));
        self.put_new(item, "audit entry").await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_audit(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<AuditEntry, String>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
        let pk = audit_pk(account);
        let start = after
            .map(|cursor| decode_listing_cursor(cursor, &pk))
            .transpose()?
            .map(|(_, sk)| key(pk.clone(), sk));
        let query = live_only(
            self.client
                .query()
                .table_name(&self.table)
                .key_condition_expression("pk = :pk")
                .expression_attribute_values(":pk", s(&pk))
                .consistent_read(true)
                .scan_index_forward(false),
        );
        let entries = self
            .query_up_to(query, start, Some(limit + 1))
            .await?
            .iter()
            .map(audit_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(page_of(entries, limit, |last| {
            encode_listing_cursor(&pk, &audit_sk(last.at, &last.id))
        }))
    }
}

#[async_trait]
impl AccountListingStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_account_sessions(
        &self,
        account: &AccountId,
        filter: &ConversationFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Session, String>, StoreError> {
        let gsi3pk = account_sessions_gsi3pk(account);
        // `from` is inclusive, `to` exclusive: `{to ms:015}` sorts before every key of
        // that millisecond (`{ms}#{id}`), and `~` after every key of `from`'s bound.
        let lower = filter.from.map_or_else(|| "0".to_owned(), bound);
        let upper = filter
            .to
            .map_or_else(|| "999999999999999~".to_owned(), bound);
        let mut query = self
            .client
            .query()
            .table_name(&self.table)
            .index_name(GSI3)
            .key_condition_expression("gsi3pk = :pk AND gsi3sk BETWEEN :lower AND :upper")
            .expression_attribute_values(":pk", s(&gsi3pk))
            .expression_attribute_values(":lower", s(lower))
            .expression_attribute_values(":upper", s(upper))
            .scan_index_forward(false);
        query = live_only(query);
        if let Some(agent) = &filter.agent {
            // Appended to the liveness filter; `query_up_to` reads on until the page is full.
            let live = query.get_filter_expression().clone().unwrap_or_default();
            // `agent` is one of DynamoDB's reserved words.
            query = query
                .filter_expression(format!("{live} AND #agent = :agent"))
                .expression_attribute_names("#agent", "agent")
                .expression_attribute_values(":agent", s(agent.as_str()));
        }
        let (query, reads) = match filter.flag {
            None => (query, Gsi3Reads::UpToPage),
            Some(flag) => {
                // No index holds a flag's sessions: `gsi3` is read with the flag as a
                // filter, page after page until this page is full.
                let shown = query.get_filter_expression().clone().unwrap_or_default();
                let query = match flag {
                    SessionFlag::NotHelpful => query
                        .filter_expression(format!("{shown} AND not_helpful_count > :zero"))
                        .expression_attribute_values(":zero", n(0)),
                    SessionFlag::NoSources => query
                        .filter_expression(format!("{shown} AND no_sources = :yes"))
                        .expression_attribute_values(":yes", AttributeValue::Bool(true)),
                    SessionFlag::Extractive => query
                        .filter_expression(format!("{shown} AND extractive = :yes"))
                        .expression_attribute_values(":yes", AttributeValue::Bool(true)),
                    SessionFlag::PersonAsked => query.filter_expression(format!(
                        "{shown} AND attribute_exists(handoff_requested_at)"
                    )),
                    SessionFlag::HasLead => {
                        query.filter_expression(format!("{shown} AND attribute_exists(profile_id)"))
                    }
                };
                (query, Gsi3Reads::WholePages)
            }
        };
        // `BETWEEN` includes `to`'s bound itself; no key equals it (keys carry `#id`).
        let page = Gsi3Page {
            reads,
            ..Gsi3Page::new(&gsi3pk, after, limit)
        };
        self.query_gsi3_page(
            query,
            page,
            |id| {
                let session = SessionId::parse(id).map_err(|_| StoreError::InvalidCursor)?;
                Ok(key(session_pk(account, &session), SESSION_SK.to_owned()))
            },
            session_from_item,
        )
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_profiles(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<VisitorProfile, String>, StoreError> {
        let gsi3pk = account_profiles_gsi3pk(account);
        let query = live_only(
            self.client
                .query()
                .table_name(&self.table)
                .index_name(GSI3)
                .key_condition_expression("gsi3pk = :pk")
                .expression_attribute_values(":pk", s(&gsi3pk))
                .scan_index_forward(false),
        );
        self.query_gsi3_page(
            query,
            Gsi3Page::new(&gsi3pk, after, limit),
            |id| {
                let profile = ProfileId::parse(id).map_err(|_| StoreError::InvalidCursor)?;
                Ok(key(profile_pk(account, &profile), PROFILE_SK.to_owned()))
            },
            profile_from_item,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adapters::dynamodb::keys::created_gsi3sk;

    #[test]
    fn a_cursor_of_another_listing_is_refused() {
        let a = AccountId::parse("a").expect("valid");
        let b = AccountId::parse("b").expect("valid");
        let session = SessionId::generate();
        let sk = created_gsi3sk(crate::domain::now(), session.as_str());
        let cursor = encode_listing_cursor(&account_sessions_gsi3pk(&a), &sk);
        assert!(decode_listing_cursor(&cursor, &account_sessions_gsi3pk(&a)).is_ok());
        for other in [account_sessions_gsi3pk(&b), account_profiles_gsi3pk(&a)] {
            assert!(matches!(
                decode_listing_cursor(&cursor, &other),
                Err(StoreError::InvalidCursor)
            ));
        }
        assert!(decode_listing_cursor("%%", &account_sessions_gsi3pk(&a)).is_err());
    }
}
