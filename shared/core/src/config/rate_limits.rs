//! Settings of the rate limits and the concurrent-stream limits (`rate_limits:`), per action
//! (a turn, a new session, a one-time-code request, a summary, a rating of an answer, a
//! handoff to a person) and per scope (session,
//! visitor, email address, client IP, agent, account).
//!
//! A scope's limits are written as a short string of fixed windows, `"20/1m, 200/1h"`:
//! each `<limit>/<n><unit>` (unit `s`, `m`, `h` or `d`; `n` may be left out for 1) admits
//! at most `limit` hits per window. An empty string (or `0`) means no limit for that scope.
//! Like every other key, each scope is set key by key through the cascade.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One fixed window: at most `limit` hits per `window_secs` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateWindow {
    /// Hits admitted per window.
    pub limit: u32,
    /// The window's length in seconds.
    pub window_secs: u32,
}

/// Every window of one scope (all of them must admit a hit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateWindows(pub Vec<RateWindow>);

impl RateWindows {
    /// Parses `"20/1m, 200/1h"`; empty, `0` or `off` is no limit.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.is_empty() || raw == "0" || raw == "off" {
            return Ok(Self::default());
        }
        raw.split(',')
            .map(|part| parse_window(part.trim()))
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    /// The windows.
    pub fn windows(&self) -> &[RateWindow] {
        &self.0
    }
}

fn parse_window(part: &str) -> Result<RateWindow, String> {
    let bad = || {
        format!("`{part}` is not `<limit>/<duration>` (e.g. `20/1m`, `200/1h`, `5/30s`, `1000/1d`)")
    };
    let (limit, duration) = part.split_once('/').ok_or_else(bad)?;
    let limit: u32 = limit.trim().parse().map_err(|_| bad())?;
    let duration = duration.trim();
    let unit_at = duration
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(bad)?;
    let (count, unit) = duration.split_at(unit_at);
    let count: u32 = if count.is_empty() {
        1
    } else {
        count.parse().map_err(|_| bad())?
    };
    let unit_secs = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(bad()),
    };
    let window_secs = count.checked_mul(unit_secs).ok_or_else(bad)?;
    if limit == 0 || window_secs == 0 || window_secs > 7 * 86_400 {
        return Err(format!(
            "`{part}`: the limit must be positive and the window between 1 s and 7 days"
        ));
    }
    Ok(RateWindow { limit, window_secs })
}

impl fmt::Display for RateWindows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, window) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            let secs = window.window_secs;
            let (count, unit) = [(86_400, "d"), (3600, "h"), (60, "m")]
                .into_iter()
                .find(|(unit, _)| secs % unit == 0)
                .map_or((secs, "s"), |(unit, name)| (secs / unit, name));
            write!(f, "{}/{count}{unit}", window.limit)?;
        }
        Ok(())
    }
}

impl Serialize for RateWindows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for RateWindows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WindowsVisitor;

        impl Visitor<'_> for WindowsVisitor {
            type Value = RateWindows;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("fixed windows such as \"20/1m, 200/1h\", or \"\" for no limit")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RateWindows, E> {
                RateWindows::parse(v).map_err(E::custom)
            }

            // Environment variables and SSM values are read leniently: `0` arrives a number.
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RateWindows, E> {
                if v == 0 {
                    Ok(RateWindows::default())
                } else {
                    Err(E::custom(
                        "a number alone is not a window; write e.g. `20/1m`",
                    ))
                }
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RateWindows, E> {
                self.visit_u64(u64::try_from(v).unwrap_or(1))
            }
        }

        deserializer.deserialize_any(WindowsVisitor)
    }
}

fn windows(raw: &str) -> RateWindows {
    RateWindows::parse(raw).unwrap_or_default()
}

/// The limits of one action, per scope. A scope that does not apply to the action (an email
/// address for a turn) is ignored.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScopedLimits {
    /// Per session.
    pub session: RateWindows,
    /// Per visitor (the browser's visitor id).
    pub visitor: RateWindows,
    /// Per email address (one-time codes).
    pub email: RateWindows,
    /// Per client IP.
    pub ip: RateWindows,
    /// Per agent, over every visitor.
    pub agent: RateWindows,
    /// Per account, over every agent and visitor (set it in `account.yaml`: every agent's
    /// own value applies to the one shared counter).
    pub account: RateWindows,
}

/// Concurrent streamed turns.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StreamLimits {
    /// Streamed turns one visitor may have open at once (0: no limit).
    pub per_visitor: u32,
    /// Streamed turns one session may have open at once (0: no limit).
    pub per_session: u32,
    /// How long a stream's lease lasts when it is never released (a process that died);
    /// longer than any answer takes.
    pub lease_secs: u32,
}

impl Default for StreamLimits {
    fn default() -> Self {
        Self {
            per_visitor: 2,
            per_session: 1,
            lease_secs: 300,
        }
    }
}

/// Rate limits and concurrent-stream limits.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimitSettings {
    /// Whether any rate or stream limit is enforced.
    pub enabled: bool,
    /// The request header that carries the client's address, set by the proxy in front of
    /// the API (deployment-wide; CloudFront's `cloudfront-viewer-address`, `ip:port`).
    /// Empty: the connection's address (Lambda: the HTTP API's `sourceIp`).
    pub client_ip_header: String,
    /// Turns, buffered and streamed.
    pub turn: ScopedLimits,
    /// New sessions.
    pub session: ScopedLimits,
    /// One-time-code requests.
    pub otp: ScopedLimits,
    /// Summaries a visitor asks for.
    pub summary: ScopedLimits,
    /// Ratings of answers.
    pub feedback: ScopedLimits,
    /// Requests for a person.
    pub handoff: ScopedLimits,
    /// Open streamed turns.
    pub streams: StreamLimits,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            client_ip_header: "cloudfront-viewer-address".to_owned(),
            turn: ScopedLimits {
                session: windows("10/1m, 100/1h"),
                visitor: windows("20/1m, 200/1h"),
                ip: windows("60/1m, 600/1h"),
                agent: windows("300/1m, 3000/1h"),
                account: windows("600/1m, 6000/1h"),
                ..ScopedLimits::default()
            },
            session: ScopedLimits {
                visitor: windows("10/1m, 100/1h"),
                ip: windows("60/1m, 600/1h"),
                agent: windows("300/1m, 3000/1h"),
                account: windows("600/1m, 6000/1h"),
                ..ScopedLimits::default()
            },
            otp: ScopedLimits {
                visitor: windows("10/1h"),
                email: windows("5/1h"),
                ip: windows("20/1h"),
                ..ScopedLimits::default()
            },
            summary: ScopedLimits {
                session: windows("3/1h"),
                visitor: windows("10/1h"),
                ip: windows("30/1h"),
                account: windows("500/1h"),
                ..ScopedLimits::default()
            },
            feedback: ScopedLimits {
                session: windows("30/1m, 200/1h"),
                visitor: windows("60/1m, 500/1h"),
                ip: windows("120/1m, 1200/1h"),
                account: windows("1200/1m"),
                ..ScopedLimits::default()
            },
            handoff: ScopedLimits {
                session: windows("5/1h"),
                visitor: windows("10/1h"),
                ip: windows("30/1h"),
                account: windows("500/1h"),
                ..ScopedLimits::default()
            },
            streams: StreamLimits::default(),
        }
    }
}

/// Range checks of the `rate_limits:` section.
pub(super) fn validate_rate_limits(
    settings: &RateLimitSettings,
    check: &mut impl FnMut(bool, &str, &str),
) {
    check(
        settings.client_ip_header.is_empty()
            || http::HeaderName::from_bytes(settings.client_ip_header.as_bytes()).is_ok(),
        "rate_limits.client_ip_header",
        "must be empty or a valid HTTP header name",
    );
    check(
        settings.streams.per_visitor <= 100 && settings.streams.per_session <= 100,
        "rate_limits.streams",
        "per_visitor and per_session must be at most 100",
    );
    check(
        (10..=3600).contains(&settings.streams.lease_secs),
        "rate_limits.streams.lease_secs",
        "must be between 10 and 3600",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_parse_and_print_back() {
        let parsed = RateWindows::parse("20/1m, 200/h,5/30s, 1000/1d").expect("valid");
        assert_eq!(
            parsed.windows(),
            &[
                RateWindow {
                    limit: 20,
                    window_secs: 60
                },
                RateWindow {
                    limit: 200,
                    window_secs: 3600
                },
                RateWindow {
                    limit: 5,
                    window_secs: 30
                },
                RateWindow {
                    limit: 1000,
                    window_secs: 86_400
                },
            ]
        );
        assert_eq!(parsed.to_string(), "20/1m, 200/1h, 5/30s, 1000/1d");
        assert_eq!(
            RateWindows::parse("").expect("valid"),
            RateWindows::default()
        );
        assert_eq!(
            RateWindows::parse("off").expect("valid"),
            RateWindows::default()
        );
        for bad in [
            "20", "20/", "x/1m", "20/1w", "0/1m", "20/0s", "20/8d", "-1/1m",
        ] {
            assert!(RateWindows::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_defaults_parse() {
        let defaults = RateLimitSettings::default();
        assert_eq!(defaults.turn.visitor.to_string(), "20/1m, 200/1h");
        assert_eq!(defaults.otp.email.to_string(), "5/1h");
        assert!(defaults.turn.email.windows().is_empty());
    }
}
