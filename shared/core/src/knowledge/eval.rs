//! Retrieval and answer quality: a set of visitor questions per account, each with the
//! pages that answer it and the facts an answer should hold, or marked as one the site does
//! not answer. Each runs through the embedder and vector index that ingestion filled and is
//! scored by hit@1, hit@k, mean reciprocal rank (MRR), the share of its facts the
//! extractive answer holds, and whether the turn would abstain.
//!
//! A question's rank is the position (from 1) of the first retrieved chunk whose page is
//! one of the expected ones, among the top k chunks, in the order the agent would put them
//! into its prompt; chunks, not pages, because that is what retrieval hands over. Pages
//! match by URL path, so a set written for `/demo/northwind-heating/faq/` holds whichever
//! host and port the site was served from. hit@1 and hit@k are 1 or 0 per question; the
//! reciprocal rank is `1 / rank`, or 0 when no expected page is in the top k. These means
//! are over the answerable questions.
//!
//! A fact is found when the extractive answer (the quoted passages and the matching items
//! of the account's lists, as a turn without the model gives them) contains it, ignoring
//! case. A question is abstained when the turn would answer `no_answer`: retrieval judged
//! not relevant (`knowledge.rag.abstain`) and no item of the lists matches. Abstention
//! precision is the share of abstentions that were on unanswerable questions; recall, the
//! share of unanswerable questions abstained.
//!
//! The question file (`config/accounts/<account>/eval.yaml`):
//!
//! ```yaml
//! questions:
//!   - question: How much is the Northwind Air 8?
//!     expected: [/demo/northwind-heating/heat-pumps/]
//!     facts: ["£9,850"]
//!   - question: Do you repair cars?
//!     expect: none
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::RagSettings;
use crate::directory::{Directory, EXTRACTIVE_ITEMS};
use crate::domain::AccountId;
use crate::knowledge::abstain::Relevance;
use crate::knowledge::asked_kind::asks_how_to_reach;
use crate::knowledge::follow_up::Asked;
use crate::knowledge::retrieve::{PageCap, Sources, by_priors, candidates, query_each_part};
use crate::ports::knowledge::{Embedder, KnowledgeError, ScoredChunk, VectorIndex};

/// An account's questions.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSet {
    /// The questions, in the order reported.
    pub questions: Vec<EvalQuestion>,
}

/// One question and the pages that answer it, or `expect: none`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalQuestion {
    /// What a visitor would type.
    pub question: String,
    /// What the visitor asked just before, for a follow-up ("How much do they cost?" after
    /// "Do you run lessons for adults?"): the question is asked in that conversation.
    #[serde(default)]
    pub after: Option<String>,
    /// Paths (or full URLs) of the pages that answer it; any one counts. Empty for a
    /// question only the account's lists answer (it then names facts).
    #[serde(default)]
    pub expected: Vec<String>,
    /// Words or figures the answer should hold (each found ignoring case).
    #[serde(default)]
    pub facts: Vec<String>,
    /// `none`: the site does not answer it, and the turn should say so.
    #[serde(default)]
    pub expect: Option<Expect>,
}

/// What a question expects besides pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Expect {
    /// No page answers it.
    None,
}

impl EvalQuestion {
    /// Whether the site answers it.
    pub fn answerable(&self) -> bool {
        self.expect.is_none()
    }
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The question file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The question file is not a valid set.
    #[error("invalid question set: {0}")]
    Invalid(String),
    /// Embedding or retrieval failed.
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
}

impl QuestionSet {
    /// Parses a set from YAML; every question needs text and at least one expected page.
    pub fn from_yaml(text: &str) -> Result<Self, EvalError> {
        let set: Self =
            serde_norway::from_str(text).map_err(|e| EvalError::Invalid(e.to_string()))?;
        if set.questions.is_empty() {
            return Err(EvalError::Invalid("no questions".to_owned()));
        }
        for (n, q) in set.questions.iter().enumerate() {
            if q.question.trim().is_empty() {
                return Err(EvalError::Invalid(format!("question {} is empty", n + 1)));
            }
            if q.after
                .as_deref()
                .is_some_and(|after| after.trim().is_empty())
            {
                return Err(EvalError::Invalid(format!(
                    "question {} follows an empty question",
                    n + 1
                )));
            }
            let names_a_page = q.expected.iter().any(|e| !e.trim().is_empty());
            if q.answerable() && !names_a_page && q.facts.is_empty() {
                return Err(EvalError::Invalid(format!(
                    "question {} ({:?}) names no expected page or fact",
                    n + 1,
                    q.question
                )));
            }
            if !q.answerable() && (names_a_page || !q.facts.is_empty()) {
                return Err(EvalError::Invalid(format!(
                    "question {} ({:?}) expects no answer but names pages or facts",
                    n + 1,
                    q.question
                )));
            }
        }
        Ok(set)
    }

    /// Reads and parses a set from a file.
    pub fn load(path: &Path) -> Result<Self, EvalError> {
        let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_yaml(&text)
    }
}

/// The path part of a URL or path, without a trailing slash (the root stays `/`), so
/// `http://127.0.0.1:3000/faq/`, `/faq` and `/faq/` are the same page.
pub fn page_key(url_or_path: &str) -> String {
    let trimmed = url_or_path.trim();
    let path = match url::Url::parse(trimmed) {
        Ok(url) => url.path().to_owned(),
        Err(_) => trimmed
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_owned(),
    };
    let path = path.trim_end_matches('/');
    if path.is_empty() {
        "/".to_owned()
    } else if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    }
}

/// How one question fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionScore {
    /// The question (a follow-up after what it follows: "Do you teach adults? → How much?").
    pub question: String,
    /// Position (from 1) of the first chunk from an expected page, if in the top k.
    pub rank: Option<usize>,
    /// The URLs of the retrieved chunks, best first.
    pub retrieved: Vec<String>,
    /// Whether it names expected pages (the hit and rank means are over these).
    pub ranked: bool,
    /// Whether the site or the lists answer it.
    pub answerable: bool,
    /// Whether the turn would answer `no_answer` without a model (the extractive answer).
    pub abstained: bool,
    /// Whether it would answer `no_answer` before calling a model (scores and agreement
    /// only; the model judges the rest).
    pub abstained_before_model: bool,
    /// How many facts it expects.
    pub facts: usize,
    /// How many of them the extractive answer holds.
    pub facts_found: usize,
    /// The expected facts the extractive answer lacks.
    pub facts_missing: Vec<String>,
    /// The extractive answer the turn would give (empty when it abstains).
    pub answer: String,
    /// What the relevance judgement saw.
    #[serde(skip)]
    pub relevance: Option<Relevance>,
    /// Every chunk the index returned for it (the judgement read them in score order),
    /// ranked with the priors as the turn picks its sources (for `salient eval --dump`).
    #[serde(skip)]
    pub candidates: Vec<ScoredChunk>,
}

impl QuestionScore {
    /// Scores retrieved chunk URLs (best first) against the expected pages.
    pub fn new(question: &str, expected: &[String], retrieved: Vec<String>) -> Self {
        let expected: Vec<String> = expected.iter().map(|e| page_key(e)).collect();
        let rank = retrieved
            .iter()
            .position(|url| expected.contains(&page_key(url)))
            .map(|at| at + 1);
        Self {
            question: question.to_owned(),
            rank,
            retrieved,
            ranked: !expected.is_empty(),
            answerable: !expected.is_empty(),
            abstained: false,
            abstained_before_model: false,
            facts: 0,
            facts_found: 0,
            facts_missing: Vec::new(),
            answer: String::new(),
            relevance: None,
            candidates: Vec::new(),
        }
    }

    /// 1 when the best chunk is from an expected page.
    pub fn hit_at_1(&self) -> f64 {
        if self.rank == Some(1) { 1.0 } else { 0.0 }
    }

    /// 1 when any of the top `k` chunks is.
    pub fn hit_at(&self, k: usize) -> f64 {
        if self.rank.is_some_and(|r| r <= k) {
            1.0
        } else {
            0.0
        }
    }

    /// `1 / rank`, 0 when missed.
    pub fn reciprocal_rank(&self) -> f64 {
        self.rank.map_or(0.0, |r| 1.0 / r as f64)
    }
}

/// Means over a set of questions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// How many questions.
    pub questions: usize,
    /// The k of hit@k.
    pub k: usize,
    /// Share of questions whose best chunk is from an expected page.
    pub hit_at_1: f64,
    /// Share with an expected page in the top k.
    pub hit_at_k: f64,
    /// Mean reciprocal rank.
    pub mrr: f64,
    /// Questions naming expected pages (the hit and rank means are over these).
    pub ranked: usize,
    /// Questions the site or the lists answer.
    pub answerable: usize,
    /// Facts expected over all questions.
    pub facts: usize,
    /// Of them, found in the extractive answers.
    pub facts_found: usize,
    /// Unanswerable questions abstained.
    pub rightly_abstained: usize,
    /// Answerable questions abstained.
    pub wrongly_abstained: usize,
    /// Share of abstentions on unanswerable questions (`None` without abstentions).
    pub abstention_precision: Option<f64>,
    /// Share of unanswerable questions abstained (`None` without such questions).
    pub abstention_recall: Option<f64>,
    /// Before a model: unanswerable questions abstained.
    pub model_rightly_abstained: usize,
    /// Before a model: answerable questions abstained.
    pub model_wrongly_abstained: usize,
}

/// A run's scores, per question and overall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    /// Per question, in the set's order.
    pub scores: Vec<QuestionScore>,
    /// The means.
    pub summary: Summary,
}

impl EvalReport {
    /// The report of these scores at `k`.
    pub fn new(scores: Vec<QuestionScore>, k: usize) -> Self {
        let ranked: Vec<&QuestionScore> = scores.iter().filter(|s| s.ranked).collect();
        let n = ranked.len();
        let mean = |f: &dyn Fn(&QuestionScore) -> f64| {
            if n == 0 {
                0.0
            } else {
                ranked.iter().map(|s| f(s)).sum::<f64>() / n as f64
            }
        };
        let answerable: Vec<&QuestionScore> = scores.iter().filter(|s| s.answerable).collect();
        let unanswerable = scores.len() - answerable.len();
        let rightly = scores
            .iter()
            .filter(|s| !s.answerable && s.abstained)
            .count();
        let wrongly = answerable.iter().filter(|s| s.abstained).count();
        let share = |part: usize, whole: usize| (whole > 0).then(|| part as f64 / whole as f64);
        let summary = Summary {
            questions: scores.len(),
            k,
            hit_at_1: mean(&QuestionScore::hit_at_1),
            hit_at_k: mean(&|s| s.hit_at(k)),
            mrr: mean(&QuestionScore::reciprocal_rank),
            ranked: n,
            answerable: answerable.len(),
            facts: scores.iter().map(|s| s.facts).sum(),
            facts_found: scores.iter().map(|s| s.facts_found).sum(),
            rightly_abstained: rightly,
            wrongly_abstained: wrongly,
            abstention_precision: share(rightly, rightly + wrongly),
            abstention_recall: share(rightly, unanswerable),
            model_rightly_abstained: scores
                .iter()
                .filter(|s| !s.answerable && s.abstained_before_model)
                .count(),
            model_wrongly_abstained: answerable
                .iter()
                .filter(|s| s.abstained_before_model)
                .count(),
        };
        Self { scores, summary }
    }
}

/// The top `k` of `hits` (already ordered with the recency prior) as the agent picks them:
/// in order, at most `rag.max_chunks_per_page` from one page. What `salient eval` ranks
/// and the console's retrieval test shows.
pub fn top_chunks<'a>(
    hits: &'a [ScoredChunk],
    k: usize,
    rag: &RagSettings,
) -> Vec<&'a ScoredChunk> {
    let mut cap = PageCap::new(rag.max_chunks_per_page);
    let mut top = Vec::with_capacity(k);
    for hit in hits {
        if top.len() == k {
            break;
        }
        if cap.admits(&hit.record.url) {
            cap.take(&hit.record.url);
            top.push(hit);
        }
    }
    top
}

/// One question ranked exactly as [`run`] ranks it: embedded as a query, the index asked
/// for three times `max(k, rag.top_k)` candidates, the recency prior applied, then
/// [`top_chunks`].
pub async fn search(
    embedder: &dyn Embedder,
    index: &dyn VectorIndex,
    account: &AccountId,
    question: &str,
    k: usize,
    rag: &RagSettings,
) -> Result<Vec<ScoredChunk>, KnowledgeError> {
    let k = k.max(1);
    let asked = Asked::alone(question);
    let (hits, _) = query_each_part(
        embedder,
        index,
        account,
        &asked,
        candidates(k.max(rag.top_k)),
    )
    .await?;
    let hits = by_priors(&asked, hits);
    Ok(top_chunks(&hits, k, rag).into_iter().cloned().collect())
}

/// What an extractive answer draws on besides the pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct BesidesPages<'a> {
    /// The account's lists.
    pub directory: Option<&'a Directory>,
    /// The account's contact line ([`crate::config::AccountSettings::reach_line`]).
    pub reach: Option<&'a str>,
}

/// Runs every question through `embedder` and `index` for `account` (hybrid: the
/// question's vector and its text) and scores the answers: the top `k` chunks as the agent
/// picks them, from three times as many candidates with at most
/// `rag.max_chunks_per_page` from one page; the extractive answer the turn would quote
/// (the best `rag.top_k` chunks, the matching items of the account's lists, and its
/// contact line for a question asking how to reach the business: `besides`); and whether
/// the turn would abstain (`rag.abstain`).
pub async fn run(
    embedder: &dyn Embedder,
    index: &dyn VectorIndex,
    account: &AccountId,
    set: &QuestionSet,
    k: usize,
    rag: &RagSettings,
    besides: BesidesPages<'_>,
) -> Result<EvalReport, EvalError> {
    let BesidesPages { directory, reach } = besides;
    let k = k.max(1);
    let mut scores = Vec::with_capacity(set.questions.len());
    for question in &set.questions {
        let asked = match &question.after {
            Some(after) => Asked::in_conversation(&question.question, &[after]),
            None => Asked::alone(&question.question),
        };
        let (hits, _) = query_each_part(
            embedder,
            index,
            account,
            &asked,
            candidates(k.max(rag.top_k)),
        )
        .await?;
        // Judged in score order, as a turn judges them; ranked with the priors, as a turn
        // picks its sources; both on the question in its context.
        let ranked = by_priors(&asked, hits.clone());
        let retrieved = top_chunks(&ranked, k, rag)
            .into_iter()
            .map(|hit| hit.record.url.clone())
            .collect();
        let sources = Sources::from_hits(&asked, hits, rag);
        let listed =
            directory.and_then(|d| d.extractive_list(&question.question, EXTRACTIVE_ITEMS));
        let reached = reach.filter(|_| asks_how_to_reach(&question.question));
        let answer = format!(
            "{}\n{}\n{}",
            listed.as_deref().unwrap_or_default(),
            reached.unwrap_or_default(),
            sources.quoted_passages(&asked.text())
        );
        let lowered = answer.to_lowercase();
        // A follow-up is shown after what it follows.
        let shown = match &question.after {
            Some(after) => format!("{after} → {}", question.question),
            None => question.question.clone(),
        };
        let mut score = QuestionScore::new(&shown, &question.expected, retrieved);
        score.answerable = question.answerable();
        let answered_anyway = listed.is_some() || reached.is_some();
        score.abstained = rag.abstain.enabled && !answered_anyway && sources.not_covered();
        score.abstained_before_model =
            rag.abstain.enabled && !answered_anyway && sources.nothing_near();
        score.facts = question.facts.len();
        score.facts_missing = if score.abstained {
            question.facts.clone()
        } else {
            question
                .facts
                .iter()
                .filter(|fact| !lowered.contains(&fact.to_lowercase()))
                .cloned()
                .collect()
        };
        score.facts_found = score.facts - score.facts_missing.len();
        if !score.abstained {
            score.answer = answer.trim().to_owned();
        }
        score.relevance = sources.relevance;
        score.candidates = ranked;
        scores.push(score);
    }
    Ok(EvalReport::new(scores, k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(paths: &[&str]) -> Vec<String> {
        paths
            .iter()
            .map(|p| format!("http://127.0.0.1:3000{p}"))
            .collect()
    }

    #[test]
    fn pages_match_by_path_whatever_the_host_and_trailing_slash() {
        assert_eq!(
            page_key("http://127.0.0.1:41234/demo/a/faq/"),
            "/demo/a/faq"
        );
        assert_eq!(page_key("/demo/a/faq"), "/demo/a/faq");
        assert_eq!(page_key("demo/a/faq/?x=1#top"), "/demo/a/faq");
        assert_eq!(page_key("https://shop.example"), "/");
        assert_eq!(page_key("/"), "/");
    }

    #[test]
    fn rank_is_the_first_chunk_from_an_expected_page() {
        let expected = vec!["/faq/".to_owned(), "/pricing/".to_owned()];
        let score = QuestionScore::new("q", &expected, urls(&["/about/", "/pricing/", "/faq/"]));
        assert_eq!(score.rank, Some(2));
        assert_eq!(score.hit_at_1(), 0.0);
        assert_eq!(score.hit_at(1), 0.0);
        assert_eq!(score.hit_at(2), 1.0);
        assert_eq!(score.reciprocal_rank(), 0.5);

        let missed = QuestionScore::new("q", &expected, urls(&["/about/", "/"]));
        assert_eq!(missed.rank, None);
        assert_eq!(missed.reciprocal_rank(), 0.0);
        assert_eq!(missed.hit_at(5), 0.0);
    }

    #[test]
    fn the_summary_averages_hits_and_reciprocal_ranks() {
        let expected = vec!["/a/".to_owned()];
        let scores = vec![
            QuestionScore::new("first", &expected, urls(&["/a/", "/b/"])), // rank 1
            QuestionScore::new("third", &expected, urls(&["/b/", "/c/", "/a/"])), // rank 3
            QuestionScore::new(
                "fifth",
                &expected,
                urls(&["/b/", "/c/", "/d/", "/e/", "/a/"]),
            ), // rank 5
            QuestionScore::new("missed", &expected, urls(&["/b/"])),
        ];
        let report = EvalReport::new(scores, 3);
        let s = report.summary;
        assert_eq!(s.questions, 4);
        assert_eq!(s.k, 3);
        assert!((s.hit_at_1 - 0.25).abs() < 1e-12);
        // Ranks 1 and 3 are within k = 3; rank 5 is not.
        assert!((s.hit_at_k - 0.5).abs() < 1e-12);
        // (1 + 1/3 + 1/5 + 0) / 4
        assert!((s.mrr - (1.0 + 1.0 / 3.0 + 0.2) / 4.0).abs() < 1e-12);
    }

    #[test]
    fn an_empty_report_scores_zero_rather_than_nan() {
        let s = EvalReport::new(Vec::new(), 5).summary;
        assert_eq!((s.hit_at_1, s.hit_at_k, s.mrr), (0.0, 0.0, 0.0));
    }

    #[test]
    fn abstention_is_scored_against_the_unanswerable_questions() {
        let page = vec!["/a/".to_owned()];
        let mut answered = QuestionScore::new("answered", &page, urls(&["/a/"]));
        answered.facts = 2;
        answered.facts_found = 1;
        let mut wrongly = QuestionScore::new("wrongly", &page, urls(&["/b/"]));
        wrongly.abstained = true;
        let mut rightly = QuestionScore::new("rightly", &[], urls(&["/b/"]));
        rightly.abstained = true;
        let missed = QuestionScore::new("missed", &[], urls(&["/c/"]));
        let s = EvalReport::new(vec![answered, wrongly, rightly, missed], 5).summary;
        assert_eq!((s.questions, s.ranked, s.answerable), (4, 2, 2));
        // Hits are over the two answerable questions only.
        assert!((s.hit_at_k - 0.5).abs() < 1e-12);
        assert_eq!((s.facts, s.facts_found), (2, 1));
        assert_eq!((s.rightly_abstained, s.wrongly_abstained), (1, 1));
        assert_eq!(s.abstention_precision, Some(0.5));
        assert_eq!(s.abstention_recall, Some(0.5));
        let none = EvalReport::new(Vec::new(), 5).summary;
        assert_eq!(
            (none.abstention_precision, none.abstention_recall),
            (None, None)
        );
    }

    #[test]
    fn unanswerable_questions_parse_without_pages() {
        let set = QuestionSet::from_yaml(
            "questions:\n  - question: Do you repair cars?\n    expect: none\n  - question: How much?\n    expected: [/p/]\n    facts: [\"£5\"]\n",
        )
        .expect("valid");
        assert!(!set.questions[0].answerable());
        assert!(set.questions[1].answerable());
        assert_eq!(set.questions[1].facts, vec!["£5".to_owned()]);
    }

    #[test]
    fn a_follow_up_names_the_question_it_follows() {
        let set = QuestionSet::from_yaml(
            "questions:\n  - after: Do you service boilers?\n    question: How much?\n    expected: [/pricing/]\n",
        )
        .expect("valid");
        assert_eq!(
            set.questions[0].after.as_deref(),
            Some("Do you service boilers?")
        );
        let blank = "questions:\n  - after: ' '\n    question: How much?\n    expected: [/p/]\n";
        assert!(QuestionSet::from_yaml(blank).is_err());
    }

    #[test]
    fn question_sets_parse_and_refuse_questions_without_pages() {
        let set = QuestionSet::from_yaml(
            "questions:\n  - question: How much?\n    expected: [/pricing/]\n",
        )
        .expect("valid");
        assert_eq!(set.questions[0].expected, vec!["/pricing/".to_owned()]);
        for bad in [
            "questions: []\n",
            "questions:\n  - question: How much?\n    expected: []\n",
            "questions:\n  - question: ' '\n    expected: [/a/]\n",
            "questions:\n  - question: x\n    expected: [/a/]\n    answer: y\n",
            "questions:\n  - question: x\n    expected: [/a/]\n    expect: none\n",
            "questions:\n  - question: x\n    expect: maybe\n",
        ] {
            assert!(QuestionSet::from_yaml(bad).is_err(), "{bad}");
        }
    }
}
