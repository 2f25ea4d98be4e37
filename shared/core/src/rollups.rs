//! Recording the console's day rollups as events happen (`ports::rollups`). Every call here
//! is best effort: a failed rollup write is logged with the account id only and never fails
//! the visitor's turn, rating, verification or summary.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use crate::conversation::turn::AnswerMode;
use crate::domain::{AccountId, AgentId, MessageId, Rating, Session, SessionId, VisitorId, now};
use crate::error::ErrorCode;
use crate::ports::rollups::{
    RollupDelta, RollupStore, SessionMark, counter, day_of, error_counter, ttft_bucket,
    ttft_counter,
};

/// Adds `delta` to the rollups of `agent` and its account for the day holding `at`.
pub(crate) async fn record(
    store: &dyn RollupStore,
    account: &AccountId,
    agent: &AgentId,
    at: DateTime<Utc>,
    delta: RollupDelta,
) {
    if delta.is_empty() {
        return;
    }
    if let Err(error) = store
        .add_to_rollup(account, agent, day_of(at), &delta)
        .await
    {
        tracing::warn!(account = %account, error = ?error, "updating the day rollup failed");
    }
}

/// Marks a session for the console's filters.
pub(crate) async fn mark(
    store: &dyn RollupStore,
    account: &AccountId,
    session: &SessionId,
    mark: SessionMark,
) {
    if let Err(error) = store.mark_session(account, session, mark).await {
        tracing::warn!(account = %account, error = ?error, "marking the session failed");
    }
}

/// The counter of a rating.
fn rating_counter(rating: Rating) -> &'static str {
    match rating {
        Rating::Up => counter::HELPFUL,
        Rating::Down => counter::NOT_HELPFUL,
    }
}

/// Counts the visitor's rating of an answer of `session`: a first rating adds one to its
/// counter on the day it is given; a changed one moves the count from the old rating's
/// counter to the new one's on the day of the first rating (never counted twice); the
/// session's not-helpful count follows.
pub(crate) async fn record_rating(
    store: &dyn RollupStore,
    session: &Session,
    message: &MessageId,
    rating: Rating,
    at: DateTime<Utc>,
) {
    let account = &session.account;
    let old = match store
        .swap_rating_mark(account, &session.id, message, rating, day_of(at))
        .await
    {
        Ok(old) => old,
        Err(error) => {
            tracing::warn!(account = %account, error = ?error, "recording the rating's marker failed");
            return;
        }
    };
    let (previous, day) = old.map_or((None, day_of(at)), |o| (Some(o.rating), o.day));
    if previous == Some(rating) {
        return;
    }
    let mut delta = RollupDelta::new().add(rating_counter(rating), 1);
    if let Some(previous) = previous {
        delta = delta.add(rating_counter(previous), -1);
    }
    let not_helpful = i64::from(rating == Rating::Down) - i64::from(previous == Some(Rating::Down));
    let day_at = day.and_hms_opt(12, 0, 0).map_or(at, |d| d.and_utc());
    tokio::join!(
        record(store, account, &session.agent, day_at, delta),
        async {
            if not_helpful != 0 {
                mark(
                    store,
                    account,
                    &session.id,
                    SessionMark::NotHelpful(not_helpful),
                )
                .await;
            }
        }
    );
}

/// Counts a visitor's message: a turn, the conversation on its first turn, and the visitor
/// once a day.
pub(crate) async fn record_turn_start(
    store: &dyn RollupStore,
    session: &Session,
    visitor: &VisitorId,
    at: DateTime<Utc>,
) {
    let account = &session.account;
    let delta = RollupDelta::new().add(counter::TURNS, 1).add(
        counter::CONVERSATIONS,
        i64::from(session.message_count == 0),
    );
    let visitor_mark = async {
        if let Err(error) = store
            .mark_visitor(account, &session.agent, day_of(at), visitor)
            .await
        {
            tracing::warn!(account = %account, error = ?error, "recording the day's visitor failed");
        }
    };
    tokio::join!(
        record(store, account, &session.agent, at, delta),
        visitor_mark
    );
}

/// A turn's figures as it ends: how it was answered, how long the first words took, and
/// the session's flags.
#[derive(Clone)]
pub(crate) struct TurnTally {
    rollups: Arc<dyn RollupStore>,
    account: AccountId,
    agent: AgentId,
    session: SessionId,
    started: Instant,
}

impl std::fmt::Debug for TurnTally {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TurnTally")
            .field("account", &self.account)
            .field("agent", &self.agent)
            .finish_non_exhaustive()
    }
}

impl TurnTally {
    /// A tally of a turn that started at `started` (the visitor's message arriving).
    pub(crate) fn new(
        rollups: Arc<dyn RollupStore>,
        account: AccountId,
        agent: AgentId,
        session: SessionId,
        started: Instant,
    ) -> Self {
        Self {
            rollups,
            account,
            agent,
            session,
            started,
        }
    }

    /// The turn's account.
    pub(crate) fn account(&self) -> &AccountId {
        &self.account
    }

    /// The turn's session.
    pub(crate) fn session(&self) -> &SessionId {
        &self.session
    }

    /// How long since the turn started (its time to first token, when called as the first
    /// words go out).
    pub(crate) fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// Counts an answer made in `mode` whose first words went out after `first_token`;
    /// flags the session when it was quoted from the site or cites nothing.
    pub(crate) async fn answered(
        &self,
        mode: AnswerMode,
        first_token: Option<Duration>,
        cited: bool,
    ) {
        let mode_counter = match mode {
            AnswerMode::Model => counter::MODE_MODEL,
            AnswerMode::Extractive => counter::MODE_EXTRACTIVE,
            AnswerMode::NoAnswer => counter::MODE_NO_ANSWER,
        };
        let delta = with_ttft(RollupDelta::new().add(mode_counter, 1), first_token);
        let store = self.rollups.as_ref();
        tokio::join!(
            record(store, &self.account, &self.agent, now(), delta),
            async {
                if mode == AnswerMode::Extractive {
                    mark(store, &self.account, &self.session, SessionMark::Extractive).await;
                }
            },
            async {
                if !cited {
                    mark(store, &self.account, &self.session, SessionMark::NoSources).await;
                }
            }
        );
    }

    /// Counts a turn that ended with the error `code`.
    pub(crate) async fn failed(&self, code: ErrorCode, first_token: Option<Duration>) {
        let delta = with_ttft(
            RollupDelta::new().add(error_counter(code.as_str()), 1),
            first_token,
        );
        record(
            self.rollups.as_ref(),
            &self.account,
            &self.agent,
            now(),
            delta,
        )
        .await;
    }
}

fn with_ttft(delta: RollupDelta, first_token: Option<Duration>) -> RollupDelta {
    match first_token {
        Some(took) => {
            let ms = u64::try_from(took.as_millis()).unwrap_or(u64::MAX);
            delta.add(ttft_counter(ttft_bucket(ms)), 1)
        }
        None => delta,
    }
}
