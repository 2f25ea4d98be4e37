//! Domain types: identifiers parsed at the boundary, the conversation model, and the light
//! CRM's records (profiles, one-time-code challenges, email events), and how long they are
//! kept (retention).

mod conversation;
mod email;
mod email_event;
mod email_hash;
mod feedback;
mod ids;
mod otp;
mod profile;
mod retention;

pub use conversation::{
    Citation, LlmOutcome, LlmRequest, MAX_TITLE_CHARS, Message, MessageStatus, Role, Session,
    SessionFlags, SummaryStatus, now, session_title,
};
pub use email::{EmailAddress, EmailError};
pub use email_event::{EmailEvent, EmailStatus, EmailTrigger};
pub use email_hash::EmailHash;
pub use feedback::{Feedback, FeedbackError, FeedbackReason, MAX_FEEDBACK_COMMENT_CHARS, Rating};
pub use ids::{
    AccountId, AgentId, IdError, LlmRequestId, MAX_SLUG_LEN, MessageId, SessionId, VisitorId,
};
pub use otp::{OtpChallenge, OtpKey, OtpPurpose};
pub use profile::{ProfileId, VisitorProfile};
pub use retention::{Retention, is_expired};
