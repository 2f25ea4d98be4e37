//! The CRM storage conformance suite (`salient_tests::crm_conformance`) on both adapters:
//! `embedded::*` on a SQLite file, `dynamodb::*` on a fresh table in DynamoDB Local (these
//! fail, never skip, without `SALIENT_TEST_DYNAMODB_ENDPOINT`; run `scripts/test.sh`).

use salient_tests::app::Backend;
use salient_tests::backends::on_fresh_storage;
use salient_tests::crm_conformance;

salient_tests::on_each_backend! {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    embedded: |case| on_fresh_storage(Backend::Embedded, case).await,
    dynamodb: |case| on_fresh_storage(Backend::Dynamodb, case).await;
    crm_conformance::{
        profiles_round_trip_and_link_sessions_and_visitors,
        an_email_claim_is_won_once,
        otp_challenges_count_attempts_expire_and_consume_once,
        rate_counters_allow_the_limit_then_refuse,
        rate_windows_count_apart_and_batches_stop_at_a_refusal,
        stream_leases_are_taken_once_released_and_expire,
        a_streams_leases_are_taken_all_or_none,
        an_email_send_is_claimed_once,
        idle_sessions_are_the_unsummarised_quiet_ones,
        erasure_leaves_nothing_behind,
    }
}
