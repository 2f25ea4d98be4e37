//! `MetricsStore` and `StoreProbe` on SQLite: the `request_metrics` table (one row per
//! function, hour and counter, added to by upsert) and `error_events` (per account, or `''`
//! for the deployment's; a write trims the scope to its newest `ERROR_EVENTS_KEPT` rows).
//! Rows past their expiry are ignored by reads and deleted by the expiry sweep.

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{execute, integer, millis};
use crate::domain::{AccountId, now};
use crate::ports::StoreError;
use crate::ports::metrics::{
    ERROR_EVENT_TTL_DAYS, ERROR_EVENTS_KEPT, ErrorEvent, Function, HourlyMetrics, METRICS_TTL_DAYS,
    MetricsDelta, MetricsStore, StoreProbe, hour_of,
};

/// The `scope` column of an account's error events, or the deployment's (`''`: no account
/// id is empty).
fn scope_of(account: Option<&AccountId>) -> String {
    account.map(ToString::to_string).unwrap_or_default()
}

#[async_trait]
impl MetricsStore for EmbeddedStore {
    async fn add_request_metrics(
        &self,
        function: Function,
        hour: DateTime<Utc>,
        delta: &MetricsDelta,
    ) -> Result<(), StoreError> {
        let hour = hour_of(hour);
        let (hour_ms, expires) = (
            millis(hour),
            millis(hour + Duration::days(METRICS_TTL_DAYS)),
        );
        let counters = delta.counters();
        self.write(move |conn| {
            for (counter, count) in counters {
                execute(
                    conn,
                    "INSERT INTO request_metrics (function, hour, counter, count, expires_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5) \
                     ON CONFLICT (hour, function, counter) DO UPDATE SET count = count + excluded.count",
                    params![function.as_str(), hour_ms, counter, integer(count), expires],
                )?;
            }
            Ok(())
        })
        .await
    }

    async fn request_metrics(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<HourlyMetrics>, StoreError> {
        let rows = self
            .select_all(
                "SELECT function, hour, counter, count FROM request_metrics \
                 WHERE hour >= ?1 AND hour <= ?2 AND expires_at > ?3 ORDER BY hour, function",
                (millis(hour_of(from)), millis(to), millis(now())),
                |c| {
                    let function = c.parsed("metric function", Function::parse)?;
                    let hour = c.time()?;
                    let counter: String = c.get()?;
                    let count: u64 = c.count("metric count")?;
                    Ok((function, hour, counter, count))
                },
            )
            .await?;
        let mut out: Vec<HourlyMetrics> = Vec::new();
        for (function, hour, counter, count) in rows {
            match out.last_mut() {
                Some(last) if last.function == function && last.hour == hour => {
                    last.metrics.add_counter(&counter, count);
                }
                _ => {
                    let mut metrics = MetricsDelta::default();
                    metrics.add_counter(&counter, count);
                    out.push(HourlyMetrics {
                        function,
                        hour,
                        metrics,
                    });
                }
            }
        }
        Ok(out)
    }

    async fn record_error_event(
        &self,
        account: Option<&AccountId>,
        event: &ErrorEvent,
    ) -> Result<(), StoreError> {
        let scope = scope_of(account);
        let e = event.clone();
        let expires = millis(e.at + Duration::days(ERROR_EVENT_TTL_DAYS));
        let id = ulid::Ulid::generate().to_string();
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO error_events \
                 (scope, at, id, function, route, status, code, request_id, expires_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    scope,
                    millis(e.at),
                    id,
                    e.function.as_str(),
                    e.route,
                    e.status,
                    e.code,
                    e.request_id,
                    expires
                ],
            )?;
            execute(
                conn,
                "DELETE FROM error_events WHERE scope = ?1 AND (at, id) NOT IN \
                 (SELECT at, id FROM error_events WHERE scope = ?1 ORDER BY at DESC, id DESC LIMIT ?2)",
                params![scope, ERROR_EVENTS_KEPT],
            )?;
            Ok(())
        })
        .await
    }

    async fn error_events(
        &self,
        account: Option<&AccountId>,
        limit: u32,
    ) -> Result<Vec<ErrorEvent>, StoreError> {
        let limit = limit.clamp(1, ERROR_EVENTS_KEPT);
        self.select_all(
            "SELECT at, function, route, status, code, request_id FROM error_events \
             WHERE scope = ?1 AND expires_at > ?2 ORDER BY at DESC, id DESC LIMIT ?3",
            (scope_of(account), millis(now()), limit),
            |c| {
                Ok(ErrorEvent {
                    at: c.time()?,
                    function: c.parsed("error event function", Function::parse)?,
                    route: c.get()?,
                    status: c.get()?,
                    code: c.get()?,
                    request_id: c.get()?,
                })
            },
        )
        .await
    }
}

#[async_trait]
impl StoreProbe for EmbeddedStore {
    async fn probe(&self) -> Result<(), StoreError> {
        self.select_one("SELECT 1", (), |c| c.get::<i64>())
            .await
            .map(|_| ())
    }
}
