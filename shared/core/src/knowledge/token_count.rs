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
//! counters (`bpe-openai`) ship a 30 MB dictionary, too big for the ingest Lambda. The
//! ranks are OpenAI's published o200k table (`data/o200k_base.ranks`, written by
//! `scripts/vendor-o200k.py` from tiktoken's `o200k_base.tiktoken`, MIT), read into a
//! hash table keyed by slices of the embedded bytes: 10.5 MiB of memory and 12 ms to load
//! where tiktoken-rs's `CoreBPE` takes 45 MiB and 136 ms (docs/benchmarks.md, the
//! `tokenizer` bench), which keeps a Lambda turn's peak under 25 MiB. tiktoken-rs stays as the reference the tests
//! compare every rank and count with.

use std::cell::OnceCell;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

/// Bytes the expression may look past the end of a piece that does not start with
/// whitespace: a contraction (`'ll`) and the character that stops it, at up to 4 bytes each.
const LOOK_PAST: usize = 16;

/// Every ordinary o200k token in rank order, each as a length byte and its bytes.
static O200K_RANKS: &[u8] = include_bytes!("../../data/o200k_base.ranks");

/// o200k's pre-tokenizer expression (tiktoken's `O200K_BASE_PAT_STR`), with its last two
/// alternatives `\s+(?!\S)|\s+` folded into one `\s+`: the look-ahead is applied after
/// the match (see `O200k::piece_end`).
const O200K_PIECES: &str = concat!(
    r"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
    "|",
    r"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
    "|",
    r"\p{N}{1,3}",
    "|",
    r" ?[^\s\p{L}\p{N}]+[\r\n/]*",
    "|",
    r"\s*[\r\n]+",
    "|",
    r"\s+",
);

/// Token ranks, as tiktoken numbers them.
type Rank = u32;

/// o200k without tiktoken's backtracking engine: the same pieces from the `regex` crate,
/// and the same byte-pair merges over the same ranks.
///
/// tiktoken's expression ends in `\s+(?!\S)|\s+`, whose look-ahead forces `fancy-regex`
/// to run every match on its backtracking VM. Here both alternatives are one `\s+`, and
/// the look-ahead is applied after the match: a whitespace run of two or more characters
/// that is followed by something other than whitespace gives its last character to the
/// next piece (what `\s+(?!\S)` does by backing off one character). The `regex` crate
/// prefers alternatives in order, as a backtracking engine does, so every other piece is
/// the same.
struct O200k {
    pieces: Regex,
    ranks: FxHashMap<&'static [u8], Rank>,
}

static O200K: LazyLock<O200k> = LazyLock::new(O200k::load);

impl O200k {
    fn load() -> Self {
        let pieces = Regex::new(O200K_PIECES).expect("the o200k expression compiles");
        let mut ranks = FxHashMap::with_capacity_and_hasher(200_000, Default::default());
        let mut rest = O200K_RANKS;
        while let Some((&len, tail)) = rest.split_first() {
            let (token, tail) = tail.split_at(usize::from(len));
            let rank = Rank::try_from(ranks.len()).expect("fewer than 2^32 ranks");
            ranks.insert(token, rank);
            rest = tail;
        }
        Self { pieces, ranks }
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

    /// The rank of `bytes` as one token, or `Rank::MAX` if they are not one.
    fn rank(&self, bytes: &[u8]) -> Rank {
        self.ranks.get(bytes).copied().unwrap_or(Rank::MAX)
    }

    /// Tokens of one piece: byte-pair merges, lowest rank first, until no adjacent pair
    /// of parts is a token (tiktoken's `byte_pair_merge`, counting instead of splitting).
    fn piece_tokens(&self, piece: &[u8]) -> usize {
        if piece.len() < 2 || self.ranks.contains_key(piece) {
            return piece.len().min(1);
        }
        // (start of a part, rank of it merged with the next part); the last entry marks
        // the piece's end.
        let mut parts: Vec<(usize, Rank)> = (0..piece.len() - 1)
            .map(|i| (i, self.rank(&piece[i..i + 2])))
            .collect();
        parts.push((piece.len() - 1, Rank::MAX));
        parts.push((piece.len(), Rank::MAX));
        // The rank of part `i` merged with part `i + 1`, after `i + 1` absorbed `i + 2`.
        let merged = |parts: &[(usize, Rank)], i: usize| {
            parts
                .get(i + 3)
                .map_or(Rank::MAX, |&(end, _)| self.rank(&piece[parts[i].0..end]))
        };
        while let Some((i, _)) = parts[..parts.len() - 1]
            .iter()
            .enumerate()
            .filter(|(_, (_, rank))| *rank != Rank::MAX)
            .min_by_key(|(i, (_, rank))| (*rank, *i))
        {
            if i > 0 {
                parts[i - 1].1 = merged(&parts, i - 1);
            }
            parts[i].1 = merged(&parts, i);
            parts.remove(i + 1);
        }
        parts.len() - 1
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
///
/// The expression matches every character, so a piece is always found; were it not, the
/// byte length (never fewer than the tokens) is the count.
pub fn count_tokens(text: &str) -> usize {
    O200K.count(text).unwrap_or(text.len())
}

/// One page, cut into tiktoken pieces with running token counts when first asked: the
/// chunker (salient-ingestion) sizes every candidate chunk of a page through one.
pub struct SliceCounter<'a> {
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
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            pieces: OnceCell::new(),
        }
    }

    /// Exact token count of `slice`.
    pub fn count(&self, slice: &str) -> usize {
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
    /// Cuts and counts `text` once; `None` if a piece cannot be found.
    fn cut(text: &str) -> Option<Self> {
        let o200k: &'static O200k = &O200K;
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

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt as _, SeedableRng as _};

    /// tiktoken-rs's o200k, the reference.
    fn o200k() -> &'static tiktoken_rs::CoreBPE {
        tiktoken_rs::o200k_base_singleton()
    }

    #[test]
    fn vendored_ranks_equal_tiktoken() {
        let bpe = o200k();
        let ranks = &O200K.ranks;
        assert_eq!(ranks.len(), 199_998);
        for (&token, &rank) in ranks {
            assert_eq!(
                bpe.decode_bytes(&[rank]).ok().as_deref(),
                Some(token),
                "rank {rank}"
            );
        }
        // Ranks past the table are tiktoken's special tokens, which ordinary text never
        // produces.
        for rank in 199_998..200_100 {
            if let Ok(bytes) = bpe.decode_bytes(&[rank]) {
                let text = String::from_utf8(bytes).expect("special tokens are text");
                assert!(bpe.special_tokens().contains(text.as_str()), "rank {rank}");
            }
        }
    }

    #[test]
    fn the_expression_is_tiktokens_without_its_look_ahead() {
        assert_eq!(
            tiktoken_rs::O200K_BASE_PAT_STR.replace(r"|\s+(?!\S)|\s+", r"|\s+"),
            O200K_PIECES
        );
    }

    #[test]
    fn single_pieces_merge_as_tiktoken_merges_them() {
        let bpe = o200k();
        let mut rng = rand::rngs::StdRng::seed_from_u64(11);
        for _ in 0..2_000 {
            let len = rng.random_range(0..24);
            let piece: Vec<u8> = (0..len).map(|_| rng.random_range(b'a'..=b'z')).collect();
            let text = String::from_utf8(piece).expect("ascii");
            assert_eq!(
                O200K.piece_tokens(text.as_bytes()),
                bpe.encode_ordinary(&text).len(),
                "{text:?}"
            );
        }
    }

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
