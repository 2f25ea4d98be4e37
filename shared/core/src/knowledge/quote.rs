//! What an extractive answer quotes from a page: the sentences, within a character budget,
//! that best cover the question's terms, chosen across every passage retrieved from that
//! page (those the prompt had room for and those kept in reserve).
//!
//! Terms are the lexical tokeniser's (`vector::lexical::tokenize`, stemmed, so `surveys`
//! meets `survey`). Each question term weighs its inverse sentence frequency over all the
//! passages being quoted (BM25's idf, sentences as documents), so a word found in every
//! sentence counts for little and a rare one for much. Sentences are picked greedily by the
//! weight of the terms they add to those already covered, while they fit, so a question
//! of two parts (`how long is a quote valid`) quotes the best sentence for each. Then come
//! the sentences whose terms weigh at least half as much as the strongest sentence's,
//! best first, even when they add no new term (the table row naming the room a caption
//! also names); the rest of the budget widens each pick with the sentences after it (a
//! heading's section, a table's rows) and then before it. A question matching nothing quotes the opening of the
//! page's best passage. Text left out is marked with an ellipsis.

use std::collections::{HashMap, HashSet};

use super::retrieve::snippet;
use super::vector::lexical::{idf, tokenize};

/// Longest quote from one page, in characters.
pub(crate) const QUOTE_CHARS: usize = 800;

/// A sentence whose question terms weigh at least this share of the strongest sentence's
/// is quoted before plain neighbours, even when it adds no new term.
const REPEAT_SHARE: f32 = 0.5;

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

    fn weigh<'t>(&self, matched: impl IntoIterator<Item = &'t String>) -> f32 {
        matched
            .into_iter()
            .filter_map(|t| self.weights.get(t))
            .sum()
    }
}

/// The quote for one page from its passages (best first), at most `budget` characters:
/// sentences picked greedily by the weight of the question terms they add (ties to the
/// better passage, then the earlier sentence) while they fit, then those whose terms weigh
/// at least [`REPEAT_SHARE`] of the strongest sentence's, then each widened by the
/// sentences after it, and then before it, while the budget allows. Without a matching
/// sentence it is the opening of the best passage. Runs are shown in page order, with
/// `…` where text was left out; empty without text.
pub(crate) fn quote(passages: &[&str], terms: &QuestionTerms, budget: usize) -> String {
    let sentences: Vec<Vec<Sentence<'_>>> = passages
        .iter()
        .map(|passage| {
            sentence_spans(passage)
                .into_iter()
                .map(|(start, end)| {
                    let text = &passage[start..end];
                    let matched = terms.matched(text);
                    Sentence {
                        text,
                        start,
                        end,
                        chars: text.chars().count(),
                        weight: terms.weigh(&matched),
                        matched,
                    }
                })
                .collect()
        })
        .collect();
    let Some(first) = sentences.iter().position(|s| !s.is_empty()) else {
        return String::new();
    };
    let mut picked: Vec<Vec<bool>> = sentences.iter().map(|s| vec![false; s.len()]).collect();
    let mut used = 0;
    let mut covered: HashSet<&String> = HashSet::new();
    let mut seeds = Vec::new();
    loop {
        let mut best: Option<(f32, usize, usize)> = None;
        for (p, passage) in sentences.iter().enumerate() {
            for (i, sentence) in passage.iter().enumerate() {
                if picked[p][i] || used + sentence.chars > budget {
                    continue;
                }
                let gain = terms.weigh(sentence.matched.iter().filter(|t| !covered.contains(t)));
                if gain > 0.0 && best.is_none_or(|(top, _, _)| gain > top) {
                    best = Some((gain, p, i));
                }
            }
        }
        let Some((_, p, i)) = best else { break };
        picked[p][i] = true;
        used += sentences[p][i].chars + 1;
        covered.extend(sentences[p][i].matched.iter());
        seeds.push((p, i));
    }
    // Then the sentences that repeat what is covered strongly (a table's row naming the
    // item a heading also names), best first, before any plain neighbour.
    let strongest = sentences
        .iter()
        .flatten()
        .map(|s| s.weight)
        .fold(0.0, f32::max);
    let mut repeats: Vec<(f32, usize, usize)> = sentences
        .iter()
        .enumerate()
        .flat_map(|(p, passage)| passage.iter().enumerate().map(move |(i, s)| (p, i, s)))
        .filter(|(p, i, _)| !picked[*p][*i])
        .map(|(p, i, sentence)| (sentence.weight, p, i))
        .filter(|(w, _, _)| *w > 0.0 && *w >= strongest * REPEAT_SHARE)
        .collect();
    repeats.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, p, i) in repeats {
        if used + sentences[p][i].chars < budget {
            picked[p][i] = true;
            used += sentences[p][i].chars + 1;
            seeds.push((p, i));
        }
    }
    if seeds.is_empty() {
        // Nothing matches, or the best sentence alone is over budget: the opening of the
        // best passage that matches, else of the best passage.
        let p = sentences
            .iter()
            .position(|s| s.iter().any(|s| !s.matched.is_empty()))
            .unwrap_or(first);
        let i = sentences[p]
            .iter()
            .position(|s| !s.matched.is_empty())
            .unwrap_or(0);
        picked[p][i] = true;
        used = sentences[p][i].chars;
        seeds.push((p, i));
    }
    // Widen each run: first forward (a heading's section, a table's rows), then back.
    for forward in [true, false] {
        for &(p, i) in &seeds {
            let mut at = i;
            loop {
                let next = if forward {
                    // The end of the run this seed is in.
                    while at + 1 < picked[p].len() && picked[p][at + 1] {
                        at += 1;
                    }
                    at + 1
                } else {
                    while at > 0 && picked[p][at - 1] {
                        at -= 1;
                    }
                    if at == 0 {
                        break;
                    }
                    at - 1
                };
                if next >= picked[p].len() || used + sentences[p][next].chars + 1 > budget {
                    break;
                }
                picked[p][next] = true;
                used += sentences[p][next].chars + 1;
                at = next;
            }
        }
    }
    render(passages, &sentences, &picked, budget)
}

/// Whether a line opens a Markdown block (heading, list item, table row, quote), which
/// must start a line of its own.
fn starts_block(text: &str) -> bool {
    text.starts_with('#')
        || text.starts_with("- ")
        || text.starts_with("* ")
        || text.starts_with('|')
        || text.starts_with('>')
}

/// One sentence of a passage and the question terms it holds.
#[derive(Debug)]
struct Sentence<'a> {
    text: &'a str,
    /// Byte range in its passage.
    start: usize,
    end: usize,
    chars: usize,
    /// The weight of the question terms it holds.
    weight: f32,
    matched: HashSet<String>,
}

/// The picked sentences in page order: a run of one passage as it stands there, runs apart
/// joined by ` … ` (on a line of its own before a Markdown block).
fn render(
    passages: &[&str],
    sentences: &[Vec<Sentence<'_>>],
    picked: &[Vec<bool>],
    budget: usize,
) -> String {
    let mut out = String::new();
    let mut last: Option<(usize, usize)> = None;
    for (p, passage) in sentences.iter().enumerate() {
        for (i, sentence) in passage.iter().enumerate() {
            if !picked[p][i] {
                continue;
            }
            let text = if sentence.chars > budget {
                snippet(sentence.text, budget)
            } else {
                sentence.text.to_owned()
            };
            match last {
                None if i > 0 => out.push_str(if starts_block(&text) {
                    "…\n\n"
                } else {
                    "… "
                }),
                None => {}
                // What stood between them in the passage: white space, line breaks kept.
                Some((lp, li)) if lp == p && li + 1 == i => {
                    out.push_str(&passages[p][sentences[p][li].end..sentence.start]);
                }
                Some(_) if starts_block(&text) => out.push_str("\n\n…\n\n"),
                Some(_) => out.push_str(" … "),
            }
            out.push_str(&text);
            last = Some((p, i));
        }
    }
    if let Some((p, i)) = last
        && i + 1 < sentences[p].len()
        && !out.ends_with('…')
    {
        out.push_str(" …");
    }
    out
}

/// The byte ranges of a text's sentences, trimmed: a sentence ends at `.`, `!` or `?`
/// followed by white space (closing quotes and brackets go with it), and at every line
/// break (list items and headings are sentences of their own).
pub(crate) fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
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
    fn each_question_term_brings_its_best_sentence_from_any_passage() {
        let warranty = "### How long is the warranty?\n\nHeat pumps: 7 years. \
                        It stays valid with a yearly service.";
        let survey = format!("{}Quotes are valid for 60 days.", filler());
        let passages = [warranty, survey.as_str()];
        let quoted = quote_for("How long is a quote valid for?", &passages);
        assert!(quoted.contains("Quotes are valid for 60 days."), "{quoted}");
        assert!(quoted.contains("How long is the warranty?"), "{quoted}");
        // The warranty comes first, as the better passage; the other run is marked as cut.
        let warranty_at = quoted.find("How long").unwrap_or(usize::MAX);
        let survey_at = quoted.find("Quotes are").unwrap_or(0);
        assert!(warranty_at < survey_at, "{quoted}");
        // The runs are apart; the budget's rest widens the second back into its passage.
        assert!(
            quoted.contains("yearly service. … We have fitted"),
            "{quoted}"
        );
        assert!(quoted.chars().count() <= QUOTE_CHARS + 6, "{quoted}");
    }

    #[test]
    fn a_row_naming_what_a_heading_names_is_quoted_before_plain_neighbours() {
        // The caption covers every question term, so the row adds none; the rows between
        // them would fill the budget if the caption were only widened.
        let mut table = String::from("Rates per night for each room, the family suite included:\n");
        for room in [
            "Crow's Nest",
            "Garden double",
            "Lookout twin",
            "Harbour double",
        ] {
            table.push_str(&format!(
                "- Room: {room}; Low season (November to March): £120; High season: £190\n"
            ));
        }
        table.push_str("- Room: Family suite; Low season (November to March): £185\n");
        let terms =
            QuestionTerms::new("What does the family suite cost a night?", [table.as_str()]);
        let quoted = quote(&[&table], &terms, 220);
        assert!(quoted.contains("Family suite; Low season"), "{quoted}");
        assert!(quoted.contains("Rates per night"), "{quoted}");
    }

    #[test]
    fn line_breaks_inside_a_run_are_kept_and_a_block_starts_its_own_line() {
        let passage = "# Cafe\n\nUpstairs by the quay.\n\n### Allergies\n\nAsk at the counter.";
        let picked = quote_for("cafe upstairs", &[passage]);
        assert!(
            picked.starts_with("# Cafe\n\nUpstairs by the quay."),
            "{picked:?}"
        );
        let later = format!("{}\n\n### Allergies\n\nAsk about allergens.", filler());
        let terms = QuestionTerms::new("allergies", [later.as_str()]);
        let quoted = quote(&[&later], &terms, 60);
        assert_eq!(quoted, "…\n\n### Allergies\n\nAsk about allergens.");
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
