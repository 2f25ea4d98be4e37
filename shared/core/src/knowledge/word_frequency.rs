//! How common a word is in English, on the Zipf scale (log10 of its occurrences per
//! billion words: "the" 7.7, "much" 6.0, "bitcoin" 4.2, "lawnmower" 2.7), from wordfreq's
//! small English list (`data/en_word_frequency.txt`, CC BY-SA 4.0, written by
//! `scripts/vendor-wordfreq.py`). The list holds the 28,000 words seen at least once per
//! million; any other word is rarer, and is given [`RARE`].

use std::collections::HashMap;
use std::sync::OnceLock;

/// The Zipf value given to a word the list does not hold (the list's floor).
pub(crate) const RARE: f32 = 3.0;

static LIST: &str = include_str!("../../data/en_word_frequency.txt");

fn table() -> &'static HashMap<&'static str, f32> {
    static TABLE: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::with_capacity(28_100);
        for line in LIST.lines().filter(|line| !line.starts_with('#')) {
            let mut fields = line.split(' ');
            let Some(Ok(centibels)) = fields.next().map(str::parse::<u16>) else {
                continue;
            };
            let zipf = 9.0 - f32::from(centibels) / 100.0;
            for word in fields {
                table.entry(word).or_insert(zipf);
            }
        }
        table
    })
}

/// The Zipf frequency of a lower-case word ([`RARE`] when the list lacks it).
pub(crate) fn zipf(word: &str) -> f32 {
    table().get(word).copied().unwrap_or(RARE)
}

/// A question word's weight: 7 minus its Zipf frequency (at least 0), so the rarer in
/// English, the more it says about what the question is after. Words holding digits (model
/// numbers, codes, sizes) weigh as words rarer than the list.
pub(crate) fn information(word: &str) -> f32 {
    let zipf = if word.chars().all(char::is_alphabetic) {
        zipf(word)
    } else {
        RARE
    };
    (7.0 - zipf).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_read_whole() {
        assert!(table().len() > 27_000, "{} words", table().len());
        let the = zipf("the");
        assert!(table().values().all(|z| *z <= the));
    }

    #[test]
    fn common_words_rank_above_rare_ones() {
        assert!((zipf("much") - 6.0).abs() < 0.01, "{}", zipf("much"));
        assert!(zipf("car") > zipf("bitcoin"));
        assert!(zipf("bitcoin") > zipf("cryptocurrency"));
        assert_eq!(zipf("lawnmower"), RARE);
        assert_eq!(zipf("not-a-word"), RARE);
    }
}
