//! Conformance of the ingestion records (`ports::ingestion::IngestionStore`) on both
//! adapters: `embedded::*` on a SQLite file, `dynamodb::*` on a fresh DynamoDB Local table
//! (fails, never skips, without `SALIENT_TEST_DYNAMODB_ENDPOINT`; see `scripts/test.sh`).

use std::sync::Arc;

use anyhow::ensure;
use chrono::{DateTime, Duration, Utc};
use salient_core::EmbeddedStore;
use salient_core::domain::AccountId;
use salient_core::ports::StoreError;
use salient_core::ports::ingestion::{
    IngestionRun, IngestionStore, PageRecord, RunCounts, RunTrigger,
};
use salient_tests::app::Backend;
use salient_tests::backends::{FreshStorage, with_fresh_storage};

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| on_fresh_records(Backend::Embedded, case).await,
    dynamodb: |case| on_fresh_records(Backend::Dynamodb, case).await;
    {
        pages_round_trip_replace_and_delete,
        pages_and_runs_are_scoped_by_account,
        runs_list_newest_first_and_refuse_duplicates,
    }
}

/// Opens a new handle over the test's records, as a restarted process would.
type Open<'a> = dyn Fn() -> anyhow::Result<Arc<dyn IngestionStore>> + 'a;

/// Runs a case on the ingestion records of fresh storage of `backend`.
async fn on_fresh_records(
    backend: Backend,
    case: impl AsyncFnOnce(&Open<'_>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    with_fresh_storage(backend, async |storage| {
        let open = || -> anyhow::Result<Arc<dyn IngestionStore>> {
            Ok(match storage {
                FreshStorage::Embedded(file) => Arc::new(EmbeddedStore::open(file.path())?),
                FreshStorage::Dynamodb(table) => Arc::new(table.store()),
            })
        };
        case(&open).await
    })
    .await
}

fn account(slug: &str) -> AccountId {
    AccountId::parse(slug).expect("a valid account slug")
}

fn at(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(1_790_000_000_000).expect("in range")
        + Duration::milliseconds(ms)
}

fn page(url: &str, hash: &str) -> PageRecord {
    PageRecord {
        url: url.to_owned(),
        title: format!("Title of {url}"),
        content_hash: hash.to_owned(),
        chunk_ids: vec![format!("{hash}#0"), format!("{hash}#1")],
        last_seen: at(1),
        updated_at: at(0),
    }
}

fn run(id: &str, added: u32) -> IngestionRun {
    IngestionRun {
        id: id.to_owned(),
        trigger: RunTrigger::Schedule,
        started_at: at(5),
        duration_ms: 812,
        counts: RunCounts {
            added,
            updated: 1,
            unchanged: 2,
            removed: 3,
            skipped: 4,
            failed: 5,
            chunks: 9,
        },
        errors: vec!["https://x.test/a: HTTP 500".to_owned()],
    }
}

async fn pages_round_trip_replace_and_delete(open: &Open<'_>) -> anyhow::Result<()> {
    let store = open()?;
    let acme = account("acme");
    let long_url = format!("https://x.test/{}", "a".repeat(3000));
    let a = page("https://x.test/b", "h1");
    let b = page(&long_url, "h2");
    store.put_page(&acme, &a).await?;
    store.put_page(&acme, &b).await?;
    // A new handle, as a restarted process.
    let store = open()?;
    let pages = store.list_pages(&acme).await?;
    // In URL order.
    ensure!(pages == vec![b.clone(), a.clone()], "{pages:#?}");

    let mut changed = a.clone();
    changed.content_hash = "h3".to_owned();
    changed.chunk_ids = vec!["h3#0".to_owned()];
    store.put_page(&acme, &changed).await?;
    store.delete_page(&acme, &long_url).await?;
    store
        .delete_page(&acme, "https://x.test/never-there")
        .await?;
    let pages = store.list_pages(&acme).await?;
    ensure!(pages == vec![changed], "{pages:#?}");
    Ok(())
}

async fn pages_and_runs_are_scoped_by_account(open: &Open<'_>) -> anyhow::Result<()> {
    let store = open()?;
    let (one, two) = (account("one"), account("two"));
    store.put_page(&one, &page("https://x.test/", "h")).await?;
    store
        .record_run(&one, &run("01JD000000000000000000000A", 1))
        .await?;
    ensure!(store.list_pages(&two).await?.is_empty());
    ensure!(store.list_runs(&two, 10).await?.is_empty());
    store.delete_page(&two, "https://x.test/").await?;
    ensure!(store.list_pages(&one).await?.len() == 1);
    Ok(())
}

async fn runs_list_newest_first_and_refuse_duplicates(open: &Open<'_>) -> anyhow::Result<()> {
    let store = open()?;
    let acme = account("acme");
    let ids = [
        "01JD000000000000000000000A",
        "01JD000000000000000000000B",
        "01JD000000000000000000000C",
    ];
    for (i, id) in ids.iter().enumerate() {
        store.record_run(&acme, &run(id, i as u32)).await?;
    }
    let runs = open()?.list_runs(&acme, 2).await?;
    ensure!(runs.len() == 2);
    ensure!(runs[0] == run(ids[2], 2), "{:#?}", runs[0]);
    ensure!(runs[1].id == ids[1]);
    let again = store.record_run(&acme, &run(ids[0], 9)).await;
    ensure!(
        matches!(again, Err(StoreError::AlreadyExists(_))),
        "{again:?}"
    );
    Ok(())
}
