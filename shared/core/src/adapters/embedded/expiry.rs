//! `ExpiryStore` for SQLite: the sweep that deletes expired rows (SQLite has no TTL of its
//! own). Every read already ignores them; this frees the space. Each table is one indexed
//! range delete (`<table>_by_expiry`), all in one write.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{execute, millis};
use crate::ports::{ExpiryStore, StoreError};

/// Rows past their retention (`?1`: now in epoch milliseconds); a session's rows go by
/// their own expiry, as DynamoDB's TTL deletes items one by one.
const RETENTION_DELETES: &[&str] = &[
    "DELETE FROM messages WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM llm_requests WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM email_events WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM profile_sessions WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM visitor_profiles WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM email_claims WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM email_mentions WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM profiles WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    "DELETE FROM gap_groups WHERE expires_at IS NOT NULL AND expires_at <= ?1",
    // Counters past their own expiry: a counter of a past window is never read again (its
    // window start is in its key), so it only takes space until this sweep.
    "DELETE FROM rate_counters WHERE expires_at <= ?1",
    "DELETE FROM spend_counters WHERE expires_at <= ?1",
    "DELETE FROM stream_leases WHERE expires_at <= ?1",
    // The console's records past their own expiry (an idle operator session is deleted
    // when it is next presented).
    "DELETE FROM operator_sessions WHERE expires_at <= ?1",
    "DELETE FROM login_links WHERE expires_at <= ?1",
    "DELETE FROM audit_log WHERE expires_at <= ?1",
    // Request metrics and error events past their own expiry.
    "DELETE FROM request_metrics WHERE expires_at <= ?1",
    "DELETE FROM error_events WHERE expires_at <= ?1",
    // The overview's day rollups and their markers, past their own expiry.
    "DELETE FROM rollups WHERE expires_at <= ?1",
    "DELETE FROM rollup_visitors WHERE expires_at <= ?1",
    "DELETE FROM rating_marks WHERE expires_at <= ?1",
];

/// One-time-code challenges a day past their expiry (`?1`: now in epoch milliseconds), as
/// DynamoDB's `ttl` on them: until then a late answer still reads "expired", not "no code".
const OTP_DELETE: &str = "DELETE FROM otp_challenges WHERE expires_at <= ?1 - 86400000";

#[async_trait]
impl ExpiryStore for EmbeddedStore {
    #[tracing::instrument(skip_all)]
    async fn delete_expired(&self, now: DateTime<Utc>) -> Result<u64, StoreError> {
        let now = millis(now);
        self.write(move |conn| {
            let mut deleted = 0;
            for statement in RETENTION_DELETES.iter().chain([&OTP_DELETE]) {
                deleted += execute(conn, statement, params![now])?;
            }
            Ok(u64::try_from(deleted).unwrap_or(u64::MAX))
        })
        .await
    }
}
