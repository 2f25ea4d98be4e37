//! DynamoDB Local for tests and benches: the endpoint comes from
//! `SALIENT_TEST_DYNAMODB_ENDPOINT` (set by `scripts/test.sh`, or by hand from
//! `scripts/dynamodb-local.sh endpoint`), and every test gets a fresh, uniquely named table.

use std::sync::Arc;

use anyhow::Context as _;
use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
use salient_core::domain::{Retention, SessionId};
use salient_core::dynamodb::{self, DynamoStore};
use salient_core::ports::Store;

use crate::conformance::StoreFactory;

/// The environment variable that names the DynamoDB Local endpoint.
pub const ENDPOINT_VAR: &str = "SALIENT_TEST_DYNAMODB_ENDPOINT";

/// The endpoint to test against, or `None` when the variable is unset or empty.
pub fn endpoint_from_env() -> Option<String> {
    std::env::var(ENDPOINT_VAR)
        .ok()
        .filter(|endpoint| !endpoint.trim().is_empty())
}

/// The endpoint to test against; an error that says how to get one when it is missing.
pub fn endpoint() -> anyhow::Result<String> {
    endpoint_from_env().with_context(|| {
        format!(
            "{ENDPOINT_VAR} is not set, so the DynamoDB tests cannot run. Run scripts/test.sh, \
             which starts DynamoDB Local and sets it, or by hand: scripts/dynamodb-local.sh \
             start && {ENDPOINT_VAR}=$(scripts/dynamodb-local.sh endpoint) cargo test ..."
        )
    })
}

/// A new client for DynamoDB Local at `endpoint`: fixed dummy credentials and region, so
/// nothing is read from the environment or the instance metadata service.
pub fn client(endpoint: &str) -> aws_sdk_dynamodb::Client {
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "local",
            "local",
            None,
            None,
            "salient-tests",
        ))
        .endpoint_url(endpoint)
        .build();
    aws_sdk_dynamodb::Client::from_conf(config)
}

/// A table made for one test (or bench run), named `salient-test-<random>`.
#[derive(Debug)]
pub struct FreshTable {
    endpoint: String,
    table: String,
}

impl FreshTable {
    /// Creates a new table at the endpoint from the environment and says where it is.
    pub async fn create() -> anyhow::Result<Self> {
        Self::create_at(&endpoint()?).await
    }

    /// Creates a new table at `endpoint`.
    pub async fn create_at(endpoint: &str) -> anyhow::Result<Self> {
        let table = format!("salient-test-{}", SessionId::generate());
        dynamodb::create_table(&client(endpoint), &table)
            .await
            .with_context(|| format!("creating {table} on DynamoDB Local at {endpoint}"))?;
        println!("DynamoDB Local endpoint {endpoint}, table {table}");
        Ok(Self {
            endpoint: endpoint.to_owned(),
            table,
        })
    }

    /// A table another process created (it is not created or deleted here).
    pub fn existing(endpoint: &str, table: &str) -> Self {
        Self {
            endpoint: endpoint.to_owned(),
            table: table.to_owned(),
        }
    }

    /// The endpoint the table lives on.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The table's name.
    pub fn table(&self) -> &str {
        &self.table
    }

    /// A store over the table with a brand-new client, as a new process would have.
    pub fn store(&self) -> DynamoStore {
        DynamoStore::new(client(&self.endpoint), self.table.clone())
    }

    /// Deletes the table.
    pub async fn delete(self) -> anyhow::Result<()> {
        dynamodb::delete_table(&client(&self.endpoint), &self.table).await
    }
}

impl StoreFactory for FreshTable {
    fn backend(&self) -> &'static str {
        "dynamodb"
    }

    fn open_with_retention(&self, retention: Retention) -> anyhow::Result<Arc<dyn Store>> {
        Ok(Arc::new(self.store().with_retention(retention)))
    }

    fn dump(&self) -> futures::future::BoxFuture<'_, anyhow::Result<Vec<String>>> {
        Box::pin(async move {
            let client = client(&self.endpoint);
            let mut items = Vec::new();
            let mut start = None;
            loop {
                let output = client
                    .scan()
                    .table_name(&self.table)
                    .set_exclusive_start_key(start.take())
                    .send()
                    .await
                    .context("scanning the test table")?;
                for item in output.items.unwrap_or_default() {
                    let mut pairs: Vec<_> = item.iter().collect();
                    pairs.sort_by(|a, b| a.0.cmp(b.0));
                    items.push(format!("{pairs:?}"));
                }
                match output.last_evaluated_key {
                    Some(last) if !last.is_empty() => start = Some(last),
                    _ => return Ok(items),
                }
            }
        })
    }
}
