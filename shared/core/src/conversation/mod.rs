//! The conversation path: assembling the prompt and running a turn.

mod answer;
pub mod context;
pub mod ownership;
pub mod record;
mod retrieval;
pub mod sessions;
pub mod turn;
