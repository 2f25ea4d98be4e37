//! The embedded store's schema: numbered migrations, applied in order when a file is
//! opened; `PRAGMA user_version` records how many ran. A migration, once released, never
//! changes: a change to the schema is a new one at the end.

use rusqlite::{Connection, TransactionBehavior};

use super::rows::sql;
use crate::ports::StoreError;

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
pub(super) const MIGRATIONS: &[&str] = &[
    r"
    CREATE TABLE sessions (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        agent TEXT NOT NULL,
        visitor TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_active_at INTEGER NOT NULL,
        message_count INTEGER NOT NULL DEFAULT 0,
        profile_id TEXT,
        summary_status TEXT NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
    CREATE INDEX sessions_by_visitor
        ON sessions (account, visitor, agent, created_at DESC, id DESC);
    CREATE TABLE messages (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        id TEXT NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        citations TEXT NOT NULL,
        PRIMARY KEY (account, session, id)
    ) WITHOUT ROWID;
    CREATE TABLE llm_requests (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        id TEXT NOT NULL,
        message TEXT,
        model TEXT NOT NULL,
        prompt_tokens INTEGER NOT NULL,
        completion_tokens INTEGER NOT NULL,
        cost_usd REAL,
        latency_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        error TEXT,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, session, id)
    ) WITHOUT ROWID;
",
    r"
    CREATE TABLE ingest_pages (
        account TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        chunk_ids TEXT NOT NULL,
        last_seen INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account, url)
    ) WITHOUT ROWID;
    CREATE TABLE ingest_runs (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        trigger TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        counts TEXT NOT NULL,
        errors TEXT NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
",
    // The light CRM (`profiles`, `otp`, `rate_limits`, `email_events`).
    r"
    CREATE TABLE profiles (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT,
        email TEXT,
        phone TEXT,
        company TEXT,
        interests TEXT NOT NULL,
        verified_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
    CREATE TABLE profile_sessions (
        account TEXT NOT NULL,
        profile TEXT NOT NULL,
        session TEXT NOT NULL,
        PRIMARY KEY (account, profile, session)
    ) WITHOUT ROWID;
    CREATE TABLE visitor_profiles (
        account TEXT NOT NULL,
        visitor TEXT NOT NULL,
        profile TEXT NOT NULL,
        PRIMARY KEY (account, visitor)
    ) WITHOUT ROWID;
    CREATE INDEX visitor_profiles_by_profile ON visitor_profiles (account, profile);
    CREATE TABLE email_claims (
        account TEXT NOT NULL,
        email_hash TEXT NOT NULL,
        profile TEXT NOT NULL,
        PRIMARY KEY (account, email_hash)
    ) WITHOUT ROWID;
    CREATE TABLE email_mentions (
        account TEXT NOT NULL,
        email_hash TEXT NOT NULL,
        profile TEXT NOT NULL,
        PRIMARY KEY (account, email_hash, profile)
    ) WITHOUT ROWID;
    CREATE TABLE otp_challenges (
        account TEXT NOT NULL,
        email_hash TEXT NOT NULL,
        purpose TEXT NOT NULL,
        visitor TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        max_attempts INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, email_hash, purpose, visitor)
    ) WITHOUT ROWID;
    CREATE TABLE rate_counters (
        account TEXT NOT NULL,
        subject TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, subject, window_start)
    ) WITHOUT ROWID;
    CREATE TABLE email_events (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        trigger TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        provider_message_id TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (account, session, trigger)
    ) WITHOUT ROWID;
    CREATE INDEX sessions_awaiting_summary
        ON sessions (account, summary_status, last_active_at);
",
    // The sweep's index holds only the sessions awaiting a summary (see `email_events`).
    r"
    DROP INDEX sessions_awaiting_summary;
    CREATE INDEX sessions_awaiting_summary
        ON sessions (account, last_active_at DESC, id DESC)
        WHERE summary_status <> 'sent' AND message_count > 0;
",
    // Counters keyed by window length too; expired ones found by index; stream leases.
    r"
    DROP TABLE rate_counters;
    CREATE TABLE rate_counters (
        account TEXT NOT NULL,
        subject TEXT NOT NULL,
        window_secs INTEGER NOT NULL,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, subject, window_secs, window_start)
    ) WITHOUT ROWID;
    CREATE INDEX rate_counters_by_expiry ON rate_counters (expires_at);
    CREATE TABLE stream_leases (
        account TEXT NOT NULL,
        subject TEXT NOT NULL,
        slot INTEGER NOT NULL,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, subject, slot)
    ) WITHOUT ROWID;
",
    // What the model cost per scope and UTC day or month (see `spend`).
    r"
    CREATE TABLE spend_counters (
        account TEXT NOT NULL,
        agent TEXT NOT NULL,
        window TEXT NOT NULL,
        micro_usd INTEGER NOT NULL,
        warned INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, agent, window)
    ) WITHOUT ROWID;
    CREATE INDEX spend_counters_by_expiry ON spend_counters (expires_at);
",
    // Retention: conversation and profile rows expire (`expires_at`, epoch ms; NULL keeps
    // them); the sweep finds expired rows of every table by index.
    r"
    ALTER TABLE sessions ADD COLUMN expires_at INTEGER;
    ALTER TABLE messages ADD COLUMN expires_at INTEGER;
    ALTER TABLE llm_requests ADD COLUMN expires_at INTEGER;
    ALTER TABLE email_events ADD COLUMN expires_at INTEGER;
    ALTER TABLE profiles ADD COLUMN expires_at INTEGER;
    ALTER TABLE profile_sessions ADD COLUMN expires_at INTEGER;
    ALTER TABLE visitor_profiles ADD COLUMN expires_at INTEGER;
    ALTER TABLE email_claims ADD COLUMN expires_at INTEGER;
    ALTER TABLE email_mentions ADD COLUMN expires_at INTEGER;
    CREATE INDEX sessions_by_expiry ON sessions (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX messages_by_expiry ON messages (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX llm_requests_by_expiry ON llm_requests (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX email_events_by_expiry ON email_events (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX profiles_by_expiry ON profiles (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX profile_sessions_by_expiry ON profile_sessions (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX visitor_profiles_by_expiry ON visitor_profiles (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX email_claims_by_expiry ON email_claims (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX email_mentions_by_expiry ON email_mentions (expires_at) WHERE expires_at IS NOT NULL;
    CREATE INDEX otp_challenges_by_expiry ON otp_challenges (expires_at);
    CREATE INDEX stream_leases_by_expiry ON stream_leases (expires_at);
",
    r"
    ALTER TABLE sessions ADD COLUMN title TEXT;
    ALTER TABLE sessions ADD COLUMN handoff_requested_at INTEGER;
    ALTER TABLE messages ADD COLUMN feedback_rating TEXT;
    ALTER TABLE messages ADD COLUMN feedback_reason TEXT;
    ALTER TABLE messages ADD COLUMN feedback_comment TEXT;
    ALTER TABLE messages ADD COLUMN feedback_at INTEGER;
",
    // The operator console (`console`): account-wide listings of sessions and profiles,
    // operator sessions and sign-in links (hashed tokens), and the audit log.
    r"
    CREATE INDEX sessions_by_account ON sessions (account, created_at DESC, id DESC);
    CREATE INDEX profiles_by_account ON profiles (account, created_at DESC, id DESC);
    CREATE TABLE operator_sessions (
        token_hash TEXT NOT NULL PRIMARY KEY,
        email TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX operator_sessions_by_expiry ON operator_sessions (expires_at);
    CREATE TABLE login_links (
        token_hash TEXT NOT NULL PRIMARY KEY,
        email TEXT NOT NULL,
        expires_at INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX login_links_by_expiry ON login_links (expires_at);
    CREATE TABLE audit_log (
        account TEXT NOT NULL,
        at INTEGER NOT NULL,
        id TEXT NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, at, id)
    ) WITHOUT ROWID;
    CREATE INDEX audit_log_by_expiry ON audit_log (expires_at);
",
    // Content gaps (`gaps`): questions the agent could not answer well, grouped by meaning.
    r"
    CREATE TABLE gap_groups (
        account TEXT NOT NULL,
        id TEXT NOT NULL,
        agent TEXT NOT NULL,
        status TEXT NOT NULL,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        body TEXT NOT NULL,
        expires_at INTEGER,
        PRIMARY KEY (account, id)
    ) WITHOUT ROWID;
    CREATE INDEX gap_groups_by_seen ON gap_groups (account, status, last_seen DESC, id DESC);
    CREATE INDEX gap_groups_by_expiry ON gap_groups (expires_at) WHERE expires_at IS NOT NULL;
",
    // Request metrics per function and UTC hour (one row per counter: `n`, `b{bucket}`,
    // `e_{code}`) and the last error events of each account (`scope`, '' for the
    // deployment's), see `metrics`.
    r"
    CREATE TABLE request_metrics (
        function TEXT NOT NULL,
        hour INTEGER NOT NULL,
        counter TEXT NOT NULL,
        count INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (hour, function, counter)
    ) WITHOUT ROWID;
    CREATE INDEX request_metrics_by_expiry ON request_metrics (expires_at);
    CREATE TABLE error_events (
        scope TEXT NOT NULL,
        at INTEGER NOT NULL,
        id TEXT NOT NULL,
        function TEXT NOT NULL,
        route TEXT NOT NULL,
        status INTEGER NOT NULL,
        code TEXT NOT NULL,
        request_id TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (scope, at, id)
    ) WITHOUT ROWID;
    CREATE INDEX error_events_by_expiry ON error_events (expires_at);
",
    // The console's overview (`rollups`): per-day counters of each agent and of the whole
    // account (`agent = ''`), the visitor and rating markers, and the sessions' flags with
    // one partial index per flag for the list filter.
    r"
    CREATE TABLE rollups (
        account TEXT NOT NULL,
        agent TEXT NOT NULL,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        value INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, agent, day, name)
    ) WITHOUT ROWID;
    CREATE INDEX rollups_by_expiry ON rollups (expires_at);
    CREATE TABLE rollup_visitors (
        account TEXT NOT NULL,
        agent TEXT NOT NULL,
        day TEXT NOT NULL,
        visitor TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, agent, day, visitor)
    ) WITHOUT ROWID;
    CREATE INDEX rollup_visitors_by_expiry ON rollup_visitors (expires_at);
    CREATE TABLE rating_marks (
        account TEXT NOT NULL,
        session TEXT NOT NULL,
        message TEXT NOT NULL,
        rating TEXT NOT NULL,
        day TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (account, session, message)
    ) WITHOUT ROWID;
    CREATE INDEX rating_marks_by_expiry ON rating_marks (expires_at);
    ALTER TABLE sessions ADD COLUMN not_helpful_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN no_sources INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN extractive INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX sessions_not_helpful ON sessions (account, created_at DESC, id DESC)
        WHERE not_helpful_count > 0;
    CREATE INDEX sessions_no_sources ON sessions (account, created_at DESC, id DESC)
        WHERE no_sources = 1;
    CREATE INDEX sessions_extractive ON sessions (account, created_at DESC, id DESC)
        WHERE extractive = 1;
    CREATE INDEX sessions_person_asked ON sessions (account, created_at DESC, id DESC)
        WHERE handoff_requested_at IS NOT NULL;
    CREATE INDEX sessions_has_lead ON sessions (account, created_at DESC, id DESC)
        WHERE profile_id IS NOT NULL;
",
];

/// Applies the migrations the file has not seen yet, in one `BEGIN IMMEDIATE` transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    apply(conn, MIGRATIONS).map_err(sql)
}

/// Applies those of `migrations` that `PRAGMA user_version` says the file has not seen, in
/// one `BEGIN IMMEDIATE` transaction, and records how many it has seen now. Every SQLite
/// file of the process (the store, the embedded vector index) is versioned this way.
pub(crate) fn apply(conn: &mut Connection, migrations: &[&str]) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let applied: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, migration) in migrations
        .iter()
        .enumerate()
        .skip(usize::try_from(applied).unwrap_or(0))
    {
        tx.execute_batch(migration)?;
        tx.pragma_update(
            None,
            "user_version",
            i64::try_from(index + 1).unwrap_or(i64::MAX),
        )?;
    }
    tx.commit()
}
