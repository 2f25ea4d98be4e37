//! Indexing one page: its embedded chunks upserted, its stale chunks deleted and its
//! record written; and the content hash that decides whether a page is embedded at all.

use chrono::{NaiveDate, Utc};
use salient_core::domain::AccountId;
use salient_core::ports::ingestion::PageRecord;
use salient_core::ports::knowledge::{ChunkRecord, IndexedChunk};
use sha2::{Digest as _, Sha256};

use super::pipeline::Embedded;
use super::{IngestError, Ingestor, PageOutcome};

impl Ingestor {
    /// Writes one new or changed page, its chunks embedded: upserts them under ids derived
    /// from its URL, deletes the chunks of its stored version that are no longer written,
    /// then writes its record (last, so a page whose writes failed is embedded again next run).
    pub(super) async fn write_page(
        &self,
        account: &AccountId,
        page: Embedded,
    ) -> Result<PageOutcome, IngestError> {
        let now = Utc::now();
        let Embedded { page, vectors } = page;
        let url = page.key;
        let url_id = url_id(&url);
        let indexed: Vec<IndexedChunk> = page
            .chunks
            .into_iter()
            .zip(vectors)
            .enumerate()
            .map(|(position, (chunk, vector))| IndexedChunk {
                record: ChunkRecord {
                    id: format!("{url_id}#{position}"),
                    url: url.clone(),
                    title: page.title.clone(),
                    heading_path: chunk.heading_path,
                    text: chunk.text,
                    page_hash: page.content_hash.clone(),
                    date: page.date,
                },
                vector,
            })
            .collect();
        self.index.upsert(account, &indexed).await?;
        let chunk_ids: Vec<String> = indexed.into_iter().map(|c| c.record.id).collect();
        let written = chunk_ids.len();
        let stored = page.stored;
        if let Some(stored) = &stored {
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
                    url,
                    title: page.title,
                    content_hash: page.content_hash,
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
    pub(super) fn content_hash(
        &self,
        title: &str,
        markdown: &str,
        date: Option<NaiveDate>,
    ) -> String {
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
