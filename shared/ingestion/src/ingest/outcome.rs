//! What a run reports: each URL's outcome, progress as it goes, the finished run, and why
//! a run could not finish.

use salient_core::ports::StoreError;
use salient_core::ports::ingestion::IngestionRun;
use salient_core::ports::knowledge::KnowledgeError;

/// Why a URL was not indexed on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// robots.txt disallows it.
    Robots,
    /// Its host is not in `allowed_hosts`.
    OffHost,
    /// `include_paths` / `exclude_paths` leave it out.
    PathExcluded,
    /// Beyond `max_pages`.
    PageCap,
    /// Not HTML.
    NotHtml(String),
    /// Larger than `max_page_bytes`.
    TooLarge,
    /// The SSRF guard refused it (or a redirect from it).
    Refused(String),
    /// `<meta name="robots" content="noindex">`.
    NoIndex,
    /// Its canonical URL was already indexed from another URL.
    DuplicateOf(String),
    /// No main content left after extraction.
    Empty,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Robots => f.write_str("disallowed by robots.txt"),
            Self::OffHost => f.write_str("host not allowed"),
            Self::PathExcluded => f.write_str("path excluded"),
            Self::PageCap => f.write_str("beyond max_pages"),
            Self::NotHtml(kind) => write!(f, "not HTML ({kind})"),
            Self::TooLarge => f.write_str("larger than max_page_bytes"),
            Self::Refused(why) => write!(f, "refused: {why}"),
            Self::NoIndex => f.write_str("noindex"),
            Self::DuplicateOf(url) => write!(f, "duplicate of {url}"),
            Self::Empty => f.write_str("no main content"),
        }
    }
}

impl SkipReason {
    /// A stable short name for the reason, without its detail (for tallies and JSON).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Robots => "robots",
            Self::OffHost => "off_host",
            Self::PathExcluded => "path_excluded",
            Self::PageCap => "page_cap",
            Self::NotHtml(_) => "not_html",
            Self::TooLarge => "too_large",
            Self::Refused(_) => "refused",
            Self::NoIndex => "noindex",
            Self::DuplicateOf(_) => "duplicate",
            Self::Empty => "empty",
        }
    }
}

/// What happened to one URL in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageOutcome {
    /// New page, indexed into `chunks` chunks.
    Added {
        /// Chunks written.
        chunks: usize,
    },
    /// Changed page, re-indexed into `chunks` chunks.
    Updated {
        /// Chunks written.
        chunks: usize,
    },
    /// Same content hash: nothing embedded; the page keeps its `chunks` chunks.
    Unchanged {
        /// Chunks already in the index.
        chunks: usize,
    },
    /// Gone from the site (or now excluded): deleted from the index.
    Removed,
    /// Not indexed on purpose.
    Skipped(SkipReason),
    /// Could not be fetched or indexed; a page already indexed keeps its chunks when the
    /// failure may pass.
    Failed(String),
}

impl PageOutcome {
    /// The outcome's short name, as the CLI prints it.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Added { .. } => "added",
            Self::Updated { .. } => "updated",
            Self::Unchanged { .. } => "unchanged",
            Self::Removed => "removed",
            Self::Skipped(_) => "skipped",
            Self::Failed(_) => "failed",
        }
    }

    /// The page's chunks in the index after this outcome, when it is indexed.
    pub fn chunks(&self) -> Option<usize> {
        match self {
            Self::Added { chunks } | Self::Updated { chunks } | Self::Unchanged { chunks } => {
                Some(*chunks)
            }
            _ => None,
        }
    }
}

/// Follows a run as it goes (the CLI's progress bar).
pub trait Progress: Send + Sync {
    /// How many URLs will be fetched.
    fn planned(&self, _urls: usize) {}
    /// One URL is done.
    fn page(&self, _url: &str, _outcome: &PageOutcome) {}
}

/// Progress that nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

/// A finished run: its stored record and every URL's outcome.
#[derive(Debug, Clone)]
pub struct RunReport {
    /// As stored.
    pub run: IngestionRun,
    /// Each URL and what happened to it, in the order they finished.
    pub pages: Vec<(String, PageOutcome)>,
}

/// Why a run could not finish.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The account has no `sources:`.
    #[error("the account has no sources configured")]
    NothingConfigured,
    /// Invalid chunk settings.
    #[error(transparent)]
    Chunk(#[from] crate::chunk::ChunkError),
    /// The ingestion records could not be read or written.
    #[error("ingestion records: {0}")]
    Store(#[from] StoreError),
    /// The embedder or the index failed in a way that stops the run.
    #[error("knowledge backend: {0}")]
    Knowledge(#[from] KnowledgeError),
}

impl IngestError {
    /// Whether the scheduler should try the run again.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::NothingConfigured | Self::Chunk(_) => false,
            Self::Store(StoreError::Backend { retryable, .. })
            | Self::Knowledge(KnowledgeError::Backend { retryable, .. }) => *retryable,
            Self::Store(_) | Self::Knowledge(_) => false,
        }
    }
}
