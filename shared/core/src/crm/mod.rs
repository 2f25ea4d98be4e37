//! The light CRM: who the visitor is. A session links to at most one profile; a profile
//! becomes verified only through a one-time code, and a verified profile attaches to the
//! visitor's later sessions on that account (through the visitor link written at
//! verification, resolved by [`profile_for_session`]).

pub mod data_rights;
pub mod profile_tool;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::{EmailAddress, EmailHash, ProfileId, Session, VisitorProfile};
use crate::ports::StoreError;
use crate::ports::crm::{ErasureStore, ProfileStore};
use crate::ports::rollups::{RollupDelta, counter};

pub use profile_tool::{
    PROFILE_TOOL_NAME, ProfileToolError, ProfileUpdate, apply_profile_tool, profile_tool_schema,
};

/// The profile card the API shows for a session.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProfileCard {
    /// Name.
    pub name: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Interests.
    pub interests: Vec<String>,
    /// Whether the email was proven with a code.
    pub verified: bool,
    /// When it was.
    pub verified_at: Option<DateTime<Utc>>,
}

impl From<&VisitorProfile> for ProfileCard {
    fn from(p: &VisitorProfile) -> Self {
        Self {
            name: p.name.clone(),
            email: p.email.as_ref().map(ToString::to_string),
            phone: p.phone.clone(),
            company: p.company.clone(),
            interests: p.interests.clone(),
            verified: p.is_verified(),
            verified_at: p.verified_at,
        }
    }
}

/// An item read by an id that was listed or linked earlier: `None` when it has gone since.
fn unless_gone<T>(read: Result<T, StoreError>) -> Result<Option<T>, StoreError> {
    match read {
        Ok(item) => Ok(Some(item)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(err) => Err(err),
    }
}

/// The profile of a session: the one it links to, else the verified profile its visitor
/// was linked to at an earlier verification (which is then linked to this session too).
pub async fn profile_for_session(
    profiles: &dyn ProfileStore,
    session: &Session,
) -> Result<Option<VisitorProfile>, StoreError> {
    let account = &session.account;
    if let Some(raw) = &session.profile_id
        && let Ok(id) = ProfileId::parse(raw)
        && let Some(profile) = unless_gone(profiles.get_profile(account, &id).await)?
    {
        return Ok(Some(profile));
    }
    let Some(id) = profiles.visitor_profile(account, &session.visitor).await? else {
        return Ok(None);
    };
    let Some(profile) = unless_gone(profiles.get_profile(account, &id).await)? else {
        return Ok(None);
    };
    profiles.link_session(account, &id, &session.id).await?;
    tracing::info!(account = %account, session = %session.id, profile = %id, "verified profile attached to a later session");
    Ok(Some(profile))
}

fn merge_into(profile: &mut VisitorProfile, update: &ProfileUpdate, max_interests: usize) {
    if let Some(name) = &update.name {
        profile.name = Some(name.clone());
    }
    if let Some(phone) = &update.phone {
        profile.phone = Some(phone.clone());
    }
    if let Some(company) = &update.company {
        profile.company = Some(company.clone());
    }
    // A verified address is only changed by verifying another one.
    if let Some(email) = &update.email
        && !profile.is_verified()
    {
        profile.email = Some(email.clone());
    }
    for interest in &update.interests {
        if profile.interests.len() < max_interests && !profile.interests.contains(interest) {
            profile.interests.push(interest.clone());
        }
    }
}

/// Stores what a profile tool call said about the session's visitor: into the session's
/// profile, creating and linking one on first use. This is what the turn engine calls after
/// [`apply_profile_tool`] accepted a call's arguments.
pub async fn save_profile_update(
    profiles: &dyn ProfileStore,
    session: &Session,
    update: &ProfileUpdate,
    max_interests: usize,
    now: DateTime<Utc>,
) -> Result<VisitorProfile, StoreError> {
    let existing = profile_for_session(profiles, session).await?;
    let is_new = existing.is_none();
    let mut profile = existing.unwrap_or_else(|| VisitorProfile::new(now));
    merge_into(&mut profile, update, max_interests);
    profile.updated_at = now;
    profiles.put_profile(&session.account, &profile).await?;
    if is_new {
        profiles
            .link_session(&session.account, &profile.id, &session.id)
            .await?;
    }
    if let Some(email) = &profile.email {
        profiles
            .mention_email(&session.account, &EmailHash::of(email), &profile.id)
            .await?;
    }
    tracing::info!(account = %session.account, session = %session.id, profile = %profile.id, "visitor profile updated");
    Ok(profile)
}

/// Marks `email` verified for the session's visitor (after a right code): the address's
/// existing profile on the account if it has one (the session's own details merged into
/// it), else the session's profile (or a new one). Links the session and the visitor to it.
pub async fn verify_email(
    profiles: &dyn ProfileStore,
    erasure: &dyn ErasureStore,
    rollups: &dyn crate::ports::rollups::RollupStore,
    session: &Session,
    email: &EmailAddress,
    max_interests: usize,
    now: DateTime<Utc>,
) -> Result<VisitorProfile, StoreError> {
    let account = &session.account;
    let hash = EmailHash::of(email);
    let current = profile_for_session(profiles, session).await?;
    let owner = profiles.email_owner(account, &hash).await?;
    let mut profile = match (owner, current) {
        (Some(owner), current) => {
            let mut profile = profiles.get_profile(account, &owner).await?;
            if let Some(current) = current.filter(|c| c.id != owner) {
                let details = ProfileUpdate {
                    name: current.name.clone(),
                    email: None,
                    phone: current.phone.clone(),
                    company: current.company.clone(),
                    interests: current.interests.clone(),
                };
                merge_into(&mut profile, &details, max_interests);
                // The unverified profile's sessions move to the verified one; it goes.
                for session_id in profiles.profile_sessions(account, &current.id).await? {
                    profiles.link_session(account, &owner, &session_id).await?;
                }
                erasure.delete_profile(account, &current.id).await?;
            }
            profile
        }
        (None, current) => {
            // The address is verified for the first time: a verified lead, and a captured
            // one too when the session had no profile yet. Counted once the claim is won.
            let mut counted = RollupDelta::new().add(counter::LEADS_VERIFIED, 1);
            if current.is_none() {
                counted = counted.add(counter::LEADS_CAPTURED, 1);
            }
            let mut profile = current.unwrap_or_else(|| VisitorProfile::new(now));
            profile.email = Some(email.clone());
            profile.verified_at = Some(now);
            profile.updated_at = now;
            profiles.put_profile(account, &profile).await?;
            let winner = profiles.claim_email(account, &hash, &profile.id).await?;
            if winner != profile.id {
                // Another session verified the same address at the same moment: join it.
                return Box::pin(verify_email(
                    profiles,
                    erasure,
                    rollups,
                    session,
                    email,
                    max_interests,
                    now,
                ))
                .await;
            }
            crate::rollups::record(rollups, account, &session.agent, now, counted).await;
            profile
        }
    };
    profile.email = Some(email.clone());
    profile.verified_at = profile.verified_at.or(Some(now));
    profile.updated_at = now;
    profiles.put_profile(account, &profile).await?;
    profiles.mention_email(account, &hash, &profile.id).await?;
    profiles
        .link_session(account, &profile.id, &session.id)
        .await?;
    profiles
        .link_visitor(account, &session.visitor, &profile.id)
        .await?;
    tracing::info!(account = %account, session = %session.id, profile = %profile.id, "email verified");
    Ok(profile)
}
