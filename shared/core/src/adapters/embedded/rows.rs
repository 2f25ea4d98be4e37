//! The embedded store's row mapping: running cached statements, reading a row's columns in
//! order as domain values (a value that does not parse is a fatal "corrupt" error), and
//! mapping SQLite errors to [`StoreError`].

use chrono::{DateTime, Utc};
use rusqlite::types::FromSql;
use rusqlite::{Connection, Params, Row};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::ports::StoreError;

/// Maps SQLite errors: a busy or locked database is worth retrying, the rest is not.
pub(crate) fn sql(err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::transient(err)
        }
        _ => StoreError::fatal(err),
    }
}

pub(crate) fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::fatal(anyhow::anyhow!("stored {what} {value:?} is not valid"))
}

/// A time as stored: epoch milliseconds.
pub(crate) fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// A count as stored (SQLite integers are signed).
pub(crate) fn integer(value: impl TryInto<i64>) -> i64 {
    value.try_into().unwrap_or(i64::MAX)
}

/// A value stored as JSON text (lists, small records).
pub(crate) fn json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(StoreError::fatal)
}

/// Runs one statement through the connection's prepared-statement cache; the number of
/// rows it changed.
pub(crate) fn execute(
    conn: &Connection,
    statement: &str,
    params: impl Params,
) -> Result<usize, StoreError> {
    conn.prepare_cached(statement)
        .and_then(|mut prepared| prepared.execute(params))
        .map_err(sql)
}

/// Every row of a cached query, each read by `map`.
pub(crate) fn query_all<T>(
    conn: &Connection,
    statement: &str,
    params: impl Params,
    mut map: impl FnMut(&mut Columns<'_, '_>) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut prepared = conn.prepare_cached(statement).map_err(sql)?;
    let mut rows = prepared.query(params).map_err(sql)?;
    let mut found = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        found.push(map(&mut Columns::of(row))?);
    }
    Ok(found)
}

/// The first row of a cached query, if any, read by `map`.
pub(crate) fn query_opt<T>(
    conn: &Connection,
    statement: &str,
    params: impl Params,
    map: impl FnOnce(&mut Columns<'_, '_>) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    let mut prepared = conn.prepare_cached(statement).map_err(sql)?;
    let mut rows = prepared.query(params).map_err(sql)?;
    rows.next()
        .map_err(sql)?
        .map(|row| map(&mut Columns::of(row)))
        .transpose()
}

/// Reads a row's columns in the order the query selected them.
pub(crate) struct Columns<'a, 'r> {
    row: &'a Row<'r>,
    next: usize,
}

impl<'a, 'r> Columns<'a, 'r> {
    fn of(row: &'a Row<'r>) -> Self {
        Self { row, next: 0 }
    }

    /// The next column as SQLite's own type.
    pub(crate) fn get<T: FromSql>(&mut self) -> Result<T, StoreError> {
        let value = self.row.get(self.next).map_err(sql)?;
        self.next += 1;
        Ok(value)
    }

    /// The next column, text read through `parse` (an id, an enum's stored spelling).
    pub(crate) fn parsed<T>(
        &mut self,
        what: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, StoreError> {
        let raw: String = self.get()?;
        parse(&raw).ok_or_else(|| corrupt(what, &raw))
    }

    /// The next column, nullable text read through `parse`.
    pub(crate) fn opt_parsed<T>(
        &mut self,
        what: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, StoreError> {
        let raw: Option<String> = self.get()?;
        raw.map(|raw| parse(&raw).ok_or_else(|| corrupt(what, &raw)))
            .transpose()
    }

    /// The next column, a count that must not be negative.
    pub(crate) fn count<T: TryFrom<i64>>(&mut self, what: &str) -> Result<T, StoreError> {
        let raw: i64 = self.get()?;
        T::try_from(raw).map_err(|_| corrupt(what, &raw.to_string()))
    }

    /// The next column, a time in epoch milliseconds.
    pub(crate) fn time(&mut self) -> Result<DateTime<Utc>, StoreError> {
        let ms: i64 = self.get()?;
        from_millis(ms)
    }

    /// The next column, a nullable time in epoch milliseconds.
    pub(crate) fn opt_time(&mut self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let ms: Option<i64> = self.get()?;
        ms.map(from_millis).transpose()
    }

    /// The next column, JSON text.
    pub(crate) fn json<T: DeserializeOwned>(&mut self, what: &str) -> Result<T, StoreError> {
        let raw: String = self.get()?;
        serde_json::from_str(&raw).map_err(|_| corrupt(what, &raw))
    }
}

fn from_millis(ms: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::fatal(anyhow::anyhow!("stored time {ms} is out of range")))
}
