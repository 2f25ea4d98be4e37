//! Reading our own SSE responses in tests, with a spec-compliant parser (eventsource-stream),
//! one event at a time so tests can act between events.

use std::pin::Pin;

use eventsource_stream::{Event, EventStreamError, Eventsource as _};
use futures::{Stream, StreamExt as _};
use serde_json::Value;

/// An open event stream.
pub struct SseReader {
    events: Pin<Box<dyn Stream<Item = Result<Event, EventStreamError<reqwest::Error>>> + Send>>,
}

impl std::fmt::Debug for SseReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SseReader")
    }
}

/// One event: its name and JSON data.
#[derive(Debug, Clone, PartialEq)]
pub struct SseEvent {
    /// `meta`, `delta`, `citations`, `usage`, `done` or `error`.
    pub name: String,
    /// The JSON payload.
    pub data: Value,
}

impl SseReader {
    /// Wraps a streaming response.
    pub fn new(response: reqwest::Response) -> Self {
        Self {
            events: Box::pin(response.bytes_stream().eventsource()),
        }
    }

    /// The next event, or `None` when the stream ends.
    pub async fn next(&mut self) -> anyhow::Result<Option<SseEvent>> {
        match self.events.next().await {
            None => Ok(None),
            Some(Err(err)) => Err(anyhow::anyhow!("SSE stream failed: {err}")),
            Some(Ok(event)) => Ok(Some(SseEvent {
                name: event.event,
                data: serde_json::from_str(&event.data)?,
            })),
        }
    }

    /// Every remaining event.
    pub async fn collect(mut self) -> anyhow::Result<Vec<SseEvent>> {
        let mut all = Vec::new();
        while let Some(event) = self.next().await? {
            all.push(event);
        }
        Ok(all)
    }
}

/// The text of every `delta` event, joined.
pub fn joined_deltas(events: &[SseEvent]) -> String {
    events
        .iter()
        .filter(|e| e.name == "delta")
        .filter_map(|e| e.data["text"].as_str())
        .collect()
}
