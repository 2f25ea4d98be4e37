//! The conversation path: assembling the prompt and running a turn.

pub mod context;
pub mod ownership;
pub mod record;
pub mod turn;
