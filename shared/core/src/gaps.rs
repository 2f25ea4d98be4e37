//! Content gaps: each question the agent could not answer well is recorded in the group of
//! similar questions of its account and agent (`ports::gaps`), for the console.
//!
//! A question is embedded as retrieval embeds it (the turn's own query vector when
//! retrieval ran; otherwise the account's embedder) and joins the group, open or resolved,
//! whose centroid is nearest with a cosine of at least `knowledge.gaps.similarity`; a
//! resolved group that gets one opens again. Otherwise it starts a group; when the account
//! already has `knowledge.gaps.max_open_groups` open groups, the open group seen longest
//! ago is dropped first. Without any embedding a question joins only a group holding the
//! same words.
//!
//! Recording never fails a visitor's turn or rating: [`record`] logs and returns.
//!
//! The marker: the prompt asks the model to end an answer that says the site does not
//! cover the question with [`UNKNOWN_MARKER`]; [`MarkerFilter`] holds back any text that
//! may be the marker's start while the answer streams, so it never reaches the visitor or
//! the store, and says whether it was seen.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::config::GapSettings;
use crate::domain::{AccountId, AgentId, SessionId};
use crate::ports::gaps::{
    GapExample, GapFilter, GapGroup, GapReason, GapReasons, GapStatus, GapStore, MAX_GAP_EXAMPLES,
};
use crate::ports::knowledge::{EmbedKind, Embedder};
use crate::ports::{MAX_PAGE_SIZE, StoreError};

/// What the model appends to an answer saying the site does not cover the question.
pub const UNKNOWN_MARKER: &str = "[[not-covered]]";

/// The sentence the system prompt carries about the marker.
pub const MARKER_INSTRUCTION: &str = "When the sources (or the website) do not cover the \
     question and your answer says so, end that answer with the exact text [[not-covered]] \
     on its own; never write it otherwise.";

/// Longest question kept in an example, in characters.
const MAX_EXAMPLE_CHARS: usize = 500;

/// A question to record.
#[derive(Debug, Clone)]
pub struct GapQuestion {
    /// The account.
    pub account: AccountId,
    /// The agent asked.
    pub agent: AgentId,
    /// The session it was asked in.
    pub session: SessionId,
    /// The visitor's words (already masked).
    pub question: String,
    /// Why it is a gap.
    pub reason: GapReason,
    /// The question's embedding, when retrieval already computed it.
    pub vector: Option<Vec<f32>>,
    /// When it was asked (or rated).
    pub at: DateTime<Utc>,
}

/// Where gaps go: the store, the account's embedder (for questions retrieval did not
/// embed) and the agent's settings.
#[derive(Debug, Clone)]
pub struct GapRecorder {
    /// The groups.
    pub store: Arc<dyn GapStore>,
    /// Embeds a question that comes without its vector.
    pub embedder: Option<Arc<dyn Embedder>>,
    /// `knowledge.gaps` of the agent.
    pub settings: GapSettings,
}

impl GapRecorder {
    /// Records the question in its group; a failure is logged (the caller's request goes
    /// on as if nothing happened).
    pub async fn record(&self, question: GapQuestion) {
        if !self.settings.enabled {
            return;
        }
        let (account, reason) = (question.account.clone(), question.reason);
        match self.try_record(question).await {
            Ok(group) => tracing::info!(
                account = %account,
                gap_group = %group,
                reason = ?reason,
                "content gap recorded"
            ),
            Err(error) => tracing::warn!(
                account = %account,
                reason = ?reason,
                error = %format!("{:#}", error),
                "recording a content gap failed"
            ),
        }
    }

    /// [`GapRecorder::record`] in a task of its own, so the caller never waits for it.
    pub fn spawn_record(&self, question: GapQuestion) {
        if !self.settings.enabled {
            return;
        }
        let recorder = self.clone();
        tokio::spawn(async move { recorder.record(question).await });
    }

    /// Records the question; the id of the group it went to.
    pub async fn try_record(&self, question: GapQuestion) -> anyhow::Result<String> {
        let vector = match question.vector.clone() {
            Some(vector) => Some(vector),
            None => match &self.embedder {
                Some(embedder) => embedder
                    .embed(std::slice::from_ref(&question.question), EmbedKind::Query)
                    .await
                    .map_err(anyhow::Error::from)?
                    .pop(),
                None => None,
            },
        }
        .and_then(unit);
        let store = self.store.as_ref();
        let mut candidates = store
            .open_gap_groups(&question.account, &question.agent)
            .await?;
        // Recently active resolved groups too: a new matching question reopens one.
        let resolved = store
            .list_gap_groups(
                &question.account,
                &GapFilter {
                    status: GapStatus::Resolved,
                    agent: Some(question.agent.clone()),
                },
                None,
                MAX_PAGE_SIZE,
            )
            .await?;
        candidates.extend(resolved.items);
        let best = nearest(&candidates, vector.as_deref(), &question.question)
            .filter(|(_, similarity)| *similarity >= self.settings.similarity);
        let group = match best {
            Some((index, _)) => {
                let mut group = candidates.swap_remove(index);
                join(&mut group, &question, vector.as_deref());
                group
            }
            None => {
                let open = store.count_open_gap_groups(&question.account).await?;
                if open >= self.settings.max_open_groups
                    && let Some(stalest) = store.stalest_open_gap_group(&question.account).await?
                {
                    store
                        .delete_gap_group(&question.account, &stalest.id)
                        .await?;
                    tracing::info!(account = %question.account, gap_group = %stalest.id, "the account is at its bound of open gap groups; dropped the one seen longest ago");
                }
                new_group(&question, vector)
            }
        };
        store.put_gap_group(&question.account, &group).await?;
        Ok(group.id)
    }
}

/// Marks a group resolved (the owner dealt with it); the group as stored.
pub async fn resolve(
    store: &dyn GapStore,
    account: &AccountId,
    id: &str,
) -> Result<GapGroup, StoreError> {
    let mut group = store.get_gap_group(account, id).await?;
    if group.status != GapStatus::Resolved {
        group.status = GapStatus::Resolved;
        store.put_gap_group(account, &group).await?;
    }
    Ok(group)
}

/// The vector scaled to length 1; `None` for an empty or zero vector.
fn unit(mut vector: Vec<f32>) -> Option<Vec<f32>> {
    let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    if vector.is_empty() || norm <= f32::EPSILON || !norm.is_finite() {
        return None;
    }
    for x in &mut vector {
        *x /= norm;
    }
    Some(vector)
}

/// Cosine similarity of two vectors of the same length (0 otherwise).
fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let (na, nb) = (
        a.iter().map(|x| x * x).sum::<f32>().sqrt(),
        b.iter().map(|x| x * x).sum::<f32>().sqrt(),
    );
    if na <= f32::EPSILON || nb <= f32::EPSILON {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The words of a question as compared without embeddings.
fn normalised(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The index and similarity of the group nearest the question: by centroid when both have
/// an embedding, else 1.0 for a group with an example of the same words.
fn nearest(groups: &[GapGroup], vector: Option<&[f32]>, question: &str) -> Option<(usize, f32)> {
    let words = normalised(question);
    groups
        .iter()
        .enumerate()
        .map(|(index, group)| {
            let similarity = match vector {
                Some(vector) if !group.centroid.is_empty() => cosine(vector, &group.centroid),
                _ if group
                    .examples
                    .iter()
                    .any(|e| normalised(&e.question) == words) =>
                {
                    1.0
                }
                _ => 0.0,
            };
            (index, similarity)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

fn example(question: &GapQuestion) -> GapExample {
    GapExample {
        question: question.question.chars().take(MAX_EXAMPLE_CHARS).collect(),
        session: question.session.to_string(),
        at: question.at,
    }
}

/// Adds the question to the group: counts, newest examples, the running mean centroid;
/// a resolved group opens again.
fn join(group: &mut GapGroup, question: &GapQuestion, vector: Option<&[f32]>) {
    if let Some(vector) = vector
        && group.centroid.len() == vector.len()
    {
        let n = group.count.max(1) as f32;
        let mean: Vec<f32> = group
            .centroid
            .iter()
            .zip(vector)
            .map(|(c, v)| (c * n + v) / (n + 1.0))
            .collect();
        if let Some(mean) = unit(mean) {
            group.centroid = mean;
        }
    } else if group.centroid.is_empty()
        && let Some(vector) = vector
    {
        group.centroid = vector.to_vec();
    }
    group.count = group.count.saturating_add(1);
    group.reasons.add(question.reason);
    group.status = GapStatus::Open;
    group.first_seen = group.first_seen.min(question.at);
    group.last_seen = group.last_seen.max(question.at);
    group.examples.insert(0, example(question));
    group.examples.sort_by_key(|e| std::cmp::Reverse(e.at));
    group.examples.truncate(MAX_GAP_EXAMPLES);
}

fn new_group(question: &GapQuestion, vector: Option<Vec<f32>>) -> GapGroup {
    let mut reasons = GapReasons::default();
    reasons.add(question.reason);
    GapGroup {
        id: ulid::Ulid::generate().to_string(),
        agent: question.agent.clone(),
        status: GapStatus::Open,
        count: 1,
        reasons,
        first_seen: question.at,
        last_seen: question.at,
        examples: vec![example(question)],
        centroid: vector.unwrap_or_default(),
    }
}

/// Strips [`UNKNOWN_MARKER`] from a streamed answer: [`MarkerFilter::push`] returns the
/// text that is safe to send now, holding back a tail that may be the marker's start
/// (split across deltas); [`MarkerFilter::finish`] returns the rest.
#[derive(Debug, Default)]
pub struct MarkerFilter {
    held: String,
    seen: bool,
}

impl MarkerFilter {
    /// Takes the next delta; what can go to the visitor now (maybe empty).
    pub fn push(&mut self, delta: &str) -> String {
        self.held.push_str(delta);
        let mut out = String::new();
        while let Some(at) = self.held.find(UNKNOWN_MARKER) {
            self.seen = true;
            out.push_str(&self.held[..at]);
            self.held.drain(..at + UNKNOWN_MARKER.len());
        }
        // Hold back the longest tail that is a proper prefix of the marker.
        let keep = (1..UNKNOWN_MARKER.len())
            .rev()
            .find(|&n| {
                self.held.len() >= n
                    && self.held.is_char_boundary(self.held.len() - n)
                    && UNKNOWN_MARKER.starts_with(&self.held[self.held.len() - n..])
            })
            .unwrap_or(0);
        let cut = self.held.len() - keep;
        out.push_str(&self.held[..cut]);
        self.held.drain(..cut);
        out
    }

    /// The end of the answer: whatever was held back (it was not the marker).
    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.held)
    }

    /// Whether the marker was seen (and removed).
    pub fn seen(&self) -> bool {
        self.seen
    }
}

/// The answer without the marker (and the space before it), and whether it held one.
pub fn strip_marker(answer: &str) -> (String, bool) {
    if !answer.contains(UNKNOWN_MARKER) {
        return (answer.to_owned(), false);
    }
    (
        answer.replace(UNKNOWN_MARKER, "").trim_end().to_owned(),
        true,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filtered(deltas: &[&str]) -> (String, bool) {
        let mut filter = MarkerFilter::default();
        let mut out = String::new();
        for delta in deltas {
            out.push_str(&filter.push(delta));
        }
        out.push_str(&filter.finish());
        (out, filter.seen())
    }

    #[test]
    fn the_marker_split_across_deltas_never_comes_out() {
        let answer = "The site doesn't say. [[not-covered]]";
        for split in 1..answer.len() {
            let (a, b) = answer.split_at(split);
            let (out, seen) = filtered(&[a, b]);
            assert_eq!(out, "The site doesn't say. ", "split at {split}");
            assert!(seen);
        }
        let chars: Vec<String> = answer.chars().map(String::from).collect();
        let pieces: Vec<&str> = chars.iter().map(String::as_str).collect();
        assert_eq!(
            filtered(&pieces),
            ("The site doesn't say. ".to_owned(), true)
        );
    }

    #[test]
    fn text_that_only_starts_like_the_marker_is_kept() {
        assert_eq!(
            filtered(&["see [[", "1]] and [[not", " quite"]),
            ("see [[1]] and [[not quite".to_owned(), false)
        );
        assert_eq!(filtered(&["ends with [[not-cov"]).0, "ends with [[not-cov");
        assert_eq!(filtered(&["é[[", "é"]).0, "é[[é");
    }

    #[test]
    fn stripping_removes_the_marker_and_trailing_space() {
        assert_eq!(
            strip_marker("No idea. [[not-covered]]"),
            ("No idea.".to_owned(), true)
        );
        assert_eq!(strip_marker("Fine."), ("Fine.".to_owned(), false));
    }

    #[test]
    fn cosine_and_grouping_by_words() {
        assert!((cosine(&[1.0, 0.0], &[1.0, 0.0]) - 1.0).abs() < 1e-6);
        assert!(cosine(&[1.0, 0.0], &[0.0, 1.0]).abs() < 1e-6);
        assert_eq!(
            normalised("Do you service  Hexham?"),
            "do you service hexham"
        );
    }
}
