//! Recording requests without slowing them: the HTTP edge hands each answered request to
//! [`RequestRecorder::record`], which only queues it (a bounded channel, no await). One
//! background task per process drains the queue, merges what arrived into one delta per
//! function and hour, and writes the deltas and error events; a write that fails is logged
//! and dropped, never retried into the request path. Under load many requests share one
//! write; in Lambda (one request at a time) each request's write goes out as its response
//! does, and one that the environment freezes mid-way finishes on the next invocation.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::{mpsc, oneshot};

use crate::domain::AccountId;
use crate::ports::metrics::{ErrorEvent, Function, MetricsDelta, MetricsStore, hour_of};

/// Requests queued at most; beyond, samples are dropped (and counted in the log).
const QUEUE: usize = 4096;

/// How long one write may take before it is given up (and logged).
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);

/// One answered request, as the HTTP edge saw it.
#[derive(Debug, Clone)]
pub struct RequestOutcome {
    /// The function whose route answered.
    pub function: Function,
    /// When the answer went out.
    pub at: DateTime<Utc>,
    /// From the request's arrival to the answer's headers.
    pub latency: Duration,
    /// The HTTP status.
    pub status: u16,
    /// The stable error code of an error answer.
    pub code: Option<&'static str>,
    /// The route template, or `unmatched`.
    pub route: String,
    /// The account the route names, when it is one of the deployment's.
    pub account: Option<AccountId>,
    /// The request's id.
    pub request_id: String,
}

enum Message {
    Outcome(Box<RequestOutcome>),
    Flush(oneshot::Sender<()>),
}

/// Queues answered requests for the background writer (see the module's documentation).
/// Cheap to clone; the writer starts with the first request and ends with the last clone.
#[derive(Clone)]
pub struct RequestRecorder {
    sender: mpsc::Sender<Message>,
    writer: Arc<Mutex<Option<Writer>>>,
}

impl std::fmt::Debug for RequestRecorder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestRecorder").finish_non_exhaustive()
    }
}

/// The background writer, before it is started.
struct Writer {
    receiver: mpsc::Receiver<Message>,
    store: Arc<dyn MetricsStore>,
}

impl RequestRecorder {
    /// A recorder writing to `store`.
    pub fn new(store: Arc<dyn MetricsStore>) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        Self {
            sender,
            writer: Arc::new(Mutex::new(Some(Writer { receiver, store }))),
        }
    }

    /// Starts the writer on the current Tokio runtime, once.
    fn start(&self) {
        let Ok(mut slot) = self.writer.lock() else {
            return;
        };
        if slot.is_none() {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if let Some(writer) = slot.take() {
            runtime.spawn(write_loop(writer));
        }
    }

    /// Queues one answered request; never waits and never fails (a full queue drops it,
    /// with a log line).
    pub fn record(&self, outcome: RequestOutcome) {
        self.start();
        if let Err(mpsc::error::TrySendError::Full(_)) =
            self.sender.try_send(Message::Outcome(Box::new(outcome)))
        {
            tracing::warn!("request metrics queue full; a request was not counted");
        }
    }

    /// Waits until everything queued before this call is written (or failed and logged).
    pub async fn flush(&self) {
        self.start();
        let (done, written) = oneshot::channel();
        if self.sender.send(Message::Flush(done)).await.is_ok() {
            let _ = written.await;
        }
    }
}

/// What one pass of the writer writes.
#[derive(Default)]
struct Batch {
    metrics: BTreeMap<(Function, DateTime<Utc>), MetricsDelta>,
    events: Vec<(Option<AccountId>, ErrorEvent)>,
    flushed: Vec<oneshot::Sender<()>>,
}

impl Batch {
    fn add(&mut self, message: Message) {
        match message {
            Message::Outcome(outcome) => {
                let RequestOutcome {
                    function,
                    at,
                    latency,
                    status,
                    code,
                    route,
                    account,
                    request_id,
                } = *outcome;
                self.metrics
                    .entry((function, hour_of(at)))
                    .or_default()
                    .count(latency.as_secs_f64() * 1000.0, code);
                if let Some(code) = code {
                    self.events.push((
                        account,
                        ErrorEvent {
                            at,
                            function,
                            route,
                            status,
                            code: code.to_owned(),
                            request_id,
                        },
                    ));
                }
            }
            Message::Flush(done) => self.flushed.push(done),
        }
    }
}

async fn write_loop(mut writer: Writer) {
    while let Some(first) = writer.receiver.recv().await {
        let mut batch = Batch::default();
        batch.add(first);
        while let Ok(more) = writer.receiver.try_recv() {
            batch.add(more);
        }
        write(writer.store.as_ref(), &batch).await;
        for done in batch.flushed {
            let _ = done.send(());
        }
    }
}

async fn write(store: &dyn MetricsStore, batch: &Batch) {
    for ((function, hour), delta) in &batch.metrics {
        let result = tokio::time::timeout(
            WRITE_TIMEOUT,
            store.add_request_metrics(*function, *hour, delta),
        )
        .await;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!(
                function = function.as_str(),
                requests = delta.requests,
                error = %format!("{:#}", anyhow::Error::from(error)),
                "recording request metrics failed; these requests are not counted"
            ),
            Err(_) => tracing::warn!(
                function = function.as_str(),
                requests = delta.requests,
                "recording request metrics timed out; these requests are not counted"
            ),
        }
    }
    for (account, event) in &batch.events {
        let account_name = account.as_ref().map_or("", AccountId::as_str);
        match tokio::time::timeout(
            WRITE_TIMEOUT,
            store.record_error_event(account.as_ref(), event),
        )
        .await
        {
            Ok(Ok(())) => {}
            Ok(Err(error)) => tracing::warn!(
                account = account_name,
                function = event.function.as_str(),
                code = event.code.as_str(),
                error = %format!("{:#}", anyhow::Error::from(error)),
                "recording an error event failed"
            ),
            Err(_) => tracing::warn!(
                account = account_name,
                function = event.function.as_str(),
                code = event.code.as_str(),
                "recording an error event timed out"
            ),
        }
    }
}
