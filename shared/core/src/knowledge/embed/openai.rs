//! Any OpenAI-compatible embeddings API: `POST {base_url}/embeddings` with
//! `{model, input: [...], encoding_format: "float", dimensions?}`, answered with
//! `{data: [{embedding, index}], model, usage}`. Texts go in batches of `batch_size`;
//! vectors are put back in input order by `index` and L2-normalised.

use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};

use super::remote::{self, RemoteModel};
use crate::ports::knowledge::{EmbedKind, Embedder, KnowledgeError};

/// OpenAI's API.
pub(crate) const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";

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
    remote: RemoteModel,
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
        Ok(Self {
            remote: RemoteModel::new(
                format!("{}/embeddings", base_url.trim_end_matches('/')),
                api_key,
                model,
                dimensions,
                known_dimensions,
                batch_size,
                timeout,
            )?,
        })
    }
}

#[async_trait]
impl Embedder for OpenAiEmbedder {
    fn model_id(&self) -> &str {
        &self.remote.model
    }

    fn dimensions(&self) -> usize {
        self.remote.dimensions()
    }

    #[tracing::instrument(skip_all, fields(model = %self.remote.model, texts = texts.len()))]
    async fn embed(
        &self,
        texts: &[String],
        _kind: EmbedKind,
    ) -> Result<Vec<Vec<f32>>, KnowledgeError> {
        RemoteModel::check_texts(texts)?;
        let remote = &self.remote;
        let auth = format!("Bearer {}", remote.api_key.expose_secret());
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(remote.batch_size) {
            let request = EmbeddingsRequest {
                model: &remote.model,
                input: batch,
                encoding_format: "float",
                dimensions: remote.requested_dimensions,
            };
            let response: EmbeddingsResponse = remote::call(
                &remote.client,
                reqwest::Method::POST,
                &remote.url,
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
                let vector = vector.ok_or_else(|| {
                    KnowledgeError::fatal(anyhow::anyhow!(
                        "embeddings: the answer lacks a vector for some input"
                    ))
                })?;
                out.push(remote.accept(vector));
            }
        }
        Ok(out)
    }
}
