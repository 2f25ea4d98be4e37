//! The local email transport: each message is written as an `.eml` file (RFC 5322, ready
//! to open in a mail client) into a folder, with a log line naming the file. The local
//! stack needs no mail server.

use std::path::PathBuf;

use async_trait::async_trait;

use crate::ports::email::{EmailTransport, OutgoingEmail, SendError};

/// Writes messages into a folder.
#[derive(Debug, Clone)]
pub struct FileOutbox {
    dir: PathBuf,
}

impl FileOutbox {
    /// An outbox writing into `dir` (created on the first send).
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The folder messages go to.
    pub fn dir(&self) -> &std::path::Path {
        &self.dir
    }
}

#[async_trait]
impl EmailTransport for FileOutbox {
    async fn send(&self, email: &OutgoingEmail) -> Result<String, SendError> {
        let mime = email.to_mime()?;
        // ULIDs sort by time, so the folder lists messages in the order they were sent.
        let name = format!("{}.eml", ulid::Ulid::generate());
        let path = self.dir.join(&name);
        let dir = self.dir.clone();
        let written = path.clone();
        tokio::task::spawn_blocking(move || {
            std::fs::create_dir_all(&dir)?;
            std::fs::write(&written, mime)
        })
        .await
        .map_err(|e| SendError::Transient(format!("writing the outbox file: {e}")))?
        .map_err(|e| SendError::Transient(format!("writing {}: {e}", path.display())))?;
        tracing::info!(file = %path.display(), recipients = email.to.len(), "email written to the outbox");
        Ok(name)
    }
}
