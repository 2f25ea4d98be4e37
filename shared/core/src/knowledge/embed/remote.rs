//! One JSON call to a remote knowledge API (embeddings, Pinecone), with retries: 429 and
//! 5xx answers and transport failures are retried with exponential backoff, then reported
//! as retryable; other 4xx answers are fatal and carry the provider's message.

use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::ports::knowledge::KnowledgeError;

/// Attempts per call.
const ATTEMPTS: u32 = 3;
/// Wait before the first retry; doubled each time.
const FIRST_BACKOFF: Duration = Duration::from_millis(200);
/// Most of an error body kept in the error message.
const ERROR_BODY_CHARS: usize = 500;

/// Sends `body` (if any) with `method` to `url` with `headers`, and parses the answer.
pub(crate) async fn call<B: Serialize + ?Sized, T: DeserializeOwned>(
    client: &reqwest::Client,
    method: reqwest::Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&B>,
    what: &str,
) -> Result<T, KnowledgeError> {
    let mut backoff = FIRST_BACKOFF;
    let mut attempt = 1;
    loop {
        let mut request = client.request(method.clone(), url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let outcome = match request.send().await {
            Err(err) => Err(KnowledgeError::transient(
                anyhow::Error::new(err).context(format!("{what}: request failed")),
            )),
            Ok(response) => {
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
                    return Err(KnowledgeError::fatal(err));
                }
            }
        };
        if attempt >= ATTEMPTS {
            return outcome;
        }
        tracing::warn!(what, attempt, "retrying a knowledge API call");
        tokio::time::sleep(backoff).await;
        backoff *= 2;
        attempt += 1;
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
