//! The `rate_counters` table and `RateLimitStore`. A counter is one row per subject, window
//! length and window start, counted by `INSERT ... ON CONFLICT DO UPDATE ... WHERE count <
//! limit`; expired windows are deleted by the expiry sweep (`expiry`). Stream leases live in the process's
//! memory (`leases`): one process owns the file, and its streams die with it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::EmbeddedStore;
use super::rows::{execute, millis};
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::crm::{RateHit, RateLimitStore};

const COUNT_HIT: &str = "INSERT INTO rate_counters \
     (account, subject, window_secs, window_start, count, expires_at) \
     VALUES (?1, ?2, ?3, ?4, 1, ?5) \
     ON CONFLICT (account, subject, window_secs, window_start) \
     DO UPDATE SET count = count + 1 WHERE count < ?6";

fn count_hit(conn: &Connection, account: &str, hit: &RateHit) -> Result<bool, StoreError> {
    if hit.limit == 0 {
        return Ok(false);
    }
    let start = millis(hit.window_start);
    let expires = start + i64::from(hit.window_secs) * 2 * 1000;
    let counted = execute(
        conn,
        COUNT_HIT,
        params![
            account,
            hit.subject,
            hit.window_secs,
            start,
            expires,
            hit.limit
        ],
    )?;
    Ok(counted == 1)
}

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
        let hit = RateHit {
            subject: subject.to_owned(),
            window_start,
            window_secs,
            limit,
        };
        Ok(self
            .hit_rates(account, std::slice::from_ref(&hit))
            .await?
            .is_none())
    }

    async fn hit_rates(
        &self,
        account: &AccountId,
        hits: &[RateHit],
    ) -> Result<Option<usize>, StoreError> {
        let (account, hits) = (account.to_string(), hits.to_vec());
        // One trip to the store's thread for all of a request's windows. Past windows are
        // left to the expiry sweep: their rows are never read again.
        self.write(move |conn| {
            for (index, hit) in hits.iter().enumerate() {
                if !count_hit(conn, &account, hit)? {
                    return Ok(Some(index));
                }
            }
            Ok(None)
        })
        .await
    }

    async fn acquire_lease(
        &self,
        account: &AccountId,
        subject: &str,
        slots: u32,
        holder: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Option<u32>, StoreError> {
        let wanted = [(subject.to_owned(), slots)];
        Ok(self
            .leases
            .acquire(
                account.as_str(),
                &wanted,
                holder,
                millis(now),
                millis(expires_at),
            )
            .ok()
            .and_then(|slots| slots.first().copied()))
    }

    async fn acquire_leases(
        &self,
        account: &AccountId,
        wanted: &[(String, u32)],
        holder: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Result<Vec<u32>, usize>, StoreError> {
        Ok(self.leases.acquire(
            account.as_str(),
            wanted,
            holder,
            millis(now),
            millis(expires_at),
        ))
    }

    async fn release_leases(
        &self,
        account: &AccountId,
        held: &[(String, u32)],
        holder: &str,
    ) -> Result<(), StoreError> {
        self.leases.release(account.as_str(), held, holder);
        Ok(())
    }

    async fn release_lease(
        &self,
        account: &AccountId,
        subject: &str,
        slot: u32,
        holder: &str,
    ) -> Result<(), StoreError> {
        self.leases
            .release(account.as_str(), &[(subject.to_owned(), slot)], holder);
        Ok(())
    }
}
