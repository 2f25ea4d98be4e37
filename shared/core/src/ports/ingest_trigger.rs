//! Starting an ingestion run from the console ("Re-crawl now") without waiting for it: in
//! AWS an asynchronous invocation of the ingest function, in `salient serve` a task of the
//! process (only the ingest function and the CLI link the crawler).

use async_trait::async_trait;

use crate::domain::AccountId;

/// Why a run could not be started.
#[derive(Debug, thiserror::Error)]
#[error("starting the ingestion run failed")]
pub struct TriggerError(#[source] pub anyhow::Error);

/// Starts an account's ingestion run in the background.
#[async_trait]
pub trait IngestTrigger: Send + Sync + std::fmt::Debug {
    /// Starts the run; returns once it is handed over, not when it ends. `holder` is the
    /// holder of the account's ingest lease ([`crate::recrawl`]), which the run gives back
    /// when it ends.
    async fn start(&self, account: &AccountId, holder: &str) -> Result<(), TriggerError>;
}
