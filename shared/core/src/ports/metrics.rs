//! Request metrics and error events, for the operator console's health pages; and the
//! cheap read the deep health check makes of the store.
//!
//! Metrics are counters per function and UTC hour: requests, a latency histogram with
//! fixed log-scale buckets ([`LatencyHistogram`]) and errors by stable code. A write adds
//! a [`MetricsDelta`] to them atomically (DynamoDB `ADD`, an SQLite upsert), so any number
//! of processes may add to one hour at once. Each counter has a name ([`requests`](
//! MetricsDelta::counters): `n`, `b{bucket}`, `e_{code}`) that both adapters store as is.
//!
//! Error events are the last [`ERROR_EVENTS_KEPT`] error answers of an account (or of the
//! deployment, for routes that name no account), each kept [`ERROR_EVENT_TTL_DAYS`] days:
//! when, which function and route template, the status and code, and the request id. No
//! path, query, body or address is ever stored.
//!
//! These are the deployment's own records, not an account's data: the metric methods take
//! no [`AccountId`], and the error events of a route without one belong to no account.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, DurationRound as _, TimeDelta, Utc};
use serde::Serialize;

use super::StoreError;
use crate::domain::AccountId;

/// How many error events an account (or the deployment) keeps: the newest.
pub const ERROR_EVENTS_KEPT: u32 = 100;

/// How long an error event is kept.
pub const ERROR_EVENT_TTL_DAYS: i64 = 7;

/// How long an hour's metric counters are kept (a day's window reads the last 24 hours).
pub const METRICS_TTL_DAYS: i64 = 3;

/// The functions whose requests are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Function {
    /// Sessions, history, the buffered turn, ratings, the agent card.
    Chat,
    /// The streamed turn.
    Stream,
    /// One-time codes, the visitor's export and delete, the profile card.
    Otp,
    /// Summaries and the handoff to a person.
    Email,
    /// On-demand ingestion (admin routes).
    Ingest,
    /// The operator console's API.
    Console,
}

impl Function {
    /// Every function, in the order the console lists them.
    pub const ALL: [Self; 6] = [
        Self::Chat,
        Self::Stream,
        Self::Otp,
        Self::Email,
        Self::Ingest,
        Self::Console,
    ];

    /// The function's name (`chat`, `stream`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Chat => "chat",
            Self::Stream => "stream",
            Self::Otp => "otp",
            Self::Email => "email",
            Self::Ingest => "ingest",
            Self::Console => "console",
        }
    }

    /// The function of a name, if it is one.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == raw)
    }
}

/// The number of latency buckets: bucket `i` holds latencies up to `2^(i/4)` ms (bucket 0
/// up to 1 ms), the last one everything above `2^((BUCKETS-2)/4)` ms (about 4.9 minutes).
pub const LATENCY_BUCKETS: usize = 74;

/// Request latencies in fixed log-scale buckets, four per doubling (each bound about 19 %
/// above the one before). Fixed buckets add up by plain counting, so every process's
/// counts for an hour merge with one atomic add per bucket, and hours merge into a day the
/// same way; a percentile is read from the merged counts.
///
/// Written here rather than taken from a histogram crate: the stored form must be one
/// counter per bucket that DynamoDB can `ADD` to, which a serialised HDR histogram is not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LatencyHistogram {
    counts: BTreeMap<usize, u64>,
}

impl LatencyHistogram {
    /// The bucket a latency falls in.
    pub fn bucket_of(latency_ms: f64) -> usize {
        if latency_ms.is_nan() || latency_ms <= 1.0 {
            return 0;
        }
        let index = (latency_ms.log2() * 4.0).ceil();
        // Finite, positive and capped, so the cast neither truncates nor wraps.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let index = index.min((LATENCY_BUCKETS - 1) as f64) as usize;
        index
    }

    /// The upper bound of bucket `i` in whole milliseconds (rounded up); the last bucket's
    /// lower bound, as it has none.
    pub fn upper_bound_ms(bucket: usize) -> u64 {
        let i = bucket.min(LATENCY_BUCKETS - 2);
        #[allow(clippy::cast_precision_loss)]
        let bound = 2f64.powf(i as f64 / 4.0).ceil();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let bound = bound as u64;
        bound
    }

    /// Counts one latency.
    pub fn record(&mut self, latency_ms: f64) {
        self.add(Self::bucket_of(latency_ms), 1);
    }

    /// Adds `count` to bucket `i` (buckets past the last count in the last).
    pub fn add(&mut self, bucket: usize, count: u64) {
        if count > 0 {
            *self
                .counts
                .entry(bucket.min(LATENCY_BUCKETS - 1))
                .or_default() += count;
        }
    }

    /// Adds another histogram's counts.
    pub fn merge(&mut self, other: &Self) {
        for (bucket, count) in &other.counts {
            self.add(*bucket, *count);
        }
    }

    /// The non-empty buckets and their counts, lowest first.
    pub fn buckets(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.counts.iter().map(|(b, c)| (*b, *c))
    }

    /// How many latencies were counted.
    pub fn total(&self) -> u64 {
        self.counts.values().sum()
    }

    /// The `q` quantile (0 < q ≤ 1) as its bucket's upper bound in ms; `None` when empty.
    pub fn quantile_ms(&self, q: f64) -> Option<u64> {
        let total = self.total();
        if total == 0 {
            return None;
        }
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (bucket, count) in self.buckets() {
            seen += count;
            if seen >= rank {
                return Some(Self::upper_bound_ms(bucket));
            }
        }
        self.counts.keys().last().map(|b| Self::upper_bound_ms(*b))
    }
}

/// What one or more requests of one function in one UTC hour add to its counters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MetricsDelta {
    /// Requests answered.
    pub requests: u64,
    /// Their latencies.
    pub latency: LatencyHistogram,
    /// Error answers by stable code.
    pub errors: BTreeMap<String, u64>,
}

/// The counter name of the request count.
const REQUESTS_COUNTER: &str = "n";
/// The prefix of a latency bucket's counter name (`b17`).
const BUCKET_PREFIX: &str = "b";
/// The prefix of an error code's counter name (`e_rate_limited`).
const ERROR_PREFIX: &str = "e_";

impl MetricsDelta {
    /// Adds one request.
    pub fn count(&mut self, latency_ms: f64, error: Option<&str>) {
        self.requests += 1;
        self.latency.record(latency_ms);
        if let Some(code) = error {
            *self.errors.entry(code.to_owned()).or_default() += 1;
        }
    }

    /// Adds another delta.
    pub fn merge(&mut self, other: &Self) {
        self.requests += other.requests;
        self.latency.merge(&other.latency);
        for (code, count) in &other.errors {
            *self.errors.entry(code.clone()).or_default() += count;
        }
    }

    /// Whether it adds nothing.
    pub fn is_empty(&self) -> bool {
        self.requests == 0 && self.errors.is_empty()
    }

    /// The counters it adds to, by stored name: `n`, `b{bucket}`, `e_{code}`. Codes are
    /// snake_case, so every name is a plain attribute or column value.
    pub fn counters(&self) -> Vec<(String, u64)> {
        let mut counters = vec![(REQUESTS_COUNTER.to_owned(), self.requests)];
        counters.extend(
            self.latency
                .buckets()
                .map(|(bucket, count)| (format!("{BUCKET_PREFIX}{bucket}"), count)),
        );
        counters.extend(
            self.errors
                .iter()
                .map(|(code, count)| (format!("{ERROR_PREFIX}{code}"), *count)),
        );
        counters
    }

    /// Adds one stored counter (a name [`counters`](Self::counters) gives); other names
    /// are ignored.
    pub fn add_counter(&mut self, name: &str, count: u64) {
        if name == REQUESTS_COUNTER {
            self.requests += count;
        } else if let Some(code) = name.strip_prefix(ERROR_PREFIX) {
            *self.errors.entry(code.to_owned()).or_default() += count;
        } else if let Some(bucket) = name
            .strip_prefix(BUCKET_PREFIX)
            .and_then(|b| b.parse::<usize>().ok())
        {
            self.latency.add(bucket, count);
        }
    }

    /// Whether `name` is a counter name.
    pub fn is_counter(name: &str) -> bool {
        name == REQUESTS_COUNTER
            || name.starts_with(ERROR_PREFIX)
            || name
                .strip_prefix(BUCKET_PREFIX)
                .is_some_and(|b| !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()))
    }
}

/// The start of the UTC hour holding `at`.
pub fn hour_of(at: DateTime<Utc>) -> DateTime<Utc> {
    at.duration_trunc(TimeDelta::hours(1)).unwrap_or(at)
}

/// The hour's counters of one function, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HourlyMetrics {
    /// The function.
    pub function: Function,
    /// The hour's start.
    pub hour: DateTime<Utc>,
    /// Its counters.
    pub metrics: MetricsDelta,
}

/// One error answer, as kept for the console: never a path, query, body or address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorEvent {
    /// When it was answered.
    pub at: DateTime<Utc>,
    /// The function that answered.
    pub function: Function,
    /// The route template (`/api/{account}/{agent}/sessions/{session}/turns`), or
    /// `unmatched` when no route had the path.
    pub route: String,
    /// The HTTP status.
    pub status: u16,
    /// The stable error code.
    pub code: String,
    /// The request's id (the Lambda request id in AWS, a ULID locally).
    pub request_id: String,
}

/// Request metrics and error events.
#[async_trait]
pub trait MetricsStore: Send + Sync {
    /// Adds `delta` to `function`'s counters of the hour holding `hour` (kept
    /// [`METRICS_TTL_DAYS`] days).
    async fn add_request_metrics(
        &self,
        function: Function,
        hour: DateTime<Utc>,
        delta: &MetricsDelta,
    ) -> Result<(), StoreError>;

    /// Every function's counters of the hours from `from` to `to` (both included; hours
    /// with no request are absent).
    async fn request_metrics(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<HourlyMetrics>, StoreError>;

    /// Keeps an error event of `account` (`None`: the deployment's), dropping the oldest
    /// beyond [`ERROR_EVENTS_KEPT`]; each expires after [`ERROR_EVENT_TTL_DAYS`] days.
    async fn record_error_event(
        &self,
        account: Option<&AccountId>,
        event: &ErrorEvent,
    ) -> Result<(), StoreError>;

    /// The newest live error events of `account` (`None`: the deployment's), newest first,
    /// at most `limit` (and at most [`ERROR_EVENTS_KEPT`]).
    async fn error_events(
        &self,
        account: Option<&AccountId>,
        limit: u32,
    ) -> Result<Vec<ErrorEvent>, StoreError>;
}

/// The deep health check's look at the store.
#[async_trait]
pub trait StoreProbe: Send + Sync {
    /// One cheap read (a fixed key that is never written): `Ok` when the store answered.
    async fn probe(&self) -> Result<(), StoreError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_log_scale_and_percentiles_read_their_upper_bound() {
        assert_eq!(LatencyHistogram::bucket_of(0.2), 0);
        assert_eq!(LatencyHistogram::bucket_of(1.0), 0);
        assert_eq!(LatencyHistogram::bucket_of(2.0), 4);
        assert_eq!(LatencyHistogram::bucket_of(2.1), 5);
        assert_eq!(LatencyHistogram::bucket_of(1e12), LATENCY_BUCKETS - 1);
        assert_eq!(LatencyHistogram::upper_bound_ms(4), 2);
        assert_eq!(LatencyHistogram::upper_bound_ms(40), 1024);
        let mut h = LatencyHistogram::default();
        assert_eq!(h.quantile_ms(0.5), None);
        for ms in 1..=100 {
            h.record(f64::from(ms));
        }
        let p50 = h.quantile_ms(0.5).expect("counted");
        let p99 = h.quantile_ms(0.99).expect("counted");
        // Within one bucket (19 %) above the true value.
        assert!((50..=60).contains(&p50), "{p50}");
        assert!((99..=118).contains(&p99), "{p99}");
    }

    #[test]
    fn deltas_round_trip_through_their_counter_names() {
        let mut delta = MetricsDelta::default();
        delta.count(12.0, None);
        delta.count(800.0, Some("rate_limited"));
        delta.count(3.0, Some("rate_limited"));
        let mut back = MetricsDelta::default();
        for (name, count) in delta.counters() {
            assert!(MetricsDelta::is_counter(&name), "{name}");
            back.add_counter(&name, count);
        }
        assert_eq!(back, delta);
        assert!(!MetricsDelta::is_counter("ttl"));
        assert!(!MetricsDelta::is_counter("b"));
    }

    #[test]
    fn an_hour_starts_on_the_hour() {
        let at = DateTime::parse_from_rfc3339("2026-12-01T09:41:07.5Z")
            .expect("valid")
            .to_utc();
        assert_eq!(hour_of(at).to_rfc3339(), "2026-12-01T09:00:00+00:00");
    }
}
