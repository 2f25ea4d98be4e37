//! One place logs and records a call to the model, for answers and summaries alike.

use crate::config::TokenPrice;
use crate::domain::{AccountId, AgentId, LlmRequest};
use crate::limits::spend::charge_of;
use crate::ports::LlmRequestStore;
use crate::ports::rollups::{RollupDelta, RollupStore, counter};

/// Stores a call to the model as `started` as it is made, so a process that dies
/// during the call leaves a record of it; [`record_llm_call`] replaces it with the figures.
/// A failed write is logged, never fatal.
pub(crate) async fn record_llm_start(
    records: &dyn LlmRequestStore,
    account: &AccountId,
    record: &LlmRequest,
) {
    if let Err(error) = records.record_llm_request(account, record).await {
        tracing::error!(account = %account, session = %record.session, error = ?error, "recording the start of an LLM request failed");
    }
}

/// Logs one call to the model (one line, `purpose` = `answer` or `summary`) and stores the
/// same figures as an LLM request of the session, over the record of its start if there is
/// one, charging its cost (or its tokens at `price`) to the spend counters in the same
/// write; a failed write is logged, never fatal.
pub(crate) async fn record_llm_call(
    records: &dyn LlmRequestStore,
    rollups: &dyn RollupStore,
    account: &AccountId,
    agent: &AgentId,
    record: &LlmRequest,
    purpose: &'static str,
    price: &TokenPrice,
) {
    tracing::info!(
        account = %account,
        agent = %agent,
        session = %record.session,
        llm_request = %record.id,
        model = %record.model,
        prompt_tokens = record.prompt_tokens,
        completion_tokens = record.completion_tokens,
        cost_usd = record.cost_usd,
        latency_ms = record.latency_ms,
        outcome = record.outcome.as_str(),
        error = record.error.as_deref(),
        purpose,
        "llm request"
    );
    let at = crate::domain::now();
    let charge = charge_of(record, agent, price, at);
    if let Err(error) = records
        .finish_llm_request(account, record, charge.as_ref())
        .await
    {
        tracing::error!(account = %account, session = %record.session, error = ?error, "recording the LLM request failed");
        return;
    }
    // The day's tokens and cost, beside the spend counters.
    let cost = charge.as_ref().map_or(0, |c| c.micro_usd);
    let delta = RollupDelta::new()
        .add(counter::PROMPT_TOKENS, i64::from(record.prompt_tokens))
        .add(
            counter::COMPLETION_TOKENS,
            i64::from(record.completion_tokens),
        )
        .add(
            counter::COST_MICRO_USD,
            i64::try_from(cost).unwrap_or(i64::MAX),
        );
    crate::rollups::record(rollups, account, agent, at, delta).await;
}
