//! Word lists as the annotators look them up: a set of characters, and a set of words found
//! at (or just before) any position of a text in one probe. The lists themselves are curated
//! data (`data/lexicon.toml`, loaded by `knowledge::lexicon`). Words and text are compared with
//! their Chinese chars folded to Simplified ([`script::fold_han`]), so a list written in one
//! script matches the other and its variant spellings (部門, 餘, 公裡).

use super::script;
use rustc_hash::FxHashMap;

/// A set of characters: every char of some words, in both scripts.
#[derive(Debug, Clone, Default)]
pub struct CharSet(Vec<char>);

impl CharSet {
    /// Every char of `words`, folded to Simplified.
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> CharSet {
        let mut chars: Vec<char> = words
            .into_iter()
            .flat_map(|w| script::spellings(w.as_ref()))
            .flat_map(|w| w.chars().map(script::fold_han).collect::<Vec<_>>())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        CharSet(chars)
    }

    /// Whether `c`, in either script, is one of the chars.
    pub fn contains(&self, c: char) -> bool {
        self.0.binary_search(&script::fold_han(c)).is_ok()
    }
}

/// Words looked up at every position of a text: indexed by first char (and by last char, for
/// the word just before a position), longest first, so a lookup costs one map probe (FxHash: a
/// char key needs no DoS-resistant hash) instead of a pass over the whole list.
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    by_first: FxHashMap<char, Vec<Vec<char>>>,
    by_last: FxHashMap<char, Vec<Vec<char>>>,
}

impl WordSet {
    pub fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let mut by_first: FxHashMap<char, Vec<Vec<char>>> = FxHashMap::default();
        let mut by_last: FxHashMap<char, Vec<Vec<char>>> = FxHashMap::default();
        for word in words {
            let chars: Vec<char> = word.chars().map(script::fold_han).collect();
            if let (Some(&first), Some(&last)) = (chars.first(), chars.last()) {
                by_first.entry(first).or_default().push(chars.clone());
                by_last.entry(last).or_default().push(chars);
            }
        }
        for words in by_first.values_mut().chain(by_last.values_mut()) {
            words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
            words.dedup();
        }
        WordSet { by_first, by_last }
    }

    /// Length in chars of the longest word that starts at `chars[at]`.
    pub fn longest_at(&self, chars: &[char], at: usize) -> Option<usize> {
        let words = self.by_first.get(&script::fold_han(*chars.get(at)?))?;
        let rest = &chars[at..];
        words.iter().find(|w| folded_starts_with(rest, w)).map(Vec::len)
    }

    /// Length in chars of the longest word that ends just before `chars[end]`.
    pub fn longest_before(&self, chars: &[char], end: usize) -> Option<usize> {
        let words = self.by_last.get(&script::fold_han(*chars.get(end.checked_sub(1)?)?))?;
        let head = &chars[..end];
        words
            .iter()
            .find(|w| w.len() <= head.len() && folded_starts_with(&head[head.len() - w.len()..], w))
            .map(Vec::len)
    }

    /// Like [`WordSet::longest_at`], but a word that starts or ends with an ASCII letter or digit
    /// must not continue a longer word there (`China` is not in `Chinatown`).
    pub fn word_at(&self, chars: &[char], at: usize) -> Option<usize> {
        let words = self.by_first.get(&script::fold_han(*chars.get(at)?))?;
        let rest = &chars[at..];
        let alnum = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        words
            .iter()
            .find(|w| {
                folded_starts_with(rest, w)
                    && !(alnum(w.first()) && at > 0 && alnum(chars.get(at - 1)))
                    && !(alnum(w.last()) && alnum(chars.get(at + w.len())))
            })
            .map(Vec::len)
    }

    /// Whether a word ends just before `chars[end]`.
    pub fn ends_at(&self, chars: &[char], end: usize) -> bool {
        self.longest_before(chars, end).is_some()
    }

    /// Whether a word starts at `chars[at]`.
    pub fn starts_at(&self, chars: &[char], at: usize) -> bool {
        self.longest_at(chars, at).is_some()
    }
}

/// Whether `text` starts with `word` (already folded), its Chinese chars folded to Simplified.
pub fn folded_starts_with(text: &[char], word: &[char]) -> bool {
    word.len() <= text.len() && text.iter().zip(word).all(|(&c, &w)| script::fold_han(c) == w)
}
