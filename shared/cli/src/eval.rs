//! `salient eval <account> [--k 5]`: retrieval quality on the account's question set
//! (`config/accounts/<account>/eval.yaml`), through the embedder and vector index that
//! `knowledge:` configures, the same ones `salient ingest` fills. Prints hit@1, hit@k and
//! the reciprocal rank per question, then the means.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use salient_core::config::Catalog;
use salient_core::domain::AccountId;
use salient_core::eval::{self, QuestionSet};

/// Runs `salient eval`.
pub(crate) async fn run(
    config_dir: &Path,
    account: &str,
    k: usize,
    questions: Option<PathBuf>,
) -> anyhow::Result<()> {
    let account = AccountId::parse(account)?;
    let catalog = Catalog::load(config_dir, &[])
        .with_context(|| format!("loading configuration from {}", config_dir.display()))?;
    let path = questions.unwrap_or_else(|| {
        config_dir
            .join("accounts")
            .join(account.as_str())
            .join("eval.yaml")
    });
    let set = QuestionSet::load(&path)?;
    let salient_core::Knowledge { embedder, index } = salient_core::open_knowledge(
        &catalog.app().knowledge,
    )
    .context("opening the knowledge base from knowledge.embedding and knowledge.vector_store")?;
    let chunks = index.count(&account).await?;
    anyhow::ensure!(
        chunks > 0,
        "{account} has no indexed chunks: run `salient ingest {account}` first"
    );
    let max_chunks_per_page = catalog.app().knowledge.rag.max_chunks_per_page;
    let report = eval::run(
        embedder.as_ref(),
        index.as_ref(),
        &account,
        &set,
        k,
        max_chunks_per_page,
    )
    .await?;
    let k = report.summary.k;
    println!(
        "{account}: {} questions, {chunks} chunks, {} top {k}",
        report.summary.questions,
        embedder.model_id()
    );
    println!("rank  hit@1  hit@{k:<2} RR     question");
    for score in &report.scores {
        let rank = score.rank.map_or_else(|| "-".to_owned(), |r| r.to_string());
        println!(
            "{rank:>4}  {:>5.0}  {:>5.0}  {:.3}  {}",
            score.hit_at_1(),
            score.hit_at(k),
            score.reciprocal_rank(),
            score.question
        );
        if score.rank.is_none() {
            let first = score.retrieved.first().map_or("nothing", String::as_str);
            println!("                          (best was {first})");
        }
    }
    let s = report.summary;
    println!(
        "overall: hit@1 {:.3}  hit@{k} {:.3}  MRR {:.3}",
        s.hit_at_1, s.hit_at_k, s.mrr
    );
    Ok(())
}
