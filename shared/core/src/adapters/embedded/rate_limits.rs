//! The `rate_counters` and `stream_leases` tables and `RateLimitStore`. A counter is one row
//! per subject, window length and window start, counted by `INSERT ... ON CONFLICT DO
//! UPDATE ... WHERE count < limit`; expired windows are deleted as hits arrive. A lease is
//! one row per subject and slot, taken when free or expired.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::EmbeddedStore;
use super::rows::{execute, millis};
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::crm::{RateHit, RateLimitStore};

/// Windows past their expiry, of every subject (found through `rate_counters_by_expiry`).
const DELETE_EXPIRED: &str = "DELETE FROM rate_counters WHERE expires_at < ?1";

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

/// Leases past their expiry, of every subject.
const DELETE_EXPIRED_LEASES: &str = "DELETE FROM stream_leases WHERE expires_at < ?1";

/// A holder's lease of one slot.
const RELEASE_LEASE: &str = "DELETE FROM stream_leases \
     WHERE account = ?1 AND subject = ?2 AND slot = ?3 AND holder = ?4";

/// Takes the first free one of `slots` leases of `subject` (expired leases already
/// deleted).
fn take_slot(
    conn: &Connection,
    account: &str,
    subject: &str,
    slots: u32,
    holder: &str,
    expires_at: i64,
) -> Result<Option<u32>, StoreError> {
    for slot in 0..slots {
        let taken = execute(
            conn,
            "INSERT INTO stream_leases (account, subject, slot, holder, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (account, subject, slot) DO NOTHING",
            params![account, subject, slot, holder, expires_at],
        )?;
        if taken == 1 {
            return Ok(Some(slot));
        }
    }
    Ok(None)
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
        // No window starts after "now", so a row that expired before the latest start is
        // over (and the callers' clock, not this one, says what "now" is).
        let over_before = hits.iter().map(|hit| millis(hit.window_start)).max();
        // One trip to the store's thread for all of a request's windows.
        self.write(move |conn| {
            if let Some(over_before) = over_before {
                execute(conn, DELETE_EXPIRED, params![over_before])?;
            }
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
        let (account, subject, holder) =
            (account.to_string(), subject.to_owned(), holder.to_owned());
        let (now, expires_at) = (millis(now), millis(expires_at));
        self.write(move |conn| {
            execute(conn, DELETE_EXPIRED_LEASES, params![now])?;
            take_slot(conn, &account, &subject, slots, &holder, expires_at)
        })
        .await
    }

    async fn acquire_leases(
        &self,
        account: &AccountId,
        wanted: &[(String, u32)],
        holder: &str,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<Result<Vec<u32>, usize>, StoreError> {
        let (account, wanted, holder) = (account.to_string(), wanted.to_vec(), holder.to_owned());
        let (now, expires_at) = (millis(now), millis(expires_at));
        // One trip: all the leases are taken, or none is.
        self.write(move |conn| {
            execute(conn, DELETE_EXPIRED_LEASES, params![now])?;
            let mut slots = Vec::with_capacity(wanted.len());
            for (index, (subject, count)) in wanted.iter().enumerate() {
                match take_slot(conn, &account, subject, *count, &holder, expires_at)? {
                    Some(slot) => slots.push(slot),
                    None => {
                        for ((subject, _), slot) in wanted.iter().zip(&slots) {
                            execute(conn, RELEASE_LEASE, params![account, subject, slot, holder])?;
                        }
                        return Ok(Err(index));
                    }
                }
            }
            Ok(Ok(slots))
        })
        .await
    }

    async fn release_leases(
        &self,
        account: &AccountId,
        held: &[(String, u32)],
        holder: &str,
    ) -> Result<(), StoreError> {
        let (account, held, holder) = (account.to_string(), held.to_vec(), holder.to_owned());
        self.write(move |conn| {
            for (subject, slot) in &held {
                execute(conn, RELEASE_LEASE, params![account, subject, slot, holder])?;
            }
            Ok(())
        })
        .await
    }

    async fn release_lease(
        &self,
        account: &AccountId,
        subject: &str,
        slot: u32,
        holder: &str,
    ) -> Result<(), StoreError> {
        let (account, subject, holder) =
            (account.to_string(), subject.to_owned(), holder.to_owned());
        self.write(move |conn| {
            execute(conn, RELEASE_LEASE, params![account, subject, slot, holder]).map(|_| ())
        })
        .await
    }
}
