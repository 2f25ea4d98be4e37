//! Retrieval for a turn: the visitor's message is embedded, the account's index answers a
//! hybrid query, and the best chunks become numbered sources — one number per page, so the
//! answer's `[n]` markers and the citations it carries agree. The same sources make the
//! extractive answer when the model is not called.
//!
//! Pages carry their date (published or last updated) into the prompt and the citations,
//! and a small recency prior breaks near-ties in favour of the newer dated page, so that
//! when an old page and a newer post disagree the newer is the first source the model reads
//! (and the prompt tells it to prefer the newer one on a conflict). Likewise a chunk giving
//! the kind of answer the question asks for (a time, a price, a phone number) goes ahead of
//! one scoring just above it that does not.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::config::RagSettings;
use crate::conversation::context::count_tokens;
use crate::domain::{AccountId, Citation};
use crate::knowledge::abstain::{self, Relevance};
use crate::knowledge::asked_kind;
use crate::knowledge::follow_up::Asked;
use crate::knowledge::quote::{QUOTE_CHARS, QuestionTerms, quote};
use crate::ports::knowledge::{
    EmbedKind, Embedder, KnowledgeError, ScoredChunk, VectorIndex, VectorQuery,
};

/// Longest snippet a citation carries, in characters.
const SNIPPET_CHARS: usize = 280;

/// The most chunks a cited page keeps in reserve for its extractive quote.
const RESERVE_PER_PAGE: usize = 3;

/// The most a page's date adds to its chunks' fused score when ordering them: the newest
/// dated page of a retrieval gains this much, the oldest nothing, the others in proportion
/// to their date, undated pages nothing. Small against the spread of fused scores (about
/// 0.1 to 0.9), it only reorders chunks whose scores nearly tie.
pub(crate) const RECENCY_PRIOR: f32 = 0.05;

/// What a chunk holding an answer of the kind the question asks for (a time, a price, a
/// phone number or an email address: [`asked_kind`]) adds to its fused score when ordering
/// them, so that of two chunks scoring within 0.1 of each other, the one giving a price
/// comes first for "How much is…?". Measured on the held-out sets: 0.1 lifts MRR by up to
/// 0.01 with no fact lost; 0.2 loses facts.
pub(crate) const KIND_PRIOR: f32 = 0.1;

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
    /// The day the page was published or last updated, when known.
    pub date: Option<NaiveDate>,
    /// Best score among its passages.
    pub score: f32,
    /// Passages, best first, each with its heading path.
    pub passages: Vec<Passage>,
    /// More of the page's retrieved chunks that the prompt had no room for (the per-page
    /// cap, `top_k`, the token budget), best first: an extractive answer may quote them.
    pub reserve: Vec<String>,
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
    /// Whether the index's answer is relevant to the question (see [`abstain`]); `None`
    /// when the index returned nothing or was not asked.
    pub relevance: Option<Relevance>,
    /// The embedding of the question in its context (a follow-up after the question before
    /// it) as the index was queried with it: content gaps group questions by it without
    /// embedding them again.
    pub query_vector: Option<Vec<f32>>,
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

    /// The sources for a question: the index is asked for three times `rag.top_k` chunks
    /// (for the question in its context and on its own, and when it asks two things, for
    /// each part: [`query_each_part`]), and [`Sources::from_hits`] keeps the best
    /// `rag.top_k` of them, at most `rag.max_chunks_per_page` from one page, judged and
    /// ordered on the question in its context.
    #[tracing::instrument(skip(self, asked, rag), fields(account = %account))]
    pub async fn retrieve(
        &self,
        account: &AccountId,
        asked: &Asked,
        rag: &RagSettings,
    ) -> Result<Sources, KnowledgeError> {
        if asked.question().trim().is_empty() || rag.top_k == 0 {
            return Ok(Sources::default());
        }
        let (hits, vector) = query_each_part(
            self.embedder.as_ref(),
            self.index.as_ref(),
            account,
            asked,
            candidates(rag.top_k),
        )
        .await?;
        let mut sources = Sources::from_hits(asked, hits, rag);
        sources.query_vector = Some(vector);
        Ok(sources)
    }
}

/// The most parts of one question asked on their own (a message of sixty question marks is
/// still at most four queries, five for a follow-up).
pub(crate) const MAX_PARTS: usize = 3;

/// The index's answer to a question, best first, and the embedding of the question in its
/// context. A follow-up ([`Asked`]) is asked in its context and on its own. A question
/// asking two things at once ("Which vet does dental work, and how much is a scale and
/// polish?") is also asked part by part ([`asked_kind::parts`], the first [`MAX_PARTS`]).
/// All in one embedding call and concurrent index queries, and each chunk keeps its best
/// score over them: the page answering one part is not pushed out by the pages matching
/// the other part's words.
pub(crate) async fn query_each_part(
    embedder: &dyn Embedder,
    index: &dyn VectorIndex,
    account: &AccountId,
    asked: &Asked,
    top_k: usize,
) -> Result<(Vec<ScoredChunk>, Vec<f32>), KnowledgeError> {
    let question = asked.question();
    let mut texts = vec![asked.text().into_owned()];
    if asked.before().is_some() {
        texts.push(question.to_owned());
    }
    let parts = asked_kind::parts(question);
    if parts.len() > 1 {
        texts.extend(
            parts
                .iter()
                .take(MAX_PARTS)
                .map(|part| part.trim().to_owned()),
        );
    }
    let vectors = embedder.embed(&texts, EmbedKind::Query).await?;
    if vectors.len() != texts.len() {
        return Err(KnowledgeError::fatal(anyhow::anyhow!(
            "the embedder returned {} vectors for {} queries",
            vectors.len(),
            texts.len()
        )));
    }
    let queries: Vec<VectorQuery> = texts
        .into_iter()
        .zip(vectors)
        .map(|(text, vector)| VectorQuery {
            vector,
            text,
            top_k,
            url_prefix: None,
        })
        .collect();
    // At once: a remote index answers the parts in one round trip's time.
    let answers =
        futures::future::try_join_all(queries.iter().map(|query| index.query(account, query)))
            .await?;
    let mut merged: Vec<ScoredChunk> = Vec::new();
    for hits in answers {
        for hit in hits {
            match merged
                .iter_mut()
                .find(|seen| seen.record.id == hit.record.id)
            {
                Some(seen) if seen.score < hit.score => *seen = hit,
                Some(_) => {}
                None => merged.push(hit),
            }
        }
    }
    merged.sort_by(|a, b| b.score.total_cmp(&a.score));
    let vector = queries
        .into_iter()
        .next()
        .map(|q| q.vector)
        .unwrap_or_default();
    Ok((merged, vector))
}

/// How many chunks to ask the index for so that `top_k` remain once each page is held to
/// its cap: three times as many.
pub(crate) fn candidates(top_k: usize) -> usize {
    top_k.saturating_mul(3)
}

/// Counts the chunks each page has given, against a cap.
#[derive(Debug)]
pub(crate) struct PageCap {
    max_per_page: usize,
    taken: HashMap<String, usize>,
}

impl PageCap {
    /// A cap of `max_per_page` chunks per page (at least 1).
    pub(crate) fn new(max_per_page: usize) -> Self {
        Self {
            max_per_page: max_per_page.max(1),
            taken: HashMap::new(),
        }
    }

    /// Whether the page at `url` may give another chunk.
    pub(crate) fn admits(&self, url: &str) -> bool {
        self.taken.get(url).copied().unwrap_or(0) < self.max_per_page
    }

    /// Counts a chunk of the page at `url`.
    pub(crate) fn take(&mut self, url: &str) {
        *self.taken.entry(url.to_owned()).or_insert(0) += 1;
    }
}

impl Sources {
    /// The sources made of an index's answer (best first): in score order, up to
    /// `rag.top_k` chunks scoring at least `rag.score_threshold`, at most
    /// `rag.max_chunks_per_page` of them from one page, kept while their text fits in
    /// `rag.max_context_tokens`; grouped by page and numbered in order of each page's best
    /// chunk. The whole answer is judged for relevance first (`rag.abstain`); the order
    /// then takes the pages' dates into account ([`RECENCY_PRIOR`]).
    pub fn from_hits(asked: &Asked, hits: Vec<ScoredChunk>, rag: &RagSettings) -> Self {
        let mut sources = Sources {
            pages: Vec::new(),
            relevance: abstain::judge(asked, &hits, &rag.abstain),
            query_vector: None,
        };
        let hits = by_priors(asked, hits);
        let mut cap = PageCap::new(rag.max_chunks_per_page);
        let mut kept = 0;
        let mut used = 0;
        let mut left = Vec::new();
        for hit in hits {
            if hit.score < rag.score_threshold {
                continue;
            }
            if kept == rag.top_k || !cap.admits(&hit.record.url) {
                left.push(hit);
                continue;
            }
            let cost = count_tokens(&hit.record.text) + 8;
            if used + cost > rag.max_context_tokens {
                // Later (worse) chunks may still fit; the budget is a ceiling, not a cut-off.
                left.push(hit);
                continue;
            }
            used += cost;
            kept += 1;
            cap.take(&hit.record.url);
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
                        date: hit.record.date,
                        score: hit.score,
                        passages: vec![passage],
                        reserve: Vec::new(),
                    });
                }
            }
        }
        for hit in left {
            if let Some(page) = sources.pages.iter_mut().find(|p| p.url == hit.record.url)
                && page.reserve.len() < RESERVE_PER_PAGE
            {
                page.reserve.push(hit.record.text);
            }
        }
        sources
    }

    /// No page matched.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Whether retrieval judged the site not to cover the question, the verdict for an answer
    /// quoted without a model: the index answered and nothing it returned is relevant. A
    /// failed or empty retrieval is not such a verdict.
    pub fn not_covered(&self) -> bool {
        self.relevance.as_ref().is_some_and(|r| !r.relevant)
    }

    /// Whether retrieval found nothing near the question at all, the verdict before a model
    /// is called (it reads the passages and judges the rest itself; see
    /// [`Relevance::near`](super::abstain::Relevance::near)).
    pub fn nothing_near(&self) -> bool {
        self.relevance.as_ref().is_some_and(|r| !r.near)
    }

    /// The block appended to the system prompt: how to use and cite the sources, then each
    /// source with its number, title, URL and passages.
    pub fn prompt_section(&self) -> String {
        let mut out = String::from(
            "\n\n## Sources from this business's website\n\
             Answer only from these numbered sources. Cite each fact with the source's \
             number in square brackets, like [1]. Do not invent facts, prices or links that \
             the sources do not contain; when they do not cover the question, say plainly \
             that the website does not cover it and offer how to contact the business, \
             and end that answer with the exact text [[not-covered]] (it is removed before \
             the visitor sees the answer; never write it otherwise). \
             A source's date is when its page was published or last updated: when two \
             sources disagree, prefer the newer one and say it is the more recent.\n",
        );
        for page in &self.pages {
            out.push_str(&format!(
                "\n[{}] {} <{}>{}\n",
                page.number,
                page.title,
                page.url,
                page.date
                    .map_or_else(String::new, |date| format!(" (updated {date})"))
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

    /// An answer without the model: `lead` (why the site is quoted), then what each page
    /// says about `question` (see [`Sources::quoted_passages`]); or `nothing_found` when no
    /// page matches.
    pub fn extractive_answer(&self, question: &str, lead: &str, nothing_found: &str) -> String {
        if self.pages.is_empty() {
            return format!("*{nothing_found}*");
        }
        format!("*{lead}*\n{}", self.quoted_passages(question))
    }

    /// For each page, the run of its sentences that best matches `question` (up to 800
    /// characters, from any of its retrieved passages; its opening when nothing matches),
    /// quoted under its title with its source number, each block starting with a blank
    /// line; empty without pages.
    pub fn quoted_passages(&self, question: &str) -> String {
        let terms = QuestionTerms::new(
            question,
            self.pages.iter().flat_map(|page| {
                page.passages
                    .iter()
                    .map(|p| p.text.as_str())
                    .chain(page.reserve.iter().map(String::as_str))
            }),
        );
        let mut out = String::new();
        for page in &self.pages {
            let passages: Vec<&str> = page
                .passages
                .iter()
                .map(|p| p.text.as_str())
                .chain(page.reserve.iter().map(String::as_str))
                .collect();
            out.push_str(&format!(
                "\n**{}** [{}]{}\n\n> {}\n",
                page.title,
                page.number,
                page.date.map_or_else(String::new, |date| format!(
                    " (updated {})",
                    human_date(date)
                )),
                quote(&passages, &terms, QUOTE_CHARS).replace('\n', "\n> ")
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
            date: self.date,
        }
    }
}

/// "3 November 2026".
fn human_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// The hits reordered by their fused score plus two priors (stable: equal totals keep the
/// index's order): the recency prior of their page's date, and the kind prior when they
/// hold an answer of the kind the visitor asks for. The scores themselves are unchanged.
pub(crate) fn by_priors(asked: &Asked, hits: Vec<ScoredChunk>) -> Vec<ScoredChunk> {
    let kinds = asked_kind::asked(asked);
    let dates = hits.iter().filter_map(|hit| hit.record.date);
    let span = match (dates.clone().min(), dates.max()) {
        (Some(oldest), Some(newest)) if newest > oldest => {
            Some((oldest, (newest - oldest).num_days() as f32))
        }
        _ => None,
    };
    if span.is_none() && kinds.is_empty() {
        return hits;
    }
    let prior = |hit: &ScoredChunk| {
        let recency = match (span, hit.record.date) {
            (Some((oldest, days)), Some(date)) => {
                RECENCY_PRIOR * (date - oldest).num_days() as f32 / days
            }
            _ => 0.0,
        };
        let kind = if asked_kind::answers_any(&kinds, &hit.record.text) {
            KIND_PRIOR
        } else {
            0.0
        };
        recency + kind
    };
    let mut keyed: Vec<(f32, ScoredChunk)> = hits
        .into_iter()
        .map(|hit| (hit.score + prior(&hit), hit))
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0));
    keyed.into_iter().map(|(_, hit)| hit).collect()
}

/// The first `max` characters of a text, cut at a word boundary, with an ellipsis when cut.
pub(crate) fn snippet(text: &str, max: usize) -> String {
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
            date: None,
            score: 0.9 - number as f32 / 10.0,
            passages: vec![Passage {
                heading_path: vec!["Pricing".to_owned()],
                text: text.to_owned(),
                score: 0.5,
            }],
            reserve: Vec::new(),
        }
    }

    fn sources() -> Sources {
        Sources {
            pages: vec![
                source(1, "https://x.example/a", "Aero 7 costs £7,495."),
                source(2, "https://x.example/b", "Surveys are free."),
                source(3, "https://x.example/c", "We cover Leeds."),
            ],
            relevance: None,
            query_vector: None,
        }
    }

    /// Counts the texts it embeds; every vector is the same.
    #[derive(Debug, Default)]
    struct CountingEmbedder {
        texts: std::sync::atomic::AtomicUsize,
    }

    #[async_trait::async_trait]
    impl Embedder for CountingEmbedder {
        fn model_id(&self) -> &str {
            "counting"
        }

        fn dimensions(&self) -> usize {
            2
        }

        async fn embed(
            &self,
            texts: &[String],
            _kind: EmbedKind,
        ) -> Result<Vec<Vec<f32>>, KnowledgeError> {
            self.texts
                .fetch_add(texts.len(), std::sync::atomic::Ordering::SeqCst);
            Ok(texts.iter().map(|_| vec![1.0, 0.0]).collect())
        }
    }

    #[tokio::test]
    async fn a_question_is_asked_whole_and_by_at_most_a_few_parts() {
        let index = crate::knowledge::vector::embedded::EmbeddedIndex::in_memory().expect("index");
        let account = AccountId::parse("acme").expect("account");
        let queries = |asked: Asked| {
            let index = &index;
            let account = &account;
            async move {
                let embedder = CountingEmbedder::default();
                query_each_part(&embedder, index, account, &asked, 15)
                    .await
                    .expect("queried");
                embedder.texts.load(std::sync::atomic::Ordering::SeqCst)
            }
        };
        assert_eq!(
            queries(Asked::alone("How much is a boiler service?")).await,
            1
        );
        assert_eq!(
            queries(Asked::alone(
                "How much is a boiler service, and do you cover Leeds?"
            ))
            .await,
            3
        );
        let many: &'static str = "What is it? ".repeat(60).leak();
        assert_eq!(queries(Asked::alone(many)).await, 1 + MAX_PARTS);
        // A follow-up: in its context, then on its own.
        let follow_up = Asked::in_conversation("How much is it?", &["Do you service boilers?"]);
        assert_eq!(queries(follow_up).await, 2);
        let follow_up = Asked::in_conversation(many, &["Do you service boilers?"]);
        assert_eq!(queries(follow_up).await, 2 + MAX_PARTS);
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
        let answer = sources().extractive_answer("Where do you work?", "Quoted:", "Nothing.");
        assert!(answer.starts_with("*Quoted:*"));
        for n in 1..=3 {
            assert!(answer.contains(&format!("[{n}]")), "{answer}");
        }
        assert!(answer.contains("> We cover Leeds."));
        assert_eq!(
            Sources::default().extractive_answer("Where?", "Quoted:", "Nothing."),
            "*Nothing.*"
        );
    }

    fn hit(url: &str, index: usize, score: f32) -> ScoredChunk {
        ScoredChunk {
            record: crate::ports::knowledge::ChunkRecord {
                id: format!("{url}#{index}"),
                url: url.to_owned(),
                title: url.to_owned(),
                heading_path: Vec::new(),
                text: format!("Chunk {index} of {url}."),
                page_hash: String::new(),
                date: None,
            },
            score,
            dense: None,
            lexical: None,
        }
    }

    #[test]
    fn one_page_cannot_take_every_slot() {
        let hits = vec![
            hit("/pricing/", 0, 0.90),
            hit("/pricing/", 1, 0.88),
            hit("/pricing/", 2, 0.86),
            hit("/pricing/", 3, 0.84),
            hit("/faq/", 0, 0.80),
            hit("/contact/", 0, 0.70),
        ];
        let rag = RagSettings::default();
        let sources = Sources::from_hits(&Asked::alone(""), hits, &rag);
        let pages: Vec<(u32, &str, usize)> = sources
            .pages
            .iter()
            .map(|p| (p.number, p.url.as_str(), p.passages.len()))
            .collect();
        assert_eq!(
            pages,
            [(1, "/pricing/", 2), (2, "/faq/", 1), (3, "/contact/", 1)]
        );
        assert_eq!(sources.pages[0].passages[1].text, "Chunk 1 of /pricing/.");
    }

    fn dated(mut hit: ScoredChunk, date: &str) -> ScoredChunk {
        hit.record.date = Some(date.parse().expect("a day"));
        hit
    }

    fn with_text(mut hit: ScoredChunk, text: &str) -> ScoredChunk {
        hit.record.text = text.to_owned();
        hit
    }

    #[test]
    fn a_chunk_giving_the_kind_of_answer_asked_for_goes_ahead_of_a_near_tie() {
        let hits = || {
            vec![
                with_text(
                    hit("/privacy/", 0, 0.45),
                    "We keep your phone number while your card is active.",
                ),
                with_text(
                    hit("/find-us/", 1, 0.40),
                    "Ring the plant desk on 01632 960 407.",
                ),
                with_text(hit("/faq/", 2, 0.20), "Call us on 01632 960 408."),
            ]
        };
        let order = |question: &str| -> Vec<String> {
            Sources::from_hits(&Asked::alone(question), hits(), &RagSettings::default())
                .pages
                .iter()
                .map(|p| p.url.clone())
                .collect()
        };
        assert_eq!(
            order("What is your phone number?"),
            ["/find-us/", "/privacy/", "/faq/"],
            "within 0.1 it moves up; from further down it does not pass"
        );
        assert_eq!(
            order("Can I change my phone number?"),
            ["/privacy/", "/find-us/", "/faq/"],
            "a yes-or-no question asks for no kind"
        );
    }

    #[test]
    fn on_near_tied_scores_the_newer_dated_page_comes_first() {
        // The old prices page scores a little higher than the newer post correcting it.
        let hits = vec![
            dated(hit("/boilers/", 0, 0.62), "2026-10-30"),
            dated(hit("/news/service-price/", 1, 0.60), "2026-11-25"),
            hit("/faq/", 2, 0.40),
        ];
        let sources = Sources::from_hits(&Asked::alone(""), hits, &RagSettings::default());
        let urls: Vec<&str> = sources.pages.iter().map(|p| p.url.as_str()).collect();
        assert_eq!(urls, ["/news/service-price/", "/boilers/", "/faq/"]);
        assert_eq!(
            sources.pages[0].score, 0.60,
            "the score shown is the fused one"
        );
        let section = sources.prompt_section();
        assert!(
            section
                .contains("[1] /news/service-price/ </news/service-price/> (updated 2026-11-25)"),
            "{section}"
        );
        assert!(section.contains("prefer the newer one"), "{section}");
        let cited = sources.all_citations();
        assert_eq!(cited[0].date, "2026-11-25".parse().ok());
        assert_eq!(cited[2].date, None);
        assert!(
            sources
                .quoted_passages("service")
                .contains("[1] (updated 25 November 2026)")
        );

        // A clear lead is not overturned by a date.
        let hits = vec![
            dated(hit("/boilers/", 0, 0.70), "2026-10-30"),
            dated(hit("/news/service-price/", 1, 0.60), "2026-11-25"),
        ];
        let sources = Sources::from_hits(&Asked::alone(""), hits, &RagSettings::default());
        assert_eq!(sources.pages[0].url, "/boilers/");
    }

    #[test]
    fn the_cap_fills_top_k_in_score_order_and_a_higher_cap_admits_more() {
        let pages = ["/a/", "/a/", "/a/", "/b/", "/a/", "/c/", "/b/"];
        let hits: Vec<ScoredChunk> = pages
            .iter()
            .enumerate()
            .map(|(i, url)| hit(url, i, 0.9 - i as f32 / 100.0))
            .collect();
        let rag = RagSettings {
            top_k: 4,
            ..RagSettings::default()
        };
        let kept = |sources: &Sources| -> Vec<String> {
            sources
                .pages
                .iter()
                .flat_map(|p| p.passages.iter().map(|x| x.text.clone()))
                .collect()
        };
        assert_eq!(
            kept(&Sources::from_hits(&Asked::alone(""), hits.clone(), &rag)),
            [
                "Chunk 0 of /a/.",
                "Chunk 1 of /a/.",
                "Chunk 3 of /b/.",
                "Chunk 5 of /c/."
            ]
        );

        let roomy = RagSettings {
            top_k: 4,
            max_chunks_per_page: 3,
            ..RagSettings::default()
        };
        assert_eq!(
            kept(&Sources::from_hits(&Asked::alone(""), hits, &roomy)),
            [
                "Chunk 0 of /a/.",
                "Chunk 1 of /a/.",
                "Chunk 2 of /a/.",
                "Chunk 3 of /b/."
            ]
        );
    }

    #[test]
    fn the_extractive_answer_quotes_the_sentences_matching_the_question() {
        let opening = "We have fitted heating systems across Yorkshire since 1998. ".repeat(16);
        let page = Source {
            number: 1,
            title: "FAQ".to_owned(),
            url: "/faq/".to_owned(),
            date: None,
            score: 0.8,
            passages: vec![Passage {
                heading_path: Vec::new(),
                text: format!("{opening}Our home survey is free. It takes 90 minutes."),
                score: 0.8,
            }],
            reserve: Vec::new(),
        };
        let sources = Sources {
            pages: vec![page],
            relevance: None,
            query_vector: None,
        };
        let answer = sources.extractive_answer("Is the home survey free?", "Quoted:", "None.");
        assert!(answer.contains("Our home survey is free."), "{answer}");
        let opening_only = sources.quoted_passages("Do you sell bicycles?");
        assert!(
            opening_only.contains("> We have fitted heating systems"),
            "{opening_only}"
        );
        assert!(!opening_only.contains("survey"), "{opening_only}");
    }

    #[test]
    fn snippets_cut_at_a_word() {
        assert_eq!(snippet("one two three", 9), "one two…");
        assert_eq!(snippet("  short  ", 20), "short");
    }
}
