//! Exact o200k token counts for many slices of one text, without tokenizing each slice
//! from scratch.
//!
//! The chunker asks for the size of many overlapping candidate chunks of the same page
//! (`text-splitter` searches for the largest piece of structure that fits), and counting
//! each candidate with tiktoken was half of ingestion's CPU time. tiktoken counts in two
//! steps: a regular expression cuts the text into pieces (roughly words with their leading
//! space, number groups, punctuation runs, whitespace runs), then byte-pair merges run
//! inside each piece alone. So a slice's count is the sum of its pieces' counts, and a
//! slice's pieces are the page's pieces except near its two ends:
//!
//! - at the start, the slice's own first pieces are found with the same expression until
//!   one ends where a piece of the page ends; from there both cut alike;
//! - in the middle, a page piece is also a slice piece as long as the expression, when it
//!   chose that piece, looked at nothing past the slice's end (its *reach*: a few bytes past
//!   the piece, or past the whitespace run it starts);
//! - the tail from the first page piece whose reach passes the slice's end is cut again.
//!
//! The page is cut and counted once, when first asked; every slice then costs a couple of
//! short regex runs and binary searches. Pieces are found without tiktoken's backtracking
//! engine (`O200k` below). Counts equal tiktoken's `encode_ordinary(slice).len()` exactly
//! (the tests compare them on random slices of tricky text); a slice that is not part of
//! the page is counted directly.
//!
//! Why hand-written: no tokenizer crate exposes per-piece counts for slices; faster exact
//! counters (`bpe-openai`) ship a 30 MB dictionary, too big for the ingest Lambda.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;
use text_splitter::ChunkSizer;
use tiktoken_rs::{CoreBPE, Rank};

/// Bytes the expression may look past the end of a piece that does not start with
/// whitespace: a contraction (`'ll`) and the character that stops it, at up to 4 bytes each.
const LOOK_PAST: usize = 16;

/// The o200k tokenizer shared by chunking and the conversation context.
pub(crate) fn o200k() -> &'static CoreBPE {
    tiktoken_rs::o200k_base_singleton()
}

/// o200k without tiktoken's backtracking engine: the same pieces from the `regex` crate,
/// and the same byte-pair merges over the same ranks.
///
/// tiktoken's expression ends in `\s+(?!\S)|\s+`, whose look-ahead forces `fancy-regex`
/// to run every match on its backtracking VM. Here both alternatives are one `\s+`, and
/// the look-ahead is applied after the match: a whitespace run of two or more characters
/// that is followed by something other than whitespace gives its last character to the
/// next piece (what `\s+(?!\S)` does by backing off one character). The `regex` crate
/// prefers alternatives in order, as a backtracking engine does, so every other piece is
/// the same. The ranks are read back from tiktoken's own tables once.
struct O200k {
    pieces: Regex,
    ranks: FxHashMap<Vec<u8>, Rank>,
}

static O200K: LazyLock<Option<O200k>> = LazyLock::new(O200k::load);

impl O200k {
    fn load() -> Option<Self> {
        let pattern = tiktoken_rs::O200K_BASE_PAT_STR.replace(r"|\s+(?!\S)|\s+", r"|\s+");
        if pattern.contains("(?!") {
            return None;
        }
        let pieces = Regex::new(&pattern).ok()?;
        // A private copy of tiktoken's tables, dropped once the ranks are read: the shared
        // one (with a regex per thread slot) holds about 50 MB more.
        let bpe = tiktoken_rs::o200k_base().ok()?;
        let special: Vec<Vec<u8>> = bpe
            .special_tokens()
            .into_iter()
            .map(|token| token.as_bytes().to_vec())
            .collect();
        let mut ranks = FxHashMap::default();
        // o200k's ordinary ranks are 0..199_998; a few more cost nothing and catch a
        // larger table.
        for rank in 0..200_100 {
            if let Ok(bytes) = bpe.decode_bytes(&[rank])
                && !special.contains(&bytes)
            {
                ranks.insert(bytes, rank);
            }
        }
        (0..=u8::MAX)
            .all(|byte| ranks.contains_key(&vec![byte]))
            .then_some(Self { pieces, ranks })
    }

    /// The piece starting at `at` in `text` (as tiktoken cuts `text`), as its end.
    fn piece_end(&self, text: &str, at: usize) -> Option<usize> {
        let found = self.pieces.find_at(text, at)?;
        if found.start() != at {
            return None;
        }
        let piece = found.as_str();
        let mut end = found.end();
        let back_off = piece.ends_with(|c: char| c.is_whitespace() && c != '\r' && c != '\n')
            && piece.chars().all(char::is_whitespace)
            && text[end..].starts_with(|c: char| !c.is_whitespace());
        if back_off {
            let mut chars = piece.chars();
            if let (Some(last), Some(_)) = (chars.next_back(), chars.next()) {
                end -= last.len_utf8();
            }
        }
        Some(end)
    }

    /// Tokens of one piece.
    fn piece_tokens(&self, piece: &[u8]) -> usize {
        if self.ranks.contains_key(piece) {
            1
        } else {
            tiktoken_rs::byte_pair_split(piece, &self.ranks).len()
        }
    }

    /// Tokens of `text`, or `None` if a piece cannot be found (never, for valid text).
    fn count(&self, text: &str) -> Option<usize> {
        self.count_from(text, 0)
    }

    /// Tokens of the pieces of `text` from `at` (a piece boundary) to the end.
    fn count_from(&self, text: &str, mut at: usize) -> Option<usize> {
        let mut tokens = 0;
        while at < text.len() {
            let end = self.piece_end(text, at)?;
            tokens += self.piece_tokens(&text.as_bytes()[at..end]);
            at = end;
        }
        Some(tokens)
    }
}

/// Exact o200k token count of `text` (tiktoken's `encode_ordinary(text).len()`).
pub fn count_tokens(text: &str) -> usize {
    O200K
        .as_ref()
        .and_then(|o200k| o200k.count(text))
        .unwrap_or_else(|| o200k().encode_ordinary(text).len())
}

/// One page, cut into tiktoken pieces with running token counts when first asked.
pub(crate) struct SliceCounter<'a> {
    text: &'a str,
    pieces: OnceCell<Option<Pieces>>,
}

/// The page's pieces: where each starts, the tokens before it, and how far the expression
/// looked when choosing it and every piece before it.
struct Pieces {
    o200k: &'static O200k,
    /// Start of every piece, then the page's length.
    starts: Vec<usize>,
    /// Tokens in the pieces before piece `i` (one more entry than pieces).
    before: Vec<usize>,
    /// The furthest byte the expression looked at when choosing pieces `0..=i`.
    reach: Vec<usize>,
}

impl std::fmt::Debug for SliceCounter<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SliceCounter")
            .field("bytes", &self.text.len())
            .finish_non_exhaustive()
    }
}

impl<'a> SliceCounter<'a> {
    /// A counter for slices of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            pieces: OnceCell::new(),
        }
    }

    /// Exact token count of `slice`.
    pub(crate) fn count(&self, slice: &str) -> usize {
        self.offset_of(slice)
            .and_then(|start| self.pieces()?.count(self.text, start, start + slice.len()))
            .unwrap_or_else(|| count_tokens(slice))
    }

    fn pieces(&self) -> Option<&Pieces> {
        self.pieces.get_or_init(|| Pieces::cut(self.text)).as_ref()
    }

    /// Where `slice` starts in the page, if it is a part of it.
    fn offset_of(&self, slice: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let at = (slice.as_ptr() as usize).checked_sub(base)?;
        (at + slice.len() <= self.text.len()).then_some(at)
    }
}

impl Pieces {
    /// Cuts and counts `text` once; `None` if the counter is unavailable.
    fn cut(text: &str) -> Option<Self> {
        let o200k = O200K.as_ref()?;
        let mut pieces = Self {
            o200k,
            starts: Vec::new(),
            before: vec![0],
            reach: Vec::new(),
        };
        let mut total = 0;
        let mut furthest = 0;
        let mut at = 0;
        while at < text.len() {
            let end = o200k.piece_end(text, at)?;
            total += o200k.piece_tokens(&text.as_bytes()[at..end]);
            furthest = furthest.max(reach(text, at, end));
            pieces.starts.push(at);
            pieces.before.push(total);
            pieces.reach.push(furthest);
            at = end;
        }
        pieces.starts.push(text.len());
        Some(pieces)
    }

    /// The count of `text[start..end]`, or `None` if the expression fails.
    fn count(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let slice = &text[start..end];
        let mut tokens = 0;
        let mut at = 0;
        let mut synced = false;
        while at < slice.len() {
            let piece_end = self.o200k.piece_end(slice, at)?;
            tokens += self.o200k.piece_tokens(&slice.as_bytes()[at..piece_end]);
            at = piece_end;
            if synced {
                continue;
            }
            if let Ok(first) = self.starts.binary_search(&(start + at)) {
                // The slice's cut meets the page's: take the page's pieces while choosing
                // them looked at nothing past the slice's end, then cut the rest again.
                synced = true;
                let pieces = self.reach.len();
                let last =
                    (first + self.reach.get(first..)?.partition_point(|&r| r <= end)).min(pieces);
                if last > first {
                    tokens += self.before[last] - self.before[first];
                    at = self.starts[last] - start;
                }
            }
        }
        Some(tokens)
    }
}

/// The furthest byte the expression looks at when it chooses the piece `start..end`: a
/// few bytes past the piece, or, for a piece that starts with whitespace, past the whole
/// whitespace run (the `\s*[\r\n]+` and `\s+` alternatives scan all of it, and the
/// look-ahead checks the character after it).
fn reach(text: &str, start: usize, end: usize) -> usize {
    let mut furthest = end + LOOK_PAST;
    if text[start..].starts_with(char::is_whitespace) {
        let run = text[start..]
            .find(|c: char| !c.is_whitespace())
            .map_or(text.len(), |n| start + n);
        furthest = furthest.max(run + LOOK_PAST);
    }
    furthest.min(text.len())
}

impl ChunkSizer for SliceCounter<'_> {
    fn size(&self, chunk: &str) -> usize {
        self.count(chunk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt as _, SeedableRng as _};

    /// Text made of the pieces that make tiktoken's expression look ahead or back off:
    /// whitespace runs with and without newlines, contractions, digit runs, punctuation
    /// with slashes and newlines, capitals, accents, CJK and emoji.
    fn tricky_text(rng: &mut rand::rngs::StdRng, words: usize) -> String {
        const PARTS: &[&str] = &[
            "word",
            " word",
            "Word",
            "WORD",
            "  ",
            "   ",
            "\n",
            "\n\n",
            " \n ",
            "\t",
            "don't",
            "'ll",
            "'S",
            "'re",
            " I've",
            "12345",
            "3.14",
            "£7,500",
            "//",
            "/\n",
            "...",
            "—",
            "é",
            "naïve",
            "日本語",
            "😀",
            "#",
            "## ",
            "- ",
            "| a | b |",
            "\r\n",
            " ",
            "x",
            "(",
            ")",
            "\"quoted\"",
            "e\u{301}",
            "A\u{300}B",
            "  \n\n  x",
            "'",
            "’s",
        ];
        let mut text = String::new();
        for _ in 0..words {
            text.push_str(PARTS[rng.random_range(0..PARTS.len())]);
        }
        text
    }

    fn char_boundaries(text: &str) -> Vec<usize> {
        text.char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect()
    }

    #[test]
    fn slice_counts_equal_tiktoken_on_tricky_text() {
        let bpe = o200k();
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        for round in 0..80 {
            let text = tricky_text(&mut rng, 60 + round * 10);
            let counter = SliceCounter::new(&text);
            assert_eq!(
                count_tokens(&text),
                bpe.encode_ordinary(&text).len(),
                "{text:?}"
            );
            assert_eq!(counter.count(&text), bpe.encode_ordinary(&text).len());
            assert!(counter.pieces().is_some());
            let bounds = char_boundaries(&text);
            for _ in 0..300 {
                let a = bounds[rng.random_range(0..bounds.len())];
                let b = bounds[rng.random_range(0..bounds.len())];
                let (start, end) = (a.min(b), a.max(b));
                let slice = &text[start..end];
                assert_eq!(
                    counter.count(slice),
                    bpe.encode_ordinary(slice).len(),
                    "slice {start}..{end} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn every_slice_of_a_short_text_counts_exactly() {
        let bpe = o200k();
        let text =
            "  Heat pumps\n\n- Model 1: £4,999 (in stock)  \n  \n\nWe'll fit it. Don't   wait!\n";
        let counter = SliceCounter::new(text);
        let bounds = char_boundaries(text);
        for (i, &start) in bounds.iter().enumerate() {
            for &end in &bounds[i..] {
                let slice = &text[start..end];
                assert_eq!(
                    counter.count(slice),
                    bpe.encode_ordinary(slice).len(),
                    "{slice:?}"
                );
            }
        }
    }

    #[test]
    fn a_string_from_elsewhere_is_counted_directly() {
        let counter = SliceCounter::new("some page text");
        let other = String::from("another text entirely, longer than the page");
        assert_eq!(counter.count(&other), o200k().encode_ordinary(&other).len());
    }
}
