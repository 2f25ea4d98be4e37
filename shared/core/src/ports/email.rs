//! Sending email: one trait, two transports (`adapters::ses` in AWS, `adapters::outbox`
//! locally: `.eml` files in a folder). Both send the same MIME message, built once by
//! [`OutgoingEmail::to_mime`].

use async_trait::async_trait;

use crate::domain::EmailAddress;

/// One message to send: a subject, an HTML part and a plain-text part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingEmail {
    /// The sender, `Name <address>` or a bare address (from configuration).
    pub from: String,
    /// The recipients; parsed addresses, so none carries header injection.
    pub to: Vec<EmailAddress>,
    /// The subject line (line breaks are replaced by spaces when the message is built).
    pub subject: String,
    /// The HTML part (inline CSS only).
    pub html: String,
    /// The plain-text part.
    pub text: String,
}

impl OutgoingEmail {
    /// The message as RFC 5322 bytes: `multipart/alternative` with the text part first
    /// and the HTML part last (the one mail clients prefer).
    pub fn to_mime(&self) -> Result<Vec<u8>, SendError> {
        let subject: String = self
            .subject
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let (from_name, from_address) = split_from(&self.from);
        let from = match from_name {
            Some(name) => mail_builder::headers::address::Address::new_address(
                Some(name.to_owned()),
                from_address.to_owned(),
            ),
            None => mail_builder::headers::address::Address::new_address(
                None::<String>,
                from_address.to_owned(),
            ),
        };
        let to: Vec<mail_builder::headers::address::Address<'_>> = self
            .to
            .iter()
            .map(|a| {
                mail_builder::headers::address::Address::new_address(None::<String>, a.as_str())
            })
            .collect();
        mail_builder::MessageBuilder::new()
            .from(from)
            .to(mail_builder::headers::address::Address::new_list(to))
            .subject(subject)
            .text_body(self.text.as_str())
            .html_body(self.html.as_str())
            .write_to_vec()
            .map_err(|e| SendError::Permanent(format!("building the message: {e}")))
    }
}

/// Splits `Name <address>` into its parts; a bare address has no name.
fn split_from(from: &str) -> (Option<&str>, &str) {
    match (from.find('<'), from.rfind('>')) {
        (Some(open), Some(close)) if open < close => {
            let name = from[..open].trim().trim_matches('"');
            let address = from[open + 1..close].trim();
            ((!name.is_empty()).then_some(name), address)
        }
        _ => (None, from.trim()),
    }
}

/// Why a send failed; `Transient` failures are worth retrying.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Throttling, timeouts, connection failures, server errors.
    #[error("the transport failed, retryable: {0}")]
    Transient(String),
    /// Rejected (unverified sender, invalid address, message too large).
    #[error("the transport refused the message: {0}")]
    Permanent(String),
}

/// Sends email.
#[async_trait]
pub trait EmailTransport: Send + Sync + std::fmt::Debug {
    /// Sends one message; returns the transport's id for it (SES message id, outbox file
    /// name).
    async fn send(&self, email: &OutgoingEmail) -> Result<String, SendError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mime_message_has_both_parts_and_no_injected_headers() {
        let email = OutgoingEmail {
            from: "Salient <no-reply@example.com>".to_owned(),
            to: vec![EmailAddress::parse("ann@example.com").expect("valid")],
            subject: "Hello\r\nBcc: all@example.com".to_owned(),
            html: "<p>Hi</p>".to_owned(),
            text: "Hi".to_owned(),
        };
        let mime = String::from_utf8(email.to_mime().expect("builds")).expect("utf-8");
        assert!(mime.contains("multipart/alternative"), "{mime}");
        assert!(mime.contains("text/plain"), "{mime}");
        assert!(mime.contains("text/html"), "{mime}");
        assert!(!mime.lines().any(|l| l.starts_with("Bcc:")), "{mime}");
        assert!(mime.contains("no-reply@example.com"), "{mime}");
    }

    #[test]
    fn from_splits_into_name_and_address() {
        assert_eq!(split_from("Salient <a@b.io>"), (Some("Salient"), "a@b.io"));
        assert_eq!(split_from("a@b.io"), (None, "a@b.io"));
    }
}
