//! The OpenAI-compatible chat-completions wire format as OpenRouter speaks it: the request we
//! send and the stream chunks we read, including OpenRouter's extras (`usage.cost` in the
//! last chunk, `error` objects inside a 200 stream).

use serde::{Deserialize, Serialize};

use crate::ports::model::{ToolSpec, WireMessage};

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
