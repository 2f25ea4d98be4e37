//! Calibrated abstention: whether the chunks retrieved for a question are relevant to it,
//! judged from the fused score and from the agreement of the two signals it was fused from.
//!
//! A dense index always returns its nearest chunks, however far they are, so "something
//! came back" says nothing. A retrieval is relevant when its best fused score reaches
//! `knowledge.rag.abstain.min_score`, or when the dense signal (cosine) and the lexical one
//! (BM25) each rank the same page among their best `agree_within` pages: two independent
//! signals pointing at one page is evidence even when neither is strong. Pages, not chunks,
//! because a page's chunks share the answer's topic. Without the separate signals (a
//! sparse-dense Pinecone query) only the fused score decides.
//!
//! Either way the best page must also hold enough of the question: its coverage, the
//! share of the question's content words (the lexical tokeniser's stemmed terms) found in
//! the retrieved chunks of the best fused chunk's page, each word weighed by its inverse
//! document frequency over all the retrieved chunks, must reach `min_coverage`. A question
//! that meets the site on one common word or a place name ("Can I pay with
//! cryptocurrency?", "a good restaurant in Hexham") covers little of itself, because its
//! distinctive words are found nowhere; a word found in no retrieved chunk weighs as one
//! found in a single chunk, so a common verb the site never uses ("bring") does not
//! outweigh the noun it does ("dog").

use std::collections::HashSet;

use crate::config::AbstainSettings;
use crate::knowledge::vector::lexical::{idf, tokenize};
use crate::ports::knowledge::ScoredChunk;

/// What the judgement saw, for the turn's decision and for measuring the rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Relevance {
    /// The best fused score.
    pub best_score: f32,
    /// The best lexical score of any chunk (0 without a lexical signal).
    pub best_lexical: f32,
    /// Rank (from 1) of the best fused chunk's page among the pages ordered by cosine.
    pub dense_rank: Option<usize>,
    /// Its rank among the pages ordered by lexical score (pages whose lexical score reaches
    /// `min_lexical` only).
    pub lexical_rank: Option<usize>,
    /// Whether a page is among both signals' best `agree_within` pages.
    pub signals_agree: bool,
    /// The IDF-weighted share (0 to 1) of the question's terms that the best page's
    /// retrieved chunks hold; 1 for a question without content words.
    pub coverage: f32,
    /// The verdict: relevant by the score or by the agreement.
    pub relevant: bool,
}

/// Judges an index's answer (best first) to `question`; `None` when it returned nothing (an
/// empty index is not evidence that the site lacks the answer).
pub fn judge(
    question: &str,
    hits: &[ScoredChunk],
    settings: &AbstainSettings,
) -> Option<Relevance> {
    let best = hits.first()?;
    let dense = pages_by(hits, |hit| hit.dense);
    let min_lexical = settings.min_lexical.max(f32::MIN_POSITIVE);
    let lexical = pages_by(hits, |hit| {
        hit.lexical.filter(|score| *score >= min_lexical)
    });
    let rank_in = |pages: &[&str]| {
        pages
            .iter()
            .position(|url| *url == best.record.url)
            .map(|at| at + 1)
    };
    let within = settings.agree_within;
    let signals_agree = within > 0
        && dense
            .iter()
            .take(within)
            .any(|url| lexical.iter().take(within).any(|other| other == url));
    let best_score = best.score;
    let coverage = coverage(question, hits, &best.record.url);
    Some(Relevance {
        best_score,
        best_lexical: hits
            .iter()
            .filter_map(|hit| hit.lexical)
            .fold(0.0, f32::max),
        dense_rank: rank_in(&dense),
        lexical_rank: rank_in(&lexical),
        signals_agree,
        coverage,
        relevant: (best_score >= settings.min_score || signals_agree)
            && coverage >= settings.min_coverage,
    })
}

/// The IDF-weighted share of the question's terms found in the chunks of the page at
/// `url` (title, headings and text), IDF taken over every hit as a document.
fn coverage(question: &str, hits: &[ScoredChunk], url: &str) -> f32 {
    let terms: HashSet<String> = tokenize(question).into_iter().collect();
    if terms.is_empty() {
        return 1.0;
    }
    let docs: Vec<(bool, HashSet<String>)> = hits
        .iter()
        .map(|hit| {
            let r = &hit.record;
            let text = format!("{}\n{}\n{}", r.title, r.heading_path.join("\n"), r.text);
            (r.url == url, tokenize(&text).into_iter().collect())
        })
        .collect();
    let (mut held, mut total) = (0.0, 0.0);
    for term in &terms {
        let containing = docs
            .iter()
            .filter(|(_, words)| words.contains(term))
            .count();
        let weight = idf(docs.len(), containing.max(1));
        total += weight;
        if docs
            .iter()
            .any(|(on_page, words)| *on_page && words.contains(term))
        {
            held += weight;
        }
    }
    if total > 0.0 { held / total } else { 1.0 }
}

/// The pages of `hits` ordered by their best score on one signal, best first; chunks
/// without that score are left out.
fn pages_by(hits: &[ScoredChunk], signal: impl Fn(&ScoredChunk) -> Option<f32>) -> Vec<&str> {
    let mut best: Vec<(&str, f32)> = Vec::new();
    for hit in hits {
        let Some(score) = signal(hit) else { continue };
        match best.iter_mut().find(|(url, _)| *url == hit.record.url) {
            Some((_, top)) => *top = top.max(score),
            None => best.push((hit.record.url.as_str(), score)),
        }
    }
    best.sort_by(|a, b| b.1.total_cmp(&a.1));
    best.into_iter().map(|(url, _)| url).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::knowledge::ChunkRecord;

    fn hit(url: &str, fused: f32, dense: f32, lexical: f32) -> ScoredChunk {
        ScoredChunk {
            record: ChunkRecord {
                id: format!("{url}#{fused}"),
                url: url.to_owned(),
                title: url.to_owned(),
                heading_path: Vec::new(),
                text: String::new(),
                page_hash: String::new(),
                date: None,
            },
            score: fused,
            dense: Some(dense),
            lexical: Some(lexical),
        }
    }

    fn settings() -> AbstainSettings {
        AbstainSettings {
            enabled: true,
            min_score: 0.45,
            agree_within: 3,
            min_lexical: 0.0,
            min_coverage: 0.0,
        }
    }

    #[test]
    fn a_fused_score_at_the_bar_is_relevant() {
        let hits = [hit("/a/", 0.45, 0.69, 0.0), hit("/b/", 0.30, 0.46, 0.0)];
        let verdict = judge("", &hits, &settings()).expect("hits");
        assert!(verdict.relevant);
        assert!(!verdict.signals_agree);
        assert_eq!(verdict.dense_rank, Some(1));
        assert_eq!(verdict.lexical_rank, None);
    }

    #[test]
    fn weak_scores_on_which_the_signals_disagree_are_not_relevant() {
        // Dense likes /a/, /b/, /c/; the only lexical matches are on /d/ and /e/.
        let hits = [
            hit("/a/", 0.30, 0.46, 0.0),
            hit("/b/", 0.29, 0.45, 0.0),
            hit("/c/", 0.28, 0.43, 0.0),
            hit("/d/", 0.27, 0.20, 0.40),
            hit("/e/", 0.26, 0.19, 0.38),
        ];
        let verdict = judge("", &hits, &settings()).expect("hits");
        assert!(!verdict.relevant);
        assert_eq!(verdict.lexical_rank, None);
        assert_eq!(verdict.best_score, 0.30);
    }

    #[test]
    fn both_signals_ranking_one_page_near_the_top_make_a_weak_score_relevant() {
        let hits = [
            hit("/a/", 0.30, 0.46, 0.0),
            hit("/b/", 0.29, 0.40, 0.10),
            hit("/c/", 0.28, 0.43, 0.0),
            hit("/d/", 0.27, 0.20, 0.40),
        ];
        let verdict = judge("", &hits, &settings()).expect("hits");
        assert!(
            verdict.signals_agree,
            "/b/ is third by cosine, second lexically"
        );
        assert!(verdict.relevant);

        let fused_only = AbstainSettings {
            agree_within: 0,
            ..settings()
        };
        assert!(!judge("", &hits, &fused_only).expect("hits").relevant);
        let tighter = AbstainSettings {
            agree_within: 1,
            ..settings()
        };
        assert!(!judge("", &hits, &tighter).expect("hits").relevant);
    }

    #[test]
    fn without_separate_signals_only_the_fused_score_decides() {
        let mut weak = hit("/a/", 0.30, 0.0, 0.0);
        weak.dense = None;
        weak.lexical = None;
        let verdict = judge("", &[weak.clone()], &settings()).expect("hits");
        assert!(!verdict.relevant);
        weak.score = 0.6;
        assert!(judge("", &[weak], &settings()).expect("hits").relevant);
    }

    fn with_text(mut hit: ScoredChunk, text: &str) -> ScoredChunk {
        hit.record.text = text.to_owned();
        hit
    }

    #[test]
    fn coverage_weighs_the_questions_words_by_rarity_and_can_veto() {
        let hits = [
            with_text(
                hit("/cafe/", 0.40, 0.5, 0.5),
                "Dogs are welcome in the cafe.",
            ),
            with_text(
                hit("/visit/", 0.30, 0.4, 0.3),
                "Pay by card or cash. Parking nearby.",
            ),
            with_text(hit("/books/", 0.28, 0.4, 0.2), "Pay at the till for books."),
        ];
        let loose = judge("Can I bring my dog?", &hits, &settings()).expect("hits");
        // "dog" (stemmed from "dogs") is on the best page; "bring" is nowhere.
        assert!((loose.coverage - 0.5).abs() < 1e-6, "{}", loose.coverage);
        assert!(loose.relevant);
        let all = judge("Are dogs welcome?", &hits, &settings()).expect("hits");
        assert_eq!(all.coverage, 1.0);

        let strict = AbstainSettings {
            min_coverage: 0.6,
            ..settings()
        };
        assert!(
            !judge("Can I bring my dog?", &hits, &strict)
                .expect("hits")
                .relevant
        );
        assert!(
            judge("Are dogs welcome?", &hits, &strict)
                .expect("hits")
                .relevant
        );
        // A question without content words is not vetoed.
        assert_eq!(
            judge("Can you?", &hits, &strict).expect("hits").coverage,
            1.0
        );
    }

    #[test]
    fn an_empty_answer_is_no_verdict() {
        assert_eq!(judge("", &[], &settings()), None);
    }
}
