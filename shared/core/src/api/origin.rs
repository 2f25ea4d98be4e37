//! Which origins may call an account's API: the CORS rule (`account.allowed_origins`) and the
//! origin check on every state-changing request (cross-site request forgery). A request with
//! an unsafe method that names an origin (`Origin`, or the origin of `Referer` when `Origin`
//! is absent) is refused with `origin_not_allowed` unless that origin is the deployment's own
//! (the request's host as this server sees it) or one of the account's allowed origins.
//! Requests that name no origin (API clients, curl) pass: a browser always sends `Origin` on
//! a cross-site POST. docs/security.md explains the choice of "own origin".

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{HOST, ORIGIN, REFERER};
use axum::http::{HeaderMap, HeaderName, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Url;

use super::error::{ApiError, ErrorCode};
use crate::config::Catalog;
use crate::domain::AccountId;

/// The host a proxy in front of the functions received the request for. The template's
/// CloudFront function sets it from the viewer's `Host` on every `/api/*` request, because
/// CloudFront replaces `Host` with the origin's own domain.
const FORWARDED_HOST: HeaderName = HeaderName::from_static("x-forwarded-host");

/// The account of an `/api/{account}/...` path. The console's `/api/console/...` names
/// none: it is served to this deployment's own origin only, never with CORS.
fn account_in_path(path: &str) -> Option<AccountId> {
    path.strip_prefix("/api/")
        .and_then(|rest| rest.split('/').next())
        .filter(|raw| *raw != crate::config::CONSOLE_ACCOUNT)
        .and_then(|raw| AccountId::parse(raw).ok())
}

/// Whether `origin` is in `account.allowed_origins` of the account the path names.
pub(crate) fn allowed_for_path(catalog: &Catalog, path: &str, origin: &str) -> bool {
    let Some(account) = account_in_path(path) else {
        return false;
    };
    catalog
        .agents()
        .filter(|agent| agent.account == account)
        .any(|agent| {
            agent
                .settings
                .account
                .allowed_origins
                .iter()
                .any(|allowed| allowed.eq_ignore_ascii_case(origin))
        })
}

/// The origin a request names: its `Origin` header, or else the origin of its `Referer`.
/// `None` when it sends neither; an unreadable value becomes `"null"`, which matches nothing.
fn claimed_origin(headers: &HeaderMap) -> Option<String> {
    if let Some(origin) = headers.get(ORIGIN) {
        return Some(origin.to_str().unwrap_or("null").trim().to_owned());
    }
    let referer = headers.get(REFERER)?;
    Some(
        referer
            .to_str()
            .ok()
            .and_then(|raw| Url::parse(raw.trim()).ok())
            .map_or_else(
                || "null".to_owned(),
                |url| url.origin().ascii_serialization(),
            ),
    )
}

/// `host[:port]`, lowercased, without a default port (80, 443): the part of an origin and of
/// a `Host` header that can be compared without knowing the scheme.
fn authority_key(authority: &str) -> String {
    let lower = authority.trim().to_ascii_lowercase();
    for default_port in [":80", ":443"] {
        if let Some(bare) = lower.strip_suffix(default_port) {
            return bare.to_owned();
        }
    }
    lower
}

/// The `host[:port]` of a serialised origin (`https://shop.example:8443`).
fn origin_authority(origin: &str) -> Option<String> {
    let url = Url::parse(origin).ok()?;
    let host = url.host_str()?;
    Some(authority_key(&match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    }))
}

/// The hosts this request was sent to, as the server sees them: `Host` (HTTP/1.1), the URI's
/// authority (HTTP/2), and the first `X-Forwarded-Host` entry (behind CloudFront).
fn own_authorities(headers: &HeaderMap, uri: &Uri) -> Vec<String> {
    let mut own = Vec::with_capacity(3);
    if let Some(host) = headers.get(HOST).and_then(|v| v.to_str().ok()) {
        own.push(authority_key(host));
    }
    if let Some(authority) = uri.authority() {
        own.push(authority_key(authority.as_str()));
    }
    if let Some(forwarded) = headers
        .get(FORWARDED_HOST)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
    {
        own.push(authority_key(forwarded));
    }
    own
}

/// Whether a request may go on: safe methods always; unsafe ones when they name no origin,
/// their own origin, or one the account allows.
fn origin_permits(catalog: &Catalog, request: &Request) -> bool {
    if request.method().is_safe() {
        return true;
    }
    let Some(origin) = claimed_origin(request.headers()) else {
        return true;
    };
    if let Some(authority) = origin_authority(&origin)
        && own_authorities(request.headers(), request.uri()).contains(&authority)
    {
        return true;
    }
    allowed_for_path(catalog, request.uri().path(), &origin)
}

/// Middleware: refuses a state-changing request from a foreign origin with
/// `origin_not_allowed` before any handler runs.
pub(crate) async fn check_origin(
    State(catalog): State<Arc<Catalog>>,
    request: Request,
    next: Next,
) -> Response {
    if origin_permits(&catalog, &request) {
        next.run(request).await
    } else {
        ApiError::new(
            ErrorCode::OriginNotAllowed,
            "This origin may not change anything here: it is neither this site nor one of the account's allowed origins.",
        )
        .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn origin_comes_from_origin_then_from_the_referer() {
        assert_eq!(claimed_origin(&headers(&[])), None);
        assert_eq!(
            claimed_origin(&headers(&[("referer", "https://Shop.example:8443/a/b?c")])),
            Some("https://shop.example:8443".to_owned())
        );
        assert_eq!(
            claimed_origin(&headers(&[
                ("origin", "https://a.example"),
                ("referer", "https://b.example/")
            ])),
            Some("https://a.example".to_owned())
        );
        assert_eq!(
            claimed_origin(&headers(&[("referer", "not a url")])),
            Some("null".to_owned())
        );
    }

    #[test]
    fn authorities_compare_without_scheme_or_default_port() {
        assert_eq!(
            origin_authority("https://Shop.example").as_deref(),
            Some("shop.example")
        );
        assert_eq!(
            origin_authority("http://127.0.0.1:3000").as_deref(),
            Some("127.0.0.1:3000")
        );
        assert_eq!(authority_key("shop.example:443"), "shop.example");
        assert_eq!(origin_authority("null"), None);
    }

    #[test]
    fn the_account_comes_from_the_path() {
        assert_eq!(
            account_in_path("/api/northwind-heating/sales/sessions").map(|a| a.to_string()),
            Some("northwind-heating".to_owned())
        );
        assert_eq!(account_in_path("/healthz"), None);
    }
}
