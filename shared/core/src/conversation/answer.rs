//! The model's side of a turn: sources, tool rounds, the streamed answer, and how it is
//! stored and recorded however it ends.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt as _;
use tokio::sync::mpsc;

use super::context::count_tokens;
use super::retrieval::Retrieval;
use super::turn::{AnswerMode, TurnEvent, TurnPorts, TurnUsage};
use crate::crm;
use crate::directory::Directory;
use crate::domain::{
    AccountId, AgentId, LlmOutcome, LlmRequest, LlmRequestId, Message, MessageStatus, SessionId,
    now,
};
use crate::error::ErrorCode;
use crate::knowledge::follow_up::Asked;
use crate::knowledge::retrieve::Sources;
use crate::ports::gaps::GapReason;
use crate::ports::model::{ChatModel, LlmError, LlmEvent, ToolCall, ToolSpec, Usage, WireMessage};
use crate::rollups::TurnTally;

/// How often a growing answer is stored while it streams: a crash loses at most about this
/// much of what the visitor saw.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

pub(super) struct TurnRun {
    pub(super) ports: TurnPorts,
    pub(super) account: AccountId,
    pub(super) agent: AgentId,
    pub(super) session: SessionId,
    pub(super) llm: Arc<dyn ChatModel>,
    pub(super) total_timeout: std::time::Duration,
    pub(super) assistant: Message,
    pub(super) prompt_tokens: usize,
    /// The visitor's question, in its conversation when it is a follow-up.
    pub(super) asked: Asked,
    pub(super) retrieval: Option<Retrieval>,
    pub(super) sources: Sources,
    pub(super) directory: Option<Arc<Directory>>,
    /// What to answer when the site does not cover the question (abstention on).
    pub(super) no_answer: Option<String>,
    /// The agent's profile fields, when it captures profiles.
    pub(super) profile: Option<crate::config::ProfileFieldSettings>,
    pub(super) max_tool_rounds: u32,
    pub(super) max_tool_results: usize,
    /// The price of a call whose provider reports no cost (`spend.fallback_price`).
    pub(super) price: crate::config::TokenPrice,
    /// Usage of the rounds before the last (tool calls), added to the last one's.
    pub(super) earlier_usage: Usage,
    pub(super) tx: mpsc::Sender<TurnEvent>,
    /// The record of the model call under way, stored as `started` when it began.
    pub(super) call: Option<LlmRequestId>,
    /// Where a question the answer says the site does not cover is recorded.
    pub(super) gaps: crate::gaps::GapRecorder,
    /// Keeps the "not covered" marker out of what the visitor sees and what is stored.
    pub(super) marker: crate::gaps::MarkerFilter,
    /// The turn's figures for the console's rollups.
    pub(super) tally: TurnTally,
    /// How long the first words took, once they went out.
    pub(super) first_token: Option<Duration>,
}

/// How the answer ended, before it is stored.
enum Ending {
    Complete,
    Failed(LlmError),
    Cancelled,
    TimedOut,
}

impl TurnRun {
    pub(super) async fn answer(mut self, mut messages: Vec<WireMessage>) {
        let started = Instant::now();
        let deadline = tokio::time::Instant::now() + self.total_timeout;
        let mut usage: Option<Usage> = None;
        let tx = self.tx.clone();

        if let Some(retrieval) = &self.retrieval {
            let found = tokio::select! {
                found = retrieval.sources(&self.account, &self.session, &self.asked) => found,
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
            let abstain = found.nothing_near()
                && !super::retrieval::lists_match(self.directory.as_deref(), self.asked.question());
            if abstain && let Some(text) = self.no_answer.take() {
                // The model is not called: it would only be asked to say the same.
                tracing::info!(
                    account = %self.account,
                    session = %self.session,
                    best_score = found.relevance.as_ref().map(|r| r.best_score),
                    "the site does not cover the question; answering so without the model"
                );
                self.assistant.content = text;
                self.gaps.spawn_record(super::retrieval::gap_question(
                    &self.account,
                    &self.agent,
                    &self.session,
                    &self.asked.text(),
                    GapReason::NoSource,
                    &found,
                ));
                super::retrieval::deliver(
                    self.ports.messages.as_ref(),
                    self.assistant,
                    &self.tx,
                    AnswerMode::NoAnswer,
                    None,
                    &self.tally,
                )
                .await;
                return;
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
            // The `started` record is written while the call opens, not before it: the
            // first token waits for neither the other.
            let started = self.begin_call();
            let (_, opened) = tokio::join!(
                super::record::record_llm_start(
                    self.ports.llm_records.as_ref(),
                    &self.account,
                    &started
                ),
                async {
                    tokio::select! {
                        opened = self.llm.stream(&messages, offered) => Some(opened),
                        () = tx.closed() => None,
                    }
                }
            );
            let mut stream = match opened {
                None => break Ending::Cancelled,
                Some(Err(error)) => break Ending::Failed(error),
                Some(Ok(stream)) => stream,
            };
            let text_before = self.assistant.content.len();
            let mut calls = Vec::new();
            let mut checkpointed = Instant::now();
            loop {
                let next = tokio::select! {
                    next = tokio::time::timeout_at(deadline, stream.next()) => next,
                    () = tx.closed() => break 'rounds Ending::Cancelled,
                };
                match next {
                    Err(_) => break 'rounds Ending::TimedOut,
                    Ok(None) => {
                        // What was held back as a possible start of the marker was not.
                        let rest = self.marker.finish();
                        if !rest.is_empty() {
                            if self.first_token.is_none() {
                                self.first_token = Some(self.tally.elapsed());
                            }
                            self.assistant.content.push_str(&rest);
                            if tx.send(TurnEvent::Delta(rest)).await.is_err() {
                                break 'rounds Ending::Cancelled;
                            }
                        }
                        break;
                    }
                    Ok(Some(Ok(LlmEvent::Delta(text)))) => {
                        // The marker never reaches the visitor or the store.
                        let text = self.marker.push(&text);
                        if text.is_empty() {
                            continue;
                        }
                        if self.first_token.is_none() {
                            self.first_token = Some(self.tally.elapsed());
                        }
                        self.assistant.content.push_str(&text);
                        if tx.send(TurnEvent::Delta(text)).await.is_err() {
                            break 'rounds Ending::Cancelled;
                        }
                        if checkpointed.elapsed() >= CHECKPOINT_EVERY {
                            self.checkpoint().await;
                            checkpointed = Instant::now();
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

    /// Stores the answer as it stands (still `partial`), so a crash loses at most what
    /// streamed since the last checkpoint. A failed write is logged; the stream goes on.
    async fn checkpoint(&self) {
        if let Err(error) = self
            .ports
            .messages
            .update_message(&self.account, &self.session, &self.assistant)
            .await
        {
            tracing::warn!(account = %self.account, session = %self.session, error = ?error, "checkpointing the answer failed");
        }
    }

    /// The `started` record of the call about to be made; its id is the one the call's
    /// figures are stored under when it ends.
    fn begin_call(&mut self) -> LlmRequest {
        let id = LlmRequestId::generate();
        self.call = Some(id.clone());
        LlmRequest {
            id,
            session: self.session.clone(),
            message: Some(self.assistant.id.clone()),
            model: self.llm.model().to_owned(),
            prompt_tokens: 0,
            completion_tokens: 0,
            cost_usd: None,
            latency_ms: 0,
            outcome: LlmOutcome::Started,
            error: None,
            created_at: now(),
        }
    }

    /// Records one call to the model as an LLM request linked to the answer (over the record
    /// of its start), and logs it with exactly the stored figures.
    async fn record_call(
        &mut self,
        usage: &Usage,
        started: Instant,
        outcome: LlmOutcome,
        error: Option<String>,
    ) {
        let record = self.call_record(usage, started, outcome, error);
        self.store_call(&record).await;
    }

    /// The final record of the call in flight (its id is the `started` record's).
    fn call_record(
        &mut self,
        usage: &Usage,
        started: Instant,
        outcome: LlmOutcome,
        error: Option<String>,
    ) -> LlmRequest {
        LlmRequest {
            id: self.call.take().unwrap_or_else(LlmRequestId::generate),
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
        }
    }

    /// Stores a call's final record and charges it to the spend counters.
    async fn store_call(&self, record: &LlmRequest) {
        super::record::record_llm_call(
            self.ports.llm_records.as_ref(),
            self.ports.rollups.as_ref(),
            &self.account,
            &self.agent,
            record,
            "answer",
            &self.price,
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
        let at = now();
        let saved = match self
            .ports
            .sessions
            .get_session(&self.account, &self.session)
            .await
        {
            Ok(session) => {
                crm::save_profile_update(
                    self.ports.profiles.as_ref(),
                    &session,
                    &update,
                    settings.max_interests,
                    at,
                )
                .await
            }
            Err(error) => Err(error),
        };
        match saved {
            Ok(profile) => {
                if profile.created_at == at {
                    // A new profile: a lead captured.
                    let delta = crate::ports::rollups::RollupDelta::new()
                        .add(crate::ports::rollups::counter::LEADS_CAPTURED, 1);
                    crate::rollups::record(
                        self.ports.rollups.as_ref(),
                        &self.account,
                        &self.agent,
                        at,
                        delta,
                    )
                    .await;
                }
                serde_json::json!({
                "saved": true,
                "profile": crm::ProfileCard::from(&profile),
                })
            }
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
        if self.marker.seen() {
            // The marker is cut out as it streams; the space the model put before it goes.
            let trimmed = self.assistant.content.trim_end().len();
            self.assistant.content.truncate(trimmed);
            if matches!(ending, Ending::Complete) {
                self.gaps.spawn_record(super::retrieval::gap_question(
                    &self.account,
                    &self.agent,
                    &self.session,
                    &self.asked.text(),
                    GapReason::ModelSaidUnknown,
                    &self.sources,
                ));
            }
        }
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
        // The answer and its call's record are independent writes: sent together, they
        // share the store's next commit.
        let record = self.call_record(&usage, started, outcome, error_text);
        let (stored, ()) = tokio::join!(
            self.ports
                .messages
                .update_message(&self.account, &self.session, &self.assistant),
            self.store_call(&record)
        );
        if let Err(error) = stored {
            tracing::error!(account = %self.account, session = %self.session, error = ?error, "storing the answer failed");
        }
        self.add_usage(&usage);
        let usage = &self.earlier_usage;
        let turn_usage = TurnUsage {
            prompt_tokens: usage.prompt_tokens,
            completion_tokens: usage.completion_tokens,
            cost_usd: usage.cost_usd,
        };
        match failure {
            None if matches!(ending, Ending::Complete) => {
                self.tally
                    .answered(
                        AnswerMode::Model,
                        self.first_token,
                        !self.assistant.citations.is_empty(),
                    )
                    .await;
                let _ = self
                    .tx
                    .send(TurnEvent::Citations(self.assistant.citations.clone()))
                    .await;
                let _ = self.tx.send(TurnEvent::Usage(turn_usage)).await;
                let _ = self
                    .tx
                    .send(TurnEvent::Done {
                        message: self.assistant,
                        mode: AnswerMode::Model,
                        reason: None,
                    })
                    .await;
            }
            None => {}
            Some((code, message)) => {
                self.tally.failed(code, self.first_token).await;
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
