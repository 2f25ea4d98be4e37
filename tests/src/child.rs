//! Tests that need process-wide state (environment variables, the global log subscriber)
//! re-run themselves in a child process: the integration tests share one process, whose
//! other tests run on other threads.

use std::process::{Command, Output};

/// True in the child process, which has `vars` set: run the test body there. In the parent,
/// runs this test binary again with `vars` set and only the test `name` of `module` (the
/// caller's `module_path!()`), asserts that exactly that test ran and passed, and returns
/// false. [`child_output`] does the same and hands back what the child printed.
pub fn in_child_with(vars: &[(&str, &str)], module: &str, name: &str) -> bool {
    child_output(vars, module, name).is_none()
}

/// `None` in the child (run the test body); in the parent, the passing child's output.
pub fn child_output(vars: &[(&str, &str)], module: &str, name: &str) -> Option<Output> {
    if vars
        .iter()
        .all(|(key, value)| std::env::var(key).as_deref() == Ok(*value))
    {
        return None;
    }
    let test = harness_name(module, name);
    let output = Command::new(std::env::current_exe().expect("own path"))
        .args(["--exact", &test, "--test-threads", "1", "--nocapture"])
        .envs(vars.iter().copied())
        .output()
        .expect("re-running the test binary");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "the re-run of {test} with {vars:?} failed:\n{stdout}\n{stderr}"
    );
    Some(output)
}

/// Starts this test binary again with `vars` set, running only the test `name` of `module`,
/// and returns without waiting: for a test that kills its child (a crash) or stops it.
/// Its output goes to `log`.
pub fn spawn_child(
    vars: &[(&str, &str)],
    module: &str,
    name: &str,
    log: &std::path::Path,
) -> std::io::Result<std::process::Child> {
    let out = std::fs::File::create(log)?;
    Command::new(std::env::current_exe()?)
        .args([
            "--exact",
            &harness_name(module, name),
            "--test-threads",
            "1",
        ])
        .envs(vars.iter().copied())
        .stdout(out.try_clone()?)
        .stderr(out)
        .spawn()
}

/// `integration::config_env` and `<name>` -> `config_env::<name>`, the name the test
/// harness knows.
fn harness_name(module: &str, name: &str) -> String {
    let path = module.split_once("::").map_or(module, |(_, path)| path);
    format!("{path}::{name}")
}
