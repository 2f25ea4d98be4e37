//! The console's ports on SQLite: `operator_sessions` and `login_links` (keyed by the
//! token's hash), `audit_log` (per account, by time), and the account-wide listings of
//! `sessions` (index `sessions_by_account`) and `profiles` (index `profiles_by_account`),
//! newest first. Cursors carry the account, so one account's cursor is refused by another.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::listing::NewestFirst;
use super::profiles::profile;
use super::rows::{Columns, corrupt, execute, millis, query_opt};
use super::sessions::{session, session_columns};
use super::{EmbeddedStore, live};
use crate::domain::{AccountId, EmailAddress, Session, VisitorProfile, now};
use crate::ports::console::{
    AccountListingStore, AuditEntry, AuditStore, ConversationFilter, LoginLink, OperatorSession,
    OperatorSessionStore,
};
use crate::ports::rollups::SessionFlag;
use crate::ports::{Page, StoreError};

/// The account-wide session listing through `index` (`sessions_by_account`, or the partial
/// index of one flag, whose condition `flag` repeats so that the index applies), newest
/// first: `?1` account, `?2` now, `?3` agent, `?4`/`?5` from/to, `?6`/`?7` the cursor's
/// time and id, `?8` the limit.
macro_rules! account_sessions_query {
    ($index:literal, $flag:literal) => {
        concat!(
            "SELECT ",
            session_columns!(),
            " FROM sessions INDEXED BY ",
            $index,
            " WHERE account = ?1 AND ",
            $flag,
            " AND ",
            live!(2),
            " AND (?3 IS NULL OR agent = ?3) \
             AND (?4 IS NULL OR created_at >= ?4) AND (?5 IS NULL OR created_at < ?5) \
             AND (?6 IS NULL OR (created_at, id) < (?6, ?7)) \
             ORDER BY created_at DESC, id DESC LIMIT ?8"
        )
    };
}

fn email(c: &mut Columns<'_, '_>) -> Result<EmailAddress, StoreError> {
    // An address is never written into an error.
    let raw: String = c.get()?;
    EmailAddress::parse(&raw).map_err(|_| corrupt("operator email", "<redacted>"))
}

fn operator_session(c: &mut Columns<'_, '_>) -> Result<OperatorSession, StoreError> {
    Ok(OperatorSession {
        token_hash: c.get()?,
        email: email(c)?,
        csrf_token: c.get()?,
        created_at: c.time()?,
        last_seen_at: c.time()?,
        expires_at: c.time()?,
    })
}

fn audit_entry(c: &mut Columns<'_, '_>) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at: c.time()?,
        id: c.get()?,
        operator: c.get()?,
        action: c.get()?,
        target: c.get()?,
    })
}

#[async_trait]
impl OperatorSessionStore for EmbeddedStore {
    #[tracing::instrument(skip_all)]
    async fn put_operator_session(&self, session: &OperatorSession) -> Result<(), StoreError> {
        let s = session.clone();
        self.change(
            "INSERT OR REPLACE INTO operator_sessions \
             (token_hash, email, csrf_token, created_at, last_seen_at, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                s.token_hash,
                s.email.as_str().to_owned(),
                s.csrf_token,
                millis(s.created_at),
                millis(s.last_seen_at),
                millis(s.expires_at),
            ),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all)]
    async fn get_operator_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<OperatorSession>, StoreError> {
        self.select_one(
            "SELECT token_hash, email, csrf_token, created_at, last_seen_at, expires_at \
             FROM operator_sessions WHERE token_hash = ?1 AND expires_at > ?2",
            (token_hash.to_owned(), millis(now)),
            operator_session,
        )
        .await
    }

    #[tracing::instrument(skip_all)]
    async fn touch_operator_session(
        &self,
        token_hash: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.change(
            "UPDATE operator_sessions SET last_seen_at = MAX(last_seen_at, ?2) \
             WHERE token_hash = ?1",
            (token_hash.to_owned(), millis(at)),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all)]
    async fn delete_operator_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.change(
            "DELETE FROM operator_sessions WHERE token_hash = ?1",
            (token_hash.to_owned(),),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all)]
    async fn put_login_link(&self, link: &LoginLink) -> Result<(), StoreError> {
        self.change(
            "INSERT OR REPLACE INTO login_links (token_hash, email, expires_at) \
             VALUES (?1, ?2, ?3)",
            (
                link.token_hash.clone(),
                link.email.as_str().to_owned(),
                millis(link.expires_at),
            ),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all)]
    async fn take_login_link(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<LoginLink>, StoreError> {
        let token_hash = token_hash.to_owned();
        let now = millis(now);
        // One write on the store's thread: the read and the delete cannot interleave with
        // another caller's.
        self.write(move |conn| {
            let link = query_opt(
                conn,
                "SELECT token_hash, email, expires_at FROM login_links \
                 WHERE token_hash = ?1 AND expires_at > ?2",
                params![token_hash, now],
                |c| {
                    Ok(LoginLink {
                        token_hash: c.get()?,
                        email: email(c)?,
                        expires_at: c.time()?,
                    })
                },
            )?;
            execute(
                conn,
                "DELETE FROM login_links WHERE token_hash = ?1",
                params![token_hash],
            )?;
            Ok(link)
        })
        .await
    }
}

#[async_trait]
impl AuditStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn append_audit(
        &self,
        account: &AccountId,
        entry: &AuditEntry,
        expires_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let e = entry.clone();
        self.change(
            "INSERT INTO audit_log (account, at, id, operator, action, target, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            (
                account.to_string(),
                millis(e.at),
                e.id,
                e.operator,
                e.action,
                e.target,
                millis(expires_at),
            ),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_audit(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<AuditEntry, String>, StoreError> {
        let page = NewestFirst::new(account, after, limit)?;
        let entries = self
            .select_all(
                "SELECT at, id, operator, action, target FROM audit_log \
                 WHERE account = ?1 AND expires_at > ?2 \
                 AND (?3 IS NULL OR (at, id) < (?3, ?4)) \
                 ORDER BY at DESC, id DESC LIMIT ?5",
                (
                    account.to_string(),
                    millis(now()),
                    page.after_ms,
                    page.after_id.clone(),
                    page.fetch(),
                ),
                audit_entry,
            )
            .await?;
        Ok(page.page(entries, |last| (last.at, &last.id)))
    }
}

#[async_trait]
impl AccountListingStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_account_sessions(
        &self,
        account: &AccountId,
        filter: &ConversationFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<Session, String>, StoreError> {
        let page = NewestFirst::new(account, after, limit)?;
        let statement = match filter.flag {
            None => account_sessions_query!("sessions_by_account", "1 = 1"),
            Some(SessionFlag::NotHelpful) => {
                account_sessions_query!("sessions_not_helpful", "not_helpful_count > 0")
            }
            Some(SessionFlag::NoSources) => {
                account_sessions_query!("sessions_no_sources", "no_sources = 1")
            }
            Some(SessionFlag::Extractive) => {
                account_sessions_query!("sessions_extractive", "extractive = 1")
            }
            Some(SessionFlag::PersonAsked) => {
                account_sessions_query!("sessions_person_asked", "handoff_requested_at IS NOT NULL")
            }
            Some(SessionFlag::HasLead) => {
                account_sessions_query!("sessions_has_lead", "profile_id IS NOT NULL")
            }
        };
        let sessions = self
            .select_all(
                statement,
                (
                    account.to_string(),
                    millis(now()),
                    filter.agent.as_ref().map(ToString::to_string),
                    filter.from.map(millis),
                    filter.to.map(millis),
                    page.after_ms,
                    page.after_id.clone(),
                    page.fetch(),
                ),
                session,
            )
            .await?;
        Ok(page.page(sessions, |last| (last.created_at, last.id.as_str())))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_profiles(
        &self,
        account: &AccountId,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<VisitorProfile, String>, StoreError> {
        let page = NewestFirst::new(account, after, limit)?;
        let profiles = self
            .select_all(
                concat!(
                    "SELECT id, name, email, phone, company, interests, verified_at, created_at, \
                     updated_at FROM profiles WHERE account = ?1 AND ",
                    live!(2),
                    " AND (?3 IS NULL OR (created_at, id) < (?3, ?4)) \
                     ORDER BY created_at DESC, id DESC LIMIT ?5"
                ),
                (
                    account.to_string(),
                    millis(now()),
                    page.after_ms,
                    page.after_id.clone(),
                    page.fetch(),
                ),
                profile,
            )
            .await?;
        Ok(page.page(profiles, |last| (last.created_at, last.id.as_str())))
    }
}
