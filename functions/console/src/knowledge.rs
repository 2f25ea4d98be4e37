//! The console's "Knowledge" routes: what each agent ingests and the account's latest runs
//! (`GET /api/console/{account}/knowledge`), the indexed pages as the vector index holds
//! them (`.../knowledge/pages`), "Re-crawl now" (`POST .../knowledge/recrawl`, owner: the
//! run starts in the background, `409 ingest_running` while one is going) and the
//! retrieval test box (`POST .../knowledge/search`, ranked as `salient eval` ranks).

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use chrono::{DateTime, Duration, Utc};
use salient_core::AppState;
use salient_core::api::{ApiError, ApiJson, ApiQuery, ErrorCode, id_error};
use salient_core::domain::{AccountId, AgentId, now};
use salient_core::ports::ingestion::{IngestionRun, PageRecord};
use salient_core::ports::knowledge::KnowledgeError;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{SignedIn, account_of, cursor, page_size, record};

/// Most runs the page shows.
const RUNS_SHOWN: u32 = 20;
/// Most errors shown per run.
const ERRORS_SHOWN: usize = 20;
/// Most results of the retrieval test.
const SEARCH_RESULTS: usize = 10;
/// Longest question of the retrieval test, in characters.
const MAX_QUESTION_CHARS: usize = 1_000;

/// A knowledge base failure as the console answers it.
fn knowledge_error(err: KnowledgeError) -> ApiError {
    match err {
        KnowledgeError::Invalid(message) if message.contains("cursor") => {
            ApiError::new(ErrorCode::InvalidCursor, "The paging cursor is not valid.")
        }
        KnowledgeError::Backend {
            retryable: true, ..
        } => ApiError::new(
            ErrorCode::StorageUnavailable,
            "The knowledge base is briefly unavailable. Please retry.",
        )
        .with_source(err),
        other => ApiError::internal(other),
    }
}

/// The account's agents' ingestion sources: one row per sitemap and per listed URL.
fn sources_of(state: &AppState, account: &AccountId) -> Vec<Value> {
    let mut rows = Vec::new();
    for agent in state.catalog.agents().filter(|a| &a.account == account) {
        let sources = &agent.settings.sources;
        for sitemap in &sources.sitemaps {
            rows.push(json!({"agent": agent.agent, "kind": "sitemap", "location": sitemap}));
        }
        for url in &sources.urls {
            rows.push(json!({"agent": agent.agent, "kind": "urls", "location": url}));
        }
    }
    rows
}

/// A stored run error (`"{url}: {reason}"`, or a run-wide note) as `{url, code, message}`.
fn run_error(raw: &str) -> Value {
    match raw.split_once(": ") {
        Some((url, message)) if url.starts_with("http://") || url.starts_with("https://") => {
            json!({"url": url, "code": "page_failed", "message": message})
        }
        _ => json!({"url": null, "code": "run_warning", "message": raw}),
    }
}

/// A finished run as the console shows it (stored runs are the runs that ended; a run that
/// failed as a whole records nothing, see docs/architecture.md).
fn run_view(run: &IngestionRun) -> Value {
    let counts = &run.counts;
    let finished =
        run.started_at + Duration::milliseconds(i64::try_from(run.duration_ms).unwrap_or(i64::MAX));
    let errors: Vec<Value> = run
        .errors
        .iter()
        .take(ERRORS_SHOWN)
        .map(|e| run_error(e))
        .collect();
    json!({
        "id": run.id,
        "trigger": run.trigger.as_str(),
        "started_at": run.started_at,
        "finished_at": finished,
        "status": "succeeded",
        "pages": counts.added + counts.updated + counts.unchanged,
        "chunks": counts.chunks,
        "skipped": counts.skipped,
        "failed": counts.failed,
        "duration_ms": run.duration_ms,
        "errors": errors,
    })
}

/// The run a console start holds the lease for, while it goes.
fn running_view(started_at: Option<DateTime<Utc>>) -> Value {
    json!({
        "id": null, "trigger": "admin", "started_at": started_at, "finished_at": null,
        "status": "running", "pages": 0, "chunks": 0, "skipped": 0, "failed": 0,
        "duration_ms": null, "errors": [],
    })
}

/// `GET /api/console/{account}/knowledge`.
pub(crate) async fn overview(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    record(&state, &account, &operator, "knowledge.view", None).await?;
    let stored = state.store.list_runs(&account, RUNS_SHOWN).await?;
    let running = salient_core::recrawl::running(state.store.as_ref(), &account, now()).await?;
    let mut runs: Vec<Value> = Vec::new();
    if running {
        runs.push(running_view(None));
    }
    runs.extend(stored.iter().map(run_view));
    runs.truncate(RUNS_SHOWN as usize);
    Ok(Json(json!({
        "sources": sources_of(&state, &account),
        "runs": runs,
        "recrawl": {"available": state.ingest_trigger().is_some()},
    })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PagesQuery {
    cursor: Option<String>,
    limit: Option<u32>,
}

/// `GET /api/console/{account}/knowledge/pages?cursor=&limit=`: paged from the vector
/// index (the embedded index's pages in URL order; Pinecone's id listing, whose pages take
/// their URL and title from the ingestion records).
pub(crate) async fn pages(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiQuery(query): ApiQuery<PagesQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let limit = page_size(query.limit)?;
    let after = cursor(query.cursor.as_deref())?;
    let knowledge = state.knowledge().await.map_err(|err| {
        ApiError::new(
            ErrorCode::KnowledgeNotConfigured,
            "The knowledge base is not configured.",
        )
        .with_source(err)
    })?;
    record(&state, &account, &operator, "knowledge.pages", None).await?;
    let listed = knowledge
        .index
        .list_pages(&account, after, limit as usize)
        .await
        .map_err(knowledge_error)?;
    // Pages the index lists without URL (Pinecone) are named from the ingestion records.
    let records: HashMap<String, PageRecord> = if listed.pages.iter().any(|p| p.url.is_none()) {
        state
            .store
            .list_pages(&account)
            .await?
            .into_iter()
            .filter_map(|page| {
                let url_id = page.chunk_ids.first()?.split('#').next()?.to_owned();
                Some((url_id, page))
            })
            .collect()
    } else {
        HashMap::new()
    };
    let rows: Vec<Value> = listed
        .pages
        .iter()
        .map(|page| {
            let known = records.get(&page.url_id);
            json!({
                "url": page.url.clone().or_else(|| known.map(|r| r.url.clone())),
                "title": page.title.clone().or_else(|| known.map(|r| r.title.clone())),
                "chunks": page.chunks,
                "date": page.date,
            })
        })
        .collect();
    Ok(Json(json!({"pages": rows, "next_cursor": listed.next})))
}

/// `POST /api/console/{account}/knowledge/recrawl` (owner): `202 {"status": "started"}`.
pub(crate) async fn recrawl(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    operator.require_owner(&account)?;
    let has_sources = state
        .catalog
        .agents()
        .any(|a| a.account == account && !a.settings.sources.is_empty());
    if !has_sources {
        return Err(ApiError::new(
            ErrorCode::NoSourcesConfigured,
            "The account has no `sources:` configured.",
        ));
    }
    record(&state, &account, &operator, "knowledge.recrawl", None).await?;
    let run = salient_core::recrawl::start(
        state.store.as_ref(),
        state.ingest_trigger(),
        &account,
        now(),
    )
    .await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(json!({"status": "started", "run": run})),
    ))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchBody {
    question: String,
    agent: Option<String>,
}

/// `POST /api/console/{account}/knowledge/search` `{"question", "agent"?}`: the chunks
/// `salient eval` would rank for the question, with the agent's RAG settings (the
/// account's first agent when none is named).
pub(crate) async fn search(
    State(state): State<AppState>,
    SignedIn(operator): SignedIn,
    Path(raw_account): Path<String>,
    ApiJson(body): ApiJson<SearchBody>,
) -> Result<impl IntoResponse, ApiError> {
    let account = account_of(&operator, &raw_account)?;
    let question = body.question.trim();
    if question.is_empty() || question.chars().count() > MAX_QUESTION_CHARS {
        return Err(ApiError::new(
            ErrorCode::InvalidRequest,
            format!("`question` must be 1 to {MAX_QUESTION_CHARS} characters."),
        ));
    }
    let wanted = body
        .agent
        .as_deref()
        .map(|raw| AgentId::parse(raw).map_err(|e| id_error(ErrorCode::InvalidAgentId, &e)))
        .transpose()?;
    let agent = state
        .catalog
        .agents()
        .filter(|a| a.account == account)
        .find(|a| wanted.as_ref().is_none_or(|w| *w == a.agent))
        .ok_or_else(|| ApiError::new(ErrorCode::AgentNotFound, "The account has no such agent."))?;
    let rag = agent.settings.knowledge.rag.clone();
    let knowledge = state.knowledge().await.map_err(|err| {
        ApiError::new(
            ErrorCode::KnowledgeNotConfigured,
            "The knowledge base is not configured.",
        )
        .with_source(err)
    })?;
    record(&state, &account, &operator, "knowledge.search", None).await?;
    let k = SEARCH_RESULTS.max(rag.top_k);
    let hits = salient_core::eval::search(
        knowledge.embedder.as_ref(),
        knowledge.index.as_ref(),
        &account,
        question,
        k,
        &rag,
    )
    .await
    .map_err(knowledge_error)?;
    let results: Vec<Value> = hits
        .iter()
        .enumerate()
        .map(|(i, hit)| {
            json!({
                "rank": i + 1,
                "url": hit.record.url,
                "title": hit.record.title,
                "heading": hit.record.heading_path.join(" › "),
                "score": hit.score,
                "dense": hit.dense,
                "lexical": hit.lexical,
                "text": hit.record.text,
            })
        })
        .collect();
    Ok(Json(json!({"results": results})))
}
