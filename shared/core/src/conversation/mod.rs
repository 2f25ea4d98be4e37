//! The conversation path: assembling the prompt and running a turn.

mod answer;
pub(crate) mod context;
pub mod ownership;
pub(crate) mod record;
mod retrieval;
pub mod sessions;
pub mod turn;
