//! Conversation summaries: the agent's model summarises a session with the agent's summary
//! prompt (who, what they want, next step, open questions); the summary goes out as an
//! email (rendered by `view`: HTML with inline CSS and a plain-text part) to the account's
//! `summary_recipients`, and as a copy to the visitor when their address is verified and
//! they ask.
//!
//! Every send is claimed first through an email event keyed by session and trigger, so one
//! session gets one email per trigger however many requests or sweeps race for it. A failed
//! send is recorded (`failed`, with the error) and retried by the next sweep, up to
//! `email.summary.max_send_attempts`.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::send::{claim_send, finish_send};
use super::summarise::{summarise, transcript};
use super::view::{EmailParts, SummaryView, summary_email, visitor_copy_subject};
use crate::config::AgentConfig;
use crate::crm::{ProfileCard, profile_for_session};
use crate::domain::{EmailAddress, EmailEvent, EmailStatus, EmailTrigger, Session};
use crate::error::{CodedError, ErrorCode};
use crate::limits::spend::{Exhausted, check_budget};
use crate::ports::crm::{EmailEventStore, ProfileStore, SendClaim};
use crate::ports::email::{EmailTransport, OutgoingEmail};
use crate::ports::model::ChatModel;
use crate::ports::spend::SpendStore;
use crate::ports::{LlmRequestStore, MessageStore, StoreError};

/// The section headings the summary prompt asks for, in order.
const HEADINGS: [&str; 4] = ["Who", "What they want", "Next step", "Open questions"];

/// The storage and the transport a summary goes through.
#[derive(Clone, Copy)]
pub struct SummaryPorts<'a> {
    /// The session's messages (the transcript).
    pub messages: &'a dyn MessageStore,
    /// The visitor's profile.
    pub profiles: &'a dyn ProfileStore,
    /// The email events that make each send happen once.
    pub events: &'a dyn EmailEventStore,
    /// Where the model call is recorded.
    pub llm_records: &'a dyn LlmRequestStore,
    /// The spend counters the budget check reads.
    pub spend: &'a dyn SpendStore,
    /// The console's day rollups (model calls, summaries sent).
    pub rollups: &'a dyn crate::ports::rollups::RollupStore,
    /// The email transport.
    pub mail: &'a dyn EmailTransport,
    /// The sender of every summary (`email.from`).
    pub from: &'a str,
}

impl std::fmt::Debug for SummaryPorts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SummaryPorts")
            .field("mail", &self.mail)
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// An agent whose sessions are summarised: its configuration and its model (`None` when it
/// has no API key: the attempt then fails and is recorded).
#[derive(Debug, Clone)]
pub struct SummaryAgent {
    /// The agent's effective configuration.
    pub config: Arc<AgentConfig>,
    /// The agent's model.
    pub model: Option<Arc<dyn ChatModel>>,
}

/// How a summary request ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SummaryOutcome {
    /// Sent now.
    Sent {
        /// The transport's id of the business's message.
        message_id: String,
        /// Whether the visitor's copy went out too.
        visitor_copy: bool,
    },
    /// Sent earlier for this trigger: nothing done.
    AlreadySent(EmailEvent),
    /// Another sender holds the claim, or the attempts are used up.
    Busy(EmailEvent),
    /// This attempt failed; recorded as `failed` for the next sweep to retry.
    Failed {
        /// What went wrong.
        error: String,
    },
}

/// Why a summary was not attempted.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    /// Summaries are off for the agent, or the account has no recipients.
    #[error("summaries are disabled for this agent or the account has no recipients")]
    Disabled,
    /// The session has no messages.
    #[error("the session has no messages")]
    NothingToSummarise,
    /// A copy was asked for without a verified address.
    #[error("the visitor has no verified email address")]
    NotVerified,
    /// A spend cap is used up: summaries pause until it resets.
    #[error("a spend cap is used up; summaries pause until {}", .0.resets_at)]
    BudgetReached(Exhausted),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for SummaryError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::Disabled => ErrorCode::SummariesDisabled,
            Self::NothingToSummarise => ErrorCode::NothingToSummarise,
            Self::NotVerified => ErrorCode::EmailNotVerified,
            Self::BudgetReached(_) => ErrorCode::BudgetReached,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::Disabled => "Summaries are not enabled for this agent.".to_owned(),
            Self::NothingToSummarise => "The conversation has no messages yet.".to_owned(),
            Self::NotVerified => {
                "Verify your email address with a code before asking for a copy.".to_owned()
            }
            Self::BudgetReached(_) => {
                "The assistant's budget is used up for now; summaries resume when it resets."
                    .to_owned()
            }
            Self::Store(err) => err.public_message(),
        }
    }

    fn retry_after_secs(&self) -> Option<u64> {
        match self {
            Self::BudgetReached(exhausted) => {
                Some(exhausted.retry_after_secs(crate::domain::now()))
            }
            _ => None,
        }
    }
}

/// A heading and its lines, as the templates show them.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Section {
    /// The heading, when the model wrote one of the expected ones.
    pub title: Option<String>,
    /// The lines under it.
    pub lines: Vec<String>,
}

/// Splits the model's plain-text summary into the four headed sections (lenient: text
/// before the first heading, or without headings, becomes an untitled section).
pub fn sections(summary: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for raw in summary.lines() {
        let line = raw.trim().trim_start_matches(['#', '*', '-', ' ']).trim();
        if line.is_empty() {
            continue;
        }
        let unstarred = line.replace("**", "");
        let heading = HEADINGS.iter().find_map(|h| {
            let rest = unstarred.strip_prefix(h)?;
            let rest = rest.strip_prefix(':')?;
            Some((*h, rest.trim().to_owned()))
        });
        match heading {
            Some((title, rest)) => out.push(Section {
                title: Some(title.to_owned()),
                lines: if rest.is_empty() {
                    Vec::new()
                } else {
                    vec![rest]
                },
            }),
            None => match out.last_mut() {
                Some(section) => section.lines.push(unstarred),
                None => out.push(Section {
                    title: None,
                    lines: vec![unstarred],
                }),
            },
        }
    }
    out
}

/// Writes one session's summary with the agent's model and renders its email.
async fn compose(
    ports: &SummaryPorts<'_>,
    agent: &SummaryAgent,
    session: &Session,
    profile: Option<&ProfileCard>,
) -> Result<EmailParts, String> {
    let config = agent.config.as_ref();
    let summary_settings = &config.settings.email.summary;
    let text = transcript(
        ports.messages,
        session,
        summary_settings.max_transcript_chars,
    )
    .await
    .map_err(|e| format!("reading the conversation: {e}"))?;
    let summary = summarise(
        agent.model.as_deref(),
        ports.llm_records,
        ports.rollups,
        config,
        session,
        text,
    )
    .await?;
    let sections = sections(&summary);
    summary_email(&SummaryView {
        account_name: config.settings.account.name.as_str(),
        agent_name: config.settings.agent.name.as_str(),
        profile,
        sections: &sections,
        session,
    })
    .map_err(|e| format!("rendering the email: {e}"))
}

/// Builds and sends the emails of one claimed summary; returns the business message's id
/// and, when a visitor copy was asked for, whether it went out.
async fn compose_and_send(
    ports: &SummaryPorts<'_>,
    agent: &SummaryAgent,
    session: &Session,
    profile: Option<&ProfileCard>,
    recipients: Vec<EmailAddress>,
    visitor_copy: Option<EmailAddress>,
) -> Result<(String, Option<Result<String, String>>), String> {
    let email = compose(ports, agent, session, profile).await?;
    let account_name = agent.config.settings.account.name.as_str();
    let business = OutgoingEmail {
        from: ports.from.to_owned(),
        to: recipients,
        subject: email.subject.clone(),
        html: email.html.clone(),
        text: email.text.clone(),
    };
    let message_id = ports
        .mail
        .send(&business)
        .await
        .map_err(|e| e.to_string())?;
    let copy = match visitor_copy {
        Some(address) => Some(
            ports
                .mail
                .send(&visitor_copy_email(
                    ports.from,
                    address,
                    account_name,
                    email,
                ))
                .await
                .map_err(|e| e.to_string()),
        ),
        None => None,
    };
    Ok((message_id, copy))
}

/// Stops a summary while a spend cap is used up (only when the agent has a model to call).
async fn check_summary_budget(
    ports: &SummaryPorts<'_>,
    agent: &SummaryAgent,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<(), SummaryError> {
    if agent.model.is_none() {
        return Ok(());
    }
    let budget = check_budget(
        ports.spend,
        &session.account,
        &session.agent,
        &agent.config.settings.spend,
        now,
    )
    .await;
    match budget.exhausted {
        Some(exhausted) => Err(SummaryError::BudgetReached(exhausted)),
        None => Ok(()),
    }
}

/// The visitor's copy of a summary, to their verified address.
fn visitor_copy_email(
    from: &str,
    to: EmailAddress,
    account_name: &str,
    email: EmailParts,
) -> OutgoingEmail {
    OutgoingEmail {
        from: from.to_owned(),
        to: vec![to],
        subject: visitor_copy_subject(account_name),
        html: email.html,
        text: email.text,
    }
}

/// The attempt's number once the send is claimed, or the answer when it is already sent
/// or another request holds it.
async fn claim_summary(
    ports: &SummaryPorts<'_>,
    session: &Session,
    trigger: EmailTrigger,
    settings: &crate::config::SummarySettings,
    now: DateTime<Utc>,
) -> Result<Result<u32, SummaryOutcome>, SummaryError> {
    Ok(
        match claim_send(ports.events, session, trigger, settings, now).await? {
            SendClaim::Claimed { attempt } => Ok(attempt),
            SendClaim::AlreadySent(event) => Err(SummaryOutcome::AlreadySent(event)),
            SendClaim::Busy(event) => Err(SummaryOutcome::Busy(event)),
        },
    )
}

/// Sends the session's summary to the visitor's verified address only (the widget's "email
/// me this conversation"), at most once per session; the business gets nothing from it.
pub async fn send_visitor_copy(
    ports: &SummaryPorts<'_>,
    agent: &SummaryAgent,
    session: &Session,
    now: DateTime<Utc>,
) -> Result<SummaryOutcome, SummaryError> {
    let settings = &agent.config.settings.email.summary;
    if !settings.enabled || !settings.visitor_copy {
        return Err(SummaryError::Disabled);
    }
    if session.message_count == 0 {
        return Err(SummaryError::NothingToSummarise);
    }
    let profile = profile_for_session(ports.profiles, session).await?;
    let Some(address) = profile
        .as_ref()
        .filter(|p| p.is_verified())
        .and_then(|p| p.email.clone())
    else {
        return Err(SummaryError::NotVerified);
    };
    check_summary_budget(ports, agent, session, now).await?;
    let trigger = EmailTrigger::VisitorCopy;
    let attempt = match claim_summary(ports, session, trigger, settings, now).await? {
        Ok(attempt) => attempt,
        Err(outcome) => return Ok(outcome),
    };
    let card = profile.as_ref().map(ProfileCard::from);
    let account_name = agent.config.settings.account.name.as_str();
    let result = match compose(ports, agent, session, card.as_ref()).await {
        Ok(email) => ports
            .mail
            .send(&visitor_copy_email(
                ports.from,
                address,
                account_name,
                email,
            ))
            .await
            .map_err(|e| e.to_string()),
        Err(error) => Err(error),
    };
    finish_send(ports.events, session, trigger, attempt, now, &result).await?;
    Ok(match result {
        Ok(message_id) => SummaryOutcome::Sent {
            message_id,
            visitor_copy: true,
        },
        Err(error) => SummaryOutcome::Failed { error },
    })
}

/// Summarises a session of `agent` and emails it, at most once per trigger.
pub async fn send_summary(
    ports: &SummaryPorts<'_>,
    agent: &SummaryAgent,
    session: &Session,
    trigger: EmailTrigger,
    copy_to_visitor: bool,
    now: DateTime<Utc>,
) -> Result<SummaryOutcome, SummaryError> {
    let config = agent.config.as_ref();
    let settings = &config.settings.email.summary;
    let recipients: Vec<EmailAddress> = config
        .settings
        .account
        .summary_recipients
        .iter()
        .filter_map(|r| EmailAddress::parse(r).ok())
        .collect();
    if !settings.enabled || recipients.is_empty() {
        return Err(SummaryError::Disabled);
    }
    if session.message_count == 0 {
        return Err(SummaryError::NothingToSummarise);
    }
    let profile = profile_for_session(ports.profiles, session).await?;
    let visitor_copy = if copy_to_visitor {
        if !settings.visitor_copy {
            return Err(SummaryError::Disabled);
        }
        match profile
            .as_ref()
            .filter(|p| p.is_verified())
            .and_then(|p| p.email.clone())
        {
            Some(email) => Some(email),
            None => return Err(SummaryError::NotVerified),
        }
    } else {
        None
    };
    // Checked before the claim, so a paused summary uses up none of its attempts.
    check_summary_budget(ports, agent, session, now).await?;
    let attempt = match claim_summary(ports, session, trigger, settings, now).await? {
        Ok(attempt) => attempt,
        Err(outcome) => return Ok(outcome),
    };
    let card = profile.as_ref().map(ProfileCard::from);
    let result = compose_and_send(
        ports,
        agent,
        session,
        card.as_ref(),
        recipients,
        visitor_copy,
    )
    .await;
    let finished = crate::domain::now();
    let mut event = EmailEvent {
        session: session.id.clone(),
        trigger,
        status: EmailStatus::Sent,
        attempts: attempt,
        provider_message_id: None,
        error: None,
        created_at: now,
        updated_at: finished,
    };
    let outcome = match result {
        Ok((message_id, copy)) => {
            event.provider_message_id = Some(message_id.clone());
            let visitor_copy = match copy {
                Some(Ok(copy_id)) => {
                    event.provider_message_id =
                        Some(format!("{message_id}; visitor copy {copy_id}"));
                    true
                }
                Some(Err(error)) => {
                    tracing::warn!(account = %session.account, session = %session.id, %error, "the visitor's copy failed");
                    event.error = Some(format!("visitor copy failed: {error}"));
                    false
                }
                None => false,
            };
            tracing::info!(account = %session.account, session = %session.id, trigger = trigger.as_str(), attempt, "summary sent");
            let delta = crate::ports::rollups::RollupDelta::new()
                .add(crate::ports::rollups::counter::SUMMARIES_SENT, 1);
            crate::rollups::record(
                ports.rollups,
                &session.account,
                &session.agent,
                finished,
                delta,
            )
            .await;
            SummaryOutcome::Sent {
                message_id,
                visitor_copy,
            }
        }
        Err(error) => {
            tracing::error!(account = %session.account, session = %session.id, trigger = trigger.as_str(), attempt, %error, "summary failed; the next sweep retries it");
            event.status = EmailStatus::Failed;
            event.error = Some(error.clone());
            SummaryOutcome::Failed { error }
        }
    };
    ports
        .events
        .finish_email_send(&session.account, &event)
        .await?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_models_summary_splits_into_headed_sections() {
        let summary = "Who: Ann Lee of Lee Bakery\n**What they want:** a heat pump\nfor a 3-bed house\n\n- Next step: book a survey\nOpen questions:\n- budget\n- timing";
        let got = sections(summary);
        let titles: Vec<_> = got.iter().map(|s| s.title.clone()).collect();
        assert_eq!(
            titles,
            vec![
                Some("Who".to_owned()),
                Some("What they want".to_owned()),
                Some("Next step".to_owned()),
                Some("Open questions".to_owned())
            ]
        );
        assert_eq!(got[1].lines, vec!["a heat pump", "for a 3-bed house"]);
        assert_eq!(got[3].lines, vec!["budget", "timing"]);
        assert_eq!(
            sections("just text"),
            vec![Section {
                title: None,
                lines: vec!["just text".to_owned()]
            }]
        );
    }
}
