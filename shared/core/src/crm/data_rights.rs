//! A visitor's rights over their data, behind a fresh one-time code: export everything
//! stored about an address on an account (JSON), and delete it.
//!
//! "About an address" is: every profile that holds it (the verified owner and any profile
//! the agent captured it into), every session linked to those profiles, every session of
//! every visitor (browser) linked to them, on any of the account's agents, and under each
//! session its messages, LLM request records and email events; plus what is keyed by the
//! address itself (its claim, mentions, challenges and rate counters).
//!
//! The vector index holds only the business's site content (chunks of crawled pages), never
//! conversation text, so there are no vectors of a visitor to delete.

use std::collections::BTreeSet;

use serde::Serialize;

use super::unless_gone;
use crate::domain::{
    AccountId, AgentId, EmailAddress, EmailEvent, EmailHash, LlmRequest, Message, ProfileId,
    Session, SessionId, VisitorProfile,
};
use crate::ports::crm::{EmailEventStore, ErasureStore, ProfileStore};
use crate::ports::{
    HistoryQuery, LlmRequestStore, MAX_PAGE_SIZE, MessageStore, Order, SessionStore, StoreError,
};

/// The storage an export or a delete reads and deletes through.
#[derive(Clone, Copy)]
pub struct DataRightsPorts<'a> {
    /// Sessions, read by id and listed per visitor.
    pub sessions: &'a dyn SessionStore,
    /// Their messages.
    pub messages: &'a dyn MessageStore,
    /// Their LLM request records.
    pub llm_records: &'a dyn LlmRequestStore,
    /// Profiles and their links.
    pub profiles: &'a dyn ProfileStore,
    /// Email events.
    pub events: &'a dyn EmailEventStore,
    /// The deletes.
    pub erasure: &'a dyn ErasureStore,
}

impl std::fmt::Debug for DataRightsPorts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataRightsPorts").finish_non_exhaustive()
    }
}

/// One session and everything under it.
#[derive(Debug, Clone, Serialize)]
pub struct SessionExport {
    /// The session.
    pub session: Session,
    /// Its messages, oldest first.
    pub messages: Vec<Message>,
    /// Its LLM request records.
    pub llm_requests: Vec<LlmRequest>,
    /// Its email events.
    pub email_events: Vec<EmailEvent>,
}

/// Everything stored about an address on an account.
#[derive(Debug, Clone, Serialize)]
pub struct VisitorExport {
    /// The account.
    pub account: AccountId,
    /// The address.
    pub email: EmailAddress,
    /// The profiles holding it.
    pub profiles: Vec<VisitorProfile>,
    /// Their sessions.
    pub sessions: Vec<SessionExport>,
}

/// What a delete removed.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct ErasureReport {
    /// Profiles deleted.
    pub profiles: usize,
    /// Sessions deleted.
    pub sessions: usize,
    /// Messages deleted with them.
    pub messages: usize,
    /// Email events deleted with them.
    pub email_events: usize,
}

/// The profiles that hold an address: its verified owner and every profile mentioning it.
async fn profiles_of(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    email: &EmailHash,
) -> Result<BTreeSet<ProfileId>, StoreError> {
    let mut profiles: BTreeSet<ProfileId> = ports
        .profiles
        .email_mentions(account, email)
        .await?
        .into_iter()
        .collect();
    if let Some(owner) = ports.profiles.email_owner(account, email).await? {
        profiles.insert(owner);
    }
    Ok(profiles)
}

/// The profiles and sessions that hold or hang off an address.
async fn scope(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    agents: &[AgentId],
    email: &EmailHash,
) -> Result<(Vec<ProfileId>, Vec<SessionId>), StoreError> {
    let profiles = profiles_of(ports, account, email).await?;
    scope_of_profiles(ports, account, agents, profiles).await
}

/// `profiles` and the sessions that hang off them (linked, or of a visitor linked to them).
async fn scope_of_profiles(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    agents: &[AgentId],
    profiles: BTreeSet<ProfileId>,
) -> Result<(Vec<ProfileId>, Vec<SessionId>), StoreError> {
    let mut sessions = BTreeSet::new();
    for profile in &profiles {
        sessions.extend(ports.profiles.profile_sessions(account, profile).await?);
        for visitor in ports.profiles.profile_visitors(account, profile).await? {
            for agent in agents {
                let mut cursor: Option<String> = None;
                loop {
                    let page = ports
                        .sessions
                        .list_sessions(account, &visitor, agent, cursor.as_deref(), MAX_PAGE_SIZE)
                        .await?;
                    sessions.extend(page.items.into_iter().map(|s| s.id));
                    match page.next {
                        Some(next) => cursor = Some(next),
                        None => break,
                    }
                }
            }
        }
    }
    Ok((
        profiles.into_iter().collect(),
        sessions.into_iter().collect(),
    ))
}

async fn all_messages(
    messages: &dyn MessageStore,
    account: &AccountId,
    session: &SessionId,
) -> Result<Vec<Message>, StoreError> {
    let mut query = HistoryQuery::first(Order::OldestFirst, MAX_PAGE_SIZE);
    let mut all = Vec::new();
    loop {
        let page = messages.history(account, session, &query).await?;
        all.extend(page.items);
        match page.next {
            Some(next) => query.after = Some(next),
            None => return Ok(all),
        }
    }
}

/// Everything stored about `email` on `account` (`agents`: the account's agents, whose
/// session listings are searched).
pub async fn export(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    agents: &[AgentId],
    email: &EmailAddress,
) -> Result<VisitorExport, StoreError> {
    let hash = EmailHash::of(email);
    let (profile_ids, session_ids) = scope(ports, account, agents, &hash).await?;
    let mut profiles = Vec::new();
    for id in &profile_ids {
        profiles.extend(unless_gone(ports.profiles.get_profile(account, id).await)?);
    }
    let mut sessions = Vec::new();
    for id in &session_ids {
        let Some(session) = unless_gone(ports.sessions.get_session(account, id).await)? else {
            continue;
        };
        sessions.push(SessionExport {
            messages: all_messages(ports.messages, account, id).await?,
            llm_requests: ports.llm_records.llm_requests(account, id).await?,
            email_events: ports.events.email_events(account, id).await?,
            session,
        });
    }
    Ok(VisitorExport {
        account: account.clone(),
        email: email.clone(),
        profiles,
        sessions,
    })
}

/// Deletes everything stored about `email` on `account`; `rate_subjects` are the rate
/// counters keyed by the address.
pub async fn erase(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    agents: &[AgentId],
    email: &EmailAddress,
    rate_subjects: &[String],
) -> Result<ErasureReport, StoreError> {
    let hash = EmailHash::of(email);
    let (profile_ids, session_ids) = scope(ports, account, agents, &hash).await?;
    let report = erase_scope(ports, account, &profile_ids, &session_ids).await?;
    ports
        .erasure
        .delete_email_data(account, &hash, rate_subjects)
        .await?;
    tracing::info!(
        account = %account,
        profiles = report.profiles,
        sessions = report.sessions,
        messages = report.messages,
        "visitor data erased"
    );
    Ok(report)
}

/// Deletes everything stored about one visitor profile on `account`, as the visitor's own
/// delete would: when the profile holds an address, exactly what [`erase`] deletes for that
/// address (every profile holding it, their sessions, what is keyed by the address;
/// `rate_subjects_of` gives the address's rate counters), and the profile itself with its
/// sessions in any case. `NotFound("profile")` when there is no such profile.
pub async fn erase_profile(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    agents: &[AgentId],
    profile: &ProfileId,
    rate_subjects_of: impl Fn(&EmailHash) -> Vec<String>,
) -> Result<ErasureReport, StoreError> {
    let found = ports.profiles.get_profile(account, profile).await?;
    let hash = found.email.as_ref().map(EmailHash::of);
    let mut profiles = BTreeSet::from([profile.clone()]);
    if let Some(hash) = &hash {
        profiles.extend(profiles_of(ports, account, hash).await?);
    }
    let (profile_ids, session_ids) = scope_of_profiles(ports, account, agents, profiles).await?;
    let report = erase_scope(ports, account, &profile_ids, &session_ids).await?;
    if let Some(hash) = &hash {
        ports
            .erasure
            .delete_email_data(account, hash, &rate_subjects_of(hash))
            .await?;
    }
    tracing::info!(
        account = %account,
        profiles = report.profiles,
        sessions = report.sessions,
        messages = report.messages,
        "visitor profile erased"
    );
    Ok(report)
}

/// Deletes the sessions (with everything under them) and the profiles; what went.
async fn erase_scope(
    ports: DataRightsPorts<'_>,
    account: &AccountId,
    profile_ids: &[ProfileId],
    session_ids: &[SessionId],
) -> Result<ErasureReport, StoreError> {
    let mut report = ErasureReport::default();
    for id in session_ids {
        // An expired session reads as gone but may still be stored (DynamoDB's TTL takes
        // days): it is deleted all the same, only not counted.
        if let Some(session) = unless_gone(ports.sessions.get_session(account, id).await)? {
            report.messages += usize::try_from(session.message_count).unwrap_or(usize::MAX);
            report.email_events += ports.events.email_events(account, id).await?.len();
            report.sessions += 1;
        }
        ports.erasure.delete_session_data(account, id).await?;
    }
    for id in profile_ids {
        ports.erasure.delete_profile(account, id).await?;
        report.profiles += 1;
    }
    Ok(report)
}
