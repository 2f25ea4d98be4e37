//! Salient's core: the domain, the storage ports and their adapters, the configuration
//! cascade, the services, the one mapping from errors to HTTP responses, and telemetry
//! set-up. Every Lambda function and the local server build on it.
//!
//! The public surface is small on purpose. Five modules are the shared vocabulary:
//! [`api`] (the route layer's extractors, views and the one error-to-HTTP mapping),
//! [`config`], [`domain`], [`error`] (stable error codes) and [`ports`] (the traits the
//! adapters implement). Five services are public modules, [`console`], [`crm`], [`limits`],
//! [`monitoring`] and [`otp`];
//! the rest of what the function crates, the CLI and the tests use is re-exported below.
//! Everything else is private to this crate.

pub mod api;
pub mod config;
pub mod console;
pub mod crm;
pub mod domain;
pub mod error;
pub mod gaps;
pub mod limits;
pub mod monitoring;
pub mod otp;
pub mod ports;
pub mod recrawl;

mod adapters;
mod app;
mod conversation;
mod directory;
mod email;
mod knowledge;
mod llm;
mod privacy;
mod rollups;
mod telemetry;

// The application state and its composition root, which builds every adapter.
pub use app::{
    AppState, Knowledge, bootstrap, build, dynamodb_client, open_embedder, open_knowledge,
    open_vector_index,
};
pub use directory::Directory;
pub use telemetry::init as init_telemetry;

// Services: a visitor's sessions (and the challenge that may guard them) and turns, summary
// emails, retrieval quality.
pub use conversation::context::warm_up as warm_up_tokenizer;
pub use conversation::{challenge, feedback, ownership, sessions, turn};
pub use email::{handoff, summary, sweep};
pub use knowledge::{abstain, eval};

// Adapters and pieces that tools, benchmarks and tests build directly rather than through
// the composition root.
#[cfg(feature = "embedded")]
pub use adapters::embedded::{EmbeddedStore, IDLE_SESSIONS_QUERY};
pub use adapters::outbox::FileOutbox;
pub use adapters::ses::SesTransport;
#[cfg(feature = "local-embeddings")]
pub use knowledge::embed::LocalEmbedder;
pub use knowledge::embed::{OpenAiEmbedder, PineconeEmbedder};
pub use knowledge::follow_up::Asked;
pub use knowledge::retrieve::{Retriever, Sources};
pub use knowledge::token_count::{SliceCounter, count_tokens};
#[cfg(feature = "embedded")]
pub use knowledge::vector::EmbeddedIndex;
pub use knowledge::vector::PineconeIndex;

/// DynamoDB: the store and the table's administration (`salient admin`, tests).
pub mod dynamodb {
    pub use crate::adapters::dynamodb::{
        DynamoStore, GSI1, GSI2, GSI3, add_awaiting_summary_index, add_console_index, create_table,
        delete_table,
    };
}
