//! The `llm_requests` table and `LlmRequestStore`.

use async_trait::async_trait;

use super::rows::{Columns, integer, millis};
use super::{EmbeddedStore, live};
use crate::domain::{AccountId, LlmOutcome, LlmRequest, LlmRequestId, MessageId, SessionId, now};
use crate::ports::{LlmRequestStore, StoreError};

/// Reads a row of `session, id, message, model, prompt_tokens, completion_tokens, cost_usd,
/// latency_ms, outcome, error, created_at`.
fn llm_request(c: &mut Columns<'_, '_>) -> Result<LlmRequest, StoreError> {
    Ok(LlmRequest {
        session: c.parsed("session id", |r| SessionId::parse(r).ok())?,
        id: c.parsed("LLM request id", |r| LlmRequestId::parse(r).ok())?,
        message: c.opt_parsed("message id", |r| MessageId::parse(r).ok())?,
        model: c.get()?,
        prompt_tokens: c.get()?,
        completion_tokens: c.get()?,
        cost_usd: c.get()?,
        latency_ms: c.count("latency")?,
        outcome: c.parsed("LLM outcome", LlmOutcome::parse)?,
        error: c.get()?,
        created_at: c.time()?,
    })
}

#[async_trait]
impl LlmRequestStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn record_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError> {
        self.write_llm_request(INSERT_LLM_REQUEST, account, request)
            .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn finish_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError> {
        self.write_llm_request(REPLACE_LLM_REQUEST, account, request)
            .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn llm_requests(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError> {
        self.select_all(
            concat!(
                "SELECT session, id, message, model, prompt_tokens, completion_tokens, cost_usd, \
                 latency_ms, outcome, error, created_at FROM llm_requests \
                 WHERE account = ?1 AND session = ?2 AND ",
                live!(3),
                " ORDER BY id ASC"
            ),
            (account.to_string(), session.to_string(), millis(now())),
            llm_request,
        )
        .await
    }
}

impl EmbeddedStore {
    /// Writes a record with `statement` (one of the two below).
    async fn write_llm_request(
        &self,
        statement: &'static str,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError> {
        let r = request;
        let expires_at = self.expires_at(account, r.created_at);
        self.change(
            statement,
            (
                account.to_string(),
                r.session.to_string(),
                r.id.to_string(),
                r.message.as_ref().map(MessageId::to_string),
                r.model.clone(),
                r.prompt_tokens,
                r.completion_tokens,
                r.cost_usd,
                integer(r.latency_ms),
                r.outcome.as_str(),
                r.error.clone(),
                millis(r.created_at),
                expires_at,
            ),
        )
        .await
        .map(|_| ())
    }
}

/// A new record (a taken id fails).
const INSERT_LLM_REQUEST: &str = "INSERT INTO llm_requests (account, session, id, message, model, \
     prompt_tokens, completion_tokens, cost_usd, latency_ms, outcome, error, created_at, expires_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/// A record over the one of the same id, if any.
const REPLACE_LLM_REQUEST: &str = "INSERT OR REPLACE INTO llm_requests (account, session, id, \
     message, model, prompt_tokens, completion_tokens, cost_usd, latency_ms, outcome, error, \
     created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
