//! The client's IP address, for per-IP rate limits: the proxy header named by
//! `rate_limits.client_ip_header` (CloudFront's `cloudfront-viewer-address`, `ip:port`, the
//! default) when the request proved it came through the proxy (`server.origin_secret`,
//! see `api::origin_secret`), else the HTTP API's `sourceIp` in Lambda, else the TCP peer on
//! the local server. Without that proof the header is ignored, since anyone can send it.
//! Unknown stays `None` (all such requests share one bucket) rather than failing. The
//! address is only ever used hashed.

use std::net::{IpAddr, SocketAddr};

use super::ApiError;
use super::origin_secret::ThroughProxy;
use crate::app::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use lambda_http::request::RequestContext;

/// The client's IP, when it can be told.
#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub Option<IpAddr>);

/// Reads `ip`, `ip:port`, `[v6]:port` or a bare IPv6 address.
fn parse_address(raw: &str) -> Option<IpAddr> {
    let raw = raw.trim();
    if let Ok(ip) = raw.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(socket) = raw.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    // CloudFront writes IPv6 viewers as `2001:db8::1:443`, without brackets.
    raw.rsplit_once(':')
        .and_then(|(ip, port)| port.parse::<u16>().ok().and(ip.parse().ok()))
}

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = state.catalog.app().rate_limits.client_ip_header.as_str();
        if !header.is_empty()
            && parts.extensions.get::<ThroughProxy>().is_some()
            && let Some(ip) = parts
                .headers
                .get(header)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.split(',').next())
                .and_then(parse_address)
        {
            return Ok(Self(Some(ip)));
        }
        if let Some(RequestContext::ApiGatewayV2(context)) =
            parts.extensions.get::<RequestContext>()
            && let Some(ip) = context.http.source_ip.as_deref().and_then(parse_address)
        {
            return Ok(Self(Some(ip)));
        }
        if let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() {
            return Ok(Self(Some(peer.ip())));
        }
        Ok(Self(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_in_every_form_proxies_write() {
        let v4: IpAddr = "203.0.113.9".parse().expect("valid");
        let v6: IpAddr = "2001:db8::1".parse().expect("valid");
        assert_eq!(parse_address("203.0.113.9"), Some(v4));
        assert_eq!(parse_address("203.0.113.9:51234"), Some(v4));
        assert_eq!(parse_address("[2001:db8::1]:443"), Some(v6));
        assert_eq!(parse_address("2001:db8::1"), Some(v6));
        assert_eq!(parse_address("nonsense"), None);
    }
}
