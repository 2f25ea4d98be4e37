//! The emails as people read them: subjects, and the minijinja templates that turn a
//! summary's, a handoff's or a one-time code's content into an HTML part (inline CSS, auto-escaped, so
//! nothing the model or a visitor wrote becomes markup) and a plain-text part. The services
//! hand over content; only this module writes HTML.

use serde::Serialize;

use super::summarise::TranscriptLine;
use super::summary::Section;
use crate::crm::ProfileCard;
use crate::domain::{OtpPurpose, Session};
use crate::ports::spend::{SpendPeriod, SpendScope};

const SUMMARY_HTML: &str = include_str!("templates/summary.html");
const SUMMARY_TEXT: &str = include_str!("templates/summary.txt");
const HANDOFF_HTML: &str = include_str!("templates/handoff.html");
const HANDOFF_TEXT: &str = include_str!("templates/handoff.txt");
const CODE_HTML: &str = include_str!("templates/otp_code.html");
const CODE_TEXT: &str = include_str!("templates/otp_code.txt");
const SPEND_HTML: &str = include_str!("templates/spend_warning.html");
const SPEND_TEXT: &str = include_str!("templates/spend_warning.txt");

/// A template failed to render.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ViewError(#[from] minijinja::Error);

/// A message's subject and its two parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EmailParts {
    /// The subject line.
    pub subject: String,
    /// The HTML part.
    pub html: String,
    /// The plain-text part.
    pub text: String,
}

/// Renders a pair of templates (`.html` auto-escaped, `.txt` not) with one context.
fn render_pair(
    (html_name, html_source): (&'static str, &'static str),
    (text_name, text_source): (&'static str, &'static str),
    context: &impl Serialize,
) -> Result<(String, String), ViewError> {
    let mut env = minijinja::Environment::new();
    env.add_template(html_name, html_source)?;
    env.add_template(text_name, text_source)?;
    let html = env.get_template(html_name)?.render(context)?;
    let text = env.get_template(text_name)?.render(context)?;
    Ok((html, text))
}

/// What a conversation summary shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SummaryView<'a> {
    /// The business's display name.
    pub account_name: &'a str,
    /// The agent's display name.
    pub agent_name: &'a str,
    /// The visitor's profile card, when the session has one.
    pub profile: Option<&'a ProfileCard>,
    /// The model's summary, split under its headings.
    pub sections: &'a [Section],
    /// The session summarised.
    pub session: &'a Session,
}

/// What the summary templates see.
#[derive(Debug, Serialize)]
struct SummaryContext<'a> {
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

/// The summary email the business receives (the visitor's copy has the same parts under
/// [`visitor_copy_subject`]).
pub(crate) fn summary_email(view: &SummaryView<'_>) -> Result<EmailParts, ViewError> {
    let who = view
        .profile
        .and_then(|p| p.name.clone().or_else(|| p.email.clone()))
        .unwrap_or_else(|| "a website visitor".to_owned());
    let subject = format!("Conversation summary: {who} ({})", view.account_name);
    let heading = format!("Conversation with {who}");
    let context = SummaryContext {
        subject: &subject,
        heading: &heading,
        account_name: view.account_name,
        agent_name: view.agent_name,
        profile: view.profile,
        sections: view.sections,
        session_id: view.session.id.as_str(),
        message_count: view.session.message_count,
        started: view.session.created_at.format("%Y-%m-%d %H:%M").to_string(),
        last_active: view
            .session
            .last_active_at
            .format("%Y-%m-%d %H:%M")
            .to_string(),
    };
    let (html, text) = render_pair(
        ("summary.html", SUMMARY_HTML),
        ("summary.txt", SUMMARY_TEXT),
        &context,
    )?;
    Ok(EmailParts {
        subject,
        html,
        text,
    })
}

/// The subject of the visitor's copy of a summary.
pub(crate) fn visitor_copy_subject(account_name: &str) -> String {
    format!("Your conversation with {account_name}")
}

/// How the team can reach the visitor who asked for a person.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub(crate) struct ContactCard {
    /// Name.
    pub name: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Whether that address was proven with a code.
    pub email_verified: bool,
    /// Phone.
    pub phone: Option<String>,
    /// Company.
    pub company: Option<String>,
}

/// What a handoff email shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HandoffView<'a> {
    /// The business's display name.
    pub account_name: &'a str,
    /// The agent's display name.
    pub agent_name: &'a str,
    /// How to reach the visitor.
    pub contact: &'a ContactCard,
    /// The visitor's note to the team.
    pub note: Option<&'a str>,
    /// The conversation so far.
    pub transcript: &'a [TranscriptLine],
    /// The session handed over.
    pub session: &'a Session,
    /// Whether it was asked inside the business hours.
    pub open_now: bool,
    /// When it was asked.
    pub requested_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Serialize)]
struct HandoffContext<'a> {
    subject: &'a str,
    heading: &'a str,
    account_name: &'a str,
    agent_name: &'a str,
    contact: &'a ContactCard,
    note: Option<&'a str>,
    transcript: &'a [TranscriptLine],
    open_now: bool,
    session_id: &'a str,
    message_count: u64,
    started: String,
    requested: String,
}

/// The email that hands a conversation to the team: who to reach and how, their note, and
/// the conversation.
pub(crate) fn handoff_email(view: &HandoffView<'_>) -> Result<EmailParts, ViewError> {
    let who = view
        .contact
        .name
        .clone()
        .unwrap_or_else(|| "A website visitor".to_owned());
    let subject = format!("{who} asks to talk to someone ({})", view.account_name);
    let heading = format!("{who} would like to talk to someone");
    let context = HandoffContext {
        subject: &subject,
        heading: &heading,
        account_name: view.account_name,
        agent_name: view.agent_name,
        contact: view.contact,
        note: view.note,
        transcript: view.transcript,
        open_now: view.open_now,
        session_id: view.session.id.as_str(),
        message_count: view.session.message_count,
        started: view.session.created_at.format("%Y-%m-%d %H:%M").to_string(),
        requested: view.requested_at.format("%Y-%m-%d %H:%M").to_string(),
    };
    let (html, text) = render_pair(
        ("handoff.html", HANDOFF_HTML),
        ("handoff.txt", HANDOFF_TEXT),
        &context,
    )?;
    Ok(EmailParts {
        subject,
        html,
        text,
    })
}

/// What a one-time-code email shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CodeView<'a> {
    /// The business's display name.
    pub account_name: &'a str,
    /// What the code unlocks.
    pub purpose: OtpPurpose,
    /// The code's digits.
    pub code: &'a str,
    /// Minutes until the code expires.
    pub minutes: u32,
}

/// What the code templates see.
#[derive(Debug, Serialize)]
struct CodeContext<'a> {
    action: &'a str,
    account_name: &'a str,
    code: &'a str,
    minutes: u32,
}

/// The email that carries a one-time code (the code ends the subject too, for mail clients
/// that offer to copy it).
pub(crate) fn code_email(view: &CodeView<'_>) -> Result<EmailParts, ViewError> {
    let action = match view.purpose {
        OtpPurpose::Verify => "confirm your email address",
        OtpPurpose::Export => "download the data stored about you",
        OtpPurpose::Delete => "delete the data stored about you",
        OtpPurpose::ConsoleSignIn => "sign in to the operator console",
    };
    let context = CodeContext {
        action,
        account_name: view.account_name,
        code: view.code,
        minutes: view.minutes,
    };
    let (html, text) = render_pair(
        ("otp_code.html", CODE_HTML),
        ("otp_code.txt", CODE_TEXT),
        &context,
    )?;
    Ok(EmailParts {
        subject: format!("Your code for {}: {}", view.account_name, view.code),
        html,
        text,
    })
}

/// What a spend warning shows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpendWarningView<'a> {
    /// Whose budget: the business's or agent's display name, or "This deployment".
    pub who: &'a str,
    /// The deployment's, the account's or the agent's caps.
    pub scope: SpendScope,
    /// A day or a month.
    pub period: SpendPeriod,
    /// The window, as `2026-12-01` or `2026-12`.
    pub window: &'a str,
    /// Spent so far, in US dollars.
    pub spent_usd: f64,
    /// The cap, in US dollars.
    pub cap_usd: f64,
    /// When the window ends.
    pub resets_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Serialize)]
struct SpendContext<'a> {
    who: &'a str,
    share: u32,
    period: &'a str,
    period_noun: &'a str,
    window: &'a str,
    spent: String,
    cap: String,
    resets: String,
    consequence: &'a str,
    key: String,
}

/// The one email of a window that says a budget is nearly used up.
pub(crate) fn spend_warning_email(view: &SpendWarningView<'_>) -> Result<EmailParts, ViewError> {
    let (period, period_noun) = match view.period {
        SpendPeriod::Day => ("daily", "day"),
        SpendPeriod::Month => ("monthly", "month"),
    };
    let share = if view.cap_usd > 0.0 {
        // A share in whole percent; the cast saturates.
        (view.spent_usd / view.cap_usd * 100.0).floor() as u32
    } else {
        100
    };
    let consequence = match view.scope {
        SpendScope::Deployment => {
            "every agent of the deployment answers by quoting its site instead of calling the model, and summaries pause,"
        }
        SpendScope::Account => {
            "its agents answer by quoting the site instead of calling the model, and summaries pause,"
        }
        SpendScope::Agent => {
            "the agent answers by quoting the site instead of calling the model, and its summaries pause,"
        }
    };
    let context = SpendContext {
        who: view.who,
        share,
        period,
        period_noun,
        window: view.window,
        spent: format!("{:.2}", view.spent_usd),
        cap: format!("{:.2}", view.cap_usd),
        resets: view.resets_at.format("%Y-%m-%d %H:%M").to_string(),
        consequence,
        key: format!(
            "spend.{}.{}_usd",
            view.scope.as_str(),
            match view.period {
                SpendPeriod::Day => "daily",
                SpendPeriod::Month => "monthly",
            }
        ),
    };
    let (html, text) = render_pair(
        ("spend_warning.html", SPEND_HTML),
        ("spend_warning.txt", SPEND_TEXT),
        &context,
    )?;
    Ok(EmailParts {
        subject: format!("{}: {share} % of the {period} model budget used", view.who),
        html,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AccountId, AgentId, VisitorId, now};
    use crate::email::summary::sections;

    #[test]
    fn the_summary_html_escapes_what_the_model_and_visitor_wrote() {
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
        let mut session = Session::new(
            AccountId::parse("acme").expect("valid"),
            AgentId::parse("sales").expect("valid"),
            VisitorId::generate(),
            now(),
        );
        session.message_count = 2;
        let email = summary_email(&SummaryView {
            account_name: "Acme & Co",
            agent_name: "Nora",
            profile: Some(&card),
            sections: &sections,
            session: &session,
        })
        .expect("renders");
        let (html, text) = (&email.html, &email.text);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("Acme &amp; Co"), "{html}");
        assert!(text.contains("<b>Ann</b>"), "{text}");
        assert!(text.contains("Who"), "{text}");
        assert_eq!(
            email.subject,
            "Conversation summary: <script>alert(1)</script> (Acme & Co)"
        );
    }

    #[test]
    fn the_handoff_email_shows_the_contact_and_the_escaped_conversation() {
        let session = Session::new(
            AccountId::parse("acme").expect("valid"),
            AgentId::parse("sales").expect("valid"),
            VisitorId::generate(),
            now(),
        );
        let contact = ContactCard {
            name: Some("Ann <b>Lee</b>".to_owned()),
            phone: Some("+44 113 496 0000".to_owned()),
            ..ContactCard::default()
        };
        let transcript = [
            TranscriptLine {
                who: "Visitor",
                text: "A <script>quote</script>?".to_owned(),
            },
            TranscriptLine {
                who: "Assistant",
                text: "Sure.".to_owned(),
            },
        ];
        let email = handoff_email(&HandoffView {
            account_name: "Acme & Co",
            agent_name: "Nora",
            contact: &contact,
            note: Some("Call after 5"),
            transcript: &transcript,
            session: &session,
            open_now: false,
            requested_at: now(),
        })
        .expect("renders");
        let (html, text) = (&email.html, &email.text);
        assert_eq!(
            email.subject,
            "Ann <b>Lee</b> asks to talk to someone (Acme & Co)"
        );
        assert!(
            !html.contains("<script>") && !html.contains("<b>Lee"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;quote"), "{html}");
        assert!(html.contains("+44 113 496 0000"), "{html}");
        assert!(html.contains("outside your opening hours"), "{html}");
        assert!(text.contains("Phone: +44 113 496 0000"), "{text}");
        assert!(
            text.contains("Visitor: A <script>quote</script>?"),
            "{text}"
        );
        assert!(text.contains("Their note:\nCall after 5"), "{text}");
    }

    #[test]
    fn the_code_email_carries_the_code_and_escapes_the_account_name() {
        let email = code_email(&CodeView {
            account_name: "Bo's <Cafe>",
            purpose: OtpPurpose::Delete,
            code: "012345",
            minutes: 10,
        })
        .expect("renders");
        assert_eq!(email.subject, "Your code for Bo's <Cafe>: 012345");
        assert_eq!(
            email.text,
            "Your code to delete the data stored about you with Bo's <Cafe> is 012345.\n\n\
             It expires in 10 minutes. If you did not ask for it, ignore this email."
        );
        assert!(email.html.contains(">012345</p>"), "{}", email.html);
        assert!(
            email.html.contains("Bo&#x27;s &lt;Cafe&gt;"),
            "{}",
            email.html
        );
        assert!(!email.html.contains("<Cafe>"), "{}", email.html);
    }
}
