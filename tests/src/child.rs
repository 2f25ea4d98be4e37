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
    // `integration::config_env` -> `config_env::<name>`, the name the test harness knows.
    let path = module.split_once("::").map_or(module, |(_, path)| path);
    let test = format!("{path}::{name}");
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
