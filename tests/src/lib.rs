//! The shared test harness: spawning the real app on port 0 with fresh storage, and the
//! stand-ins for SaaS that has no local form.

pub mod app;
pub mod backends;
pub mod child;
pub mod conformance;
pub mod console;
pub mod crm_conformance;
pub mod dynamodb_local;
pub mod llm_standin;
pub mod mail;
pub mod pinecone_standin;
pub mod spend_conformance;
pub mod sse;
pub mod test_site;
pub mod turnstile_standin;
