//! Email: the conversation summaries (`summary`, written by the model in `summarise`, swept
//! for idle sessions by `sweep`), the handoff of a conversation to a person (`handoff`),
//! and the views that render every email the platform sends (`view`), sent through the
//! deployment's `EmailTransport`.

pub mod handoff;
mod send;
mod summarise;
pub mod summary;
pub mod sweep;
pub(crate) mod view;
