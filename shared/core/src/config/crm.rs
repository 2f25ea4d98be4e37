//! Settings of the light CRM: email transport and summaries (`email:`), one-time codes
//! (`otp:`) and the profile fields an agent captures (`profile:`).

use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::ConfigError;
use crate::domain::{AccountId, AgentId};

/// Which transport sends email.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum EmailTransportKind {
    /// `.eml` files in `email.outbox_dir`: the local default, no mail server needed.
    #[default]
    Outbox,
    /// Amazon SES v2.
    Ses,
}

/// Email: how it is sent, and the conversation summaries.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailSettings {
    /// The transport (deployment-wide).
    pub transport: EmailTransportKind,
    /// The sender, `Name <address>` or an address; must be a verified SES identity in AWS.
    pub from: String,
    /// Where the outbox transport writes `.eml` files.
    pub outbox_dir: PathBuf,
    /// An SES endpoint other than AWS's (moto in tests).
    pub ses_endpoint_url: Option<String>,
    /// Conversation summaries (per agent).
    pub summary: SummarySettings,
}

impl Default for EmailSettings {
    fn default() -> Self {
        Self {
            transport: EmailTransportKind::Outbox,
            from: "Salient <no-reply@example.com>".to_owned(),
            outbox_dir: PathBuf::from(".salient/outbox"),
            ses_endpoint_url: None,
            summary: SummarySettings::default(),
        }
    }
}

/// Conversation summaries emailed to the account's `summary_recipients`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SummarySettings {
    /// Whether this agent's conversations are summarised at all.
    pub enabled: bool,
    /// The sweep summarises sessions idle for this many minutes.
    pub idle_minutes: u32,
    /// The summary prompt (markdown), relative to the agent's YAML file; defaults to
    /// `<agent>.summary.md` beside it when that exists, else a built-in prompt.
    pub prompt_file: Option<PathBuf>,
    /// Send attempts per session and trigger before a failed summary is left alone (and
    /// stays `failed` for an operator to see).
    pub max_send_attempts: u32,
    /// A send claimed longer ago than this without an outcome is taken over (its sender
    /// died).
    pub stale_claim_minutes: u32,
    /// Sessions one sweep handles per account at most.
    pub sweep_batch: u32,
    /// Whether a verified visitor may ask for a copy.
    pub visitor_copy: bool,
    /// Longest transcript (characters, newest kept) given to the model.
    pub max_transcript_chars: usize,
}

impl Default for SummarySettings {
    fn default() -> Self {
        Self {
            enabled: true,
            idle_minutes: 30,
            prompt_file: None,
            max_send_attempts: 5,
            stale_claim_minutes: 10,
            sweep_batch: 50,
            visitor_copy: true,
            max_transcript_chars: 24_000,
        }
    }
}

/// One-time codes that verify an email address. How many a visitor, an address or a client
/// may ask for is `rate_limits.otp`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct OtpSettings {
    /// The key codes are hashed with (HMAC-SHA256). Secret: only from the environment
    /// (`SALIENT__OTP__SECRET`) or SSM. Without one, a random key is made per process
    /// (with a warning): codes then only verify on the process that issued them.
    #[serde(skip_serializing)]
    pub secret: Option<SecretString>,
    /// How long a code is accepted.
    pub code_ttl_secs: u32,
    /// Wrong answers that kill a challenge.
    pub max_attempts: u32,
}

impl Default for OtpSettings {
    fn default() -> Self {
        Self {
            secret: None,
            code_ttl_secs: 600,
            max_attempts: 5,
        }
    }
}

/// A field of a visitor profile the agent may capture.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// Name.
    Name,
    /// Email address (unverified until an OTP proves it).
    Email,
    /// Phone number.
    Phone,
    /// Company or organisation.
    Company,
    /// Products or services of interest.
    Interests,
}

impl ProfileField {
    /// Every field.
    pub const ALL: [ProfileField; 5] = [
        Self::Name,
        Self::Email,
        Self::Phone,
        Self::Company,
        Self::Interests,
    ];

    /// The field's name in the tool's arguments.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Company => "company",
            Self::Interests => "interests",
        }
    }
}

/// Which profile fields an agent captures through its tool call.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProfileFieldSettings {
    /// Whether the agent is offered the profile tool at all.
    pub capture: bool,
    /// The fields it may fill.
    pub fields: Vec<ProfileField>,
    /// Longest value of a text field, in characters.
    pub max_field_chars: usize,
    /// Most interests kept.
    pub max_interests: usize,
}

impl Default for ProfileFieldSettings {
    fn default() -> Self {
        Self {
            capture: true,
            fields: ProfileField::ALL.to_vec(),
            max_field_chars: 200,
            max_interests: 10,
        }
    }
}

/// The built-in summary prompt, used when an agent has none of its own.
pub const DEFAULT_SUMMARY_PROMPT: &str = "You write short lead summaries for a business. \
Read the conversation between a website visitor and the business's assistant, then answer \
in plain text with exactly these four headed sections, each a few short lines:\n\
Who: who the visitor is (name, company, contact details they gave; say \"unknown\" if none).\n\
What they want: their need, in the visitor's own terms.\n\
Next step: the concrete follow-up the business should take.\n\
Open questions: what is still unanswered or unclear.\n\
Do not invent facts that are not in the conversation.";

/// Reads the agent's summary prompt: `email.summary.prompt_file`, else `<agent>.summary.md`
/// beside the agent's YAML when present, else the built-in one. The file must stay inside
/// the account directory.
pub(super) fn read_summary_prompt(
    root: &Path,
    account: &AccountId,
    agent: &AgentId,
    settings: &SummarySettings,
) -> Result<String, ConfigError> {
    let account_dir = root.join("accounts").join(account.as_str());
    let agents_dir = account_dir.join("agents");
    let path = match &settings.prompt_file {
        Some(relative) => agents_dir.join(relative),
        None => {
            let default = agents_dir.join(format!("{agent}.summary.md"));
            if !default.is_file() {
                return Ok(DEFAULT_SUMMARY_PROMPT.to_owned());
            }
            default
        }
    };
    let io = |source| ConfigError::Io {
        path: path.clone(),
        source,
    };
    let canonical = path.canonicalize().map_err(io)?;
    let inside = account_dir
        .canonicalize()
        .map_err(|source| ConfigError::Io {
            path: account_dir.clone(),
            source,
        })?;
    if !canonical.starts_with(&inside) {
        return Err(ConfigError::Invalid(format!(
            "{}: key `email.summary.prompt_file`: must stay inside {}",
            agents_dir.join(format!("{agent}.yaml")).display(),
            account_dir.display()
        )));
    }
    let text = std::fs::read_to_string(&canonical).map_err(io)?;
    if text.trim().is_empty() {
        return Err(ConfigError::Invalid(format!(
            "{}: the summary prompt is empty",
            path.display()
        )));
    }
    Ok(text)
}

/// Range checks of the `email:`, `otp:` and `profile:` sections.
pub(super) fn validate_crm(
    email: &EmailSettings,
    otp: &OtpSettings,
    profile: &ProfileFieldSettings,
    check: &mut impl FnMut(bool, &str, &str),
) {
    let from_address = match (email.from.find('<'), email.from.rfind('>')) {
        (Some(open), Some(close)) if open < close => &email.from[open + 1..close],
        _ => email.from.as_str(),
    };
    check(
        crate::domain::EmailAddress::parse(from_address).is_ok()
            && !email.from.chars().any(char::is_control),
        "email.from",
        "must be an email address, optionally as `Name <address>`",
    );
    check(
        !email.outbox_dir.as_os_str().is_empty(),
        "email.outbox_dir",
        "must not be empty",
    );
    let summary = &email.summary;
    check(
        (1..=10_080).contains(&summary.idle_minutes),
        "email.summary.idle_minutes",
        "must be between 1 and 10080 (a week)",
    );
    check(
        (1..=20).contains(&summary.max_send_attempts),
        "email.summary.max_send_attempts",
        "must be between 1 and 20",
    );
    check(
        (1..=1440).contains(&summary.stale_claim_minutes),
        "email.summary.stale_claim_minutes",
        "must be between 1 and 1440",
    );
    check(
        (1..=100).contains(&summary.sweep_batch),
        "email.summary.sweep_batch",
        "must be between 1 and 100",
    );
    check(
        (1000..=200_000).contains(&summary.max_transcript_chars),
        "email.summary.max_transcript_chars",
        "must be between 1000 and 200000",
    );
    check(
        (60..=3600).contains(&otp.code_ttl_secs),
        "otp.code_ttl_secs",
        "must be between 60 and 3600",
    );
    check(
        (1..=20).contains(&otp.max_attempts),
        "otp.max_attempts",
        "must be between 1 and 20",
    );
    check(
        (10..=2000).contains(&profile.max_field_chars),
        "profile.max_field_chars",
        "must be between 10 and 2000",
    );
    check(
        (1..=100).contains(&profile.max_interests),
        "profile.max_interests",
        "must be between 1 and 100",
    );
}
