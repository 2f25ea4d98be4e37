//! Domain types: identifiers parsed at the boundary, the conversation model, and the light
//! CRM's records (profiles, one-time-code challenges, email events), and how long they are
//! kept (retention).

mod conversation;
mod email;
mod email_event;
mod email_hash;
mod ids;
mod otp;
mod profile;
mod retention;

pub use conversation::{
    Citation, LlmOutcome, LlmRequest, Message, MessageStatus, Role, Session, SummaryStatus, now,
};
pub use email::{EmailAddress, EmailError};
pub use email_event::{EmailEvent, EmailStatus, EmailTrigger};
pub use email_hash::EmailHash;
pub use ids::{
    AccountId, AgentId, IdError, LlmRequestId, MAX_SLUG_LEN, MessageId, SessionId, VisitorId,
};
pub use otp::{OtpChallenge, OtpKey, OtpPurpose};
pub use profile::{ProfileId, VisitorProfile};
pub use retention::{Retention, is_expired};
