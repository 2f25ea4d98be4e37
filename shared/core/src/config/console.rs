//! The operator console's settings: who may sign in (`operators:` in `app.yaml` for the
//! deployment's operators, who see every account, and in `account.yaml` for one account's),
//! and the console's own limits (`console:` in `app.yaml`: session lifetimes, sign-in link
//! lifetime, audit retention, sign-in rate limits).

use std::collections::BTreeMap;
use std::path::Path;

use figment::Figment;
use figment::providers::{Format as _, Yaml};
use serde::{Deserialize, Serialize};

use super::ConfigError;
use super::rate_limits::{RateWindows, ScopedLimits};
use crate::domain::{AccountId, EmailAddress};

/// The account id the console keeps its own records under (sign-in codes, their rate
/// counters, the deployment's audit entries). No account may have this id: its routes
/// would collide with `/api/console/...`.
pub const CONSOLE_ACCOUNT: &str = "console";

/// What an operator may do on an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OperatorRole {
    /// Reads conversations, leads and the audit log.
    Viewer,
    /// Everything a viewer does, and changes and deletes.
    Owner,
}

impl OperatorRole {
    /// The role's spelling in YAML and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Owner => "owner",
        }
    }
}

/// One entry of an `operators:` list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorEntry {
    /// The address codes are sent to.
    pub email: EmailAddress,
    /// What the operator may do.
    pub role: OperatorRole,
}

/// `console:` in `app.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConsoleSettings {
    /// An operator session ends after this long without a request (sliding).
    pub session_idle_secs: u32,
    /// And this long after sign-in, however active.
    pub session_max_secs: u32,
    /// How long a link printed by `salient console login` can be used (once).
    pub login_link_ttl_secs: u32,
    /// The address the links of `salient console login` start with (no trailing slash);
    /// defaults to `http://127.0.0.1:{server.port}`.
    pub public_url: Option<String>,
    /// How long audit entries are kept.
    pub audit_retention_days: u32,
    /// `POST /api/console/sign-in`, per address and client IP.
    pub sign_in: ScopedLimits,
    /// `POST /api/console/sign-in/verify` (and the link exchange), per address and client IP.
    pub verify: ScopedLimits,
}

impl Default for ConsoleSettings {
    fn default() -> Self {
        let windows = |raw: &str| RateWindows::parse(raw).unwrap_or_default();
        Self {
            session_idle_secs: 30 * 60,
            session_max_secs: 12 * 60 * 60,
            login_link_ttl_secs: 10 * 60,
            public_url: None,
            audit_retention_days: 365,
            sign_in: ScopedLimits {
                email: windows("5/1h"),
                ip: windows("20/1h"),
                ..ScopedLimits::default()
            },
            verify: ScopedLimits {
                email: windows("10/1h"),
                ip: windows("30/1h"),
                ..ScopedLimits::default()
            },
        }
    }
}

/// Everyone who may sign in to the console, and their role on each account.
#[derive(Debug, Clone, Default)]
pub struct Operators {
    /// `operators:` of `app.yaml`: a role on every account, keyed by lowercased address.
    deployment: BTreeMap<String, OperatorRole>,
    /// `operators:` of each `account.yaml`.
    accounts: BTreeMap<AccountId, BTreeMap<String, OperatorRole>>,
    /// Every account of the deployment.
    all_accounts: Vec<AccountId>,
}

fn key_of(email: &EmailAddress) -> String {
    email.as_str().to_lowercase()
}

fn by_address(entries: &[OperatorEntry]) -> BTreeMap<String, OperatorRole> {
    let mut map = BTreeMap::new();
    for entry in entries {
        // Listed twice: the higher role counts.
        let role = map.entry(key_of(&entry.email)).or_insert(entry.role);
        *role = (*role).max(entry.role);
    }
    map
}

impl Operators {
    /// The operators of a deployment: `deployment` from `app.yaml`, `accounts` from each
    /// `account.yaml`, over the deployment's accounts `all_accounts`.
    pub fn new(
        deployment: &[OperatorEntry],
        accounts: BTreeMap<AccountId, Vec<OperatorEntry>>,
        all_accounts: Vec<AccountId>,
    ) -> Self {
        Self {
            deployment: by_address(deployment),
            accounts: accounts
                .into_iter()
                .map(|(account, entries)| (account, by_address(&entries)))
                .collect(),
            all_accounts,
        }
    }

    /// The accounts `email` may see and its role on each (a deployment operator's role
    /// applies to every account; the higher of two roles counts).
    pub fn access(&self, email: &EmailAddress) -> BTreeMap<AccountId, OperatorRole> {
        let key = key_of(email);
        let everywhere = self.deployment.get(&key).copied();
        let mut access = BTreeMap::new();
        for account in &self.all_accounts {
            let own = self
                .accounts
                .get(account)
                .and_then(|operators| operators.get(&key))
                .copied();
            if let Some(role) = own.max(everywhere) {
                access.insert(account.clone(), role);
            }
        }
        access
    }

    /// Whether `email` is one of the deployment's operators (`operators:` of `app.yaml`),
    /// who alone see the deployment's own pages (request metrics, its error events).
    pub fn is_deployment_operator(&self, email: &EmailAddress) -> bool {
        self.deployment.contains_key(&key_of(email))
    }

    /// Whether `email` may sign in at all.
    pub fn is_operator(&self, email: &EmailAddress) -> bool {
        !self.access(email).is_empty()
    }

    /// How many distinct addresses may sign in.
    pub fn count(&self) -> usize {
        let mut all: std::collections::BTreeSet<&String> = self.deployment.keys().collect();
        all.extend(self.accounts.values().flat_map(BTreeMap::keys));
        all.len()
    }
}

/// The `operators:` of one YAML file, if it sets them. A bad entry is an error naming the
/// file, the entry's key (`operators.1.role`) and what is wrong with it.
pub(super) fn operators_in(file: &Path) -> Result<Option<Vec<OperatorEntry>>, ConfigError> {
    #[derive(Deserialize)]
    struct OnlyOperators {
        operators: Vec<OperatorEntry>,
    }
    let figment = Figment::from(Yaml::file_exact(file));
    if !figment.contains("operators") {
        return Ok(None);
    }
    figment
        .extract::<OnlyOperators>()
        .map(|only| Some(only.operators))
        .map_err(|err| {
            let key = if err.path.is_empty() {
                "operators".to_owned()
            } else {
                err.path.join(".")
            };
            ConfigError::Invalid(format!(
                "{}: key `{key}`: {} (each entry is {{email, role: owner|viewer}})",
                file.display(),
                err.kind
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(email: &str, role: OperatorRole) -> OperatorEntry {
        OperatorEntry {
            email: EmailAddress::parse(email).expect("valid"),
            role,
        }
    }

    #[test]
    fn deployment_operators_see_every_account_and_the_higher_role_counts() {
        let a = AccountId::parse("a").expect("valid");
        let b = AccountId::parse("b").expect("valid");
        let operators = Operators::new(
            &[entry("ops@example.com", OperatorRole::Viewer)],
            BTreeMap::from([
                (
                    a.clone(),
                    vec![entry("Ops@Example.com", OperatorRole::Owner)],
                ),
                (
                    b.clone(),
                    vec![entry("ann@example.com", OperatorRole::Viewer)],
                ),
            ]),
            vec![a.clone(), b.clone()],
        );
        let ops = operators.access(&EmailAddress::parse("ops@example.com").expect("valid"));
        assert_eq!(ops.get(&a), Some(&OperatorRole::Owner));
        assert_eq!(ops.get(&b), Some(&OperatorRole::Viewer));
        let ann = operators.access(&EmailAddress::parse("ann@example.com").expect("valid"));
        assert_eq!(ann.len(), 1);
        assert_eq!(ann.get(&b), Some(&OperatorRole::Viewer));
        assert!(!operators.is_operator(&EmailAddress::parse("eve@example.com").expect("valid")));
        assert_eq!(operators.count(), 2);
    }
}
