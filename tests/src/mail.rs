//! Reading what the app sent: the `.eml` files of the file outbox, the messages moto's SES
//! received (`GET /moto-api/data.json`, `ses.RawMessage`), and a transport that fails on
//! demand in front of the outbox (to prove failed sends are recorded and retried).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Context as _;
use async_trait::async_trait;
use mail_parser::{MessageParser, MimeHeaders as _};
use salient_core::FileOutbox;
use salient_core::ports::email::{EmailTransport, OutgoingEmail, SendError};

/// One parsed message.
#[derive(Debug, Clone)]
pub struct ReceivedEmail {
    /// Where it came from (outbox file name or SES message id).
    pub id: String,
    /// `To` addresses.
    pub to: Vec<String>,
    /// `From` address.
    pub from: String,
    /// Subject.
    pub subject: String,
    /// The `text/plain` part.
    pub text: Option<String>,
    /// The `text/html` part.
    pub html: Option<String>,
    /// The raw message.
    pub raw: String,
}

impl ReceivedEmail {
    /// The 6-digit code at the end of an OTP email's subject.
    pub fn otp_code(&self) -> Option<String> {
        let digits: String = self
            .subject
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        (digits.len() == 6).then_some(digits)
    }
}

/// Parses RFC 5322 bytes into their parts.
pub fn parse_message(id: &str, raw: &[u8]) -> anyhow::Result<ReceivedEmail> {
    let message = MessageParser::default()
        .parse(raw)
        .with_context(|| format!("{id} is not a MIME message"))?;
    let to = message
        .to()
        .map(|list| {
            list.iter()
                .filter_map(|a| a.address().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let from = message
        .from()
        .and_then(|list| list.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_owned();
    let (mut text, mut html) = (None, None);
    for part in &message.parts {
        let Some(content_type) = part.content_type() else {
            continue;
        };
        if content_type.ctype() != "text" {
            continue;
        }
        match content_type.subtype() {
            Some("plain") => text = part.text_contents().map(str::to_owned),
            Some("html") => html = part.text_contents().map(str::to_owned),
            _ => {}
        }
    }
    Ok(ReceivedEmail {
        id: id.to_owned(),
        to,
        from,
        subject: message.subject().unwrap_or_default().to_owned(),
        text,
        html,
        raw: String::from_utf8_lossy(raw).into_owned(),
    })
}

/// Every message in an outbox folder, oldest first (file names are ULIDs).
pub fn outbox(dir: &Path) -> anyhow::Result<Vec<ReceivedEmail>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let raw = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            parse_message(&name, &raw)
        })
        .collect()
}

/// The messages in an outbox addressed to `to`.
pub fn outbox_to(dir: &Path, to: &str) -> anyhow::Result<Vec<ReceivedEmail>> {
    Ok(outbox(dir)?
        .into_iter()
        .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
        .collect())
}

/// The environment variable naming moto's endpoint.
pub const SES_ENDPOINT_VAR: &str = "SALIENT_TEST_SES_ENDPOINT";

/// moto's endpoint; an error that says how to get one when unset.
pub fn ses_endpoint() -> anyhow::Result<String> {
    std::env::var(SES_ENDPOINT_VAR)
        .ok()
        .filter(|e| !e.trim().is_empty())
        .with_context(|| {
            format!(
                "{SES_ENDPOINT_VAR} is not set, so the SES tests cannot run. Run scripts/test.sh, \
                 or by hand: scripts/moto.sh start && {SES_ENDPOINT_VAR}=$(scripts/moto.sh endpoint) cargo test ..."
            )
        })
}

/// An SES v2 client for moto with dummy credentials.
pub fn ses_client(endpoint: &str) -> aws_sdk_sesv2::Client {
    let config = aws_sdk_sesv2::Config::builder()
        .behavior_version(aws_sdk_sesv2::config::BehaviorVersion::latest())
        .region(aws_sdk_sesv2::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_sesv2::config::Credentials::new(
            "testing",
            "testing",
            None,
            None,
            "salient-tests",
        ))
        .endpoint_url(endpoint)
        .build();
    aws_sdk_sesv2::Client::from_conf(config)
}

/// Verifies a sending identity (domain or address) in moto, as an operator does in SES.
pub async fn verify_ses_identity(endpoint: &str, identity: &str) -> anyhow::Result<()> {
    ses_client(endpoint)
        .create_email_identity()
        .email_identity(identity)
        .send()
        .await
        .with_context(|| format!("creating the SES identity {identity} in moto"))?;
    Ok(())
}

/// The message moto's SES received with this id.
pub async fn moto_message(endpoint: &str, id: &str) -> anyhow::Result<ReceivedEmail> {
    let data: serde_json::Value = reqwest::get(format!("{endpoint}/moto-api/data.json"))
        .await?
        .error_for_status()?
        .json()
        .await?;
    let raw = data["ses"]["RawMessage"]
        .as_array()
        .context("moto's data has no ses.RawMessage list")?
        .iter()
        .find(|m| m["id"] == id)
        .with_context(|| format!("moto received no message {id}"))?;
    let mut parsed = parse_message(id, raw["raw_data"].as_str().context("raw_data")?.as_bytes())?;
    // SES delivers to the envelope recipients; keep what moto recorded as them too.
    if let Some(destinations) = raw["destinations"].as_array() {
        for d in destinations.iter().filter_map(|d| d.as_str()) {
            if !parsed.to.iter().any(|t| t == d) {
                parsed.to.push(d.to_owned());
            }
        }
    }
    Ok(parsed)
}

/// Writes to a real outbox, but fails the next `fail_next` sends with a transient error
/// first: how a flaky provider looks to the app.
#[derive(Debug)]
pub struct FailingFirst {
    inner: FileOutbox,
    /// Sends still to fail.
    pub fail_next: AtomicUsize,
    /// Sends attempted.
    pub attempts: AtomicUsize,
}

impl FailingFirst {
    /// An outbox in `dir` whose first `failures` sends fail.
    pub fn new(dir: PathBuf, failures: usize) -> Arc<Self> {
        Arc::new(Self {
            inner: FileOutbox::new(dir),
            fail_next: AtomicUsize::new(failures),
            attempts: AtomicUsize::new(0),
        })
    }
}

#[async_trait]
impl EmailTransport for FailingFirst {
    async fn send(&self, email: &OutgoingEmail) -> Result<String, SendError> {
        self.attempts.fetch_add(1, Ordering::SeqCst);
        let failing = self
            .fail_next
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if failing {
            return Err(SendError::Transient(
                "injected failure: the provider timed out".to_owned(),
            ));
        }
        self.inner.send(email).await
    }
}
