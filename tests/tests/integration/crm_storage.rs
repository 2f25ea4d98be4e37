//! The CRM storage conformance suite (`salient_tests::crm_conformance`) on both adapters:
//! `embedded_*` on a SQLite file, `dynamodb_*` on a fresh table in DynamoDB Local (these
//! fail, never skip, without `SALIENT_TEST_DYNAMODB_ENDPOINT`; run `scripts/test.sh`).

use salient_tests::conformance::EmbeddedFile;
use salient_tests::crm_conformance;
use salient_tests::dynamodb_local::FreshTable;

macro_rules! on_both_backends {
    ($($case:ident => $embedded:ident, $dynamodb:ident;)*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $embedded() -> anyhow::Result<()> {
                let file = EmbeddedFile::new()?;
                crm_conformance::$case(&file).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $dynamodb() -> anyhow::Result<()> {
                let table = FreshTable::create().await?;
                crm_conformance::$case(&table).await?;
                table.delete().await
            }
        )*
    };
}

on_both_backends! {
    profiles_round_trip_and_link_sessions_and_visitors
        => embedded_profiles_round_trip_and_link_sessions_and_visitors, dynamodb_profiles_round_trip_and_link_sessions_and_visitors;
    an_email_claim_is_won_once
        => embedded_an_email_claim_is_won_once, dynamodb_an_email_claim_is_won_once;
    otp_challenges_count_attempts_expire_and_consume_once
        => embedded_otp_challenges_count_attempts_expire_and_consume_once, dynamodb_otp_challenges_count_attempts_expire_and_consume_once;
    rate_counters_allow_the_limit_then_refuse
        => embedded_rate_counters_allow_the_limit_then_refuse, dynamodb_rate_counters_allow_the_limit_then_refuse;
    an_email_send_is_claimed_once
        => embedded_an_email_send_is_claimed_once, dynamodb_an_email_send_is_claimed_once;
    idle_sessions_are_the_unsummarised_quiet_ones
        => embedded_idle_sessions_are_the_unsummarised_quiet_ones, dynamodb_idle_sessions_are_the_unsummarised_quiet_ones;
    erasure_leaves_nothing_behind
        => embedded_erasure_leaves_nothing_behind, dynamodb_erasure_leaves_nothing_behind;
}
