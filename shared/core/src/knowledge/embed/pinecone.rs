//! Pinecone Inference: `POST {base_url}/embed` with `Api-Key` and
//! `X-Pinecone-Api-Version`, body `{model, parameters: {input_type, truncate}, inputs:
//! [{text}]}`, answered with `{model, vector_type, data: [{values, vector_type}], usage}`
//! (the 2025-10 OpenAPI). Passages and queries are embedded as such (`input_type`).

use std::time::Duration;

use async_trait::async_trait;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};

use super::remote::{self, RemoteModel};
use crate::ports::knowledge::{EmbedKind, Embedder, KnowledgeError};

/// Pinecone's control host, where `/embed` lives.
pub(crate) const DEFAULT_BASE_URL: &str = "https://api.pinecone.io";
/// The API version whose OpenAPI documents the shapes used here.
pub(crate) const API_VERSION: &str = "2025-10";
/// Pinecone's largest batch for its hosted embedding models.
const MAX_BATCH: usize = 96;

#[derive(Serialize)]
struct EmbedRequest<'a> {
    model: &'a str,
    parameters: EmbedParameters,
    inputs: Vec<EmbedInput<'a>>,
}

#[derive(Serialize)]
struct EmbedParameters {
    input_type: &'static str,
    truncate: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    dimension: Option<usize>,
}

#[derive(Serialize)]
struct EmbedInput<'a> {
    text: &'a str,
}

#[derive(Deserialize)]
struct EmbeddingsList {
    data: Vec<DenseEmbedding>,
}

#[derive(Deserialize)]
struct DenseEmbedding {
    values: Vec<f32>,
}

/// A Pinecone Inference embedder.
#[derive(Debug)]
pub struct PineconeEmbedder {
    remote: RemoteModel,
}

fn known_dimensions(model: &str) -> usize {
    match model {
        "multilingual-e5-large" | "llama-text-embed-v2" => 1024,
        _ => 0,
    }
}

impl PineconeEmbedder {
    /// An embedder for a Pinecone-hosted `model`.
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
                format!("{}/embed", base_url.trim_end_matches('/')),
                api_key,
                model,
                dimensions,
                known_dimensions,
                batch_size.min(MAX_BATCH),
                timeout,
            )?,
        })
    }
}

#[async_trait]
impl Embedder for PineconeEmbedder {
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
        kind: EmbedKind,
    ) -> Result<Vec<Vec<f32>>, KnowledgeError> {
        RemoteModel::check_texts(texts)?;
        let remote = &self.remote;
        let input_type = match kind {
            EmbedKind::Passage => "passage",
            EmbedKind::Query => "query",
        };
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(remote.batch_size) {
            let request = EmbedRequest {
                model: &remote.model,
                parameters: EmbedParameters {
                    input_type,
                    truncate: "END",
                    dimension: remote.requested_dimensions,
                },
                inputs: batch.iter().map(|text| EmbedInput { text }).collect(),
            };
            let response: EmbeddingsList = remote::call(
                &remote.client,
                reqwest::Method::POST,
                &remote.url,
                &[
                    ("Api-Key", remote.api_key.expose_secret()),
                    ("X-Pinecone-Api-Version", API_VERSION),
                ],
                Some(&request),
                "pinecone embed",
            )
            .await?;
            if response.data.len() != batch.len() {
                return Err(KnowledgeError::fatal(anyhow::anyhow!(
                    "pinecone embed: {} vectors for {} inputs",
                    response.data.len(),
                    batch.len()
                )));
            }
            out.extend(
                response
                    .data
                    .into_iter()
                    .map(|item| remote.accept(item.values)),
            );
        }
        Ok(out)
    }
}
