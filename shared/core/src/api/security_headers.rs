//! The security headers of every response: the site's pages (and every other static file)
//! get the site's Content-Security-Policy, API answers a policy that lets nothing load. The
//! deployment's CloudFront response headers policies (`infra/template.yaml`) send the same
//! values; an integration test holds the two together. docs/security.md explains each one.

use axum::http::HeaderValue;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, Response};

/// The site's pages: scripts and styles only from the site's own files (no inline script or
/// style; the widget styles its shadow root with constructed style sheets), API calls only to
/// the same origin, Cloudflare Turnstile's script and frame for accounts that turn it on,
/// and no page of the site inside another site's frame.
pub const SITE_CSP: &str = "default-src 'self'; script-src 'self' https://challenges.cloudflare.com; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src https://challenges.cloudflare.com; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/// API answers are data, never documents: opened as a page, nothing in them may load or run.
pub const API_CSP: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The site's pages send the origin (never the path) to other sites.
pub const SITE_REFERRER_POLICY: &str = "strict-origin-when-cross-origin";

/// API answers link nowhere.
pub const API_REFERRER_POLICY: &str = "no-referrer";

/// Lets a page elsewhere load the widget's files even when it isolates itself
/// (`Cross-Origin-Embedder-Policy: require-corp`).
const CROSS_ORIGIN_RESOURCE_POLICY: HeaderName =
    HeaderName::from_static("cross-origin-resource-policy");

/// The headers of a static file.
fn site_headers() -> [(HeaderName, HeaderValue); 5] {
    [
        (CONTENT_SECURITY_POLICY, HeaderValue::from_static(SITE_CSP)),
        (X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            REFERRER_POLICY,
            HeaderValue::from_static(SITE_REFERRER_POLICY),
        ),
        (
            CROSS_ORIGIN_RESOURCE_POLICY,
            HeaderValue::from_static("cross-origin"),
        ),
        (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    ]
}

/// The headers of every other response.
fn api_headers() -> [(HeaderName, HeaderValue); 4] {
    [
        (CONTENT_SECURITY_POLICY, HeaderValue::from_static(API_CSP)),
        (X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            REFERRER_POLICY,
            HeaderValue::from_static(API_REFERRER_POLICY),
        ),
        (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
    ]
}

/// Adds each of `headers` the response does not already carry.
fn add_missing(
    response: &mut HeaderMap,
    headers: impl IntoIterator<Item = (HeaderName, HeaderValue)>,
) {
    for (name, value) in headers {
        if !response.contains_key(&name) {
            response.insert(name, value);
        }
    }
}

/// A static file's response with the site's headers.
pub(crate) fn with_site_headers<B>(mut response: Response<B>) -> Response<B> {
    add_missing(response.headers_mut(), site_headers());
    response
}

/// Any response with the API's headers where it has none of its own (a static file already
/// has the site's).
pub(crate) async fn with_api_headers<B>(mut response: Response<B>) -> Response<B> {
    add_missing(response.headers_mut(), api_headers());
    response
}
