//! Chunking a page's markdown by tokens, on structure first: `text-splitter`'s
//! `MarkdownSplitter` cuts at headings, then paragraphs and list items, then sentences, so
//! a chunk rarely starts mid-thought; consecutive chunks overlap by a few tokens. Tokens
//! are counted with the same tiktoken encoding as the conversation context (o200k). Every
//! chunk carries its page title and the heading path above it.

use text_splitter::{ChunkConfig, MarkdownSplitter};
use tiktoken_rs::CoreBPE;

/// Chunk sizes, in tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkSettings {
    /// Largest chunk.
    pub max_tokens: usize,
    /// Tokens shared by consecutive chunks.
    pub overlap_tokens: usize,
}

impl Default for ChunkSettings {
    fn default() -> Self {
        Self {
            max_tokens: 350,
            overlap_tokens: 40,
        }
    }
}

/// One chunk of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    /// Headings from the page title down to the chunk ("Title", "Pricing", "Heat pumps").
    pub heading_path: Vec<String>,
    /// The chunk's markdown.
    pub text: String,
}

impl Chunk {
    /// What is embedded: the heading path, then the text, so a chunk that is only a table
    /// row still says what it is about.
    pub fn embedding_text(&self) -> String {
        if self.heading_path.is_empty() {
            self.text.clone()
        } else {
            format!("{}\n\n{}", self.heading_path.join(" › "), self.text)
        }
    }
}

/// Why chunking failed (only for nonsensical settings).
#[derive(Debug, thiserror::Error)]
#[error("invalid chunk settings: {0}")]
pub struct ChunkError(String);

/// Splits markdown into chunks. Build once and reuse: it holds the tokenizer.
pub struct Chunker {
    settings: ChunkSettings,
    splitter: MarkdownSplitter<&'static CoreBPE>,
}

impl std::fmt::Debug for Chunker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Chunker")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl Chunker {
    /// A chunker with these sizes.
    pub fn new(settings: ChunkSettings) -> Result<Self, ChunkError> {
        let tokenizer: &'static CoreBPE = tiktoken_rs::o200k_base_singleton();
        let config = ChunkConfig::new(settings.max_tokens)
            .with_overlap(settings.overlap_tokens)
            .map_err(|e| ChunkError(e.to_string()))?
            .with_sizer(tokenizer);
        Ok(Self {
            settings,
            splitter: MarkdownSplitter::new(config),
        })
    }

    /// The chunks of one page's markdown, each with its heading path under `title`. Each
    /// heading's section is split on its own, so a chunk never spans two sections and its
    /// heading path is exact; within a section, chunks overlap.
    pub fn chunk(&self, title: &str, markdown: &str) -> Vec<Chunk> {
        let headings = heading_offsets(markdown);
        let mut bounds: Vec<usize> = headings.iter().map(|(at, _, _)| *at).collect();
        if bounds.first() != Some(&0) {
            bounds.insert(0, 0);
        }
        bounds.push(markdown.len());
        let mut chunks = Vec::new();
        for window in bounds.windows(2) {
            let (start, end) = (window[0], window[1]);
            let section = &markdown[start..end];
            if section.trim().is_empty() {
                continue;
            }
            let path = heading_path(title, &headings, start);
            chunks.extend(self.splitter.chunks(section).map(|text| Chunk {
                heading_path: path.clone(),
                text: text.to_owned(),
            }));
        }
        chunks
    }
}

/// Every ATX heading of the markdown: (byte offset, level, text).
fn heading_offsets(markdown: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let hashes = line.bytes().take_while(|b| *b == b'#').count();
        if (1..=6).contains(&hashes) && line.as_bytes().get(hashes) == Some(&b' ') {
            out.push((offset, hashes, line[hashes..].trim().to_owned()));
        }
        offset += line.len();
    }
    out
}

/// The headings in force at `offset` (a heading starting there included), under the
/// title. An `h1` that only repeats the title is left out.
fn heading_path(title: &str, headings: &[(usize, usize, String)], offset: usize) -> Vec<String> {
    let mut stack: Vec<(usize, &str)> = Vec::new();
    for (at, level, heading) in headings {
        if *at > offset {
            break;
        }
        while stack.last().is_some_and(|(l, _)| *l >= *level) {
            stack.pop();
        }
        stack.push((*level, heading));
    }
    let mut path = Vec::with_capacity(stack.len() + 1);
    if !title.is_empty() {
        path.push(title.to_owned());
    }
    for (level, heading) in stack {
        if level == 1 && title.to_lowercase().starts_with(&heading.to_lowercase()) {
            continue;
        }
        path.push(heading.to_owned());
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_carry_the_heading_path_and_stay_under_the_token_limit() {
        let mut markdown = String::from("# Heat pumps\n\nIntro.\n\n## Prices\n\n");
        for i in 0..60 {
            markdown.push_str(&format!(
                "- Model {i}: an air-source heat pump with a quiet outdoor unit, £{i}00\n"
            ));
        }
        markdown.push_str("\n## Grants\n\nThe Boiler Upgrade Scheme pays £7,500.\n");
        let chunker = Chunker::new(ChunkSettings {
            max_tokens: 120,
            overlap_tokens: 20,
        })
        .expect("valid settings");
        let chunks = chunker.chunk("Heat pumps | Northwind", &markdown);
        assert!(chunks.len() > 3);
        let tokenizer = tiktoken_rs::o200k_base_singleton();
        for chunk in &chunks {
            assert!(tokenizer.encode_ordinary(&chunk.text).len() <= 120);
            assert_eq!(chunk.heading_path[0], "Heat pumps | Northwind");
        }
        let grants = chunks.last().expect("a last chunk");
        assert!(grants.text.contains("£7,500"));
        assert_eq!(
            grants.heading_path,
            vec!["Heat pumps | Northwind".to_owned(), "Grants".to_owned()]
        );
        assert!(
            chunks[1..chunks.len() - 1]
                .iter()
                .any(|c| c.heading_path.last().map(String::as_str) == Some("Prices"))
        );
    }
}
