//! Chunking a page's markdown by tokens, on structure first: `text-splitter`'s
//! `MarkdownSplitter` cuts at headings, then paragraphs and list items, then sentences, so
//! a chunk rarely starts mid-thought; consecutive chunks overlap by a few tokens. Tokens
//! are counted exactly as tiktoken's o200k encoding counts them (the conversation context's
//! encoding), through a counter that cuts the page once (salient-core's
//! `knowledge::token_count`). Every chunk carries its page title and the heading path above
//! it.

use salient_core::SliceCounter;
use text_splitter::{ChunkConfig, ChunkSizer, MarkdownSplitter};

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

/// Splits markdown into chunks.
#[derive(Debug, Clone)]
pub struct Chunker {
    settings: ChunkSettings,
}

impl Chunker {
    /// A chunker with these sizes.
    pub fn new(settings: ChunkSettings) -> Result<Self, ChunkError> {
        Self::config(settings)?;
        Ok(Self { settings })
    }

    fn config(
        settings: ChunkSettings,
    ) -> Result<ChunkConfig<text_splitter::Characters>, ChunkError> {
        ChunkConfig::new(settings.max_tokens)
            .with_overlap(settings.overlap_tokens)
            .map_err(|e| ChunkError(e.to_string()))
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
            // `new` checked the settings, so the fallback (no overlap) is never taken.
            let config = Self::config(self.settings)
                .unwrap_or_else(|_| ChunkConfig::new(self.settings.max_tokens));
            let chunk = |text: &str| Chunk {
                heading_path: path.clone(),
                text: text.to_owned(),
            };
            if section.len() <= self.settings.max_tokens {
                // A token is at least one byte, so the section fits: the splitter returns it
                // whole (trimmed its way), and nothing needs counting.
                chunks.extend(
                    MarkdownSplitter::new(config.with_sizer(Bytes))
                        .chunks(section)
                        .map(chunk),
                );
            } else {
                let sizer = Tokens(SliceCounter::new(section));
                chunks.extend(
                    MarkdownSplitter::new(config.with_sizer(sizer))
                        .chunks(section)
                        .map(chunk),
                );
            }
        }
        chunks
    }
}

/// Sizes by exact o200k tokens, counted by slices of one section.
struct Tokens<'a>(SliceCounter<'a>);

impl ChunkSizer for Tokens<'_> {
    fn size(&self, chunk: &str) -> usize {
        self.0.count(chunk)
    }
}

/// Sizes by bytes: at least the token count, and used only where every slice fits.
struct Bytes;

impl ChunkSizer for Bytes {
    fn size(&self, chunk: &str) -> usize {
        chunk.len()
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

    #[test]
    fn chunks_are_those_tiktoken_itself_would_size() {
        let mut markdown = String::from("# Heat pumps\n\nWe'll fit   it.  Don't wait!\n\n");
        for i in 0..12 {
            markdown.push_str(&format!(
                "### Note {i}\n\n    indented code {i}\n\n  - nested item\n\n> quoted\n \n"
            ));
            markdown.push_str(&format!("### N{i}\n\n    code {i}\n\n  - x\n> q\n \n"));
        }
        for i in 0..40 {
            markdown.push_str(&format!(
                "## Model {i}\n\n| Model | Price |\n|---|---|\n| HP-{i}00 | £{i},499 |\n\n\
                 - Quiet ({i}0 dB)   \n- Grants: £7,500\n\nInstall in {i} days. \
                 Naïve questions welcome; 日本語 too.\n\n"
            ));
        }
        let settings = ChunkSettings {
            max_tokens: 60,
            overlap_tokens: 10,
        };
        let ours = Chunker::new(settings).expect("valid settings");
        let tiktoken = MarkdownSplitter::new(
            ChunkConfig::new(60)
                .with_overlap(10)
                .expect("valid overlap")
                .with_sizer(tiktoken_rs::o200k_base_singleton()),
        );
        let expected: Vec<&str> = tiktoken.chunks(&markdown).collect();
        let whole: Vec<String> = MarkdownSplitter::new(
            ChunkConfig::new(60)
                .with_overlap(10)
                .expect("valid overlap")
                .with_sizer(Tokens(SliceCounter::new(&markdown))),
        )
        .chunks(&markdown)
        .map(str::to_owned)
        .collect();
        assert!(expected.len() > 40);
        assert_eq!(whole, expected);
        // And through the chunker, section by section (short sections skip counting).
        let mut by_section = Vec::new();
        let headings = heading_offsets(&markdown);
        let mut bounds: Vec<usize> = headings.iter().map(|(at, _, _)| *at).collect();
        bounds.push(markdown.len());
        for window in bounds.windows(2) {
            by_section.extend(tiktoken.chunks(&markdown[window[0]..window[1]]));
        }
        let chunked: Vec<String> = ours
            .chunk("Heat pumps", &markdown)
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert!(chunked.len() > 40);
        assert!(
            bounds.windows(2).filter(|w| w[1] - w[0] <= 60).count() >= 12,
            "short sections are exercised"
        );
        assert_eq!(chunked, by_section);
    }
}
