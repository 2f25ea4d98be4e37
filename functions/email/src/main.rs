//! Lambda entry point of the `email` function. One function takes two event shapes: the
//! EventBridge Scheduler event (it has `detail-type`) runs the inactivity sweep; anything
//! else is an HTTP API event for the "send summary" route, handed to the axum router. A
//! failed sweep reaches the runtime as `Retryable` or `NonRetryable` (salient-lambda-entry).

use salient_email::{ScheduledError, ScheduledEvent};
use salient_lambda_entry::ScheduledFailure;

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let state = salient_core::bootstrap().await?;
    let router = salient_email::app(state.clone());
    salient_lambda_entry::run(router, move |event: ScheduledEvent| {
        let state = state.clone();
        async move {
            let report = salient_email::run_scheduled(&state, &event)
                .await
                .map_err(|err| {
                    let retryable = matches!(
                        err,
                        ScheduledError::Sweep {
                            retryable: true,
                            ..
                        }
                    );
                    ScheduledFailure::new(retryable, &err)
                })?;
            Ok(serde_json::json!({ "sweep": report }))
        }
    })
    .await
}
