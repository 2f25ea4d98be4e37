//! The embedded vector index, the local default: chunks and their vectors persisted in a
//! SQLite file of their own (WAL, like the main store; vectors as little-endian `f32`
//! BLOBs), loaded into an exact in-memory [`FlatIndex`] per account on first use and kept
//! in sync on every write.
//!
//! The server and the CLI are separate processes: each write bumps the account's
//! `generation` in `vector_accounts`, and a query first reads that number (one indexed
//! point read), reloading the account when another process has written since.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use async_trait::async_trait;
use rusqlite::{Connection, OptionalExtension as _, TransactionBehavior, params};

use super::flat::FlatIndex;
use crate::domain::AccountId;
use crate::ports::knowledge::{
    ChunkRecord, IndexedChunk, IndexedPage, IndexedPages, KnowledgeError, ScoredChunk, VectorIndex,
    VectorQuery,
};

/// Schema migrations of the vector file, applied in order (`PRAGMA user_version`).
const MIGRATIONS: &[&str] = &[
    r"
    CREATE TABLE vector_chunks (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        heading_path TEXT NOT NULL,
        text TEXT NOT NULL,
        page_hash TEXT NOT NULL,
        dimensions INTEGER NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
    CREATE INDEX vector_chunks_by_url ON vector_chunks (account, url);
    CREATE TABLE vector_accounts (
        account TEXT NOT NULL PRIMARY KEY,
        generation INTEGER NOT NULL
    ) WITHOUT ROWID;
",
    r"
    ALTER TABLE vector_chunks ADD COLUMN date TEXT;
",
];

/// One account's loaded index and the generation it reflects.
#[derive(Debug)]
struct Loaded {
    generation: i64,
    index: FlatIndex,
}

/// SQLite-persisted exact hybrid index.
#[derive(Debug, Clone)]
pub struct EmbeddedIndex {
    conn: Arc<Mutex<Connection>>,
    accounts: Arc<Mutex<HashMap<AccountId, Arc<RwLock<Loaded>>>>>,
}

fn fatal(err: impl Into<anyhow::Error>) -> KnowledgeError {
    KnowledgeError::fatal(err)
}

fn sql(err: rusqlite::Error) -> KnowledgeError {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            KnowledgeError::transient(err)
        }
        _ => KnowledgeError::fatal(err),
    }
}

/// Vector → little-endian `f32` bytes.
pub(crate) fn encode_vector(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Little-endian `f32` bytes → vector.
pub(crate) fn decode_vector(bytes: &[u8]) -> Result<Vec<f32>, KnowledgeError> {
    if !bytes.len().is_multiple_of(4) {
        return Err(fatal(anyhow::anyhow!(
            "a stored vector has {} bytes, not a multiple of 4",
            bytes.len()
        )));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

impl EmbeddedIndex {
    /// Opens (creating if needed) the vector file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, KnowledgeError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(fatal)?;
        }
        Self::prepare(Connection::open(path).map_err(sql)?)
    }

    /// A private in-memory index (tests, benchmarks).
    pub fn in_memory() -> Result<Self, KnowledgeError> {
        Self::prepare(Connection::open_in_memory().map_err(sql)?)
    }

    fn prepare(mut conn: Connection) -> Result<Self, KnowledgeError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;
        crate::adapters::embedded::migrations::apply(&mut conn, MIGRATIONS).map_err(sql)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            accounts: Arc::new(Mutex::new(HashMap::new())),
        })
    }

    /// Runs blocking work (SQLite, scans) off the async executor.
    async fn blocking<T, F>(&self, work: F) -> Result<T, KnowledgeError>
    where
        T: Send + 'static,
        F: FnOnce(&EmbeddedIndex) -> Result<T, KnowledgeError> + Send + 'static,
    {
        let this = self.clone();
        tokio::task::spawn_blocking(move || work(&this))
            .await
            .map_err(fatal)?
    }

    fn with_conn<T>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, KnowledgeError>,
    ) -> Result<T, KnowledgeError> {
        let mut guard = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        work(&mut guard)
    }

    fn generation(conn: &Connection, account: &AccountId) -> Result<i64, KnowledgeError> {
        Ok(conn
            .query_row(
                "SELECT generation FROM vector_accounts WHERE account = ?1",
                params![account.as_str()],
                |row| row.get(0),
            )
            .optional()
            .map_err(sql)?
            .unwrap_or(0))
    }

    fn bump(tx: &Connection, account: &AccountId) -> Result<i64, KnowledgeError> {
        tx.query_row(
            "INSERT INTO vector_accounts (account, generation) VALUES (?1, 1)
             ON CONFLICT (account) DO UPDATE SET generation = generation + 1
             RETURNING generation",
            params![account.as_str()],
            |row| row.get(0),
        )
        .map_err(sql)
    }

    /// The account's in-memory index, loaded or reloaded when storage moved on.
    fn loaded(&self, account: &AccountId) -> Result<Arc<RwLock<Loaded>>, KnowledgeError> {
        let current = self.with_conn(|conn| Self::generation(conn, account))?;
        let cached = self
            .accounts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(account)
            .cloned();
        if let Some(cached) = cached {
            let fresh = cached
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .generation
                == current;
            if fresh {
                return Ok(cached);
            }
        }
        let started = std::time::Instant::now();
        let loaded = self.with_conn(|conn| {
            let tx = conn.transaction().map_err(sql)?;
            let generation = Self::generation(&tx, account)?;
            let mut index = FlatIndex::new();
            {
                let mut stmt = tx
                    .prepare(
                        "SELECT id, url, title, heading_path, text, page_hash, vector, date
                         FROM vector_chunks WHERE account = ?1 ORDER BY id",
                    )
                    .map_err(sql)?;
                let mut rows = stmt.query(params![account.as_str()]).map_err(sql)?;
                while let Some(row) = rows.next().map_err(sql)? {
                    let heading_path: String = row.get(3).map_err(sql)?;
                    let record = ChunkRecord {
                        id: row.get(0).map_err(sql)?,
                        url: row.get(1).map_err(sql)?,
                        title: row.get(2).map_err(sql)?,
                        heading_path: serde_json::from_str(&heading_path).map_err(fatal)?,
                        text: row.get(4).map_err(sql)?,
                        page_hash: row.get(5).map_err(sql)?,
                        date: row
                            .get::<_, Option<String>>(7)
                            .map_err(sql)?
                            .map(|date| date.parse())
                            .transpose()
                            .map_err(fatal)?,
                    };
                    let bytes: Vec<u8> = row.get(6).map_err(sql)?;
                    index.insert_new(record, &decode_vector(&bytes)?)?;
                }
            }
            tx.commit().map_err(sql)?;
            Ok(Loaded { generation, index })
        })?;
        tracing::debug!(
            account = %account,
            chunks = loaded.index.len(),
            ms = started.elapsed().as_millis() as u64,
            "vector index loaded"
        );
        let shared = Arc::new(RwLock::new(loaded));
        self.accounts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(account.clone(), Arc::clone(&shared));
        Ok(shared)
    }

    /// Applies a write to storage (bumping the generation) and to the loaded index when it
    /// was current; otherwise the next query reloads.
    fn write(
        &self,
        account: &AccountId,
        store: impl FnOnce(&Connection) -> Result<(), KnowledgeError>,
        apply: impl FnOnce(&mut FlatIndex) -> Result<(), KnowledgeError>,
    ) -> Result<(), KnowledgeError> {
        let (before, after) = self.with_conn(|conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(sql)?;
            let before = Self::generation(&tx, account)?;
            store(&tx)?;
            let after = Self::bump(&tx, account)?;
            tx.commit().map_err(sql)?;
            Ok((before, after))
        })?;
        let mut accounts = self
            .accounts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(cached) = accounts.get(account).cloned() {
            let mut loaded = cached
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if loaded.generation == before && apply(&mut loaded.index).is_ok() {
                loaded.generation = after;
            } else {
                accounts.remove(account);
            }
        }
        Ok(())
    }
}

#[async_trait]
impl VectorIndex for EmbeddedIndex {
    #[tracing::instrument(skip_all, fields(account = %account, chunks = chunks.len()))]
    async fn upsert(
        &self,
        account: &AccountId,
        chunks: &[IndexedChunk],
    ) -> Result<(), KnowledgeError> {
        if chunks.is_empty() {
            return Ok(());
        }
        let dims = chunks[0].vector.len();
        if dims == 0 || chunks.iter().any(|c| c.vector.len() != dims) {
            return Err(KnowledgeError::Invalid(
                "vectors in one upsert must share a non-zero length".to_owned(),
            ));
        }
        let account = account.clone();
        let chunks = chunks.to_vec();
        self.blocking(move |this| {
            // The loaded index refuses a dimension change; check storage the same way.
            let stored_dims: Option<i64> = this.with_conn(|conn| {
                conn.query_row(
                    "SELECT dimensions FROM vector_chunks WHERE account = ?1 LIMIT 1",
                    params![account.as_str()],
                    |row| row.get(0),
                )
                .optional()
                .map_err(sql)
            })?;
            if let Some(stored) = stored_dims
                && stored != dims as i64
            {
                return Err(KnowledgeError::Invalid(format!(
                    "vectors have {dims} dimensions; the account's index has {stored} \
                     (the embedding model changed: delete the account's index and re-ingest)"
                )));
            }
            let rows = chunks.clone();
            this.write(
                &account,
                |tx| {
                    let mut stmt = tx
                        .prepare_cached(
                            "INSERT OR REPLACE INTO vector_chunks
                             (account, id, url, title, heading_path, text, page_hash,
                              dimensions, vector, date)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                        )
                        .map_err(sql)?;
                    for chunk in &rows {
                        let r = &chunk.record;
                        stmt.execute(params![
                            account.as_str(),
                            r.id,
                            r.url,
                            r.title,
                            serde_json::to_string(&r.heading_path).map_err(fatal)?,
                            r.text,
                            r.page_hash,
                            dims as i64,
                            encode_vector(&chunk.vector),
                            r.date.map(|date| date.to_string()),
                        ])
                        .map_err(sql)?;
                    }
                    Ok(())
                },
                |index| index.upsert(&chunks),
            )
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, ids = ids.len()))]
    async fn delete(&self, account: &AccountId, ids: &[String]) -> Result<(), KnowledgeError> {
        if ids.is_empty() {
            return Ok(());
        }
        let account = account.clone();
        let ids = ids.to_vec();
        self.blocking(move |this| {
            this.write(
                &account,
                |tx| {
                    let mut stmt = tx
                        .prepare_cached("DELETE FROM vector_chunks WHERE account = ?1 AND id = ?2")
                        .map_err(sql)?;
                    for id in &ids {
                        stmt.execute(params![account.as_str(), id]).map_err(sql)?;
                    }
                    Ok(())
                },
                |index| {
                    index.delete(&ids);
                    Ok(())
                },
            )
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn delete_url(&self, account: &AccountId, url: &str) -> Result<(), KnowledgeError> {
        let account = account.clone();
        let url = url.to_owned();
        self.blocking(move |this| {
            this.write(
                &account,
                |tx| {
                    tx.execute(
                        "DELETE FROM vector_chunks WHERE account = ?1 AND url = ?2",
                        params![account.as_str(), url],
                    )
                    .map_err(sql)?;
                    Ok(())
                },
                |index| {
                    index.delete_url(&url);
                    Ok(())
                },
            )
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, top_k = query.top_k))]
    async fn query(
        &self,
        account: &AccountId,
        query: &VectorQuery,
    ) -> Result<Vec<ScoredChunk>, KnowledgeError> {
        let account = account.clone();
        let query = query.clone();
        self.blocking(move |this| {
            let loaded = this.loaded(&account)?;
            let loaded = loaded
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            loaded.index.query(
                &query.vector,
                &query.text,
                query.top_k,
                query.url_prefix.as_deref(),
            )
        })
        .await
    }

    async fn count(&self, account: &AccountId) -> Result<u64, KnowledgeError> {
        let account = account.clone();
        self.blocking(move |this| {
            this.with_conn(|conn| {
                let count: i64 = conn
                    .query_row(
                        "SELECT COUNT(*) FROM vector_chunks WHERE account = ?1",
                        params![account.as_str()],
                        |row| row.get(0),
                    )
                    .map_err(sql)?;
                Ok(u64::try_from(count).unwrap_or(0))
            })
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_pages(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: usize,
    ) -> Result<IndexedPages, KnowledgeError> {
        let account = account.clone();
        let after = after
            .map(|cursor| {
                base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, cursor)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .ok_or_else(|| KnowledgeError::Invalid("invalid paging cursor".to_owned()))
            })
            .transpose()?;
        let limit = limit.clamp(1, 100);
        self.blocking(move |this| {
            this.with_conn(|conn| {
                // One range of `vector_chunks_by_url`: pages in URL order after the cursor
                // (the first page after "", which every URL sorts after). `url > ?2` is an
                // index range; `(?2 IS NULL OR url > ?2)` would be none, and a page deep in
                // the list would walk every chunk before it.
                let mut statement = conn
                    .prepare_cached(
                        "SELECT url, MIN(id), MIN(title), COUNT(*), MAX(date) FROM vector_chunks
                         WHERE account = ?1 AND url > ?2
                         GROUP BY url ORDER BY url LIMIT ?3",
                    )
                    .map_err(sql)?;
                let rows = statement
                    .query_map(
                        params![
                            account.as_str(),
                            after.unwrap_or_default(),
                            i64::try_from(limit + 1).unwrap_or(101)
                        ],
                        |row| {
                            Ok((
                                row.get::<_, String>(0)?,
                                row.get::<_, String>(1)?,
                                row.get::<_, String>(2)?,
                                row.get::<_, i64>(3)?,
                                row.get::<_, Option<String>>(4)?,
                            ))
                        },
                    )
                    .map_err(sql)?;
                let mut pages = Vec::new();
                for row in rows {
                    let (url, id, title, chunks, date) = row.map_err(sql)?;
                    pages.push(IndexedPage {
                        url_id: id.split('#').next().unwrap_or_default().to_owned(),
                        url: Some(url),
                        title: Some(title),
                        chunks: u64::try_from(chunks).unwrap_or(0),
                        date: date.and_then(|d| d.parse().ok()),
                    });
                }
                let more = pages.len() > limit;
                pages.truncate(limit);
                let next = if more {
                    pages.last().and_then(|p| p.url.as_deref()).map(|url| {
                        base64::Engine::encode(
                            &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                            url,
                        )
                    })
                } else {
                    None
                };
                Ok(IndexedPages { pages, next })
            })
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn delete_account(&self, account: &AccountId) -> Result<(), KnowledgeError> {
        let account = account.clone();
        self.blocking(move |this| {
            this.write(
                &account,
                |tx| {
                    tx.execute(
                        "DELETE FROM vector_chunks WHERE account = ?1",
                        params![account.as_str()],
                    )
                    .map_err(sql)?;
                    Ok(())
                },
                |index| {
                    *index = FlatIndex::new();
                    Ok(())
                },
            )
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip_as_little_endian_f32() {
        let v = vec![0.5f32, -1.25, 3.0e-7];
        let bytes = encode_vector(&v);
        assert_eq!(bytes.len(), 12);
        assert_eq!(&bytes[..4], &0.5f32.to_le_bytes());
        assert_eq!(decode_vector(&bytes).expect("decodes"), v);
        assert!(decode_vector(&[0, 1, 2]).is_err());
    }
}
