//! Personal data kept out of places it does not belong.
//!
//! [`redact`] replaces email addresses, card numbers (Luhn-checked), phone numbers and IP
//! addresses in free text with placeholders; every log line goes through it (the writer in
//! `telemetry`), at every level. [`mask_cards`] replaces card numbers in a visitor's message
//! before it is stored or sent to the model, keeping the last four digits so the visitor and
//! the business can still tell which card was meant.

use std::borrow::Cow;
use std::net::Ipv6Addr;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// An email address: what a visitor types, not every RFC 5322 form.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
        .expect("valid pattern")
});

/// 13 to 19 digits, optionally grouped by single spaces or dashes: a card number if its
/// digits pass the Luhn check.
static CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d(?:[ -]?\d){12,18}\b").expect("valid pattern"));

/// 9 to 15 digits, optionally with a leading `+` and single separators (space, dot, dash,
/// parentheses): a phone number, national or international.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+|\b)\(?\d(?:[ ().-]{0,2}\d){8,14}\b").expect("valid pattern")
});

/// A dotted IPv4 address.
static IPV4: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
        .expect("valid pattern")
});

/// Text that may be an IPv6 address (hex digits, colons, an embedded IPv4 tail); each
/// candidate is parsed before it is replaced.
static IPV6_CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*").expect("valid pattern"));

/// Whether the digits of `text` (other characters ignored) pass the Luhn check.
fn luhn(text: &str) -> bool {
    let digits: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Replaces the matches of `pattern` for which `keep_match` says so with `placeholder`.
fn replace_where<'a>(
    text: Cow<'a, str>,
    pattern: &Regex,
    placeholder: &str,
    keep_match: impl Fn(&str) -> bool,
) -> Cow<'a, str> {
    if !pattern.is_match(&text) {
        return text;
    }
    let replaced = pattern.replace_all(&text, |caps: &Captures<'_>| {
        let found = &caps[0];
        if keep_match(found) {
            placeholder.to_owned()
        } else {
            found.to_owned()
        }
    });
    match replaced {
        Cow::Borrowed(_) => text,
        Cow::Owned(owned) => Cow::Owned(owned),
    }
}

/// Whether `candidate`, found at `start..end` of `text`, is a whole IPv6 address: it parses,
/// and it is not glued to a word on either side (so `core::api` and `12:30:05` stay).
fn is_ipv6_at(text: &str, start: usize, end: usize) -> bool {
    let candidate = &text[start..end];
    let glued_before = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    let glued_after = text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    !glued_before
        && !glued_after
        && candidate.matches(':').count() >= 2
        && candidate.parse::<Ipv6Addr>().is_ok()
}

/// `text` with email addresses, card numbers, phone numbers and IP addresses replaced by
/// `[email]`, `[card]`, `[phone]` and `[ip]`. Borrowed when there was nothing to replace.
pub(crate) fn redact(text: &str) -> Cow<'_, str> {
    let text = replace_where(Cow::Borrowed(text), &EMAIL, "[email]", |_| true);
    let text = replace_where(text, &CARD, "[card]", luhn);
    let text = replace_where(text, &IPV4, "[ip]", |_| true);
    let text = replace_where(text, &PHONE, "[phone]", |found| {
        found.chars().filter(char::is_ascii_digit).count() >= 9
    });
    if !text.contains(':') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for found in IPV6_CANDIDATE.find_iter(&text) {
        if is_ipv6_at(&text, found.start(), found.end()) {
            out.push_str(&text[last..found.start()]);
            out.push_str("[ip]");
            last = found.end();
        }
    }
    if last == 0 {
        return text;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// `text` with every card number (Luhn-valid) replaced by `[card ending 1234]`.
pub(crate) fn mask_cards(text: &str) -> Cow<'_, str> {
    if !CARD.is_match(text) {
        return Cow::Borrowed(text);
    }
    CARD.replace_all(text, |caps: &Captures<'_>| {
        let found = &caps[0];
        if !luhn(found) {
            return found.to_owned();
        }
        let digits: String = found.chars().filter(char::is_ascii_digit).collect();
        format!("[card ending {}]", &digits[digits.len() - 4..])
    })
}

#[cfg(test)]
mod tests {
    use super::{mask_cards, redact};

    #[test]
    fn personal_data_is_replaced() {
        let line = "visitor jane.doe+sales@example.co.uk paid with 4111 1111 1111 1111, \
                    call +44 20 7946 0958 or (555) 123-4567 from 203.0.113.7 or 2001:db8::8a2e:370:7334";
        let clean = redact(line);
        for raw in [
            "jane.doe",
            "example.co.uk",
            "4111",
            "7946",
            "123-4567",
            "203.0.113.7",
            "2001:db8",
        ] {
            assert!(!clean.contains(raw), "{raw} left in {clean}");
        }
        for placeholder in ["[email]", "[card]", "[phone]", "[ip]"] {
            assert!(
                clean.contains(placeholder),
                "{placeholder} missing: {clean}"
            );
        }
    }

    #[test]
    fn ordinary_log_text_is_left_alone() {
        for line in [
            "salient_core::api::error: request failed code=session_not_found",
            "2026-12-01T10:56:00.123456Z took 1234 ms, 512 tokens, cost 0.000042",
            "session 01JD3K8ZQ6T8Q1W6R0Y2C5V7NB at 12:30:05 version 1.2.3",
            r#"{"target":"salient_core::conversation::turn","fields":{"n":3}}"#,
        ] {
            assert_eq!(redact(line), line);
        }
    }

    #[test]
    fn card_numbers_keep_their_last_four_digits() {
        assert_eq!(
            mask_cards("my card is 4111-1111-1111-1111 thanks"),
            "my card is [card ending 1111] thanks"
        );
        // Not a card: fails the Luhn check.
        assert_eq!(
            mask_cards("order 1234 5678 9012 3456"),
            "order 1234 5678 9012 3456"
        );
    }
}
