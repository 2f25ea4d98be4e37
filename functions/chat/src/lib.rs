//! The `chat` function: sessions, history, the buffered turn and ratings of answers. The
//! same router runs in Lambda (behind an HTTP API) and inside `salient serve`.

mod feedback;
mod sessions;
mod turns;

use axum::Router;
use axum::routing::{get, post};
use salient_core::AppState;

/// The function's routes, before the shared layers.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/{account}/{agent}", get(sessions::agent_card))
        .route(
            "/api/{account}/{agent}/sessions",
            get(sessions::list).post(sessions::create),
        )
        .route(
            "/api/{account}/{agent}/sessions/{session}",
            get(sessions::show),
        )
        .route(
            "/api/{account}/{agent}/sessions/{session}/messages",
            get(sessions::messages),
        )
        .route(
            "/api/{account}/{agent}/sessions/{session}/turns",
            post(turns::create),
        )
        .route(
            "/api/{account}/{agent}/sessions/{session}/messages/{message}/feedback",
            post(feedback::rate),
        )
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}
