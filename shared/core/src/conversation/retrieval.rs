//! Sources for a turn, and the extractive answer given without the model (none is
//! configured, or its budget is used up): the site's best passages and, when the account's
//! lists hold items that match the question, those items.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;

use super::turn::{AnswerMode, ExtractiveReason, TurnEvent};
use crate::config::{RagSettings, Settings};
use crate::directory::{Directory, EXTRACTIVE_ITEMS};
use crate::domain::{AccountId, Message, MessageStatus, SessionId};
use crate::error::ErrorCode;
use crate::knowledge::follow_up::Asked;
use crate::knowledge::retrieve::{Retriever, Sources};
use crate::ports::MessageStore;
use crate::ports::gaps::GapReason;
use crate::rollups::TurnTally;

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
        asked: &Asked,
    ) -> Sources {
        let started = Instant::now();
        match self
            .retriever
            .retrieve(account, asked, &self.settings)
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
    /// Where a question answered without a written answer is recorded.
    pub(super) gaps: crate::gaps::GapRecorder,
    pub(super) agent: crate::domain::AgentId,
    pub(super) account: AccountId,
    pub(super) session: SessionId,
    /// The visitor's question, in its conversation when it is a follow-up.
    pub(super) asked: Asked,
    pub(super) retrieval: Option<Retrieval>,
    /// The account's lists, when the agent has the directory tool on.
    pub(super) directory: Option<Arc<Directory>>,
    pub(super) reason: ExtractiveReason,
    /// What to answer when the site does not cover the question (abstention on).
    pub(super) no_answer: Option<String>,
    /// How to reach the business (`account.contact`), when the question asks just that: it
    /// answers, whatever the pages say.
    pub(super) reach: Option<String>,
    pub(super) assistant: Message,
    pub(super) tx: mpsc::Sender<TurnEvent>,
    /// The turn's figures for the console's rollups.
    pub(super) tally: TurnTally,
}

impl ExtractiveTurn {
    pub(super) async fn answer(self) {
        let Self {
            messages,
            gaps,
            agent,
            account,
            session,
            asked,
            retrieval,
            directory,
            reason,
            no_answer,
            reach,
            mut assistant,
            tx,
            tally,
        } = self;
        let sources = match &retrieval {
            Some(retrieval) => retrieval.sources(&account, &session, &asked).await,
            None => Sources::default(),
        };
        let listed = directory
            .as_deref()
            .and_then(|directory| directory.extractive_list(asked.question(), EXTRACTIVE_ITEMS));
        if listed.is_none()
            && sources.not_covered()
            && let Some(text) = no_answer
        {
            tracing::info!(
                account = %account,
                session = %session,
                best_score = sources.relevance.as_ref().map(|r| r.best_score),
                "the site does not cover the question; answering so"
            );
            assistant.content = text;
            let gap = gap_question(
                &account,
                &agent,
                &session,
                &asked.text(),
                GapReason::NoSource,
                &sources,
            );
            deliver(
                messages.as_ref(),
                assistant,
                &tx,
                AnswerMode::NoAnswer,
                None,
                &tally,
            )
            .await;
            gaps.spawn_record(gap);
            return;
        }
        let (lead, nothing_found) = reason.lead();
        assistant.content = match (&retrieval, listed) {
            (_, Some(listed)) => format!(
                "*{}*\n\n{listed}{}",
                reason.lead_with_list(!sources.pages.is_empty()),
                sources.quoted_passages(&asked.text())
            ),
            (Some(_), None) => match &reach {
                Some(reach) if sources.pages.is_empty() => reach.clone(),
                // The business's own line first, then the site's passages under their label.
                Some(reach) => format!(
                    "{reach}\n\n*{lead}*\n{}",
                    sources.quoted_passages(&asked.text())
                ),
                None => sources.extractive_answer(&asked.text(), lead, nothing_found),
            },
            (None, None) => "*This assistant has used its budget for written answers for now. \
                             Please try again later, or contact the business directly.*"
                .to_owned(),
        };
        assistant.citations = sources.all_citations();
        let gap = gap_question(
            &account,
            &agent,
            &session,
            &asked.text(),
            GapReason::Extractive,
            &sources,
        );
        deliver(
            messages.as_ref(),
            assistant,
            &tx,
            AnswerMode::Extractive,
            Some(reason),
            &tally,
        )
        .await;
        gaps.spawn_record(gap);
    }
}

/// The gap a turn's question makes (a follow-up after the question before it, so that the
/// console shows what it was about), with the query vector retrieval already computed.
pub(super) fn gap_question(
    account: &AccountId,
    agent: &crate::domain::AgentId,
    session: &SessionId,
    question: &str,
    reason: GapReason,
    sources: &Sources,
) -> crate::gaps::GapQuestion {
    crate::gaps::GapQuestion {
        account: account.clone(),
        agent: agent.clone(),
        session: session.clone(),
        question: question.to_owned(),
        reason,
        vector: sources.query_vector.clone(),
        at: crate::domain::now(),
    }
}

/// What a turn answers when the site does not cover the question: that plainly, then the
/// next step, the account's `contact` (its website without one) and, when the agent hands
/// over to people, a pointer to "Talk to a person".
pub(super) fn no_answer_text(settings: &Settings) -> String {
    let account = &settings.account;
    let name = account.display_name();
    let mut text =
        format!("*The website of {name} doesn't cover this, so I can't answer it reliably.*\n\n");
    match (
        account
            .contact
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty()),
        account
            .website
            .as_deref()
            .map(str::trim)
            .filter(|w| !w.is_empty()),
    ) {
        (Some(contact), _) => text.push_str(&format!("To ask {name} directly: {contact}")),
        (None, Some(website)) => {
            text.push_str(&format!("To ask {name} directly, see {website}"));
        }
        (None, None) => text.push_str(&format!("Please ask {name} directly")),
    }
    if !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    if settings.handoff.enabled {
        text.push_str(
            "\n\nOr choose **Talk to a person** and someone from the team will get back to you.",
        );
    }
    text
}

/// Whether the account's lists hold items matching the question: the directory tool could
/// answer it, so the turn does not abstain.
pub(super) fn lists_match(directory: Option<&Directory>, question: &str) -> bool {
    directory.is_some_and(|directory| directory.extractive_list(question, 1).is_some())
}

/// Stores an answer the model did not write (complete) and sends it: the text, its
/// citations and `Done` with how it was made; counted in the turn's `tally` (whose account
/// and session it is).
pub(super) async fn deliver(
    messages: &dyn MessageStore,
    mut assistant: Message,
    tx: &mpsc::Sender<TurnEvent>,
    mode: AnswerMode,
    reason: Option<ExtractiveReason>,
    tally: &TurnTally,
) {
    let (account, session) = (tally.account(), tally.session());
    assistant.status = MessageStatus::Complete;
    if let Err(error) = messages.update_message(account, session, &assistant).await {
        tracing::error!(account = %account, session = %session, error = ?error, "storing the answer failed");
        tally.failed(ErrorCode::Internal, None).await;
        let _ = tx
            .send(TurnEvent::Error {
                code: ErrorCode::Internal,
                message: "The answer could not be stored. Please try again.".to_owned(),
            })
            .await;
        return;
    }
    let first_token = tally.elapsed();
    let _ = tx.send(TurnEvent::Delta(assistant.content.clone())).await;
    let _ = tx
        .send(TurnEvent::Citations(assistant.citations.clone()))
        .await;
    tally
        .answered(mode, Some(first_token), !assistant.citations.is_empty())
        .await;
    let _ = tx
        .send(TurnEvent::Done {
            message: assistant,
            mode,
            reason,
        })
        .await;
}
