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
mod email_events;
mod erasure;
mod ingestion;
mod keys;
mod llm_requests;
mod messages;
mod otp;
mod profiles;
mod rate_limits;
mod schema;
mod sessions;
mod spend;
mod table;

use aws_sdk_dynamodb::Client;

pub use keys::{GSI1, GSI2};
pub use schema::{add_awaiting_summary_index, create_table, delete_table};

/// DynamoDB-backed store used in AWS (and against DynamoDB Local in tests).
#[derive(Debug, Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

impl DynamoStore {
    /// A store over `table`, which must have the layout [`create_table`] makes.
    pub fn new(client: Client, table: String) -> Self {
        Self { client, table }
    }

    /// The table this store reads and writes.
    pub fn table(&self) -> &str {
        &self.table
    }
}
