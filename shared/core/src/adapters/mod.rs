//! Adapters: the storage ports implemented on real backends.

pub mod dynamodb;
pub mod dynamodb_crm;
pub mod dynamodb_ingestion;
#[cfg(feature = "embedded")]
pub mod embedded;
#[cfg(feature = "embedded")]
pub mod embedded_crm;
#[cfg(feature = "embedded")]
pub mod embedded_ingestion;
#[cfg(feature = "embedded")]
mod embedded_worker;
pub mod outbox;
pub mod ses;
