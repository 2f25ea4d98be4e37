//! The OpenAI-compatible chat-completions wire format as OpenRouter speaks it: the request we
//! send and the stream chunks we read, including OpenRouter's extras (`usage.cost` in the
//! last chunk, `error` objects inside a 200 stream).

use serde::{Deserialize, Serialize};

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

/// The streamed chat-completions request.
#[derive(Debug, Serialize)]
pub(crate) struct ChatRequest<'a> {
    pub(crate) model: &'a str,
    pub(crate) messages: &'a [WireMessage],
    pub(crate) temperature: f32,
    pub(crate) max_tokens: u32,
    pub(crate) stream: bool,
    /// OpenAI's way to get usage in the last chunk; OpenRouter sends it either way.
    pub(crate) stream_options: StreamOptions,
    /// Tools the model may call (omitted when none).
    #[serde(skip_serializing_if = "<[ToolSpec]>::is_empty")]
    pub(crate) tools: &'a [ToolSpec],
}

#[derive(Debug, Serialize)]
pub(crate) struct StreamOptions {
    pub(crate) include_usage: bool,
}

/// One `data:` chunk of the stream.
#[derive(Debug, Deserialize)]
pub(crate) struct Chunk {
    #[serde(default)]
    pub(crate) model: Option<String>,
    #[serde(default)]
    pub(crate) choices: Vec<ChunkChoice>,
    #[serde(default)]
    pub(crate) usage: Option<ChunkUsage>,
    /// OpenRouter reports failures after the stream started as a chunk with `error`.
    #[serde(default)]
    pub(crate) error: Option<WireError>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ChunkChoice {
    #[serde(default)]
    pub(crate) delta: Option<ChunkDelta>,
    #[serde(default)]
    pub(crate) finish_reason: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ChunkDelta {
    #[serde(default)]
    pub(crate) content: Option<String>,
    /// Pieces of tool calls: the first piece of each carries `id` and `function.name`, later
    /// ones more of `function.arguments`, matched by `index`.
    #[serde(default)]
    pub(crate) tool_calls: Option<Vec<ToolCallDelta>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ToolCallDelta {
    #[serde(default)]
    pub(crate) index: usize,
    #[serde(default)]
    pub(crate) id: Option<String>,
    #[serde(default)]
    pub(crate) function: Option<FunctionDelta>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct FunctionDelta {
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) arguments: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ChunkUsage {
    #[serde(default)]
    pub(crate) prompt_tokens: u32,
    #[serde(default)]
    pub(crate) completion_tokens: u32,
    /// OpenRouter's cost of the call in credits (US dollars).
    #[serde(default)]
    pub(crate) cost: Option<f64>,
}

/// An error object, in a 4xx/5xx body (`{"error": {...}}`) or inside a stream chunk.
/// OpenRouter's `code` is a number (the HTTP status); OpenAI's is a string.
#[derive(Debug, Deserialize)]
pub(crate) struct WireError {
    #[serde(default)]
    pub(crate) code: Option<serde_json::Value>,
    #[serde(default)]
    pub(crate) message: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WrappedError {
    pub(crate) error: WireError,
}

impl WireError {
    /// The status the code stands for, when it is numeric.
    pub(crate) fn status(&self) -> Option<u16> {
        match &self.code {
            Some(serde_json::Value::Number(n)) => n.as_u64().and_then(|n| u16::try_from(n).ok()),
            Some(serde_json::Value::String(s)) => s.parse().ok(),
            _ => None,
        }
    }
}
