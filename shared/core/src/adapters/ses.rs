//! The AWS email transport: Amazon SES v2 `SendEmail` with the raw MIME message, so the
//! text and HTML parts arrive exactly as the outbox writes them.

use async_trait::async_trait;
use aws_sdk_sesv2::Client;
use aws_sdk_sesv2::primitives::Blob;
use aws_sdk_sesv2::types::{Destination, EmailContent, RawMessage};
use tokio::sync::OnceCell;

use super::sdk_error::is_retryable;
use crate::ports::email::{EmailTransport, OutgoingEmail, SendError};

/// SES error codes worth retrying.
const TRANSIENT_CODES: &[&str] = &[
    "TooManyRequestsException",
    "LimitExceededException",
    "InternalFailure",
    "ServiceUnavailable",
    "ThrottlingException",
];

/// Sends through SES v2. The client is built on first use (AWS's default credential chain
/// and region, or `endpoint_url` for moto in tests).
#[derive(Debug)]
pub struct SesTransport {
    endpoint_url: Option<String>,
    client: OnceCell<Client>,
}

impl SesTransport {
    /// A transport over AWS's default configuration, with an optional endpoint override.
    pub fn new(endpoint_url: Option<String>) -> Self {
        Self {
            endpoint_url,
            client: OnceCell::new(),
        }
    }

    /// A transport over an existing client.
    pub fn with_client(client: Client) -> Self {
        Self {
            endpoint_url: None,
            client: OnceCell::from(client),
        }
    }

    async fn client(&self) -> &Client {
        self.client
            .get_or_init(|| async {
                let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest());
                if let Some(endpoint) = &self.endpoint_url {
                    loader = loader.endpoint_url(endpoint);
                }
                Client::new(&loader.load().await)
            })
            .await
    }
}

#[async_trait]
impl EmailTransport for SesTransport {
    async fn send(&self, email: &OutgoingEmail) -> Result<String, SendError> {
        let mime = email.to_mime()?;
        let raw = RawMessage::builder()
            .data(Blob::new(mime))
            .build()
            .map_err(|e| SendError::Permanent(e.to_string()))?;
        let destination = Destination::builder()
            .set_to_addresses(Some(
                email.to.iter().map(|a| a.as_str().to_owned()).collect(),
            ))
            .build();
        let output = self
            .client()
            .await
            .send_email()
            .from_email_address(&email.from)
            .destination(destination)
            .content(EmailContent::builder().raw(raw).build())
            .send()
            .await
            .map_err(|err| {
                let retryable = is_retryable(&err, TRANSIENT_CODES);
                let message = aws_sdk_sesv2::error::DisplayErrorContext(&err).to_string();
                if retryable {
                    SendError::Transient(message)
                } else {
                    SendError::Permanent(message)
                }
            })?;
        let id = output.message_id.unwrap_or_default();
        tracing::info!(message_id = %id, recipients = email.to.len(), "email sent through SES");
        Ok(id)
    }
}
