//! `SALIENT__SECTION__KEY` environment variables override every file. The workspace forbids
//! `unsafe` (edition 2024's `set_var`), and the other tests of this binary read the
//! environment on other threads, so the test re-runs itself in a child process that starts
//! with the variables set; the parent never changes its own environment.

use std::path::Path;

use salient_core::config::{self, Catalog};
use salient_core::domain::{AccountId, AgentId};
use salient_tests::child::in_child_with;

const OVERRIDES: [(&str, &str); 2] = [
    ("SALIENT__LLM__MODEL", "env/model"),
    ("SALIENT__LIMITS__MAX_MESSAGE_CHARS", "123"),
];

#[test]
fn environment_variables_override_every_file_and_are_named_as_the_source() {
    if !in_child_with(
        &OVERRIDES,
        module_path!(),
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
