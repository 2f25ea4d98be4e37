//! Adapters: the storage ports implemented on real backends.

pub mod dynamodb;
pub mod dynamodb_crm;
pub mod dynamodb_ingestion;
pub mod embedded;
pub mod embedded_crm;
pub mod embedded_ingestion;
pub mod outbox;
pub mod ses;
