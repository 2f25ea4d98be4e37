//! A small website for ingestion tests, served on loopback: the pages in `tests/data/site/`
//! (shared header, nav, footer, cookie banner and promo strip, a table, a `<details>` FAQ,
//! a robots-disallowed page, a sitemap index with a 404 entry, a URL whose canonical is
//! another page) plus `/go/metadata`, a redirect into the cloud metadata address. Pages may
//! carry `{{origin}}`, replaced with the site's own `http://127.0.0.1:<port>`. A test can
//! edit or delete pages between runs and ask which paths were fetched.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

/// Files from `tests/data/site/`, with the edits and deletions a test makes on top.
#[derive(Debug, Clone)]
pub struct Site {
    root: PathBuf,
    origin: Arc<Mutex<String>>,
    overrides: Arc<Mutex<HashMap<String, Option<String>>>>,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Site {
    /// Serves `path` with `from` replaced by `to` from now on.
    ///
    /// # Panics
    /// When the page does not exist or does not contain `from` (a mistake in the test).
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let current = self
            .read(path)
            .unwrap_or_else(|| panic!("{path} is not a page of the test site"));
        assert!(current.contains(from), "{from:?} not on {path}");
        lock(&self.overrides).insert(path.to_owned(), Some(current.replace(from, to)));
    }

    /// Answers 404 for `path` from now on.
    pub fn delete(&self, path: &str) {
        lock(&self.overrides).insert(path.to_owned(), None);
    }

    /// Whether any request asked for `path`.
    pub fn was_fetched(&self, path: &str) -> bool {
        lock(&self.hits).iter().any(|p| p == path)
    }

    /// How many requests the site has answered.
    pub fn hit_count(&self) -> usize {
        lock(&self.hits).len()
    }

    fn read(&self, path: &str) -> Option<String> {
        if let Some(over) = lock(&self.overrides).get(path) {
            return over.clone();
        }
        let relative = path.trim_start_matches('/');
        if relative.split('/').any(|part| part == "..") {
            return None;
        }
        let mut file = self.root.join(relative);
        if path.ends_with('/') {
            file = file.join("index.html");
        }
        let origin = lock(&self.origin).clone();
        std::fs::read_to_string(file)
            .ok()
            .map(|text| text.replace("{{origin}}", &origin))
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn serve(State(site): State<Site>, uri: Uri) -> Response {
    let path = uri.path().to_owned();
    lock(&site.hits).push(path.clone());
    if path == "/go/metadata" {
        // A redirect into the cloud metadata service: the crawler must refuse it.
        return (
            StatusCode::FOUND,
            [(header::LOCATION, "http://169.254.169.254/latest/meta-data/")],
        )
            .into_response();
    }
    match site.read(&path) {
        Some(body) => {
            let content_type = if path.ends_with(".xml") {
                "application/xml"
            } else if path.ends_with(".txt") {
                "text/plain"
            } else {
                "text/html; charset=utf-8"
            };
            ([(header::CONTENT_TYPE, content_type)], body).into_response()
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// Starts the site on a free loopback port; it runs until the test's runtime ends.
///
/// # Panics
/// When no loopback port can be bound.
pub async fn spawn_site() -> (Site, SocketAddr) {
    let site = Site {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).join("data/site"),
        origin: Arc::new(Mutex::new(String::new())),
        overrides: Arc::new(Mutex::new(HashMap::new())),
        hits: Arc::new(Mutex::new(Vec::new())),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local address");
    *lock(&site.origin) = format!("http://{addr}");
    let app = axum::Router::new().fallback(serve).with_state(site.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (site, addr)
}
