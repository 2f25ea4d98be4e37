//! Settings of the spend caps (`spend:`): how much the model may cost per UTC day and per
//! UTC month, for the whole deployment, for an account (all its agents together) and for
//! one agent; who is warned when a cap is near; and the price used for a call whose
//! provider reports no cost.

use serde::{Deserialize, Serialize};

/// A daily and a monthly cap in US dollars; `0` is no cap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SpendCaps {
    /// Most the model may cost per UTC day.
    pub daily_usd: f64,
    /// Most the model may cost per UTC month.
    pub monthly_usd: f64,
}

/// The price of a call whose provider sends no cost, per million tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TokenPrice {
    /// US dollars per million prompt tokens.
    pub prompt_per_million_usd: f64,
    /// US dollars per million completion tokens.
    pub completion_per_million_usd: f64,
}

/// The `spend:` section.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SpendSettings {
    /// Share of a cap (0 to 1) at which one warning email per window goes out.
    pub warn_at: f64,
    /// The whole deployment (read from `app.yaml` and the environment only).
    pub deployment: SpendCaps,
    /// All of an account's agents together (set in `account.yaml`).
    pub account: SpendCaps,
    /// Each agent on its own.
    pub agent: SpendCaps,
    /// Who is warned about the account's and its agents' caps; empty: the account's
    /// `summary_recipients`.
    pub recipients: Vec<String>,
    /// Who is warned about the deployment's cap (`app.yaml`); empty: nobody (the log still
    /// says it at `warn` level).
    pub deployment_recipients: Vec<String>,
    /// The price of a call whose provider reports no cost (all zero: such calls count
    /// nothing).
    pub fallback_price: TokenPrice,
}

impl Default for SpendSettings {
    fn default() -> Self {
        Self {
            warn_at: 0.8,
            deployment: SpendCaps::default(),
            account: SpendCaps {
                daily_usd: 10.0,
                monthly_usd: 100.0,
            },
            agent: SpendCaps::default(),
            recipients: Vec::new(),
            deployment_recipients: Vec::new(),
            fallback_price: TokenPrice::default(),
        }
    }
}

/// Range checks of `spend:`.
pub(super) fn validate_spend(settings: &SpendSettings, check: &mut impl FnMut(bool, &str, &str)) {
    check(
        settings.warn_at > 0.0 && settings.warn_at <= 1.0,
        "spend.warn_at",
        "must be above 0 and at most 1",
    );
    for (key, value) in [
        ("spend.deployment.daily_usd", settings.deployment.daily_usd),
        (
            "spend.deployment.monthly_usd",
            settings.deployment.monthly_usd,
        ),
        ("spend.account.daily_usd", settings.account.daily_usd),
        ("spend.account.monthly_usd", settings.account.monthly_usd),
        ("spend.agent.daily_usd", settings.agent.daily_usd),
        ("spend.agent.monthly_usd", settings.agent.monthly_usd),
        (
            "spend.fallback_price.prompt_per_million_usd",
            settings.fallback_price.prompt_per_million_usd,
        ),
        (
            "spend.fallback_price.completion_per_million_usd",
            settings.fallback_price.completion_per_million_usd,
        ),
    ] {
        check(
            value.is_finite() && (0.0..=1_000_000.0).contains(&value),
            key,
            "must be between 0 and 1000000 (US dollars; 0 is no cap)",
        );
    }
}
