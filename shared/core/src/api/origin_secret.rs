//! Functions reachable only through the deployment's CloudFront distribution. CloudFront adds
//! `X-Salient-Origin-Secret` (the value of `server.origin_secret`) to every request it
//! forwards; with the setting present, a request without the right value is refused with
//! `direct_access_denied` before anything else runs, so a function URL or the HTTP API's own
//! address is no way around the edge (the WAF, the viewer's real address). A request that
//! passes is marked [`ThroughProxy`], and only such requests have their client IP read from
//! the proxy's header (`api::client_ip`). Two kinds of path are meant to be reached directly,
//! and CloudFront forwards neither: `/healthz` and the IAM-signed admin routes (`/admin/...`).

use axum::extract::{Request, State};
use axum::http::HeaderName;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use secrecy::{ExposeSecret as _, SecretString};
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

use super::error::{ApiError, ErrorCode};

/// The header CloudFront sends the secret in (`infra/template.yaml`, `OriginCustomHeaders`).
pub const ORIGIN_SECRET_HEADER: HeaderName = HeaderName::from_static("x-salient-origin-secret");

/// Marks a request that proved it came through the proxy (the origin secret matched).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ThroughProxy;

/// The configured secret, kept as its SHA-256 digest: a presented value is hashed and the
/// two digests compared in constant time, so neither the value nor its length leaks through
/// timing.
#[derive(Clone)]
pub(crate) struct OriginSecret([u8; 32]);

impl std::fmt::Debug for OriginSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OriginSecret(********)")
    }
}

impl OriginSecret {
    pub(crate) fn new(secret: &SecretString) -> Self {
        Self(Sha256::digest(secret.expose_secret().as_bytes()).into())
    }

    fn admits(&self, presented: &[u8]) -> bool {
        let digest: [u8; 32] = Sha256::digest(presented).into();
        self.0.ct_eq(&digest).into()
    }
}

/// Paths reached without CloudFront: the health check and the IAM-signed admin routes.
fn reached_directly(path: &str) -> bool {
    path == "/healthz" || path.starts_with("/admin/")
}

/// Middleware: with a secret configured, refuses a request whose `X-Salient-Origin-Secret`
/// is missing or wrong (but on the paths reached directly), and marks one whose secret
/// matches.
pub(crate) async fn check_origin_secret(
    State(secret): State<Option<OriginSecret>>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(secret) = secret else {
        return next.run(request).await;
    };
    let presented = request.headers().get(ORIGIN_SECRET_HEADER);
    if presented.is_some_and(|value| secret.admits(value.as_bytes())) {
        request.extensions_mut().insert(ThroughProxy);
    } else if !reached_directly(request.uri().path()) {
        return ApiError::new(
            ErrorCode::DirectAccessDenied,
            "This API is reachable only through the site's own address.",
        )
        .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_secret_is_admitted() {
        let secret = OriginSecret::new(&SecretString::from("a-long-origin-secret-value"));
        assert!(secret.admits(b"a-long-origin-secret-value"));
        assert!(!secret.admits(b"a-long-origin-secret-valuE"));
        assert!(!secret.admits(b"a-long-origin-secret-value "));
        assert!(!secret.admits(b""));
        assert!(!format!("{secret:?}").contains("origin"));
    }

    #[test]
    fn only_the_health_check_and_admin_routes_are_reached_directly() {
        assert!(reached_directly("/healthz"));
        assert!(reached_directly("/admin/ingest/northwind-heating"));
        for path in [
            "/api/a/b",
            "/API/a/b",
            "//api/a/b",
            "/healthz/x",
            "/",
            "/widget.js",
        ] {
            assert!(!reached_directly(path), "{path}");
        }
    }
}
