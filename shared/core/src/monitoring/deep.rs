//! `GET /healthz?deep=1`: one cheap read of the store and, when the knowledge base is
//! open, one of the vector index, each within its own timeout. A failed check names a
//! stable code: `storage_unavailable` or `vector_store_unavailable` for a dependency that
//! answered with an error, `dependency_timeout` for one that did not answer in time.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::ErrorCode;
use crate::ports::knowledge::VectorIndex;
use crate::ports::metrics::StoreProbe;

/// How long the store may take to answer the check.
pub(crate) const STORE_TIMEOUT: Duration = Duration::from_secs(2);

/// How long the vector index may take to answer the check.
pub(crate) const VECTORS_TIMEOUT: Duration = Duration::from_secs(3);

/// One dependency's check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum CheckOutcome {
    /// It answered.
    Passed {
        /// Always `true`.
        ok: bool,
        /// How long it took.
        latency_ms: u64,
    },
    /// It failed or did not answer in time.
    Failed {
        /// Always `false`.
        ok: bool,
        /// The stable code of the failure.
        error: &'static str,
    },
}

impl CheckOutcome {
    /// Whether the dependency answered.
    pub fn is_ok(&self) -> bool {
        matches!(self, Self::Passed { .. })
    }
}

/// Every check, by dependency (`store`, `vectors`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeepReport {
    /// `ok` or `degraded`.
    pub status: &'static str,
    /// Each dependency's outcome.
    pub checks: BTreeMap<&'static str, CheckOutcome>,
}

impl DeepReport {
    /// Whether every check passed.
    pub fn is_ok(&self) -> bool {
        self.checks.values().all(CheckOutcome::is_ok)
    }
}

async fn check<E, F>(timeout: Duration, failed: ErrorCode, call: F) -> (CheckOutcome, Option<E>)
where
    F: std::future::Future<Output = Result<(), E>>,
{
    let started = Instant::now();
    match tokio::time::timeout(timeout, call).await {
        Ok(Ok(())) => (
            CheckOutcome::Passed {
                ok: true,
                latency_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            },
            None,
        ),
        Ok(Err(error)) => (
            CheckOutcome::Failed {
                ok: false,
                error: failed.as_str(),
            },
            Some(error),
        ),
        Err(_) => (
            CheckOutcome::Failed {
                ok: false,
                error: ErrorCode::DependencyTimeout.as_str(),
            },
            None,
        ),
    }
}

/// Checks the store and, when given, the vector index (both at once), each within its
/// timeout. A failure is logged with its cause; the report carries only the code.
pub async fn deep_check(store: &dyn StoreProbe, vectors: Option<&dyn VectorIndex>) -> DeepReport {
    let store_check = check(STORE_TIMEOUT, ErrorCode::StorageUnavailable, store.probe());
    let vectors_check = async {
        match vectors {
            Some(index) => Some(
                check(VECTORS_TIMEOUT, ErrorCode::VectorStoreUnavailable, async {
                    // The console's reserved account has no vectors: a namespace that is
                    // always empty, so the call is cheap on every backend.
                    index
                        .count(&crate::console::console_account())
                        .await
                        .map(|_| ())
                })
                .await,
            ),
            None => None,
        }
    };
    let ((store_outcome, store_error), vectors_result) =
        futures::future::join(store_check, vectors_check).await;
    let mut checks = BTreeMap::new();
    match store_error {
        Some(error) => {
            tracing::warn!(error = %format!("{:#}", anyhow::Error::from(error)), "deep health check: the store failed");
        }
        None if !store_outcome.is_ok() => {
            tracing::warn!("deep health check: the store did not answer in time");
        }
        None => {}
    }
    checks.insert("store", store_outcome);
    if let Some((outcome, error)) = vectors_result {
        match error {
            Some(error) => {
                tracing::warn!(error = %format!("{:#}", anyhow::Error::from(error)), "deep health check: the vector index failed");
            }
            None if !outcome.is_ok() => {
                tracing::warn!("deep health check: the vector index did not answer in time");
            }
            None => {}
        }
        checks.insert("vectors", outcome);
    }
    let mut report = DeepReport {
        status: "ok",
        checks,
    };
    if !report.is_ok() {
        report.status = "degraded";
    }
    report
}
