//! Fixed-window rate counters and stream leases (`RateLimitStore`). A counter is one item
//! per subject, window length and window start, counted by a conditional `ADD` and removed
//! by TTL two windows after the window starts. A lease is one item per subject and slot,
//! taken by a conditional `PutItem` when the slot is free or its lease has expired, and
//! removed by TTL once expired when nobody released it.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::DynamoStore;
use super::codec::{self, millis, n, s, unless_condition_failed};
use super::keys::{lease_sk, rate_pk, rate_window_sk};
use crate::domain::AccountId;
use crate::ports::StoreError;
use crate::ports::crm::RateLimitStore;

#[async_trait]
impl RateLimitStore for DynamoStore {
    async fn hit_rate(
        &self,
        account: &AccountId,
        subject: &str,
        window_start: DateTime<Utc>,
        window_secs: u32,
        limit: u32,
    ) -> Result<bool, StoreError> {
        if limit == 0 {
            return Ok(false);
        }
        let ttl = window_start.timestamp() + i64::from(window_secs) * 2;
        let result = self
            .update(
                rate_pk(account, subject),
                rate_window_sk(window_secs, window_start),
            )
            .update_expression(
                "ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl), #type = :type",
            )
            .condition_expression("attribute_not_exists(pk) OR #count < :limit")
            .expression_attribute_names("#count", "count")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(":one", n(1))
            .expression_attribute_values(":ttl", n(ttl))
            .expression_attribute_values(":type", s("rate_counter"))
            .expression_attribute_values(":limit", n(limit))
            .send()
            .await;
        // A failed condition is "rate limited", and counts nothing.
        Ok(unless_condition_failed("UpdateItem", result)?.is_some())
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
        let pk = rate_pk(account, subject);
        for slot in 0..slots {
            let mut item = codec::key(pk.clone(), lease_sk(slot));
            item.insert("type".to_owned(), s("stream_lease"));
            item.insert("holder".to_owned(), s(holder));
            item.insert("expires_at".to_owned(), millis(expires_at));
            // DynamoDB's TTL deletes within days; `expires_at` is what the condition reads.
            item.insert("ttl".to_owned(), n(expires_at.timestamp()));
            let result = self
                .client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(item))
                .condition_expression("attribute_not_exists(pk) OR expires_at < :now")
                .expression_attribute_values(":now", millis(now))
                .send()
                .await;
            if unless_condition_failed("PutItem", result)?.is_some() {
                return Ok(Some(slot));
            }
        }
        Ok(None)
    }

    async fn release_lease(
        &self,
        account: &AccountId,
        subject: &str,
        slot: u32,
        holder: &str,
    ) -> Result<(), StoreError> {
        let result = self
            .client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(codec::key(rate_pk(account, subject), lease_sk(slot))))
            .condition_expression("holder = :holder")
            .expression_attribute_values(":holder", s(holder))
            .send()
            .await;
        // Another holder took the slot after this lease expired: theirs stays.
        unless_condition_failed("DeleteItem", result)?;
        Ok(())
    }
}
