//! Spend counter items (`SpendStore`) and the write that charges them: a finished LLM
//! request's final record and the `ADD` of its cost to the six counters go in one
//! `TransactWriteItems`, conditional on the record not being finished already, so a call is
//! charged exactly once. Counters are removed by TTL (`SpendPeriod::keep_days`).

use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{KeysAndAttributes, Put, TransactWriteItem, Update};
use chrono::{DateTime, Duration, Utc};

use super::DynamoStore;
use super::codec::{
    Item, backend, cancellation_codes, key, n, read_opt_n, read_s, s, unless_condition_failed,
};
use super::keys::{spend_pk, spend_sk};
use crate::domain::{AccountId, AgentId};
use crate::ports::StoreError;
use crate::ports::spend::{SpendCharge, SpendPeriod, SpendScope, SpendStore, SpendTotals};

/// A finished record may replace only a missing or `started` one.
const FINISH_CONDITION: &str = "attribute_not_exists(pk) OR outcome = :started";

/// How often a charge tries again when another transaction held a counter at that moment.
const CONFLICT_RETRIES: u32 = 6;

fn ttl(period: SpendPeriod, at: DateTime<Utc>) -> i64 {
    (at + Duration::days(period.keep_days())).timestamp()
}

fn fatal(what: &str, e: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::fatal(anyhow::Error::new(e).context(format!("building {what}")))
}

impl DynamoStore {
    /// Stores a call's final record over its `started` one; with a charge, adds the cost to
    /// the counters in the same transaction. An already finished record is left alone.
    pub(super) async fn finish_and_charge(
        &self,
        account: &AccountId,
        record: Item,
        charge: Option<&SpendCharge>,
    ) -> Result<(), StoreError> {
        let Some(charge) = charge.filter(|c| c.micro_usd > 0) else {
            let result = self
                .client
                .put_item()
                .table_name(&self.table)
                .set_item(Some(record))
                .condition_expression(FINISH_CONDITION)
                .expression_attribute_values(":started", s("started"))
                .send()
                .await;
            unless_condition_failed("PutItem", result)?;
            return Ok(());
        };
        let mut actions = vec![
            TransactWriteItem::builder()
                .put(
                    Put::builder()
                        .table_name(&self.table)
                        .set_item(Some(record))
                        .condition_expression(FINISH_CONDITION)
                        .expression_attribute_values(":started", s("started"))
                        .build()
                        .map_err(|e| fatal("the record of a charge", e))?,
                )
                .build(),
        ];
        for scope in SpendScope::ALL {
            for period in SpendPeriod::ALL {
                let update = Update::builder()
                    .table_name(&self.table)
                    .set_key(Some(key(
                        spend_pk(scope, account, &charge.agent),
                        spend_sk(period, charge.at),
                    )))
                    .update_expression(
                        "ADD micro_usd :cost SET #ttl = if_not_exists(#ttl, :ttl), #type = :type",
                    )
                    .expression_attribute_names("#ttl", "ttl")
                    .expression_attribute_names("#type", "type")
                    .expression_attribute_values(":cost", n(charge.micro_usd))
                    .expression_attribute_values(":ttl", n(ttl(period, charge.at)))
                    .expression_attribute_values(":type", s("spend_counter"))
                    .build()
                    .map_err(|e| fatal("a spend counter update", e))?;
                actions.push(TransactWriteItem::builder().update(update).build());
            }
        }
        let mut attempt = 0;
        loop {
            let result = self
                .client
                .transact_write_items()
                .set_transact_items(Some(actions.clone()))
                .send()
                .await;
            let Err(err) = result else { return Ok(()) };
            let Some(reasons) = cancellation_codes(&err) else {
                return Err(backend("TransactWriteItems", err));
            };
            if reasons.first().and_then(Option::as_deref) == Some("ConditionalCheckFailed") {
                // Finished (and charged) before: nothing to do.
                return Ok(());
            }
            let conflict = reasons
                .iter()
                .flatten()
                .any(|code| code == "TransactionConflict");
            attempt += 1;
            if !conflict || attempt > CONFLICT_RETRIES {
                return Err(charge_failure(err, &reasons, conflict));
            }
            tokio::time::sleep(std::time::Duration::from_millis(10 << attempt.min(5))).await;
        }
    }
}

fn charge_failure(
    err: aws_sdk_dynamodb::error::SdkError<
        TransactWriteItemsError,
        aws_sdk_dynamodb::config::http::HttpResponse,
    >,
    reasons: &[Option<String>],
    retryable: bool,
) -> StoreError {
    let source = anyhow::Error::new(err).context(format!(
        "DynamoDB TransactWriteItems (charging a call) cancelled: {reasons:?}"
    ));
    if retryable {
        StoreError::transient(source)
    } else {
        StoreError::fatal(source)
    }
}

#[async_trait::async_trait]
impl SpendStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn spend_totals(
        &self,
        account: &AccountId,
        agent: &AgentId,
        at: DateTime<Utc>,
    ) -> Result<SpendTotals, StoreError> {
        let mut wanted = Vec::new();
        for scope in SpendScope::ALL {
            for period in SpendPeriod::ALL {
                let (pk, sk) = (spend_pk(scope, account, agent), spend_sk(period, at));
                wanted.push((pk.clone(), sk.clone(), scope, period));
            }
        }
        let keys = wanted
            .iter()
            .map(|(pk, sk, _, _)| key(pk.clone(), sk.clone()))
            .collect();
        let mut request = Some(
            KeysAndAttributes::builder()
                .set_keys(Some(keys))
                .projection_expression("pk, sk, micro_usd, warned")
                .build()
                .map_err(|e| fatal("a spend read", e))?,
        );
        let mut totals = SpendTotals::default();
        // BatchGetItem may hand back some keys unread; ask again for those.
        for _ in 0..5 {
            let Some(keys) = request.take() else { break };
            let output = self
                .client
                .batch_get_item()
                .request_items(&self.table, keys)
                .send()
                .await
                .map_err(|e| backend("BatchGetItem", e))?;
            for item in output
                .responses
                .as_ref()
                .and_then(|r| r.get(&self.table))
                .into_iter()
                .flatten()
            {
                let (pk, sk) = (read_s(item, "pk")?, read_s(item, "sk")?);
                if let Some((_, _, scope, period)) =
                    wanted.iter().find(|(p, q, _, _)| p == pk && q == sk)
                {
                    totals.set(*scope, *period, read_opt_n(item, "micro_usd")?.unwrap_or(0));
                    if item.contains_key("warned") {
                        totals.set_warned(*scope, *period);
                    }
                }
            }
            request = output
                .unprocessed_keys
                .and_then(|mut left| left.remove(&self.table))
                .filter(|left| !left.keys().is_empty());
        }
        if request.is_some() {
            return Err(StoreError::transient(anyhow::anyhow!(
                "DynamoDB BatchGetItem left spend counters unread"
            )));
        }
        Ok(totals)
    }

    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent, scope = scope.as_str(), period = period.as_str()))]
    async fn claim_spend_warning(
        &self,
        account: &AccountId,
        agent: &AgentId,
        scope: SpendScope,
        period: SpendPeriod,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let result = self
            .update(spend_pk(scope, account, agent), spend_sk(period, at))
            .update_expression("SET warned = :yes, #ttl = if_not_exists(#ttl, :ttl), #type = :type")
            .condition_expression("attribute_not_exists(warned)")
            .expression_attribute_names("#ttl", "ttl")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(
                ":yes",
                aws_sdk_dynamodb::types::AttributeValue::Bool(true),
            )
            .expression_attribute_values(":ttl", n(ttl(period, at)))
            .expression_attribute_values(":type", s("spend_counter"))
            .send()
            .await;
        Ok(unless_condition_failed("UpdateItem", result)?.is_some())
    }
}
