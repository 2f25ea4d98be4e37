//! The `llm_requests` table and `LlmRequestStore`.

use async_trait::async_trait;

use super::rows::{Columns, execute, integer, millis};
use super::{EmbeddedStore, live};
use crate::domain::{AccountId, LlmOutcome, LlmRequest, LlmRequestId, MessageId, SessionId, now};
use crate::ports::spend::SpendCharge;
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
        let row = LlmRequestRow::new(
            account,
            request,
            self.expires_at(account, request.created_at),
        );
        self.write(move |conn| execute(conn, INSERT_LLM_REQUEST, row.params()).map(|_| ()))
            .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn finish_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
        charge: Option<&SpendCharge>,
    ) -> Result<(), StoreError> {
        let row = LlmRequestRow::new(
            account,
            request,
            self.expires_at(account, request.created_at),
        );
        let (account, charge) = (account.clone(), charge.cloned());
        // The record and the counters change together, once: a finished record is final.
        self.write(move |conn| {
            if execute(conn, FINISH_LLM_REQUEST, row.params())? == 1
                && let Some(charge) = charge
            {
                super::spend::add_charge(conn, &account, &charge)?;
            }
            Ok(())
        })
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

/// A record's columns, owned, as they travel to the store's thread.
struct LlmRequestRow {
    account: String,
    session: String,
    id: String,
    message: Option<String>,
    model: String,
    prompt_tokens: u32,
    completion_tokens: u32,
    cost_usd: Option<f64>,
    latency_ms: i64,
    outcome: &'static str,
    error: Option<String>,
    created_at: i64,
    expires_at: Option<i64>,
}

impl LlmRequestRow {
    fn new(account: &AccountId, r: &LlmRequest, expires_at: Option<i64>) -> Self {
        Self {
            account: account.to_string(),
            session: r.session.to_string(),
            id: r.id.to_string(),
            message: r.message.as_ref().map(MessageId::to_string),
            model: r.model.clone(),
            prompt_tokens: r.prompt_tokens,
            completion_tokens: r.completion_tokens,
            cost_usd: r.cost_usd,
            latency_ms: integer(r.latency_ms),
            outcome: r.outcome.as_str(),
            error: r.error.clone(),
            created_at: millis(r.created_at),
            expires_at,
        }
    }

    fn params(&self) -> [&dyn rusqlite::ToSql; 13] {
        [
            &self.account,
            &self.session,
            &self.id,
            &self.message,
            &self.model,
            &self.prompt_tokens,
            &self.completion_tokens,
            &self.cost_usd,
            &self.latency_ms,
            &self.outcome,
            &self.error,
            &self.created_at,
            &self.expires_at,
        ]
    }
}

/// A new record (a taken id fails).
const INSERT_LLM_REQUEST: &str = "INSERT INTO llm_requests (account, session, id, message, model, \
     prompt_tokens, completion_tokens, cost_usd, latency_ms, outcome, error, created_at, \
     expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

/// A record's final figures, over its `started` record if there is one; a record that is
/// already finished is left alone (no row changes).
const FINISH_LLM_REQUEST: &str = "INSERT INTO llm_requests (account, session, id, message, \
     model, prompt_tokens, completion_tokens, cost_usd, latency_ms, outcome, error, \
     created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
     ON CONFLICT (account, session, id) DO UPDATE SET message = excluded.message, \
     model = excluded.model, prompt_tokens = excluded.prompt_tokens, \
     completion_tokens = excluded.completion_tokens, cost_usd = excluded.cost_usd, \
     latency_ms = excluded.latency_ms, outcome = excluded.outcome, error = excluded.error, \
     created_at = excluded.created_at, expires_at = excluded.expires_at \
     WHERE llm_requests.outcome = 'started'";
