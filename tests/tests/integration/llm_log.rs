//! Every LLM call is logged once, and the log line carries exactly the figures stored in the
//! LLM request record. The test installs the process's global `tracing` subscriber (no
//! other test sets one), which sees every test's events; it keeps only its own session's.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use salient_tests::app::spawn_app;
use tracing::field::{Field, Visit};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt as _};

type Fields = BTreeMap<String, String>;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<Fields>>>);

struct FieldVisitor<'a>(&'a mut Fields);

impl Visit for FieldVisitor<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.0.insert(field.name().to_owned(), value.to_string());
    }
}

impl<S: tracing::Subscriber> Layer<S> for Capture {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let mut fields = Fields::new();
        event.record(&mut FieldVisitor(&mut fields));
        if fields.get("message").map(String::as_str) == Some("llm request")
            && let Ok(mut events) = self.0.lock()
        {
            events.push(fields);
        }
    }
}

#[tokio::test]
async fn the_llm_log_line_and_the_stored_record_agree() -> anyhow::Result<()> {
    let capture = Capture::default();
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(capture.clone()))?;
    let app = spawn_app().await?;
    let session = app.new_session("northwind-heating", "sales").await?;
    app.streamed_turn(&session, "Log me").await?;

    let records = app.llm_requests(&session).await?;
    let record = records.first().context("no stored record")?;
    let logged: Vec<Fields> = capture
        .0
        .lock()
        .map_err(|_| anyhow::anyhow!("poisoned"))?
        .iter()
        .filter(|f| f.get("session") == Some(&session.id))
        .cloned()
        .collect();
    assert_eq!(logged.len(), 1, "exactly one log line per call: {logged:?}");
    let line = &logged[0];
    let field = |name: &str| line.get(name).cloned().unwrap_or_default();
    assert_eq!(field("account"), "northwind-heating");
    assert_eq!(field("llm_request"), record.id.to_string());
    assert_eq!(field("model"), record.model);
    assert_eq!(field("prompt_tokens"), record.prompt_tokens.to_string());
    assert_eq!(
        field("completion_tokens"),
        record.completion_tokens.to_string()
    );
    assert_eq!(field("latency_ms"), record.latency_ms.to_string());
    assert_eq!(field("outcome"), record.outcome.as_str());
    let cost = record.cost_usd.context("the stand-in reports a cost")?;
    assert_eq!(field("cost_usd").parse::<f64>()?, cost);
    Ok(())
}
