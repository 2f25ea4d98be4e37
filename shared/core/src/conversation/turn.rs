//! One turn of a conversation, shared by the buffered route (`chat`) and the streamed one
//! (`stream`). The visitor's message is stored before the model is called; the answer runs
//! in its own task, so a visitor who disconnects still leaves a stored (partial) answer, and
//! every call to the model is recorded and logged with the same figures.

use std::sync::Arc;
use std::time::Instant;

use futures::StreamExt as _;
use tokio::sync::mpsc;

use super::context::{self, count_tokens};
use crate::api::{ApiError, ErrorCode};
use crate::app::AppState;
use crate::config::{AgentConfig, RagSettings};
use crate::crm;
use crate::directory::Directory;
use crate::domain::{
    AccountId, AgentId, Citation, LlmOutcome, LlmRequest, LlmRequestId, Message, MessageId,
    MessageStatus, Role, SessionId, VisitorId, now,
};
use crate::knowledge::retrieve::{Retriever, Sources};
use crate::ports::model::{ChatModel, LlmError, LlmEvent, ToolCall, ToolSpec, Usage, WireMessage};
use crate::ports::{HistoryQuery, Order};
use crate::render::answer_html;

/// What a visitor sent.
#[derive(Debug, Clone)]
pub struct TurnInput {
    /// The account.
    pub account: AccountId,
    /// The agent.
    pub agent: AgentId,
    /// The agent's configuration.
    pub config: Arc<AgentConfig>,
    /// The session.
    pub session: SessionId,
    /// Who is asking (must own the session).
    pub visitor: VisitorId,
    /// The message text.
    pub text: String,
}

/// Usage of a finished turn, as sent to the visitor.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct TurnUsage {
    /// Prompt tokens (the provider's count, or ours when it sent none).
    pub prompt_tokens: u32,
    /// Completion tokens.
    pub completion_tokens: u32,
    /// Cost in US dollars, when the provider reports it.
    pub cost_usd: Option<f64>,
}

/// What happens during a turn, in order: `Meta`, `Delta`s, then `Citations`, `Usage` and
/// `Done`, or an `Error` (after which the partial answer is already stored).
#[derive(Debug, Clone)]
pub enum TurnEvent {
    /// The ids of the stored messages.
    Meta {
        /// The session.
        session_id: SessionId,
        /// The visitor's stored message.
        user_message_id: MessageId,
        /// The answer's message.
        assistant_message_id: MessageId,
    },
    /// The next piece of the answer.
    Delta(String),
    /// Pages the answer cites.
    Citations(Vec<Citation>),
    /// Token counts and cost.
    Usage(TurnUsage),
    /// The answer is complete and stored.
    Done {
        /// The stored answer.
        message: Message,
        /// Its sanitised HTML, with source markers linked.
        html: String,
        /// Written by the model, or quoted from the site because no model is configured.
        mode: AnswerMode,
    },
    /// The turn failed; what arrived is stored with status `partial` (or `failed`).
    Error {
        /// Stable error code.
        code: ErrorCode,
        /// Message for the visitor.
        message: String,
    },
}

/// How an answer was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerMode {
    /// The language model wrote it.
    Model,
    /// No model is configured: the best passages of the site, quoted and labelled.
    Extractive,
}

/// A turn whose answer is on its way.
#[derive(Debug)]
pub struct StartedTurn {
    /// The visitor's stored message.
    pub user_message: Message,
    /// The events, starting with `Meta`. Dropping the receiver cancels the turn (the partial
    /// answer is stored).
    pub events: mpsc::Receiver<TurnEvent>,
}

/// Validates and stores the visitor's message, then starts the answer. Errors here happen
/// before anything is streamed, so they become plain JSON errors.
pub async fn start(state: &AppState, input: TurnInput) -> Result<StartedTurn, ApiError> {
    let settings = &input.config.settings;
    let text = input.text.trim();
    if text.is_empty() {
        return Err(ApiError::new(
            ErrorCode::EmptyMessage,
            "The message is empty.",
        ));
    }
    let max_chars = settings.limits.max_message_chars;
    if text.chars().count() > max_chars {
        return Err(ApiError::new(
            ErrorCode::MessageTooLong,
            format!("The message is longer than {max_chars} characters."),
        ));
    }
    let session = super::ownership::owned_session(
        state.store.as_ref(),
        &input.account,
        &input.agent,
        &input.session,
        &input.visitor,
    )
    .await?;
    if session.message_count + 2 > settings.limits.max_session_messages {
        return Err(ApiError::new(
            ErrorCode::HistoryTooLong,
            "This conversation is at its length limit. Please start a new one.",
        ));
    }
    let rag = &settings.knowledge.rag;
    let retrieval = state
        .retriever()
        .filter(|_| rag.enabled)
        .map(|retriever| Retrieval {
            retriever: retriever.clone(),
            settings: rag.clone(),
        });
    let llm = state.model(&input.account, &input.agent);
    if llm.is_none() && retrieval.is_none() {
        return Err(ApiError::new(
            ErrorCode::NoModelConfigured,
            "This assistant has no language model configured yet, so it cannot answer.",
        ));
    }

    // Nothing lost: the visitor's words are stored before the model is called.
    let user_message = Message::new(Role::User, text, now());
    state
        .store
        .append_message(&input.account, &input.session, &user_message)
        .await?;

    let history = state
        .store
        .history(
            &input.account,
            &input.session,
            &HistoryQuery::first(
                Order::NewestFirst,
                settings.limits.history_messages.saturating_add(1),
            ),
        )
        .await?
        .items;
    let earlier: Vec<Message> = history
        .into_iter()
        .filter(|m| m.id != user_message.id)
        .collect();
    let prompt = context::assemble(
        &input.config.system_prompt,
        &earlier,
        text,
        settings.limits.history_token_budget,
        settings.limits.history_messages as usize,
    );

    // The answer exists from the start (empty, partial), so a crash mid-answer leaves a trace.
    let mut assistant = Message::new(Role::Assistant, "", now());
    assistant.status = MessageStatus::Partial;
    state
        .store
        .append_message(&input.account, &input.session, &assistant)
        .await?;

    let (tx, rx) = mpsc::channel(256);
    let meta = TurnEvent::Meta {
        session_id: input.session.clone(),
        user_message_id: user_message.id.clone(),
        assistant_message_id: assistant.id.clone(),
    };
    // The channel is new and has room: this cannot fail.
    let _ = tx.try_send(meta);
    let Some(llm) = llm else {
        // Without a model, but with a knowledge base: quote the site, clearly labelled.
        if let Some(retrieval) = retrieval {
            tokio::spawn(extractive_answer(
                state.clone(),
                input.account,
                input.session,
                text.to_owned(),
                retrieval,
                assistant,
                tx,
            ));
        }
        return Ok(StartedTurn {
            user_message,
            events: rx,
        });
    };
    let directory = state
        .directory(&input.account)
        .filter(|_| settings.tools.directory)
        .cloned();
    let run = TurnRun {
        state: state.clone(),
        account: input.account,
        agent: input.agent,
        session: input.session,
        llm,
        total_timeout: std::time::Duration::from_secs(settings.llm.total_timeout_secs),
        assistant,
        prompt_tokens: prompt.prompt_tokens,
        question: text.to_owned(),
        retrieval,
        sources: Sources::default(),
        directory,
        profile: Some(settings.profile.clone()).filter(|p| p.capture && !p.fields.is_empty()),
        max_tool_rounds: settings.tools.max_rounds,
        max_tool_results: settings.tools.max_results,
        earlier_usage: Usage::default(),
        tx,
    };
    tokio::spawn(run.answer(prompt.messages));
    Ok(StartedTurn {
        user_message,
        events: rx,
    })
}

struct TurnRun {
    state: AppState,
    account: AccountId,
    agent: AgentId,
    session: SessionId,
    llm: Arc<dyn ChatModel>,
    total_timeout: std::time::Duration,
    assistant: Message,
    prompt_tokens: usize,
    question: String,
    retrieval: Option<Retrieval>,
    sources: Sources,
    directory: Option<Arc<Directory>>,
    /// The agent's profile fields, when it captures profiles.
    profile: Option<crate::config::ProfileFieldSettings>,
    max_tool_rounds: u32,
    max_tool_results: usize,
    /// Usage of the rounds before the last (tool calls), added to the last one's.
    earlier_usage: Usage,
    tx: mpsc::Sender<TurnEvent>,
}

/// The retriever and the agent's RAG settings, for agents with RAG on.
#[derive(Debug)]
struct Retrieval {
    retriever: Retriever,
    settings: RagSettings,
}

impl Retrieval {
    /// The sources for a question; a failing knowledge base is logged and the turn goes on
    /// without sources (an answer without citations beats no answer).
    async fn sources(&self, account: &AccountId, session: &SessionId, question: &str) -> Sources {
        let started = Instant::now();
        match self
            .retriever
            .retrieve(account, question, &self.settings)
            .await
        {
            Ok(sources) => {
                tracing::debug!(
                    account = %account,
                    session = %session,
                    pages = sources.pages.len(),
                    ms = started.elapsed().as_millis() as u64,
                    "retrieved sources"
                );
                sources
            }
            Err(error) => {
                tracing::warn!(
                    account = %account,
                    session = %session,
                    error = %format!("{:#}", anyhow::Error::from(error)),
                    "retrieval failed; answering without sources"
                );
                Sources::default()
            }
        }
    }
}

/// The answer of an agent with a knowledge base and no model: the best passages, quoted.
async fn extractive_answer(
    state: AppState,
    account: AccountId,
    session: SessionId,
    question: String,
    retrieval: Retrieval,
    mut assistant: Message,
    tx: mpsc::Sender<TurnEvent>,
) {
    let sources = retrieval.sources(&account, &session, &question).await;
    assistant.content = sources.extractive_answer();
    assistant.citations = sources.all_citations();
    assistant.status = MessageStatus::Complete;
    if let Err(error) = state
        .store
        .update_message(&account, &session, &assistant)
        .await
    {
        tracing::error!(account = %account, session = %session, error = ?error, "storing the answer failed");
        let _ = tx
            .send(TurnEvent::Error {
                code: ErrorCode::Internal,
                message: "The answer could not be stored. Please try again.".to_owned(),
            })
            .await;
        return;
    }
    let _ = tx.send(TurnEvent::Delta(assistant.content.clone())).await;
    let _ = tx
        .send(TurnEvent::Citations(assistant.citations.clone()))
        .await;
    let html = answer_html(&assistant.content, &assistant.citations);
    let _ = tx
        .send(TurnEvent::Done {
            message: assistant,
            html,
            mode: AnswerMode::Extractive,
        })
        .await;
}

/// How the answer ended, before it is stored.
enum Ending {
    Complete,
    Failed(LlmError),
    Cancelled,
    TimedOut,
}

impl TurnRun {
    async fn answer(mut self, mut messages: Vec<WireMessage>) {
        let started = Instant::now();
        let deadline = tokio::time::Instant::now() + self.total_timeout;
        let mut usage: Option<Usage> = None;
        let tx = self.tx.clone();

        if let Some(retrieval) = &self.retrieval {
            let found = tokio::select! {
                found = retrieval.sources(&self.account, &self.session, &self.question) => found,
                () = tx.closed() => {
                    self.finish(Ending::Cancelled, None, started).await;
                    return;
                }
            };
            if !found.is_empty()
                && let Some(system) = messages.first_mut()
            {
                let section = found.prompt_section();
                self.prompt_tokens += count_tokens(&section);
                system.content.push_str(&section);
            }
            self.sources = found;
        }

        let mut tools: Vec<ToolSpec> = self
            .directory
            .as_ref()
            .map(|directory| vec![directory.tool()])
            .unwrap_or_default();
        if let Some(spec) = self.profile.as_ref().and_then(crm::profile_tool_schema) {
            let function = &spec["function"];
            tools.push(ToolSpec::function(
                function["name"].as_str().unwrap_or(crm::PROFILE_TOOL_NAME),
                function["description"].as_str().unwrap_or_default(),
                function["parameters"].clone(),
            ));
        }
        let mut round: u32 = 0;
        let mut round_started = Instant::now();
        let ending = 'rounds: loop {
            // The last round offers no tools, so the model has to answer.
            let offered: &[ToolSpec] = if round < self.max_tool_rounds {
                &tools
            } else {
                &[]
            };
            let opened = tokio::select! {
                opened = self.llm.stream(&messages, offered) => Some(opened),
                () = tx.closed() => None,
            };
            let mut stream = match opened {
                None => break Ending::Cancelled,
                Some(Err(error)) => break Ending::Failed(error),
                Some(Ok(stream)) => stream,
            };
            let text_before = self.assistant.content.len();
            let mut calls = Vec::new();
            loop {
                let next = tokio::select! {
                    next = tokio::time::timeout_at(deadline, stream.next()) => next,
                    () = tx.closed() => break 'rounds Ending::Cancelled,
                };
                match next {
                    Err(_) => break 'rounds Ending::TimedOut,
                    Ok(None) => break,
                    Ok(Some(Ok(LlmEvent::Delta(text)))) => {
                        self.assistant.content.push_str(&text);
                        if tx.send(TurnEvent::Delta(text)).await.is_err() {
                            break 'rounds Ending::Cancelled;
                        }
                    }
                    Ok(Some(Ok(LlmEvent::ToolCalls(asked)))) => calls = asked,
                    Ok(Some(Ok(LlmEvent::Usage(reported)))) => usage = Some(reported),
                    Ok(Some(Err(error))) => break 'rounds Ending::Failed(error),
                }
            }
            if calls.is_empty() || offered.is_empty() {
                break Ending::Complete;
            }
            // A round that asked for tools is a call of its own: record it, run the tools,
            // and ask again with their results.
            let round_usage = usage.take().unwrap_or_default();
            self.record_call(&round_usage, round_started, LlmOutcome::Ok, None)
                .await;
            self.add_usage(&round_usage);
            let said = self.assistant.content[text_before..].to_owned();
            messages.push(WireMessage::tool_request(said, &calls));
            for call in &calls {
                let result = self.run_tool(call).await;
                messages.push(WireMessage::tool_result(&call.id, result.to_string()));
            }
            round += 1;
            round_started = Instant::now();
        };
        self.finish(ending, usage, round_started).await;
    }

    /// Runs one tool call and returns its JSON result for the model; unknown tools and bad
    /// arguments come back as an `error` the model can read.
    async fn run_tool(&self, call: &ToolCall) -> serde_json::Value {
        let result = match (call.name.as_str(), &self.directory, &self.profile) {
            (crate::directory::TOOL_NAME, Some(directory), _) => {
                directory.run_tool(&call.arguments, self.max_tool_results)
            }
            (crm::PROFILE_TOOL_NAME, _, Some(settings)) => {
                self.save_profile(&call.arguments, settings).await
            }
            _ => serde_json::json!({ "error": format!("no tool named {:?}", call.name) }),
        };
        tracing::info!(
            account = %self.account,
            session = %self.session,
            tool = %call.name,
            matches = result.get("matches").and_then(serde_json::Value::as_u64),
            error = result.get("error").and_then(serde_json::Value::as_str),
            "tool call"
        );
        result
    }

    /// Records one call to the model as an LLM request linked to the answer, and logs it
    /// with exactly the stored figures.
    async fn record_call(
        &self,
        usage: &Usage,
        started: Instant,
        outcome: LlmOutcome,
        error: Option<String>,
    ) {
        let record = LlmRequest {
            id: LlmRequestId::generate(),
            session: self.session.clone(),
            message: Some(self.assistant.id.clone()),
            model: usage
                .model
                .clone()
                .unwrap_or_else(|| self.llm.model().to_owned()),
            prompt_tokens: usage.prompt_tokens,
            completion_tokens: usage.completion_tokens,
            cost_usd: usage.cost_usd,
            latency_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            outcome,
            error,
            created_at: now(),
        };
        super::record::record_llm_call(
            self.state.store.as_ref(),
            &self.account,
            &self.agent,
            &record,
            "answer",
        )
        .await;
    }

    /// The profile tool: what the visitor offered (name, email, phone, company, interests),
    /// checked field by field, then merged into the session's profile. A verified email is
    /// never overwritten; only an OTP verifies one.
    async fn save_profile(
        &self,
        arguments: &str,
        settings: &crate::config::ProfileFieldSettings,
    ) -> serde_json::Value {
        let update = match crm::apply_profile_tool(
            &serde_json::Value::String(arguments.to_owned()),
            settings,
        ) {
            Ok(update) => update,
            Err(error) => return serde_json::json!({ "saved": false, "error": error.to_string() }),
        };
        let store = self.state.store.as_ref();
        let saved = match store.get_session(&self.account, &self.session).await {
            Ok(session) => {
                crm::save_profile_update(store, &session, &update, settings.max_interests, now())
                    .await
            }
            Err(error) => Err(error),
        };
        match saved {
            Ok(profile) => serde_json::json!({
                "saved": true,
                "profile": crm::ProfileCard::from(&profile),
            }),
            Err(error) => {
                tracing::warn!(account = %self.account, session = %self.session, error = ?error, "saving the visitor profile failed");
                serde_json::json!({ "saved": false, "error": "the profile could not be saved right now" })
            }
        }
    }

    /// Adds an earlier round's usage to the turn's totals (what the visitor's usage event
    /// reports).
    fn add_usage(&mut self, round: &Usage) {
        self.earlier_usage.prompt_tokens += round.prompt_tokens;
        self.earlier_usage.completion_tokens += round.completion_tokens;
        self.earlier_usage.cost_usd = match (self.earlier_usage.cost_usd, round.cost_usd) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
        };
    }

    async fn finish(mut self, ending: Ending, usage: Option<Usage>, started: Instant) {
        let has_text = !self.assistant.content.is_empty();
        let (status, outcome, failure) = match &ending {
            Ending::Complete => (MessageStatus::Complete, LlmOutcome::Ok, None),
            Ending::Cancelled => (partial_or_failed(has_text), LlmOutcome::Cancelled, None),
            Ending::TimedOut => (
                partial_or_failed(has_text),
                LlmOutcome::Timeout,
                Some((
                    ErrorCode::UpstreamTimeout,
                    "The assistant took too long to answer. Please try again.",
                )),
            ),
            Ending::Failed(error) => {
                let outcome = if has_text {
                    LlmOutcome::Interrupted
                } else if *error == LlmError::Timeout {
                    LlmOutcome::Timeout
                } else {
                    LlmOutcome::Error
                };
                (
                    partial_or_failed(has_text),
                    outcome,
                    Some(visitor_error(error)),
                )
            }
        };
        self.assistant.status = status;
        if has_text {
            self.assistant.citations = self.sources.citations_for(&self.assistant.content);
        }
        let usage = usage.unwrap_or_else(|| Usage {
            model: None,
            prompt_tokens: u32::try_from(self.prompt_tokens).unwrap_or(u32::MAX),
            completion_tokens: u32::try_from(count_tokens(&self.assistant.content))
                .unwrap_or(u32::MAX),
            cost_usd: None,
        });
        let error_text = match &ending {
            Ending::Failed(error) => Some(error.to_string()),
            Ending::TimedOut => Some("total timeout".to_owned()),
            _ => None,
        };
        let store = &self.state.store;
        if let Err(error) = store
            .update_message(&self.account, &self.session, &self.assistant)
            .await
        {
            tracing::error!(account = %self.account, session = %self.session, error = ?error, "storing the answer failed");
        }
        self.record_call(&usage, started, outcome, error_text).await;
        self.add_usage(&usage);
        let usage = &self.earlier_usage;
        let turn_usage = TurnUsage {
            prompt_tokens: usage.prompt_tokens,
            completion_tokens: usage.completion_tokens,
            cost_usd: usage.cost_usd,
        };
        match failure {
            None if matches!(ending, Ending::Complete) => {
                let _ = self
                    .tx
                    .send(TurnEvent::Citations(self.assistant.citations.clone()))
                    .await;
                let _ = self.tx.send(TurnEvent::Usage(turn_usage)).await;
                let html = answer_html(&self.assistant.content, &self.assistant.citations);
                let _ = self
                    .tx
                    .send(TurnEvent::Done {
                        message: self.assistant,
                        html,
                        mode: AnswerMode::Model,
                    })
                    .await;
            }
            None => {}
            Some((code, message)) => {
                let _ = self
                    .tx
                    .send(TurnEvent::Error {
                        code,
                        message: message.to_owned(),
                    })
                    .await;
            }
        }
    }
}

fn partial_or_failed(has_text: bool) -> MessageStatus {
    if has_text {
        MessageStatus::Partial
    } else {
        MessageStatus::Failed
    }
}

fn visitor_error(error: &LlmError) -> (ErrorCode, &'static str) {
    match error {
        LlmError::RateLimited { .. } => (
            ErrorCode::UpstreamRateLimited,
            "The assistant is very busy right now. Please try again in a moment.",
        ),
        LlmError::Timeout => (
            ErrorCode::UpstreamTimeout,
            "The assistant took too long to answer. Please try again.",
        ),
        _ => (
            ErrorCode::UpstreamError,
            "The assistant could not finish its answer. Please try again.",
        ),
    }
}
