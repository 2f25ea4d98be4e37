//! Adapters: the storage ports implemented on real backends.

pub mod dynamodb;
pub mod embedded;
