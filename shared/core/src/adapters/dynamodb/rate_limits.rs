//! Fixed-window rate counters (`RateLimitStore`): one item per subject and window, counted
//! by a conditional `ADD`, cleaned up by TTL two windows after the window starts.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::DynamoStore;
use super::codec::{n, s, unless_condition_failed};
use super::keys::{rate_pk, rate_window_sk};
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
            .update(rate_pk(account, subject), rate_window_sk(window_start))
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
}
