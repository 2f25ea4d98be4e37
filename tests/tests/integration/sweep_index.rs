//! The inactivity sweep reads only the sessions awaiting a summary, on both backends: with
//! many sessions whose summary was sent beside one that awaits its summary, the sweep's
//! read examines that one session, however many finished sessions there are.
//! `dynamodb_*` run on DynamoDB Local (they fail, never skip, without
//! `SALIENT_TEST_DYNAMODB_ENDPOINT`; run `scripts/test.sh`).

use anyhow::{Context as _, ensure};
use aws_sdk_dynamodb::types::{ReturnConsumedCapacity, Select};
use chrono::{DateTime, Duration, Utc};
use rusqlite::StatementStatus;
use salient_core::domain::{AccountId, AgentId, Message, Role, Session, SessionId, VisitorId, now};
use salient_core::dynamodb;
use salient_core::ports::crm::{EmailEvent, EmailEventStore, EmailStatus, EmailTrigger};
use salient_core::ports::{MessageStore, SessionStore};
use salient_core::{EmbeddedStore, IDLE_SESSIONS_QUERY};
use salient_tests::conformance::EmbeddedFile;
use salient_tests::dynamodb_local::{self as local, FreshTable};

fn acme() -> AccountId {
    AccountId::parse("acme").expect("a valid account slug")
}

/// A session of `acme` with one message, last active at `at`.
async fn session_with_a_message<S>(store: &S, at: DateTime<Utc>) -> anyhow::Result<Session>
where
    S: SessionStore + MessageStore,
{
    let session = Session::new(acme(), AgentId::parse("sales")?, VisitorId::generate(), at);
    store.create_session(&session).await?;
    store
        .append_message(&acme(), &session.id, &Message::new(Role::User, "hello", at))
        .await?;
    Ok(session)
}

/// Sessions idle for an hour whose summary was sent.
async fn finished_sessions<S>(store: &S, count: usize) -> anyhow::Result<()>
where
    S: SessionStore + MessageStore + EmailEventStore,
{
    let at = now() - Duration::hours(1);
    for _ in 0..count {
        let session = session_with_a_message(store, at).await?;
        store
            .claim_email_send(&acme(), &session.id, EmailTrigger::Inactivity, at, at, 3)
            .await?;
        store
            .finish_email_send(
                &acme(),
                &EmailEvent {
                    session: session.id.clone(),
                    trigger: EmailTrigger::Inactivity,
                    status: EmailStatus::Sent,
                    attempts: 1,
                    provider_message_id: Some("sent".to_owned()),
                    error: None,
                    created_at: at,
                    updated_at: at,
                },
            )
            .await?;
    }
    Ok(())
}

/// One session awaiting its summary, idle for an hour, and one without messages (which
/// has nothing to summarise).
async fn awaiting_session<S>(store: &S) -> anyhow::Result<SessionId>
where
    S: SessionStore + MessageStore,
{
    let empty = Session::new(
        acme(),
        AgentId::parse("sales")?,
        VisitorId::generate(),
        now() - Duration::hours(2),
    );
    store.create_session(&empty).await?;
    Ok(session_with_a_message(store, now() - Duration::hours(1))
        .await?
        .id)
}

async fn idle_ids<S: EmailEventStore>(store: &S) -> anyhow::Result<Vec<SessionId>> {
    Ok(store
        .idle_sessions(&acme(), now() - Duration::minutes(30), 50)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect())
}

/// The sweep's statement run on its own connection to the file: its plan, the rows it
/// returns, and the virtual machine steps it took (which grow with every row it visits).
fn run_idle_query(file: &EmbeddedFile) -> anyhow::Result<(Vec<String>, usize, i32, i32)> {
    let conn = rusqlite::Connection::open(file.path())?;
    let plan: Vec<String> = conn
        .prepare(&format!("EXPLAIN QUERY PLAN {IDLE_SESSIONS_QUERY}"))?
        .query_map(rusqlite::params!["acme", 0, 50, 0], |row| row.get(3))?
        .collect::<Result<_, _>>()?;
    let cutoff = (now() - Duration::minutes(30)).timestamp_millis();
    let mut statement = conn.prepare(IDLE_SESSIONS_QUERY)?;
    let rows = statement
        .query_map(
            rusqlite::params!["acme", cutoff, 50, now().timestamp_millis()],
            |_| Ok(()),
        )?
        .count();
    Ok((
        plan,
        rows,
        statement.get_status(StatementStatus::VmStep),
        statement.get_status(StatementStatus::FullscanStep),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_sweep_reads_only_sessions_awaiting_a_summary() -> anyhow::Result<()> {
    let file = EmbeddedFile::new()?;
    let store = EmbeddedStore::open(file.path())?;
    let awaiting = awaiting_session(&store).await?;
    finished_sessions(&store, 5).await?;
    assert_eq!(idle_ids(&store).await?, vec![awaiting.clone()]);
    let (plan, rows, few_steps, full_scan_steps) = run_idle_query(&file)?;
    assert_eq!(plan.len(), 1, "{plan:?}");
    ensure!(
        plan[0].starts_with("SEARCH sessions USING INDEX sessions_awaiting_summary"),
        "the sweep does not search its index: {plan:?}"
    );
    assert_eq!((rows, full_scan_steps), (1, 0));

    finished_sessions(&store, 100).await?;
    assert_eq!(idle_ids(&store).await?, vec![awaiting]);
    let (_, rows, many_steps, full_scan_steps) = run_idle_query(&file)?;
    assert_eq!((rows, full_scan_steps), (1, 0));
    assert_eq!(
        many_steps, few_steps,
        "the sweep's work grew with the finished sessions"
    );
    Ok(())
}

/// Scans the whole of `gsi2`: how many items it holds, and how many it read to say so.
async fn gsi2_items(table: &FreshTable) -> anyhow::Result<(i32, i32)> {
    let output = local::client(table.endpoint())
        .scan()
        .table_name(table.table())
        .index_name(dynamodb::GSI2)
        .select(Select::Count)
        .return_consumed_capacity(ReturnConsumedCapacity::Indexes)
        .send()
        .await
        .context("scanning gsi2")?;
    Ok((output.count(), output.scanned_count()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_sweep_reads_only_sessions_awaiting_a_summary() -> anyhow::Result<()> {
    let table = FreshTable::create().await?;
    let store = table.store();
    let awaiting = awaiting_session(&store).await?;
    finished_sessions(&store, 5).await?;
    assert_eq!(idle_ids(&store).await?, vec![awaiting.clone()]);
    assert_eq!(gsi2_items(&table).await?, (1, 1));

    finished_sessions(&store, 30).await?;
    assert_eq!(idle_ids(&store).await?, vec![awaiting]);
    // The index the sweep queries holds the one session awaiting its summary.
    assert_eq!(gsi2_items(&table).await?, (1, 1));
    table.delete().await
}

/// Sessions written before `gsi2` existed get their place in it from
/// `add_awaiting_summary_index`. (DynamoDB Local leaves an index added by `UpdateTable` in
/// `CREATING` for good, so the table here has the index and its items lack the keys.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_sessions_stored_before_the_sweep_index_are_added_to_it() -> anyhow::Result<()> {
    let table = FreshTable::create().await?;
    let client = local::client(table.endpoint());
    let name = table.table().to_owned();
    let store = table.store();
    let awaiting = awaiting_session(&store).await?;
    finished_sessions(&store, 3).await?;
    // Items written before the index existed carry none of its keys.
    let mut start = None;
    loop {
        let page = client
            .scan()
            .table_name(&name)
            .set_exclusive_start_key(start.take())
            .send()
            .await?;
        for item in page.items() {
            client
                .update_item()
                .table_name(&name)
                .key("pk", item["pk"].clone())
                .key("sk", item["sk"].clone())
                .update_expression("REMOVE gsi2pk, gsi2sk")
                .send()
                .await?;
        }
        match page.last_evaluated_key {
            Some(last) if !last.is_empty() => start = Some(last),
            _ => break,
        }
    }

    assert_eq!(idle_ids(&store).await?, Vec::<SessionId>::new());
    assert_eq!(gsi2_items(&table).await?, (0, 0));

    let added = dynamodb::add_awaiting_summary_index(&client, &name).await?;
    // The session awaiting a summary and the one still without messages.
    assert_eq!(added, 2);
    assert_eq!(idle_ids(&store).await?, vec![awaiting]);
    assert_eq!(gsi2_items(&table).await?, (1, 1));
    assert_eq!(
        dynamodb::add_awaiting_summary_index(&client, &name).await?,
        0,
        "a second run finds nothing left to add"
    );
    table.delete().await
}
