//! The model port: a streamed chat completion that may call tools, with usage and typed
//! errors. Services talk to this trait only; the OpenAI-compatible client (`llm::LlmClient`,
//! OpenRouter by default) is its adapter. The message and tool shapes are the
//! chat-completions ones every such provider accepts.

use std::pin::Pin;

use async_trait::async_trait;
use futures::Stream;
use serde::Serialize;

/// A language model that answers a prompt as a stream of events.
#[async_trait]
pub trait ChatModel: Send + Sync + std::fmt::Debug {
    /// The model asked for (what a record names when the provider does not say).
    fn model(&self) -> &str;

    /// Starts a streamed completion offering these tools. Returns once the first event has
    /// arrived (an adapter may retry until then, never after); a tool call arrives as
    /// [`LlmEvent::ToolCalls`] and the caller sends the results back in a new request.
    async fn stream(
        &self,
        messages: &[WireMessage],
        tools: &[ToolSpec],
    ) -> Result<LlmStream, LlmError>;
}

/// What arrives from the model.
#[derive(Debug, Clone, PartialEq)]
pub enum LlmEvent {
    /// The next piece of the answer.
    Delta(String),
    /// The model asks for these tools to be run (it finished with `tool_calls`).
    ToolCalls(Vec<ToolCall>),
    /// Token counts and cost, from the last chunk.
    Usage(Usage),
}

/// Usage as the provider reports it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Usage {
    /// The model that answered, as the provider names it (OpenRouter may route to another
    /// model than the one asked for).
    pub model: Option<String>,
    /// Prompt tokens.
    pub prompt_tokens: u32,
    /// Completion tokens.
    pub completion_tokens: u32,
    /// Cost in US dollars (OpenRouter's `usage.cost`).
    pub cost_usd: Option<f64>,
}

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LlmError {
    /// The provider rate limited us (after retries).
    #[error("the provider rate limited the request (HTTP {status})")]
    RateLimited {
        /// HTTP status.
        status: u16,
    },
    /// The provider answered with an error status (after retries for 5xx).
    #[error("the provider answered HTTP {status}: {message}")]
    Status {
        /// HTTP status.
        status: u16,
        /// Provider's message.
        message: String,
    },
    /// The provider reported an error inside the stream.
    #[error("the provider failed mid-stream: {message}")]
    MidStream {
        /// Provider's message.
        message: String,
    },
    /// The connection failed or dropped.
    #[error("connection to the provider failed: {0}")]
    Connection(String),
    /// No first token, or no end, in time.
    #[error("the provider did not answer in time")]
    Timeout,
    /// The stream ended without a finish reason or `[DONE]`.
    #[error("the provider's stream ended early")]
    Truncated,
    /// A chunk we could not read.
    #[error("unreadable response from the provider: {0}")]
    Protocol(String),
}

impl LlmError {
    /// 429 and 5xx answers, and failed connections, may pass on retry.
    pub(crate) fn retryable(&self) -> bool {
        match self {
            Self::RateLimited { .. } | Self::Connection(_) => true,
            Self::Status { status, .. } => *status >= 500,
            _ => false,
        }
    }
}

/// A stream of events; ends after the usage chunk and `[DONE]`.
pub type LlmStream = Pin<Box<dyn Stream<Item = Result<LlmEvent, LlmError>> + Send>>;

/// One message of the prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WireMessage {
    /// `system`, `user`, `assistant` or `tool`.
    pub role: &'static str,
    /// The text (a tool's result for `tool` messages).
    pub content: String,
    /// The tool calls an `assistant` message made.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<WireToolCall>,
    /// The call a `tool` message answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<String>,
}

impl WireMessage {
    /// A plain message.
    pub fn new(role: &'static str, content: impl Into<String>) -> Self {
        Self {
            role,
            content: content.into(),
            tool_calls: Vec::new(),
            tool_call_id: None,
        }
    }

    /// The model's turn that asked for tools (with whatever text came before the calls).
    pub fn tool_request(content: impl Into<String>, calls: &[ToolCall]) -> Self {
        Self {
            role: "assistant",
            content: content.into(),
            tool_calls: calls
                .iter()
                .map(|call| WireToolCall {
                    id: call.id.clone(),
                    kind: "function",
                    function: WireFunctionCall {
                        name: call.name.clone(),
                        arguments: call.arguments.clone(),
                    },
                })
                .collect(),
            tool_call_id: None,
        }
    }

    /// A tool's result, answering one call.
    pub fn tool_result(call_id: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            role: "tool",
            content: content.into(),
            tool_calls: Vec::new(),
            tool_call_id: Some(call_id.into()),
        }
    }
}

/// A tool call as sent back in the conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WireToolCall {
    /// The provider's call id.
    pub id: String,
    /// Always `function`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Name and JSON arguments.
    pub function: WireFunctionCall,
}

/// The function part of a tool call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WireFunctionCall {
    /// Tool name.
    pub name: String,
    /// Arguments, a JSON object as text.
    pub arguments: String,
}

/// A tool the model may call: `{"type":"function","function":{name, description, parameters}}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToolSpec {
    /// Always `function`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The function.
    pub function: FunctionSpec,
}

/// A function's name, description and JSON-schema parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunctionSpec {
    /// Name the model calls.
    pub name: String,
    /// What it does, for the model.
    pub description: String,
    /// JSON schema of the arguments object.
    pub parameters: serde_json::Value,
}

impl ToolSpec {
    /// A function tool.
    pub fn function(
        name: impl Into<String>,
        description: impl Into<String>,
        parameters: serde_json::Value,
    ) -> Self {
        Self {
            kind: "function",
            function: FunctionSpec {
                name: name.into(),
                description: description.into(),
                parameters,
            },
        }
    }
}

/// A complete tool call the model made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolCall {
    /// The provider's call id (echoed in the result).
    pub id: String,
    /// Tool name.
    pub name: String,
    /// Arguments as the model wrote them (JSON text; may be malformed).
    pub arguments: String,
}
