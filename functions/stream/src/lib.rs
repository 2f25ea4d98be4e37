//! The `stream` function: the streamed turn (Server-Sent Events). It is its own Lambda,
//! run with `run_with_streaming_response` behind a Function URL in RESPONSE_STREAM mode,
//! because lambda_http's streaming runner returns empty bodies for buffered routes
//! (aws-lambda-rust-runtime issue 805).

use axum::Router;
use salient_core::app::AppState;

/// The function's routes, before the shared layers.
pub fn routes() -> Router<AppState> {
    Router::new()
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}
