//! What this build and deployment run on, for the console's configuration page: the
//! version, the commit it was built from (`SALIENT_BUILD_COMMIT` at compile time, when
//! set), the backends the app settings name, and the cargo features compiled in.

use serde::Serialize;

use super::Settings;

/// The build and the backends in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuntimeInfo {
    /// The crate version (`CARGO_PKG_VERSION`).
    pub version: &'static str,
    /// The commit, when the build set `SALIENT_BUILD_COMMIT`.
    pub commit: Option<&'static str>,
    /// `storage.backend`: `embedded` or `dynamodb`.
    pub store: String,
    /// `knowledge.vector_store.backend`: `embedded` or `pinecone`.
    pub vectors: String,
    /// `email.transport`: `outbox` or `ses`.
    pub email: String,
    /// The cargo features of salient-core compiled in (`embedded`, `local-embeddings`).
    pub features: Vec<&'static str>,
}

/// The spelling a settings enum has in YAML.
fn spelled(value: &impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => "unknown".to_owned(),
    }
}

/// The build and the backends `app` names.
pub fn runtime_info(app: &Settings) -> RuntimeInfo {
    let mut features = Vec::new();
    if cfg!(feature = "embedded") {
        features.push("embedded");
    }
    if cfg!(feature = "local-embeddings") {
        features.push("local-embeddings");
    }
    RuntimeInfo {
        version: env!("CARGO_PKG_VERSION"),
        commit: option_env!("SALIENT_BUILD_COMMIT").filter(|c| !c.is_empty()),
        store: spelled(&app.storage.backend),
        vectors: spelled(&app.knowledge.vector_store.backend),
        email: spelled(&app.email.transport),
        features,
    }
}
