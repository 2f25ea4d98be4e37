//! Lambda entry point of the `console` function.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let state = salient_core::bootstrap().await?;
    lambda_http::run(salient_console::app(state)).await
}
