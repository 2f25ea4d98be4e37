//! Concurrent streamed turns: a stream holds one lease per session and one per visitor
//! (`rate_limits.streams.per_session`, `.per_visitor` slots) in the store, so the limit
//! holds across Lambda instances, each of which serves one stream at a time. A lease is
//! given back when the stream ends ([`StreamLease::release`], or on drop when the visitor
//! disconnects) and expires on its own after `rate_limits.streams.lease_secs` when its
//! process died holding it.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::{LimitError, Scope};
use crate::config::RateLimitSettings;
use crate::domain::{AccountId, SessionId, VisitorId};
use crate::otp::OtpSecret;
use crate::ports::crm::RateLimitStore;

/// The leases of one open stream; given back on [`release`](Self::release) or drop.
pub struct StreamLease {
    store: Arc<dyn RateLimitStore>,
    account: AccountId,
    holder: String,
    held: Vec<(String, u32)>,
}

impl std::fmt::Debug for StreamLease {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamLease")
            .field("held", &self.held.len())
            .finish_non_exhaustive()
    }
}

impl StreamLease {
    fn new(store: Arc<dyn RateLimitStore>, account: &AccountId) -> Self {
        Self {
            store,
            account: account.clone(),
            holder: ulid::Ulid::generate().to_string(),
            held: Vec::new(),
        }
    }

    /// Gives the leases back now (the stream ended).
    pub async fn release(mut self) {
        let held = std::mem::take(&mut self.held);
        release_all(&*self.store, &self.account, &self.holder, held).await;
    }
}

async fn release_all(
    store: &dyn RateLimitStore,
    account: &AccountId,
    holder: &str,
    held: Vec<(String, u32)>,
) {
    if let Err(err) = store.release_leases(account, &held, holder).await {
        // The leases expire on their own; nothing else to do.
        tracing::warn!(error = %err, "releasing a stream lease failed");
    }
}

impl Drop for StreamLease {
    fn drop(&mut self) {
        if self.held.is_empty() {
            return;
        }
        // Dropped mid-stream (the visitor went away): give the leases back in the
        // background; without a runtime they expire on their own.
        let held = std::mem::take(&mut self.held);
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let (store, account, holder) = (
                Arc::clone(&self.store),
                self.account.clone(),
                self.holder.clone(),
            );
            runtime.spawn(async move { release_all(&*store, &account, &holder, held).await });
        }
    }
}

/// Takes the leases of one more open stream of `session` by `visitor`, or refuses with
/// `TooManyStreams` when either is at its limit.
pub async fn open_stream(
    store: Arc<dyn RateLimitStore>,
    key: &OtpSecret,
    settings: &RateLimitSettings,
    account: &AccountId,
    session: &SessionId,
    visitor: &VisitorId,
    now: DateTime<Utc>,
) -> Result<StreamLease, LimitError> {
    let mut lease = StreamLease::new(Arc::clone(&store), account);
    if !settings.enabled {
        return Ok(lease);
    }
    let expires_at = now + Duration::seconds(i64::from(settings.streams.lease_secs));
    let leases = [
        (
            Scope::Session,
            settings.streams.per_session,
            format!(
                "stream:session:{}",
                key.subject_hash("session", session.as_str())
            ),
        ),
        (
            Scope::Visitor,
            settings.streams.per_visitor,
            format!(
                "stream:visitor:{}",
                key.subject_hash("visitor", visitor.as_str())
            ),
        ),
    ];
    let leases: Vec<(Scope, String, u32)> = leases
        .into_iter()
        .filter(|(_, slots, _)| *slots > 0)
        .map(|(scope, slots, subject)| (scope, subject, slots))
        .collect();
    let wanted: Vec<(String, u32)> = leases
        .iter()
        .map(|(_, subject, slots)| (subject.clone(), *slots))
        .collect();
    // Every lease in one trip to the store, all or none.
    match store
        .acquire_leases(account, &wanted, &lease.holder, now, expires_at)
        .await?
    {
        Ok(slots) => {
            lease.held = wanted
                .into_iter()
                .zip(slots)
                .map(|((subject, _), slot)| (subject, slot))
                .collect();
        }
        Err(index) => {
            let scope = leases
                .get(index)
                .map_or(Scope::Session, |(scope, _, _)| *scope);
            tracing::info!(account = %account, scope = scope.as_str(), "too many streams");
            return Err(LimitError::TooManyStreams { scope });
        }
    }
    Ok(lease)
}
