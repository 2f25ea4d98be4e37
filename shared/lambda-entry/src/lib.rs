//! The Lambda entry of an event function: one function takes two event shapes. An
//! EventBridge Scheduler event (it has `detail-type`) runs the function's scheduled job;
//! anything else is an HTTP event (API Gateway v2, Function URL) handed to the function's
//! router. A scheduled job that fails reaches the Lambda runtime with an `errorType` of
//! [`RETRYABLE`] or [`NON_RETRYABLE`], so the invocation's error response says whether
//! running the job again may pass.
//!
//! A crate of its own so that the Lambda runtime stays out of salient-core and its services:
//! only the functions' `main.rs` link it.

use std::future::Future;

use lambda_http::lambda_runtime::{self, Diagnostic, LambdaEvent, service_fn};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, IntoResponse, Request, Service};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `errorType` of a scheduled job that may pass when run again (storage or a provider
/// unreachable, throttled, timed out).
pub const RETRYABLE: &str = "Retryable";

/// `errorType` of a scheduled job that fails the same way however often it runs (an unknown
/// task, an unreadable event, settings that name no usable backend).
pub const NON_RETRYABLE: &str = "NonRetryable";

/// The EventBridge Scheduler event that starts a scheduled run (`detail.task` names the
/// job: `ingest`, `inactivity_sweep`).
#[derive(Debug, serde::Deserialize)]
pub struct ScheduledEvent {
    /// `Scheduled Event`.
    #[serde(rename = "detail-type")]
    pub detail_type: String,
    /// The schedule's input.
    pub detail: ScheduledDetail,
}

/// A schedule's input: the job to run.
#[derive(Debug, serde::Deserialize)]
pub struct ScheduledDetail {
    /// The job's name.
    pub task: String,
    /// Only this account (the console's "Re-crawl now"); every scheduled account when
    /// absent.
    #[serde(default)]
    pub account: Option<String>,
    /// The holder of the account's ingest lease, given back when the run ends.
    #[serde(default)]
    pub run: Option<String>,
}

/// Why a scheduled job failed, and whether running it again may pass.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ScheduledFailure {
    retryable: bool,
    message: String,
}

impl ScheduledFailure {
    /// A failure described by `error`; `retryable` when a later run may pass.
    pub fn new(retryable: bool, error: &dyn std::fmt::Display) -> Self {
        Self {
            retryable,
            message: error.to_string(),
        }
    }

    /// A failure a later run may get past.
    pub fn retryable(error: &dyn std::fmt::Display) -> Self {
        Self::new(true, error)
    }

    /// A failure no later run gets past.
    pub fn non_retryable(error: &dyn std::fmt::Display) -> Self {
        Self::new(false, error)
    }

    /// Whether running the job again may pass.
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }
}

/// Why an invocation failed: a scheduled job, or the HTTP path (an event that is not an HTTP
/// event, a response that cannot be written).
#[derive(Debug, thiserror::Error)]
enum EntryError {
    /// The scheduled job failed.
    #[error(transparent)]
    Scheduled(#[from] ScheduledFailure),
    /// The HTTP event could not be handled.
    #[error(transparent)]
    Http(lambda_runtime::Error),
}

impl From<EntryError> for Diagnostic {
    fn from(error: EntryError) -> Self {
        match error {
            EntryError::Scheduled(failure) => Diagnostic {
                error_type: if failure.retryable {
                    RETRYABLE
                } else {
                    NON_RETRYABLE
                }
                .to_owned(),
                error_message: failure.message,
            },
            // The runtime's own description, as for any boxed error.
            EntryError::Http(error) => Diagnostic::from(error),
        }
    }
}

/// Runs the function under the Lambda runtime: events with `detail-type` are read as `J` and
/// given to `scheduled`, whose JSON result is the invocation's result; every other event is
/// an HTTP event answered by `router`.
pub async fn run<S, R, E, J, F, Fut>(router: S, scheduled: F) -> Result<(), lambda_runtime::Error>
where
    S: Service<Request, Response = R, Error = E> + Clone + Send + 'static,
    S::Future: Send + 'static,
    R: IntoResponse,
    E: Into<lambda_runtime::Error>,
    J: DeserializeOwned,
    F: Fn(J) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<Value, ScheduledFailure>> + Send,
{
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| {
        let router = router.clone();
        let scheduled = scheduled.clone();
        async move { dispatch(router, &scheduled, event).await }
    }))
    .await
}

/// Handles one invocation: a scheduled event or an HTTP event.
async fn dispatch<S, R, E, J, F, Fut>(
    router: S,
    scheduled: &F,
    event: LambdaEvent<Value>,
) -> Result<Value, EntryError>
where
    S: Service<Request, Response = R, Error = E> + Send + 'static,
    S::Future: Send + 'static,
    R: IntoResponse,
    E: Into<lambda_runtime::Error>,
    J: DeserializeOwned,
    F: Fn(J) -> Fut,
    Fut: Future<Output = Result<Value, ScheduledFailure>>,
{
    let (payload, context) = event.into_parts();
    if payload.get("detail-type").is_some() {
        let job: J = serde_json::from_value(payload).map_err(|err| {
            ScheduledFailure::non_retryable(&format!("unreadable scheduled event: {err}"))
        })?;
        return Ok(scheduled(job).await?);
    }
    let request: LambdaRequest =
        serde_json::from_value(payload).map_err(|err| EntryError::Http(err.into()))?;
    let mut adapter = Adapter::from(router);
    let response = adapter
        .call(LambdaEvent::new(request, context))
        .await
        .map_err(|err| EntryError::Http(err.into()))?;
    serde_json::to_value(response).map_err(|err| EntryError::Http(err.into()))
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use lambda_http::lambda_runtime::Context;
    use lambda_http::{Body, Response};
    use serde::Deserialize;

    use super::*;

    /// A captured API Gateway v2 event (`GET /healthz`).
    const HTTP_EVENT: &str = include_str!("../../../tests/data/apigw-v2-get-healthz.json");
    /// A captured EventBridge Scheduler event (`detail.task` = `ingest`).
    const SCHEDULER_EVENT: &str = include_str!("../../../tests/data/scheduler-ingest.json");

    #[derive(Debug, Deserialize)]
    struct Job {
        detail: Detail,
    }

    #[derive(Debug, Deserialize)]
    struct Detail {
        task: String,
    }

    fn event(json: &str) -> LambdaEvent<Value> {
        let payload = serde_json::from_str(json).expect("a JSON fixture");
        LambdaEvent::new(payload, Context::default())
    }

    fn router()
    -> impl Service<Request, Response = Response<Body>, Error = Infallible, Future: Send> + Clone
    {
        lambda_http::service_fn(|request: Request| async move {
            Ok::<_, Infallible>(Response::new(Body::from(format!(
                "router saw {}",
                request.uri().path()
            ))))
        })
    }

    /// A job that succeeds on `ingest`, fails retryably on `flaky` and for good otherwise.
    async fn job(job: Job) -> Result<Value, ScheduledFailure> {
        match job.detail.task.as_str() {
            "ingest" => Ok(serde_json::json!({"ran": job.detail.task})),
            "flaky" => Err(ScheduledFailure::retryable(&"storage unreachable")),
            other => Err(ScheduledFailure::non_retryable(&format!(
                "unknown task {other:?}"
            ))),
        }
    }

    fn scheduler_event(task: &str) -> LambdaEvent<Value> {
        let mut event = event(SCHEDULER_EVENT);
        event.payload["detail"]["task"] = Value::from(task);
        event
    }

    #[tokio::test]
    async fn a_scheduler_event_runs_the_job_and_returns_its_result() {
        let result = dispatch(router(), &job, event(SCHEDULER_EVENT))
            .await
            .expect("the job ran");

        assert_eq!(result, serde_json::json!({"ran": "ingest"}));
    }

    #[tokio::test]
    async fn any_other_event_is_answered_by_the_router() {
        let result = dispatch(router(), &job, event(HTTP_EVENT))
            .await
            .expect("the router answered");

        assert_eq!(result["statusCode"], 200, "{result}");
        assert_eq!(result["body"], "router saw /healthz", "{result}");
    }

    #[tokio::test]
    async fn a_failed_job_reports_whether_a_retry_may_pass() {
        let flaky = dispatch(router(), &job, scheduler_event("flaky"))
            .await
            .expect_err("the job failed");
        let unknown = dispatch(router(), &job, scheduler_event("tidy"))
            .await
            .expect_err("the job failed");

        assert_eq!(
            Diagnostic::from(flaky),
            Diagnostic {
                error_type: RETRYABLE.to_owned(),
                error_message: "storage unreachable".to_owned(),
            }
        );
        assert_eq!(
            Diagnostic::from(unknown),
            Diagnostic {
                error_type: NON_RETRYABLE.to_owned(),
                error_message: "unknown task \"tidy\"".to_owned(),
            }
        );
    }

    #[tokio::test]
    async fn an_unreadable_scheduler_event_is_not_retried() {
        let mut unreadable = event(SCHEDULER_EVENT);
        unreadable.payload["detail"] = Value::from("not an object");

        let error = dispatch(router(), &job, unreadable)
            .await
            .expect_err("the event cannot be read");

        let diagnostic = Diagnostic::from(error);
        assert_eq!(diagnostic.error_type, NON_RETRYABLE);
        assert!(
            diagnostic
                .error_message
                .starts_with("unreadable scheduled event"),
            "{diagnostic:?}"
        );
    }
}
