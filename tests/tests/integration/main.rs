//! The integration tests, one binary with a module per area (one link step for all of
//! them). Tests run on threads of one process, so none sets process environment variables:
//! a test that needs some re-runs itself in a child process (see `config_env`).
//!
//! `lambda_entry` runs the functions' real binaries, built with the Lambda feature set;
//! its first test builds them (`cargo build`, minutes on a cold cache) unless they are
//! already there, so `scripts/test.sh` builds them before the tests start.

mod admin_ingest;
mod chat;
mod config;
mod config_env;
mod console;
mod console_gaps;
mod console_health;
mod console_overview;
mod console_overview_errors;
mod crash;
mod crm_storage;
mod directory;
mod edge;
mod edge_security;
mod email;
mod embeddings;
mod ingestion;
mod ingestion_store;
mod lambda_entry;
mod limits;
mod llm_log;
mod otp;
mod privacy;
mod profile_capture;
mod rag;
mod retention;
mod spend;
mod spend_store;
mod storage;
mod sweep_index;
mod turnstile;
mod vector_index;
mod visitor_journey;
