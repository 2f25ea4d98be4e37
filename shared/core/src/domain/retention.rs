//! How long stored conversations and visitor data are kept: each account's
//! `retention.days`, turned into the expiry a store writes with every item (DynamoDB's
//! `ttl`, the embedded store's `expires_at`) and checks on every read.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::AccountId;

/// Each account's retention period: an item written at `t` expires at `t` + the period
/// (truncated to the second, the precision of DynamoDB's `ttl`); no period keeps it until
/// it is erased.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retention {
    default: Option<Duration>,
    accounts: BTreeMap<AccountId, Option<Duration>>,
}

/// `days` as a period; 0 is none (kept until erased).
fn period(days: u32) -> Option<Duration> {
    (days > 0).then(|| Duration::days(i64::from(days)))
}

impl Retention {
    /// Nothing expires (stores opened without a policy: tests, tools).
    pub fn forever() -> Self {
        Self::default()
    }

    /// `days` for every account; 0 keeps everything.
    pub fn days(days: u32) -> Self {
        Self {
            default: period(days),
            accounts: BTreeMap::new(),
        }
    }

    /// `days` for `account` (0 keeps its data until erased), whatever the default says.
    #[must_use]
    pub fn with_account(mut self, account: AccountId, days: u32) -> Self {
        self.accounts.insert(account, period(days));
        self
    }

    /// How long `account`'s items are kept; `None` until erased.
    pub fn period(&self, account: &AccountId) -> Option<Duration> {
        self.accounts.get(account).copied().unwrap_or(self.default)
    }

    /// When an item of `account` last written at `written` expires, whole seconds; `None`
    /// when the account keeps its data.
    pub fn expiry(&self, account: &AccountId, written: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let at = written.checked_add_signed(self.period(account)?)?;
        DateTime::from_timestamp(at.timestamp(), 0)
    }
}

/// Whether an item whose expiry is `expires_at` is gone at `now` (expired at or before it).
pub fn is_expired(expires_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    expires_at.is_some_and(|at| at <= now)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(raw: &str) -> AccountId {
        AccountId::parse(raw).expect("valid")
    }

    #[test]
    fn an_account_of_its_own_overrides_the_default_and_zero_keeps_forever() {
        let written = DateTime::from_timestamp(1_700_000_000, 250_000_000).expect("valid");
        let retention = Retention::days(30)
            .with_account(account("long"), 400)
            .with_account(account("keep"), 0);
        assert_eq!(
            retention.expiry(&account("other"), written),
            DateTime::from_timestamp(1_700_000_000 + 30 * 86_400, 0)
        );
        assert_eq!(
            retention.expiry(&account("long"), written),
            DateTime::from_timestamp(1_700_000_000 + 400 * 86_400, 0)
        );
        assert_eq!(retention.expiry(&account("keep"), written), None);
        assert_eq!(
            Retention::forever().expiry(&account("other"), written),
            None
        );
        assert_eq!(Retention::days(0).period(&account("other")), None);
    }

    #[test]
    fn an_item_is_expired_from_its_expiry_on() {
        let at = DateTime::from_timestamp(1_700_000_000, 0).expect("valid");
        assert!(!is_expired(None, at));
        assert!(!is_expired(Some(at), at - Duration::milliseconds(1)));
        assert!(is_expired(Some(at), at));
    }
}
