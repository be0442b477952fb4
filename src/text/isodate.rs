//! Date values as the annotator writes them (ISO 8601 and its extensions): a day `2025-05-14`,
//! a month `2025-05`, a year `2025`, ranges `2024/2027`, `2025-01/2025-04`,
//! `2025-05-14/2025-05-16`, and, when no year is known, `--05-14`, `--05` and `--` (a year
//! written relative to one the article does not give). Read into parts so that pages can write
//! them for readers, group them by year, and give HTML a `datetime` it accepts.

/// One end of a date: as much of it as is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

/// A date or a range of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate {
    pub start: Point,
    /// The last day, month or year of a range.
    pub end: Option<Point>,
}

/// The group of dates without a known year (the timeline lists them apart, after the years).
pub const YEAR_UNKNOWN: &str = "unknown";

fn number<T: std::str::FromStr>(digits: &str, len: usize) -> Option<T> {
    (digits.len() == len && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

impl Point {
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, and without the year `--`, `--MM`, `--MM-DD`.
    fn parse(text: &str) -> Option<Point> {
        let (year, rest) = match text.strip_prefix("--") {
            Some(rest) => (None, rest),
            None => {
                let (year, rest) = text.split_at_checked(4)?;
                let rest = match rest {
                    "" => "",
                    _ => rest.strip_prefix('-').filter(|r| !r.is_empty())?,
                };
                (Some(number::<i32>(year, 4)?), rest)
            }
        };
        let (month, day) = match rest.split_once('-') {
            _ if rest.is_empty() => (None, None),
            Some((m, d)) => (Some(number::<u32>(m, 2)?), Some(number::<u32>(d, 2)?)),
            None => (Some(number::<u32>(rest, 2)?), None),
        };
        let valid = month.is_none_or(|m| (1..=12).contains(&m)) && day.is_none_or(|d| (1..=31).contains(&d));
        valid.then_some(Point { year, month, day })
    }

    /// The HTML `datetime` of this point, when HTML has one for what is known of it: a year, a
    /// month, a day, or a day without its year (HTML's yearless date `05-14`: validators reject
    /// ISO's leading `--`); a month without its year has none.
    fn datetime(&self) -> Option<String> {
        match (self.year, self.month, self.day) {
            (Some(y), None, None) => Some(format!("{y:04}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (None, Some(m), Some(d)) => Some(format!("{m:02}-{d:02}")),
            _ => None,
        }
    }
}

impl IsoDate {
    /// Reads a date value; `None` for anything else.
    pub fn parse(value: &str) -> Option<IsoDate> {
        match value.split_once('/') {
            Some((start, end)) => Some(IsoDate {
                start: Point::parse(start)?,
                end: Some(Point::parse(end)?),
            }),
            None => Some(IsoDate {
                start: Point::parse(value)?,
                end: None,
            }),
        }
    }

    /// The HTML `datetime` of its start, when there is one.
    pub fn datetime(&self) -> Option<String> {
        self.start.datetime()
    }
}

/// The publication date a web address holds, as ISO 8601 (`2025-06-04`, `2023-02`, `2025`): the
/// forms news and government sites use — `…/2025/0604/…`, `…/202302/t20230215_…`,
/// `…/art/2024/5/21/…`, `…/2025-04/02/…`, `…/20250604/…`, `…/art/2025/art_…` (a year alone).
/// The most precise one wins; `None` when the path holds no date (`…/c_819876.htm`). The host and
/// the query are not read.
pub fn date_in_address(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str| s.parse::<u32>().ok();
    let year = |s: &str| number(s).filter(|y| s.len() == 4 && (1990..2100).contains(y));
    let month = |s: &str| number(s).filter(|m| (1..=2).contains(&s.len()) && (1..=12).contains(m));
    let day = |s: &str| number(s).filter(|d| (1..=2).contains(&s.len()) && (1..=31).contains(d));
    let full = |y: u32, m: u32, d: u32| Some(format!("{y:04}-{m:02}-{d:02}"));
    let mut best: Option<String> = None;
    let mut keep = |found: Option<String>| {
        if let Some(found) = found
            && best.as_ref().is_none_or(|b| found.len() > b.len())
        {
            best = Some(found);
        }
    };
    for (i, segment) in segments.iter().enumerate() {
        let next = segments.get(i + 1).copied().unwrap_or("");
        let after = segments.get(i + 2).copied().unwrap_or("");
        // Eight digits anywhere in a segment (t20230215_…, 20250604).
        for run in segment.split(|c: char| !c.is_ascii_digit()).filter(|r| r.len() == 8) {
            keep(compact_date(run).and_then(|(y, m, d)| full(y, m, d)));
        }
        if let Some(y) = year(segment) {
            if next.len() == 4 && digits(next) {
                // 2025/0604
                keep(month(&next[..2]).zip(day(&next[2..])).and_then(|(m, d)| full(y, m, d)));
            }
            match (month(next), day(after.split('.').next().unwrap_or(""))) {
                // art/2024/5/21
                (Some(m), Some(d)) if digits(after.split('.').next().unwrap_or("")) => keep(full(y, m, d)),
                (Some(m), _) if next.len() == 2 => keep(Some(format!("{y:04}-{m:02}"))),
                _ => keep(Some(format!("{y:04}"))),
            }
        }
        // 2025-04/02 and 2025-04-02
        let parts: Vec<&str> = segment.split('-').collect();
        if parts.len() >= 2
            && parts.iter().all(|p| digits(p))
            && let (Some(y), Some(m)) = (year(parts[0]), month(parts[1]))
        {
            match (parts.get(2), day(next)) {
                (Some(d), _) => keep(day(d).and_then(|d| full(y, m, d))),
                (None, Some(d)) if digits(next) => keep(full(y, m, d)),
                _ => keep(Some(format!("{y:04}-{m:02}"))),
            }
        }
        // 202302
        if segment.len() == 6
            && digits(segment)
            && let (Some(y), Some(m)) = (year(&segment[..4]), month(&segment[4..]))
        {
            keep(Some(format!("{y:04}-{m:02}")));
        }
    }
    best
}

/// A date written as eight digits, YYYYMMDD (a government document's signing date, 20251224):
/// (year, month, day) when it is one.
pub fn compact_date(text: &str) -> Option<(u32, u32, u32)> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    let (y, m, d) = (number(0..4)?, number(4..6)?, number(6..8)?);
    ((1900..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The year a date value starts in (`2025`), or [`YEAR_UNKNOWN`]: the group it is listed under
/// on the timeline, and the year its filter knows it by.
pub fn year_group(value: &str) -> &str {
    match value.get(..4) {
        Some(year) if year.bytes().all(|b| b.is_ascii_digit()) => year,
        _ => YEAR_UNKNOWN,
    }
}

/// The timeline group a date value is listed under: its start's month (`2025-05`) when it has
/// one and a year, else its year (`2025`), else [`YEAR_UNKNOWN`]. Groups are where the timeline's
/// pages are, so a date's group never depends on any other date.
pub fn group_key(value: &str) -> String {
    match IsoDate::parse(value).map(|d| d.start) {
        Some(Point {
            year: Some(y),
            month: Some(m),
            ..
        }) => format!("{y:04}-{m:02}"),
        Some(Point { year: Some(y), .. }) => format!("{y:04}"),
        _ => match value.get(..4) {
            Some(year) if year.bytes().all(|b| b.is_ascii_digit()) => year.to_string(),
            _ => YEAR_UNKNOWN.to_string(),
        },
    }
}

/// The date value a `datetime` stands for (the inverse of [`datetime`] where it has one): a
/// yearless `05-14` is `--05-14`.
pub fn value_of_datetime(datetime: &str) -> String {
    if datetime.get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())) {
        datetime.to_string()
    } else {
        format!("--{datetime}")
    }
}

/// Whether a date value has a known year.
pub fn has_year(value: &str) -> bool {
    year_group(value) != YEAR_UNKNOWN
}

/// The HTML `datetime` of a date value's start, when HTML has one for it.
pub fn datetime(value: &str) -> Option<String> {
    IsoDate::parse(value).and_then(|d| d.datetime())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Point {
        Point { year, month, day }
    }

    #[test]
    fn dates_group_by_their_start_month_else_year() {
        for (value, group) in [
            ("2025-05-14", "2025-05"),
            ("2025-05", "2025-05"),
            ("2025", "2025"),
            ("2024/2027", "2024"),
            ("2025-01/2025-04", "2025-01"),
            ("2025-05-14/2025-05-16", "2025-05"),
            ("--05-14", YEAR_UNKNOWN),
            ("--", YEAR_UNKNOWN),
        ] {
            assert_eq!(group_key(value), group, "{value}");
        }
        for value in ["2025-05-14", "2025-05", "2025", "--05-14"] {
            assert_eq!(value_of_datetime(&datetime(value).unwrap()), value);
        }
        assert_ne!(value_of_datetime(&datetime("2024/2027").unwrap()), "2024/2027");
    }

    #[test]
    fn every_form_the_annotator_writes_is_read() {
        let one = |v: &str| IsoDate::parse(v).map(|d| (d.start, d.end));
        assert_eq!(one("2025-05-14"), Some((p(Some(2025), Some(5), Some(14)), None)));
        assert_eq!(one("2025-05"), Some((p(Some(2025), Some(5), None), None)));
        assert_eq!(one("2025"), Some((p(Some(2025), None, None), None)));
        assert_eq!(
            one("2024/2027"),
            Some((p(Some(2024), None, None), Some(p(Some(2027), None, None))))
        );
        assert_eq!(
            one("2025-01/2025-04"),
            Some((p(Some(2025), Some(1), None), Some(p(Some(2025), Some(4), None))))
        );
        assert_eq!(one("--09-16"), Some((p(None, Some(9), Some(16)), None)));
        assert_eq!(one("--09"), Some((p(None, Some(9), None), None)));
        assert_eq!(one("--"), Some((p(None, None, None), None)));
        assert_eq!(
            one("--07-26/--07-28"),
            Some((p(None, Some(7), Some(26)), Some(p(None, Some(7), Some(28)))))
        );
        for bad in [
            "",
            "2025-13",
            "2025-05-32",
            "20255",
            "May",
            "2025-5-14",
            "2025-",
            "2025--05",
            "--13",
            "a/b",
            "2025/",
        ] {
            assert_eq!(IsoDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn html_gets_a_datetime_only_when_it_has_one() {
        assert_eq!(datetime("2025-05-14").as_deref(), Some("2025-05-14"));
        assert_eq!(datetime("2024/2027").as_deref(), Some("2024"));
        assert_eq!(datetime("--09-16").as_deref(), Some("09-16"));
        assert_eq!(datetime("--09"), None);
        assert_eq!(datetime("--"), None);
        assert_eq!(datetime("soon"), None);
    }

    #[test]
    fn dates_without_a_year_group_apart() {
        assert_eq!(year_group("2025-05-14"), "2025");
        assert_eq!(year_group("2024/2027"), "2024");
        assert_eq!(year_group("--09-16"), YEAR_UNKNOWN);
        assert_eq!(year_group("--"), YEAR_UNKNOWN);
        assert!(has_year("2025") && !has_year("--09"));
    }

    #[test]
    fn dates_in_web_addresses() {
        let d = |u: &str| date_in_address(u);
        assert_eq!(
            d("https://news.example.cn/2025/0604/c123.html").as_deref(),
            Some("2025-06-04")
        );
        assert_eq!(
            d("http://www.gov.cn/zhengce/202302/t20230215_1234.html").as_deref(),
            Some("2023-02-15")
        );
        assert_eq!(
            d("https://www.zj.gov.cn/art/2024/5/21/art_1229_123.html").as_deref(),
            Some("2024-05-21")
        );
        assert_eq!(
            d("http://paper.example.cn/html/2025-04/02/content_1.htm").as_deref(),
            Some("2025-04-02")
        );
        assert_eq!(
            d("https://www.example.com/col/col1229/art/2025/art_99b8.html").as_deref(),
            Some("2025")
        );
        assert_eq!(
            d("https://www.example.com/a/20250604/x.shtml").as_deref(),
            Some("2025-06-04")
        );
        assert_eq!(d("http://www.xinhuanet.com/english/c_819876.htm"), None);
        assert_eq!(d("https://www.top168.com/news/show-734218.html"), None);
        // The host and the query hold no publication date.
        assert_eq!(d("https://2025.example.com/page?date=20250101"), None);
    }
}
