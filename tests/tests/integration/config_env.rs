//! `SALIENT__SECTION__KEY` environment variables override every file. Its own test binary,
//! because environment variables are process-wide.

use std::path::Path;

use salient_core::config::{self, Catalog};
use salient_core::domain::{AccountId, AgentId};

#[test]
fn environment_variables_override_every_file_and_are_named_as_the_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config");
    // This binary has exactly one test, so no other thread reads the environment.
    unsafe_free_set("SALIENT__LLM__MODEL", "env/model");
    unsafe_free_set("SALIENT__LIMITS__MAX_MESSAGE_CHARS", "123");
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

/// Edition 2024 makes `set_var` unsafe; the workspace forbids unsafe code, so the variables
/// are set by re-running this test binary with them when they are missing.
fn unsafe_free_set(name: &str, value: &str) {
    if std::env::var(name).as_deref() == Ok(value) {
        return;
    }
    let exe = std::env::current_exe().expect("own path");
    let status = std::process::Command::new(exe)
        .args([
            "--exact",
            "environment_variables_override_every_file_and_are_named_as_the_source",
            "--nocapture",
        ])
        .env("SALIENT__LLM__MODEL", "env/model")
        .env("SALIENT__LIMITS__MAX_MESSAGE_CHARS", "123")
        .status()
        .expect("re-run with the environment set");
    assert!(status.success(), "the re-run with {name}={value} failed");
    std::process::exit(0);
}
