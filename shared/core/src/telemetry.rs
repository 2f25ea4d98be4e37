//! One `tracing` set-up for every binary: JSON lines in Lambda, pretty text locally. Every
//! line, at every level, is written through [`crate::privacy::redact`], so email addresses,
//! phone and card numbers and IP addresses never reach the logs raw, whoever logged them.

use std::io::{self, Write as _};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::{LogFormat, TelemetrySettings};

/// Installs the global subscriber. `RUST_LOG` overrides the configured filter. Safe to call
/// twice (the second call does nothing), so tests can call it freely.
pub fn init(settings: &TelemetrySettings) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.filter));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(RedactingStderr);
    let _already_set = match settings.format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .without_time()
            .try_init(),
        LogFormat::Pretty => builder.compact().try_init(),
    };
}

/// Makes one [`RedactedLine`] per event.
#[derive(Debug, Clone, Copy)]
struct RedactingStderr;

impl<'a> MakeWriter<'a> for RedactingStderr {
    type Writer = RedactedLine;

    fn make_writer(&'a self) -> Self::Writer {
        RedactedLine(Vec::with_capacity(256))
    }
}

/// One formatted event, collected whole and written to stderr redacted when dropped (the
/// formatter drops its writer after each event).
#[derive(Debug)]
struct RedactedLine(Vec<u8>);

impl io::Write for RedactedLine {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for RedactedLine {
    fn drop(&mut self) {
        if self.0.is_empty() {
            return;
        }
        let line = String::from_utf8_lossy(&self.0);
        // Nowhere to report a failed log write; stderr itself is gone.
        let _ = io::stderr()
            .lock()
            .write_all(crate::privacy::redact(&line).as_bytes());
    }
}
