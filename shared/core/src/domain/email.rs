//! A visitor's email address, refused at the boundary when malformed or when it carries
//! anything that could be injected into a mail header.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// Why an email address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Carriage returns, line feeds or other control characters: a header-injection attempt.
    #[error("email address must not contain line breaks or control characters")]
    ControlCharacters,
    /// Not an address per RFC 5321/5322 as `email_address` reads them.
    #[error("email address is malformed")]
    Malformed,
    /// Longer than the 254 characters SMTP allows.
    #[error("email address is longer than 254 characters")]
    TooLong,
}

/// A syntactically valid email address; the domain is lowercased so one mailbox has one key.
#[derive(Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses an address a visitor typed.
    pub fn parse(raw: &str) -> Result<Self, EmailError> {
        if raw.chars().any(char::is_control) {
            return Err(EmailError::ControlCharacters);
        }
        let trimmed = raw.trim();
        if trimmed.len() > 254 {
            return Err(EmailError::TooLong);
        }
        // Display names and comments ("Ann <ann@x.io>") are refused: only a bare address.
        if trimmed.contains(['<', '>', '(', ')', ',', ';', ' ', '"']) {
            return Err(EmailError::Malformed);
        }
        let parsed: email_address::EmailAddress =
            trimmed.parse().map_err(|_| EmailError::Malformed)?;
        let (local, domain) = (parsed.local_part(), parsed.domain());
        if !domain.contains('.') || domain.starts_with('[') {
            return Err(EmailError::Malformed);
        }
        Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The address as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for EmailAddress {
    /// Addresses are personal data: debug output (and so logs) shows only the domain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let domain = self.0.rsplit_once('@').map_or("", |(_, d)| d);
        write!(f, "EmailAddress(***@{domain})")
    }
}

impl<'de> Deserialize<'de> for EmailAddress {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_addresses_parse_with_the_domain_lowercased() {
        let email = EmailAddress::parse(" Ann.Lee+quotes@Example.COM ").expect("valid");
        assert_eq!(email.as_str(), "Ann.Lee+quotes@example.com");
    }

    #[test]
    fn header_injection_is_refused() {
        for bad in [
            "ann@example.com\r\nBcc: all@example.com",
            "ann@example.com\nX: y",
            "ann@exa\u{0}mple.com",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError::ControlCharacters));
        }
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in [
            "",
            "ann",
            "ann@",
            "@example.com",
            "ann@localhost",
            "Ann <ann@example.com>",
            "ann@example.com, bob@example.com",
            "ann@[127.0.0.1]",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn debug_output_hides_the_mailbox() {
        let email = EmailAddress::parse("ann@example.com").expect("valid");
        assert_eq!(format!("{email:?}"), "EmailAddress(***@example.com)");
    }
}

impl crate::error::CodedError for EmailError {
    fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::InvalidEmail
    }
}
