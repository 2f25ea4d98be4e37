//! Lambda entry point of the `stream` function (response streaming behind a Function URL).

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let state = salient_core::bootstrap().await?;
    lambda_http::run_with_streaming_response(salient_stream::app(state)).await
}
