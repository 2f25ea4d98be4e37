//! `salient eval <account> [--k 5]`: retrieval quality on the account's question set
//! (`config/accounts/<account>/eval.yaml`), through the embedder and vector index that
//! `knowledge:` configures, the same ones `salient ingest` fills. Prints per question its
//! rank, the facts found in the extractive answer, what the relevance judgement saw (best
//! fused score, the share of the question the retrieved text never mentions, the dense and lexical ranks of the best chunk's page, whether the signals
//! agree), whether the turn would abstain and the facts its extractive answer misses
//! (`--answers` prints that answer too); then hit@1, hit@k, MRR, facts found, the
//! abstention precision and recall, and the abstentions a turn with a model would make
//! before calling it (scores and agreement only). `--dump <file>` also writes one JSON line
//! per question with the chunks the index returned and what the judgement saw.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use salient_core::config::Catalog;
use salient_core::domain::AccountId;
use salient_core::eval::{self, QuestionSet};

/// What `salient eval` was asked for besides the account.
pub(crate) struct Options {
    /// How many chunks each question retrieves.
    pub(crate) k: usize,
    /// The question file, when not the account's own.
    pub(crate) questions: Option<PathBuf>,
    /// Print the extractive answer of every question that misses a fact.
    pub(crate) show_answers: bool,
    /// Where to write one JSON line per question.
    pub(crate) dump: Option<PathBuf>,
    /// Ask follow-ups without the question before them.
    pub(crate) alone: bool,
}

/// Runs `salient eval`.
pub(crate) async fn run(config_dir: &Path, account: &str, options: Options) -> anyhow::Result<()> {
    let Options {
        k,
        questions,
        show_answers,
        dump,
        alone,
    } = options;
    let account = AccountId::parse(account)?;
    let catalog = Catalog::load(config_dir, &[])
        .with_context(|| format!("loading configuration from {}", config_dir.display()))?;
    let path = questions.unwrap_or_else(|| {
        config_dir
            .join("accounts")
            .join(account.as_str())
            .join("eval.yaml")
    });
    let mut set = QuestionSet::load(&path)?;
    if alone {
        for question in &mut set.questions {
            question.after = None;
        }
    }
    let salient_core::Knowledge { embedder, index } = salient_core::open_knowledge(
        &catalog.app().knowledge,
    )
    .context("opening the knowledge base from knowledge.embedding and knowledge.vector_store")?;
    let chunks = index.count(&account).await?;
    anyhow::ensure!(
        chunks > 0,
        "{account} has no indexed chunks: run `salient ingest {account}` first"
    );
    let rag = &catalog.app().knowledge.rag;
    let directory = match salient_core::Directory::load(catalog.root(), &account) {
        Ok(directory) if !directory.is_empty() => Some(directory),
        Ok(_) => None,
        Err(err) => {
            eprintln!("warning: the account's lists were not loaded: {err}");
            None
        }
    };
    let reach = catalog
        .agents()
        .find(|agent| agent.account == account)
        .and_then(|agent| agent.settings.account.reach_line());
    let report = eval::run(
        embedder.as_ref(),
        index.as_ref(),
        &account,
        &set,
        k,
        rag,
        eval::BesidesPages {
            directory: directory.as_ref(),
            reach: reach.as_deref(),
        },
    )
    .await?;
    if let Some(path) = &dump {
        write_dump(path, &account, &set, &report)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let k = report.summary.k;
    println!(
        "{account}: {} questions, {chunks} chunks, {} top {k}",
        report.summary.questions,
        embedder.model_id()
    );
    println!(
        "rank  hit@1  hit@{k:<2} RR     facts  fused  bm25   unkn   kind   dense lex agree  verdict      question"
    );
    let rank_text = |r: Option<usize>| r.map_or_else(|| "-".to_owned(), |r| r.to_string());
    for score in &report.scores {
        let rank = match (score.answerable, score.ranked) {
            (false, _) => "none".to_owned(),
            (true, false) => "list".to_owned(),
            (true, true) => rank_text(score.rank),
        };
        let (fused, dense, lexical, agree) = score.relevance.as_ref().map_or_else(
            || ("-".to_owned(), "-".to_owned(), "-".to_owned(), "-"),
            |r| {
                (
                    format!(
                        "{:.3}  {:.3}  {:.3}  {}",
                        r.best_score,
                        r.best_lexical,
                        r.unknown,
                        r.kind_cover
                            .map_or_else(|| "  -  ".to_owned(), |c| format!("{c:.3}"))
                    ),
                    rank_text(r.dense_rank),
                    rank_text(r.lexical_rank),
                    if r.signals_agree { "yes" } else { "no" },
                )
            },
        );
        let verdict = match (score.answerable, score.abstained) {
            (true, false) => "answered",
            (true, true) => "WRONGLY-ABST",
            (false, true) => "abstained",
            (false, false) => "NOT-ABST",
        };
        println!(
            "{rank:>4}  {:>5.0}  {:>5.0}  {:.3}  {:>2}/{:<2}  {fused}  {dense:>5} {lexical:>3} {agree:>5}  {verdict:<12} {}",
            score.hit_at_1(),
            score.hit_at(k),
            score.reciprocal_rank(),
            score.facts_found,
            score.facts,
            score.question
        );
        if score.ranked && score.rank.is_none() {
            let first = score.retrieved.first().map_or("nothing", String::as_str);
            println!("                          (best was {first})");
        }
        if !score.facts_missing.is_empty() && score.answerable {
            println!(
                "                          (missing: {})",
                score.facts_missing.join(", ")
            );
            if show_answers {
                for line in score.answer.lines() {
                    println!("                          | {line}");
                }
            }
        }
    }
    let s = report.summary;
    let share = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
    let facts = if s.facts == 0 {
        0.0
    } else {
        s.facts_found as f64 / s.facts as f64
    };
    println!(
        "overall ({} with pages): hit@1 {:.3}  hit@{k} {:.3}  MRR {:.3}  facts {}/{} ({facts:.3})",
        s.ranked, s.hit_at_1, s.hit_at_k, s.mrr, s.facts_found, s.facts
    );
    println!(
        "abstention ({} unanswerable): precision {}  recall {}  wrongly abstained {}/{}",
        s.questions - s.answerable,
        share(s.abstention_precision),
        share(s.abstention_recall),
        s.wrongly_abstained,
        s.answerable
    );
    println!(
        "before a model ({} unanswerable): abstained {}  wrongly abstained {}/{}",
        s.questions - s.answerable,
        s.model_rightly_abstained,
        s.model_wrongly_abstained,
        s.answerable
    );
    Ok(())
}

/// One JSON line per question: the question set's entry, the verdicts, the judgement and
/// the chunks it read.
fn write_dump(
    path: &Path,
    account: &AccountId,
    set: &QuestionSet,
    report: &eval::EvalReport,
) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (asked, score) in set.questions.iter().zip(&report.scores) {
        let line = serde_json::json!({
            "account": account.as_str(),
            "question": asked.question,
            "after": asked.after,
            "answerable": score.answerable,
            "expected": asked.expected,
            "facts": asked.facts,
            "abstained": score.abstained,
            "abstained_before_model": score.abstained_before_model,
            "relevance": score.relevance,
            "candidates": score.candidates,
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(())
}
