//! Stream leases of the embedded store, kept in the process's memory: one process owns an
//! embedded store's file (see `worker`), so every stream it serves is counted here, and a
//! process that dies takes its streams and their leases with it. The database is not
//! touched: a lease costs a streamed turn no trip to the store's thread.

use std::collections::HashMap;
use std::sync::Mutex;

/// One held slot: who holds it, and until when (epoch ms).
#[derive(Debug, Clone)]
struct Held {
    holder: String,
    expires_at: i64,
}

/// Every held slot, by account, subject and slot.
#[derive(Debug, Default)]
pub(super) struct LeaseTable {
    held: Mutex<HashMap<(String, String, u32), Held>>,
}

impl LeaseTable {
    /// Takes a slot of each of `wanted` (subject, slots) for `holder`, all or none: the
    /// slots, or the index of the first subject whose slots are all held by unexpired
    /// leases.
    pub(super) fn acquire(
        &self,
        account: &str,
        wanted: &[(String, u32)],
        holder: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<Vec<u32>, usize> {
        let mut held = self
            .held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        held.retain(|_, lease| lease.expires_at >= now);
        let mut taken = Vec::with_capacity(wanted.len());
        for (index, (subject, slots)) in wanted.iter().enumerate() {
            let free = (0..*slots)
                .find(|slot| !held.contains_key(&(account.to_owned(), subject.clone(), *slot)));
            let Some(slot) = free else {
                for ((subject, _), slot) in wanted.iter().zip(&taken) {
                    held.remove(&(account.to_owned(), subject.clone(), *slot));
                }
                return Err(index);
            };
            held.insert(
                (account.to_owned(), subject.clone(), slot),
                Held {
                    holder: holder.to_owned(),
                    expires_at,
                },
            );
            taken.push(slot);
        }
        Ok(taken)
    }

    /// Gives back `holder`'s leases of `held` (a slot another holder took after an expiry
    /// stays theirs).
    pub(super) fn release(&self, account: &str, held_slots: &[(String, u32)], holder: &str) {
        let mut held = self
            .held
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for (subject, slot) in held_slots {
            let key = (account.to_owned(), subject.clone(), *slot);
            if held.get(&key).is_some_and(|lease| lease.holder == holder) {
                held.remove(&key);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expired_lease_frees_its_slot_and_a_late_release_keeps_the_new_holders() {
        let table = LeaseTable::default();
        let want = [("s".to_owned(), 1)];
        assert_eq!(table.acquire("a", &want, "h1", 0, 100), Ok(vec![0]));
        assert_eq!(table.acquire("a", &want, "h2", 50, 150), Err(0));
        // Another account's subject of the same name is its own.
        assert_eq!(table.acquire("b", &want, "h3", 50, 150), Ok(vec![0]));
        assert_eq!(table.acquire("a", &want, "h2", 101, 200), Ok(vec![0]));
        table.release("a", &[("s".to_owned(), 0)], "h1");
        assert_eq!(table.acquire("a", &want, "h4", 102, 200), Err(0));
        table.release("a", &[("s".to_owned(), 0)], "h2");
        assert_eq!(table.acquire("a", &want, "h4", 102, 200), Ok(vec![0]));
    }
}
