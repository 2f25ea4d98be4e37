//! Lambda entry point of the `ingest` function. One function takes two event shapes: the
//! EventBridge Scheduler event (it has `detail-type`) runs every scheduled account; anything
//! else is an HTTP API event for the admin route, handed to the axum router. A failed
//! scheduled run reaches the runtime as `Retryable` or `NonRetryable` (salient-lambda-entry).

use salient_ingest::ScheduledEvent;
use salient_lambda_entry::ScheduledFailure;

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let state = salient_core::bootstrap().await?;
    let router = salient_ingest::app(state.clone());
    salient_lambda_entry::run(router, move |event: ScheduledEvent| {
        let state = state.clone();
        async move {
            let runs = salient_ingest::run_scheduled(&state, &event)
                .await
                .map_err(|err| ScheduledFailure::new(err.retryable, &err))?;
            Ok(serde_json::json!({
                "accounts": runs.iter().map(|(account, run)| serde_json::json!({
                    "account": account.as_str(), "run": run,
                })).collect::<Vec<_>>(),
            }))
        }
    })
    .await
}
