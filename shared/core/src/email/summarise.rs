//! The model writes the summary: the conversation as plain text (newest kept within the
//! agent's budget), the agent's summary prompt, one streamed completion, recorded as an LLM
//! request of the session like a turn's.

use futures::StreamExt as _;

use crate::config::AgentConfig;
use crate::conversation::context::count_tokens;
use crate::conversation::record::record_llm_call;
use crate::domain::{LlmOutcome, LlmRequest, LlmRequestId, Role, Session};
use crate::ports::model::{ChatModel, LlmEvent, Usage, WireMessage};
use crate::ports::{HistoryQuery, LlmRequestStore, MAX_PAGE_SIZE, MessageStore, Order, StoreError};

/// One message of a transcript: who said it and what.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct TranscriptLine {
    /// `Visitor` or `Assistant`.
    pub who: &'static str,
    /// What they wrote, trimmed.
    pub text: String,
}

/// The conversation's messages oldest first, the newest kept within `max_chars` (at least
/// the newest one).
pub(super) async fn transcript_lines(
    messages: &dyn MessageStore,
    session: &Session,
    max_chars: usize,
) -> Result<Vec<TranscriptLine>, StoreError> {
    let mut query = HistoryQuery::first(Order::NewestFirst, MAX_PAGE_SIZE);
    let mut lines = Vec::new();
    let mut used = 0;
    'pages: loop {
        let page = messages
            .history(&session.account, &session.id, &query)
            .await?;
        for message in &page.items {
            let who = match message.role {
                Role::User => "Visitor",
                Role::Assistant => "Assistant",
                Role::System => continue,
            };
            let text = message.content.trim().to_owned();
            used += who.len() + 2 + text.chars().count() + 1;
            if used > max_chars && !lines.is_empty() {
                break 'pages;
            }
            lines.push(TranscriptLine { who, text });
        }
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    lines.reverse();
    Ok(lines)
}

/// The conversation as plain text for the model, newest kept within `max_chars`.
pub(super) async fn transcript(
    messages: &dyn MessageStore,
    session: &Session,
    max_chars: usize,
) -> Result<String, StoreError> {
    Ok(transcript_lines(messages, session, max_chars)
        .await?
        .iter()
        .map(|line| format!("{}: {}", line.who, line.text))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// The model's summary of a transcript, with the agent's prompt. The call is recorded as an
/// LLM request of the session (no message: it belongs to no answer) and logged, like a turn's.
pub(super) async fn summarise(
    model: Option<&dyn ChatModel>,
    records: &dyn LlmRequestStore,
    rollups: &dyn crate::ports::rollups::RollupStore,
    config: &AgentConfig,
    session: &Session,
    transcript: String,
) -> Result<String, String> {
    let model = model.ok_or_else(|| "no LLM API key is configured for this agent".to_owned())?;
    let messages = [
        WireMessage::new("system", config.summary_prompt.clone()),
        WireMessage::new("user", format!("The conversation:\n\n{transcript}")),
    ];
    let started = std::time::Instant::now();
    let mut text = String::new();
    let mut usage: Option<Usage> = None;
    let outcome: Result<(), String> = async {
        let mut stream = model
            .stream(&messages, &[])
            .await
            .map_err(|e| e.to_string())?;
        while let Some(event) = stream.next().await {
            match event.map_err(|e| e.to_string())? {
                LlmEvent::Delta(delta) => text.push_str(&delta),
                LlmEvent::Usage(reported) => usage = Some(reported),
                LlmEvent::ToolCalls(_) => {}
            }
        }
        Ok(())
    }
    .await;
    let usage = usage.unwrap_or_else(|| Usage {
        model: None,
        prompt_tokens: u32::try_from(
            messages
                .iter()
                .map(|m| count_tokens(&m.content))
                .sum::<usize>(),
        )
        .unwrap_or(u32::MAX),
        completion_tokens: u32::try_from(count_tokens(&text)).unwrap_or(u32::MAX),
        cost_usd: None,
    });
    let record = LlmRequest {
        id: LlmRequestId::generate(),
        session: session.id.clone(),
        message: None,
        model: usage
            .model
            .clone()
            .unwrap_or_else(|| model.model().to_owned()),
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        cost_usd: usage.cost_usd,
        latency_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        outcome: if outcome.is_ok() {
            LlmOutcome::Ok
        } else {
            LlmOutcome::Error
        },
        error: outcome.as_ref().err().cloned(),
        created_at: crate::domain::now(),
    };
    record_llm_call(
        records,
        rollups,
        &config.account,
        &config.agent,
        &record,
        "summary",
        &config.settings.spend.fallback_price,
    )
    .await;
    outcome?;
    if text.trim().is_empty() {
        return Err("the model returned an empty summary".to_owned());
    }
    Ok(text)
}
