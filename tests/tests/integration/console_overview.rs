//! The console's overview and the conversation list's flags, through the real routes on both
//! storage backends: visitor turns, ratings (one changed), a verified lead, a summary, an
//! upstream error and a budget-limited extractive answer become exactly the day rollups'
//! figures, per agent and for the account, with zeros on days nothing happened; the list's
//! `?flag=` filter finds the flagged conversations.

use anyhow::{Context as _, ensure};
use chrono::{Duration, Utc};
use salient_core::domain::{AccountId, AgentId, SessionId, now};
use salient_core::ports::rollups::{RollupDelta, counter};
use salient_tests::app::{
    AppOptions, Backend, TestApp, TestSession, setting, spawn_app_with, store_factory,
};
use salient_tests::console::{SESSION_COOKIE, sign_in};
use serde_json::{Value, json};

const NORTHWIND: &str = "northwind-heating";
const HARBOR: &str = "harbor-books";
const OWNER: &str = "owner@northwind-heating.example";

async fn json_of(response: reqwest::Response) -> anyhow::Result<(u16, Value)> {
    let status = response.status().as_u16();
    Ok((status, response.json().await.unwrap_or(Value::Null)))
}

async fn get(app: &TestApp, path: &str, token: Option<&str>) -> anyhow::Result<(u16, Value)> {
    let mut request = app.client().get(app.url(path));
    if let Some(token) = token {
        request = request.header("cookie", format!("{SESSION_COOKIE}={token}"));
    }
    json_of(request.send().await?).await
}

/// A buffered turn whatever its status; the body.
async fn turn(app: &TestApp, session: &TestSession, message: &str) -> anyhow::Result<Value> {
    let response = session
        .client
        .post(app.session_url(session, "/turns"))
        .json(&json!({ "message": message }))
        .send()
        .await?;
    Ok(response.json().await.unwrap_or(Value::Null))
}

/// The id of the answer of a buffered turn.
fn answer_id(body: &Value) -> anyhow::Result<String> {
    body["assistant_message"]["id"]
        .as_str()
        .map(str::to_owned)
        .with_context(|| format!("no answer id in {body}"))
}

async fn rate(
    app: &TestApp,
    session: &TestSession,
    message: &str,
    rating: &str,
) -> anyhow::Result<()> {
    let response = session
        .client
        .post(app.session_url(session, &format!("/messages/{message}/feedback")))
        .json(&json!({ "rating": rating }))
        .send()
        .await?;
    let status = response.status();
    ensure!(
        status == 200,
        "rating answered {status}: {}",
        response.text().await?
    );
    Ok(())
}

/// The console app, over `stores` when given.
async fn console_app(
    backend: Backend,
    stores: Option<std::sync::Arc<dyn salient_tests::conformance::StoreFactory>>,
    extra: &[(&str, &str)],
) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        stores,
        outbox: true,
        overrides: extra.iter().map(|(k, v)| setting(k, v)).collect(),
        ..AppOptions::default()
    })
    .await
}

/// What the scenario leaves: the sessions, by what happened in them.
struct Scenario {
    app: TestApp,
    /// Sales, first visitor: a model answer rated down then up, a summary.
    s1: TestSession,
    /// Sales, the same visitor again: an upstream error, then a model answer rated down.
    s2: TestSession,
    /// Support, a second visitor: a model answer, then a verified address.
    s3: TestSession,
    /// Sales, a third visitor, once the agent's budget is used up: an extractive answer.
    s4: TestSession,
}

async fn scenario(backend: Backend) -> anyhow::Result<Scenario> {
    let stores = store_factory(backend).await?;
    let app = console_app(backend, Some(stores.clone()), &[]).await?;

    let s1 = app.new_session(NORTHWIND, "sales").await?;
    let first = app.turn(&s1, "Do you fit heat pumps?").await?;
    let first = answer_id(&first)?;
    let (status, body) = json_of(
        s1.client
            .post(app.session_url(&s1, "/summary"))
            .send()
            .await?,
    )
    .await?;
    ensure!(
        status == 200 || status == 202,
        "summary answered {status}: {body}"
    );
    rate(&app, &s1, &first, "down").await?;
    rate(&app, &s1, &first, "up").await?;
    rate(&app, &s1, &first, "up").await?;

    // The same browser: the same visitor, a second conversation.
    let s2 = app
        .new_session_in(s1.client.clone(), NORTHWIND, "sales")
        .await?;
    turn(&app, &s2, "Hello [[standin:429]]").await?;
    let second = app.turn(&s2, "And boilers?").await?;
    rate(&app, &s2, &answer_id(&second)?, "down").await?;

    let s3 = app.new_session(NORTHWIND, "support").await?;
    app.turn(&s3, "My boiler is leaking").await?;
    app.verify_email(&s3, "ann.lee@example.com").await?;

    // The same data through a process whose agents may spend (almost) nothing: sales has
    // spent already, so its next answer quotes the site.
    let capped = console_app(
        backend,
        Some(stores),
        &[("spend.agent.daily_usd", "0.000001")],
    )
    .await?;
    let s4 = capped.new_session(NORTHWIND, "sales").await?;
    let extractive = capped.turn(&s4, "Do you service Hexham?").await?;
    ensure!(
        extractive["answer_mode"] == "extractive",
        "expected an extractive answer: {extractive}"
    );
    Ok(Scenario {
        app,
        s1,
        s2,
        s3,
        s4,
    })
}

/// The sums of the sessions' recorded model calls: prompt and completion tokens, and the
/// cost in millionths of a dollar as the spend counters charge it.
async fn recorded_usage(
    app: &TestApp,
    sessions: &[&TestSession],
) -> anyhow::Result<(u64, u64, u64)> {
    let (mut prompt, mut completion, mut micro) = (0, 0, 0);
    for session in sessions {
        for call in app.llm_requests(session).await? {
            prompt += u64::from(call.prompt_tokens);
            completion += u64::from(call.completion_tokens);
            micro += salient_core::ports::spend::micro_usd(call.cost_usd.unwrap_or(0.0));
        }
    }
    Ok((prompt, completion, micro))
}

fn zero_day(day: &Value) -> bool {
    [
        "conversations",
        "turns",
        "visitors",
        "leads_captured",
        "leads_verified",
        "summaries_sent",
        "helpful",
        "not_helpful",
    ]
    .iter()
    .all(|k| day[k] == 0)
        && day["ttft_ms"].is_null()
        && day["errors"] == json!({})
        && day["answer_modes"] == json!({"model": 0, "extractive": 0, "no_answer": 0})
        && day["cost_usd"] == 0.0
}

async fn events_become_the_day_rollups_exactly(backend: Backend) -> anyhow::Result<()> {
    let Scenario {
        app,
        s1,
        s2,
        s3,
        s4,
    } = scenario(backend).await?;
    // A day before, written straight to the store: it lands on its own day.
    let account = AccountId::parse(NORTHWIND)?;
    let today = now().date_naive();
    let yesterday = today - Duration::days(1);
    app.state
        .store
        .add_to_rollup(
            &account,
            &AgentId::parse("sales")?,
            yesterday,
            &RollupDelta::new().add(counter::TURNS, 2),
        )
        .await?;
    // Error answers reach the rollups through the request recorder: once it has written
    // them, the buffered turn's upstream error must still count once.
    app.state.recorder.flush().await;
    let token = sign_in(&app, OWNER).await?.token;

    let (status, body) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/overview?days=3"),
        Some(&token),
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["account"], NORTHWIND);
    assert!(body["agent"].is_null());
    assert_eq!(body["to"], today.to_string());
    assert_eq!(body["from"], (today - Duration::days(2)).to_string());
    let days = body["days"].as_array().context("days")?;
    assert_eq!(days.len(), 3, "{body}");
    assert_eq!(days[0]["date"], (today - Duration::days(2)).to_string());
    assert!(zero_day(&days[0]), "{}", days[0]);
    assert_eq!(days[1]["turns"], 2);
    assert!(days[1]["ttft_ms"].is_null());
    let day = &days[2];
    assert_eq!(day["date"], today.to_string());
    assert_eq!(day["conversations"], 4, "{day}");
    assert_eq!(day["turns"], 5, "{day}");
    assert_eq!(day["visitors"], 3, "{day}");
    assert_eq!(day["leads_captured"], 1, "{day}");
    assert_eq!(day["leads_verified"], 1, "{day}");
    assert_eq!(day["summaries_sent"], 1, "{day}");
    assert_eq!(day["helpful"], 1, "{day}");
    assert_eq!(day["not_helpful"], 1, "{day}");
    assert_eq!(
        day["answer_modes"],
        json!({"model": 3, "extractive": 1, "no_answer": 0}),
        "{day}"
    );
    assert_eq!(day["errors"], json!({"upstream_rate_limited": 1}), "{day}");
    let p50 = day["ttft_ms"]["p50"].as_u64().context("p50")?;
    let p95 = day["ttft_ms"]["p95"].as_u64().context("p95")?;
    assert!(p50 > 0 && p50 <= p95, "{day}");
    let (prompt, completion, micro) = recorded_usage(&app, &[&s1, &s2, &s3, &s4]).await?;
    assert!(completion > 0);
    assert_eq!(
        day["tokens"],
        json!({"prompt": prompt, "completion": completion})
    );
    let cost = day["cost_usd"].as_f64().context("cost")?;
    assert_eq!((cost * 1_000_000.0).round() as u64, micro, "{day}");

    // Totals: the sums of the days.
    assert_eq!(body["totals"]["turns"], 7);
    assert_eq!(body["totals"]["conversations"], 4);
    assert!(body["totals"].get("date").is_none());
    assert_eq!(body["totals"]["ttft_ms"], day["ttft_ms"]);

    // Today's spend, from the spend counters, against the account's daily cap.
    let spend = &body["spend_today"];
    let spent = spend["account"]["cost_usd"].as_f64().context("spend")?;
    assert_eq!((spent * 1_000_000.0).round() as u64, micro, "{spend}");
    assert!(spend["account"]["cap_usd"].as_f64().is_some(), "{spend}");
    let agents = spend["agents"].as_array().context("agents")?;
    assert_eq!(agents.len(), 2, "{spend}");

    // One agent at a time.
    let (status, sales) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/overview?agent=sales&days=1"),
        Some(&token),
    )
    .await?;
    assert_eq!(status, 200, "{sales}");
    assert_eq!(sales["agent"], "sales");
    let day = &sales["days"][0];
    assert_eq!(
        [
            &day["conversations"],
            &day["turns"],
            &day["visitors"],
            &day["summaries_sent"],
            &day["helpful"],
            &day["not_helpful"],
            &day["leads_captured"],
        ],
        [
            &json!(3),
            &json!(4),
            &json!(2),
            &json!(1),
            &json!(1),
            &json!(1),
            &json!(0)
        ],
        "{day}"
    );
    assert_eq!(day["answer_modes"]["extractive"], 1);
    assert_eq!(sales["spend_today"]["agents"][0]["agent"], "sales");
    let (_, support) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/overview?agent=support&days=1"),
        Some(&token),
    )
    .await?;
    let day = &support["days"][0];
    assert_eq!(
        [
            &day["conversations"],
            &day["turns"],
            &day["visitors"],
            &day["leads_captured"],
            &day["leads_verified"],
            &day["answer_modes"]["model"],
        ],
        [
            &json!(1),
            &json!(1),
            &json!(1),
            &json!(1),
            &json!(1),
            &json!(1)
        ],
        "{day}"
    );

    // The view is audited.
    let (_, audit) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/audit"),
        Some(&token),
    )
    .await?;
    assert!(
        audit["entries"]
            .as_array()
            .is_some_and(|e| e.iter().any(|e| e["action"] == "overview.view")),
        "{audit}"
    );
    Ok(())
}

async fn the_overview_refuses_what_it_may_not_show(backend: Backend) -> anyhow::Result<()> {
    let app = console_app(backend, None, &[]).await?;
    let (status, body) = get(&app, &format!("/api/console/{NORTHWIND}/overview"), None).await?;
    assert_eq!(
        (status, &body["error"]["code"]),
        (401, &json!("sign_in_required"))
    );
    let token = sign_in(&app, OWNER).await?.token;
    let (status, body) = get(
        &app,
        &format!("/api/console/{HARBOR}/overview"),
        Some(&token),
    )
    .await?;
    assert_eq!(
        (status, &body["error"]["code"]),
        (404, &json!("account_not_found"))
    );
    for (query, code) in [
        ("days=0", "invalid_query"),
        ("days=91", "invalid_query"),
        ("days=x", "invalid_query"),
        ("agent=nobody", "agent_not_found"),
    ] {
        let (status, body) = get(
            &app,
            &format!("/api/console/{NORTHWIND}/overview?{query}"),
            Some(&token),
        )
        .await?;
        assert_eq!(body["error"]["code"], code, "{query}: {status} {body}");
    }
    // Nothing happened yet: thirty days of zeros.
    let (status, body) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/overview"),
        Some(&token),
    )
    .await?;
    assert_eq!(status, 200, "{body}");
    let days = body["days"].as_array().context("days")?;
    assert_eq!(days.len(), 30);
    assert!(days.iter().all(zero_day), "{body}");
    Ok(())
}

/// The session ids a conversation list answers.
fn listed(body: &Value) -> Vec<String> {
    body["conversations"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .filter_map(|r| r["session"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

async fn the_list_filters_on_flags_kept_as_events_happen(backend: Backend) -> anyhow::Result<()> {
    let Scenario {
        app,
        s1,
        s2,
        s3,
        s4,
    } = scenario(backend).await?;
    // The visitor of the second conversation asks for a person (as the handoff records it).
    app.state
        .store
        .mark_handoff_requested(
            &AccountId::parse(NORTHWIND)?,
            &SessionId::parse(&s2.id)?,
            Utc::now(),
        )
        .await?;
    let token = sign_in(&app, OWNER).await?.token;
    let list = |flag: &str| format!("/api/console/{NORTHWIND}/conversations?flag={flag}");
    let expect = |flag: &'static str, sessions: Vec<&TestSession>| {
        let mut ids: Vec<String> = sessions.iter().map(|s| s.id.clone()).collect();
        ids.sort();
        (flag, ids)
    };
    let cases = [
        // The first conversation's rating was changed back to helpful.
        expect("not_helpful", vec![&s2]),
        expect("extractive", vec![&s4]),
        // No knowledge base here: no answer cites a source.
        expect("no_sources", vec![&s1, &s2, &s3, &s4]),
        expect("person_asked", vec![&s2]),
        expect("has_lead", vec![&s3]),
    ];
    for (flag, want) in cases {
        let (status, body) = get(&app, &list(flag), Some(&token)).await?;
        assert_eq!(status, 200, "{flag}: {body}");
        let mut got = listed(&body);
        got.sort();
        assert_eq!(got, want, "{flag}: {body}");
        for row in body["conversations"].as_array().into_iter().flatten() {
            assert_eq!(row["flags"][flag], true, "{row}");
        }
    }
    // Pages of a filtered list are full and chain.
    let (_, first) = get(
        &app,
        &format!("{}&limit=3", list("no_sources")),
        Some(&token),
    )
    .await?;
    assert_eq!(listed(&first).len(), 3, "{first}");
    let cursor = first["next_cursor"].as_str().context("a next page")?;
    let (_, rest) = get(
        &app,
        &format!("{}&limit=3&cursor={cursor}", list("no_sources")),
        Some(&token),
    )
    .await?;
    assert_eq!(listed(&rest).len(), 1, "{rest}");
    assert!(rest["next_cursor"].is_null());

    // Every row carries the flags, and the old `has_lead` stays.
    let (_, all) = get(
        &app,
        &format!("/api/console/{NORTHWIND}/conversations"),
        Some(&token),
    )
    .await?;
    let row = all["conversations"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["session"] == s3.id.as_str()))
        .context("the support conversation")?;
    assert_eq!(row["has_lead"], true);
    assert_eq!(
        row["flags"],
        json!({"not_helpful": false, "no_sources": true, "extractive": false,
               "person_asked": false, "has_lead": true})
    );
    let (status, body) = get(&app, &list("bogus"), Some(&token)).await?;
    assert_eq!(
        (status, &body["error"]["code"]),
        (400, &json!("invalid_query"))
    );
    Ok(())
}

async fn the_rollup_store_adds_atomically_and_counts_markers_once(
    backend: Backend,
) -> anyhow::Result<()> {
    let store = store_factory(backend).await?.open()?;
    let (acme, other) = (AccountId::parse("acme")?, AccountId::parse("other")?);
    let (sales, support) = (AgentId::parse("sales")?, AgentId::parse("support")?);
    let day = now().date_naive();
    let one_turn = RollupDelta::new().add(counter::TURNS, 1);
    // Concurrent additions are never lost.
    let adds = (0..40).map(|_| store.add_to_rollup(&acme, &sales, day, &one_turn));
    for added in futures::future::join_all(adds).await {
        added?;
    }
    store.add_to_rollup(&other, &sales, day, &one_turn).await?;
    // A visitor counts once a day per agent and once for the account, however often.
    let visitor = salient_core::domain::VisitorId::generate();
    let marks = (0..5).map(|_| store.mark_visitor(&acme, &sales, day, &visitor));
    for marked in futures::future::join_all(marks).await {
        marked?;
    }
    store.mark_visitor(&acme, &support, day, &visitor).await?;
    let read = |agent: Option<AgentId>| {
        let store = store.clone();
        let acme = acme.clone();
        async move {
            let days = store
                .read_rollups(&acme, agent.as_ref(), day - Duration::days(3), day)
                .await?;
            anyhow::Ok(days)
        }
    };
    let days = read(Some(sales.clone())).await?;
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].day, day);
    assert_eq!(days[0].get(counter::TURNS), 40);
    assert_eq!(days[0].get(counter::VISITORS), 1);
    let days = read(Some(support.clone())).await?;
    assert_eq!(
        (days[0].get(counter::TURNS), days[0].get(counter::VISITORS)),
        (0, 1)
    );
    let days = read(None).await?;
    assert_eq!(
        (days[0].get(counter::TURNS), days[0].get(counter::VISITORS)),
        (40, 1)
    );
    // A rating marker hands back the rating it replaces and keeps its first day.
    let session = SessionId::generate();
    let message = salient_core::domain::MessageId::generate();
    let up = salient_core::domain::Rating::Up;
    let down = salient_core::domain::Rating::Down;
    assert_eq!(
        store
            .swap_rating_mark(&acme, &session, &message, up, day - Duration::days(1))
            .await?,
        None
    );
    let old = store
        .swap_rating_mark(&acme, &session, &message, down, day)
        .await?
        .context("the first rating")?;
    assert_eq!((old.rating, old.day), (up, day - Duration::days(1)));
    let old = store
        .swap_rating_mark(&acme, &session, &message, up, day)
        .await?
        .context("the second rating")?;
    assert_eq!((old.rating, old.day), (down, day - Duration::days(1)));
    // Marking a session that is gone is no error.
    store
        .mark_session(
            &acme,
            &SessionId::generate(),
            salient_core::ports::rollups::SessionMark::NoSources,
        )
        .await?;
    Ok(())
}

salient_tests::on_each_backend! {
    embedded: |case| case(Backend::Embedded).await,
    dynamodb: |case| case(Backend::Dynamodb).await;
    {
        events_become_the_day_rollups_exactly,
        the_overview_refuses_what_it_may_not_show,
        the_list_filters_on_flags_kept_as_events_happen,
        the_rollup_store_adds_atomically_and_counts_markers_once,
    }
}
