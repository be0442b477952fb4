//! English dates, valued as the Chinese ones are: a written year is kept, and a date without one
//! (Feb. 10, March, the first quarter, this year) takes the publication year and nothing else.
//!
//! - days: May 14, 2025 · 14 May 2025 · Feb. 10 · May 22-24, 2026
//! - months: March 2025 · in March · January-April 2025 · from January to May
//! - years: in 2024 · by 2027 (a target) · mid-2025 · 2025-2027 · from 2024 to 2026 ·
//!   between 2021 and 2025; not a year that names something (the 2025 World AI Conference),
//!   counts something (2025 yuan) or dates a plan's name (Action Plan (2025-2027))
//! - parts of a year: the first half of 2025 · Q1 2025 · spring 2024 · the first quarter of last
//!   year · H1 and the first quarter standing alone (this year's, like 上半年) · this spring
//! - relative years: this year · last year · next year
//!
//! The words are data (`[date]` in `data/lexicon.toml`).

use super::{DateFinder, FoundDate, digits, is_digitish};
use crate::annotate::numerals::arabic_digit;
use crate::text::words::WordSet;

/// Where the ASCII letters from `from` end.
fn word_end(chars: &[char], from: usize) -> usize {
    (from..chars.len())
        .find(|&k| !chars[k].is_ascii_alphabetic())
        .unwrap_or(chars.len())
}

/// Where `phrase` ends when the text at `at` spells it (ASCII case aside), not followed by a
/// letter or digit when it ends with one.
fn phrase_at(chars: &[char], at: usize, phrase: &str) -> Option<usize> {
    let n = phrase.chars().count();
    let spelled = chars
        .get(at..at + n)?
        .iter()
        .zip(phrase.chars())
        .all(|(a, b)| a.eq_ignore_ascii_case(&b));
    let whole =
        !phrase.ends_with(|c: char| c.is_alphanumeric()) || !chars.get(at + n).is_some_and(|c| c.is_alphanumeric());
    (spelled && whole).then_some(at + n)
}

/// A four-digit year (1900–2100) written as a word of its own at `at`: the year and its end.
fn year_word(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let (y, n) = digits(chars, at);
    let alone = !chars
        .get(at + n)
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ','))
        || matches!(chars.get(at + n), Some('.' | ',')) && !chars.get(at + n + 1).is_some_and(char::is_ascii_digit);
    (n == 4 && (1900..=2100).contains(&y) && alone && !(at > 0 && chars[at - 1].is_alphanumeric()))
        .then_some((y as i32, at + n))
}

/// Whether one of `words` stands right before `at`, after a space or a hyphen (in 2024, mid-2025).
fn preceded_by(words: &WordSet, chars: &[char], at: usize) -> bool {
    let Some(end) = at.checked_sub(1).filter(|&e| matches!(chars[e], ' ' | '-')) else {
        return false;
    };
    words
        .longest_before(chars, end)
        .is_some_and(|n| end == n || !chars[end - n - 1].is_ascii_alphanumeric())
}

/// The nearest char before `at` and from `end` on that is not a space, a digit or a mark: whether
/// the text around a number is English (a Latin letter near it, no Chinese char next to it).
fn in_english(chars: &[char], at: usize, end: usize) -> bool {
    let neutral =
        |c: &char| c.is_whitespace() || c.is_ascii_digit() || c.is_ascii_punctuation() || matches!(c, '–' | '—');
    let before = chars[..at].iter().rev().find(|c| !neutral(c));
    let after = chars[end..].iter().find(|c| !neutral(c));
    let chinese = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && c.is_alphabetic());
    let latin = |c: Option<&char>| c.is_some_and(char::is_ascii_alphabetic);
    !chinese(before) && !chinese(after) && (latin(before) || latin(after))
}

impl DateFinder<'_> {
    /// The English month a word names (May, Feb., Sept, September).
    pub(super) fn month_en(&self, chars: &[char], from: usize, to: usize) -> Option<u32> {
        let word: String = chars[from..to].iter().collect::<String>().to_ascii_lowercase();
        let n = word.len();
        if n < 3 {
            return None;
        }
        // Feb, Feb., Sept. and Sept 27 (China Daily writes it without the point).
        let before_day = chars.get(to) == Some(&' ') && chars.get(to + 1).is_some_and(char::is_ascii_digit);
        let abbreviated = n <= 4 && (n == 3 || chars.get(to) == Some(&'.') || before_day);
        self.words
            .months_en
            .iter()
            .position(|m| *m == word || (abbreviated && m.starts_with(&word)))
            .map(|p| p as u32 + 1)
    }

    /// The English date starting at `at`, if one does.
    pub(super) fn english_date(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        if !chars.get(at)?.is_ascii_alphabetic() && arabic_digit(chars[at]).is_none() {
            return None;
        }
        if at > 0 && chars[at - 1].is_ascii_alphanumeric() {
            return None;
        }
        let target = preceded_by(&self.words.target_before_en, chars, at);
        let found = if chars[at].is_ascii_alphabetic() {
            self.relative_year_en(chars, at)
                .or_else(|| self.year_part_en(chars, at))
                .or_else(|| self.month_date_en(chars, at))
        } else {
            self.day_month_en(chars, at).or_else(|| self.year_en(chars, at))
        }?;
        Some(FoundDate { target, ..found })
    }

    /// A year after `from`: ", 2025" or " 2025" (May 2025, May 14, 2025).
    fn year_after(&self, chars: &[char], from: usize) -> Option<(i32, usize)> {
        let mut k = from;
        if chars.get(k) == Some(&',') {
            k += 1;
        }
        if chars.get(k) != Some(&' ') {
            return None;
        }
        year_word(chars, k + 1)
    }

    /// A year, or a relative one, after "of" (the first half of 2025, … of last year, … of the
    /// year): (year, years from the publication year, end).
    fn of_year(&self, chars: &[char], from: usize) -> Option<(Option<i32>, Option<i32>, usize)> {
        let at = phrase_at(chars, from, " of ")?;
        if let Some((year, end)) = year_word(chars, at) {
            return Some((Some(year), None, end));
        }
        if let Some(end) = phrase_at(chars, at, "the year") {
            return Some((None, Some(0), end));
        }
        self.words
            .relative_years_en
            .iter()
            .find_map(|(w, n)| phrase_at(chars, at, w).map(|end| (None, Some(*n), end)))
    }

    /// this year, last year, next year; this spring.
    fn relative_year_en(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        let blank = FoundDate::empty(at, false);
        if let Some((end, offset)) = self
            .words
            .relative_years_en
            .iter()
            .find_map(|(w, n)| phrase_at(chars, at, w).map(|end| (end, *n)))
        {
            return Some(FoundDate {
                end,
                relative_year: Some(offset),
                ..blank
            });
        }
        let after_this = phrase_at(chars, at, "this ")?;
        let end = self
            .words
            .seasons_en
            .iter()
            .find_map(|s| phrase_at(chars, after_this, s))?;
        Some(FoundDate {
            end,
            relative_year: Some(0),
            ..blank
        })
    }

    /// A half, a quarter or a season of a year: with its year (the first half of 2025, Q1 2025,
    /// spring 2024), or a half or quarter alone, of the publication year (the first quarter).
    fn year_part_en(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        let blank = FoundDate::empty(at, false);
        let (end, season) = match self.words.year_parts_en.iter().find_map(|p| phrase_at(chars, at, p)) {
            Some(end) => (end, false),
            None => (
                self.words.seasons_en.iter().find_map(|s| phrase_at(chars, at, s))?,
                true,
            ),
        };
        if let Some((year, relative_year, end)) = self.of_year(chars, end) {
            return Some(FoundDate {
                end,
                year,
                relative_year,
                ..blank
            });
        }
        if let Some((year, end)) = self.year_after(chars, end).filter(|_| chars.get(end) == Some(&' ')) {
            return Some(FoundDate {
                end,
                year: Some(year),
                ..blank
            });
        }
        // Standing alone: a half or quarter is this year's; "the first half of the plan" is
        // none, nor is a season without its year.
        (!season && phrase_at(chars, end, " of").is_none()).then_some(FoundDate {
            end,
            relative_year: Some(0),
            ..blank
        })
    }

    /// May 14, 2025 · May 2025 · Feb. 10 · May 22-24, 2026 · January-April 2025 · in March.
    fn month_date_en(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        let end = word_end(chars, at);
        let month = self.month_en(chars, at, end)?;
        let mut found = FoundDate {
            end,
            month: Some(month),
            ..FoundDate::empty(at, false)
        };
        let mut k = end;
        if chars.get(k) == Some(&'.') {
            k += 1;
        }
        // A day ends its number (Jan 25, at the end of a sentence too), not 25.5.
        let day_at = |k: usize| -> Option<(u32, usize)> {
            let (d, n) = digits(chars, k);
            let decimal = chars.get(k + n) == Some(&'.') && is_digitish(chars.get(k + n + 1));
            let ends = chars.get(k + n) == Some(&'.') || !is_digitish(chars.get(k + n));
            ((1..=2).contains(&n) && (1..=31).contains(&d) && ends && !decimal).then_some((d, n))
        };
        if chars.get(k) == Some(&' ')
            && let Some((d, n)) = day_at(k + 1)
        {
            found.day = Some(d);
            found.end = k + 1 + n;
            // May 22-24
            if self.is_range_mark(chars.get(found.end))
                && let Some((d2, n2)) = day_at(found.end + 1)
                && d2 > d
            {
                found.until = Some((month, Some(d2)));
                found.end += 1 + n2;
            }
        } else if let Some((last, e)) = self.month_range_end(chars, end, month) {
            found.until = Some((last, None));
            found.end = e;
        }
        if let Some((y, e)) = self.year_after(chars, found.end) {
            found.year = Some(y);
            found.end = e;
        }
        if found.day.is_some() || found.year.is_some() {
            return Some(found);
        }
        // A month alone is written in full with a capital (in March, since September), and one
        // that is also a word (May, March) only after a word that introduces a date.
        let word: String = chars[at..end].iter().collect::<String>().to_ascii_lowercase();
        let full = self.words.months_en.get(month as usize - 1) == Some(&word);
        let ordinary = self.words.months_en_words.contains(&word);
        (full && chars[at].is_ascii_uppercase() && (!ordinary || preceded_by(&self.words.before_year_en, chars, at)))
            .then_some(found)
    }

    /// After a month: the month that ends its range (-April, to May, through June).
    fn month_range_end(&self, chars: &[char], from: usize, first: u32) -> Option<(u32, usize)> {
        let at = if self.is_range_mark(chars.get(from)) {
            from + 1
        } else {
            let word = self
                .words
                .range_words_en
                .iter()
                .find_map(|w| phrase_at(chars, from + 1, w).filter(|_| chars.get(from) == Some(&' ')))?;
            (chars.get(word) == Some(&' ')).then_some(word + 1)?
        };
        let end = word_end(chars, at);
        let last = self.month_en(chars, at, end)?;
        (last > first && end - at > 3).then_some((last, end))
    }

    /// 14 May 2025, 14 May.
    fn day_month_en(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        let (d, n) = digits(chars, at);
        if !(1..=2).contains(&n) || !(1..=31).contains(&d) || chars.get(at + n) != Some(&' ') {
            return None;
        }
        let end = word_end(chars, at + n + 1);
        let month = self.month_en(chars, at + n + 1, end)?;
        let mut found = FoundDate {
            end,
            month: Some(month),
            day: Some(d),
            ..FoundDate::empty(at, false)
        };
        if let Some((y, e)) = self.year_after(chars, end) {
            found.year = Some(y);
            found.end = e;
        }
        Some(found)
    }

    /// A year of its own (in 2024, by 2027, mid-2025) or a range of years (2025-2027, from 2024
    /// to 2026, between 2021 and 2025), in English text.
    fn year_en(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        let (year, end) = year_word(chars, at)?;
        if at > 0 && matches!(chars[at - 1], '$' | '#' | '/' | '.' | '¥' | '€' | '£') || !in_english(chars, at, end)
        {
            return None;
        }
        let mut found = FoundDate {
            end,
            year: Some(year),
            ..FoundDate::empty(at, false)
        };
        let introduced = preceded_by(&self.words.before_year_en, chars, at);
        let joined = chars
            .get(end)
            .is_some_and(|&c| c == '/' || self.words.range_marks.contains(c));
        let until = if joined {
            // 2025-2027; 2025-05-14 and 2025/5/14 are read as Chinese-style dates are.
            Some(year_word(chars, end + 1)?)
        } else {
            let between = at >= 8 && phrase_at(chars, at - 8, "between ").is_some();
            self.words
                .range_words_en
                .iter()
                .filter(|w| *w != "and" || between)
                .find_map(|w| phrase_at(chars, end + 1, w).filter(|_| chars.get(end) == Some(&' ')))
                .filter(|&e| chars.get(e) == Some(&' '))
                .and_then(|e| year_word(chars, e + 1))
        };
        if let Some((until, e)) = until {
            if until <= year {
                return None;
            }
            found.until_year = Some(until);
            found.end = e;
            return Some(found);
        }
        // A year before a unit is a number (2025 yuan); one that nothing introduces, before a
        // name, is part of the name (the 2025 World AI Conference).
        if chars.get(end) == Some(&'%') {
            return None;
        }
        if chars.get(end) == Some(&' ') {
            let next_end = word_end(chars, end + 1);
            let next: String = chars[end + 1..next_end].iter().collect();
            let capital = next.starts_with(|c: char| c.is_ascii_uppercase());
            if self
                .words
                .not_year_before_en
                .iter()
                .any(|w| w.eq_ignore_ascii_case(&next))
                || !introduced && capital && self.month_en(chars, end + 1, next_end).is_none()
                || !introduced
                    && self
                        .words
                        .event_after_year_en
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(&next))
            {
                return None;
            }
        }
        Some(found)
    }
}
