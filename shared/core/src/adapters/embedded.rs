//! The embedded store: SQLite in WAL mode through rusqlite, the local default.
//!
//! Why SQLite: the local server and the `salient` CLI are separate processes that must share
//! one data set safely. SQLite's WAL mode gives many readers plus one writer across
//! processes with real transactions, crash safety and no server to run; `BEGIN IMMEDIATE`
//! and a busy timeout make concurrent writers queue instead of failing.
//! Every primary key starts with the account id, as in the DynamoDB design.
//!
//! One connection serves the process, owned by a thread of its own that runs operations in
//! batches and commits a batch's writes together (`embedded_worker`).

use std::path::Path;

use async_trait::async_trait;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::embedded_worker::Worker;

use crate::domain::{
    AccountId, AgentId, LlmOutcome, LlmRequest, LlmRequestId, Message, MessageId, MessageStatus,
    Role, Session, SessionId, SummaryStatus, VisitorId,
};
use crate::ports::{
    HistoryQuery, LlmRequestStore, MessageStore, Order, Page, SessionStore, StoreError,
};

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[
    r"
    CREATE TABLE sessions (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        agent TEXT NOT NULL,
        visitor TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_active_at INTEGER NOT NULL,
        message_count INTEGER NOT NULL DEFAULT 0,
        profile_id TEXT,
        summary_status TEXT NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
    CREATE INDEX sessions_by_visitor
        ON sessions (account, visitor, agent, created_at DESC, id DESC);
    CREATE TABLE messages (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        id TEXT NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        citations TEXT NOT NULL,
        PRIMARY KEY (account, session, id)
    ) WITHOUT ROWID;
    CREATE TABLE llm_requests (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        id TEXT NOT NULL,
        message TEXT,
        model TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost_usd REAL,
        latency_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        error TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, session, id)
    ) WITHOUT ROWID;
",
    r"
    CREATE TABLE ingest_pages (
        account TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        chunk_ids TEXT NOT NULL,
        last_seen INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account, url)
    ) WITHOUT ROWID;
    CREATE TABLE ingest_runs (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        trigger TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        counts TEXT NOT NULL,
        errors TEXT NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
",
    // The light CRM (adapters::embedded_crm).
    r"
    CREATE TABLE profiles (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT,
        email TEXT,
        phone TEXT,
        company TEXT,
        interests TEXT NOT NULL,
        verified_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
    CREATE TABLE profile_sessions (
        account TEXT NOT NULL,
        profile TEXT NOT NULL,
        session TEXT NOT NULL,
        PRIMARY KEY (account, profile, session)
    ) WITHOUT ROWID;
    CREATE TABLE visitor_profiles (
        account TEXT NOT NULL,
        visitor TEXT NOT NULL,
        profile TEXT NOT NULL,
        PRIMARY KEY (account, visitor)
    ) WITHOUT ROWID;
    CREATE INDEX visitor_profiles_by_profile ON visitor_profiles (account, profile);
    CREATE TABLE email_claims (
        account TEXT NOT NULL,
        email_hash TEXT NOT NULL,
        profile TEXT NOT NULL,
        PRIMARY KEY (account, email_hash)
    ) WITHOUT ROWID;
    CREATE TABLE email_mentions (
        account TEXT NOT NULL,
        email_hash TEXT NOT NULL,
        profile TEXT NOT NULL,
        PRIMARY KEY (account, email_hash, profile)
    ) WITHOUT ROWID;
    CREATE TABLE otp_challenges (
        account TEXT NOT NULL,
        email_hash TEXT NOT NULL,
        purpose TEXT NOT NULL,
        visitor TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        max_attempts INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, email_hash, purpose, visitor)
    ) WITHOUT ROWID;
    CREATE TABLE rate_counters (
        account TEXT NOT NULL,
        subject TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, subject, window_start)
    ) WITHOUT ROWID;
    CREATE TABLE email_events (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        trigger TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        provider_message_id TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account, session, trigger)
    ) WITHOUT ROWID;
    CREATE INDEX sessions_awaiting_summary
        ON sessions (account, summary_status, last_active_at);
",
];

/// SQLite-backed store shared by the local server and the CLI.
#[derive(Debug, Clone)]
pub struct EmbeddedStore {
    worker: Worker,
}

/// Prepared statements kept per connection: every statement of the conversation and
/// ingestion stores, and the batch's own (`BEGIN`, `SAVEPOINT`, `COMMIT`, ...).
const STATEMENT_CACHE: usize = 64;

impl EmbeddedStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(StoreError::fatal)?;
        }
        let conn = Connection::open(path).map_err(StoreError::fatal)?;
        Self::prepare(conn)
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory().map_err(StoreError::fatal)?)
    }

    fn prepare(mut conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(StoreError::fatal)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(StoreError::fatal)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(StoreError::fatal)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(StoreError::fatal)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::fatal)?;
        let applied: i64 = tx
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .map_err(StoreError::fatal)?;
        for (index, migration) in MIGRATIONS
            .iter()
            .enumerate()
            .skip(usize::try_from(applied).unwrap_or(0))
        {
            tx.execute_batch(migration).map_err(StoreError::fatal)?;
            tx.pragma_update(
                None,
                "user_version",
                i64::try_from(index + 1).unwrap_or(i64::MAX),
            )
            .map_err(StoreError::fatal)?;
        }
        tx.commit().map_err(StoreError::fatal)?;
        Ok(Self {
            worker: Worker::spawn(conn)?,
        })
    }

    /// Runs a write on the store's SQLite thread: atomic on its own (a savepoint), and
    /// committed, with whatever else was queued, before the result arrives.
    pub(crate) async fn write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.worker.write(work).await
    }

    /// Runs a read on the store's SQLite thread.
    pub(crate) async fn read<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.worker.read(work).await
    }
}

/// Maps SQLite errors: a busy or locked database is worth retrying, the rest is not.
pub(crate) fn sql(err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::transient(err)
        }
        _ => StoreError::fatal(err),
    }
}

/// Runs one statement through the connection's prepared-statement cache.
pub(crate) fn execute_cached(
    conn: &Connection,
    statement: &str,
    params: impl rusqlite::Params,
) -> rusqlite::Result<usize> {
    conn.prepare_cached(statement)?.execute(params)
}

pub(crate) fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

pub(crate) fn from_millis(ms: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::fatal(anyhow::anyhow!("stored time {ms} is out of range")))
}

pub(crate) fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::fatal(anyhow::anyhow!("stored {what} {value:?} is not valid"))
}

/// Raw columns of a `sessions` row, converted outside the rusqlite callback.
pub(crate) type SessionRow = (
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<String>,
    String,
);

/// The `sessions` columns every session query reads, as a literal for `concat!`.
macro_rules! session_columns {
    () => {
        "account, agent, id, visitor, created_at, last_active_at, message_count, profile_id, summary_status"
    };
}
pub(crate) use session_columns;

pub(crate) fn read_session_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
    ))
}

pub(crate) fn session_from_row(row: SessionRow) -> Result<Session, StoreError> {
    let (account, agent, id, visitor, created, active, count, profile_id, summary) = row;
    Ok(Session {
        account: AccountId::parse(&account).map_err(|_| corrupt("account id", &account))?,
        agent: AgentId::parse(&agent).map_err(|_| corrupt("agent id", &agent))?,
        id: SessionId::parse(&id).map_err(|_| corrupt("session id", &id))?,
        visitor: VisitorId::parse(&visitor).map_err(|_| corrupt("visitor id", &visitor))?,
        created_at: from_millis(created)?,
        last_active_at: from_millis(active)?,
        message_count: u64::try_from(count)
            .map_err(|_| corrupt("message count", &count.to_string()))?,
        profile_id,
        summary_status: SummaryStatus::parse(&summary)
            .ok_or_else(|| corrupt("summary status", &summary))?,
    })
}

type MessageRow = (String, String, String, String, i64, String);

fn message_from_row(row: MessageRow) -> Result<Message, StoreError> {
    let (id, role, content, status, created, citations) = row;
    Ok(Message {
        id: MessageId::parse(&id).map_err(|_| corrupt("message id", &id))?,
        role: Role::parse(&role).ok_or_else(|| corrupt("role", &role))?,
        content,
        status: MessageStatus::parse(&status).ok_or_else(|| corrupt("message status", &status))?,
        created_at: from_millis(created)?,
        citations: serde_json::from_str(&citations)
            .map_err(|_| corrupt("citations", &citations))?,
    })
}

fn session_exists(conn: &Connection, account: &str, session: &str) -> Result<bool, StoreError> {
    conn.prepare_cached("SELECT 1 FROM sessions WHERE account = ?1 AND id = ?2")
        .and_then(|mut statement| {
            statement
                .query_row(params![account, session], |_| Ok(()))
                .optional()
        })
        .map(|found| found.is_some())
        .map_err(sql)
}

/// Cursor for session listings: the last row's creation time and id.
fn encode_session_cursor(session: &Session) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}:{}", millis(session.created_at), session.id))
}

fn decode_session_cursor(cursor: &str) -> Result<(i64, SessionId), StoreError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| StoreError::InvalidCursor)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::InvalidCursor)?;
    let (ms, id) = text.split_once(':').ok_or(StoreError::InvalidCursor)?;
    let ms = ms.parse().map_err(|_| StoreError::InvalidCursor)?;
    let id = SessionId::parse(id).map_err(|_| StoreError::InvalidCursor)?;
    Ok((ms, id))
}

#[async_trait]
impl SessionStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %session.account, session = %session.id))]
    async fn create_session(&self, session: &Session) -> Result<(), StoreError> {
        let s = session.clone();
        self.write(move |conn| {
            let inserted = execute_cached(
                    conn,
                    "INSERT INTO sessions (account, agent, id, visitor, created_at, last_active_at, \
                     message_count, profile_id, summary_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                     ON CONFLICT DO NOTHING",
                    params![
                        s.account.as_str(),
                        s.agent.as_str(),
                        s.id.as_str(),
                        s.visitor.as_str(),
                        millis(s.created_at),
                        millis(s.last_active_at),
                        i64::try_from(s.message_count).unwrap_or(i64::MAX),
                        s.profile_id,
                        s.summary_status.as_str(),
                    ],
                )
                .map_err(sql)?;
            if inserted == 0 {
                return Err(StoreError::AlreadyExists("session"));
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %id))]
    async fn get_session(
        &self,
        account: &AccountId,
        id: &SessionId,
    ) -> Result<Session, StoreError> {
        let (account, id) = (account.to_string(), id.to_string());
        self.read(move |conn| {
            let row = conn
                .prepare_cached(concat!(
                    "SELECT ",
                    session_columns!(),
                    " FROM sessions WHERE account = ?1 AND id = ?2"
                ))
                .and_then(|mut statement| {
                    statement
                        .query_row(params![account, id], read_session_row)
                        .optional()
                })
                .map_err(sql)?
                .ok_or(StoreError::NotFound("session"))?;
            session_from_row(row)
        })
        .await
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
        let limit = limit.clamp(1, crate::ports::MAX_PAGE_SIZE);
        let after = after.map(decode_session_cursor).transpose()?;
        let (account, visitor, agent) =
            (account.to_string(), visitor.to_string(), agent.to_string());
        self.read(move |conn| {
            // Fetch one extra row to know whether another page follows.
            let (after_ms, after_id) =
                after.map_or((i64::MAX, String::new()), |(ms, id)| (ms, id.to_string()));
            let mut stmt = conn
                .prepare_cached(concat!(
                    "SELECT ",
                    session_columns!(),
                    " FROM sessions \
                     WHERE account = ?1 AND visitor = ?2 AND agent = ?3 \
                       AND (created_at < ?4 OR (created_at = ?4 AND (?5 = '' OR id < ?5))) \
                     ORDER BY created_at DESC, id DESC LIMIT ?6"
                ))
                .map_err(sql)?;
            let rows = stmt
                .query_map(
                    params![
                        account,
                        visitor,
                        agent,
                        after_ms,
                        after_id,
                        i64::from(limit) + 1
                    ],
                    read_session_row,
                )
                .map_err(sql)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql)?;
            let mut items = rows
                .into_iter()
                .map(session_from_row)
                .collect::<Result<Vec<_>, _>>()?;
            let more = items.len() > limit as usize;
            items.truncate(limit as usize);
            let next = if more {
                items.last().map(encode_session_cursor)
            } else {
                None
            };
            Ok(Page { items, next })
        })
        .await
    }
}

#[async_trait]
impl MessageStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message.id))]
    async fn append_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError> {
        let (account, session, m) = (account.to_string(), session.to_string(), message.clone());
        let citations = serde_json::to_string(&m.citations).map_err(StoreError::fatal)?;
        // One savepoint on the store's thread: the count and the message go in together.
        self.write(move |conn| {
            let updated = execute_cached(
                    conn,
                    "UPDATE sessions SET message_count = message_count + 1, \
                     last_active_at = MAX(last_active_at, ?3) WHERE account = ?1 AND id = ?2",
                    params![account, session, millis(m.created_at)],
                )
                .map_err(sql)?;
            if updated == 0 {
                return Err(StoreError::NotFound("session"));
            }
            let inserted = execute_cached(
                    conn,
                    "INSERT INTO messages (account, session, id, role, content, status, created_at, citations) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
                    params![
                        account,
                        session,
                        m.id.as_str(),
                        m.role.as_str(),
                        m.content,
                        m.status.as_str(),
                        millis(m.created_at),
                        citations,
                    ],
                )
                .map_err(sql)?;
            if inserted == 0 {
                // The failed write's savepoint is rolled back: the count with it.
                return Err(StoreError::AlreadyExists("message"));
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session, message = %message.id))]
    async fn update_message(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &Message,
    ) -> Result<(), StoreError> {
        let (account, session, m) = (account.to_string(), session.to_string(), message.clone());
        let citations = serde_json::to_string(&m.citations).map_err(StoreError::fatal)?;
        self.write(move |conn| {
            let updated = execute_cached(
                conn,
                "UPDATE messages SET content = ?4, status = ?5, citations = ?6 \
                     WHERE account = ?1 AND session = ?2 AND id = ?3",
                params![
                    account,
                    session,
                    m.id.as_str(),
                    m.content,
                    m.status.as_str(),
                    citations
                ],
            )
            .map_err(sql)?;
            if updated == 0 {
                return Err(StoreError::NotFound("message"));
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn history(
        &self,
        account: &AccountId,
        session: &SessionId,
        query: &HistoryQuery,
    ) -> Result<Page<Message, MessageId>, StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        let limit = query.effective_limit();
        let order = query.order;
        let after = query.after.as_ref().map(ToString::to_string);
        self.read(move |conn| {
            if !session_exists(conn, &account, &session)? {
                return Err(StoreError::NotFound("session"));
            }
            let sql_text = match order {
                Order::OldestFirst => {
                    "SELECT id, role, content, status, created_at, citations FROM messages \
                     WHERE account = ?1 AND session = ?2 AND (?3 IS NULL OR id > ?3) ORDER BY id ASC LIMIT ?4"
                }
                Order::NewestFirst => {
                    "SELECT id, role, content, status, created_at, citations FROM messages \
                     WHERE account = ?1 AND session = ?2 AND (?3 IS NULL OR id < ?3) ORDER BY id DESC LIMIT ?4"
                }
            };
            let mut stmt = conn.prepare_cached(sql_text).map_err(sql)?;
            let rows = stmt
                .query_map(params![account, session, after, i64::from(limit) + 1], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?))
                })
                .map_err(sql)?
                .collect::<Result<Vec<MessageRow>, _>>()
                .map_err(sql)?;
            let mut items = rows.into_iter().map(message_from_row).collect::<Result<Vec<_>, _>>()?;
            let more = items.len() > limit as usize;
            items.truncate(limit as usize);
            let next = if more { items.last().map(|m| m.id.clone()) } else { None };
            Ok(Page { items, next })
        })
        .await
    }
}

#[async_trait]
impl LlmRequestStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn record_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError> {
        let (account, r) = (account.to_string(), request.clone());
        self.write(move |conn| {
            execute_cached(
                conn,
                "INSERT INTO llm_requests (account, session, id, message, model, prompt_tokens, \
                 completion_tokens, cost_usd, latency_ms, outcome, error, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    account,
                    r.session.as_str(),
                    r.id.as_str(),
                    r.message.as_ref().map(MessageId::as_str),
                    r.model,
                    r.prompt_tokens,
                    r.completion_tokens,
                    r.cost_usd,
                    i64::try_from(r.latency_ms).unwrap_or(i64::MAX),
                    r.outcome.as_str(),
                    r.error,
                    millis(r.created_at),
                ],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn llm_requests(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.read(move |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT session, id, message, model, prompt_tokens, completion_tokens, cost_usd, \
                     latency_ms, outcome, error, created_at FROM llm_requests \
                     WHERE account = ?1 AND session = ?2 ORDER BY id ASC",
                )
                .map_err(sql)?;
            type Row = (String, String, Option<String>, String, u32, u32, Option<f64>, i64, String, Option<String>, i64);
            let rows = stmt
                .query_map(params![account, session], |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                        row.get(5)?,
                        row.get(6)?,
                        row.get(7)?,
                        row.get(8)?,
                        row.get(9)?,
                        row.get(10)?,
                    ))
                })
                .map_err(sql)?
                .collect::<Result<Vec<Row>, _>>()
                .map_err(sql)?;
            rows.into_iter()
                .map(|(session, id, message, model, prompt, completion, cost, latency, outcome, error, created)| {
                    Ok(LlmRequest {
                        id: LlmRequestId::parse(&id).map_err(|_| corrupt("LLM request id", &id))?,
                        session: SessionId::parse(&session).map_err(|_| corrupt("session id", &session))?,
                        message: message
                            .map(|m| MessageId::parse(&m).map_err(|_| corrupt("message id", &m)))
                            .transpose()?,
                        model,
                        prompt_tokens: prompt,
                        completion_tokens: completion,
                        cost_usd: cost,
                        latency_ms: u64::try_from(latency).unwrap_or(0),
                        outcome: LlmOutcome::parse(&outcome).ok_or_else(|| corrupt("LLM outcome", &outcome))?,
                        error,
                        created_at: from_millis(created)?,
                    })
                })
                .collect()
        })
        .await
    }
}
