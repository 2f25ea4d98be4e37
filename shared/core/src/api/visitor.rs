//! Who the visitor is: the `salient_visitor` cookie (browsers) or the `X-Salient-Visitor`
//! header (API clients). The id is random and opaque; it only proves "the same browser".

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};

use super::error::{ApiError, ErrorCode, id_error};
use crate::domain::VisitorId;

/// Cookie that carries the visitor id.
pub const VISITOR_COOKIE: &str = "salient_visitor";
/// Header that carries the visitor id for API clients without cookies.
pub const VISITOR_HEADER: &str = "x-salient-visitor";

/// The visitor id the request carried, if any; malformed ids are refused.
#[derive(Debug, Clone)]
pub struct MaybeVisitor(pub Option<VisitorId>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeVisitor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(VISITOR_HEADER)
            .map(|v| v.to_str().unwrap_or("\u{fffd}").to_owned());
        let cookie = CookieJar::from_headers(&parts.headers)
            .get(VISITOR_COOKIE)
            .map(|c| c.value().to_owned());
        match header.or(cookie) {
            Some(raw) => VisitorId::parse(&raw)
                .map(|id| Self(Some(id)))
                .map_err(|e| id_error(ErrorCode::InvalidVisitorId, &e)),
            None => Ok(Self(None)),
        }
    }
}

/// A visitor id that must be present: reads of sessions need one.
#[derive(Debug, Clone)]
pub struct Visitor(pub VisitorId);

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match MaybeVisitor::from_request_parts(parts, state).await?.0 {
            Some(id) => Ok(Self(id)),
            // Without a visitor id no session can be this visitor's.
            None => Err(ApiError::new(
                ErrorCode::SessionNotFound,
                "No session with this id for this agent.",
            )),
        }
    }
}

/// The `Set-Cookie` that remembers a visitor for a year: HttpOnly, Secure, SameSite=Lax,
/// scoped to the API.
pub fn visitor_cookie(id: &VisitorId) -> Cookie<'static> {
    Cookie::build((VISITOR_COOKIE, id.to_string()))
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Lax)
        .path("/api/")
        .max_age(time::Duration::days(365))
        .build()
}

/// The `Set-Cookie` that makes the browser forget its visitor id (after the visitor deleted
/// their data): the same cookie, empty and already expired.
pub fn forget_visitor_cookie() -> Cookie<'static> {
    Cookie::build((VISITOR_COOKIE, ""))
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Lax)
        .path("/api/")
        .max_age(time::Duration::ZERO)
        .build()
}
