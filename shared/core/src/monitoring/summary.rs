//! The console's view of the request metrics: per function, the current UTC hour and the
//! last 24 hours (the current one and the 23 before it), each with its request count,
//! latency percentiles from the merged histogram and errors by code.

use std::collections::BTreeMap;

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;

use crate::ports::StoreError;
use crate::ports::metrics::{Function, MetricsDelta, MetricsStore, hour_of};

/// Latency percentiles in milliseconds (each the upper bound of its histogram bucket).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Percentiles {
    /// Median.
    pub p50: u64,
    /// 95th percentile.
    pub p95: u64,
    /// 99th percentile.
    pub p99: u64,
}

/// One window of one function.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Window {
    /// Requests answered.
    pub requests: u64,
    /// `None` when there was no request.
    pub latency_ms: Option<Percentiles>,
    /// Error answers by stable code.
    pub errors: BTreeMap<String, u64>,
}

impl Window {
    fn of(delta: &MetricsDelta) -> Self {
        let latency = &delta.latency;
        let latency_ms = match (
            latency.quantile_ms(0.5),
            latency.quantile_ms(0.95),
            latency.quantile_ms(0.99),
        ) {
            (Some(p50), Some(p95), Some(p99)) => Some(Percentiles { p50, p95, p99 }),
            _ => None,
        };
        Self {
            requests: delta.requests,
            latency_ms,
            errors: delta.errors.clone(),
        }
    }
}

/// One function's windows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FunctionMetrics {
    /// The function.
    pub function: Function,
    /// The current UTC hour so far.
    pub hour: Window,
    /// The last 24 hours, the current one included.
    pub day: Window,
}

/// `GET /api/console/metrics`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricsSummary {
    /// Every function, in [`Function::ALL`] order, zeros for one with no request.
    pub functions: Vec<FunctionMetrics>,
    /// When this was read.
    pub generated_at: DateTime<Utc>,
}

/// Reads the last 24 hours of every function's counters and sums them into windows.
pub async fn metrics_summary(
    store: &dyn MetricsStore,
    now: DateTime<Utc>,
) -> Result<MetricsSummary, StoreError> {
    let current = hour_of(now);
    let hours = store
        .request_metrics(current - TimeDelta::hours(23), current)
        .await?;
    let functions = Function::ALL
        .into_iter()
        .map(|function| {
            let mut hour = MetricsDelta::default();
            let mut day = MetricsDelta::default();
            for h in hours.iter().filter(|h| h.function == function) {
                day.merge(&h.metrics);
                if h.hour == current {
                    hour.merge(&h.metrics);
                }
            }
            FunctionMetrics {
                function,
                hour: Window::of(&hour),
                day: Window::of(&day),
            }
        })
        .collect();
    Ok(MetricsSummary {
        functions,
        generated_at: now,
    })
}
