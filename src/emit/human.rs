//! Dates and figures written for readers: `2025-05-14` as 2025年5月14日 (in an English article,
//! 14 May 2025), `2024/2027` as 2024—2027年, `--09-16` as 9月16日 with its year unknown; a
//! figure's normalised value `570000000000 CNY` as the hint ≈ ¥570 billion. The words (English
//! months, currency signs, large-number words) are `data/strings.toml`'s.

use crate::knowledge::{QualifierKind, Strings};
use crate::text::escape;
use crate::text::han::is_wide;
use crate::text::isodate::{IsoDate, Point};
use serde::Serialize;

/// The language a date is written for: the article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The language of an article (`en` or else Chinese).
    pub fn of(language: &str) -> Lang {
        if language == "en" { Lang::En } else { Lang::Zh }
    }

    /// The `lang` attribute its text needs on a Chinese page, if any.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Lang::En => Some("en"),
            Lang::Zh => None,
        }
    }
}

/// Marks Markdown written in a language other than the page's (an English article's
/// paragraph), which the renderer turns into `<span lang="en">`. Chinese needs no mark: the
/// page's own script is applied to it.
pub fn in_lang(md: String, lang: Lang) -> String {
    match lang.attribute() {
        Some(tag) => super::mark::in_lang(&md, tag),
        None => md,
    }
}

/// A string the page shows in Chinese with its English after it (“時間線 Timeline”), split so
/// that the English can carry its own `lang`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bilingual {
    pub zh: String,
    pub en: Option<String>,
}

impl Bilingual {
    /// Splits after the last Chinese char: what follows is English when it has a Latin letter
    /// (“用例 Uses (3)” → 用例 + Uses (3); “2025年” stays whole).
    pub fn split(text: &str) -> Bilingual {
        let cut = text
            .char_indices()
            .rfind(|&(_, c)| is_wide(c))
            .map(|(i, c)| i + c.len_utf8());
        match cut {
            Some(cut) if text[cut..].chars().any(|c| c.is_ascii_alphabetic()) => Bilingual {
                zh: text[..cut].trim_end().to_string(),
                en: Some(text[cut..].trim().to_string()),
            },
            _ => Bilingual {
                zh: text.to_string(),
                en: None,
            },
        }
    }

    /// As annotated Markdown, the English marked with its language.
    pub fn markdown(&self) -> String {
        let zh = escape::markdown(&self.zh);
        match &self.en {
            Some(en) => format!("{zh} {}", in_lang(escape::markdown(en), Lang::En)),
            None => zh,
        }
    }
}

/// A date value as a reader reads it, or `None` when it is no date value or says nothing more
/// than that its year is unknown (`--`): the page then shows the words as written.
pub fn readable_date(value: &str, lang: Lang, s: &Strings) -> Option<String> {
    let d = IsoDate::parse(value)?;
    let text = match lang {
        Lang::Zh => date_zh(&d),
        Lang::En => date_en(&d, s),
    };
    (!text.is_empty()).then_some(text)
}

/// 2025年5月14日, 2025年5月14日—16日, 2025年1—4月, 2024—2027年, 9月16日.
fn date_zh(d: &IsoDate) -> String {
    let point = |p: &Point, with_year: bool, with_month: bool| {
        let mut out = String::new();
        if with_year && let Some(y) = p.year {
            out.push_str(&format!("{y}年"));
        }
        if with_month && let Some(m) = p.month {
            out.push_str(&format!("{m}月"));
        }
        if let Some(day) = p.day {
            out.push_str(&format!("{day}日"));
        }
        out
    };
    let Some(end) = d.end else {
        return point(&d.start, true, true);
    };
    let s = d.start;
    match (s.month, s.day, end.month, end.day) {
        // Years alone: 2024—2027年.
        (None, None, None, None) => match (s.year, end.year) {
            (Some(a), Some(b)) => format!("{a}—{b}年"),
            _ => point(&s, true, true),
        },
        // Months of one year: 2025年1—4月.
        (Some(a), None, Some(b), None) if s.year == end.year => {
            let year = s.year.map(|y| format!("{y}年")).unwrap_or_default();
            format!("{year}{a}—{b}月")
        }
        // Anything else: the end without what it shares with the start.
        _ => {
            let same_year = s.year == end.year;
            let same_month = same_year && s.month == end.month && end.day.is_some();
            format!("{}—{}", point(&s, true, true), point(&end, !same_year, !same_month))
        }
    }
}

/// 14 May 2025, 14–16 May 2025, January–April 2025, 2024–2027, 16 September.
fn date_en(d: &IsoDate, s: &Strings) -> String {
    let month = |m: u32| {
        s.months_en
            .get(m as usize - 1)
            .cloned()
            .unwrap_or_else(|| m.to_string())
    };
    let point = |p: &Point, with_year: bool, with_month: bool| {
        let mut parts: Vec<String> = Vec::new();
        if let Some(day) = p.day {
            parts.push(day.to_string());
        }
        if with_month && let Some(m) = p.month {
            parts.push(month(m));
        }
        if with_year && let Some(y) = p.year {
            parts.push(y.to_string());
        }
        parts.join(" ")
    };
    let Some(end) = d.end else {
        return point(&d.start, true, true);
    };
    let st = d.start;
    let year = |p: &Point| p.year.map(|y| format!(" {y}")).unwrap_or_default();
    match (st.month, st.day, end.month, end.day) {
        (None, None, None, None) => match (st.year, end.year) {
            (Some(a), Some(b)) => format!("{a}–{b}"),
            _ => point(&st, true, true),
        },
        (Some(a), None, Some(b), None) if st.year == end.year => format!("{}–{}{}", month(a), month(b), year(&end)),
        (Some(a), Some(x), Some(b), Some(y)) if st.year == end.year && a == b => {
            format!("{x}–{y} {}{}", month(a), year(&end))
        }
        _ if st.year == end.year => format!("{} – {}", point(&st, false, true), point(&end, true, true)),
        _ => format!("{} – {}", point(&st, true, true), point(&end, true, true)),
    }
}

/// The hint after a figure as written: its value as a reader reads it, with what its
/// qualifier says (超200億元 → more than ¥20 billion; 5700億元 → ¥570 billion; 30多個 → more than
/// 30 units). Never "≈": a qualifier is not a rounding.
pub fn figure_hint(number: f64, unit: &str, qualifier: Option<QualifierKind>, s: &Strings) -> String {
    let value = figure_value(number, unit, s);
    match qualifier.and_then(|q| s.figure_qualifiers.get(&q)) {
        Some(word) => format!("{word} {value}"),
        None => value,
    }
}

/// A share as a reader reads it: a whole percentage (七成 → 70%), else the fraction with the
/// smallest denominator it is (三分之一 → 1/3), else a percentage.
fn share_value(number: f64) -> String {
    let percent = number * 100.0;
    if (percent - percent.round()).abs() < 1e-6 {
        return format!("{}%", plain_number(percent.round()));
    }
    (2..=20u32)
        .find_map(|d| {
            let n = number * f64::from(d);
            ((n - n.round()).abs() < 1e-6 && n.round() >= 1.0).then(|| format!("{}/{d}", n.round()))
        })
        .unwrap_or_else(|| format!("{}%", plain_number(percent)))
}

/// A normalised value: ¥570 billion, 70%, 3,000 companies/institutions.
pub fn figure_value(number: f64, unit: &str, s: &Strings) -> String {
    match unit {
        // A share (七成) is a fraction; percentages are written as they are.
        // A share that is no whole percentage (三分之一) is shown as the fraction it was written
        // as (1/3), never as a rounding of it (33.33%).
        "share" => return share_value(number),
        "%" => return format!("{}%", plain_number(number)),
        _ => {}
    }
    let (amount, word) = s
        .number_words_en
        .iter()
        .find(|w| w.at > 0.0 && number.abs() >= w.at)
        .map_or((plain_number(number), String::new()), |w| {
            (plain_number(number / w.at), format!(" {}", w.word))
        });
    match s.currency_symbols.get(unit) {
        Some(symbol) => format!("{symbol}{amount}{word}"),
        None if unit.is_empty() => format!("{amount}{word}"),
        None => format!("{amount}{word} {unit}"),
    }
}

/// A number with thousands separators and at most two decimals: 3,000; 1.25; 570.
fn plain_number(n: f64) -> String {
    let rounded = (n * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s() -> Strings {
        Strings::embedded().unwrap()
    }

    #[test]
    fn bilingual_strings_split_before_their_english() {
        let split = |t: &str| {
            let b = Bilingual::split(t);
            (b.zh, b.en)
        };
        assert_eq!(split("時間線 Timeline"), ("時間線".into(), Some("Timeline".into())));
        assert_eq!(split("用例 Uses (3)"), ("用例".into(), Some("Uses (3)".into())));
        assert_eq!(
            split("年份由文章推斷 year inferred from the article").1.as_deref(),
            Some("year inferred from the article")
        );
        assert_eq!(split("2025年"), ("2025年".into(), None));
        assert_eq!(split("AI+ 城市觀察"), ("AI+ 城市觀察".into(), None));
        assert_eq!(split("Timeline"), ("Timeline".into(), None));
        assert_eq!(
            Bilingual::split("時間線 Timeline (2/5)").markdown(),
            format!("時間線 {}", super::super::mark::in_lang("Timeline \\(2\\/5\\)", "en"))
        );
    }

    #[test]
    fn dates_in_chinese() {
        let zh = |v: &str| readable_date(v, Lang::Zh, &s());
        assert_eq!(zh("2025-05-14").as_deref(), Some("2025年5月14日"));
        assert_eq!(zh("2024-10").as_deref(), Some("2024年10月"));
        assert_eq!(zh("2025").as_deref(), Some("2025年"));
        assert_eq!(zh("2025/2030").as_deref(), Some("2025—2030年"));
        assert_eq!(zh("2025-01/2025-04").as_deref(), Some("2025年1—4月"));
        assert_eq!(zh("2025-05-14/2025-05-16").as_deref(), Some("2025年5月14日—16日"));
        assert_eq!(zh("2025-05-30/2025-06-02").as_deref(), Some("2025年5月30日—6月2日"));
        assert_eq!(
            zh("2024-12-30/2025-01-02").as_deref(),
            Some("2024年12月30日—2025年1月2日")
        );
        assert_eq!(zh("2024-10/2025-03").as_deref(), Some("2024年10月—2025年3月"));
        // Without a year: the month and day only (the page adds that the year is unknown).
        assert_eq!(zh("--09-16").as_deref(), Some("9月16日"));
        assert_eq!(zh("--09").as_deref(), Some("9月"));
        assert_eq!(zh("--07-26/--07-28").as_deref(), Some("7月26日—28日"));
        assert_eq!(zh("--01/--04").as_deref(), Some("1—4月"));
        assert_eq!(zh("--"), None);
        assert_eq!(zh("next spring"), None);
    }

    #[test]
    fn dates_in_english() {
        let en = |v: &str| readable_date(v, Lang::En, &s());
        assert_eq!(en("2025-05-14").as_deref(), Some("14 May 2025"));
        assert_eq!(en("2024-10").as_deref(), Some("October 2024"));
        assert_eq!(en("2025").as_deref(), Some("2025"));
        assert_eq!(en("2024/2027").as_deref(), Some("2024–2027"));
        assert_eq!(en("2025-01/2025-04").as_deref(), Some("January–April 2025"));
        assert_eq!(en("2025-05-14/2025-05-16").as_deref(), Some("14–16 May 2025"));
        assert_eq!(en("2025-05-30/2025-06-02").as_deref(), Some("30 May – 2 June 2025"));
        assert_eq!(
            en("2024-12-30/2025-01-02").as_deref(),
            Some("30 December 2024 – 2 January 2025")
        );
        assert_eq!(en("--09-16").as_deref(), Some("16 September"));
        assert_eq!(en("--07-26/--07-28").as_deref(), Some("26–28 July"));
        assert_eq!(en("--"), None);
    }

    #[test]
    fn figures_get_a_readable_hint() {
        let s = s();
        assert_eq!(figure_hint(570_000_000_000.0, "CNY", None, &s), "¥570 billion");
        assert_eq!(
            figure_hint(20_000_000_000.0, "CNY", Some(QualifierKind::MoreThan), &s),
            "more than ¥20 billion"
        );
        assert_eq!(figure_hint(0.3, "share", Some(QualifierKind::Nearly), &s), "nearly 30%");
        assert_eq!(figure_hint(30.0, "%", Some(QualifierKind::AtMost), &s), "up to 30%");
        assert_eq!(figure_value(1_000_000_000_000.0, "CNY", &s), "¥1 trillion");
        assert_eq!(figure_value(560_000_000.0, "CNY", &s), "¥560 million");
        assert_eq!(figure_value(1_250_000_000.0, "USD", &s), "US$1.25 billion");
        assert_eq!(figure_value(0.7, "share", &s), "70%");
        // 三分之一 and 三分之二 as written, never a rounding (33.33%); 四分之一 is a whole 25%.
        assert_eq!(figure_value(1.0 / 3.0, "share", &s), "1/3");
        assert_eq!(figure_value(2.0 / 3.0, "share", &s), "2/3");
        assert_eq!(figure_value(1.0 / 4.0, "share", &s), "25%");
        assert_eq!(
            figure_hint(1.0 / 3.0, "share", Some(QualifierKind::Nearly), &s),
            "nearly 1/3"
        );
        assert_eq!(figure_value(12.5, "%", &s), "12.5%");
        assert_eq!(
            figure_value(3000.0, "companies/institutions", &s),
            "3,000 companies/institutions"
        );
        assert_eq!(
            figure_value(104.0, "companies/institutions", &s),
            "104 companies/institutions"
        );
        assert_eq!(figure_value(120_000.0, "", &s), "120,000");
        assert_eq!(figure_value(-2500.0, "t", &s), "-2,500 t");
    }
}
