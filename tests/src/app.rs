//! `spawn_app`: the real local app (every function's routes, as `salient serve` mounts them)
//! on a free loopback port, over a fresh store, with the LLM stand-in as its provider; and
//! what a visitor's browser does with it: sessions, turns, one-time codes.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::serve::ListenerExt as _;
use salient_core::AppState;
use salient_core::Retriever;
use salient_core::config::{Catalog, SecretParameter};
use salient_core::domain::{AccountId, LlmRequest, SessionId};
use serde_json::{Value, json};

use crate::conformance::{EmbeddedFile, StoreFactory};
use crate::dynamodb_local::FreshTable;
use crate::llm_standin::LlmStandin;
use crate::mail::{ReceivedEmail, outbox_to};
use crate::sse::{SseEvent, SseReader};

/// The `server.origin_secret` of an app started [`AppOptions::behind_cloudfront`], which
/// its clients send as CloudFront would.
pub const ORIGIN_SECRET: &str = "test-origin-secret-of-cloudfront";

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

/// A copy of the repository's `config/` in a temporary directory, to change a file of.
pub fn copy_config() -> anyhow::Result<tempfile::TempDir> {
    fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
        std::fs::create_dir_all(to)?;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            let target = to.join(entry.file_name());
            if entry.file_type()?.is_dir() {
                copy(&entry.path(), &target)?;
            } else {
                std::fs::copy(entry.path(), &target)?;
            }
        }
        Ok(())
    }
    let dir = tempfile::tempdir()?;
    copy(&config_dir(), dir.path()).context("copying config/")?;
    Ok(dir)
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
    behind_cloudfront: bool,
    outbox: Option<tempfile::TempDir>,
    site_dir: Option<PathBuf>,
    config_dir: PathBuf,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
}

/// How to start an app.
#[derive(Debug)]
pub struct AppOptions {
    /// Storage backend.
    pub backend: Backend,
    /// Storage to use instead of a fresh store of `backend` (e.g. a file another process
    /// wrote).
    pub stores: Option<Arc<dyn StoreFactory>>,
    /// Start the LLM stand-in and give every agent a key for it.
    pub with_llm: bool,
    /// Extra settings.
    pub overrides: Vec<SecretParameter>,
    /// The knowledge base turns retrieve from (agents still need `knowledge.rag.enabled`).
    pub retriever: Option<Retriever>,
    /// Send email to a file outbox in a temporary directory ([`TestApp::outbox`]) and give
    /// one-time codes a secret, so a test can read what was sent and verify addresses.
    pub outbox: bool,
    /// Serve this directory as the static site at `/`, as `salient serve` serves the built
    /// site (the API alone when `None`).
    pub site_dir: Option<PathBuf>,
    /// The configuration directory to load instead of the repository's `config/` (e.g. a
    /// copy with one file changed, [`copy_config`]).
    pub config_dir: Option<PathBuf>,
    /// Run as the functions do behind CloudFront: `server.origin_secret` is
    /// [`ORIGIN_SECRET`], and [`TestApp::browser`] and [`TestApp::client`] send it (and so
    /// may name their address in `cloudfront-viewer-address`).
    pub behind_cloudfront: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            backend: Backend::Embedded,
            stores: None,
            with_llm: true,
            overrides: Vec::new(),
            retriever: None,
            outbox: false,
            site_dir: None,
            config_dir: None,
            behind_cloudfront: false,
        }
    }
}

/// Starts the app with the stand-in on the embedded store.
pub async fn spawn_app() -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions::default()).await
}

/// Starts the app on `backend` with a local outbox (the emails it sends can be read) and
/// the settings `extra` (key, value) on top of the configuration.
pub async fn spawn_app_with_outbox(
    backend: Backend,
    extra: &[(&str, &str)],
) -> anyhow::Result<TestApp> {
    spawn_app_with(AppOptions {
        backend,
        outbox: true,
        overrides: extra.iter().map(|(k, v)| setting(k, v)).collect(),
        ..AppOptions::default()
    })
    .await
}

/// Starts the app as `options` say.
pub async fn spawn_app_with(options: AppOptions) -> anyhow::Result<TestApp> {
    let stores = match options.stores {
        Some(stores) => stores,
        None => store_factory(options.backend).await?,
    };
    let outbox = options.outbox.then(tempfile::tempdir).transpose()?;
    let mut overrides = Vec::new();
    if let Some(outbox) = &outbox {
        overrides.push(setting(
            "email.outbox_dir",
            &outbox.path().display().to_string(),
        ));
        overrides.push(setting("otp.secret", "test-otp-secret-of-some-length"));
    }
    if options.behind_cloudfront {
        overrides.push(setting("server.origin_secret", ORIGIN_SECRET));
    }
    overrides.extend(options.overrides);
    let standin = if options.with_llm {
        let standin = Arc::new(LlmStandin::spawn().await?);
        overrides.push(setting("llm.base_url", &standin.base_url()));
        overrides.push(setting("llm.api_key", "sk-or-v1-test-key"));
        Some(standin)
    } else {
        None
    };
    let config_dir = options.config_dir.unwrap_or_else(config_dir);
    let mut app = TestApp {
        addr: "127.0.0.1:0".parse()?,
        state: build_state(&config_dir, &stores, &overrides, options.retriever.as_ref())?,
        standin,
        stores,
        overrides,
        retriever: options.retriever,
        behind_cloudfront: options.behind_cloudfront,
        outbox,
        site_dir: options.site_dir,
        config_dir,
        shutdown: None,
        server: None,
    };
    app.start("127.0.0.1:0".parse()?).await?;
    Ok(app)
}

fn build_state(
    config_dir: &Path,
    stores: &Arc<dyn StoreFactory>,
    overrides: &[SecretParameter],
    retriever: Option<&Retriever>,
) -> anyhow::Result<AppState> {
    let catalog = Catalog::load(config_dir, overrides)
        .with_context(|| format!("loading the config at {}", config_dir.display()))?;
    // The store stamps what it writes with each account's retention, as `build` opens it.
    let store = stores.open_with_retention(catalog.retention())?;
    let state = AppState::new(Arc::new(catalog), store)?
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
        let site_dir = self
            .site_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("/nonexistent"));
        let router = salient_cli::serve::local_app(self.state.clone(), &site_dir);
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
        self.state = build_state(
            &self.config_dir,
            &self.stores,
            &self.overrides,
            self.retriever.as_ref(),
        )?;
        self.start(addr).await
    }

    /// Serves `change(state)` from now on, on the same port and over the same stores (a
    /// test giving the state a part only it builds, such as an ingest trigger).
    pub async fn map_state(
        &mut self,
        change: impl FnOnce(AppState) -> AppState,
    ) -> anyhow::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.context("the server task failed")?;
        }
        let addr = self.addr;
        self.state = change(self.state.clone());
        self.start(addr).await
    }

    /// `http://127.0.0.1:<port>` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A client that keeps cookies, like a browser.
    pub fn browser(&self) -> reqwest::Client {
        self.client_builder()
            .cookie_store(true)
            .build()
            .unwrap_or_default()
    }

    /// A client without cookies (an API client, or a browser's first request).
    pub fn client(&self) -> reqwest::Client {
        self.client_builder().build().unwrap_or_default()
    }

    /// Behind CloudFront, every request carries the origin secret.
    fn client_builder(&self) -> reqwest::ClientBuilder {
        let mut headers = reqwest::header::HeaderMap::new();
        if self.behind_cloudfront {
            headers.insert(
                salient_core::api::ORIGIN_SECRET_HEADER,
                reqwest::header::HeaderValue::from_static(ORIGIN_SECRET),
            );
        }
        reqwest::Client::builder().default_headers(headers)
    }

    /// The directory email goes to, for an app started with [`AppOptions::outbox`].
    ///
    /// # Panics
    /// When the app was started without an outbox (a mistake in the test).
    pub fn outbox(&self) -> &Path {
        self.outbox
            .as_ref()
            .expect("the app was started without AppOptions::outbox")
            .path()
    }
}

/// A visitor's session: the browser that made it (it keeps the visitor cookie) and where it
/// lives. Displays as its id.
#[derive(Debug, Clone)]
pub struct TestSession {
    /// The browser that created the session.
    pub client: reqwest::Client,
    /// The session id.
    pub id: String,
    /// The account it belongs to.
    pub account: String,
    /// The agent it talks to.
    pub agent: String,
}

impl TestSession {
    /// `/api/<account>/<agent>/sessions/<id>` followed by `tail` (e.g. `/turns`, or empty).
    pub fn path(&self, tail: &str) -> String {
        format!(
            "/api/{}/{}/sessions/{}{tail}",
            self.account, self.agent, self.id
        )
    }

    /// `/api/<account>/<agent>/otp/<action>`.
    fn otp_path(&self, action: &str) -> String {
        format!("/api/{}/{}/otp/{action}", self.account, self.agent)
    }
}

impl std::fmt::Display for TestSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id)
    }
}

/// The status and JSON body of a response (`null` when the body is not JSON).
async fn status_and_json(response: reqwest::Response) -> anyhow::Result<(u16, Value)> {
    let status = response.status().as_u16();
    Ok((status, response.json().await.unwrap_or(Value::Null)))
}

impl TestApp {
    /// Creates a session as a new browser.
    pub async fn new_session(&self, account: &str, agent: &str) -> anyhow::Result<TestSession> {
        self.new_session_in(self.browser(), account, agent).await
    }

    /// Creates a session in the browser `client` (its visitor cookie, if it has one, makes
    /// it the same visitor).
    pub async fn new_session_in(
        &self,
        client: reqwest::Client,
        account: &str,
        agent: &str,
    ) -> anyhow::Result<TestSession> {
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
        Ok(TestSession {
            client,
            id,
            account: account.to_owned(),
            agent: agent.to_owned(),
        })
    }

    /// The URL of `session`'s route `tail` (see [`TestSession::path`]).
    pub fn session_url(&self, session: &TestSession, tail: &str) -> String {
        self.url(&session.path(tail))
    }

    /// A buffered turn (`POST .../turns`) that must answer 200; its JSON body.
    pub async fn turn(&self, session: &TestSession, message: &str) -> anyhow::Result<Value> {
        let response = session
            .client
            .post(self.session_url(session, "/turns"))
            .json(&json!({ "message": message }))
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "turn answered {}: {}",
            response.status(),
            response.text().await?
        );
        Ok(response.json().await?)
    }

    /// A buffered turn in a new session of `account`'s `agent`: the answer and the session.
    pub async fn turn_in_new_session(
        &self,
        account: &str,
        agent: &str,
        message: &str,
    ) -> anyhow::Result<(Value, TestSession)> {
        let session = self.new_session(account, agent).await?;
        Ok((self.turn(&session, message).await?, session))
    }

    /// A streamed turn (`POST .../stream`) that must answer 200, open for reading.
    pub async fn stream(&self, session: &TestSession, message: &str) -> anyhow::Result<SseReader> {
        let response = session
            .client
            .post(self.session_url(session, "/stream"))
            .json(&json!({ "message": message }))
            .send()
            .await?;
        anyhow::ensure!(
            response.status() == 200,
            "stream answered {}: {}",
            response.status(),
            response.text().await?
        );
        Ok(SseReader::new(response))
    }

    /// A streamed turn read to its end: every event.
    pub async fn streamed_turn(
        &self,
        session: &TestSession,
        message: &str,
    ) -> anyhow::Result<Vec<SseEvent>> {
        self.stream(session, message).await?.collect().await
    }

    /// The session's messages, oldest first, as its browser reads them.
    pub async fn history(&self, session: &TestSession) -> anyhow::Result<Vec<Value>> {
        let body: Value = session
            .client
            .get(self.session_url(session, "/messages"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(body["messages"].as_array().cloned().unwrap_or_default())
    }

    /// The LLM calls stored for the session, oldest first.
    pub async fn llm_requests(&self, session: &TestSession) -> anyhow::Result<Vec<LlmRequest>> {
        Ok(self
            .state
            .store
            .llm_requests(
                &AccountId::parse(&session.account)?,
                &SessionId::parse(&session.id)?,
            )
            .await?)
    }

    /// The session's profile card (`GET .../profile`), which must answer 200.
    pub async fn profile_card(&self, session: &TestSession) -> anyhow::Result<Value> {
        Ok(session
            .client
            .get(self.session_url(session, "/profile"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?)
    }

    /// Asks for a one-time code for `email` and `purpose` (`verify`, `export`, `delete`)
    /// from `session`'s browser; the raw answer.
    pub async fn request_code(
        &self,
        session: &TestSession,
        email: &str,
        purpose: &str,
    ) -> anyhow::Result<reqwest::Response> {
        Ok(session
            .client
            .post(self.url(&session.otp_path("request")))
            .json(&json!({"email": email, "purpose": purpose}))
            .send()
            .await?)
    }

    /// Asks for a code, which must be accepted (202), and reads it from the newest email
    /// to `email` in the outbox, as the visitor reads their inbox.
    pub async fn emailed_code(
        &self,
        session: &TestSession,
        email: &str,
        purpose: &str,
    ) -> anyhow::Result<String> {
        let response = self.request_code(session, email, purpose).await?;
        anyhow::ensure!(
            response.status() == 202,
            "requesting a code answered {}: {}",
            response.status(),
            response.text().await?
        );
        outbox_to(self.outbox(), email)?
            .last()
            .and_then(ReceivedEmail::otp_code)
            .with_context(|| format!("no code was emailed to {email}"))
    }

    /// Posts `body` to the OTP route `action` (`verify`, `export`, `delete`) from
    /// `session`'s browser; the status and JSON body.
    pub async fn otp(
        &self,
        session: &TestSession,
        action: &str,
        body: Value,
    ) -> anyhow::Result<(u16, Value)> {
        let response = session
            .client
            .post(self.url(&session.otp_path(action)))
            .json(&body)
            .send()
            .await?;
        status_and_json(response).await
    }

    /// Verifies `email` with `code` for `session`; the status and JSON body.
    pub async fn verify(
        &self,
        session: &TestSession,
        email: &str,
        code: &str,
    ) -> anyhow::Result<(u16, Value)> {
        self.otp(
            session,
            "verify",
            json!({"email": email, "code": code, "session": session.id}),
        )
        .await
    }

    /// Asks for a code for `action` (`export`, `delete`), reads it from the outbox and posts
    /// it with `email` to the action's route; the status and JSON body.
    pub async fn with_emailed_code(
        &self,
        session: &TestSession,
        email: &str,
        action: &str,
    ) -> anyhow::Result<(u16, Value)> {
        let code = self.emailed_code(session, email, action).await?;
        self.otp(session, action, json!({"email": email, "code": code}))
            .await
    }

    /// The whole round trip: asks for a code, reads it from the outbox and verifies `email`
    /// for `session`, which must succeed; the verify answer's body.
    pub async fn verify_email(&self, session: &TestSession, email: &str) -> anyhow::Result<Value> {
        let code = self.emailed_code(session, email, "verify").await?;
        let (status, body) = self.verify(session, email, &code).await?;
        anyhow::ensure!(status == 200, "verifying {email} answered {status}: {body}");
        Ok(body)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}
