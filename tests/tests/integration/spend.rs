//! Spend caps through the real routes, on both storage backends: at a used-up cap turns
//! quote the site (labelled, cited, `answer_mode: "extractive"`, `reason: "budget"`) without
//! calling the model, summaries pause, other accounts keep their model, and one warning
//! email per window reaches the account's recipients; `salient usage` reports the counters.

use std::time::Duration;

use anyhow::Context as _;
use salient_core::domain::{AccountId, now};
use salient_core::limits::spend::{SpendPeriod, SpendScope, usage};
use salient_tests::app::{Backend, TestApp, setting};
use salient_tests::mail::outbox_to;
use serde_json::json;

use super::rag::app_with;

const NORTHWIND: &str = "northwind-heating";
const HARBOR: &str = "harbor-books";
const RECIPIENT: &str = "leads@northwind-heating.example";

/// Sum of the recorded model costs of these sessions, in millionths of a dollar.
async fn recorded_micro_usd(
    app: &TestApp,
    sessions: &[&salient_tests::app::TestSession],
) -> anyhow::Result<u64> {
    let mut total = 0;
    for session in sessions {
        for record in app.llm_requests(session).await? {
            total += salient_core::limits::spend::micro_usd(record.cost_usd.unwrap_or(0.0));
        }
    }
    Ok(total)
}

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        at_the_cap_turns_quote_the_site_and_summaries_pause,
        one_warning_email_per_window_reaches_the_accounts_recipients,
    }
}

async fn at_the_cap_turns_quote_the_site_and_summaries_pause(
    backend: Backend,
) -> anyhow::Result<()> {
    // One millionth of a dollar a month: the first answer uses it up.
    let (app, _dir) = app_with(
        true,
        backend,
        vec![
            setting("spend.account.daily_usd", "0"),
            setting("spend.account.monthly_usd", "0.000001"),
            setting("email.summary.idle_minutes", "1"),
        ],
    )
    .await?;
    let first = app.new_session(NORTHWIND, "sales").await?;
    let answered = app.turn(&first, "Is the home survey free?").await?;
    assert_eq!(answered["answer_mode"], "model", "{answered}");
    assert_eq!(answered["reason"], json!(null));
    let spent = recorded_micro_usd(&app, &[&first]).await?;
    assert!(spent > 0, "the stand-in reports a cost");

    // Used up: the next turn quotes the site, says why, and calls no model.
    let second = app.new_session(NORTHWIND, "sales").await?;
    let quoted = app.turn(&second, "Is the home survey free?").await?;
    assert_eq!(quoted["answer_mode"], "extractive", "{quoted}");
    assert_eq!(quoted["reason"], "budget");
    let answer = &quoted["assistant_message"];
    let content = answer["content"].as_str().unwrap_or_default();
    assert!(
        content.starts_with("*This assistant has used its budget"),
        "{content}"
    );
    assert!(content.contains("Our home survey is free"), "{content}");
    assert_eq!(
        answer["citations"][0]["url"],
        "https://northwind-heating.example/survey"
    );
    assert!(app.llm_requests(&second).await?.is_empty());

    // The same over the stream.
    let events = app
        .streamed_turn(&second, "Do you install in York?")
        .await?;
    let done = events.iter().find(|e| e.name == "done").context("done")?;
    assert_eq!(done.data["answer_mode"], "extractive", "{:?}", done.data);
    assert_eq!(done.data["reason"], "budget");
    assert!(events.iter().any(|e| e.name == "citations"));
    assert!(app.llm_requests(&second).await?.is_empty());

    // Another account keeps its model.
    let (theirs, _) = app
        .turn_in_new_session(HARBOR, "info", "When is the poetry evening?")
        .await?;
    assert_eq!(theirs["answer_mode"], "model", "{theirs}");

    // Summaries pause: the route says so with the wait until the month ends, and the sweep
    // leaves the session for later without using up an attempt.
    let response = first
        .client
        .post(app.session_url(&first, "/summary"))
        .send()
        .await?;
    assert_eq!(response.status(), 429);
    let retry_after: i64 = response
        .headers()
        .get("retry-after")
        .context("no Retry-After")?
        .to_str()?
        .parse()?;
    let month_end = SpendPeriod::Month.window_end(now());
    assert!(
        (retry_after - (month_end - now()).num_seconds()).abs() <= 5,
        "Retry-After {retry_after}"
    );
    let body: serde_json::Value = response.json().await?;
    assert_eq!(body["error"]["code"], "budget_reached", "{body}");
    let report = salient_email::sweep(&app.state, now() + chrono::Duration::minutes(2)).await?;
    assert!(report.paused >= 1 && report.sent == 0, "{report:?}");
    let account = AccountId::parse(NORTHWIND)?;
    let first_id = salient_core::domain::SessionId::parse(&first.id)?;
    assert!(
        app.state
            .store
            .email_events(&account, &first_id)
            .await?
            .is_empty(),
        "a paused summary claims nothing"
    );
    assert!(
        outbox_to(app.outbox(), RECIPIENT)?
            .iter()
            .all(|m| !m.subject.contains("Conversation"))
    );

    // The counters hold exactly what the recorded calls cost (the Harbor call included
    // for the deployment), and `salient usage` prints them.
    let harbor_spent = {
        let harbor = AccountId::parse(HARBOR)?;
        let agent = salient_core::domain::AgentId::parse("info")?;
        let config = app.state.catalog.agent(&harbor, &agent).context("agent")?;
        let uses = usage(
            app.state.store.as_ref(),
            &harbor,
            &agent,
            &config.settings.spend,
            now(),
        )
        .await?;
        uses.iter()
            .find(|u| u.scope == SpendScope::Account && u.period == SpendPeriod::Month)
            .map(|u| u.spent_usd)
            .context("row")?
    };
    assert!(harbor_spent > 0.0);
    let agent = salient_core::domain::AgentId::parse("sales")?;
    let config = app.state.catalog.agent(&account, &agent).context("agent")?;
    let uses = usage(
        app.state.store.as_ref(),
        &account,
        &agent,
        &config.settings.spend,
        now(),
    )
    .await?;
    let find = |scope, period| {
        uses.iter()
            .find(|u| u.scope == scope && u.period == period)
            .map(|u| (u.spent_usd * 1_000_000.0).round() as u64)
    };
    assert_eq!(find(SpendScope::Account, SpendPeriod::Month), Some(spent));
    assert_eq!(find(SpendScope::Agent, SpendPeriod::Month), Some(spent));
    assert_eq!(
        find(SpendScope::Deployment, SpendPeriod::Month),
        Some(spent + (harbor_spent * 1_000_000.0).round() as u64)
    );
    let printed = salient_cli::usage::report(&app.state, &account, now()).await?;
    let month = SpendPeriod::Month.window(now());
    let account_row = printed
        .lines()
        .find(|l| {
            l.starts_with("account northwind-heating")
                && l.split_whitespace().any(|word| word == month)
        })
        .context(printed.clone())?;
    assert!(
        account_row.contains(&format!("{:.6}", spent as f64 / 1_000_000.0)),
        "{account_row}"
    );
    assert!(account_row.contains("0.000001"), "{account_row}");
    assert!(
        printed.lines().any(|l| l.starts_with("agent support")),
        "{printed}"
    );
    Ok(())
}

async fn one_warning_email_per_window_reaches_the_accounts_recipients(
    backend: Backend,
) -> anyhow::Result<()> {
    // A large daily cap with a tiny warning share: the first answer crosses it.
    let (app, _dir) = app_with(
        true,
        backend,
        vec![
            setting("spend.account.daily_usd", "1000"),
            setting("spend.account.monthly_usd", "0"),
            setting("spend.warn_at", "0.000000001"),
        ],
    )
    .await?;
    let session = app.new_session(NORTHWIND, "sales").await?;
    for _ in 0..4 {
        let answered = app.turn(&session, "Is the home survey free?").await?;
        assert_eq!(answered["answer_mode"], "model");
    }
    let warning = |m: &salient_tests::mail::ReceivedEmail| m.subject.contains("model budget used");
    let mut warnings = Vec::new();
    for _ in 0..50 {
        warnings = outbox_to(app.outbox(), RECIPIENT)?
            .into_iter()
            .filter(warning)
            .collect();
        if !warnings.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // More turns in the same window send nothing more.
    for _ in 0..2 {
        app.turn(&session, "Which areas do you cover?").await?;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let warnings_after: Vec<_> = outbox_to(app.outbox(), RECIPIENT)?
        .into_iter()
        .filter(warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings_after.len(), 1, "{warnings_after:?}");
    let email = &warnings_after[0];
    assert!(
        email.subject.starts_with("Northwind Heating: ") && email.subject.contains("daily"),
        "{}",
        email.subject
    );
    let text = email.text.as_deref().unwrap_or_default();
    assert!(text.contains("of $1000.00"), "{text}");
    assert!(text.contains("spend.account.daily_usd"), "{text}");
    // Harbor Books' recipients heard nothing about Northwind's budget.
    let all = salient_tests::mail::outbox(app.outbox())?;
    assert!(
        all.iter()
            .filter(|m| warning(m))
            .all(|m| m.to == [RECIPIENT.to_owned()]),
        "{all:?}"
    );
    Ok(())
}
