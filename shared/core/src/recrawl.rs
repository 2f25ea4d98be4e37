//! "Re-crawl now": one ingestion run per account at a time, started from the console.
//!
//! The account's ingest lease (a stream-lease slot of subject [`INGEST_LEASE`], one slot)
//! is taken before the run is handed to the [`IngestTrigger`] and given back by the run
//! when it ends; a run that dies without giving it back frees it after [`LEASE_SECS`] (the
//! ingest function's timeout). While it is held, another start is `409 ingest_running`.

use chrono::{DateTime, Duration, Utc};

use crate::domain::AccountId;
use crate::error::{CodedError, ErrorCode};
use crate::ports::StoreError;
use crate::ports::crm::RateLimitStore;
use crate::ports::ingest_trigger::{IngestTrigger, TriggerError};

/// The lease subject of an account's console-started ingestion run.
pub const INGEST_LEASE: &str = "ingest:run";

/// How long a run may hold the lease: the ingest function's timeout (900 s).
pub const LEASE_SECS: i64 = 900;

/// Why a re-crawl did not start.
#[derive(Debug, thiserror::Error)]
pub enum RecrawlError {
    /// A run of the account holds the lease.
    #[error("an ingestion run of this account is already in progress")]
    Running,
    /// The deployment has no way to start a run.
    #[error("this deployment cannot start an ingestion run from the console")]
    Unavailable,
    /// Handing the run over failed.
    #[error(transparent)]
    Trigger(#[from] TriggerError),
    /// The lease could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for RecrawlError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Running => ErrorCode::IngestRunning,
            Self::Unavailable => ErrorCode::RecrawlUnavailable,
            Self::Trigger(_) => ErrorCode::Internal,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::Running => "An ingestion run of this account is already in progress; try again \
                              when it has finished."
                .to_owned(),
            Self::Unavailable => self.to_string(),
            Self::Trigger(_) => "The ingestion run could not be started. Please retry.".to_owned(),
            Self::Store(err) => err.public_message(),
        }
    }
}

/// Takes the account's ingest lease and hands the run to `trigger`; the lease's holder
/// (a ULID, so its time says when the run started). The lease is given back when the
/// hand-over fails.
pub async fn start(
    leases: &dyn RateLimitStore,
    trigger: Option<&dyn IngestTrigger>,
    account: &AccountId,
    now: DateTime<Utc>,
) -> Result<String, RecrawlError> {
    let trigger = trigger.ok_or(RecrawlError::Unavailable)?;
    let holder = ulid::Ulid::from_datetime(now.into()).to_string();
    let expires_at = now + Duration::seconds(LEASE_SECS);
    let Some(slot) = leases
        .acquire_lease(account, INGEST_LEASE, 1, &holder, now, expires_at)
        .await?
    else {
        return Err(RecrawlError::Running);
    };
    if let Err(error) = trigger.start(account, &holder).await {
        leases
            .release_lease(account, INGEST_LEASE, slot, &holder)
            .await?;
        return Err(error.into());
    }
    tracing::info!(account = %account, run = %holder, "ingestion run started from the console");
    Ok(holder)
}

/// Whether a console-started run of the account holds the lease now. Read by taking the
/// lease with an expiry of `now` (so it is free again for anyone after this instant) and
/// giving it back at once.
pub async fn running(
    leases: &dyn RateLimitStore,
    account: &AccountId,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let probe = format!("probe-{}", ulid::Ulid::generate());
    match leases
        .acquire_lease(account, INGEST_LEASE, 1, &probe, now, now)
        .await?
    {
        Some(slot) => {
            leases
                .release_lease(account, INGEST_LEASE, slot, &probe)
                .await?;
            Ok(false)
        }
        None => Ok(true),
    }
}

/// Gives back the lease `holder` took (the run ended); logged, never failing the run.
pub async fn finish(leases: &dyn RateLimitStore, account: &AccountId, holder: &str) {
    if let Err(error) = leases.release_lease(account, INGEST_LEASE, 0, holder).await {
        tracing::warn!(account = %account, error = ?error, "giving back the ingest lease failed; it frees itself at its expiry");
    }
}
