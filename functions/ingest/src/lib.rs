//! The `ingest` function's routes. Only the skeleton exists so far: `/healthz` and the JSON
//! fallbacks every function shares; the ingest routes land with their issue.

use axum::Router;
use salient_core::app::AppState;

/// The function's router, served by Lambda (`main.rs`) and by `salient serve`.
pub fn routes() -> Router<AppState> {
    Router::new()
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}
