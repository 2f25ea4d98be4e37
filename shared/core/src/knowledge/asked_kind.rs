//! What kind of answer a question asks for, and whether the retrieved text holds one about
//! what the question is about: the expected-answer-type check of classic question answering.
//!
//! "What time does Pellingford Abbey open?" meets a garden centre's site on every word (the
//! abbey is on its directions, and its own hours are on another page), so neither the scores
//! nor the unknown share can tell it from "What time do you open on Sundays?". The
//! difference is that no sentence gives a time *and* names the abbey. Four kinds are
//! recognised, by the question's wording alone:
//!
//! - a time of day: "what time", "how late", "how early", "opening hours";
//! - a time or a date: a "when" question about opening or closing ("when is the café open
//!   on Sundays", "when does the Christmas shop open"), which a date or a season answers too,
//!   and "which days" or "what night" ("which days does Megan work?");
//! - a price: "how much is / does / for…", or cost, price, charge or fee in a question that
//!   asks what or how much ("what do you charge to deliver to Kingsmoor?");
//! - a way to reach someone: a phone number or an email address ("what is your phone
//!   number?", "how do I get in touch?").
//!
//! A yes-or-no question ("Do you charge for parking?") asks for no kind. A question of two
//! parts ("How much is topsoil, and when do you deliver?") is judged part by part.
//!
//! A part's focus is its content words other than the words that ask for the kind (time,
//! open, cost…) and other than the words every retrieved chunk's title holds (the business's
//! own name and town, which every page is about), less the very commonest words ("would").
//! Each weighs its rarity in English, as in
//! the unknown share. A sentence answers when it holds an expression of the kind (`10:30`,
//! `9am`, `closed`, `£45`, `free`, a month or a weekday for "when"); its cover is the share
//! of the focus's weight that it holds, with its chunk's title and headings (a table row
//! under "Opening times" on the café's page). The part's cover is its best sentence's; the
//! question's, its weakest part's.
//!
//! The kinds serve twice more: a chunk giving the kind asked for goes ahead of a near tie
//! (`retrieve::KIND_PRIOR`), and a question asking how to reach the business itself, with
//! nothing left for a focus, is answered from the account's contact line
//! ([`asks_how_to_reach`]).

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::knowledge::follow_up::Asked;
use crate::knowledge::quote::sentence_spans;
use crate::knowledge::vector::lexical::{tokenize, words};
use crate::knowledge::word_frequency;
use crate::ports::knowledge::ScoredChunk;

/// The kind of answer a question (or one part of it) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A time of day, or that it is closed.
    Time,
    /// A time of day, a date, a weekday or a season.
    When,
    /// An amount of money, or that it is free.
    Price,
    /// A phone number or an email address: how to reach the business.
    Contact,
}

impl Kind {
    /// The words that ask for this kind and so say nothing about what is asked after.
    fn cue_words(self) -> &'static [&'static str] {
        match self {
            Kind::Time | Kind::When => &[
                "time", "times", "open", "opens", "opening", "close", "closes", "closing", "shut",
                "shuts", "hours", "late", "early", "until", "till", "start", "starts", "finish",
                "finishes", "day", "days",
            ],
            Kind::Contact => &[
                "phone",
                "telephone",
                "number",
                "numbers",
                "call",
                "ring",
                "email",
                "e-mail",
                "address",
                "contact",
                "reach",
                "touch",
                "get",
            ],
            Kind::Price => &[
                "much",
                "cost",
                "costs",
                "price",
                "prices",
                "priced",
                "charge",
                "charges",
                "fee",
                "fees",
                "pay",
                "spend",
                "expensive",
                "cheap",
            ],
        }
    }

    /// Whether a sentence holds an answer of this kind.
    fn answered_in(self, text: &str) -> bool {
        match self {
            Kind::Time => TIME.is_match(text),
            Kind::When => TIME.is_match(text) || DATE.is_match(text),
            Kind::Price => PRICE.is_match(text),
            Kind::Contact => {
                EMAIL.is_match(text)
                    || PHONE.find_iter(text).any(|found| {
                        let digits = found.as_str().chars().filter(char::is_ascii_digit).count();
                        (9..=13).contains(&digits)
                    })
            }
        }
    }
}

static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)|\b(?:noon|midday|midnight|closed|24 hours|open all day)\b",
    )
    .expect("time pattern")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|weekdays?|spring|summer|autumn|winter|christmas|easter|bank holidays?)\b|\b\d{1,2}/\d{1,2}\b",
    )
    .expect("date pattern")
});

static PRICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)[£$€]\s?\d|\b\d+(?:\.\d{2})?\s?(?:p|pence|pounds?|euros?|dollars?)\b|\b(?:free|no charge|complimentary)\b",
    )
    .expect("price pattern")
});

static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\+?\(?\d[\d ().-]{7,16}\d").expect("phone pattern"));

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("email pattern")
});

/// Words that start a question asking for something other than yes or no.
const OPEN_QUESTION: &[&str] = &[
    "what", "what's", "whats", "how", "how's", "when", "which", "until", "till",
];

/// The most words (after a joining "and") of a fragment: "and for a full day in January?".
const FRAGMENT_PART_WORDS: usize = 6;

/// Words a later part of a question may start with before its question word.
const JOINERS: &[&str] = &["and", "but", "also", "then", "so"];

/// The kind one part of a question asks for, from its wording; `None` for a yes-or-no
/// question or one asking for something else.
fn kind_of(part: &str) -> Option<Kind> {
    let lower = part.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .skip_while(|w| JOINERS.contains(w))
        .collect();
    let first = *words.first()?;
    if !OPEN_QUESTION.contains(&first) {
        return None;
    }
    let has = |w: &str| words.contains(&w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    // "How do I contact you", "how can I get in touch"; not "how far ahead do I need to get
    // in touch" (a time, asked in other words).
    let how_do = first == "how"
        && words
            .get(1)
            .is_some_and(|w| ["do", "can", "could", "should", "may"].contains(w));
    let contact = has("phone")
        || has("telephone")
        || has("email")
        || (has("number") && (has("call") || has("ring")))
        || (how_do && (has("contact") || pair("in", "touch")));
    if contact {
        return Some(Kind::Contact);
    }
    // "Which days does Megan work?", "what night is the quiz?": a weekday answers.
    if (first == "which" || first == "what")
        && words
            .get(1)
            .is_some_and(|w| ["day", "days", "night", "nights"].contains(w))
    {
        return Some(Kind::When);
    }
    if pair("what", "time")
        || pair("how", "late")
        || pair("how", "early")
        || pair("opening", "hours")
        || pair("opening", "times")
    {
        return Some(Kind::Time);
    }
    const AFTER_HOW_MUCH: &[&str] = &[
        "is", "are", "was", "does", "do", "did", "will", "would", "should", "it", "for", "to", "i",
        "it's", "they", "a", "an", "the",
    ];
    let how_much = words
        .windows(3)
        .any(|p| p[0] == "how" && p[1] == "much" && AFTER_HOW_MUCH.contains(&p[2]))
        || words.ends_with(&["how", "much"]);
    // "What does it cost", "what do you charge", "what is the fee", "what's the price";
    // not "what happens if the repair costs more".
    const AUXILIARIES: &[&str] = &["does", "do", "did", "will", "would", "is", "are", "was"];
    let asks_what = matches!(first, "what's" | "whats")
        || (first == "what" && words.get(1).is_some_and(|w| AUXILIARIES.contains(w)));
    let priced = ["cost", "costs", "price", "prices", "charge", "fee", "fees"]
        .iter()
        .any(|w| has(w));
    if how_much || (asks_what && priced) {
        return Some(Kind::Price);
    }
    // "When is the café open", "when do you close"; not "how close… when I plant".
    if first == "when"
        && [
            "open", "opens", "close", "closes", "closed", "shut", "shuts",
        ]
        .iter()
        .any(|w| has(w))
    {
        return Some(Kind::When);
    }
    None
}

/// A question split into its parts: at question marks, semicolons, and at commas or "and"
/// before a new question word ("How much is topsoil, and what do you charge to deliver?").
pub(crate) fn parts(question: &str) -> Vec<&str> {
    const STARTS: &[&str] = &[
        "what", "what's", "how", "when", "which", "where", "who", "do", "does", "is", "are", "can",
        "will", "could",
    ];
    let mut parts = Vec::new();
    for piece in question.split(['?', ';']) {
        let mut start = 0;
        let lower = piece.to_lowercase();
        for (at, _) in lower
            .match_indices([','])
            .chain(lower.match_indices(" and "))
        {
            let rest = lower[at..].trim_start_matches([',', ' ']);
            let rest = rest.strip_prefix("and ").unwrap_or(rest);
            let next = rest.split_whitespace().next().unwrap_or("");
            if STARTS.contains(&next) && at > start {
                parts.push(&piece[start..at]);
                start = at;
            }
        }
        parts.push(&piece[start..]);
    }
    parts.retain(|p| p.chars().any(char::is_alphanumeric));
    parts
}

/// The kinds of answer the visitor's message asks for (none for a question asking for no
/// kind): see [`judged_parts`].
pub(crate) fn asked(asked: &Asked) -> Vec<Kind> {
    let text = asked.text();
    let mut kinds: Vec<Kind> = Vec::new();
    for Judged { kind, .. } in judged_parts(&text, asked.own_start()) {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// The parts of `text` that reach past byte `from` (the visitor's own message; before it, for a
/// follow-up, the question it follows) that ask for a kind of answer, with that kind: a
/// part's own, or for a fragment carrying on from the part before ("and on Saturdays?"
/// after "what time do you open on weekdays?", "and a small dog?" after "how much is it to
/// spay a cat?"), that part's.
fn judged_parts(text: &str, from: usize) -> Vec<Judged<'_>> {
    let mut judged = Vec::new();
    let mut before: Option<Kind> = None;
    for part in parts(text) {
        let own = kind_of(part);
        let leans_back = own.is_none() && before.is_some() && is_fragment(part);
        let kind = own.or(before.filter(|_| leans_back));
        let end = part.as_ptr() as usize - text.as_ptr() as usize + part.len();
        if end > from
            && let Some(kind) = kind
        {
            judged.push(Judged {
                part,
                kind,
                leans_back,
            });
        }
        before = kind;
    }
    judged
}

/// A part of a question asking for a kind of answer.
struct Judged<'a> {
    part: &'a str,
    kind: Kind,
    /// A fragment taking its kind from the part before, and so also its subject.
    leans_back: bool,
}

/// Whether a part of a question is a fragment that leans on the part before for what it
/// asks ("and on Saturdays", "for adults", "what about a small dog"): a few words
/// ([`FRAGMENT_PART_WORDS`]) opening with no question word, verb or subject of their own.
fn is_fragment(part: &str) -> bool {
    const OPENERS: &[&str] = &[
        "who", "whom", "whose", "where", "why", "is", "are", "am", "was", "were", "do", "does",
        "did", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "have",
        "has", "had", "i", "i'm", "i'd", "i've", "we", "you", "he", "she", "it", "they", "there",
        "this", "that", "my", "our", "your", "please", "thanks", "thank", "yes", "no", "ok",
        "okay",
    ];
    let lower = part.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .skip_while(|w| JOINERS.contains(w))
        .collect();
    match words.as_slice() {
        [] => false,
        words if words.len() > FRAGMENT_PART_WORDS => false,
        ["what" | "how", "about", ..] => true,
        [first, ..] => !OPEN_QUESTION.contains(first) && !OPENERS.contains(first),
    }
}

/// Whether a text holds an answer of any of `kinds`.
pub(crate) fn answers_any(kinds: &[Kind], text: &str) -> bool {
    kinds.iter().any(|kind| kind.answered_in(text))
}

/// Whether a part of a question points back at what an earlier part names ("what would
/// it cost").
fn refers_back(part: &str) -> bool {
    const POINTERS: &[&str] = &[
        "it", "they", "them", "that", "this", "those", "these", "one",
    ];
    part.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| POINTERS.contains(&w))
}

/// What one part of `question` asking for `kind` is about: its content words, each with its
/// weight, other than the words asking for the kind, the commonest words and `common`.
fn focus(
    question: &str,
    part: &str,
    kind: Kind,
    leans_back: bool,
    common: &HashSet<String>,
) -> Vec<(String, f32)> {
    // "…could we book a session, and what would it cost?": a part that refers back, or a
    // fragment carrying on from the part before ("and for the kids?"), is about what the
    // parts before it name too.
    let about = if leans_back || refers_back(part) {
        // `part` is a slice of `question`: everything up to its end.
        &question[..part.as_ptr() as usize - question.as_ptr() as usize + part.len()]
    } else {
        part
    };
    let cues: HashSet<String> = kind.cue_words().iter().flat_map(|w| tokenize(w)).collect();
    let mut focus: Vec<(String, f32)> = Vec::new();
    for (token, word) in words(about) {
        if cues.contains(&token)
            || common.contains(&token)
            || OPEN_QUESTION.contains(&token.as_str())
            || focus.iter().any(|(t, _)| *t == token)
        {
            continue;
        }
        let weight = word_frequency::information(&word);
        // The hundred or so commonest words ("would", "get") say nothing of the subject.
        if weight > 1.0 {
            focus.push((token, weight));
        }
    }
    focus
}

/// Whether the question asks how to reach the business itself ("What is your phone
/// number?", "How do I get in touch?"), not someone or something it names ("What number
/// do I ring for the café?").
pub(crate) fn asks_how_to_reach(question: &str) -> bool {
    parts(question).into_iter().any(|part| {
        kind_of(part) == Some(Kind::Contact)
            && focus(question, part, Kind::Contact, false, &HashSet::new()).is_empty()
    })
}

/// How well the retrieved text answers the kinds the visitor's message asks for
/// ([`judged_parts`]): for each part asking for a kind, the share (0 to 1) of its focus
/// that the best sentence holding an answer of that kind also holds; the weakest part's.
/// `None` when no part asks for a kind (or none has a focus left once the cue words and the
/// titles' common words are out). For a follow-up only its own parts are judged; a part
/// pointing back takes the question before as part of its subject.
pub(crate) fn cover(asked: &Asked, hits: &[ScoredChunk]) -> Option<f32> {
    let question = asked.text();
    let question = question.as_ref();
    // The titles are read only once a part asks for a kind (most questions ask for none).
    let mut common: Option<HashSet<String>> = None;
    let mut weakest: Option<f32> = None;
    for Judged {
        part,
        kind,
        leans_back,
    } in judged_parts(question, asked.own_start())
    {
        let common = common.get_or_insert_with(|| common_title_words(hits));
        let focus = focus(question, part, kind, leans_back, common);
        let total: f32 = focus.iter().map(|(_, w)| w).sum();
        if total <= 0.0 {
            continue;
        }
        let mut best = 0.0f32;
        for hit in hits {
            let record = &hit.record;
            // The title and headings, read once a sentence of the chunk gives the kind.
            let mut context: Option<HashSet<String>> = None;
            for (start, end) in sentence_spans(&record.text) {
                let sentence = &record.text[start..end];
                if !kind.answered_in(sentence) {
                    continue;
                }
                let context = context.get_or_insert_with(|| {
                    let mut words: HashSet<String> = tokenize(&record.title).into_iter().collect();
                    for heading in &record.heading_path {
                        words.extend(tokenize(heading));
                    }
                    words
                });
                let held: HashSet<String> = tokenize(sentence).into_iter().collect();
                let share = focus
                    .iter()
                    .filter(|(t, _)| held.contains(t) || context.contains(t))
                    .map(|(_, w)| w)
                    .sum::<f32>()
                    / total;
                best = best.max(share);
            }
        }
        weakest = Some(weakest.map_or(best, |w| w.min(best)));
    }
    weakest
}

/// The words every hit's title holds: the business's name and town, when the hits come from
/// more than one page; none when they all come from one page (its title is then what they
/// are about).
fn common_title_words(hits: &[ScoredChunk]) -> HashSet<String> {
    let Some(first) = hits.first() else {
        return HashSet::new();
    };
    if hits.iter().all(|h| h.record.url == first.record.url) {
        return HashSet::new();
    }
    let mut common: HashSet<String> = tokenize(&first.record.title).into_iter().collect();
    for hit in &hits[1..] {
        let title: HashSet<String> = tokenize(&hit.record.title).into_iter().collect();
        common.retain(|t| title.contains(t));
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::knowledge::ChunkRecord;

    fn hit(url: &str, title: &str, headings: &[&str], text: &str) -> ScoredChunk {
        ScoredChunk {
            record: ChunkRecord {
                id: format!("{url}#{}", text.len()),
                url: url.to_owned(),
                title: title.to_owned(),
                heading_path: headings.iter().map(|h| (*h).to_owned()).collect(),
                text: text.to_owned(),
                page_hash: String::new(),
                date: None,
            },
            score: 0.5,
            dense: Some(0.5),
            lexical: Some(0.5),
        }
    }

    fn garden_centre() -> Vec<ScoredChunk> {
        vec![
            hit(
                "/find-us/",
                "Find us | Medlar Tree, Pellingford",
                &["Find us"],
                "We are on Kettle Lane, a mile past Pellingford Abbey. The car park has 120 spaces.",
            ),
            hit(
                "/opening-hours/",
                "Opening times | Medlar Tree, Pellingford",
                &["Opening times"],
                "- Monday to Saturday: 9:00 to 17:30\n- Sunday: 10:30 to 16:30\n- Christmas Day: closed",
            ),
            hit(
                "/cafe/",
                "The Bothy café | Medlar Tree, Pellingford",
                &["The Bothy café", "Cakes"],
                "- Cream tea with two scones: £8.95\n- A slice of cake: £3.60",
            ),
        ]
    }

    #[test]
    fn questions_are_sorted_by_the_kind_of_answer_they_ask_for() {
        assert_eq!(
            kind_of("What time do you open on Sundays?"),
            Some(Kind::Time)
        );
        assert_eq!(kind_of("How late is the shop open?"), Some(Kind::Time));
        assert_eq!(
            kind_of("When is the café open on Sundays"),
            Some(Kind::When)
        );
        assert_eq!(kind_of("How much is a cream tea?"), Some(Kind::Price));
        assert_eq!(
            kind_of("What do you charge to deliver to Kingsmoor?"),
            Some(Kind::Price)
        );
        assert_eq!(kind_of("Do you charge for parking?"), None, "yes or no");
        assert_eq!(kind_of(" and do you charge for parking"), None);
        assert_eq!(kind_of(", and what do you charge"), Some(Kind::Price));
        assert_eq!(kind_of("How much notice do you need?"), None);
        assert_eq!(kind_of("When can I get seed potatoes?"), None);
        assert_eq!(kind_of("What happens if my repair costs more?"), None);
        assert_eq!(
            kind_of("What's the price of a day pass?"),
            Some(Kind::Price)
        );
        assert_eq!(
            kind_of("How close should I plant a hedge when I put it along a fence?"),
            None
        );
        assert_eq!(kind_of("Who is the nursery manager?"), None);
        assert_eq!(kind_of("What is your phone number?"), Some(Kind::Contact));
        assert_eq!(kind_of("How do I get in touch?"), Some(Kind::Contact));
        assert_eq!(kind_of("How can I contact you?"), Some(Kind::Contact));
        assert_eq!(
            kind_of("How far ahead do I need to get in touch for a cake?"),
            None
        );
        assert_eq!(kind_of("Can I phone you?"), None);
        assert_eq!(
            kind_of("Which days does Megan work?"),
            Some(Kind::When),
            "a weekday answers"
        );
        assert_eq!(kind_of("What night is the quiz?"), Some(Kind::When));
        assert_eq!(kind_of("Which dayroom is quietest?"), None);
    }

    #[test]
    fn a_question_of_two_parts_is_split_before_its_second_question_word() {
        assert_eq!(
            parts("How much is a bag of topsoil, and what do you charge to deliver it?"),
            vec![
                "How much is a bag of topsoil",
                " and what do you charge to deliver it"
            ]
        );
        assert_eq!(
            parts("When is the café open on Sundays and do I earn points there?"),
            vec![
                "When is the café open on Sundays",
                " and do I earn points there"
            ]
        );
        assert_eq!(parts("Bread and butter pudding, is it vegan?").len(), 2);
        assert_eq!(
            parts("Is there cake and tea?"),
            vec!["Is there cake and tea"]
        );
    }

    #[test]
    fn a_time_given_for_what_is_asked_about_covers_the_question() {
        let hits = garden_centre();
        // "Sunday" is in the row with a time; "open" asks for the kind.
        assert_eq!(
            cover(&Asked::alone("What time do you open on Sundays?"), &hits),
            Some(1.0)
        );
        // The café's title and heading name what its price rows are about.
        assert_eq!(
            cover(
                &Asked::alone("How much is a cream tea in the Bothy?"),
                &hits
            ),
            Some(1.0)
        );
        assert_eq!(
            cover(
                &Asked::alone("What time do you close on Christmas Day?"),
                &hits
            ),
            Some(1.0),
            "closed answers a time"
        );
    }

    #[test]
    fn a_place_named_on_the_site_but_never_with_a_time_is_not_covered() {
        let hits = garden_centre();
        // "Pellingford" is in every title, so only "abbey" is the focus, and the only
        // sentence naming it gives no time.
        assert_eq!(
            cover(
                &Asked::alone("What time does Pellingford Abbey open?"),
                &hits
            ),
            Some(0.0)
        );
        let price =
            cover(&Asked::alone("How much does a pot of coffee cost?"), &hits).expect("price");
        assert!(price < 0.5, "{price}");
    }

    #[test]
    fn questions_asking_for_no_kind_have_no_cover() {
        let hits = garden_centre();
        assert_eq!(cover(&Asked::alone("Do you sell koi?"), &hits), None);
        assert_eq!(
            cover(&Asked::alone("What is your phone number?"), &hits),
            None
        );
        assert_eq!(
            cover(&Asked::alone("What time do you open?"), &hits),
            None,
            "no focus left"
        );
    }

    #[test]
    fn a_fragment_carries_on_with_what_the_part_before_asked() {
        for fragment in [
            " and on Sundays",
            "For adults",
            "what about for the kids",
            "And a small dog",
        ] {
            assert!(is_fragment(fragment), "{fragment}");
        }
        for whole in [
            "Is that every week",
            "So I'd get the results the same day",
            "Which days",
            "A friend said your prices are going up soon. Will that one cost more",
        ] {
            assert!(!is_fragment(whole), "{whole}");
        }
        let follow_up =
            Asked::in_conversation("And for a slice of cake?", &["How much is a cream tea?"]);
        assert_eq!(asked(&follow_up), [Kind::Price]);
        // A whole question of no kind asks for none, whatever the question before asked.
        let whole = Asked::in_conversation("Can I bring it home?", &["How much is a cream tea?"]);
        assert_eq!(asked(&whole), []);
    }

    #[test]
    fn a_follow_up_is_judged_on_its_own_parts() {
        let hits = garden_centre();
        // No sentence giving a time names weekdays: the question before is not covered…
        assert_eq!(
            cover(&Asked::alone("What time do you open on weekdays?"), &hits),
            Some(0.0)
        );
        // …but the follow-up is, and only it is judged: the Sunday row gives a time.
        let sundays =
            Asked::in_conversation("And on Sundays?", &["What time do you open on weekdays?"]);
        let cover = cover(&sundays, &hits).expect("a time asked");
        assert!(cover >= 0.25, "{cover}");
    }

    #[test]
    fn a_part_pointing_back_is_about_what_the_parts_before_it_name() {
        let hits = garden_centre();
        // Alone, "how much would it be" names nothing but the commonest words.
        assert_eq!(cover(&Asked::alone("How much would it be?"), &hits), None);
        let back = cover(
            &Asked::alone("I'd love a cream tea, and how much would it be?"),
            &hits,
        )
        .expect("price");
        assert!(back > 0.5, "{back}");
    }

    #[test]
    fn asking_how_to_reach_the_business_is_told_from_asking_for_someone_elses_number() {
        assert!(asks_how_to_reach("What is your phone number?"));
        assert!(asks_how_to_reach("How can I contact you?"));
        assert!(asks_how_to_reach("What's your email address?"));
        assert!(asks_how_to_reach(
            "Opening times, and what number do I ring?"
        ));
        assert!(!asks_how_to_reach("What number do I ring for the café?"));
        assert!(!asks_how_to_reach("Can I phone you?"));
        assert!(!asks_how_to_reach("What time do you open?"));
    }

    #[test]
    fn the_weakest_part_decides() {
        let hits = garden_centre();
        let both = cover(
            &Asked::alone("How much is a cream tea, and what time does Pellingford Abbey open?"),
            &hits,
        );
        assert_eq!(both, Some(0.0));
    }
}
