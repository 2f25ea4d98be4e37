//! Fetching one URL safely: every hop vetted by [`super::ssrf`], redirects followed by hand
//! (each target checked again, including its host against the allowed hosts), the
//! connection pinned to the vetted address, the body capped in bytes and the whole fetch
//! capped in time.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::Duration;

use url::Url;

use super::ssrf::{self, Refusal};

/// The crawler's `User-Agent` (and the token robots.txt groups are matched against).
pub const USER_AGENT: &str = "SalientBot/0.1 (+https://github.com/salient-ai/salient)";
/// The product token robots.txt rules name.
pub const ROBOTS_AGENT: &str = "SalientBot";
/// Most redirects followed from one URL.
const MAX_REDIRECTS: usize = 5;

/// Why a fetch produced no body.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL or an address it resolves to (or redirects to) is refused.
    #[error("refused: {0}")]
    Refused(#[from] Refusal),
    /// A redirect left the allowed hosts.
    #[error("redirect to a host that is not allowed: {0}")]
    OffHost(String),
    /// Too many redirects.
    #[error("too many redirects")]
    TooManyRedirects,
    /// The body is larger than the cap.
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
    /// An HTTP status other than 2xx.
    #[error("HTTP {0}")]
    Status(u16),
    /// Connection, TLS or timeout failure.
    #[error("network: {0}")]
    Network(String),
}

impl FetchError {
    /// Whether the URL is gone for good (so a page once indexed should be removed).
    pub fn is_gone(&self) -> bool {
        matches!(self, Self::Status(404 | 410))
    }

    /// Whether trying again later may succeed (a page that fails like this is kept).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Network(_) => true,
            Self::Status(status) => *status == 429 || *status >= 500,
            _ => false,
        }
    }
}

/// A fetched body.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL the body came from, after redirects.
    pub final_url: Url,
    /// `Content-Type`, lower-cased, without parameters.
    pub content_type: String,
    /// The body (at most the cap).
    pub body: Vec<u8>,
}

/// Fetches URLs under an account's rules. One per run: vetted addresses are pinned per
/// host for the run's length.
#[derive(Debug)]
pub struct Fetcher {
    allowed_hosts: Vec<String>,
    allow_private: Vec<String>,
    max_bytes: u64,
    timeout: Duration,
    clients: Mutex<HashMap<String, reqwest::Client>>,
}

impl Fetcher {
    /// A fetcher that only fetches from `allowed_hosts` (host or host:port).
    pub fn new(
        allowed_hosts: Vec<String>,
        allow_private: Vec<String>,
        max_bytes: u64,
        timeout: Duration,
    ) -> Self {
        Self {
            allowed_hosts,
            allow_private,
            max_bytes,
            timeout,
            clients: Mutex::new(HashMap::new()),
        }
    }

    /// Whether a URL's host is one the account allows.
    pub fn host_allowed(&self, url: &Url) -> bool {
        let host = url.host_str().unwrap_or_default();
        let host_port = ssrf::host_port(url);
        self.allowed_hosts
            .iter()
            .any(|allowed| allowed.eq_ignore_ascii_case(host) || *allowed == host_port)
    }

    /// Fetches `url`, following up to five redirects, each one vetted.
    pub async fn get(&self, url: &str) -> Result<Fetched, FetchError> {
        let mut current = ssrf::check_url(url)?;
        for _ in 0..=MAX_REDIRECTS {
            if !self.host_allowed(&current) {
                return Err(FetchError::OffHost(ssrf::host_port(&current)));
            }
            let client = self.client_for(&current).await?;
            let response = client
                .get(current.clone())
                .send()
                .await
                .map_err(|e| FetchError::Network(e.without_url().to_string()))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or(FetchError::Status(status.as_u16()))?;
                let next = current
                    .join(location)
                    .map_err(|_| FetchError::Refused(Refusal::Malformed))?;
                current = ssrf::check_url(next.as_str())?;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }
            let content_type = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase();
            if response
                .content_length()
                .is_some_and(|n| n > self.max_bytes)
            {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
            let body = self.read_capped(response).await?;
            return Ok(Fetched {
                final_url: current,
                content_type,
                body,
            });
        }
        Err(FetchError::TooManyRedirects)
    }

    async fn read_capped(&self, mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| FetchError::Network(e.without_url().to_string()))?
        {
            if (body.len() + chunk.len()) as u64 > self.max_bytes {
                return Err(FetchError::TooLarge(self.max_bytes));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// A client that connects this URL's host to its vetted address only.
    async fn client_for(&self, url: &Url) -> Result<reqwest::Client, FetchError> {
        let key = format!("{}://{}", url.scheme(), ssrf::host_port(url));
        if let Some(client) = self
            .clients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
        {
            return Ok(client.clone());
        }
        let address: SocketAddr = ssrf::resolve(url, &self.allow_private).await?;
        let host = url.host_str().unwrap_or_default().to_owned();
        let client = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(self.timeout)
            .connect_timeout(self.timeout)
            .no_proxy()
            .resolve(&host, address)
            .build()
            .map_err(|e| FetchError::Network(e.to_string()))?;
        self.clients
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, client.clone());
        Ok(client)
    }
}
