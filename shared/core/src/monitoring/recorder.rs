//! Recording requests without slowing them: the HTTP edge hands each answered request to
//! [`RequestRecorder::record`], which only queues it (a bounded channel, no await). One
//! background task per process drains the queue, merges what arrived into one delta per
//! function and hour and, for error answers on a route naming one of the deployment's
//! accounts and agents, one `err_{code}` delta per account, agent and day for the console's
//! day rollups; then it writes the deltas and error events. A write that fails is logged
//! and dropped, never retried into the request path. Under load many requests share one
//! write; in Lambda (one request at a time) each request's write goes out as its response
//! does, and one that the environment freezes mid-way finishes on the next invocation.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use tokio::sync::{mpsc, oneshot};

use crate::domain::{AccountId, AgentId};
use crate::ports::metrics::{ErrorEvent, Function, MetricsDelta, MetricsStore, hour_of};
use crate::ports::rollups::{RollupDelta, RollupStore, day_of, error_counter};

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
    /// The agent the route names, when `account` is set and has this agent.
    pub agent: Option<AgentId>,
    /// Whether the error of this answer is already in the day rollups (a buffered turn that
    /// failed while answering, counted by the turn service as a streamed one is), so the
    /// recorder does not count it there again.
    pub error_in_rollups: bool,
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
    rollups: Arc<dyn RollupStore>,
}

impl RequestRecorder {
    /// A recorder writing request metrics and error events to `store`, and the error counts
    /// of each account's agents to `rollups`.
    pub fn new(store: Arc<dyn MetricsStore>, rollups: Arc<dyn RollupStore>) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        Self {
            sender,
            writer: Arc::new(Mutex::new(Some(Writer {
                receiver,
                store,
                rollups,
            }))),
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
    /// The day rollups' error counts, per account, agent and UTC day.
    rollups: BTreeMap<(AccountId, AgentId, NaiveDate), RollupDelta>,
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
                    agent,
                    error_in_rollups,
                    request_id,
                } = *outcome;
                self.metrics
                    .entry((function, hour_of(at)))
                    .or_default()
                    .count(latency.as_secs_f64() * 1000.0, code);
                if let (Some(code), Some(account), Some(agent)) = (code, &account, agent)
                    && !error_in_rollups
                {
                    let delta = self
                        .rollups
                        .entry((account.clone(), agent, day_of(at)))
                        .or_default();
                    *delta = std::mem::take(delta).add(error_counter(code), 1);
                }
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
        write_rollups(writer.rollups.as_ref(), &batch).await;
        for done in batch.flushed {
            let _ = done.send(());
        }
    }
}

/// Runs one write within [`WRITE_TIMEOUT`]; why it did not happen, if it did not.
async fn bounded<E: Into<anyhow::Error>>(
    write: impl std::future::Future<Output = Result<(), E>>,
) -> Result<(), String> {
    match tokio::time::timeout(WRITE_TIMEOUT, write).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(format!("{:#}", error.into())),
        Err(_) => Err(format!("timed out after {} s", WRITE_TIMEOUT.as_secs())),
    }
}

async fn write(store: &dyn MetricsStore, batch: &Batch) {
    for ((function, hour), delta) in &batch.metrics {
        if let Err(error) = bounded(store.add_request_metrics(*function, *hour, delta)).await {
            tracing::warn!(
                function = function.as_str(),
                requests = delta.requests,
                error = %error,
                "recording request metrics failed; these requests are not counted"
            );
        }
    }
    for (account, event) in &batch.events {
        if let Err(error) = bounded(store.record_error_event(account.as_ref(), event)).await {
            tracing::warn!(
                account = account.as_ref().map_or("", AccountId::as_str),
                function = event.function.as_str(),
                code = event.code.as_str(),
                error = %error,
                "recording an error event failed"
            );
        }
    }
}

async fn write_rollups(store: &dyn RollupStore, batch: &Batch) {
    for ((account, agent, day), delta) in &batch.rollups {
        if let Err(error) = bounded(store.add_to_rollup(account, agent, *day, delta)).await {
            tracing::warn!(
                account = %account,
                agent = %agent,
                error = %error,
                "counting errors in the day rollup failed; these errors are not counted"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;

    fn outcome(
        at: DateTime<Utc>,
        code: Option<&'static str>,
        account: Option<&str>,
        agent: Option<&str>,
    ) -> RequestOutcome {
        RequestOutcome {
            function: Function::Chat,
            at,
            latency: Duration::from_millis(12),
            status: if code.is_some() { 429 } else { 200 },
            code,
            route: "/api/{account}/{agent}/sessions".to_owned(),
            account: account.map(|a| AccountId::parse(a).expect("account")),
            agent: agent.map(|a| AgentId::parse(a).expect("agent")),
            error_in_rollups: false,
            request_id: "req".to_owned(),
        }
    }

    fn counters(batch: &Batch, account: &str, agent: &str, day: NaiveDate) -> Vec<(String, i64)> {
        let key = (
            AccountId::parse(account).expect("account"),
            AgentId::parse(agent).expect("agent"),
            day,
        );
        batch.rollups.get(&key).map_or_else(Vec::new, |delta| {
            delta.counters().map(|(k, v)| (k.to_owned(), v)).collect()
        })
    }

    #[test]
    fn error_answers_merge_into_one_rollup_delta_per_account_agent_and_day() {
        let morning = Utc
            .with_ymd_and_hms(2026, 12, 1, 8, 0, 0)
            .single()
            .expect("a time");
        let evening = Utc
            .with_ymd_and_hms(2026, 12, 1, 23, 59, 59)
            .single()
            .expect("a time");
        let next_day = Utc
            .with_ymd_and_hms(2026, 12, 2, 0, 0, 1)
            .single()
            .expect("a time");
        let (acme, sales, support) = (Some("acme"), Some("sales"), Some("support"));
        let mut batch = Batch::default();
        for outcome in [
            outcome(morning, Some("rate_limited"), acme, sales),
            outcome(evening, Some("rate_limited"), acme, sales),
            outcome(evening, Some("invalid_json"), acme, sales),
            outcome(morning, Some("rate_limited"), acme, support),
            outcome(next_day, Some("rate_limited"), acme, sales),
            outcome(morning, Some("rate_limited"), Some("other"), sales),
            // A success, an error naming no agent or no account: no rollup.
            outcome(morning, None, acme, sales),
            outcome(morning, Some("agent_not_found"), acme, None),
            outcome(morning, Some("not_found"), None, None),
            // Already counted by the turn service.
            RequestOutcome {
                error_in_rollups: true,
                ..outcome(morning, Some("upstream_rate_limited"), acme, sales)
            },
        ] {
            batch.add(Message::Outcome(Box::new(outcome)));
        }
        let (today, tomorrow) = (morning.date_naive(), next_day.date_naive());
        assert_eq!(batch.rollups.len(), 4);
        assert_eq!(
            counters(&batch, "acme", "sales", today),
            vec![
                ("err_invalid_json".to_owned(), 1),
                ("err_rate_limited".to_owned(), 2)
            ]
        );
        assert_eq!(
            counters(&batch, "acme", "support", today),
            vec![("err_rate_limited".to_owned(), 1)]
        );
        assert_eq!(
            counters(&batch, "acme", "sales", tomorrow),
            vec![("err_rate_limited".to_owned(), 1)]
        );
        assert_eq!(
            counters(&batch, "other", "sales", today),
            vec![("err_rate_limited".to_owned(), 1)]
        );
        // The metrics and error events still see every answer.
        let requests: u64 = batch.metrics.values().map(|d| d.requests).sum();
        assert_eq!(requests, 10);
        assert_eq!(batch.events.len(), 9);
    }
}
