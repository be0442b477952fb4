//! English words and the Chinese words that mean them, for search: a reader who types "robots"
//! should find 機器人. From CC-CEDICT, the open Chinese–English dictionary
//! (`data/dictionary/cedict.tsv`, CC BY-SA 4.0, its licence and provenance beside it), read once
//! per process: for every ordinary word (not a proper noun) of two characters or more, each sense
//! that is one English word (`robot`, `to develop` → `develop`, `(coll.) boss` → `boss`).
//!
//! The words a search index can use are the ones its corpus has; the search index keeps those.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The dictionary as `data/dictionary/make_dictionary.py` wrote it: one line per reading,
/// `simplified \t traditional \t pinyin \t definitions \t kind` (`w` a word, `n` a name); senses
/// are separated by `/`, and within one by `; `. The one copy the binary embeds, which
/// explanations look words up in too ([`super::Dictionary`]).
const CEDICT: &str = super::dictionary::EMBEDDED;

/// English words search does not index or look up: they say nothing on their own.
pub const ENGLISH_STOP_WORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of", "on", "or",
    "that", "the", "this", "to", "was", "with",
];

/// A word as search keys it: ASCII letters and digits, lowercase, a plural ending taken off
/// (`robots` → `robot`, `cities` → `city`, not `business` or `status`). `None` for a stop word.
/// `static/search.js` (`englishKey`) does the same to a query.
pub fn english_key(word: &str) -> Option<String> {
    let word = word.to_ascii_lowercase();
    if word.is_empty() || ENGLISH_STOP_WORDS.contains(&word.as_str()) {
        return None;
    }
    let stem = if word.len() > 4 && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if word.len() > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        word[..word.len() - 1].to_string()
    } else {
        word
    };
    Some(stem)
}

/// A sense that is one English word, as its [`english_key`]: `to develop` → `develop`; `robot (toy)`
/// → `robot`; anything longer → `None`.
fn one_word(sense: &str) -> Option<String> {
    let mut text = String::with_capacity(sense.len());
    let mut depth = 0usize;
    for c in sense.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => {}
        }
    }
    let text = text.trim().trim_end_matches(['.', ';', ',']);
    let text = ["to ", "a ", "an ", "the "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text)
        .trim();
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| english_key(text))
        .flatten()
}

/// Every English word some dictionary word means, with those words (Simplified, in the
/// dictionary's order), sorted by the English word.
pub fn english_words() -> &'static BTreeMap<String, Vec<&'static str>> {
    static WORDS: OnceLock<BTreeMap<String, Vec<&'static str>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut out: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
        for line in CEDICT.lines() {
            let mut columns = line.split('\t');
            let (Some(simplified), Some(_), Some(_), Some(definitions), Some("w")) = (
                columns.next(),
                columns.next(),
                columns.next(),
                columns.next(),
                columns.next(),
            ) else {
                continue;
            };
            if simplified.chars().count() < 2 || simplified.is_ascii() {
                continue;
            }
            for word in definitions.split(['/', ';']).filter_map(one_word) {
                let chinese = out.entry(word).or_default();
                if !chinese.contains(&simplified) {
                    chinese.push(simplified);
                }
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_and_plurals() {
        assert_eq!(english_key("Robots").as_deref(), Some("robot"));
        assert_eq!(english_key("cities").as_deref(), Some("city"));
        assert_eq!(english_key("business").as_deref(), Some("business"));
        assert_eq!(english_key("status").as_deref(), Some("status"));
        assert_eq!(english_key("AI").as_deref(), Some("ai"));
        assert_eq!(english_key("The"), None);
    }

    #[test]
    fn senses_of_one_word_are_read() {
        assert_eq!(one_word("to develop").as_deref(), Some("develop"));
        assert_eq!(one_word("robot (toy)").as_deref(), Some("robot"));
        assert_eq!(one_word("artificial intelligence (AI)"), None);
        assert_eq!(one_word("CL:個|个[ge4]"), None);
    }

    #[test]
    fn the_dictionary_knows_robots() {
        let robots = english_words().get("robot").expect("robot");
        assert!(robots.contains(&"机器人"), "{robots:?}");
        // Proper nouns are not senses of English words.
        assert!(english_words().values().all(|w| !w.contains(&"杭州")));
    }
}
