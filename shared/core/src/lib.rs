//! Salient's core: the domain, the storage ports and their adapters, the configuration
//! cascade, the one mapping from errors to HTTP responses, and telemetry set-up.
//! Every Lambda function and the local server build on it.

pub mod adapters;
pub mod api;
pub mod app;
pub mod config;
pub mod conversation;
pub mod crm;
pub mod directory;
pub mod domain;
pub mod email;
pub mod error;
pub mod knowledge;
pub mod llm;
pub mod otp;
pub mod ports;
pub mod render;
pub mod telemetry;
