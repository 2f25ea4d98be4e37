//! What the operator console shows about the deployment's health: every function's
//! requests counted per hour (requests, latency percentiles, errors by code) and the last
//! error events of each account, recorded off the request path by [`RequestRecorder`];
//! the summary the console reads ([`metrics_summary`]); and the deep health check of
//! `GET /healthz?deep=1` ([`deep_check`]).

mod deep;
mod recorder;
mod summary;

pub use deep::{CheckOutcome, DeepReport, deep_check};
pub use recorder::{RequestOutcome, RequestRecorder};
pub use summary::{FunctionMetrics, MetricsSummary, Percentiles, Window, metrics_summary};
