//! Dates: 2024年10月, 5月14日, 2025年9月28日, 2027年底, 2025年上半年, 2024—2027年, 今年8月,
//! 今年春节, 2025-05-14, May 14, 2025, Feb. 10, May 22-24, 2026. A bare number before a name
//! (2025数据安全发展大会) is a name, not a date. The words (relative years, parts of a year,
//! holidays, range marks, English months) are data (`[date]` in `data/lexicon.toml`).
//!
//! A date without a year (5月14日, 今年) takes the publication year when the article's metadata
//! or a date line gives one, and is otherwise kept without a year (`--05-14`): the year is never
//! guessed from other years the text happens to name.

mod english;

use super::numerals::{arabic_digit, chinese_digit};
use super::spans::starts_with;
use crate::knowledge::DateWords;

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
    /// Without a year to give, the value leaves the year out (`--05-14`, `--05`, and `--` for a
    /// relative year alone: 今年 in an undated article); it never invents one.
    pub fn iso(&self, article_year: Option<i32>) -> String {
        let year = match (self.year, self.relative_year) {
            (Some(y), _) => Some(y),
            (None, Some(offset)) => article_year.map(|y| y + offset),
            (None, None) => article_year,
        };
        if let (Some(year), Some(until)) = (year, self.until_year) {
            return format!("{year:04}/{until:04}");
        }
        let iso = |month: Option<u32>, day: Option<u32>| {
            let head = year.map_or_else(|| "-".to_string(), |y| format!("{y:04}"));
            match (month, day) {
                (Some(m), Some(d)) => format!("{head}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{head}-{m:02}"),
                _ if year.is_some() => head,
                _ => "--".to_string(),
            }
        };
        let start = iso(self.month, self.day);
        match self.until {
            Some((m, d)) => format!("{start}/{}", iso(Some(m), d)),
            None => start,
        }
    }
}

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
pub fn year_at(chars: &[char], at: usize) -> Option<(i32, usize)> {
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

/// Finds dates with the date words of the lexicon.
pub struct DateFinder<'a> {
    pub words: &'a DateWords,
}

impl DateFinder<'_> {
    fn is_range_mark(&self, c: Option<&char>) -> bool {
        c.is_some_and(|&c| self.words.range_marks.contains(c))
    }

    /// A month range (1—4月, 1至4月): first month, last month, length.
    fn month_range(&self, chars: &[char], at: usize) -> Option<(u32, u32, usize)> {
        let (m1, n1) = digits(chars, at);
        if !(1..=2).contains(&n1) || !(1..=12).contains(&m1) || !self.is_range_mark(chars.get(at + n1)) {
            return None;
        }
        let (m2, n2) = digits(chars, at + n1 + 1);
        let end = at + n1 + 1 + n2;
        ((1..=2).contains(&n2) && m1 < m2 && m2 <= 12 && chars.get(end) == Some(&'月')).then_some((
            m1,
            m2,
            end + 1 - at,
        ))
    }

    /// After a month and day: the end of a day range (至16日, —6月2日).
    fn day_range_end(&self, chars: &[char], at: usize, month: u32) -> Option<(u32, u32, usize)> {
        if !self.is_range_mark(chars.get(at)) {
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
    pub fn find(&self, chars: &[char]) -> Vec<FoundDate> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match self.date_at(chars, i) {
                Some(found) => {
                    i = found.end;
                    out.push(found);
                }
                None => i += 1,
            }
        }
        out
    }

    fn date_at(&self, chars: &[char], at: usize) -> Option<FoundDate> {
        if at > 0 && is_digitish(chars.get(at - 1)) {
            return None;
        }
        let target = self.words.target_before.ends_at(chars, at);
        let blank = FoundDate::empty(at, target);
        // 今年, 去年, 明年 (+ month/day, a part of the year or a holiday)
        for (word, offset) in &self.words.relative_years {
            if crate::text::words::folded_starts_with(&chars[at..], word)
                && !(at > 0 && self.words.relative_not_after.contains(chars[at - 1]))
            {
                let mut found = FoundDate {
                    end: at + word.len(),
                    relative_year: Some(*offset),
                    ..blank.clone()
                };
                self.extend_month_day(chars, &mut found);
                if found.end == at + word.len()
                    && let Some(n) = self.words.holidays.longest_at(chars, found.end)
                {
                    found.end += n;
                }
                return Some(found);
            }
        }
        // 上半年, 一季度 standing alone: this year's.
        if let Some(n) = self.words.current_year_parts.longest_at(chars, at)
            && !(at > 0 && (chars[at - 1] == '年' || arabic_digit(chars[at - 1]).is_some()))
        {
            return Some(FoundDate {
                end: at + n,
                relative_year: Some(0),
                ..blank
            });
        }
        if let Some(found) = self.english_date(chars, at) {
            return Some(found);
        }
        // 20251224 alone on its line: a signing date.
        if at == 0
            && let Some((y, m, d)) = crate::text::isodate::compact_date(&chars.iter().collect::<String>())
        {
            return Some(FoundDate {
                end: chars.len(),
                year: Some(y as i32),
                month: Some(m),
                day: Some(d),
                ..blank
            });
        }
        if let Some((year, n)) = year_at(chars, at) {
            return self.dated_by_year(chars, at, year, n, blank);
        }
        if at > 0 && matches!(chars[at - 1], '个' | '個' | '第') {
            return None;
        }
        // 1—4月
        if let Some((first, last, len)) = self.month_range(chars, at) {
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
            && let Some((m, d, more)) = self.day_range_end(chars, at + len, month)
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

    /// A date that starts with a written year (`n` chars at `at`).
    fn dated_by_year(&self, chars: &[char], at: usize, year: i32, n: usize, blank: FoundDate) -> Option<FoundDate> {
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
        if self.is_range_mark(chars.get(after))
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
        if self.is_range_mark(chars.get(found.end))
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
        self.extend_month_day(chars, &mut found);
        Some(found)
    }

    /// After a year: a month and day, or a part of the year (上半年, 底).
    fn extend_month_day(&self, chars: &[char], found: &mut FoundDate) {
        if let Some((first, last, len)) = self.month_range(chars, found.end) {
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
                && let Some((m2, d2, more)) = self.day_range_end(chars, found.end, m)
            {
                found.until = Some((m2, Some(d2)));
                found.end += more;
            }
            return;
        }
        for q in &self.words.year_parts {
            // 今年底 and 2027年底 both read as the year; the part stays in the span.
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Lexicon;

    fn dates(text: &str, year: Option<i32>) -> Vec<(String, String)> {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        DateFinder { words: &lex.date }
            .find(&chars)
            .iter()
            .map(|d| (chars[d.start..d.end].iter().collect(), d.iso(year)))
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
    fn without_a_year_the_value_leaves_it_out() {
        assert_eq!(
            dates("9月16日,溫州召開大會;7月26日至28日;1—4月;今年8月;今年", None),
            pairs(&[
                ("9月16日", "--09-16"),
                ("7月26日至28日", "--07-26/--07-28"),
                ("1—4月", "--01/--04"),
                ("今年8月", "--08"),
                ("今年", "--"),
            ])
        );
        assert_eq!(dates("9月", None), pairs(&[("9月", "--09")]));
        // Written years are kept whatever the article's year.
        assert_eq!(dates("2027年底", None), pairs(&[("2027年底", "2027")]));
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
        assert_eq!(
            dates("今年初,去年即完成,今年春节前就立项,明年底", Some(2025)),
            pairs(&[
                ("今年初", "2025"),
                ("去年", "2024"),
                ("今年春节", "2025"),
                ("明年底", "2026")
            ])
        );
        assert_eq!(
            dates("今年春節前,上半年全市;2025年上半年", Some(2025)),
            pairs(&[("今年春節", "2025"), ("上半年", "2025"), ("2025年上半年", "2025")])
        );
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
        assert!(dates("昨天,日前,近日,当日,5天后", None).is_empty());
    }

    #[test]
    fn other_notations() {
        assert_eq!(
            dates("发布于2025-05-14。", None),
            pairs(&[("2025-05-14", "2025-05-14")])
        );
        assert_eq!(dates("二〇二五年", None), pairs(&[("二〇二五年", "2025")]));
        assert_eq!(dates("20251224", None), pairs(&[("20251224", "2025-12-24")]));
        assert!(dates("电话20251224", None).is_empty());
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
    fn english_abbreviations_ranges_and_no_year() {
        assert_eq!(
            dates(
                "HANGZHOU, Feb. 10 (Xinhua) -- on Sept. 3 and May 22-24, 2026; Mar 5",
                None
            ),
            pairs(&[
                ("Feb. 10", "--02-10"),
                ("Sept. 3", "--09-03"),
                ("May 22-24, 2026", "2026-05-22/2026-05-24"),
                ("Mar 5", "--03-05"),
            ])
        );
        assert_eq!(dates("Feb. 10", Some(2025)), pairs(&[("Feb. 10", "2025-02-10")]));
        assert_eq!(
            dates("a discussion on Jan 25.", Some(2018)),
            pairs(&[("Jan 25", "2018-01-25")])
        );
        assert_eq!(
            dates("at a news conference on Sept 27.", Some(2022)),
            pairs(&[("Sept 27", "2022-09-27")])
        );
        assert!(dates("Jan 25.5", None).iter().all(|(t, _)| t != "Jan 25"));
        // Words that only start like a month are not months.
        assert!(dates("Marathon 5, Junk 3, Augusta 2", None).is_empty());
    }

    #[test]
    fn english_years_months_and_ranges() {
        // A year nothing introduces before an event noun names the event; introduced, it dates.
        assert_eq!(
            dates(
                "The 2021 gathering opened on Oct 31, 2021; the 2023 expo drew crowds.",
                Some(2022)
            ),
            pairs(&[("Oct 31, 2021", "2021-10-31")])
        );
        assert_eq!(
            dates("In 2021 conferences were held online.", Some(2022)),
            pairs(&[("2021", "2021")])
        );
        assert_eq!(
            dates(
                "In 2024, exports grew; by 2027 the city aims higher; mid-2025 and since 2018.",
                None
            ),
            pairs(&[("2024", "2024"), ("2027", "2027"), ("2025", "2025"), ("2018", "2018")])
        );
        assert_eq!(
            dates("the 2025-2027 plan, from 2024 to 2026, between 2021 and 2025", None),
            pairs(&[
                ("2025-2027", "2025/2027"),
                ("2024 to 2026", "2024/2026"),
                ("2021 and 2025", "2021/2025")
            ])
        );
        assert_eq!(
            dates("in March 2025, in March, since September and January-April", Some(2025)),
            pairs(&[
                ("March 2025", "2025-03"),
                ("March", "2025-03"),
                ("September", "2025-09"),
                ("January-April", "2025-01/2025-04")
            ])
        );
        // Written years stay as written; a month alone has no year without the article's.
        assert_eq!(dates("in March", None), pairs(&[("March", "--03")]));
        // Months that are words, names and counts are not dates.
        assert!(dates("May we? March on. A may-day.", Some(2025)).is_empty());
        assert!(dates("at the 2025 World Artificial Intelligence Conference", None).is_empty());
        assert!(dates("a budget of 2025 yuan, 2025 percent", None).is_empty());
        assert!(
            dates("2025年, 2025数据安全大会, 2025 年", None)
                .iter()
                .all(|(t, _)| t.contains('年'))
        );
        assert_eq!(
            dates("on 2025-05-14 in Ningbo", None),
            pairs(&[("2025-05-14", "2025-05-14")])
        );
    }

    #[test]
    fn english_parts_of_a_year_and_relative_years() {
        assert_eq!(
            dates(
                "In the first half of 2025, Q1 2025, spring 2024, the first quarter of last year",
                Some(2025)
            ),
            pairs(&[
                ("first half of 2025", "2025"),
                ("Q1 2025", "2025"),
                ("spring 2024", "2024"),
                ("first quarter of last year", "2024")
            ])
        );
        assert_eq!(
            dates(
                "Last year, this year and next year; in H1 and the first three quarters; this spring",
                Some(2025)
            ),
            pairs(&[
                ("Last year", "2024"),
                ("this year", "2025"),
                ("next year", "2026"),
                ("H1", "2025"),
                ("first three quarters", "2025"),
                ("this spring", "2025")
            ])
        );
        // Without a publication date, relative ones keep no year: never another year of the text.
        assert_eq!(
            dates("Founded in 2019, the firm grew 20 percent last year.", None),
            pairs(&[("2019", "2019"), ("last year", "--")])
        );
        // A half of something else, and a season alone, are not dates.
        assert!(dates("the first half of the plan period; spring tea", Some(2025)).is_empty());
    }

    #[test]
    fn english_targets() {
        let lex = Lexicon::embedded().unwrap();
        let chars: Vec<char> = "By 2027, output will double; by the end of 2025 and in 2024."
            .chars()
            .collect();
        let found = DateFinder { words: &lex.date }.find(&chars);
        let targets: Vec<bool> = found.iter().map(|d| d.target).collect();
        assert_eq!(targets, [true, true, false]);
    }
}
