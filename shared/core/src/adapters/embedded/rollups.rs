//! `RollupStore` on SQLite: `rollups` holds one row per counter of an agent's day (and of
//! the account's, `agent = ''`: no agent id is empty), added to by upsert; `rollup_visitors`
//! and `rating_marks` are the markers; the session flags are columns of `sessions`. Every
//! row expires [`ROLLUP_KEEP_DAYS`](crate::ports::rollups::ROLLUP_KEEP_DAYS) after its day
//! (the expiry sweep deletes it).

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

use super::EmbeddedStore;
use super::rows::{corrupt, execute, millis, query_all, query_opt};
use crate::domain::{AccountId, AgentId, MessageId, Rating, SessionId, VisitorId, now};
use crate::ports::StoreError;
use crate::ports::rollups::{
    DayCounters, RatingMark, RollupDelta, RollupStore, SessionMark, counter, is_counter_name,
    rollup_expiry,
};

/// The agent column of the account's own rollup.
const ACCOUNT_WIDE: &str = "";

const ADD: &str = "INSERT INTO rollups (account, agent, day, name, value, expires_at) \
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                   ON CONFLICT (account, agent, day, name) DO UPDATE SET value = value + excluded.value";

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn expires_ms(day: NaiveDate) -> i64 {
    rollup_expiry(day).saturating_mul(1000)
}

fn add_counter(
    conn: &Connection,
    account: &str,
    agent: &str,
    day: &str,
    name: &str,
    amount: i64,
    expires: i64,
) -> Result<(), StoreError> {
    execute(
        conn,
        ADD,
        params![account, agent, day, name, amount, expires],
    )
    .map(|_| ())
}

#[async_trait]
impl RollupStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn add_to_rollup(
        &self,
        account: &AccountId,
        agent: &AgentId,
        day: NaiveDate,
        delta: &RollupDelta,
    ) -> Result<(), StoreError> {
        let counters: Vec<(String, i64)> = delta
            .counters()
            .map(|(name, amount)| (name.to_owned(), amount))
            .collect();
        if counters.is_empty() {
            return Ok(());
        }
        if let Some((bad, _)) = counters.iter().find(|(name, _)| !is_counter_name(name)) {
            return Err(corrupt("rollup counter name", bad));
        }
        let (account, agent, day_key, expires) = (
            account.to_string(),
            agent.to_string(),
            day_text(day),
            expires_ms(day),
        );
        self.write(move |conn| {
            for (name, amount) in &counters {
                for owner in [agent.as_str(), ACCOUNT_WIDE] {
                    add_counter(conn, &account, owner, &day_key, name, *amount, expires)?;
                }
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, agent = %agent))]
    async fn mark_visitor(
        &self,
        account: &AccountId,
        agent: &AgentId,
        day: NaiveDate,
        visitor: &VisitorId,
    ) -> Result<(), StoreError> {
        let (account, agent, visitor, day_key, expires) = (
            account.to_string(),
            agent.to_string(),
            visitor.to_string(),
            day_text(day),
            expires_ms(day),
        );
        self.write(move |conn| {
            for owner in [agent.as_str(), ACCOUNT_WIDE] {
                let new = execute(
                    conn,
                    "INSERT INTO rollup_visitors (account, agent, day, visitor, expires_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                    params![account, owner, day_key, visitor, expires],
                )?;
                if new == 1 {
                    add_counter(
                        conn,
                        &account,
                        owner,
                        &day_key,
                        counter::VISITORS,
                        1,
                        expires,
                    )?;
                }
            }
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn swap_rating_mark(
        &self,
        account: &AccountId,
        session: &SessionId,
        message: &MessageId,
        rating: Rating,
        day: NaiveDate,
    ) -> Result<Option<RatingMark>, StoreError> {
        let (account, session, message) = (
            account.to_string(),
            session.to_string(),
            message.to_string(),
        );
        self.write(move |conn| {
            let old = query_opt(
                conn,
                "SELECT rating, day FROM rating_marks \
                 WHERE account = ?1 AND session = ?2 AND message = ?3",
                params![account, session, message],
                |c| {
                    let rating = c.parsed("rating", Rating::parse)?;
                    let day = c.parsed("day", |r| NaiveDate::parse_from_str(r, "%Y-%m-%d").ok())?;
                    Ok(RatingMark { rating, day })
                },
            )?;
            let kept = old.map_or(day, |o| o.day);
            execute(
                conn,
                "INSERT INTO rating_marks (account, session, message, rating, day, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
                 ON CONFLICT (account, session, message) DO UPDATE SET rating = excluded.rating",
                params![
                    account,
                    session,
                    message,
                    rating.as_str(),
                    day_text(kept),
                    expires_ms(kept)
                ],
            )?;
            Ok(old)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn read_rollups(
        &self,
        account: &AccountId,
        agent: Option<&AgentId>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DayCounters>, StoreError> {
        let (account, agent, from, to, now_ms) = (
            account.to_string(),
            agent.map_or_else(|| ACCOUNT_WIDE.to_owned(), ToString::to_string),
            day_text(from),
            day_text(to),
            millis(now()),
        );
        self.read(move |conn| {
            let rows = query_all(
                conn,
                "SELECT day, name, value FROM rollups \
                 WHERE account = ?1 AND agent = ?2 AND day BETWEEN ?3 AND ?4 AND expires_at > ?5 \
                 ORDER BY day",
                params![account, agent, from, to, now_ms],
                |c| {
                    let day = c.parsed("day", |r| NaiveDate::parse_from_str(r, "%Y-%m-%d").ok())?;
                    let name: String = c.get()?;
                    let value: i64 = c.get()?;
                    Ok((day, name, value))
                },
            )?;
            let mut days: BTreeMap<NaiveDate, BTreeMap<String, i64>> = BTreeMap::new();
            for (day, name, value) in rows {
                days.entry(day).or_default().insert(name, value);
            }
            Ok(days
                .into_iter()
                .map(|(day, counters)| DayCounters { day, counters })
                .collect())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn mark_session(
        &self,
        account: &AccountId,
        session: &SessionId,
        mark: SessionMark,
    ) -> Result<(), StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.write(move |conn| {
            match mark {
                SessionMark::NoSources => execute(
                    conn,
                    "UPDATE sessions SET no_sources = 1 WHERE account = ?1 AND id = ?2",
                    params![account, session],
                )?,
                SessionMark::Extractive => execute(
                    conn,
                    "UPDATE sessions SET extractive = 1 WHERE account = ?1 AND id = ?2",
                    params![account, session],
                )?,
                SessionMark::NotHelpful(by) => execute(
                    conn,
                    "UPDATE sessions SET not_helpful_count = MAX(0, not_helpful_count + ?3) \
                     WHERE account = ?1 AND id = ?2",
                    params![account, session, by],
                )?,
            };
            Ok(())
        })
        .await
    }
}
