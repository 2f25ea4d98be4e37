//! What an extractive answer quotes from a page: the window of consecutive sentences, within
//! a character budget, that best covers the question's terms, chosen across every passage
//! retrieved from that page.
//!
//! Terms are the lexical tokeniser's (`vector::lexical::tokenize`, stemmed, so `surveys`
//! meets `survey`). Each question term weighs its inverse sentence
//! frequency over all the passages being quoted (BM25's idf, sentences as documents), so a
//! word found in every sentence counts for little and a rare one for much. A window's score
//! is the sum of the weights of the distinct question terms it holds. The window starts at
//! a passage's first sentence or at a sentence holding a question term and takes the
//! sentences after it while they fit; the best score wins, ties going to the better
//! passage and then the earlier sentence, so a question matching nothing quotes the opening
//! of the page's best passage. A quote cut from its passage says so with an ellipsis.

use std::collections::{HashMap, HashSet};

use super::retrieve::snippet;
use super::vector::lexical::{idf, tokenize};

/// Longest quote from one page, in characters.
pub(crate) const QUOTE_CHARS: usize = 800;

/// The question's terms and their weights over the quoted passages.
#[derive(Debug, Clone, Default)]
pub(crate) struct QuestionTerms {
    weights: HashMap<String, f32>,
}

impl QuestionTerms {
    /// The terms of `question`, weighed over the sentences of `passages`.
    pub(crate) fn new<'a>(question: &str, passages: impl IntoIterator<Item = &'a str>) -> Self {
        let terms: HashSet<String> = tokenize(question).into_iter().collect();
        if terms.is_empty() {
            return Self::default();
        }
        let mut sentences = 0;
        let mut containing: HashMap<&str, usize> = HashMap::new();
        for passage in passages {
            for (start, end) in sentence_spans(passage) {
                sentences += 1;
                for term in terms_in(&passage[start..end]) {
                    if let Some(term) = terms.get(&term) {
                        *containing.entry(term.as_str()).or_insert(0) += 1;
                    }
                }
            }
        }
        let weights = containing
            .into_iter()
            .map(|(term, df)| (term.to_owned(), idf(sentences, df)))
            .collect();
        Self { weights }
    }

    /// The question terms a text holds.
    fn matched(&self, text: &str) -> HashSet<String> {
        terms_in(text)
            .into_iter()
            .filter(|t| self.weights.contains_key(t))
            .collect()
    }

    fn weigh(&self, matched: &HashSet<&String>) -> f32 {
        matched.iter().filter_map(|t| self.weights.get(*t)).sum()
    }
}

/// The quote for one page from its passages (best first): the best window of at most
/// `budget` characters, with `…` where it was cut from its passage; empty without text.
pub(crate) fn quote(passages: &[&str], terms: &QuestionTerms, budget: usize) -> String {
    let mut best: Option<(f32, Window<'_>)> = None;
    for passage in passages {
        let spans = sentence_spans(passage);
        let matched: Vec<HashSet<String>> = spans
            .iter()
            .map(|&(s, e)| terms.matched(&passage[s..e]))
            .collect();
        for first in 0..spans.len() {
            if first > 0 && matched[first].is_empty() {
                continue;
            }
            let mut last = first;
            while last + 1 < spans.len()
                && passage[spans[first].0..spans[last + 1].1].chars().count() <= budget
            {
                last += 1;
            }
            let held: HashSet<&String> = matched[first..=last].iter().flatten().collect();
            let score = terms.weigh(&held);
            if best.as_ref().is_none_or(|(top, _)| score > *top) {
                best = Some((
                    score,
                    Window {
                        passage,
                        start: spans[first].0,
                        end: spans[last].1,
                        cut_before: first > 0,
                        cut_after: last + 1 < spans.len(),
                    },
                ));
            }
        }
    }
    best.map_or_else(String::new, |(_, window)| window.render(budget))
}

/// A run of whole sentences of one passage (byte range).
#[derive(Debug)]
struct Window<'a> {
    passage: &'a str,
    start: usize,
    end: usize,
    cut_before: bool,
    cut_after: bool,
}

impl Window<'_> {
    fn render(&self, budget: usize) -> String {
        let text = &self.passage[self.start..self.end];
        // One sentence longer than the budget is cut at a word (`snippet` adds the `…`).
        let (body, cut_inside) = if text.chars().count() > budget {
            (snippet(text, budget), true)
        } else {
            (text.to_owned(), false)
        };
        let before = if self.cut_before { "… " } else { "" };
        let after = if self.cut_after && !cut_inside {
            " …"
        } else {
            ""
        };
        format!("{before}{body}{after}")
    }
}

/// The byte ranges of a text's sentences, trimmed: a sentence ends at `.`, `!` or `?`
/// followed by white space (closing quotes and brackets go with it), and at every line
/// break (list items and headings are sentences of their own).
fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, next)) = chars.peek() {
                    if matches!(next, '"' | '\'' | '”' | '’' | ')' | ']') {
                        end = j + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                match chars.peek() {
                    Some(&(_, next)) if next.is_whitespace() => Some(end),
                    None => Some(end),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    spans.push((start + lead, start + lead + trimmed.len()));
}

/// The distinct terms of a text.
fn terms_in(text: &str) -> HashSet<String> {
    tokenize(text).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote_for(question: &str, passages: &[&str]) -> String {
        let terms = QuestionTerms::new(question, passages.iter().copied());
        quote(passages, &terms, QUOTE_CHARS)
    }

    /// About 960 characters of text about other things, in whole sentences.
    fn filler() -> String {
        "We have fitted heating systems across Yorkshire since 1998. ".repeat(16)
    }

    #[test]
    fn a_fact_past_the_first_560_characters_is_quoted() {
        let passage = format!(
            "{}Our home survey is free and takes about 90 minutes. Engineers work weekdays.",
            filler()
        );
        let quoted = quote_for("Is the home survey free?", &[&passage]);
        assert!(quoted.contains("Our home survey is free"), "{quoted}");
        assert!(quoted.starts_with("… "), "{quoted}");
        assert!(quoted.chars().count() <= QUOTE_CHARS + 4, "{quoted}");
    }

    #[test]
    fn the_best_window_is_found_across_a_pages_passages() {
        let passages = [
            "Heat pumps move heat from outside air. They work down to -20°C.",
            "Boilers are serviced yearly. A boiler service costs £95.",
        ];
        let quoted = quote_for("How much is a boiler service?", &passages);
        assert!(quoted.contains("A boiler service costs £95."), "{quoted}");
        assert!(!quoted.contains("Heat pumps"), "{quoted}");
    }

    #[test]
    fn a_question_matching_nothing_quotes_the_opening() {
        let passage = format!("Welcome to Northwind. {}", filler());
        let quoted = quote_for("Do you sell bicycles?", &[&passage, "Second passage."]);
        assert!(quoted.starts_with("Welcome to Northwind."), "{quoted}");
        assert!(quoted.ends_with(" …"), "{quoted}");
        assert!(quoted.chars().count() <= QUOTE_CHARS + 2, "{quoted}");
    }

    #[test]
    fn rare_terms_outweigh_common_ones() {
        let passage = "Our boiler range suits most homes. \
                       Every boiler comes with a warranty. \
                       Boiler finance is available at 0% APR.";
        let terms = QuestionTerms::new("boiler finance", [passage]);
        let quoted = quote(&[passage], &terms, 40);
        assert_eq!(quoted, "… Boiler finance is available at 0% APR.");
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks_not_inside_numbers() {
        let text = "It costs £7.50 a month. Call us!\n- Leeds\n\"Great,\" she said. (Really.) End";
        let spans: Vec<&str> = sentence_spans(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            spans,
            [
                "It costs £7.50 a month.",
                "Call us!",
                "- Leeds",
                "\"Great,\" she said.",
                "(Really.)",
                "End"
            ]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_word() {
        let passage = "word ".repeat(200);
        let quoted = quote_for("anything", &[&passage]);
        assert!(quoted.ends_with('…'), "{quoted}");
        assert!(quoted.chars().count() <= QUOTE_CHARS + 1);
    }
}
