//! Content gap groups (`GapStore`) on DynamoDB: one item per group, `pk = A#{account}#GAPS`,
//! `sk = G#{ulid}`, also in `gsi3` under `A#{account}#GAPS#{status}` sorted by
//! `{last_seen ms:015}#{id}`, so the console's listing (newest `last_seen` first), the open
//! groups a new question is matched against and the stalest open group are each a `Query`
//! of one index partition, never a `Scan`. The counts, examples and centroid are one JSON
//! attribute (`body`).

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::DynamoStore;
use super::codec::{self, Item, backend, corrupt, key, millis, read_s, read_string, read_time, s};
use super::keys::{GSI3, gap_sk, gaps_gsi3pk, gaps_pk};
use super::table::{Gsi3Page, live_only};
use crate::domain::{AccountId, AgentId};
use crate::ports::gaps::{GapExample, GapFilter, GapGroup, GapReasons, GapStatus, GapStore};
use crate::ports::{Page, StoreError};

/// What the `body` attribute holds.
#[derive(Serialize, Deserialize)]
struct Body {
    count: u32,
    reasons: GapReasons,
    examples: Vec<GapExample>,
    centroid: Vec<f32>,
}

fn seen_sk(group: &GapGroup) -> String {
    let ms = u64::try_from(group.last_seen.timestamp_millis()).unwrap_or(0);
    format!("{ms:015}#{}", group.id)
}

fn group_item(
    store: &DynamoStore,
    account: &AccountId,
    group: &GapGroup,
) -> Result<Item, StoreError> {
    let body = serde_json::to_string(&Body {
        count: group.count,
        reasons: group.reasons,
        examples: group.examples.clone(),
        centroid: group.centroid.clone(),
    })
    .map_err(StoreError::fatal)?;
    let mut item = codec::item(
        gaps_pk(account),
        gap_sk(&group.id),
        "gap_group",
        [
            ("id", s(&group.id)),
            ("agent", s(group.agent.as_str())),
            ("status", s(group.status.as_str())),
            ("first_seen", millis(group.first_seen)),
            ("last_seen", millis(group.last_seen)),
            ("body", s(body)),
            ("gsi3pk", s(gaps_gsi3pk(account, group.status.as_str()))),
            ("gsi3sk", s(seen_sk(group))),
        ],
    );
    codec::set_opt(&mut item, "ttl", store.ttl(account, group.last_seen));
    Ok(item)
}

fn group_from_item(item: &Item) -> Result<GapGroup, StoreError> {
    let raw = read_s(item, "body")?;
    let body: Body = serde_json::from_str(raw).map_err(|_| corrupt("gap group", raw))?;
    let agent = read_s(item, "agent")?;
    let status = read_s(item, "status")?;
    Ok(GapGroup {
        id: read_string(item, "id")?,
        agent: AgentId::parse(agent).map_err(|_| corrupt("agent", agent))?,
        status: GapStatus::parse(status).ok_or_else(|| corrupt("gap status", status))?,
        count: body.count,
        reasons: body.reasons,
        first_seen: read_time(item, "first_seen")?,
        last_seen: read_time(item, "last_seen")?,
        examples: body.examples,
        centroid: body.centroid,
    })
}

impl DynamoStore {
    /// A query of one status's `gsi3` partition of the account's groups.
    fn gaps_query(
        &self,
        account: &AccountId,
        status: GapStatus,
        newest_first: bool,
    ) -> aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder {
        live_only(
            self.client
                .query()
                .table_name(&self.table)
                .index_name(GSI3)
                .key_condition_expression("gsi3pk = :pk")
                .expression_attribute_values(":pk", s(gaps_gsi3pk(account, status.as_str())))
                .scan_index_forward(!newest_first),
        )
    }
}

/// Narrows a query to one agent's groups (after the liveness filter).
fn of_agent(
    query: aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder,
    agent: &AgentId,
) -> aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder {
    let live = query.get_filter_expression().clone().unwrap_or_default();
    // `agent` is one of DynamoDB's reserved words.
    query
        .filter_expression(format!("{live} AND #agent = :agent"))
        .expression_attribute_names("#agent", "agent")
        .expression_attribute_values(":agent", s(agent.as_str()))
}

#[async_trait]
impl GapStore for DynamoStore {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn open_gap_groups(
        &self,
        account: &AccountId,
        agent: &AgentId,
    ) -> Result<Vec<GapGroup>, StoreError> {
        let query = of_agent(self.gaps_query(account, GapStatus::Open, true), agent);
        self.query_up_to(query, None, None)
            .await?
            .iter()
            .map(group_from_item)
            .collect()
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn count_open_gap_groups(&self, account: &AccountId) -> Result<u32, StoreError> {
        let query = self
            .gaps_query(account, GapStatus::Open, true)
            .projection_expression("pk");
        let items = self.query_up_to(query, None, None).await?;
        Ok(u32::try_from(items.len()).unwrap_or(u32::MAX))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn stalest_open_gap_group(
        &self,
        account: &AccountId,
    ) -> Result<Option<GapGroup>, StoreError> {
        let query = self.gaps_query(account, GapStatus::Open, false);
        self.query_up_to(query, None, Some(1))
            .await?
            .first()
            .map(group_from_item)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn put_gap_group(&self, account: &AccountId, group: &GapGroup) -> Result<(), StoreError> {
        self.put(group_item(self, account, group)?).await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn get_gap_group(&self, account: &AccountId, id: &str) -> Result<GapGroup, StoreError> {
        // A key part never holds `#` (ids are ULIDs); anything else names no group.
        if id.is_empty() || id.contains('#') {
            return Err(StoreError::NotFound("gap group"));
        }
        match self.get(gaps_pk(account), gap_sk(id)).await? {
            Some(item) => group_from_item(&item),
            None => Err(StoreError::NotFound("gap group")),
        }
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn delete_gap_group(&self, account: &AccountId, id: &str) -> Result<(), StoreError> {
        self.client
            .delete_item()
            .table_name(&self.table)
            .set_key(Some(key(gaps_pk(account), gap_sk(id))))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| backend("DeleteItem", e))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_gap_groups(
        &self,
        account: &AccountId,
        filter: &GapFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<GapGroup, String>, StoreError> {
        let gsi3pk = gaps_gsi3pk(account, filter.status.as_str());
        let mut query = self.gaps_query(account, filter.status, true);
        if let Some(agent) = &filter.agent {
            query = of_agent(query, agent);
        }
        self.query_gsi3_page(
            query,
            Gsi3Page::new(&gsi3pk, after, limit),
            |id| Ok(key(gaps_pk(account), gap_sk(id))),
            group_from_item,
        )
        .await
    }
}
