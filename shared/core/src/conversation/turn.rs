//! One turn of a conversation, shared by the buffered route (`chat`) and the streamed one
//! (`stream`). The visitor's message is stored before the model is called; the answer runs
//! in its own task, so a visitor who disconnects still leaves a stored (partial) answer, and
//! every call to the model is recorded and logged with the same figures.

use std::sync::Arc;

use tokio::sync::mpsc;

use super::answer::TurnRun;
use super::context;
use super::retrieval::{ExtractiveTurn, Retrieval};
use crate::config::AgentConfig;
use crate::directory::Directory;
use crate::domain::{
    AccountId, AgentId, Citation, Message, MessageId, MessageStatus, Role, SessionId, VisitorId,
    now,
};
use crate::error::{CodedError, ErrorCode};
use crate::knowledge::asked_kind::asks_how_to_reach;
use crate::knowledge::follow_up::Asked;
use crate::knowledge::retrieve::{Retriever, Sources};
use crate::limits::spend::{check_budget, send_warnings};
use crate::ports::crm::ProfileStore;
use crate::ports::email::EmailTransport;
use crate::ports::model::{ChatModel, Usage};
use crate::ports::rollups::RollupStore;
use crate::ports::spend::SpendStore;
use crate::ports::{HistoryQuery, LlmRequestStore, MessageStore, Order, SessionStore, StoreError};
use crate::rollups::TurnTally;

/// What a turn needs: the storage ports it writes, and the agent's model, knowledge and
/// lists. The routes get it from the state (`AppState::turn_ports`).
#[derive(Clone)]
pub struct TurnPorts {
    /// Sessions (ownership, and the profile tool's session).
    pub sessions: Arc<dyn SessionStore>,
    /// The visitor's message and the answer.
    pub messages: Arc<dyn MessageStore>,
    /// One record per call to the model.
    pub llm_records: Arc<dyn LlmRequestStore>,
    /// Visitor profiles (the profile tool).
    pub profiles: Arc<dyn ProfileStore>,
    /// The agent's model, when it has an API key.
    pub model: Option<Arc<dyn ChatModel>>,
    /// Retrieval over the account's knowledge, when the deployment has a knowledge base.
    pub retriever: Option<Retriever>,
    /// The account's structured lists, when it has some.
    pub directory: Option<Arc<Directory>>,
    /// The spend counters the budget check reads.
    pub spend: Arc<dyn SpendStore>,
    /// Where spend warnings go out.
    pub mail: Arc<dyn EmailTransport>,
    /// The console's day rollups and session flags.
    pub rollups: Arc<dyn RollupStore>,
    /// Where content gaps (questions not answered well) are recorded.
    pub gaps: Arc<dyn crate::ports::gaps::GapStore>,
}

impl std::fmt::Debug for TurnPorts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TurnPorts")
            .field("model", &self.model)
            .field("retriever", &self.retriever)
            .field("directory", &self.directory.is_some())
            .finish_non_exhaustive()
    }
}

/// Why a turn could not start. Anything after the start is a [`TurnEvent::Error`].
#[derive(Debug, thiserror::Error)]
pub enum TurnError {
    /// The message is empty or only whitespace.
    #[error("The message is empty.")]
    EmptyMessage,
    /// The message is longer than the agent allows.
    #[error("The message is longer than {max} characters.")]
    MessageTooLong {
        /// `limits.max_message_chars`.
        max: usize,
    },
    /// The session holds as many messages as the agent allows.
    #[error("This conversation is at its length limit. Please start a new one.")]
    HistoryTooLong,
    /// Neither a model nor a knowledge base can answer.
    #[error("This assistant has no language model configured yet, so it cannot answer.")]
    NoModelConfigured,
    /// Storage failed, or the session is not this visitor's.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl CodedError for TurnError {
    fn code(&self) -> ErrorCode {
        match self {
            Self::EmptyMessage => ErrorCode::EmptyMessage,
            Self::MessageTooLong { .. } => ErrorCode::MessageTooLong,
            Self::HistoryTooLong => ErrorCode::HistoryTooLong,
            Self::NoModelConfigured => ErrorCode::NoModelConfigured,
            Self::Store(err) => err.code(),
        }
    }

    fn public_message(&self) -> String {
        match self {
            Self::Store(err) => err.public_message(),
            other => other.to_string(),
        }
    }
}

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
        /// The stored answer (the views render its HTML).
        message: Message,
        /// Written by the model, or quoted from the site.
        mode: AnswerMode,
        /// Why the site was quoted instead of the model's answer (extractive mode only).
        reason: Option<ExtractiveReason>,
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
    /// The best passages of the site, quoted and labelled (see [`ExtractiveReason`]).
    Extractive,
    /// The site does not cover the question: a plain answer saying so, with the next step;
    /// the model is not called.
    NoAnswer,
}

/// Why a turn was answered without the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExtractiveReason {
    /// The agent has no model configured (no API key).
    NoModel,
    /// A spend cap of the agent, its account or the deployment is used up.
    Budget,
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
/// before anything is streamed, so they become plain JSON errors (which the request metrics
/// count in the day rollups, as they do every error answer of a visitor route).
pub async fn start(ports: &TurnPorts, input: TurnInput) -> Result<StartedTurn, TurnError> {
    let turn_started = std::time::Instant::now();
    let settings = &input.config.settings;
    let text = input.text.trim();
    if text.is_empty() {
        return Err(TurnError::EmptyMessage);
    }
    let max_chars = settings.limits.max_message_chars;
    if text.chars().count() > max_chars {
        return Err(TurnError::MessageTooLong { max: max_chars });
    }
    let session = super::ownership::owned_session(
        ports.sessions.as_ref(),
        &input.account,
        &input.agent,
        &input.session,
        &input.visitor,
    )
    .await?;
    if session.message_count + 2 > settings.limits.max_session_messages {
        return Err(TurnError::HistoryTooLong);
    }
    let rag = &settings.knowledge.rag;
    let retrieval = ports
        .retriever
        .as_ref()
        .filter(|_| rag.enabled)
        .map(|retriever| Retrieval {
            retriever: retriever.clone(),
            settings: rag.clone(),
        });
    let mut llm = ports.model.clone();
    if llm.is_none() && retrieval.is_none() {
        return Err(TurnError::NoModelConfigured);
    }

    // Card numbers never reach the store or the model; the last four digits stay.
    let masked = crate::privacy::mask_cards(text);
    let text = masked.as_ref();
    // Nothing lost: the visitor's words are stored before the model is called.
    let user_message = Message::new(Role::User, text, now());
    ports
        .messages
        .append_message(&input.account, &input.session, &user_message)
        .await?;

    // The budget is read beside the history: it costs the turn no extra round trip.
    let query = HistoryQuery::first(
        Order::NewestFirst,
        settings.limits.history_messages.saturating_add(1),
    );
    let history = ports
        .messages
        .history(&input.account, &input.session, &query);
    let budget = async {
        match llm {
            Some(_) => Some(
                check_budget(
                    ports.spend.as_ref(),
                    &input.account,
                    &input.agent,
                    &settings.spend,
                    now(),
                )
                .await,
            ),
            None => None,
        }
    };
    let counted =
        crate::rollups::record_turn_start(ports.rollups.as_ref(), &session, &input.visitor, now());
    let (history, budget, ()) = tokio::join!(history, budget, counted);
    let history = history?.items;
    let mut reason = ExtractiveReason::NoModel;
    if let Some(budget) = budget {
        if !budget.warnings.is_empty() {
            let (spend, mail, config) = (
                Arc::clone(&ports.spend),
                Arc::clone(&ports.mail),
                Arc::clone(&input.config),
            );
            tokio::spawn(async move {
                send_warnings(
                    spend.as_ref(),
                    mail.as_ref(),
                    &config,
                    &budget.warnings,
                    now(),
                )
                .await;
            });
        }
        if let Some(exhausted) = budget.exhausted {
            tracing::info!(
                account = %input.account,
                agent = %input.agent,
                scope = exhausted.scope.as_str(),
                period = exhausted.period.as_str(),
                "spend cap used up; answering from the site without the model"
            );
            llm = None;
            reason = ExtractiveReason::Budget;
        }
    }
    let earlier: Vec<Message> = history
        .into_iter()
        .filter(|m| m.id != user_message.id)
        .collect();
    // A follow-up ("How much do they cost?") is looked up with what the visitor asked before.
    let asked_before: Vec<&str> = earlier
        .iter()
        .filter(|m| m.role == Role::User && m.status != MessageStatus::Failed)
        .map(|m| m.content.as_str())
        .take(2)
        .collect();
    let asked = Asked::in_conversation(text, &asked_before);
    // How to reach the business, from its settings, for a visitor who asks; and content
    // gaps: the model marks an answer that says the site does not cover the question (the
    // marker is stripped as the answer streams).
    let mut system_prompt = std::borrow::Cow::Borrowed(input.config.system_prompt.as_str());
    let reach = settings.account.reach_line();
    if let Some(reach) = &reach {
        system_prompt = std::borrow::Cow::Owned(format!(
            "{}\n\nWhen a visitor asks how to contact the business, give its details from its \
             settings:\n{reach}",
            system_prompt.trim_end()
        ));
    }
    if settings.knowledge.gaps.enabled {
        system_prompt = std::borrow::Cow::Owned(format!(
            "{}\n\n{}",
            system_prompt.trim_end(),
            crate::gaps::MARKER_INSTRUCTION
        ));
    }
    let prompt = context::assemble(
        &system_prompt,
        &earlier,
        text,
        settings.limits.history_token_budget,
        settings.limits.history_messages as usize,
    );

    // The answer exists from the start (empty, partial), so a crash mid-answer leaves a trace.
    let mut assistant = Message::new(Role::Assistant, "", now());
    assistant.status = MessageStatus::Partial;
    ports
        .messages
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
    let directory = ports.directory.clone().filter(|_| settings.tools.directory);
    let tally = TurnTally::new(
        Arc::clone(&ports.rollups),
        input.account.clone(),
        input.agent.clone(),
        input.session.clone(),
        turn_started,
    );
    let gaps = crate::gaps::GapRecorder {
        store: Arc::clone(&ports.gaps),
        embedder: ports.retriever.as_ref().map(|r| r.parts().0),
        settings: settings.knowledge.gaps.clone(),
    };
    // A visitor asking how to reach the business is answered from its settings, not told
    // that the site does not cover it.
    let reached = reach.is_some() && asks_how_to_reach(text);
    let no_answer = retrieval
        .as_ref()
        .filter(|r| r.settings.abstain.enabled && !reached)
        .map(|_| super::retrieval::no_answer_text(settings));
    let Some(llm) = llm else {
        // Without the model: quote the site, clearly labelled with why.
        let turn = ExtractiveTurn {
            messages: Arc::clone(&ports.messages),
            gaps,
            agent: input.agent,
            account: input.account,
            session: input.session,
            asked,
            retrieval,
            directory,
            reason,
            no_answer,
            reach: reach.filter(|_| reached),
            assistant,
            tx,
            tally,
        };
        tokio::spawn(turn.answer());
        return Ok(StartedTurn {
            user_message,
            events: rx,
        });
    };
    let run = TurnRun {
        ports: ports.clone(),
        account: input.account,
        agent: input.agent,
        session: input.session,
        llm,
        total_timeout: std::time::Duration::from_secs(settings.llm.total_timeout_secs),
        assistant,
        prompt_tokens: prompt.prompt_tokens,
        asked,
        retrieval,
        sources: Sources::default(),
        directory,
        no_answer,
        profile: Some(settings.profile.clone()).filter(|p| p.capture && !p.fields.is_empty()),
        max_tool_rounds: settings.tools.max_rounds,
        max_tool_results: settings.tools.max_results,
        price: settings.spend.fallback_price,
        earlier_usage: Usage::default(),
        call: None,
        gaps,
        marker: crate::gaps::MarkerFilter::default(),
        tx,
        tally,
        first_token: None,
    };
    tokio::spawn(run.answer(prompt.messages));
    Ok(StartedTurn {
        user_message,
        events: rx,
    })
}
