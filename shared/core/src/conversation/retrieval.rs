//! Sources for a turn, and the extractive answer of an agent with a knowledge base but no
//! model.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;

use super::turn::{AnswerMode, TurnEvent};
use crate::config::RagSettings;
use crate::domain::{AccountId, Message, MessageStatus, SessionId};
use crate::error::ErrorCode;
use crate::knowledge::retrieve::{Retriever, Sources};
use crate::ports::MessageStore;

/// The retriever and the agent's RAG settings, for agents with RAG on.
#[derive(Debug)]
pub(super) struct Retrieval {
    pub(super) retriever: Retriever,
    pub(super) settings: RagSettings,
}

impl Retrieval {
    /// The sources for a question; a failing knowledge base is logged and the turn goes on
    /// without sources (an answer without citations beats no answer).
    pub(super) async fn sources(
        &self,
        account: &AccountId,
        session: &SessionId,
        question: &str,
    ) -> Sources {
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
pub(super) async fn extractive_answer(
    messages: Arc<dyn MessageStore>,
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
    if let Err(error) = messages
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
    let _ = tx
        .send(TurnEvent::Done {
            message: assistant,
            mode: AnswerMode::Extractive,
        })
        .await;
}
