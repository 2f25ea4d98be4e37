//! The conversation path: starting a session (behind the account's challenge, if any),
//! assembling the prompt and running a turn.

mod answer;
pub mod challenge;
pub(crate) mod context;
pub mod feedback;
pub mod ownership;
pub(crate) mod record;
mod retrieval;
pub mod sessions;
pub mod turn;
