//! Boilerplate removal across the pages of one run: blocks repeated on most pages.

use std::collections::{HashMap, HashSet};

use super::Block;

/// Boilerplate across the pages of one site: a block whose text appears on at least
/// `min_pages` pages and on more than half of them is chrome, not content.
#[derive(Debug, Default)]
pub struct Boilerplate {
    pages: usize,
    counts: HashMap<String, usize>,
}

impl Boilerplate {
    /// Counts a page's distinct blocks.
    pub fn add(&mut self, blocks: &[Block]) {
        self.pages += 1;
        let distinct: HashSet<&str> = blocks.iter().map(Block::text).collect();
        for text in distinct {
            *self.counts.entry(text.to_owned()).or_default() += 1;
        }
    }

    /// The repeated block texts.
    pub fn repeated(&self) -> HashSet<String> {
        const MIN_PAGES: usize = 3;
        self.counts
            .iter()
            .filter(|(_, count)| **count >= MIN_PAGES && **count * 2 > self.pages)
            .map(|(text, _)| text.clone())
            .collect()
    }
}

/// A page's blocks without the repeated ones, and without headings left with nothing
/// under them.
pub fn without_boilerplate(blocks: &[Block], repeated: &HashSet<String>) -> Vec<Block> {
    let kept: Vec<Block> = blocks
        .iter()
        .filter(|b| !repeated.contains(b.text()))
        .cloned()
        .collect();
    let mut out: Vec<Block> = Vec::with_capacity(kept.len());
    for (i, block) in kept.iter().enumerate() {
        if let Block::Heading(level, _) = block {
            // A heading followed only by same-or-higher headings (or nothing) heads nothing.
            let heads_something = kept[i + 1..]
                .iter()
                .find(|b| !matches!(b, Block::Heading(l, _) if l > level))
                .is_some_and(|b| !matches!(b, Block::Heading(..)));
            let followed_by_sub =
                matches!(kept.get(i + 1), Some(Block::Heading(l, _)) if l > level);
            if !heads_something && !followed_by_sub {
                continue;
            }
        }
        out.push(block.clone());
    }
    out
}
