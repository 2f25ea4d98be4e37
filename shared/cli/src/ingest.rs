//! `salient ingest <account>`: one ingestion run of an account's site, recorded like a
//! scheduled one. On a terminal it draws a progress bar; otherwise (cron, CI, a log file) it
//! writes one plain line per page outcome on stderr; with `--json` one JSON object per page
//! outcome on stdout. Every mode ends with the summary table.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use salient_cli::ingest_report::{self, JsonLines, PageLines};
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
        if outcome.chunks().is_some() {
            self.0.inc(1);
        }
        self.0.set_message(url.to_owned());
    }
}

/// How the run reports its pages.
enum Reporter {
    Bar(Bar),
    Lines(PageLines<std::io::Stderr>),
    Json(JsonLines<std::io::Stdout>),
}

impl Reporter {
    fn choose(json: bool) -> anyhow::Result<Self> {
        if json {
            return Ok(Self::Json(JsonLines::new(std::io::stdout())));
        }
        if !std::io::stderr().is_terminal() {
            return Ok(Self::Lines(PageLines::new(std::io::stderr())));
        }
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} pages  {wide_msg}")
                .context("progress bar template")?
                .progress_chars("=> "),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        Ok(Self::Bar(Bar(bar)))
    }

    fn progress(&self) -> &dyn Progress {
        match self {
            Self::Bar(bar) => bar,
            Self::Lines(lines) => lines,
            Self::Json(json) => json,
        }
    }
}

/// Runs `salient ingest <account> [--json]`.
pub(crate) async fn run(config_dir: &Path, account: &str, json: bool) -> anyhow::Result<()> {
    let account = AccountId::parse(account)?;
    let catalog = Catalog::load(config_dir, &[])
        .with_context(|| format!("loading configuration from {}", config_dir.display()))?;
    let sources = salient_ingest::account_sources(&catalog, &account)
        .with_context(|| format!("no account {account} under {}", config_dir.display()))?;
    let state = salient_core::build(catalog).await?;
    let ingestor = salient_ingest::build_ingestor(&state).await?;

    let reporter = Reporter::choose(json)?;
    let started = Instant::now();
    let report = ingestor
        .run(&account, &sources, RunTrigger::Cli, reporter.progress())
        .await;
    let wall = started.elapsed();
    if let Reporter::Bar(Bar(bar)) = &reporter {
        bar.finish_and_clear();
    }
    let report = report?;

    if json {
        let mut stdout = std::io::stdout().lock();
        writeln!(
            stdout,
            "{}",
            ingest_report::summary_json(account.as_str(), &report, wall)
        )
        .context("writing the JSON summary")?;
        // stdout stays JSON lines only; the table is for the person watching.
        ingest_report::write_summary(
            &mut std::io::stderr().lock(),
            account.as_str(),
            &report,
            wall,
        )
        .context("writing the summary")?;
    } else {
        ingest_report::write_summary(
            &mut std::io::stdout().lock(),
            account.as_str(),
            &report,
            wall,
        )
        .context("writing the summary")?;
    }
    Ok(())
}
