//! Calibrated abstention: whether the chunks retrieved for a question are relevant to it,
//! judged from the fused score, from the agreement of the two signals it was fused from, and
//! from how much of the question the retrieved text never mentions. Two verdicts come out:
//! whether a model is worth asking ([`Relevance::near`]), and whether an answer may be
//! quoted without one ([`Relevance::relevant`]), which asks for more.
//!
//! A dense index always returns its nearest chunks, however far they are, so "something
//! came back" says nothing. A retrieval is relevant when its best fused score reaches
//! `knowledge.rag.abstain.min_score`, or when the dense signal (cosine) and the lexical one
//! (BM25) each rank the same page among their best `agree_within` pages: two independent
//! signals pointing at one page is evidence even when neither is strong. Pages, not chunks,
//! because a page's chunks share the answer's topic. Without the separate signals (a
//! sparse-dense Pinecone query) only the fused score decides.
//!
//! Either way the retrieved text must not miss what the question is about. Its unknown
//! share is the part of the question's information that no retrieved chunk (title,
//! headings, text) holds, each content word weighed by how rare it is in English
//! ([`word_frequency`]: 7 minus its Zipf value, so "much" weighs 1, "bitcoin" 2.8 and a
//! word rarer than the list 4). "Do you sell motorbikes?" meets a bike shop on "sell" and,
//! by meaning, on "bikes", but "motorbikes" is on no page and carries most of the question;
//! "How much is a boiler service?" misses only "much". A share at or above `max_unknown`
//! makes the retrieval not relevant, whatever the scores, for an answer quoted without a
//! model. A model reads the passages and can tell a synonym from a different thing, so
//! before a model only the scores and the agreement decide ([`Relevance::near`]), against a
//! lower bar, `min_score_before_model`: a page the model finds does not answer costs one
//! call that says so, while a visitor turned away from a page that does answer is lost.

use std::collections::HashSet;

use crate::config::AbstainSettings;
use crate::knowledge::follow_up::Asked;
use crate::knowledge::vector::lexical::{tokenize, words};
use crate::knowledge::{asked_kind, word_frequency};
use crate::ports::knowledge::ScoredChunk;

/// What the judgement saw, for the turn's decision and for measuring the rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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
    /// The share (0 to 1) of the question's information, its content words weighed by
    /// their rarity in English, that no retrieved chunk holds; 0 for a question without
    /// content words.
    pub unknown: f32,
    /// For a question asking for a time, a date, a price or a phone number, the share (0
    /// to 1) of what it is about that the best sentence giving such an answer also names
    /// ([`asked_kind::cover`]); `None` for other questions.
    pub kind_cover: Option<f32>,
    /// Whether the score (at least `min_score_before_model`) or the agreement puts a
    /// retrieved page near the question. What decides before a model is asked: it reads the
    /// passages itself, and says so when they do not answer (a lexical veto would stop it
    /// from matching "coeliac" to "gluten-free").
    pub near: bool,
    /// The verdict for an answer quoted without a model: the score reaching `min_score` or
    /// the signals agreeing, not missing `max_unknown`
    /// or more of the question, and, when it asks for a time, a date, a price or a phone
    /// number, with a sentence giving one that names at least `min_kind_cover` of what it
    /// is about.
    pub relevant: bool,
}

/// Judges an index's answer (best first) to `question`; `None` when it returned nothing (an
/// empty index is not evidence that the site lacks the answer).
pub fn judge(asked: &Asked, hits: &[ScoredChunk], settings: &AbstainSettings) -> Option<Relevance> {
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
    let unknown = unknown_share(&asked.text(), hits);
    let kind_cover = asked_kind::cover(asked, hits);
    let near = best_score >= settings.min_score_before_model || signals_agree;
    let close = best_score >= settings.min_score || signals_agree;
    Some(Relevance {
        best_score,
        best_lexical: hits
            .iter()
            .filter_map(|hit| hit.lexical)
            .fold(0.0, f32::max),
        dense_rank: rank_in(&dense),
        lexical_rank: rank_in(&lexical),
        signals_agree,
        unknown,
        kind_cover,
        near,
        relevant: close
            && (unknown < settings.max_unknown || settings.max_unknown >= 1.0)
            && kind_cover.is_none_or(|cover| cover >= settings.min_kind_cover),
    })
}

/// The share of the question's information (see [`word_frequency::information`]) in words that no hit
/// holds.
fn unknown_share(question: &str, hits: &[ScoredChunk]) -> f32 {
    let asked = words(question);
    if asked.is_empty() {
        return 0.0;
    }
    let mut known: HashSet<String> = HashSet::new();
    for hit in hits {
        let r = &hit.record;
        known.extend(tokenize(&r.title));
        for heading in &r.heading_path {
            known.extend(tokenize(heading));
        }
        known.extend(tokenize(&r.text));
    }
    let (mut missing, mut total) = (0.0, 0.0);
    for (token, word) in &asked {
        let weight = word_frequency::information(word);
        total += weight;
        if !known.contains(token) {
            missing += weight;
        }
    }
    if total > 0.0 { missing / total } else { 0.0 }
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
            min_score_before_model: 0.25,
            agree_within: 3,
            min_lexical: 0.0,
            max_unknown: 1.0,
            min_kind_cover: 0.0,
        }
    }

    #[test]
    fn a_fused_score_at_the_bar_is_relevant() {
        let hits = [hit("/a/", 0.45, 0.69, 0.0), hit("/b/", 0.30, 0.46, 0.0)];
        let verdict = judge(&Asked::alone(""), &hits, &settings()).expect("hits");
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
        let verdict = judge(&Asked::alone(""), &hits, &settings()).expect("hits");
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
        let verdict = judge(&Asked::alone(""), &hits, &settings()).expect("hits");
        assert!(
            verdict.signals_agree,
            "/b/ is third by cosine, second lexically"
        );
        assert!(verdict.relevant);

        let fused_only = AbstainSettings {
            agree_within: 0,
            ..settings()
        };
        assert!(
            !judge(&Asked::alone(""), &hits, &fused_only)
                .expect("hits")
                .relevant
        );
        let tighter = AbstainSettings {
            agree_within: 1,
            ..settings()
        };
        assert!(
            !judge(&Asked::alone(""), &hits, &tighter)
                .expect("hits")
                .relevant
        );
    }

    #[test]
    fn without_separate_signals_only_the_fused_score_decides() {
        let mut weak = hit("/a/", 0.30, 0.0, 0.0);
        weak.dense = None;
        weak.lexical = None;
        let verdict = judge(&Asked::alone(""), &[weak.clone()], &settings()).expect("hits");
        assert!(!verdict.relevant);
        weak.score = 0.6;
        assert!(
            judge(&Asked::alone(""), &[weak], &settings())
                .expect("hits")
                .relevant
        );
    }

    fn with_text(mut hit: ScoredChunk, text: &str) -> ScoredChunk {
        hit.record.text = text.to_owned();
        hit
    }

    fn bike_shop() -> [ScoredChunk; 3] {
        [
            with_text(
                hit("/bikes/", 0.54, 0.6, 0.5),
                "We sell road bikes, gravel bikes and e-bikes.",
            ),
            with_text(
                hit("/repairs/", 0.40, 0.5, 0.3),
                "A standard service costs £65. Puncture repairs from £12.",
            ),
            with_text(hit("/visit/", 0.30, 0.4, 0.2), "Pay by card or cash."),
        ]
    }

    #[test]
    fn the_unknown_share_weighs_missing_words_by_their_rarity_in_english() {
        let hits = bike_shop();
        let rare =
            judge(&Asked::alone("Do you sell motorbikes?"), &hits, &settings()).expect("hits");
        // "sell" (Zipf 5.0, weight 2.0) is on /bikes/; "motorbikes" is rarer than the list
        // (weight 4.0) and on no page.
        assert!((rare.unknown - 4.0 / 6.0).abs() < 0.02, "{}", rare.unknown);
        let common = judge(
            &Asked::alone("How much is a standard service?"),
            &hits,
            &settings(),
        )
        .expect("hits");
        // Only "much" (Zipf 6.0, weight 1.0) is missing.
        assert!(
            common.unknown > 0.1 && common.unknown < 0.25,
            "{}",
            common.unknown
        );
        let all = judge(
            &Asked::alone("Do you sell gravel bikes?"),
            &hits,
            &settings(),
        )
        .expect("hits");
        assert_eq!(all.unknown, 0.0);
        assert_eq!(
            judge(&Asked::alone("Can you?"), &hits, &settings())
                .expect("hits")
                .unknown,
            0.0
        );
        // Codes and numbers weigh as rare words.
        let code = judge(
            &Asked::alone("What does error E-999 mean?"),
            &hits,
            &settings(),
        )
        .expect("hits");
        assert!(code.unknown > 0.5, "{}", code.unknown);
    }

    #[test]
    fn a_question_mostly_unknown_to_the_retrieved_text_is_not_relevant() {
        let hits = bike_shop();
        let vetoing = AbstainSettings {
            max_unknown: 0.6,
            ..settings()
        };
        let verdict = |q: &str, s: &AbstainSettings| {
            judge(&Asked::alone(q), &hits, s).expect("hits").relevant
        };
        assert!(!verdict("Do you sell motorbikes?", &vetoing));
        let near = judge(&Asked::alone("Do you sell motorbikes?"), &hits, &vetoing).expect("hits");
        assert!(near.near, "the scores alone keep it for a model to read");
        assert!(
            verdict("Do you sell motorbikes?", &settings()),
            "1.0 turns the veto off"
        );
        assert!(verdict("How much is a standard service?", &vetoing));
        assert!(verdict("Do you sell gravel bikes?", &vetoing));
    }

    #[test]
    fn a_model_is_asked_below_the_bar_for_quoting_but_not_when_nothing_is_near() {
        // Between the two bars: not quoted, but a model reads the sources.
        let between = [hit("/a/", 0.30, 0.46, 0.0)];
        let verdict = judge(&Asked::alone(""), &between, &settings()).expect("hits");
        assert!(verdict.near);
        assert!(!verdict.relevant);
        // Below both: neither.
        let far = [hit("/a/", 0.20, 0.30, 0.0)];
        let verdict = judge(&Asked::alone(""), &far, &settings()).expect("hits");
        assert!(!verdict.near);
        assert!(!verdict.relevant);
        // Above both: both.
        let close = [hit("/a/", 0.50, 0.70, 0.0)];
        let verdict = judge(&Asked::alone(""), &close, &settings()).expect("hits");
        assert!(verdict.near && verdict.relevant);
    }

    #[test]
    fn an_empty_answer_is_no_verdict() {
        assert_eq!(judge(&Asked::alone(""), &[], &settings()), None);
    }
}
