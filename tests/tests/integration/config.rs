//! The configuration cascade: app → account → agent, key by key; typed and validated at load
//! with errors that name the file and the key; secrets never from files; provenance per key.

use std::fs;
use std::path::Path;

use salient_core::config::{self, Catalog, SecretParameter};
use salient_core::domain::{AccountId, AgentId};
use secrecy::ExposeSecret as _;

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

/// A small config tree: one account, one agent, each level overriding something.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "app.yaml",
        "llm:\n  model: base/model\n  temperature: 0.1\n  extra_headers:\n    X-Title: Salient\n",
    );
    write(
        root,
        "accounts/acme/account.yaml",
        "account:\n  name: Acme\nllm:\n  temperature: 0.5\n  extra_headers:\n    HTTP-Referer: https://acme.example\n",
    );
    write(
        root,
        "accounts/acme/agents/sales.yaml",
        "agent:\n  name: Ann\nllm:\n  model: agent/model\n",
    );
    write(root, "accounts/acme/agents/sales.md", "You are Ann.\n");
    dir
}

fn ids() -> (AccountId, AgentId) {
    (
        AccountId::parse("acme").expect("slug"),
        AgentId::parse("sales").expect("slug"),
    )
}

fn load_error(root: &Path) -> String {
    Catalog::load(root, &[])
        .expect_err("the load should fail")
        .to_string()
}

#[test]
fn later_levels_override_earlier_ones_key_by_key() {
    let dir = tree();
    let catalog = Catalog::load(dir.path(), &[]).expect("loads");
    let (account, agent) = ids();
    let config = catalog.agent(&account, &agent).expect("the agent exists");
    let llm = &config.settings.llm;
    assert_eq!(llm.model, "agent/model");
    assert!((llm.temperature - 0.5).abs() < f32::EPSILON);
    assert_eq!(
        llm.max_tokens, 800,
        "untouched keys keep the built-in default"
    );
    // Maps merge key by key too.
    assert_eq!(
        llm.extra_headers.get("X-Title").map(String::as_str),
        Some("Salient")
    );
    assert_eq!(
        llm.extra_headers.get("HTTP-Referer").map(String::as_str),
        Some("https://acme.example")
    );
    assert_eq!(config.system_prompt, "You are Ann.\n");
    assert_eq!(config.settings.agent.name, "Ann");
}

#[test]
fn explain_names_the_source_of_every_key_and_masks_secrets() {
    let dir = tree();
    let (account, agent) = ids();
    let secret = SecretParameter {
        account: Some(account.clone()),
        key: "llm.api_key".to_owned(),
        parameter: "/salient/prod/accounts/acme/llm/api_key".to_owned(),
        value: "sk-or-v1-very-secret".to_owned(),
    };
    let keys = config::explain(dir.path(), &account, &agent, &[secret]).expect("explains");
    let find = |key: &str| {
        keys.iter()
            .find(|k| k.key == key)
            .unwrap_or_else(|| panic!("{key} missing"))
    };
    assert!(
        find("llm.model")
            .source
            .ends_with("accounts/acme/agents/sales.yaml")
    );
    assert!(
        find("llm.temperature")
            .source
            .ends_with("accounts/acme/account.yaml")
    );
    assert!(
        find("llm.extra_headers.X-Title")
            .source
            .ends_with("app.yaml")
    );
    assert_eq!(find("llm.max_tokens").source, "built-in default");
    let api_key = find("llm.api_key");
    assert_eq!(api_key.value, "\"********\"");
    assert_eq!(
        api_key.source,
        "SSM parameter /salient/prod/accounts/acme/llm/api_key"
    );
    assert!(keys.iter().all(|k| !k.value.contains("very-secret")));
}

#[test]
fn an_account_scoped_ssm_secret_applies_to_that_account_only() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/other/account.yaml",
        "account:\n  name: Other\n",
    );
    write(
        dir.path(),
        "accounts/other/agents/info.yaml",
        "agent:\n  name: Otto\n",
    );
    write(
        dir.path(),
        "accounts/other/agents/info.md",
        "You are Otto.\n",
    );
    let secrets = [SecretParameter {
        account: Some(AccountId::parse("acme").expect("slug")),
        key: "llm.api_key".to_owned(),
        parameter: "/salient/prod/accounts/acme/llm/api_key".to_owned(),
        value: "sk-acme".to_owned(),
    }];
    let catalog = Catalog::load(dir.path(), &secrets).expect("loads");
    let (account, agent) = ids();
    let acme = catalog.agent(&account, &agent).expect("acme/sales");
    assert_eq!(
        acme.settings
            .llm
            .api_key
            .as_ref()
            .map(|k| k.expose_secret().to_owned()),
        Some("sk-acme".to_owned())
    );
    let other = catalog
        .agent(
            &AccountId::parse("other").expect("slug"),
            &AgentId::parse("info").expect("slug"),
        )
        .expect("other/info");
    assert!(other.settings.llm.api_key.is_none());
}

#[test]
fn a_secret_written_in_a_file_is_refused_naming_file_and_key() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/agents/sales.yaml",
        "agent:\n  name: Ann\nllm:\n  api_key: sk-leaked\n",
    );
    let error = load_error(dir.path());
    assert!(error.contains("accounts/acme/agents/sales.yaml"), "{error}");
    assert!(error.contains("llm.api_key"), "{error}");
    assert!(
        !error.contains("sk-leaked"),
        "the secret must not be echoed: {error}"
    );
}

#[test]
fn a_wrongly_typed_value_names_file_and_key() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/account.yaml",
        "account:\n  name: Acme\nllm:\n  temperature: warm\n",
    );
    let error = load_error(dir.path());
    assert!(error.contains("accounts/acme/account.yaml"), "{error}");
    assert!(error.contains("llm.temperature"), "{error}");
}

#[test]
fn an_unknown_key_is_refused_so_typos_do_not_pass_silently() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/agents/sales.yaml",
        "agent:\n  name: Ann\nllm:\n  temprature: 0.2\n",
    );
    let error = load_error(dir.path());
    assert!(error.contains("temprature"), "{error}");
}

#[test]
fn an_out_of_range_value_names_file_and_key() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/agents/sales.yaml",
        "agent:\n  name: Ann\nllm:\n  temperature: 3.5\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("accounts/acme/agents/sales.yaml: key `llm.temperature`"),
        "{error}"
    );
}

#[test]
fn an_unknown_share_bar_outside_zero_to_one_is_refused() {
    let dir = tree();
    write(
        dir.path(),
        "app.yaml",
        "knowledge:\n  rag:\n    abstain:\n      max_unknown: 1.5\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("knowledge.rag.abstain.max_unknown") && error.contains("between 0 and 1"),
        "{error}"
    );
}

#[test]
fn a_kind_cover_bar_outside_zero_to_one_is_refused() {
    let dir = tree();
    write(
        dir.path(),
        "app.yaml",
        "knowledge:\n  rag:\n    abstain:\n      min_kind_cover: -0.1\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("knowledge.rag.abstain.min_kind_cover") && error.contains("between 0 and 1"),
        "{error}"
    );
}

#[test]
fn a_before_model_bar_outside_minus_one_to_one_is_refused() {
    let dir = tree();
    write(
        dir.path(),
        "app.yaml",
        "knowledge:\n  rag:\n    abstain:\n      min_score_before_model: 1.5\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("knowledge.rag.abstain.min_score_before_model")
            && error.contains("between -1 and 1"),
        "{error}"
    );
}

#[test]
fn a_system_prompt_outside_the_account_directory_is_refused() {
    let dir = tree();
    write(dir.path(), "secret.md", "not a prompt\n");
    write(
        dir.path(),
        "accounts/acme/agents/sales.yaml",
        "agent:\n  name: Ann\n  system_prompt_file: ../../../secret.md\n",
    );
    let error = load_error(dir.path());
    assert!(error.contains("agent.system_prompt_file"), "{error}");
}

#[test]
fn a_directory_that_is_not_a_slug_is_refused() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/Bad Name/account.yaml",
        "account:\n  name: Bad\n",
    );
    let error = load_error(dir.path());
    assert!(error.contains("Bad Name"), "{error}");
}

#[test]
fn the_repository_config_loads_every_demo_agent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config");
    let catalog = Catalog::load(&root, &[]).expect("the shipped config is valid");
    let agents: Vec<String> = catalog
        .agents()
        .map(|a| format!("{}/{}", a.account, a.agent))
        .collect();
    assert_eq!(
        agents,
        [
            "harbor-books/info",
            "northwind-heating/sales",
            "northwind-heating/support"
        ]
    );
}

#[test]
fn retention_days_is_one_value_per_account_with_the_deployments_as_default() {
    let dir = tree();
    let root = dir.path();
    write(root, "app.yaml", "retention:\n  days: 100\n");
    write(
        root,
        "accounts/acme/account.yaml",
        "account:\n  name: Acme\nretention:\n  days: 30\n",
    );
    write(
        root,
        "accounts/keep/account.yaml",
        "account:\n  name: Keep\nretention:\n  days: 0\n",
    );
    write(
        root,
        "accounts/keep/agents/desk.yaml",
        "agent:\n  name: Kim\n",
    );
    write(root, "accounts/keep/agents/desk.md", "You are Kim.\n");
    write(
        root,
        "accounts/plain/account.yaml",
        "account:\n  name: Plain\n",
    );
    write(
        root,
        "accounts/plain/agents/desk.yaml",
        "agent:\n  name: Pat\n",
    );
    write(root, "accounts/plain/agents/desk.md", "You are Pat.\n");
    let retention = Catalog::load(root, &[]).expect("loads").retention();
    let days = |account: &str| {
        retention
            .period(&AccountId::parse(account).expect("slug"))
            .map(|period| period.num_days())
    };
    assert_eq!(days("acme"), Some(30));
    assert_eq!(days("keep"), None, "0 keeps data until it is erased");
    assert_eq!(days("plain"), Some(100));
    assert_eq!(days("unknown"), Some(100));

    // Without any setting: a year.
    let dir = tree();
    let retention = Catalog::load(dir.path(), &[]).expect("loads").retention();
    assert_eq!(
        retention.period(&ids().0).map(|period| period.num_days()),
        Some(365)
    );
}

#[test]
fn agents_of_one_account_that_disagree_on_retention_are_refused() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/agents/support.yaml",
        "agent:\n  name: Sam\nretention:\n  days: 10\n",
    );
    write(
        dir.path(),
        "accounts/acme/agents/support.md",
        "You are Sam.\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("key `retention.days`")
            && error.contains("accounts/acme/agents/support.yaml"),
        "{error}"
    );

    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/account.yaml",
        "account:\n  name: Acme\nretention:\n  days: 100000\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("accounts/acme/account.yaml: key `retention.days`"),
        "{error}"
    );
}

#[test]
fn spend_caps_shared_by_many_agents_cannot_be_set_per_agent() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/agents/support.md",
        "You are Sam.\n",
    );
    write(
        dir.path(),
        "accounts/acme/agents/support.yaml",
        "agent:\n  name: Sam\nspend:\n  account:\n    daily_usd: 99\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("acme/support: key `spend.account`") && error.contains("account.yaml"),
        "{error}"
    );

    write(
        dir.path(),
        "accounts/acme/agents/support.yaml",
        "agent:\n  name: Sam\nspend:\n  deployment:\n    monthly_usd: 5\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("acme/support: key `spend.deployment`") && error.contains("app.yaml"),
        "{error}"
    );

    // In account.yaml the account's caps hold for every agent; an agent's own cap is fine.
    write(
        dir.path(),
        "accounts/acme/account.yaml",
        "account:\n  name: Acme\nspend:\n  account:\n    daily_usd: 99\n",
    );
    write(
        dir.path(),
        "accounts/acme/agents/support.yaml",
        "agent:\n  name: Sam\nspend:\n  agent:\n    daily_usd: 3\n",
    );
    let catalog = Catalog::load(dir.path(), &[]).expect("loads");
    let (acme, sales) = ids();
    let support = AgentId::parse("support").expect("slug");
    let of = |agent: &AgentId| {
        catalog
            .agent(&acme, agent)
            .expect("agent")
            .settings
            .spend
            .clone()
    };
    assert_eq!(of(&sales).account.daily_usd, 99.0);
    assert_eq!(of(&support).account.daily_usd, 99.0);
    assert_eq!(of(&support).agent.daily_usd, 3.0);
    assert_eq!(of(&sales).agent.daily_usd, 0.0);
}

#[test]
fn a_spend_warning_share_outside_zero_to_one_is_refused() {
    let dir = tree();
    write(
        dir.path(),
        "accounts/acme/account.yaml",
        "account:\n  name: Acme\nspend:\n  warn_at: 1.5\n",
    );
    let error = load_error(dir.path());
    assert!(
        error.contains("accounts/acme/account.yaml: key `spend.warn_at`"),
        "{error}"
    );
}
