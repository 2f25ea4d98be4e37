//! The DynamoDB store: one table for every item type (see `docs/data-model.md`).
//!
//! Every partition key starts with `A#{account}#`, so a call for one account cannot reach
//! another account's items even with a leaked session id. A session and everything hanging
//! off it share one partition (`A#{account}#S#{session}`), told apart by the sort key:
//! `SESSION`, `M#{message ulid}`, `L#{llm request ulid}`, `EV#{trigger}`. ULIDs sort by
//! time, so a key range query reads a history in order. A visitor's sessions with one
//! agent are listed through `gsi1`; the sessions awaiting a summary through the sparse
//! `gsi2` (`keys`).
//!
//! One module per port: `sessions`, `messages`, `llm_requests`, `profiles`, `otp`,
//! `rate_limits`, `spend`, `email_events`, `erasure`, `ingestion`; `codec` reads and writes typed
//! attributes, `table` holds the calls they share, `schema` creates the table.
//!
//! The semantics are those of `adapters::embedded`; both run the same conformance suite.

mod codec;
mod console;
mod email_events;
mod erasure;
mod gaps;
mod ingestion;
mod keys;
mod llm_requests;
mod messages;
mod metrics;
mod otp;
mod profiles;
mod rate_limits;
mod rollups;
mod schema;
mod sessions;
mod spend;
mod table;

use std::sync::Arc;

use async_trait::async_trait;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::AttributeValue;
use chrono::{DateTime, Utc};

pub use keys::{GSI1, GSI2, GSI3};
pub use schema::{add_awaiting_summary_index, add_console_index, create_table, delete_table};

use crate::domain::{AccountId, Retention};
use crate::ports::{ExpiryStore, StoreError};

/// DynamoDB-backed store used in AWS (and against DynamoDB Local in tests).
#[derive(Debug, Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
    retention: Arc<Retention>,
}

impl DynamoStore {
    /// A store over `table`, which must have the layout [`create_table`] makes. Nothing it
    /// writes expires until it is given a [`Retention`] ([`DynamoStore::with_retention`]).
    pub fn new(client: Client, table: String) -> Self {
        Self {
            client,
            table,
            retention: Arc::new(Retention::forever()),
        }
    }

    /// Stamps every conversation and profile item it writes with a `ttl` from `retention`.
    #[must_use]
    pub fn with_retention(mut self, retention: Retention) -> Self {
        self.retention = Arc::new(retention);
        self
    }

    /// The `ttl` (epoch seconds) of an item of `account` written at `written`, if the
    /// account's data expires.
    fn ttl(&self, account: &AccountId, written: DateTime<Utc>) -> Option<AttributeValue> {
        self.retention
            .expiry(account, written)
            .map(|at| codec::n(at.timestamp()))
    }

    /// The table this store reads and writes.
    pub fn table(&self) -> &str {
        &self.table
    }
}

#[async_trait]
impl ExpiryStore for DynamoStore {
    /// Nothing to do: the table's TTL on `ttl` deletes expired items (within days), and
    /// every read ignores them until then.
    async fn delete_expired(&self, _now: DateTime<Utc>) -> Result<u64, StoreError> {
        Ok(0)
    }
}
