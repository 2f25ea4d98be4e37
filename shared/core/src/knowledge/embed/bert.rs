//! A BERT encoder's forward pass on the CPU, written for inference on packed sequences.
//!
//! The texts of a batch are concatenated token after token (no padding at all), so every
//! dense layer is one matrix product over all the batch's tokens, and attention runs per
//! text and head on exactly that text's tokens: no attention mask is needed and no work
//! is spent on padding. The matrix products are `faer`'s, whose kernels for AVX-512,
//! AVX2/FMA and plain SSE are chosen at run time from what the CPU offers; the
//! element-wise steps (bias, GELU, softmax, layer norm) are plain loops that `pulp`
//! compiles once per instruction set and dispatches the same way. Everything is exact
//! f32 (no quantisation, no reduced precision), and no `unsafe` code.
//!
//! Written here rather than taken from candle's `BertModel` because that model pads every
//! batch to its longest text, masks the padding, and copies each tensor between steps;
//! this pass is several times faster on the same kernels (`docs/benchmarks.md`).

use std::path::Path;

use anyhow::{Context as _, bail};
use faer::linalg::matmul::matmul;
use faer::{Accum, MatMut, MatRef, Par};
use rayon::prelude::*;
use serde::Deserialize;

/// The fields of a Hugging Face BERT `config.json` the forward pass needs.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct BertConfig {
    pub hidden_size: usize,
    pub num_attention_heads: usize,
    pub num_hidden_layers: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    #[serde(default = "default_type_vocab")]
    pub type_vocab_size: usize,
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f64,
    #[serde(default = "default_act")]
    pub hidden_act: String,
    #[serde(default = "default_position")]
    pub position_embedding_type: String,
}

fn default_type_vocab() -> usize {
    2
}
fn default_eps() -> f64 {
    1e-12
}
fn default_act() -> String {
    "gelu".to_owned()
}
fn default_position() -> String {
    "absolute".to_owned()
}

impl BertConfig {
    pub(crate) fn read(dir: &Path) -> anyhow::Result<Self> {
        let raw =
            std::fs::read_to_string(dir.join("config.json")).context("reading config.json")?;
        let config: Self = serde_json::from_str(&raw).context("parsing config.json")?;
        if config.hidden_act != "gelu" {
            bail!(
                "config.json: hidden_act {:?} is not supported (only \"gelu\")",
                config.hidden_act
            );
        }
        if config.position_embedding_type != "absolute" {
            bail!(
                "config.json: position_embedding_type {:?} is not supported (only \"absolute\")",
                config.position_embedding_type
            );
        }
        if config.num_attention_heads == 0
            || !config
                .hidden_size
                .is_multiple_of(config.num_attention_heads)
        {
            bail!("config.json: hidden_size is not a multiple of num_attention_heads");
        }
        Ok(config)
    }
}

/// A dense layer: `y = x·Wᵀ + b`, `W` stored `[out, in]` row-major as the checkpoint has it.
struct Linear {
    weight: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
    outputs: usize,
}

struct LayerNorm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
}

struct Layer {
    /// Query, key and value projections stacked into one `[3·hidden, hidden]` product.
    qkv: Linear,
    attention_out: Linear,
    attention_norm: LayerNorm,
    intermediate: Linear,
    output: Linear,
    output_norm: LayerNorm,
}

/// The loaded encoder.
pub(crate) struct Bert {
    config: BertConfig,
    word: Vec<f32>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    eps: f32,
}

/// Reads the checkpoint's tensors by name, with or without a `bert.` prefix.
struct Weights<'a> {
    tensors: safetensors::SafeTensors<'a>,
    prefix: &'static str,
}

impl Weights<'_> {
    fn get(&self, name: &str, shape: &[usize]) -> anyhow::Result<Vec<f32>> {
        let full = format!("{}{name}", self.prefix);
        let view = self
            .tensors
            .tensor(&full)
            .with_context(|| format!("model.safetensors has no tensor {full}"))?;
        if view.shape() != shape {
            bail!(
                "model.safetensors: {full} has shape {:?}, expected {shape:?}",
                view.shape()
            );
        }
        let data = view.data();
        Ok(match view.dtype() {
            safetensors::Dtype::F32 => data
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
            safetensors::Dtype::F16 => data
                .chunks_exact(2)
                .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
                .collect(),
            safetensors::Dtype::BF16 => data
                .chunks_exact(2)
                .map(|b| half::bf16::from_le_bytes([b[0], b[1]]).to_f32())
                .collect(),
            other => bail!("model.safetensors: {full} is {other:?}, not a float type"),
        })
    }

    fn linear(&self, name: &str, outputs: usize, inputs: usize) -> anyhow::Result<Linear> {
        Ok(Linear {
            weight: self.get(&format!("{name}.weight"), &[outputs, inputs])?,
            bias: self.get(&format!("{name}.bias"), &[outputs])?,
            inputs,
            outputs,
        })
    }

    fn norm(&self, name: &str, size: usize) -> anyhow::Result<LayerNorm> {
        // Old checkpoints name the parameters gamma and beta.
        let pick = |new: &str, old: &str| {
            self.get(&format!("{name}.{new}"), &[size])
                .or_else(|_| self.get(&format!("{name}.{old}"), &[size]))
        };
        Ok(LayerNorm {
            gamma: pick("weight", "gamma")?,
            beta: pick("bias", "beta")?,
        })
    }
}

impl Bert {
    /// Loads the weights of `model.safetensors` (f32, f16 or bf16; computed in f32).
    pub(crate) fn load(config: BertConfig, safetensors_bytes: &[u8]) -> anyhow::Result<Self> {
        let tensors = safetensors::SafeTensors::deserialize(safetensors_bytes)
            .context("parsing model.safetensors")?;
        let prefix = if tensors
            .names()
            .iter()
            .any(|n| n.starts_with("bert.embeddings."))
        {
            "bert."
        } else {
            ""
        };
        let w = Weights { tensors, prefix };
        let h = config.hidden_size;
        let vocab = w
            .tensors
            .tensor(&format!("{prefix}embeddings.word_embeddings.weight"))
            .context("model.safetensors has no word embeddings")?
            .shape()
            .first()
            .copied()
            .unwrap_or(0);
        let word = w.get("embeddings.word_embeddings.weight", &[vocab, h])?;
        let position = w.get(
            "embeddings.position_embeddings.weight",
            &[config.max_position_embeddings, h],
        )?;
        let token_type = w.get(
            "embeddings.token_type_embeddings.weight",
            &[config.type_vocab_size, h],
        )?;
        let embedding_norm = w.norm("embeddings.LayerNorm", h)?;
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            let p = format!("encoder.layer.{i}");
            let q = w.linear(&format!("{p}.attention.self.query"), h, h)?;
            let k = w.linear(&format!("{p}.attention.self.key"), h, h)?;
            let v = w.linear(&format!("{p}.attention.self.value"), h, h)?;
            let qkv = Linear {
                weight: [q.weight, k.weight, v.weight].concat(),
                bias: [q.bias, k.bias, v.bias].concat(),
                inputs: h,
                outputs: 3 * h,
            };
            layers.push(Layer {
                qkv,
                attention_out: w.linear(&format!("{p}.attention.output.dense"), h, h)?,
                attention_norm: w.norm(&format!("{p}.attention.output.LayerNorm"), h)?,
                intermediate: w.linear(
                    &format!("{p}.intermediate.dense"),
                    config.intermediate_size,
                    h,
                )?,
                output: w.linear(&format!("{p}.output.dense"), h, config.intermediate_size)?,
                output_norm: w.norm(&format!("{p}.output.LayerNorm"), h)?,
            });
        }
        Ok(Self {
            eps: config.layer_norm_eps as f32,
            config,
            word,
            position,
            token_type,
            embedding_norm,
            layers,
        })
    }

    pub(crate) fn hidden_size(&self) -> usize {
        self.config.hidden_size
    }

    pub(crate) fn max_positions(&self) -> usize {
        self.config.max_position_embeddings
    }

    fn vocab(&self) -> usize {
        self.word.len() / self.config.hidden_size
    }

    /// The last hidden states `[tokens, hidden]` of the packed texts: `ids` and
    /// `type_ids` hold every text's tokens one text after another, `lengths` each text's
    /// token count. Runs on the current rayon pool.
    pub(crate) fn forward(
        &self,
        ids: &[u32],
        type_ids: &[u32],
        lengths: &[usize],
    ) -> anyhow::Result<Vec<f32>> {
        let h = self.config.hidden_size;
        let tokens: usize = lengths.iter().sum();
        if ids.len() != tokens || type_ids.len() != tokens {
            bail!("packed ids do not match the lengths");
        }
        if let Some(long) = lengths.iter().find(|&&l| l > self.max_positions()) {
            bail!("a text of {long} tokens is longer than the model's positions");
        }
        if ids.iter().any(|&id| id as usize >= self.vocab())
            || type_ids
                .iter()
                .any(|&t| t as usize >= self.config.type_vocab_size)
        {
            bail!("a token id is outside the model's vocabulary");
        }
        let arch = pulp::Arch::new();
        let threads = rayon::current_num_threads();
        let par = if threads > 1 {
            Par::rayon(threads)
        } else {
            Par::Seq
        };
        // Rows of element-wise work handed to one rayon task.
        const ROWS: usize = 32;

        // Embeddings: word + position + token type, then layer norm.
        let mut positions = Vec::with_capacity(tokens);
        for &len in lengths {
            positions.extend(0..len);
        }
        let mut x = vec![0f32; tokens * h];
        x.par_chunks_mut(h * ROWS)
            .enumerate()
            .for_each(|(block, rows)| {
                arch.dispatch(|| {
                    for (r, row) in rows.chunks_exact_mut(h).enumerate() {
                        let t = block * ROWS + r;
                        let word = &self.word[ids[t] as usize * h..][..h];
                        let pos = &self.position[positions[t] * h..][..h];
                        let ty = &self.token_type[type_ids[t] as usize * h..][..h];
                        for (((v, w), p), t) in row.iter_mut().zip(word).zip(pos).zip(ty) {
                            *v = w + p + t;
                        }
                        layer_norm(row, &self.embedding_norm, self.eps);
                    }
                });
            });

        let heads = self.config.num_attention_heads;
        let head_dim = h / heads;
        let scale = 1.0 / (head_dim as f32).sqrt();

        let mut qkv = vec![0f32; tokens * 3 * h];
        let mut context = vec![0f32; tokens * h];
        let mut projected = vec![0f32; tokens * h];
        let mut inner = vec![0f32; tokens * self.config.intermediate_size];
        for layer in &self.layers {
            // Q, K, V for every token in one product; the scale goes into Q.
            linear(&x, tokens, &layer.qkv, &mut qkv, par);
            qkv.par_chunks_mut(3 * h * ROWS).for_each(|rows| {
                arch.dispatch(BiasScaleQ {
                    rows,
                    hidden: h,
                    bias: &layer.qkv.bias,
                    scale,
                });
            });

            // Attention per text and head, on that text's tokens only: each task owns its
            // text's rows of its head's columns of `context`.
            let mut tasks = Vec::with_capacity(lengths.len() * heads);
            let mut rest = context.as_mut_slice();
            let mut start = 0;
            for &len in lengths {
                let (text, tail) = rest.split_at_mut(len * h);
                rest = tail;
                let mut columns = MatMut::from_row_major_slice_mut(text, len, h);
                for head in 0..heads {
                    let (this, others) = columns.split_at_col_mut(head_dim);
                    tasks.push((this, start, len, head));
                    columns = others;
                }
                start += len;
            }
            let qkv = &qkv;
            tasks.into_par_iter().for_each_init(
                Vec::new,
                |scores: &mut Vec<f32>, (out, start, len, head)| {
                    let text = MatRef::from_row_major_slice(
                        &qkv[start * 3 * h..(start + len) * 3 * h],
                        len,
                        3 * h,
                    );
                    let q = text.subcols(head * head_dim, head_dim);
                    let k = text.subcols(h + head * head_dim, head_dim);
                    let v = text.subcols(2 * h + head * head_dim, head_dim);
                    scores.clear();
                    scores.resize(len * len, 0.0);
                    matmul(
                        MatMut::from_row_major_slice_mut(scores, len, len),
                        Accum::Replace,
                        q,
                        k.transpose(),
                        1.0,
                        Par::Seq,
                    );
                    arch.dispatch(Softmax {
                        rows: scores,
                        width: len,
                    });
                    matmul(
                        out,
                        Accum::Replace,
                        MatRef::from_row_major_slice(scores, len, len),
                        v,
                        1.0,
                        Par::Seq,
                    );
                },
            );

            // Output projection, residual, layer norm.
            linear(&context, tokens, &layer.attention_out, &mut projected, par);
            residual_norm(
                arch,
                &mut x,
                &projected,
                &layer.attention_out.bias,
                &layer.attention_norm,
                self.eps,
                h,
                ROWS,
            );

            // Feed-forward: GELU(x·W₁ᵀ + b₁)·W₂ᵀ + b₂, residual, layer norm.
            let inter = layer.intermediate.outputs;
            linear(&x, tokens, &layer.intermediate, &mut inner, par);
            inner.par_chunks_mut(inter * ROWS).for_each(|rows| {
                arch.dispatch(BiasGelu {
                    rows,
                    width: inter,
                    bias: &layer.intermediate.bias,
                });
            });
            linear(&inner, tokens, &layer.output, &mut projected, par);
            residual_norm(
                arch,
                &mut x,
                &projected,
                &layer.output.bias,
                &layer.output_norm,
                self.eps,
                h,
                ROWS,
            );
        }
        Ok(x)
    }
}

/// `out[rows, outputs] = x[rows, inputs]·Wᵀ` (the bias is added by the next step).
fn linear(x: &[f32], rows: usize, layer: &Linear, out: &mut [f32], par: Par) {
    matmul(
        MatMut::from_row_major_slice_mut(out, rows, layer.outputs),
        Accum::Replace,
        MatRef::from_row_major_slice(x, rows, layer.inputs),
        MatRef::from_row_major_slice(&layer.weight, layer.outputs, layer.inputs).transpose(),
        1.0,
        par,
    );
}

/// `x = LayerNorm(x + projected + bias)`, row by row.
#[allow(clippy::too_many_arguments)]
fn residual_norm(
    arch: pulp::Arch,
    x: &mut [f32],
    projected: &[f32],
    bias: &[f32],
    norm: &LayerNorm,
    eps: f32,
    h: usize,
    rows: usize,
) {
    x.par_chunks_mut(h * rows)
        .zip(projected.par_chunks(h * rows))
        .for_each(|(xs, ps)| {
            arch.dispatch(ResidualNorm {
                rows: xs,
                projected: ps,
                width: h,
                bias,
                norm,
                eps,
            });
        });
}

// The element-wise kernels of every layer, as `pulp::WithSimd` operations rather than
// closures: a closure reaches the target-feature function through its `FnOnce::call_once`
// shim, which is not inlined and so is compiled for the baseline instruction set (SSE2),
// while an `#[inline(always)]` `with_simd` body is compiled with the features `arch`
// detected (AVX-512 or AVX2). The embedding sum, once per token, stays a closure.

/// `GELU(row + bias)` for each row of `width`.
struct BiasGelu<'a> {
    rows: &'a mut [f32],
    width: usize,
    bias: &'a [f32],
}

impl pulp::WithSimd for BiasGelu<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) {
        for row in self.rows.chunks_exact_mut(self.width) {
            add_bias(row, self.bias);
            gelu(row);
        }
    }
}

/// `row + bias` for each row of Q, K and V (`3 × hidden`), with Q times `scale`.
struct BiasScaleQ<'a> {
    rows: &'a mut [f32],
    hidden: usize,
    bias: &'a [f32],
    scale: f32,
}

impl pulp::WithSimd for BiasScaleQ<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) {
        for row in self.rows.chunks_exact_mut(3 * self.hidden) {
            add_bias(row, self.bias);
            for q in &mut row[..self.hidden] {
                *q *= self.scale;
            }
        }
    }
}

/// Softmax of each row of `width`.
struct Softmax<'a> {
    rows: &'a mut [f32],
    width: usize,
}

impl pulp::WithSimd for Softmax<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) {
        for row in self.rows.chunks_exact_mut(self.width) {
            softmax(row);
        }
    }
}

/// `LayerNorm(row + projected + bias)` for each row of `width`.
struct ResidualNorm<'a> {
    rows: &'a mut [f32],
    projected: &'a [f32],
    width: usize,
    bias: &'a [f32],
    norm: &'a LayerNorm,
    eps: f32,
}

impl pulp::WithSimd for ResidualNorm<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) {
        let rows = self.rows.chunks_exact_mut(self.width);
        for (row, p) in rows.zip(self.projected.chunks_exact(self.width)) {
            for ((v, p), b) in row.iter_mut().zip(p).zip(self.bias) {
                *v += p + b;
            }
            layer_norm(row, self.norm, self.eps);
        }
    }
}

#[inline(always)]
fn add_bias(row: &mut [f32], bias: &[f32]) {
    for (v, b) in row.iter_mut().zip(bias) {
        *v += b;
    }
}

/// Sums in 16 independent lanes so the loop vectorises (a single accumulator would be a
/// serial chain of float additions).
#[inline(always)]
fn sum_lanes(values: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut lanes = [0f32; 16];
    let mut chunks = values.chunks_exact(16);
    for chunk in &mut chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane += f(v);
        }
    }
    let mut total: f32 = lanes.iter().sum();
    for &v in chunks.remainder() {
        total += f(v);
    }
    total
}

#[inline(always)]
fn layer_norm(row: &mut [f32], norm: &LayerNorm, eps: f32) {
    let n = row.len() as f32;
    let mean = sum_lanes(row, |v| v) / n;
    let variance = sum_lanes(row, |v| (v - mean) * (v - mean)) / n;
    let inv = 1.0 / (variance + eps).sqrt();
    for ((v, g), b) in row.iter_mut().zip(&norm.gamma).zip(&norm.beta) {
        *v = (*v - mean) * inv * g + b;
    }
}

#[inline(always)]
fn max_lanes(values: &[f32]) -> f32 {
    let mut lanes = [f32::NEG_INFINITY; 16];
    let mut chunks = values.chunks_exact(16);
    for chunk in &mut chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane = lane.max(v);
        }
    }
    let mut best = lanes.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for &v in chunks.remainder() {
        best = best.max(v);
    }
    best
}

#[inline(always)]
fn softmax(row: &mut [f32]) {
    let max = max_lanes(row);
    for v in row.iter_mut() {
        *v = exp(*v - max);
    }
    let inv = 1.0 / sum_lanes(row, |v| v);
    for v in row.iter_mut() {
        *v *= inv;
    }
}

/// `eˣ` for f32, branch-free so loops over it vectorise: 2ⁿ·e^r with r in [-ln2/2, ln2/2]
/// and a degree-6 polynomial for e^r (Cephes' `expf`; relative error below 2e-7).
#[inline(always)]
#[allow(clippy::excessive_precision)] // the published coefficients, as printed
fn exp(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    // Below -87.3 the result underflows to 0; above 88.7 it overflows.
    let x = x.clamp(-87.3, 88.7);
    // round(x·log2e) without a libm call: add and subtract 1.5·2²³.
    const MAGIC: f32 = 12_582_912.0;
    let n = (x * LOG2E + MAGIC) - MAGIC;
    let r = x - n * LN2_HI - n * LN2_LO;
    let r2 = r * r;
    let p = ((((1.987_569_1e-4 * r + 1.398_199_9e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 1.666_666_5e-1)
        * r
        + 5.000_000_1e-1;
    let e_r = p * r2 + r + 1.0;
    // 2ⁿ from n's bits: n + 1.5·2²³ holds n in its low mantissa bits, so integer
    // arithmetic on the bits (no float-to-int cast, whose saturation would stop the loop
    // from vectorising) gives the exponent field of 2ⁿ.
    let biased = (n + MAGIC)
        .to_bits()
        .wrapping_sub(MAGIC.to_bits())
        .wrapping_add(127);
    let scale = f32::from_bits(biased << 23);
    e_r * scale
}

/// GELU as BERT defines it, `x·Φ(x) = ½·x·erfc(−x/√2)`, in place. erfc is the
/// Numerical Recipes Chebyshev fit (relative error below 1.2e-7 everywhere), written
/// branch-free so the loop vectorises.
#[inline(always)]
#[allow(clippy::excessive_precision)] // the published coefficients, as printed
fn gelu(row: &mut [f32]) {
    for v in row.iter_mut() {
        let x = *v;
        let z = x * -std::f32::consts::FRAC_1_SQRT_2;
        let a = z.abs();
        let t = 1.0 / (1.0 + 0.5 * a);
        let poly = -1.265_512_2
            + t * (1.000_023_7
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77))))))));
        let erfc_abs = t * exp(-a * a + poly);
        // erfc(z) = erfc(|z|) for z ≥ 0, 2 − erfc(|z|) for z < 0.
        let erfc = if z >= 0.0 { erfc_abs } else { 2.0 - erfc_abs };
        *v = 0.5 * x * erfc;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn erf_reference(x: f64) -> f64 {
        // Abramowitz–Stegun 7.1.28 is too coarse; integrate instead (Simpson, fine grid).
        let n = 20_000;
        let h = x / n as f64;
        let f = |t: f64| (-t * t).exp();
        let mut sum = f(0.0) + f(x);
        for i in 1..n {
            let w = if i % 2 == 1 { 4.0 } else { 2.0 };
            sum += w * f(i as f64 * h);
        }
        sum * h / 3.0 * 2.0 / std::f64::consts::PI.sqrt()
    }

    /// A tiny BERT with seeded random weights, as the checkpoint would store it.
    pub(crate) struct TinyModel {
        pub(crate) config: BertConfig,
        pub(crate) tensors: Vec<(String, Vec<usize>, Vec<f32>)>,
    }

    pub(crate) fn tiny_model(seed: u64) -> TinyModel {
        let config = BertConfig {
            hidden_size: 8,
            num_attention_heads: 2,
            num_hidden_layers: 2,
            intermediate_size: 12,
            max_position_embeddings: 16,
            type_vocab_size: 2,
            layer_norm_eps: 1e-12,
            hidden_act: "gelu".to_owned(),
            position_embedding_type: "absolute".to_owned(),
        };
        let mut state = seed | 1;
        let mut random = |n: usize, scale: f32| -> Vec<f32> {
            (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ((state >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 2.0 * scale
                })
                .collect()
        };
        let (h, i, vocab) = (8, 12, 20);
        let mut tensors = vec![
            (
                "embeddings.word_embeddings.weight".to_owned(),
                vec![vocab, h],
                random(vocab * h, 1.0),
            ),
            (
                "embeddings.position_embeddings.weight".to_owned(),
                vec![16, h],
                random(16 * h, 0.5),
            ),
            (
                "embeddings.token_type_embeddings.weight".to_owned(),
                vec![2, h],
                random(2 * h, 0.5),
            ),
            (
                "embeddings.LayerNorm.weight".to_owned(),
                vec![h],
                random(h, 1.0),
            ),
            (
                "embeddings.LayerNorm.bias".to_owned(),
                vec![h],
                random(h, 0.2),
            ),
        ];
        for l in 0..2 {
            let p = format!("encoder.layer.{l}");
            for (name, out, inp) in [
                ("attention.self.query", h, h),
                ("attention.self.key", h, h),
                ("attention.self.value", h, h),
                ("attention.output.dense", h, h),
                ("intermediate.dense", i, h),
                ("output.dense", h, i),
            ] {
                tensors.push((
                    format!("{p}.{name}.weight"),
                    vec![out, inp],
                    random(out * inp, 0.7),
                ));
                tensors.push((format!("{p}.{name}.bias"), vec![out], random(out, 0.2)));
            }
            for name in ["attention.output.LayerNorm", "output.LayerNorm"] {
                tensors.push((format!("{p}.{name}.weight"), vec![h], random(h, 1.0)));
                tensors.push((format!("{p}.{name}.bias"), vec![h], random(h, 0.2)));
            }
        }
        TinyModel { config, tensors }
    }

    impl TinyModel {
        pub(crate) fn safetensors(&self) -> Vec<u8> {
            let bytes: Vec<(String, Vec<usize>, Vec<u8>)> = self
                .tensors
                .iter()
                .map(|(n, s, v)| {
                    (
                        n.clone(),
                        s.clone(),
                        v.iter().flat_map(|x| x.to_le_bytes()).collect(),
                    )
                })
                .collect();
            let views: Vec<(String, safetensors::tensor::TensorView<'_>)> = bytes
                .iter()
                .map(|(n, s, b)| {
                    let view =
                        safetensors::tensor::TensorView::new(safetensors::Dtype::F32, s.clone(), b)
                            .expect("a valid view");
                    (n.clone(), view)
                })
                .collect();
            safetensors::serialize(views, None).expect("serialises")
        }

        fn get(&self, name: &str) -> &[f32] {
            &self.tensors.iter().find(|t| t.0 == name).expect("tensor").2
        }

        #[allow(clippy::needless_range_loop)] // textbook indices, on purpose
        /// The textbook forward pass, in f64: every text padded to the batch's longest
        /// and the padding masked out of attention (as PyTorch BERT runs it).
        pub(crate) fn padded_reference(&self, texts: &[Vec<u32>]) -> Vec<Vec<Vec<f64>>> {
            let (h, heads) = (8usize, 2usize);
            let d = h / heads;
            let width = texts.iter().map(Vec::len).max().unwrap_or(0);
            let lin = |x: &[Vec<f64>], name: &str| -> Vec<Vec<f64>> {
                let w = self.get(&format!("{name}.weight"));
                let b = self.get(&format!("{name}.bias"));
                let out = b.len();
                let inp = w.len() / out;
                x.iter()
                    .map(|row| {
                        (0..out)
                            .map(|o| {
                                b[o] as f64
                                    + (0..inp)
                                        .map(|k| row[k] * w[o * inp + k] as f64)
                                        .sum::<f64>()
                            })
                            .collect()
                    })
                    .collect()
            };
            let norm = |row: &mut Vec<f64>, name: &str| {
                let g = self.get(&format!("{name}.weight"));
                let b = self.get(&format!("{name}.bias"));
                let n = row.len() as f64;
                let mean = row.iter().sum::<f64>() / n;
                let var = row.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
                for (i, v) in row.iter_mut().enumerate() {
                    *v = (*v - mean) / (var + 1e-12).sqrt() * g[i] as f64 + b[i] as f64;
                }
            };
            let mut outputs = Vec::new();
            for text in texts {
                let mut ids = text.clone();
                ids.resize(width, 0);
                let real = text.len();
                let word = self.get("embeddings.word_embeddings.weight");
                let pos = self.get("embeddings.position_embeddings.weight");
                let ty = self.get("embeddings.token_type_embeddings.weight");
                let mut x: Vec<Vec<f64>> = ids
                    .iter()
                    .enumerate()
                    .map(|(p, &id)| {
                        let mut row: Vec<f64> = (0..h)
                            .map(|i| (word[id as usize * h + i] + pos[p * h + i] + ty[i]) as f64)
                            .collect();
                        norm(&mut row, "embeddings.LayerNorm");
                        row
                    })
                    .collect();
                for l in 0..2 {
                    let p = format!("encoder.layer.{l}");
                    let q = lin(&x, &format!("{p}.attention.self.query"));
                    let k = lin(&x, &format!("{p}.attention.self.key"));
                    let v = lin(&x, &format!("{p}.attention.self.value"));
                    let mut ctx = vec![vec![0f64; h]; width];
                    for head in 0..heads {
                        for i in 0..width {
                            let mut scores: Vec<f64> = (0..width)
                                .map(|j| {
                                    let s: f64 = (0..d)
                                        .map(|c| q[i][head * d + c] * k[j][head * d + c])
                                        .sum();
                                    // The additive mask of padded keys.
                                    s / (d as f64).sqrt() + if j < real { 0.0 } else { -1e9 }
                                })
                                .collect();
                            let max = scores.iter().copied().fold(f64::MIN, f64::max);
                            let total: f64 = scores
                                .iter_mut()
                                .map(|s| {
                                    *s = (*s - max).exp();
                                    *s
                                })
                                .sum();
                            for c in 0..d {
                                ctx[i][head * d + c] = (0..width)
                                    .map(|j| scores[j] / total * v[j][head * d + c])
                                    .sum();
                            }
                        }
                    }
                    let attn = lin(&ctx, &format!("{p}.attention.output.dense"));
                    for (row, a) in x.iter_mut().zip(&attn) {
                        for (v, a) in row.iter_mut().zip(a) {
                            *v += a;
                        }
                        norm(row, &format!("{p}.attention.output.LayerNorm"));
                    }
                    let mut inner = lin(&x, &format!("{p}.intermediate.dense"));
                    for row in &mut inner {
                        for v in row.iter_mut() {
                            *v = 0.5 * *v * (1.0 + erf_reference(*v / std::f64::consts::SQRT_2));
                        }
                    }
                    let out = lin(&inner, &format!("{p}.output.dense"));
                    for (row, o) in x.iter_mut().zip(&out) {
                        for (v, o) in row.iter_mut().zip(o) {
                            *v += o;
                        }
                        norm(row, &format!("{p}.output.LayerNorm"));
                    }
                }
                x.truncate(real);
                outputs.push(x);
            }
            outputs
        }
    }

    #[test]
    fn packed_forward_matches_the_padded_masked_reference() {
        let tiny = tiny_model(7);
        let model = Bert::load(tiny.config.clone(), &tiny.safetensors()).expect("loads");
        let texts: Vec<Vec<u32>> = vec![
            vec![1, 5, 9, 2],
            vec![1, 3, 3, 7, 11, 13, 19, 4, 2],
            vec![1, 2],
            vec![1, 8, 6, 4, 12, 2],
        ];
        let ids: Vec<u32> = texts.concat();
        let types = vec![0; ids.len()];
        let lengths: Vec<usize> = texts.iter().map(Vec::len).collect();
        let hidden = model.forward(&ids, &types, &lengths).expect("forward");
        let reference = tiny.padded_reference(&texts);
        let mut row = 0;
        for text in &reference {
            for token in text {
                for (i, expected) in token.iter().enumerate() {
                    let got = hidden[row * 8 + i] as f64;
                    assert!(
                        (got - expected).abs() < 1e-4,
                        "token {row} dim {i}: {got} vs {expected}"
                    );
                }
                row += 1;
            }
        }
        assert_eq!(row * 8, hidden.len());
        // Each text alone gives the same states as in the pack.
        let alone = model.forward(&texts[1], &[0; 9], &[9]).expect("forward");
        assert_eq!(&hidden[4 * 8..13 * 8], alone.as_slice());
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let tiny = tiny_model(3);
        let model = Bert::load(tiny.config.clone(), &tiny.safetensors()).expect("loads");
        assert!(
            model.forward(&[1, 99], &[0, 0], &[2]).is_err(),
            "id outside the vocabulary"
        );
        assert!(
            model.forward(&[1, 2], &[0, 0], &[3]).is_err(),
            "lengths do not add up"
        );
        assert!(
            model.forward(&[1; 17], &[0; 17], &[17]).is_err(),
            "longer than the positions"
        );
        let mut wrong = tiny;
        wrong.tensors[0].1 = vec![10, 16];
        assert!(
            Bert::load(wrong.config.clone(), &wrong.safetensors()).is_err(),
            "bad shape"
        );
    }

    #[test]
    fn exp_matches_the_standard_library() {
        let mut worst = 0f32;
        let mut x = -80.0f32;
        while x < 80.0 {
            let rel = ((exp(x) - x.exp()) / x.exp()).abs();
            worst = worst.max(rel);
            x += 0.013;
        }
        assert!(worst < 4e-7, "worst relative error {worst}");
        assert_eq!(exp(-200.0), 0.0_f32.max(exp(-200.0)));
        assert!(exp(-200.0) < 1e-37);
    }

    #[test]
    fn gelu_matches_the_exact_definition() {
        let mut worst = 0f64;
        let mut x = -8.0f64;
        while x < 8.0 {
            let exact = 0.5 * x * (1.0 + erf_reference(x / std::f64::consts::SQRT_2));
            let mut v = [x as f32];
            gelu(&mut v);
            worst = worst.max((v[0] as f64 - exact).abs());
            x += 0.0371;
        }
        assert!(worst < 1e-6, "worst absolute error {worst}");
    }

    #[test]
    fn softmax_sums_to_one_and_keeps_order() {
        let mut row: Vec<f32> = (0..37).map(|i| (i as f32 * 0.7).sin() * 5.0).collect();
        let original = row.clone();
        softmax(&mut row);
        let total: f32 = row.iter().sum();
        assert!((total - 1.0).abs() < 1e-6);
        let max = original.iter().copied().fold(f32::MIN, f32::max);
        let denom: f64 = original.iter().map(|&v| ((v - max) as f64).exp()).sum();
        for (p, v) in row.iter().zip(&original) {
            let exact = ((v - max) as f64).exp() / denom;
            assert!((*p as f64 - exact).abs() < 1e-6);
        }
    }

    #[test]
    fn layer_norm_centres_and_scales() {
        let mut row: Vec<f32> = (0..50).map(|i| i as f32 * 0.5 - 3.0).collect();
        let norm = LayerNorm {
            gamma: vec![2.0; 50],
            beta: vec![1.0; 50],
        };
        layer_norm(&mut row, &norm, 1e-12);
        let mean: f32 = row.iter().sum::<f32>() / 50.0;
        let var: f32 = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / 50.0;
        assert!((mean - 1.0).abs() < 1e-5, "{mean}");
        assert!((var - 4.0).abs() < 1e-4, "{var}");
    }
}
