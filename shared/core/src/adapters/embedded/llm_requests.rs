//! The `llm_requests` table and `LlmRequestStore`.

use async_trait::async_trait;
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{Columns, execute, integer, millis, query_all};
use crate::domain::{AccountId, LlmOutcome, LlmRequest, LlmRequestId, MessageId, SessionId};
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
        let (account, r) = (account.to_string(), request.clone());
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO llm_requests (account, session, id, message, model, prompt_tokens, \
                 completion_tokens, cost_usd, latency_ms, outcome, error, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    account,
                    r.session.as_str(),
                    r.id.as_str(),
                    r.message.as_ref().map(MessageId::as_str),
                    r.model,
                    r.prompt_tokens,
                    r.completion_tokens,
                    r.cost_usd,
                    integer(r.latency_ms),
                    r.outcome.as_str(),
                    r.error,
                    millis(r.created_at),
                ],
            )
            .map(|_| ())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn llm_requests(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.read(move |conn| {
            query_all(
                conn,
                "SELECT session, id, message, model, prompt_tokens, completion_tokens, cost_usd, \
                 latency_ms, outcome, error, created_at FROM llm_requests \
                 WHERE account = ?1 AND session = ?2 ORDER BY id ASC",
                params![account, session],
                llm_request,
            )
        })
        .await
    }
}
