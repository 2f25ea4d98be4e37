//! Retention: every conversation and profile item carries an expiry (DynamoDB's `ttl`, the
//! embedded store's `expires_at`) of its last write plus its account's `retention.days`;
//! an expired item is gone for every read before anything deletes it, and the embedded
//! store's sweep deletes it. Items are written with times in the past, so their expiry has
//! passed by the real clock the reads use.

use std::sync::Arc;

use anyhow::{Context as _, ensure};
use aws_sdk_dynamodb::types::AttributeValue;
use chrono::{DateTime, Duration, Utc};
use salient_core::AppState;
use salient_core::config::Catalog;
use salient_core::domain::{
    AccountId, AgentId, EmailAddress, EmailHash, EmailTrigger, LlmOutcome, LlmRequest,
    LlmRequestId, Message, MessageId, OtpChallenge, OtpKey, OtpPurpose, ProfileId, Retention, Role,
    Session, SessionId, VisitorId, VisitorProfile, now,
};
use salient_core::ports::crm::RateHit;
use salient_core::ports::{HistoryQuery, Order, Store, StoreError};
use salient_tests::app::{AppOptions, Backend, TestApp, config_dir, setting, spawn_app_with};
use salient_tests::backends::{FreshStorage, with_fresh_storage};
use salient_tests::conformance::{EmbeddedFile, StoreFactory};
use salient_tests::dynamodb_local::{self as local, FreshTable};

const DAY_SECS: i64 = 86_400;

fn account(raw: &str) -> AccountId {
    AccountId::parse(raw).expect("valid account id")
}

fn sales() -> AgentId {
    AgentId::parse("sales").expect("valid agent id")
}

/// A stored item, by its place in either backend.
#[derive(Debug, Clone, Copy)]
enum Stored<'a> {
    Session(&'a AccountId, &'a SessionId),
    Message(&'a AccountId, &'a SessionId, &'a MessageId),
    LlmRequest(&'a AccountId, &'a SessionId, &'a LlmRequestId),
    EmailEvent(&'a AccountId, &'a SessionId, EmailTrigger),
    Profile(&'a AccountId, &'a ProfileId),
    ProfileSession(&'a AccountId, &'a ProfileId, &'a SessionId),
    VisitorLink(&'a AccountId, &'a VisitorId),
    EmailClaim(&'a AccountId, &'a EmailHash),
    EmailMention(&'a AccountId, &'a EmailHash, &'a ProfileId),
}

impl Stored<'_> {
    /// The item's DynamoDB key (see docs/data-model.md).
    fn dynamodb_key(self) -> (String, String) {
        match self {
            Self::Session(a, s) => (format!("A#{a}#S#{s}"), "SESSION".to_owned()),
            Self::Message(a, s, m) => (format!("A#{a}#S#{s}"), format!("M#{m}")),
            Self::LlmRequest(a, s, l) => (format!("A#{a}#S#{s}"), format!("L#{l}")),
            Self::EmailEvent(a, s, t) => (format!("A#{a}#S#{s}"), format!("EV#{}", t.as_str())),
            Self::Profile(a, p) => (format!("A#{a}#P#{p}"), "PROFILE".to_owned()),
            Self::ProfileSession(a, p, s) => (format!("A#{a}#P#{p}"), format!("S#{s}")),
            Self::VisitorLink(a, v) => (format!("A#{a}#V#{v}"), "PROFILE".to_owned()),
            Self::EmailClaim(a, e) => (format!("A#{a}#E#{}", e.as_str()), "EMAIL".to_owned()),
            Self::EmailMention(a, e, p) => {
                (format!("A#{a}#E#{}", e.as_str()), format!("MENTION#{p}"))
            }
        }
    }

    /// The item's SQLite row: a query of its `expires_at` and the query's parameters.
    fn sqlite_row(self) -> (&'static str, Vec<String>) {
        let text = |values: &[&dyn ToString]| values.iter().map(|v| v.to_string()).collect();
        match self {
            Self::Session(a, s) => (
                "SELECT expires_at FROM sessions WHERE account = ?1 AND id = ?2",
                text(&[a, s]),
            ),
            Self::Message(a, s, m) => (
                "SELECT expires_at FROM messages WHERE account = ?1 AND session = ?2 AND id = ?3",
                text(&[a, s, m]),
            ),
            Self::LlmRequest(a, s, l) => (
                "SELECT expires_at FROM llm_requests WHERE account = ?1 AND session = ?2 AND id = ?3",
                text(&[a, s, l]),
            ),
            Self::EmailEvent(a, s, t) => (
                "SELECT expires_at FROM email_events WHERE account = ?1 AND session = ?2 AND trigger = ?3",
                text(&[a, s, &t.as_str()]),
            ),
            Self::Profile(a, p) => (
                "SELECT expires_at FROM profiles WHERE account = ?1 AND id = ?2",
                text(&[a, p]),
            ),
            Self::ProfileSession(a, p, s) => (
                "SELECT expires_at FROM profile_sessions WHERE account = ?1 AND profile = ?2 AND session = ?3",
                text(&[a, p, s]),
            ),
            Self::VisitorLink(a, v) => (
                "SELECT expires_at FROM visitor_profiles WHERE account = ?1 AND visitor = ?2",
                text(&[a, v]),
            ),
            Self::EmailClaim(a, e) => (
                "SELECT expires_at FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                text(&[a, &e.as_str()]),
            ),
            Self::EmailMention(a, e, p) => (
                "SELECT expires_at FROM email_mentions WHERE account = ?1 AND email_hash = ?2 AND profile = ?3",
                text(&[a, &e.as_str(), p]),
            ),
        }
    }
}

/// What the backend holds for an item, read past the store: `None` when there is no such
/// item, `Some(None)` when it never expires, `Some(Some(secs))` its expiry in epoch seconds.
async fn raw_expiry(
    storage: &FreshStorage,
    item: Stored<'_>,
) -> anyhow::Result<Option<Option<i64>>> {
    match storage {
        FreshStorage::Embedded(file) => {
            let conn = rusqlite::Connection::open(file.path())?;
            let (query, params) = item.sqlite_row();
            let mut statement = conn.prepare(query)?;
            let mut rows = statement.query(rusqlite::params_from_iter(params))?;
            Ok(match rows.next()? {
                None => None,
                Some(row) => {
                    let ms: Option<i64> = row.get(0)?;
                    Some(ms.map(|ms| ms.div_euclid(1000)))
                }
            })
        }
        FreshStorage::Dynamodb(table) => {
            let (pk, sk) = item.dynamodb_key();
            dynamodb_ttl(table, pk, sk).await
        }
    }
}

/// The `ttl` of the DynamoDB item `(pk, sk)`, read with the SDK (see [`raw_expiry`]).
async fn dynamodb_ttl(
    table: &FreshTable,
    pk: String,
    sk: String,
) -> anyhow::Result<Option<Option<i64>>> {
    let output = local::client(table.endpoint())
        .get_item()
        .table_name(table.table())
        .key("pk", AttributeValue::S(pk))
        .key("sk", AttributeValue::S(sk))
        .consistent_read(true)
        .send()
        .await
        .context("reading an item of the test table")?;
    let Some(item) = output.item else {
        return Ok(None);
    };
    Ok(Some(match item.get("ttl") {
        None => None,
        Some(AttributeValue::N(secs)) => Some(secs.parse()?),
        Some(other) => anyhow::bail!("ttl is not a number: {other:?}"),
    }))
}

/// The expiry `days` after `at`, in epoch seconds, as the stores write it.
fn expiry_secs(at: DateTime<Utc>, days: i64) -> i64 {
    (at + Duration::days(days)).timestamp()
}

/// A session of `account` created at `at` (its visitor new), holding one visitor message
/// written a minute later and one LLM request record.
async fn conversation_at(
    store: &dyn Store,
    account: &AccountId,
    at: DateTime<Utc>,
) -> anyhow::Result<(Session, Message, LlmRequest)> {
    let session = Session::new(account.clone(), sales(), VisitorId::generate(), at);
    store.create_session(&session).await?;
    let message = Message::new(
        Role::User,
        "Do you fit heat pumps?",
        at + Duration::minutes(1),
    );
    store.append_message(account, &session.id, &message).await?;
    let record = LlmRequest {
        id: LlmRequestId::generate(),
        session: session.id.clone(),
        message: None,
        model: "test/model".to_owned(),
        prompt_tokens: 10,
        completion_tokens: 5,
        cost_usd: None,
        latency_ms: 200,
        outcome: LlmOutcome::Ok,
        error: None,
        created_at: at + Duration::minutes(1),
    };
    store.record_llm_request(account, &record).await?;
    Ok((session, message, record))
}

/// Whether every read of the store finds the session, its history, records and events.
async fn readable(store: &dyn Store, session: &Session) -> anyhow::Result<bool> {
    let account = &session.account;
    let found = match store.get_session(account, &session.id).await {
        Ok(_) => true,
        Err(StoreError::NotFound("session")) => false,
        Err(other) => return Err(other.into()),
    };
    let listed = store
        .list_sessions(account, &session.visitor, &session.agent, None, 10)
        .await?
        .items
        .iter()
        .any(|s| s.id == session.id);
    let history = match store
        .history(
            account,
            &session.id,
            &HistoryQuery::first(Order::OldestFirst, 10),
        )
        .await
    {
        Ok(page) => !page.items.is_empty(),
        Err(StoreError::NotFound("session")) => false,
        Err(other) => return Err(other.into()),
    };
    let records = !store.llm_requests(account, &session.id).await?.is_empty();
    ensure!(
        [listed, history, records].iter().all(|seen| *seen == found),
        "the reads disagree about {}: get {found}, listed {listed}, history {history}, records {records}",
        session.id
    );
    Ok(found)
}

// ---------------------------------------------------------------------------------------
// On both backends.

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| with_fresh_storage(Backend::Embedded, case).await,
    dynamodb: |case| with_fresh_storage(Backend::Dynamodb, case).await;
    {
        a_session_past_its_retention_is_gone_for_every_read,
        every_item_carries_its_last_write_plus_the_retention,
        an_account_with_a_longer_retention_keeps_its_data,
        a_profile_past_its_retention_is_gone_and_its_address_can_be_claimed_again,
        a_turn_stores_every_item_with_the_configured_retention,
    }
}

async fn a_session_past_its_retention_is_gone_for_every_read(
    storage: &FreshStorage,
) -> anyhow::Result<()> {
    let store = storage.factory().open_with_retention(Retention::days(30))?;
    let acme = account("acme");
    let (old, _, _) = conversation_at(&*store, &acme, now() - Duration::days(40)).await?;
    let (fresh, _, _) = conversation_at(&*store, &acme, now() - Duration::days(20)).await?;
    store
        .claim_email_send(
            &acme,
            &old.id,
            EmailTrigger::Widget,
            now() - Duration::days(40),
            now() - Duration::days(41),
            3,
        )
        .await?;

    assert!(
        !readable(&*store, &old).await?,
        "the expired session is still read"
    );
    assert!(readable(&*store, &fresh).await?, "the live session is gone");
    assert!(store.email_events(&acme, &old.id).await?.is_empty());
    // Not summarised either.
    let idle = store.idle_sessions(&acme, now(), 10).await?;
    assert_eq!(
        idle.iter().map(|s| &s.id).collect::<Vec<_>>(),
        vec![&fresh.id]
    );
    // Still stored: only a sweep (or DynamoDB's TTL, within days) deletes it.
    assert!(
        raw_expiry(storage, Stored::Session(&acme, &old.id))
            .await?
            .is_some()
    );
    Ok(())
}

async fn every_item_carries_its_last_write_plus_the_retention(
    storage: &FreshStorage,
) -> anyhow::Result<()> {
    let store = storage.factory().open_with_retention(Retention::days(30))?;
    let acme = account("acme");
    let start = now() - Duration::days(10);
    let (session, first, record) = conversation_at(&*store, &acme, start).await?;
    store
        .claim_email_send(
            &acme,
            &session.id,
            EmailTrigger::Widget,
            start + Duration::minutes(2),
            start,
            3,
        )
        .await?;
    let mut profile = VisitorProfile::new(start);
    profile.updated_at = start + Duration::minutes(3);
    profile.email = Some(EmailAddress::parse("ann@example.com")?);
    let hash = EmailHash::of(profile.email.as_ref().context("an address")?);
    store.put_profile(&acme, &profile).await?;
    let linked_at = now();
    store.link_session(&acme, &profile.id, &session.id).await?;
    store
        .link_visitor(&acme, &session.visitor, &profile.id)
        .await?;
    store.claim_email(&acme, &hash, &profile.id).await?;
    store.mention_email(&acme, &hash, &profile.id).await?;
    // The visitor comes back five days later: the session's expiry moves with it, the first
    // message keeps its own.
    let later = Message::new(Role::User, "Back again", start + Duration::days(5));
    store.append_message(&acme, &session.id, &later).await?;

    for (item, written) in [
        (Stored::Session(&acme, &session.id), later.created_at),
        (
            Stored::Message(&acme, &session.id, &first.id),
            first.created_at,
        ),
        (
            Stored::Message(&acme, &session.id, &later.id),
            later.created_at,
        ),
        (
            Stored::LlmRequest(&acme, &session.id, &record.id),
            record.created_at,
        ),
        (
            Stored::EmailEvent(&acme, &session.id, EmailTrigger::Widget),
            start + Duration::minutes(2),
        ),
        (Stored::Profile(&acme, &profile.id), profile.updated_at),
    ] {
        let stored = raw_expiry(storage, item).await?;
        ensure!(
            stored == Some(Some(expiry_secs(written, 30))),
            "{item:?} expires at {stored:?}, not 30 days after {written}"
        );
    }
    // Links are written at the time of the call, by the store's own clock.
    for link in [
        Stored::ProfileSession(&acme, &profile.id, &session.id),
        Stored::VisitorLink(&acme, &session.visitor),
        Stored::EmailClaim(&acme, &hash),
        Stored::EmailMention(&acme, &hash, &profile.id),
    ] {
        let stored = raw_expiry(storage, link).await?.flatten();
        let earliest = expiry_secs(linked_at, 30);
        ensure!(
            stored.is_some_and(|secs| (earliest..=earliest + 60).contains(&secs)),
            "{link:?} expires at {stored:?}, not 30 days after it was written"
        );
    }
    Ok(())
}

async fn an_account_with_a_longer_retention_keeps_its_data(
    storage: &FreshStorage,
) -> anyhow::Result<()> {
    let (short, long) = (account("acme"), account("globex"));
    let store = storage
        .factory()
        .open_with_retention(Retention::days(30).with_account(long.clone(), 400))?;
    let at = now() - Duration::days(40);
    let (gone, _, _) = conversation_at(&*store, &short, at).await?;
    let (kept, _, _) = conversation_at(&*store, &long, at).await?;

    assert!(
        !readable(&*store, &gone).await?,
        "30 days are over for acme"
    );
    assert!(readable(&*store, &kept).await?, "globex keeps 400 days");
    assert_eq!(
        raw_expiry(storage, Stored::Session(&long, &kept.id)).await?,
        Some(Some(expiry_secs(at + Duration::minutes(1), 400)))
    );
    Ok(())
}

async fn a_profile_past_its_retention_is_gone_and_its_address_can_be_claimed_again(
    storage: &FreshStorage,
) -> anyhow::Result<()> {
    let store = storage.factory().open_with_retention(Retention::days(30))?;
    let acme = account("acme");
    let mut old = VisitorProfile::new(now() - Duration::days(40));
    old.email = Some(EmailAddress::parse("old@example.com")?);
    store.put_profile(&acme, &old).await?;
    assert!(matches!(
        store.get_profile(&acme, &old.id).await,
        Err(StoreError::NotFound("profile"))
    ));

    // A claim and a visitor link, stamped by the store's clock at the call, then made as
    // old as their retention.
    let hash = EmailHash::of(old.email.as_ref().context("an address")?);
    let visitor = VisitorId::generate();
    store.claim_email(&acme, &hash, &old.id).await?;
    store.link_visitor(&acme, &visitor, &old.id).await?;
    assert_eq!(store.email_owner(&acme, &hash).await?, Some(old.id.clone()));
    assert_eq!(
        store.visitor_profile(&acme, &visitor).await?,
        Some(old.id.clone())
    );
    expire_now(
        storage,
        &[
            Stored::EmailClaim(&acme, &hash),
            Stored::VisitorLink(&acme, &visitor),
        ],
    )
    .await?;

    assert_eq!(store.email_owner(&acme, &hash).await?, None);
    assert_eq!(store.visitor_profile(&acme, &visitor).await?, None);
    let newcomer = ProfileId::generate();
    assert_eq!(store.claim_email(&acme, &hash, &newcomer).await?, newcomer);
    Ok(())
}

/// Sets the expiry of `items` to the current second, straight in the backend, as if they
/// had been written a retention period ago.
async fn expire_now(storage: &FreshStorage, items: &[Stored<'_>]) -> anyhow::Result<()> {
    let at = now().timestamp();
    for item in items {
        match storage {
            FreshStorage::Embedded(file) => {
                let conn = rusqlite::Connection::open(file.path())?;
                let (select, params) = item.sqlite_row();
                let update = select
                    .replace("SELECT expires_at FROM", "UPDATE")
                    .replace(" WHERE", &format!(" SET expires_at = {} WHERE", at * 1000));
                let changed = conn.execute(&update, rusqlite::params_from_iter(params))?;
                ensure!(changed == 1, "{item:?} is not stored");
            }
            FreshStorage::Dynamodb(table) => {
                let (pk, sk) = item.dynamodb_key();
                local::client(table.endpoint())
                    .update_item()
                    .table_name(table.table())
                    .key("pk", AttributeValue::S(pk))
                    .key("sk", AttributeValue::S(sk))
                    .update_expression("SET #ttl = :ttl")
                    .condition_expression("attribute_exists(pk)")
                    .expression_attribute_names("#ttl", "ttl")
                    .expression_attribute_values(":ttl", AttributeValue::N(at.to_string()))
                    .send()
                    .await
                    .with_context(|| format!("expiring {item:?}"))?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The embedded store's sweep.

/// Rows per table of the embedded store's file.
fn row_counts(file: &EmbeddedFile) -> anyhow::Result<Vec<(&'static str, i64)>> {
    let conn = rusqlite::Connection::open(file.path())?;
    [
        "sessions",
        "messages",
        "llm_requests",
        "email_events",
        "profiles",
        "profile_sessions",
        "visitor_profiles",
        "email_claims",
        "email_mentions",
        "otp_challenges",
        "rate_counters",
        "stream_leases",
    ]
    .into_iter()
    .map(|table| {
        let count = conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
            row.get(0)
        })?;
        Ok((table, count))
    })
    .collect()
}

/// A profile of `account` updated at `at`, with every link to it: a session, a visitor,
/// its address claimed and mentioned.
async fn profile_at(
    store: &dyn Store,
    account: &AccountId,
    session: &Session,
    address: &str,
    at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let mut profile = VisitorProfile::new(at);
    profile.email = Some(EmailAddress::parse(address)?);
    let hash = EmailHash::of(profile.email.as_ref().context("an address")?);
    store.put_profile(account, &profile).await?;
    store
        .link_session(account, &profile.id, &session.id)
        .await?;
    store
        .link_visitor(account, &session.visitor, &profile.id)
        .await?;
    store.claim_email(account, &hash, &profile.id).await?;
    store.mention_email(account, &hash, &profile.id).await?;
    Ok(())
}

/// A one-time-code challenge that expired (or expires) at `expires_at`.
fn challenge(address: &str, expires_at: DateTime<Utc>) -> anyhow::Result<OtpChallenge> {
    Ok(OtpChallenge {
        key: OtpKey {
            email: EmailHash::of(&EmailAddress::parse(address)?),
            purpose: OtpPurpose::Verify,
            visitor: VisitorId::generate(),
        },
        code_hash: "0".repeat(64),
        attempts: 0,
        max_attempts: 5,
        expires_at,
        created_at: expires_at - Duration::minutes(10),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_sweep_deletes_expired_rows_and_keeps_fresh_ones() -> anyhow::Result<()> {
    let file = EmbeddedFile::new()?;
    let acme = account("acme");
    let days = |n: i64| now() - Duration::days(n);
    // Data written 40 days ago, through a store that keeps 30 days: its rows are past their
    // expiry, but the links (stamped by the clock at the call) are not.
    let store = file.open_with_retention(Retention::days(30))?;
    let (old, _, _) = conversation_at(&*store, &acme, days(40)).await?;
    store
        .claim_email_send(&acme, &old.id, EmailTrigger::Widget, days(40), days(41), 3)
        .await?;
    let (fresh, _, _) = conversation_at(&*store, &acme, days(1)).await?;
    store
        .claim_email_send(&acme, &fresh.id, EmailTrigger::Widget, days(1), days(2), 3)
        .await?;
    profile_at(&*store, &acme, &old, "old@example.com", days(40)).await?;
    profile_at(&*store, &acme, &fresh, "fresh@example.com", days(1)).await?;
    // Codes: one a day past its expiry (gone), one expired an hour ago (kept a day, so a
    // late answer still reads "expired"). Counters and leases past their own expiry go.
    store
        .put_otp(&acme, &challenge("a@example.com", days(2))?)
        .await?;
    store
        .put_otp(
            &acme,
            &challenge("b@example.com", now() - Duration::hours(1))?,
        )
        .await?;
    store
        .hit_rates(
            &acme,
            &[
                RateHit {
                    subject: "turn:visitor:old".to_owned(),
                    window_start: days(1),
                    window_secs: 60,
                    limit: 5,
                },
                RateHit {
                    subject: "turn:visitor:new".to_owned(),
                    window_start: now() - Duration::seconds(10),
                    window_secs: 3600,
                    limit: 5,
                },
            ],
        )
        .await?;
    store
        .acquire_lease(
            &acme,
            "stream:visitor:old",
            1,
            "holder",
            days(1),
            days(1) + Duration::minutes(5),
        )
        .await?;
    drop(store);
    // The links of the old profile are written "now"; make them as old as the profile.
    let conn = rusqlite::Connection::open(file.path())?;
    let old_profile: String = conn.query_row(
        "SELECT profile FROM profile_sessions WHERE session = ?1",
        [old.id.as_str()],
        |row| row.get(0),
    )?;
    for table in [
        "profile_sessions",
        "visitor_profiles",
        "email_claims",
        "email_mentions",
    ] {
        conn.execute(
            &format!("UPDATE {table} SET expires_at = ?1 WHERE profile = ?2"),
            rusqlite::params![(days(10)).timestamp_millis(), old_profile],
        )?;
    }
    drop(conn);

    let before = row_counts(&file)?;
    let store = file.open_with_retention(Retention::days(30))?;
    let deleted = store.delete_expired(now()).await?;
    let after = row_counts(&file)?;

    let expected_after = [
        ("sessions", 1),
        ("messages", 1),
        ("llm_requests", 1),
        ("email_events", 1),
        ("profiles", 1),
        ("profile_sessions", 1),
        ("visitor_profiles", 1),
        ("email_claims", 1),
        ("email_mentions", 1),
        ("otp_challenges", 1),
        ("rate_counters", 1),
        ("stream_leases", 0),
    ];
    assert_eq!(after, expected_after, "before the sweep: {before:?}");
    let removed: i64 =
        before.iter().map(|(_, n)| n).sum::<i64>() - after.iter().map(|(_, n)| n).sum::<i64>();
    assert_eq!(deleted, u64::try_from(removed)?);
    // What is left is the fresh data, readable.
    assert!(readable(&*store, &fresh).await?);
    assert!(!readable(&*store, &old).await?);
    // A second sweep finds nothing more.
    assert_eq!(store.delete_expired(now()).await?, 0);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Configuration to storage.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_composition_root_opens_the_store_with_each_accounts_retention() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("salient.db");
    let catalog = Catalog::load(
        &config_dir(),
        &[
            setting("storage.backend", "embedded"),
            setting("storage.path", &path.display().to_string()),
            setting(
                "knowledge.vector_store.path",
                &dir.path().join("vectors.db").display().to_string(),
            ),
            setting("retention.days", "7"),
        ],
    )?;
    let state = AppState::from_catalog(catalog).await?;
    let northwind = account("northwind-heating");
    let session = salient_core::sessions::open_session(
        state.store.as_ref(),
        northwind.clone(),
        sales(),
        VisitorId::generate(),
    )
    .await?;
    drop(state);
    let conn = rusqlite::Connection::open(&path)?;
    let expires_at: Option<i64> = conn.query_row(
        "SELECT expires_at FROM sessions WHERE account = ?1 AND id = ?2",
        [northwind.as_str(), session.id.as_str()],
        |row| row.get(0),
    )?;
    assert_eq!(
        expires_at,
        Some(expiry_secs(session.last_active_at, 7) * 1000),
        "the store was not opened with retention.days"
    );
    Ok(())
}

/// The app with `retention.days: 7` over `storage`.
async fn app_keeping_a_week(storage: &FreshStorage) -> anyhow::Result<TestApp> {
    let (backend, stores): (Backend, Arc<dyn StoreFactory>) = match storage {
        FreshStorage::Embedded(file) => {
            (Backend::Embedded, Arc::new(EmbeddedFile::at(file.path())))
        }
        FreshStorage::Dynamodb(table) => (
            Backend::Dynamodb,
            Arc::new(FreshTable::existing(table.endpoint(), table.table())),
        ),
    };
    spawn_app_with(AppOptions {
        backend,
        stores: Some(stores),
        overrides: vec![setting("retention.days", "7")],
        ..AppOptions::default()
    })
    .await
}

async fn a_turn_stores_every_item_with_the_configured_retention(
    storage: &FreshStorage,
) -> anyhow::Result<()> {
    let app = app_keeping_a_week(storage).await?;
    let before = now();
    let session = app.new_session("northwind-heating", "sales").await?;
    app.turn(&session, "Do you fit heat pumps in Leeds?")
        .await?;
    let after = now();

    let northwind = account("northwind-heating");
    let id = SessionId::parse(&session.id)?;
    let messages = app.history(&session).await?;
    ensure!(messages.len() == 2, "{messages:?}");
    let records = app.llm_requests(&session).await?;
    ensure!(!records.is_empty(), "no LLM request recorded");
    let window = expiry_secs(before, 7)..=expiry_secs(after, 7);
    let mut items = vec![Stored::Session(&northwind, &id)];
    let message_ids = messages
        .iter()
        .map(|m| MessageId::parse(m["id"].as_str().unwrap_or_default()))
        .collect::<Result<Vec<_>, _>>()?;
    items.extend(
        message_ids
            .iter()
            .map(|m| Stored::Message(&northwind, &id, m)),
    );
    items.extend(
        records
            .iter()
            .map(|r| Stored::LlmRequest(&northwind, &id, &r.id)),
    );
    for item in items {
        let stored = raw_expiry(storage, item).await?.flatten();
        ensure!(
            stored.is_some_and(|secs| window.contains(&secs)),
            "{item:?} expires at {stored:?}, not a week after it was written ({window:?})"
        );
    }
    Ok(())
}

/// One-time codes, rate counters and stream leases expire on their own clocks on DynamoDB,
/// whatever the retention (a store that keeps everything still stamps them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn codes_counters_and_leases_carry_their_own_ttl_on_dynamodb() -> anyhow::Result<()> {
    with_fresh_storage(Backend::Dynamodb, async |storage| {
        let FreshStorage::Dynamodb(table) = storage else {
            anyhow::bail!("not a DynamoDB table");
        };
        let store = storage
            .factory()
            .open_with_retention(Retention::forever())?;
        let acme = account("acme");
        let expires = DateTime::from_timestamp(now().timestamp() + 600, 0).context("a time")?;
        let code = challenge("code@example.com", expires)?;
        store.put_otp(&acme, &code).await?;
        let window_start =
            DateTime::from_timestamp(now().timestamp() / 60 * 60, 0).context("a time")?;
        store
            .hit_rate(&acme, "turn:visitor:abc", window_start, 60, 5)
            .await?;
        store
            .acquire_lease(&acme, "stream:visitor:abc", 1, "holder", now(), expires)
            .await?;

        let ttl = |pk: String, sk: String| dynamodb_ttl(table, pk, sk);
        assert_eq!(
            ttl(
                format!("A#acme#E#{}", code.key.email.as_str()),
                format!("OTP#verify#{}", code.key.visitor),
            )
            .await?,
            Some(Some(expires.timestamp() + DAY_SECS)),
            "a challenge is kept a day past its expiry"
        );
        assert_eq!(
            ttl(
                "A#acme#R#turn:visitor:abc".to_owned(),
                format!("W#{:07}#{:015}", 60, window_start.timestamp_millis()),
            )
            .await?,
            Some(Some(window_start.timestamp() + 120)),
            "a counter goes two windows after its window starts"
        );
        assert_eq!(
            ttl("A#acme#R#stream:visitor:abc".to_owned(), "L#000".to_owned()).await?,
            Some(Some(expires.timestamp())),
            "a lease goes at its expiry"
        );
        Ok(())
    })
    .await
}
