//! Layers and fallbacks every function's router gets, so all of them answer unknown routes,
//! wrong methods, oversize bodies and panics with the same JSON error shape.

use std::any::Any;
use std::path::Path;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

use super::error::{ApiError, ErrorCode};
use crate::app::AppState;

/// `GET /healthz`.
pub async fn healthz() -> impl IntoResponse {
    axum::Json(serde_json::json!({"status": "ok"}))
}

async fn route_not_found() -> ApiError {
    ApiError::new(ErrorCode::RouteNotFound, "No route has this path.")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        ErrorCode::MethodNotAllowed,
        "This path does not accept this HTTP method.",
    )
}

fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::internal(anyhow::anyhow!("handler panicked")).into_response()
}

/// Adds `/healthz`, the JSON fallbacks, the body limit, panic catching and request tracing
/// to a function's routes, and binds the state.
pub fn finish(routes: Router<AppState>, state: AppState) -> Router {
    layered(routes.fallback(route_not_found), state)
}

/// As [`finish`], and serves the static site in `site_dir` for every path no route has (the
/// local server: site and API on one origin). Missing files still get the JSON 404.
pub fn finish_serving_site(routes: Router<AppState>, state: AppState, site_dir: &Path) -> Router {
    let site = ServeDir::new(site_dir)
        .append_index_html_on_directories(true)
        .not_found_service(axum::handler::HandlerWithoutStateExt::into_service(
            route_not_found,
        ));
    layered(routes.fallback_service(site), state)
}

fn layered(routes: Router<AppState>, state: AppState) -> Router {
    let body_limit = state.catalog.app().limits.max_body_bytes;
    routes
        .route("/healthz", get(healthz))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
