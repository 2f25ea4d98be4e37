//! Layers and fallbacks every function's router gets, so all of them answer unknown routes,
//! wrong methods, oversize bodies and headers, foreign origins and panics with the same JSON
//! error shape, and send the same response headers (docs/security.md).

use std::any::Any;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header::{self, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderName, HeaderValue, Method};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::{AllowCredentials, AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use super::error::{ApiError, ErrorCode};
use super::origin::{allowed_for_path, check_origin};
use super::origin_secret::{OriginSecret, check_origin_secret};
use super::request_metrics;
use super::security_headers;
use super::visitor::VISITOR_HEADER;
use crate::app::AppState;
use crate::config::Catalog;

/// The query of `GET /healthz`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct HealthQuery {
    /// `1` (or `true`): also check the store and the vector index.
    #[serde(default)]
    deep: Option<String>,
}

/// `GET /healthz`: `{"status": "ok"}` without looking at anything. With `?deep=1`, one
/// cheap read of the store and, when the knowledge base is open, of the vector index, each
/// within a timeout: `200` with each check's latency, or `503` naming the failed
/// dependency's stable code (`monitoring::deep_check`).
pub async fn healthz(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<HealthQuery>,
) -> Response {
    if !matches!(query.deep.as_deref(), Some("1" | "true")) {
        return axum::Json(serde_json::json!({"status": "ok"})).into_response();
    }
    let knowledge = state.open_knowledge_base();
    let report = crate::monitoring::deep_check(
        state.store.as_ref(),
        knowledge.as_ref().map(|k| k.index.as_ref()),
    )
    .await;
    let status = if report.is_ok() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(report)).into_response()
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

/// Refuses a request whose headers (names, values, and the 4 bytes of `: ` and CRLF each)
/// total more than `max` bytes with `headers_too_large`.
async fn limit_header_bytes(State(max): State<usize>, request: Request, next: Next) -> Response {
    let total: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    if total > max {
        return ApiError::new(
            ErrorCode::HeadersTooLarge,
            format!("The request's headers total {total} bytes; at most {max} are accepted."),
        )
        .into_response();
    }
    next.run(request).await
}

fn panic_response(_panic: Box<dyn Any + Send + 'static>) -> Response {
    ApiError::internal(anyhow::anyhow!("handler panicked")).into_response()
}

/// CORS for widgets embedded on another origin than the API's: a request to
/// `/api/{account}/...` from an `Origin` listed in that account's `account.allowed_origins`
/// gets the CORS headers (with credentials); any other origin gets none, so the browser
/// refuses the response. Same-origin requests (the default deployment) need none of this.
fn cors_layer(catalog: Arc<Catalog>) -> CorsLayer {
    let allowed = move |origin: &HeaderValue, parts: &Parts| {
        origin
            .to_str()
            .is_ok_and(|origin| allowed_for_path(&catalog, parts.uri.path(), origin))
    };
    let allowed_too = allowed.clone();
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(allowed))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([CONTENT_TYPE, HeaderName::from_static(VISITOR_HEADER)])
        // Only with an allowed origin: a static file's `Access-Control-Allow-Origin: *`
        // must never come with credentials.
        .allow_credentials(AllowCredentials::predicate(allowed_too))
        .max_age(Duration::from_secs(600))
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
        // Any method but GET and HEAD on a path no route has: the JSON 404, as without a site.
        .call_fallback_on_method_not_allowed(true)
        .not_found_service(axum::handler::HandlerWithoutStateExt::into_service(
            route_not_found,
        ));
    // The site's files are public: any origin may load them, which a page embedding the
    // widget from elsewhere needs (importing widget-app.js is a CORS fetch), never with
    // credentials. The deployment's CDN sends the same headers (the site's response headers
    // policy), and the same security headers. API routes keep their per-account CORS.
    let site = tower::ServiceBuilder::new()
        .map_response(security_headers::with_site_headers)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        ))
        .service(site);
    layered(routes.fallback_service(site), state)
}

fn layered(routes: Router<AppState>, state: AppState) -> Router {
    let body_limit = state.catalog.app().limits.max_body_bytes;
    let header_limit = state.catalog.app().limits.max_header_bytes;
    let origin_secret = state
        .catalog
        .app()
        .server
        .origin_secret
        .as_ref()
        .map(OriginSecret::new);
    let cors = cors_layer(Arc::clone(&state.catalog));
    let recorder = state.recorder.clone();
    routes
        .route("/healthz", get(healthz))
        // Notes each matched route's template and account for the request metrics.
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&state.catalog),
            request_metrics::note_route,
        ))
        // Every route's answer is a visitor's or an operator's data (static files are not
        // routes, so they stay cacheable).
        .route_layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&state.catalog),
            check_origin,
        ))
        .layer(cors)
        .layer(middleware::from_fn_with_state(
            header_limit,
            limit_header_bytes,
        ))
        // Before anything else looks at the request: a direct call is refused unread.
        .layer(middleware::from_fn_with_state(
            origin_secret,
            check_origin_secret,
        ))
        // Every answer, refusals and panics included, carries the security headers.
        .layer(middleware::map_response(security_headers::with_api_headers))
        .layer(CatchPanicLayer::custom(panic_response))
        // Outside the panic catcher, so a panic's 500 is counted too.
        .layer(middleware::from_fn_with_state(
            recorder,
            request_metrics::count_request,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
