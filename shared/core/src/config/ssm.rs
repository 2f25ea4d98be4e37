//! Secrets from AWS Systems Manager Parameter Store, read once at cold start.
//!
//! With `SALIENT_SSM_PREFIX=/salient/prod`, the SecureString parameter
//! `/salient/prod/llm/api_key` sets `llm.api_key` for every account, and
//! `/salient/prod/accounts/<account>/llm/api_key` sets it for one account.

use secrecy::{ExposeSecret as _, SecretString};

use crate::domain::AccountId;

/// One secret read from SSM.
#[derive(Clone)]
pub struct SecretParameter {
    /// `None` for deployment-wide, or the account it applies to.
    pub account: Option<AccountId>,
    /// The dotted settings key, e.g. `llm.api_key`.
    pub key: String,
    /// The full parameter name (shown as the value's source, never the value).
    pub parameter: String,
    /// The secret value.
    pub value: String,
}

impl std::fmt::Debug for SecretParameter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretParameter")
            .field("account", &self.account)
            .field("key", &self.key)
            .field("parameter", &self.parameter)
            .field("value", &"********")
            .finish()
    }
}

/// Maps a parameter name under `prefix` to (account, settings key).
fn parse_parameter_name(prefix: &str, name: &str) -> Option<(Option<AccountId>, String)> {
    let rest = name
        .strip_prefix(prefix.trim_end_matches('/'))?
        .strip_prefix('/')?;
    let parts: Vec<&str> = rest.split('/').collect();
    let (account, key_parts) = match parts.as_slice() {
        ["accounts", account, key @ ..] if !key.is_empty() => {
            (Some(AccountId::parse(account).ok()?), key)
        }
        key => (None, key),
    };
    let valid = key_parts.iter().all(|p| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    });
    valid.then(|| (account, key_parts.join(".")))
}

/// Reads every parameter under `prefix` (recursively, decrypted).
pub async fn load_ssm_secrets(
    client: &aws_sdk_ssm::Client,
    prefix: &str,
) -> anyhow::Result<Vec<SecretParameter>> {
    use anyhow::Context as _;
    let mut secrets = Vec::new();
    let mut pages = client
        .get_parameters_by_path()
        .path(prefix)
        .recursive(true)
        .with_decryption(true)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.context("reading SSM parameters")?;
        for parameter in page.parameters() {
            let (Some(name), Some(value)) = (parameter.name(), parameter.value()) else {
                continue;
            };
            match parse_parameter_name(prefix, name) {
                Some((account, key)) => {
                    let value = SecretString::from(value.to_owned());
                    secrets.push(SecretParameter {
                        account,
                        key,
                        parameter: name.to_owned(),
                        value: value.expose_secret().to_owned(),
                    });
                }
                None => tracing::warn!(
                    parameter = name,
                    "ignoring SSM parameter with an unexpected name"
                ),
            }
        }
    }
    Ok(secrets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_names_map_to_keys_and_accounts() {
        assert_eq!(
            parse_parameter_name("/salient/prod", "/salient/prod/llm/api_key"),
            Some((None, "llm.api_key".to_owned()))
        );
        assert_eq!(
            parse_parameter_name("/salient/prod/", "/salient/prod/accounts/acme/llm/api_key"),
            Some((
                Some(AccountId::parse("acme").expect("slug")),
                "llm.api_key".to_owned()
            ))
        );
        assert_eq!(
            parse_parameter_name("/salient/prod", "/other/llm/api_key"),
            None
        );
        assert_eq!(
            parse_parameter_name("/salient/prod", "/salient/prod/accounts/../x"),
            None
        );
    }
}
