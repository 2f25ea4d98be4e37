//! What `salient ingest` prints when nobody watches a progress bar: one plain line per page
//! outcome (stderr when it is not a terminal), one JSON object per page outcome (`--json`),
//! and the closing summary, as a table or as one JSON object. Each writes to any
//! [`Write`], so the tests read exactly what the command prints.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;
use std::time::Duration;

use salient_ingestion::{PageOutcome, Progress, RunReport};
use serde_json::{Value, json};

/// One plain line for a page outcome: label, URL, then chunks, reason or error.
pub fn page_line(url: &str, outcome: &PageOutcome) -> String {
    let label = outcome.label();
    match outcome {
        PageOutcome::Skipped(why) => format!("{label:<9} {url}: {why}"),
        PageOutcome::Failed(why) => format!("{label:<9} {url}: {why}"),
        PageOutcome::Removed => format!("{label:<9} {url}"),
        indexed => {
            let chunks = indexed.chunks().unwrap_or_default();
            format!("{label:<9} {url} ({chunks} chunks)")
        }
    }
}

/// One JSON object for a page outcome: `type`, `url`, `outcome`, and `chunks`, `reason` +
/// `detail`, or `error` as the outcome has them.
pub fn page_json(url: &str, outcome: &PageOutcome) -> Value {
    let mut object = json!({ "type": "page", "url": url, "outcome": outcome.label() });
    match outcome {
        PageOutcome::Skipped(why) => {
            object["reason"] = json!(why.code());
            object["detail"] = json!(why.to_string());
        }
        PageOutcome::Failed(why) => object["error"] = json!(why),
        PageOutcome::Removed => {}
        indexed => object["chunks"] = json!(indexed.chunks()),
    }
    object
}

/// Writes one line per page outcome as it happens (the mode for logs, cron and CI).
#[derive(Debug)]
pub struct PageLines<W>(Mutex<W>);

impl<W: Write + Send> PageLines<W> {
    /// Lines go to `out`.
    pub fn new(out: W) -> Self {
        Self(Mutex::new(out))
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl<W: Write + Send> Progress for PageLines<W> {
    fn page(&self, url: &str, outcome: &PageOutcome) {
        let mut out = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // A closed log pipe must not stop the run; the summary reports the outcomes anyway.
        let _ = writeln!(out, "{}", page_line(url, outcome));
        let _ = out.flush();
    }
}

/// Writes one JSON object per page outcome as it happens (`--json`).
#[derive(Debug)]
pub struct JsonLines<W>(Mutex<W>);

impl<W: Write + Send> JsonLines<W> {
    /// JSON lines go to `out`.
    pub fn new(out: W) -> Self {
        Self(Mutex::new(out))
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl<W: Write + Send> Progress for JsonLines<W> {
    fn page(&self, url: &str, outcome: &PageOutcome) {
        let mut out = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let _ = writeln!(out, "{}", page_json(url, outcome));
        let _ = out.flush();
    }
}

/// A run's outcomes added up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// New pages indexed.
    pub added: usize,
    /// Changed pages re-indexed.
    pub updated: usize,
    /// Pages whose content had not changed.
    pub unchanged: usize,
    /// Pages deleted from the index.
    pub removed: usize,
    /// Skipped pages by [`salient_ingestion::SkipReason::code`].
    pub skipped: BTreeMap<&'static str, usize>,
    /// Pages that failed.
    pub failed: usize,
    /// Chunks written by this run (added and updated pages).
    pub chunks_written: usize,
    /// Chunks of unchanged pages, left as they were.
    pub chunks_kept: usize,
}

impl Tally {
    /// Adds up the outcomes of a finished run.
    pub fn of(report: &RunReport) -> Self {
        let mut tally = Self::default();
        for (_, outcome) in &report.pages {
            match outcome {
                PageOutcome::Added { chunks } => {
                    tally.added += 1;
                    tally.chunks_written += chunks;
                }
                PageOutcome::Updated { chunks } => {
                    tally.updated += 1;
                    tally.chunks_written += chunks;
                }
                PageOutcome::Unchanged { chunks } => {
                    tally.unchanged += 1;
                    tally.chunks_kept += chunks;
                }
                PageOutcome::Removed => tally.removed += 1,
                PageOutcome::Skipped(why) => *tally.skipped.entry(why.code()).or_default() += 1,
                PageOutcome::Failed(_) => tally.failed += 1,
            }
        }
        tally
    }

    /// Pages indexed by this run (added and updated).
    pub fn indexed(&self) -> usize {
        self.added + self.updated
    }

    /// Pages skipped, whatever the reason.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// Writes the closing table: pages indexed, unchanged, removed, skipped by reason, failed,
/// chunks and wall time, then the run's recorded errors.
pub fn write_summary(
    out: &mut impl Write,
    account: &str,
    report: &RunReport,
    wall: Duration,
) -> std::io::Result<()> {
    let tally = Tally::of(report);
    writeln!(out, "{account}: run {}", report.run.id)?;
    writeln!(
        out,
        "  {:<12}{:>6}  ({} added, {} updated)",
        "indexed",
        tally.indexed(),
        tally.added,
        tally.updated
    )?;
    writeln!(out, "  {:<12}{:>6}", "unchanged", tally.unchanged)?;
    writeln!(out, "  {:<12}{:>6}", "removed", tally.removed)?;
    writeln!(out, "  {:<12}{:>6}", "skipped", tally.skipped_total())?;
    for (reason, count) in &tally.skipped {
        writeln!(out, "    {reason:<10}{count:>6}")?;
    }
    writeln!(out, "  {:<12}{:>6}", "failed", tally.failed)?;
    writeln!(
        out,
        "  {:<12}{:>6}  ({} kept on unchanged pages)",
        "chunks", tally.chunks_written, tally.chunks_kept
    )?;
    writeln!(out, "  {:<12}{:>6.1} s", "wall time", wall.as_secs_f64())?;
    for error in &report.run.errors {
        writeln!(out, "  error: {error}")?;
    }
    Ok(())
}

/// The closing summary as one JSON object (`"type": "summary"`), the last line of `--json`.
pub fn summary_json(account: &str, report: &RunReport, wall: Duration) -> Value {
    let tally = Tally::of(report);
    json!({
        "type": "summary",
        "account": account,
        "run": report.run.id,
        "indexed": tally.indexed(),
        "added": tally.added,
        "updated": tally.updated,
        "unchanged": tally.unchanged,
        "removed": tally.removed,
        "skipped": tally.skipped_total(),
        "skipped_by_reason": tally.skipped,
        "failed": tally.failed,
        "chunks_written": tally.chunks_written,
        "chunks_kept": tally.chunks_kept,
        "wall_ms": u64::try_from(wall.as_millis()).unwrap_or(u64::MAX),
        "errors": report.run.errors,
    })
}
