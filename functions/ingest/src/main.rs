//! Lambda entry point of the `ingest` function. One function takes two event shapes: the
//! EventBridge Scheduler event (it has `detail-type`) runs every scheduled account; anything
//! else is an HTTP API event for the admin route, handed to the axum router.

use lambda_http::lambda_runtime::{self, LambdaEvent, service_fn};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Service as _};
use serde_json::Value;

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    let state = salient_core::app::bootstrap().await?;
    let router = salient_ingest::app(state.clone());
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| {
        let state = state.clone();
        let router = router.clone();
        async move {
            let (payload, context) = event.into_parts();
            if payload.get("detail-type").is_some() {
                let scheduled: salient_ingest::ScheduledEvent = serde_json::from_value(payload)?;
                let runs = salient_ingest::run_scheduled(&state, &scheduled).await?;
                return Ok::<Value, lambda_runtime::Error>(serde_json::json!({
                    "accounts": runs.iter().map(|(account, run)| serde_json::json!({
                        "account": account.as_str(), "run": run,
                    })).collect::<Vec<_>>(),
                }));
            }
            let request: LambdaRequest = serde_json::from_value(payload)?;
            let mut adapter = Adapter::from(router);
            let response = adapter.call(LambdaEvent::new(request, context)).await?;
            Ok(serde_json::to_value(response)?)
        }
    }))
    .await
}
