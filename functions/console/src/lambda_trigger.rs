//! "Re-crawl now" in AWS: an asynchronous `Invoke` (`InvocationType=Event`) of the ingest
//! function named by [`INGEST_FUNCTION_ENV`], with the scheduler's event shape narrowed to
//! one account (`detail.account`) and carrying the ingest lease's holder (`detail.run`),
//! which the run gives back when it ends. Lambda queues the event and answers `202` at
//! once; the console does not wait for the run.

use async_trait::async_trait;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::InvocationType;
use salient_core::domain::AccountId;
use salient_core::ports::ingest_trigger::{IngestTrigger, TriggerError};
use serde_json::{Value, json};

/// The environment variable naming the ingest function (set in `infra/template.yaml`).
pub const INGEST_FUNCTION_ENV: &str = "SALIENT_INGEST_FUNCTION";

/// The event the ingest function runs one account's ingestion for.
pub fn recrawl_event(account: &AccountId, holder: &str) -> Value {
    json!({
        "detail-type": "Console Recrawl",
        "detail": {"task": "ingest", "account": account.as_str(), "run": holder},
    })
}

/// Invokes the ingest function asynchronously.
#[derive(Debug, Clone)]
pub struct LambdaIngestTrigger {
    client: aws_sdk_lambda::Client,
    function: String,
}

impl LambdaIngestTrigger {
    /// A trigger of `function` through `client`.
    pub fn new(client: aws_sdk_lambda::Client, function: impl Into<String>) -> Self {
        Self {
            client,
            function: function.into(),
        }
    }

    /// The trigger the environment configures: the function of [`INGEST_FUNCTION_ENV`], a
    /// client from the Lambda's own credentials; `None` when the variable is unset.
    pub async fn from_env() -> Option<Self> {
        let function = std::env::var(INGEST_FUNCTION_ENV)
            .ok()
            .filter(|f| !f.trim().is_empty())?;
        let config = aws_config::load_from_env().await;
        Some(Self::new(aws_sdk_lambda::Client::new(&config), function))
    }
}

#[async_trait]
impl IngestTrigger for LambdaIngestTrigger {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn start(&self, account: &AccountId, holder: &str) -> Result<(), TriggerError> {
        let payload = serde_json::to_vec(&recrawl_event(account, holder))
            .map_err(|e| TriggerError(e.into()))?;
        let output = self
            .client
            .invoke()
            .function_name(&self.function)
            .invocation_type(InvocationType::Event)
            .payload(Blob::new(payload))
            .send()
            .await
            .map_err(|e| TriggerError(anyhow::Error::new(e).context("lambda Invoke")))?;
        // An asynchronous invocation is accepted with 202.
        if output.status_code != 202 {
            return Err(TriggerError(anyhow::anyhow!(
                "lambda Invoke answered {} instead of 202",
                output.status_code
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_names_the_task_the_account_and_the_lease() {
        let account = AccountId::parse("northwind-heating").expect("valid");
        let event = recrawl_event(&account, "01JD0000000000000000000000");
        assert_eq!(event["detail"]["task"], "ingest");
        assert_eq!(event["detail"]["account"], "northwind-heating");
        assert_eq!(event["detail"]["run"], "01JD0000000000000000000000");
        assert!(event["detail-type"].is_string());
    }
}
