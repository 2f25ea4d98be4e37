//! The embedded store: SQLite in WAL mode through rusqlite, the local default.
//!
//! Why SQLite: the local server and the `salient` CLI are separate processes that must share
//! one data set safely. SQLite's WAL mode gives many readers plus one writer across
//! processes with real transactions, crash safety and no server to run; `BEGIN IMMEDIATE`
//! and a busy timeout make concurrent writers queue instead of failing.
//! Every primary key starts with the account id, as in the DynamoDB design.
//!
//! One connection serves the process, owned by a thread of its own that runs operations in
//! batches and commits a batch's writes together (`worker`); a second thread copies the WAL
//! into the database file (`checkpoint`). One module per port:
//! `sessions`, `messages`, `llm_requests`, `profiles`, `otp`, `rate_limits`,
//! `email_events`, `erasure`, `ingestion`, `expiry`; `rows` maps rows to domain values,
//! `migrations` holds the schema.
//!
//! Every conversation and profile row carries `expires_at` (epoch ms, from the account's
//! retention; NULL keeps it), which every read checks and [`EmbeddedStore::delete_expired`]
//! (the `expiry` module) clears out.

mod checkpoint;
mod console;
mod email_events;
mod erasure;
mod expiry;
mod gaps;
mod ingestion;
mod leases;
mod listing;
mod llm_requests;
mod messages;
mod metrics;
pub(crate) mod migrations;
mod otp;
mod profiles;
mod rate_limits;
mod rollups;
mod rows;
mod sessions;
mod spend;
mod worker;

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Params};

pub use email_events::IDLE_SESSIONS_QUERY;
use rows::{Columns, execute, query_all, query_opt};
use worker::Worker;

use crate::domain::{AccountId, Retention};
use crate::ports::StoreError;

/// SQLite-backed store shared by the local server and the CLI.
#[derive(Debug, Clone)]
pub struct EmbeddedStore {
    worker: Worker,
    retention: Arc<Retention>,
    /// Open streams' leases (in memory: this process owns the file).
    leases: Arc<leases::LeaseTable>,
    /// Keeps the WAL checkpoint thread of a file-backed store running.
    _checkpoints: Option<Arc<checkpoint::Checkpointer>>,
}

/// The condition that a row (of a query's only table) has not expired at `?{n}`, for
/// `concat!`: `live!(3)` is `(expires_at IS NULL OR expires_at > ?3)`.
macro_rules! live {
    ($n:literal) => {
        concat!("(expires_at IS NULL OR expires_at > ?", $n, ")")
    };
}
pub(crate) use live;

/// Prepared statements kept per connection: every statement of the store, and the batch's
/// own (`BEGIN`, `SAVEPOINT`, `COMMIT`, ...).
const STATEMENT_CACHE: usize = 128;

impl EmbeddedStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(StoreError::fatal)?;
        }
        let conn = Connection::open(path).map_err(StoreError::fatal)?;
        Self::prepare(conn, Some(path))
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn in_memory() -> Result<Self, StoreError> {
        Self::prepare(
            Connection::open_in_memory().map_err(StoreError::fatal)?,
            None,
        )
    }

    fn prepare(mut conn: Connection, path: Option<&Path>) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(StoreError::fatal)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(StoreError::fatal)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(StoreError::fatal)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(StoreError::fatal)?;
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        migrations::migrate(&mut conn)?;
        let checkpoints = path
            .map(|path| checkpoint::start(&conn, path))
            .transpose()?;
        Ok(Self {
            worker: Worker::spawn(conn)?,
            retention: Arc::new(Retention::forever()),
            leases: Arc::default(),
            _checkpoints: checkpoints,
        })
    }

    /// Stamps every conversation and profile row it writes with an `expires_at` from
    /// `retention` (a store opened without one keeps everything).
    #[must_use]
    pub fn with_retention(mut self, retention: Retention) -> Self {
        self.retention = Arc::new(retention);
        self
    }

    /// The `expires_at` (epoch ms) of a row of `account` written at `written`, if the
    /// account's data expires.
    fn expires_at(&self, account: &AccountId, written: DateTime<Utc>) -> Option<i64> {
        self.retention
            .expiry(account, written)
            .map(|at| at.timestamp_millis())
    }

    /// Runs a write on the store's SQLite thread: atomic on its own (a savepoint), and
    /// committed, with whatever else was queued, before the result arrives.
    async fn write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.worker.write(work).await
    }

    /// Runs a read on the store's SQLite thread.
    async fn read<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.worker.read(work).await
    }

    /// Every row of one query, each read by `map`. `params` are owned (a tuple), as they
    /// travel to the store's thread.
    async fn select_all<T, P, M>(
        &self,
        statement: &'static str,
        params: P,
        map: M,
    ) -> Result<Vec<T>, StoreError>
    where
        T: Send + 'static,
        P: Params + Send + 'static,
        M: FnMut(&mut Columns<'_, '_>) -> Result<T, StoreError> + Send + 'static,
    {
        self.read(move |conn| query_all(conn, statement, params, map))
            .await
    }

    /// The first row of one query, if any, read by `map`.
    async fn select_one<T, P, M>(
        &self,
        statement: &'static str,
        params: P,
        map: M,
    ) -> Result<Option<T>, StoreError>
    where
        T: Send + 'static,
        P: Params + Send + 'static,
        M: FnOnce(&mut Columns<'_, '_>) -> Result<T, StoreError> + Send + 'static,
    {
        self.read(move |conn| query_opt(conn, statement, params, map))
            .await
    }

    /// Runs one writing statement; the number of rows it changed.
    async fn change<P>(&self, statement: &'static str, params: P) -> Result<usize, StoreError>
    where
        P: Params + Send + 'static,
    {
        self.write(move |conn| execute(conn, statement, params))
            .await
    }
}
