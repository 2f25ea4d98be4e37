//! DynamoDB single-table adapter (see docs/data-model.md).
//! PLACEHOLDER: being written; every call fails until then.

use async_trait::async_trait;

use crate::domain::{
    AccountId, AgentId, LlmRequest, Message, MessageId, Session, SessionId, VisitorId,
};
use crate::ports::{HistoryQuery, LlmRequestStore, MessageStore, Page, SessionStore, StoreError};

/// The DynamoDB store.
#[derive(Debug, Clone)]
pub struct DynamoStore {
    client: aws_sdk_dynamodb::Client,
    table: String,
}

impl DynamoStore {
    /// A store over `table`.
    pub fn new(client: aws_sdk_dynamodb::Client, table: String) -> Self {
        Self { client, table }
    }
}

fn missing() -> StoreError {
    StoreError::fatal(anyhow::anyhow!("the DynamoDB adapter is not written yet"))
}

#[async_trait]
impl SessionStore for DynamoStore {
    async fn create_session(&self, _: &Session) -> Result<(), StoreError> {
        let _ = (&self.client, &self.table);
        Err(missing())
    }
    async fn get_session(&self, _: &AccountId, _: &SessionId) -> Result<Session, StoreError> {
        Err(missing())
    }
    async fn list_sessions(
        &self,
        _: &AccountId,
        _: &VisitorId,
        _: &AgentId,
        _: Option<&str>,
        _: u32,
    ) -> Result<Page<Session, String>, StoreError> {
        Err(missing())
    }
}

#[async_trait]
impl MessageStore for DynamoStore {
    async fn append_message(
        &self,
        _: &AccountId,
        _: &SessionId,
        _: &Message,
    ) -> Result<(), StoreError> {
        Err(missing())
    }
    async fn update_message(
        &self,
        _: &AccountId,
        _: &SessionId,
        _: &Message,
    ) -> Result<(), StoreError> {
        Err(missing())
    }
    async fn history(
        &self,
        _: &AccountId,
        _: &SessionId,
        _: &HistoryQuery,
    ) -> Result<Page<Message, MessageId>, StoreError> {
        Err(missing())
    }
}

#[async_trait]
impl LlmRequestStore for DynamoStore {
    async fn record_llm_request(&self, _: &AccountId, _: &LlmRequest) -> Result<(), StoreError> {
        Err(missing())
    }
    async fn llm_requests(
        &self,
        _: &AccountId,
        _: &SessionId,
    ) -> Result<Vec<LlmRequest>, StoreError> {
        Err(missing())
    }
}
