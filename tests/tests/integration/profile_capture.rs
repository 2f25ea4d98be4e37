//! Profile capture through the model's `save_visitor_profile` tool, end to end: the real
//! routes and LLM client, the OpenRouter stand-in calling the tool (chunked `tool_calls`), the
//! profile stored for the session and shown by the profile card route. What the visitor
//! offers is checked field by field: a header-injected email never reaches the store, and a
//! captured email stays unverified until an OTP verifies it. Both storage backends.

use salient_tests::app::{AppOptions, Backend, spawn_app_with};
use serde_json::{Value, json};

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    { what_the_visitor_offers_is_captured_unverified }
}

async fn what_the_visitor_offers_is_captured_unverified(backend: Backend) -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        backend,
        ..AppOptions::default()
    })
    .await?;
    let session = app.new_session("northwind-heating", "sales").await?;
    assert_eq!(app.profile_card(&session).await?["profile"], Value::Null);

    let message = r#"I'm Ada from Analytical Engines, ada@example.com, interested in a heat pump. [[standin:tool:save_visitor_profile {"name":"Ada Lovelace","company":"Analytical Engines","email":"ada@example.com","interests":["heat pumps"]}]]"#;
    let body = app.turn(&session, message).await?;
    assert_eq!(body["assistant_message"]["status"], "complete");
    let profile = &app.profile_card(&session).await?["profile"];
    assert_eq!(profile["name"], "Ada Lovelace", "{profile}");
    assert_eq!(profile["company"], "Analytical Engines");
    assert_eq!(profile["email"], "ada@example.com");
    assert_eq!(profile["interests"], json!(["heat pumps"]));
    assert_eq!(profile["verified"], false);

    // A later call merges: a phone number is added, the name kept.
    let message = r#"Call me on +44 113 496 0000 [[standin:tool:save_visitor_profile {"phone":"+44 113 496 0000"}]]"#;
    app.turn(&session, message).await?;
    let profile = &app.profile_card(&session).await?["profile"];
    assert_eq!(profile["name"], "Ada Lovelace", "{profile}");
    assert_eq!(profile["phone"], "+44 113 496 0000", "{profile}");

    // Another visitor cannot read the card.
    let stranger = app.browser();
    let response = stranger
        .get(app.session_url(&session, "/profile"))
        .send()
        .await?;
    assert_eq!(response.status(), 404);
    Ok(())
}

#[tokio::test]
async fn an_injected_email_is_refused_and_told_to_the_model() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions::default()).await?;
    let session = app.new_session("northwind-heating", "sales").await?;
    let message = r#"Mail me [[standin:tool:save_visitor_profile {"email":"ada@example.com\r\nBcc: all@example.com"}]]"#;
    app.turn(&session, message).await?;
    assert_eq!(app.profile_card(&session).await?["profile"], Value::Null);
    // The model was told why, in the tool result.
    let requests = app
        .standin
        .as_ref()
        .map(|s| s.requests())
        .unwrap_or_default();
    let last = requests.last().cloned().unwrap_or_default();
    let result = last["messages"]
        .as_array()
        .and_then(|m| m.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(result["role"], "tool");
    let content: Value = serde_json::from_str(result["content"].as_str().unwrap_or("{}"))?;
    assert_eq!(content["saved"], false, "{content}");
    assert!(
        content["error"].as_str().unwrap_or("").contains("email"),
        "{content}"
    );
    Ok(())
}
