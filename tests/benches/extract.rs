//! Extraction plus chunking throughput, in pages per second (issue "Knowledge").
//!
//! The corpus: every demo page of the built site (`site/dist/demo/**/index.html`, from
//! `cd site && npm ci && npm run build`) and the test site's pages (`tests/data/site/`),
//! varied into 200 pages (extra paragraphs, list items and table rows drawn from the page
//! index), written to a directory so the Python peer (`scripts/bench/extract_peer.py`) reads
//! the very same files. `scripts/bench-extract.sh` runs both.
//!
//! `cargo bench -p salient-tests --bench extract -- [--corpus DIR] [--rounds N]`

use std::path::{Path, PathBuf};
use std::time::Instant;

use salient_ingestion::chunk::{ChunkSettings, Chunker};
use salient_ingestion::extract::{self, Boilerplate};

const PAGES: usize = 200;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("inside the workspace")
        .to_owned()
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// Writes the 200-page corpus into `dir` and returns the files.
fn write_corpus(dir: &Path) -> Vec<PathBuf> {
    let mut bases = Vec::new();
    html_files(&workspace().join("site/dist/demo"), &mut bases);
    // The demo directory's own index lists the demos; only the businesses' pages count.
    bases.retain(|p| !p.ends_with("site/dist/demo/index.html"));
    html_files(&workspace().join("tests/data/site"), &mut bases);
    assert!(
        !bases.is_empty(),
        "no pages: build the site (cd site && npm ci && npm run build)"
    );
    let sources: Vec<String> = bases
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable page"))
        .collect();
    std::fs::create_dir_all(dir).expect("corpus directory");
    let mut files = Vec::with_capacity(PAGES);
    for i in 0..PAGES {
        let base = &sources[i % sources.len()];
        let mut extra = String::new();
        for j in 0..(i % 7) {
            extra.push_str(&format!(
                "<h2>Update {i}.{j}</h2><p>Page {i}, note {j}: opening hours change to {h}:00 on bank holidays, and the number {i}{j} line is staffed by a person, not a machine.</p><ul><li>Item {j} for {i}</li><li>Another item, {i} by {j}</li></ul><table><tr><th>Option</th><th>Price</th></tr><tr><td>Variant {j}</td><td>£{i}.{j}0</td></tr></table>",
                h = 8 + j
            ));
        }
        let page = base.replacen("</main>", &format!("{extra}</main>"), 1);
        let path = dir.join(format!("page-{i:03}.html"));
        std::fs::write(&path, page).expect("write page");
        files.push(path);
    }
    files
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir =
        arg("--corpus").map_or_else(|| workspace().join("target/bench-corpus"), PathBuf::from);
    let rounds: usize = arg("--rounds").and_then(|r| r.parse().ok()).unwrap_or(5);
    let files = write_corpus(&dir);
    let pages: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable"))
        .collect();
    let url = url::Url::parse("http://127.0.0.1:3000/demo/page/").expect("valid");
    let chunker = Chunker::new(ChunkSettings::default()).expect("valid settings");
    // Warm the tokenizer and the allocator: a section long enough to be sized by tokens.
    let warm = format!("# warm\n\n{}", "Warm up the tokenizer, once. ".repeat(200));
    let _ = chunker.chunk("warm", &warm);

    let mut best = f64::MAX;
    let mut best_chunking = 0.0;
    let mut chunks = 0;
    for _ in 0..rounds {
        let started = Instant::now();
        let extracted: Vec<_> = pages
            .iter()
            .map(|html| extract::extract(html, &url))
            .collect();
        let mut boilerplate = Boilerplate::default();
        for page in &extracted {
            boilerplate.add(&page.blocks);
        }
        let repeated = boilerplate.repeated();
        chunks = 0;
        let mut chunking = 0.0;
        for page in &extracted {
            let blocks = extract::without_boilerplate(&page.blocks, &repeated);
            let markdown = extract::to_markdown(&blocks);
            let chunk_started = Instant::now();
            chunks += chunker.chunk(&page.title, &markdown).len();
            chunking += chunk_started.elapsed().as_secs_f64();
        }
        let elapsed = started.elapsed().as_secs_f64();
        if elapsed < best {
            best = elapsed;
            best_chunking = chunking;
        }
    }
    println!("corpus: {} pages in {}", pages.len(), dir.display());
    println!(
        "rust (scraper + dom_smoothie fallback + text-splitter markdown, exact o200k counts): {:.1} pages/s ({chunks} chunks, best of {rounds} rounds, one thread)",
        pages.len() as f64 / best
    );
    println!(
        "  of which chunking (text-splitter and token counting): {:.1}% ({:.2} ms of {:.2} ms)",
        100.0 * best_chunking / best,
        best_chunking * 1e3,
        best * 1e3
    );
}
