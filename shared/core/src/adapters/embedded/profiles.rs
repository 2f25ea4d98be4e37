//! Visitor profiles and their links (`ProfileStore`): `profiles`, `profile_sessions`,
//! `visitor_profiles`, `email_claims` and `email_mentions`. Every check-then-write runs as
//! one write on the store's SQLite thread, so concurrent callers queue and see each
//! other's result. Every row expires a retention period after it was last written; an
//! expired row is found by no read, and an expired claim is taken over by the next one.

use async_trait::async_trait;
use rusqlite::params;

use super::rows::{Columns, corrupt, execute, json, millis, query_opt};
use super::{EmbeddedStore, live};
use crate::domain::{AccountId, EmailAddress, SessionId, VisitorId, now};
use crate::ports::StoreError;
use crate::ports::crm::{EmailHash, ProfileId, ProfileStore, VisitorProfile};

/// Reads a row of `id, name, email, phone, company, interests, verified_at, created_at,
/// updated_at`.
pub(super) fn profile(c: &mut Columns<'_, '_>) -> Result<VisitorProfile, StoreError> {
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

/// The profile that owns an address (`?3`: now).
const EMAIL_OWNER: &str = concat!(
    "SELECT profile FROM email_claims WHERE account = ?1 AND email_hash = ?2 AND ",
    live!(3)
);

fn profile_id(c: &mut Columns<'_, '_>) -> Result<ProfileId, StoreError> {
    c.parsed("profile id", |r| ProfileId::parse(r).ok())
}

#[async_trait]
impl ProfileStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, profile = %id))]
    async fn get_profile(
        &self,
        account: &AccountId,
        id: &ProfileId,
    ) -> Result<VisitorProfile, StoreError> {
        self.select_one(
            concat!(
                "SELECT id, name, email, phone, company, interests, verified_at, created_at, updated_at \
                 FROM profiles WHERE account = ?1 AND id = ?2 AND ",
                live!(3)
            ),
            (account.to_string(), id.to_string(), millis(now())),
            profile,
        )
        .await?
        .ok_or(StoreError::NotFound("profile"))
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile.id))]
    async fn put_profile(
        &self,
        account: &AccountId,
        profile: &VisitorProfile,
    ) -> Result<(), StoreError> {
        let p = profile;
        let expires_at = self.expires_at(account, p.updated_at);
        self.change(
            "INSERT INTO profiles (account, id, name, email, phone, company, interests, verified_at, created_at, updated_at, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) \
             ON CONFLICT (account, id) DO UPDATE SET name = excluded.name, email = excluded.email, \
             phone = excluded.phone, company = excluded.company, interests = excluded.interests, \
             verified_at = excluded.verified_at, updated_at = excluded.updated_at, \
             expires_at = excluded.expires_at",
            (
                account.to_string(),
                p.id.to_string(),
                p.name.clone(),
                p.email.as_ref().map(|e| e.as_str().to_owned()),
                p.phone.clone(),
                p.company.clone(),
                json(&p.interests)?,
                p.verified_at.map(millis),
                millis(p.created_at),
                millis(p.updated_at),
                expires_at,
            ),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile, session = %session))]
    async fn link_session(
        &self,
        account: &AccountId,
        profile: &ProfileId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        let expires_at = self.expires_at(account, now());
        let (account, profile, session) = (
            account.to_string(),
            profile.to_string(),
            session.to_string(),
        );
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
                "INSERT INTO profile_sessions (account, profile, session, expires_at) \
                 VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT DO UPDATE SET expires_at = excluded.expires_at",
                params![account, profile, session, expires_at],
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
        self.select_all(
            concat!(
                "SELECT session FROM profile_sessions WHERE account = ?1 AND profile = ?2 AND ",
                live!(3),
                " ORDER BY session"
            ),
            (account.to_string(), profile.to_string(), millis(now())),
            |c| c.parsed("session id", |r| SessionId::parse(r).ok()),
        )
        .await
    }

    async fn claim_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<ProfileId, StoreError> {
        let at = now();
        let expires_at = self.expires_at(account, at);
        let now = millis(at);
        let (account, email, profile) = (
            account.to_string(),
            email.as_str().to_owned(),
            profile.to_string(),
        );
        self.write(move |conn| {
            // A live claim stays; an expired one not swept yet is taken over.
            execute(
                conn,
                "INSERT INTO email_claims (account, email_hash, profile, expires_at) \
                 VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT DO UPDATE SET profile = excluded.profile, expires_at = excluded.expires_at \
                 WHERE email_claims.expires_at IS NOT NULL AND email_claims.expires_at <= ?5",
                params![account, email, profile, expires_at, now],
            )?;
            query_opt(conn, EMAIL_OWNER, params![account, email, now], profile_id)?
                .ok_or_else(|| StoreError::fatal(anyhow::anyhow!("an email claim vanished")))
        })
        .await
    }

    async fn email_owner(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Option<ProfileId>, StoreError> {
        self.select_one(
            EMAIL_OWNER,
            (
                account.to_string(),
                email.as_str().to_owned(),
                millis(now()),
            ),
            profile_id,
        )
        .await
    }

    async fn mention_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO email_mentions (account, email_hash, profile, expires_at) \
             VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET expires_at = excluded.expires_at",
            (
                account.to_string(),
                email.as_str().to_owned(),
                profile.to_string(),
                self.expires_at(account, now()),
            ),
        )
        .await
        .map(|_| ())
    }

    async fn email_mentions(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Vec<ProfileId>, StoreError> {
        self.select_all(
            concat!(
                "SELECT profile FROM email_mentions WHERE account = ?1 AND email_hash = ?2 AND ",
                live!(3),
                " ORDER BY profile"
            ),
            (
                account.to_string(),
                email.as_str().to_owned(),
                millis(now()),
            ),
            profile_id,
        )
        .await
    }

    async fn link_visitor(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        self.change(
            "INSERT INTO visitor_profiles (account, visitor, profile, expires_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (account, visitor) DO UPDATE SET profile = excluded.profile, \
             expires_at = excluded.expires_at",
            (
                account.to_string(),
                visitor.to_string(),
                profile.to_string(),
                self.expires_at(account, now()),
            ),
        )
        .await
        .map(|_| ())
    }

    async fn visitor_profile(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
    ) -> Result<Option<ProfileId>, StoreError> {
        self.select_one(
            concat!(
                "SELECT profile FROM visitor_profiles WHERE account = ?1 AND visitor = ?2 AND ",
                live!(3)
            ),
            (account.to_string(), visitor.to_string(), millis(now())),
            profile_id,
        )
        .await
    }

    async fn profile_visitors(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<VisitorId>, StoreError> {
        self.select_all(
            concat!(
                "SELECT visitor FROM visitor_profiles WHERE account = ?1 AND profile = ?2 AND ",
                live!(3),
                " ORDER BY visitor"
            ),
            (account.to_string(), profile.to_string(), millis(now())),
            |c| c.parsed("visitor id", |r| VisitorId::parse(r).ok()),
        )
        .await
    }
}
