//! Context assembly: the system prompt, then as much recent history as the token budget
//! allows (newest kept), then the visitor's new message. Tokens are counted exactly as
//! tiktoken's `o200k_base` encoding counts them (GPT-4o family), by the faster counter in
//! `knowledge::token_count`; for other model families it is a close estimate, which is
//! what a budget needs.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use crate::domain::{Message, MessageStatus, Role};
use crate::ports::model::WireMessage;

/// Tokens in `text` under `o200k_base`. The ranks load on first use (about 100 ms), off
/// the cold-start path; [`warm_up`] can load them early.
pub(crate) fn count_tokens(text: &str) -> usize {
    crate::knowledge::token_count::count_tokens(text)
}

/// Loads the tokenizer now (call from a background task at start-up).
pub fn warm_up() {
    let _ = count_tokens("warm up");
}

/// System prompts whose token count is kept: far more than a deployment's agents.
const CACHED_SYSTEM_PROMPTS: usize = 256;

/// Tokens in an agent's system prompt: counted once per prompt text, since the same few
/// prompts open every turn (a 700-byte prompt costs about as much to count as the rest of
/// the prompt assembly).
fn system_prompt_tokens(prompt: &str) -> usize {
    static COUNTS: LazyLock<Mutex<HashMap<String, usize>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if let Some(&tokens) = COUNTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(prompt)
    {
        return tokens;
    }
    let tokens = count_tokens(prompt);
    let mut counts = COUNTS.lock().unwrap_or_else(PoisonError::into_inner);
    if counts.len() < CACHED_SYSTEM_PROMPTS {
        counts.insert(prompt.to_owned(), tokens);
    }
    tokens
}

/// Per-message framing tokens in chat formats (role, separators).
const MESSAGE_OVERHEAD: usize = 4;

/// What went into a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Prompt {
    /// The messages to send.
    pub messages: Vec<WireMessage>,
    /// Our token count of them.
    pub prompt_tokens: usize,
    /// How many earlier messages were included.
    pub history_used: usize,
}

/// Stands in for an answer that was never given (the model failed before its first word, or
/// the process died before any of it was stored), so the model always sees the visitor's
/// messages and answers alternate.
const NO_ANSWER: &str = "(No answer was given to this message.)";

/// Builds the prompt. `history` is newest first and excludes the new message; messages that
/// failed or are empty are skipped; older history is dropped first once `budget` tokens of
/// history are used or `max_messages` are included. A visitor's message left without an
/// answer is followed by [`NO_ANSWER`], so two user messages never follow each other.
pub(crate) fn assemble(
    system_prompt: &str,
    history: &[Message],
    new_message: &str,
    budget: usize,
    max_messages: usize,
) -> Prompt {
    let system_tokens = system_prompt_tokens(system_prompt) + MESSAGE_OVERHEAD;
    let new_tokens = count_tokens(new_message) + MESSAGE_OVERHEAD;
    let mut kept: Vec<(&'static str, &str)> = Vec::new();
    let mut used = 0;
    for message in history {
        if kept.len() >= max_messages {
            break;
        }
        if message.status == MessageStatus::Failed || message.content.trim().is_empty() {
            continue;
        }
        let role = match message.role {
            Role::User => "user",
            Role::Assistant => "assistant",
            Role::System => continue,
        };
        let cost = count_tokens(&message.content) + MESSAGE_OVERHEAD;
        if used + cost > budget {
            break;
        }
        used += cost;
        kept.push((role, &message.content));
    }
    let history_used = kept.len();
    let mut messages = Vec::with_capacity(kept.len() + 3);
    messages.push(WireMessage::new("system", system_prompt));
    let mut placeholders = 0;
    for (role, content) in kept.into_iter().rev() {
        if role == "user" && messages.last().is_some_and(|m| m.role == "user") {
            messages.push(WireMessage::new("assistant", NO_ANSWER));
            placeholders += 1;
        }
        messages.push(WireMessage::new(role, content));
    }
    if messages.last().is_some_and(|m| m.role == "user") {
        messages.push(WireMessage::new("assistant", NO_ANSWER));
        placeholders += 1;
    }
    messages.push(WireMessage::new("user", new_message));
    let placeholder_tokens = placeholders * (count_tokens(NO_ANSWER) + MESSAGE_OVERHEAD);
    Prompt {
        messages,
        prompt_tokens: system_tokens + used + placeholder_tokens + new_tokens,
        history_used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::now;

    fn msg(role: Role, text: &str) -> Message {
        Message::new(role, text, now())
    }

    #[test]
    fn tokens_are_counted_by_a_real_tokenizer() {
        assert_eq!(count_tokens(""), 0);
        assert_eq!(count_tokens("hello world"), 2);
        assert!(count_tokens("Air-source heat pumps from £7,495") > 5);
    }

    #[test]
    fn a_system_prompt_counts_the_same_from_the_cache() {
        let prompt = "You are Nora, the assistant of a heating company in Leeds.";
        let fresh = count_tokens(prompt);
        assert_eq!(system_prompt_tokens(prompt), fresh);
        assert_eq!(system_prompt_tokens(prompt), fresh, "second lookup, cached");
        let prompt = assemble(prompt, &[], "Hi", 100, 10);
        assert_eq!(
            prompt.prompt_tokens,
            fresh + count_tokens("Hi") + 2 * MESSAGE_OVERHEAD
        );
    }

    #[test]
    fn history_keeps_the_newest_messages_within_budget_in_order() {
        let oldest = msg(Role::User, &"old ".repeat(500));
        let middle = msg(Role::Assistant, "Our survey is free.");
        let newest = msg(Role::User, "Do you cover Leeds?");
        // Newest first, as the store returns it.
        let history = vec![newest.clone(), middle.clone(), oldest];
        let prompt = assemble("You are Nora.", &history, "And York?", 60, 40);
        let roles: Vec<&str> = prompt.messages.iter().map(|m| m.role).collect();
        // "Do you cover Leeds?" got no answer: a placeholder keeps the turns alternating.
        assert_eq!(roles, ["system", "assistant", "user", "assistant", "user"]);
        assert_eq!(prompt.messages[1].content, middle.content);
        assert_eq!(prompt.messages[2].content, newest.content);
        assert_eq!(prompt.messages[3].content, NO_ANSWER);
        assert_eq!(prompt.messages[4].content, "And York?");
        assert_eq!(prompt.history_used, 2);
    }

    #[test]
    fn a_question_whose_answer_was_lost_never_leaves_two_user_messages_in_a_row() {
        // Newest first: a crash left the last answer empty (partial, nothing stored), and
        // an older answer failed outright.
        let mut lost = msg(Role::Assistant, "");
        lost.status = MessageStatus::Partial;
        let mut failed = msg(Role::Assistant, "half an answer");
        failed.status = MessageStatus::Failed;
        let history = vec![
            lost,
            msg(Role::User, "How much is a survey?"),
            failed,
            msg(Role::User, "Hello"),
        ];
        let prompt = assemble("sys", &history, "Are you there?", 10_000, 40);
        let roles: Vec<&str> = prompt.messages.iter().map(|m| m.role).collect();
        assert_eq!(
            roles,
            ["system", "user", "assistant", "user", "assistant", "user"]
        );
        for pair in prompt.messages.windows(2) {
            assert!(!(pair[0].role == "user" && pair[1].role == "user"));
        }
        assert_eq!(prompt.messages[2].content, NO_ANSWER);
        assert_eq!(prompt.messages[4].content, NO_ANSWER);
    }

    #[test]
    fn failed_and_empty_messages_are_left_out_and_the_count_limit_holds() {
        let mut failed = msg(Role::Assistant, "half");
        failed.status = MessageStatus::Failed;
        let empty = msg(Role::Assistant, "  ");
        let history = vec![
            failed,
            empty,
            msg(Role::User, "a"),
            msg(Role::Assistant, "b"),
            msg(Role::User, "c"),
        ];
        let prompt = assemble("sys", &history, "new", 10_000, 2);
        let contents: Vec<&str> = prompt.messages.iter().map(|m| m.content.as_str()).collect();
        assert_eq!(contents, ["sys", "b", "a", NO_ANSWER, "new"]);
    }
}
