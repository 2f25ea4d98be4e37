//! A stand-in for OpenRouter's chat-completions API, speaking its published wire format:
//! SSE `data:` chunks with `chat.completion.chunk` objects, `: OPENROUTER PROCESSING`
//! comment lines, a finish chunk, a last chunk with `usage` (including `cost`) and empty
//! `choices`, then `data: [DONE]`; errors before the stream as `{"error":{"code":<status>,
//! "message"}}` with that HTTP status, and errors mid-stream as a chunk with an `error`
//! object and `finish_reason: "error"` inside a 200 stream.
//!
//! Test scaffolding only: the product always talks to the real API when configured.
//! A directive in the last user message picks the behaviour: `[[standin:<scenario>]]`.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::serve::ListenerExt as _;
use futures::stream::{self, StreamExt as _};
use serde_json::{Value, json};
use tokio::sync::Notify;

/// Cost the stand-in reports per completion token, in US dollars.
pub const COST_PER_TOKEN: f64 = 0.000_001;

/// What the stand-in saw and how it is steered.
#[derive(Debug, Default)]
pub struct StandinState {
    /// Every request body received, in order.
    pub requests: Mutex<Vec<Value>>,
    /// Every request's headers.
    pub headers: Mutex<Vec<HeaderMap>>,
    /// Attempts per scenario, for "fail once then succeed".
    attempts: Mutex<HashMap<String, usize>>,
    /// Released by a test to let a `gate` answer finish.
    pub gate: Notify,
    /// Answers whose last byte was written.
    pub finished: AtomicUsize,
    /// Delay between chunks for every answer (milliseconds).
    pub token_delay_ms: AtomicUsize,
    /// When each content chunk was handed to the HTTP layer (relay-latency benchmark).
    pub chunk_written: Mutex<Vec<Instant>>,
    /// Request arrival to `[DONE]` handed over, per answer (overhead benchmark).
    pub service_times: Mutex<Vec<Duration>>,
    /// Keep none of the above records: the process form (`llm-standin`), which nobody can
    /// ask for them, would otherwise grow by every request of a load benchmark.
    pub forget: AtomicBool,
}

/// A running stand-in.
#[derive(Debug)]
pub struct LlmStandin {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Shared state.
    pub state: Arc<StandinState>,
    task: tokio::task::JoinHandle<()>,
}

impl LlmStandin {
    /// Starts a stand-in on a free loopback port.
    pub async fn spawn() -> anyhow::Result<Self> {
        Self::spawn_on("127.0.0.1:0".parse()?).await
    }

    /// Starts a stand-in on `addr`.
    pub async fn spawn_on(addr: SocketAddr) -> anyhow::Result<Self> {
        let state = Arc::new(StandinState::default());
        let app = Router::new()
            .route("/api/v1/chat/completions", post(chat_completions))
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            let _ = axum::serve(
                listener.tap_io(|tcp| {
                    let _ = tcp.set_nodelay(true);
                }),
                app,
            )
            .await;
        });
        Ok(Self { addr, state, task })
    }

    /// The base URL to configure as `llm.base_url`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    /// How many requests arrived.
    pub fn request_count(&self) -> usize {
        self.state.requests.lock().map(|r| r.len()).unwrap_or(0)
    }

    /// Every request body, in arrival order.
    pub fn requests(&self) -> Vec<Value> {
        self.state
            .requests
            .lock()
            .map(|r| r.clone())
            .unwrap_or_default()
    }

    /// The last request body.
    pub fn last_request(&self) -> Option<Value> {
        self.state
            .requests
            .lock()
            .ok()
            .and_then(|r| r.last().cloned())
    }
}

impl Drop for LlmStandin {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn error_response(status: StatusCode, message: &str) -> Response {
    let body = json!({"error": {"code": status.as_u16(), "message": message}});
    (
        status,
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// The request shape OpenAI-compatible providers require; anything else is a 400, as
/// OpenRouter answers it.
fn check_request(headers: &HeaderMap, body: &Value) -> Result<(), Box<Response>> {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !auth.starts_with("Bearer ") || auth.len() <= "Bearer ".len() {
        return Err(Box::new(error_response(
            StatusCode::UNAUTHORIZED,
            "No auth credentials found",
        )));
    }
    let model_ok = body
        .get("model")
        .and_then(Value::as_str)
        .is_some_and(|m| !m.is_empty());
    let stream_ok = body.get("stream") == Some(&Value::Bool(true));
    let messages = body.get("messages").and_then(Value::as_array);
    let messages_ok = messages.is_some_and(|m| {
        !m.is_empty()
            && m.iter().all(|msg| {
                let content_is_text = msg.get("content").is_some_and(Value::is_string);
                match msg.get("role").and_then(Value::as_str) {
                    Some("system" | "user") => content_is_text,
                    // An assistant turn that called tools may have null content.
                    Some("assistant") => {
                        content_is_text
                            || msg.get("tool_calls").is_some_and(|calls| {
                                calls.as_array().is_some_and(|calls| {
                                    !calls.is_empty()
                                        && calls.iter().all(|c| {
                                            c["id"].is_string()
                                                && c["type"] == "function"
                                                && c["function"]["name"].is_string()
                                                && c["function"]["arguments"].is_string()
                                        })
                                })
                            })
                    }
                    // A tool result answers a call by id.
                    Some("tool") => content_is_text && msg["tool_call_id"].is_string(),
                    _ => false,
                }
            })
    });
    // Tools, when sent, follow the function-tool shape.
    let tools_ok = body.get("tools").is_none_or(|tools| {
        tools.as_array().is_some_and(|tools| {
            tools.iter().all(|t| {
                t["type"] == "function"
                    && t["function"]["name"].is_string()
                    && t["function"]["parameters"].is_object()
            })
        })
    });
    if !(model_ok && stream_ok && messages_ok && tools_ok) {
        return Err(Box::new(error_response(
            StatusCode::BAD_REQUEST,
            "Invalid request: model, messages and stream are required",
        )));
    }
    Ok(())
}

fn last_user_text(body: &Value) -> String {
    body.get("messages")
        .and_then(Value::as_array)
        .and_then(|m| {
            m.iter()
                .rev()
                .find(|msg| msg.get("role").and_then(Value::as_str) == Some("user"))
        })
        .and_then(|msg| msg.get("content").and_then(Value::as_str))
        .unwrap_or("")
        .to_owned()
}

fn scenario(text: &str) -> String {
    text.split("[[standin:")
        .nth(1)
        .and_then(|rest| rest.split("]]").next())
        .unwrap_or("echo")
        .to_owned()
}

fn chunk(model: &str, content: &str, finish: Option<&str>) -> String {
    let value = json!({
        "id": "gen-standin-1",
        "provider": "StandIn",
        "model": model,
        "object": "chat.completion.chunk",
        "created": 1_763_000_000,
        "choices": [{
            "index": 0,
            "delta": {"role": "assistant", "content": content},
            "finish_reason": finish,
            "native_finish_reason": finish,
            "logprobs": null
        }]
    });
    format!("data: {value}\n\n")
}

fn usage_chunk(model: &str, prompt_tokens: usize, completion_tokens: usize) -> String {
    let value = json!({
        "id": "gen-standin-1",
        "provider": "StandIn",
        "model": model,
        "object": "chat.completion.chunk",
        "created": 1_763_000_000,
        "choices": [],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
            "cost": completion_tokens as f64 * COST_PER_TOKEN,
            "is_byok": false,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 0}
        }
    });
    format!("data: {value}\n\n")
}

fn error_chunk(model: &str) -> String {
    let value = json!({
        "id": "gen-standin-1",
        "object": "chat.completion.chunk",
        "created": 1_763_000_000,
        "model": model,
        "provider": "StandIn",
        "error": {"code": "server_error", "message": "Provider disconnected unexpectedly"},
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]
    });
    format!("data: {value}\n\n")
}

/// The last message, when it is a tool's result: what a model would now answer from.
fn tool_result(body: &Value) -> Option<Value> {
    let last = body.get("messages").and_then(Value::as_array)?.last()?;
    if last.get("role").and_then(Value::as_str) != Some("tool") {
        return None;
    }
    let content = last.get("content").and_then(Value::as_str)?;
    Some(serde_json::from_str(content).unwrap_or(Value::String(content.to_owned())))
}

/// An answer written from a directory search result: the items' names (and prices).
fn answer_from_tool(result: &Value) -> String {
    if let Some(error) = result.get("error").and_then(Value::as_str) {
        return format!("The tool failed: {error}");
    }
    if result.get("saved") == Some(&Value::Bool(true)) {
        return "Thanks, I have noted your details.".to_owned();
    }
    let items: Vec<String> = result
        .get("items")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    let name = item.get("name").map_or_else(String::new, plain);
                    match item.get("price") {
                        Some(price) => format!("{name} ({})", plain(price)),
                        None => name,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    if items.is_empty() {
        "The directory has nothing that matches.".to_owned()
    } else {
        format!("From the directory: {}.", items.join(", "))
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The frames of a streamed tool call, as OpenAI and OpenRouter send them: the first piece
/// names the call and the function, later pieces carry more of the arguments, then a
/// `tool_calls` finish and the usage chunk.
fn tool_call_frames(model: &str, name: &str, arguments: &str) -> Vec<String> {
    let frame = |delta: Value, finish: Option<&str>| {
        let value = json!({
            "id": "gen-standin-tool",
            "provider": "StandIn",
            "model": model,
            "object": "chat.completion.chunk",
            "created": 1_763_000_000,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "native_finish_reason": finish, "logprobs": null}]
        });
        format!("data: {value}\n\n")
    };
    let mut frames = vec![": OPENROUTER PROCESSING\n\n".to_owned()];
    frames.push(frame(
        json!({"role": "assistant", "content": null, "tool_calls": [{"index": 0, "id": "call_standin_1", "type": "function", "function": {"name": name, "arguments": ""}}]}),
        None,
    ));
    let chars: Vec<char> = arguments.chars().collect();
    for piece in chars.chunks(chars.len().div_ceil(3).max(1)) {
        let piece: String = piece.iter().collect();
        frames.push(frame(
            json!({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}),
            None,
        ));
    }
    frames.push(frame(json!({}), Some("tool_calls")));
    frames.push(usage_chunk(model, arguments.len(), arguments.len() / 4 + 5));
    frames.push("data: [DONE]\n\n".to_owned());
    frames
}

/// The first numbered source in the system prompt (`[1] Title <url>`), as a model would
/// cite it: `(title, url)`.
fn first_source(body: &Value) -> Option<(String, String)> {
    let system = body
        .get("messages")
        .and_then(Value::as_array)?
        .iter()
        .find(|m| m.get("role").and_then(Value::as_str) == Some("system"))?
        .get("content")
        .and_then(Value::as_str)?;
    let line = system.lines().find(|l| l.starts_with("[1] "))?;
    let (title, url) = line.trim_start_matches("[1] ").rsplit_once(" <")?;
    Some((title.to_owned(), url.trim_end_matches('>').to_owned()))
}

/// The answer text for a scenario.
fn answer_text(scenario: &str, user_text: &str, source: Option<&(String, String)>) -> String {
    match scenario {
        "xss" => "Here you go: <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> \
                  [click me](javascript:window.__pwned=3) and **bold** text."
            .to_owned(),
        "markdown" => "| Model | Price |\n|---|---|\n| Aero 7 | £7,495 |\n\n- one\n- two\n\n```\nsalient serve\n```\n".to_owned(),
        _ => {
            let visible = user_text.split("[[standin:").next().unwrap_or("").trim();
            match source {
                // Like a model told to cite: name the first source by its number.
                Some((title, _)) => format!(
                    "You said: {visible}. The page \"{title}\" covers this [1]. This is the stand-in answering in several small pieces."
                ),
                None => format!(
                    "You said: {visible}. This is the stand-in answering in several small pieces."
                ),
            }
        }
    }
}

/// Splits an answer into pieces of about two words, like a model's token stream.
fn pieces(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_inclusive(' ').collect();
    words.chunks(2).map(|c| c.concat()).collect()
}

async fn chat_completions(
    State(state): State<Arc<StandinState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let arrived = Instant::now();
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return error_response(StatusCode::BAD_REQUEST, "Invalid JSON");
    };
    let record = !state.forget.load(Ordering::Relaxed);
    if record && let Ok(mut requests) = state.requests.lock() {
        requests.push(body.clone());
    }
    if record && let Ok(mut seen) = state.headers.lock() {
        seen.push(headers.clone());
    }
    if let Err(response) = check_request(&headers, &body) {
        return *response;
    }
    let user_text = last_user_text(&body);
    let scenario = scenario(&user_text);
    let attempt = {
        let mut attempts = state
            .attempts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = attempts.entry(user_text.clone()).or_insert(0);
        *n += 1;
        *n
    };
    match scenario.as_str() {
        "429" => return error_response(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded"),
        "429-once" if attempt == 1 => {
            return error_response(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded");
        }
        "500-once" if attempt == 1 => {
            return error_response(StatusCode::BAD_GATEWAY, "Your chosen model is down");
        }
        "401" => return error_response(StatusCode::UNAUTHORIZED, "User not found."),
        _ => {}
    }
    let model = body
        .get("model")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let prompt_tokens = body.to_string().len() / 4;
    let offered: Vec<String> = body
        .get("tools")
        .and_then(Value::as_array)
        .map(|tools| {
            tools
                .iter()
                .filter_map(|t| t["function"]["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let after_tool = tool_result(&body);
    // `[[standin:tool:<name> <arguments JSON>]]`: call that tool, as a model would, only when
    // it is offered and the conversation is not already answering a tool result.
    let call = scenario
        .strip_prefix("tool:")
        .map(|call| call.split_once(' ').unwrap_or((call, "{}")))
        .filter(|(name, _)| offered.iter().any(|o| o == name));
    if let Some((name, arguments)) = call
        && after_tool.is_none()
    {
        let frames = tool_call_frames(&model, name, arguments.trim());
        state.finished.fetch_add(1, Ordering::SeqCst);
        return Response::builder()
            .status(StatusCode::OK)
            .header("content-type", "text/event-stream")
            .body(Body::from_stream(stream::iter(
                frames
                    .into_iter()
                    .map(|f| Ok::<_, std::io::Error>(Bytes::from(f))),
            )))
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }
    let text = match &after_tool {
        Some(result) => answer_from_tool(result),
        None => answer_text(&scenario, &user_text, first_source(&body).as_ref()),
    };
    let parts = if scenario == "not-covered" {
        // Like a model told to mark an answer the site does not cover: the marker arrives
        // split over three chunks.
        [
            "The website ",
            "does not say ",
            "whether we do that. [[not",
            "-cove",
            "red]]",
        ]
        .map(String::from)
        .to_vec()
    } else {
        pieces(&text)
    };
    let delay = Duration::from_millis(state.token_delay_ms.load(Ordering::Relaxed) as u64);
    let slow = scenario == "slow";
    let state_for_stream = Arc::clone(&state);

    // Build the byte stream lazily so delays and gates happen while the client reads.
    let frames = stream::unfold((0usize, parts, false), move |(step, parts, ended)| {
        let state = Arc::clone(&state_for_stream);
        let scenario = scenario.clone();
        let model = model.clone();
        async move {
            if ended {
                return None;
            }
            if slow {
                tokio::time::sleep(Duration::from_millis(100)).await;
            } else if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let frame: Result<String, std::io::Error> = match (scenario.as_str(), step) {
                ("hang", _) => {
                    std::future::pending::<()>().await;
                    return None;
                }
                (_, 0) => Ok(": OPENROUTER PROCESSING\n\n".to_owned()),
                ("gate", 2) => {
                    state.gate.notified().await;
                    Ok(chunk(&model, &parts[1], None))
                }
                ("error-mid-stream", 3) => {
                    state.finished.fetch_add(1, Ordering::SeqCst);
                    return Some((Ok(error_chunk(&model)), (step + 1, parts, true)));
                }
                ("drop", 3) => {
                    // Let the earlier frames reach the client before the connection dies.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Err(std::io::Error::other("connection dropped by the stand-in"))
                }
                (_, n) if n <= parts.len() => {
                    if record && let Ok(mut written) = state.chunk_written.lock() {
                        written.push(Instant::now());
                    }
                    let mut frame = chunk(&model, &parts[n - 1], None);
                    if n == 2 {
                        // OpenRouter also sends comments between chunks while it waits.
                        frame.push_str(": OPENROUTER PROCESSING\n\n");
                    }
                    Ok(frame)
                }
                (_, n) if n == parts.len() + 1 => Ok(chunk(&model, "", Some("stop"))),
                (_, n) if n == parts.len() + 2 => {
                    let completion_tokens = parts.len() * 2;
                    Ok(usage_chunk(&model, prompt_tokens, completion_tokens))
                }
                _ => {
                    state.finished.fetch_add(1, Ordering::SeqCst);
                    if record && let Ok(mut times) = state.service_times.lock() {
                        times.push(arrived.elapsed());
                    }
                    return Some((Ok("data: [DONE]\n\n".to_owned()), (step + 1, parts, true)));
                }
            };
            let ended = frame.is_err();
            Some((frame, (step + 1, parts, ended)))
        }
    })
    .map(|frame| frame.map(Bytes::from));
    Response::builder()
        .status(StatusCode::OK)
        .header("content-type", "text/event-stream")
        .header("cache-control", "no-cache")
        .header("x-generation-id", "gen-standin-1")
        .body(Body::from_stream(frames))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}
