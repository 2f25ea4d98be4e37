//! Visitor profiles and their links (`ProfileStore`): `profiles`, `profile_sessions`,
//! `visitor_profiles`, `email_claims` and `email_mentions`. Every check-then-write runs as
//! one write on the store's SQLite thread, so concurrent callers queue and see each
//! other's result.

use async_trait::async_trait;
use rusqlite::params;

use super::EmbeddedStore;
use super::rows::{Columns, corrupt, execute, json, millis, query_all, query_opt};
use crate::domain::{AccountId, EmailAddress, SessionId, VisitorId};
use crate::ports::StoreError;
use crate::ports::crm::{EmailHash, ProfileId, ProfileStore, VisitorProfile};

/// Reads a row of `id, name, email, phone, company, interests, verified_at, created_at,
/// updated_at`.
fn profile(c: &mut Columns<'_, '_>) -> Result<VisitorProfile, StoreError> {
    Ok(VisitorProfile {
        id: c.parsed("profile id", |r| ProfileId::parse(r).ok())?,
        name: c.get()?,
        // An address is never written into an error.
        email: c
            .get::<Option<String>>()?
            .map(|e| EmailAddress::parse(&e).map_err(|_| corrupt("email", "<redacted>")))
            .transpose()?,
        phone: c.get()?,
        company: c.get()?,
        interests: c.json("interests")?,
        verified_at: c.opt_time()?,
        created_at: c.time()?,
        updated_at: c.time()?,
    })
}

fn profile_id(c: &mut Columns<'_, '_>) -> Result<ProfileId, StoreError> {
    c.parsed("profile id", |r| ProfileId::parse(r).ok())
}

/// The (account, one key) strings of a call, owned for the store's thread.
fn owned(account: &AccountId, key: &str) -> (String, String) {
    (account.to_string(), key.to_owned())
}

#[async_trait]
impl ProfileStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, profile = %id))]
    async fn get_profile(
        &self,
        account: &AccountId,
        id: &ProfileId,
    ) -> Result<VisitorProfile, StoreError> {
        let (account, id) = owned(account, id.as_str());
        self.read(move |conn| {
            query_opt(
                conn,
                "SELECT id, name, email, phone, company, interests, verified_at, created_at, updated_at \
                 FROM profiles WHERE account = ?1 AND id = ?2",
                params![account, id],
                profile,
            )?
            .ok_or(StoreError::NotFound("profile"))
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile.id))]
    async fn put_profile(
        &self,
        account: &AccountId,
        profile: &VisitorProfile,
    ) -> Result<(), StoreError> {
        let (account, p) = (account.to_string(), profile.clone());
        let interests = json(&p.interests)?;
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO profiles (account, id, name, email, phone, company, interests, verified_at, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
                 ON CONFLICT (account, id) DO UPDATE SET name = excluded.name, email = excluded.email, \
                 phone = excluded.phone, company = excluded.company, interests = excluded.interests, \
                 verified_at = excluded.verified_at, updated_at = excluded.updated_at",
                params![
                    account,
                    p.id.as_str(),
                    p.name,
                    p.email.as_ref().map(EmailAddress::as_str),
                    p.phone,
                    p.company,
                    interests,
                    p.verified_at.map(millis),
                    millis(p.created_at),
                    millis(p.updated_at),
                ],
            )
            .map(|_| ())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile, session = %session))]
    async fn link_session(
        &self,
        account: &AccountId,
        profile: &ProfileId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        let (account, profile) = owned(account, profile.as_str());
        let session = session.to_string();
        self.write(move |conn| {
            let updated = execute(
                conn,
                "UPDATE sessions SET profile_id = ?3 WHERE account = ?1 AND id = ?2",
                params![account, session, profile],
            )?;
            if updated == 0 {
                return Err(StoreError::NotFound("session"));
            }
            execute(
                conn,
                "INSERT INTO profile_sessions (account, profile, session) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![account, profile, session],
            )
            .map(|_| ())
        })
        .await
    }

    async fn profile_sessions(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<SessionId>, StoreError> {
        let (account, profile) = owned(account, profile.as_str());
        self.read(move |conn| {
            query_all(
                conn,
                "SELECT session FROM profile_sessions WHERE account = ?1 AND profile = ?2 ORDER BY session",
                params![account, profile],
                |c| c.parsed("session id", |r| SessionId::parse(r).ok()),
            )
        })
        .await
    }

    async fn claim_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<ProfileId, StoreError> {
        let (account, email) = owned(account, email.as_str());
        let profile = profile.to_string();
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO email_claims (account, email_hash, profile) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![account, email, profile],
            )?;
            query_opt(
                conn,
                "SELECT profile FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                params![account, email],
                profile_id,
            )?
            .ok_or_else(|| StoreError::fatal(anyhow::anyhow!("an email claim vanished")))
        })
        .await
    }

    async fn email_owner(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Option<ProfileId>, StoreError> {
        let (account, email) = owned(account, email.as_str());
        self.read(move |conn| {
            query_opt(
                conn,
                "SELECT profile FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                params![account, email],
                profile_id,
            )
        })
        .await
    }

    async fn mention_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let (account, email) = owned(account, email.as_str());
        let profile = profile.to_string();
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO email_mentions (account, email_hash, profile) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![account, email, profile],
            )
            .map(|_| ())
        })
        .await
    }

    async fn email_mentions(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Vec<ProfileId>, StoreError> {
        let (account, email) = owned(account, email.as_str());
        self.read(move |conn| {
            query_all(
                conn,
                "SELECT profile FROM email_mentions WHERE account = ?1 AND email_hash = ?2 ORDER BY profile",
                params![account, email],
                profile_id,
            )
        })
        .await
    }

    async fn link_visitor(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let (account, visitor) = owned(account, visitor.as_str());
        let profile = profile.to_string();
        self.write(move |conn| {
            execute(
                conn,
                "INSERT INTO visitor_profiles (account, visitor, profile) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (account, visitor) DO UPDATE SET profile = excluded.profile",
                params![account, visitor, profile],
            )
            .map(|_| ())
        })
        .await
    }

    async fn visitor_profile(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
    ) -> Result<Option<ProfileId>, StoreError> {
        let (account, visitor) = owned(account, visitor.as_str());
        self.read(move |conn| {
            query_opt(
                conn,
                "SELECT profile FROM visitor_profiles WHERE account = ?1 AND visitor = ?2",
                params![account, visitor],
                profile_id,
            )
        })
        .await
    }

    async fn profile_visitors(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<VisitorId>, StoreError> {
        let (account, profile) = owned(account, profile.as_str());
        self.read(move |conn| {
            query_all(
                conn,
                "SELECT visitor FROM visitor_profiles WHERE account = ?1 AND profile = ?2 ORDER BY visitor",
                params![account, profile],
                |c| c.parsed("visitor id", |r| VisitorId::parse(r).ok()),
            )
        })
        .await
    }
}
