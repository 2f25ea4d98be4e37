//! A visitor's follow-up ("How much do they cost?", "And on Sundays?", "For adults?") does
//! not say what it is about: its subject is in what they asked just before. Such a message is
//! asked in its context: retrieval queries the earlier question and the follow-up as one
//! text as well as the follow-up on its own, and the relevance verdict, the priors and the
//! quoted sentences all read the text in context, so "How much do they cost?" after "Do you
//! run lessons for adults?" finds the adult lesson prices and is not turned away as a
//! question about nothing.
//!
//! A message is a follow-up when it points back ("it", "they", "that", "those"…), opens as
//! a continuation ("And…", "What about…", "How about…", "Also…") or is a fragment of at most
//! [`SHORT_MESSAGE_WORDS`] words. Anything else is asked as it stands, whatever came before.

use std::borrow::Cow;

/// A message of at most this many words is a fragment that leans on the one before
/// ("Sundays?", "For under-fives?", "Any discounts?"); "Do you sell motorbikes?" is not.
const SHORT_MESSAGE_WORDS: usize = 3;

/// The most characters of earlier messages a follow-up takes as its context (a pasted
/// essay before "and the price?" is not all the subject).
const CONTEXT_CHARS: usize = 600;

/// Words that point back at something named before.
const POINTERS: &[&str] = &[
    "it", "its", "they", "them", "their", "that", "those", "these", "he", "she", "him", "her",
];

/// How a message opens when it carries on from the one before.
const CONTINUATIONS: &[&str] = &[
    "and",
    "also",
    "or",
    "but",
    "plus",
    "what about",
    "how about",
    "same for",
    "what if",
];

/// A visitor's question and, when it is a follow-up, the earlier question(s) it builds on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    question: String,
    before: Option<String>,
}

impl Asked {
    /// A question asked on its own (no conversation before it, or none that counts).
    pub fn alone(question: &str) -> Self {
        Self {
            question: question.to_owned(),
            before: None,
        }
    }

    /// `question` in its conversation: `earlier` holds the visitor's earlier messages, newest
    /// first. A follow-up takes the one before as its context, and the one before that too
    /// when the one before was a follow-up itself ("Do you do lessons?" / "For adults?" /
    /// "How much?").
    pub fn in_conversation<S: AsRef<str>>(question: &str, earlier: &[S]) -> Self {
        let mut asked = Self::alone(question);
        if !is_follow_up(question) {
            return asked;
        }
        let mut context: Vec<&str> = Vec::new();
        for message in earlier.iter().map(|m| m.as_ref().trim()) {
            if message.is_empty() {
                continue;
            }
            context.push(message);
            if !is_follow_up(message) || context.len() == 2 {
                break;
            }
        }
        if context.is_empty() {
            return asked;
        }
        context.reverse();
        let mut before = String::new();
        for message in context {
            before.push_str(message);
            // A separate part of the text in context, so a later part that points back
            // takes the earlier one's words as its subject (`asked_kind`).
            if !message.ends_with(['?', ';']) {
                before.push(';');
            }
            before.push(' ');
        }
        let before = before.trim_end();
        // Keep the end, nearest the follow-up, when the context runs long.
        let cut = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS.saturating_sub(1))
            .map_or(0, |(at, _)| at);
        asked.before = Some(before[cut..].to_owned());
        asked
    }

    /// What the visitor typed.
    pub fn question(&self) -> &str {
        &self.question
    }

    /// The earlier question(s) the follow-up builds on.
    pub fn before(&self) -> Option<&str> {
        self.before.as_deref()
    }

    /// Where the visitor's own message starts in [`Asked::text`] (0 unless a follow-up).
    pub(crate) fn own_start(&self) -> usize {
        self.before.as_ref().map_or(0, |before| before.len() + 1)
    }

    /// The question in its context: the earlier question(s), then it.
    pub fn text(&self) -> Cow<'_, str> {
        match &self.before {
            Some(before) => Cow::Owned(format!("{before} {}", self.question)),
            None => Cow::Borrowed(&self.question),
        }
    }
}

/// Whether a message leans on the one before it for its subject.
pub(crate) fn is_follow_up(message: &str) -> bool {
    let lower = message.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return false;
    }
    if words.len() <= SHORT_MESSAGE_WORDS {
        return true;
    }
    let opens = CONTINUATIONS.iter().any(|lead| {
        lower
            .strip_prefix(lead)
            .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
    });
    opens || words.iter().any(|w| POINTERS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_pointing_back_or_carrying_on_is_a_follow_up() {
        for message in [
            "How much do they cost?",
            "Can I book that online?",
            "Is it dog friendly?",
            "And on Sundays?",
            "what about for under-fives?",
            "Sundays?",
            "For adults?",
            "Also, do you deliver to Kingsmoor on a Saturday morning?",
        ] {
            assert!(is_follow_up(message), "{message}");
        }
        for message in [
            "Do you sell motorbikes?",
            "What are your opening hours on Sundays?",
            "Is there parking at the Linden Court Hotel?",
            "Android phones: do you repair the screens?",
            "",
            "?!",
        ] {
            assert!(!is_follow_up(message), "{message}");
        }
    }

    #[test]
    fn a_follow_up_is_asked_after_the_question_it_builds_on() {
        let asked = Asked::in_conversation(
            "How much do they cost?",
            &["Do you run lessons for adults?", "Hello"],
        );
        assert_eq!(asked.question(), "How much do they cost?");
        assert_eq!(asked.before(), Some("Do you run lessons for adults?"));
        assert_eq!(
            asked.text(),
            "Do you run lessons for adults? How much do they cost?"
        );
        assert_eq!(&asked.text()[asked.own_start()..], asked.question());

        // A question that stands on its own ignores what came before.
        let asked = Asked::in_conversation(
            "Do you sell gift vouchers?",
            &["Do you run lessons for adults?"],
        );
        assert_eq!(asked.before(), None);
        assert_eq!(asked.text(), "Do you sell gift vouchers?");

        // Nothing before: asked alone.
        let none: [&str; 0] = [];
        assert_eq!(Asked::in_conversation("How much?", &none).before(), None);
    }

    #[test]
    fn a_chain_of_follow_ups_reaches_back_to_its_subject_and_no_further() {
        let asked = Asked::in_conversation(
            "How much?",
            &[
                "For adults",
                "Do you do swimming lessons?",
                "Where do you park?",
            ],
        );
        assert_eq!(
            asked.before(),
            Some("Do you do swimming lessons? For adults;")
        );
        // Two back at most, even when both were follow-ups.
        let asked = Asked::in_conversation("Price?", &["Sundays?", "And Saturdays?", "Hours?"]);
        assert_eq!(asked.before(), Some("And Saturdays? Sundays?"));
    }

    #[test]
    fn a_long_context_keeps_its_end() {
        let essay = format!("{} What about the boilers?", "word ".repeat(400));
        let asked = Asked::in_conversation("How much is it?", &[essay.as_str()]);
        let before = asked.before().unwrap_or_default();
        assert!(before.chars().count() <= CONTEXT_CHARS, "{}", before.len());
        assert!(before.ends_with("What about the boilers?"));
    }
}
