//! Personal data in logs and in what is stored: every log line, at debug level too, is
//! redacted, and a card number a visitor types is masked before it is stored or sent to the
//! model. The log test runs in a child process that installs the real global subscriber
//! (`salient_core::init_telemetry`, as every binary does) and writes its log to stderr,
//! which the parent reads.

use salient_core::config::{LogFormat, TelemetrySettings};
use salient_tests::app::{AppOptions, Backend, spawn_app_with};
use salient_tests::child::child_output;
use salient_tests::sse::joined_deltas;

const EMAIL: &str = "jane.doe@example.org";
const PHONE: &str = "+44 20 7946 0958";
const CARD: &str = "4111 1111 1111 1111";
const IP: &str = "198.51.100.23";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_log_line_at_debug_level_holds_an_email_phone_card_or_ip() -> anyhow::Result<()> {
    let Some(output) = child_output(
        &[("SALIENT_TEST_LOG_CHILD", "1")],
        module_path!(),
        "no_log_line_at_debug_level_holds_an_email_phone_card_or_ip",
    ) else {
        return visitor_turns_with_personal_data().await;
    };
    let log = String::from_utf8_lossy(&output.stderr);
    // The child logged at debug level (the line it wrote itself, among the app's own) ...
    assert!(
        log.contains("a visitor said") && log.lines().count() > 20,
        "the child's log is missing or short:\n{log}"
    );
    // ... and every piece of personal data was replaced. The card is looked for by its
    // leading digits as typed or run together: a bare "4111" can be a port or a latency.
    for raw in [EMAIL, "7946 0958", "4111 1111", "41111111", IP] {
        assert!(!log.contains(raw), "{raw:?} is in the log:\n{log}");
    }
    for placeholder in ["[email]", "[phone]", "[card]", "[ip]"] {
        assert!(
            log.contains(placeholder),
            "no {placeholder} in the log:\n{log}"
        );
    }
    Ok(())
}

/// The child's part: a debug-level subscriber, then turns (buffered and streamed) whose
/// messages carry personal data.
async fn visitor_turns_with_personal_data() -> anyhow::Result<()> {
    salient_core::init_telemetry(&TelemetrySettings {
        format: LogFormat::Json,
        filter: "debug".to_owned(),
    });
    let message = format!("I am {EMAIL}, call {PHONE}, card {CARD}, from {IP}");
    tracing::debug!(text = %message, "a visitor said");
    let app = spawn_app_with(AppOptions {
        backend: Backend::Embedded,
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session("northwind-heating", "sales").await?;
    app.turn(&session, &message).await?;
    let events = app.streamed_turn(&session, &message).await?;
    anyhow::ensure!(
        !joined_deltas(&events).is_empty(),
        "the streamed turn answered"
    );
    Ok(())
}

#[tokio::test]
async fn a_card_number_is_masked_before_it_is_stored_or_sent_to_the_model() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        backend: Backend::Embedded,
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session("northwind-heating", "sales").await?;
    app.turn(&session, &format!("Please charge {CARD} for the survey"))
        .await?;
    let history = app.history(&session).await?;
    let stored = history[0]["content"].as_str().unwrap_or_default();
    assert_eq!(stored, "Please charge [card ending 1111] for the survey");
    let sent = app
        .standin
        .as_ref()
        .map(|s| s.requests())
        .unwrap_or_default();
    let last = sent.last().expect("the model was called").to_string();
    assert!(
        !last.contains("4111 1111"),
        "the model saw the card: {last}"
    );
    assert!(last.contains("[card ending 1111]"), "{last}");
    Ok(())
}
