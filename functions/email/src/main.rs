//! Lambda entry point of the `email` function. One function takes two event shapes: the
//! EventBridge Scheduler event (it has `detail-type`) runs the inactivity sweep; anything
//! else is an HTTP API event for the "send summary" route, handed to the axum router.

use lambda_http::lambda_runtime::{self, LambdaEvent, service_fn};
use lambda_http::request::LambdaRequest;
use lambda_http::{Adapter, Service as _};
use serde_json::Value;

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    let state = salient_core::app::bootstrap().await?;
    let router = salient_email::app(state.clone());
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| {
        let state = state.clone();
        let router = router.clone();
        async move {
            let (payload, context) = event.into_parts();
            if payload.get("detail-type").is_some() {
                let scheduled: salient_email::ScheduledEvent = serde_json::from_value(payload)?;
                let report = salient_email::run_scheduled(&state, &scheduled).await?;
                return Ok::<Value, lambda_runtime::Error>(serde_json::json!({ "sweep": report }));
            }
            let request: LambdaRequest = serde_json::from_value(payload)?;
            let mut adapter = Adapter::from(router);
            let response = adapter.call(LambdaEvent::new(request, context)).await?;
            Ok(serde_json::to_value(response)?)
        }
    }))
    .await
}
