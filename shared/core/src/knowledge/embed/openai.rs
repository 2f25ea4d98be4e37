//! Any OpenAI-compatible embeddings API: `POST {base_url}/embeddings` with
//! `{model, input: [...], encoding_format: "float", dimensions?}`, answered with
//! `{data: [{embedding, index}], model, usage}`. Texts go in batches of `batch_size`;
//! vectors are put back in input order by `index` and L2-normalised.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};

use super::remote;
use crate::ports::knowledge::{EmbedKind, Embedder, KnowledgeError};

/// OpenAI's API.
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";

#[derive(Serialize)]
struct EmbeddingsRequest<'a> {
    model: &'a str,
    input: &'a [String],
    encoding_format: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    dimensions: Option<usize>,
}

#[derive(Deserialize)]
struct EmbeddingsResponse {
    data: Vec<EmbeddingItem>,
}

#[derive(Deserialize)]
struct EmbeddingItem {
    embedding: Vec<f32>,
    index: usize,
}

/// An OpenAI-compatible embedder.
#[derive(Debug)]
pub struct OpenAiEmbedder {
    client: reqwest::Client,
    url: String,
    api_key: SecretString,
    model: String,
    requested_dimensions: Option<usize>,
    dimensions: AtomicUsize,
    batch_size: usize,
}

/// The vector length of well-known models (0: learnt from the first answer).
fn known_dimensions(model: &str) -> usize {
    match model.rsplit('/').next().unwrap_or(model) {
        "text-embedding-3-small" | "text-embedding-ada-002" => 1536,
        "text-embedding-3-large" => 3072,
        _ => 0,
    }
}

impl OpenAiEmbedder {
    /// An embedder for `model` at `base_url`.
    pub fn new(
        base_url: &str,
        api_key: SecretString,
        model: &str,
        dimensions: usize,
        batch_size: usize,
        timeout: Duration,
    ) -> Result<Self, KnowledgeError> {
        if model.trim().is_empty() {
            return Err(KnowledgeError::Invalid(
                "knowledge.embedding.model must be set".to_owned(),
            ));
        }
        Ok(Self {
            client: remote::client(timeout)?,
            url: format!("{}/embeddings", base_url.trim_end_matches('/')),
            api_key,
            model: model.to_owned(),
            requested_dimensions: (dimensions > 0).then_some(dimensions),
            dimensions: AtomicUsize::new(if dimensions > 0 {
                dimensions
            } else {
                known_dimensions(model)
            }),
            batch_size: batch_size.max(1),
        })
    }
}

#[async_trait]
impl Embedder for OpenAiEmbedder {
    fn model_id(&self) -> &str {
        &self.model
    }

    fn dimensions(&self) -> usize {
        self.dimensions.load(Ordering::Relaxed)
    }

    #[tracing::instrument(skip_all, fields(model = %self.model, texts = texts.len()))]
    async fn embed(
        &self,
        texts: &[String],
        _kind: EmbedKind,
    ) -> Result<Vec<Vec<f32>>, KnowledgeError> {
        if texts.iter().any(|t| t.trim().is_empty()) {
            return Err(KnowledgeError::Invalid(
                "cannot embed an empty text".to_owned(),
            ));
        }
        let auth = format!("Bearer {}", self.api_key.expose_secret());
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(self.batch_size) {
            let request = EmbeddingsRequest {
                model: &self.model,
                input: batch,
                encoding_format: "float",
                dimensions: self.requested_dimensions,
            };
            let response: EmbeddingsResponse = remote::call(
                &self.client,
                reqwest::Method::POST,
                &self.url,
                &[("Authorization", &auth)],
                Some(&request),
                "embeddings",
            )
            .await?;
            let mut vectors: Vec<Option<Vec<f32>>> = vec![None; batch.len()];
            for item in response.data {
                if let Some(slot) = vectors.get_mut(item.index) {
                    *slot = Some(item.embedding);
                }
            }
            for vector in vectors {
                let mut vector = vector.ok_or_else(|| {
                    KnowledgeError::fatal(anyhow::anyhow!(
                        "embeddings: the answer lacks a vector for some input"
                    ))
                })?;
                remote::normalise(&mut vector);
                self.dimensions.store(vector.len(), Ordering::Relaxed);
                out.push(vector);
            }
        }
        Ok(out)
    }
}
