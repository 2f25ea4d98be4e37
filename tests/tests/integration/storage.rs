//! The storage conformance suite (`salient_tests::conformance`) run against both adapters:
//! `embedded::*` on a SQLite file in a temporary directory, `dynamodb::*` on a fresh table
//! in DynamoDB Local. The DynamoDB tests fail (never skip) when `SALIENT_TEST_DYNAMODB_ENDPOINT`
//! is unset: run them through `scripts/test.sh`, which starts DynamoDB Local.

use salient_tests::app::Backend;
use salient_tests::backends::on_fresh_storage;
use salient_tests::conformance;

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| on_fresh_storage(Backend::Embedded, case).await,
    dynamodb: |case| on_fresh_storage(Backend::Dynamodb, case).await;
    conformance::{
        created_session_reads_back_equal,
        duplicate_session_id_is_already_exists,
        unknown_session_is_not_found,
        list_sessions_is_scoped_newest_first_and_paged,
        garbage_cursor_is_invalid,
        messages_round_trip_every_field,
        history_pages_in_order_both_ways,
        history_page_size_is_clamped,
        empty_session_has_an_empty_history,
        append_counts_and_last_active_only_moves_forward,
        duplicate_message_id_is_already_exists,
        update_message_replaces_content_status_and_citations,
        another_accounts_session_is_not_found,
        concurrent_appends_lose_nothing,
        data_survives_a_restart,
        llm_requests_round_trip_in_order_scoped_by_account,
        a_started_llm_request_is_replaced_when_it_finishes,
    }
}
