//! The embedded store's SQLite thread: one connection, owned by one thread, runs every
//! operation of the store in the order they arrive. Operations that arrive while it is busy
//! run together as one batch: one transaction for the whole batch, each write inside its own
//! savepoint, so a failed write is undone alone and the others commit together (group
//! commit). Results are handed back only after the batch's commit.
//!
//! Why a thread of its own rather than a mutex and `spawn_blocking` per operation: on a busy
//! server every operation then cost two thread hand-offs, a contended lock and, for a write,
//! a transaction with its file locks, WAL frames and now and then a checkpoint. A turn makes
//! six store calls; under load the thread rarely sleeps, the connection's page and statement
//! caches stay warm, and concurrent turns share commits.

use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

use rusqlite::Connection;
use tokio::sync::oneshot;

use super::rows::sql;
use crate::ports::StoreError;

/// Most operations one batch takes, so a long queue still commits regularly.
const MAX_BATCH: usize = 64;

/// What a finished operation keeps until its batch is over: whether it succeeded (a failed
/// write's savepoint is rolled back) and how to hand its result over.
struct Finished {
    ok: bool,
    deliver: Box<dyn FnOnce(Option<StoreError>) + Send>,
}

/// Runs an operation's work on the connection, or, given an error, reports it without
/// running.
type Run = Box<dyn FnOnce(Result<&Connection, StoreError>) -> Finished + Send>;

/// One queued operation.
struct Job {
    write: bool,
    run: Run,
}

/// The handle to the thread; the thread ends (closing its connection) when the last clone
/// is dropped.
#[derive(Debug, Clone)]
pub(crate) struct Worker {
    jobs: mpsc::Sender<Job>,
}

impl Worker {
    /// Starts the thread that owns `conn`.
    pub(crate) fn spawn(conn: Connection) -> Result<Self, StoreError> {
        let (jobs, queue) = mpsc::channel();
        std::thread::Builder::new()
            .name("salient-sqlite".to_owned())
            .spawn(move || serve(&conn, &queue))
            .map_err(StoreError::fatal)?;
        Ok(Self { jobs })
    }

    /// Runs `work` as a write: inside the batch's `BEGIN IMMEDIATE` transaction, in its own
    /// savepoint, undone if it returns an error. Its result arrives once the batch commits.
    pub(crate) async fn write<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.submit(true, work).await
    }

    /// Runs `work` as a read, in the batch's transaction (it sees the writes queued before it).
    pub(crate) async fn read<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        self.submit(false, work).await
    }

    async fn submit<T, F>(&self, write: bool, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let run = move |conn: Result<&Connection, StoreError>| {
            let outcome = match conn {
                Ok(conn) => std::panic::catch_unwind(AssertUnwindSafe(|| work(conn)))
                    .unwrap_or_else(|_| {
                        Err(StoreError::fatal(anyhow::anyhow!(
                            "an embedded store operation panicked"
                        )))
                    }),
                Err(error) => Err(error),
            };
            Finished {
                ok: outcome.is_ok(),
                deliver: Box::new(move |batch_error: Option<StoreError>| {
                    // The caller may have gone away (a cancelled request): nothing to tell.
                    let _ = reply.send(match batch_error {
                        Some(error) => Err(error),
                        None => outcome,
                    });
                }),
            }
        };
        self.jobs
            .send(Job {
                write,
                run: Box::new(run),
            })
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::fatal(anyhow::anyhow!(
        "the embedded store's SQLite thread has stopped"
    ))
}

/// The thread's loop: wait for an operation, take whatever else is queued, run them as one
/// batch.
fn serve(conn: &Connection, queue: &mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        run_batch(conn, batch);
    }
}

fn execute(conn: &Connection, statement: &str) -> Result<(), StoreError> {
    conn.prepare_cached(statement)
        .and_then(|mut statement| statement.execute([]))
        .map(|_| ())
        .map_err(sql)
}

fn run_batch(conn: &Connection, batch: Vec<Job>) {
    let writes = batch.iter().any(|job| job.write);
    let begin = if writes {
        "BEGIN IMMEDIATE"
    } else {
        "BEGIN DEFERRED"
    };
    if let Err(error) = execute(conn, begin) {
        // Every operation gets the same failure (a busy database is transient).
        let message = error_chain(&error);
        let retryable = error.is_retryable();
        for job in batch {
            let failure = if retryable {
                StoreError::transient(anyhow::anyhow!("{message}"))
            } else {
                StoreError::fatal(anyhow::anyhow!("{message}"))
            };
            ((job.run)(Err(failure)).deliver)(None);
        }
        return;
    }
    let mut finished = Vec::with_capacity(batch.len());
    for job in batch {
        if !job.write {
            finished.push((job.run)(Ok(conn)));
            continue;
        }
        if let Err(error) = execute(conn, "SAVEPOINT op") {
            finished.push((job.run)(Err(error)));
            continue;
        }
        let done = (job.run)(Ok(conn));
        let closed = if done.ok {
            execute(conn, "RELEASE op")
        } else {
            execute(conn, "ROLLBACK TO op").and_then(|()| execute(conn, "RELEASE op"))
        };
        finished.push(match closed {
            Ok(()) => done,
            Err(error) => Finished {
                ok: false,
                deliver: Box::new(move |_| (done.deliver)(Some(error))),
            },
        });
    }
    let committed = execute(conn, "COMMIT");
    let message = committed.as_ref().err().map(error_chain);
    if committed.is_err() {
        let _ = execute(conn, "ROLLBACK");
    }
    for done in finished {
        let failure = message
            .as_ref()
            .map(|m| StoreError::fatal(anyhow::anyhow!("committing a batch failed: {m}")));
        (done.deliver)(failure);
    }
}

fn error_chain(error: &StoreError) -> String {
    match error {
        StoreError::Backend { source, .. } => format!("{source:#}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc as std_mpsc;

    use rusqlite::params;

    use super::*;

    fn worker() -> Worker {
        let conn = Connection::open_in_memory().expect("in-memory database");
        conn.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY)")
            .expect("table");
        Worker::spawn(conn).expect("thread")
    }

    fn insert(k: i64) -> impl FnOnce(&Connection) -> Result<(), StoreError> + Send + 'static {
        move |conn: &Connection| {
            conn.execute("INSERT INTO t (k) VALUES (?1)", params![k])
                .map(|_| ())
                .map_err(sql)
        }
    }

    fn keys(conn: &Connection) -> Result<Vec<i64>, StoreError> {
        let mut statement = conn.prepare("SELECT k FROM t ORDER BY k").map_err(sql)?;
        let rows = statement
            .query_map([], |row| row.get(0))
            .map_err(sql)?
            .collect::<Result<Vec<i64>, _>>()
            .map_err(sql)?;
        Ok(rows)
    }

    #[tokio::test]
    async fn a_failed_write_is_undone_alone_and_the_rest_of_its_batch_commits() {
        let worker = worker();
        // Hold the thread in a first operation so the writes below queue up behind it.
        let (release, gate) = std_mpsc::channel::<()>();
        let held = worker.read(move |_| {
            let _ = gate.recv();
            Ok(())
        });
        let mut held = std::pin::pin!(held);
        assert!(futures::poll!(held.as_mut()).is_pending());

        let first = worker.write(insert(1));
        let duplicate = worker.write(insert(1));
        let second = worker.write(insert(2));
        let half_done = worker.write(|conn: &Connection| {
            insert(3)(conn)?;
            Err::<(), _>(StoreError::AlreadyExists("three"))
        });
        let seen = worker.read(keys);
        let (mut first, mut duplicate, mut second, mut half_done, mut seen) = (
            std::pin::pin!(first),
            std::pin::pin!(duplicate),
            std::pin::pin!(second),
            std::pin::pin!(half_done),
            std::pin::pin!(seen),
        );
        // One poll each queues the operation.
        assert!(futures::poll!(first.as_mut()).is_pending());
        assert!(futures::poll!(duplicate.as_mut()).is_pending());
        assert!(futures::poll!(second.as_mut()).is_pending());
        assert!(futures::poll!(half_done.as_mut()).is_pending());
        assert!(futures::poll!(seen.as_mut()).is_pending());
        release.send(()).expect("the gate is waiting");

        held.await.expect("held read");
        first.await.expect("first insert commits");
        assert!(duplicate.await.is_err(), "the duplicate key fails");
        second.await.expect("second insert commits");
        assert!(matches!(
            half_done.await,
            Err(StoreError::AlreadyExists("three"))
        ));
        // The read ran in the batch, after the writes queued before it.
        assert_eq!(seen.await.expect("read"), vec![1, 2]);
        assert_eq!(worker.read(keys).await.expect("read"), vec![1, 2]);
    }

    #[tokio::test]
    async fn a_panicking_operation_fails_alone_and_the_thread_carries_on() {
        let worker = worker();
        let panicked = worker
            .write(|_: &Connection| -> Result<(), StoreError> { panic!("bug in an operation") })
            .await;
        assert!(matches!(
            panicked,
            Err(StoreError::Backend {
                retryable: false,
                ..
            })
        ));
        worker.write(insert(7)).await.expect("the next write");
        assert_eq!(worker.read(keys).await.expect("read"), vec![7]);
    }

    #[tokio::test]
    async fn many_concurrent_writers_all_commit() {
        let worker = worker();
        let writes = (0..500).map(|k| {
            let worker = worker.clone();
            tokio::spawn(async move { worker.write(insert(k)).await })
        });
        for write in futures::future::join_all(writes).await {
            write.expect("task").expect("insert");
        }
        assert_eq!(worker.read(keys).await.expect("read").len(), 500);
    }
}
