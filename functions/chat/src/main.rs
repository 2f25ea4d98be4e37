//! Lambda entry point of the `chat` function (buffered responses, behind an HTTP API).

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    let state = salient_core::bootstrap().await?;
    lambda_http::run(salient_chat::app(state)).await
}
