//! What `salient config check` prints: every account and agent that loads, each account's
//! directory lists, and each directory that cannot be loaded (the account then serves
//! without it, so the check fails to make the problem seen before a deploy).

use std::fmt::Write as _;
use std::path::Path;

use salient_core::config::Catalog;

/// The check's report, and how many accounts' directories cannot be loaded. A configuration
/// that does not load at all is an error.
pub fn report(config: &Path) -> anyhow::Result<(String, usize)> {
    let catalog = Catalog::load(config, &[])?;
    let mut out = String::new();
    let mut checked = std::collections::BTreeSet::new();
    let mut broken = 0;
    writeln!(
        out,
        "ok  console: {} operator address(es)",
        catalog.operators().count()
    )?;
    for agent in catalog.agents() {
        writeln!(out, "ok  {}/{}", agent.account, agent.agent)?;
        if !checked.insert(agent.account.clone()) {
            continue;
        }
        match salient_core::Directory::load(catalog.root(), &agent.account) {
            Ok(directory) => {
                for list in directory.lists.values() {
                    writeln!(
                        out,
                        "ok  {}: directory list {} ({} items; fields: {})",
                        agent.account,
                        list.name,
                        list.items.len(),
                        list.fields.join(", ")
                    )?;
                }
            }
            Err(error) => {
                broken += 1;
                writeln!(
                    out,
                    "ERR {}: directory disabled (its agents answer without it): {error}",
                    agent.account
                )?;
            }
        }
    }
    Ok((out, broken))
}
