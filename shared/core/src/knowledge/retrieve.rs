//! Retrieval for a turn: the visitor's message is embedded, the account's index answers a
//! hybrid query, and the best chunks become numbered sources — one number per page, so the
//! answer's `[n]` markers and the citations it carries agree. The same sources make the
//! extractive answer when the model is not called.

use std::sync::Arc;

use crate::config::RagSettings;
use crate::conversation::context::count_tokens;
use crate::domain::{AccountId, Citation};
use crate::ports::knowledge::{EmbedKind, Embedder, KnowledgeError, VectorIndex, VectorQuery};

/// Longest snippet a citation carries, in characters.
const SNIPPET_CHARS: usize = 280;

/// Embeds queries and reads the index.
#[derive(Debug, Clone)]
pub struct Retriever {
    embedder: Arc<dyn Embedder>,
    index: Arc<dyn VectorIndex>,
}

/// One page the answer may cite, with the passages retrieved from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Its number in the prompt (from 1).
    pub number: u32,
    /// Page title.
    pub title: String,
    /// Page URL.
    pub url: String,
    /// Best score among its passages.
    pub score: f32,
    /// Passages, best first, each with its heading path.
    pub passages: Vec<Passage>,
}

/// One retrieved chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// "Pricing › Heat pumps".
    pub heading_path: Vec<String>,
    /// The chunk text.
    pub text: String,
    /// Its score.
    pub score: f32,
}

/// The sources of one turn, numbered in order of their best score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// Pages, best first.
    pub pages: Vec<Source>,
}

impl Retriever {
    /// A retriever over these parts.
    pub fn new(embedder: Arc<dyn Embedder>, index: Arc<dyn VectorIndex>) -> Self {
        Self { embedder, index }
    }

    /// The embedder and index it reads.
    pub fn parts(&self) -> (Arc<dyn Embedder>, Arc<dyn VectorIndex>) {
        (Arc::clone(&self.embedder), Arc::clone(&self.index))
    }

    /// The sources for a question: the top `rag.top_k` chunks scoring at least
    /// `rag.score_threshold`, grouped by page, kept while their text fits in
    /// `rag.max_context_tokens`.
    #[tracing::instrument(skip(self, question, rag), fields(account = %account))]
    pub async fn retrieve(
        &self,
        account: &AccountId,
        question: &str,
        rag: &RagSettings,
    ) -> Result<Sources, KnowledgeError> {
        if question.trim().is_empty() || rag.top_k == 0 {
            return Ok(Sources::default());
        }
        let mut vectors = self
            .embedder
            .embed(&[question.to_owned()], EmbedKind::Query)
            .await?;
        let vector = vectors.pop().ok_or_else(|| {
            KnowledgeError::fatal(anyhow::anyhow!("the embedder returned no vector"))
        })?;
        let hits = self
            .index
            .query(
                account,
                &VectorQuery {
                    vector,
                    text: question.to_owned(),
                    top_k: rag.top_k,
                    url_prefix: None,
                },
            )
            .await?;
        let mut sources = Sources::default();
        let mut used = 0;
        for hit in hits {
            if hit.score < rag.score_threshold {
                continue;
            }
            let cost = count_tokens(&hit.record.text) + 8;
            if used + cost > rag.max_context_tokens {
                // Later (worse) chunks may still fit; the budget is a ceiling, not a cut-off.
                continue;
            }
            used += cost;
            let passage = Passage {
                heading_path: hit.record.heading_path,
                text: hit.record.text,
                score: hit.score,
            };
            match sources.pages.iter_mut().find(|p| p.url == hit.record.url) {
                Some(page) => page.passages.push(passage),
                None => {
                    let number = u32::try_from(sources.pages.len() + 1).unwrap_or(u32::MAX);
                    sources.pages.push(Source {
                        number,
                        title: hit.record.title,
                        url: hit.record.url,
                        score: hit.score,
                        passages: vec![passage],
                    });
                }
            }
        }
        Ok(sources)
    }
}

impl Sources {
    /// No page matched.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The block appended to the system prompt: how to use and cite the sources, then each
    /// source with its number, title, URL and passages.
    pub fn prompt_section(&self) -> String {
        let mut out = String::from(
            "\n\n## Sources from this business's website\n\
             Answer from these sources when they cover the question. Cite each fact with the \
             source's number in square brackets, like [1]. Do not invent facts, prices or \
             links that the sources do not contain; when they do not cover the question, say \
             so and offer what you can.\n",
        );
        for page in &self.pages {
            out.push_str(&format!(
                "\n[{}] {} <{}>\n",
                page.number, page.title, page.url
            ));
            for passage in &page.passages {
                if !passage.heading_path.is_empty() {
                    out.push_str(&format!("({})\n", passage.heading_path.join(" › ")));
                }
                out.push_str(passage.text.trim());
                out.push('\n');
            }
        }
        out
    }

    /// The citations an answer carries: the sources its `[n]` markers name, in number
    /// order; when it names none, every source it was given (the answer was written with
    /// them in view, and the visitor should see where to read more).
    pub fn citations_for(&self, answer: &str) -> Vec<Citation> {
        let named: Vec<&Source> = self
            .pages
            .iter()
            .filter(|page| answer.contains(&format!("[{}]", page.number)))
            .collect();
        let chosen: Vec<&Source> = if named.is_empty() {
            self.pages.iter().collect()
        } else {
            named
        };
        chosen.into_iter().map(Source::citation).collect()
    }

    /// Every source as a citation.
    pub fn all_citations(&self) -> Vec<Citation> {
        self.pages.iter().map(Source::citation).collect()
    }

    /// An answer without the model: `lead` (why the site is quoted), then the best passage
    /// of each page with its link; or `nothing_found` when no page matches.
    pub fn extractive_answer(&self, lead: &str, nothing_found: &str) -> String {
        if self.pages.is_empty() {
            return format!("*{nothing_found}*");
        }
        format!("*{lead}*\n{}", self.quoted_passages())
    }

    /// The best passage of each page, quoted under its title with its source number, each
    /// block starting with a blank line; empty without pages.
    pub fn quoted_passages(&self) -> String {
        let mut out = String::new();
        for page in &self.pages {
            let best = page.passages.first().map_or("", |p| p.text.as_str());
            out.push_str(&format!(
                "\n**{}** [{}]\n\n> {}\n",
                page.title,
                page.number,
                snippet(best, SNIPPET_CHARS * 2).replace('\n', "\n> ")
            ));
        }
        out
    }
}

impl Source {
    fn citation(&self) -> Citation {
        Citation {
            number: self.number,
            title: self.title.clone(),
            url: self.url.clone(),
            score: self.score,
            snippet: snippet(
                self.passages.first().map_or("", |p| p.text.as_str()),
                SNIPPET_CHARS,
            ),
        }
    }
}

/// The first `max` characters of a text, cut at a word boundary, with an ellipsis when cut.
fn snippet(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(number: u32, url: &str, text: &str) -> Source {
        Source {
            number,
            title: format!("Page {number}"),
            url: url.to_owned(),
            score: 0.9 - number as f32 / 10.0,
            passages: vec![Passage {
                heading_path: vec!["Pricing".to_owned()],
                text: text.to_owned(),
                score: 0.5,
            }],
        }
    }

    fn sources() -> Sources {
        Sources {
            pages: vec![
                source(1, "https://x.example/a", "Aero 7 costs £7,495."),
                source(2, "https://x.example/b", "Surveys are free."),
                source(3, "https://x.example/c", "We cover Leeds."),
            ],
        }
    }

    #[test]
    fn citations_are_the_sources_the_answer_names() {
        let cited = sources().citations_for("It costs £7,495 [1] and we cover Leeds [3].");
        let numbers: Vec<u32> = cited.iter().map(|c| c.number).collect();
        assert_eq!(numbers, [1, 3]);
        assert_eq!(cited[0].url, "https://x.example/a");
        assert_eq!(cited[0].snippet, "Aero 7 costs £7,495.");
    }

    #[test]
    fn an_answer_naming_no_source_carries_all_of_them() {
        assert_eq!(sources().citations_for("Hello!").len(), 3);
        assert!(Sources::default().citations_for("Hello [1]").is_empty());
    }

    #[test]
    fn the_prompt_numbers_each_page_with_its_url_and_passages() {
        let section = sources().prompt_section();
        assert!(section.contains("[2] Page 2 <https://x.example/b>\n(Pricing)\nSurveys are free."));
        assert!(section.contains("like [1]"));
    }

    #[test]
    fn the_extractive_answer_is_labelled_and_links_every_source() {
        let answer = sources().extractive_answer("Quoted:", "Nothing.");
        assert!(answer.starts_with("*Quoted:*"));
        for n in 1..=3 {
            assert!(answer.contains(&format!("[{n}]")), "{answer}");
        }
        assert!(answer.contains("> We cover Leeds."));
        assert_eq!(
            Sources::default().extractive_answer("Quoted:", "Nothing."),
            "*Nothing.*"
        );
    }

    #[test]
    fn snippets_cut_at_a_word() {
        assert_eq!(snippet("one two three", 9), "one two…");
        assert_eq!(snippet("  short  ", 20), "short");
    }
}
