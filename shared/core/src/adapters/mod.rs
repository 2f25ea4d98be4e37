//! Adapters: the storage ports implemented on real backends (`dynamodb` in AWS, `embedded`
//! SQLite locally, one module per port in each), the email transports (`ses`, `outbox`),
//! and Cloudflare Turnstile's siteverify (`turnstile`).

pub(crate) mod dynamodb;
#[cfg(feature = "embedded")]
pub(crate) mod embedded;
pub(crate) mod outbox;
mod sdk_error;
pub(crate) mod ses;
pub(crate) mod turnstile;

use crate::domain::SummaryStatus;
use crate::ports::Page;
use crate::ports::crm::EmailStatus;

/// A page from a query that asked for one item more than `limit`: the extra item only
/// tells that another page follows, whose cursor `cursor` makes from the page's last item.
pub(crate) fn page_of<T, C>(
    mut items: Vec<T>,
    limit: usize,
    cursor: impl FnOnce(&T) -> C,
) -> Page<T, C> {
    let more = items.len() > limit;
    items.truncate(limit);
    let next = if more { items.last().map(cursor) } else { None };
    Page { items, next }
}

/// The session's summary status once a send ends with `status`, on every backend.
pub(crate) fn summary_status_after(status: EmailStatus) -> SummaryStatus {
    match status {
        EmailStatus::Sent => SummaryStatus::Sent,
        EmailStatus::Failed => SummaryStatus::Failed,
        EmailStatus::Sending => SummaryStatus::Pending,
    }
}
