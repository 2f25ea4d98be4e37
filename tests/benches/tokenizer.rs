//! The o200k token counter against tiktoken-rs, its reference (issues "Chat and streaming"
//! and "Deploy"): what loading each costs a fresh process (time to the first count, resident
//! memory after it, peak resident memory), and counting speed on conversation-sized text.
//!
//! Load figures come from fresh child processes (this binary run again with `--child`),
//! since a table loads once per process, as in a Lambda cold start.
//!
//! `cargo bench -p salient-tests --bench tokenizer -- [--runs N]`

use std::process::Command;
use std::time::Instant;

use salient_core::count_tokens;

/// A history message's worth of text with the pieces that make a tokenizer work: words,
/// contractions, numbers, prices, punctuation runs, accents, CJK and whitespace runs.
fn sample_text() -> String {
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&format!(
            "We'll fit model HP-{i}00 (£{i},499, 7.{i} kW) within {i} days.   Don't wait!\n\
             Naïve questions welcome; 日本語 too — see https://example.com/p/{i}?q=1.\n\n"
        ));
    }
    text
}

/// `(VmRSS, VmHWM)` of this process in KiB.
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// One load in this process: prints `ms rss_added_kib peak_kib`.
fn child(which: &str) {
    let text = "Which heat pump is quietest?";
    let (rss_before, _) = memory_kib();
    let started = Instant::now();
    let tokens = match which {
        "ours" => count_tokens(text),
        "tiktoken" => tiktoken_rs::o200k_base_singleton()
            .encode_ordinary(text)
            .len(),
        other => panic!("unknown counter {other}"),
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let (rss_after, peak) = memory_kib();
    assert!(tokens > 0);
    println!("{ms:.3} {} {peak}", rss_after.saturating_sub(rss_before));
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--child") {
        child(args.get(at + 1).map_or("ours", String::as_str));
        return;
    }
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|at| args.get(at + 1)?.parse().ok())
        .unwrap_or(10);
    let exe = std::env::current_exe().expect("this benchmark's path");

    println!("load in a fresh process, median of {runs}:");
    println!("| counter | first count (load) | RSS added | peak RSS of the process |");
    println!("|---|---:|---:|---:|");
    for which in ["ours", "tiktoken"] {
        let mut ms = Vec::new();
        let mut added = Vec::new();
        let mut peak = Vec::new();
        for _ in 0..runs {
            let output = Command::new(&exe)
                .args(["--child", which])
                .output()
                .expect("child run");
            assert!(output.status.success(), "{output:?}");
            let line = String::from_utf8_lossy(&output.stdout);
            let fields: Vec<f64> = line
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            assert_eq!(fields.len(), 3, "child printed {line:?}");
            ms.push(fields[0]);
            added.push(fields[1] / 1024.0);
            peak.push(fields[2] / 1024.0);
        }
        println!(
            "| {which} | {:.1} ms | {:.1} MiB | {:.1} MiB |",
            median(ms),
            median(added),
            median(peak)
        );
    }

    // Counting speed, both loaded, same text, best of 5 rounds.
    let text = sample_text();
    let tiktoken = tiktoken_rs::o200k_base_singleton();
    let expected = tiktoken.encode_ordinary(&text).len();
    assert_eq!(count_tokens(&text), expected);
    let rounds = 200;
    let best = |count: &dyn Fn() -> usize| {
        (0..5)
            .map(|_| {
                let started = Instant::now();
                for _ in 0..rounds {
                    assert_eq!(std::hint::black_box(count()), expected);
                }
                started.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let ours = best(&|| count_tokens(std::hint::black_box(&text)));
    let theirs = best(&|| tiktoken.encode_ordinary(std::hint::black_box(&text)).len());
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "\ncounting {} bytes ({expected} tokens), {rounds} times, best of 5:",
        text.len()
    );
    println!("| counter | MB/s | tokens/s |");
    println!("|---|---:|---:|");
    for (name, secs) in [("ours", ours), ("tiktoken encode_ordinary", theirs)] {
        println!(
            "| {name} | {:.1} | {:.2} M |",
            mb / secs,
            (expected * rounds) as f64 / secs / 1e6
        );
    }
    println!("ratio: {:.2}x", theirs / ours);
}
