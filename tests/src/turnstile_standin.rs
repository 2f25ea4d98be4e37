//! A stand-in for Cloudflare Turnstile's siteverify API, following its published format:
//! `POST /turnstile/v0/siteverify` with `secret`, `response`, optional `remoteip` and
//! `idempotency_key`, as a form (`application/x-www-form-urlencoded`) or as JSON; every
//! answer is HTTP 200 JSON, `{"success": true, "challenge_ts", "hostname", "error-codes": [],
//! "action", "cdata", "metadata"}` for a good token and `{"success": false, "error-codes":
//! [...], "messages": []}` otherwise, with Cloudflare's codes: `missing-input-secret`,
//! `invalid-input-secret`, `missing-input-response`, `invalid-input-response` (unknown,
//! malformed or over 2048 characters), `timeout-or-duplicate` (already redeemed, or older than
//! 300 seconds) and `internal-error`. A token is redeemed once; a call repeating the
//! idempotency key of the call that redeemed it gets that call's answer again.
//!
//! Test scaffolding only: a deployment talks to Cloudflare.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRequest, Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Value, json};

/// The secret key the stand-in accepts.
pub const SECRET: &str = "0x4AAAAAAAstandin-secret-key-000000";
/// A site key to configure beside [`SECRET`].
pub const SITE_KEY: &str = "0x4AAAAAAAstandin-site-key";
/// How long a token stays valid (Cloudflare: 300 seconds).
const TOKEN_TTL: chrono::Duration = chrono::Duration::seconds(300);
/// Cloudflare's longest token.
const MAX_TOKEN_CHARS: usize = 2048;

/// How the stand-in answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Behaviour {
    /// As Cloudflare does.
    Normal,
    /// Never answers (a call times out).
    Hang,
    /// The next call answers `internal-error`, then normally.
    InternalErrorOnce,
    /// The next call answers HTTP 502 with an HTML page, then normally.
    BadGatewayOnce,
}

/// One siteverify call as it arrived.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SiteverifyCall {
    /// The secret key sent.
    pub secret: Option<String>,
    /// The token sent.
    pub response: Option<String>,
    /// The visitor's address sent.
    pub remoteip: Option<String>,
    /// The idempotency key sent.
    pub idempotency_key: Option<String>,
    /// Whether the body was a form (else JSON).
    #[serde(skip)]
    pub form: bool,
}

#[derive(Debug, Clone)]
struct IssuedToken {
    action: String,
    issued_at: DateTime<Utc>,
    /// The idempotency key and answer of the call that redeemed it.
    redeemed: Option<(Option<String>, Value)>,
}

#[derive(Debug)]
struct Inner {
    behaviour: Behaviour,
    tokens: HashMap<String, IssuedToken>,
    calls: Vec<SiteverifyCall>,
}

/// A running stand-in.
#[derive(Debug)]
pub struct TurnstileStandin {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    task: tokio::task::JoinHandle<()>,
}

impl TurnstileStandin {
    /// Starts a stand-in on a free loopback port.
    pub async fn spawn() -> anyhow::Result<Self> {
        let inner = Arc::new(Mutex::new(Inner {
            behaviour: Behaviour::Normal,
            tokens: HashMap::new(),
            calls: Vec::new(),
        }));
        let app = Router::new()
            .route("/turnstile/v0/siteverify", post(siteverify))
            .with_state(Arc::clone(&inner));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self { addr, inner, task })
    }

    /// The URL to configure as `account.turnstile.verify_url`.
    pub fn verify_url(&self) -> String {
        format!("http://{}/turnstile/v0/siteverify", self.addr)
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        lock(&self.inner)
    }

    /// A token as the widget would hand it over after a challenge rendered with `action`.
    pub fn issue_token(&self, action: &str) -> String {
        self.issue_at(action, Utc::now())
    }

    /// A token issued longer ago than tokens stay valid.
    pub fn issue_expired_token(&self) -> String {
        self.issue_at(
            "session",
            Utc::now() - TOKEN_TTL - chrono::Duration::seconds(1),
        )
    }

    fn issue_at(&self, action: &str, issued_at: DateTime<Utc>) -> String {
        let mut inner = self.lock();
        let token = format!("0.standin-token-{}", inner.tokens.len() + 1);
        inner.tokens.insert(
            token.clone(),
            IssuedToken {
                action: action.to_owned(),
                issued_at,
                redeemed: None,
            },
        );
        token
    }

    /// Changes how the next calls are answered.
    pub fn behave(&self, behaviour: Behaviour) {
        self.lock().behaviour = behaviour;
    }

    /// Every call, in arrival order.
    pub fn calls(&self) -> Vec<SiteverifyCall> {
        self.lock().calls.clone()
    }
}

impl Drop for TurnstileStandin {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn lock(inner: &Mutex<Inner>) -> MutexGuard<'_, Inner> {
    inner
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn failure(codes: &[&str]) -> Value {
    json!({"success": false, "error-codes": codes, "messages": []})
}

async fn siteverify(State(inner): State<Arc<Mutex<Inner>>>, request: Request) -> Response {
    let is_form = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let call = if is_form {
        axum::Form::<SiteverifyCall>::from_request(request, &())
            .await
            .map(|axum::Form(call)| SiteverifyCall { form: true, ..call })
            .ok()
    } else {
        axum::Json::<SiteverifyCall>::from_request(request, &())
            .await
            .map(|axum::Json(call)| call)
            .ok()
    };
    let Some(call) = call else {
        return axum::Json(failure(&["bad-request"])).into_response();
    };
    let behaviour = {
        let mut inner = lock(&inner);
        inner.calls.push(call.clone());
        let behaviour = inner.behaviour;
        if matches!(
            behaviour,
            Behaviour::InternalErrorOnce | Behaviour::BadGatewayOnce
        ) {
            inner.behaviour = Behaviour::Normal;
        }
        behaviour
    };
    match behaviour {
        Behaviour::Hang => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            return StatusCode::GATEWAY_TIMEOUT.into_response();
        }
        Behaviour::InternalErrorOnce => {
            return axum::Json(failure(&["internal-error"])).into_response();
        }
        Behaviour::BadGatewayOnce => {
            let mut response = (
                StatusCode::BAD_GATEWAY,
                "<html><body>502 Bad Gateway</body></html>",
            )
                .into_response();
            response
                .headers_mut()
                .insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
            return response;
        }
        Behaviour::Normal => {}
    }
    axum::Json(answer(&mut lock(&inner), &call)).into_response()
}

/// Cloudflare's checks, in its order: the secret, then the token.
fn answer(inner: &mut Inner, call: &SiteverifyCall) -> Value {
    match call.secret.as_deref() {
        None | Some("") => return failure(&["missing-input-secret"]),
        Some(secret) if secret != SECRET => return failure(&["invalid-input-secret"]),
        Some(_) => {}
    }
    let token = match call.response.as_deref() {
        None | Some("") => return failure(&["missing-input-response"]),
        Some(token) if token.chars().count() > MAX_TOKEN_CHARS => {
            return failure(&["invalid-input-response"]);
        }
        Some(token) => token,
    };
    let Some(issued) = inner.tokens.get_mut(token) else {
        return failure(&["invalid-input-response"]);
    };
    if let Some((key, earlier)) = &issued.redeemed {
        return if key.is_some() && *key == call.idempotency_key {
            earlier.clone()
        } else {
            failure(&["timeout-or-duplicate"])
        };
    }
    let answer = if Utc::now() - issued.issued_at > TOKEN_TTL {
        failure(&["timeout-or-duplicate"])
    } else {
        json!({
            "success": true,
            "challenge_ts": issued.issued_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            "hostname": "127.0.0.1",
            "error-codes": [],
            "action": issued.action,
            "cdata": "",
            "metadata": {"ephemeral_id": "x:standin"},
        })
    };
    issued.redeemed = Some((call.idempotency_key.clone(), answer.clone()));
    answer
}
