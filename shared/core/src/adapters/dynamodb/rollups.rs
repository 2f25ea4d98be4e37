//! `RollupStore` on DynamoDB. One item per agent and UTC day (`A#{a}#ROLLUP#G#{agent}`,
//! `D#{yyyy-mm-dd}`) and one per account and day (`A#{a}#ROLLUP`, same sort key), each
//! counter an attribute `n_{name}` added to by `UpdateItem ADD` (atomic, so concurrent
//! events never lose an addition). Visitor markers (`A#{a}#VD#{day}#{visitor}`, sort key
//! `G#{agent}` or `ACCOUNT`) are written with a conditional put, and only a new one adds to
//! `visitors`. Rating markers (`A#{a}#RM#{session}`, `M#{message}`) swap the rating in
//! force with `UpdateItem` returning the old one. Everything carries a `ttl`
//! [`ROLLUP_KEEP_DAYS`](crate::ports::rollups::ROLLUP_KEEP_DAYS) after its day.
//!
//! The session flags are attributes of the session item (`not_helpful_count`, a number;
//! `no_sources` and `extractive`, booleans set once), read by the console's `gsi3` listing
//! through a filter (see [`DynamoStore::query_filtered_up_to`]).

use std::collections::BTreeMap;

use async_trait::async_trait;
use aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder;
use aws_sdk_dynamodb::types::{AttributeValue, ReturnValue};
use chrono::NaiveDate;

use super::DynamoStore;
use super::codec::{self, Item, backend, corrupt, n, read_opt_s, s, unless_condition_failed};
use super::keys::{SESSION_SK, session_pk};
use super::table::live_only;
use crate::domain::{AccountId, AgentId, MessageId, Rating, SessionId, VisitorId};
use crate::ports::StoreError;
use crate::ports::rollups::{
    DayCounters, RatingMark, RollupDelta, RollupStore, SessionMark, counter, is_counter_name,
    rollup_expiry,
};

/// The prefix of a counter's attribute.
const COUNTER_PREFIX: &str = "n_";

fn rollup_pk(account: &AccountId, agent: Option<&AgentId>) -> String {
    match agent {
        Some(agent) => format!("A#{account}#ROLLUP#G#{agent}"),
        None => format!("A#{account}#ROLLUP"),
    }
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn rollup_sk(day: NaiveDate) -> String {
    format!("D#{}", day_text(day))
}

fn visitor_marker_pk(account: &AccountId, day: NaiveDate, visitor: &VisitorId) -> String {
    format!("A#{account}#VD#{}#{visitor}", day_text(day))
}

fn rating_marker_pk(account: &AccountId, session: &SessionId) -> String {
    format!("A#{account}#RM#{session}")
}

fn parse_day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

impl DynamoStore {
    /// Adds `counters` to one rollup item (created on first use, with its `ttl`).
    async fn add_to_item(
        &self,
        pk: String,
        day: NaiveDate,
        counters: &[(String, i64)],
    ) -> Result<(), StoreError> {
        let mut adds = Vec::with_capacity(counters.len());
        let mut update = self.update(pk, rollup_sk(day));
        for (i, (name, amount)) in counters.iter().enumerate() {
            if !is_counter_name(name) {
                return Err(corrupt("rollup counter name", name));
            }
            adds.push(format!("#c{i} :c{i}"));
            update = update
                .expression_attribute_names(format!("#c{i}"), format!("{COUNTER_PREFIX}{name}"))
                .expression_attribute_values(format!(":c{i}"), n(amount));
        }
        update
            .update_expression(format!(
                "ADD {} SET #ttl = if_not_exists(#ttl, :ttl), #type = :type, #day = :day",
                adds.join(", ")
            ))
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_names("#day", "day")
            .expression_attribute_values(":ttl", n(rollup_expiry(day)))
            .expression_attribute_values(":type", s("rollup"))
            .expression_attribute_values(":day", s(day_text(day)))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("UpdateItem", e))
    }

    /// Runs a filtered query until `want` items passed the filter or the key range ends.
    /// Unlike `query_up_to` it sends no `Limit`: DynamoDB applies a limit before the
    /// filter, so a limit of the items still wanted would read a rare flag's sessions a
    /// few at a time; without one each call reads up to 1 MB of the index. The page handed
    /// back is cut to `want` by the caller, whose cursor is the last item it keeps.
    pub(super) async fn query_filtered_up_to(
        &self,
        query: QueryFluentBuilder,
        mut start: Option<Item>,
        want: usize,
    ) -> Result<Vec<Item>, StoreError> {
        let mut items = Vec::new();
        loop {
            let output = query
                .clone()
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| backend("Query", e))?;
            items.extend(output.items.unwrap_or_default());
            match output.last_evaluated_key {
                Some(last) if items.len() < want && !last.is_empty() => start = Some(last),
                _ => return Ok(items),
            }
        }
    }
}

#[async_trait]
impl RollupStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn add_to_rollup(
        &self,
        account: &AccountId,
        agent: &AgentId,
        day: NaiveDate,
        delta: &RollupDelta,
    ) -> Result<(), StoreError> {
        let counters: Vec<(String, i64)> = delta
            .counters()
            .map(|(name, amount)| (name.to_owned(), amount))
            .collect();
        if counters.is_empty() {
            return Ok(());
        }
        let (by_agent, by_account) = tokio::join!(
            self.add_to_item(rollup_pk(account, Some(agent)), day, &counters),
            self.add_to_item(rollup_pk(account, None), day, &counters),
        );
        by_agent.and(by_account)
    }

    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn mark_visitor(
        &self,
        account: &AccountId,
        agent: &AgentId,
        day: NaiveDate,
        visitor: &VisitorId,
    ) -> Result<(), StoreError> {
        let pk = visitor_marker_pk(account, day, visitor);
        let marker = |sk: String| {
            codec::item(
                pk.clone(),
                sk,
                "visitor_marker",
                [("ttl", n(rollup_expiry(day)))],
            )
        };
        let (agent_new, account_new) = tokio::join!(
            self.put_if_new(marker(format!("G#{agent}"))),
            self.put_if_new(marker("ACCOUNT".to_owned())),
        );
        let one = [(counter::VISITORS.to_owned(), 1)];
        if agent_new? {
            self.add_to_item(rollup_pk(account, Some(agent)), day, &one)
                .await?;
        }
        if account_new? {
            self.add_to_item(rollup_pk(account, None), day, &one)
                .await?;
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn swap_rating_mark(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &MessageId,
        rating: Rating,
        day: NaiveDate,
    ) -> Result<Option<RatingMark>, StoreError> {
        let output = self
            .update(rating_marker_pk(account, session), format!("M#{message}"))
            .update_expression(
                "SET rating = :rating, #day = if_not_exists(#day, :day), \
                 #ttl = if_not_exists(#ttl, :ttl), #type = :type",
            )
            .expression_attribute_names("#day", "day")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(":rating", s(rating.as_str()))
            .expression_attribute_values(":day", s(day_text(day)))
            .expression_attribute_values(":ttl", n(rollup_expiry(day)))
            .expression_attribute_values(":type", s("rating_marker"))
            .return_values(ReturnValue::AllOld)
            .send()
            .await
            .map_err(|e| backend("UpdateItem", e))?;
        let Some(old) = output.attributes.filter(|a| !a.is_empty()) else {
            return Ok(None);
        };
        let (Some(rating), Some(day)) = (read_opt_s(&old, "rating")?, read_opt_s(&old, "day")?)
        else {
            return Ok(None);
        };
        Ok(Some(RatingMark {
            rating: Rating::parse(rating).ok_or_else(|| corrupt("rating", rating))?,
            day: parse_day(day).ok_or_else(|| corrupt("day", day))?,
        }))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn read_rollups(
        &self,
        account: &AccountId,
        agent: Option<&AgentId>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DayCounters>, StoreError> {
        let query = live_only(
            self.client
                .query()
                .table_name(&self.table)
                .key_condition_expression("pk = :pk AND sk BETWEEN :from AND :to")
                .expression_attribute_values(":pk", s(rollup_pk(account, agent)))
                .expression_attribute_values(":from", s(rollup_sk(from)))
                .expression_attribute_values(":to", s(rollup_sk(to)))
                .consistent_read(true),
        );
        let items = self.query_up_to(query, None, None).await?;
        let mut days = Vec::with_capacity(items.len());
        for item in items {
            let raw = read_opt_s(&item, "day")?.unwrap_or_default();
            let day = parse_day(raw).ok_or_else(|| corrupt("rollup day", raw))?;
            let counters: BTreeMap<String, i64> = item
                .iter()
                .filter_map(|(name, value)| {
                    let name = name.strip_prefix(COUNTER_PREFIX)?;
                    match value {
                        AttributeValue::N(raw) => {
                            Some(raw.parse::<i64>().map(|v| (name.to_owned(), v)))
                        }
                        _ => None,
                    }
                })
                .collect::<Result<_, _>>()
                .map_err(|_| corrupt("rollup counter", raw))?;
            days.push(DayCounters { day, counters });
        }
        days.sort_by_key(|d| d.day);
        Ok(days)
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn mark_session(
        &self,
        account: &AccountId,
        session: &SessionId,
        mark: SessionMark,
    ) -> Result<(), StoreError> {
        let update = self
            .update(session_pk(account, session), SESSION_SK.to_owned())
            .condition_expression("attribute_exists(pk)");
        let update = match mark {
            SessionMark::NoSources => update
                .update_expression("SET no_sources = :yes")
                .expression_attribute_values(":yes", AttributeValue::Bool(true)),
            SessionMark::Extractive => update
                .update_expression("SET extractive = :yes")
                .expression_attribute_values(":yes", AttributeValue::Bool(true)),
            SessionMark::NotHelpful(by) => update
                .update_expression("ADD not_helpful_count :by")
                .expression_attribute_values(":by", n(by)),
        };
        // A session deleted meanwhile has nothing left to mark.
        unless_condition_failed("UpdateItem", update.send().await)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rollup_keys_start_with_the_account() {
        let account = AccountId::parse("acme").expect("valid");
        let agent = AgentId::parse("sales").expect("valid");
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).expect("valid");
        assert_eq!(rollup_pk(&account, Some(&agent)), "A#acme#ROLLUP#G#sales");
        assert_eq!(rollup_pk(&account, None), "A#acme#ROLLUP");
        assert_eq!(rollup_sk(day), "D#2026-12-01");
        let visitor = VisitorId::generate();
        assert_eq!(
            visitor_marker_pk(&account, day, &visitor),
            format!("A#acme#VD#2026-12-01#{visitor}")
        );
    }
}
