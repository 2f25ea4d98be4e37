//! A stand-in for Pinecone's data plane and its Inference `/embed`, checking every request
//! against the published OpenAPI of API version 2025-10 (`db_data_2025-10.oas.yaml`,
//! `inference_2025-10.oas.yaml` in pinecone-io/pinecone-api) and answering with its
//! response shapes:
//!
//! - headers `Api-Key` (the configured key, else 401) and `X-Pinecone-Api-Version`
//!   (required);
//! - `POST /vectors/upsert`: `vectors` required, 1–1000 items, body ≤ 2 MB; each vector an
//!   `id` (1–512 chars), `values` of the index's dimension, optional `sparseValues`
//!   (`indices` and `values` of equal length ≤ 1000; dotproduct indexes only), `metadata`
//!   of strings, numbers, booleans and lists of strings; → `{upsertedCount}`;
//! - `POST /query`: `topK` required (1–10000), `vector` of the dimension, optional
//!   `sparseVector`, `filter` (`$eq $ne $in $nin $and $or`), `includeMetadata`,
//!   `includeValues`; → `{matches: [{id, score, values: [], metadata}], namespace, usage}`;
//! - `POST /vectors/delete`: exactly one of `ids` (1–1000), `deleteAll: true`, `filter`;
//!   → `{}`;
//! - `GET /vectors/list?namespace&prefix&limit&paginationToken`: ids in byte order, 100 a
//!   page by default; → `{vectors: [{id}], pagination?: {next}, namespace, usage}`;
//! - `POST /describe_index_stats` → `{namespaces: {ns: {vectorCount}}, dimension,
//!   indexFullness, totalVectorCount, metric, vectorType}`;
//! - `POST /embed` → `{model, vector_type, data: [{values, vector_type}], usage}`.
//!
//! Bad requests get 400 with Pinecone's error shape (`{code: 3, message, details: []}` on
//! the data plane; `{error: {code: "INVALID_ARGUMENT", message}, status: 400}` on
//! Inference). Salient's own rule on top: every data-plane call names a namespace (the
//! account). Test scaffolding only.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Map, Value, json};

/// The API key the stand-in accepts.
pub const API_KEY: &str = "pcsk_standin_key";
/// Largest request body Pinecone accepts.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// How the stand-in index scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Cosine of the dense values.
    Cosine,
    /// Dot product of dense plus sparse values (hybrid).
    Dotproduct,
}

#[derive(Debug, Clone)]
struct Stored {
    values: Vec<f32>,
    sparse: BTreeMap<u32, f32>,
    metadata: Map<String, Value>,
}

/// A request the stand-in received.
#[derive(Debug, Clone)]
pub struct Seen {
    /// `POST /query`, `GET /vectors/list`, ...
    pub route: String,
    /// The JSON body (`null` for GET).
    pub body: Value,
    /// Its size in bytes.
    pub bytes: usize,
    /// The status answered.
    pub status: u16,
}

/// What the stand-in holds and saw.
#[derive(Debug)]
pub struct PineconeState {
    dimension: usize,
    metric: Metric,
    namespaces: Mutex<BTreeMap<String, BTreeMap<String, Stored>>>,
    /// Every request, in order.
    pub seen: Mutex<Vec<Seen>>,
}

/// A running stand-in.
#[derive(Debug)]
pub struct PineconeStandin {
    /// Where it listens.
    pub addr: SocketAddr,
    /// Shared state.
    pub state: Arc<PineconeState>,
    task: tokio::task::JoinHandle<()>,
}

impl PineconeStandin {
    /// Starts a stand-in index of `dimension` and `metric` on a free loopback port.
    pub async fn spawn(dimension: usize, metric: Metric) -> anyhow::Result<Self> {
        let state = Arc::new(PineconeState {
            dimension,
            metric,
            namespaces: Mutex::new(BTreeMap::new()),
            seen: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .route("/vectors/upsert", post(upsert))
            .route("/query", post(query))
            .route("/vectors/delete", post(delete))
            .route("/vectors/list", get(list))
            .route("/describe_index_stats", post(describe_index_stats))
            .route("/embed", post(embed))
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self { addr, state, task })
    }

    /// The index host URL.
    pub fn host(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.state
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The requests the stand-in refused (a test expects none).
    pub fn refused(&self) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|s| s.status >= 400)
            .collect()
    }
}

impl Drop for PineconeStandin {
    fn drop(&mut self) {
        self.task.abort();
    }
}

type Answer = Result<Value, (StatusCode, Value)>;

fn bad(message: impl Into<String>) -> (StatusCode, Value) {
    (
        StatusCode::BAD_REQUEST,
        json!({"code": 3, "message": message.into(), "details": []}),
    )
}

fn record(
    state: &PineconeState,
    route: &str,
    body: Value,
    bytes: usize,
    answer: Answer,
) -> Response {
    let (status, payload) = match answer {
        Ok(payload) => (StatusCode::OK, payload),
        Err((status, payload)) => (status, payload),
    };
    state
        .seen
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(Seen {
            route: route.to_owned(),
            body,
            bytes,
            status: status.as_u16(),
        });
    (status, axum::Json(payload)).into_response()
}

fn check_headers(headers: &HeaderMap) -> Result<(), (StatusCode, Value)> {
    match headers.get("Api-Key").and_then(|v| v.to_str().ok()) {
        None => {
            return Err((
                StatusCode::UNAUTHORIZED,
                json!({"code": 16, "message": "Invalid API Key", "details": []}),
            ));
        }
        Some(key) if key != API_KEY => {
            return Err((
                StatusCode::UNAUTHORIZED,
                json!({"code": 16, "message": "Invalid API Key", "details": []}),
            ));
        }
        Some(_) => {}
    }
    let version = headers
        .get("X-Pinecone-Api-Version")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if version.len() != 7 || !version.starts_with("20") || version.as_bytes()[4] != b'-' {
        return Err(bad(
            "Missing or malformed required header X-Pinecone-Api-Version",
        ));
    }
    Ok(())
}

fn parse_body(body: &Bytes) -> Result<Map<String, Value>, (StatusCode, Value)> {
    if body.len() > MAX_BODY_BYTES {
        return Err(bad(format!(
            "Request size {}B exceeds the maximum supported size of {MAX_BODY_BYTES}B",
            body.len()
        )));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(bad("The request body must be a JSON object")),
        Err(err) => Err(bad(format!("Failed to deserialize the JSON body: {err}"))),
    }
}

fn only_fields(
    map: &Map<String, Value>,
    allowed: &[&str],
    what: &str,
) -> Result<(), (StatusCode, Value)> {
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(bad(format!("Unknown field `{key}` in {what}")));
        }
    }
    Ok(())
}

fn namespace_of(map: &Map<String, Value>) -> Result<String, (StatusCode, Value)> {
    match map.get("namespace") {
        Some(Value::String(ns)) if !ns.is_empty() => Ok(ns.clone()),
        Some(Value::String(_)) | None => Err(bad(
            "namespace is required (Salient names the account's namespace in every call)",
        )),
        Some(_) => Err(bad("namespace must be a string")),
    }
}

fn floats(value: &Value, what: &str) -> Result<Vec<f32>, (StatusCode, Value)> {
    let items = value
        .as_array()
        .ok_or_else(|| bad(format!("{what} must be an array of numbers")))?;
    items
        .iter()
        .map(|v| {
            v.as_f64()
                .map(|f| f as f32)
                .ok_or_else(|| bad(format!("{what} must contain only numbers")))
        })
        .collect()
}

fn dense(
    state: &PineconeState,
    value: Option<&Value>,
    what: &str,
) -> Result<Vec<f32>, (StatusCode, Value)> {
    let values = floats(
        value.ok_or_else(|| bad(format!("{what} is required")))?,
        what,
    )?;
    if values.len() != state.dimension {
        return Err(bad(format!(
            "Vector dimension {} does not match the dimension of the index {}",
            values.len(),
            state.dimension
        )));
    }
    Ok(values)
}

fn sparse(
    state: &PineconeState,
    value: &Value,
    what: &str,
) -> Result<BTreeMap<u32, f32>, (StatusCode, Value)> {
    if state.metric != Metric::Dotproduct {
        return Err(bad(format!(
            "{what}: sparse values are supported only for indexes with the dotproduct metric"
        )));
    }
    let map = value
        .as_object()
        .ok_or_else(|| bad(format!("{what} must be an object")))?;
    only_fields(map, &["indices", "values"], what)?;
    let indices = map
        .get("indices")
        .and_then(Value::as_array)
        .ok_or_else(|| bad(format!("{what}.indices is required")))?;
    let values = floats(
        map.get("values")
            .ok_or_else(|| bad(format!("{what}.values is required")))?,
        &format!("{what}.values"),
    )?;
    if indices.len() != values.len() {
        return Err(bad(format!(
            "{what}: indices and values must have the same length"
        )));
    }
    if indices.is_empty() || indices.len() > 1000 {
        return Err(bad(format!("{what}: 1 to 1000 entries")));
    }
    let mut out = BTreeMap::new();
    for (index, value) in indices.iter().zip(values) {
        let index = index
            .as_u64()
            .and_then(|i| u32::try_from(i).ok())
            .ok_or_else(|| bad(format!("{what}.indices must be unsigned 32-bit integers")))?;
        if out.insert(index, value).is_some() {
            return Err(bad(format!("{what}.indices must be unique")));
        }
    }
    Ok(out)
}

fn check_metadata(value: &Value) -> Result<Map<String, Value>, (StatusCode, Value)> {
    let map = value
        .as_object()
        .ok_or_else(|| bad("metadata must be an object"))?;
    for (key, value) in map {
        let ok = match value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => true,
            Value::Array(items) => items.iter().all(Value::is_string),
            Value::Null | Value::Object(_) => false,
        };
        if !ok {
            return Err(bad(format!(
                "Metadata value for field `{key}` must be a string, number, boolean or list of strings"
            )));
        }
    }
    if value.to_string().len() > 40 * 1024 {
        return Err(bad(
            "Metadata size exceeds the limit of 40960 bytes per vector",
        ));
    }
    Ok(map.clone())
}

fn matches_condition(
    field: Option<&Value>,
    op: &str,
    operand: &Value,
) -> Result<bool, (StatusCode, Value)> {
    let equal = |field: Option<&Value>, operand: &Value| match field {
        Some(Value::Array(items)) => items.contains(operand),
        Some(value) => value == operand,
        None => false,
    };
    Ok(match op {
        "$eq" => equal(field, operand),
        "$ne" => !equal(field, operand),
        "$in" | "$nin" => {
            let options = operand
                .as_array()
                .ok_or_else(|| bad(format!("{op} needs an array")))?;
            let hit = options.iter().any(|o| equal(field, o));
            if op == "$in" { hit } else { !hit }
        }
        other => return Err(bad(format!("Unsupported filter operator {other}"))),
    })
}

fn matches_filter(
    metadata: &Map<String, Value>,
    filter: &Value,
) -> Result<bool, (StatusCode, Value)> {
    let map = filter
        .as_object()
        .ok_or_else(|| bad("filter must be an object"))?;
    for (key, value) in map {
        let ok = match key.as_str() {
            "$and" | "$or" => {
                let parts = value
                    .as_array()
                    .ok_or_else(|| bad(format!("{key} needs an array")))?;
                let results = parts
                    .iter()
                    .map(|p| matches_filter(metadata, p))
                    .collect::<Result<Vec<bool>, _>>()?;
                if key == "$and" {
                    results.iter().all(|r| *r)
                } else {
                    results.iter().any(|r| *r)
                }
            }
            field => match value {
                Value::Object(ops) => {
                    let mut all = true;
                    for (op, operand) in ops {
                        all &= matches_condition(metadata.get(field), op, operand)?;
                    }
                    all
                }
                other => matches_condition(metadata.get(field), "$eq", other)?,
            },
        };
        if !ok {
            return Ok(false);
        }
    }
    Ok(true)
}

async fn upsert(
    State(state): State<Arc<PineconeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let answer = (|| {
        check_headers(&headers)?;
        let map = parse_body(&body)?;
        only_fields(&map, &["vectors", "namespace"], "UpsertRequest")?;
        let namespace = namespace_of(&map)?;
        let vectors = map
            .get("vectors")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("vectors is required and must be an array"))?;
        if vectors.is_empty() || vectors.len() > 1000 {
            return Err(bad(format!(
                "vectors must hold 1 to 1000 items, not {}",
                vectors.len()
            )));
        }
        let mut parsed_vectors = Vec::new();
        for vector in vectors {
            let v = vector
                .as_object()
                .ok_or_else(|| bad("each vector must be an object"))?;
            only_fields(v, &["id", "values", "sparseValues", "metadata"], "Vector")?;
            let id = v
                .get("id")
                .and_then(Value::as_str)
                .ok_or_else(|| bad("vector id is required and must be a string"))?;
            if id.is_empty() || id.chars().count() > 512 {
                return Err(bad("vector id must be 1 to 512 characters"));
            }
            let values = dense(&state, v.get("values"), "values")?;
            let sparse = match v.get("sparseValues") {
                Some(s) => sparse(&state, s, "sparseValues")?,
                None => BTreeMap::new(),
            };
            let metadata = match v.get("metadata") {
                Some(m) => check_metadata(m)?,
                None => Map::new(),
            };
            parsed_vectors.push((
                id.to_owned(),
                Stored {
                    values,
                    sparse,
                    metadata,
                },
            ));
        }
        let count = parsed_vectors.len();
        let mut namespaces = state
            .namespaces
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let ns = namespaces.entry(namespace).or_default();
        for (id, stored) in parsed_vectors {
            ns.insert(id, stored);
        }
        Ok(json!({"upsertedCount": count}))
    })();
    record(&state, "POST /vectors/upsert", parsed, body.len(), answer)
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

async fn query(
    State(state): State<Arc<PineconeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let answer = (|| {
        check_headers(&headers)?;
        let map = parse_body(&body)?;
        only_fields(
            &map,
            &[
                "namespace",
                "topK",
                "filter",
                "includeValues",
                "includeMetadata",
                "vector",
                "sparseVector",
                "id",
            ],
            "QueryRequest",
        )?;
        let namespace = namespace_of(&map)?;
        let top_k = map
            .get("topK")
            .and_then(Value::as_u64)
            .ok_or_else(|| bad("topK is required and must be an integer"))?;
        if !(1..=10_000).contains(&top_k) {
            return Err(bad("topK must be between 1 and 10000"));
        }
        for flag in ["includeValues", "includeMetadata"] {
            if map.get(flag).is_some_and(|v| !v.is_boolean()) {
                return Err(bad(format!("{flag} must be a boolean")));
            }
        }
        if map.contains_key("id") {
            return Err(bad("Salient queries by vector, never by id"));
        }
        let vector = dense(&state, map.get("vector"), "vector")?;
        let sparse_query = match map.get("sparseVector") {
            Some(s) => sparse(&state, s, "sparseVector")?,
            None => BTreeMap::new(),
        };
        let include_metadata = map
            .get("includeMetadata")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let filter = map.get("filter");
        let namespaces = state
            .namespaces
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut matches: Vec<(f32, String, Map<String, Value>)> = Vec::new();
        if let Some(ns) = namespaces.get(&namespace) {
            for (id, stored) in ns {
                if let Some(filter) = filter
                    && !matches_filter(&stored.metadata, filter)?
                {
                    continue;
                }
                let score = match state.metric {
                    Metric::Cosine => {
                        let norms = dot(&vector, &vector).sqrt()
                            * dot(&stored.values, &stored.values).sqrt();
                        if norms > 0.0 {
                            dot(&vector, &stored.values) / norms
                        } else {
                            0.0
                        }
                    }
                    Metric::Dotproduct => {
                        dot(&vector, &stored.values)
                            + sparse_query
                                .iter()
                                .map(|(i, v)| v * stored.sparse.get(i).copied().unwrap_or(0.0))
                                .sum::<f32>()
                    }
                };
                matches.push((score, id.clone(), stored.metadata.clone()));
            }
        }
        matches.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        matches.truncate(top_k as usize);
        let matches: Vec<Value> = matches
            .into_iter()
            .map(|(score, id, metadata)| {
                let mut m = json!({"id": id, "score": score, "values": []});
                if include_metadata {
                    m["metadata"] = Value::Object(metadata);
                }
                m
            })
            .collect();
        Ok(
            json!({"results": [], "matches": matches, "namespace": namespace, "usage": {"readUnits": 6}}),
        )
    })();
    record(&state, "POST /query", parsed, body.len(), answer)
}

async fn delete(
    State(state): State<Arc<PineconeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let answer = (|| {
        check_headers(&headers)?;
        let map = parse_body(&body)?;
        only_fields(
            &map,
            &["ids", "deleteAll", "namespace", "filter"],
            "DeleteRequest",
        )?;
        let namespace = namespace_of(&map)?;
        let delete_all = match map.get("deleteAll") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(bad("deleteAll must be a boolean")),
        };
        let modes = usize::from(map.contains_key("ids"))
            + usize::from(delete_all)
            + usize::from(map.contains_key("filter"));
        if modes != 1 {
            return Err(bad(
                "Exactly one of ids, deleteAll and filter must be given",
            ));
        }
        let mut namespaces = state
            .namespaces
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if delete_all {
            namespaces.remove(&namespace);
        } else if let Some(ids) = map.get("ids") {
            let ids = ids
                .as_array()
                .ok_or_else(|| bad("ids must be an array of strings"))?;
            if ids.is_empty() || ids.len() > 1000 {
                return Err(bad("ids must hold 1 to 1000 items"));
            }
            let ids = ids
                .iter()
                .map(|v| {
                    v.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| bad("ids must be strings"))
                })
                .collect::<Result<Vec<String>, _>>()?;
            if let Some(ns) = namespaces.get_mut(&namespace) {
                for id in ids {
                    ns.remove(&id);
                }
            }
        } else if let Some(filter) = map.get("filter") {
            if filter.as_object().is_none_or(Map::is_empty) {
                return Err(bad("filter must be a non-empty object"));
            }
            if let Some(ns) = namespaces.get_mut(&namespace) {
                let mut doomed = Vec::new();
                for (id, stored) in ns.iter() {
                    if matches_filter(&stored.metadata, filter)? {
                        doomed.push(id.clone());
                    }
                }
                for id in doomed {
                    ns.remove(&id);
                }
            }
        }
        Ok(json!({}))
    })();
    record(&state, "POST /vectors/delete", parsed, body.len(), answer)
}

async fn list(
    State(state): State<Arc<PineconeState>>,
    headers: HeaderMap,
    Query(params): Query<BTreeMap<String, String>>,
) -> Response {
    let answer = (|| {
        check_headers(&headers)?;
        for key in params.keys() {
            if !["namespace", "prefix", "limit", "paginationToken"].contains(&key.as_str()) {
                return Err(bad(format!("Unknown query parameter {key}")));
            }
        }
        let namespace = match params.get("namespace") {
            Some(ns) if !ns.is_empty() => ns.clone(),
            _ => return Err(bad("namespace is required")),
        };
        let limit = match params.get("limit") {
            None => 100,
            Some(raw) => raw
                .parse::<usize>()
                .ok()
                .filter(|l| (1..=100).contains(l))
                .ok_or_else(|| bad("limit must be an integer between 1 and 100"))?,
        };
        let after = match params.get("paginationToken") {
            None => None,
            Some(token) => Some(
                token
                    .strip_prefix("tok:")
                    .ok_or_else(|| bad("Invalid pagination token"))?
                    .to_owned(),
            ),
        };
        let prefix = params.get("prefix").cloned().unwrap_or_default();
        let namespaces = state
            .namespaces
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let ids: Vec<String> = namespaces
            .get(&namespace)
            .map(|ns| {
                ns.keys()
                    .filter(|id| id.starts_with(&prefix))
                    .filter(|id| after.as_ref().is_none_or(|a| id.as_str() > a.as_str()))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let page: Vec<&String> = ids.iter().take(limit).collect();
        let mut out = json!({
            "vectors": page.iter().map(|id| json!({"id": id})).collect::<Vec<_>>(),
            "namespace": namespace,
            "usage": {"readUnits": 1},
        });
        if ids.len() > limit
            && let Some(last) = page.last()
        {
            out["pagination"] = json!({"next": format!("tok:{last}")});
        }
        Ok(out)
    })();
    let query = serde_json::to_value(&params).unwrap_or(Value::Null);
    record(&state, "GET /vectors/list", query, 0, answer)
}

async fn describe_index_stats(
    State(state): State<Arc<PineconeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let answer = (|| {
        check_headers(&headers)?;
        let map = parse_body(&body)?;
        only_fields(&map, &["filter"], "DescribeIndexStatsRequest")?;
        let namespaces = state
            .namespaces
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut summary = Map::new();
        let mut total = 0usize;
        for (name, ns) in namespaces.iter().filter(|(_, ns)| !ns.is_empty()) {
            total += ns.len();
            summary.insert(name.clone(), json!({"vectorCount": ns.len()}));
        }
        Ok(json!({
            "namespaces": summary,
            "dimension": state.dimension,
            "indexFullness": 0.0,
            "totalVectorCount": total,
            "metric": match state.metric { Metric::Cosine => "cosine", Metric::Dotproduct => "dotproduct" },
            "vectorType": "dense",
        }))
    })();
    record(
        &state,
        "POST /describe_index_stats",
        parsed,
        body.len(),
        answer,
    )
}

fn inference_error(
    status: StatusCode,
    code: &str,
    message: impl Into<String>,
) -> (StatusCode, Value) {
    (
        status,
        json!({"error": {"code": code, "message": message.into()}, "status": status.as_u16()}),
    )
}

/// A deterministic unit vector for a text (the stand-in's "model").
pub fn standin_embedding(text: &str, dimension: usize) -> Vec<f32> {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        state ^= u64::from(byte);
        state = state.wrapping_mul(0x0100_0000_01b3);
    }
    let mut values: Vec<f32> = (0..dimension)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 2000) as f32 / 1000.0 - 1.0
        })
        .collect();
    let norm = values.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-6);
    for v in &mut values {
        *v /= norm;
    }
    values
}

async fn embed(
    State(state): State<Arc<PineconeState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let parsed = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let answer = (|| {
        if headers.get("Api-Key").and_then(|v| v.to_str().ok()) != Some(API_KEY) {
            return Err(inference_error(
                StatusCode::UNAUTHORIZED,
                "UNAUTHENTICATED",
                "Invalid API key.",
            ));
        }
        if headers.get("X-Pinecone-Api-Version").is_none() {
            return Err(inference_error(
                StatusCode::BAD_REQUEST,
                "INVALID_ARGUMENT",
                "Missing required header X-Pinecone-Api-Version",
            ));
        }
        let map: Map<String, Value> = serde_json::from_slice(&body).map_err(|e| {
            inference_error(StatusCode::BAD_REQUEST, "INVALID_ARGUMENT", e.to_string())
        })?;
        let invalid = |m: &str| inference_error(StatusCode::BAD_REQUEST, "INVALID_ARGUMENT", m);
        for key in map.keys() {
            if !["model", "parameters", "inputs"].contains(&key.as_str()) {
                return Err(invalid(&format!("Unknown field {key}")));
            }
        }
        let model = map
            .get("model")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("model is required"))?;
        let inputs = map
            .get("inputs")
            .and_then(Value::as_array)
            .ok_or_else(|| invalid("inputs is required"))?;
        if inputs.is_empty() || inputs.len() > 96 {
            return Err(invalid("inputs must hold 1 to 96 items"));
        }
        let parameters = map
            .get("parameters")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        match parameters.get("input_type").and_then(Value::as_str) {
            Some("passage" | "query") => {}
            _ => return Err(invalid("parameters.input_type must be passage or query")),
        }
        let data = inputs
            .iter()
            .map(|input| {
                let text = input.get("text").and_then(Value::as_str).ok_or_else(|| invalid("each input needs text"))?;
                Ok(json!({"values": standin_embedding(text, state.dimension), "vector_type": "dense"}))
            })
            .collect::<Result<Vec<Value>, (StatusCode, Value)>>()?;
        Ok(
            json!({"model": model, "vector_type": "dense", "data": data, "usage": {"total_tokens": inputs.len() * 8}}),
        )
    })();
    record(&state, "POST /embed", parsed, body.len(), answer)
}
