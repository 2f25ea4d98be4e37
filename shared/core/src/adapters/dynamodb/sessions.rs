//! Session items and `SessionStore`: create, get, and the listing of a visitor's sessions
//! with one agent through `gsi1`. A session item also carries the sparse `gsi2` keys while
//! it awaits a summary (`email_events`), and a `ttl` that every append moves to its last
//! activity plus the account's retention (`messages`). Its `title` is written by the append
//! of the first visitor message; `handoff_requested_at` once, by the first handoff.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::AttributeValue;

use super::DynamoStore;
use super::codec::{
    self, Item, key, millis, n, or_if_condition_failed, read_as, read_n, read_opt_n,
    read_opt_string, read_opt_time, read_time, s, set_opt,
};
use super::keys::{
    GSI1, SESSION_SK, account_sessions_gsi3pk, awaiting_summary_gsi2pk, created_gsi3sk,
    session_gsi1sk, session_pk, visitor_gsi1pk,
};
use super::table::{decode_listing_cursor, encode_listing_cursor, live_only};
use crate::adapters::page_of;
use crate::domain::{
    AccountId, AgentId, Session, SessionFlags, SessionId, SummaryStatus, VisitorId,
};
use crate::ports::{MAX_PAGE_SIZE, Page, SessionStore, StoreError};
use chrono::{DateTime, Utc};

/// A session item; `ttl` is its expiry (its last activity plus the account's retention).
pub(super) fn session_item(session: &Session, ttl: Option<AttributeValue>) -> Item {
    let mut item = codec::item(
        session_pk(&session.account, &session.id),
        SESSION_SK.to_owned(),
        "session",
        [
            (
                "gsi1pk",
                s(visitor_gsi1pk(
                    &session.account,
                    &session.visitor,
                    &session.agent,
                )),
            ),
            ("gsi1sk", s(session_gsi1sk(session.created_at, &session.id))),
            ("gsi3pk", s(account_sessions_gsi3pk(&session.account))),
            (
                "gsi3sk",
                s(created_gsi3sk(session.created_at, session.id.as_str())),
            ),
            ("account", s(session.account.as_str())),
            ("agent", s(session.agent.as_str())),
            ("id", s(session.id.as_str())),
            ("visitor", s(session.visitor.as_str())),
            ("created_at", millis(session.created_at)),
            ("last_active_at", millis(session.last_active_at)),
            ("message_count", n(session.message_count)),
            ("summary_status", s(session.summary_status.as_str())),
        ],
    );
    set_opt(
        &mut item,
        "profile_id",
        session.profile_id.as_deref().map(s),
    );
    set_opt(&mut item, "title", session.title.as_deref().map(s));
    set_opt(
        &mut item,
        "handoff_requested_at",
        session.handoff_requested_at.map(millis),
    );
    // In `gsi2` only with both keys: `gsi2pk` until the summary is sent, `gsi2sk` (the
    // last activity) once there are messages.
    set_opt(
        &mut item,
        "gsi2pk",
        (session.summary_status != SummaryStatus::Sent)
            .then(|| s(awaiting_summary_gsi2pk(&session.account))),
    );
    set_opt(
        &mut item,
        "gsi2sk",
        (session.message_count > 0).then(|| millis(session.last_active_at)),
    );
    // The console's flags, sparse: absent is false (`rollups` sets them later).
    set_opt(
        &mut item,
        "not_helpful_count",
        session.flags.not_helpful.then(|| n(1)),
    );
    set_opt(
        &mut item,
        "no_sources",
        session
            .flags
            .no_sources
            .then_some(AttributeValue::Bool(true)),
    );
    set_opt(
        &mut item,
        "extractive",
        session
            .flags
            .extractive
            .then_some(AttributeValue::Bool(true)),
    );
    set_opt(&mut item, "ttl", ttl);
    item
}

/// A boolean flag of a session item: absent is false.
fn read_flag(item: &Item, name: &str) -> bool {
    matches!(item.get(name), Some(AttributeValue::Bool(true)))
}

pub(super) fn session_from_item(item: &Item) -> Result<Session, StoreError> {
    Ok(Session {
        account: read_as(item, "account", |r| AccountId::parse(r).ok())?,
        agent: read_as(item, "agent", |r| AgentId::parse(r).ok())?,
        id: read_as(item, "id", |r| SessionId::parse(r).ok())?,
        visitor: read_as(item, "visitor", |r| VisitorId::parse(r).ok())?,
        created_at: read_time(item, "created_at")?,
        last_active_at: read_time(item, "last_active_at")?,
        message_count: read_n(item, "message_count")?,
        profile_id: read_opt_string(item, "profile_id")?,
        summary_status: read_as(item, "summary_status", SummaryStatus::parse)?,
        title: read_opt_string(item, "title")?,
        handoff_requested_at: read_opt_time(item, "handoff_requested_at")?,
        flags: SessionFlags {
            not_helpful: read_opt_n::<i64>(item, "not_helpful_count")?.unwrap_or(0) > 0,
            no_sources: read_flag(item, "no_sources"),
            extractive: read_flag(item, "extractive"),
        },
    })
}

/// Reads a cursor (of [`encode_listing_cursor`]: the last item's whole `gsi1` key) back
/// into the `ExclusiveStartKey` of the listing it came from; a cursor from another listing
/// is refused.
fn decode_session_cursor(
    cursor: &str,
    account: &AccountId,
    expected_gsi1pk: &str,
) -> Result<Item, StoreError> {
    let (session, gsi1sk) = decode_listing_cursor(cursor, expected_gsi1pk)?;
    let session = SessionId::parse(&session).map_err(|_| StoreError::InvalidCursor)?;
    let mut start = key(session_pk(account, &session), SESSION_SK.to_owned());
    start.insert("gsi1pk".to_owned(), s(expected_gsi1pk));
    start.insert("gsi1sk".to_owned(), s(gsi1sk));
    Ok(start)
}

#[async_trait]
impl SessionStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %session.account, session = %session.id))]
    async fn create_session(&self, session: &Session) -> Result<(), StoreError> {
        let ttl = self.ttl(&session.account, session.last_active_at);
        self.put_new(session_item(session, ttl), "session").await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %id))]
    async fn get_session(
        &self,
        account: &AccountId,
        id: &SessionId,
    ) -> Result<Session, StoreError> {
        let item = self
            .get(session_pk(account, id), SESSION_SK.to_owned())
            .await?
            .ok_or(StoreError::NotFound("session"))?;
        session_from_item(&item)
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %id))]
    async fn mark_handoff_requested(
        &self,
        account: &AccountId,
        id: &SessionId,
        at: DateTime<Utc>,
    ) -> Result<DateTime<Utc>, StoreError> {
        let result = self
            .update(session_pk(account, id), SESSION_SK.to_owned())
            .update_expression(
                "SET handoff_requested_at = if_not_exists(handoff_requested_at, :at)",
            )
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_values(":at", millis(at))
            .return_values(aws_sdk_dynamodb::types::ReturnValue::UpdatedNew)
            .send()
            .await;
        let output = or_if_condition_failed("UpdateItem", result, StoreError::NotFound("session"))?;
        let attributes = output.attributes.unwrap_or_default();
        Ok(read_opt_time(&attributes, "handoff_requested_at")?.unwrap_or(at))
    }

    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn list_sessions(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        agent: &AgentId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Session, String>, StoreError> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
        let gsi1pk = visitor_gsi1pk(account, visitor, agent);
        let start = after
            .map(|cursor| decode_session_cursor(cursor, account, &gsi1pk))
            .transpose()?;
        // A GSI cannot be read consistently: a session shows here a moment after its write.
        let query = live_only(
            self.client
                .query()
                .table_name(&self.table)
                .index_name(GSI1)
                .key_condition_expression("gsi1pk = :pk")
                .expression_attribute_values(":pk", s(&gsi1pk))
                .scan_index_forward(false),
        );
        // One extra item tells whether another page follows.
        let sessions = self
            .query_up_to(query, start, Some(limit + 1))
            .await?
            .iter()
            .map(session_from_item)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(page_of(sessions, limit, |last| {
            encode_listing_cursor(&gsi1pk, &session_gsi1sk(last.created_at, &last.id))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn ids() -> (AccountId, VisitorId, AgentId, SessionId) {
        (
            AccountId::parse("acme").expect("valid"),
            VisitorId::generate(),
            AgentId::parse("sales").expect("valid"),
            SessionId::generate(),
        )
    }

    #[test]
    fn a_session_cursor_round_trips_into_the_exclusive_start_key() {
        let (account, visitor, agent, session) = ids();
        let gsi1pk = visitor_gsi1pk(&account, &visitor, &agent);
        let gsi1sk = format!("001700000000123#{session}");
        let cursor = encode_listing_cursor(&gsi1pk, &gsi1sk);
        let start = decode_session_cursor(&cursor, &account, &gsi1pk).expect("our own cursor");
        assert_eq!(start.get("pk"), Some(&s(session_pk(&account, &session))));
        assert_eq!(start.get("sk"), Some(&s(SESSION_SK)));
        assert_eq!(start.get("gsi1pk"), Some(&s(gsi1pk)));
        assert_eq!(start.get("gsi1sk"), Some(&s(gsi1sk)));
    }

    #[test]
    fn a_cursor_from_another_listing_is_refused() {
        let (account, visitor, agent, session) = ids();
        let theirs = visitor_gsi1pk(&account, &VisitorId::generate(), &agent);
        let ours = visitor_gsi1pk(&account, &visitor, &agent);
        let cursor = encode_listing_cursor(&theirs, &format!("001700000000123#{session}"));
        assert!(matches!(
            decode_session_cursor(&cursor, &account, &ours),
            Err(StoreError::InvalidCursor)
        ));
        for garbage in [
            "",
            "%%%",
            &URL_SAFE_NO_PAD.encode(format!("{ours}|17#{session}")),
            &URL_SAFE_NO_PAD.encode(format!("{ours}|001700000000123#not-a-session")),
            &URL_SAFE_NO_PAD.encode(format!("{ours}001700000000123#{session}")),
        ] {
            assert!(
                matches!(
                    decode_session_cursor(garbage, &account, &ours),
                    Err(StoreError::InvalidCursor)
                ),
                "{garbage:?} was accepted"
            );
        }
    }

    #[test]
    fn a_session_round_trips_and_is_in_gsi2_only_with_messages_and_no_sent_summary() {
        let (account, visitor, agent, _) = ids();
        let mut session = Session::new(account, agent, visitor, crate::domain::now());
        session.profile_id = Some("profile-1".to_owned());
        session.title = Some("Do you fit heat pumps?".to_owned());
        session.handoff_requested_at = Some(crate::domain::now());
        session.flags.not_helpful = true;
        session.flags.extractive = true;
        let fresh = session_item(&session, None);
        assert_eq!(session_from_item(&fresh).expect("valid"), session);
        assert!(fresh.contains_key("gsi2pk") && !fresh.contains_key("gsi2sk"));

        session.message_count = 2;
        let awaiting = session_item(&session, None);
        assert_eq!(
            awaiting.get("gsi2sk"),
            Some(&millis(session.last_active_at))
        );
        assert!(awaiting.contains_key("gsi2pk"));

        session.summary_status = SummaryStatus::Sent;
        assert!(!session_item(&session, None).contains_key("gsi2pk"));
    }
}
