//! How an email address appears in storage keys: its hash, so keys that show up in metrics
//! and logs carry no personal data.

use sha2::{Digest as _, Sha256};

use super::EmailAddress;

/// The hex SHA-256 of a normalised address: how an address appears in keys.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct EmailHash(String);

impl EmailHash {
    /// The hash of an address; the local part is lowercased too, so `Ann@x.io` and
    /// `ann@x.io` share one key (mailboxes are case-insensitive in practice).
    pub fn of(email: &EmailAddress) -> Self {
        let normalised = email.as_str().to_lowercase();
        Self(hex::encode(Sha256::digest(normalised.as_bytes())))
    }

    /// Reads a stored hash (64 lowercase hex digits).
    pub fn parse(raw: &str) -> Option<Self> {
        (raw.len() == 64
            && raw
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
        .then(|| Self(raw.to_owned()))
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
