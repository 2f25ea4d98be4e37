//! Every answered request counted for the console's health pages (`monitoring`): the
//! function whose route answered, the latency to the answer's headers, the status and, for
//! an error, the stable code `api::error` put on the response. Two layers: one on the routes
//! ([`note_route`]) notes the matched route's template and the account and agent it names,
//! one around everything ([`count_request`]) measures and hands the outcome to the recorder,
//! which writes it off the request path (and counts an error answer naming an account's
//! agent in the console's day rollups). `/healthz` and the static site are not counted.
//! Every answer gets an `X-Request-Id` (the Lambda request id in AWS, a ULID locally),
//! which an error event keeps.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{FromRequestParts as _, MatchedPath, RawPathParams, Request, State};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use super::error::{ErrorCode, ErrorInRollups};
use crate::config::Catalog;
use crate::domain::{AccountId, AgentId, now};
use crate::monitoring::{RequestOutcome, RequestRecorder};
use crate::ports::metrics::Function;

/// The header every answer names its request id in.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The route of an error event when no route had the path.
const UNMATCHED: &str = "unmatched";

/// The code of an error answer that `api::error` did not make (none should exist).
const UNCLASSIFIED: &str = "unclassified";

/// What the route layer learnt: the matched route's template, the deployment's account it
/// names, if any, and that account's agent it names, if any.
#[derive(Debug, Clone)]
struct RouteSeen {
    template: Arc<str>,
    account: Option<AccountId>,
    agent: Option<AgentId>,
}

/// The function that serves a path (a route template, or the raw path of a request no
/// route matched), as the deployment routes them (`infra/template.yaml`); `None` for
/// `/healthz` and anything outside the API.
pub fn function_of(path: &str) -> Option<Function> {
    if path == "/api/console" || path.starts_with("/api/console/") {
        return Some(Function::Console);
    }
    if path.starts_with("/api/admin/") || path.starts_with("/admin/") {
        return Some(Function::Ingest);
    }
    let rest = path.strip_prefix("/api/")?;
    let segments: Vec<&str> = rest.split('/').collect();
    Some(match segments.as_slice() {
        [_, _, "otp", ..] | [_, _, "sessions", _, "profile"] => Function::Otp,
        [_, _, "sessions", _, "stream"] => Function::Stream,
        [_, _, "sessions", _, "summary" | "handoff"] => Function::Email,
        _ => Function::Chat,
    })
}

/// Route layer: notes the matched template, the account its `{account}` names and the agent
/// its `{agent}` names (only an account of this deployment, and only an agent that account
/// has: the path's text is never kept otherwise).
pub(crate) async fn note_route(
    State(catalog): State<Arc<Catalog>>,
    request: Request,
    next: Next,
) -> Response {
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| Arc::<str>::from(m.as_str()));
    let (mut parts, body) = request.into_parts();
    let params = RawPathParams::from_request_parts(&mut parts, &())
        .await
        .ok();
    let param = |wanted: &str| {
        params.as_ref().and_then(|params| {
            params
                .iter()
                .find(|(name, _)| *name == wanted)
                .map(|(_, raw)| raw.to_owned())
        })
    };
    let account = param("account")
        .and_then(|raw| AccountId::parse(&raw).ok())
        .filter(|account| catalog.agents().any(|agent| &agent.account == account));
    let agent = account.as_ref().and_then(|account| {
        param("agent")
            .and_then(|raw| AgentId::parse(&raw).ok())
            .filter(|agent| catalog.agent(account, agent).is_some())
    });
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(template) = template {
        response.extensions_mut().insert(RouteSeen {
            template,
            account,
            agent,
        });
    }
    response
}

/// The request id: the Lambda invocation's in AWS, else a new ULID.
fn request_id(request: &Request) -> String {
    request
        .extensions()
        .get::<lambda_http::Context>()
        .map(|context| context.request_id.clone())
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| ulid::Ulid::generate().to_string())
}

/// Outer layer: measures the request, names its request id on the answer, and hands the
/// outcome to the recorder (a queue push: nothing here waits on storage).
pub(crate) async fn count_request(
    State(recorder): State<RequestRecorder>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let id = request_id(&request);
    // Only to tell the function of a request no route matched; never kept.
    let raw_function = function_of(request.uri().path());
    let mut response = next.run(request).await;
    let latency = started.elapsed();
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    let seen = response.extensions().get::<RouteSeen>().cloned();
    let function = match &seen {
        Some(seen) => function_of(&seen.template),
        None => raw_function,
    };
    let Some(function) = function else {
        return response;
    };
    let status = response.status();
    let code = match response.extensions().get::<ErrorCode>() {
        Some(code) => Some(code.as_str()),
        None if status.is_client_error() || status.is_server_error() => Some(UNCLASSIFIED),
        None => None,
    };
    let error_in_rollups = response.extensions().get::<ErrorInRollups>().is_some();
    let (route, account, agent) = match seen {
        Some(seen) => (seen.template.to_string(), seen.account, seen.agent),
        None => (UNMATCHED.to_owned(), None, None),
    };
    recorder.record(RequestOutcome {
        function,
        at: now(),
        latency,
        status: status.as_u16(),
        code,
        route,
        account,
        agent,
        error_in_rollups,
        request_id: id,
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_belongs_to_its_function() {
        for (path, function) in [
            ("/api/{account}/{agent}", Some(Function::Chat)),
            ("/api/{account}/{agent}/sessions", Some(Function::Chat)),
            (
                "/api/{account}/{agent}/sessions/{session}/turns",
                Some(Function::Chat),
            ),
            (
                "/api/{account}/{agent}/sessions/{session}/messages/{message}/feedback",
                Some(Function::Chat),
            ),
            (
                "/api/{account}/{agent}/sessions/{session}/stream",
                Some(Function::Stream),
            ),
            ("/api/{account}/{agent}/otp/request", Some(Function::Otp)),
            (
                "/api/{account}/{agent}/sessions/{session}/profile",
                Some(Function::Otp),
            ),
            (
                "/api/{account}/{agent}/sessions/{session}/summary",
                Some(Function::Email),
            ),
            (
                "/api/{account}/{agent}/sessions/{session}/handoff",
                Some(Function::Email),
            ),
            ("/api/admin/{account}/ingest", Some(Function::Ingest)),
            ("/admin/ingest/{account}", Some(Function::Ingest)),
            ("/api/console/sign-in", Some(Function::Console)),
            ("/api/console/{account}/errors", Some(Function::Console)),
            ("/api/nowhere", Some(Function::Chat)),
            ("/healthz", None),
            ("/demo/northwind-heating/", None),
        ] {
            assert_eq!(function_of(path), function, "{path}");
        }
    }
}
