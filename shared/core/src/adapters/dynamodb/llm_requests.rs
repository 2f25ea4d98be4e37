//! LLM request items (`L#{ulid}` in the session's partition) and `LlmRequestStore`.

use async_trait::async_trait;
use aws_sdk_dynamodb::types::AttributeValue;

use super::DynamoStore;
use super::codec::{
    self, Item, millis, n, read_as, read_n, read_opt_as, read_opt_n, read_opt_string, read_string,
    read_time, s, set_opt,
};
use super::keys::{LLM_REQUEST_PREFIX, llm_request_sk, session_pk};
use crate::domain::{AccountId, LlmOutcome, LlmRequest, LlmRequestId, MessageId, SessionId};
use crate::ports::spend::SpendCharge;
use crate::ports::{LlmRequestStore, StoreError};

fn llm_request_item(
    account: &AccountId,
    request: &LlmRequest,
    ttl: Option<AttributeValue>,
) -> Item {
    let mut item = codec::item(
        session_pk(account, &request.session),
        llm_request_sk(&request.id),
        "llm_request",
        [
            ("id", s(request.id.as_str())),
            ("session", s(request.session.as_str())),
            ("model", s(&request.model)),
            ("prompt_tokens", n(request.prompt_tokens)),
            ("completion_tokens", n(request.completion_tokens)),
            ("latency_ms", n(request.latency_ms)),
            ("outcome", s(request.outcome.as_str())),
            ("created_at", millis(request.created_at)),
        ],
    );
    set_opt(
        &mut item,
        "message",
        request.message.as_ref().map(|m| s(m.as_str())),
    );
    set_opt(&mut item, "cost_usd", request.cost_usd.map(n));
    set_opt(&mut item, "error", request.error.as_deref().map(s));
    set_opt(&mut item, "ttl", ttl);
    item
}

fn llm_request_from_item(item: &Item) -> Result<LlmRequest, StoreError> {
    Ok(LlmRequest {
        id: read_as(item, "id", |r| LlmRequestId::parse(r).ok())?,
        session: read_as(item, "session", |r| SessionId::parse(r).ok())?,
        message: read_opt_as(item, "message", |r| MessageId::parse(r).ok())?,
        model: read_string(item, "model")?,
        prompt_tokens: read_n(item, "prompt_tokens")?,
        completion_tokens: read_n(item, "completion_tokens")?,
        cost_usd: read_opt_n(item, "cost_usd")?,
        latency_ms: read_n(item, "latency_ms")?,
        outcome: read_as(item, "outcome", LlmOutcome::parse)?,
        error: read_opt_string(item, "error")?,
        created_at: read_time(item, "created_at")?,
    })
}

#[async_trait]
impl LlmRequestStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn record_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
    ) -> Result<(), StoreError> {
        let ttl = self.ttl(account, request.created_at);
        self.put_new(llm_request_item(account, request, ttl), "LLM request")
            .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %request.session, llm_request = %request.id))]
    async fn finish_llm_request(
        &self,
        account: &AccountId,
        request: &LlmRequest,
        charge: Option<&SpendCharge>,
    ) -> Result<(), StoreError> {
        let ttl = self.ttl(account, request.created_at);
        self.finish_and_charge(account, llm_request_item(account, request, ttl), charge)
            .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn llm_requests(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError> {
        self.collection(
            &session_pk(account, session),
            LLM_REQUEST_PREFIX,
            llm_request_from_item,
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_llm_request_round_trips() {
        let account = AccountId::parse("acme").expect("valid");
        let request = LlmRequest {
            id: LlmRequestId::generate(),
            session: SessionId::generate(),
            message: Some(MessageId::generate()),
            model: "gpt-test".to_owned(),
            prompt_tokens: 120,
            completion_tokens: 30,
            cost_usd: Some(0.000_123_4),
            latency_ms: 850,
            outcome: LlmOutcome::Ok,
            error: None,
            created_at: crate::domain::now(),
        };
        let item = llm_request_item(&account, &request, None);
        assert_eq!(llm_request_from_item(&item).expect("valid"), request);
    }
}
