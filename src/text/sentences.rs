//! Sentences and clauses: the one splitter every stage uses, driven by the marks the lexicon
//! lists (`[text]` in `data/lexicon.toml`), so that a page's excerpt, a quoted definition, the
//! clause a claim is credited from and an event's sentence all end at the same marks.
//!
//! Two readings of one text. [`Stops::sentence_around`] and [`Stops::is_sentence_end`] look at
//! the marks alone (a quoted sentence that ends in 。 ends the excerpt there); [`Stops::split`]
//! sets aside what stands inside 《》, quotation marks and brackets, so that a title or a quote
//! is one piece of the clause around it, which is what crediting a claim needs.

use super::words::{CharSet, WordSet};

/// The marks that end sentences and clauses.
#[derive(Debug, Clone, Default)]
pub struct Stops {
    /// Marks that end a sentence (。！？；…). An ASCII `.` ends one only before a space and a
    /// capital letter, and not after an abbreviation or a single capital.
    sentence: CharSet,
    /// Marks that end a clause inside a sentence (，：——).
    clause: WordSet,
    /// Words an ASCII `.` may follow without ending the sentence (Feb. 10, Mr. Lou).
    abbreviations: Vec<String>,
}

/// A text's clauses and sentences, as their ends (exclusive, ascending; the last of each is the
/// text's length), marks inside 《》, quotation marks and brackets aside.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    pub clause_ends: Vec<usize>,
    pub sentence_ends: Vec<usize>,
}

/// Opening marks whose inside is one unit for splitting: titles, quotations, brackets.
pub fn opens(c: char) -> bool {
    matches!(c, '《' | '〈' | '“' | '「' | '『' | '‘' | '(' | '（')
}

/// The closing marks of [`opens`].
pub fn closes(c: char) -> bool {
    matches!(c, '》' | '〉' | '”' | '」' | '』' | '’' | ')' | '）')
}

impl Stops {
    pub fn new(sentence: CharSet, clause: WordSet, abbreviations: Vec<String>) -> Stops {
        Stops {
            sentence,
            clause,
            abbreviations,
        }
    }

    /// Whether `chars[i]` ends a sentence: a sentence stop, where an ASCII `.` counts only
    /// before a space and a capital letter (or the end), and not after an abbreviation (Feb. 10)
    /// or a single capital (U.S.).
    pub fn is_sentence_end(&self, chars: &[char], i: usize) -> bool {
        let c = chars[i];
        if !self.sentence.contains(c) {
            return false;
        }
        if c != '.' {
            return true;
        }
        let next_word = chars[i + 1..]
            .iter()
            .position(|c| !c.is_whitespace())
            .map(|k| i + 1 + k);
        match next_word {
            None => true,
            Some(k) if k == i + 1 => false,
            Some(k) if !(chars[k].is_uppercase() || matches!(chars[k], '"' | '“' | '\'')) => false,
            Some(_) => {
                let word_start = chars[..i]
                    .iter()
                    .rposition(|c| !(c.is_ascii_alphabetic() || *c == '.'))
                    .map_or(0, |k| k + 1);
                let word: String = chars[word_start..i].iter().collect();
                !(word.chars().count() == 1 && word.chars().all(|c| c.is_ascii_uppercase())
                    || self.abbreviations.contains(&word))
            }
        }
    }

    /// Whether some char of `chars` ends a sentence.
    pub fn holds_sentence_end(&self, chars: &[char]) -> bool {
        (0..chars.len()).any(|i| self.is_sentence_end(chars, i))
    }

    /// The length of the clause stop that starts at `chars[at]`, if one does.
    pub fn clause_stop_at(&self, chars: &[char], at: usize) -> Option<usize> {
        self.clause.longest_at(chars, at)
    }

    /// The length of the clause stop that ends just before `chars[end]`, if one does.
    pub fn clause_stop_before(&self, chars: &[char], end: usize) -> Option<usize> {
        self.clause.longest_before(chars, end)
    }

    /// Whether a sentence or a clause stop starts at `chars[at]`: a break inside a sentence or
    /// its end.
    pub fn breaks_at(&self, chars: &[char], at: usize) -> bool {
        self.is_sentence_end(chars, at) || self.clause.starts_at(chars, at)
    }

    /// Whether a sentence or a clause ends just before `chars[end]`: `end` starts a clause.
    pub fn clause_ends_at(&self, chars: &[char], end: usize) -> bool {
        end > 0 && (self.is_sentence_end(chars, end - 1) || self.clause.ends_at(chars, end))
    }

    /// The sentence around chars `start..end`: from after the sentence end before `start` to
    /// the sentence end at or after `end` (included), or the text's edges.
    pub fn sentence_around(&self, chars: &[char], start: usize, end: usize) -> (usize, usize) {
        (
            self.sentence_start_before(chars, start),
            self.sentence_end_from(chars, end),
        )
    }

    /// Where the sentence holding `chars[at]` ends: after its sentence stop, or at the text's
    /// end.
    pub fn sentence_end_from(&self, chars: &[char], at: usize) -> usize {
        (at..chars.len())
            .find(|&i| self.is_sentence_end(chars, i))
            .map_or(chars.len(), |i| i + 1)
    }

    /// Where the sentence holding `chars[at]` starts: after the sentence stop before it.
    pub fn sentence_start_before(&self, chars: &[char], at: usize) -> usize {
        (0..at.min(chars.len()))
            .rev()
            .find(|&i| self.is_sentence_end(chars, i))
            .map_or(0, |i| i + 1)
    }

    /// The clauses and sentences of `chars`, what stands inside 《》, quotation marks and
    /// brackets aside.
    pub fn split(&self, chars: &[char]) -> Split {
        let mut split = Split::default();
        let mut depth: usize = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if opens(c) {
                depth += 1;
            } else if closes(c) {
                depth = depth.saturating_sub(1);
            } else if depth == 0 {
                if self.is_sentence_end(chars, i) {
                    split.clause_ends.push(i + 1);
                    split.sentence_ends.push(i + 1);
                } else if let Some(n) = self.clause.longest_at(chars, i) {
                    split.clause_ends.push(i + n);
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
        for ends in [&mut split.clause_ends, &mut split.sentence_ends] {
            if ends.last() != Some(&chars.len()) {
                ends.push(chars.len());
            }
        }
        split
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stops() -> Stops {
        let sentence = CharSet::new(["。", "！", "？", "!", "?", "；", ";", "."]);
        let clause = WordSet::new(["，", ",", "：", ":", "——"].map(String::from));
        Stops::new(sentence, clause, vec!["Feb".to_string(), "Mr".to_string()])
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn sentences_end_at_stops_and_at_full_stops_before_a_capital() {
        let s = stops();
        let text = chars("寧波出台新政。杭州跟進！On Feb. 10, Mr. Lou spoke. The U.S. agreed 5.6 percent.");
        let ends: Vec<usize> = (0..text.len()).filter(|&i| s.is_sentence_end(&text, i)).collect();
        let marks: String = ends.iter().map(|&i| text[i]).collect();
        assert_eq!(marks, "。！..", "{ends:?}");
        let at = text.iter().position(|&c| c == '杭').unwrap();
        let (from, to) = s.sentence_around(&text, at, at + 2);
        assert_eq!(text[from..to].iter().collect::<String>(), "杭州跟進！");
        assert_eq!(s.sentence_start_before(&text, at), from);
        assert_eq!(s.sentence_end_from(&text, at), to);
        assert!(s.holds_sentence_end(&chars("好。")) && !s.holds_sentence_end(&chars("好,")));
    }

    #[test]
    fn clauses_split_outside_titles_and_quotes() {
        let s = stops();
        let text = chars("據《若干措施》，“一是，二是。”全市——到2027年：完成。其餘");
        let split = s.split(&text);
        let pieces = |ends: &[usize]| -> Vec<String> {
            let mut from = 0;
            ends.iter()
                .map(|&e| {
                    let piece = text[from..e].iter().collect();
                    from = e;
                    piece
                })
                .collect()
        };
        assert_eq!(
            pieces(&split.clause_ends),
            [
                "據《若干措施》，",
                "“一是，二是。”全市——",
                "到2027年：",
                "完成。",
                "其餘"
            ]
        );
        assert_eq!(
            pieces(&split.sentence_ends),
            ["據《若干措施》，“一是，二是。”全市——到2027年：完成。", "其餘"]
        );
        let at = text.iter().position(|&c| c == '全').unwrap();
        assert!(s.clause_ends_at(&text, at + 4) && s.breaks_at(&text, at + 2));
        assert_eq!(s.clause_stop_at(&text, at + 2), Some(2));
        assert_eq!(s.clause_stop_before(&text, at + 4), Some(2));
        assert!(!s.clause_ends_at(&text, at + 1) && !s.clause_ends_at(&text, 0));
    }
}
