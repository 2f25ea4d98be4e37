//! Sources for a turn, and the extractive answer given without the model (none is
//! configured, or its budget is used up): the site's best passages and, when the account's
//! lists hold items that match the question, those items.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;

use super::turn::{AnswerMode, ExtractiveReason, TurnEvent};
use crate::config::RagSettings;
use crate::directory::{Directory, EXTRACTIVE_ITEMS};
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

impl ExtractiveReason {
    /// What the answer says before the quoted passages, and when nothing matches.
    fn lead(self) -> (&'static str, &'static str) {
        match self {
            Self::NoModel => (
                "No language model is configured for this assistant, so here are the passages \
                 from the website that best match your question (quoted, not a written answer):",
                "No language model is configured for this assistant, so it can only quote the \
                 website — and no page of the site matches your question. Try other words, or \
                 contact the business directly.",
            ),
            Self::Budget => (
                "This assistant has used its budget for written answers for now, so here are \
                 the passages from the website that best match your question (quoted, not a \
                 written answer):",
                "This assistant has used its budget for written answers for now, so it can \
                 only quote the website — and no page of the site matches your question. Try \
                 other words, or contact the business directly.",
            ),
        }
    }
}

impl ExtractiveReason {
    /// What the answer says before quoting items of the business's lists (and the site's
    /// passages, when `with_site`).
    fn lead_with_list(self, with_site: bool) -> String {
        let why = match self {
            Self::NoModel => "No language model is configured for this assistant",
            Self::Budget => "This assistant has used its budget for written answers for now",
        };
        let from = if with_site {
            "the business's lists and its website"
        } else {
            "the business's lists"
        };
        format!(
            "{why}, so here is what best matches your question in {from} (quoted, not a \
             written answer):"
        )
    }
}

/// A turn answered without the model, labelled with why (`reason`): the items of the
/// account's lists that match the question (none when nothing clears the bar), then the best
/// passages of the site; without a knowledge base and without matching items, only the
/// label.
pub(super) struct ExtractiveTurn {
    pub(super) messages: Arc<dyn MessageStore>,
    pub(super) account: AccountId,
    pub(super) session: SessionId,
    pub(super) question: String,
    pub(super) retrieval: Option<Retrieval>,
    /// The account's lists, when the agent has the directory tool on.
    pub(super) directory: Option<Arc<Directory>>,
    pub(super) reason: ExtractiveReason,
    pub(super) assistant: Message,
    pub(super) tx: mpsc::Sender<TurnEvent>,
}

impl ExtractiveTurn {
    pub(super) async fn answer(self) {
        let Self {
            messages,
            account,
            session,
            question,
            retrieval,
            directory,
            reason,
            mut assistant,
            tx,
        } = self;
        let sources = match &retrieval {
            Some(retrieval) => retrieval.sources(&account, &session, &question).await,
            None => Sources::default(),
        };
        let listed = directory
            .as_deref()
            .and_then(|directory| directory.extractive_list(&question, EXTRACTIVE_ITEMS));
        let (lead, nothing_found) = reason.lead();
        assistant.content = match (&retrieval, listed) {
            (_, Some(listed)) => format!(
                "*{}*\n\n{listed}{}",
                reason.lead_with_list(!sources.pages.is_empty()),
                sources.quoted_passages(&question)
            ),
            (Some(_), None) => sources.extractive_answer(&question, lead, nothing_found),
            (None, None) => "*This assistant has used its budget for written answers for now. \
                             Please try again later, or contact the business directly.*"
                .to_owned(),
        };
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
                reason: Some(reason),
            })
            .await;
    }
}
