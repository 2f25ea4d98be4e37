//! The light CRM in the embedded SQLite store: `profiles`, `profile_sessions`,
//! `visitor_profiles`, `email_claims`, `otp_challenges`, `rate_counters` and `email_events`,
//! every primary key starting with the account, as in the DynamoDB design. Every
//! check-then-write runs as one write on the store's SQLite thread (its own savepoint inside
//! the batch's `BEGIN IMMEDIATE` transaction), so concurrent callers queue and see each
//! other's result.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::embedded::{
    EmbeddedStore, corrupt, from_millis, millis, read_session_row, session_columns,
    session_from_row, sql,
};
use crate::domain::{AccountId, EmailAddress, Session, SessionId, SummaryStatus, VisitorId};
use crate::ports::StoreError;
use crate::ports::crm::{
    EmailEvent, EmailEventStore, EmailHash, EmailStatus, EmailTrigger, ErasureStore, OtpChallenge,
    OtpFailure, OtpKey, OtpStore, ProfileId, ProfileStore, RateLimitStore, SendClaim,
    VisitorProfile,
};

type ProfileRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
    i64,
    i64,
);

fn profile_from_row(row: ProfileRow) -> Result<VisitorProfile, StoreError> {
    let (id, name, email, phone, company, interests, verified, created, updated) = row;
    Ok(VisitorProfile {
        id: ProfileId::parse(&id).map_err(|_| corrupt("profile id", &id))?,
        name,
        email: email
            .map(|e| EmailAddress::parse(&e).map_err(|_| corrupt("email", "<redacted>")))
            .transpose()?,
        phone,
        company,
        interests: serde_json::from_str(&interests)
            .map_err(|_| corrupt("interests", &interests))?,
        verified_at: verified.map(from_millis).transpose()?,
        created_at: from_millis(created)?,
        updated_at: from_millis(updated)?,
    })
}

type EventRow = (
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    i64,
    i64,
);

const EVENT_COLUMNS: &str =
    "session, trigger, status, attempts, provider_message_id, error, created_at, updated_at";

fn event_from_row(row: EventRow) -> Result<EmailEvent, StoreError> {
    let (session, trigger, status, attempts, message_id, error, created, updated) = row;
    Ok(EmailEvent {
        session: SessionId::parse(&session).map_err(|_| corrupt("session id", &session))?,
        trigger: EmailTrigger::parse(&trigger).ok_or_else(|| corrupt("trigger", &trigger))?,
        status: EmailStatus::parse(&status).ok_or_else(|| corrupt("email status", &status))?,
        attempts: u32::try_from(attempts)
            .map_err(|_| corrupt("attempts", &attempts.to_string()))?,
        provider_message_id: message_id,
        error,
        created_at: from_millis(created)?,
        updated_at: from_millis(updated)?,
    })
}

fn read_event_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn summary_status_of(status: EmailStatus) -> SummaryStatus {
    match status {
        EmailStatus::Sent => SummaryStatus::Sent,
        EmailStatus::Failed => SummaryStatus::Failed,
        EmailStatus::Sending => SummaryStatus::Pending,
    }
}

#[async_trait]
impl ProfileStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, profile = %id))]
    async fn get_profile(
        &self,
        account: &AccountId,
        id: &ProfileId,
    ) -> Result<VisitorProfile, StoreError> {
        let (account, id) = (account.to_string(), id.to_string());
        self.read(move |conn| {
            let row: ProfileRow = conn
                .query_row(
                    "SELECT id, name, email, phone, company, interests, verified_at, created_at, updated_at \
                     FROM profiles WHERE account = ?1 AND id = ?2",
                    params![account, id],
                    |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get(7)?,
                            r.get(8)?,
                        ))
                    },
                )
                .optional()
                .map_err(sql)?
                .ok_or(StoreError::NotFound("profile"))?;
            profile_from_row(row)
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
        let interests = serde_json::to_string(&p.interests).map_err(StoreError::fatal)?;
        self.write(move |conn| {
            conn.execute(
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
            .map_err(sql)?;
            Ok(())
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
        let (account, profile, session) = (
            account.to_string(),
            profile.to_string(),
            session.to_string(),
        );
        self.write(move |conn| {
            let updated = conn
                .execute(
                    "UPDATE sessions SET profile_id = ?3 WHERE account = ?1 AND id = ?2",
                    params![account, session, profile],
                )
                .map_err(sql)?;
            if updated == 0 {
                return Err(StoreError::NotFound("session"));
            }
            conn.execute(
                "INSERT INTO profile_sessions (account, profile, session) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![account, profile, session],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn profile_sessions(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<SessionId>, StoreError> {
        let (account, profile) = (account.to_string(), profile.to_string());
        self.read(move |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT session FROM profile_sessions WHERE account = ?1 AND profile = ?2 ORDER BY session",
                )
                .map_err(sql)?;
            let rows = stmt
                .query_map(params![account, profile], |r| r.get::<_, String>(0))
                .map_err(sql)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql)?;
            rows.iter()
                .map(|s| SessionId::parse(s).map_err(|_| corrupt("session id", s)))
                .collect()
        })
        .await
    }

    async fn claim_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<ProfileId, StoreError> {
        let (account, email, profile) = (
            account.to_string(),
            email.as_str().to_owned(),
            profile.to_string(),
        );
        self.write(move |conn| {
            conn.execute(
                "INSERT INTO email_claims (account, email_hash, profile) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![account, email, profile],
            )
            .map_err(sql)?;
            let owner: String = conn
                .query_row(
                    "SELECT profile FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                    params![account, email],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            ProfileId::parse(&owner).map_err(|_| corrupt("profile id", &owner))
        })
        .await
    }

    async fn email_owner(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Option<ProfileId>, StoreError> {
        let (account, email) = (account.to_string(), email.as_str().to_owned());
        self.read(move |conn| {
            let owner: Option<String> = conn
                .query_row(
                    "SELECT profile FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                    params![account, email],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql)?;
            owner
                .map(|o| ProfileId::parse(&o).map_err(|_| corrupt("profile id", &o)))
                .transpose()
        })
        .await
    }

    async fn mention_email(
        &self,
        account: &AccountId,
        email: &EmailHash,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let (account, email, profile) = (
            account.to_string(),
            email.as_str().to_owned(),
            profile.to_string(),
        );
        self.write(move |conn| {
            conn.execute(
                "INSERT INTO email_mentions (account, email_hash, profile) VALUES (?1, ?2, ?3) \
                 ON CONFLICT DO NOTHING",
                params![account, email, profile],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn email_mentions(
        &self,
        account: &AccountId,
        email: &EmailHash,
    ) -> Result<Vec<ProfileId>, StoreError> {
        let (account, email) = (account.to_string(), email.as_str().to_owned());
        self.read(move |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT profile FROM email_mentions WHERE account = ?1 AND email_hash = ?2 ORDER BY profile",
                )
                .map_err(sql)?;
            let rows = stmt
                .query_map(params![account, email], |r| r.get::<_, String>(0))
                .map_err(sql)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql)?;
            rows.iter()
                .map(|p| ProfileId::parse(p).map_err(|_| corrupt("profile id", p)))
                .collect()
        })
        .await
    }

    async fn link_visitor(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let (account, visitor, profile) = (
            account.to_string(),
            visitor.to_string(),
            profile.to_string(),
        );
        self.write(move |conn| {
            conn.execute(
                "INSERT INTO visitor_profiles (account, visitor, profile) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (account, visitor) DO UPDATE SET profile = excluded.profile",
                params![account, visitor, profile],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn visitor_profile(
        &self,
        account: &AccountId,
        visitor: &VisitorId,
    ) -> Result<Option<ProfileId>, StoreError> {
        let (account, visitor) = (account.to_string(), visitor.to_string());
        self.read(move |conn| {
            let profile: Option<String> = conn
                .query_row(
                    "SELECT profile FROM visitor_profiles WHERE account = ?1 AND visitor = ?2",
                    params![account, visitor],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql)?;
            profile
                .map(|p| ProfileId::parse(&p).map_err(|_| corrupt("profile id", &p)))
                .transpose()
        })
        .await
    }

    async fn profile_visitors(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<Vec<VisitorId>, StoreError> {
        let (account, profile) = (account.to_string(), profile.to_string());
        self.read(move |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT visitor FROM visitor_profiles WHERE account = ?1 AND profile = ?2 ORDER BY visitor",
                )
                .map_err(sql)?;
            let rows = stmt
                .query_map(params![account, profile], |r| r.get::<_, String>(0))
                .map_err(sql)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql)?;
            rows.iter()
                .map(|v| VisitorId::parse(v).map_err(|_| corrupt("visitor id", v)))
                .collect()
        })
        .await
    }
}

fn otp_params(account: &AccountId, key: &OtpKey) -> (String, String, &'static str, String) {
    (
        account.to_string(),
        key.email.as_str().to_owned(),
        key.purpose.as_str(),
        key.visitor.to_string(),
    )
}

#[async_trait]
impl OtpStore for EmbeddedStore {
    async fn put_otp(
        &self,
        account: &AccountId,
        challenge: &OtpChallenge,
    ) -> Result<(), StoreError> {
        let (account, email, purpose, visitor) = otp_params(account, &challenge.key);
        let c = challenge.clone();
        self.write(move |conn| {
            conn.execute(
                "INSERT OR REPLACE INTO otp_challenges (account, email_hash, purpose, visitor, code_hash, \
                 attempts, max_attempts, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    account,
                    email,
                    purpose,
                    visitor,
                    c.code_hash,
                    c.attempts,
                    c.max_attempts,
                    millis(c.expires_at),
                    millis(c.created_at),
                ],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn get_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
    ) -> Result<Option<OtpChallenge>, StoreError> {
        let (account, email, purpose, visitor) = otp_params(account, key);
        let key = key.clone();
        self.read(move |conn| {
            let row: Option<(String, u32, u32, i64, i64)> = conn
                .query_row(
                    "SELECT code_hash, attempts, max_attempts, expires_at, created_at FROM otp_challenges \
                     WHERE account = ?1 AND email_hash = ?2 AND purpose = ?3 AND visitor = ?4",
                    params![account, email, purpose, visitor],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .optional()
                .map_err(sql)?;
            row.map(|(code_hash, attempts, max_attempts, expires, created)| {
                Ok(OtpChallenge {
                    key,
                    code_hash,
                    attempts,
                    max_attempts,
                    expires_at: from_millis(expires)?,
                    created_at: from_millis(created)?,
                })
            })
            .transpose()
        })
        .await
    }

    async fn fail_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
        now: DateTime<Utc>,
    ) -> Result<OtpFailure, StoreError> {
        let (account, email, purpose, visitor) = otp_params(account, key);
        self.read(move |conn| {
            let attempts: Option<u32> = conn
                .query_row(
                    "UPDATE otp_challenges SET attempts = attempts + 1 \
                     WHERE account = ?1 AND email_hash = ?2 AND purpose = ?3 AND visitor = ?4 \
                       AND attempts < max_attempts AND expires_at > ?5 RETURNING attempts",
                    params![account, email, purpose, visitor, millis(now)],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sql)?;
            Ok(attempts.map_or(OtpFailure::NoLiveChallenge, OtpFailure::Counted))
        })
        .await
    }

    async fn consume_otp(
        &self,
        account: &AccountId,
        key: &OtpKey,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let (account, email, purpose, visitor) = otp_params(account, key);
        let code_hash = code_hash.to_owned();
        self.write(move |conn| {
            let deleted = conn
                .execute(
                    "DELETE FROM otp_challenges \
                     WHERE account = ?1 AND email_hash = ?2 AND purpose = ?3 AND visitor = ?4 \
                       AND code_hash = ?5 AND attempts < max_attempts AND expires_at > ?6",
                    params![account, email, purpose, visitor, code_hash, millis(now)],
                )
                .map_err(sql)?;
            Ok(deleted == 1)
        })
        .await
    }
}

#[async_trait]
impl RateLimitStore for EmbeddedStore {
    async fn hit_rate(
        &self,
        account: &AccountId,
        subject: &str,
        window_start: DateTime<Utc>,
        window_secs: u32,
        limit: u32,
    ) -> Result<bool, StoreError> {
        let (account, subject) = (account.to_string(), subject.to_owned());
        let start = millis(window_start);
        let expires = start + i64::from(window_secs) * 2 * 1000;
        self.write(move |conn| {
            // Old windows are of no use once over; clean this subject's up as we go.
            conn.execute(
                "DELETE FROM rate_counters WHERE account = ?1 AND subject = ?2 AND expires_at < ?3",
                params![account, subject, start],
            )
            .map_err(sql)?;
            let counted = conn
                .execute(
                    "INSERT INTO rate_counters (account, subject, window_start, count, expires_at) \
                     VALUES (?1, ?2, ?3, 1, ?4) \
                     ON CONFLICT (account, subject, window_start) DO UPDATE SET count = count + 1 \
                     WHERE count < ?5",
                    params![account, subject, start, expires, limit],
                )
                .map_err(sql)?;
            Ok(counted == 1 && limit > 0)
        })
        .await
    }
}

#[async_trait]
impl EmailEventStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session, trigger = trigger.as_str()))]
    async fn claim_email_send(
        &self,
        account: &AccountId,
        session: &SessionId,
        trigger: EmailTrigger,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        max_attempts: u32,
    ) -> Result<SendClaim, StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.write(move |conn| {
                        let existing = conn
                .query_row(
                    &format!(
                        "SELECT {EVENT_COLUMNS} FROM email_events \
                         WHERE account = ?1 AND session = ?2 AND trigger = ?3"
                    ),
                    params![account, session, trigger.as_str()],
                    read_event_row,
                )
                .optional()
                .map_err(sql)?
                .map(event_from_row)
                .transpose()?;
            let claim = match existing {
                None => {
                    conn.execute(
                        "INSERT INTO email_events (account, session, trigger, status, attempts, created_at, updated_at) \
                         VALUES (?1, ?2, ?3, 'sending', 1, ?4, ?4)",
                        params![account, session, trigger.as_str(), millis(now)],
                    )
                    .map_err(sql)?;
                    SendClaim::Claimed { attempt: 1 }
                }
                Some(event) if event.status == EmailStatus::Sent => SendClaim::AlreadySent(event),
                Some(event)
                    if event.attempts < max_attempts
                        && (event.status == EmailStatus::Failed
                            || event.updated_at < stale_before) =>
                {
                    conn.execute(
                        "UPDATE email_events SET status = 'sending', attempts = attempts + 1, updated_at = ?4 \
                         WHERE account = ?1 AND session = ?2 AND trigger = ?3",
                        params![account, session, trigger.as_str(), millis(now)],
                    )
                    .map_err(sql)?;
                    SendClaim::Claimed {
                        attempt: event.attempts + 1,
                    }
                }
                Some(event) => SendClaim::Busy(event),
            };
            Ok(claim)
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, session = %event.session, trigger = event.trigger.as_str()))]
    async fn finish_email_send(
        &self,
        account: &AccountId,
        event: &EmailEvent,
    ) -> Result<(), StoreError> {
        let (account, e) = (account.to_string(), event.clone());
        self.write(move |conn| {
                        let updated = conn
                .execute(
                    "UPDATE email_events SET status = ?4, provider_message_id = ?5, error = ?6, updated_at = ?7 \
                     WHERE account = ?1 AND session = ?2 AND trigger = ?3",
                    params![
                        account,
                        e.session.as_str(),
                        e.trigger.as_str(),
                        e.status.as_str(),
                        e.provider_message_id,
                        e.error,
                        millis(e.updated_at),
                    ],
                )
                .map_err(sql)?;
            if updated == 0 {
                return Err(StoreError::NotFound("email event"));
            }
            // A sent summary stays sent whatever a later trigger's attempt does.
            conn.execute(
                "UPDATE sessions SET summary_status = ?3 \
                 WHERE account = ?1 AND id = ?2 AND summary_status <> 'sent'",
                params![
                    account,
                    e.session.as_str(),
                    summary_status_of(e.status).as_str()
                ],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    async fn email_events(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<Vec<EmailEvent>, StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.read(move |conn| {
            let mut stmt = conn
                .prepare_cached(&format!(
                    "SELECT {EVENT_COLUMNS} FROM email_events WHERE account = ?1 AND session = ?2 ORDER BY trigger"
                ))
                .map_err(sql)?;
            let rows = stmt
                .query_map(params![account, session], read_event_row)
                .map_err(sql)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql)?;
            rows.into_iter().map(event_from_row).collect()
        })
        .await
    }

    async fn idle_sessions(
        &self,
        account: &AccountId,
        idle_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Session>, StoreError> {
        let account = account.to_string();
        let limit = limit.clamp(1, crate::ports::MAX_PAGE_SIZE);
        self.read(move |conn| {
            let mut stmt = conn
                .prepare_cached(concat!(
                    "SELECT ",
                    session_columns!(),
                    " FROM sessions \
                     WHERE account = ?1 AND summary_status <> 'sent' AND last_active_at <= ?2 \
                       AND message_count > 0 \
                     ORDER BY last_active_at DESC, id DESC LIMIT ?3"
                ))
                .map_err(sql)?;
            let rows = stmt
                .query_map(
                    params![account, millis(idle_before), i64::from(limit)],
                    read_session_row,
                )
                .map_err(sql)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(sql)?;
            rows.into_iter().map(session_from_row).collect()
        })
        .await
    }
}

#[async_trait]
impl ErasureStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account, session = %session))]
    async fn delete_session_data(
        &self,
        account: &AccountId,
        session: &SessionId,
    ) -> Result<(), StoreError> {
        let (account, session) = (account.to_string(), session.to_string());
        self.write(move |conn| {
            for table in ["messages", "llm_requests", "email_events"] {
                conn.execute(
                    &format!("DELETE FROM {table} WHERE account = ?1 AND session = ?2"),
                    params![account, session],
                )
                .map_err(sql)?;
            }
            conn.execute(
                "DELETE FROM profile_sessions WHERE account = ?1 AND session = ?2",
                params![account, session],
            )
            .map_err(sql)?;
            conn.execute(
                "DELETE FROM sessions WHERE account = ?1 AND id = ?2",
                params![account, session],
            )
            .map_err(sql)?;
            Ok(())
        })
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account, profile = %profile))]
    async fn delete_profile(
        &self,
        account: &AccountId,
        profile: &ProfileId,
    ) -> Result<(), StoreError> {
        let (account, profile) = (account.to_string(), profile.to_string());
        self.write(move |conn| {
            for statement in [
                "DELETE FROM profile_sessions WHERE account = ?1 AND profile = ?2",
                "DELETE FROM visitor_profiles WHERE account = ?1 AND profile = ?2",
                "DELETE FROM email_claims WHERE account = ?1 AND profile = ?2",
                "DELETE FROM email_mentions WHERE account = ?1 AND profile = ?2",
                "DELETE FROM profiles WHERE account = ?1 AND id = ?2",
            ] {
                conn.execute(statement, params![account, profile])
                    .map_err(sql)?;
            }
            Ok(())
        })
        .await
    }

    async fn delete_email_data(
        &self,
        account: &AccountId,
        email: &EmailHash,
        rate_subjects: &[String],
    ) -> Result<(), StoreError> {
        let (account, email) = (account.to_string(), email.as_str().to_owned());
        let subjects = rate_subjects.to_vec();
        self.write(move |conn| {
            conn.execute(
                "DELETE FROM email_claims WHERE account = ?1 AND email_hash = ?2",
                params![account, email],
            )
            .map_err(sql)?;
            conn.execute(
                "DELETE FROM email_mentions WHERE account = ?1 AND email_hash = ?2",
                params![account, email],
            )
            .map_err(sql)?;
            conn.execute(
                "DELETE FROM otp_challenges WHERE account = ?1 AND email_hash = ?2",
                params![account, email],
            )
            .map_err(sql)?;
            for subject in subjects {
                conn.execute(
                    "DELETE FROM rate_counters WHERE account = ?1 AND subject = ?2",
                    params![account, subject],
                )
                .map_err(sql)?;
            }
            Ok(())
        })
        .await
    }
}
