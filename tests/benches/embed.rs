//! Local embedding throughput: the Rust embedder (`LocalEmbedder`) on a file of chunk
//! texts, timed the way ingestion calls it (batches of 64 texts). `scripts/bench-embed.sh`
//! runs it beside sentence-transformers (PyTorch) on the same texts, at 1 and 2 threads,
//! and prints both figures and their ratio; on its own:
//!
//! ```text
//! scripts/install-model.sh
//! RAYON_NUM_THREADS=2 cargo bench -p salient-tests --bench embed --profile local -- \
//!     TEXTS.json [VECTORS_OUT.json]
//! ```
//!
//! `TEXTS.json` is a JSON array of strings (`scripts/bench/embed_peer.py texts` writes
//! one). Prints one JSON line: threads, texts, seconds, chunks/s and the model load time.
//! `SALIENT_BENCH_MODEL_DIR` picks another model directory.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context as _;
use salient_core::LocalEmbedder;

/// Texts per embedding call, as ingestion sends them.
const EMBED_BATCH: usize = 64;

fn main() -> anyhow::Result<()> {
    // `cargo bench` appends `--bench`; the positional arguments are ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(texts_path) = args.first() else {
        eprintln!("usage: embed TEXTS.json [VECTORS_OUT.json] (see scripts/bench-embed.sh)");
        return Ok(());
    };
    let texts: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(texts_path).with_context(|| format!("reading {texts_path}"))?,
    )
    .context("TEXTS.json is a JSON array of strings")?;
    let dir = std::env::var_os("SALIENT_BENCH_MODEL_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/models/all-MiniLM-L6-v2"),
        PathBuf::from,
    );
    let embedder = LocalEmbedder::new(&dir).map_err(|e| anyhow::anyhow!("{e}"))?;
    let started = Instant::now();
    embedder.load().map_err(|e| anyhow::anyhow!("{e}"))?;
    let load_ms = started.elapsed().as_secs_f64() * 1000.0;

    let warm: Vec<String> = texts.iter().take(32).cloned().collect();
    embedder
        .embed_blocking(&warm)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let started = Instant::now();
    let mut vectors = Vec::with_capacity(texts.len());
    for batch in texts.chunks(EMBED_BATCH) {
        vectors.extend(
            embedder
                .embed_blocking(batch)
                .map_err(|e| anyhow::anyhow!("{e}"))?,
        );
    }
    let seconds = started.elapsed().as_secs_f64();
    if let Some(out) = args.get(1) {
        std::fs::write(out, serde_json::to_string(&vectors)?)?;
    }
    println!(
        "{}",
        serde_json::json!({
            "engine": "salient LocalEmbedder",
            "threads": rayon_threads(),
            "batch": EMBED_BATCH,
            "texts": texts.len(),
            "seconds": seconds,
            "chunks_per_s": texts.len() as f64 / seconds,
            "load_ms": load_ms,
        })
    );
    Ok(())
}

/// The pool size the embedder runs on: `RAYON_NUM_THREADS`, else one per core.
fn rayon_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}
