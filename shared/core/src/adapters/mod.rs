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

use std::sync::Arc;

#[cfg(feature = "embedded")]
use anyhow::Context as _;

use crate::config::{StorageBackend, StorageSettings};
use crate::ports::ingestion::IngestionStore;

/// The ingestion records on the configured storage backend (`storage:` in app.yaml).
pub async fn ingestion_store(storage: &StorageSettings) -> anyhow::Result<Arc<dyn IngestionStore>> {
    Ok(match storage.backend {
        #[cfg(feature = "embedded")]
        StorageBackend::Embedded => Arc::new(
            embedded::EmbeddedStore::open(&storage.path)
                .with_context(|| format!("opening {}", storage.path.display()))?,
        ),
        #[cfg(not(feature = "embedded"))]
        StorageBackend::Embedded => return Err(crate::config::compiled_out::EMBEDDED_STORE.into()),
        StorageBackend::Dynamodb => Arc::new(dynamodb::DynamoStore::new(
            crate::app::dynamodb_client(storage).await,
            storage.table.clone(),
        )),
    })
}
