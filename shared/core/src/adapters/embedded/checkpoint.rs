//! WAL checkpoints off the store's thread. SQLite's automatic checkpoint runs inside the
//! commit that pushes the WAL past 1,000 pages, on the one thread every operation waits for,
//! and copies every page the WAL holds back into the database file. Here the store's own
//! connection never checkpoints; a second connection on a thread of its own runs a
//! `PASSIVE` checkpoint every [`INTERVAL`]. A passive checkpoint never waits for a lock nor
//! blocks a writer, and a page written by many commits in between (a rate counter, a
//! session row) is copied once, not once per 1,000 pages of WAL.
//!
//! The thread ends, after a last checkpoint, once the store is dropped; SQLite's own
//! checkpoint on closing the last connection then removes the WAL.

use std::path::Path;
use std::sync::{Arc, Weak};
use std::time::Duration;

use rusqlite::Connection;

use crate::ports::StoreError;

/// How often the WAL is copied into the database file.
const INTERVAL: Duration = Duration::from_millis(250);

/// The WAL file is cut back to this size (bytes) after a checkpoint that copied all of it,
/// so a burst of writes does not leave a large file behind.
const WAL_SIZE_LIMIT: i64 = 64 * 1024 * 1024;

/// Held by the store; the checkpoint thread runs while any clone of it lives.
#[derive(Debug)]
pub(crate) struct Checkpointer;

/// Turns off the automatic checkpoint of `store_conn` and starts the thread that
/// checkpoints the database at `path` instead.
pub(crate) fn start(store_conn: &Connection, path: &Path) -> Result<Arc<Checkpointer>, StoreError> {
    let own = Connection::open(path).map_err(StoreError::fatal)?;
    own.pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)
        .map_err(StoreError::fatal)?;
    store_conn
        .pragma_update(None, "wal_autocheckpoint", 0)
        .map_err(StoreError::fatal)?;
    store_conn
        .pragma_update(None, "journal_size_limit", WAL_SIZE_LIMIT)
        .map_err(StoreError::fatal)?;
    let alive = Arc::new(Checkpointer);
    let watched = Arc::downgrade(&alive);
    std::thread::Builder::new()
        .name("salient-sqlite-checkpoint".to_owned())
        .spawn(move || run(&own, &watched))
        .map_err(StoreError::fatal)?;
    Ok(alive)
}

fn run(conn: &Connection, store: &Weak<Checkpointer>) {
    loop {
        std::thread::sleep(INTERVAL);
        let last = store.strong_count() == 0;
        if let Err(error) = checkpoint(conn) {
            tracing::warn!(error = %error, "WAL checkpoint failed");
        }
        if last {
            return;
        }
    }
}

/// One passive checkpoint: copies what no reader still needs and returns at once.
fn checkpoint(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_copies_the_wal_that_commits_no_longer_copy() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("store.db");
        let conn = Connection::open(&path).expect("opened");
        conn.pragma_update(None, "journal_mode", "WAL")
            .expect("WAL mode");
        let alive = start(&conn, &path).expect("started");
        let autocheckpoint: i64 = conn
            .pragma_query_value(None, "wal_autocheckpoint", |row| row.get(0))
            .expect("read");
        assert_eq!(autocheckpoint, 0);
        conn.execute_batch("CREATE TABLE t (v BLOB)")
            .expect("created");
        for _ in 0..300 {
            conn.execute("INSERT INTO t VALUES (randomblob(8000))", [])
                .expect("inserted");
        }
        // 2.4 MB written: with commits no longer checkpointing, only the thread moves the
        // pages from the WAL into the database file.
        let size = || std::fs::metadata(&path).map_or(0, |m| m.len());
        let copied = (0..100).any(|_| {
            std::thread::sleep(Duration::from_millis(50));
            size() > 2_000_000
        });
        assert!(copied, "the database file stayed at {} bytes", size());
        drop(alive);
    }
}
