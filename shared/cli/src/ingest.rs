//! `salient ingest <account>`: one ingestion run of an account's site, with a progress bar
//! and a per-outcome summary; the run is recorded like a scheduled one.

use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use salient_core::config::Catalog;
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::RunTrigger;
use salient_ingestion::{PageOutcome, Progress};

/// A progress bar over the pages of a run.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn planned(&self, urls: usize) {
        self.0.set_length(urls as u64);
        self.0.set_position(0);
    }

    fn page(&self, url: &str, outcome: &PageOutcome) {
        match outcome {
            PageOutcome::Skipped(why) => self.0.println(format!("skipped  {url}: {why}")),
            PageOutcome::Failed(why) => self.0.println(format!("failed   {url}: {why}")),
            PageOutcome::Removed => self.0.println(format!("removed  {url}")),
            _ => {}
        }
        if matches!(
            outcome,
            PageOutcome::Added | PageOutcome::Updated | PageOutcome::Unchanged
        ) {
            self.0.inc(1);
        }
        self.0.set_message(url.to_owned());
    }
}

/// Runs `salient ingest <account>`.
pub(crate) async fn run(config_dir: &Path, account: &str) -> anyhow::Result<()> {
    let account = AccountId::parse(account)?;
    let catalog = Catalog::load(config_dir, &[])
        .with_context(|| format!("loading configuration from {}", config_dir.display()))?;
    let sources = salient_ingest::account_sources(&catalog, &account)
        .with_context(|| format!("no account {account} under {}", config_dir.display()))?;
    let state = salient_core::build(catalog).await?;
    let ingestor = salient_ingest::build_ingestor(&state).await?;

    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} pages  {wide_msg}")
            .context("progress bar template")?
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let progress = Bar(bar.clone());
    let report = ingestor
        .run(&account, &sources, RunTrigger::Cli, &progress)
        .await;
    bar.finish_and_clear();
    let report = report?;
    let counts = report.run.counts;
    println!(
        "{account}: {} added, {} updated, {} unchanged, {} removed, {} skipped, {} failed in {:.1} s (run {})",
        counts.added,
        counts.updated,
        counts.unchanged,
        counts.removed,
        counts.skipped,
        counts.failed,
        report.run.duration_ms as f64 / 1000.0,
        report.run.id
    );
    for error in &report.run.errors {
        println!("  error: {error}");
    }
    Ok(())
}
