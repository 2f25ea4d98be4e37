//! Content gap groups (`GapStore`) in SQLite: one `gap_groups` row per group, keyed by
//! account and id, listed through `gap_groups_by_seen` (account, status, `last_seen`
//! newest first). The group's counts, examples and centroid are one JSON column.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use super::EmbeddedStore;
use super::listing::NewestFirst;
use super::rows::{Columns, json, millis};
use crate::domain::{AccountId, AgentId, now};
use crate::ports::gaps::{GapExample, GapFilter, GapGroup, GapReasons, GapStatus, GapStore};
use crate::ports::{Page, StoreError};

/// What the `body` column holds.
#[derive(Serialize, Deserialize)]
struct Body {
    count: u32,
    reasons: GapReasons,
    examples: Vec<GapExample>,
    centroid: Vec<f32>,
}

/// Reads a row of `id, agent, status, first_seen, last_seen, body`.
fn group(c: &mut Columns<'_, '_>) -> Result<GapGroup, StoreError> {
    let id: String = c.get()?;
    let agent = c.parsed("agent", |raw| AgentId::parse(raw).ok())?;
    let status = c.parsed("gap status", GapStatus::parse)?;
    let first_seen = c.time()?;
    let last_seen = c.time()?;
    let body: Body = c.json("gap group")?;
    Ok(GapGroup {
        id,
        agent,
        status,
        count: body.count,
        reasons: body.reasons,
        first_seen,
        last_seen,
        examples: body.examples,
        centroid: body.centroid,
    })
}

#[async_trait]
impl GapStore for EmbeddedStore {
    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn open_gap_groups(
        &self,
        account: &AccountId,
        agent: &AgentId,
    ) -> Result<Vec<GapGroup>, StoreError> {
        self.select_all(
            "SELECT id, agent, status, first_seen, last_seen, body FROM gap_groups
             WHERE account = ?1 AND agent = ?2 AND status = 'open'
             AND (expires_at IS NULL OR expires_at > ?3)",
            (account.to_string(), agent.to_string(), millis(now())),
            group,
        )
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn count_open_gap_groups(&self, account: &AccountId) -> Result<u32, StoreError> {
        let counted = self
            .select_one(
                "SELECT COUNT(*) FROM gap_groups WHERE account = ?1 AND status = 'open'
                 AND (expires_at IS NULL OR expires_at > ?2)",
                (account.to_string(), millis(now())),
                |c| c.count::<u32>("gap count"),
            )
            .await?;
        Ok(counted.unwrap_or(0))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn stalest_open_gap_group(
        &self,
        account: &AccountId,
    ) -> Result<Option<GapGroup>, StoreError> {
        self.select_one(
            "SELECT id, agent, status, first_seen, last_seen, body FROM gap_groups
             WHERE account = ?1 AND status = 'open'
             AND (expires_at IS NULL OR expires_at > ?2)
             ORDER BY last_seen ASC, id ASC LIMIT 1",
            (account.to_string(), millis(now())),
            group,
        )
        .await
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn put_gap_group(&self, account: &AccountId, group: &GapGroup) -> Result<(), StoreError> {
        let body = json(&Body {
            count: group.count,
            reasons: group.reasons,
            examples: group.examples.clone(),
            centroid: group.centroid.clone(),
        })?;
        self.change(
            "INSERT INTO gap_groups
                 (account, id, agent, status, first_seen, last_seen, body, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (account, id) DO UPDATE SET
                 agent = excluded.agent, status = excluded.status,
                 first_seen = excluded.first_seen, last_seen = excluded.last_seen,
                 body = excluded.body, expires_at = excluded.expires_at",
            (
                account.to_string(),
                group.id.clone(),
                group.agent.to_string(),
                group.status.as_str(),
                millis(group.first_seen),
                millis(group.last_seen),
                body,
                self.expires_at(account, group.last_seen),
            ),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn get_gap_group(&self, account: &AccountId, id: &str) -> Result<GapGroup, StoreError> {
        self.select_one(
            "SELECT id, agent, status, first_seen, last_seen, body FROM gap_groups
             WHERE account = ?1 AND id = ?2 AND (expires_at IS NULL OR expires_at > ?3)",
            (account.to_string(), id.to_owned(), millis(now())),
            group,
        )
        .await?
        .ok_or(StoreError::NotFound("gap group"))
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn delete_gap_group(&self, account: &AccountId, id: &str) -> Result<(), StoreError> {
        self.change(
            "DELETE FROM gap_groups WHERE account = ?1 AND id = ?2",
            (account.to_string(), id.to_owned()),
        )
        .await
        .map(|_| ())
    }

    #[tracing::instrument(skip_all, fields(account = %account))]
    async fn list_gap_groups(
        &self,
        account: &AccountId,
        filter: &GapFilter,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Page<GapGroup, String>, StoreError> {
        let page = NewestFirst::new(account, after, limit)?;
        let groups = self
            .select_all(
                "SELECT id, agent, status, first_seen, last_seen, body FROM gap_groups
                 WHERE account = ?1 AND status = ?2 AND (?3 IS NULL OR agent = ?3)
                 AND (expires_at IS NULL OR expires_at > ?4)
                 AND (?5 IS NULL OR (last_seen, id) < (?5, ?6))
                 ORDER BY last_seen DESC, id DESC LIMIT ?7",
                (
                    account.to_string(),
                    filter.status.as_str(),
                    filter.agent.as_ref().map(ToString::to_string),
                    millis(now()),
                    page.after_ms,
                    page.after_id.clone(),
                    page.fetch(),
                ),
                group,
            )
            .await?;
        Ok(page.page(groups, |last| (last.last_seen, &last.id)))
    }
}
