//! `spawn_app`: the real local app (every function's routes, as `salient serve` mounts them)
//! on a free loopback port, over a fresh store, with the LLM stand-in as its provider.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use salient_core::app::AppState;
use salient_core::config::{Catalog, SecretParameter};
use salient_core::knowledge::retrieve::Retriever;
use serde_json::Value;

use crate::conformance::{EmbeddedFile, StoreFactory};
use crate::dynamodb_local::FreshTable;
use crate::llm_standin::LlmStandin;

/// Which storage backend an app runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite file in a temp directory.
    Embedded,
    /// A fresh table on DynamoDB Local.
    Dynamodb,
}

/// The repository's `config/` directory.
pub fn config_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../config")
}

/// A settings override applied on top of the repository's config (through the same layer
/// SSM parameters use), e.g. `("limits.max_message_chars", "40")`.
pub fn setting(key: &str, value: &str) -> SecretParameter {
    SecretParameter {
        account: None,
        key: key.to_owned(),
        parameter: format!("test override {key}"),
        value: value.to_owned(),
    }
}

/// Opens a store factory for a backend.
pub async fn store_factory(backend: Backend) -> anyhow::Result<Arc<dyn StoreFactory>> {
    Ok(match backend {
        Backend::Embedded => Arc::new(EmbeddedFile::new()?),
        Backend::Dynamodb => Arc::new(FreshTable::create().await?),
    })
}

/// A running app.
pub struct TestApp {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The state it runs with.
    pub state: AppState,
    /// The LLM stand-in it talks to (when started with one).
    pub standin: Option<Arc<LlmStandin>>,
    /// Storage that outlives a restart.
    pub stores: Arc<dyn StoreFactory>,
    overrides: Vec<SecretParameter>,
    retriever: Option<Retriever>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

/// How to start an app.
#[derive(Debug)]
pub struct AppOptions {
    /// Storage backend.
    pub backend: Backend,
    /// Start the LLM stand-in and give every agent a key for it.
    pub with_llm: bool,
    /// Extra settings.
    pub overrides: Vec<SecretParameter>,
    /// The knowledge base turns retrieve from (agents still need `knowledge.rag.enabled`).
    pub retriever: Option<Retriever>,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            backend: Backend::Embedded,
            with_llm: true,
            overrides: Vec::new(),
            retriever: None,
        }
    }
}

/// Starts the app with the stand-in on the embedded store.
pub async fn spawn_app() -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions::default()).await
}

/// Starts the app as `options` say.
pub async fn spawn_app_with(options: AppOptions) -> anyhow::Result<TestApp> {
    let stores = store_factory(options.backend).await?;
    let mut overrides = options.overrides;
    let standin = if options.with_llm {
        let standin = Arc::new(LlmStandin::spawn().await?);
        overrides.push(setting("llm.base_url", &standin.base_url()));
        overrides.push(setting("llm.api_key", "sk-or-v1-test-key"));
        Some(standin)
    } else {
        None
    };
    let mut app = TestApp {
        addr: "127.0.0.1:0".parse()?,
        state: build_state(&stores, &overrides, options.retriever.as_ref())?,
        standin,
        stores,
        overrides,
        retriever: options.retriever,
        shutdown: None,
        server: None,
    };
    app.start("127.0.0.1:0".parse()?).await?;
    Ok(app)
}

fn build_state(
    stores: &Arc<dyn StoreFactory>,
    overrides: &[SecretParameter],
    retriever: Option<&Retriever>,
) -> anyhow::Result<AppState> {
    let catalog =
        Catalog::load(&config_dir(), overrides).context("loading the repository's config")?;
    let state = AppState::new(Arc::new(catalog), stores.open()?)?
        .map_llm_clients(|c| c.with_retry_base(Duration::from_millis(5)));
    Ok(match retriever {
        Some(retriever) => state.with_retriever(retriever.clone()),
        None => state,
    })
}

impl std::fmt::Debug for TestApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestApp")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl TestApp {
    async fn start(&mut self, addr: SocketAddr) -> anyhow::Result<()> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        self.addr = listener.local_addr()?;
        let router =
            salient_cli::serve::local_app(self.state.clone(), &PathBuf::from("/nonexistent"));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        self.shutdown = Some(tx);
        self.server = Some(tokio::spawn(async move {
            let _ = axum::serve(
                listener.tap_io(salient_cli::serve::no_delay),
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
        }));
        Ok(())
    }

    /// Stops the server (graceful), drops every store handle, and starts a new server over
    /// the same data on the same port, as a process restart would.
    pub async fn restart(&mut self) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.context("the server task failed")?;
        }
        let addr = self.addr;
        self.state = build_state(&self.stores, &self.overrides, self.retriever.as_ref())?;
        self.start(addr).await
    }

    /// `http://127.0.0.1:<port>` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A client that keeps cookies, like a browser.
    pub fn browser(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap_or_default()
    }

    /// Creates a session as a new browser; returns the client (with the visitor cookie) and
    /// the session id.
    pub async fn new_session(
        &self,
        account: &str,
        agent: &str,
    ) -> anyhow::Result<(reqwest::Client, String)> {
        let client = self.browser();
        let response = client
            .post(self.url(&format!("/api/{account}/{agent}/sessions")))
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 201,
            "creating a session answered {}",
            response.status()
        );
        let body: Value = response.json().await?;
        let id = body["session"]["id"]
            .as_str()
            .context("no session id")?
            .to_owned();
        Ok((client, id))
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}
