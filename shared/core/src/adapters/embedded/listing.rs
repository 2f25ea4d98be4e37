//! Keyset paging of the account-wide SQLite listings that run newest first by a time and an
//! id (the audit log, the console's sessions and profiles, content gap groups): the page
//! size, where a page starts, and the cursor of the next one.
//!
//! A cursor is `{account}:{ms}:{id}` in URL-safe base64, so one account's cursor is
//! refused by another. A listing's query reads `LIMIT {fetch}`, one row more than the page,
//! and keeps the rows below the cursor with `(?m IS NULL OR (time, id) < (?m, ?i))`.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};

use super::rows::millis;
use crate::adapters::page_of;
use crate::domain::AccountId;
use crate::ports::{MAX_PAGE_SIZE, Page, StoreError};

/// One page of an account's newest-first listing.
#[derive(Debug)]
pub(super) struct NewestFirst {
    account: AccountId,
    limit: usize,
    /// The time (epoch ms) and id of the last row of the page before, if any.
    pub(super) after_ms: Option<i64>,
    pub(super) after_id: Option<String>,
}

impl NewestFirst {
    /// The page of `limit` (1 to [`MAX_PAGE_SIZE`]) rows after `cursor`, a cursor of this
    /// account's listing.
    pub(super) fn new(
        account: &AccountId,
        cursor: Option<&str>,
        limit: u32,
    ) -> Result<Self, StoreError> {
        let (after_ms, after_id) = cursor
            .map(|c| decode_cursor(c, account))
            .transpose()?
            .unzip();
        Ok(Self {
            account: account.clone(),
            limit: limit.clamp(1, MAX_PAGE_SIZE) as usize,
            after_ms,
            after_id,
        })
    }

    /// The query's `LIMIT`: one row more than the page, which tells that another follows.
    pub(super) fn fetch(&self) -> i64 {
        i64::try_from(self.limit + 1).unwrap_or(i64::MAX)
    }

    /// The page of `rows` (as read with [`Self::fetch`]); `key` names a row's time and id.
    pub(super) fn page<T>(
        &self,
        rows: Vec<T>,
        key: impl FnOnce(&T) -> (DateTime<Utc>, &str),
    ) -> Page<T, String> {
        page_of(rows, self.limit, |last| {
            let (at, id) = key(last);
            encode_cursor(&self.account, at, id)
        })
    }
}

/// `{account}:{ms}:{id}`, URL-safe base64: where the next page of a listing starts.
fn encode_cursor(account: &AccountId, at: DateTime<Utc>, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{account}:{}:{id}", millis(at)))
}

/// The time and id of a cursor of `account`'s listing.
fn decode_cursor(cursor: &str, account: &AccountId) -> Result<(i64, String), StoreError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| StoreError::InvalidCursor)?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::InvalidCursor)?;
    let mut parts = text.splitn(3, ':');
    let (Some(owner), Some(ms), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(StoreError::InvalidCursor);
    };
    if owner != account.as_str() || id.is_empty() {
        return Err(StoreError::InvalidCursor);
    }
    let ms = ms.parse().map_err(|_| StoreError::InvalidCursor)?;
    Ok((ms, id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::now;

    #[test]
    fn a_cursor_is_refused_by_another_account() {
        let a = AccountId::parse("a").expect("valid");
        let b = AccountId::parse("b").expect("valid");
        let cursor = encode_cursor(&a, now(), "x");
        assert!(decode_cursor(&cursor, &a).is_ok());
        assert!(matches!(
            decode_cursor(&cursor, &b),
            Err(StoreError::InvalidCursor)
        ));
        for garbage in ["", "%%", &URL_SAFE_NO_PAD.encode("a:notanumber:x")] {
            assert!(decode_cursor(garbage, &a).is_err(), "{garbage:?}");
        }
    }

    #[test]
    fn a_page_names_its_last_row_when_another_follows() {
        let a = AccountId::parse("a").expect("valid");
        let at = now();
        let page = NewestFirst::new(&a, None, 2).expect("no cursor");
        assert_eq!(page.fetch(), 3);
        let full = page.page(vec!["x", "y", "z"], |id| (at, id));
        assert_eq!(full.items, ["x", "y"]);
        let next = full.next.expect("another page");
        let after = NewestFirst::new(&a, Some(&next), 2).expect("own cursor");
        assert_eq!(
            (after.after_ms, after.after_id.as_deref()),
            (Some(millis(at)), Some("y"))
        );
        assert!(page.page(vec!["x", "y"], |id| (at, id)).next.is_none());
        assert_eq!(NewestFirst::new(&a, None, 0).expect("clamped").fetch(), 2);
    }
}
