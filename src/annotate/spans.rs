//! Small helpers over a paragraph's chars and the spans annotators have taken.

use crate::knowledge::Mention;
use crate::text::script::fold_han;

/// `mask[i]` is true when char `i` lies in one of `spans` (linear, however many spans there are).
pub(super) fn mask(len: usize, spans: &[(usize, usize)]) -> Vec<bool> {
    let mut mask = vec![false; len];
    for &(s, e) in spans {
        for slot in mask.iter_mut().take(e.min(len)).skip(s) {
            *slot = true;
        }
    }
    mask
}

/// Whether `word` stands in `chars` at `at`, in either script (余 and 餘, 里 and 裡).
pub(super) fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k).is_some_and(|&c| c == w || fold_han(c) == fold_han(w)))
}

pub(super) fn overlaps_any(start: usize, end: usize, spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| start < e && s < end)
}

/// The place names found inside chars `start..end`, with offsets from `start`: what a title or
/// an organisation's name holds.
pub(super) fn mentions_inside(mentions: &[Mention], start: usize, end: usize) -> Vec<Mention> {
    mentions
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| Mention {
            start: m.start - start,
            end: m.end - start,
            target: m.target,
        })
        .collect()
}
