//! One JSON call to a remote knowledge API (embeddings, Pinecone), with retries: 429 and
//! 5xx answers and transport failures are retried with exponential backoff, then reported
//! as retryable; other 4xx answers are fatal and carry the provider's message.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use backon::{ExponentialBuilder, Retryable as _};
use secrecy::SecretString;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::ports::knowledge::KnowledgeError;

/// Attempts per call.
const ATTEMPTS: usize = 3;
/// Wait before the first retry; doubled each time.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// Most of an error body kept in the error message.
const ERROR_BODY_CHARS: usize = 500;

/// Sends `body` (if any) with `method` to `url` with `headers`, and parses the answer;
/// retryable failures are tried again, up to [`ATTEMPTS`] in all.
pub(crate) async fn call<B: Serialize + ?Sized, T: DeserializeOwned>(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&B>,
    what: &str,
) -> Result<T, KnowledgeError> {
    let backoff = ExponentialBuilder::default()
        .with_min_delay(FIRST_BACKOFF)
        .with_max_times(ATTEMPTS - 1);
    (|| call_once(client, method.clone(), url, headers, body, what))
        .retry(backoff)
        .when(|err| {
            matches!(
                err,
                KnowledgeError::Backend {
                    retryable: true,
                    ..
                }
            )
        })
        .notify(|err, delay| {
            tracing::warn!(what, ?delay, error = %err, "retrying a knowledge API call");
        })
        .await
}

/// One attempt of [`call`]: 429, 5xx and transport failures are retryable, other 4xx not.
async fn call_once<B: Serialize + ?Sized, T: DeserializeOwned>(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&B>,
    what: &str,
) -> Result<T, KnowledgeError> {
    let mut request = client.request(method, url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let response = request.send().await.map_err(|err| {
        KnowledgeError::transient(
            anyhow::Error::new(err).context(format!("{what}: request failed")),
        )
    })?;
    let status = response.status();
    if status.is_success() {
        return response.json::<T>().await.map_err(|err| {
            KnowledgeError::fatal(
                anyhow::Error::new(err).context(format!("{what}: unexpected answer")),
            )
        });
    }
    let text = response.text().await.unwrap_or_default();
    let text: String = text.chars().take(ERROR_BODY_CHARS).collect();
    let err = anyhow::anyhow!("{what}: HTTP {status}: {text}");
    if status.as_u16() == 429 || status.is_server_error() {
        Err(KnowledgeError::transient(err))
    } else {
        Err(KnowledgeError::fatal(err))
    }
}

/// What a remote embedder holds whatever its wire format: the client, the endpoint, the
/// key, the model, the batch size, and the vector length (asked for, known for the model,
/// or learnt from the first answer).
#[derive(Debug)]
pub(crate) struct RemoteModel {
    pub(crate) client: reqwest::Client,
    pub(crate) url: String,
    pub(crate) api_key: SecretString,
    pub(crate) model: String,
    /// The length asked of the provider, when configured.
    pub(crate) requested_dimensions: Option<usize>,
    dimensions: AtomicUsize,
    pub(crate) batch_size: usize,
}

impl RemoteModel {
    /// A model at `url`; `known_dimensions` gives the length of well-known models (0 when
    /// unknown) for when none is configured.
    pub(crate) fn new(
        url: String,
        api_key: SecretString,
        model: &str,
        dimensions: usize,
        known_dimensions: fn(&str) -> usize,
        batch_size: usize,
        timeout: Duration,
    ) -> Result<Self, KnowledgeError> {
        if model.trim().is_empty() {
            return Err(KnowledgeError::Invalid(
                "knowledge.embedding.model must be set".to_owned(),
            ));
        }
        Ok(Self {
            client: client(timeout)?,
            url,
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

    /// The vector length (0 until known).
    pub(crate) fn dimensions(&self) -> usize {
        self.dimensions.load(Ordering::Relaxed)
    }

    /// Refuses empty texts, which every provider rejects less clearly.
    pub(crate) fn check_texts(texts: &[String]) -> Result<(), KnowledgeError> {
        if texts.iter().any(|t| t.trim().is_empty()) {
            return Err(KnowledgeError::Invalid(
                "cannot embed an empty text".to_owned(),
            ));
        }
        Ok(())
    }

    /// A vector as the provider sent it, normalised; its length becomes the model's.
    pub(crate) fn accept(&self, mut vector: Vec<f32>) -> Vec<f32> {
        normalise(&mut vector);
        self.dimensions.store(vector.len(), Ordering::Relaxed);
        vector
    }
}

/// An HTTP client with a total timeout per request.
pub(crate) fn client(timeout: Duration) -> Result<reqwest::Client, KnowledgeError> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(Duration::from_secs(5))
        .build()
        .map_err(KnowledgeError::fatal)
}

/// Scales a vector to unit length (zero stays zero).
pub(crate) fn normalise(vector: &mut [f32]) {
    let norm = vector.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        for v in vector {
            *v /= norm;
        }
    }
}
