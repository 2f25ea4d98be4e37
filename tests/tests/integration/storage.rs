//! The storage conformance suite (`salient_tests::conformance`) run against both adapters:
//! `embedded_*` on a SQLite file in a temporary directory, `dynamodb_*` on a fresh table in
//! DynamoDB Local. The DynamoDB tests fail (never skip) when `SALIENT_TEST_DYNAMODB_ENDPOINT`
//! is unset: run them through `scripts/test.sh`, which starts DynamoDB Local.

use salient_tests::conformance::{self, EmbeddedFile};
use salient_tests::dynamodb_local::FreshTable;

/// For each case, one test per backend, named `embedded_<case>` and `dynamodb_<case>`.
macro_rules! on_both_backends {
    ($($case:ident => $embedded:ident, $dynamodb:ident;)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $embedded() -> anyhow::Result<()> {
                let file = EmbeddedFile::new()?;
                println!("embedded store at {}", file.path().display());
                conformance::$case(&file).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $dynamodb() -> anyhow::Result<()> {
                let table = FreshTable::create().await?;
                conformance::$case(&table).await?;
                table.delete().await
            }
        )*
    };
}

on_both_backends! {
    created_session_reads_back_equal
        => embedded_created_session_reads_back_equal, dynamodb_created_session_reads_back_equal;
    duplicate_session_id_is_already_exists
        => embedded_duplicate_session_id_is_already_exists, dynamodb_duplicate_session_id_is_already_exists;
    unknown_session_is_not_found
        => embedded_unknown_session_is_not_found, dynamodb_unknown_session_is_not_found;
    list_sessions_is_scoped_newest_first_and_paged
        => embedded_list_sessions_is_scoped_newest_first_and_paged, dynamodb_list_sessions_is_scoped_newest_first_and_paged;
    garbage_cursor_is_invalid
        => embedded_garbage_cursor_is_invalid, dynamodb_garbage_cursor_is_invalid;
    messages_round_trip_every_field
        => embedded_messages_round_trip_every_field, dynamodb_messages_round_trip_every_field;
    history_pages_in_order_both_ways
        => embedded_history_pages_in_order_both_ways, dynamodb_history_pages_in_order_both_ways;
    history_page_size_is_clamped
        => embedded_history_page_size_is_clamped, dynamodb_history_page_size_is_clamped;
    empty_session_has_an_empty_history
        => embedded_empty_session_has_an_empty_history, dynamodb_empty_session_has_an_empty_history;
    append_counts_and_last_active_only_moves_forward
        => embedded_append_counts_and_last_active_only_moves_forward, dynamodb_append_counts_and_last_active_only_moves_forward;
    duplicate_message_id_is_already_exists
        => embedded_duplicate_message_id_is_already_exists, dynamodb_duplicate_message_id_is_already_exists;
    update_message_replaces_content_status_and_citations
        => embedded_update_message_replaces_content_status_and_citations, dynamodb_update_message_replaces_content_status_and_citations;
    another_accounts_session_is_not_found
        => embedded_another_accounts_session_is_not_found, dynamodb_another_accounts_session_is_not_found;
    concurrent_appends_lose_nothing
        => embedded_concurrent_appends_lose_nothing, dynamodb_concurrent_appends_lose_nothing;
    data_survives_a_restart
        => embedded_data_survives_a_restart, dynamodb_data_survives_a_restart;
    llm_requests_round_trip_in_order_scoped_by_account
        => embedded_llm_requests_round_trip_in_order_scoped_by_account, dynamodb_llm_requests_round_trip_in_order_scoped_by_account;
}
