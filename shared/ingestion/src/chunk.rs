//! Chunking a page's markdown by tokens, on structure first: `text-splitter`'s
//! `MarkdownSplitter` cuts at headings, then paragraphs and list items, then sentences, so
//! a chunk rarely starts mid-thought; consecutive chunks overlap by a few tokens. Tokens
//! are counted exactly as tiktoken's o200k encoding counts them (the conversation context's
//! encoding), through a counter that cuts the page once (salient-core's
//! `knowledge::token_count`). Every chunk carries its page title and the heading path above
//! it. No chunk is only a heading, and a question heading leads every chunk of its answer
//! (the rules are listed in docs/architecture.md).

use salient_core::{SliceCounter, count_tokens};
use text_splitter::{ChunkConfig, ChunkSizer, MarkdownSplitter};

/// The version of the chunking rules, part of each page's content hash: a change to the
/// rules (or to the tokens and metadata chunks carry) re-chunks every page on the next run.
pub(crate) const CHUNKING_RULES: &str = "3";

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
    /// heading path is exact; within a section, chunks overlap. A heading is never a chunk
    /// on its own: it leads its section's first chunk, and a heading with no text of its
    /// own leads the next section's. A question heading (ending in `?`) leads every chunk
    /// of its answer, so each piece of a long answer still says what it answers.
    pub fn chunk(&self, title: &str, markdown: &str) -> Vec<Chunk> {
        let headings = heading_offsets(markdown);
        let mut bounds: Vec<usize> = headings.iter().map(|(at, _, _)| *at).collect();
        if bounds.first() != Some(&0) {
            bounds.insert(0, 0);
        }
        bounds.push(markdown.len());
        let mut chunks = Vec::new();
        // Where the headings without text of their own begin, waiting for the next text.
        let mut waiting: Option<usize> = None;
        for window in bounds.windows(2) {
            let (start, end) = (window[0], window[1]);
            let section = &markdown[start..end];
            let heading = headings.iter().find(|(at, _, _)| *at == start);
            let body_start = match heading {
                Some(_) => start + section.find('\n').map_or(section.len(), |i| i + 1),
                None => start,
            };
            if markdown[body_start..end].trim().is_empty() {
                if heading.is_some() {
                    waiting.get_or_insert(start);
                }
                continue;
            }
            let lead_start = waiting.take().unwrap_or(start);
            let path = heading_path(title, &headings, start);
            let question = heading.is_some_and(|(_, _, text)| text.ends_with('?'));
            chunks.extend(
                self.split_section(
                    &markdown[lead_start..end],
                    markdown[lead_start..body_start].trim(),
                    &markdown[body_start..end],
                    question.then(|| markdown[start..body_start].trim()),
                )
                .into_iter()
                .map(|text| Chunk {
                    heading_path: path.clone(),
                    text,
                }),
            );
        }
        chunks
    }

    /// One section's chunks: `lead` (its headings) then `body`, whole when it fits; else
    /// the body split in room left by the lead, with the lead before the first piece and
    /// `question` (the section's own heading, when it asks one) before each later piece.
    fn split_section(
        &self,
        whole: &str,
        lead: &str,
        body: &str,
        question: Option<&str>,
    ) -> Vec<String> {
        let max = self.settings.max_tokens;
        if lead.is_empty() {
            return self
                .split(whole, max)
                .into_iter()
                .map(str::to_owned)
                .collect();
        }
        let whole = whole.trim();
        // A token is at least one byte, so counting is needed only past `max` bytes.
        if whole.len() <= max || count_tokens(whole) <= max {
            return vec![whole.to_owned()];
        }
        let lead_tokens = count_tokens(&format!("{lead}\n\n"));
        if lead_tokens + self.settings.overlap_tokens >= max {
            // A lead too long to repeat: the section is split as it stands.
            return self
                .split(whole, max)
                .into_iter()
                .map(str::to_owned)
                .collect();
        }
        self.split(body, max - lead_tokens)
            .into_iter()
            .enumerate()
            .map(|(i, piece)| match question {
                _ if i == 0 => format!("{lead}\n\n{piece}"),
                Some(question) => format!("{question}\n\n{piece}"),
                None => piece.to_owned(),
            })
            .collect()
    }

    /// `text` split into overlapping pieces of at most `capacity` tokens, on structure first.
    fn split<'a>(&self, text: &'a str, capacity: usize) -> Vec<&'a str> {
        // `new` checked the settings and callers keep `capacity` above the overlap, so the
        // fallback (no overlap) is never taken.
        let config = ChunkConfig::new(capacity)
            .with_overlap(self.settings.overlap_tokens)
            .unwrap_or_else(|_| ChunkConfig::new(capacity));
        if text.len() <= capacity {
            // A token is at least one byte, so the text fits: the splitter returns it whole
            // (trimmed its way), and nothing needs counting.
            MarkdownSplitter::new(config.with_sizer(Bytes))
                .chunks(text)
                .collect()
        } else {
            let sizer = Tokens(SliceCounter::new(text));
            MarkdownSplitter::new(config.with_sizer(sizer))
                .chunks(text)
                .collect()
        }
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
        let tokenizer = tiktoken_rs::o200k_base_singleton();
        let chunked = ours.chunk("Heat pumps", &markdown);
        assert!(chunked.len() > 40);
        for chunk in &chunked {
            assert!(tokenizer.encode_ordinary(&chunk.text).len() <= 60);
            assert!(!is_heading_only(&chunk.text), "{:?}", chunk.text);
        }
    }

    fn is_heading_only(text: &str) -> bool {
        text.lines()
            .all(|line| line.trim().is_empty() || line.starts_with('#'))
    }

    fn chunks_of(html: &str, settings: ChunkSettings) -> Vec<Chunk> {
        let url = url::Url::parse("https://shop.test/page/").expect("valid");
        let page = crate::extract::extract(html, &url);
        Chunker::new(settings)
            .expect("valid settings")
            .chunk(&page.title, &page.markdown())
    }

    fn page(title: &str, main: &str) -> String {
        format!("<html><head><title>{title}</title></head><body><main>{main}</main></body></html>")
    }

    const SMALL: ChunkSettings = ChunkSettings {
        max_tokens: 60,
        overlap_tokens: 10,
    };

    fn long_answer(topic: &str) -> String {
        (0..12)
            .map(|i| format!("Step {i} of the {topic} is done by a certified engineer on site."))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_heading_without_text_joins_the_next_section_and_never_stands_alone() {
        let html = page(
            "Careers | Northwind",
            "<h1>Careers</h1><h2>Open positions</h2><h3>Heat pump engineer</h3>\
             <p>Fit air-source heat pumps across Northumberland.</p>\
             <h3>Office manager</h3><p>Run the office in Hexham.</p><h2>Contact Us</h2>",
        );
        let chunks = chunks_of(&html, ChunkSettings::default());
        assert_eq!(chunks.len(), 2, "{chunks:#?}");
        for chunk in &chunks {
            assert!(!is_heading_only(&chunk.text), "{:?}", chunk.text);
        }
        assert_eq!(
            chunks[0].text,
            "# Careers\n\n## Open positions\n\n### Heat pump engineer\n\n\
             Fit air-source heat pumps across Northumberland."
        );
        assert_eq!(
            chunks[0].heading_path,
            [
                "Careers | Northwind",
                "Open positions",
                "Heat pump engineer"
            ]
        );
        assert_eq!(
            chunks[1].text,
            "### Office manager\n\nRun the office in Hexham."
        );
    }

    #[test]
    fn a_heading_leads_the_first_chunk_of_a_long_section() {
        let html = page(
            "Heat pumps",
            &format!(
                "<h2>Installation</h2><p>{}</p>",
                long_answer("installation")
            ),
        );
        let chunks = chunks_of(&html, SMALL);
        assert!(chunks.len() > 2);
        assert!(chunks[0].text.starts_with("## Installation\n\nStep 0"));
        for chunk in &chunks {
            assert!(!is_heading_only(&chunk.text), "{:?}", chunk.text);
            assert!(
                tiktoken_rs::o200k_base_singleton()
                    .encode_ordinary(&chunk.text)
                    .len()
                    <= 60
            );
        }
    }

    #[test]
    fn a_details_faq_gives_one_chunk_per_question_starting_with_it() {
        let items: String = (0..10)
            .map(|i| {
                format!(
                    "<details><summary>Question {i}: do you cover area {i}?</summary>\
                     <p>Yes, area {i} is covered. Our engineers visit area {i} every weekday, \
                     and a survey there is free. Quotes for area {i} are valid for 60 days \
                     and carry no obligation at all.</p></details>"
                )
            })
            .collect();
        let html = page(
            "FAQ | Northwind",
            &format!("<h1>FAQ</h1><p>Answers to what customers ask most.</p>{items}"),
        );
        let chunks = chunks_of(&html, ChunkSettings::default());
        let questions: Vec<&Chunk> = chunks
            .iter()
            .filter(|c| c.text.starts_with("## Question"))
            .collect();
        assert_eq!(questions.len(), 10, "{chunks:#?}");
        assert_eq!(chunks.len(), 11);
        for (i, chunk) in questions.iter().enumerate() {
            assert!(
                chunk.text.starts_with(&format!(
                    "## Question {i}: do you cover area {i}?\n\nYes, area {i}"
                )),
                "{:?}",
                chunk.text
            );
            assert!(!chunk.text.contains(&format!("area {}", i + 1)));
            assert_eq!(
                chunk.heading_path.last().map(String::as_str),
                Some(format!("Question {i}: do you cover area {i}?").as_str())
            );
        }
    }

    #[test]
    fn a_long_answer_is_split_with_the_question_leading_every_piece() {
        let html = page(
            "FAQ",
            &format!(
                "<h2>Help</h2><details><summary>How is a heat pump fitted?</summary><p>{}</p></details>",
                long_answer("fitting")
            ),
        );
        let chunks = chunks_of(&html, SMALL);
        assert!(chunks.len() > 2, "{chunks:#?}");
        let tokenizer = tiktoken_rs::o200k_base_singleton();
        assert!(
            chunks[0]
                .text
                .starts_with("## Help\n\n### How is a heat pump fitted?")
        );
        for chunk in &chunks[1..] {
            assert!(
                chunk
                    .text
                    .starts_with("### How is a heat pump fitted?\n\nStep"),
                "{:?}",
                chunk.text
            );
        }
        for chunk in &chunks {
            assert!(tokenizer.encode_ordinary(&chunk.text).len() <= 60);
        }
        assert!(chunks.last().is_some_and(|c| c.text.contains("Step 11")));
    }

    #[test]
    fn a_definition_list_faq_gives_one_chunk_per_question() {
        let html = page(
            "Visit | Harbor Books",
            "<h2>Questions</h2><dl>\
             <dt>Is the shop step-free?</dt><dd>Yes: a level entrance and a lift.</dd>\
             <div><dt>Can I bring my dog?</dt><dd>Dogs are welcome on a lead.</dd></div>\
             <dt>Is there parking?</dt><dd>The harbour car park, 2 minutes away.</dd>\
             </dl><h2>Hours</h2><dl><dt>Monday</dt><dd>9 to 5</dd><dt>Sunday</dt><dd>Closed</dd></dl>",
        );
        let chunks = chunks_of(&html, ChunkSettings::default());
        let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "## Questions\n\n### Is the shop step-free?\n\nYes: a level entrance and a lift.",
                "### Can I bring my dog?\n\nDogs are welcome on a lead.",
                "### Is there parking?\n\nThe harbour car park, 2 minutes away.",
                "## Hours\n\n- Monday: 9 to 5\n- Sunday: Closed",
            ]
        );
    }

    #[test]
    fn question_headings_keep_their_question_in_every_chunk() {
        let html = page(
            "Heat pumps",
            &format!(
                "<h2>Do heat pumps work in winter?</h2><p>{}</p>\
                 <h2>Are grants available?</h2><p>Yes, £7,500 from the Boiler Upgrade Scheme.</p>",
                long_answer("winter check")
            ),
        );
        let chunks = chunks_of(&html, SMALL);
        let (winter, grants): (Vec<&Chunk>, Vec<&Chunk>) = chunks.iter().partition(|c| {
            c.text
                .starts_with("## Do heat pumps work in winter?\n\nStep")
        });
        assert!(winter.len() > 2, "{chunks:#?}");
        assert_eq!(grants.len(), 1, "{chunks:#?}");
        assert_eq!(
            grants[0].text,
            "## Are grants available?\n\nYes, £7,500 from the Boiler Upgrade Scheme."
        );
    }
}
