//! The Lambda entry points, proven locally: each function's real binary runs under
//! cargo-lambda's runtime emulator and answers captured event payloads from `tests/data/`.
//!
//! Each test starts `cargo lambda watch --only-lambda-apis` on a free port (the emulator's
//! Runtime API without its hot-reloading builds), starts the function's binary with the
//! environment Lambda gives a custom runtime (`AWS_LAMBDA_RUNTIME_API` and friends), and
//! sends the event through the emulator's invoke endpoint,
//! `POST /2015-03-31/functions/<name>/invocations`, the same call `cargo lambda invoke`
//! makes. The binaries are built as Lambda builds them, without salient-core's `embedded`
//! and `local-embeddings` features, so storage is a fresh DynamoDB Local table
//! (`SALIENT_TEST_DYNAMODB_ENDPOINT`, as in every DynamoDB test) and knowledge goes to the
//! Pinecone stand-in; configuration is the repository's `config/` unless a test writes its
//! own. A scheduled run that fails answers with the runtime's error response, whose
//! `errorType` is `Retryable` or `NonRetryable`.
//!
//! cargo-lambda comes from `.tools/venv` (`scripts/install-deploy-tools.sh`); without it
//! these tests fail, naming that script. The first test builds the function binaries with
//! `cargo build` (a no-op when `scripts/test.sh` has built them already; minutes on a cold
//! cache otherwise).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use std::sync::atomic::Ordering;

use salient_core::PineconeIndex;
use salient_core::domain::{
    AccountId, AgentId, MessageStatus, Role, Session, SessionId, VisitorId,
};
use salient_core::ports::ingestion::IngestionStore as _;
use salient_core::ports::knowledge::VectorIndex as _;
use salient_core::ports::{HistoryQuery, MessageStore as _, Order, SessionStore as _};
use salient_tests::dynamodb_local::FreshTable;
use salient_tests::llm_standin::LlmStandin;
use salient_tests::pinecone_standin::{self, Metric, PineconeStandin};
use salient_tests::sse::{SseEvent, SseReader, joined_deltas};
use salient_tests::test_site::spawn_site;
use secrecy::SecretString;
use serde_json::Value;

const INSTALL_HINT: &str = "run scripts/install-deploy-tools.sh";

/// How long one invocation may take, the function's cold start included.
const INVOKE_TIMEOUT: Duration = Duration::from_secs(60);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives inside the workspace")
        .to_owned()
}

/// `cargo-lambda` from the deploy tools' venv (or `SALIENT_TOOLS_VENV`).
fn cargo_lambda() -> PathBuf {
    let venv = std::env::var_os("SALIENT_TOOLS_VENV")
        .map_or_else(|| workspace_root().join(".tools/venv"), PathBuf::from);
    let path = venv.join("bin/cargo-lambda");
    assert!(
        path.is_file(),
        "cargo-lambda is not installed at {}: {INSTALL_HINT}",
        path.display()
    );
    path
}

/// The directory holding this test's build of the function binaries (`target/debug` for a
/// plain `cargo test`), built once per test run.
fn function_binaries() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        // This test runs from <target>/<profile>/deps/; the binaries go to <target>/<profile>.
        let exe = std::env::current_exe().expect("test executable path");
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("test executable inside <target>/<profile>/deps")
            .to_owned();
        let target_dir = profile_dir.parent().expect("target directory").to_owned();
        let profile = match profile_dir.file_name().and_then(|n| n.to_str()) {
            Some("debug") => "dev".to_owned(),
            Some(other) => other.to_owned(),
            None => panic!("unexpected profile directory {}", profile_dir.display()),
        };
        let cargo = std::env::var_os("CARGO")
            .or_else(|| option_env!("CARGO").map(Into::into))
            .unwrap_or_else(|| "cargo".into());
        let mut build = Command::new(cargo);
        build
            .current_dir(workspace_root())
            .args(["build", "--bins", "--profile", &profile, "--target-dir"])
            .arg(&target_dir);
        for function in FUNCTIONS {
            build.args(["--package", function]);
        }
        let status = build
            .status()
            .expect("running cargo build for the functions");
        assert!(status.success(), "building the function binaries failed");
        profile_dir
    })
}

/// Every function crate's binary.
const FUNCTIONS: [&str; 6] = [
    "salient-chat",
    "salient-stream",
    "salient-ingest",
    "salient-email",
    "salient-otp",
    "salient-console",
];

/// A captured event payload from `tests/data/`.
fn event(name: &str) -> Vec<u8> {
    let path = workspace_root().join("tests/data").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    serde_json::from_slice::<Value>(&bytes)
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
    bytes
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("binding a free port")
        .port()
}

/// Kills and reaps a child process when dropped, so no emulator or function outlives its
/// test, even a failing one.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What a function starts with beyond Lambda's own environment: a configuration directory,
/// a fresh DynamoDB Local table for its storage, and any further `SALIENT__...` settings.
struct Setup {
    config_dir: PathBuf,
    table: FreshTable,
    env: Vec<(String, String)>,
}

impl Setup {
    /// The repository's `config/` over a fresh table.
    async fn new() -> Self {
        Self {
            config_dir: workspace_root().join("config"),
            table: FreshTable::create()
                .await
                .expect("a DynamoDB Local table (scripts/test.sh starts DynamoDB Local)"),
            env: Vec::new(),
        }
    }

    fn with_config_dir(mut self, dir: &Path) -> Self {
        self.config_dir = dir.to_owned();
        self
    }

    fn with_env(mut self, key: &str, value: impl Into<String>) -> Self {
        self.env.push((key.to_owned(), value.into()));
        self
    }

    /// Knowledge on the Pinecone stand-in: its Inference embeddings and its index.
    fn with_pinecone(self, pinecone: &PineconeStandin) -> Self {
        self.with_env("SALIENT__KNOWLEDGE__EMBEDDING__PROVIDER", "pinecone")
            .with_env("SALIENT__KNOWLEDGE__EMBEDDING__BASE_URL", pinecone.host())
            .with_env(
                "SALIENT__KNOWLEDGE__EMBEDDING__MODEL",
                "multilingual-e5-large",
            )
            .with_env(
                "SALIENT__KNOWLEDGE__EMBEDDING__DIMENSIONS",
                PINECONE_DIMENSION.to_string(),
            )
            .with_env(
                "SALIENT__KNOWLEDGE__EMBEDDING__API_KEY",
                pinecone_standin::API_KEY,
            )
            .with_env("SALIENT__KNOWLEDGE__VECTOR_STORE__BACKEND", "pinecone")
            .with_env(
                "SALIENT__KNOWLEDGE__VECTOR_STORE__INDEX_HOST",
                pinecone.host(),
            )
            .with_env(
                "SALIENT__KNOWLEDGE__VECTOR_STORE__API_KEY",
                pinecone_standin::API_KEY,
            )
    }
}

/// The emulator and one function's binary attached to it.
struct Emulated {
    function: &'static str,
    port: u16,
    setup: Setup,
    _dir: tempfile::TempDir,
    log: PathBuf,
    _function: Reaped,
    _emulator: Reaped,
}

impl Emulated {
    /// Starts `function` with the repository's configuration over a fresh table.
    async fn start(function: &'static str) -> Self {
        Self::start_with(function, Setup::new().await).await
    }

    /// Starts the emulator, waits for its port, then starts `function`'s binary.
    async fn start_with(function: &'static str, setup: Setup) -> Self {
        let cargo_lambda = cargo_lambda();
        let binary = function_binaries().join(function);
        let dir = tempfile::tempdir().expect("temporary directory");
        let port = free_port();

        let emulator_log =
            std::fs::File::create(dir.path().join("emulator.log")).expect("emulator log file");
        let emulator = Command::new(&cargo_lambda)
            .current_dir(workspace_root())
            .args(["lambda", "watch", "--only-lambda-apis", "--invoke-address"])
            .arg("127.0.0.1")
            .arg("--invoke-port")
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(emulator_log.try_clone().expect("log handle"))
            .stderr(emulator_log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "starting {} failed ({e}): {INSTALL_HINT}",
                    cargo_lambda.display()
                )
            });
        let emulator = Reaped(emulator);
        wait_for_port(port, &dir.path().join("emulator.log")).await;

        let log = dir.path().join("function.log");
        let function_log = std::fs::File::create(&log).expect("function log file");
        let child = lambda_command(&binary, function, port, &setup)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(function_log.try_clone().expect("log handle"))
            .stderr(function_log)
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));

        Self {
            function,
            port,
            setup,
            _dir: dir,
            log,
            _function: Reaped(child),
            _emulator: emulator,
        }
    }

    /// Sends `payload` as the function's event; returns the emulator's HTTP status, its
    /// headers and body. Buffered functions answer with their JSON result; a streaming
    /// function's response is the HTTP response it streamed.
    async fn invoke(&self, payload: Vec<u8>) -> reqwest::Response {
        let url = format!(
            "http://127.0.0.1:{}/2015-03-31/functions/{}/invocations",
            self.port, self.function
        );
        reqwest::Client::new()
            .post(url)
            .header("content-type", "application/json")
            .body(payload)
            .timeout(INVOKE_TIMEOUT)
            .send()
            .await
            .unwrap_or_else(|e| panic!("invoking {}: {e}\n{}", self.function, self.logs()))
    }

    /// The function's own output, for failure messages.
    fn logs(&self) -> String {
        let output = std::fs::read_to_string(&self.log).unwrap_or_default();
        format!("--- {} output ---\n{output}", self.function)
    }
}

/// `binary` with the environment Lambda gives a custom runtime (the Runtime API at the
/// emulator's `port`, the region, the execution role's credentials) and the storage and
/// settings of `setup`; nothing inherited but `PATH`.
fn lambda_command(binary: &Path, function: &str, port: u16, setup: &Setup) -> Command {
    let mut command = Command::new(binary);
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("AWS_LAMBDA_FUNCTION_NAME", function)
        .env("AWS_LAMBDA_FUNCTION_VERSION", "1")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .env(
            "AWS_LAMBDA_RUNTIME_API",
            format!("http://127.0.0.1:{port}/.rt/{function}"),
        )
        .env("AWS_REGION", "eu-west-1")
        .env("AWS_ACCESS_KEY_ID", "local")
        .env("AWS_SECRET_ACCESS_KEY", "local")
        .env("AWS_SESSION_TOKEN", "local")
        .env("SALIENT_CONFIG_DIR", &setup.config_dir)
        .env("SALIENT__STORAGE__BACKEND", "dynamodb")
        .env("SALIENT__STORAGE__TABLE", setup.table.table())
        .env("SALIENT__STORAGE__ENDPOINT_URL", setup.table.endpoint())
        .env("SALIENT__TELEMETRY__FORMAT", "json");
    for (key, value) in &setup.env {
        command.env(key, value);
    }
    command
}

async fn wait_for_port(port: u16, log: &Path) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let output = std::fs::read_to_string(log).unwrap_or_default();
    panic!("the cargo-lambda emulator never listened on port {port}:\n{output}\n({INSTALL_HINT})");
}

/// A buffered function's invocation result: the API Gateway v2 / Function URL response.
async fn buffered_result(lambda: &Emulated, payload: Vec<u8>) -> Value {
    let response = lambda.invoke(payload).await;
    let status = response.status();
    let body = response.text().await.expect("invocation body");
    assert_eq!(
        status,
        200,
        "the invocation itself failed: {body}\n{}",
        lambda.logs()
    );
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("result is not JSON ({e}): {body}"))
}

/// A failed invocation's error response (`errorType`, `errorMessage`), as the runtime sent
/// it for the function's error.
async fn invocation_error(lambda: &Emulated, payload: Vec<u8>) -> Value {
    let response = lambda.invoke(payload).await;
    let status = response.status();
    let body = response.text().await.expect("invocation body");
    let error: Value = serde_json::from_str(&body)
        .unwrap_or_else(|e| panic!("error response is not JSON ({e}, status {status}): {body}"));
    assert!(
        error["errorType"].is_string() && error["errorMessage"].is_string(),
        "the invocation did not fail (status {status}): {body}\n{}",
        lambda.logs()
    );
    error
}

/// A captured scheduler event with another `detail.task`.
fn scheduler_event(name: &str, task: &str) -> Vec<u8> {
    let mut payload: Value = serde_json::from_slice(&event(name)).expect("event JSON");
    payload["detail"]["task"] = Value::from(task);
    serde_json::to_vec(&payload).expect("event")
}

/// A DynamoDB endpoint nothing listens on.
fn unreachable_endpoint() -> String {
    format!("http://127.0.0.1:{}", free_port())
}

/// The JSON inside an HTTP result's `body` string.
fn http_body(result: &Value) -> Value {
    let body = result["body"]
        .as_str()
        .unwrap_or_else(|| panic!("no string body in {result}"));
    serde_json::from_str(body).unwrap_or_else(|e| panic!("body is not JSON ({e}): {body}"))
}

/// A response header as text, if present.
fn header(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

#[tokio::test]
async fn chat_answers_healthz_from_an_http_api_event() {
    let chat = Emulated::start("salient-chat").await;

    let result = buffered_result(&chat, event("apigw-v2-get-healthz.json")).await;

    assert_eq!(result["statusCode"], 200, "{result}");
    assert_eq!(result["headers"]["content-type"], "application/json");
    assert_eq!(http_body(&result), serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn chat_creates_a_session_from_an_http_api_post() {
    let chat = Emulated::start("salient-chat").await;

    let result = buffered_result(&chat, event("apigw-v2-post-session.json")).await;

    assert_eq!(result["statusCode"], 201, "{result}\n{}", chat.logs());
    let body = http_body(&result);
    let session = &body["session"];
    assert_eq!(session["account"], "northwind-heating");
    assert_eq!(session["agent"], "sales");
    assert_eq!(session["message_count"], 0);
    assert_eq!(session["id"].as_str().map(str::len), Some(22), "{body}");
    for field in ["created_at", "last_active_at", "summary_status"] {
        assert!(
            session[field].is_string(),
            "session.{field} missing: {body}"
        );
    }
    let visitor = body["visitor_id"].as_str().expect("visitor_id");
    let cookies = result["cookies"].as_array().expect("cookies array");
    assert!(
        cookies.iter().any(|c| c.as_str().is_some_and(|c| c
            .starts_with(&format!("salient_visitor={visitor};"))
            && c.contains("HttpOnly"))),
        "no visitor cookie in {cookies:?}"
    );
}

#[tokio::test]
async fn stream_answers_healthz_from_a_function_url_event_as_a_stream() {
    let stream = Emulated::start("salient-stream").await;

    let response = stream.invoke(event("function-url-get-healthz.json")).await;

    assert_eq!(response.status(), 200, "{}", stream.logs());
    // The emulator decodes the streamed response's prelude into the HTTP status and headers.
    assert_eq!(
        header(&response, "lambda-runtime-function-response-mode").as_deref(),
        Some("streaming"),
        "the stream function did not answer in streaming mode"
    );
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("application/json")
    );
    let body: Value = response.json().await.expect("JSON body");
    assert_eq!(body, serde_json::json!({"status": "ok"}));
}

#[tokio::test]
async fn stream_sends_a_turn_in_pieces_from_a_function_url_event() {
    let standin = LlmStandin::spawn().await.expect("LLM stand-in");
    let setup = Setup::new()
        .await
        .with_env("SALIENT__LLM__BASE_URL", standin.base_url())
        .with_env("SALIENT__LLM__API_KEY", "sk-or-v1-test-key");
    // The fixture's session, made as the chat function makes it, in the function's table.
    let mut payload: Value =
        serde_json::from_slice(&event("function-url-post-stream.json")).expect("event JSON");
    let path = payload["rawPath"].as_str().expect("rawPath").to_owned();
    let session_id = path.split('/').nth(5).expect("a session in the path");
    let visitor = payload["headers"]["x-salient-visitor"]
        .as_str()
        .expect("visitor header");
    let account = AccountId::parse("northwind-heating").expect("account id");
    let mut session = Session::new(
        account.clone(),
        AgentId::parse("sales").expect("agent id"),
        VisitorId::parse(visitor).expect("visitor id"),
        chrono::Utc::now(),
    );
    session.id = SessionId::parse(session_id).expect("session id");
    let store = setup.table.store();
    store
        .create_session(&session)
        .await
        .expect("session stored");
    // The stand-in holds the end of its answer until the test opens its gate.
    let body = r#"{"message":"Which heat pump is quietest? [[standin:gate]]"}"#;
    payload["body"] = Value::from(body);
    payload["headers"]["content-length"] = Value::from(body.len().to_string());
    let stream = Emulated::start_with("salient-stream", setup).await;

    let response = stream
        .invoke(serde_json::to_vec(&payload).expect("event"))
        .await;

    assert_eq!(response.status(), 200, "{}", stream.logs());
    assert_eq!(
        header(&response, "lambda-runtime-function-response-mode").as_deref(),
        Some("streaming")
    );
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("text/event-stream")
    );
    assert_eq!(
        header(&response, "cache-control").as_deref(),
        Some("no-store")
    );
    assert_eq!(
        header(&response, "x-accel-buffering").as_deref(),
        Some("no")
    );
    let mut reader = SseReader::new(response);
    let mut events = Vec::new();
    while !events.iter().any(|e: &SseEvent| e.name == "delta") {
        let event = reader
            .next()
            .await
            .expect("readable stream")
            .unwrap_or_else(|| panic!("stream ended before a delta\n{}", stream.logs()));
        events.push(event);
    }
    // The first words came through the runtime and the emulator while the model's answer
    // is still open: the response is streamed, not buffered.
    assert_eq!(standin.state.finished.load(Ordering::SeqCst), 0);
    assert_eq!(events[0].name, "meta", "{events:?}");
    standin.state.gate.notify_one();
    events.extend(reader.collect().await.expect("the rest of the stream"));
    assert_eq!(standin.state.finished.load(Ordering::SeqCst), 1);
    let names: Vec<&str> = events.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.last(), Some(&"done"), "{names:?}\n{}", stream.logs());
    assert!(names.contains(&"usage"), "{names:?}");
    let answer = joined_deltas(&events);
    assert!(!answer.is_empty());

    // The turn is stored: the visitor's message and the whole answer.
    let history = store
        .history(
            &account,
            &session.id,
            &HistoryQuery::first(Order::OldestFirst, 10),
        )
        .await
        .expect("history");
    let stored: Vec<(Role, MessageStatus)> =
        history.items.iter().map(|m| (m.role, m.status)).collect();
    assert_eq!(
        stored,
        [
            (Role::User, MessageStatus::Complete),
            (Role::Assistant, MessageStatus::Complete)
        ]
    );
    assert_eq!(history.items[1].content, answer);
}

#[tokio::test]
async fn ingest_email_and_otp_binaries_start_and_answer_healthz() {
    for function in ["salient-ingest", "salient-email", "salient-otp"] {
        let lambda = Emulated::start(function).await;

        let result = buffered_result(&lambda, event("apigw-v2-get-healthz.json")).await;

        assert_eq!(result["statusCode"], 200, "{function}: {result}");
        assert_eq!(
            http_body(&result),
            serde_json::json!({"status": "ok"}),
            "{function}"
        );
    }
}

#[tokio::test]
async fn console_answers_sign_in_and_refuses_an_unknown_session_from_http_api_events() {
    let console = Emulated::start("salient-console").await;

    // An address that is no operator's: the same 202 an operator's gets, and nothing sent.
    let result = buffered_result(&console, event("apigw-v2-post-console-sign-in.json")).await;
    assert_eq!(result["statusCode"], 202, "{result}\n{}", console.logs());
    assert_eq!(http_body(&result)["status"], "sent", "{result}");

    // A cookie of no session: 401 in the JSON error shape, with no CORS headers.
    let result = buffered_result(&console, event("apigw-v2-get-console-me.json")).await;
    assert_eq!(result["statusCode"], 401, "{result}\n{}", console.logs());
    assert_eq!(
        http_body(&result)["error"]["code"],
        "sign_in_required",
        "{result}"
    );
    let headers = result["headers"].as_object().expect("headers");
    assert!(
        !headers
            .keys()
            .any(|name| name.starts_with("access-control-")),
        "{result}"
    );
}

/// Dimension of the Pinecone stand-in's index and embeddings.
const PINECONE_DIMENSION: usize = 32;

/// A configuration directory for the scheduled ingestion: the repository's `app.yaml`, and
/// two accounts whose `sources:` point at the test site on `site`: `kettle-co` on the
/// daily schedule, `harbor-quiet` on `manual`, which a scheduled run must leave alone.
fn ingest_config(root: &Path, site: std::net::SocketAddr) -> PathBuf {
    let config = root.join("config");
    std::fs::create_dir_all(&config).expect("config directory");
    std::fs::copy(
        workspace_root().join("config/app.yaml"),
        config.join("app.yaml"),
    )
    .expect("copying app.yaml");
    for (account, name, schedule) in [
        ("kettle-co", "Kettle & Co Plumbing", "daily"),
        ("harbor-quiet", "Harbor Quiet", "manual"),
    ] {
        let agents = config.join("accounts").join(account).join("agents");
        std::fs::create_dir_all(&agents).expect("account directory");
        std::fs::write(
            config.join("accounts").join(account).join("account.yaml"),
            format!(
                "account:\n  name: {name}\nsources:\n  sitemaps:\n    - http://{site}/sitemap.xml\n  \
                 schedule: {schedule}\n  delay_ms: 0\n  allow_private_hosts:\n    - {site}\n"
            ),
        )
        .expect("account.yaml");
        std::fs::write(agents.join("help.yaml"), "agent:\n  name: Help\n").expect("agent yaml");
        std::fs::write(
            agents.join("help.md"),
            "You answer questions about the shop.\n",
        )
        .expect("agent prompt");
    }
    config
}

#[tokio::test]
async fn ingest_runs_the_daily_accounts_on_a_scheduler_event() {
    let (site, site_addr) = spawn_site().await;
    let pinecone = PineconeStandin::spawn(PINECONE_DIMENSION, Metric::Cosine)
        .await
        .expect("Pinecone stand-in");
    let root = tempfile::tempdir().expect("temporary directory");
    let setup = Setup::new()
        .await
        .with_config_dir(&ingest_config(root.path(), site_addr))
        .with_pinecone(&pinecone);
    let ingest = Emulated::start_with("salient-ingest", setup).await;

    let result = buffered_result(&ingest, event("scheduler-ingest.json")).await;

    assert!(
        result.get("errorType").is_none(),
        "the scheduled run failed: {result}\n{}",
        ingest.logs()
    );
    let accounts = result["accounts"].as_array().expect("accounts array");
    assert_eq!(accounts.len(), 1, "only the daily account runs: {result}");
    assert_eq!(accounts[0]["account"], "kettle-co");
    let run = &accounts[0]["run"];
    assert_eq!(run["trigger"], "schedule", "{run}");
    // index, about, faq, pricing and the old offer; the robots-disallowed page is skipped.
    assert_eq!(run["counts"]["added"], 5, "{run}");
    assert!(site.was_fetched("/pricing/"));
    assert!(!site.was_fetched("/private/secret/"));

    // The chunks reached the index, in the account's namespace only.
    let kettle = AccountId::parse("kettle-co").expect("valid");
    let quiet = AccountId::parse("harbor-quiet").expect("valid");
    let index = PineconeIndex::new(
        &pinecone.host(),
        SecretString::from(pinecone_standin::API_KEY),
        false,
        INVOKE_TIMEOUT,
    )
    .expect("index client");
    assert!(index.count(&kettle).await.expect("count") > 0);
    assert_eq!(index.count(&quiet).await.expect("count"), 0);
    assert!(
        pinecone.refused().is_empty(),
        "Pinecone refused: {:?}",
        pinecone.refused()
    );

    // The run and the page records are in the table, under the account.
    let records = ingest.setup.table.store();
    let runs = records.list_runs(&kettle, 10).await.expect("runs");
    assert_eq!(runs.len(), 1);
    assert_eq!(Some(runs[0].id.as_str()), run["id"].as_str());
    assert_eq!(records.list_pages(&kettle).await.expect("pages").len(), 5);
    assert!(
        records
            .list_runs(&quiet, 10)
            .await
            .expect("runs")
            .is_empty()
    );
}

#[tokio::test]
async fn ingest_reports_an_unknown_scheduled_task_as_non_retryable() {
    let ingest = Emulated::start("salient-ingest").await;

    let error =
        invocation_error(&ingest, scheduler_event("scheduler-ingest.json", "reindex")).await;

    assert_eq!(error["errorType"], "NonRetryable", "{error}");
    let message = error["errorMessage"].as_str().unwrap_or_default();
    assert!(message.contains("unknown task \"reindex\""), "{error}");
}

#[tokio::test]
async fn ingest_reports_unreachable_storage_as_retryable() {
    let (_site, site_addr) = spawn_site().await;
    let pinecone = PineconeStandin::spawn(PINECONE_DIMENSION, Metric::Cosine)
        .await
        .expect("Pinecone stand-in");
    let root = tempfile::tempdir().expect("temporary directory");
    let setup = Setup::new()
        .await
        .with_config_dir(&ingest_config(root.path(), site_addr))
        .with_pinecone(&pinecone)
        .with_env("SALIENT__STORAGE__ENDPOINT_URL", unreachable_endpoint());
    let ingest = Emulated::start_with("salient-ingest", setup).await;

    let error = invocation_error(&ingest, event("scheduler-ingest.json")).await;

    assert_eq!(
        error["errorType"],
        "Retryable",
        "{error}\n{}",
        ingest.logs()
    );
    let message = error["errorMessage"].as_str().unwrap_or_default();
    assert!(message.contains("kettle-co"), "{error}");
    assert!(message.contains("ingestion records"), "{error}");
}

#[tokio::test]
async fn email_reports_an_unknown_scheduled_task_as_non_retryable() {
    let email = Emulated::start("salient-email").await;

    let error = invocation_error(
        &email,
        scheduler_event("scheduler-inactivity-sweep.json", "weekly_digest"),
    )
    .await;

    assert_eq!(error["errorType"], "NonRetryable", "{error}");
    let message = error["errorMessage"].as_str().unwrap_or_default();
    assert!(message.contains("weekly_digest"), "{error}");
}

#[tokio::test]
async fn email_reports_unreachable_storage_as_retryable() {
    let setup = Setup::new()
        .await
        .with_env("SALIENT__STORAGE__ENDPOINT_URL", unreachable_endpoint());
    let email = Emulated::start_with("salient-email", setup).await;

    let error = invocation_error(&email, event("scheduler-inactivity-sweep.json")).await;

    assert_eq!(error["errorType"], "Retryable", "{error}\n{}", email.logs());
    let message = error["errorMessage"].as_str().unwrap_or_default();
    assert!(message.contains("the sweep failed"), "{error}");
}

#[tokio::test]
async fn a_function_configured_for_a_backend_it_was_built_without_stops_with_a_clear_error() {
    // Lambda builds leave the embedded store out; naming it is a start-up error, not a panic.
    let setup = Setup::new()
        .await
        .with_env("SALIENT__STORAGE__BACKEND", "embedded");
    let binary = function_binaries().join("salient-chat");
    // No emulator: the function must stop before it asks the Runtime API for an event.
    let output = lambda_command(&binary, "salient-chat", free_port(), &setup)
        .stdin(Stdio::null())
        .output()
        .expect("running the function");

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("storage.backend is `embedded`, but this build has no such backend"),
        "{stderr}"
    );
    assert!(
        stderr.contains("SALIENT__STORAGE__BACKEND=dynamodb"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn email_sweeps_on_a_scheduler_event() {
    let lambda = Emulated::start("salient-email").await;

    let result = buffered_result(&lambda, event("scheduler-inactivity-sweep.json")).await;

    assert!(
        result.get("errorType").is_none(),
        "salient-email rejected its scheduled event: {result}\n{}",
        lambda.logs()
    );
    // Every configured account was swept (an empty store: nothing to send).
    assert_eq!(
        result["sweep"]["accounts"],
        2,
        "{result}\n{}",
        lambda.logs()
    );
    assert_eq!(result["sweep"]["sent"], 0, "{result}");
}
