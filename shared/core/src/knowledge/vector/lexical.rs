//! The lexical half of hybrid retrieval: a tokeniser that keeps what visitors type when
//! they know exactly what they want (SKUs such as `AERO-7`, prices such as `£7,495`,
//! model numbers, sizes), BM25 weights, and the hashed sparse vectors sent to Pinecone.
//!
//! Tokens are lower-cased words. A word that joins letters or digits with `-`, `.`, `/`
//! or `,` is kept whole (`aero-7`, `7.5kw`, `£7495`) and also split into its parts
//! (`aero`, `7`), so `AERO-7`, `aero 7` and `Aero-7 price` all meet. Thousands separators
//! are dropped (`£7,495` → `£7495` and `7495`), so a price matches with or without
//! the currency sign and the comma. Words of letters alone are reduced to their Snowball
//! (Porter 2) English stem, so `dog` meets `dogs` and `deliver` meets `delivery`; words
//! holding digits or signs are kept as written.

/// BM25 term-frequency saturation.
pub(crate) const BM25_K1: f32 = 1.2;
/// BM25 length normalisation.
pub(crate) const BM25_B: f32 = 0.75;

/// Words too common to say anything about a chunk.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
    "i", "in", "is", "it", "its", "me", "my", "of", "on", "or", "our", "that", "the", "their",
    "this", "to", "was", "we", "what", "when", "which", "who", "why", "will", "with", "you",
    "your",
];

const CURRENCY: &[char] = &['£', '$', '€', '¥'];

/// The English Snowball stemmer, built once.
fn stemmer() -> &'static rust_stemmers::Stemmer {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

/// A word's stem when it is letters alone; else the word as it is.
fn stem(word: &str) -> String {
    if word.chars().all(char::is_alphabetic) {
        stemmer().stem(word).into_owned()
    } else {
        word.to_owned()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '/' | ',' | '_' | '\'' | '’')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || CURRENCY.contains(&c) || c == '%'
}

/// The tokens of a text, in order, repeats kept (term frequencies count them).
pub(crate) fn tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    scan(text, |token, _| tokens.push(token));
    tokens
}

/// The content words of a text, in order: each word's token (its stem, or the word as
/// written when it holds digits or signs) with the lower-cased word itself. Whole compounds
/// (`aero-7`) are left out; their parts are in.
pub(crate) fn words(text: &str) -> Vec<(String, String)> {
    let mut words = Vec::new();
    scan(text, |token, word| {
        if let Some(word) = word {
            words.push((token, word.to_owned()));
        }
    });
    words
}

/// Calls `emit` with every token of `text`, in order, and the word it was made from
/// (`None` for a whole compound).
fn scan(text: &str, mut emit: impl FnMut(String, Option<&str>)) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        // A raw token: word characters, joined by single joiners between word characters.
        let start = i;
        let mut end = i;
        while end < chars.len() {
            let joined = is_joiner(chars[end])
                && end + 1 < chars.len()
                && is_word_char(chars[end + 1])
                && end > start;
            if is_word_char(chars[end]) || joined {
                end += 1;
            } else {
                break;
            }
        }
        push_token(&chars[start..end], &mut emit);
        i = end;
    }
}

fn push_token(raw: &[char], emit: &mut impl FnMut(String, Option<&str>)) {
    let lowered: String = raw.iter().collect::<String>().to_lowercase();
    // Thousands separators inside numbers go: "7,495" → "7495"; other commas split words.
    let mut whole = String::with_capacity(lowered.len());
    let lc: Vec<char> = lowered.chars().collect();
    for (i, &c) in lc.iter().enumerate() {
        let between_digits =
            i > 0 && i + 1 < lc.len() && lc[i - 1].is_ascii_digit() && lc[i + 1].is_ascii_digit();
        if matches!(c, '\'' | '’') {
            continue;
        }
        if c == ',' && !between_digits {
            whole.push(' ');
        } else if c == ',' {
            continue;
        } else {
            whole.push(c);
        }
    }
    for piece in whole.split(' ').filter(|p| !p.is_empty()) {
        let parts: Vec<&str> = piece
            .split(|c: char| is_joiner(c) || CURRENCY.contains(&c) || c == '%')
            .filter(|p| !p.is_empty())
            .collect();
        let compound = parts.len() > 1 || piece.chars().any(|c| CURRENCY.contains(&c) || c == '%');
        if compound {
            emit(piece.to_owned(), None);
        }
        for part in parts {
            if !STOPWORDS.contains(&part) {
                emit(stem(part), Some(part));
            }
        }
    }
}

/// Inverse document frequency (BM25's, never negative).
pub(crate) fn idf(docs: usize, containing: usize) -> f32 {
    let n = docs as f32;
    let df = containing as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25's saturated term frequency for one term of a document, in `[0, K1 + 1)`.
pub(crate) fn saturated_tf(tf: f32, doc_len: f32, avg_doc_len: f32) -> f32 {
    let norm = 1.0 - BM25_B + BM25_B * doc_len / avg_doc_len.max(1.0);
    tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * norm)
}

/// A sparse vector of hashed token indices (Pinecone's `sparseValues`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVector {
    /// Token hashes, ascending, unique.
    pub indices: Vec<u32>,
    /// Their weights.
    pub values: Vec<f32>,
}

impl SparseVector {
    /// Whether there is no entry.
    pub(crate) fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }
}

/// FNV-1a: a stable 32-bit hash of a token (its sparse index).
pub(crate) fn token_index(token: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in token.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

/// Most sparse entries Pinecone takes per vector.
pub(crate) const MAX_SPARSE_ENTRIES: usize = 1000;

/// Term counts of a token list, hashed.
fn hashed_counts(tokens: &[String]) -> std::collections::BTreeMap<u32, f32> {
    let mut counts = std::collections::BTreeMap::new();
    for token in tokens {
        *counts.entry(token_index(token)).or_insert(0.0) += 1.0;
    }
    counts
}

/// The document side of the Pinecone sparse vector: BM25's saturated term frequency per
/// token, with a fixed average length (Pinecone keeps no corpus statistics for us).
pub(crate) fn document_sparse(text: &str, avg_doc_len: f32) -> SparseVector {
    let tokens = tokenize(text);
    let len = tokens.len() as f32;
    let mut entries: Vec<(u32, f32)> = hashed_counts(&tokens)
        .into_iter()
        .map(|(index, tf)| (index, saturated_tf(tf, len, avg_doc_len)))
        .collect();
    if entries.len() > MAX_SPARSE_ENTRIES {
        entries.sort_by(|a, b| b.1.total_cmp(&a.1));
        entries.truncate(MAX_SPARSE_ENTRIES);
        entries.sort_by_key(|e| e.0);
    }
    SparseVector {
        indices: entries.iter().map(|e| e.0).collect(),
        values: entries.iter().map(|e| e.1).collect(),
    }
}

/// The query side: every distinct query token weighs the same and the weights sum to
/// `weight`, so the sparse dot product is `weight` × the mean saturated frequency of the
/// query terms in the chunk: about `weight` for a chunk of average length holding each
/// term once, 0 for one holding none.
pub(crate) fn query_sparse(text: &str, weight: f32) -> SparseVector {
    let tokens = tokenize(text);
    let counts = hashed_counts(&tokens);
    let share = weight / counts.len().max(1) as f32;
    let mut entries: Vec<(u32, f32)> = counts.into_keys().map(|index| (index, share)).collect();
    entries.truncate(MAX_SPARSE_ENTRIES);
    SparseVector {
        indices: entries.iter().map(|e| e.0).collect(),
        values: entries.iter().map(|e| e.1).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skus_prices_and_numbers_are_tokens() {
        let tokens = tokenize("The AERO-7 costs £7,495 (7.5kW), fitted.");
        for expected in [
            "aero-7", "aero", "7", "£7495", "7495", "7.5kw", "5kw", "fit",
        ] {
            assert!(
                tokens.contains(&expected.to_owned()),
                "{expected} missing from {tokens:?}"
            );
        }
        assert!(!tokens.contains(&"the".to_owned()));
    }

    #[test]
    fn a_price_matches_with_or_without_sign_and_comma() {
        let doc = tokenize("Price: £7,495 including VAT");
        for query in ["£7,495", "7495", "7,495"] {
            let q = tokenize(query);
            assert!(
                q.iter().any(|t| doc.contains(t)),
                "{query}: {q:?} vs {doc:?}"
            );
        }
    }

    #[test]
    fn commas_between_words_split_them() {
        assert_eq!(tokenize("boilers,radiators"), vec!["boiler", "radiat"]);
    }

    #[test]
    fn words_meet_their_other_forms() {
        assert_eq!(tokenize("Can I bring my dog?"), tokenize("We bring dogs"));
        assert_eq!(tokenize("delivery"), tokenize("deliveries"));
        assert_eq!(tokenize("installing"), tokenize("installation"));
        // Codes and figures are not stemmed.
        assert!(tokenize("AERO-7s").contains(&"aero-7s".to_owned()));
        assert!(tokenize("£7,495").contains(&"£7495".to_owned()));
    }

    #[test]
    fn sparse_vectors_are_sorted_unique_and_bounded() {
        let doc = document_sparse("aero aero aero-7 boiler", 200.0);
        assert!(doc.indices.windows(2).all(|w| w[0] < w[1]));
        assert!(doc.values.iter().all(|v| (0.0..BM25_K1 + 1.0).contains(v)));
        let query = query_sparse("aero-7 boiler", 0.4);
        let sum: f32 = query.values.iter().sum();
        assert!((sum - 0.4).abs() < 1e-5);
    }
}
