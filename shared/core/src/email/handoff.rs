//! The visitor asks for a person: the session is marked, what the visitor gave to be
//! reached by is saved into the session's profile (unverified), and the conversation with
//! the contact goes to the agent's `handoff.recipients` at once.
//!
//! The email is claimed through an email event of the `handoff` trigger, so a session
//! sends it once however many requests race; a failed send is recorded and the visitor's
//! next request retries it (up to `email.summary.max_send_attempts`).

use chrono::{DateTime, Utc};

use super::send::{claim_send, finish_send};
use super::summarise::transcript_lines;
use super::view::{ContactCard, HandoffView, handoff_email};
use crate::config::AgentConfig;
use crate::crm::profile_tool::{one_line, valid_phone};
use crate::crm::{ProfileUpdate, profile_for_session, save_profile_update};
use crate::domain::{EmailAddress, EmailStatus, EmailTrigger, Session};
use crate::error::{CodedError, ErrorCode};
use crate::ports::crm::{EmailEventStore, ProfileStore, SendClaim};
use crate::ports::email::{EmailTransport, OutgoingEmail};
use crate::ports::{MessageStore, SessionStore, StoreError};

/// Longest name a handoff may give, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// Longest phone number a handoff may give, in characters.
pub const MAX_PHONE_CHARS: usize = 40;
/// Longest note a handoff may carry, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// The storage and the transport a handoff goes through.
#[derive(Clone, Copy)]
pub struct HandoffPorts<'a> {
    /// Where the session is marked.
    pub sessions: &'a dyn SessionStore,
    /// The session's messages (the transcript).
    pub messages: &'a dyn MessageStore,
    /// The visitor's profile.
    pub profiles: &'a dyn ProfileStore,
    /// The email event that makes the send happen once.
    pub events: &'a dyn EmailEventStore,
    /// The email transport.
    pub mail: &'a dyn EmailTransport,
    /// The sender (`email.from`).
    pub from: &'a str,
}

impl std::fmt::Debug for HandoffPorts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HandoffPorts")
            .field("mail", &self.mail)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// What the visitor sent, as it came.
#[derive(Debug, Clone, Default)]
pub struct HandoffRequest {
    /// Their name.
    pub name: Option<String>,
    /// An email address to reach them at.
    pub email: Option<String>,
    /// A phone number to reach them at.
    pub phone: Option<String>,
    /// A note to the team.
    pub note: Option<String>,
}

/// Whether this request asked first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoffStatus {
    /// The team was emailed now.
    Requested,
    /// The team was emailed (or is being emailed) for an earlier request.
    AlreadyRequested,
}

impl HandoffStatus {
    /// The spelling the API answers with.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::AlreadyRequested => "already_requested",
        }
    }
}

/// How a handoff ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffOutcome {
    /// Whether this request asked first.
    pub status: HandoffStatus,
    /// Whether someone is there now (inside the business hours).
    pub open_now: bool,
    /// What the visitor is told.
    pub message: String,
}

/// Why a handoff did not go out.
#[derive(Debug, thiserror::Error)]
pub enum HandoffError {
    /// The agent has no handoff.
    #[error("the agent has no handoff to a person")]
    Disabled,
    /// A field is out of range.
    #[error("{0}")]
    Invalid(String),
    /// The email address is not one.
    #[error("the email address is not valid")]
    InvalidEmail,
    /// A name or a way to reach the visitor is missing.
    #[error("{0}")]
    ContactRequired(&'static str),
    /// The email could not be sent; the request stays recorded.
    #[error("the email to the team could not be sent: {0}")]
    SendFailed(String),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for HandoffError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Disabled => ErrorCode::HandoffDisabled,
            Self::Invalid(_) => ErrorCode::InvalidRequest,
            Self::InvalidEmail => ErrorCode::InvalidEmail,
            Self::ContactRequired(_) => ErrorCode::ContactRequired,
            Self::SendFailed(_) => ErrorCode::EmailSendFailed,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::Disabled => "This assistant cannot hand the conversation to a person.".to_owned(),
            Self::Invalid(what) => format!("The request is not valid: {what}."),
            Self::InvalidEmail => "The email address is not valid.".to_owned(),
            Self::ContactRequired(what) => (*what).to_owned(),
            Self::SendFailed(_) => {
                "Your request is recorded, but the team could not be emailed just now; please try again shortly."
                    .to_owned()
            }
            Self::Store(err) => err.public_message(),
        }
    }
}

/// The request's fields, cleaned and checked.
#[derive(Debug, Default)]
struct Contact {
    name: Option<String>,
    email: Option<EmailAddress>,
    phone: Option<String>,
    note: Option<String>,
}

impl Contact {
    fn parse(request: &HandoffRequest) -> Result<Self, HandoffError> {
        let name = request.name.as_deref().and_then(one_line);
        if name
            .as_ref()
            .is_some_and(|n| n.chars().count() > MAX_NAME_CHARS)
        {
            return Err(HandoffError::Invalid(format!(
                "`name` is longer than {MAX_NAME_CHARS} characters"
            )));
        }
        let email = request
            .email
            .as_deref()
            .and_then(one_line)
            .map(|raw| EmailAddress::parse(&raw).map_err(|_| HandoffError::InvalidEmail))
            .transpose()?;
        let phone = request.phone.as_deref().and_then(one_line);
        if let Some(phone) = &phone
            && (phone.chars().count() > MAX_PHONE_CHARS || !valid_phone(phone))
        {
            return Err(HandoffError::Invalid(format!(
                "`phone` must be a phone number of at most {MAX_PHONE_CHARS} characters"
            )));
        }
        let note = request
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        if note
            .as_ref()
            .is_some_and(|n| n.chars().count() > MAX_NOTE_CHARS)
        {
            return Err(HandoffError::Invalid(format!(
                "`note` is longer than {MAX_NOTE_CHARS} characters"
            )));
        }
        Ok(Self {
            name,
            email,
            phone,
            note,
        })
    }
}

/// Hands `session` of the agent `config` to a person: checks the contact, saves it into
/// the session's profile, marks the session and emails the team once.
pub async fn request_handoff(
    ports: &HandoffPorts<'_>,
    config: &AgentConfig,
    session: &Session,
    request: &HandoffRequest,
    now: DateTime<Utc>,
) -> Result<HandoffOutcome, HandoffError> {
    let settings = &config.settings.handoff;
    if !settings.enabled {
        return Err(HandoffError::Disabled);
    }
    let contact = Contact::parse(request)?;
    let known = profile_for_session(ports.profiles, session).await?;
    let has_name = contact.name.is_some() || known.as_ref().is_some_and(|p| p.name.is_some());
    let reachable = contact.email.is_some()
        || contact.phone.is_some()
        || known
            .as_ref()
            .is_some_and(|p| p.email.is_some() || p.phone.is_some());
    match (has_name, reachable) {
        (false, false) => {
            return Err(HandoffError::ContactRequired(
                "Give your name and an email address or phone number, so the team can reach you.",
            ));
        }
        (false, true) => {
            return Err(HandoffError::ContactRequired(
                "Give your name, so the team knows who to ask for.",
            ));
        }
        (true, false) => {
            return Err(HandoffError::ContactRequired(
                "Give an email address or a phone number, so the team can reach you.",
            ));
        }
        (true, true) => {}
    }
    let update = ProfileUpdate {
        name: contact.name.clone(),
        email: contact.email.clone(),
        phone: contact.phone.clone(),
        ..ProfileUpdate::default()
    };
    let profile = if update.is_empty() {
        known
    } else {
        Some(
            save_profile_update(
                ports.profiles,
                session,
                &update,
                config.settings.profile.max_interests,
                now,
            )
            .await?,
        )
    };
    let requested_at = ports
        .sessions
        .mark_handoff_requested(&session.account, &session.id, now)
        .await?;
    let open_now = settings.open_at(now);
    let outcome = |status| HandoffOutcome {
        status,
        open_now,
        message: settings.message_at(now).to_owned(),
    };

    let email_settings = &config.settings.email.summary;
    let trigger = EmailTrigger::Handoff;
    let claim = claim_send(ports.events, session, trigger, email_settings, now).await?;
    let attempt = match claim {
        SendClaim::Claimed { attempt } => attempt,
        SendClaim::AlreadySent(_) => return Ok(outcome(HandoffStatus::AlreadyRequested)),
        // Failed as often as a send may be tried.
        SendClaim::Busy(event) if event.status == EmailStatus::Failed => {
            return Err(HandoffError::SendFailed(format!(
                "gave up after {} attempts",
                event.attempts
            )));
        }
        // Another request is sending it now.
        SendClaim::Busy(_) => return Ok(outcome(HandoffStatus::AlreadyRequested)),
    };

    // What the visitor gave now wins over what the profile held (a verified address stays
    // in the profile, but the team writes back where the visitor asked).
    let profile_email = profile.as_ref().and_then(|p| p.email.clone());
    let email = contact.email.clone().or(profile_email.clone());
    let card = ContactCard {
        name: contact
            .name
            .clone()
            .or_else(|| profile.as_ref().and_then(|p| p.name.clone())),
        email_verified: email.is_some()
            && email == profile_email
            && profile.as_ref().is_some_and(|p| p.is_verified()),
        email: email.map(|e| e.to_string()),
        phone: contact
            .phone
            .clone()
            .or_else(|| profile.as_ref().and_then(|p| p.phone.clone())),
        company: profile.as_ref().and_then(|p| p.company.clone()),
    };
    let result = send(
        ports,
        config,
        session,
        &card,
        contact.note.as_deref(),
        open_now,
        requested_at,
    )
    .await;
    finish_send(ports.events, session, trigger, attempt, now, &result).await?;
    match result {
        Ok(_) => Ok(outcome(HandoffStatus::Requested)),
        Err(error) => Err(HandoffError::SendFailed(error)),
    }
}

/// Renders and sends the handoff email; the transport's message id.
async fn send(
    ports: &HandoffPorts<'_>,
    config: &AgentConfig,
    session: &Session,
    contact: &ContactCard,
    note: Option<&str>,
    open_now: bool,
    requested_at: DateTime<Utc>,
) -> Result<String, String> {
    let settings = &config.settings;
    let recipients: Vec<EmailAddress> = settings
        .handoff
        .recipients_or(&settings.account.summary_recipients)
        .iter()
        .filter_map(|r| EmailAddress::parse(r).ok())
        .collect();
    if recipients.is_empty() {
        return Err("the handoff has no recipients".to_owned());
    }
    let transcript = transcript_lines(
        ports.messages,
        session,
        settings.email.summary.max_transcript_chars,
    )
    .await
    .map_err(|e| format!("reading the conversation: {e}"))?;
    let email = handoff_email(&HandoffView {
        account_name: &settings.account.name,
        agent_name: &settings.agent.name,
        contact,
        note,
        transcript: &transcript,
        session,
        open_now,
        requested_at,
    })
    .map_err(|e| format!("rendering the email: {e}"))?;
    ports
        .mail
        .send(&OutgoingEmail {
            from: ports.from.to_owned(),
            to: recipients,
            subject: email.subject,
            html: email.html,
            text: email.text,
        })
        .await
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(name: &str, email: &str, phone: &str, note: &str) -> HandoffRequest {
        let some = |v: &str| Some(v.to_owned());
        HandoffRequest {
            name: some(name),
            email: some(email),
            phone: some(phone),
            note: some(note),
        }
    }

    #[test]
    fn the_contact_is_cleaned_and_checked() {
        let contact = Contact::parse(&request(
            " Ann\n Lee ",
            " ann@example.com ",
            "+44 (0)113 496",
            " ",
        ))
        .expect("valid");
        assert_eq!(contact.name.as_deref(), Some("Ann Lee"));
        assert_eq!(
            contact.email.map(|e| e.to_string()).as_deref(),
            Some("ann@example.com")
        );
        assert_eq!(contact.note, None);
        assert!(matches!(
            Contact::parse(&request("Ann", "not-an-address", "", "")),
            Err(HandoffError::InvalidEmail)
        ));
        for bad in [
            request(&"n".repeat(101), "", "", ""),
            request("Ann", "", "call me", ""),
            request("Ann", "", &"1".repeat(41), ""),
            request("Ann", "", "", &"n".repeat(501)),
        ] {
            assert!(
                matches!(Contact::parse(&bad), Err(HandoffError::Invalid(_))),
                "{bad:?}"
            );
        }
    }
}
