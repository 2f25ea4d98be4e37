//! Table management (tests, local development, upgrades; production tables come from
//! `infra/template.yaml`): the table's layout, its creation and deletion, and adding the
//! sweep's index `gsi2` to a table made before it existed.

use std::time::Duration;

use anyhow::Context as _;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, CreateGlobalSecondaryIndexAction, GlobalSecondaryIndex,
    GlobalSecondaryIndexUpdate, IndexStatus, KeySchemaElement, KeyType, Projection, ProjectionType,
    ScalarAttributeType, TimeToLiveSpecification,
};

use super::codec::{Item, condition_failed, read_n, read_s, s};
use super::keys::{
    GSI1, GSI2, GSI3, account_profiles_gsi3pk, account_sessions_gsi3pk, awaiting_summary_gsi2pk,
    created_gsi3sk,
};
use crate::domain::AccountId;

fn attribute(name: &str, kind: ScalarAttributeType) -> anyhow::Result<AttributeDefinition> {
    Ok(AttributeDefinition::builder()
        .attribute_name(name)
        .attribute_type(kind)
        .build()?)
}

fn key_element(name: &str, key_type: KeyType) -> anyhow::Result<KeySchemaElement> {
    Ok(KeySchemaElement::builder()
        .attribute_name(name)
        .key_type(key_type)
        .build()?)
}

fn all_attributes() -> Projection {
    Projection::builder()
        .projection_type(ProjectionType::All)
        .build()
}

/// `gsi1`: a visitor's sessions with one agent, newest first.
fn gsi1() -> anyhow::Result<GlobalSecondaryIndex> {
    Ok(GlobalSecondaryIndex::builder()
        .index_name(GSI1)
        .key_schema(key_element("gsi1pk", KeyType::Hash)?)
        .key_schema(key_element("gsi1sk", KeyType::Range)?)
        .projection(all_attributes())
        .build()?)
}

/// `gsi2`'s key attributes: the account's partition of sessions awaiting a summary, and
/// their last activity in epoch milliseconds (a number, so a range reads "idle since").
fn gsi2_attributes() -> anyhow::Result<[AttributeDefinition; 2]> {
    Ok([
        attribute("gsi2pk", ScalarAttributeType::S)?,
        attribute("gsi2sk", ScalarAttributeType::N)?,
    ])
}

fn gsi2_key_schema() -> anyhow::Result<Vec<KeySchemaElement>> {
    Ok(vec![
        key_element("gsi2pk", KeyType::Hash)?,
        key_element("gsi2sk", KeyType::Range)?,
    ])
}

/// `gsi3`'s key attributes: an account's sessions or profiles, by creation time.
fn gsi3_attributes() -> anyhow::Result<[AttributeDefinition; 2]> {
    Ok([
        attribute("gsi3pk", ScalarAttributeType::S)?,
        attribute("gsi3sk", ScalarAttributeType::S)?,
    ])
}

fn gsi3_key_schema() -> anyhow::Result<Vec<KeySchemaElement>> {
    Ok(vec![
        key_element("gsi3pk", KeyType::Hash)?,
        key_element("gsi3sk", KeyType::Range)?,
    ])
}

/// Creates the table with the layout this store expects: `pk`/`sk` strings, on-demand
/// billing, `gsi1` and the sparse `gsi2` projecting every attribute, and TTL on `ttl` where
/// the endpoint has it. Returns once the table is active.
pub async fn create_table(client: &Client, table_name: &str) -> anyhow::Result<()> {
    use aws_sdk_dynamodb::client::Waiters as _;

    let gsi2 = GlobalSecondaryIndex::builder()
        .index_name(GSI2)
        .set_key_schema(Some(gsi2_key_schema()?))
        .projection(all_attributes())
        .build()?;
    let gsi3 = GlobalSecondaryIndex::builder()
        .index_name(GSI3)
        .set_key_schema(Some(gsi3_key_schema()?))
        .projection(all_attributes())
        .build()?;
    client
        .create_table()
        .table_name(table_name)
        .billing_mode(BillingMode::PayPerRequest)
        .set_attribute_definitions(Some(
            [
                attribute("pk", ScalarAttributeType::S)?,
                attribute("sk", ScalarAttributeType::S)?,
                attribute("gsi1pk", ScalarAttributeType::S)?,
                attribute("gsi1sk", ScalarAttributeType::S)?,
            ]
            .into_iter()
            .chain(gsi2_attributes()?)
            .chain(gsi3_attributes()?)
            .collect(),
        ))
        .key_schema(key_element("pk", KeyType::Hash)?)
        .key_schema(key_element("sk", KeyType::Range)?)
        .global_secondary_indexes(gsi1()?)
        .global_secondary_indexes(gsi2)
        .global_secondary_indexes(gsi3)
        .send()
        .await
        .with_context(|| format!("creating DynamoDB table {table_name}"))?;
    client
        .wait_until_table_exists()
        .table_name(table_name)
        .wait(Duration::from_secs(120))
        .await
        .with_context(|| format!("waiting for DynamoDB table {table_name} to become active"))?;
    let ttl = TimeToLiveSpecification::builder()
        .attribute_name("ttl")
        .enabled(true)
        .build()?;
    if let Err(err) = client
        .update_time_to_live()
        .table_name(table_name)
        .time_to_live_specification(ttl)
        .send()
        .await
    {
        tracing::warn!(
            table = table_name,
            error = %aws_sdk_dynamodb::error::DisplayErrorContext(&err),
            "the endpoint did not enable TTL; items will not expire"
        );
    }
    Ok(())
}

/// Deletes the table and everything in it.
pub async fn delete_table(client: &Client, table_name: &str) -> anyhow::Result<()> {
    client
        .delete_table()
        .table_name(table_name)
        .send()
        .await
        .with_context(|| format!("deleting DynamoDB table {table_name}"))?;
    Ok(())
}

/// Brings a table made before `gsi2` existed up to date, once: adds the index
/// (`UpdateTable`) unless it is there, waits until it is active, then gives every session
/// item still awaiting a summary its `gsi2` keys (one `Scan` of the table, one conditional
/// `UpdateItem` per such session). Safe to run again and while the service runs. Returns
/// how many sessions it updated.
pub async fn add_awaiting_summary_index(client: &Client, table_name: &str) -> anyhow::Result<u64> {
    if index_status(client, table_name, GSI2).await?.is_none() {
        let create = CreateGlobalSecondaryIndexAction::builder()
            .index_name(GSI2)
            .set_key_schema(Some(gsi2_key_schema()?))
            .projection(all_attributes())
            .build()?;
        client
            .update_table()
            .table_name(table_name)
            .set_attribute_definitions(Some(gsi2_attributes()?.into()))
            .global_secondary_index_updates(
                GlobalSecondaryIndexUpdate::builder().create(create).build(),
            )
            .send()
            .await
            .with_context(|| format!("adding index {GSI2} to DynamoDB table {table_name}"))?;
    }
    wait_for_index(client, table_name, GSI2).await?;
    backfill_awaiting_summary(client, table_name).await
}

/// Brings a table made before `gsi3` existed up to date, once: adds the console's index
/// unless it is there, waits until it is active, then gives every session and profile item
/// without them its `gsi3` keys (one `Scan`, one conditional `UpdateItem` per item). Safe to
/// run again and while the service runs. Returns how many items it updated.
pub async fn add_console_index(client: &Client, table_name: &str) -> anyhow::Result<u64> {
    if index_status(client, table_name, GSI3).await?.is_none() {
        let create = CreateGlobalSecondaryIndexAction::builder()
            .index_name(GSI3)
            .set_key_schema(Some(gsi3_key_schema()?))
            .projection(all_attributes())
            .build()?;
        client
            .update_table()
            .table_name(table_name)
            .set_attribute_definitions(Some(gsi3_attributes()?.into()))
            .global_secondary_index_updates(
                GlobalSecondaryIndexUpdate::builder().create(create).build(),
            )
            .send()
            .await
            .with_context(|| format!("adding index {GSI3} to DynamoDB table {table_name}"))?;
    }
    wait_for_index(client, table_name, GSI3).await?;
    let mut updated = 0;
    let mut start: Option<Item> = None;
    loop {
        let page = client
            .scan()
            .table_name(table_name)
            .filter_expression(
                "(#type = :session OR #type = :profile) AND attribute_not_exists(gsi3pk)",
            )
            .projection_expression("pk, sk, #type, account, id, created_at")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(":session", s("session"))
            .expression_attribute_values(":profile", s("profile"))
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .with_context(|| format!("scanning DynamoDB table {table_name}"))?;
        for found in page.items() {
            let pk = read_s(found, "pk")?;
            // A profile item has no `account` attribute: its key names it (`A#{a}#P#...`).
            let account = match found.get("account") {
                Some(_) => read_s(found, "account")?,
                None => pk
                    .strip_prefix("A#")
                    .and_then(|rest| rest.split('#').next())
                    .unwrap_or_default(),
            };
            let account = AccountId::parse(account)?;
            let created = read_n::<i64>(found, "created_at")?;
            let created = chrono::DateTime::from_timestamp_millis(created).unwrap_or_default();
            let gsi3pk = if read_s(found, "type")? == "session" {
                account_sessions_gsi3pk(&account)
            } else {
                account_profiles_gsi3pk(&account)
            };
            let result = client
                .update_item()
                .table_name(table_name)
                .key("pk", s(pk))
                .key("sk", s(read_s(found, "sk")?))
                .update_expression("SET gsi3pk = :pk, gsi3sk = :sk")
                .condition_expression("attribute_exists(pk)")
                .expression_attribute_values(":pk", s(gsi3pk))
                .expression_attribute_values(
                    ":sk",
                    s(created_gsi3sk(created, read_s(found, "id")?)),
                )
                .send()
                .await;
            match result {
                Ok(_) => updated += 1,
                Err(err) if condition_failed(&err) => {}
                Err(err) => {
                    return Err(anyhow::Error::new(err).context("updating an item"));
                }
            }
        }
        match page.last_evaluated_key {
            Some(last) if !last.is_empty() => start = Some(last),
            _ => return Ok(updated),
        }
    }
}

/// The status of one of the table's indexes; `None` when the table has no such index.
async fn index_status(
    client: &Client,
    table_name: &str,
    index: &str,
) -> anyhow::Result<Option<IndexStatus>> {
    let described = client
        .describe_table()
        .table_name(table_name)
        .send()
        .await
        .with_context(|| format!("describing DynamoDB table {table_name}"))?;
    Ok(described
        .table()
        .map(|t| t.global_secondary_indexes())
        .unwrap_or_default()
        .iter()
        .find(|i| i.index_name() == Some(index))
        .map(|i| i.index_status().cloned().unwrap_or(IndexStatus::Creating)))
}

/// Polls until the index is `ACTIVE` (building an index over a large table takes minutes).
async fn wait_for_index(client: &Client, table_name: &str, index: &str) -> anyhow::Result<()> {
    for _ in 0..720 {
        if index_status(client, table_name, index).await? == Some(IndexStatus::Active) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
    anyhow::bail!("index {index} of DynamoDB table {table_name} did not become active in an hour")
}

/// Sets `gsi2pk` (and `gsi2sk` once the session has messages) on every session item whose
/// summary is not sent and that has no `gsi2pk` yet.
async fn backfill_awaiting_summary(client: &Client, table_name: &str) -> anyhow::Result<u64> {
    let mut updated = 0;
    let mut start: Option<Item> = None;
    loop {
        let page = client
            .scan()
            .table_name(table_name)
            .filter_expression(
                "#type = :session AND summary_status <> :sent AND attribute_not_exists(gsi2pk)",
            )
            .projection_expression("pk, sk, account, message_count")
            .expression_attribute_names("#type", "type")
            .expression_attribute_values(":session", s("session"))
            .expression_attribute_values(":sent", s("sent"))
            .set_exclusive_start_key(start.take())
            .send()
            .await
            .with_context(|| format!("scanning DynamoDB table {table_name}"))?;
        for session in page.items() {
            let account = AccountId::parse(read_s(session, "account")?)?;
            let with_messages = read_n::<u64>(session, "message_count")? > 0;
            let expression = if with_messages {
                "SET gsi2pk = :pk, gsi2sk = last_active_at"
            } else {
                "SET gsi2pk = :pk"
            };
            let result = client
                .update_item()
                .table_name(table_name)
                .key("pk", s(read_s(session, "pk")?))
                .key("sk", s(read_s(session, "sk")?))
                .update_expression(expression)
                // A summary sent meanwhile keeps the session out of the index.
                .condition_expression("attribute_exists(pk) AND summary_status <> :sent")
                .expression_attribute_values(":pk", s(awaiting_summary_gsi2pk(&account)))
                .expression_attribute_values(":sent", s("sent"))
                .send()
                .await;
            match result {
                Ok(_) => updated += 1,
                Err(err) if condition_failed(&err) => {}
                Err(err) => {
                    return Err(anyhow::Error::new(err).context("updating a session item"));
                }
            }
        }
        match page.last_evaluated_key {
            Some(last) if !last.is_empty() => start = Some(last),
            _ => return Ok(updated),
        }
    }
}
