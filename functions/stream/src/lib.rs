//! The `stream` function: the streamed turn as Server-Sent Events. It is its own Lambda, run
//! with `run_with_streaming_response` behind a Function URL in RESPONSE_STREAM mode, because
//! lambda_http's streaming runner returns empty bodies for buffered routes
//! (aws-lambda-rust-runtime issue 805).

use std::convert::Infallible;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use futures::StreamExt as _;
use salient_core::AppState;
use salient_core::api::{
    ApiError, ApiJson, ClientIp, RawHtml, SessionPath, Visitor, answer_html, citation_views,
};
use salient_core::domain::now;
use salient_core::limits::{Action, StreamLease, open_stream};
use salient_core::turn::{self, TurnEvent};
use serde::Deserialize;
use serde_json::json;
use tokio_stream::wrappers::ReceiverStream;

/// Seconds between `: heartbeat` comments, so proxies and browsers keep an idle stream open.
pub const HEARTBEAT: Duration = Duration::from_secs(5);

/// The function's routes, before the shared layers.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/api/{account}/{agent}/sessions/{session}/stream",
        post(stream_turn),
    )
}

/// The routes with the shared layers and state bound.
pub fn app(state: AppState) -> Router {
    salient_core::api::finish(routes(), state)
}

/// The body of a turn.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TurnBody {
    message: String,
}

/// `POST /api/{account}/{agent}/sessions/{session}/stream`. The stream holds a lease of
/// `rate_limits.streams` (per session and per visitor) until it ends, and the turn is
/// counted against `rate_limits.turn`.
async fn stream_turn(
    State(state): State<AppState>,
    path: SessionPath,
    Visitor(visitor): Visitor,
    ClientIp(client_ip): ClientIp,
    ApiJson(body): ApiJson<TurnBody>,
) -> Result<Response, ApiError> {
    let limits = &path.scope.config.settings.rate_limits;
    let lease = open_stream(
        state.rate_store(),
        state.otp_secret(),
        limits,
        &path.scope.account,
        &path.session,
        &visitor,
        now(),
    )
    .await?;
    let subjects = path.limit_subjects(&visitor, client_ip);
    let admitted = state
        .limiter(limits)
        .check(Action::Turn, &subjects, now())
        .await;
    if let Err(refused) = admitted {
        lease.release().await;
        return Err(refused.into());
    }
    let raw_html = RawHtml::for_agent(&path.scope.config.settings.agent);
    let ports = state.turn_ports(&path.scope.account, &path.scope.agent);
    let started = match turn::start(&ports, path.into_turn(visitor, body.message)).await {
        Ok(started) => started,
        Err(refused) => {
            lease.release().await;
            return Err(refused.into());
        }
    };
    let events = releasing_at_the_end(ReceiverStream::new(started.events), lease)
        .map(move |event| Ok::<_, Infallible>(sse_event(event, raw_html)));
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(HEARTBEAT).text("heartbeat"))
        .into_response();
    let headers = response.headers_mut();
    headers.insert("cache-control", HeaderValue::from_static("no-store"));
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    Ok(response)
}

/// The turn's events, with the stream's lease given back just before the last one (`done`
/// or `error`) goes out, so the visitor's next turn, sent as soon as this one is done, is
/// admitted. A visitor who disconnects drops the lease with the stream, which gives it back
/// too.
fn releasing_at_the_end(
    events: ReceiverStream<TurnEvent>,
    lease: StreamLease,
) -> impl futures::Stream<Item = TurnEvent> {
    futures::stream::unfold(
        (events, Some(lease)),
        |(mut events, mut lease)| async move {
            let event = events.next().await?;
            if matches!(event, TurnEvent::Done { .. } | TurnEvent::Error { .. })
                && let Some(lease) = lease.take()
            {
                lease.release().await;
            }
            Some((event, (events, lease)))
        },
    )
}

fn sse_event(event: TurnEvent, raw_html: RawHtml) -> Event {
    let (name, data) = match event {
        TurnEvent::Meta {
            session_id,
            user_message_id,
            assistant_message_id,
        } => (
            "meta",
            json!({
                "session_id": session_id,
                "user_message_id": user_message_id,
                "assistant_message_id": assistant_message_id,
            }),
        ),
        TurnEvent::Delta(text) => ("delta", json!({ "text": text })),
        TurnEvent::Citations(citations) => (
            "citations",
            json!({ "citations": citation_views(&citations) }),
        ),
        TurnEvent::Usage(usage) => ("usage", json!(usage)),
        TurnEvent::Done {
            message,
            mode,
            reason,
        } => (
            "done",
            json!({
                "status": message.status,
                "message_id": message.id,
                "html": answer_html(&message.content, &message.citations, raw_html),
                "answer_mode": mode,
                "reason": reason,
            }),
        ),
        TurnEvent::Error { code, message } => (
            "error",
            json!({ "code": code.as_str(), "message": message }),
        ),
    };
    Event::default().event(name).data(data.to_string())
}
