//! The `ingest` function: on-demand ingestion through an admin route, and scheduled
//! ingestion of every account from EventBridge Scheduler (`tests/data/scheduler-ingest.json`).
//!
//! Routes (buffered JSON):
//! - `POST /api/admin/{account}/ingest`: the local server's path;
//! - `POST /admin/ingest/{account}`: the path the deployment routes here
//!   (`/admin/ingest/{proxy+}`, IAM-signed at the API).
//!
//! Both need the admin token, as `Authorization: Bearer <admin.token>` or, behind the
//! deployment's IAM-authorised route where `Authorization` holds the SigV4 signature, as
//! `X-Salient-Admin-Token: <admin.token>`; with no token configured, admin routes do
//! not exist (404 `route_not_found`, the same answer as a wrong token, so probing tells
//! nothing).

use anyhow::Context as _;
use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::post;
use salient_core::AppState;
use salient_core::api::{ApiError, ErrorCode};
use salient_core::config::{Catalog, Schedule, SourcesSettings};
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::{IngestionRun, RunTrigger};
use salient_core::ports::knowledge::KnowledgeError;
use salient_ingestion::{IngestError, Ingestor, NoProgress};
use secrecy::ExposeSecret as _;
use subtle::ConstantTimeEq as _;

/// The function's router, served by Lambda (`main.rs`) and by `salient serve`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/admin/{account}/ingest", post(ingest_now))
        .route("/admin/ingest/{account}", post(ingest_now))
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}

/// The ingestor over the state's knowledge base and ingestion records (both opened once
/// per process by the composition root and shared with retrieval).
pub async fn build_ingestor(state: &AppState) -> anyhow::Result<Ingestor> {
    let knowledge = state.knowledge().await.context(
        "opening the knowledge base from knowledge.embedding and knowledge.vector_store",
    )?;
    Ok(Ingestor::new(
        knowledge.embedder,
        knowledge.index,
        state.ingestion_records(),
    )?)
}

/// An account's `sources:` (account-level: any of its agents carries the same).
pub fn account_sources(catalog: &Catalog, account: &AccountId) -> Option<SourcesSettings> {
    catalog
        .agents()
        .find(|agent| agent.account == *account)
        .map(|agent| agent.settings.sources.clone())
}

/// Every account with sources and a daily schedule.
pub fn scheduled_accounts(catalog: &Catalog) -> Vec<(AccountId, SourcesSettings)> {
    let mut accounts: Vec<(AccountId, SourcesSettings)> = Vec::new();
    for agent in catalog.agents() {
        let sources = &agent.settings.sources;
        if sources.is_empty()
            || sources.schedule != Schedule::Daily
            || accounts.iter().any(|(a, _)| *a == agent.account)
        {
            continue;
        }
        accounts.push((agent.account.clone(), sources.clone()));
    }
    accounts
}

/// The header that carries the admin token where `Authorization` is taken by SigV4.
pub const ADMIN_TOKEN_HEADER: &str = "x-salient-admin-token";

/// Constant-time comparison of the presented bearer token with the configured one.
fn authorised(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(expected) = state.catalog.app().admin.token.as_ref() else {
        return false;
    };
    let expected = expected.expose_secret().as_bytes();
    // Behind the deployment's IAM-authorised route, `Authorization` carries the SigV4
    // signature, so the token travels in `X-Salient-Admin-Token` there.
    let presented = headers
        .get(ADMIN_TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .or_else(|| {
            headers
                .get(axum::http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
        })
        .unwrap_or_default()
        .as_bytes();
    !expected.is_empty() && bool::from(presented.ct_eq(expected))
}

#[tracing::instrument(skip(state, headers))]
async fn ingest_now(
    State(state): State<AppState>,
    Path(account): Path<String>,
    headers: HeaderMap,
) -> Result<Json<IngestionRun>, ApiError> {
    if !authorised(&state, &headers) {
        return Err(ApiError::new(
            ErrorCode::RouteNotFound,
            "No route has this path.",
        ));
    }
    let account = AccountId::parse(&account)
        .map_err(|e| salient_core::api::id_error(ErrorCode::InvalidAccountId, &e))?;
    let sources = account_sources(&state.catalog, &account)
        .ok_or_else(|| ApiError::new(ErrorCode::AgentNotFound, "No account with this id."))?;
    let ingestor = build_ingestor(&state).await.map_err(ingestor_unavailable)?;
    let report = ingestor
        .run(&account, &sources, RunTrigger::Admin, &NoProgress)
        .await
        .map_err(|err| match err {
            IngestError::NothingConfigured => ApiError::new(
                ErrorCode::NoSourcesConfigured,
                "The account has no `sources:` configured.",
            ),
            other if other.is_retryable() => {
                ApiError::new(ErrorCode::StorageUnavailable, "Briefly unavailable; retry.")
                    .with_source(other)
            }
            other => ApiError::internal(other),
        })?;
    Ok(Json(report.run))
}

/// Why the ingestor could not be built, for the admin route: knowledge settings that are
/// missing or name a backend this build lacks get `knowledge_not_configured` with the
/// reason (settings, never secrets; the route is for operators), anything else is internal.
fn ingestor_unavailable(err: anyhow::Error) -> ApiError {
    if err.chain().any(|cause| cause.is::<KnowledgeError>()) {
        ApiError::new(ErrorCode::KnowledgeNotConfigured, format!("{err:#}"))
    } else {
        ApiError::internal(err)
    }
}

pub use salient_lambda_entry::{ScheduledDetail, ScheduledEvent};

/// Why a scheduled run failed; `retryable` tells Lambda's async retry whether to bother
/// (`main.rs` reports it as the error's type, `Retryable` or `NonRetryable`).
#[derive(Debug, thiserror::Error)]
#[error("scheduled ingestion failed for {failed} account(s) (retryable: {retryable}): {summary}")]
pub struct ScheduledError {
    /// Accounts that failed.
    pub failed: usize,
    /// Whether any failure may pass on retry.
    pub retryable: bool,
    /// The failures, one per account.
    pub summary: String,
}

/// Runs the scheduled ingestion of every account whose schedule is `daily`. Accounts run
/// one after another; one account's failure does not stop the others.
pub async fn run_scheduled(
    state: &AppState,
    event: &ScheduledEvent,
) -> Result<Vec<(AccountId, IngestionRun)>, ScheduledError> {
    if event.detail.task != "ingest" {
        return Err(ScheduledError {
            failed: 0,
            retryable: false,
            summary: format!("unknown task {:?}", event.detail.task),
        });
    }
    let ingestor = build_ingestor(state).await.map_err(|err| ScheduledError {
        failed: 0,
        retryable: err.chain().any(|cause| {
            matches!(
                cause.downcast_ref::<KnowledgeError>(),
                Some(KnowledgeError::Backend {
                    retryable: true,
                    ..
                })
            )
        }),
        summary: format!("{err:#}"),
    })?;
    if let Some(raw) = &event.detail.account {
        // One account, started from the console: its run gives the ingest lease back.
        let account = AccountId::parse(raw).map_err(|_| ScheduledError {
            failed: 1,
            retryable: false,
            summary: "the event names an invalid account".to_owned(),
        })?;
        let outcome = run_account(state, &ingestor, &account).await;
        if let Some(holder) = &event.detail.run {
            salient_core::recrawl::finish(state.store.as_ref(), &account, holder).await;
        }
        return outcome.map(|run| vec![(account, run)]);
    }
    let mut done = Vec::new();
    let mut failures = Vec::new();
    let mut retryable = false;
    for (account, sources) in scheduled_accounts(&state.catalog) {
        match ingestor
            .run(&account, &sources, RunTrigger::Schedule, &NoProgress)
            .await
        {
            Ok(report) => done.push((account, report.run)),
            Err(err) => {
                tracing::error!(%account, error = %err, "scheduled ingestion failed");
                retryable |= err.is_retryable();
                failures.push(format!("{account}: {err}"));
            }
        }
    }
    if failures.is_empty() {
        Ok(done)
    } else {
        Err(ScheduledError {
            failed: failures.len(),
            retryable,
            summary: failures.join("; "),
        })
    }
}

/// One account's run, started by an operator (console or admin route).
async fn run_account(
    state: &AppState,
    ingestor: &Ingestor,
    account: &AccountId,
) -> Result<IngestionRun, ScheduledError> {
    let failed = |retryable: bool, summary: String| ScheduledError {
        failed: 1,
        retryable,
        summary,
    };
    let sources = account_sources(&state.catalog, account)
        .ok_or_else(|| failed(false, format!("{account}: no such account")))?;
    match ingestor
        .run(account, &sources, RunTrigger::Admin, &NoProgress)
        .await
    {
        Ok(report) => Ok(report.run),
        Err(err) => {
            tracing::error!(%account, error = %err, "ingestion started from the console failed");
            Err(failed(err.is_retryable(), format!("{account}: {err}")))
        }
    }
}

/// "Re-crawl now" in `salient serve` (and the tests): the run is a task of this process,
/// over the same state's knowledge base and records; it gives the ingest lease back when
/// it ends. The state is handed over once built ([`LocalIngestTrigger::attach`]).
#[derive(Debug, Clone, Default)]
pub struct LocalIngestTrigger {
    state: std::sync::Arc<std::sync::OnceLock<AppState>>,
}

impl LocalIngestTrigger {
    /// A trigger with no state yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Gives the trigger the state its runs use, and the state the trigger.
    pub fn attach(self, state: AppState) -> AppState {
        let state = state.with_ingest_trigger(std::sync::Arc::new(self.clone()));
        let _ = self.state.set(state.clone());
        state
    }
}

#[async_trait::async_trait]
impl salient_core::ports::ingest_trigger::IngestTrigger for LocalIngestTrigger {
    async fn start(
        &self,
        account: &AccountId,
        holder: &str,
    ) -> Result<(), salient_core::ports::ingest_trigger::TriggerError> {
        let state = self.state.get().cloned().ok_or_else(|| {
            salient_core::ports::ingest_trigger::TriggerError(anyhow::anyhow!(
                "the local ingest trigger has no state"
            ))
        })?;
        let (account, holder) = (account.clone(), holder.to_owned());
        tokio::spawn(async move {
            match build_ingestor(&state).await {
                Ok(ingestor) => {
                    let _ = run_account(&state, &ingestor, &account).await;
                }
                Err(err) => {
                    tracing::error!(%account, error = %format!("{err:#}"), "the knowledge base could not be opened for ingestion");
                }
            }
            salient_core::recrawl::finish(state.store.as_ref(), &account, &holder).await;
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use anyhow::Context as _;
    use axum::response::IntoResponse as _;
    use salient_core::config::{KnowledgeSettings, VectorBackend};

    use super::*;

    #[test]
    fn a_knowledge_base_without_its_key_is_knowledge_not_configured() {
        let mut knowledge = KnowledgeSettings::default();
        knowledge.vector_store.backend = VectorBackend::Pinecone;
        knowledge.vector_store.index_host = "https://idx-proj.svc.aped-1.pinecone.io".to_owned();
        let Err(err) = salient_core::open_vector_index(&knowledge)
            .context("opening the vector index from knowledge.vector_store")
        else {
            panic!("a Pinecone index without a key must not open");
        };
        let error = ingestor_unavailable(err);
        assert_eq!(error.code(), ErrorCode::KnowledgeNotConfigured);
        assert!(error.message().contains("api_key"), "{}", error.message());
        let response = error.into_response();
        assert_eq!(
            response.status(),
            axum::http::StatusCode::SERVICE_UNAVAILABLE
        );
        let other = ingestor_unavailable(anyhow::anyhow!("disk on fire"));
        assert_eq!(other.code(), ErrorCode::Internal);
    }
}
