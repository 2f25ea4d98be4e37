//! Indexing one page: skipped when its content hash is the stored one, else chunked,
//! embedded in batches, upserted, its stale chunks deleted and its record written.

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::PageRecord;
use salient_core::ports::knowledge::{ChunkRecord, EmbedKind, IndexedChunk, KnowledgeError};
use sha2::{Digest as _, Sha256};

use super::{IngestError, Ingestor, PageOutcome};

/// Texts per embedding call.
const EMBED_BATCH: usize = 64;

impl Ingestor {
    /// Indexes one page unless its content hash is the stored one.
    pub(super) async fn index_page(
        &self,
        account: &AccountId,
        url: &str,
        title: &str,
        markdown: &str,
        date: Option<NaiveDate>,
        stored: Option<&PageRecord>,
    ) -> Result<PageOutcome, IngestError> {
        let now = Utc::now();
        let content_hash = self.content_hash(title, markdown, date);
        if let Some(stored) = stored.filter(|s| s.content_hash == content_hash) {
            let mut seen = stored.clone();
            seen.last_seen = now;
            self.records.put_page(account, &seen).await?;
            return Ok(PageOutcome::Unchanged {
                chunks: stored.chunk_ids.len(),
            });
        }
        let chunks = {
            let chunker = Arc::clone(&self.chunker);
            let (title, markdown) = (title.to_owned(), markdown.to_owned());
            tokio::task::spawn_blocking(move || chunker.chunk(&title, &markdown))
                .await
                .map_err(|e| KnowledgeError::fatal(anyhow::anyhow!("chunking panicked: {e}")))?
        };
        let url_id = url_id(url);
        let mut indexed = Vec::with_capacity(chunks.len());
        for batch in chunks.chunks(EMBED_BATCH) {
            let texts: Vec<String> = batch.iter().map(|c| c.embedding_text()).collect();
            let vectors = self.embedder.embed(&texts, EmbedKind::Passage).await?;
            if vectors.len() != batch.len() {
                return Err(KnowledgeError::fatal(anyhow::anyhow!(
                    "the embedder returned {} vectors for {} texts",
                    vectors.len(),
                    batch.len()
                ))
                .into());
            }
            for (chunk, vector) in batch.iter().zip(vectors) {
                let record = ChunkRecord {
                    id: format!("{url_id}#{}", indexed.len()),
                    url: url.to_owned(),
                    title: title.to_owned(),
                    heading_path: chunk.heading_path.clone(),
                    text: chunk.text.clone(),
                    page_hash: content_hash.clone(),
                    date,
                };
                indexed.push(IndexedChunk { record, vector });
            }
        }
        self.index.upsert(account, &indexed).await?;
        let chunk_ids: Vec<String> = indexed.iter().map(|c| c.record.id.clone()).collect();
        let written = chunk_ids.len();
        if let Some(stored) = stored {
            let stale: Vec<String> = stored
                .chunk_ids
                .iter()
                .filter(|id| !chunk_ids.contains(id))
                .cloned()
                .collect();
            if !stale.is_empty() {
                self.index.delete(account, &stale).await?;
            }
        }
        self.records
            .put_page(
                account,
                &PageRecord {
                    url: url.to_owned(),
                    title: title.to_owned(),
                    content_hash,
                    chunk_ids,
                    last_seen: now,
                    updated_at: now,
                },
            )
            .await?;
        Ok(if stored.is_some() {
            PageOutcome::Updated { chunks: written }
        } else {
            PageOutcome::Added { chunks: written }
        })
    }

    /// SHA-256 over what the chunks depend on: the content, the model, the chunking rules,
    /// the chunk sizes and the page's date.
    fn content_hash(&self, title: &str, markdown: &str, date: Option<NaiveDate>) -> String {
        let mut hasher = Sha256::new();
        let date = date.map(|d| d.to_string()).unwrap_or_default();
        for part in [
            self.embedder.model_id(),
            crate::chunk::CHUNKING_RULES,
            &self.chunk_settings.max_tokens.to_string(),
            &self.chunk_settings.overlap_tokens.to_string(),
            title,
            markdown,
            &date,
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0u8]);
        }
        hex::encode(hasher.finalize())
    }
}

/// The first 16 hex digits of SHA-256 of a URL: the prefix of its chunk ids.
pub fn url_id(url: &str) -> String {
    let digest = hex::encode(Sha256::digest(url.as_bytes()));
    digest[..16].to_owned()
}
