//! The directory tool end to end: the repository's demo lists (`config/accounts/*/directory/`),
//! the real routes and LLM client, and the OpenRouter stand-in streaming a tool call in
//! OpenAI's chunked `tool_calls` format. The stand-in calls the tool when the visitor's
//! message carries `[[standin:tool:<name> <arguments>]]`, and answers from the tool result
//! it is sent back, naming the items it got.

use salient_core::domain::AccountId;
use salient_core::domain::LlmOutcome;
use salient_tests::app::{AppOptions, TestApp, copy_config, setting, spawn_app, spawn_app_with};
use salient_tests::sse::joined_deltas;
use serde_json::{Value, json};

fn requests(app: &TestApp) -> Vec<Value> {
    app.standin
        .as_ref()
        .map(|s| s.requests())
        .unwrap_or_default()
}

const UNDER_5000_IN_STOCK: &str = r#"Which heat pumps under £5,000 are in stock? [[standin:tool:search_directory {"list":"products","filters":[{"field":"category","op":"eq","value":"heat pump"},{"field":"price","op":"lt","value":5000},{"field":"in_stock","op":"eq","value":true}]}]]"#;

#[tokio::test]
async fn heat_pumps_under_5000_in_stock_are_answered_from_the_list() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let (body, session) = app
        .turn_in_new_session("northwind-heating", "sales", UNDER_5000_IN_STOCK)
        .await?;
    let answer = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert_eq!(answer, "From the directory: Aero 5 (4495).", "{body}");

    // Two calls: the first offered the tool and got a call back; the second carried the
    // call and its result.
    let seen = requests(&app);
    assert_eq!(seen.len(), 2, "{seen:?}");
    let tool = &seen[0]["tools"][0]["function"];
    assert_eq!(tool["name"], "search_directory");
    assert_eq!(
        seen[0]["tools"][1]["function"]["name"],
        "save_visitor_profile"
    );
    assert_eq!(
        tool["parameters"]["properties"]["list"]["enum"],
        json!(["locations", "products"])
    );
    let messages = seen[1]["messages"].as_array().cloned().unwrap_or_default();
    let call = &messages[messages.len() - 2];
    assert_eq!(call["role"], "assistant");
    assert_eq!(call["tool_calls"][0]["id"], "call_standin_1");
    assert_eq!(
        call["tool_calls"][0]["function"]["name"],
        "search_directory"
    );
    let result = &messages[messages.len() - 1];
    assert_eq!(result["role"], "tool");
    assert_eq!(result["tool_call_id"], "call_standin_1");
    let items: Value = serde_json::from_str(result["content"].as_str().unwrap_or("{}"))?;
    assert_eq!(items["matches"], 1, "{items}");
    assert_eq!(items["items"][0]["sku"], "NW-AERO5");

    // Both calls are recorded against the answer, and the usage the visitor sees adds them.
    let records = app.llm_requests(&session).await?;
    assert_eq!(records.len(), 2);
    assert!(records.iter().all(|r| r.outcome == LlmOutcome::Ok));
    let summed: u32 = records.iter().map(|r| r.completion_tokens).sum();
    assert_eq!(body["usage"]["completion_tokens"], summed);
    Ok(())
}

#[tokio::test]
async fn a_streamed_turn_with_a_tool_call_streams_only_the_answer() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let session = app.new_session("northwind-heating", "sales").await?;
    let message = r#"Where is your York office? [[standin:tool:search_directory {"list":"locations","query":"York"}]]"#;
    let events = app.streamed_turn(&session, message).await?;
    assert_eq!(joined_deltas(&events), "From the directory: York showroom.");
    assert!(events.iter().any(|e| e.name == "done"));
    Ok(())
}

#[tokio::test]
async fn a_bad_tool_call_is_reported_to_the_model_and_the_turn_completes() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let message = r#"Any red ones? [[standin:tool:search_directory {"list":"products","filters":[{"field":"colour","op":"eq","value":"red"}]}]]"#;
    let (body, _) = app
        .turn_in_new_session("northwind-heating", "sales", message)
        .await?;
    let answer = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(
        answer.starts_with("The tool failed: list products has no field \"colour\""),
        "{answer}"
    );
    assert_eq!(body["assistant_message"]["status"], "complete");
    Ok(())
}

#[tokio::test]
async fn an_account_sees_only_its_own_lists() -> anyhow::Result<()> {
    let app = spawn_app().await?;
    let message = r#"Do you sell heat pumps? [[standin:tool:search_directory {"list":"products","query":"heat pump"}]]"#;
    let (body, _) = app
        .turn_in_new_session("harbor-books", "info", message)
        .await?;
    let seen = requests(&app);
    assert_eq!(
        seen[0]["tools"][0]["function"]["parameters"]["properties"]["list"]["enum"],
        json!(["books"])
    );
    let answer = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(answer.contains("no list named \"products\""), "{answer}");
    assert!(!answer.contains("Aero"), "{answer}");
    Ok(())
}

#[tokio::test]
async fn tools_are_not_offered_when_the_agent_turns_them_off() -> anyhow::Result<()> {
    let app = spawn_app_with(AppOptions {
        overrides: vec![setting("tools.directory", "false")],
        ..AppOptions::default()
    })
    .await?;
    let (body, _) = app
        .turn_in_new_session("northwind-heating", "sales", UNDER_5000_IN_STOCK)
        .await?;
    let seen = requests(&app);
    assert_eq!(seen.len(), 1);
    let offered: Vec<&str> = seen[0]["tools"]
        .as_array()
        .map(|tools| {
            tools
                .iter()
                .filter_map(|t| t["function"]["name"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert!(!offered.contains(&"search_directory"), "{offered:?}");
    let answer = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(answer.starts_with("You said: Which heat pumps"), "{answer}");
    Ok(())
}

#[tokio::test]
async fn a_model_that_keeps_calling_tools_must_answer_after_the_last_round() -> anyhow::Result<()> {
    // The stand-in calls the tool whenever it is offered and the last message is the
    // visitor's; with one round allowed, the second request offers no tools.
    let app = spawn_app_with(AppOptions {
        overrides: vec![setting("tools.max_rounds", "1")],
        ..AppOptions::default()
    })
    .await?;
    let (_, _) = app
        .turn_in_new_session("northwind-heating", "sales", UNDER_5000_IN_STOCK)
        .await?;
    let seen = requests(&app);
    assert_eq!(seen.len(), 2);
    assert!(seen[0].get("tools").is_some());
    assert!(seen[1].get("tools").is_none(), "{}", seen[1]);
    Ok(())
}

fn offered_tools(request: &Value) -> Vec<String> {
    request["tools"]
        .as_array()
        .map(|tools| {
            tools
                .iter()
                .filter_map(|t| t["function"]["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_broken_list_file_disables_only_that_accounts_directory() -> anyhow::Result<()> {
    // Harbor Books gets a list file that names two lists; Northwind's lists are untouched.
    let config = copy_config()?;
    let broken = config
        .path()
        .join("accounts/harbor-books/directory/staff.yaml");
    std::fs::write(
        &broken,
        "booksellers:\n  - name: Ann\nbuyers:\n  - name: Bo\n",
    )?;
    let app = spawn_app_with(AppOptions {
        config_dir: Some(config.path().to_owned()),
        ..AppOptions::default()
    })
    .await?;
    assert!(
        app.state
            .directory(&AccountId::parse("harbor-books")?)
            .is_none()
    );

    // The other account answers from its lists as before.
    let (body, _) = app
        .turn_in_new_session("northwind-heating", "sales", UNDER_5000_IN_STOCK)
        .await?;
    assert_eq!(
        body["assistant_message"]["content"], "From the directory: Aero 5 (4495).",
        "{body}"
    );

    // The broken account's agent answers, without the directory tool.
    let (body, _) = app
        .turn_in_new_session("harbor-books", "info", "Do you have The Tidal Lamp?")
        .await?;
    assert_eq!(body["assistant_message"]["status"], "complete", "{body}");
    let answer = body["assistant_message"]["content"]
        .as_str()
        .unwrap_or_default();
    assert!(answer.starts_with("You said: Do you have"), "{answer}");
    let last = requests(&app).pop().unwrap_or_default();
    assert!(
        !offered_tools(&last).contains(&"search_directory".to_owned()),
        "{last}"
    );

    // `salient config check` names the file and the problem, and fails.
    let (report, failed) = salient_cli::config_check::report(config.path())?;
    assert_eq!(failed, 1, "{report}");
    let line = report
        .lines()
        .find(|l| l.starts_with("ERR harbor-books"))
        .unwrap_or_default();
    assert!(line.contains("staff.yaml"), "{report}");
    assert!(
        line.contains("2 lists found (`booksellers:`, `buyers:`)"),
        "{report}"
    );
    assert!(
        report.contains("ok  northwind-heating: directory list products"),
        "{report}"
    );
    Ok(())
}

#[test]
fn the_repositorys_config_checks_clean() -> anyhow::Result<()> {
    let (report, failed) = salient_cli::config_check::report(&salient_tests::app::config_dir())?;
    assert_eq!(failed, 0, "{report}");
    assert!(
        report.contains("ok  northwind-heating: directory list locations (2 items"),
        "{report}"
    );
    Ok(())
}
