//! Server-side request forgery guard: which URLs the crawler may fetch and which addresses
//! it may connect to. A page of a customer's site must never make us fetch the cloud
//! metadata service, a loopback admin port or a private network.
//!
//! The rules: http(s) only, no user info, no numeric IPv4 host spelled other than as a
//! dotted quad (`2130706433`, `0x7f.0.0.1`, `017700000001` are refused outright), and every
//! address the host resolves to must be public. The caller connects to the vetted address
//! (never resolving again), so a DNS answer cannot change between the check and the connect.
//! A `host:port` in `allow_private_hosts` skips the address check: local development only.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use url::Url;

/// Why a URL or address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Not a URL.
    #[error("not a valid URL")]
    Malformed,
    /// Not http or https.
    #[error("scheme {0:?} is not http(s)")]
    Scheme(String),
    /// `user:pass@` in the URL.
    #[error("URLs with user info are refused")]
    UserInfo,
    /// An IPv4 address written in decimal, hex or octal rather than as a dotted quad.
    #[error("obfuscated IP address spelling {0:?}")]
    ObfuscatedIp(String),
    /// The host resolves to a non-public address.
    #[error("{0} is a {1} address")]
    Private(IpAddr, &'static str),
    /// The host did not resolve.
    #[error("{0} did not resolve")]
    Unresolved(String),
}

/// Checks a URL's shape (scheme, user info, host spelling); addresses are checked by
/// [`resolve`].
pub fn check_url(raw: &str) -> Result<Url, Refusal> {
    let url = Url::parse(raw).map_err(|_| Refusal::Malformed)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Refusal::Scheme(url.scheme().to_owned()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Refusal::UserInfo);
    }
    let Some(host) = url.host_str() else {
        return Err(Refusal::Malformed);
    };
    if host.is_empty() {
        return Err(Refusal::Malformed);
    }
    // The URL parser turns `0x7f.1`, `2130706433` and `0177.0.0.1` into 127.0.0.1, so the
    // spelling has to be judged on the raw text.
    let raw_host = raw_host(raw).unwrap_or_default();
    if let Some(url::Host::Ipv4(ip)) = url.host()
        && raw_host.trim_end_matches('.') != ip.to_string()
    {
        return Err(Refusal::ObfuscatedIp(raw_host));
    }
    Ok(url)
}

/// The host as written in a URL (between `//` and the path, without user info and port).
fn raw_host(raw: &str) -> Option<String> {
    let after_scheme = raw.split_once("://")?.1;
    let authority = after_scheme
        .split(['/', '?', '#', '\\'])
        .next()
        .unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port.split_once(']').map_or(host_port, |(h, _)| h)
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    Some(host.trim_start_matches('[').to_ascii_lowercase())
}

/// `host:port` of a URL, as written in `allow_private_hosts`.
pub fn host_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    let port = url.port_or_known_default().unwrap_or(0);
    format!("{host}:{port}")
}

/// Why an address is not public, or `None` when it is.
pub fn non_public(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => non_public_v4(v4),
        IpAddr::V6(v6) => non_public_v6(v6),
    }
}

fn non_public_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() || a == 0 {
        Some("unspecified")
    } else if ip.is_private() {
        Some("private")
    } else if ip.is_link_local() {
        // 169.254.169.254 is the cloud metadata service.
        Some("link-local")
    } else if a == 100 && (64..128).contains(&b) {
        Some("shared (CGNAT)")
    } else if ip.is_broadcast()
        || ip.is_multicast()
        || a >= 240
        || ip.is_documentation()
        || (a == 198 && (b == 18 || b == 19))
        || (a == 192 && b == 0 && ip.octets()[2] == 0)
    {
        Some("reserved")
    } else {
        None
    }
}

fn non_public_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return non_public_v4(v4).map(|_| "IPv4-mapped non-public");
    }
    let first = ip.segments()[0];
    if ip.is_loopback() {
        Some("loopback")
    } else if ip.is_unspecified() {
        Some("unspecified")
    } else if first & 0xfe00 == 0xfc00 {
        Some("private (unique local)")
    } else if first & 0xffc0 == 0xfe80 {
        Some("link-local")
    } else if ip.is_multicast() {
        Some("reserved")
    } else if ip.segments()[..6] == [0, 0, 0, 0, 0, 0] {
        // Deprecated IPv4-compatible addresses (::a.b.c.d).
        Some("IPv4-compatible")
    } else if first == 0x64 && ip.segments()[1] == 0xff9b {
        // NAT64 can reach private IPv4 space.
        Some("NAT64")
    } else if first == 0x2002 || (first == 0x2001 && ip.segments()[1] == 0) {
        // 6to4 and Teredo embed IPv4 addresses.
        Some("tunnelled IPv4")
    } else {
        None
    }
}

/// Resolves the URL's host and vets every address; returns the one to connect to.
/// A host in `allow_private` (exact `host:port`) may resolve to non-public addresses.
pub async fn resolve(url: &Url, allow_private: &[String]) -> Result<SocketAddr, Refusal> {
    let host = url.host_str().ok_or(Refusal::Malformed)?;
    let port = url.port_or_known_default().ok_or(Refusal::Malformed)?;
    let allowed = allow_private.iter().any(|h| *h == host_port(url));
    let addresses: Vec<SocketAddr> = match url.host() {
        Some(url::Host::Ipv4(ip)) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
        Some(url::Host::Ipv6(ip)) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
        _ => tokio::net::lookup_host((host, port))
            .await
            .map_err(|_| Refusal::Unresolved(host.to_owned()))?
            .collect(),
    };
    let first = *addresses
        .first()
        .ok_or_else(|| Refusal::Unresolved(host.to_owned()))?;
    if !allowed {
        // Every address, not just the first: a resolver may rotate them.
        for address in &addresses {
            if let Some(why) = non_public(address.ip()) {
                return Err(Refusal::Private(address.ip(), why));
            }
        }
    }
    Ok(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_http_schemes_and_user_info_are_refused() {
        for raw in ["file:///etc/passwd", "gopher://x/", "ftp://example.com/"] {
            assert!(matches!(check_url(raw), Err(Refusal::Scheme(_))), "{raw}");
        }
        assert_eq!(
            check_url("http://user:pw@example.com/"),
            Err(Refusal::UserInfo)
        );
    }

    #[test]
    fn numeric_ipv4_spellings_are_refused() {
        for raw in [
            "http://2130706433/",
            "http://0x7f.0.0.1/",
            "http://017700000001/",
            "http://0177.0.0.1/",
            "http://127.1/",
            "http://0x7f000001:8080/x",
        ] {
            assert!(
                matches!(check_url(raw), Err(Refusal::ObfuscatedIp(_))),
                "{raw}"
            );
        }
        assert!(check_url("http://127.0.0.1:3000/demo/").is_ok());
        assert!(check_url("https://example.com/a?b").is_ok());
    }

    #[test]
    fn non_public_addresses_are_named() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
        ] {
            let ip: IpAddr = ip.parse().expect("an address");
            assert!(non_public(ip).is_some(), "{ip}");
        }
        for ip in ["93.184.216.34", "2606:4700::1111", "8.8.8.8"] {
            let ip: IpAddr = ip.parse().expect("an address");
            assert_eq!(non_public(ip), None, "{ip}");
        }
    }

    #[tokio::test]
    async fn loopback_is_refused_unless_its_host_port_is_allowed() {
        let url = check_url("http://127.0.0.1:3000/").expect("valid");
        assert!(matches!(
            resolve(&url, &[]).await,
            Err(Refusal::Private(_, "loopback"))
        ));
        assert!(resolve(&url, &["127.0.0.1:3000".to_owned()]).await.is_ok());
        assert!(resolve(&url, &["127.0.0.1:3001".to_owned()]).await.is_err());
        let v6 = check_url("http://[::ffff:7f00:1]/").expect("valid");
        assert!(resolve(&v6, &[]).await.is_err());
        let localhost = check_url("http://localhost:9/").expect("valid");
        assert!(resolve(&localhost, &[]).await.is_err());
    }
}
