//! Embeddings and retrieval:
//!
//! 1. local embedding throughput: all-MiniLM-L6-v2 in process on the CPU, chunks of about
//!    200 tokens, in the batches ingestion sends (needs `scripts/install-model.sh`);
//! 2. retrieval latency on the embedded index at 10k and 100k chunks of one account
//!    (random unit 384-d vectors, generated text with SKUs and prices): hybrid queries
//!    (dense + BM25) through `VectorIndex::query`, p50 and p99;
//! 3. what a turn does with the index's answer: `Sources::from_hits` on 15 candidates of
//!    about 60 words (the relevance judgement with its unknown share and kind cover, the
//!    priors, the pick of sources), for a question asking for a price and a yes-or-no one,
//!    p50 and p99, and the first call of a process (which reads the word list);
//! 4. a turn's whole retrieval, `Retriever::retrieve` (the local embedder and the 10k index),
//!    for a one-part question and for a two-part one, which is also asked part by part.
//!
//! ```text
//! scripts/install-model.sh
//! cargo bench -p salient-tests --bench retrieval --profile local
//! ```
//!
//! `SALIENT_BENCH_SIZES=10000` picks the index sizes. Figures go in `docs/benchmarks.md`.

use std::time::Instant;

use anyhow::Context as _;
use hdrhistogram::Histogram;
use salient_core::Asked;
use salient_core::EmbeddedIndex;
use salient_core::LocalEmbedder;
use salient_core::Retriever;
use salient_core::Sources;
use salient_core::config::RagSettings;
use salient_core::domain::AccountId;
use salient_core::ports::knowledge::{
    ChunkRecord, IndexedChunk, ScoredChunk, VectorIndex, VectorQuery,
};

const DIM: usize = 384;
/// Queries measured per size, after warm-up.
const QUERIES: usize = 500;
const WARM_UP: usize = 50;
/// Chunks embedded for the throughput figure.
const EMBED_CHUNKS: usize = 128;
/// Texts per embedding call, as ingestion sends them.
const EMBED_BATCH: usize = 64;

/// xorshift64*: reproducible and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Roughly normal, by the sum of uniforms.
    fn gaussian(&mut self) -> f32 {
        (0..4)
            .map(|_| (self.next() >> 40) as f32 / (1u64 << 24) as f32)
            .sum::<f32>()
            - 2.0
    }

    fn unit_vector(&mut self) -> Vec<f32> {
        let mut v: Vec<f32> = (0..DIM).map(|_| self.gaussian()).collect();
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        for x in &mut v {
            *x /= norm;
        }
        v
    }
}

const WORDS: &[&str] = &[
    "heat",
    "pump",
    "boiler",
    "radiator",
    "install",
    "service",
    "warranty",
    "grant",
    "air",
    "source",
    "ground",
    "cylinder",
    "thermostat",
    "smart",
    "efficiency",
    "flow",
    "temperature",
    "survey",
    "quote",
    "finance",
    "monthly",
    "annual",
    "visit",
    "engineer",
    "certified",
    "insulation",
    "home",
    "energy",
    "bill",
    "savings",
    "carbon",
    "emissions",
    "leeds",
    "yorkshire",
    "fitted",
    "price",
    "model",
    "noise",
    "outdoor",
    "unit",
    "water",
    "hot",
    "tank",
    "pipework",
    "underfloor",
    "heating",
    "scheme",
    "upgrade",
    "replace",
    "old",
    "gas",
];

/// A chunk of about `words` words (≈ 1.3 tokens each), with a SKU and a price now and then.
fn chunk_text(rng: &mut Rng, words: usize, serial: usize) -> String {
    let mut text = String::with_capacity(words * 8);
    for i in 0..words {
        if i > 0 {
            text.push(' ');
        }
        match rng.below(40) {
            0 => text.push_str(&format!("AERO-{}", serial % 997)),
            1 => text.push_str(&format!("£{},{:03}", 1 + rng.below(12), rng.below(1000))),
            2 => text.push_str(&format!("w{}", rng.below(20_000))),
            _ => text.push_str(WORDS[rng.below(WORDS.len())]),
        }
    }
    text
}

fn quantiles(histogram: &Histogram<u64>) -> (f64, f64, f64) {
    let ms = |q: f64| histogram.value_at_quantile(q) as f64 / 1e6;
    (ms(0.5), ms(0.99), histogram.max() as f64 / 1e6)
}

/// Where `scripts/install-model.sh` puts MiniLM.
fn model_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/models/all-MiniLM-L6-v2")
}

fn embedding_throughput() -> anyhow::Result<()> {
    let dir = model_dir();
    let embedder = match LocalEmbedder::new(&dir) {
        Ok(embedder) => embedder,
        Err(err) => {
            println!("local embedding: skipped ({err:#}); run scripts/install-model.sh");
            return Ok(());
        }
    };
    let started = Instant::now();
    embedder.load().context("loading MiniLM")?;
    let load = started.elapsed();
    let mut rng = Rng(7);
    // ~150 words of this vocabulary come to about 200 WordPiece tokens.
    let texts: Vec<String> = (0..EMBED_CHUNKS)
        .map(|i| chunk_text(&mut rng, 150, i))
        .collect();
    embedder.embed_blocking(&texts[..8]).context("warm-up")?;
    let started = Instant::now();
    for batch in texts.chunks(EMBED_BATCH) {
        embedder.embed_blocking(batch).context("embedding")?;
    }
    let elapsed = started.elapsed();
    println!(
        "local embedding (all-MiniLM-L6-v2, CPU): model load {:.0} ms; {} chunks of ~200 tokens in {:.2} s: {:.1} chunks/s",
        load.as_secs_f64() * 1e3,
        EMBED_CHUNKS,
        elapsed.as_secs_f64(),
        EMBED_CHUNKS as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}

/// Judges and orders 15 candidates, as a turn does with the index's answer.
fn judging() -> anyhow::Result<()> {
    const CANDIDATES: usize = 15;
    const CALLS: usize = 2000;
    let mut rng = Rng(11);
    let hits: Vec<ScoredChunk> = (0..CANDIDATES)
        .map(|i| {
            let mut text = chunk_text(&mut rng, 60, i);
            if i % 3 == 0 {
                text.push_str(". Open Monday to Friday, 8:00 to 18:00.");
            }
            ScoredChunk {
                record: ChunkRecord {
                    id: format!("page{}#{}", i / 2, i % 2),
                    url: format!("https://bench.example/page/{}", i / 2),
                    title: format!("Page {} | Bench Heating, Leeds", i / 2),
                    heading_path: vec![format!("Page {}", i / 2), "Prices".to_owned()],
                    text,
                    page_hash: "h".to_owned(),
                    date: None,
                },
                score: 0.8 - i as f32 * 0.03,
                dense: Some(0.7 - i as f32 * 0.02),
                lexical: Some(0.6 - i as f32 * 0.03),
            }
        })
        .collect();
    let rag = RagSettings::default();
    let begun = Instant::now();
    let first = Sources::from_hits(
        &Asked::alone("How much is a heat pump service?"),
        hits.clone(),
        &rag,
    );
    let first_call = begun.elapsed();
    anyhow::ensure!(
        first
            .relevance
            .as_ref()
            .is_some_and(|r| r.kind_cover.is_some()),
        "a price question is judged for its kind"
    );
    println!(
        "judging {CANDIDATES} candidates: first call of the process {:.1} ms (reads the word list)",
        first_call.as_secs_f64() * 1e3
    );
    for question in [
        "How much is an annual boiler service with a smart thermostat?",
        "Do you install ground source heat pumps in Leeds?",
    ] {
        let mut latencies = Histogram::<u64>::new_with_bounds(1, 60_000_000_000, 3)?;
        for _ in 0..CALLS {
            let hits = hits.clone();
            let begun = Instant::now();
            let sources = Sources::from_hits(&Asked::alone(question), hits, &rag);
            let nanos = u64::try_from(begun.elapsed().as_nanos()).unwrap_or(u64::MAX);
            anyhow::ensure!(!sources.pages.is_empty(), "sources picked");
            latencies.saturating_record(nanos.max(1));
        }
        let (p50, p99, max) = quantiles(&latencies);
        println!(
            "  \"{question}\": p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs ({CALLS} calls)",
            p50 * 1e3,
            p99 * 1e3,
            max * 1e3
        );
    }
    Ok(())
}

async fn retrieval(size: usize) -> anyhow::Result<std::sync::Arc<EmbeddedIndex>> {
    let index = std::sync::Arc::new(EmbeddedIndex::in_memory()?);
    let account = AccountId::parse("bench")?;
    let mut rng = Rng(size as u64 + 1);
    let started = Instant::now();
    let mut batch = Vec::with_capacity(1000);
    for i in 0..size {
        batch.push(IndexedChunk {
            record: ChunkRecord {
                id: format!("{:016x}#{}", i / 4, i % 4),
                url: format!("https://bench.example/page/{}", i / 4),
                title: "Bench".to_owned(),
                heading_path: vec!["Bench".to_owned()],
                text: chunk_text(&mut rng, 60, i),
                page_hash: "h".to_owned(),
                date: None,
            },
            vector: rng.unit_vector(),
        });
        if batch.len() == 1000 {
            index.upsert(&account, &batch).await?;
            batch.clear();
        }
    }
    index.upsert(&account, &batch).await?;
    let loaded = Instant::now();
    // The first query loads the account into memory.
    index
        .query(
            &account,
            &VectorQuery {
                vector: rng.unit_vector(),
                text: "heat pump".to_owned(),
                top_k: 5,
                url_prefix: None,
            },
        )
        .await?;
    let first_query = loaded.elapsed();
    let queries: Vec<VectorQuery> = (0..WARM_UP + QUERIES)
        .map(|i| VectorQuery {
            vector: rng.unit_vector(),
            text: format!(
                "{} {} AERO-{} price",
                WORDS[rng.below(WORDS.len())],
                WORDS[rng.below(WORDS.len())],
                i % 997
            ),
            top_k: 5,
            url_prefix: None,
        })
        .collect();
    println!(
        "retrieval, embedded index, {size} chunks: written in {:.1} s, loaded + first query {:.0} ms",
        (loaded - started).as_secs_f64(),
        first_query.as_secs_f64() * 1e3,
    );
    for (label, dense_only) in [("hybrid (dense + BM25)", false), ("dense only", true)] {
        let mut latencies = Histogram::<u64>::new_with_bounds(1, 60_000_000_000, 3)?;
        for (i, query) in queries.iter().enumerate() {
            let mut query = query.clone();
            if dense_only {
                query.text.clear();
            }
            let begun = Instant::now();
            let hits = index.query(&account, &query).await?;
            let nanos = u64::try_from(begun.elapsed().as_nanos()).unwrap_or(u64::MAX);
            anyhow::ensure!(hits.len() == 5, "five hits");
            if i >= WARM_UP {
                latencies.saturating_record(nanos.max(1));
            }
        }
        let (p50, p99, max) = quantiles(&latencies);
        println!(
            "  {label} top-5 query: p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms ({QUERIES} queries)"
        );
    }
    Ok(index)
}

/// A turn's retrieval end to end: the question embedded by the local model, the index
/// asked (once per part for a question asking two things), the sources picked.
async fn turn_retrieval(index: std::sync::Arc<EmbeddedIndex>, size: usize) -> anyhow::Result<()> {
    const TURNS: usize = 200;
    let dir = model_dir();
    let embedder = match LocalEmbedder::new(&dir) {
        Ok(embedder) => std::sync::Arc::new(embedder),
        Err(err) => {
            println!("turn retrieval: skipped ({err:#}); run scripts/install-model.sh");
            return Ok(());
        }
    };
    let retriever = Retriever::new(embedder, index);
    let account = AccountId::parse("bench")?;
    // The index's vectors are random, so no chunk would pass the score threshold.
    let rag = RagSettings {
        score_threshold: -1.0,
        ..RagSettings::default()
    };
    println!("a turn's retrieval (local MiniLM + embedded index, {size} chunks):");
    for asked in [
        Asked::alone("How much is an annual boiler service?"),
        Asked::alone("How much is an annual boiler service, and do you cover Harrogate?"),
        // A follow-up: asked after the question before it and on its own.
        Asked::in_conversation("How much is it?", &["Do you service boilers?"]),
    ] {
        let question = asked.text();
        for _ in 0..10 {
            retriever.retrieve(&account, &asked, &rag).await?;
        }
        let mut latencies = Histogram::<u64>::new_with_bounds(1, 60_000_000_000, 3)?;
        for _ in 0..TURNS {
            let begun = Instant::now();
            let sources = retriever.retrieve(&account, &asked, &rag).await?;
            let nanos = u64::try_from(begun.elapsed().as_nanos()).unwrap_or(u64::MAX);
            anyhow::ensure!(!sources.pages.is_empty(), "sources picked");
            latencies.saturating_record(nanos.max(1));
        }
        let (p50, p99, max) = quantiles(&latencies);
        println!(
            "  \"{question}\": p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms ({TURNS} turns)"
        );
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let sizes: Vec<usize> = std::env::var("SALIENT_BENCH_SIZES")
        .ok()
        .map(|raw| {
            raw.split(',')
                .filter_map(|s| s.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| vec![10_000, 100_000]);
    judging()?;
    if std::env::var_os("SALIENT_BENCH_SKIP_EMBEDDING").is_none() {
        embedding_throughput()?;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    for (at, size) in sizes.into_iter().enumerate() {
        let index = runtime.block_on(retrieval(size))?;
        if at == 0 && std::env::var_os("SALIENT_BENCH_SKIP_EMBEDDING").is_none() {
            runtime.block_on(turn_retrieval(index, size))?;
        }
    }
    Ok(())
}
