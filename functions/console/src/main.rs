//! Lambda entry point of the `console` function.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let mut state = salient_core::bootstrap().await?;
    // "Re-crawl now" invokes the ingest function the template names.
    if let Some(trigger) = salient_console::lambda_trigger::LambdaIngestTrigger::from_env().await {
        state = state.with_ingest_trigger(std::sync::Arc::new(trigger));
    }
    lambda_http::run(salient_console::app(state)).await
}
