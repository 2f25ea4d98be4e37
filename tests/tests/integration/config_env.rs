//! `SALIENT__SECTION__KEY` environment variables override every file. The workspace forbids
//! `unsafe` (edition 2024's `set_var`), and the other tests of this binary read the
//! environment on other threads, so the test re-runs itself in a child process that starts
//! with the variables set; the parent never changes its own environment.

use std::path::Path;

use salient_core::config::{self, Catalog};
use salient_core::domain::{AccountId, AgentId};

const OVERRIDES: [(&str, &str); 2] = [
    ("SALIENT__LLM__MODEL", "env/model"),
    ("SALIENT__LIMITS__MAX_MESSAGE_CHARS", "123"),
];

#[test]
fn environment_variables_override_every_file_and_are_named_as_the_source() {
    if !in_child_with(
        &OVERRIDES,
        "environment_variables_override_every_file_and_are_named_as_the_source",
    ) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config");
    let catalog = Catalog::load(&root, &[]).expect("loads");
    let account = AccountId::parse("harbor-books").expect("slug");
    let agent = AgentId::parse("info").expect("slug");
    let config = catalog.agent(&account, &agent).expect("agent");
    // harbor-books/info sets both keys in its own YAML; the environment still wins.
    assert_eq!(config.settings.llm.model, "env/model");
    assert_eq!(config.settings.limits.max_message_chars, 123);
    let keys = config::explain(&root, &account, &agent, &[]).expect("explains");
    let model = keys
        .iter()
        .find(|k| k.key == "llm.model")
        .expect("llm.model");
    assert_eq!(model.source, "environment variable SALIENT__LLM__MODEL");
}

/// True in the child process, which has `vars` set: run the test body. In the parent, runs
/// this binary again with `vars` set and only the test `name` of this module, asserts that
/// exactly that test ran and passed, and returns false.
fn in_child_with(vars: &[(&str, &str)], name: &str) -> bool {
    if vars
        .iter()
        .all(|(key, value)| std::env::var(key).as_deref() == Ok(*value))
    {
        return true;
    }
    // `integration::config_env` -> `config_env::<name>`, the name the test harness knows.
    let path = module_path!()
        .split_once("::")
        .map_or(module_path!(), |(_, path)| path);
    let test = format!("{path}::{name}");
    let output = std::process::Command::new(std::env::current_exe().expect("own path"))
        .args(["--exact", &test, "--test-threads", "1"])
        .envs(vars.iter().copied())
        .output()
        .expect("re-running the test binary");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the re-run of {test} with {vars:?} failed:\n{stdout}\n{stderr}"
    );
    false
}
