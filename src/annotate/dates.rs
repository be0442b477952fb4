//! Dates: 2024年10月, 5月14日, 2025年9月28日, 2027年底, 2025年上半年, 2024—2027年, 今年8月,
//! 2025-05-14, May 14, 2025. A bare number before a name (2025数据安全发展大会) is a name, not
//! a date. Dates without a year take the article's year, and say so.

use super::numerals::{arabic_digit, chinese_digit};
use super::starts_with;

/// A date found in a text, before the article's year is known.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    /// Years relative to the article's year (今年 0, 去年 -1, 明年 1).
    pub relative_year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// The last year of a range (2024—2027年).
    pub until_year: Option<i32>,
    /// The end of a range within one year: month and day (1—4月, 5月14日至16日).
    pub until: Option<(u32, Option<u32>)>,
    /// A target or deadline (到2027年底, 2030年前): not evidence of when the article was written.
    pub target: bool,
}

impl FoundDate {
    /// A date starting at `at` with nothing read yet.
    fn empty(at: usize, target: bool) -> FoundDate {
        FoundDate {
            start: at,
            end: at,
            year: None,
            relative_year: None,
            month: None,
            day: None,
            until_year: None,
            until: None,
            target,
        }
    }

    /// Whether the year must come from the article (5月14日, 今年).
    pub fn needs_article_year(&self) -> bool {
        self.year.is_none()
    }

    /// The ISO 8601 value (2025-05-14, 2024-10, 2027, 2024/2027), given the article's year.
    pub fn iso(&self, article_year: Option<i32>) -> Option<String> {
        let year = match (self.year, self.relative_year) {
            (Some(y), _) => y,
            (None, Some(offset)) => article_year? + offset,
            (None, None) => article_year?,
        };
        if let Some(until) = self.until_year {
            return Some(format!("{year:04}/{until:04}"));
        }
        let iso = |month: Option<u32>, day: Option<u32>| match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        };
        let start = iso(self.month, self.day);
        Some(match self.until {
            Some((m, d)) => format!("{start}/{}", iso(Some(m), d)),
            None => start,
        })
    }
}

const YEAR_QUALIFIERS: [&str; 8] = ["上半年", "下半年", "年底", "年末", "年初", "底", "末", "初"];
const RANGE_MARKS: [char; 7] = ['—', '–', '-', '~', '～', '至', '到'];
const MONTHS_EN: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Digits (ASCII/full-width) at `at`: value and count.
fn digits(chars: &[char], at: usize) -> (u32, usize) {
    let mut value: u32 = 0;
    let mut n = 0;
    while let Some(d) = chars.get(at + n).and_then(|&c| arabic_digit(c)) {
        value = value.saturating_mul(10).saturating_add(d);
        n += 1;
    }
    (value, n)
}

/// A four-digit year in Arabic digits or 二〇二五-style Chinese digits.
fn year_at(chars: &[char], at: usize) -> Option<(i32, usize)> {
    let (value, n) = digits(chars, at);
    if n == 4 {
        return (1900..=2100).contains(&value).then_some((value as i32, 4));
    }
    if n == 0 {
        let mut value = 0;
        for k in 0..4 {
            let c = *chars.get(at + k)?;
            if c == '十' {
                return None;
            }
            value = value * 10 + chinese_digit(c)? as i32;
        }
        if chars.get(at + 4).and_then(|&c| chinese_digit(c)).is_none() && (1900..=2100).contains(&value) {
            return Some((value, 4));
        }
    }
    None
}

fn is_digitish(c: Option<&char>) -> bool {
    c.is_some_and(|&c| arabic_digit(c).is_some() || c == '.' || c.is_ascii_alphabetic())
}

/// Month (1–12) then optional day (号/日) at `at`: (month, day, length).
fn month_day(chars: &[char], at: usize) -> Option<(u32, Option<u32>, usize)> {
    let (m, n) = digits(chars, at);
    if n == 0 || n > 2 || !(1..=12).contains(&m) || chars.get(at + n) != Some(&'月') {
        return None;
    }
    let mut len = n + 1;
    let (d, dn) = digits(chars, at + len);
    if dn > 0 && dn <= 2 && (1..=31).contains(&d) && matches!(chars.get(at + len + dn), Some('日' | '号' | '號')) {
        len += dn + 1;
        return Some((m, Some(d), len));
    }
    Some((m, None, len))
}

/// A month range (1—4月, 1至4月): first month, last month, length.
fn month_range(chars: &[char], at: usize) -> Option<(u32, u32, usize)> {
    let (m1, n1) = digits(chars, at);
    if !(1..=2).contains(&n1) || !(1..=12).contains(&m1) || !chars.get(at + n1).is_some_and(|c| RANGE_MARKS.contains(c))
    {
        return None;
    }
    let (m2, n2) = digits(chars, at + n1 + 1);
    let end = at + n1 + 1 + n2;
    ((1..=2).contains(&n2) && m1 < m2 && m2 <= 12 && chars.get(end) == Some(&'月')).then_some((m1, m2, end + 1 - at))
}

/// After a month and day: the end of a day range (至16日, —6月2日).
fn day_range_end(chars: &[char], at: usize, month: u32) -> Option<(u32, u32, usize)> {
    if !chars.get(at).is_some_and(|c| RANGE_MARKS.contains(c)) {
        return None;
    }
    if let Some((m, Some(d), len)) = month_day(chars, at + 1) {
        return (m >= month).then_some((m, d, len + 1));
    }
    let (d, n) = digits(chars, at + 1);
    ((1..=2).contains(&n) && (1..=31).contains(&d) && matches!(chars.get(at + 1 + n), Some('日' | '号' | '號')))
        .then_some((month, d, n + 2))
}

/// Every date in `chars`, in order, non-overlapping.
pub fn find(chars: &[char]) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match date_at(chars, i) {
            Some(found) => {
                i = found.end;
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

fn date_at(chars: &[char], at: usize) -> Option<FoundDate> {
    if at > 0 && is_digitish(chars.get(at - 1)) {
        return None;
    }
    let target = is_target(chars, at);
    let blank = FoundDate::empty(at, target);
    // 今年, 去年, 明年, 前年 (+ month/day)
    for (word, offset) in [
        ("今年", 0),
        ("去年", -1),
        ("明年", 1),
        ("前年", -2),
        ("后年", 2),
        ("後年", 2),
    ] {
        if starts_with(chars, at, word) && !(word == "前年" && at > 0 && chars[at - 1] == '近') {
            let mut found = FoundDate {
                end: at + 2,
                relative_year: Some(offset),
                ..blank.clone()
            };
            extend_month_day(chars, &mut found);
            return Some(found);
        }
    }
    if let Some(found) = english_date(chars, at) {
        return Some(found);
    }
    if let Some((year, n)) = year_at(chars, at) {
        let after = at + n;
        // 2025-05-14, 2025/5/14, 2025.05.14
        if let Some(&sep) = chars.get(after)
            && matches!(sep, '-' | '/' | '.')
        {
            let (m, mn) = digits(chars, after + 1);
            if (1..=2).contains(&mn) && (1..=12).contains(&m) && chars.get(after + 1 + mn) == Some(&sep) {
                let (d, dn) = digits(chars, after + 2 + mn);
                if (1..=2).contains(&dn) && (1..=31).contains(&d) && !is_digitish(chars.get(after + 2 + mn + dn)) {
                    return Some(FoundDate {
                        end: after + 2 + mn + dn,
                        year: Some(year),
                        month: Some(m),
                        day: Some(d),
                        ..blank
                    });
                }
            }
        }
        // 2024—2027年 (first year without 年)
        if let Some(&mark) = chars.get(after)
            && RANGE_MARKS.contains(&mark)
            && let Some((until, un)) = year_at(chars, after + 1)
            && chars.get(after + 1 + un) == Some(&'年')
            && until > year
        {
            return Some(FoundDate {
                end: after + 2 + un,
                year: Some(year),
                until_year: Some(until),
                ..blank
            });
        }
        if chars.get(after) != Some(&'年') {
            return None; // a bare number before a name: 2025数据安全发展大会
        }
        let mut found = FoundDate {
            end: after + 1,
            year: Some(year),
            ..blank
        };
        // 2024年—2027年, 2024年至2027年
        if let Some(&mark) = chars.get(found.end)
            && RANGE_MARKS.contains(&mark)
            && let Some((until, un)) = year_at(chars, found.end + 1)
            && chars.get(found.end + 1 + un) == Some(&'年')
            && until > year
        {
            found.until_year = Some(until);
            found.end += 2 + un;
            return Some(found);
        }
        if chars.get(found.end) == Some(&'度') {
            found.end += 1;
            return Some(found);
        }
        extend_month_day(chars, &mut found);
        return Some(found);
    }
    if at > 0 && matches!(chars[at - 1], '个' | '個' | '第') {
        return None;
    }
    // 1—4月
    if let Some((first, last, len)) = month_range(chars, at) {
        return Some(FoundDate {
            end: at + len,
            month: Some(first),
            until: Some((last, None)),
            ..blank
        });
    }
    // 5月14日, 1月, 5月14日至16日
    let (month, day, len) = month_day(chars, at)?;
    if day.is_some()
        && let Some((m, d, more)) = day_range_end(chars, at + len, month)
    {
        return Some(FoundDate {
            end: at + len + more,
            month: Some(month),
            day,
            until: Some((m, Some(d))),
            ..blank
        });
    }
    Some(FoundDate {
        end: at + len,
        month: Some(month),
        day,
        ..blank
    })
}

/// After a year: a month and day, or a part of the year (上半年, 底).
fn extend_month_day(chars: &[char], found: &mut FoundDate) {
    if let Some((first, last, len)) = month_range(chars, found.end) {
        found.month = Some(first);
        found.until = Some((last, None));
        found.end += len;
        return;
    }
    if let Some((m, d, len)) = month_day(chars, found.end) {
        found.month = Some(m);
        found.day = d;
        found.end += len;
        if d.is_some()
            && let Some((m2, d2, more)) = day_range_end(chars, found.end, m)
        {
            found.until = Some((m2, Some(d2)));
            found.end += more;
        }
        return;
    }
    for q in YEAR_QUALIFIERS {
        // 今年底 and 2027年底 both read as the year; the qualifier stays in the span.
        let q = if found.relative_year.is_some() {
            q.trim_start_matches('年')
        } else {
            q
        };
        if !q.is_empty() && starts_with(chars, found.end, q) {
            found.end += q.chars().count();
            if q.ends_with('底') || q.ends_with('末') {
                found.target = true;
            }
            return;
        }
    }
}

/// 到2027年, 力争2030年前: a target year, not the time of writing.
fn is_target(chars: &[char], at: usize) -> bool {
    let before: String = chars[at.saturating_sub(3)..at].iter().collect();
    [
        "到", "至", "力争", "力爭", "预计", "預計", "将在", "將在", "计划", "計劃",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// May 14, 2025 · 14 May 2025 · May 2025
fn english_date(chars: &[char], at: usize) -> Option<FoundDate> {
    if !chars.get(at)?.is_ascii_alphabetic() && arabic_digit(chars[at]).is_none() {
        return None;
    }
    if at > 0 && chars[at - 1].is_ascii_alphanumeric() {
        return None;
    }
    let word_end = |from: usize| {
        (from..chars.len())
            .find(|&k| !chars[k].is_ascii_alphabetic())
            .unwrap_or(chars.len())
    };
    let month_of = |from: usize, to: usize| -> Option<u32> {
        let word: String = chars[from..to].iter().collect::<String>().to_ascii_lowercase();
        if word.len() < 3 {
            return None;
        }
        MONTHS_EN
            .iter()
            .position(|m| *m == word || (word.len() == 3 && m.starts_with(&word)))
            .map(|p| p as u32 + 1)
    };
    let blank = FoundDate::empty(at, false);
    let year_after = |from: usize| -> Option<(i32, usize)> {
        let mut k = from;
        if chars.get(k) == Some(&',') {
            k += 1;
        }
        if chars.get(k) != Some(&' ') {
            return None;
        }
        let (y, n) = digits(chars, k + 1);
        (n == 4 && (1900..=2100).contains(&y) && !chars.get(k + 1 + n).is_some_and(|c| c.is_ascii_alphanumeric()))
            .then_some((y as i32, k + 1 + n))
    };
    if chars[at].is_ascii_alphabetic() {
        let end = word_end(at);
        let month = month_of(at, end)?;
        let mut found = FoundDate {
            end,
            month: Some(month),
            ..blank
        };
        let mut k = end;
        if chars.get(k) == Some(&'.') {
            k += 1;
        }
        if chars.get(k) == Some(&' ') {
            let (d, n) = digits(chars, k + 1);
            if (1..=2).contains(&n) && (1..=31).contains(&d) && !is_digitish(chars.get(k + 1 + n)) {
                found.day = Some(d);
                found.end = k + 1 + n;
            }
        }
        if let Some((y, e)) = year_after(found.end) {
            found.year = Some(y);
            found.end = e;
        }
        // "May" alone is a word, not a date.
        return (found.day.is_some() || found.year.is_some()).then_some(found);
    }
    let (d, n) = digits(chars, at);
    if !(1..=2).contains(&n) || !(1..=31).contains(&d) || chars.get(at + n) != Some(&' ') {
        return None;
    }
    let end = word_end(at + n + 1);
    let month = month_of(at + n + 1, end)?;
    let mut found = FoundDate {
        end,
        month: Some(month),
        day: Some(d),
        ..blank
    };
    if let Some((y, e)) = year_after(end) {
        found.year = Some(y);
        found.end = e;
    }
    Some(found)
}

/// The year an article was written in, read from its own explicit dates: the latest year that
/// is not a target (到2027年) or a range. `None` when the text names no year.
pub fn infer_year<'a>(dates: impl IntoIterator<Item = &'a FoundDate>) -> Option<i32> {
    dates
        .into_iter()
        .filter(|d| !d.target && d.until_year.is_none())
        .filter_map(|d| d.year)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, year: Option<i32>) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        find(&chars)
            .iter()
            .map(|d| (chars[d.start..d.end].iter().collect(), d.iso(year).unwrap_or_default()))
            .collect()
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn full_and_partial_dates() {
        assert_eq!(
            dates("2024年10月,省发改委发布;2025年9月28日召开;5月14日,宁波举行", Some(2025)),
            pairs(&[
                ("2024年10月", "2024-10"),
                ("2025年9月28日", "2025-09-28"),
                ("5月14日", "2025-05-14")
            ])
        );
        assert_eq!(dates("自2022年以来", None), pairs(&[("2022年", "2022")]));
        assert_eq!(
            dates("1月舉行的浙江省2025年經濟政策新聞發布會", Some(2025)),
            pairs(&[("1月", "2025-01"), ("2025年", "2025")])
        );
    }

    #[test]
    fn qualifiers_ranges_and_relative() {
        assert_eq!(dates("到2027年底", None), pairs(&[("2027年底", "2027")]));
        assert_eq!(dates("2025年上半年", None), pairs(&[("2025年上半年", "2025")]));
        assert_eq!(dates("(2024—2027年)", None), pairs(&[("2024—2027年", "2024/2027")]));
        assert_eq!(dates("2024年至2027年", None), pairs(&[("2024年至2027年", "2024/2027")]));
        assert_eq!(
            dates("今年8月,去年", Some(2025)),
            pairs(&[("今年8月", "2025-08"), ("去年", "2024")])
        );
        assert_eq!(dates("2024年度报告", None), pairs(&[("2024年度", "2024")]));
    }

    #[test]
    fn ranges_within_a_year() {
        assert_eq!(
            dates("1—4月,全市;2025年1-3月;5月14日至16日;6月30日—7月2日", Some(2025)),
            pairs(&[
                ("1—4月", "2025-01/2025-04"),
                ("2025年1-3月", "2025-01/2025-03"),
                ("5月14日至16日", "2025-05-14/2025-05-16"),
                ("6月30日—7月2日", "2025-06-30/2025-07-02"),
            ])
        );
        assert!(dates("电话0577-88888888", None).is_empty());
    }

    #[test]
    fn numbers_that_are_not_dates() {
        assert!(dates("2025数据安全发展大会", None).is_empty());
        assert!(dates("在3年內,近年来,3个月,第5月", None).is_empty());
        assert!(dates("共12345年", None).is_empty());
        assert!(dates("13月", None).is_empty());
    }

    #[test]
    fn other_notations() {
        assert_eq!(
            dates("发布于2025-05-14。", None),
            pairs(&[("2025-05-14", "2025-05-14")])
        );
        assert_eq!(dates("二〇二五年", None), pairs(&[("二〇二五年", "2025")]));
        assert_eq!(
            dates("On May 14, 2025 and 17 May, Wenzhou in March 2024. May we?", Some(2025)),
            pairs(&[
                ("May 14, 2025", "2025-05-14"),
                ("17 May", "2025-05-17"),
                ("March 2024", "2024-03")
            ])
        );
    }

    #[test]
    fn article_year_ignores_targets_and_ranges() {
        let chars: Vec<char> = "2024年,到2030年前,2022年—2027年,2023年".chars().collect();
        assert_eq!(infer_year(&find(&chars)), Some(2024));
    }
}
