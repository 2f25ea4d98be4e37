//! `salient serve`: every function's router in one axum server on 127.0.0.1, the static site
//! at `/`, structured logs, graceful shutdown, and the hourly sweep of expired rows.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::serve::ListenerExt as _;
use salient_core::AppState;
use salient_core::config::Catalog;
use salient_core::ports::Store;

/// How often the local server deletes expired rows (and once at start).
const EXPIRY_SWEEP_EVERY: Duration = Duration::from_secs(60 * 60);

/// Every function's routes, as one router (the local server, and tests).
pub fn all_routes() -> Router<AppState> {
    salient_chat::routes()
        .merge(salient_stream::routes())
        .merge(salient_ingest::routes())
        .merge(salient_email::routes())
        .merge(salient_otp::routes())
        .merge(salient_console::routes())
}

/// Every function's routes with the shared layers, and the built site at `/` when present.
pub fn local_app(state: AppState, site_dir: &Path) -> Router {
    if site_dir.is_dir() {
        salient_core::api::finish_serving_site(all_routes(), state, site_dir)
    } else {
        tracing::warn!(site_dir = %site_dir.display(), "no built site; serving the API only (build it with `npm run build` in site/)");
        salient_core::api::finish(all_routes(), state)
    }
}

/// `salient serve`.
pub async fn run(config_dir: &Path, port: Option<u16>) -> anyhow::Result<()> {
    let catalog = Catalog::load(config_dir, &[])
        .with_context(|| format!("loading configuration from {}", config_dir.display()))?;
    salient_core::init_telemetry(&catalog.app().telemetry);
    let server = catalog.app().server.clone();
    let state = AppState::from_catalog(catalog).await?;
    // The console's "Re-crawl now" runs the ingestion in this process.
    let state = salient_ingest::LocalIngestTrigger::new().attach(state);
    // Load the tokenizer in the background so the first turn does not wait for it.
    tokio::task::spawn_blocking(salient_core::warm_up_tokenizer);
    tokio::spawn(sweep_expired(Arc::clone(&state.store), EXPIRY_SWEEP_EVERY));
    let app = local_app(state, &server.site_dir);
    let host: std::net::IpAddr = server
        .host
        .parse()
        .context("server.host is not an IP address")?;
    let addr = SocketAddr::new(host, port.unwrap_or(server.port));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    let local = listener.local_addr()?;
    tracing::info!(address = %local, "salient is listening");
    println!("salient listening on http://{local}");
    // The peer address feeds per-IP rate limits (one-time codes).
    axum::serve(
        listener.tap_io(no_delay),
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving")?;
    tracing::info!("salient stopped");
    Ok(())
}

/// Deletes what has passed its retention (and spent codes, counters and leases) at once and
/// then every `every`: the embedded store has no TTL of its own, and every read already
/// ignores expired rows, so this only frees the space. On DynamoDB it does nothing.
pub async fn sweep_expired(store: Arc<dyn Store>, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        match store.delete_expired(salient_core::domain::now()).await {
            Ok(deleted) => tracing::info!(deleted, "expired rows deleted"),
            Err(error) => {
                tracing::warn!(error = %format!("{:#}", anyhow::Error::from(error)), "deleting expired rows failed; retrying at the next sweep")
            }
        }
    }
}

/// Streamed answers are many small writes: without TCP_NODELAY, Nagle's algorithm and the
/// peer's delayed ACKs hold each one back by up to 40 ms.
pub fn no_delay(stream: &mut tokio::net::TcpStream) {
    if let Err(error) = stream.set_nodelay(true) {
        tracing::debug!(%error, "could not set TCP_NODELAY");
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
