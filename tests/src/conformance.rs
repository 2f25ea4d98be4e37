//! The storage conformance suite: every case here runs against every adapter (see
//! `tests/tests/integration/storage.rs`), so the embedded store and the DynamoDB store keep
//! one meaning.
//!
//! A case takes a [`StoreFactory`]: each `open` is a new handle over the same data, so a
//! second `open` after dropping the first is a process restart.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, ensure};
use chrono::{DateTime, Duration, Utc};
use salient_core::EmbeddedStore;
use salient_core::domain::{
    AccountId, AgentId, Citation, LlmOutcome, LlmRequest, LlmRequestId, Message, MessageId,
    MessageStatus, Retention, Role, Session, SessionId, SummaryStatus, VisitorId, now,
};
use salient_core::ports::{HistoryQuery, MAX_PAGE_SIZE, Order, Page, Store, StoreError};

/// Opens stores over one data set.
pub trait StoreFactory: Send + Sync + std::fmt::Debug {
    /// The backend's name, as in the test names (`embedded`, `dynamodb`).
    fn backend(&self) -> &'static str;

    /// A new store handle over the same data (a new connection or client, as a restarted
    /// process would make), keeping everything it writes.
    fn open(&self) -> anyhow::Result<Arc<dyn Store>> {
        self.open_with_retention(Retention::forever())
    }

    /// A new store handle that stamps what it writes with `retention`, as the composition
    /// root opens it.
    fn open_with_retention(&self, retention: Retention) -> anyhow::Result<Arc<dyn Store>>;

    /// Every stored row or item, each rendered as one line of text, read straight from the
    /// backend (SQLite tables, a DynamoDB scan): for "nothing left behind" checks.
    fn dump(&self) -> futures::future::BoxFuture<'_, anyhow::Result<Vec<String>>>;
}

/// An embedded store in a SQLite file inside a temporary directory.
#[derive(Debug)]
pub struct EmbeddedFile {
    // Removed (with the database) when the factory is dropped; none for a file the caller
    // owns.
    _dir: Option<tempfile::TempDir>,
    path: PathBuf,
}

impl EmbeddedFile {
    /// A new, empty database file.
    pub fn new() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir().context("creating a temporary directory")?;
        let path = dir.path().join("salient.db");
        Ok(Self {
            _dir: Some(dir),
            path,
        })
    }

    /// The database file at `path` (created on first open), left in place when dropped:
    /// for a store that two processes open one after the other.
    pub fn at(path: &Path) -> Self {
        Self {
            _dir: None,
            path: path.to_owned(),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl StoreFactory for EmbeddedFile {
    fn backend(&self) -> &'static str {
        "embedded"
    }

    fn open_with_retention(&self, retention: Retention) -> anyhow::Result<Arc<dyn Store>> {
        Ok(Arc::new(
            EmbeddedStore::open(&self.path)
                .with_context(|| format!("opening {}", self.path.display()))?
                .with_retention(retention),
        ))
    }

    fn dump(&self) -> futures::future::BoxFuture<'_, anyhow::Result<Vec<String>>> {
        let path = self.path.clone();
        Box::pin(async move {
            let conn = rusqlite::Connection::open(&path)?;
            let tables: Vec<String> = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?
                .query_map([], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            let mut rows = Vec::new();
            for table in tables {
                let mut statement = conn.prepare(&format!("SELECT * FROM \"{table}\""))?;
                let columns = statement.column_count();
                let mut query = statement.query([])?;
                while let Some(row) = query.next()? {
                    let mut line = format!("{table}:");
                    for i in 0..columns {
                        let value: rusqlite::types::Value = row.get(i)?;
                        line.push_str(&format!(" {value:?}"));
                    }
                    rows.push(line);
                }
            }
            Ok(rows)
        })
    }
}

// ---------------------------------------------------------------------------------------
// Fixtures.

pub(crate) fn account(slug: &str) -> AccountId {
    AccountId::parse(slug).expect("a valid account slug")
}

pub(crate) fn agent(slug: &str) -> AgentId {
    AgentId::parse(slug).expect("a valid agent slug")
}

fn at(base: DateTime<Utc>, offset_ms: i64) -> DateTime<Utc> {
    base + Duration::milliseconds(offset_ms)
}

pub(crate) async fn new_session(store: &dyn Store, account: &AccountId) -> anyhow::Result<Session> {
    let session = Session::new(
        account.clone(),
        agent("sales"),
        VisitorId::generate(),
        now(),
    );
    store
        .create_session(&session)
        .await
        .context("create_session")?;
    Ok(session)
}

fn citation(n: u8) -> Citation {
    Citation {
        number: u32::from(n),
        title: format!("Page {n}"),
        url: format!("https://example.com/page-{n}"),
        score: f32::from(n) / 8.0 + 0.013,
        snippet: format!("Passage {n}: «quoted» text"),
        // Every other citation has its page's date, so both forms round-trip.
        date: n.is_multiple_of(2).then(|| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, u32::from(n % 28) + 1).expect("a day")
        }),
    }
}

async fn append_many(
    store: &dyn Store,
    account: &AccountId,
    session: &SessionId,
    count: usize,
) -> anyhow::Result<Vec<Message>> {
    let mut messages = Vec::with_capacity(count);
    for i in 0..count {
        let role = if i % 2 == 0 {
            Role::User
        } else {
            Role::Assistant
        };
        let message = Message::new(role, format!("message {i}"), now());
        store
            .append_message(account, session, &message)
            .await
            .with_context(|| format!("append_message {i}"))?;
        messages.push(message);
    }
    Ok(messages)
}

/// The first page of up to ten messages, oldest first.
async fn first_ten(
    store: &dyn Store,
    account: &AccountId,
    session: &SessionId,
) -> Result<Page<Message, MessageId>, StoreError> {
    store
        .history(
            account,
            session,
            &HistoryQuery::first(Order::OldestFirst, 10),
        )
        .await
}

/// Every call on `session` under `account` says `NotFound`: reading it, its history (both
/// orders), appending `message` and updating `message`.
async fn assert_not_found_everywhere(
    store: &dyn Store,
    account: &AccountId,
    session: &SessionId,
    message: &Message,
) {
    let got = store.get_session(account, session).await;
    assert!(
        matches!(got, Err(StoreError::NotFound("session"))),
        "get_session: {got:?}"
    );
    for order in [Order::OldestFirst, Order::NewestFirst] {
        let history = store
            .history(account, session, &HistoryQuery::first(order, 10))
            .await;
        assert!(
            matches!(history, Err(StoreError::NotFound("session"))),
            "history {order:?}: {history:?}"
        );
    }
    let appended = store.append_message(account, session, message).await;
    assert!(
        matches!(appended, Err(StoreError::NotFound("session"))),
        "append_message: {appended:?}"
    );
    let updated = store.update_message(account, session, message).await;
    assert!(
        matches!(updated, Err(StoreError::NotFound("message"))),
        "update_message: {updated:?}"
    );
}

/// Reads a whole history page by page; returns the messages and each page's size.
async fn read_all_pages(
    store: &dyn Store,
    account: &AccountId,
    session: &SessionId,
    order: Order,
    page_size: u32,
) -> anyhow::Result<(Vec<Message>, Vec<usize>)> {
    let mut query = HistoryQuery::first(order, page_size);
    let (mut messages, mut sizes) = (Vec::new(), Vec::new());
    for _ in 0..1000 {
        let page = store
            .history(account, session, &query)
            .await
            .context("history")?;
        sizes.push(page.items.len());
        if let Some(next) = &page.next {
            ensure!(
                page.items.last().map(|m| &m.id) == Some(next),
                "the cursor must be the page's last message id"
            );
        }
        messages.extend(page.items);
        match page.next {
            Some(next) => query.after = Some(next),
            None => return Ok((messages, sizes)),
        }
    }
    anyhow::bail!("history paging did not end")
}

fn ids(messages: &[Message]) -> Vec<MessageId> {
    messages.iter().map(|m| m.id.clone()).collect()
}

// ---------------------------------------------------------------------------------------
// Sessions.

/// A created session reads back equal, every field included.
pub async fn created_session_reads_back_equal(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let plain = new_session(&*store, &acme).await?;
    assert_eq!(store.get_session(&acme, &plain.id).await?, plain);

    let mut full = Session::new(
        acme.clone(),
        agent("support-2"),
        VisitorId::generate(),
        at(now(), -86_400_000),
    );
    full.last_active_at = now();
    full.message_count = 0;
    full.profile_id = Some("profile-01HZX".to_owned());
    full.summary_status = SummaryStatus::Sent;
    store.create_session(&full).await?;
    assert_eq!(store.get_session(&acme, &full.id).await?, full);
    Ok(())
}

/// Creating a session whose id is taken fails and leaves the first one as it was.
pub async fn duplicate_session_id_is_already_exists(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let first = new_session(&*store, &acme).await?;
    let mut second = Session::new(
        acme.clone(),
        agent("other"),
        VisitorId::generate(),
        at(now(), 5_000),
    );
    second.id = first.id.clone();
    let result = store.create_session(&second).await;
    assert!(
        matches!(result, Err(StoreError::AlreadyExists("session"))),
        "got {result:?}"
    );
    assert_eq!(store.get_session(&acme, &first.id).await?, first);
    Ok(())
}

/// Every call on a session id that was never created says `NotFound`, and a failed append
/// leaves nothing behind.
pub async fn unknown_session_is_not_found(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let ghost = Session::new(acme.clone(), agent("sales"), VisitorId::generate(), now());

    let message = Message::new(Role::User, "hello?", now());
    assert_not_found_everywhere(&*store, &acme, &ghost.id, &message).await;

    // Creating the session now shows the refused append stored no message.
    store.create_session(&ghost).await?;
    let page = first_ten(&*store, &acme, &ghost.id).await?;
    assert!(page.items.is_empty(), "orphan messages: {:?}", page.items);
    assert_eq!(store.get_session(&acme, &ghost.id).await?.message_count, 0);
    Ok(())
}

/// `list_sessions` gives only this visitor's sessions with this agent, newest first (ties
/// broken by id, descending), paged with the cursor until `next` is `None`.
pub async fn list_sessions_is_scoped_newest_first_and_paged(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let (acme, globex) = (account("acme"), account("globex"));
    let (sales, support) = (agent("sales"), agent("support"));
    let (visitor, stranger) = (VisitorId::generate(), VisitorId::generate());
    let base = at(now(), -3_600_000);

    let mut expected = Vec::new();
    for i in 0..7 {
        let session = Session::new(
            acme.clone(),
            sales.clone(),
            visitor.clone(),
            at(base, i * 1000),
        );
        store.create_session(&session).await?;
        expected.push(session);
    }
    // Two sessions created in the same millisecond.
    for _ in 0..2 {
        let session = Session::new(
            acme.clone(),
            sales.clone(),
            visitor.clone(),
            at(base, 3_500),
        );
        store.create_session(&session).await?;
        expected.push(session);
    }
    // Noise: another agent, another visitor, another account with the same visitor and agent.
    for (owner, with, who) in [
        (&acme, &support, &visitor),
        (&acme, &support, &visitor),
        (&acme, &sales, &stranger),
        (&globex, &sales, &visitor),
    ] {
        let session = Session::new(owner.clone(), with.clone(), who.clone(), at(base, 2_000));
        store.create_session(&session).await?;
    }
    expected.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then_with(|| b.id.cmp(&a.id))
    });

    let mut listed = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let page = store
            .list_sessions(&acme, &visitor, &sales, cursor.as_deref(), 4)
            .await?;
        pages += 1;
        ensure!(pages <= 10, "session paging did not end");
        assert!(
            page.items.len() <= 4,
            "page too large: {}",
            page.items.len()
        );
        listed.extend(page.items);
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(pages, 3, "9 sessions in pages of 4");
    assert_eq!(listed, expected);

    let one = store
        .list_sessions(&acme, &visitor, &sales, None, 0)
        .await?;
    assert_eq!(one.items.len(), 1, "a limit of 0 is raised to 1");
    let none = store
        .list_sessions(&acme, &VisitorId::generate(), &sales, None, 10)
        .await?;
    assert!(none.items.is_empty() && none.next.is_none());
    let theirs = store
        .list_sessions(&globex, &visitor, &sales, None, 10)
        .await?;
    assert_eq!(theirs.items.len(), 1);
    assert_eq!(theirs.items[0].account, globex);
    Ok(())
}

/// A cursor the store did not hand out is refused with `InvalidCursor`.
pub async fn garbage_cursor_is_invalid(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    for cursor in [
        "",
        "not a cursor",
        "%%%%",
        "aGVsbG8",
        "MTcwMDAwMDAwMDAwMDpub3QtYS1zZXNzaW9u",
        session.id.as_str(),
        "01HZXK6Q1V3J9W0Y5ZB8R2T4NM",
    ] {
        let result = store
            .list_sessions(&acme, &session.visitor, &session.agent, Some(cursor), 10)
            .await;
        assert!(
            matches!(result, Err(StoreError::InvalidCursor)),
            "cursor {cursor:?} gave {result:?}"
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Messages.

/// Every field of a message survives the round trip: roles, statuses, citations, unicode
/// and empty content.
pub async fn messages_round_trip_every_field(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let mut written = Vec::new();
    for (role, status, content, citations) in [
        (
            Role::User,
            MessageStatus::Complete,
            "Do you fit heat pumps in Bristol?",
            0,
        ),
        (
            Role::Assistant,
            MessageStatus::Partial,
            "Yes — **we do**.\n\n* 日本語 ✓ 🔥",
            3,
        ),
        (Role::System, MessageStatus::Failed, "", 0),
        (
            Role::Assistant,
            MessageStatus::Complete,
            "Quote: \"x\" 'y' <b>&amp;</b>",
            1,
        ),
    ] {
        let mut message = Message::new(role, content, now());
        message.status = status;
        message.citations = (1..=citations).map(citation).collect();
        store.append_message(&acme, &session.id, &message).await?;
        written.push(message);
    }
    let page = first_ten(&*store, &acme, &session.id).await?;
    assert_eq!(page.items, written);
    assert_eq!(page.next, None);
    Ok(())
}

/// A history read in pages gives every message exactly once, in order, both ways; `next`
/// is `None` on the last page, also when that page is exactly full.
pub async fn history_pages_in_order_both_ways(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let written = append_many(&*store, &acme, &session.id, 23).await?;

    let (oldest_first, sizes) =
        read_all_pages(&*store, &acme, &session.id, Order::OldestFirst, 5).await?;
    assert_eq!(sizes, [5, 5, 5, 5, 3]);
    assert_eq!(oldest_first, written);

    let (newest_first, sizes) =
        read_all_pages(&*store, &acme, &session.id, Order::NewestFirst, 5).await?;
    assert_eq!(sizes, [5, 5, 5, 5, 3]);
    let mut reversed = written.clone();
    reversed.reverse();
    assert_eq!(newest_first, reversed);

    // Starting in the middle: strictly after the cursor, in the order asked for.
    let middle = HistoryQuery {
        order: Order::NewestFirst,
        after: Some(written[10].id.clone()),
        limit: 3,
    };
    let page = store.history(&acme, &session.id, &middle).await?;
    assert_eq!(
        ids(&page.items),
        ids(&[written[9].clone(), written[8].clone(), written[7].clone()])
    );
    assert_eq!(page.next, Some(written[7].id.clone()));

    // Ten messages in pages of five: two pages, and the second one says it is the last.
    let even = new_session(&*store, &acme).await?;
    let written = append_many(&*store, &acme, &even.id, 10).await?;
    for order in [Order::OldestFirst, Order::NewestFirst] {
        let (all, sizes) = read_all_pages(&*store, &acme, &even.id, order, 5).await?;
        assert_eq!(sizes, [5, 5], "{order:?}");
        assert_eq!(all.len(), written.len());
    }
    Ok(())
}

/// Page sizes are kept between 1 and `MAX_PAGE_SIZE`.
pub async fn history_page_size_is_clamped(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let written = append_many(&*store, &acme, &session.id, MAX_PAGE_SIZE as usize + 3).await?;
    let one = store
        .history(
            &acme,
            &session.id,
            &HistoryQuery::first(Order::OldestFirst, 0),
        )
        .await?;
    assert_eq!(ids(&one.items), ids(&written[..1]));
    assert_eq!(one.next, Some(written[0].id.clone()));
    let capped = store
        .history(
            &acme,
            &session.id,
            &HistoryQuery::first(Order::OldestFirst, 10_000),
        )
        .await?;
    assert_eq!(capped.items.len(), MAX_PAGE_SIZE as usize);
    assert_eq!(
        capped.next,
        Some(written[MAX_PAGE_SIZE as usize - 1].id.clone())
    );
    Ok(())
}

/// A session without messages has an empty history, not `NotFound`.
pub async fn empty_session_has_an_empty_history(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    for order in [Order::OldestFirst, Order::NewestFirst] {
        let page = store
            .history(&acme, &session.id, &HistoryQuery::first(order, 20))
            .await?;
        assert!(
            page.items.is_empty() && page.next.is_none(),
            "{order:?}: {page:?}"
        );
    }
    Ok(())
}

/// Appending counts messages and keeps the latest activity time: an older message bumps the
/// count but does not move `last_active_at` back.
pub async fn append_counts_and_last_active_only_moves_forward(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let start = session.created_at;

    let later = Message::new(Role::User, "later", at(start, 10_000));
    store.append_message(&acme, &session.id, &later).await?;
    let read = store.get_session(&acme, &session.id).await?;
    assert_eq!(
        (read.message_count, read.last_active_at),
        (1, at(start, 10_000))
    );

    let earlier = Message::new(Role::Assistant, "earlier", at(start, 5_000));
    store.append_message(&acme, &session.id, &earlier).await?;
    let read = store.get_session(&acme, &session.id).await?;
    assert_eq!(
        (read.message_count, read.last_active_at),
        (2, at(start, 10_000))
    );

    let latest = Message::new(Role::User, "latest", at(start, 20_000));
    store.append_message(&acme, &session.id, &latest).await?;
    let read = store.get_session(&acme, &session.id).await?;
    assert_eq!(
        (read.message_count, read.last_active_at),
        (3, at(start, 20_000))
    );
    // The first visitor message named the session; later ones leave the title alone.
    assert_eq!(read.title.as_deref(), Some("later"));
    // Everything else about the session is untouched.
    assert_eq!(
        Session {
            message_count: 0,
            last_active_at: session.last_active_at,
            title: None,
            ..read
        },
        session
    );
    Ok(())
}

/// A message id that is taken is refused; the stored message and the count stay as they were.
pub async fn duplicate_message_id_is_already_exists(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let original = Message::new(Role::User, "original", now());
    store.append_message(&acme, &session.id, &original).await?;
    let mut copy = original.clone();
    copy.content = "overwritten?".to_owned();
    copy.created_at = at(original.created_at, 60_000);
    let result = store.append_message(&acme, &session.id, &copy).await;
    assert!(
        matches!(result, Err(StoreError::AlreadyExists("message"))),
        "got {result:?}"
    );
    let read = store.get_session(&acme, &session.id).await?;
    assert_eq!(read.message_count, 1);
    assert_eq!(read.last_active_at, original.created_at);
    let page = first_ten(&*store, &acme, &session.id).await?;
    assert_eq!(page.items, [original]);
    Ok(())
}

/// `update_message` replaces content, status and citations and nothing else; a message that
/// does not exist (in this session) is `NotFound`.
pub async fn update_message_replaces_content_status_and_citations(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;
    let other = new_session(&*store, &acme).await?;
    let question = Message::new(Role::User, "How much is a boiler service?", now());
    let mut answer = Message::new(Role::Assistant, "", now());
    answer.status = MessageStatus::Partial;
    store.append_message(&acme, &session.id, &question).await?;
    store.append_message(&acme, &session.id, &answer).await?;

    let mut grown = answer.clone();
    grown.content = "A service is £89".to_owned();
    store.update_message(&acme, &session.id, &grown).await?;
    let mut done = grown.clone();
    done.content.push_str(", including parts.");
    done.status = MessageStatus::Complete;
    done.citations = vec![citation(1), citation(2)];
    // Fields other than content, status and citations are not rewritten.
    let mut sent = done.clone();
    sent.role = Role::System;
    sent.created_at = at(done.created_at, 99_000);
    store.update_message(&acme, &session.id, &sent).await?;

    let page = first_ten(&*store, &acme, &session.id).await?;
    assert_eq!(page.items, [question.clone(), done]);
    assert_eq!(
        store.get_session(&acme, &session.id).await?.message_count,
        2
    );

    let missing = Message::new(Role::Assistant, "never appended", now());
    let result = store.update_message(&acme, &session.id, &missing).await;
    assert!(
        matches!(result, Err(StoreError::NotFound("message"))),
        "missing message: {result:?}"
    );
    let result = store.update_message(&acme, &other.id, &question).await;
    assert!(
        matches!(result, Err(StoreError::NotFound("message"))),
        "message of another session: {result:?}"
    );
    Ok(())
}

/// Another account using a session id it does not own gets `NotFound` everywhere, and the
/// owner's data is unchanged. The same id may exist under two accounts independently.
pub async fn another_accounts_session_is_not_found(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let (acme, globex) = (account("acme"), account("globex"));
    let session = new_session(&*store, &acme).await?;
    let written = append_many(&*store, &acme, &session.id, 2).await?;
    let before = store.get_session(&acme, &session.id).await?;

    let intruder = Message::new(Role::User, "injected", now());
    assert_not_found_everywhere(&*store, &globex, &session.id, &intruder).await;
    let mut rewrite = written[0].clone();
    rewrite.content = "rewritten by another account".to_owned();
    let updated = store.update_message(&globex, &session.id, &rewrite).await;
    assert!(
        matches!(updated, Err(StoreError::NotFound("message"))),
        "update_message: {updated:?}"
    );

    assert_eq!(store.get_session(&acme, &session.id).await?, before);
    let page = first_ten(&*store, &acme, &session.id).await?;
    assert_eq!(page.items, written);

    // The other account may hold a session with the same id; the two stay apart.
    let mut twin = Session::new(globex.clone(), agent("sales"), VisitorId::generate(), now());
    twin.id = session.id.clone();
    store.create_session(&twin).await?;
    store.append_message(&globex, &twin.id, &intruder).await?;
    let theirs = first_ten(&*store, &globex, &twin.id).await?;
    assert_eq!(theirs.items, [intruder]);
    assert_eq!(store.get_session(&acme, &session.id).await?, before);
    let ours = first_ten(&*store, &acme, &session.id).await?;
    assert_eq!(ours.items, written);
    Ok(())
}

/// Eight writers appending ten messages each to one session at once lose nothing: all 80
/// are stored, the count is 80 and the history is sorted by id.
pub async fn concurrent_appends_lose_nothing(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    const WRITERS: usize = 8;
    const EACH: usize = 10;
    let store = factory.open()?;
    let acme = account("acme");
    let session = new_session(&*store, &acme).await?;

    let mut tasks = Vec::new();
    for writer in 0..WRITERS {
        let (store, acme, id) = (Arc::clone(&store), acme.clone(), session.id.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..EACH {
                let message =
                    Message::new(Role::User, format!("writer {writer} message {i}"), now());
                store
                    .append_message(&acme, &id, &message)
                    .await
                    .with_context(|| format!("writer {writer} append {i}"))?;
            }
            anyhow::Ok(())
        }));
    }
    for task in tasks {
        task.await.context("a writer panicked")??;
    }

    let (all, _) = read_all_pages(&*store, &acme, &session.id, Order::OldestFirst, 100).await?;
    assert_eq!(all.len(), WRITERS * EACH);
    let contents: HashSet<&str> = all.iter().map(|m| m.content.as_str()).collect();
    assert_eq!(contents.len(), WRITERS * EACH, "every message exactly once");
    let mut sorted = ids(&all);
    sorted.sort();
    assert_eq!(ids(&all), sorted, "history is sorted by id");
    let read = store.get_session(&acme, &session.id).await?;
    assert_eq!(read.message_count, (WRITERS * EACH) as u64);
    let latest = all.iter().map(|m| m.created_at).max();
    assert_eq!(Some(read.last_active_at), latest);
    Ok(())
}

/// Sessions, messages and LLM records written before a restart are all there after it.
pub async fn data_survives_a_restart(factory: &dyn StoreFactory) -> anyhow::Result<()> {
    let acme = account("acme");
    let (session, written, request) = {
        let store = factory.open()?;
        let session = new_session(&*store, &acme).await?;
        let written = append_many(&*store, &acme, &session.id, 6).await?;
        let request = llm_request(&session.id, Some(&written[5].id), LlmOutcome::Ok);
        store.record_llm_request(&acme, &request).await?;
        (
            store.get_session(&acme, &session.id).await?,
            written,
            request,
        )
    };

    let store = factory.open()?;
    assert_eq!(store.get_session(&acme, &session.id).await?, session);
    assert_eq!(session.message_count, 6);
    let page = store
        .history(
            &acme,
            &session.id,
            &HistoryQuery::first(Order::OldestFirst, 50),
        )
        .await?;
    assert_eq!(page.items, written);
    let listed = store
        .list_sessions(&acme, &session.visitor, &session.agent, None, 10)
        .await?;
    assert_eq!(listed.items, std::slice::from_ref(&session));
    assert_eq!(store.llm_requests(&acme, &session.id).await?, [request]);

    // And the conversation goes on.
    let more = Message::new(Role::User, "I'm back", now());
    store.append_message(&acme, &session.id, &more).await?;
    assert_eq!(
        store.get_session(&acme, &session.id).await?.message_count,
        7
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// LLM requests.

pub(crate) fn llm_request(
    session: &SessionId,
    message: Option<&MessageId>,
    outcome: LlmOutcome,
) -> LlmRequest {
    LlmRequest {
        id: LlmRequestId::generate(),
        session: session.clone(),
        message: message.cloned(),
        model: "openai/gpt-4.1-mini".to_owned(),
        prompt_tokens: 1_234,
        completion_tokens: 321,
        cost_usd: Some(0.000_412_5),
        latency_ms: 2_875,
        outcome,
        error: None,
        created_at: now(),
    }
}

/// LLM records read back equal, oldest (lowest id) first, and only for this account and
/// session.
pub async fn llm_requests_round_trip_in_order_scoped_by_account(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let (acme, globex) = (account("acme"), account("globex"));
    let session = new_session(&*store, &acme).await?;
    let other = new_session(&*store, &acme).await?;
    let answer = Message::new(Role::Assistant, "Hi!", now());
    store.append_message(&acme, &session.id, &answer).await?;

    let first = llm_request(&session.id, Some(&answer.id), LlmOutcome::Ok);
    let mut second = llm_request(&session.id, None, LlmOutcome::Error);
    second.cost_usd = None;
    second.completion_tokens = 0;
    second.error = Some("upstream 429: rate limited".to_owned());
    let mut third = llm_request(&session.id, Some(&answer.id), LlmOutcome::Interrupted);
    third.error = Some("stream reset after 12 tokens".to_owned());
    third.cost_usd = Some(0.0);
    let elsewhere = llm_request(&other.id, None, LlmOutcome::Cancelled);
    let theirs = llm_request(&session.id, None, LlmOutcome::Timeout);

    // Written out of order: reading back is by id.
    for request in [&third, &first, &second, &elsewhere] {
        store.record_llm_request(&acme, request).await?;
    }
    store.record_llm_request(&globex, &theirs).await?;

    assert_eq!(
        store.llm_requests(&acme, &session.id).await?,
        [first.clone(), second, third]
    );
    assert_eq!(store.llm_requests(&acme, &other.id).await?, [elsewhere]);
    assert_eq!(store.llm_requests(&globex, &session.id).await?, [theirs]);
    assert!(
        store
            .llm_requests(&acme, &SessionId::generate())
            .await?
            .is_empty()
    );
    assert!(
        store.record_llm_request(&acme, &first).await.is_err(),
        "a record id is written once"
    );
    Ok(())
}

/// A call recorded as `started` is replaced by its final figures, in this account only, and
/// only once; a finish without a start stores the record.
pub async fn a_started_llm_request_is_replaced_when_it_finishes(
    factory: &dyn StoreFactory,
) -> anyhow::Result<()> {
    let store = factory.open()?;
    let (acme, globex) = (account("acme"), account("globex"));
    let session = new_session(&*store, &acme).await?;
    let mut call = llm_request(&session.id, None, LlmOutcome::Started);
    call.prompt_tokens = 0;
    call.completion_tokens = 0;
    call.cost_usd = None;
    store.record_llm_request(&acme, &call).await?;
    assert_eq!(
        store.llm_requests(&acme, &session.id).await?,
        [call.clone()]
    );

    let mut done = llm_request(&session.id, None, LlmOutcome::Ok);
    done.id = call.id.clone();
    store.finish_llm_request(&acme, &done, None).await?;
    assert_eq!(
        store.llm_requests(&acme, &session.id).await?,
        [done.clone()]
    );
    assert!(store.llm_requests(&globex, &session.id).await?.is_empty());
    // A finished record is final: finishing it again changes nothing.
    let mut again = done.clone();
    again.outcome = LlmOutcome::Error;
    store.finish_llm_request(&acme, &again, None).await?;
    assert_eq!(
        store.llm_requests(&acme, &session.id).await?,
        [done.clone()]
    );

    let unstarted = llm_request(&session.id, None, LlmOutcome::Timeout);
    store.finish_llm_request(&acme, &unstarted, None).await?;
    assert_eq!(
        store.llm_requests(&acme, &session.id).await?,
        [done, unstarted]
    );
    Ok(())
}
