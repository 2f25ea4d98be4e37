//! The embedding providers: the local MiniLM against reference vectors made by the model's
//! own runtime (`tests/data/minilm_reference.json`, `scripts/bench/minilm_reference.py`),
//! the OpenAI-compatible provider against a small stand-in of `/embeddings` (OpenAI's
//! response shape), and Pinecone Inference against the Pinecone stand-in.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use salient_core::ports::knowledge::{EmbedKind, Embedder};
use salient_core::{LocalEmbedder, OpenAiEmbedder, PineconeEmbedder};
use salient_tests::pinecone_standin::{self, Metric, PineconeStandin};
use secrecy::SecretString;
use serde_json::{Value, json};

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_owned()
}

fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb)
}

fn local_model() -> LocalEmbedder {
    let dir = workspace_root().join(".tools/models/all-MiniLM-L6-v2");
    match LocalEmbedder::new(&dir) {
        Ok(embedder) => embedder,
        Err(err) => panic!(
            "the local MiniLM model is not installed ({err:#}): run scripts/install-model.sh"
        ),
    }
}

#[tokio::test]
async fn local_minilm_matches_the_reference_vectors_of_its_own_runtime() {
    let reference: Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_root().join("tests/data/minilm_reference.json"))
            .expect("reference file"),
    )
    .expect("reference JSON");
    let cases = reference["cases"].as_array().expect("cases");
    let texts: Vec<String> = cases
        .iter()
        .map(|c| c["text"].as_str().expect("text").to_owned())
        .collect();
    let embedder = local_model();
    assert_eq!(embedder.dimensions(), 384);
    let started = std::time::Instant::now();
    embedder.load().expect("model loads");
    eprintln!("MiniLM loaded in {:?}", started.elapsed());
    let vectors = embedder
        .embed(&texts, EmbedKind::Passage)
        .await
        .expect("embeds");
    assert_eq!(vectors.len(), texts.len());
    for (case, vector) in cases.iter().zip(&vectors) {
        let expected: Vec<f32> = case["vector"]
            .as_array()
            .expect("vector")
            .iter()
            .map(|v| v.as_f64().expect("number") as f32)
            .collect();
        assert_eq!(vector.len(), 384);
        let norm: f32 = vector.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "L2-normalised: {norm}");
        let similarity = cosine(vector, &expected);
        assert!(
            similarity > 0.999,
            "cosine {similarity} for {:?}",
            case["text"]
        );
    }
    // Batching does not change a text's vector (padding is masked out of the mean).
    let alone = embedder
        .embed(&texts[..1], EmbedKind::Query)
        .await
        .expect("embeds");
    assert!(cosine(&alone[0], &vectors[0]) > 0.9999);
}

#[tokio::test]
async fn local_minilm_puts_related_texts_closer_than_unrelated_ones() {
    let embedder = local_model();
    let texts: Vec<String> = [
        "How much is the AERO-7 heat pump?",
        "The AERO-7 air source heat pump costs £7,495 fitted.",
        "Our office is closed on bank holidays.",
    ]
    .map(str::to_owned)
    .to_vec();
    let v = embedder
        .embed(&texts, EmbedKind::Query)
        .await
        .expect("embeds");
    assert!(cosine(&v[0], &v[1]) > cosine(&v[0], &v[2]) + 0.2);
}

// ---------------------------------------------------------------------------------------
// OpenAI-compatible `/embeddings` stand-in: `{object: "list", data: [{object: "embedding",
// embedding, index}], model, usage: {prompt_tokens, total_tokens}}`; 401 without a bearer
// key; 400 `{error: {message, type, param, code}}` for a malformed body. It answers the
// items in reverse order, which the API allows (clients must use `index`).

#[derive(Default)]
struct OpenAiSeen {
    bodies: Mutex<Vec<Value>>,
    /// Statuses to answer before any success, one per request (429 rate limit, 503).
    busy: Mutex<std::collections::VecDeque<StatusCode>>,
}

async fn openai_embeddings(
    State(seen): State<Arc<OpenAiSeen>>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    seen.bodies.lock().expect("lock").push(body.clone());
    let error = |status: StatusCode, message: &str| {
        (
            status,
            Json(json!({"error": {"message": message, "type": "invalid_request_error", "param": null, "code": null}})),
        )
            .into_response()
    };
    if let Some(status) = seen.busy.lock().expect("lock").pop_front() {
        let (kind, code) = if status == StatusCode::TOO_MANY_REQUESTS {
            ("requests", json!("rate_limit_exceeded"))
        } else {
            ("server_error", Value::Null)
        };
        return (
            status,
            Json(json!({"error": {"message": "Please retry.", "type": kind, "param": null, "code": code}})),
        )
            .into_response();
    }
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some("Bearer sk-standin") {
        return error(StatusCode::UNAUTHORIZED, "Incorrect API key provided.");
    }
    let Some(model) = body["model"].as_str() else {
        return error(
            StatusCode::BAD_REQUEST,
            "you must provide a model parameter",
        );
    };
    let Some(inputs) = body["input"].as_array() else {
        return error(
            StatusCode::BAD_REQUEST,
            "input must be a string or an array",
        );
    };
    let dims = body["dimensions"].as_u64().unwrap_or(8) as usize;
    let mut data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .map(|(index, text)| {
            let text = text.as_str().unwrap_or_default();
            // Unnormalised on purpose: the client normalises.
            let embedding: Vec<f32> = (0..dims)
                .map(|d| ((text.len() + d * 7) % 11) as f32 + 1.0)
                .collect();
            json!({"object": "embedding", "embedding": embedding, "index": index})
        })
        .collect();
    data.reverse();
    Json(json!({
        "object": "list",
        "data": data,
        "model": model,
        "usage": {"prompt_tokens": inputs.len() * 3, "total_tokens": inputs.len() * 3},
    }))
    .into_response()
}

async fn spawn_openai_standin() -> (SocketAddr, Arc<OpenAiSeen>) {
    let seen = Arc::new(OpenAiSeen::default());
    let app = axum::Router::new()
        .route("/v1/embeddings", post(openai_embeddings))
        .with_state(Arc::clone(&seen));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (addr, seen)
}

#[tokio::test]
async fn openai_compatible_embeddings_come_back_in_input_order_batched_and_normalised() {
    let (addr, seen) = spawn_openai_standin().await;
    let embedder = OpenAiEmbedder::new(
        &format!("http://{addr}/v1"),
        SecretString::from("sk-standin"),
        "text-embedding-3-small",
        12,
        2,
        std::time::Duration::from_secs(5),
    )
    .expect("builds");
    assert_eq!(embedder.dimensions(), 12);
    let texts: Vec<String> = ["a", "bb", "ccc", "dddd", "eeeee"]
        .map(str::to_owned)
        .to_vec();
    let vectors = embedder
        .embed(&texts, EmbedKind::Passage)
        .await
        .expect("embeds");
    assert_eq!(vectors.len(), 5);
    for (text, vector) in texts.iter().zip(&vectors) {
        assert_eq!(vector.len(), 12);
        let norm: f32 = vector.iter().map(|v| v * v).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5);
        // The stand-in's first component depends on the text length: order is kept.
        let raw: Vec<f32> = (0..12)
            .map(|d| ((text.len() + d * 7) % 11) as f32 + 1.0)
            .collect();
        assert!(cosine(vector, &raw) > 0.9999, "{text}");
    }
    let bodies = seen.bodies.lock().expect("lock").clone();
    assert_eq!(bodies.len(), 3, "batches of 2");
    assert_eq!(bodies[0]["model"], "text-embedding-3-small");
    assert_eq!(bodies[0]["encoding_format"], "float");
    assert_eq!(bodies[0]["dimensions"], 12);
    assert_eq!(bodies[0]["input"], json!(["a", "bb"]));
}

#[tokio::test]
async fn a_rejected_key_is_a_fatal_error_naming_the_status() {
    let (addr, _) = spawn_openai_standin().await;
    let embedder = OpenAiEmbedder::new(
        &format!("http://{addr}/v1"),
        SecretString::from("sk-wrong"),
        "text-embedding-3-small",
        0,
        16,
        std::time::Duration::from_secs(5),
    )
    .expect("builds");
    let err = embedder
        .embed(&["hello".to_owned()], EmbedKind::Query)
        .await
        .expect_err("401");
    match err {
        salient_core::ports::knowledge::KnowledgeError::Backend { retryable, source } => {
            assert!(!retryable);
            assert!(format!("{source:#}").contains("401"), "{source:#}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

fn standin_embedder(addr: SocketAddr) -> OpenAiEmbedder {
    OpenAiEmbedder::new(
        &format!("http://{addr}/v1"),
        SecretString::from("sk-standin"),
        "text-embedding-3-small",
        4,
        16,
        std::time::Duration::from_secs(5),
    )
    .expect("builds")
}

#[tokio::test]
async fn throttled_and_failing_calls_are_retried_until_one_succeeds() {
    let (addr, seen) = spawn_openai_standin().await;
    seen.busy.lock().expect("lock").extend([
        StatusCode::TOO_MANY_REQUESTS,
        StatusCode::SERVICE_UNAVAILABLE,
    ]);
    let vectors = standin_embedder(addr)
        .embed(&["hello".to_owned()], EmbedKind::Query)
        .await
        .expect("the third attempt succeeds");
    assert_eq!(vectors.len(), 1);
    assert_eq!(seen.bodies.lock().expect("lock").len(), 3);
}

#[tokio::test]
async fn a_provider_that_stays_unavailable_fails_as_retryable_after_three_attempts() {
    let (addr, seen) = spawn_openai_standin().await;
    seen.busy
        .lock()
        .expect("lock")
        .extend([StatusCode::SERVICE_UNAVAILABLE; 5]);
    let err = standin_embedder(addr)
        .embed(&["hello".to_owned()], EmbedKind::Query)
        .await
        .expect_err("still unavailable");
    match err {
        salient_core::ports::knowledge::KnowledgeError::Backend { retryable, source } => {
            assert!(retryable);
            assert!(format!("{source:#}").contains("503"), "{source:#}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(seen.bodies.lock().expect("lock").len(), 3, "three attempts");
}

#[tokio::test]
async fn pinecone_inference_embeds_passages_and_queries_with_the_published_request() {
    let standin = PineconeStandin::spawn(32, Metric::Cosine)
        .await
        .expect("starts");
    let embedder = PineconeEmbedder::new(
        &standin.host(),
        SecretString::from(pinecone_standin::API_KEY),
        "multilingual-e5-large",
        0,
        500,
        std::time::Duration::from_secs(5),
    )
    .expect("builds");
    let texts: Vec<String> = (0..100).map(|i| format!("text {i}")).collect();
    let vectors = embedder
        .embed(&texts, EmbedKind::Passage)
        .await
        .expect("embeds");
    assert_eq!(vectors.len(), 100);
    assert_eq!(embedder.dimensions(), 32);
    assert!(
        cosine(
            &vectors[7],
            &pinecone_standin::standin_embedding("text 7", 32)
        ) > 0.9999
    );
    embedder
        .embed(&["where are you?".to_owned()], EmbedKind::Query)
        .await
        .expect("embeds");
    let seen = standin.seen();
    assert!(standin.refused().is_empty(), "{:#?}", standin.refused());
    assert_eq!(seen.len(), 3, "at most 96 inputs a request");
    assert_eq!(seen[0].body["parameters"]["input_type"], "passage");
    assert_eq!(seen[0].body["parameters"]["truncate"], "END");
    assert_eq!(seen[0].body["inputs"][0], json!({"text": "text 0"}));
    assert_eq!(seen[2].body["parameters"]["input_type"], "query");
}

// ---------------------------------------------------------------------------------------
// Settings: `knowledge:` from app.yaml, secrets only from SSM/environment, validation that
// names the key.

fn secret(key: &str, value: &str) -> salient_core::config::SecretParameter {
    salient_core::config::SecretParameter {
        account: None,
        key: key.to_owned(),
        parameter: format!("/salient/test/{key}"),
        value: value.to_owned(),
    }
}

#[test]
fn knowledge_settings_load_from_app_yaml_with_secrets_from_ssm() {
    use salient_core::config::{Catalog, EmbeddingProvider, VectorBackend};
    use secrecy::ExposeSecret as _;
    let catalog = Catalog::load(
        &salient_tests::app::config_dir(),
        &[
            secret("knowledge.embedding.api_key", "sk-from-ssm"),
            secret("knowledge.embedding.provider", "openai"),
            secret("knowledge.embedding.model", "text-embedding-3-small"),
        ],
    )
    .expect("the repository's config loads");
    let knowledge = &catalog.app().knowledge;
    assert_eq!(knowledge.embedding.provider, EmbeddingProvider::Openai);
    assert_eq!(
        knowledge
            .embedding
            .api_key
            .as_ref()
            .map(|k| k.expose_secret().to_owned()),
        Some("sk-from-ssm".to_owned())
    );
    assert_eq!(
        knowledge.embedding.local_model_dir,
        PathBuf::from(".tools/models/all-MiniLM-L6-v2")
    );
    assert_eq!(knowledge.vector_store.backend, VectorBackend::Embedded);
    assert_eq!(knowledge.rag.top_k, 5);
    let embedder = salient_core::open_embedder(knowledge).expect("builds");
    assert_eq!(embedder.model_id(), "text-embedding-3-small");
    assert_eq!(embedder.dimensions(), 1536);
}

#[test]
fn invalid_knowledge_settings_are_refused_naming_the_key() {
    let err = salient_core::config::Catalog::load(
        &salient_tests::app::config_dir(),
        &[
            secret("knowledge.vector_store.backend", "pinecone"),
            secret("knowledge.rag.top_k", "0"),
        ],
    )
    .expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("knowledge.vector_store.index_host"),
        "{message}"
    );
    assert!(message.contains("knowledge.rag.top_k"), "{message}");
}

#[test]
fn a_missing_local_model_names_the_install_script() {
    let err = LocalEmbedder::new(std::path::Path::new("/nonexistent/minilm")).expect_err("missing");
    assert!(
        format!("{err:#}").contains("scripts/install-model.sh")
            || format!("{err:?}").contains("scripts/install-model.sh")
    );
}

#[tokio::test]
async fn local_minilm_with_the_embedded_index_answers_questions_and_skus() {
    use salient_core::EmbeddedIndex;
    use salient_core::domain::AccountId;
    use salient_core::ports::knowledge::{ChunkRecord, IndexedChunk, VectorIndex, VectorQuery};
    let embedder = local_model();
    let texts: Vec<String> = [
        "Servicing: a boiler service costs £95, or is included in our Boiler Care plan.",
        "Northwind Air 7: 7 kW air-source heat pump, model AERO-7, £7,495 fitted.",
        "Northwind Air 9: 9 kW air-source heat pump, model AERO-9, £8,995 fitted.",
        "We cover Leeds, Bradford, Harrogate and Wakefield. Call us on 0113 496 0000.",
    ]
    .map(str::to_owned)
    .to_vec();
    let vectors = embedder
        .embed(&texts, EmbedKind::Passage)
        .await
        .expect("embeds");
    let chunks: Vec<IndexedChunk> = texts
        .iter()
        .zip(vectors)
        .enumerate()
        .map(|(i, (text, vector))| IndexedChunk {
            record: ChunkRecord {
                id: format!("c#{i}"),
                url: format!("https://northwind.test/{i}"),
                title: "Northwind Heating".to_owned(),
                heading_path: vec![],
                text: text.clone(),
                page_hash: "h".to_owned(),
                date: None,
            },
            vector,
        })
        .collect();
    let index = EmbeddedIndex::in_memory().expect("index");
    let account = AccountId::parse("northwind-heating").expect("id");
    index.upsert(&account, &chunks).await.expect("upsert");
    for (question, expected) in [
        ("How much is a boiler service?", "c#0"),
        ("AERO-9", "c#2"),
        ("price of the aero 7", "c#1"),
        ("Do you cover Harrogate?", "c#3"),
    ] {
        let vector = embedder
            .embed(&[question.to_owned()], EmbedKind::Query)
            .await
            .expect("embeds")
            .remove(0);
        let hits = index
            .query(
                &account,
                &VectorQuery {
                    vector,
                    text: question.to_owned(),
                    top_k: 2,
                    url_prefix: None,
                },
            )
            .await
            .expect("query");
        assert_eq!(hits[0].record.id, expected, "{question}: {hits:#?}");
    }
}
