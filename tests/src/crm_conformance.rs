//! The CRM storage conformance suite (profiles, OTP challenges, rate counters, email
//! events, erasure), run against both adapters by `tests/tests/integration/crm_storage.rs`,
//! so the embedded store and the DynamoDB store keep one meaning.

use std::sync::Arc;

use anyhow::ensure;
use chrono::{DateTime, Duration, Utc};
use salient_core::domain::{
    AccountId, AgentId, EmailAddress, LlmOutcome, LlmRequest, LlmRequestId, Message, Role, Session,
    SessionId, SummaryStatus, VisitorId, now,
};
use salient_core::ports::crm::{
    EmailEvent, EmailHash, EmailStatus, EmailTrigger, OtpChallenge, OtpFailure, OtpKey, OtpPurpose,
    ProfileId, RateHit, SendClaim, VisitorProfile,
};
use salient_core::ports::{Store, StoreError};

use crate::conformance::StoreFactory;

fn account(slug: &str) -> AccountId {
    AccountId::parse(slug).expect("a valid account slug")
}

fn email(raw: &str) -> EmailAddress {
    EmailAddress::parse(raw).expect("a valid address")
}

async fn session_with_messages(
    store: &dyn Store,
    account: &AccountId,
    messages: usize,
    at: DateTime<Utc>,
) -> anyhow::Result<Session> {
    let session = Session::new(
        account.clone(),
        AgentId::parse("sales")?,
        VisitorId::generate(),
        at,
    );
    store.create_session(&session).await?;
    for i in 0..messages {
        let message = Message::new(Role::User, format!("message {i}"), at);
        store.append_message(account, &session.id, &message).await?;
    }
    Ok(store.get_session(account, &session.id).await?)
}

fn challenge(visitor: &VisitorId, address: &str, expires_in_secs: i64) -> OtpChallenge {
    OtpChallenge {
        key: OtpKey {
            email: EmailHash::of(&email(address)),
            purpose: OtpPurpose::Verify,
            visitor: visitor.clone(),
        },
        code_hash: "a".repeat(64),
        attempts: 0,
        max_attempts: 3,
        expires_at: now() + Duration::seconds(expires_in_secs),
        created_at: now(),
    }
}

/// What a case starts with: a store handle, and two accounts that must not see each other.
struct Case {
    store: Arc<dyn Store>,
    acme: AccountId,
    other: AccountId,
}

impl Case {
    fn open(factory: &dyn StoreFactory) -> anyhow::Result<Self> {
        Ok(Self {
            store: factory.open()?,
            acme: account("acme"),
            other: account("other"),
        })
    }
}

/// Claims the inactivity summary of `session` at `at`, as the sweep does: a `sending` claim
/// older than ten minutes is stale, and three attempts are allowed.
async fn claim_inactivity(
    store: &dyn Store,
    account: &AccountId,
    session: &SessionId,
    at: DateTime<Utc>,
) -> Result<SendClaim, StoreError> {
    store
        .claim_email_send(
            account,
            session,
            EmailTrigger::Inactivity,
            at,
            at - Duration::minutes(10),
            3,
        )
        .await
}

/// A profile reads back equal; links to sessions and visitors list both ways; another
/// account sees none of it.
pub async fn profiles_round_trip_and_link_sessions_and_visitors(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let session = session_with_messages(&*store, &acme, 1, now()).await?;
    let mut profile = VisitorProfile::new(now());
    profile.name = Some("Ann Lee".to_owned());
    profile.email = Some(email("ann@example.com"));
    profile.phone = Some("+44 113 496 0000".to_owned());
    profile.company = Some("Lee Bakery".to_owned());
    profile.interests = vec!["heat pumps".to_owned(), "solar panels".to_owned()];
    profile.verified_at = Some(now());
    store.put_profile(&acme, &profile).await?;
    assert_eq!(store.get_profile(&acme, &profile.id).await?, profile);
    assert!(matches!(
        store.get_profile(&other, &profile.id).await,
        Err(StoreError::NotFound("profile"))
    ));

    store.link_session(&acme, &profile.id, &session.id).await?;
    let linked = store.get_session(&acme, &session.id).await?;
    assert_eq!(linked.profile_id.as_deref(), Some(profile.id.as_str()));
    assert_eq!(
        store.profile_sessions(&acme, &profile.id).await?,
        vec![session.id.clone()]
    );
    let ghost = SessionId::generate();
    assert!(matches!(
        store.link_session(&acme, &profile.id, &ghost).await,
        Err(StoreError::NotFound("session"))
    ));
    assert!(matches!(
        store.link_session(&other, &profile.id, &session.id).await,
        Err(StoreError::NotFound("session"))
    ));

    store
        .link_visitor(&acme, &session.visitor, &profile.id)
        .await?;
    assert_eq!(
        store.visitor_profile(&acme, &session.visitor).await?,
        Some(profile.id.clone())
    );
    assert_eq!(store.visitor_profile(&other, &session.visitor).await?, None);
    assert_eq!(
        store.profile_visitors(&acme, &profile.id).await?,
        vec![session.visitor.clone()]
    );

    let hash = EmailHash::of(&email("ann@example.com"));
    store.mention_email(&acme, &hash, &profile.id).await?;
    assert_eq!(
        store.email_mentions(&acme, &hash).await?,
        vec![profile.id.clone()]
    );
    assert!(store.email_mentions(&other, &hash).await?.is_empty());
    Ok(())
}

/// Of many concurrent claims of one address, one profile wins and everyone is told it.
pub async fn an_email_claim_is_won_once(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let hash = EmailHash::of(&email("Bob@Example.com"));
    assert_eq!(
        hash,
        EmailHash::of(&email("bob@example.com")),
        "case does not split a mailbox"
    );
    let contenders: Vec<ProfileId> = (0..8).map(|_| ProfileId::generate()).collect();
    let claims = futures::future::join_all(contenders.iter().map(|p| {
        let store = Arc::clone(&store);
        let (acme, hash, p) = (acme.clone(), hash.clone(), p.clone());
        async move { store.claim_email(&acme, &hash, &p).await }
    }))
    .await;
    let owners: Vec<ProfileId> = claims.into_iter().collect::<Result<_, _>>()?;
    let winner = owners[0].clone();
    ensure!(
        owners.iter().all(|o| *o == winner),
        "claims disagree: {owners:?}"
    );
    ensure!(contenders.contains(&winner));
    assert_eq!(store.email_owner(&acme, &hash).await?, Some(winner));
    assert_eq!(store.email_owner(&other, &hash).await?, None);
    Ok(())
}

/// Wrong answers count up to the maximum, then the challenge is dead; a right hash
/// consumes it once; an expired challenge takes no answer; keys are per account.
pub async fn otp_challenges_count_attempts_expire_and_consume_once(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let visitor = VisitorId::generate();
    let live = challenge(&visitor, "ann@example.com", 600);
    store.put_otp(&acme, &live).await?;
    assert_eq!(store.get_otp(&acme, &live.key).await?, Some(live.clone()));
    assert_eq!(store.get_otp(&other, &live.key).await?, None);

    assert_eq!(
        store.fail_otp(&acme, &live.key, now()).await?,
        OtpFailure::Counted(1)
    );
    assert!(
        !store
            .consume_otp(&acme, &live.key, &"b".repeat(64), now())
            .await?,
        "a wrong hash consumed the challenge"
    );
    assert!(
        !store
            .consume_otp(&other, &live.key, &live.code_hash, now())
            .await?,
        "another account consumed the challenge"
    );
    assert!(
        store
            .consume_otp(&acme, &live.key, &live.code_hash, now())
            .await?
    );
    assert!(
        !store
            .consume_otp(&acme, &live.key, &live.code_hash, now())
            .await?,
        "a code was consumed twice"
    );
    assert_eq!(store.get_otp(&acme, &live.key).await?, None);

    let dying = challenge(&visitor, "bob@example.com", 600);
    store.put_otp(&acme, &dying).await?;
    for expected in 1..=3 {
        assert_eq!(
            store.fail_otp(&acme, &dying.key, now()).await?,
            OtpFailure::Counted(expected)
        );
    }
    assert_eq!(
        store.fail_otp(&acme, &dying.key, now()).await?,
        OtpFailure::NoLiveChallenge
    );
    assert!(
        !store
            .consume_otp(&acme, &dying.key, &dying.code_hash, now())
            .await?,
        "a dead challenge was consumed"
    );

    let expired = challenge(&visitor, "cy@example.com", -1);
    store.put_otp(&acme, &expired).await?;
    assert_eq!(
        store.fail_otp(&acme, &expired.key, now()).await?,
        OtpFailure::NoLiveChallenge
    );
    assert!(
        !store
            .consume_otp(&acme, &expired.key, &expired.code_hash, now())
            .await?,
        "an expired challenge was consumed"
    );

    // A new challenge replaces the old one, attempts reset.
    let fresh = challenge(&visitor, "bob@example.com", 600);
    store.put_otp(&acme, &fresh).await?;
    assert_eq!(
        store.get_otp(&acme, &fresh.key).await?.map(|c| c.attempts),
        Some(0)
    );
    Ok(())
}

/// A fixed window counts to its limit and refuses after, under concurrency too; windows
/// and accounts count apart.
pub async fn rate_counters_allow_the_limit_then_refuse(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let window = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_else(now);
    let hits = futures::future::join_all((0..12).map(|_| {
        let store = Arc::clone(&store);
        let acme = acme.clone();
        async move { store.hit_rate(&acme, "otp:ip:abc", window, 3600, 5).await }
    }))
    .await;
    let allowed = hits
        .into_iter()
        .collect::<Result<Vec<bool>, _>>()?
        .into_iter()
        .filter(|ok| *ok)
        .count();
    assert_eq!(allowed, 5, "12 concurrent hits on a limit of 5");
    assert!(!store.hit_rate(&acme, "otp:ip:abc", window, 3600, 5).await?);
    let next = window + Duration::seconds(3600);
    assert!(store.hit_rate(&acme, "otp:ip:abc", next, 3600, 5).await?);
    assert!(
        store
            .hit_rate(&other, "otp:ip:abc", window, 3600, 5)
            .await?
    );
    assert!(store.hit_rate(&acme, "otp:ip:def", window, 3600, 5).await?);
    Ok(())
}

/// Windows of different lengths that start at the same instant count apart; a batch of
/// hits stops at the first refusal and leaves the later windows uncounted.
pub async fn rate_windows_count_apart_and_batches_stop_at_a_refusal(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, .. } = Case::open(factory)?;
    let start = DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_else(now);
    assert!(
        store
            .hit_rate(&acme, "turn:visitor:x", start, 60, 1)
            .await?
    );
    assert!(
        !store
            .hit_rate(&acme, "turn:visitor:x", start, 60, 1)
            .await?
    );
    assert!(
        store
            .hit_rate(&acme, "turn:visitor:x", start, 3600, 1)
            .await?
    );
    let hit = |subject: &str, limit: u32| RateHit {
        subject: subject.to_owned(),
        window_start: start,
        window_secs: 120,
        limit,
    };
    let batch = [hit("a", 5), hit("b", 1), hit("c", 5)];
    assert_eq!(store.hit_rates(&acme, &batch).await?, None);
    assert_eq!(store.hit_rates(&acme, &batch).await?, Some(1));
    // "a" counted twice, "c" once: the refused batch stopped before it.
    assert!(store.hit_rate(&acme, "a", start, 120, 3).await?);
    assert!(!store.hit_rate(&acme, "a", start, 120, 3).await?);
    assert!(store.hit_rate(&acme, "c", start, 120, 2).await?);
    assert!(!store.hit_rate(&acme, "c", start, 120, 2).await?);
    Ok(())
}

/// A stream's leases are taken together or not at all: when one subject is full, the
/// leases taken before it in the same call are given back; releasing them frees every slot.
pub async fn a_streams_leases_are_taken_all_or_none(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, .. } = Case::open(factory)?;
    let at = now();
    let until = at + Duration::seconds(60);
    let pair = |a: &str, b: &str| vec![(a.to_owned(), 1), (b.to_owned(), 2)];
    let first = store
        .acquire_leases(&acme, &pair("session:s1", "visitor:v"), "h1", at, until)
        .await?;
    anyhow::ensure!(first == Ok(vec![0, 0]), "{first:?}");
    // The same session again: refused at its subject (index 0), nothing taken.
    let again = store
        .acquire_leases(&acme, &pair("session:s1", "visitor:v"), "h2", at, until)
        .await?;
    anyhow::ensure!(again == Err(0), "{again:?}");
    // A second session of the same visitor takes the visitor's second slot.
    let second = store
        .acquire_leases(&acme, &pair("session:s2", "visitor:v"), "h3", at, until)
        .await?;
    anyhow::ensure!(second == Ok(vec![0, 1]), "{second:?}");
    // A third session: its own lease is free but the visitor is full, so it keeps none.
    let third = store
        .acquire_leases(&acme, &pair("session:s3", "visitor:v"), "h4", at, until)
        .await?;
    anyhow::ensure!(third == Err(1), "{third:?}");
    anyhow::ensure!(
        store
            .acquire_lease(&acme, "session:s3", 1, "h5", at, until)
            .await?
            == Some(0),
        "the refused call left session:s3 held"
    );
    // Giving h1's leases back frees both of its slots.
    store
        .release_leases(
            &acme,
            &[("session:s1".to_owned(), 0), ("visitor:v".to_owned(), 0)],
            "h1",
        )
        .await?;
    let fourth = store
        .acquire_leases(&acme, &pair("session:s1", "visitor:v"), "h6", at, until)
        .await?;
    anyhow::ensure!(fourth == Ok(vec![0, 0]), "{fourth:?}");
    Ok(())
}

/// Of many concurrent takers of a subject's leases exactly `slots` win; a released slot
/// and an expired lease are taken again; releasing another holder's lease does nothing.
pub async fn stream_leases_are_taken_once_released_and_expire(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let at = now();
    let until = at + Duration::seconds(60);
    let takers = futures::future::join_all((0..10).map(|i| {
        let store = Arc::clone(&store);
        let acme = acme.clone();
        async move {
            store
                .acquire_lease(&acme, "stream:session:s", 2, &format!("h{i}"), at, until)
                .await
                .map(|slot| slot.map(|slot| (slot, format!("h{i}"))))
        }
    }))
    .await;
    let won: Vec<(u32, String)> = takers
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    assert_eq!(won.len(), 2, "10 concurrent takers of 2 slots: {won:?}");
    let (slot, holder) = won[0].clone();
    store
        .release_lease(&acme, "stream:session:s", slot, "someone-else")
        .await?;
    assert_eq!(
        store
            .acquire_lease(&acme, "stream:session:s", 2, "late", at, until)
            .await?,
        None
    );
    store
        .release_lease(&acme, "stream:session:s", slot, &holder)
        .await?;
    assert_eq!(
        store
            .acquire_lease(&acme, "stream:session:s", 2, "next", at, until)
            .await?,
        Some(slot)
    );
    // Another account's subject of the same name is free.
    assert!(
        store
            .acquire_lease(&other, "stream:session:s", 1, "other", at, until)
            .await?
            .is_some()
    );
    // Once the leases expire they are taken without being released.
    let later = until + Duration::seconds(1);
    assert!(
        store
            .acquire_lease(
                &acme,
                "stream:session:s",
                2,
                "after",
                later,
                later + Duration::seconds(60)
            )
            .await?
            .is_some()
    );
    Ok(())
}

/// Of many concurrent claims of one (session, trigger), exactly one wins; a sent event is
/// never claimed again; a failed one is, until the attempts run out; a stale `sending`
/// claim is taken over; another trigger is its own event.
pub async fn an_email_send_is_claimed_once(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let Case { store, acme, .. } = Case::open(factory)?;
    let session = session_with_messages(&*store, &acme, 2, now()).await?;
    let t0 = now();
    let claims = futures::future::join_all((0..10).map(|_| {
        let store = Arc::clone(&store);
        let (acme, id) = (acme.clone(), session.id.clone());
        async move { claim_inactivity(&*store, &acme, &id, t0).await }
    }))
    .await;
    let claims: Vec<SendClaim> = claims.into_iter().collect::<Result<_, _>>()?;
    let won = claims
        .iter()
        .filter(|c| matches!(c, SendClaim::Claimed { attempt: 1 }))
        .count();
    assert_eq!(won, 1, "claims: {claims:?}");
    assert!(
        claims
            .iter()
            .all(|c| matches!(c, SendClaim::Claimed { .. } | SendClaim::Busy(_))),
        "{claims:?}"
    );

    // The winner fails: recorded, the session shows it, and the next claim retries.
    let failed = EmailEvent {
        session: session.id.clone(),
        trigger: EmailTrigger::Inactivity,
        status: EmailStatus::Failed,
        attempts: 1,
        provider_message_id: None,
        error: Some("provider timed out".to_owned()),
        created_at: t0,
        updated_at: t0 + Duration::seconds(1),
    };
    store.finish_email_send(&acme, &failed).await?;
    assert_eq!(
        store.email_events(&acme, &session.id).await?,
        vec![failed.clone()]
    );
    assert_eq!(
        store.get_session(&acme, &session.id).await?.summary_status,
        SummaryStatus::Failed
    );
    let t1 = t0 + Duration::seconds(2);
    assert_eq!(
        claim_inactivity(&*store, &acme, &session.id, t1).await?,
        SendClaim::Claimed { attempt: 2 }
    );
    // A second sender right after sees a fresh claim: busy.
    assert!(matches!(
        claim_inactivity(&*store, &acme, &session.id, t1).await?,
        SendClaim::Busy(_)
    ));
    // The claimer dies; once its claim is stale, another takes over.
    let later = t1 + Duration::minutes(11);
    assert_eq!(
        claim_inactivity(&*store, &acme, &session.id, later).await?,
        SendClaim::Claimed { attempt: 3 }
    );
    let sent = EmailEvent {
        status: EmailStatus::Sent,
        attempts: 3,
        provider_message_id: Some("msg-1".to_owned()),
        error: None,
        updated_at: later,
        ..failed.clone()
    };
    store.finish_email_send(&acme, &sent).await?;
    assert_eq!(
        store.email_events(&acme, &session.id).await?,
        vec![sent.clone()]
    );
    assert_eq!(
        store.get_session(&acme, &session.id).await?.summary_status,
        SummaryStatus::Sent
    );
    assert!(matches!(
        store
            .claim_email_send(
                &acme,
                &session.id,
                EmailTrigger::Inactivity,
                later,
                later,
                9
            )
            .await?,
        SendClaim::AlreadySent(_)
    ));

    // Another trigger is its own event; its failure does not undo the sent summary.
    assert_eq!(
        store
            .claim_email_send(&acme, &session.id, EmailTrigger::Widget, later, later, 1)
            .await?,
        SendClaim::Claimed { attempt: 1 }
    );
    let widget_failed = EmailEvent {
        trigger: EmailTrigger::Widget,
        status: EmailStatus::Failed,
        attempts: 1,
        ..failed
    };
    store.finish_email_send(&acme, &widget_failed).await?;
    assert_eq!(
        store.get_session(&acme, &session.id).await?.summary_status,
        SummaryStatus::Sent
    );
    // Out of attempts: busy, for good.
    assert!(matches!(
        store
            .claim_email_send(&acme, &session.id, EmailTrigger::Widget, later, later, 1)
            .await?,
        SendClaim::Busy(_)
    ));
    assert_eq!(store.email_events(&acme, &session.id).await?.len(), 2);
    Ok(())
}

/// The sweep's query: sessions with messages, idle long enough, not sent, this account's
/// only, most recently active first.
pub async fn idle_sessions_are_the_unsummarised_quiet_ones(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let hour_ago = now() - Duration::hours(1);
    let older = session_with_messages(&*store, &acme, 2, hour_ago - Duration::minutes(5)).await?;
    let newer = session_with_messages(&*store, &acme, 1, hour_ago).await?;
    let _empty = session_with_messages(&*store, &acme, 0, hour_ago).await?;
    let _active = session_with_messages(&*store, &acme, 1, now()).await?;
    let _theirs = session_with_messages(&*store, &other, 1, hour_ago).await?;
    let summarised = session_with_messages(&*store, &acme, 1, hour_ago).await?;
    store
        .claim_email_send(&acme, &summarised.id, EmailTrigger::Widget, now(), now(), 3)
        .await?;
    store
        .finish_email_send(
            &acme,
            &EmailEvent {
                session: summarised.id.clone(),
                trigger: EmailTrigger::Widget,
                status: EmailStatus::Sent,
                attempts: 1,
                provider_message_id: Some("m".to_owned()),
                error: None,
                created_at: now(),
                updated_at: now(),
            },
        )
        .await?;
    let idle = store
        .idle_sessions(&acme, now() - Duration::minutes(30), 50)
        .await?;
    let ids: Vec<SessionId> = idle.iter().map(|s| s.id.clone()).collect();
    assert_eq!(ids, vec![newer.id.clone(), older.id.clone()]);
    assert_eq!(
        store
            .idle_sessions(&acme, now() - Duration::minutes(30), 1)
            .await?
            .len(),
        1
    );
    Ok(())
}

/// Erasure removes a session with everything under it, a profile with its links, and what
/// is keyed by an address, and nothing of another account: checked in the raw store.
pub async fn erasure_leaves_nothing_behind(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let Case { store, acme, other } = Case::open(factory)?;
    let address = email("erase.me@example.com");
    let hash = EmailHash::of(&address);
    let mut profile = VisitorProfile::new(now());
    profile.email = Some(address.clone());
    profile.name = Some("Erin Erase".to_owned());
    profile.verified_at = Some(now());
    store.put_profile(&acme, &profile).await?;
    let session = session_with_messages(&*store, &acme, 3, now()).await?;
    store
        .record_llm_request(
            &acme,
            &LlmRequest {
                id: LlmRequestId::generate(),
                session: session.id.clone(),
                message: None,
                model: "m".to_owned(),
                prompt_tokens: 1,
                completion_tokens: 1,
                cost_usd: None,
                latency_ms: 1,
                outcome: LlmOutcome::Ok,
                error: None,
                created_at: now(),
            },
        )
        .await?;
    store
        .claim_email_send(&acme, &session.id, EmailTrigger::Widget, now(), now(), 3)
        .await?;
    store.link_session(&acme, &profile.id, &session.id).await?;
    store
        .link_visitor(&acme, &session.visitor, &profile.id)
        .await?;
    store.claim_email(&acme, &hash, &profile.id).await?;
    store.mention_email(&acme, &hash, &profile.id).await?;
    store
        .put_otp(
            &acme,
            &OtpChallenge {
                key: OtpKey {
                    email: hash.clone(),
                    purpose: OtpPurpose::Delete,
                    visitor: session.visitor.clone(),
                },
                ..challenge(&session.visitor, "erase.me@example.com", 600)
            },
        )
        .await?;
    let subject = salient_core::otp::email_subject(&hash);
    store.hit_rate(&acme, &subject, now(), 3600, 5).await?;
    // The same ids under another account must survive.
    let mut twin = Session::new(
        other.clone(),
        session.agent.clone(),
        session.visitor.clone(),
        now(),
    );
    twin.id = session.id.clone();
    store.create_session(&twin).await?;
    store.claim_email(&other, &hash, &profile.id).await?;

    let needles = [
        session.id.to_string(),
        profile.id.to_string(),
        hash.as_str().to_owned(),
        address.to_string(),
        session.visitor.to_string(),
    ];
    let acme_rows = |rows: Vec<String>| -> Vec<String> {
        rows.into_iter()
            .filter(|row| needles.iter().any(|n| row.contains(n.as_str())))
            .filter(|row| !row.contains("other"))
            .collect()
    };
    // Before: every kind of row is there (so the check below can see them).
    let before = acme_rows(factory.dump().await?);
    ensure!(
        before.len() >= 12,
        "expected the session, 3 messages, an LLM request, an email event, the profile, its          two links, the visitor link, the claim, the mention, the challenge and the rate          counter; found {before:#?}"
    );

    store.delete_session_data(&acme, &session.id).await?;
    store.delete_profile(&acme, &profile.id).await?;
    store.delete_email_data(&acme, &hash, &[subject]).await?;

    let left = acme_rows(factory.dump().await?);
    assert!(left.is_empty(), "left behind: {left:#?}");
    assert_eq!(store.get_session(&other, &twin.id).await?, twin);
    assert_eq!(
        store.email_owner(&other, &hash).await?,
        Some(profile.id.clone())
    );
    assert!(matches!(
        store.get_session(&acme, &session.id).await,
        Err(StoreError::NotFound("session"))
    ));
    Ok(())
}
