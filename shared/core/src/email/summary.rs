//! Conversation summaries: the agent's LLM summarises a session with the agent's summary
//! prompt (who, what they want, next step, open questions); the summary goes out as an
//! HTML email (minijinja template, inline CSS) with a plain-text part, to the account's
//! `summary_recipients`, and as a copy to the visitor when their address is verified and
//! they ask.
//!
//! Every send is claimed first through an email event keyed by session and trigger, so one
//! session gets one email per trigger however many requests or sweeps race for it. A failed
//! send is recorded (`failed`, with the error) and retried by the next sweep, up to
//! `email.summary.max_send_attempts`.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use futures::StreamExt as _;
use serde::Serialize;

use crate::app::AppState;
use crate::config::AgentConfig;
use crate::conversation::context::count_tokens;
use crate::crm::{ProfileCard, profile_for_session};
use crate::domain::{AccountId, EmailAddress, LlmOutcome, LlmRequest, LlmRequestId, Role, Session};
use crate::error::{CodedError, ErrorCode};
use crate::ports::crm::{EmailEvent, EmailStatus, EmailTrigger, SendClaim};
use crate::ports::email::OutgoingEmail;
use crate::ports::model::{LlmEvent, Usage, WireMessage};
use crate::ports::{HistoryQuery, MAX_PAGE_SIZE, Order, StoreError};

const HTML_TEMPLATE: &str = include_str!("templates/summary.html");
const TEXT_TEMPLATE: &str = include_str!("templates/summary.txt");

/// The section headings the summary prompt asks for, in order.
const HEADINGS: [&str; 4] = ["Who", "What they want", "Next step", "Open questions"];

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
            Self::Store(err) => err.public_message(),
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

/// What the templates see.
#[derive(Debug, Serialize)]
struct EmailContext<'a> {
    subject: &'a str,
    heading: &'a str,
    account_name: &'a str,
    agent_name: &'a str,
    profile: Option<&'a ProfileCard>,
    sections: &'a [Section],
    session_id: &'a str,
    message_count: u64,
    started: String,
    last_active: String,
}

/// Renders the HTML and text parts.
fn render(context: &EmailContext<'_>) -> Result<(String, String), minijinja::Error> {
    let mut env = minijinja::Environment::new();
    // `.html` templates are auto-escaped; the text template is not.
    env.add_template("summary.html", HTML_TEMPLATE)?;
    env.add_template("summary.txt", TEXT_TEMPLATE)?;
    let html = env.get_template("summary.html")?.render(context)?;
    let text = env.get_template("summary.txt")?.render(context)?;
    Ok((html, text))
}

/// The conversation as plain text for the model, newest kept within `max_chars`.
async fn transcript(
    state: &AppState,
    session: &Session,
    max_chars: usize,
) -> Result<String, StoreError> {
    let mut query = HistoryQuery::first(Order::NewestFirst, MAX_PAGE_SIZE);
    let mut lines = Vec::new();
    let mut used = 0;
    'pages: loop {
        let page = state
            .store
            .history(&session.account, &session.id, &query)
            .await?;
        for message in &page.items {
            let who = match message.role {
                Role::User => "Visitor",
                Role::Assistant => "Assistant",
                Role::System => continue,
            };
            let line = format!("{who}: {}", message.content.trim());
            used += line.chars().count() + 1;
            if used > max_chars && !lines.is_empty() {
                break 'pages;
            }
            lines.push(line);
        }
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    lines.reverse();
    Ok(lines.join("\n"))
}

/// The model's summary of a transcript, with the agent's prompt. The call is recorded as an
/// LLM request of the session (no message: it belongs to no answer) and logged, like a turn's.
async fn summarise(
    state: &AppState,
    config: &AgentConfig,
    session: &Session,
    transcript: String,
) -> Result<String, String> {
    let llm = state
        .model(&config.account, &config.agent)
        .ok_or_else(|| "no LLM API key is configured for this agent".to_owned())?;
    let messages = [
        WireMessage::new("system", config.summary_prompt.clone()),
        WireMessage::new("user", format!("The conversation:\n\n{transcript}")),
    ];
    let started = std::time::Instant::now();
    let mut text = String::new();
    let mut usage: Option<Usage> = None;
    let outcome: Result<(), String> = async {
        let mut stream = llm
            .stream(&messages, &[])
            .await
            .map_err(|e| e.to_string())?;
        while let Some(event) = stream.next().await {
            match event.map_err(|e| e.to_string())? {
                LlmEvent::Delta(delta) => text.push_str(&delta),
                LlmEvent::Usage(reported) => usage = Some(reported),
                LlmEvent::ToolCalls(_) => {}
            }
        }
        Ok(())
    }
    .await;
    let usage = usage.unwrap_or_else(|| Usage {
        model: None,
        prompt_tokens: u32::try_from(
            messages
                .iter()
                .map(|m| count_tokens(&m.content))
                .sum::<usize>(),
        )
        .unwrap_or(u32::MAX),
        completion_tokens: u32::try_from(count_tokens(&text)).unwrap_or(u32::MAX),
        cost_usd: None,
    });
    let record = LlmRequest {
        id: LlmRequestId::generate(),
        session: session.id.clone(),
        message: None,
        model: usage
            .model
            .clone()
            .unwrap_or_else(|| llm.model().to_owned()),
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        cost_usd: usage.cost_usd,
        latency_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        outcome: if outcome.is_ok() {
            LlmOutcome::Ok
        } else {
            LlmOutcome::Error
        },
        error: outcome.as_ref().err().cloned(),
        created_at: crate::domain::now(),
    };
    crate::conversation::record::record_llm_call(
        state.store.as_ref(),
        &config.account,
        &config.agent,
        &record,
        "summary",
    )
    .await;
    outcome?;
    if text.trim().is_empty() {
        return Err("the model returned an empty summary".to_owned());
    }
    Ok(text)
}

/// Builds and sends the emails of one claimed summary; returns the business message's id
/// and, when a visitor copy was asked for, whether it went out.
async fn compose_and_send(
    state: &AppState,
    config: &AgentConfig,
    session: &Session,
    profile: Option<&ProfileCard>,
    recipients: Vec<EmailAddress>,
    visitor_copy: Option<EmailAddress>,
) -> Result<(String, Option<Result<String, String>>), String> {
    let summary_settings = &config.settings.email.summary;
    let text = transcript(state, session, summary_settings.max_transcript_chars)
        .await
        .map_err(|e| format!("reading the conversation: {e}"))?;
    let summary = summarise(state, config, session, text).await?;
    let sections = sections(&summary);
    let account_name = config.settings.account.name.as_str();
    let who = profile
        .and_then(|p| p.name.clone().or_else(|| p.email.clone()))
        .unwrap_or_else(|| "a website visitor".to_owned());
    let subject = format!("Conversation summary: {who} ({account_name})");
    let heading = format!("Conversation with {who}");
    let context = EmailContext {
        subject: &subject,
        heading: &heading,
        account_name,
        agent_name: config.settings.agent.name.as_str(),
        profile,
        sections: &sections,
        session_id: session.id.as_str(),
        message_count: session.message_count,
        started: session.created_at.format("%Y-%m-%d %H:%M").to_string(),
        last_active: session.last_active_at.format("%Y-%m-%d %H:%M").to_string(),
    };
    let (html, text) = render(&context).map_err(|e| format!("rendering the email: {e}"))?;
    let from = state.catalog.app().email.from.clone();
    let business = OutgoingEmail {
        from: from.clone(),
        to: recipients,
        subject: subject.clone(),
        html: html.clone(),
        text: text.clone(),
    };
    let message_id = state
        .mail
        .send(&business)
        .await
        .map_err(|e| e.to_string())?;
    let copy = match visitor_copy {
        Some(address) => Some(
            state
                .mail
                .send(&OutgoingEmail {
                    from,
                    to: vec![address],
                    subject: format!("Your conversation with {account_name}"),
                    html,
                    text,
                })
                .await
                .map_err(|e| e.to_string()),
        ),
        None => None,
    };
    Ok((message_id, copy))
}

/// Summarises a session and emails it, at most once per trigger.
pub async fn send_summary(
    state: &AppState,
    session: &Session,
    trigger: EmailTrigger,
    copy_to_visitor: bool,
    now: DateTime<Utc>,
) -> Result<SummaryOutcome, SummaryError> {
    let config = state
        .catalog
        .agent(&session.account, &session.agent)
        .ok_or(SummaryError::Disabled)?;
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
    let profile = profile_for_session(state.store.as_ref(), session).await?;
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
    let stale_before = now - Duration::minutes(i64::from(settings.stale_claim_minutes));
    let claim = state
        .store
        .claim_email_send(
            &session.account,
            &session.id,
            trigger,
            now,
            stale_before,
            settings.max_send_attempts,
        )
        .await?;
    let attempt = match claim {
        SendClaim::Claimed { attempt } => attempt,
        SendClaim::AlreadySent(event) => return Ok(SummaryOutcome::AlreadySent(event)),
        SendClaim::Busy(event) => return Ok(SummaryOutcome::Busy(event)),
    };
    let card = profile.as_ref().map(ProfileCard::from);
    let result = compose_and_send(
        state,
        &config,
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
    state
        .store
        .finish_email_send(&session.account, &event)
        .await?;
    Ok(outcome)
}

/// What one sweep did.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct SweepReport {
    /// Accounts swept.
    pub accounts: usize,
    /// Idle sessions found.
    pub considered: usize,
    /// Summaries sent.
    pub sent: usize,
    /// Already sent (by another sweep or the widget) or held by another sender.
    pub skipped: usize,
    /// Attempts that failed (recorded for the next sweep).
    pub failed: usize,
}

/// Summarises every session idle for its agent's `email.summary.idle_minutes` that has not
/// been summarised, account by account, at most `sweep_batch` sessions per account.
pub async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<SweepReport, StoreError> {
    let accounts: BTreeSet<AccountId> = state
        .catalog
        .agents()
        .map(|agent| agent.account.clone())
        .collect();
    let mut report = SweepReport::default();
    for account in accounts {
        let agents: Vec<_> = state
            .catalog
            .agents()
            .filter(|a| a.account == account && a.settings.email.summary.enabled)
            .cloned()
            .collect();
        let Some(shortest) = agents
            .iter()
            .map(|a| a.settings.email.summary.idle_minutes)
            .min()
        else {
            continue;
        };
        let batch = agents
            .iter()
            .map(|a| a.settings.email.summary.sweep_batch)
            .max()
            .unwrap_or(1);
        report.accounts += 1;
        let cutoff = now - Duration::minutes(i64::from(shortest));
        let sessions = state.store.idle_sessions(&account, cutoff, batch).await?;
        for session in sessions {
            let Some(config) = agents.iter().find(|a| a.agent == session.agent) else {
                continue;
            };
            let idle = Duration::minutes(i64::from(config.settings.email.summary.idle_minutes));
            if session.last_active_at > now - idle {
                continue;
            }
            report.considered += 1;
            match send_summary(state, &session, EmailTrigger::Inactivity, false, now).await {
                Ok(SummaryOutcome::Sent { .. }) => report.sent += 1,
                Ok(SummaryOutcome::AlreadySent(_) | SummaryOutcome::Busy(_)) => {
                    report.skipped += 1;
                }
                Ok(SummaryOutcome::Failed { .. }) => report.failed += 1,
                Err(SummaryError::Store(err)) => {
                    tracing::error!(account = %account, session = %session.id, error = %err, "sweeping a session failed");
                    report.failed += 1;
                }
                Err(_) => report.skipped += 1,
            }
        }
    }
    tracing::info!(?report, "inactivity sweep done");
    Ok(report)
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

    #[test]
    fn the_html_part_escapes_what_the_model_and_visitor_wrote() {
        let card = ProfileCard {
            name: Some("<script>alert(1)</script>".to_owned()),
            email: None,
            phone: None,
            company: None,
            interests: vec![],
            verified: false,
            verified_at: None,
        };
        let sections = sections("Who: <b>Ann</b>");
        let context = EmailContext {
            subject: "s",
            heading: "Conversation",
            account_name: "Acme & Co",
            agent_name: "Nora",
            profile: Some(&card),
            sections: &sections,
            session_id: "x",
            message_count: 2,
            started: "2026-11-21 09:00".to_owned(),
            last_active: "2026-11-21 09:05".to_owned(),
        };
        let (html, text) = render(&context).expect("renders");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("Acme &amp; Co"), "{html}");
        assert!(text.contains("<b>Ann</b>"), "{text}");
        assert!(text.contains("Who"), "{text}");
    }
}
