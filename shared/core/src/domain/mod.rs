//! Domain types: identifiers parsed at the boundary and the conversation model.

mod conversation;
mod email;
mod ids;

pub use conversation::{
    Citation, LlmOutcome, LlmRequest, Message, MessageStatus, Role, Session, SummaryStatus, now,
};
pub use email::{EmailAddress, EmailError};
pub use ids::{
    AccountId, AgentId, IdError, LlmRequestId, MAX_SLUG_LEN, MessageId, SessionId, VisitorId,
};
