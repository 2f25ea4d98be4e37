//! Email: the conversation summaries (`summary`, written by the model in `summarise`, swept
//! for idle sessions by `sweep`), the views that render every email the platform sends
//! (`view`), and the transport the deployment is configured with.

mod summarise;
pub mod summary;
pub mod sweep;
pub mod view;

use std::sync::Arc;

use crate::adapters::outbox::FileOutbox;
use crate::adapters::ses::SesTransport;
use crate::config::{EmailSettings, EmailTransportKind};
use crate::ports::email::EmailTransport;

/// The transport `email.transport` names: the file outbox (local default) or SES v2.
pub fn transport_from_settings(settings: &EmailSettings) -> Arc<dyn EmailTransport> {
    match settings.transport {
        EmailTransportKind::Outbox => Arc::new(FileOutbox::new(settings.outbox_dir.clone())),
        EmailTransportKind::Ses => Arc::new(SesTransport::new(settings.ses_endpoint_url.clone())),
    }
}
