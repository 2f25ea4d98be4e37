//! The spend counters' conformance suite (`salient_tests::spend_conformance`) on both
//! adapters: the embedded store on a SQLite file, DynamoDB on a fresh DynamoDB Local table.

use salient_tests::app::Backend;
use salient_tests::backends::on_fresh_storage;
use salient_tests::spend_conformance;

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| on_fresh_storage(Backend::Embedded, case).await,
    dynamodb: |case| on_fresh_storage(Backend::Dynamodb, case).await;
    spend_conformance::{
        charges_add_up_per_scope_and_window_once_per_call,
        concurrent_charges_lose_nothing,
        a_spend_warning_is_claimed_once_per_window,
    }
}
