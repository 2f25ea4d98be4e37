//! The LLM port and its adapter: streamed chat completions from any OpenAI-compatible API
//! (OpenRouter by default) through async-openai, with our own retry policy: 429 and 5xx
//! answers are retried with exponential backoff *before* the first token, never after.

mod wire;

use std::collections::VecDeque;
use std::pin::Pin;
use std::time::Duration;

use async_openai::Client;
use async_openai::config::OpenAIConfig;
use async_openai::error::OpenAIError;
use futures::{Stream, StreamExt as _};
use secrecy::ExposeSecret as _;

use wire::{ChatRequest, Chunk, StreamOptions, WrappedError};

pub(crate) use crate::ports::model::{
    ChatModel, LlmError, LlmEvent, LlmStream, ToolCall, ToolSpec, Usage, WireMessage,
};

use crate::config::LlmSettings;

/// A chat-completions client for one agent's settings.
#[derive(Debug, Clone)]
pub struct LlmClient {
    client: Client<OpenAIConfig>,
    model: String,
    temperature: f32,
    max_tokens: u32,
    first_token_timeout: Duration,
    max_retries: u32,
    retry_base: Duration,
}

impl LlmClient {
    /// A client for these settings, or `None` when no API key is configured.
    pub fn from_settings(settings: &LlmSettings) -> anyhow::Result<Option<Self>> {
        let Some(key) = settings
            .api_key
            .as_ref()
            .filter(|k| !k.expose_secret().is_empty())
        else {
            return Ok(None);
        };
        let mut headers = reqwest::header::HeaderMap::new();
        for (name, value) in &settings.extra_headers {
            headers.insert(
                reqwest::header::HeaderName::from_bytes(name.as_bytes())?,
                reqwest::header::HeaderValue::from_str(value)?,
            );
        }
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(
                settings.first_token_timeout_secs.max(30),
            ))
            .build()?;
        let config = OpenAIConfig::new()
            .with_api_base(settings.base_url.trim_end_matches('/'))
            .with_api_key(key.expose_secret());
        Ok(Some(Self {
            client: Client::with_config(config).with_http_client(http),
            model: settings.model.clone(),
            temperature: settings.temperature,
            max_tokens: settings.max_tokens,
            first_token_timeout: Duration::from_secs(settings.first_token_timeout_secs),
            max_retries: settings.max_retries,
            retry_base: Duration::from_millis(250),
        }))
    }

    /// Shortens the retry delay (tests).
    #[must_use]
    pub fn with_retry_base(mut self, base: Duration) -> Self {
        self.retry_base = base;
        self
    }

    /// The model asked for.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// Starts a streamed completion. Returns once the first event has arrived, retrying 429,
    /// 5xx and connection failures with exponential backoff until then; the returned stream
    /// starts with that first event. After it, failures end the stream and are never retried.
    pub async fn stream(&self, messages: &[WireMessage]) -> Result<(LlmStream, u32), LlmError> {
        self.stream_with_tools(messages, &[]).await
    }

    /// [`LlmClient::stream`], offering the model these tools; a call arrives as
    /// [`LlmEvent::ToolCalls`] and the caller sends the results back in a new request.
    pub async fn stream_with_tools(
        &self,
        messages: &[WireMessage],
        tools: &[ToolSpec],
    ) -> Result<(LlmStream, u32), LlmError> {
        let mut attempt = 0;
        loop {
            let outcome =
                tokio::time::timeout(self.first_token_timeout, self.open(messages, tools)).await;
            let error = match outcome {
                Ok(Ok(stream)) => return Ok((stream, attempt)),
                Ok(Err(error)) => error,
                Err(_) => LlmError::Timeout,
            };
            if attempt >= self.max_retries || !error.retryable() {
                return Err(error);
            }
            let delay = self.retry_base * 2u32.saturating_pow(attempt);
            tracing::warn!(attempt = attempt + 1, delay_ms = delay.as_millis() as u64, error = %error, "retrying the LLM call");
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    /// One attempt: the request, then the first event.
    async fn open(
        &self,
        messages: &[WireMessage],
        tools: &[ToolSpec],
    ) -> Result<LlmStream, LlmError> {
        let request = ChatRequest {
            tools,
            model: &self.model,
            messages,
            temperature: self.temperature,
            max_tokens: self.max_tokens,
            stream: true,
            stream_options: StreamOptions {
                include_usage: true,
            },
        };
        let chunks = self
            .client
            .chat()
            .create_stream_byot::<_, Chunk>(request)
            .await
            .map_err(map_open_error)?;
        let mut events = events_from_chunks(chunks);
        match events.next().await {
            Some(Ok(first)) => Ok(Box::pin(
                futures::stream::once(async { Ok(first) }).chain(events),
            )),
            Some(Err(error)) => Err(error),
            None => Err(LlmError::Truncated),
        }
    }
}

/// Turns provider chunks into events: text deltas, complete tool calls (assembled from their
/// pieces when the model finishes with `tool_calls`), then usage; an `error` chunk or a stream
/// that ends without a finish reason becomes an error.
fn events_from_chunks(
    chunks: impl Stream<Item = Result<Chunk, OpenAIError>> + Send + 'static,
) -> LlmStream {
    struct State<S> {
        chunks: Pin<Box<S>>,
        pending: VecDeque<Result<LlmEvent, LlmError>>,
        calls: Vec<ToolCall>,
        finished: bool,
        done: bool,
    }
    let state = State {
        chunks: Box::pin(chunks),
        pending: VecDeque::new(),
        calls: Vec::new(),
        finished: false,
        done: false,
    };
    Box::pin(futures::stream::unfold(state, |mut state| async move {
        loop {
            if let Some(event) = state.pending.pop_front() {
                return Some((event, state));
            }
            if state.done {
                return None;
            }
            match state.chunks.next().await {
                None => {
                    state.done = true;
                    if !state.finished {
                        state.pending.push_back(Err(LlmError::Truncated));
                    }
                }
                Some(Err(error)) => {
                    state.done = true;
                    state.pending.push_back(Err(map_stream_error(error)));
                }
                Some(Ok(chunk)) => {
                    if let Some(error) = chunk.error {
                        state.done = true;
                        state.pending.push_back(Err(LlmError::MidStream {
                            message: error.message,
                        }));
                        continue;
                    }
                    read_chunk(
                        &mut state.pending,
                        &mut state.calls,
                        &mut state.finished,
                        &mut state.done,
                        chunk,
                    );
                }
            }
        }
    }))
}

/// Queues the events one chunk carries.
fn read_chunk(
    pending: &mut VecDeque<Result<LlmEvent, LlmError>>,
    calls: &mut Vec<ToolCall>,
    finished: &mut bool,
    done: &mut bool,
    chunk: Chunk,
) {
    let mut text = String::new();
    let mut finish: Option<String> = None;
    for choice in chunk.choices {
        if let Some(delta) = choice.delta {
            if let Some(content) = delta.content {
                text.push_str(&content);
            }
            for piece in delta.tool_calls.unwrap_or_default() {
                while calls.len() <= piece.index {
                    calls.push(ToolCall {
                        id: String::new(),
                        name: String::new(),
                        arguments: String::new(),
                    });
                }
                let call = &mut calls[piece.index];
                if let Some(id) = piece.id.filter(|id| !id.is_empty()) {
                    call.id = id;
                }
                if let Some(function) = piece.function {
                    if let Some(name) = function.name.filter(|n| !n.is_empty()) {
                        call.name = name;
                    }
                    if let Some(arguments) = function.arguments {
                        call.arguments.push_str(&arguments);
                    }
                }
            }
        }
        if let Some(reason) = choice.finish_reason {
            finish = Some(reason);
        }
    }
    if !text.is_empty() {
        pending.push_back(Ok(LlmEvent::Delta(text)));
    }
    match finish.as_deref() {
        Some("error") => {
            *done = true;
            pending.push_back(Err(LlmError::MidStream {
                message: "the provider ended the answer with an error".to_owned(),
            }));
            return;
        }
        Some(_) => {
            *finished = true;
            if !calls.is_empty() {
                let complete: Vec<ToolCall> = std::mem::take(calls)
                    .into_iter()
                    .filter(|call| !call.name.is_empty())
                    .enumerate()
                    .map(|(i, mut call)| {
                        if call.id.is_empty() {
                            call.id = format!("call_{i}");
                        }
                        call
                    })
                    .collect();
                if !complete.is_empty() {
                    pending.push_back(Ok(LlmEvent::ToolCalls(complete)));
                }
            }
        }
        None => {}
    }
    if let Some(usage) = chunk.usage {
        *finished = true;
        pending.push_back(Ok(LlmEvent::Usage(Usage {
            model: chunk.model.filter(|m| !m.is_empty()),
            prompt_tokens: usage.prompt_tokens,
            completion_tokens: usage.completion_tokens,
            cost_usd: usage.cost,
        })));
    }
}

fn map_open_error(error: OpenAIError) -> LlmError {
    match error {
        OpenAIError::ApiError(response) => {
            status_error(response.status_code.as_u16(), response.api_error.message)
        }
        // OpenRouter's error `code` is a number, which async-openai's error type cannot read;
        // the body still says what happened.
        OpenAIError::JSONDeserialize(_, body) => {
            match serde_json::from_str::<WrappedError>(&body) {
                Ok(wrapped) => {
                    status_error(wrapped.error.status().unwrap_or(502), wrapped.error.message)
                }
                Err(_) => LlmError::Protocol("unreadable error body".to_owned()),
            }
        }
        OpenAIError::Reqwest(err) if err.is_timeout() => LlmError::Timeout,
        OpenAIError::Reqwest(err) => LlmError::Connection(without_url(&err)),
        other => map_stream_error(other),
    }
}

fn map_stream_error(error: OpenAIError) -> LlmError {
    match error {
        OpenAIError::StreamError(err) => LlmError::Connection(err.to_string()),
        OpenAIError::JSONDeserialize(err, _) => LlmError::Protocol(err.to_string()),
        OpenAIError::Reqwest(err) => LlmError::Connection(without_url(&err)),
        other => LlmError::Protocol(other.to_string()),
    }
}

fn status_error(status: u16, message: String) -> LlmError {
    if status == 429 {
        LlmError::RateLimited { status }
    } else {
        LlmError::Status { status, message }
    }
}

/// Reqwest errors name the URL; keep logs free of query strings or keys in URLs.
fn without_url(err: &reqwest::Error) -> String {
    let mut owned = String::new();
    let mut source: Option<&dyn std::error::Error> = Some(err);
    while let Some(current) = source {
        if !owned.is_empty() {
            owned.push_str(": ");
        }
        owned.push_str(&current.to_string());
        source = current.source();
    }
    match err.url() {
        Some(url) => owned.replace(url.as_str(), "<provider>"),
        None => owned,
    }
}

#[async_trait::async_trait]
impl ChatModel for LlmClient {
    fn model(&self) -> &str {
        &self.model
    }

    async fn stream(
        &self,
        messages: &[WireMessage],
        tools: &[ToolSpec],
    ) -> Result<LlmStream, LlmError> {
        self.stream_with_tools(messages, tools)
            .await
            .map(|(stream, _retries)| stream)
    }
}
