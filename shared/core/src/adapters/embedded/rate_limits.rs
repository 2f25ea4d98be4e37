//! The `rate_counters` table and `RateLimitStore`: one row per subject and window, counted
//! by `INSERT ... ON CONFLICT DO UPDATE ... WHERE count < limit`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{execute, millis};
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::crm::RateLimitStore;

#[async_trait]
impl RateLimitStore for EmbeddedStore {
    async fn hit_rate(
        &self,
        account: &AccountId,
        subject: &str,
        window_start: DateTime<Utc>,
        window_secs: u32,
        limit: u32,
    ) -> Result<bool, StoreError> {
        let (account, subject) = (account.to_string(), subject.to_owned());
        let start = millis(window_start);
        let expires = start + i64::from(window_secs) * 2 * 1000;
        self.write(move |conn| {
            // Old windows are of no use once over; clean this subject's up as we go.
            execute(
                conn,
                "DELETE FROM rate_counters WHERE account = ?1 AND subject = ?2 AND expires_at < ?3",
                params![account, subject, start],
            )?;
            let counted = execute(
                conn,
                "INSERT INTO rate_counters (account, subject, window_start, count, expires_at) \
                 VALUES (?1, ?2, ?3, 1, ?4) \
                 ON CONFLICT (account, subject, window_start) DO UPDATE SET count = count + 1 \
                 WHERE count < ?5",
                params![account, subject, start, expires, limit],
            )?;
            Ok(counted == 1 && limit > 0)
        })
        .await
    }
}
