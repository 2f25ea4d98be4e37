//! Email: the conversation summaries (`summary`), sent through the deployment's
//! `EmailTransport`.

pub mod summary;
